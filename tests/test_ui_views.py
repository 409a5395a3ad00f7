"""What the screens show: clickable numbers in the preview, marked cells, grid edits read back,
findings pointing at their cell or text."""

from __future__ import annotations

import re

import pytest

from assistant.app import AppError, AppService, CellConflict, number_links
from assistant.auth import AuthStore
from assistant.offline import OfflineModel
from assistant.storage import Store
from schemas.facts import Facts
from schemas.layout import T3_COLUMNS
from tests.dialogue_support import SAMPLE_DIALOGUE
from ui import views


@pytest.fixture
def sample(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'v.sqlite3'}")
    auth = AuthStore(store.engine)
    auth.add_user("zhang", "password-123", "staff", "张三")
    auth.add_user("li", "password-123", "editor", "李四")
    ws = AppService(store, auth, OfflineModel(), export_dir=tmp_path)
    draft = ws.default_draft("zhang")
    for message in SAMPLE_DIALOGUE:
        ws.send("zhang", draft.id, message)
    ws.draft_all("zhang", draft.id)
    yield ws, draft.id
    store.close()


def test_numbers_in_a_paragraph_point_at_the_facts_they_state():
    facts = Facts(report_year=2023, website_items=148, new_media_posts=59, proposals_completion_rate=100,
                  npc_suggestions=1, cppcc_proposals=4, cells={"t3.new_received.total": 7})
    text = "2023年，全年在门户网站主动公开政务信息148条，通过政务新媒体发布信息59条，另有12条未计。"
    links = {text[s:e]: f for s, e, f in number_links("p1.active", text, facts)}
    assert links == {"2023年": "report_year", "148条": "website_items", "59条": "new_media_posts"}
    p6 = "共承办人大代表建议1件、政协提案4件，办结率100%。统计期限自2023年1月1日起。"
    links = {p6[s:e]: f for s, e, f in number_links("p6.2", p6, facts)}
    assert links == {"1件": "npc_suggestions", "4件": "cppcc_proposals", "100%": "proposals_completion_rate",
                     "2023年": "report_year"}
    text = "本年度新收政府信息公开申请7件。"
    assert [f for *_, f in number_links("p1.on_request", text, facts)] == ["t3.new_received.total"]


def test_the_preview_is_the_report_with_clickable_numbers(sample):
    ws, d = sample
    snap = ws.snapshot("zhang", d)
    html = views.preview_html(snap)
    # (the title breaks only between its words: 烟台市 | 机关事务管理局 | 2023年 | 政府信息公开 | 工作 | 年度报告)
    assert "<h1>烟台市<wbr>机关事务管理局<wbr>2023年<wbr>政府信息公开<wbr>工作<wbr>年度报告</h1>" in html
    assert html.count("data-address=") == 200  # every table cell
    assert re.search(r'<span class="num" data-fact="website_items"[^>]*>148条</span>', html)
    assert f'data-revision="{snap.draft.revision}"' in html
    assert "<style></style>" in html  # nothing to mark: the sample is clean
    assert "未发现问题" in views.findings_html(snap)


def test_a_wrong_cell_is_marked_in_the_grid_the_preview_and_the_findings(sample):
    ws, d = sample
    rows = views.grid_rows(ws.snapshot("zhang", d), "t3")
    assert rows[0][0] == "一、本年新收政府信息公开申请数量" and rows[0][1:8] == ["0"] * 7 and len(rows[0]) == 8
    rows[0][1] = "5"
    snap = ws.snapshot("zhang", d)
    edits, shown = views.grid_edits("t3", rows, snap)
    assert (edits, shown) == ([("t3.new_received.natural", "5")], {"t3.new_received.natural": "0"})
    ws.set_cells("zhang", d, edits, shown)
    snap = ws.snapshot("zhang", d)
    after = views.grid_rows(snap, "t3")
    assert after[0][1] == "5" and len(after[0]) == 8  # no 校验 column: the messages are on the cells
    notes = views.grid_notes(snap)["t3"]
    assert "总计" in notes["0-7"] and notes["0-7"].startswith("错误：")  # the row total, on hover
    assert '#grid-t3 [data-testid="cell-0-7"]' in views.grid_marks_css(snap)  # the row total
    assert 'td[data-address="t3.new_received.total"]' in views.preview_html(snap)
    assert "cell-0-7" in views.grid_marks_css(snap) and 'id="grid-notes"' in views.grid_marks_css(snap)
    findings = views.findings_html(snap)
    # in plain words, under its part, with the rule and the address on a details line
    assert '<h4 class="group">三、收到和处理政府信息公开申请情况' in findings
    assert re.search(r'<div class="details">规则 A\d · 表三「一、本年新收政府信息公开申请数量」行「总计」列'
                     r"（t3.new_received.total）</div>", findings)
    assert 'data-target="t3.new_received.total"' in findings
    assert "<mark>" in findings  # E6 quotes the sentence of the text it is about


def test_a_grid_shown_before_someone_elses_edit_neither_overwrites_nor_loses_it(sample):
    ws, d = sample
    base = views.grid_rows(ws.snapshot("zhang", d), "t2")  # what both pages show
    mine = [list(r) for r in base]
    theirs = [list(r) for r in base]
    theirs[2][2] = "7"  # 李四 (editor) changes a cell first
    edits, shown = views.grid_edits("t2", theirs, ws.snapshot("li", d), base)
    ws.set_cells("li", d, edits, shown)
    cell = edits[0][0]
    # 张三 changes another cell of the same, now stale, grid: only his cell is saved, 7 stays
    mine[3][2] = "9"
    edits, shown = views.grid_edits("t2", mine, ws.snapshot("zhang", d), base)
    assert [a for a, _ in edits] != [cell]  # compared with what his page showed, not with the database
    ws.set_cells("zhang", d, edits, shown)
    assert ws.snapshot("zhang", d).facts.cells[cell] == 7
    # and his change of the same cell is refused, naming who changed it and both values
    mine[2][2] = "8"
    edits, shown = views.grid_edits("t2", mine, ws.snapshot("zhang", d), base)
    with pytest.raises(CellConflict, match="已被李四改为7"):
        ws.set_cells("zhang", d, edits, shown)
    assert ws.snapshot("zhang", d).facts.cells[cell] == 7


def test_grid_rows_and_labels_cannot_be_changed(sample):
    ws, d = sample
    snap = ws.snapshot("zhang", d)
    rows = views.grid_rows(snap, "t4")
    with pytest.raises(AppError, match="固定"):
        views.grid_edits("t4", rows[:-1], snap)
    rows[0][0] = "别的名称"
    with pytest.raises(AppError, match="固定"):
        views.grid_edits("t4", rows, snap)


def test_chat_messages_keep_tables_and_paragraphs():
    shown = views.chat_messages([{"role": "user", "content": "表三：\na\t1\t2"},
                                 {"role": "assistant", "content": "已记录：\n- 甲：1\n接下来：乙是多少？"}])
    assert shown[0]["content"].startswith("```text\n") and "a\t1\t2" in shown[0]["content"]
    assert shown[1]["content"] == "已记录：\n- 甲：1\n\n接下来：乙是多少？"


def test_the_model_calls_view_shows_what_the_draft_cost():
    from ui.views import llm_rows, llm_summary

    rows = [{"ts": "2026-01-05T09:00:00.000+00:00", "task": "draft.p1.active", "username": "zhangsan",
             "engine": "openai-compatible", "model": "deepseek-chat", "input_tokens": 1000, "output_tokens": 200,
             "latency_ms": 900, "outcome": "ok", "cost": 0.000364, "currency": "$",
             "price_source": "https://api-docs.deepseek.com/quick_start/pricing"},
            {"ts": "2026-01-05T09:00:01.000+00:00", "task": "extract", "username": "zhangsan",
             "engine": "openai-compatible", "model": "deepseek-chat", "input_tokens": 1300, "output_tokens": 60,
             "latency_ms": 700, "outcome": "ok", "cost": 0.0003892, "currency": "$",
             "price_source": "https://api-docs.deepseek.com/quick_start/pricing"}]
    text = llm_summary(rows)
    assert "按价格估算费用约 **$0.0008**" in text and "api-docs.deepseek.com" in text
    assert llm_rows(rows)[0][-1] == "$0.00039"
    assert llm_rows(rows)[0][1:4] == ["读取消息", "zhangsan", "deepseek-chat"]  # in words, not codes
    assert llm_rows(rows)[1][1] == "起草：（一）主动公开情况" and llm_rows(rows)[1][7] == "成功"
    offline = [{**r, "engine": "offline", "model": "offline", "cost": None} for r in rows]
    assert llm_summary(offline).startswith("没有配置大模型") and "离线引擎" in llm_rows(offline)[0][3]
    unpriced = [{**r, "cost": None, "model": "my-model"} for r in rows]
    assert "没有这个模型的价格" in llm_summary(unpriced) and llm_rows(unpriced)[0][-1] == ""


@pytest.fixture
def fresh(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    auth = AuthStore(store.engine)
    auth.add_user("zhang", "password-123", "staff", "张三")
    ws = AppService(store, auth, OfflineModel(), export_dir=tmp_path)
    yield ws, ws.default_draft("zhang").id
    store.close()


def test_a_new_report_shows_what_is_still_to_fill_not_two_hundred_errors(fresh):
    ws, d = fresh
    snap = ws.snapshot("zhang", d)
    assert 30 < len(snap.findings) < 60  # one A4 per blank row (34), as the validator reports them
    t = views.triage(snap)
    assert t.blank == {"t2": 10, "t3": 175, "t4": 15} and t.unwritten == ["p1", "p5", "p6"]
    assert t.problems == []  # nothing is wrong yet: it is only not filled in
    html = views.findings_html(snap)
    assert "还要填写：表二 10 格、表三 175 格、表四 15 格；还要起草：一、五、六。" in html
    assert html.count("<li") == 6 and "A4" not in html and "t2.regulations" not in html
    assert len(html) < 3000
    # grey, not red, in the grid; said as not filled on hover
    assert views.grid_notes(snap)["t3"]["0-1"] == "未填写（按0参与核对）"
    assert "#c62828" not in views.grid_marks_css(snap)


def test_as_facts_come_in_the_counts_fall_and_a_real_error_is_listed_under_its_part(fresh):
    ws, d = fresh
    ws.send("zhang", d, "我们是城关镇人民政府，乡镇，写2024年的")
    ws.send("zhang", d, "今年没收到申请，也没有复议诉讼")
    t = views.triage(ws.snapshot("zhang", d))
    assert t.blank == {"t2": 7, "t3": 168}  # 规章 by law; the new-received row and table 四 said
    ws.set_cells("zhang", d, [("t3.granted.natural", "2")], {"t3.granted.natural": ""})
    snap = ws.snapshot("zhang", d)
    t = views.triage(snap)
    assert t.errors >= 1 and all(views.group_of(f.location.address) == "p3" for f in t.problems if f.rule[0] == "A")
    html = views.findings_html(snap)
    assert html.index("还要填写") < html.index('<h4 class="group">三、')


def test_facts_said_after_drafting_are_pointed_out_until_drafted_again(fresh):
    """A correction after drafting: the text may still say the old thing, and 校验 says so (with
    what changed), as does the question before submitting; drafting again clears it."""
    ws, d = fresh
    ws.send("zhang", d, "我们是城关镇人民政府，乡镇，写2024年的")
    ws.send("zhang", d, "问题：公开栏更新不及时。措施：建立月度更新台账")
    ws.draft_all("zhang", d)
    assert views.stale_sentence(ws.snapshot("zhang", d)) == ""
    ws.send("zhang", d, "不对，改进措施写：每月更新公开栏")
    snap = ws.snapshot("zhang", d)
    stale = views.stale_sentence(snap)
    assert "又补充或更正了 1 项（改进措施）" in stale
    assert "正文待更新" in views.findings_html(snap)
    ws.draft_all("zhang", d)
    snap = ws.snapshot("zhang", d)
    assert views.stale_sentence(snap) == "" and "正文待更新" not in views.findings_html(snap)


def test_the_status_line_says_what_to_do_next(fresh):
    ws, d = fresh
    assert views.next_step(ws.snapshot("zhang", d)) == "在对话中补齐还缺的内容（见“校验”）。"
    for m in ("我们是城关镇人民政府，乡镇，写2024年的", "网站发了88条", "规范性文件没有 许可处罚强制都没有 不收费",
              "今年没收到申请，也没有复议诉讼", "上年没有结转", "信息处理费没收", "问题：公开栏更新慢。措施：每月更新"):
        ws.send("zhang", d, m)
    assert views.next_step(ws.snapshot("zhang", d)) == "点“起草全部正文”。"
    ws.draft_all("zhang", d)
    snap = ws.snapshot("zhang", d)
    assert views.next_step(snap) == "核对“报告预览”中的全文，无误后点“提交审核”。"
    assert "下一步：核对" in views.status_markdown(snap, [], str)
    ws.move("zhang", d, "submit")
    assert views.next_step(ws.snapshot("zhang", d)) == "等待审核人员审核。"


def test_a_returned_report_says_its_reason_once(fresh, tmp_path):
    # (a web trial, session 32: the reason was shown twice, its own full stop doubled)
    ws, d = fresh
    ws.auth.add_user("wang", "password-123", "supervisor", "王科长")
    for m in ("我们是城关镇人民政府，乡镇，写2024年的", "网站发了88条", "规范性文件没有 许可处罚强制都没有 不收费",
              "今年没收到申请，也没有复议诉讼", "上年没有结转", "信息处理费没收", "问题：公开栏更新慢。措施：每月更新"):
        ws.send("zhang", d, m)
    ws.draft_all("zhang", d)
    ws.move("zhang", d, "submit")
    ws.move("wang", d, "return", "创新情况要写进去。")
    line = views.status_markdown(ws.snapshot("zhang", d), ws.transitions("zhang", d), str)
    assert line.count("创新情况要写进去") == 1 and "。。" not in line


def test_many_rows_marked_blank_are_one_item_with_their_rows_behind_a_click(fresh):
    """Cells typed as "/" (a published table's blank) are problems, not steps to fill: three such rows
    of 表三 are one item ("表三有3行空白") whose rows open on a click; a lone one is its own item."""
    ws, d = fresh
    rows = ("t3.withheld.state_secret", "t3.withheld.third_party", "t3.unable.not_held")
    edits = [(f"{r}.{c}", "/") for r in rows for c in T3_COLUMNS] + [("t4.review.upheld", "/")]
    ws.set_cells("zhang", d, edits, {a: "" for a, _ in edits})
    html = views.findings_html(ws.snapshot("zhang", d))
    assert html.count("表三有3行空白（共21格）：（三）不予公开1.属于国家秘密、") == 1
    assert "<summary>逐行查看</summary>" in html and html.count("保护第三方合法权益") == 2  # summary and row
    assert "表四「行政复议·结果维持」为空白（原表为“/”）" in html
