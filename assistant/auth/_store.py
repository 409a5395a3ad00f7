"""Users, part locks and approvals in the project database (the same engine as ``Store``)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from assistant.auth._passwords import hash_password, verify_password
from assistant.auth._permissions import ROLE_LABELS, ROLES, User
from assistant.errors import ReportAssistantError
from assistant.storage._store import read_engine
from assistant.storage._tables import ApprovalRow, LoginAttemptRow, LoginSessionRow, PartLockRow, UserRow

__all__ = ["AccountDisabled", "Approval", "AuthStore", "LoginLimits", "LoginThrottled", "PartLock", "UserError"]

_USERNAME = re.compile(r"^[\w.\-@]{1,100}$")  # \w includes Chinese characters
MIN_PASSWORD = 8
# verified against when the user does not exist, so a wrong name costs as long as a wrong password
_DUMMY_HASH = hash_password("report-assistant: no such user")


class UserError(ReportAssistantError):
    """A user cannot be created or changed (message in Chinese)."""


class LoginThrottled(ReportAssistantError):
    """Too many failed logins: refused without looking at the password (message in Chinese)."""


class AccountDisabled(ReportAssistantError):
    """The right password for a deactivated user (message in Chinese): said, so the clerk does not
    keep trying until the name is throttled."""


@dataclass(frozen=True, slots=True)
class LoginLimits:
    max_failures: int = 5  # per user name, since its last success, within the window
    window: dt.timedelta = dt.timedelta(minutes=15)
    max_failures_all: int = 50  # all names together within the window (guessing across many names)


@dataclass(frozen=True, slots=True)
class PartLock:
    part: str
    locked_by: str
    locked_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Approval:
    draft_id: int
    revision: int
    approved_by: str
    warnings: tuple[str, ...]
    approved_at: dt.datetime


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# read on every request of a page, by plain statements on the tables, built once
_USERS, _LOCK_ROWS, _APPROVALS = (cast(Table, t.__table__) for t in (UserRow, PartLockRow, ApprovalRow))
_GET_USER = select(_USERS).where(_USERS.c.username == bindparam("u"))
_LOCKS = select(_LOCK_ROWS).where(_LOCK_ROWS.c.draft_id == bindparam("d"))
_LATEST_APPROVAL = (select(_APPROVALS).where(_APPROVALS.c.draft_id == bindparam("d"))
                    .order_by(_APPROVALS.c.id.desc()).limit(1))


def _user(r: Any) -> User:
    return User(r.username, r.display_name, r.role, r.active)


class AuthStore:
    """Thread-safe: each call uses its own session. The schema comes with ``Store``'s migrations."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._reader = read_engine(engine)  # reads only (PostgreSQL: without BEGIN and ROLLBACK)

    # ---- users -----------------------------------------------------------------------------------
    def add_user(self, username: str, password: str, role: str, display_name: str = "") -> User:
        username = username.strip()
        if not _USERNAME.match(username):
            raise UserError("用户名只能包含汉字、字母、数字和 . - _ @，最长100个字符。")
        if role not in ROLES:
            raise UserError(f"角色应为 {'、'.join(f'{r}（{ROLE_LABELS[r]}）' for r in ROLES)} 之一。")
        if len(password) < MIN_PASSWORD:
            raise UserError(f"密码至少需要{MIN_PASSWORD}个字符。")
        row = UserRow(username=username, display_name=display_name.strip(), role=role,
                      password_hash=hash_password(password), active=True, created_at=_utcnow())
        try:
            with self._sessions.begin() as s:
                s.add(row)
        except IntegrityError:
            raise UserError(f"用户“{username}”已存在。") from None
        return _user(row)

    def set_password(self, username: str, password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise UserError(f"密码至少需要{MIN_PASSWORD}个字符。")
        with self._sessions.begin() as s:
            row = s.scalar(select(UserRow).where(UserRow.username == username))
            if row is None:
                raise UserError(f"没有用户“{username}”。")
            row.password_hash = hash_password(password)
            # whoever knew the old password is logged out, in every server process
            s.execute(delete(LoginSessionRow).where(LoginSessionRow.username == username))

    def set_active(self, username: str, active: bool) -> User:
        """Deactivate or reactivate ``username``; the last active supervisor stays active (checked
        under a lock on the supervisors' rows, so two supervisors deactivating each other cannot
        both succeed)."""
        with self._sessions.begin() as s:
            row = s.scalar(select(UserRow).where(UserRow.username == username))
            if row is None:
                raise UserError(f"没有用户“{username}”。")
            if not active and row.active and row.role == "supervisor":
                supervisors = s.scalars(select(UserRow.username).where(
                    UserRow.role == "supervisor", UserRow.active.is_(True)).with_for_update()).all()
                if set(supervisors) <= {username}:
                    raise UserError("这是最后一名在用的审核人员，不能停用：至少要有一名审核人员。")
            row.active = active
            if not active:  # its open pages stop working at once
                s.execute(delete(LoginSessionRow).where(LoginSessionRow.username == username))
            return _user(row)

    def get_user(self, username: str | None) -> User | None:
        if not username:
            return None
        with self._reader.connect() as c:  # (a few times a request: no ORM session, the statement built once)
            row = c.execute(_GET_USER, {"u": username}).first()
        return _user(row) if row else None

    def list_users(self) -> list[User]:
        with self._sessions() as s:
            return [_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.role, UserRow.username))]

    def _verified(self, username: str, password: str) -> User | None:
        """The user with this name and password, active or not, else None."""
        with self._sessions() as s:
            row = s.scalar(select(UserRow).where(UserRow.username == (username or "").strip()))
            stored = row.password_hash if row else _DUMMY_HASH
            ok = verify_password(password or "", stored)
            return _user(row) if row is not None and ok else None

    def authenticate(self, username: str, password: str) -> User | None:
        """The active user with this name and password, else None."""
        user = self._verified(username, password)
        return user if user is not None and user.active else None

    def last_logins(self) -> dict[str, dt.datetime]:
        """Each user's last successful login."""
        with self._sessions() as s:
            rows = s.execute(select(LoginAttemptRow.username, func.max(LoginAttemptRow.created_at))
                             .where(LoginAttemptRow.ok.is_(True)).group_by(LoginAttemptRow.username))
            return {name: _aware(when) for name, when in rows if when is not None}

    def login(self, username: str, password: str, limits: LoginLimits = LoginLimits(), *,
              now: dt.datetime | None = None) -> User | None:
        """``authenticate`` behind a rate limit; every attempt is recorded (never the password).
        ``LoginThrottled`` while the name, or the server as a whole, has too many recent failures:
        then even the right password is refused, so guessing gains nothing. ``AccountDisabled`` for
        the right password of a deactivated user."""
        name = (username or "").strip()[:100]
        now = now or _utcnow()
        since = now - limits.window
        with self._sessions() as s:
            last_ok = s.scalar(select(func.max(LoginAttemptRow.created_at)).where(
                LoginAttemptRow.username == name, LoginAttemptRow.ok.is_(True)))
            start = max(since, _aware(last_ok)) if last_ok else since
            mine = s.scalar(select(func.count()).select_from(LoginAttemptRow).where(
                LoginAttemptRow.username == name, LoginAttemptRow.ok.is_(False),
                LoginAttemptRow.created_at > start)) or 0
            everyone = s.scalar(select(func.count()).select_from(LoginAttemptRow).where(
                LoginAttemptRow.ok.is_(False), LoginAttemptRow.created_at > since)) or 0
        minutes = max(1, round(limits.window.total_seconds() / 60))
        if mine >= limits.max_failures or everyone >= limits.max_failures_all:
            raise LoginThrottled(f"登录失败次数过多，已暂停登录，请{minutes}分钟后再试；忘记密码请联系本单位的审核人员。")
        user = self._verified(name, password)
        ok = user is not None and user.active
        with self._sessions.begin() as s:
            s.add(LoginAttemptRow(username=name, ok=ok, created_at=now))
        if user is not None and not ok:
            raise AccountDisabled("该账号已停用，不能登录；如有疑问请联系本单位的审核人员。")
        return user if ok else None

    # ---- locks -----------------------------------------------------------------------------------
    def lock_part(self, draft_id: int, part: str, who: str) -> PartLock:
        with self._sessions.begin() as s:
            row = s.get(PartLockRow, (draft_id, part))
            if row is None:
                row = PartLockRow(draft_id=draft_id, part=part, locked_by=who, locked_at=_utcnow())
                s.add(row)
            return PartLock(row.part, row.locked_by, row.locked_at)

    def unlock_part(self, draft_id: int, part: str) -> bool:
        with self._sessions.begin() as s:
            return s.execute(delete(PartLockRow).where(PartLockRow.draft_id == draft_id,
                                                       PartLockRow.part == part)).rowcount > 0  # type: ignore[attr-defined]

    def locks(self, draft_id: int) -> dict[str, PartLock]:
        with self._reader.connect() as c:
            rows = c.execute(_LOCKS, {"d": draft_id}).all()
        return {r.part: PartLock(r.part, r.locked_by, r.locked_at) for r in rows}

    # ---- approvals -------------------------------------------------------------------------------
    def approve(self, draft_id: int, revision: int, who: str, warnings: list[str] | tuple[str, ...]) -> Approval:
        row = ApprovalRow(draft_id=draft_id, revision=revision, approved_by=who,
                          warnings_json=json.dumps(list(warnings), ensure_ascii=False), approved_at=_utcnow())
        with self._sessions.begin() as s:
            s.add(row)
        return _approval(row)

    def latest_approval(self, draft_id: int) -> Approval | None:
        with self._reader.connect() as c:
            row = c.execute(_LATEST_APPROVAL, {"d": draft_id}).first()
        return _approval(row) if row else None


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)  # SQLite returns naive UTC


def _approval(r: Any) -> Approval:
    return Approval(r.draft_id, r.revision, r.approved_by, tuple(json.loads(r.warnings_json)), r.approved_at)
