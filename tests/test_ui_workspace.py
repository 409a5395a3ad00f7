"""The app's actions without a browser: every one checks the user of the session and the draft's
owner; table edits, narrative edits, locks, approval and export go through the core."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.app import GREETING, AppError, AppService, parse_cell_input
from assistant.auth import AuthStore, PermissionDenied
from assistant.importing import load_report
from assistant.offline import OfflineModel
from assistant.workflow import WorkflowError
from schemas.report import Blank
from tests.dialogue_support import SAMPLE_DIALOGUE, gold, tables_of

PW = "password-123"


@pytest.fixture
def ws(db, tmp_path):
    store = db()
    auth = AuthStore(store.engine)
    for name, role, display in (("zhang", "staff", "张三"), ("zhao", "staff", "赵六"), ("li", "editor", "李四"),
                                ("wang", "supervisor", "王五")):
        auth.add_user(name, PW, role, display)
    return AppService(store, auth, OfflineModel(), export_dir=tmp_path / "exports")


def _sample(ws: AppService) -> int:
    draft = ws.default_draft("zhang")
    for message in SAMPLE_DIALOGUE:
        assert not ws.send("zhang", draft.id, message).refused
    ws.draft_all("zhang", draft.id)
    return draft.id


def test_login_and_unknown_users(ws):
    assert ws.login("zhang", PW) and not ws.login("zhang", "wrong-password") and not ws.login("nobody", PW)
    with pytest.raises(PermissionDenied, match="请先登录"):
        ws.drafts("nobody")


def test_staff_get_a_draft_of_their_own_and_cannot_open_anyone_elses(ws):
    draft = ws.default_draft("zhang")
    assert draft.owner == "zhang" and ws.default_draft("zhang").id == draft.id  # the same one next time
    assert ws.conversation("zhang", draft.id)[0]["content"].startswith("您好！")
    with pytest.raises(PermissionDenied, match="其他起草人员"):
        ws.conversation("zhao", draft.id)
    with pytest.raises(PermissionDenied, match="其他起草人员"):
        ws.send("zhao", draft.id, "网站公开政务信息148条")
    assert ws.default_draft("li").id == draft.id  # editors and supervisors see every draft
    assert ws.default_draft("wang").id == draft.id
    with pytest.raises(PermissionDenied, match="无权"):
        ws.send("li", draft.id, "网站公开政务信息148条")
    with pytest.raises(PermissionDenied, match="无权"):
        ws.new_draft("wang")


def test_the_conversation_comes_back_from_the_database(ws):
    draft = ws.default_draft("zhang")
    ws.send("zhang", draft.id, SAMPLE_DIALOGUE[0])
    ws.send("zhang", draft.id, SAMPLE_DIALOGUE[1])
    again = AppService(ws.store, ws.auth, ws.service.model)  # a restart: nothing kept in memory
    chat = again.conversation("zhang", draft.id)
    assert chat[0] == {"role": "assistant", "content": GREETING}
    assert [m["role"] for m in chat[1:]] == ["user", "assistant"] * 2
    assert chat[3]["content"] == "不对，网站是148条" and "150条 → 148条" in chat[4]["content"]


@pytest.mark.parametrize("address, raw, expected", [
    ("t3.granted.natural", "5", ("set", 5)),
    ("t3.granted.natural", "１２", ("set", 12)),
    ("t3.granted.natural", "", ("cleared", None)),
    ("t3.granted.natural", "/", ("set", Blank(blank="/"))),
    ("t2.fees.amount", "1.5", ("set", Decimal("1.5"))),
])
def test_cell_input_is_read_like_the_importer_reads_cells(address, raw, expected):
    assert parse_cell_input(address, raw) == expected


@pytest.mark.parametrize("raw, message", [("-3", "负数"), ("2.5", "整数"), ("很多", "不是数字")])
def test_bad_cell_input_is_refused(raw, message):
    with pytest.raises(AppError, match=message):
        parse_cell_input("t3.granted.natural", raw)


def test_a_table_edit_is_recorded_with_its_author_and_totals_follow(ws):
    draft = ws.default_draft("zhang")
    assert ws.set_cells("zhang", draft.id, [("t4.review.upheld", "1"), ("t4.review.corrected", "0"),
                                            ("t4.review.other", "0"), ("t4.review.pending", "2")])
    snap = ws.snapshot("zhang", draft.id)
    assert snap.stored["t4.review.upheld"].source == "manual" and snap.stored["t4.review.upheld"].author == "zhang"
    assert snap.facts.cells["t4.review.total"] == 3 and snap.stored["t4.review.total"].source == "derivation"
    ws.set_cells("li", draft.id, [("t4.review.pending", "0")])  # an editor corrects it; the total follows
    assert ws.snapshot("li", draft.id).facts.cells["t4.review.total"] == 1
    text = ws.provenance("zhang", draft.id, "t4.review.pending")
    assert "手工修改" in text and "李四" in text
    total = ws.provenance("zhang", draft.id, "t4.review.total")
    assert "推算" in total and "表四「行政复议·结果维持」：1" in total and "合计：1" in total
    assert ws.set_cells("zhang", draft.id, [("t4.review.upheld", "1")]) == []  # no change, nothing recorded
    with pytest.raises(PermissionDenied):
        ws.set_cells("wang", draft.id, [("t4.review.upheld", "2")])


def test_provenance_of_a_chat_number_quotes_the_users_words(ws):
    draft = ws.default_draft("zhang")
    for message in SAMPLE_DIALOGUE[:2]:
        ws.send("zhang", draft.id, message)
    text = ws.provenance("zhang", draft.id, "website_items")
    assert "对话" in text and "张三" in text and "不对，网站是148条" in text
    assert "尚未填写" in ws.provenance("zhang", draft.id, "fee_cases")
    assert "不是一个可以查询来源的数字" in ws.provenance("zhang", draft.id, "<script>")


def test_editors_edit_regenerate_and_lock_parts(ws):
    d = _sample(ws)
    with pytest.raises(PermissionDenied, match="无权"):
        ws.save_part("zhang", d, "p5", "新的文字。", 1)
    v = ws.save_part("li", d, "p5", "本年度存在的主要问题是信息公开不够及时。", 1)
    assert (v.source, v.author, v.version) == ("manual", "li", 2)
    revised = ws.revise_part("li", d, "p5", "补充：下一年度将加强培训")
    assert revised.text.endswith("下一年度将加强培训。") and revised.version == 3
    with pytest.raises(AppError, match="没能重写"):
        ws.revise_part("li", d, "p5", "更简洁")  # the offline engine says what it cannot do
    ws.set_lock("li", d, "p5", True)
    with pytest.raises(AppError, match="已由李四锁定"):
        ws.save_part("li", d, "p5", "改不了。", 3)
    ws.draft_all("zhang", d)  # redrafting skips the locked part
    assert ws.store.narrative(d)["p5"].version == 3 and ws.store.narrative(d)["p1.active"].version == 2
    with pytest.raises(PermissionDenied):
        ws.set_lock("zhang", d, "p5", False)
    ws.set_lock("li", d, "p5", False)
    assert ws.save_part("li", d, "p5", "可以改了。", 3).version == 4
    rows = ws.history("li", d)
    assert rows[0][:4] == [rows[0][0], "李四", "手工修改", "五、存在的主要问题及改进情况（第4版）"]
    assert rows[0][4:6] == ["本年度存在的主要问题是信息公开不够及时。下一年度将加强培训。", "可以改了。"]
    assert "对话提取" in {row[2] for row in rows}


def test_a_hand_edit_with_an_unsupported_number_is_flagged(ws):
    d = _sample(ws)
    ws.save_part("li", d, "p6.fees", "本年度收取信息处理费3件。", ws.store.narrative(d)["p6.fees"].version)
    snap = ws.snapshot("li", d)
    assert [f.rule for f in snap.flags] == ["G1"] and snap.flags[0].location.address == "p6.0"


def test_approval_and_export_through_the_gate(ws):
    d = _sample(ws)
    with pytest.raises(PermissionDenied, match="无权导出"):
        ws.export("zhang", d, "docx")
    with pytest.raises(PermissionDenied, match="无权审核"):
        ws.approve("li", d)
    with pytest.raises(AppError, match="尚未定稿"):
        ws.export("wang", d, "docx")
    ws.set_cells("zhang", d, [("t3.granted.natural", "2")])
    with pytest.raises(AppError, match="只有提交审核"):
        ws.approve("wang", d)
    ws.move("zhang", d, "submit")
    with pytest.raises(AppError, match="错误"):
        ws.approve("wang", d)
    with pytest.raises(PermissionDenied, match="已提交审核"):  # staff wait for the review
        ws.set_cells("zhang", d, [("t3.granted.natural", "0")])
    ws.set_cells("li", d, [("t3.granted.natural", "0")])  # an editor corrects it during the review
    approval = ws.approve("wang", d)
    assert approval.approved_by == "王五"
    steps = []
    path = ws.export("wang", d, "docx", lambda done, total, what: steps.append((done, total, what)))
    assert path.exists() and path.suffix == ".docx" and steps[0][2] == "正在校验" and steps[-1][0] == 3
    assert tables_of(load_report(path)) == tables_of(gold())
    with pytest.raises(PermissionDenied, match="已定稿"):  # final: read-only
        ws.send("zhang", d, "政务新媒体发布信息60条")
    with pytest.raises(WorkflowError, match="理由"):
        ws.move("wang", d, "reopen")
    ws.move("wang", d, "reopen", "新媒体数字有误")
    ws.send("zhang", d, "政务新媒体发布信息60条")
    with pytest.raises(AppError, match="尚未定稿"):
        ws.export("wang", d, "json")


def test_pdf_export_reports_its_progress(ws):
    from assistant.export import find_soffice

    if find_soffice() is None:
        pytest.skip("没有 LibreOffice（PDF 导出由 tests/test_export_pdf.py 要求）")
    d = _sample(ws)
    ws.move("zhang", d, "submit")
    ws.approve("wang", d)
    steps = []
    path = ws.export("wang", d, "pdf", lambda done, total, what: steps.append(what))
    assert path.read_bytes()[:5] == b"%PDF-"
    assert steps == ["正在校验", "正在生成PDF（LibreOffice）", "已导出（王五）"]
