"""What a chat turn reads again: the state the page's last refresh read whole at the same revision is
not read again; a write in between (another revision) is; the user and draft rows are read once per
refresh (``AppService.one_read``)."""

from __future__ import annotations

import pytest

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.offline import OfflineModel

PW = "password-123"


@pytest.fixture
def ws(db, tmp_path):
    store = db()
    AuthStore(store.engine).add_user("zhang", PW, "staff", "张三")
    return AppService(store, AuthStore(store.engine), OfflineModel(), export_dir=tmp_path / "exports")


def _counting(monkeypatch, obj, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(obj, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def test_a_turn_after_a_refresh_starts_from_its_read_and_a_write_between_is_seen(ws, monkeypatch):
    draft = ws.default_draft("zhang").id
    ws.send("zhang", draft, "本年新收政府信息公开申请40件")
    ws.snapshot("zhang", draft)  # the page's refresh after the turn
    facts = _counting(monkeypatch, ws.store, "facts")
    ws.send("zhang", draft, "上年结转2件")
    assert facts == []  # started from the refresh's read
    assert ws.snapshot("zhang", draft).facts.cells["t3.new_received.total"] == 40
    ws.set_cells("zhang", draft, [("t4.review.upheld", "3")])  # a write the refresh did not see
    facts.clear()
    ws.send("zhang", draft, "行政复议纠正0件")
    assert facts  # another revision: read again
    snap = ws.snapshot("zhang", draft)
    assert snap.facts.cells["t4.review.upheld"] == 3 and snap.facts.cells["t3.new_received.total"] == 40


def test_a_refresh_reads_the_user_and_the_draft_once(ws, monkeypatch):
    draft = ws.default_draft("zhang").id
    ws.send("zhang", draft, "本年新收政府信息公开申请40件")
    ws.snapshot("zhang", draft)  # the content at this revision, read once
    users = _counting(monkeypatch, ws.auth, "get_user")
    drafts = _counting(monkeypatch, ws.store, "get_draft")
    with ws.one_read():
        ws.conversation("zhang", draft)
        ws.snapshot("zhang", draft)
        ws.refusal("zhang", draft, "chat")
        ws.name_of("zhang")
    assert len(users) == 1 and len(drafts) == 1
    ws.user("zhang")  # outside it, every call reads again
    ws.open_draft("zhang", draft)
    assert len(users) == 3 and len(drafts) == 2
