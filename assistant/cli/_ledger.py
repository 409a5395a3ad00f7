"""``report-assistant ledger FILE [--year Y] [--reviews FILE] [--json]``: tables 三 and 四 derived
from the application ledger (and the review/lawsuit ledger), with the rows that could not be placed.

Exit status: 0 every row placed, 1 some rows left out (listed), 2 a ledger that cannot be read or
used (a column to choose: ``--column 收到日期=登记时间``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = ["add_commands", "cmd_ledger", "format_derivation"]

_LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


def add_commands(sub) -> None:
    g = sub.add_parser("ledger", help="由政府信息公开申请台账（xlsx、xls、ods、csv）生成表三、表四，并列出无法归类的行")
    g.add_argument("file", help="申请台账文件")
    g.add_argument("--year", type=int, help="报告年度（默认取台账中收到日期最多的年份）")
    g.add_argument("--reviews", help="复议、诉讼台账文件（也可以是申请台账同一工作簿中的另一张工作表）")
    g.add_argument("--previous", help="上一年度的报告或申请台账，用于核对上年结转（D1）")
    g.add_argument("--column", action="append", default=[], metavar="项目=表头",
                   help="指定申请台账的列，例如 --column 收到日期=登记时间（可多次使用）")
    g.add_argument("--review-column", action="append", default=[], metavar="项目=表头",
                   help="指定复议诉讼台账的列，例如 --review-column 结果=审理结果")
    g.add_argument("--json", action="store_true",
                   help='以 JSON 输出：{"cells": {地址: 数}, "issues": [{"row": 行号, "reason": 原因}], "provenance": {地址: [行号]}}')
    g.set_defaults(func=cmd_ledger)


def _choices(kind, pairs: list[str]) -> dict[str, str]:
    from assistant.ledger import APPLICATION_ROLES, REVIEW_ROLES, LedgerError, role_of_label

    out = {}
    for pair in pairs:
        label, sep, header = pair.partition("=")
        role = role_of_label(kind, label) if sep else None
        if role is None or not header.strip():
            roles = APPLICATION_ROLES if kind == "applications" else REVIEW_ROLES
            raise LedgerError(f"“{pair}”的写法不对：应写成“项目=表头”，项目可以是{'、'.join(roles.values())}。")
        out[role] = header.strip()
    return out


def _previous(path: str, year: int | None) -> tuple[dict | None, str | None]:
    """Last year's 结转下年度 per column from a report; a ledger is passed on as a ledger."""
    if Path(path).suffix.lower() in _LEDGER_SUFFIXES:
        return None, path
    from assistant.importing import load_report
    from schemas import labels as L
    from schemas.layout import get_cell

    report = load_report(Path(path))
    cells = {}
    for c in L.T3_COLUMN_LABELS:
        v = get_cell(report, f"t3.carried_forward.{c}")
        if isinstance(v, int):
            cells[c] = v
    return cells, None


def format_derivation(d) -> str:
    """The derived tables, the rows left out and the notes, as text."""
    from assistant.ledger import LEDGER_NAMES
    from schemas import labels as L
    from schemas.layout import T3_ROWS, T4_BLOCKS

    lines = []
    for part in d.parts:
        lines.append(f"{part.name}：{part.filename}（工作表“{part.sheet}”，表头在第{part.header_row}行），"
                     f"计入{len(part.placements)}行，无法归类{len(part.issues)}行。")
    lines += ["", f"表三（{d.year}年）\t" + "\t".join(L.T3_COLUMN_LABELS.values())]
    cells = d.cells
    for r in T3_ROWS:
        lines.append(r.full_label + "\t" + "\t".join(str(cells[f"{r.address}.{c}"]) for c in L.T3_COLUMN_LABELS))
    if d.reviews is not None:
        lines += ["", "表四\t" + "\t".join(L.T4_COLUMN_LABELS.values())]
        for b in T4_BLOCKS:
            lines.append(L.T4_BLOCK_LABELS[b] + "\t" + "\t".join(str(cells[f"t4.{b}.{c}"]) for c in L.T4_COLUMN_LABELS))
    if d.issues:
        lines += ["", f"无法归类、未计入表格的行（{len(d.issues)}行，请修改台账后重新生成）："]
        lines += [f"- {LEDGER_NAMES[i.ledger]}第{i.row}行：{i.reason}" for i in d.issues]
    if d.notes:
        lines += ["", *[f"注：{n}" for n in d.notes]]
    return "\n".join(lines)


def cmd_ledger(args) -> int:
    from assistant.cli import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE
    from assistant.errors import ReportAssistantError
    from assistant.ledger import derive_ledger

    try:
        previous, previous_ledger = _previous(args.previous, args.year) if args.previous else (None, None)
        d = derive_ledger(args.file, year=args.year, reviews=args.reviews,
                          columns=_choices("applications", args.column),
                          review_columns=_choices("reviews", args.review_column),
                          previous=previous, previous_ledger=previous_ledger)
    except ReportAssistantError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        json.dump(d.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_derivation(d))
    return EXIT_ERRORS if d.issues else EXIT_OK
