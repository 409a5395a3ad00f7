"""Shared fixtures. Test data lives in tests/fixtures/ so the repo stands alone."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from assistant.storage import Store
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas import Report

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE_TXT = FIXTURES / "yantai-jgswj-2023.txt"
SAMPLE_GOLD = FIXTURES / "yantai-jgswj-2023.gold.json"
# PostgreSQL for the storage, dialogue and auth tests: .ci/run starts Debian's server and sets this.
PG_URL = os.environ.get("REPORT_TEST_POSTGRES_URL")


def load_gold() -> Report:
    return Report.model_validate(json.loads(SAMPLE_GOLD.read_text(encoding="utf-8")))


@pytest.fixture
def sample_path() -> Path:
    """The published sample as copied from a web page."""
    return SAMPLE_TXT


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_TXT.read_text(encoding="utf-8")


@pytest.fixture
def sample_gold() -> Report:
    """The sample's published content as a model (built once from the text, checked by hand)."""
    return load_gold()


@pytest.fixture
def rich_report() -> Report:
    """A consistent report with distinct non-zero values in every table cell."""
    return consistent_report(7)


@pytest.fixture
def rich_pair() -> tuple[Report, Report]:
    """(this year, last year) agreeing on every cross-year rule."""
    this = consistent_report(11)
    return this, previous_year_of(this)


@pytest.fixture
def empty_agency_report() -> Report:
    return zero_report()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A fresh database, once on SQLite and once on PostgreSQL (a schema of its own, named in the URL;
    skipped locally without REPORT_TEST_POSTGRES_URL, failing in CI)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    yield from postgres_schema("未设置 REPORT_TEST_POSTGRES_URL")


def postgres_schema(skip_reason: str):
    """The test PostgreSQL's URL with a schema of its own, dropped afterwards (for a fixture to yield
    from); skipped with ``skip_reason`` locally without REPORT_TEST_POSTGRES_URL, failing in CI."""
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI 中必须提供 REPORT_TEST_POSTGRES_URL（见 .ci/run）")
        pytest.skip(skip_reason)
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    with admin.begin() as c:
        c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def db(database_url):
    """A factory of Store objects on one fresh database (call it again to 'restart')."""
    stores: list[Store] = []

    def open_store() -> Store:
        stores.append(Store(database_url))
        return stores[-1]

    yield open_store
    for s in stores:
        s.close()


# ---- a model fed from a queue (the seam's test double) ----

class FakeModel:
    """A ``Model`` that answers from a queue, in order: ``fake_model.enqueue(answer, ...)``.

    An answer is text (for a request with a schema: its JSON, validated), a pydantic object (the
    parsed answer), an exception (raised), or a function of the request returning one of those.
    Every request is kept in ``requests``. A call with nothing queued fails the test: a model call
    nobody scripted is a bug in the test or in the code, never something to guess an answer for."""

    engine = "fake"

    def __init__(self, name: str = "fake") -> None:
        from collections import deque

        self.name = name
        self.requests: list = []
        self._queue: deque = deque()

    def enqueue(self, *answers) -> FakeModel:
        self._queue.extend(answers)
        return self

    @property
    def pending(self) -> int:
        return len(self._queue)

    def complete(self, request):
        from pydantic import BaseModel

        from assistant.llm import LLMResponse

        self.requests.append(request)
        assert self._queue, (f"FakeModel: no answer queued for request {len(self.requests)} "
                             f"(task {request.task!r}); enqueue one")
        answer = self._queue.popleft()
        if callable(answer) and not isinstance(answer, type):
            answer = answer(request)
        if isinstance(answer, BaseException):
            raise answer
        if isinstance(answer, BaseModel):
            text, parsed = answer.model_dump_json(), answer
        else:
            text = str(answer)
            parsed = request.schema.model_validate_json(text) if request.schema is not None else None
        if request.on_token and text:
            request.on_token(text)
        return LLMResponse(text=text, parsed=parsed, model=self.name)


@pytest.fixture
def fake_model() -> FakeModel:
    """A fresh ``FakeModel``; queue its answers with ``fake_model.enqueue(...)``."""
    return FakeModel()
