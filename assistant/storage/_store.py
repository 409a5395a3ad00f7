"""The database holds the truth: drafts, turns, facts with their sources, narrative versions.

Every public write is one transaction; when it returns, it is committed. A write starts by bumping
the draft's revision, which takes the draft's row lock (PostgreSQL) or the write lock (SQLite), so
concurrent writers to one draft are serialised and sequence numbers never collide. A writer that
computed its changes from what it read can pass the revision it read (``expected_revision``); the
write is refused with ``StaleDraftError`` when someone else wrote in between.

Undo reverts the last *action* (a chat turn, an import, a manual edit) together with the derivations
recorded after it; a restored value points back at the change that first set it, so it keeps its
provenance.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import select as select_fd
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, cast

from alembic import command
from alembic.config import Config
from sqlalchemy import Table, bindparam, create_engine, event, exc, func, insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.util import identity_key

from assistant.errors import ReportAssistantError
from assistant.storage._tables import (
    ChangeGroupRow,
    DraftRow,
    FactChangeRow,
    FactRow,
    LedgerColumnsRow,
    NarrativeVersionRow,
    PartLockRow,
    PreviousReportRow,
    TurnRow,
)
from schemas.report import Blank, Report

MIGRATIONS = Path(__file__).with_name("migrations")
# the tables, for plain statements
_DRAFTS, _TURNS, _GROUPS, _CHANGES, _FACTS = (cast(Table, t.__table__) for t in (
    DraftRow, TurnRow, ChangeGroupRow, FactChangeRow, FactRow))

FINAL = "final"  # the review state in which a draft is read-only (assistant.workflow)

# The statements of every chat turn, built once: building a statement and working out its cache key
# cost more than running it (SQLite: ~30 µs of ~60 µs a read), and a read on a pooled connection
# costs a third of one through an ORM session.
_GET_DRAFT = select(_DRAFTS).where(_DRAFTS.c.id == bindparam("d"))
_LIST_DRAFTS = select(_DRAFTS).order_by(_DRAFTS.c.updated_at.desc(), _DRAFTS.c.id.desc())
_LIST_OWN_DRAFTS = _LIST_DRAFTS.where(_DRAFTS.c.owner == bindparam("owner"))
_TURN_COLUMNS = (_TURNS.c.id, _TURNS.c.seq, _TURNS.c.role, _TURNS.c.text, _TURNS.c.author, _TURNS.c.created_at)
_ALL_TURNS = select(*_TURN_COLUMNS).where(_TURNS.c.draft_id == bindparam("d")).order_by(_TURNS.c.seq)
_TURNS_AFTER = _ALL_TURNS.where(_TURNS.c.seq > bindparam("after"))
_ADD_TURN = insert(_TURNS)
_ADD_CHANGES = insert(_CHANGES).returning(_CHANGES.c.id, _CHANGES.c.field)  # one statement for all (fields differ)
# the next seq of the draft's turns or change groups, found in the insert itself (the draft is locked)
_NEXT_SEQ = {table.name: (select(func.coalesce(func.max(table.c.seq), 0) + 1)
                          .where(table.c.draft_id == bindparam("d")).scalar_subquery())
             for table in (_TURNS, _GROUPS)}
_ADD_NEXT_TURN = insert(_TURNS).values(seq=_NEXT_SEQ[_TURNS.name]).returning(_TURNS.c.id, _TURNS.c.seq)
_ADD_GROUP = insert(_GROUPS).values(seq=_NEXT_SEQ[_GROUPS.name]).returning(_GROUPS.c.id)
# the draft's row as the write leaves it comes back with the bump (``drafts_written``)
_BUMP = (update(_DRAFTS).where(_DRAFTS.c.id == bindparam("d"), _DRAFTS.c.status != FINAL)
         .values(revision=_DRAFTS.c.revision + 1, updated_at=bindparam("at")).returning(*_DRAFTS.c))
_BUMP_FROM = _BUMP.where(_DRAFTS.c.revision == bindparam("expected"))
_CURRENT_FACTS = (select(_FACTS.c.field, _FACTS.c.state, _FACTS.c.value_json, _FACTS.c.change_id)
                  .where(_FACTS.c.draft_id == bindparam("d"), _FACTS.c.field.in_(bindparam("fields", expanding=True))))
_UPDATE_FACTS = (update(_FACTS).where(_FACTS.c.draft_id == bindparam("d"), _FACTS.c.field == bindparam("name"))
                 .values(state=bindparam("st"), value_json=bindparam("vj"), change_id=bindparam("cid")))
_ADD_FACTS = insert(_FACTS)
_STORED_FACTS = (select(_FACTS.c.field, _FACTS.c.state, _FACTS.c.value_json, _GROUPS.c.source, _CHANGES.c.quote,
                        _GROUPS.c.author, _GROUPS.c.turn_id, _TURNS.c.text, _CHANGES.c.created_at, _CHANGES.c.id)
                 .join(_CHANGES, _FACTS.c.change_id == _CHANGES.c.id)
                 .join(_GROUPS, _CHANGES.c.group_id == _GROUPS.c.id)
                 .outerjoin(_TURNS, _GROUPS.c.turn_id == _TURNS.c.id)
                 .where(_FACTS.c.draft_id == bindparam("d"), _FACTS.c.state != "cleared"))
_STORED_FACTS_OF = _STORED_FACTS.where(_FACTS.c.field.in_(bindparam("fields", expanding=True)))


# PostgreSQL: a turn's change rows, new facts and changed facts as one array per column (``unnest``), so that a
# statement's text is the same however many rows (as rows of VALUES, psycopg parses a statement of more than 50
# parameters anew each time, ~40 µs a row; as executemany, a pipeline and a statement per row)
def _pg_arrays(table: Table, columns: dict[str, str]) -> str:
    """``unnest(CAST(:param AS type[]), …)`` of ``columns`` (column → its parameter's name)."""
    pg = postgresql.dialect()
    return "unnest(" + ", ".join(f"CAST(:{p} AS {table.c[c].type.compile(dialect=pg)}[])"
                                 for c, p in columns.items()) + ")"


_CHANGE_COLUMNS = tuple(c.name for c in _CHANGES.c if c.name != "id")
_ADD_CHANGES_PG = sql_text(
    f"INSERT INTO {_CHANGES.name} ({', '.join(_CHANGE_COLUMNS)}) "
    f"SELECT * FROM {_pg_arrays(_CHANGES, {c: c for c in _CHANGE_COLUMNS})} RETURNING id, field")
_FACT_COLUMNS = ("draft_id", "field", "state", "value_json", "change_id")
_ADD_FACTS_PG = sql_text(f"INSERT INTO {_FACTS.name} ({', '.join(_FACT_COLUMNS)}) "
                         f"SELECT * FROM {_pg_arrays(_FACTS, {c: c for c in _FACT_COLUMNS})}")
_UPDATE_FACTS_PG = sql_text(
    f"UPDATE {_FACTS.name} SET state = v.state, value_json = v.value_json, change_id = v.change_id "
    f"FROM {_pg_arrays(_FACTS, {'field': 'name', 'state': 'st', 'value_json': 'vj', 'change_id': 'cid'})} "
    f"AS v(field, state, value_json, change_id) "
    f"WHERE {_FACTS.name}.draft_id = CAST(:d AS INTEGER) AND {_FACTS.name}.field = v.field")


def _arrays(rows: list[dict[str, Any]], names: Iterable[str]) -> dict[str, list[Any]]:
    """Rows as one list per parameter (for ``unnest``)."""
    return {n: [r[n] for r in rows] for n in names}


FactState = Literal["set", "pending", "cleared"]
Source = Literal["chat", "import", "derivation", "manual", "undo", "ledger"]
NarrativeSource = Literal["llm", "template", "manual", "restore", "import"]


class StorageError(ReportAssistantError):
    """A storage operation that cannot be done (unknown draft, unreachable database)."""


class DraftFinalisedError(StorageError):
    """A write to a draft in the 已定稿 state (message in Chinese)."""


class PartLockedError(StorageError):
    """A write to a narrative part that an editor locked (message in Chinese)."""


class StaleDraftError(StorageError):
    """The draft changed after the caller read it (``expected_revision`` no longer matches)."""


# ---- values ------------------------------------------------------------------------------------
def encode_value(value: Any) -> str | None:
    """JSON for a fact value; Decimal and Blank keep their type (a blank is never a 0)."""
    if value is None:
        return None
    if isinstance(value, Blank):
        return json.dumps({"blank": value.blank}, ensure_ascii=False)
    if isinstance(value, Decimal):
        return json.dumps({"decimal": str(value)})
    if isinstance(value, (bool, int, str, float)):
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"cannot store a fact value of type {type(value).__name__}")


def decode_value(raw: str | None) -> Any:
    if raw is None:
        return None
    v = json.loads(raw)
    if isinstance(v, dict) and "blank" in v:
        return Blank(blank=v["blank"])
    if isinstance(v, dict) and "decimal" in v:
        return Decimal(v["decimal"])
    return v


# ---- records returned to callers ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DraftInfo:
    id: int
    owner: str
    agency_name: str
    report_year: int | None
    status: str
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Turn:
    id: int
    seq: int
    role: str
    text: str
    author: str
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class FactChange:
    """A change to apply: set a value, mark pending (跳过/不清楚), or clear."""

    field: str
    value: Any = None
    state: FactState = "set"
    quote: str = ""


@dataclass(frozen=True, slots=True)
class StoredFact:
    """A field's current value and where it came from."""

    field: str
    state: FactState
    value: Any
    source: str  # chat | import | derivation | manual | undo | ledger
    quote: str  # the user's words, the imported file, the derivation, or the ledger rows
    author: str
    turn_id: int | None
    turn_text: str | None  # the whole user message, for chat facts
    changed_at: dt.datetime
    change_id: int


@dataclass(frozen=True, slots=True)
class FactHistoryEntry:
    change_id: int
    group_id: int
    field: str
    state: FactState
    value: Any
    previous_state: str | None
    previous_value: Any
    source: str
    quote: str
    author: str
    turn_id: int | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class NarrativeVersion:
    part: str
    version: int
    text: str
    source: str
    author: str
    flags: tuple[str, ...]
    created_at: dt.datetime


def facts_after_drafting(narrative: Mapping[str, NarrativeVersion], stored: Mapping[str, StoredFact]) -> list[StoredFact]:
    """Facts said, corrected or typed in after the narrative was last drafted: the text may not say them yet
    (drafting again writes them in; a person's text is never replaced)."""
    drafted = [_as_utc(v.created_at) for v in narrative.values() if v.source in ("template", "llm")]
    if not drafted:
        return []
    last = max(drafted)
    return [f for f in stored.values()
            if f.source in ("chat", "manual", "import", "undo", "ledger") and _as_utc(f.changed_at) > last]


def _as_utc(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Changes of one non-chat source recorded with a turn (an import and its derivations)."""

    source: Source
    changes: tuple[FactChange, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class NarrativeDraft:
    """A new version of one narrative part, recorded with a turn."""

    part: str
    text: str
    source: NarrativeSource
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UndoPreview:
    """What ``undo_last`` would do now: the action it reverts and the value each field gets back."""

    source: str  # source of the action: chat | import | manual
    turn_text: str | None  # the user's message, for a chat action
    note: str
    restores: tuple[FactChange, ...]  # state "cleared" where the field had no value before
    revision: int  # the draft's revision when previewed (pass it as expected_revision)


@dataclass(frozen=True, slots=True)
class Written:
    """What one write changed in a draft, from ``revision - 1`` to ``revision``: the facts it changed
    (field → the fact as ``Store.facts`` reads it afterwards, None when cleared), whether it wrote a
    narrative version or last year's report (turns and the draft's row aside)."""

    revision: int
    facts: dict[str, StoredFact | None]
    narrative: bool = False
    previous: bool = False


@dataclass(frozen=True, slots=True)
class TurnResult:
    user_turn: Turn
    reply_turn: Turn | None
    group_id: int | None
    changes: tuple[FactHistoryEntry, ...] = field(default=())  # the chat changes
    extra: tuple[FactHistoryEntry, ...] = field(default=())  # changes of the ChangeSets (import, derivation)
    undone: tuple[FactHistoryEntry, ...] = field(default=())  # the changes an undo made
    narratives: tuple[NarrativeVersion, ...] = field(default=())
    revision: int = 0  # the draft's revision after this turn


class _NotSaved(Exception):
    def __init__(self, newest: NarrativeVersion | None):
        self.newest = newest


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cur.execute("PRAGMA synchronous=FULL")  # a committed turn survives a power cut, not only a kill
    cur.close()


# PostgreSQL: a pooled connection is checked before use without a round trip when it was used less than this
# many seconds ago (its socket: a server that ended it has closed it or sent why), else with a query
PING_AFTER_S = 10.0


def _note_checkin(_dbapi_conn, record) -> None:
    record.info["idle_since"] = time.monotonic()


def _check_alive(dbapi_conn, record, _proxy) -> None:
    """Before a pooled PostgreSQL connection is used (the pool's pre-ping, cheaper): a connection idle for
    less than ``PING_AFTER_S`` is alive unless the server closed it or said something unasked (a shutdown
    or a terminated backend leaves the socket readable); an older one is pinged. A dead one raises
    ``DisconnectionError``: the pool drops it and hands out a new one, as with ``pool_pre_ping``."""
    since = record.info.get("idle_since")
    if since is None:  # new: just connected
        return
    try:
        if dbapi_conn.closed or dbapi_conn.pgconn.status != 0:  # 0: CONNECTION_OK
            raise exc.DisconnectionError("connection closed")
        if time.monotonic() - since > PING_AFTER_S:
            cur = dbapi_conn.cursor()  # as the dialect's ping: outside a transaction
            before, dbapi_conn.autocommit = dbapi_conn.autocommit, True
            try:
                cur.execute("SELECT 1")
            finally:
                cur.close()
                if not dbapi_conn.closed:
                    dbapi_conn.autocommit = before
        elif select_fd.select([dbapi_conn.pgconn.socket], [], [], 0)[0]:
            raise exc.DisconnectionError("the server sent something unasked (ended the connection)")
    except exc.DisconnectionError:
        raise
    except Exception as e:  # the ping failed, or the socket is gone
        raise exc.DisconnectionError(f"{type(e).__name__}: {e}") from e


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url``; without one, the database the settings name (REPORT_DATABASE_URL, or
    SQLite under REPORT_DATA_DIR)."""
    if not url:
        from assistant.config import Settings

        url = Settings().database_url
    assert url is not None
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")  # psycopg 3, not psycopg2
    kwargs: dict[str, Any] = {"future": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    elif make_url(url).get_driver_name() != "psycopg":
        kwargs["pool_pre_ping"] = True  # another driver: the pool's own ping, a query per checkout
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.driver == "psycopg":  # a pooled connection is checked before use (``_check_alive``)
        event.listen(engine, "checkin", _note_checkin)
        event.listen(engine, "checkout", _check_alive)
    return engine


def read_engine(engine: Engine) -> Engine:
    """The engine for reads: on PostgreSQL at READ COMMITTED (the default), a second pool of the same
    database whose connections are in autocommit, so that a read is its statements alone, without BEGIN
    and ROLLBACK (two round trips each; at READ COMMITTED every statement reads its own snapshot anyway, in
    a transaction or not) and without switching a connection's mode at each use (which cost a third of a
    read); one per engine, disposed with ``Store.close``; elsewhere ``engine``. Never for writes."""
    if engine.dialect.name != "postgresql":
        return engine
    with _READERS_LOCK:
        reader = _READERS.get(engine)
        if reader is None:
            if not hasattr(engine.dialect, "default_isolation_level"):  # not connected yet: the server's default
                try:
                    with engine.connect():
                        pass
                except Exception:  # unreachable for now: reads go through ``engine`` (asked again next time)
                    return engine
            reader = engine
            if getattr(engine.dialect, "default_isolation_level", None) == "READ COMMITTED":
                psycopg = engine.dialect.driver == "psycopg"
                reader = create_engine(engine.url, future=True, isolation_level="AUTOCOMMIT",
                                       pool_pre_ping=not psycopg)
                if psycopg:
                    event.listen(reader, "checkin", _note_checkin)
                    event.listen(reader, "checkout", _check_alive)
            _READERS[engine] = reader
    return reader


_READERS: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()
_READERS_LOCK = threading.Lock()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


# ---- rows that ride along with a write ----------------------------------------------------------
log = logging.getLogger("assistant.storage")


@dataclass(frozen=True, slots=True)
class _Rider:
    engine: Engine
    table: Any  # a table or a mapped class, as insert() takes it
    values: dict[str, Any]
    on_error: Callable[[Exception], None]


# within ``writes_together``: the rows waiting for this context's next write
_RIDERS: contextvars.ContextVar[list[_Rider] | None] = contextvars.ContextVar("store_riders", default=None)


@contextmanager
def writes_together() -> Iterator[None]:
    """Within it (this thread), a row given to ``ride_along`` is inserted in the transaction of the next
    write of a ``Store`` on the same engine, instead of a commit of its own (a chat turn's model call
    record, in the turn's transaction); the rows no write took are inserted at the end, in one
    transaction per engine, whatever happened meanwhile."""
    if _RIDERS.get() is not None:
        yield
        return
    riders: list[_Rider] = []
    token = _RIDERS.set(riders)
    try:
        yield
    finally:
        _RIDERS.reset(token)
        for engine in {id(r.engine): r.engine for r in riders}.values():
            mine = [r for r in riders if r.engine is engine]
            try:
                with engine.begin() as conn:
                    for r in mine:
                        conn.execute(insert(r.table), r.values)
            except Exception as exc:
                for r in mine:
                    r.on_error(exc)


# within ``drafts_written``: the drafts as this context's committed writes left them
_WRITTEN_DRAFTS: contextvars.ContextVar[list[DraftInfo] | None] = contextvars.ContextVar("store_written_drafts",
                                                                                       default=None)
# within ``known_draft``: a draft row just read, given to the next ``get_draft`` of it instead of a read
_KNOWN_DRAFT: contextvars.ContextVar[list[DraftInfo] | None] = contextvars.ContextVar("store_known_draft",
                                                                                    default=None)


@contextmanager
def drafts_written() -> Iterator[list[DraftInfo]]:
    """Within it (this thread), every committed write of a ``Store`` appends the draft's row as the write
    left it (as the revision's bump returned it), so that the caller need not read it again; a write that
    changed more of the row than the bump (the agency or year, following their facts) appends nothing."""
    seen: list[DraftInfo] = []
    token = _WRITTEN_DRAFTS.set(seen)
    try:
        yield seen
    finally:
        _WRITTEN_DRAFTS.reset(token)


@contextmanager
def known_draft(draft: DraftInfo) -> Iterator[None]:
    """Within it (this thread), the first ``get_draft`` of ``draft.id`` returns ``draft`` (just read by
    the caller, in the same request) instead of reading it again; every later one reads."""
    token = _KNOWN_DRAFT.set([draft])
    try:
        yield
    finally:
        _KNOWN_DRAFT.reset(token)


def ride_along(engine: Engine, table: Any, values: dict[str, Any], on_error: Callable[[Exception], None]) -> bool:
    """Hand a row to the next write within ``writes_together`` (True); False outside it: the caller
    writes it itself. ``on_error`` is told when it could not be written."""
    riders = _RIDERS.get()
    if riders is None:
        return False
    riders.append(_Rider(engine, table, values, on_error))
    return True


class Store:
    """All persistence of drafts. Thread-safe: each call uses its own session."""

    _WRITTEN = 512  # writes remembered (``written``)

    def __init__(self, url: str | None = None, *, engine: Engine | None = None, run_migrations: bool = True):
        self.engine = engine or make_engine(url)
        if run_migrations:
            try:
                migrate(self.engine)
            except Exception as exc:  # unreachable server, wrong password, read-only file …
                raise StorageError(f"无法打开数据库：{type(exc).__name__}: {exc}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = read_engine(self.engine)  # reads only (PostgreSQL: without BEGIN and ROLLBACK)
        self._read_sessions = sessionmaker(self._reader, expire_on_commit=False)
        # the last writes of this process (``written``), by (draft, revision made)
        self._written: OrderedDict[tuple[int, int], Written] = OrderedDict()
        self._written_lock = threading.Lock()

    def close(self) -> None:
        self.engine.dispose()
        if self._reader is not self.engine:
            self._reader.dispose()

    # ---- transactions --------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._read_sessions() as s:
            yield s

    @contextmanager
    def _write(self, draft_id: int, expected_revision: int | None = None) -> Iterator[Session]:
        with self._sessions.begin() as s:
            # on the table, not the mapped class: no row of the draft is in the session yet, and the ORM's
            # bulk update (which would keep such rows in step) costs more than the statement; a finalised
            # draft is read-only whatever the caller: the state is checked in the same statement
            if expected_revision is None:
                bumped = s.connection().execute(_BUMP, {"d": draft_id, "at": _utcnow()}).first()
            else:
                bumped = s.connection().execute(_BUMP_FROM, {"d": draft_id, "at": _utcnow(),
                                                             "expected": expected_revision}).first()
            if bumped is None:
                row = s.get(DraftRow, draft_id)
                if row is not None and row.status == FINAL:
                    raise DraftFinalisedError("报告已定稿，不能再修改；如需修改，请审核人员说明理由后重新打开。")
                if expected_revision is not None and row is not None:
                    raise StaleDraftError("草稿刚被其他操作修改过，请重试。")
                raise StorageError(f"找不到编号为 {draft_id} 的报告草稿。")
            yield s
            # the row as the bump returned it, unless the write changed it further (``_sync_draft_meta``)
            after = None if s.identity_map.get(identity_key(DraftRow, draft_id)) is not None else _draft(bumped)
            riders = [r for r in _RIDERS.get() or () if r.engine is self.engine]
            if riders:
                try:
                    with s.begin_nested():  # a row that cannot be written never undoes the write
                        for r in riders:
                            s.connection().execute(insert(r.table), r.values)
                except Exception as exc:  # left for the end of ``writes_together``
                    log.warning("rows riding with a write were not written with it: %s", type(exc).__name__)
                    riders = []
        if riders:  # committed: taken
            waiting = _RIDERS.get()
            if waiting is not None:
                waiting[:] = [r for r in waiting if all(r is not x for x in riders)]
        written = _WRITTEN_DRAFTS.get()
        if written is not None and after is not None:
            written.append(after)

    # ---- drafts --------------------------------------------------------------------------------
    def create_draft(self, owner: str, agency_name: str = "", report_year: int | None = None) -> DraftInfo:
        with self._sessions.begin() as s:
            row = DraftRow(owner=owner, agency_name=agency_name, report_year=report_year, status="drafting",
                           revision=0, created_at=_utcnow(), updated_at=_utcnow())
            s.add(row)
            s.flush()
            return _draft(row)

    def get_draft(self, draft_id: int) -> DraftInfo:
        known = _KNOWN_DRAFT.get()
        if known and known[0].id == draft_id:
            return known.pop()
        with self._reader.connect() as c:
            row = c.execute(_GET_DRAFT, {"d": draft_id}).first()
        if row is None:
            raise StorageError(f"找不到编号为 {draft_id} 的报告草稿。")
        return _draft(row)

    def list_drafts(self, owner: str | None = None) -> list[DraftInfo]:
        with self._reader.connect() as c:
            rows = (c.execute(_LIST_DRAFTS) if owner is None else c.execute(_LIST_OWN_DRAFTS, {"owner": owner})).all()
        return [_draft(r) for r in rows]

    def update_draft_meta(self, draft_id: int, *, agency_name: str | None = None,
                          report_year: int | None = None) -> DraftInfo:
        with self._write(draft_id) as s:
            row = s.get_one(DraftRow, draft_id)
            if agency_name is not None:
                row.agency_name = agency_name
            if report_year is not None:
                row.report_year = report_year
            s.flush()
            return _draft(row)

    # ---- turns and facts ----------------------------------------------------------------------
    def record_turn(self, draft_id: int, user_text: str, *, author: str, changes: Iterable[FactChange] = (),
                    reply: str | None = None, extra: Iterable[ChangeSet] = (), undo: bool = False,
                    previous_report: tuple[Report, str] | None = None,
                    narratives: Iterable[NarrativeDraft] = (),
                    expected_revision: int | None = None) -> TurnResult:
        """Store a user message, what it did and the reply, in one transaction.

        In order: the message; ``undo`` of the last action; the chat ``changes``; each ``extra``
        change set (an import, derivations; linked to this turn); last year's report; new
        narrative versions; the reply.
        """
        changes = list(changes)
        narratives = list(narratives)
        with self._write(draft_id, expected_revision) as s:
            user = self._add_turn(s, draft_id, "user", user_text, author)
            undone: list[FactHistoryEntry] = []
            if undo:
                undone = self._undo(s, draft_id, author, turn_id=user.id)
            group_id: int | None = None
            entries: list[FactHistoryEntry] = []
            if changes:
                group_id, entries = self._apply(s, draft_id, changes, source="chat", author=author, turn_id=user.id)
            extra_entries: list[FactHistoryEntry] = []
            for cs in extra:
                if cs.changes:
                    extra_entries += self._apply(s, draft_id, list(cs.changes), source=cs.source, author=author,
                                                 turn_id=user.id, note=cs.note)[1]
            if previous_report is not None:
                self._set_previous(s, draft_id, *previous_report)
            versions = tuple(self._add_narrative(s, draft_id, n.part, n.text, source=n.source, author=author,
                                                 flags=n.flags) for n in narratives)
            # the draft is locked for this write: the reply follows the message, the revision is the one bumped
            reply_turn = (self._add_turn(s, draft_id, "assistant", reply, "", seq=user.seq + 1)
                          if reply is not None else None)
            revision = (expected_revision + 1 if expected_revision is not None
                        else s.get_one(DraftRow, draft_id).revision)
            written = self._changed(s, draft_id, revision, undone + entries + extra_entries,
                                    narrative=bool(narratives), previous=previous_report is not None)
        self._wrote(draft_id, revision, written)  # committed
        return TurnResult(user, reply_turn, group_id, tuple(entries), tuple(extra_entries), tuple(undone),
                          versions, revision)

    def _changed(self, s: Session, draft_id: int, revision: int, entries: list[FactHistoryEntry], *,
                 narrative: bool = False, previous: bool = False) -> Written:
        """What a write changed: the facts it changed as ``facts`` reads them (an undone value points
        back at the change that first set it), read in its transaction."""
        fields = {e.field for e in entries}
        now = self._facts(s, draft_id, fields) if fields else {}
        return Written(revision, {f: now.get(f) for f in sorted(fields)}, narrative, previous)

    def add_reply(self, draft_id: int, text: str) -> Turn:
        with self._write(draft_id) as s:
            return self._add_turn(s, draft_id, "assistant", text, "")

    def apply_changes(self, draft_id: int, changes: Iterable[FactChange], *, source: Source, author: str,
                      note: str = "") -> int | None:
        """Changes that do not come from a chat turn: an import, a derivation, a manual edit."""
        changes = list(changes)
        if not changes:
            return None
        with self._write(draft_id) as s:
            group_id, entries = self._apply(s, draft_id, changes, source=source, author=author, note=note)
            written = self._changed(s, draft_id, s.get_one(DraftRow, draft_id).revision, entries)
        self._wrote(draft_id, written.revision, written)  # committed
        return group_id

    def undo_last(self, draft_id: int, author: str) -> list[FactHistoryEntry]:
        """Revert the last action not yet undone (and the derivations after it), as a new 'undo'
        group. [] if there is none."""
        with self._write(draft_id) as s:
            return self._undo(s, draft_id, author)

    def undo_preview(self, draft_id: int) -> UndoPreview | None:
        """What ``undo_last`` would revert now; None when there is nothing to undo."""
        with self._read() as s:
            draft = s.get(DraftRow, draft_id)
            if draft is None:
                raise StorageError(f"找不到编号为 {draft_id} 的报告草稿。")
            groups, restore = self._undo_targets(s, draft_id)
            if not groups:
                return None
            action = groups[0]
            turn = s.get(TurnRow, action.turn_id) if action.turn_id else None
            return UndoPreview(action.source, turn.text if turn else None, action.note,
                               tuple(_restore_change(r) for r in restore.values()), draft.revision)

    def facts(self, draft_id: int) -> dict[str, StoredFact]:
        """Every field's current value (cleared fields are left out) with its provenance, by field name."""
        with self._read() as s:
            return dict(sorted(self._facts(s, draft_id).items()))

    @staticmethod
    def _facts(s: Session, draft_id: int, fields: Iterable[str] | None = None) -> dict[str, StoredFact]:
        # plain columns, not mapped rows: read on every action, and rows are costly to build
        rows = (s.connection().execute(_STORED_FACTS, {"d": draft_id}) if fields is None
                else s.connection().execute(_STORED_FACTS_OF, {"d": draft_id, "fields": sorted(set(fields))}))
        out: dict[str, StoredFact] = {}
        for name, state, value, source, quote, author, turn_id, text, at, change_id in rows:
            out[name] = StoredFact(name, _state(state), decode_value(value), source, quote, author, turn_id,
                                   text, at, change_id)
        return out

    def written(self, draft_id: int, revision: int) -> Written | None:
        """What this process's write that made ``revision`` of the draft changed from ``revision - 1``,
        if it is one of the last it made (a chat turn, a change of facts); else None."""
        with self._written_lock:
            return self._written.get((draft_id, revision))

    def _wrote(self, draft_id: int, revision: int, written: Written) -> None:
        with self._written_lock:
            self._written[(draft_id, revision)] = written
            while len(self._written) > self._WRITTEN:
                self._written.popitem(last=False)

    def provenance(self, draft_id: int, field_name: str) -> StoredFact | None:
        return self.facts(draft_id).get(field_name)

    def fact_history(self, draft_id: int, field_name: str | None = None) -> list[FactHistoryEntry]:
        with self._read() as s:
            q = (select(FactChangeRow, ChangeGroupRow)
                 .join(ChangeGroupRow, FactChangeRow.group_id == ChangeGroupRow.id)
                 .where(FactChangeRow.draft_id == draft_id).order_by(FactChangeRow.id))
            if field_name is not None:
                q = q.where(FactChangeRow.field == field_name)
            return [_entry(c, g) for c, g in s.execute(q)]

    def turns(self, draft_id: int, *, after: int = 0) -> list[Turn]:
        """The draft's turns in order; ``after``: only those whose seq is higher (turns are only ever
        added, each with the next seq under the draft's write lock)."""
        with self._reader.connect() as c:  # plain columns, not mapped rows: the chat is read after every turn
            rows = (c.execute(_TURNS_AFTER, {"d": draft_id, "after": after}) if after
                    else c.execute(_ALL_TURNS, {"d": draft_id})).all()
        return [Turn(*r) for r in rows]

    # ---- narrative -----------------------------------------------------------------------------
    def save_narrative(self, draft_id: int, part: str, text: str, *, source: NarrativeSource, author: str,
                       flags: Iterable[str] = ()) -> NarrativeVersion:
        with self._write(draft_id) as s:
            return self._add_narrative(s, draft_id, part, text, source=source, author=author, flags=flags)

    def save_narrative_if(self, draft_id: int, part: str, text: str, base_version: int, *,
                          source: NarrativeSource, author: str,
                          flags: Iterable[str] = ()) -> tuple[bool, NarrativeVersion | None]:
        """Save only if the part's newest version is still ``base_version`` (0: none yet), checked
        under the draft's write lock. (True, the new version) or (False, the newest version)."""
        try:
            with self._write(draft_id) as s:
                newest = s.scalars(select(NarrativeVersionRow).where(
                    NarrativeVersionRow.draft_id == draft_id, NarrativeVersionRow.part == part)
                    .order_by(NarrativeVersionRow.version.desc()).limit(1)).first()
                if (newest.version if newest else 0) != base_version:
                    raise _NotSaved(_narrative(newest) if newest else None)  # rolls back the revision bump
                return True, self._add_narrative(s, draft_id, part, text, source=source, author=author,
                                                 flags=flags)
        except _NotSaved as exc:
            return False, exc.newest

    def narrative(self, draft_id: int) -> dict[str, NarrativeVersion]:
        """The newest version of every part."""
        with self._read() as s:
            newest = (select(NarrativeVersionRow.part, func.max(NarrativeVersionRow.version).label("v"))
                      .where(NarrativeVersionRow.draft_id == draft_id)
                      .group_by(NarrativeVersionRow.part).subquery())
            rows = s.scalars(select(NarrativeVersionRow).join(
                newest, (NarrativeVersionRow.part == newest.c.part) & (NarrativeVersionRow.version == newest.c.v))
                .where(NarrativeVersionRow.draft_id == draft_id))
            return {r.part: _narrative(r) for r in rows}

    def locked_parts(self, draft_id: int) -> dict[str, str]:
        """The narrative parts an editor locked: part → who locked it."""
        with self._read() as s:
            rows = s.scalars(select(PartLockRow).where(PartLockRow.draft_id == draft_id)).all()
            return {r.part: r.locked_by for r in rows}

    def narrative_history(self, draft_id: int, part: str) -> list[NarrativeVersion]:
        with self._read() as s:
            rows = s.scalars(select(NarrativeVersionRow).where(
                NarrativeVersionRow.draft_id == draft_id, NarrativeVersionRow.part == part)
                .order_by(NarrativeVersionRow.version))
            return [_narrative(r) for r in rows]

    # ---- last year's report --------------------------------------------------------------------
    def set_previous_report(self, draft_id: int, report: Report, filename: str = "") -> None:
        with self._write(draft_id) as s:
            self._set_previous(s, draft_id, report, filename)

    def previous_report(self, draft_id: int) -> Report | None:
        with self._read() as s:
            row = s.get(PreviousReportRow, draft_id)
            return Report.model_validate_json(row.report_json) if row else None

    def previous_report_filename(self, draft_id: int) -> str | None:
        with self._read() as s:
            row = s.get(PreviousReportRow, draft_id)
            return row.filename if row else None

    # ---- an agency's ledger columns -------------------------------------------------------------
    def ledger_columns(self, agency: str, kind: str) -> dict[str, str]:
        """role → header text a person chose in this agency's ledger of ``kind`` ({} when none)."""
        with self._read() as s:
            row = s.get(LedgerColumnsRow, (agency[:200], kind))
            return dict(json.loads(row.columns_json)) if row else {}

    def remember_ledger_columns(self, agency: str, kind: str, columns: dict[str, str], author: str) -> None:
        with self._sessions.begin() as s:
            row = s.get(LedgerColumnsRow, (agency[:200], kind))
            if row is None:
                row = LedgerColumnsRow(agency=agency[:200], kind=kind)
                s.add(row)
            row.columns_json = json.dumps(columns, ensure_ascii=False)
            row.updated_by, row.updated_at = author, _utcnow()

    # ---- internals -----------------------------------------------------------------------------
    @staticmethod
    def _add_narrative(s: Session, draft_id: int, part: str, text: str, *, source: str, author: str,
                       flags: Iterable[str]) -> NarrativeVersion:
        lock = s.get(PartLockRow, (draft_id, part))
        if lock is not None:  # whoever the caller: a locked part changes only after it is unlocked
            raise PartLockedError(f"正文的这一部分已由{lock.locked_by}锁定，解锁后才能修改。")
        version = (s.scalar(select(func.max(NarrativeVersionRow.version)).where(
            NarrativeVersionRow.draft_id == draft_id, NarrativeVersionRow.part == part)) or 0) + 1
        row = NarrativeVersionRow(draft_id=draft_id, part=part, version=version, text=text, source=source,
                                  author=author, flags_json=json.dumps(list(flags), ensure_ascii=False),
                                  created_at=_utcnow())
        s.add(row)
        s.flush()
        return _narrative(row)

    @staticmethod
    def _set_previous(s: Session, draft_id: int, report: Report, filename: str) -> None:
        row = s.get(PreviousReportRow, draft_id)
        if row is None:
            row = PreviousReportRow(draft_id=draft_id)
            s.add(row)
        row.filename, row.report_json, row.imported_at = filename, report.model_dump_json(), _utcnow()

    @staticmethod
    def _undo_targets(s: Session, draft_id: int) -> tuple[list[ChangeGroupRow], dict[str, FactChangeRow]]:
        """The last action not yet undone, the derivations recorded after it, and per field the
        earliest of their changes (whose "previous" is the value to restore)."""
        action = s.scalars(
            select(ChangeGroupRow)
            .where(ChangeGroupRow.draft_id == draft_id, ChangeGroupRow.source.not_in(("undo", "derivation")),
                   ChangeGroupRow.undone.is_(False))
            .order_by(ChangeGroupRow.seq.desc()).limit(1)
        ).first()
        if action is None:
            return [], {}
        later = s.scalars(
            select(ChangeGroupRow)
            .where(ChangeGroupRow.draft_id == draft_id, ChangeGroupRow.source == "derivation",
                   ChangeGroupRow.undone.is_(False), ChangeGroupRow.seq > action.seq)
            .order_by(ChangeGroupRow.seq)
        ).all()
        groups = [action, *later]
        rows = s.scalars(select(FactChangeRow).where(FactChangeRow.group_id.in_([g.id for g in groups]))
                         .order_by(FactChangeRow.id)).all()
        restore: dict[str, FactChangeRow] = {}
        for row in rows:
            restore.setdefault(row.field, row)
        return groups, restore

    def _undo(self, s: Session, draft_id: int, author: str, turn_id: int | None = None) -> list[FactHistoryEntry]:
        groups, restore = self._undo_targets(s, draft_id)
        if not groups:
            return []
        changes = [_restore_change(r) for r in restore.values()]
        back_to = {f: r.previous_change_id for f, r in restore.items()}
        _, entries = self._apply(s, draft_id, changes, source="undo", author=author, turn_id=turn_id,
                                 undo_of=groups[0].id, back_to=back_to)
        for g in groups:
            g.undone = True
        return entries

    def _add_turn(self, s: Session, draft_id: int, role: str, text: str, author: str, seq: int | None = None) -> Turn:
        at = _utcnow()
        # a plain insert, not a mapped row and a flush: two a turn (nothing of the session is pending here); the
        # first with its seq found by the insert (one statement, not two)
        values = dict(draft_id=draft_id, role=role, text=text, author=author, created_at=at)
        if not seq:
            turn_id, seq = s.connection().execute(_ADD_NEXT_TURN, {**values, "d": draft_id}).one()
            return Turn(turn_id, seq, role, text, author, at)
        key = s.connection().execute(_ADD_TURN, {**values, "seq": seq}).inserted_primary_key
        assert key is not None
        return Turn(key[0], seq, role, text, author, at)

    def _apply(self, s: Session, draft_id: int, changes: list[FactChange], *, source: str, author: str,
               turn_id: int | None = None, note: str = "", undo_of: int | None = None,
               back_to: dict[str, int | None] | None = None) -> tuple[int, list[FactHistoryEntry]]:
        # plain statements on the tables, not mapped rows and flushes (a turn's writes were mostly the ORM's
        # bookkeeping); nothing of these tables is held in the session meanwhile
        conn = s.connection()
        group_id = int(conn.execute(_ADD_GROUP, dict(
            d=draft_id, draft_id=draft_id, source=source, turn_id=turn_id, author=author, note=note, undone=False,
            undo_of=undo_of, created_at=_utcnow())).scalar_one())
        # the facts the changes replace: field → (state, value_json, change_id), as each change leaves it
        current: dict[str, tuple[str, str | None, int]] = {
            r.field: (r.state, r.value_json, r.change_id) for r in conn.execute(
                _CURRENT_FACTS, {"d": draft_id, "fields": sorted({ch.field for ch in changes})})}
        stored = set(current)  # fields with a row in facts: updated, the others inserted
        entries: list[FactHistoryEntry] = []
        pending: list[tuple[FactChange, dict[str, Any]]] = []

        def settle() -> None:
            # the pending change rows (one per field), in one statement: their ids by field (asked in order,
            # SQLAlchemy would insert them one by one on SQLite)
            rows = [row for _, row in pending]
            added = (conn.execute(_ADD_CHANGES_PG, _arrays(rows, _CHANGE_COLUMNS))
                     if conn.dialect.name == "postgresql" else conn.execute(_ADD_CHANGES, rows))
            ids = dict((field, i) for i, field in added)
            for ch, row in pending:
                change_id = ids[ch.field]
                # an undo that restores a value points the fact back at the change that set it
                owner = (back_to or {}).get(ch.field) if ch.state != "cleared" else None
                current[ch.field] = (ch.state, row["value_json"], owner or change_id)
                entries.append(FactHistoryEntry(
                    change_id, group_id, ch.field, _state(ch.state), decode_value(row["value_json"]),
                    row["previous_state"], decode_value(row["previous_json"]), source, row["quote"], author, turn_id,
                    row["created_at"]))
            pending.clear()

        for ch in changes:
            if any(p.field == ch.field for p, _ in pending):  # a field changed twice: the first change first
                settle()
            fact = current.get(ch.field)
            pending.append((ch, dict(
                draft_id=draft_id, group_id=group_id, field=ch.field, state=ch.state,
                value_json=encode_value(ch.value) if ch.state == "set" else None,
                previous_state=fact[0] if fact else None, previous_json=fact[1] if fact else None, quote=ch.quote,
                created_at=_utcnow(), previous_change_id=fact[2] if fact else None)))
            _sync_draft_meta(s, draft_id, ch)
        settle()
        now = {name: current[name] for name in dict.fromkeys(ch.field for ch in changes)}
        updates = [dict(d=draft_id, name=name, st=st, vj=vj, cid=cid) for name, (st, vj, cid) in now.items()
                   if name in stored]
        pg = conn.dialect.name == "postgresql"
        if updates:
            conn.execute(*((_UPDATE_FACTS_PG, _arrays(updates, ("name", "st", "vj", "cid")) | {"d": draft_id}) if pg
                           else (_UPDATE_FACTS, updates)))
        inserts = [dict(draft_id=draft_id, field=name, state=st, value_json=vj, change_id=cid)
                   for name, (st, vj, cid) in now.items() if name not in stored]
        if inserts:
            conn.execute(*((_ADD_FACTS_PG, _arrays(inserts, _FACT_COLUMNS)) if pg else (_ADD_FACTS, inserts)))
        return group_id, entries


def _sync_draft_meta(s: Session, draft_id: int, ch: FactChange) -> None:
    """The draft's agency and year (shown in draft lists) follow the facts of the same name."""
    if ch.field not in ("agency_name", "report_year"):
        return
    draft = s.get(DraftRow, draft_id)
    if draft is None:
        return
    if ch.field == "agency_name":
        name = ch.value if ch.state == "set" and isinstance(ch.value, str) else ""
        draft.agency_name = name[:200]
    elif ch.field == "report_year":
        draft.report_year = ch.value if ch.state == "set" and isinstance(ch.value, int) else None


def _state(raw: str | None) -> FactState:
    """A state read from the database (written only by this module)."""
    if raw in ("set", "pending", "cleared"):
        return raw  # type: ignore[return-value]
    raise StorageError(f"数据库中的事实状态无效：{raw!r}")


def _restore_change(r: FactChangeRow) -> FactChange:
    return FactChange(r.field, decode_value(r.previous_json), _state(r.previous_state or "cleared"), "撤销上一步修改")


def _draft(r: Any) -> DraftInfo:  # a mapped row or a plain one
    return DraftInfo(r.id, r.owner, r.agency_name, r.report_year, r.status, r.revision, r.created_at, r.updated_at)


def _entry(c: FactChangeRow, g: ChangeGroupRow) -> FactHistoryEntry:
    return FactHistoryEntry(c.id, g.id, c.field, _state(c.state), decode_value(c.value_json), c.previous_state,
                            decode_value(c.previous_json), g.source, c.quote, g.author, g.turn_id, c.created_at)


def _narrative(r: NarrativeVersionRow) -> NarrativeVersion:
    return NarrativeVersion(r.part, r.version, r.text, r.source, r.author, tuple(json.loads(r.flags_json)),
                            r.created_at)
