"""The model-call log: one table of the main database (migration 0005), written by ``LoggedModel``
whatever the engine, append-only, and read by the supervisors' 模型调用 view, also for calls made by
another process. Errors are stored redacted: the API key never reaches the table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fakellm import fake_llm, reply_status, reply_structured  # noqa: F401  (fixture)
from sqlalchemy import inspect, text

from assistant.app import AppService
from assistant.auth import AuthStore, PermissionDenied
from assistant.config import Settings
from assistant.drafting import draft_part, extract, revise_part
from assistant.llm import (
    CallLog,
    CallRecord,
    LLMAuthError,
    LLMError,
    LLMOutputError,
    LLMRateLimitedError,
    LLMRequestError,
    LLMTimeoutError,
    LLMUnavailableError,
    LoggedModel,
    Model,
    OfflineUnsupportedError,
    call_context,
)
from assistant.llm.openai_compat import OpenAICompatibleModel
from assistant.models import make_model
from assistant.offline import OfflineModel
from schemas.facts import Facts
from tests.test_auth_migration import _downgrade

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-calllog-SECRET-0123456789"
MESSAGE = "网站公开政务信息148条，微信公众号发布59条。"
GOOD_OPS = {"ops": [
    {"field": "website_items", "value": 148, "quote": "网站公开政务信息148条", "op": "set"},
    {"field": "new_media_posts", "value": 59, "quote": "微信公众号发布59条", "op": "set"},
]}
FACTS = Facts(agency_name="示例市某某局", report_year=2023, website_items=148, new_media_posts=59)


@pytest.fixture(autouse=True)
def _no_report_env(monkeypatch):
    for var in list(os.environ):
        if var.startswith("REPORT_") and var != "REPORT_TEST_POSTGRES_URL":
            monkeypatch.delenv(var)


def _record(task: str = "extract", **kw) -> CallRecord:
    values = dict(request_id="r1", attempt=1, task=task, prompt_version="extract@2", engine="offline",
                  profile=None, model="offline", input_tokens=3, output_tokens=4, latency_ms=5, outcome="ok")
    values.update(kw)
    return CallRecord(**values)


# ---- one table of the main database, seen by every process ------------------------------------
def test_a_call_made_by_another_process_is_in_the_supervisors_view(db, database_url, tmp_path):
    store = db()
    auth = AuthStore(store.engine)
    auth.add_user("zhang", "staff-password-1", "staff", "张三")
    auth.add_user("wang", "supervisor-password-1", "supervisor", "王五")
    ws = AppService(store, auth, OfflineModel(), export_dir=tmp_path / "exports", settings=Settings(_env_file=None))
    d = ws.new_draft("zhang").id
    assert ws.llm_calls("wang", d) == []

    child = ("import sys\n"
             "from assistant.config import Settings\n"
             "from assistant.drafting import extract\n"
             "from assistant.llm import call_context\n"
             "from assistant.models import make_model\n"
             "from schemas.facts import Facts\n"
             "with call_context(int(sys.argv[1]), 'zhang'):\n"
             "    extract('网站公开政务信息148条', Facts(), make_model(Settings()))\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORT_")}
    env.update(REPORT_DATABASE_URL=database_url, REPORT_DATA_DIR=str(tmp_path / "child"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", child, str(d)], cwd=tmp_path, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr

    (row,) = ws.llm_calls("wang", d)
    assert (row["task"], row["engine"], row["model"], row["outcome"]) == ("extract", "offline", "offline", "ok")
    assert (row["draft_id"], row["username"], row["prompt_version"]) == (d, "zhang", "offline.extract@1")
    assert row["created_at"].tzinfo is not None and row["ts"].startswith(str(row["created_at"].year))
    assert ws.llm_calls("wang", ws.new_draft("zhang").id) == []  # another draft's calls are its own
    with pytest.raises(PermissionDenied):
        ws.llm_calls("zhang", d)  # staff do not see the model calls


def test_the_service_from_the_settings_logs_into_its_own_database(database_url, tmp_path):
    ws = AppService.from_settings(Settings(_env_file=None, database_url=database_url, data_dir=tmp_path))
    try:
        assert isinstance(ws.service.model, LoggedModel)
        assert ws.service.model.call_log.engine is ws.store.engine
    finally:
        ws.close()


def test_the_call_log_opens_its_database_at_the_first_call_only(tmp_path):
    path = tmp_path / "app.sqlite3"
    model = make_model(Settings(_env_file=None, database_url=f"sqlite:///{path}"))
    assert not path.exists()  # making a model touches no database
    extract(MESSAGE, Facts(), model)
    assert path.exists() and [r["task"] for r in model.call_log.rows()] == ["extract"]


# ---- append-only ----------------------------------------------------------------------------------
def test_the_call_log_cannot_be_changed_or_emptied(db):
    store = db()
    log = CallLog(store.engine)
    log.write(_record())
    for sql in ("UPDATE llm_calls SET outcome = 'error'", "DELETE FROM llm_calls"):
        with pytest.raises(Exception, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(sql))
    assert [r["outcome"] for r in log.rows()] == ["ok"]
    _downgrade(store, "0004")  # the table and its triggers go with their migration
    assert "llm_calls" not in inspect(store.engine).get_table_names()


# ---- the wrapper logs every engine --------------------------------------------------------------
def test_the_offline_engine_is_logged_by_the_wrapper(db):
    store = db()
    model = make_model(Settings(_env_file=None), engine=store.engine)
    assert isinstance(model, Model) and isinstance(model.inner, OfflineModel)
    assert (model.engine, model.name, model.call_log.engine) == ("offline", "offline", store.engine)
    d = store.create_draft("zhang").id
    with call_context(d, "zhang"):
        extract(MESSAGE, Facts(), model)
        part = draft_part("p1.active", FACTS, model)
        with pytest.raises(OfflineUnsupportedError):
            revise_part("p1.active", part.text, "写得更生动一些", FACTS, model)
    rows = model.call_log.rows(d)
    assert [(r["task"], r["outcome"]) for r in rows] == [
        ("extract", "ok"), ("draft.p1.active", "ok"), ("revise.p1.active", "unsupported")]
    assert rows[0]["prompt_version"] == "offline.extract@1"  # the version the engine used
    assert rows[2]["prompt_version"].startswith("revise@") and "离线模式" in rows[2]["error"]
    assert {(r["engine"], r["model"], r["username"], r["attempt"]) for r in rows} == {("offline", "offline", "zhang", 1)}
    assert model.call_log.rows(d + 1) == []


def test_the_openai_compatible_engine_is_logged_and_its_errors_redacted(db, fake_llm, caplog):
    caplog.set_level("DEBUG")
    store = db()
    settings = Settings(_env_file=None, llm_base_url=fake_llm.base_url, llm_api_key=KEY, llm_model="test-model",
                        llm_profile="openai", llm_timeout_s=5, llm_max_retries=1, llm_backoff_s=0.001,
                        llm_backoff_max_s=0.01, llm_max_reasks=0)
    model = make_model(settings, engine=store.engine)
    assert isinstance(model.inner, OpenAICompatibleModel) and model.engine == "openai-compatible"
    assert "call_log" not in vars(model.inner)  # the engine no longer logs itself
    fake_llm.push(reply_structured(GOOD_OPS),
                  reply_status(500, message=f"upstream said {KEY}"), reply_status(503, message=f"down: {KEY}"),
                  reply_status(401, message=f"Incorrect API key provided: {KEY}"))
    with call_context(7, "li"):
        assert extract(MESSAGE, Facts(), model).facts.website_items == 148
        with pytest.raises(LLMUnavailableError):
            extract(MESSAGE, Facts(), model)
        with pytest.raises(LLMAuthError):
            extract(MESSAGE, Facts(), model)
    assert [r.headers["x-report-task"] for r in fake_llm.requests] == ["extract"] * 4
    ok, down, refused = model.call_log.rows(7)
    assert (ok["outcome"], ok["engine"], ok["profile"], ok["model"]) == ("ok", "openai-compatible", "openai",
                                                                         "test-model")
    assert (ok["input_tokens"], ok["output_tokens"], ok["attempt"], ok["reasks"]) == (11, 7, 1, 0)
    assert ok["prompt_version"].startswith("extract@2") and ok["username"] == "li"
    assert (down["outcome"], down["attempt"]) == ("server_error", 2)
    assert "down: ***" in down["error"]  # the provider's words, the key masked
    assert refused["outcome"] == "auth_error" and "***" in refused["error"]
    with store.engine.connect() as conn:
        stored = "\n".join(str(tuple(r)) for r in conn.execute(text("SELECT * FROM llm_calls")))
    assert KEY not in stored and KEY not in caplog.text
    assert model.call_log.totals() == {"test-model:input": 11, "test-model:output": 7}


@pytest.mark.parametrize("error,outcome", [
    (LLMTimeoutError("超时"), "timeout"), (LLMRateLimitedError("频繁"), "rate_limited"),
    (LLMUnavailableError("不可用"), "unavailable"), (LLMAuthError("密钥"), "auth_error"),
    (LLMRequestError("拒绝"), "request_error"), (LLMOutputError("不符合"), "invalid"),
    (OfflineUnsupportedError("不支持"), "unsupported"), (LLMError("失败"), "error"), (RuntimeError("bug"), "error"),
])
def test_every_failure_has_its_outcome(fake_model, tmp_path, error, outcome):
    log = CallLog.for_url(f"sqlite:///{tmp_path / 'calls.sqlite3'}")
    model = LoggedModel(fake_model.enqueue(error), log)
    with pytest.raises(type(error)):
        extract(MESSAGE, Facts(), model)
    (row,) = log.rows()
    assert (row["outcome"], row["engine"], row["model"], row["task"]) == (outcome, "fake", "fake", "extract")
    assert row["input_tokens"] is None and row["error"].startswith(type(error).__name__)


def test_key_like_text_is_redacted_even_when_the_key_is_not_known(fake_model, tmp_path):
    log = CallLog.for_url(f"sqlite:///{tmp_path / 'calls.sqlite3'}")
    model = LoggedModel(fake_model.enqueue(LLMAuthError("Incorrect API key provided: sk-abcdef0123456789")), log)
    with pytest.raises(LLMAuthError):
        extract(MESSAGE, Facts(), model)
    assert log.rows()[0]["error"] == "LLMAuthError: Incorrect API key provided: ***"


def test_a_log_without_a_database_writes_to_logging_only(caplog):
    caplog.set_level("INFO", logger="assistant.llm")
    log = CallLog(None, secrets=(KEY,))
    log.write(_record(outcome="auth_error", error=f"bad key {KEY}"))
    assert log.rows() == [] and log.totals() == {}
    assert "outcome=auth_error" in caplog.text and "bad key ***" in caplog.text and KEY not in caplog.text
