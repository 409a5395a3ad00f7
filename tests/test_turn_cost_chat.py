"""The chat after a turn reads only the turns after those read before, and is what the database holds:
turns another process (another service on the same database) wrote in between are in it, in order, and
a history that is no longer the one read (another database under the same ids) is read again whole."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.offline import OfflineModel

PW = "password-123"


@pytest.fixture
def two(db, tmp_path):
    """Two services on one database: two app processes."""
    first = db()
    AuthStore(first.engine).add_user("zhang", PW, "staff", "张三")
    second = db()
    return [AppService(s, AuthStore(s.engine), OfflineModel(), export_dir=tmp_path / "exports") for s in (first, second)]


def _whole(ws: AppService, draft: int) -> list[dict[str, str]]:
    """The chat read whole from the database, as before ``_turns``."""
    turns = ws.store.turns(draft)
    return [{"role": "assistant", "content": ws.conversation.__globals__["GREETING"]}] + [
        {"role": t.role, "content": t.text} for t in turns if t.role in ("user", "assistant")]


def test_the_chat_reads_only_new_turns_and_sees_every_process_s(two, monkeypatch):
    a, b = two
    draft = a.default_draft("zhang").id
    assert "您好" in a.conversation("zhang", draft)[0]["content"]  # no turn yet: the opening
    a.send("zhang", draft, "本年新收政府信息公开申请40件")
    assert a.conversation("zhang", draft) == _whole(a, draft)
    read: list[int] = []
    original = a.store.turns

    def counted(draft_id, *, after=0):
        out = original(draft_id, after=after)
        read.append(len(out))
        return out

    monkeypatch.setattr(a.store, "turns", counted)
    b.send("zhang", draft, "上年结转2件")  # the other process
    b.send("zhang", draft, "行政复议纠正0件")
    chat = a.conversation("zhang", draft)
    assert read == [5]  # the last turn read before, and the four after it
    assert a.conversation("zhang", draft) == chat and read == [5, 1]
    assert chat == _whole(a, draft) and [m["content"] for m in chat if m["role"] == "user"] == [
        "本年新收政府信息公开申请40件", "上年结转2件", "行政复议纠正0件"]


def test_another_history_under_the_same_ids_is_read_whole(two):
    a, _ = two
    draft = a.default_draft("zhang").id
    a.send("zhang", draft, "本年新收政府信息公开申请40件")
    a.conversation("zhang", draft)
    size, turns = a._chats[draft]
    a._chats[draft] = size, (*turns[:-1], dataclasses.replace(turns[-1], id=turns[-1].id + 1000, text="别的"))
    assert a.conversation("zhang", draft) == _whole(a, draft)


def test_the_chats_kept_are_bounded(two, monkeypatch):
    a, _ = two
    monkeypatch.setattr(a, "_CHATS", 2)
    drafts = [a.new_draft("zhang").id for _ in range(3)]
    for d in drafts:
        a.send("zhang", d, "本年新收政府信息公开申请40件")
        a.conversation("zhang", d)
    assert list(a._chats) == drafts[1:]
    monkeypatch.setattr(a, "_CHAT_CHARS", 1)  # one draft's turns are kept whatever their size
    a.conversation("zhang", drafts[0])
    assert list(a._chats) == drafts[:1] and a._chat_chars == a._chats[drafts[0]][0]
