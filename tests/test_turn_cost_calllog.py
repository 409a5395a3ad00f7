"""A chat turn's model call record is inserted in the turn's transaction (one commit a turn, not two),
and is never lost: a row no write took (the turn refused before it wrote, its write failed, another
engine) is inserted at the end of the turn; a row that cannot be inserted never undoes the turn."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import event, select

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.llm import CallLog, LoggedModel
from assistant.offline import OfflineModel
from assistant.storage import FactChange, StaleDraftError, ride_along, writes_together
from assistant.storage._tables import LLMCallRow

PW = "password-123"


@pytest.fixture
def ws(db, tmp_path):
    store = db()
    AuthStore(store.engine).add_user("zhang", PW, "staff", "张三")
    model = LoggedModel(OfflineModel(), CallLog(store.engine))
    return AppService(store, AuthStore(store.engine), model, export_dir=tmp_path / "exports")


def _calls(ws: AppService) -> list[tuple]:
    with ws.store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(LLMCallRow.task, LLMCallRow.draft_id, LLMCallRow.username))]


def _commits(engine) -> list[int]:
    seen: list[int] = []
    event.listen(engine, "commit", lambda conn: seen.append(1))
    return seen


def test_a_turn_and_its_model_call_are_one_commit(ws):
    draft = ws.default_draft("zhang").id
    commits = _commits(ws.store.engine)
    ws.send("zhang", draft, "网站公开政务信息148条")
    assert len(commits) == 1
    assert _calls(ws) == [("extract", draft, "zhang")]
    assert ws.snapshot("zhang", draft).facts.website_items == 148


def _row(draft: int, task: str = "extract") -> dict:
    import datetime as dt

    return dict(created_at=dt.datetime.now(dt.UTC), request_id="r", attempt=1, reasks=0, task=task,
                prompt_version="p", engine="offline", profile=None, model="offline", input_tokens=None,
                output_tokens=None, cached_tokens=None, reasoning_tokens=None, latency_ms=1, outcome="ok",
                error=None, draft_id=draft, username="zhang")


def test_a_row_no_write_took_is_inserted_at_the_end(ws):
    draft = ws.default_draft("zhang").id
    errors: list[Exception] = []
    with writes_together():
        assert ride_along(ws.store.engine, LLMCallRow, _row(draft, "a"), errors.append)
        with pytest.raises(StaleDraftError):  # a write that failed: the row stays waiting
            ws.store.record_turn(draft, "x", author="zhang", changes=[FactChange("website_items", 1)],
                                 expected_revision=99)
        assert _calls(ws) == []
    assert _calls(ws) == [("a", draft, "zhang")] and errors == []
    assert not ride_along(ws.store.engine, LLMCallRow, _row(draft), errors.append)  # outside: written by the caller


def test_a_row_that_cannot_be_inserted_never_undoes_the_write(ws, caplog):
    draft = ws.default_draft("zhang").id
    errors: list[Exception] = []
    bad = {**_row(draft), "task": None}  # NOT NULL
    with caplog.at_level(logging.WARNING), writes_together():
        ride_along(ws.store.engine, LLMCallRow, _row(draft, "good"), errors.append)
        ride_along(ws.store.engine, LLMCallRow, bad, errors.append)
        ws.store.record_turn(draft, "网站公开政务信息148条", author="zhang", reply="好的")
    assert [t.text for t in ws.store.turns(draft)] == ["网站公开政务信息148条", "好的"]
    assert len(errors) == 2 and _calls(ws) == []  # the end's transaction holds both rows: neither, and both said
    with writes_together():
        ride_along(ws.store.engine, LLMCallRow, _row(draft, "good"), errors.append)
        ws.store.record_turn(draft, "上年结转2件", author="zhang", reply="好的")
    assert _calls(ws) == [("good", draft, "zhang")]


def test_a_row_for_another_engine_is_inserted_at_the_end(ws, db):
    other = db()  # (on the same database)
    draft = ws.default_draft("zhang").id
    log = CallLog(other.engine)
    from assistant.llm import CallRecord

    with writes_together():
        log.write(CallRecord("r", 1, "extract", "p", "offline", None, "offline", 1, 1, 1, "ok"))
        ws.store.record_turn(draft, "x", author="zhang")
        with other.engine.connect() as conn:
            assert conn.execute(select(LLMCallRow.id)).all() == []
        assert _calls(ws) == []
    with other.engine.connect() as conn:
        assert len(conn.execute(select(LLMCallRow.id)).all()) == 1
