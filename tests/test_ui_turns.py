"""A chat turn sends only what changed: the conversation, the preview, the findings and the header when
they changed; the grids and the change record only while their tab is shown (after the turn, through
"panels_due") or when their tab is selected. The preview is rendered once per revision and kept, and
never served for a revision other than the draft's, nor to a user the service does not let see it."""

from __future__ import annotations

import asyncio
import inspect
import time

import gradio as gr
import pytest

from assistant.app import AppService
from assistant.auth import PermissionDenied
from assistant.config import Settings
from ui import _chat, _preview
from ui._refresh import LAZY_OUTPUTS
from ui._registry import Views
from ui.app import build_app

PASSWORD = "turns-test-password"


@pytest.fixture
def built(tmp_path):
    ws = AppService.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}"))
    for name, role, shown in (("zhangsan", "staff", "张三"), ("zhaoliu", "staff", "赵六"),
                              ("lisi", "editor", "李四"), ("wangwu", "supervisor", "王五")):
        ws.add_user(None, name, PASSWORD, role, shown)
    v = Views()
    demo = build_app(ws, v)
    fns = {f.api_name: f for f in demo.fns.values() if f.api_name}
    by_trigger = {t: f for f in demo.fns.values() for t in f.targets}
    try:
        yield ws, v, fns, by_trigger
    finally:
        ws.close()


def _call(fn, *args, user: str, page: str | None = None) -> list[dict]:
    """The handler called as Gradio calls it, from the page ``page`` (a Gradio session); its answers."""
    request = gr.Request(username=user, session_hash=page)

    async def run():
        if inspect.isasyncgenfunction(fn):
            return [out async for out in fn(*args, request)]
        return [await fn(*args, request)]

    return asyncio.run(run())


def _named(v: Views, out: dict) -> dict[str, object]:
    names = {id(b): n for n, b in v.blocks.items()}
    return {names[id(k)]: value for k, value in out.items()}


def _open_page(v, fns, user: str, page: str):
    loaded = _named(v, _call(fns["load"].fn, "p1.active", user=user, page=page)[0])
    return loaded["draft_select"]["value"]


def _turn(v, fns, draft, message: str, page: str, user: str = "zhangsan") -> dict[str, object]:
    return _named(v, _call(fns["send"].fn, message, draft, [], "p1.active", user=user, page=page)[-1])


def test_a_turn_leaves_out_what_did_not_change(built):
    _, v, fns, _ = built
    draft = _open_page(v, fns, "zhangsan", "page-1")
    send = fns["send"]
    # the grids and the change record are not among a turn's outputs at all: they follow on their own
    assert not set(LAZY_OUTPUTS) & set(send.fn.keyed_outputs)
    first = _turn(v, fns, draft, "本年新收政府信息公开申请40件，予以公开30件。", "page-1")
    assert "data-revision" in first["revision"] and "preview" in first and "findings" in first
    assert "panels_due" not in first  # the page shows the preview: nothing else is due
    # a turn that changes no fact: the findings and the state line are what the page has, left out
    second = _turn(v, fns, draft, "好的", "page-1")
    assert {"chat", "revision", "preview"} <= set(second)
    assert "findings" not in second and "draft_status" not in second and "draft_select" not in second
    # another page of the same user knows nothing yet: it gets everything a turn may change
    other = _turn(v, fns, draft, "好的", "page-2")
    assert {"findings", "draft_status", "draft_select", "panels_due"} <= set(other)


def test_a_lazy_panel_follows_while_shown_and_catches_up_when_selected(built):
    _, v, fns, by_trigger = built
    draft = _open_page(v, fns, "zhangsan", "page-1")
    _turn(v, fns, draft, "本年新收政府信息公开申请40件，予以公开30件。", "page-1")
    # 数据表 selected after the turn: the grids the page had are behind, they come now (the change
    # record, out of sight, does not)
    select_grids = by_trigger[(v["tab_grids"]._id, "select")]
    caught_up = _named(v, _call(select_grids.fn, draft, "p1.active", user="zhangsan", page="page-1")[0])
    assert "40" in str(caught_up["grid_t3"]) and "history" not in caught_up
    assert set(caught_up) <= set(LAZY_OUTPUTS) and "grid_t2" not in caught_up  # table 二 did not change
    again = _call(select_grids.fn, draft, "p1.active", user="zhangsan", page="page-1")[0]
    assert again == gr.skip() or not again  # selected again: nothing new
    # while it is shown, a turn marks the panel due, and the due event sends what changed
    turn = _turn(v, fns, draft, "不对，新收申请是45件", "page-1")
    assert turn["panels_due"]
    due = by_trigger[(v["panels_due"]._id, "change")]
    followed = _named(v, _call(due.fn, draft, "p1.active", turn["panels_due"], user="zhangsan", page="page-1")[0])
    assert "45" in str(followed["grid_t3"]) and "grid_t2" not in followed and "history" not in followed
    # 历史 selected: the change record as it stands, the last correction first
    select_history = by_trigger[(v["tab_history"]._id, "select")]
    record = _named(v, _call(select_history.fn, draft, "p1.active", user="zhangsan", page="page-1")[0])
    assert "45" in str(record["history"][0])
    # back on the preview: turns no longer mark anything due
    _call(by_trigger[(v["tab_preview"]._id, "select")].fn, draft, "p1.active", user="zhangsan", page="page-1")
    assert "panels_due" not in _turn(v, fns, draft, "予以公开31件", "page-1")


def test_a_new_draft_sends_its_lazy_panels_only_when_shown(built):
    """新建报告 from a page on 报告预览: the new draft's grids and change record wait for their tab (the
    page's grids were the last draft's, which its selection compares with); a page not known, or one
    showing 数据表, gets them at once."""
    _, v, fns, by_trigger = built
    draft = _open_page(v, fns, "zhangsan", "page-1")
    _turn(v, fns, draft, "本年新收政府信息公开申请40件，予以公开30件。", "page-1")
    select_grids = by_trigger[(v["tab_grids"]._id, "select")]
    _call(select_grids.fn, draft, "p1.active", user="zhangsan", page="page-1")  # the page has draft 1's grids
    _call(by_trigger[(v["tab_preview"]._id, "select")].fn, draft, "p1.active", user="zhangsan", page="page-1")
    new = _named(v, _call(fns["new_draft"].fn, "p1.active", user="zhangsan", page="page-1")[0])
    fresh = new["draft_select"]["value"]
    assert fresh not in (None, draft) and "preview" in new and "findings" in new
    assert not set(LAZY_OUTPUTS) & set(new)
    caught_up = _named(v, _call(select_grids.fn, fresh, "p1.active", user="zhangsan", page="page-1")[0])
    assert "40" not in str(caught_up["grid_t3"]) and "grid_base" in caught_up  # the new draft's, blank
    # shown: with the new draft at once
    shown = _named(v, _call(fns["new_draft"].fn, "p1.active", user="zhangsan", page="page-1")[0])
    assert {"grid_t2", "grid_t3", "grid_t4", "grid_marks", "grid_base"} <= set(shown) and "history" not in shown
    # a page the server does not know (an API caller that never loaded one) gets everything, as before
    unknown = _named(v, _call(fns["new_draft"].fn, "p1.active", user="zhangsan", page="page-9")[0])
    assert set(LAZY_OUTPUTS) <= set(unknown)


def test_the_preview_kept_for_a_revision_is_never_shown_for_another(built):
    ws, v, fns, _ = built
    draft = _open_page(v, fns, "zhangsan", "page-1")
    _turn(v, fns, draft, "本年新收政府信息公开申请40件，予以公开30件。", "page-1")
    cell = 'data-address="t3.new_received.total">40<'
    assert cell in _turn(v, fns, draft, "好的", "page-1")["preview"]
    # a cell edited elsewhere (another event; here the service directly), then a turn: the new value
    ws.set_cells("zhangsan", draft, [("t3.new_received.total", "41")])
    assert 'data-address="t3.new_received.total">41<' in _turn(v, fns, draft, "好的", "page-1")["preview"]
    # an editor (another user, another role) edits it; the staff's next turn shows it
    ws.set_cells("lisi", draft, [("t3.new_received.total", "42")])
    shown = _turn(v, fns, draft, "好的", "page-1")["preview"]
    assert 'data-address="t3.new_received.total">42<' in shown
    revision = ws.open_draft("zhangsan", draft).revision
    assert f'data-revision="{revision}"' in shown


def test_users_with_other_roles_or_rights_never_get_each_others_view(built):
    ws, v, fns, _ = built
    draft = _open_page(v, fns, "zhangsan", "page-1")
    _turn(v, fns, draft, "本年新收政府信息公开申请40件，予以公开30件。", "page-1")
    revision = ws.open_draft("zhangsan", draft).revision
    # the supervisor opens the same revision: a preview of their own role, not the staff's entry
    opened = _named(v, _call(fns["open_draft"].fn, draft, "p1.active", user="wangwu", page="page-9")[0])
    assert f'data-revision="{revision}"' in opened["preview"]
    kept = {k for k in _preview.PREVIEWS._html if k[:3] == (ws, int(draft), revision)}
    assert {k[3] for k in kept} == {"staff", "supervisor"}
    # what a supervisor is shown (the model calls) is not what the staff's page gets
    assert opened["llm_summary"] and "llm_summary" not in fns["send"].fn.keyed_outputs
    # another member of staff may not see the draft, though its preview is kept: refused, nothing shown
    with pytest.raises(PermissionDenied):
        ws.snapshot("zhaoliu", draft)
    with pytest.raises(gr.Error, match="无权"):
        _call(fns["open_draft"].fn, draft, "p1.active", user="zhaoliu", page="page-8")
    # two pages never share what was sent: the supervisor's page says nothing of the staff's
    assert "findings" in _turn(v, fns, draft, "好的", "page-3")


def test_a_quick_turn_is_answered_once_and_a_slow_one_shows_its_message_first(built, monkeypatch):
    ws, v, fns, _ = built
    draft = _open_page(v, fns, "zhangsan", "page-1")
    quick = [_named(v, out) for out in _call(fns["send"].fn, "好的", draft, [], "p1.active", user="zhangsan",
                                               page="page-1")]
    assert len(quick) == 1 and quick[0]["message"] == "" and quick[0]["chat"][-2]["content"] == "好的"
    send = ws.send

    def slow(*args, **kwargs):
        time.sleep(0.4)
        return send(*args, **kwargs)

    monkeypatch.setattr(ws, "send", slow)
    # the offline engine waits for no model: slower than 0.1 s is queueing, answered once within a second
    once = [_named(v, out) for out in _call(fns["send"].fn, "好的", draft, [], "p1.active", user="zhangsan",
                                              page="page-1")]
    assert len(once) == 1 and once[0]["message"] == "" and once[0]["chat"][-2]["content"] == "好的"
    monkeypatch.setattr(_chat, "_QUICK_OFFLINE_S", 0.1)  # as with a model
    answers = [_named(v, out) for out in _call(fns["send"].fn, "网站公开政务信息148条", draft, [], "p1.active",
                                               user="zhangsan", page="page-1")]
    assert answers[0]["message"] == "" and answers[0]["chat"][-1]["content"] == "正在处理……"
    assert "message" not in answers[-1] and "148" in answers[-1]["chat"][-1]["content"]


def test_two_databases_in_one_process_never_share_a_preview(built, tmp_path):
    ws, v, fns, _ = built
    draft = _open_page(v, fns, "zhangsan", "page-1")
    first = _turn(v, fns, draft, "本年新收政府信息公开申请40件", "page-1")["preview"]
    other = AppService.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'b.sqlite3'}"))
    try:
        other.add_user(None, "zhangsan", PASSWORD, "staff", "张三")
        v2 = Views()
        demo2 = build_app(other, v2)
        fns2 = {f.api_name: f for f in demo2.fns.values() if f.api_name}
        draft2 = _open_page(v2, fns2, "zhangsan", "page-b")
        second = _turn(v2, fns2, draft2, "本年新收政府信息公开申请50件", "page-b")["preview"]
        revision2 = other.open_draft("zhangsan", draft2).revision
    finally:
        other.close()
    assert (draft2, revision2) == (draft, ws.open_draft("zhangsan", draft).revision)  # the same draft, revision
    assert ">40<" in first and ">50<" in second and ">40<" not in second


def test_pages_of_two_apps_in_one_process_are_told_apart(built, tmp_path):
    _, v, fns, _ = built
    draft = _open_page(v, fns, "zhangsan", "same")
    _turn(v, fns, draft, "好的", "same")
    assert "findings" not in _turn(v, fns, draft, "好的", "same")  # this page has them
    other = AppService.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'b.sqlite3'}"))
    try:
        other.add_user(None, "zhangsan", PASSWORD, "staff", "张三")
        v2 = Views()
        fns2 = {f.api_name: f for f in build_app(other, v2).fns.values() if f.api_name}
        draft2 = other.new_draft("zhangsan").id
        # the same session name, another app: a page it never sent anything to
        assert "findings" in _turn(v2, fns2, draft2, "好的", "same") and draft2 == draft
    finally:
        other.close()
