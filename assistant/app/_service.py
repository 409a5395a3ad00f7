"""The application service: the one write path for every user action (chat, drafting, part edits,
locks, grid edits, review moves, approval, export, import of last year's report, users). Every
action takes the acting user's login name and the draft's id, checks role, owner, review state and
part locks, then calls the core. The web app and every command line go through here, so the rules
hold whichever door a user comes in by.

The database holds the truth: the one thing kept between calls, a snapshot's content, is kept by the
draft's revision as the database gives it, so a reload, a second browser, another process or a
restart sees the same draft.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, cast

from assistant.app._provenance import describe_value, explain, field_label
from assistant.auth import (
    ROLE_LABELS,
    ROLE_WITHOUT_CHAT,
    Action,
    Approval,
    AuthStore,
    LoginLimits,
    PartLock,
    PermissionDenied,
    User,
    allowed,
    require,
    require_draft,
)
from assistant.config import Settings
from assistant.dialogue import DialogueService, Reply, derivation_changes, derivations, facts_from_store, parse_intent
from assistant.drafting import PARTS, Assembled, check_numbers, part_address, part_title, revise_part
from assistant.drafting.numbercheck import style_problems
from assistant.errors import ReportAssistantError
from assistant.export import Acknowledgement, ExportRefused, GateDecision, check_gate, export_report
from assistant.export._export import ExportFormat
from assistant.ledger import LEDGER_TYPES, LedgerDerivation, LedgerError, derive_ledger, write_template
from assistant.llm import LLMError, LLMRequest, LLMResponse, Model, call_context
from assistant.numbers import parse_number, to_halfwidth
from assistant.storage import DraftInfo, FactChange, NarrativeVersion, Store, StoredFact, Turn, writes_together
from assistant.storage._store import NarrativeSource, drafts_written, facts_after_drafting, known_draft
from assistant.validation import validate
from assistant.workflow import (
    MOVES,
    STATE_LABELS,
    ChangeRecord,
    Move,
    Segment,
    Transition,
    WorkflowStore,
    check_state,
    moves_for,
    text_diff,
)
from schemas import labels as L
from schemas.facts import Facts, is_cell
from schemas.findings import Finding, Location
from schemas.report import Blank

__all__ = [
    "EXPORT_CHOICES",
    "GREETING",
    "LEDGER_TYPES",
    "UPLOAD_TYPES",
    "AppError",
    "AppService",
    "CellConflict",
    "EditConflict",
    "Snapshot",
    "TodoItem",
    "clean_text",
    "parse_cell_input",
]

EXPORT_CHOICES: dict[str, str] = {"docx": "Word（DOCX）", "pdf": "PDF", "json": "JSON"}
_MONEY_CELL = "t2.fees.amount"
_MAX_PART_CHARS = 20_000
GREETING = ("您好！我来帮您收集政府信息公开工作年度报告需要的内容。可以一次说好几项，也可以直接粘贴表格；"
            "说错了说“不对，……”更正，“撤销”撤回上一步，“还缺什么”查看进度，“生成初稿”起草正文。")
_BLANKS = frozenset(m for m in L.BLANK_MARKERS if m)

_SOURCE_LABELS = {"chat": "对话提取", "import": "导入上年报告", "derivation": "推算", "manual": "手工修改数据表",
                  "undo": "撤销", "review": "审核流程", "ledger": "导入申请台账"}
# last year's report may be uploaded in these formats (the importer reads them)
UPLOAD_TYPES = (".docx", ".html", ".htm", ".txt", ".pdf", ".json")
# C0/C1 control characters other than tab and newline: they have no meaning in a report, and
# PostgreSQL refuses NUL in text
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NARRATIVE_LABELS = {"llm": "模型起草", "template": "模板起草", "manual": "手工修改", "restore": "恢复旧版",
                     "import": "导入"}

Progress = Callable[[int, int, str], None]  # (done, total, what is being done now)


@dataclass(frozen=True, slots=True)
class TodoItem:
    """A draft waiting for this user, and why: ``returned`` (sent back to its clerk, with the
    reason), ``review`` (an editor may refine it), ``approve`` (a supervisor decides on it)."""

    kind: str
    draft: DraftInfo
    by: str = ""  # who moved it there
    reason: str = ""
    at: dt.datetime | None = None


class AppError(ReportAssistantError):
    """An action that cannot be done as asked (message in Chinese, shown to the user)."""


class EditConflict(AppError):
    """A narrative part was saved by someone else since this editor opened it: nothing was saved.
    Carries both texts so the page can show them side by side."""

    def __init__(self, part: str, base_version: int, mine: str, theirs: NarrativeVersion, author_name: str):
        self.part, self.base_version, self.mine, self.theirs = part, base_version, mine, theirs
        super().__init__(f"{part_title(part)}在您打开后已被{author_name}修改为第{theirs.version}版"
                         f"（您是在第{base_version}版上修改的），您的修改没有保存，以免覆盖对方的内容。"
                         "请对照两个版本，合并后再保存。")


class CellConflict(AppError):
    """Table cells changed by someone else since the grid was shown: nothing was saved."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("以下单元格在您打开后已被他人修改，您的修改没有保存，以免覆盖对方的数字："
                         + "；".join(lines) + "。表格已刷新为最新数据，请核对后重新填写。")


def clean_text(text: Any, *, limit: int | None = None, what: str = "消息") -> str:
    """User text without control characters, with Windows line ends made plain; ``AppError``
    when longer than ``limit`` characters."""
    text = _CONTROL.sub("", str(text or "").replace("\r\n", "\n").replace("\r", "\n"))
    if limit is not None and len(text) > limit:
        raise AppError(f"{what}太长（{len(text)}字），一次最多{limit}字，请分几次发送。")
    return text

@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the screens show about one draft, read once."""

    user: User
    draft: DraftInfo
    assembled: Assembled
    facts: Facts
    stored: dict[str, StoredFact]
    narrative: dict[str, NarrativeVersion]
    findings: list[Finding]  # the validator's, then the narrative flags (G1/G2)
    flags: list[Finding]
    locks: dict[str, PartLock]
    approval: Approval | None  # the latest; valid only while its revision is the draft's

    @property
    def approved(self) -> bool:
        return self.approval is not None and self.approval.revision == self.draft.revision

    @property
    def facts_after_drafting(self) -> list[StoredFact]:
        """Facts said, corrected or typed in after the narrative was last drafted: the text may not
        say them yet (drafting again writes them in; a person's text is never replaced)."""
        return facts_after_drafting(self.narrative, self.stored)


def parse_cell_input(address: str, raw: Any) -> tuple[str, Any]:
    """A value typed into a grid cell → (state, value): ("cleared", None) for an empty cell,
    ("set", Blank) for "/", "—", "无"…, ("set", number) otherwise. ``AppError`` when it is
    not a non-negative number (an integer, except the fee in 万元)."""
    text = to_halfwidth(str(raw if raw is not None else "")).strip()
    if text in ("", "nan", "None"):
        return "cleared", None
    if text in _BLANKS:
        return "set", Blank(blank=text)
    value = parse_number(text)
    if value is None:
        raise AppError(f"“{text}”不是数字，请填写非负整数{'（金额可有小数）' if address == _MONEY_CELL else ''}。")
    if value < 0:
        raise AppError(f"“{text}”是负数，表格中的数字不能为负数。")
    if address == _MONEY_CELL:
        return "set", value
    if value != value.to_integral_value():
        raise AppError(f"“{text}”不是整数，这一格应填写件数（整数）。")
    return "set", int(value)


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, Blank) or isinstance(b, Blank):
        return a == b
    if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal)):
        return Decimal(a) == Decimal(b)
    return a == b


def narrative_flags(facts: Facts, narrative: dict[str, NarrativeVersion]) -> list[Finding]:
    """The drafting checks (G1 numbers without a source, G2 style) on the current text of every part,
    whoever wrote it: a hand edit is checked like a draft."""
    out: list[Finding] = []
    for part in PARTS:
        version = narrative.get(part)
        if version is None or not version.text.strip():
            continue
        address = part_address(part)
        out += [Finding(rule="G1", severity="warning", location=Location(address=address, span=(v.start, v.end)),
                        message=f"数字“{v.text}”在工作人员提供的事实和表格中找不到依据，请核实或删除。")
                for v in check_numbers(version.text, facts)]
        out += [Finding(rule="G2", severity="warning", location=Location(address=address, span=(s, e)),
                        message=f"{reason}。") for s, e, reason in style_problems(version.text, facts)]
    return out


class _ProgressModel:
    """The configured model, reporting each narrative part as its drafting starts."""

    def __init__(self, inner: Model, parts: list[str], progress: Progress):
        self.inner, self.engine, self.name = inner, inner.engine, inner.name
        self._parts, self._progress, self._seen = parts, progress, 0
        self._lock = threading.Lock()  # parts are drafted a few at a time

    def complete(self, request: LLMRequest) -> LLMResponse:
        kind, _, part = request.task.partition(".")
        if kind == "draft" and part in self._parts:
            with self._lock:
                seen, self._seen = self._seen, self._seen + 1
            self._progress(seen, len(self._parts), f"正在起草{part_title(part)}")
        return self.inner.complete(request)


def _safe_filename(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "", text)[:80] or "报告"


class _Known:
    """A draft at one revision as far as ``DialogueService.read`` reads the store: known, not read."""

    def __init__(self, draft: DraftInfo, stored: dict[str, StoredFact], previous: Any,
                 narrative: dict[str, NarrativeVersion]):
        self._draft, self._stored, self._previous, self._narrative = draft, stored, previous, narrative

    def get_draft(self, draft_id: int) -> DraftInfo:
        assert draft_id == self._draft.id
        return self._draft

    def facts(self, draft_id: int) -> dict[str, StoredFact]:
        assert draft_id == self._draft.id
        return self._stored

    def previous_report(self, draft_id: int) -> Any:
        assert draft_id == self._draft.id
        return self._previous

    def narrative(self, draft_id: int) -> dict[str, NarrativeVersion]:
        assert draft_id == self._draft.id
        return self._narrative


# a snapshot's content: assembled, facts, stored, narrative, findings, flags
_Content = tuple[Assembled, Facts, dict[str, StoredFact], dict[str, NarrativeVersion], list[Finding], list[Finding]]


class AppService:
    _CONTENTS = 128  # revisions kept (a few per draft being worked on at once)
    _CHATS, _CHAT_CHARS = 256, 4_000_000  # drafts whose turns are kept (``_turns``), their characters at most

    def __init__(self, store: Store, auth: AuthStore, model: Model | None = None, *,
                 export_dir: str | Path | None = None, settings: Settings | None = None,
                 local_user: bool = False):
        """``local_user``: a command line on one person's machine. While the database has no user
        at all, the name given acts as a 起草人员 (staff) of its own drafts; once users exist, only
        they can act, as in the web app."""
        self.store = store
        self.local_user = local_user
        self.auth = auth
        self.workflow = WorkflowStore(store.engine)
        self.service = DialogueService(store, model)
        self.settings = settings or Settings()
        self.export_dir = Path(export_dir) if export_dir is not None else self.settings.export_dir
        # by (draft, revision): the content, and the dialogue's state it was built from
        self._contents: OrderedDict[tuple[int, int], tuple[_Content, Any]] = OrderedDict()
        self._contents_lock = threading.Lock()
        # by draft: its turns as last read, and their characters (``_turns``)
        self._chats: OrderedDict[int, tuple[int, tuple[Turn, ...]]] = OrderedDict()
        self._chat_chars = 0
        self._chats_lock = threading.Lock()
        self._reads = threading.local()  # the memo of ``one_read``, and what a turn leaves it (``seed``), per thread
        self.limits = LoginLimits(self.settings.login_max_failures,
                                  dt.timedelta(minutes=self.settings.login_lock_minutes),
                                  self.settings.login_max_failures_all)

    @classmethod
    def from_settings(cls, settings: Settings | None = None, model: Model | None = None, *,
                      local_user: bool = False) -> AppService:
        """The service on the database and the model the settings name."""
        from assistant.models import make_model

        settings = settings or Settings()
        store = Store(settings.database_url)
        # the model logs its calls into this (migrated) database
        return cls(store, AuthStore(store.engine), model or make_model(settings, engine=store.engine),
                   settings=settings, local_user=local_user)

    def close(self) -> None:
        self.store.close()

    # ---- who ------------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> bool:
        """True for a right name and password; ``LoginThrottled`` after too many failures."""
        return self.auth.login(username, password, self.limits) is not None

    @contextmanager
    def one_read(self) -> Iterator[None]:
        """Within it (this thread), each user and each draft's row is read once, as at the first read:
        showing a draft reads the same two rows a dozen times. Only around reads, never a write.

        Entered right after a chat turn (``send``) on the same thread, with no other read between (the
        page's views of the turn), it starts from the turn's user and from the draft as the turn's write
        left it: read in the same request, not again. Anything else drops what the turn left."""
        seed, self._reads.seed = getattr(self._reads, "seed", None), None
        if getattr(self._reads, "memo", None) is not None:
            yield
            return
        self._reads.memo = {}
        if seed is not None:
            username, user, draft = seed
            self._reads.memo[("user", username)] = user
            self._reads.memo[("draft", draft.id)] = draft
        try:
            yield
        finally:
            self._reads.memo = None

    def _get_user(self, username: str | None) -> User | None:
        memo = getattr(self._reads, "memo", None)
        if memo is None:
            self._reads.seed = None  # a read outside a turn's views: what the turn left is not for it
            return self.auth.get_user(username)
        key = ("user", username)
        if key not in memo:
            memo[key] = self.auth.get_user(username)
        return memo[key]

    def _get_draft(self, draft_id: int) -> DraftInfo:
        memo = getattr(self._reads, "memo", None)
        if memo is None:
            self._reads.seed = None
            return self.store.get_draft(draft_id)
        key = ("draft", draft_id)
        if key not in memo:
            memo[key] = self.store.get_draft(draft_id)
        return memo[key]

    def user(self, username: str | None) -> User:
        user = self._get_user(username)
        if user is None and self.local_user and username and not self.auth.list_users():
            return User(username=username, display_name=username, role="staff")
        if user is None or not user.active:
            if self.local_user:
                raise PermissionDenied(f"用户“{username or ''}”不存在或已停用，请用 --user 指定已创建的用户"
                                       "（report-assistant user list 查看全部用户）。")
            raise PermissionDenied("请先登录。")
        return user

    # ---- users ----------------------------------------------------------------------------------
    def add_user(self, by: str | None, username: str, password: str, role: str, display_name: str = "") -> User:
        """A new user. ``by=None`` is the machine's administrator at the command line (who can read
        the database anyway); a supervisor in the app may add staff and editors."""
        if by is not None:
            actor = self.user(by)
            if actor.role != "supervisor" or role == "supervisor":
                raise PermissionDenied(f"{actor.role_label}无权新建{ROLE_LABELS.get(role, role)}。")
        # (no name given: the user name stands for it, as the command line's help says, so "用户管理" has no blank 姓名)
        return self.auth.add_user(username, password, role, display_name.strip() or username.strip())

    def users(self) -> list[User]:
        return self.auth.list_users()

    # ---- user management in the app (supervisors; the first user comes from the command line) -------
    USER_HEADERS: ClassVar[list[str]] = ["用户名", "姓名", "角色", "状态", "最近登录"]

    def _manager(self, by: str | None) -> User:
        return require(self.user(by), "manage_users")

    def _managed(self, username: str) -> User:
        target = self.auth.get_user((username or "").strip())
        if target is None:
            raise PermissionDenied(f"没有用户“{username or ''}”，请先在列表中选择用户。")
        return target

    def user_rows(self, by: str | None) -> list[list[str]]:
        """Every user for a supervisor (USER_HEADERS), active ones first."""
        self._manager(by)
        last = self.auth.last_logins()
        users = sorted(self.auth.list_users(), key=lambda u: not u.active)  # stable: by role, name within
        return [[u.username, u.display_name, u.role_label, "正常" if u.active else "已停用",
                 _when(last[u.username]) if u.username in last else "从未登录"] for u in users]

    def reset_password(self, by: str | None, username: str, password: str) -> User:
        """A supervisor sets a new password for a staff member, an editor or themselves (never another
        supervisor's: that would be taking over their account)."""
        actor = self._manager(by)
        target = self._managed(username)
        if target.role == "supervisor" and target.username != actor.username:
            raise PermissionDenied("不能重置其他审核人员的密码，请由本人修改。")
        self.auth.set_password(target.username, password)
        return target

    def set_user_active(self, by: str | None, username: str, active: bool) -> User:
        """A supervisor deactivates (the user can no longer log in or act) or reactivates a user; never
        themselves, never the last active supervisor (checked in the store)."""
        actor = self._manager(by)
        target = self._managed(username)
        if not active and target.username == actor.username:
            raise PermissionDenied("不能停用自己的账号。")
        return self.auth.set_active(target.username, bool(active))

    def may(self, user: User, action: str) -> bool:
        """Whether this user's role allows ``action`` at all (what the page shows; every action checks
        again, with the draft's owner, state and locks)."""
        return allowed(user, action)

    def role_note(self, user: User) -> str:
        """What this user's role is for, said where the chat would be when the role may not talk to the
        assistant ("" when it may)."""
        return "" if allowed(user, "chat") else ROLE_WITHOUT_CHAT.get(user.role, "")

    def refusal(self, username: str | None, draft_id: Any, action: Action) -> str:
        """Why this user may not do ``action`` on the draft now ("" when they may): what the page
        says next to a control it disables. The action checks again when it is done."""
        try:
            self._open(username, draft_id, action)
        except ReportAssistantError as exc:
            return str(exc)
        return ""

    def open_draft(self, username: str | None, draft_id: Any) -> DraftInfo:
        """The draft, if this user may see it."""
        return self._open(username, draft_id, "view")[1]

    def opening(self, username: str | None, draft_id: Any) -> str:
        """The first words of a session on this draft: a greeting, or where it stands; the next questions."""
        _, draft = self._open(username, draft_id, "view")
        said = self.service.opening(draft.id)
        moves = self.workflow.transitions(draft.id)
        if draft.status == "drafting" and moves and moves[-1].action in ("return", "reopen") and moves[-1].reason:
            # (returned for changes: why, and the errors that keep it from approval, before anything else)
            last = moves[-1]
            lines = [f"这份报告已被{last.actor}{'退回修改' if last.action == 'return' else '重新打开'}，理由：{last.reason}"]
            errors = [f for f in self.service.findings(draft.id) if f.is_error][:5]
            lines += [f"- 要改的错误：{f.message}" for f in errors]
            said = "\n".join([*lines, said])
        return said

    def _open(self, username: str | None, draft_id: Any, action: Action) -> tuple[User, DraftInfo]:
        user = self.user(username)
        try:
            draft = self._get_draft(int(draft_id))
        except (TypeError, ValueError):
            raise AppError("请先选择或新建一份报告。") from None
        require_draft(user, action, draft.owner)
        check_state(user, draft.status, action)
        return user, draft

    # ---- drafts ---------------------------------------------------------------------------------
    def drafts(self, username: str | None) -> list[DraftInfo]:
        user = require(self.user(username), "view")
        return self.store.list_drafts(user.username if user.role == "staff" else None)

    def new_draft(self, username: str | None) -> DraftInfo:
        user = require(self.user(username), "new_draft")
        return self.service.start(user.username)

    def todo(self, username: str | None) -> list[TodoItem]:
        """What waits for this user: staff, their drafts returned to them; editors, drafts under
        review (to refine); supervisors, drafts waiting for approval. Oldest first."""
        user = self.user(username)
        kind = {"staff": "returned", "editor": "review", "supervisor": "approve"}[user.role]
        out = []
        for d in self.drafts(username):
            if (kind == "returned" and d.status != "drafting") or (kind != "returned" and d.status != "review"):
                continue
            moved = self.workflow.transitions(d.id)
            t = moved[-1] if moved else None
            if kind == "returned" and (t is None or t.action != "return"):
                continue
            out.append(TodoItem(kind, d, t.actor if t else "", t.reason if t else "", t.created_at if t else None))
        return sorted(out, key=lambda i: i.at.replace(tzinfo=None) if i.at else dt.datetime.max)

    def default_draft(self, username: str | None) -> DraftInfo | None:
        """The draft to show after login: the one waiting longest for this user (``todo``), else the
        one changed last; staff get a new one the first time."""
        waiting = self.todo(username)
        if waiting:
            return waiting[0].draft
        drafts = self.drafts(username)
        if drafts:
            return drafts[0]
        user = self.user(username)
        return self.new_draft(username) if user.role == "staff" else None

    # ---- reading --------------------------------------------------------------------------------
    def conversation(self, username: str | None, draft_id: Any) -> list[dict[str, str]]:
        """The chat as role/content messages, after a greeting (with the first questions while the
        draft has no turn yet; the questions that follow are in the stored replies)."""
        self._open(username, draft_id, "view")
        turns = self._turns(int(draft_id))
        if not turns:
            return [{"role": "assistant", "content": self.service.opening(int(draft_id))}]
        return [{"role": "assistant", "content": GREETING}] + [
            {"role": t.role, "content": t.text} for t in turns if t.role in ("user", "assistant")]

    def _turns(self, draft_id: int) -> tuple[Turn, ...]:
        """The draft's turns, as the database has them now. Turns are only ever added (each with the
        next seq, under the draft's write lock): those read before are kept, and only the ones after
        them are read, from the last one kept on (still there: the same history; else all again)."""
        with self._chats_lock:
            known = self._chats.get(draft_id, (0, ()))[1]
        if known:
            new = self.store.turns(draft_id, after=known[-1].seq - 1)
            turns = known + tuple(new[1:]) if new and new[0].id == known[-1].id else tuple(self.store.turns(draft_id))
        else:
            turns = tuple(self.store.turns(draft_id))
        size = sum(len(t.text) for t in turns)
        with self._chats_lock:
            # (if another thread read more meanwhile, the next read reads them again)
            self._chat_chars += size - self._chats.pop(draft_id, (0, ()))[0]
            self._chats[draft_id] = size, turns
            while len(self._chats) > 1 and (len(self._chats) > self._CHATS or self._chat_chars > self._CHAT_CHARS):
                self._chat_chars -= self._chats.popitem(last=False)[1][0]
        return turns

    def snapshot(self, username: str | None, draft_id: Any) -> Snapshot:
        user, draft = self._open(username, draft_id, "view")
        content = self._content(draft)
        return Snapshot(user, draft, *content, self.auth.locks(draft.id), self.auth.latest_approval(draft.id))

    def _content(self, draft: DraftInfo) -> _Content:
        """What a snapshot shows of the draft's content, read and validated once per revision: every
        write to facts, narrative or last year's report bumps the revision in the database (moves,
        locks and approvals do not, and are read every time). Shared between callers: read only."""
        key = (draft.id, draft.revision)
        with self._contents_lock:
            hit = self._contents.get(key)
            if hit is not None:
                self._contents.move_to_end(key)
                return hit[0]
        known = self._after_write(draft)
        if known is not None:  # this process made the revision from the one before: nothing to read
            content, st = known
        else:
            st, narrative, assembled = self.service.read(draft.id)
            flags = narrative_flags(st.full, narrative)
            findings = validate(assembled.report, st.previous) + flags
            content = (assembled, st.full, st.stored, narrative, findings, flags)
            # cached under the revision it was read at, and only if no write came in while it was read
            if not st.draft.revision == draft.revision == self.store.get_draft(draft.id).revision:
                return content
        self.service.remember(st, content[3])  # the next turn on the draft starts from this read
        with self._contents_lock:
            self._contents[key] = content, st
            while len(self._contents) > self._CONTENTS:
                self._contents.popitem(last=False)
        return content

    def _after_write(self, draft: DraftInfo) -> tuple[_Content, Any] | None:
        """The content at the draft's revision without reading it again, when this process made that
        revision (a chat turn) from the one before and holds that one's content: the facts the write
        changed, as it read them in its transaction, over the facts before (``Store.written``); the
        narrative and last year's report as before (a write of either: None, read it). A turn that
        changed no fact leaves the content as it was. Built by ``DialogueService.read`` as ever, over
        what is known instead of the store."""
        written = self.store.written(draft.id, draft.revision)
        if written is None or written.narrative or written.previous:
            return None
        with self._contents_lock:
            before = self._contents.get((draft.id, draft.revision - 1))
        if before is None:
            return None
        content, st = before
        if not written.facts:
            return content, dataclasses.replace(st, draft=draft)
        stored = dict(content[2])
        for name, fact in written.facts.items():
            if fact is None:
                stored.pop(name, None)
            else:
                stored[name] = fact
        known = _Known(draft, dict(sorted(stored.items())), st.previous, content[3])  # (``facts`` is by name)
        try:
            st, narrative, assembled = DialogueService(cast(Store, known)).read(draft.id)
        except AttributeError:  # the read asks the store for more than is known here: read it
            return None
        flags = narrative_flags(st.full, narrative)
        findings = validate(assembled.report, st.previous) + flags
        return (assembled, st.full, st.stored, narrative, findings, flags), st

    HISTORY_HEADERS: ClassVar[list[str]] = ["时间", "操作人", "来源", "修改对象", "修改前", "修改后", "说明"]

    def change_record(self, username: str | None, draft_id: Any) -> list[ChangeRecord]:
        _, draft = self._open(username, draft_id, "view")
        return self.workflow.change_record(draft.id)

    def history(self, username: str | None, draft_id: Any) -> list[list[str]]:
        """The change record, newest first, one row per change (HISTORY_HEADERS)."""
        rows = []
        names: dict[str, str] = {}  # one lookup per person, not per row

        def name(u: str) -> str:
            if u not in names:
                names[u] = self.name_of(u)
            return names[u]

        for r in reversed(self.change_record(username, draft_id)):
            if r.kind == "narrative":
                what = f"{part_title(r.target)}（第{r.version}版）"
                before, after = _excerpt(r.before), _excerpt(r.after)
                source = _NARRATIVE_LABELS.get(r.source, r.source)
            elif r.kind == "state":
                what, source = "报告状态", _SOURCE_LABELS["review"]
                before, after = STATE_LABELS.get(r.before, r.before), STATE_LABELS.get(r.after, r.after)
            else:
                what, source = field_label(r.target), _SOURCE_LABELS.get(r.source, r.source)
                before = describe_value(r.before) if r.before is not None else ""
                after = describe_value(r.after) if r.after is not None else "（清空）"
            rows.append([_when(r.at), name(r.author), source, what, before, after, _excerpt(r.note, 60)])
        return rows

    def part_versions(self, username: str | None, draft_id: Any, part: str) -> list[NarrativeVersion]:
        _, draft = self._open(username, draft_id, "view")
        return self.store.narrative_history(draft.id, self._part(part))

    def part_diff(self, username: str | None, draft_id: Any, part: str, old: Any, new: Any) -> list[Segment]:
        """What changed in a part from version ``old`` to version ``new`` (0: empty)."""
        versions = {v.version: v.text for v in self.part_versions(username, draft_id, part)}
        texts = []
        for n in (old, new):
            try:
                n = int(n)
            except (TypeError, ValueError):
                raise AppError("请选择要比较的两个版本。") from None
            if n != 0 and n not in versions:
                raise AppError(f"{part_title(part)}没有第{n}版。")
            texts.append(versions.get(n, ""))
        return text_diff(*texts)

    def name_of(self, username: str) -> str:
        """How a user is shown (the display name, else the login name)."""
        if not username:
            return ""
        user = self._get_user(username)
        return user.name if user else username

    def provenance(self, username: str | None, draft_id: Any, key: str) -> str:
        snap = self.snapshot(username, draft_id)
        cells = dict(snap.facts.cells)
        return explain(str(key or "").strip(), snap.stored, cells, snap.assembled.derived, self.name_of)

    # ---- chat and drafting ----------------------------------------------------------------------
    def send(self, username: str | None, draft_id: Any, message: str, progress: Progress | None = None) -> Reply:
        message = clean_text(message, limit=self.settings.max_message_chars).strip()
        user, draft = self._open(username, draft_id, "chat")
        if not message:
            raise AppError("消息是空的，请输入内容。")
        kind = parse_intent(message).kind
        if kind == "draft":
            return self._draft(user, draft, message, progress)
        if kind == "import":  # a path on the server: the web app takes last year's report only as an upload
            raise AppError("请用“导入上年报告”上传文件，不能在对话中给出服务器上的文件路径。")
        # the model's call record is committed with the turn, not on its own; the turn starts from the
        # draft as read just now (a retry reads it again), and the draft as its write left it is kept for
        # the views of this turn (``one_read``)
        with call_context(draft.id, user.username), writes_together(), drafts_written() as written, \
                known_draft(draft):
            reply = self.service.handle(draft.id, user.username, message)
        after = next((d for d in reversed(written) if d.id == draft.id), None)
        self._reads.seed = (username, user, after) if after is not None and len(written) == 1 else None
        return reply

    def draft_all(self, username: str | None, draft_id: Any, progress: Progress | None = None,
                  on_text: Callable[[str, str], None] | None = None, cancel: threading.Event | None = None) -> Reply:
        """Draft every part not locked. ``on_text(part, piece)`` gets the text as the model writes
        it; setting ``cancel`` stops the drafting (the parts already written are saved)."""
        user, draft = self._open(username, draft_id, "draft")
        return self._draft(user, draft, "起草全部正文", progress, on_text, cancel)  # the button's words, in the chat

    def redraft_part(self, username: str | None, draft_id: Any, part: str) -> Reply:
        """Draft one part again from the facts, replacing the text a person wrote (asked for by name,
        and confirmed in the page: drafting all parts never does this). A locked part stays locked."""
        user, draft = self._open(username, draft_id, "draft")
        require(user, "edit_narrative")
        part = self._part(part)
        self._unlocked(draft.id, part)
        with call_context(draft.id, user.username):
            reply = self.service.draft_narrative(draft.id, user.username, message=f"按事实重新起草{part_title(part)}",
                                                 parts=[part], name_of=self.name_of, redraft=True)
        if reply.refused:
            raise AppError(reply.text)
        return reply

    def _draft(self, user: User, draft: DraftInfo, message: str, progress: Progress | None,
               on_text: Callable[[str, str], None] | None = None, cancel: threading.Event | None = None) -> Reply:
        require(user, "draft")
        locks = self.auth.locks(draft.id)
        parts = [p for p in PARTS if p not in locks]
        if not parts:
            raise AppError("正文各部分都已锁定，没有可以起草的部分。")
        service = self.service
        if progress is not None:
            service = DialogueService(self.store, _ProgressModel(self.service.model, parts, progress))
        with call_context(draft.id, user.username):
            reply = service.draft_narrative(draft.id, user.username, message=message, parts=parts,
                                            on_token=on_text, cancel=cancel, name_of=self.name_of)
        if progress is not None:
            progress(len(parts), len(parts), "起草完成")
        return reply

    # ---- tables by hand -------------------------------------------------------------------------
    def set_cells(self, username: str | None, draft_id: Any, edits: Iterable[tuple[str, Any]],
                  shown: dict[str, Any] | None = None) -> list[str]:
        """Record hand edits of table cells (one 'manual' action) and keep the derived totals in step.
        ``shown`` holds, per edited cell, what the grid showed before the edit: when the stored value
        differs (someone else changed it meanwhile) nothing is saved and ``CellConflict`` says who
        changed what. Returns the Chinese lines describing what changed; ``AppError`` if a value
        is not valid."""
        user, draft = self._open(username, draft_id, "edit_cells")
        stored = self.store.facts(draft.id)
        edits = list(edits)
        if shown:
            conflicts = []
            for address, raw in edits:
                if address not in shown:
                    continue
                state, value = parse_cell_input(address, shown[address])
                current = stored.get(address)
                now_set = current is not None and current.state == "set"
                now = current.value if current is not None and now_set else None
                same = (not now_set) if state == "cleared" else (now_set and _same_value(now, value))
                new_state, new_value = parse_cell_input(address, raw)
                wanted = (not now_set) if new_state == "cleared" else (now_set and _same_value(now, new_value))
                # already what this edit asks for (a repeated event, or the same fix by two people)
                if not same and not wanted:
                    who = self.name_of(current.author) if current is not None else "他人"
                    conflicts.append(f"{field_label(address)}：您看到的是"
                                     f"{describe_value(value) if state == 'set' else '（空）'}，已被{who}改为"
                                     f"{describe_value(now) if now_set else '（空）'}")
            if conflicts:
                raise CellConflict(conflicts)
        changes: list[FactChange] = []
        for address, raw in edits:
            if not is_cell(address):
                raise AppError(f"不是表格单元格：{address}")
            state, value = parse_cell_input(address, raw)
            current = stored.get(address)
            if state == "cleared":
                if current is not None and current.state == "set":
                    changes.append(FactChange(address, None, "cleared", f"{user.name}在数据表中清空"))
                continue
            if current is not None and current.state == "set" and _same_value(current.value, value):
                continue
            changes.append(FactChange(address, value, "set", f"{user.name}在数据表中填写“{str(raw).strip()}”"))
        if not changes:
            return []
        self.store.apply_changes(draft.id, changes, source="manual", author=user.username, note="数据表")
        stored = self.store.facts(draft.id)
        stated = facts_from_store(stored)
        derived = derivation_changes(stored, stated, derivations(stated, self.store.previous_report(draft.id)))
        if derived:
            self.store.apply_changes(draft.id, derived, source="derivation", author=user.username, note="推算")
        return [f"{field_label(c.field)}：{describe_value(c.value) if c.state == 'set' else '（清空）'}" for c in changes]

    # ---- the application ledger → tables 三 and 四 ---------------------------------------------------
    def _ledger_file(self, path: Any, filename: str | None, what: str) -> tuple[Path, str]:
        if not path:
            raise AppError(f"请先选择{what}文件。")
        path = Path(path)
        name = clean_text(filename or path.name, limit=200, what="文件名").strip() or path.name
        if Path(name).suffix.lower() not in LEDGER_TYPES:
            raise AppError(f"不支持“{Path(name).suffix or name}”文件：{what}请用 Excel 或 WPS 另存为 "
                           f"{'、'.join(LEDGER_TYPES)} 格式后上传。")
        try:
            size = path.stat().st_size
        except OSError:
            raise AppError(f"上传的{what}没有收到，请重新上传。") from None
        limit = int(self.settings.max_upload_mb * 1024 * 1024)
        if size > limit:
            raise AppError(f"文件太大（{size / 1024 / 1024:.1f} MB），上传文件不能超过 {self.settings.max_upload_mb:g} MB。")
        if size == 0:
            raise AppError(f"{what}“{name}”是空的。")
        return path, name

    @staticmethod
    def _agency_key(draft: DraftInfo) -> str:
        """Whose column choices these are: the draft's agency, else its clerk's."""
        return draft.agency_name.strip() or f"用户:{draft.owner}"

    def _derive_ledger(self, draft: DraftInfo, username: str, path: Any, filename: str | None, reviews: Any,
                       reviews_filename: str | None, columns: dict[str, str] | None,
                       review_columns: dict[str, str] | None,
                       placements: dict[int, tuple[str, str]] | None) -> LedgerDerivation:
        app_path, app_name = self._ledger_file(path, filename, "申请台账")
        rev = self._ledger_file(reviews, reviews_filename, "复议诉讼台账") if reviews else None
        agency = self._agency_key(draft)
        chosen = {k: v for k, v in (columns or {}).items() if v}
        chosen_reviews = {k: v for k, v in (review_columns or {}).items() if v}
        remembered = self.store.ledger_columns(agency, "applications")
        remembered_reviews = self.store.ledger_columns(agency, "reviews")
        facts = self.service.facts(draft.id)
        year = draft.report_year or (facts.report_year if isinstance(facts.report_year, int) else None)
        previous = self.store.previous_report(draft.id)
        carried = None
        if previous is not None:
            from schemas.layout import get_cell

            values = {c: get_cell(previous, f"t3.carried_forward.{c}") for c in L.T3_COLUMN_LABELS}
            carried = {c: v for c, v in values.items() if isinstance(v, int)}

        def derive(apps: dict[str, str], revs: dict[str, str]) -> LedgerDerivation:
            return derive_ledger(app_path, filename=app_name, year=year, reviews=rev[0] if rev else None,
                                 reviews_filename=rev[1] if rev else None, columns=apps, review_columns=revs,
                                 placements=placements, previous=carried)

        try:
            try:  # the choices remembered for this agency, under the ones made now
                result = derive({**remembered, **chosen}, {**remembered_reviews, **chosen_reviews})
            except LedgerError:
                if not (remembered or remembered_reviews):
                    raise
                result = derive(chosen, chosen_reviews)  # another layout this time: the vocabulary alone
        except LedgerError:
            raise  # a Chinese message (ColumnsMissing carries the headers to choose among)
        except (OSError, ValueError) as exc:
            raise AppError(f"无法读取台账“{app_name}”：{type(exc).__name__}。请在 Excel 或 WPS 中另存一份再上传。") from None
        if chosen:
            self.store.remember_ledger_columns(agency, "applications", {**remembered, **chosen}, username)
        if chosen_reviews:
            self.store.remember_ledger_columns(agency, "reviews", {**remembered_reviews, **chosen_reviews}, username)
        return result

    def read_ledger(self, username: str | None, draft_id: Any, path: Any, filename: str | None = None, *,
                    reviews: Any = None, reviews_filename: str | None = None,
                    columns: dict[str, str] | None = None, review_columns: dict[str, str] | None = None,
                    placements: dict[int, tuple[str, str]] | None = None) -> LedgerDerivation:
        """Tables 三 (and 四) derived from an uploaded ledger, to look at before accepting: nothing is
        written but the columns the user chose (remembered for the draft's agency). ``LedgerError``
        (``ColumnsMissing`` with the headers to choose among) when the ledger cannot be used."""
        user, draft = self._open(username, draft_id, "edit_cells")
        return self._derive_ledger(draft, user.username, path, filename, reviews, reviews_filename, columns,
                                   review_columns, placements)

    def apply_ledger(self, username: str | None, draft_id: Any, path: Any, filename: str | None = None, *,
                     reviews: Any = None, reviews_filename: str | None = None,
                     columns: dict[str, str] | None = None, review_columns: dict[str, str] | None = None,
                     placements: dict[int, tuple[str, str]] | None = None) -> tuple[LedgerDerivation, list[str]]:
        """Accept the tables derived from the ledger: every cell of table 三 (and 四) set as one action
        (source 'ledger', its quote naming the ledger rows), so undo reverts it whole and the history
        shows it; then the derivations, as after a hand edit. The ledger is read again here: what is
        written is what the file says. Returns the derivation and a Chinese summary."""
        user, draft = self._open(username, draft_id, "edit_cells")
        result = self._derive_ledger(draft, user.username, path, filename, reviews, reviews_filename, columns,
                                     review_columns, placements)
        stored = self.store.facts(draft.id)
        changes = []
        for address, value in result.cells.items():
            quote = result.quote(address)
            current = stored.get(address)
            if (current is not None and current.state == "set" and current.source == "ledger"
                    and _same_value(current.value, value) and current.quote == quote):
                continue
            changes.append(FactChange(address, value, "set", quote))
        names = "、".join(f"{d.name}《{d.filename}》" for d in result.parts)
        counted = sum(len(d.placements) for d in result.parts)
        lines = [f"已按{names}填入{len(changes)}格（计入{counted}行）。"] if changes else [
            f"{names}与表格中已有的数字一致，没有修改。"]
        if result.issues:
            lines.append(f"有{len(result.issues)}行无法归类，没有计入，请修改台账后重新上传，或在数据表中手工修改。")
        if changes:
            self.store.apply_changes(draft.id, changes, source="ledger", author=user.username,
                                     note=f"导入台账：{names}（计入{counted}行，未计入{len(result.issues)}行）")
            stored = self.store.facts(draft.id)
            stated = facts_from_store(stored)
            derived = derivation_changes(stored, stated, derivations(stated, self.store.previous_report(draft.id)))
            if derived:
                self.store.apply_changes(draft.id, derived, source="derivation", author=user.username, note="推算")
        return result, lines

    def ledger_template(self, username: str | None, draft_id: Any = None) -> Path:
        """The ledger template (xlsx with drop-down lists), titled with the draft's agency and year."""
        agency, year = "", None
        if draft_id not in (None, ""):
            _, draft = self._open(username, draft_id, "view")
            agency, year = draft.agency_name, draft.report_year
        else:
            self.user(username)
        out = self.export_dir / "templates" / dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f") / "政府信息公开申请台账模板.xlsx"
        return write_template(out, agency, year)

    # ---- narrative by hand ------------------------------------------------------------------------
    def _part(self, part: str) -> str:
        if part not in PARTS:
            raise AppError("请选择正文的一个部分。")
        return part

    def _unlocked(self, draft_id: int, part: str) -> None:
        lock = self.auth.locks(draft_id).get(part)
        if lock is not None:
            raise AppError(f"{part_title(part)}已由{lock.locked_by}锁定，解锁后才能修改。")

    def save_part(self, username: str | None, draft_id: Any, part: str, text: str,
                  base_version: Any) -> NarrativeVersion:
        """Save an edited part as a new version. ``base_version`` is the version the editor started
        from (0 for a part not yet written): if the part has moved on since, nothing is saved and
        ``EditConflict`` carries both texts."""
        text = clean_text(text, limit=_MAX_PART_CHARS, what="正文").strip()
        user, draft = self._open(username, draft_id, "edit_narrative")
        part = self._part(part)
        self._unlocked(draft.id, part)
        try:
            base = int(base_version or 0)
        except (TypeError, ValueError):
            raise AppError("页面上的版本号无效，请刷新后再修改。") from None
        flags = [f.message for f in narrative_flags(self.service.facts(draft.id), {part: _version(part, text)})]
        ok, version = self.store.save_narrative_if(draft.id, part, text, base, source="manual",
                                                   author=user.username, flags=flags)
        if ok and version is not None:
            return version
        theirs = version or NarrativeVersion(part, 0, "", "manual", "", (), dt.datetime.now(dt.UTC))
        raise EditConflict(part, base, text, theirs, self.name_of(theirs.author))

    def revise_part(self, username: str | None, draft_id: Any, part: str, instruction: str,
                    shown: str | None = None) -> NarrativeVersion:
        """Rewrite one part by an instruction (更简洁, 更具体, 补充：…); the numbers the rewrite brings
        in are checked as in drafting. ``shown``: the text in the editor; when it is not the saved
        text, nothing is rewritten (the rewrite would start from the saved one and lose the edits).
        A rewrite the engine cannot do, or one that changes nothing, saves nothing (``AppError``)."""
        instruction = clean_text(instruction, limit=500, what="重写要求")
        user, draft = self._open(username, draft_id, "edit_narrative")
        part = self._part(part)
        self._unlocked(draft.id, part)
        if not instruction.strip():
            raise AppError("请写明重写的要求，例如“补充：全年开展政务公开培训2次”。")
        current = self.store.narrative(draft.id).get(part)
        if current is None or not current.text.strip():
            raise AppError(f"{part_title(part)}还没有起草，请先起草正文。")
        if shown is not None and clean_text(shown).strip() != current.text.strip():
            raise AppError("编辑框中的文字还没有保存（或已有人保存了新版本），重写会以已保存的版本为准而丢掉这些修改。"
                           "请先保存修改，再按要求重写。")
        model = self.service.model
        try:
            with call_context(draft.id, user.username):
                drafted = revise_part(part, current.text, instruction.strip(), self.service.facts(draft.id), model)
        except LLMError as exc:
            raise AppError(f"这次没能重写：{exc}") from exc
        if drafted.text.strip() == current.text.strip():
            raise AppError(f"按“{_excerpt(instruction, 30)}”重写后的文字与当前文本相同，没有保存新版本。")
        source: NarrativeSource = "template" if model.engine == "offline" else "llm"
        return self.store.save_narrative(draft.id, part, drafted.text, source=source, author=user.username,
                                         flags=[f.message for f in drafted.flags])

    def rewrite_offers(self) -> tuple[list[str], str]:
        """What the editor offers for rewriting with this engine: the one-click instructions it can
        follow, and (offline) what it can do with a written instruction, in Chinese."""
        if self.service.model.engine != "offline":
            return ["更简洁", "更具体"], ""
        from assistant.offline import revise_hint  # only the offline engine has limits to tell

        return [], revise_hint()

    def set_lock(self, username: str | None, draft_id: Any, part: str, locked: bool) -> None:
        user, draft = self._open(username, draft_id, "lock")
        part = self._part(part)
        if locked:
            self.auth.lock_part(draft.id, part, user.name)
        else:
            self.auth.unlock_part(draft.id, part)

    def restore_part(self, username: str | None, draft_id: Any, part: str, version: int) -> NarrativeVersion:
        user, draft = self._open(username, draft_id, "edit_narrative")
        part = self._part(part)
        self._unlocked(draft.id, part)
        old = next((v for v in self.store.narrative_history(draft.id, part) if v.version == int(version)), None)
        if old is None:
            raise AppError(f"{part_title(part)}没有第{version}版。")
        return self.store.save_narrative(draft.id, part, old.text, source="restore", author=user.username,
                                         flags=old.flags)

    # ---- approval and export ----------------------------------------------------------------------
    def gate(self, snap: Snapshot) -> GateDecision:
        ack = None
        if snap.approved and snap.approval is not None:
            ack = Acknowledgement(who=snap.approval.approved_by, at=snap.approval.approved_at,
                                  warnings=list(snap.approval.warnings))
        return check_gate(snap.assembled.report, findings=[f for f in snap.findings if f not in snap.flags],
                          extra_findings=snap.flags, acknowledgement=ack)

    def moves(self, username: str | None, draft_id: Any) -> list[Move]:
        """The review moves this user may make on the draft now (the page shows these buttons)."""
        user, draft = self._open(username, draft_id, "view")
        return moves_for(user, draft.status)

    def transitions(self, username: str | None, draft_id: Any) -> list[Transition]:
        _, draft = self._open(username, draft_id, "view")
        return self.workflow.transitions(draft.id)

    def move(self, username: str | None, draft_id: Any, action: str, reason: str = "") -> Transition:
        """submit（提交审核）, return（退回修改）, approve（审核定稿）or reopen（重新打开）."""
        if action not in MOVES:
            raise AppError(f"没有“{action}”这种操作。")
        reason = clean_text(reason, limit=500, what="理由").strip()
        user, draft = self._open(username, draft_id, cast(Action, action))
        if action != "approve":
            return self.workflow.move(draft.id, action, user, reason=reason)
        snap = self.snapshot(username, draft_id)
        if snap.draft.status != MOVES["approve"].source:
            raise AppError(f"报告现在是“{STATE_LABELS.get(snap.draft.status, snap.draft.status)}”，"
                                 "只有提交审核（待审核）的报告才能审核定稿。")
        decision = self.gate(snap)
        if decision.errors:
            raise AppError(f"报告还有 {len(decision.errors)} 个错误，改正后才能审核通过（见“校验”）。")
        keys = list(dict.fromkeys(w.key for w in decision.warnings))
        # the move checks the revision: what was validated is what becomes final
        return self.workflow.move(draft.id, "approve", user, reason=reason, expected_revision=snap.draft.revision,
                                  warnings=keys)

    def approve(self, username: str | None, draft_id: Any) -> Approval:
        """The supervisor approves the draft as it is now, accepting its current warnings: 已定稿."""
        self.move(username, draft_id, "approve")
        approval = self.auth.latest_approval(int(draft_id))
        assert approval is not None
        return approval

    # ---- the model calls ----------------------------------------------------------------------------
    def llm_calls(self, username: str | None, draft_id: Any) -> list[dict]:
        """The model calls made for this draft (supervisors): task, model, tokens, time, outcome.
        Read from the database, so calls made by any process show."""
        from assistant.llm import CallLog
        from assistant.llm.prices import cost_of, price_for

        _, draft = self._open(username, draft_id, "llm_log")
        rows = CallLog(self.store.engine).rows(draft.id)
        s = self.settings
        for r in rows:  # what each call cost, at the staff's price or the listed one
            price = None if r["engine"] == "offline" else price_for(
                r["model"], input=s.llm_price_input, output=s.llm_price_output, cached=s.llm_price_cached)
            r["cost"] = float(cost_of(price, r["input_tokens"] or 0, r["output_tokens"] or 0,
                                      r.get("cached_tokens") or 0)) if price else None
            r["currency"] = price.symbol if price else ""
            r["price_source"] = (price.source or "工作人员设置的价格") if price else ""
        return rows

    # ---- last year's report -------------------------------------------------------------------------
    def import_previous(self, username: str | None, draft_id: Any, path: str | Path,
                        filename: str | None = None) -> Reply:
        """Last year's report, uploaded: type and size are checked before anything is read."""
        user, draft = self._open(username, draft_id, "import_previous")
        path = Path(path)
        name = clean_text(filename or path.name, limit=200, what="文件名").strip() or path.name
        if Path(name).suffix.lower() not in UPLOAD_TYPES:
            raise AppError(f"不支持“{Path(name).suffix or name}”文件，请上传 {'、'.join(UPLOAD_TYPES)} 格式的上年报告。")
        try:
            size = path.stat().st_size
        except OSError:
            raise AppError("上传的文件没有收到，请重新上传。") from None
        limit = int(self.settings.max_upload_mb * 1024 * 1024)
        if size > limit:
            raise AppError(f"文件太大（{size / 1024 / 1024:.1f} MB），上传文件不能超过 "
                                 f"{self.settings.max_upload_mb:g} MB。")
        if size == 0:
            raise AppError(f"文件“{name}”是空的。")
        with call_context(draft.id, user.username):
            return self.service.import_previous(draft.id, user.username, path, message=f"导入上年报告：{name}")

    def export(self, username: str | None, draft_id: Any, fmt: str, progress: Progress | None = None) -> Path:
        """Export through the gate, with the approval as the acknowledgement of the warnings."""
        user, _ = self._open(username, draft_id, "export")
        if fmt not in EXPORT_CHOICES:
            raise AppError(f"不支持的导出格式“{fmt}”。")
        step = progress or (lambda *_: None)
        step(0, 3, "正在校验")
        snap = self.snapshot(username, draft_id)
        if snap.draft.status != "final":
            raise AppError("报告尚未定稿，请先提交审核并由审核人员审核定稿后再导出。")
        if not snap.approved:
            raise AppError("报告尚未审核通过，请先审核通过再导出。" if snap.approval is None
                                 else "报告在审核通过后又有修改，请重新审核通过后再导出。")
        report = snap.assembled.report
        title = report.meta.title or f"政府信息公开工作年度报告（草稿{snap.draft.id}）"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = self.export_dir / f"draft-{snap.draft.id}" / stamp / f"{_safe_filename(title)}.{fmt}"
        step(1, 3, "正在生成PDF（LibreOffice）" if fmt == "pdf" else "正在生成文件")
        approval = snap.approval
        assert approval is not None  # snap.approved
        ack = Acknowledgement(who=approval.approved_by, at=approval.approved_at, warnings=list(approval.warnings))
        try:
            result = export_report(report, cast(ExportFormat, fmt), out, previous=self.store.previous_report(snap.draft.id),
                                   acknowledgement=ack, extra_findings=snap.flags)
        except ExportRefused as exc:
            raise AppError(str(exc)) from exc
        step(3, 3, f"已导出（{user.name}）")
        return result.path

    def export_draft(self, username: str | None, draft_id: Any, fmt: str, progress: Progress | None = None) -> Path:
        """A Word or PDF copy of the draft as it is now, marked 草稿 on every page, for reading and for
        the leader: anyone who may see the draft may have it, in any state, errors and all (the final
        export stays behind the approval)."""
        user, draft = self._open(username, draft_id, "view")
        if fmt not in ("docx", "pdf"):
            raise AppError("草稿只能下载为 Word 或 PDF。")
        step = progress or (lambda *_: None)
        step(0, 2, "正在生成PDF（LibreOffice）" if fmt == "pdf" else "正在生成文件")
        snap = self.snapshot(username, draft_id)
        report = snap.assembled.report
        title = report.meta.title or f"政府信息公开工作年度报告（草稿{draft.id}）"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = self.export_dir / f"draft-{draft.id}" / "drafts" / stamp / f"{_safe_filename(title)}（草稿）.{fmt}"
        try:
            result = export_report(report, cast(ExportFormat, fmt), out, previous=self.store.previous_report(draft.id),
                                   extra_findings=snap.flags, draft=True)
        except ReportAssistantError as exc:
            raise AppError(str(exc)) from exc
        step(2, 2, f"已生成草稿（{user.name}）")
        return result.path


def _when(t: dt.datetime) -> str:
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _excerpt(text: Any, n: int = 80) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= n else text[:n] + "……"


def _version(part: str, text: str) -> NarrativeVersion:
    return NarrativeVersion(part, 0, text, "manual", "", (), dt.datetime.now(dt.UTC))
