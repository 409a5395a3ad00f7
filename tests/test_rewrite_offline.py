"""Rewriting a narrative part (issue 16, item 5). Offline, the engine does only what it can do to
the letter (补充：…, 把“甲”改成“乙”, 删去“…”, 删去最后一句) and refuses the rest, saying what it can
do and that a model does the rest; numbers an editor gives in the instruction are grounded, numbers
from nowhere are still flagged; a rewrite that changes nothing saves nothing; the editor offers
更简洁/更具体 only with a model, and a refused rewrite leaves the editor's text in place."""

from __future__ import annotations

import asyncio

import gradio as gr
import pytest
from starlette.requests import Request

from assistant.app import AppError, AppService
from assistant.auth import AuthStore
from assistant.drafting import revise_part
from assistant.llm import LLMRequest
from assistant.llm.errors import OfflineUnsupportedError
from assistant.offline import OfflineModel, revise_hint
from schemas.facts import Facts
from tests.conftest import FakeModel
from ui._registry import Views
from ui.app import build_app

PW = "password-123"
TEXT = "本年，本机关积极推进政务公开。全年在门户网站主动公开政务信息148条。"
FACTS = Facts(website_items=148)
OFFLINE_SAYS = ("离线模式可以", "补充：", "把“甲”改成“乙”", "删去", "配置大模型后可以让它更简洁、更具体")


def _offline(text: str, instruction: str) -> str:
    request = LLMRequest(task="revise.p1.active", prompt_version="t", system="", messages=(),
                         inputs={"part": "p1.active", "text": text, "instruction": instruction, "facts": FACTS})
    return OfflineModel().complete(request).text


# ---- the offline engine: what it can do, and what it says it cannot -----------------------------
@pytest.mark.parametrize(("instruction", "expected"), [
    ("补充：全年开展培训2次", TEXT + "全年开展培训2次。"),
    ("补充： “全年开展政务公开培训 2 次, 参训120人.” ", TEXT + "全年开展政务公开培训2次，参训120人。"),
    ("增加:开展“政务公开日”活动", TEXT + "开展“政务公开日”活动。"),
    ("把'积极'改成'认真'", TEXT.replace("积极", "认真")),
    ("将“积极推进”改为“持续推进”。", TEXT.replace("积极推进", "持续推进")),
    ("删去最后一句", "本年，本机关积极推进政务公开。"),
    ("删去第一句", "全年在门户网站主动公开政务信息148条。"),
    ("删去“积极”", TEXT.replace("积极", "")),
    ("删去“，本机关积极推进政务公开”", "本年。全年在门户网站主动公开政务信息148条。"),
])
def test_offline_follows_the_instructions_it_can_to_the_letter(instruction, expected):
    assert _offline(TEXT, instruction) == expected


def test_an_added_sentence_ends_the_last_paragraph():
    assert _offline("第一段。\n第二段没有句号\n", "补充：全年开展培训2次") == "第一段。\n第二段没有句号。全年开展培训2次。"


@pytest.mark.parametrize("instruction", ["更简洁", "更具体", "语气正式一点", "补充一些具体措施", "把语气改得正式一点"])
def test_offline_refuses_what_it_cannot_do_and_says_what_it_can(instruction):
    with pytest.raises(OfflineUnsupportedError) as caught:
        _offline(TEXT, instruction)
    message = str(caught.value)
    assert f"离线模式不能按“{instruction}”改写" in message
    assert all(words in message for words in OFFLINE_SAYS), message


@pytest.mark.parametrize(("instruction", "says"), [
    ("把“认真”改成“积极”", "当前文本中没有“认真”"),
    ("删去第五句", "只有2句"),
    ("补充：", "后面写出要补充的那句话"),
    ("补充：本年，本机关积极推进政务公开", "已经有"),
    ("把“条”改成“0条”", "都没有的数字“1480条”"),  # a replacement must not make a number up
])
def test_offline_refuses_an_instruction_it_cannot_apply_here(instruction, says):
    with pytest.raises(OfflineUnsupportedError, match=says):
        _offline(TEXT, instruction)


# ---- the number check: the editor's numbers are grounded, others are not ------------------------
def test_offline_addition_keeps_the_number_the_instruction_gave():
    d = revise_part("p1.active", TEXT, "补充：全年开展培训2次", FACTS, OfflineModel())
    assert d.text == TEXT + "全年开展培训2次。"
    assert d.flags == [] and not d.repaired


def test_a_model_rewrite_may_use_the_instructions_numbers_and_no_others(fake_model):
    # 2次 is the editor's; 5场 comes from nowhere: the repair round names only it, and it stays flagged
    fake_model.enqueue(TEXT + "全年开展培训2次，举办讲座5场。", TEXT + "全年开展培训2次，举办讲座5场。")
    d = revise_part("p1.active", TEXT, "补充：全年开展培训2次", FACTS, fake_model)
    repair = fake_model.requests[1]
    assert repair.task == "repair.p1.active" and repair.inputs["violations"] == ["5场"]
    assert d.repaired and [(f.rule, f.message) for f in d.flags] == [
        ("G1", "数字“5场”在工作人员提供的事实和表格中找不到依据，请核实或删除。")]
    system = fake_model.requests[0].system
    assert "编辑写明的数字" in system and "不得出现任何其他数字" in system


def test_a_number_under_another_measure_word_than_the_instruction_is_not_grounded(fake_model):
    fake_model.enqueue(TEXT + "全年开展培训2人。", TEXT)
    d = revise_part("p1.active", TEXT, "补充：全年开展培训2次", FACTS, fake_model)
    assert fake_model.requests[1].inputs["violations"] == ["2人"] and d.text == TEXT


def test_the_texts_own_numbers_are_not_repaired_away_by_a_rewrite():
    # a number an editor typed earlier (not in the facts) is theirs: a replacement elsewhere keeps it
    text = TEXT + "全年开展培训3次。"
    d = revise_part("p1.active", text, "把“积极”改成“认真”", FACTS, OfflineModel())
    assert d.text == text.replace("积极", "认真") and d.flags == []


# ---- through the application service --------------------------------------------------------------
def _service(db, tmp_path, model) -> AppService:
    store = db()
    auth = AuthStore(store.engine)
    auth.add_user("zhang", PW, "staff", "张三")
    auth.add_user("li", PW, "editor", "李四")
    return AppService(store, auth, model, export_dir=tmp_path / "exports")


def _drafted(ws: AppService, text: str = TEXT) -> int:
    draft = ws.default_draft("zhang")
    assert not ws.send("zhang", draft.id, "网站公开政务信息148条").refused
    ws.save_part("li", draft.id, "p1.active", text, 0)
    return draft.id


@pytest.fixture
def offline_ws(db, tmp_path):
    return _service(db, tmp_path, OfflineModel())


def _versions(ws: AppService, d: int) -> list[str]:
    return [v.text for v in ws.store.narrative_history(d, "p1.active")]


def test_service_offline_addition_is_saved_with_its_number_grounded(offline_ws):
    d = _drafted(offline_ws)
    v = offline_ws.revise_part("li", d, "p1.active", "补充：全年开展培训2次", shown=TEXT)
    assert v.text == TEXT + "全年开展培训2次。" and v.version == 2 and v.flags == () and v.source == "template"


@pytest.mark.parametrize("instruction", ["更简洁", "更具体", "语气正式一点"])
def test_service_offline_refuses_with_what_it_can_do_and_saves_nothing(offline_ws, instruction):
    d = _drafted(offline_ws)
    with pytest.raises(AppError) as caught:
        offline_ws.revise_part("li", d, "p1.active", instruction)
    assert f"离线模式不能按“{instruction}”改写" in str(caught.value)
    assert all(words in str(caught.value) for words in OFFLINE_SAYS)
    assert _versions(offline_ws, d) == [TEXT]


def test_service_saves_no_identical_version_and_says_so(offline_ws, db, tmp_path):
    d = _drafted(offline_ws)
    with pytest.raises(AppError, match="与当前文本相同，没有保存新版本"):
        offline_ws.revise_part("li", d, "p1.active", "把“积极”改成“积极”")
    assert _versions(offline_ws, d) == [TEXT]
    model = FakeModel().enqueue(TEXT + "\n")  # a model giving the text back as it was
    ws = AppService(offline_ws.store, offline_ws.auth, model, export_dir=tmp_path / "exports")
    with pytest.raises(AppError, match="与当前文本相同，没有保存新版本"):
        ws.revise_part("li", d, "p1.active", "更简洁")
    assert _versions(ws, d) == [TEXT] and model.pending == 0


def test_service_does_not_rewrite_over_unsaved_edits(offline_ws):
    d = _drafted(offline_ws)
    with pytest.raises(AppError, match="还没有保存"):
        offline_ws.revise_part("li", d, "p1.active", "补充：全年开展培训2次", shown=TEXT + "我刚改的。")
    assert _versions(offline_ws, d) == [TEXT]
    # the text as the page sends it back (Windows line ends, spaces around) is the saved text
    assert offline_ws.revise_part("li", d, "p1.active", "删去最后一句", shown=f" {TEXT}\r\n").version == 2


def test_rewrite_offers_follow_the_engine(offline_ws, fake_model, tmp_path):
    assert offline_ws.rewrite_offers() == ([], revise_hint())
    assert all(words in revise_hint() for words in OFFLINE_SAYS)
    with_model = AppService(offline_ws.store, offline_ws.auth, fake_model, export_dir=tmp_path / "exports")
    assert with_model.rewrite_offers() == (["更简洁", "更具体"], "")


# ---- the editor tab --------------------------------------------------------------------------------
def _built(ws: AppService):
    v = Views()
    demo = build_app(ws, v)
    return v, {f.api_name: f for f in demo.fns.values()}


def test_offline_editor_offers_only_what_the_engine_can_do(offline_ws, fake_model, tmp_path):
    v, _ = _built(offline_ws)
    assert v["concise"].visible is False and v["specific"].visible is False
    assert v["revise_hint"].visible is True and v["revise_hint"].value == revise_hint()
    assert "更简洁" not in v["instruction"].placeholder and "补充：" in v["instruction"].placeholder
    v, _ = _built(AppService(offline_ws.store, offline_ws.auth, fake_model, export_dir=tmp_path / "exports"))
    assert v["concise"].visible is True and v["specific"].visible is True and v["revise_hint"].visible is False
    assert "更简洁" in v["instruction"].placeholder


def _page_request(user: str) -> gr.Request:
    """A request from the page (not from gradio_client): refusals are said next to the action."""
    return gr.Request(request=Request({"type": "http", "headers": []}), username=user)


@pytest.mark.parametrize(("instruction", "shown", "says"), [
    ("更简洁", TEXT, "离线模式不能按“更简洁”改写"),
    ("把“积极”改成“积极”", TEXT, "与当前文本相同"),
    ("补充：全年开展培训2次", TEXT + "尚未保存的一句。", "还没有保存"),
])
def test_a_refused_rewrite_leaves_the_editors_text_in_place(offline_ws, instruction, shown, says):
    d = _drafted(offline_ws)
    v, api = _built(offline_ws)
    revise = api["revise_part"].fn
    answer = asyncio.run(revise(d, "p1.active", instruction, shown, _page_request("li")))
    # only the notice next to the buttons is updated: the editor keeps its text, typed or not
    assert list(answer) == [v["editor_notice"]] and "没有完成" in answer[v["editor_notice"]]
    assert says in answer[v["editor_notice"]]
    with pytest.raises(gr.Error, match=says):  # a program is told by an error
        asyncio.run(revise(d, "p1.active", instruction, shown, gr.Request(username="li")))
    assert _versions(offline_ws, d) == [TEXT]


def test_a_rewrite_that_goes_through_shows_the_new_version(offline_ws):
    d = _drafted(offline_ws)
    v, api = _built(offline_ws)
    done = asyncio.run(api["revise_part"].fn(d, "p1.active", "补充：全年开展培训2次", TEXT, _page_request("li")))
    assert done[v["part_text"]] == TEXT + "全年开展培训2次。" and done[v["part_version"]] == 2
    assert "已按“补充：全年开展培训2次”重写，保存为第2版" in done[v["editor_notice"]]
