"""What a township clerk met trying the web app (no browser needed here): 历史 filled with drafting
runs that changed nothing ("无。" → "无。"); everyday counts ("每月检查一次", "组织两次培训") marked in the
preview as if they were figures of the report; the tables out of the report's order; the PDF export
said only Gradio's English "processing | 3.1/8.5s"; a page with no report had nothing to say."""

from __future__ import annotations

import asyncio
import re

import gradio as gr
import pytest

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.offline import OfflineModel
from assistant.storage import Store
from tests.dialogue_support import SAMPLE_DIALOGUE
from ui import _chat, _export, _tables, views
from ui._registry import Views
from ui.app import build_app

PW = "password-123"


@pytest.fixture
def ws(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    auth = AuthStore(store.engine)
    auth.add_user("zhang", PW, "staff", "张三")
    auth.add_user("wang", PW, "supervisor", "王五")
    auth.add_user("li", PW, "editor", "李四")
    yield AppService(store, auth, OfflineModel(), export_dir=tmp_path / "exports")
    store.close()


def _sample(ws: AppService) -> int:
    draft = ws.default_draft("zhang")
    for message in SAMPLE_DIALOGUE:
        ws.send("zhang", draft.id, message)
    ws.draft_all("zhang", draft.id)
    return draft.id


def test_history_leaves_out_entries_that_change_nothing(ws):
    draft = _sample(ws)
    before = len(views.history_rows(ws.change_record("zhang", draft), ws.history("zhang", draft)))
    ws.draft_all("zhang", draft)  # nothing new was said: every part is drafted as it was
    records = ws.change_record("zhang", draft)
    rows = ws.history("zhang", draft)
    kept = views.history_rows(records, rows)
    assert len(rows) > before  # the core records a version of each part again (see the report)
    assert len(kept) == before
    assert not [r for r in kept if r[4] and r[4] == r[5] and not r[4].endswith("……")]
    # a real change stays, with the no-ops around it gone
    ws.save_part("li", draft, "p5", "一是栏目更新不及时。下一步改进措施：明确专人维护栏目。",
                 ws.snapshot("li", draft).narrative["p5"].version)
    ws.draft_all("zhang", draft)
    kept = views.history_rows(ws.change_record("zhang", draft), ws.history("zhang", draft))
    assert len(kept) == before + 1 and "一是栏目更新不及时" in kept[0][5]


def test_no_op_is_told_on_full_values_not_excerpts():
    from assistant.workflow._store import ChangeRecord

    at = None
    long_a, long_b = "甲" * 100 + "一", "甲" * 100 + "二"  # the same first 80 characters
    same = ChangeRecord(at, "u", "narrative", "p5", "无。", "无。", "template", version=2)
    differs = ChangeRecord(at, "u", "narrative", "p5", long_a, long_b, "template", version=3)
    first = ChangeRecord(at, "u", "narrative", "p5", None, "无。", "template", version=1)
    cleared = ChangeRecord(at, "u", "fact", "website_items", None, None, "chat")  # pending → cleared
    state = ChangeRecord(at, "u", "state", "status", "drafting", "drafting", "review")
    cell_same = ChangeRecord(at, "u", "cell", "t2.permits.decisions", 3, 3, "manual")
    records = [first, same, differs, cleared, state, cell_same]
    rows = [[str(i)] for i in range(len(records))][::-1]  # newest first, as AppService.history
    assert [r[0] for r in views.history_rows(records, rows)] == ["4", "3", "2", "0"]
    assert views.history_rows(records, rows[:-1]) == rows[:-1]  # not paired up: shown as they are


def test_everyday_counts_are_not_marked_as_figures_but_the_figures_are(ws):
    draft = _sample(ws)
    # the clerk's 行政规范性文件: 2 issued, 1 repealed (what "两次" and "一次" happened to equal)
    ws.set_cells("zhang", draft, [("t2.normative_docs.issued", "2"), ("t2.normative_docs.repealed", "1")])
    snap = ws.snapshot("zhang", draft)
    ws.save_part("li", draft, "p5", "下一步改进措施：明确专人维护栏目，每月检查一次；年内组织两次业务培训；"
                 "建设两个平台；本年制发行政规范性文件2件。", snap.narrative["p5"].version)
    html = views.preview_html(ws.snapshot("zhang", draft))
    marked = re.findall(r'<span class="num" data-fact="([^"]+)"[^>]*>([^<]+)</span>', html)
    words = [w for _, w in marked]
    assert not {"一次", "两次", "两个"} & set(words), words
    assert "2件" in words  # the same value in digits is a figure: still marked


def test_the_tables_follow_the_reports_order_and_table_three_has_room_for_every_row(ws):
    v = Views()
    build_app(ws, v)
    assert _tables._KEYS == ("t2", "t3", "t4")
    order = [b._id for b in (v["grid_t2"], v["grid_t3"], v["grid_t4"])]
    assert order == sorted(order)  # built, and so shown, in this order
    # 25 rows, the longest wrapped over three lines at 1366×768: no scroll box of its own
    assert v["grid_t3"].max_height >= 25 * 60


def test_exports_say_in_chinese_what_they_are_doing(ws):
    v = Views()
    demo = build_app(ws, v)
    fns = {f.api_name: f for f in demo.fns.values()}
    for name in ("export", "draft_copy_pdf", "draft_copy_docx"):
        assert fns[name].show_progress == "hidden", name  # not Gradio's "processing | 3.1/8.5s"
    assert "PDF" in _export.WAITING["pdf"] and "十几秒" in _export.WAITING["pdf"]
    draft = _sample(ws)

    async def run():
        return [x async for x in fns["draft_copy_pdf"].fn(draft, gr.Request(username="zhang"))]

    answers = asyncio.run(run())
    notice, copy = v["draft_copy_notice"], v["draft_copy"]
    assert "正在生成 PDF" in answers[0][notice]  # first, while LibreOffice works
    assert answers[-1][notice] == "" and str(answers[-1][copy]["value"]).endswith(".pdf")


def test_a_page_with_no_report_says_what_to_do_by_role(ws):
    supervisor = _chat.no_draft_sentence(ws, "wang")
    assert "还没有报告可以审阅" in supervisor and "待办" in supervisor
    assert "新建报告" in _chat.no_draft_sentence(ws, "zhang")
    ws.default_draft("zhang")  # a draft now exists
    assert _chat.no_draft_sentence(ws, "wang") == "请先在上方的报告列表中选择一份报告。"
