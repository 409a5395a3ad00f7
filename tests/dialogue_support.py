"""Shared by the dialogue tests: the database fixture (SQLite and PostgreSQL), the offline service,
tables as staff paste them, and the scripted dialogues."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.dialogue import DialogueService
from assistant.offline import OfflineModel
from assistant.storage import Store
from schemas import Report
from schemas import labels as L
from schemas.facts import Facts
from schemas.layout import ALL_CELL_ADDRESSES, T2_CELLS, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, get_cell, t3_row

FIXTURES = Path(__file__).parent / "fixtures"


def offline_service(store: Store) -> DialogueService:
    return DialogueService(store, OfflineModel())


def reading_of(message: str, **kw):
    """What the reader makes of ``message`` (its ``MessageReading``)."""
    from assistant.reading import read_message

    return read_message(message, **kw)


def ops_read(message: str, **kw) -> dict[str, str]:
    """{field: value} of what the reader makes of ``message`` (its ops and the values it computes)."""
    from assistant.reading import read_message

    r = read_message(message, **kw)
    return {op.field: str(op.value) for op in [*r.ops, *r.computed]}


def new_chat(db):
    """(service, draft id, say): a new draft of 张三's on the offline engine, and a function sending him a message."""
    service = offline_service(db())
    draft = service.start("张三").id
    return service, draft, (lambda text: service.handle(draft, "张三", text))


def talk(service: DialogueService, draft_id: int, messages: list[str], author: str = "张三"):
    """Every reply, in order; fails on a refused answer."""
    replies = []
    for m in messages:
        r = service.handle(draft_id, author, m)
        assert not r.refused, (m, r.text)
        replies.append(r)
    return replies


def sample_facts() -> Facts:
    return Facts.model_validate(json.loads((FIXTURES / "yantai-facts.json").read_text(encoding="utf-8")))


def gold() -> Report:
    return Report.model_validate(json.loads((FIXTURES / "yantai-jgswj-2023.gold.json").read_text(encoding="utf-8")))


def tables_of(report: Report) -> dict[str, object]:
    return {a: get_cell(report, a) for a in ALL_CELL_ADDRESSES}


# ---- tables as staff paste them ----------------------------------------------------------------
def sample_table3_tsv() -> str:
    """Table 三 exactly as copied from the sample's web page (irregular tabs, header repeated)."""
    page = (FIXTURES / "yantai-jgswj-2023.txt").read_text(encoding="utf-8")
    return page[page.index("(本列数据"):page.index("四、政府信息公开行政复议")].strip()


def tsv_table3(report: Report, *, with_total: bool = True) -> str:
    """Table 三 as Excel or WPS copies it: tabs, merged cells left empty, group labels on the first
    sub-row only. ``with_total=False`` leaves out the 总计 column (the product adds it up)."""
    cols = T3_COLUMNS if with_total else L.T3_APPLICANT_COLUMNS
    lines = [L.T3_HEADER_NOTE + "\t\t" + L.T3_APPLICANT_HEADER + "\t" * 6 + ("总计" if with_total else ""),
             "\t\t" + L.T3_COLUMN_LABELS["natural"] + "\t" + L.T3_LEGAL_PERSON_HEADER,
             "\t\t\t" + "\t".join(L.T3_COLUMN_LABELS[c] for c in L.T3_APPLICANT_COLUMNS[1:])]
    for r in T3_ROWS:
        values = [str(getattr(t3_row(report.table3, r), c)) for c in cols]
        if r.group is None:
            label = r.label + "\t"
        else:
            label = (r.group_label if r.label.startswith("1.") else "") + "\t" + r.label
        lines.append("\t".join([label, *values]))
    return "\n".join(lines)


def markdown_table3(report: Report) -> str:
    lines = ["| 项目 | " + " | ".join(L.T3_COLUMN_LABELS.values()) + " |", "|---|" + "---|" * 7]
    for r in T3_ROWS:
        values = [str(getattr(t3_row(report.table3, r), c)) for c in T3_COLUMNS]
        lines.append(f"| {r.full_label} | " + " | ".join(values) + " |")
    return "\n".join(lines)


def tsv_table2(report: Report) -> str:
    lines = []
    for c in T2_CELLS:
        if c.column in ("issued", "decisions", "amount"):
            row = getattr(report.table2, c.row)
            values = [str(getattr(row, k)) for k in type(row).model_fields]
            lines.append("\t".join([L.T2_ROW_LABELS[c.row], *values]))
    return "\n".join(lines)


def tsv_table4(report: Report) -> str:
    return "\n".join([
        "行政复议\t\t\t\t\t行政诉讼",
        "\t".join(str(getattr(getattr(report.table4, b), c)) for b in T4_BLOCKS for c in T4_COLUMNS),
    ])


# ---- the scripted dialogue of the sample ---------------------------------------------------------
_SAMPLE = sample_facts()

SAMPLE_DIALOGUE: list[str] = [
    # identity and 主动公开 in one message (and a number to correct next)
    "我们是烟台市机关事务管理局，市级单位，要写2023年度的年报。网站公开政务信息150条，微信公众号发布59条，"
    "独立用户访问总量32952个，网站访问总量322692次。",
    "不对，网站是148条",
    # two tables by shortcut, table 三 pasted from the web page
    "表二、表四全部为0，表三如下：\n" + sample_table3_tsv(),
    # 一（三）–（五） in one message, labelled
    f"信息管理：{_SAMPLE.management}\n平台建设：{_SAMPLE.platform}\n监督保障：{_SAMPLE.oversight}",
    f"存在的问题：{_SAMPLE.problems}\n改进措施：{_SAMPLE.measures}",
    # 六: fee, proposals, work points in one message
    "没有收取信息处理费。今年共承办人大代表建议1件和政协提案4件，办结率100%，并进行了公开。"
    f"工作要点落实情况：{_SAMPLE.work_points}",
    f"创新情况：{_SAMPLE.innovation}\n其他事项：{_SAMPLE.other_matters}\n专门要求报告的事项：{_SAMPLE.special_requirements}",
    "还缺什么",
]
