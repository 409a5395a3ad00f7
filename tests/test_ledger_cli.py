"""``report-assistant ledger``: a real subprocess, real exit codes, Chinese messages, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from eval.synthetic import consistent_report
from schemas import labels as L
from schemas.layout import set_cell
from tests.ledger_support import Rec, expected_cells, mixed_records, sheet_rows, write_csv, write_xlsx
from tests.test_ledger import REVIEW_ROWS, _issue_rows

ROOT = Path(__file__).resolve().parent.parent


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "ledger", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=240)


def test_json_has_cells_issues_and_provenance(tmp_path):
    recs = mixed_records()
    apps = write_xlsx(tmp_path / "申请台账.xlsx", sheet_rows(recs, 2025))
    revs = write_xlsx(tmp_path / "复议.xlsx", REVIEW_ROWS, merge_title=False)
    p = run(apps, "--year", 2025, "--reviews", revs, "--json")
    assert p.returncode == 1, p.stderr  # two review rows left out
    doc = json.loads(p.stdout)
    assert {"cells", "issues", "provenance"} <= set(doc)
    assert {a: v for a, v in doc["cells"].items() if a.startswith("t3.")} == expected_cells(recs)
    assert doc["cells"]["t4.review.total"] == 3
    assert doc["issues"] == [{"row": 7, "reason": doc["issues"][0]["reason"], "ledger": "reviews"},
                             {"row": 8, "reason": doc["issues"][1]["reason"], "ledger": "reviews"}]
    assert doc["provenance"]["t4.review.total"] == [2, 3, 4]
    assert all(len(doc["provenance"][a]) == v for a, v in doc["cells"].items())


def test_text_prints_the_tables_and_each_row_left_out(tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", _issue_rows())
    p = run(path, "--year", 2025)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert "（一）予以公开\t2\t0\t0\t0\t0\t0\t2" in p.stdout
    assert "申请台账第9行：办理结果“不予公开”只写了（三）不予公开" in p.stdout


def test_all_placed_exits_0_and_the_year_is_said_when_not_given(tmp_path):
    path = write_csv(tmp_path / "l.csv", sheet_rows([Rec("new_received", "granted", "natural")], 2025), "gbk")
    p = run(path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "按台账中收到日期最多的年份（2025年）" in p.stdout


def test_a_column_to_choose_and_bad_files_exit_2_with_a_message(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [["序号", "来件时间点", "申请人", "申请人类型", "办理结果"],
                                            ["1", "2025-03-01", "张三", "自然人", "予以公开"]])
    p = run(path, "--year", 2025)
    assert p.returncode == 2 and "来件时间点" in p.stderr and "--column" in p.stderr and "Traceback" not in p.stderr
    p = run(path, "--year", 2025, "--column", "收到日期=来件时间点", "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["cells"]["t3.granted.natural"] == 1
    p = run(path, "--column", "不存在=来件时间点")
    assert p.returncode == 2 and "项目=表头" in p.stderr
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    p = run(tmp_path / "x.pdf")
    assert p.returncode == 2 and "不支持" in p.stderr and "Traceback" not in p.stderr


def test_d1_against_last_years_report(tmp_path):
    recs = mixed_records()  # carried over: 1 natural, 1 commercial
    path = write_xlsx(tmp_path / "l.xlsx", sheet_rows(recs, 2025))
    last = consistent_report(3)
    for c in L.T3_COLUMN_LABELS:
        set_cell(last, f"t3.carried_forward.{c}", 0)
    set_cell(last, "t3.carried_forward.natural", 1)
    set_cell(last, "t3.carried_forward.total", 1)
    prev = tmp_path / "last.json"
    prev.write_text(last.model_dump_json(), encoding="utf-8")
    p = run(path, "--year", 2025, "--previous", prev, "--json")
    notes = json.loads(p.stdout)["notes"]
    assert any(n.startswith("D1") and "商业企业为1件" in n for n in notes), notes
