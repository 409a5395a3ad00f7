"""What a chat turn reads again: the state the page's last refresh read whole at the same revision is
not read again; a write in between (another revision) is; the user and draft rows are read once per
refresh (``AppService.one_read``)."""

from __future__ import annotations

import pytest

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.offline import OfflineModel
from assistant.storage import FactChange

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


def test_the_views_of_a_turn_start_from_its_user_and_the_draft_its_write_left(ws, monkeypatch):
    draft = ws.default_draft("zhang").id
    ws.send("zhang", draft, "本年新收政府信息公开申请40件")
    ws.snapshot("zhang", draft)
    users = _counting(monkeypatch, ws.auth, "get_user")
    drafts = _counting(monkeypatch, ws.store, "get_draft")
    reads = _counting(monkeypatch, ws.store._reader, "connect")  # the draft's row read, as the store reads it
    before = ws.open_draft("zhang", draft)
    users.clear(), drafts.clear(), reads.clear()
    ws.send("zhang", draft, "上年结转2件")
    assert len(users) == 1 and len(drafts) == 2  # the dialogue's read of the draft is the one just made
    n = len(reads)
    with ws.one_read():  # the page's views of the turn, as ``ui._chat`` shows them
        snap = ws.snapshot("zhang", draft)
        ws.conversation("zhang", draft)
    assert len(users) == 1 and len(drafts) == 2  # neither read again
    assert snap.draft == ws.store.get_draft(draft) and snap.draft.revision == before.revision + 1
    assert len(reads) > n  # (the rest is read as before)


def test_what_a_turn_leaves_is_for_its_views_only(ws, monkeypatch):
    draft = ws.default_draft("zhang").id
    ws.send("zhang", draft, "本年新收政府信息公开申请40件")
    users = _counting(monkeypatch, ws.auth, "get_user")
    ws.user("zhang")  # another read first: the turn's user is not kept for what follows
    with ws.one_read():
        ws.snapshot("zhang", draft)
    assert len(users) == 2
    ws.send("zhang", draft, "上年结转2件")
    with ws.one_read():
        pass
    users.clear()
    with ws.one_read():  # a second one: read again
        ws.snapshot("zhang", draft)
    assert len(users) == 1


def test_a_turn_that_changes_the_agency_reads_the_draft_again(ws, monkeypatch):
    draft = ws.default_draft("zhang").id
    ws.send("zhang", draft, "本年新收政府信息公开申请40件")
    ws.send("zhang", draft, "我们单位是某某县交通运输局")
    drafts = _counting(monkeypatch, ws.store, "get_draft")
    with ws.one_read():
        snap = ws.snapshot("zhang", draft)
    assert drafts  # the write changed the row beyond the bump: not kept, read
    assert snap.draft == ws.store.get_draft(draft) and snap.draft.agency_name == "某某县交通运输局"


def test_a_turn_that_finds_the_draft_moved_on_reads_it_again(ws, db, monkeypatch):
    draft = ws.default_draft("zhang").id
    ws.send("zhang", draft, "本年新收政府信息公开申请40件")
    other = db()  # another process
    real = ws.store.get_draft
    calls: list[int] = []

    def moved_on(draft_id):  # between the check of the request and the dialogue's read, another write
        calls.append(draft_id)
        return real(draft_id)

    seen = ws.open_draft("zhang", draft)
    other.apply_changes(draft, [FactChange("t4.review.upheld", 3, "set", "")], source="manual", author="zhang")
    monkeypatch.setattr(ws, "_get_draft", lambda draft_id: seen)  # the request saw the draft before that write
    monkeypatch.setattr(ws.store, "get_draft", moved_on)
    ws.send("zhang", draft, "上年结转2件")  # started from the draft it saw: stale, so read again and done
    monkeypatch.undo()
    snap = ws.snapshot("zhang", draft)
    assert calls == [draft, draft]  # the draft the request saw, found stale at the write; then read
    assert snap.facts.cells["t4.review.upheld"] == 3 and snap.draft.revision == seen.revision + 2
    assert ws.conversation("zhang", draft)[-2] == {"role": "user", "content": "上年结转2件"}


def test_the_review_record_is_read_through_the_read_pool(ws):
    from sqlalchemy import event

    from assistant.storage._store import read_engine

    draft = ws.default_draft("zhang").id
    ws.send("zhang", draft, "本年新收政府信息公开申请40件")
    ws.move("zhang", draft, "submit")
    seen: dict[str, list[str]] = {"write": [], "read": []}
    reader = read_engine(ws.store.engine)
    pools = {"write": ws.store.engine} if reader is ws.store.engine else {"write": ws.store.engine, "read": reader}

    def listener(k: str):
        return lambda *a: seen[k].append(a[2])

    listeners = {k: listener(k) for k in pools}
    for k, e in pools.items():
        event.listen(e, "before_cursor_execute", listeners[k])
    try:
        assert [t.action for t in ws.transitions("zhang", draft)] == ["submit"]
        assert any(r.kind == "state" for r in ws.change_record("zhang", draft))
    finally:
        for k, e in pools.items():
            event.remove(e, "before_cursor_execute", listeners[k])
    reads = seen["read"] if "read" in pools else seen["write"]
    assert any("draft_transitions" in s for s in reads)
    if "read" in pools:  # PostgreSQL: nothing of it on the pool of writes
        assert not any("draft_transitions" in s for s in seen["write"])
