"""Benchmark of the ledger: a 10,000-row application ledger (xlsx and csv) read and derived into
table 三 on one core.

    python -m eval.bench_ledger [--rows 10000] [--repeat 5]

Prints one line per measurement (best and median of the runs); README records the figures. The
target of issue 18: a 10,000-row ledger derived in under 1 second on one core.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

from assistant.ledger import OUTCOME_CHOICES, derive_applications, derive_ledger, locate, read_sheets

HEADERS = ["申请编号", "收到日期", "申请人", "申请人类型", "申请内容", "答复日期", "办理结果", "理由", "是否收费", "备注"]
_TYPES = ["自然人", "个人", "商业企业", "企业", "科研机构", "社会公益组织", "法律服务机构", "律师事务所", "其他", ""]
_NAMES = ["张三", "李四", "王五", "赵某某", "某某科技有限公司", "某某大学", "某某协会", "某某律师事务所", "陈**", "刘女士"]
_OTHER_WORDS = [("同意公开", ""), ("不予公开", "属于国家秘密"), ("无法提供", "本机关不掌握"), ("告知信息不存在", ""),
                ("不予处理", "信访举报投诉"), ("其他处理", "逾期未补正"), ("办理中", "")]


def ledger_rows(n: int, year: int = 2025, seed: int = 18) -> list[list[object]]:
    """A ledger of ``n`` applications in the shapes real ledgers have (title row, mixed date forms,
    outcomes in the template's words and in others, some types empty)."""
    rnd = random.Random(seed)
    rows: list[list[object]] = [[f"某县自然资源局{year}年政府信息公开申请办理台账"], HEADERS]
    for i in range(1, n + 1):
        day = rnd.randrange(0, 360)
        received_year = year if rnd.random() > 0.05 else year - 1
        month, dom = 1 + day // 31 % 12, 1 + day % 28
        forms = [f"{received_year}-{month:02d}-{dom:02d}", f"{received_year}/{month}/{dom}",
                 f"{received_year}年{month}月{dom}日"]
        outcome, reason = ((OUTCOME_CHOICES[rnd.randrange(len(OUTCOME_CHOICES) - 1)], "") if rnd.random() < 0.7
                           else _OTHER_WORDS[rnd.randrange(len(_OTHER_WORDS))])
        answered = "" if outcome == "办理中" else f"{year}-{min(12, month + 1):02d}-{dom:02d}"
        t = rnd.randrange(len(_TYPES))
        rows.append([f"YSQ-{i:06d}", forms[i % 3], _NAMES[t], _TYPES[t], f"申请公开第{i}号文件", answered, outcome,
                     reason, "否", ""])
    return rows


def write(rows: list[list[object]], folder: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("申请台账")
    for r in rows:
        ws.append(r)
    xlsx = folder / "ledger.xlsx"
    book.save(xlsx)
    csv_path = folder / "ledger.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return xlsx, csv_path


def timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm: imports, the vocabulary
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    rows = ledger_rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, csv_path = write(rows, Path(tmp))
        sheets = read_sheets(xlsx)
        table = locate(sheets, "applications", xlsx.name)
        check = derive_ledger(xlsx, year=2025)
        assert check.applications is not None
        print(f"# report-assistant ledger benchmark — Python {platform.python_version()}, {platform.machine()}, 1 core; "
              f"{args.rows:,} rows: {len(check.applications.placements):,} counted, {len(check.issues):,} left out")
        for name, fn in [
            ("xlsx: read + derive (derive_ledger)", lambda: derive_ledger(xlsx, year=2025)),
            ("csv: read + derive (derive_ledger)", lambda: derive_ledger(csv_path, year=2025)),
            ("xlsx: read only (python-calamine)", lambda: read_sheets(xlsx)),
            ("derive only (columns found, rows in memory)", lambda: derive_applications(table, 2025)),
        ]:
            best, median = timed(fn, args.repeat)
            print(f"{name:48s} best {best * 1000:7.1f} ms   median {median * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
