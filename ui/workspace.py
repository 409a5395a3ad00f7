"""What the app can do, as plain Python: every action takes the username of the login session,
checks the role and the draft's owner, then calls the core. No Gradio here, so the handlers stay
thin and the rules are tested without a browser.

The database holds the truth: nothing is cached between calls, so a reload, a second browser or a
restart sees the same draft.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable

from assistant.auth import Approval, AuthStore, PartLock, PermissionDenied, User, require, require_draft
from assistant.dialogue import DialogueService, Reply, derivations, facts_from_store, parse_intent
from assistant.dialogue import derivation_changes
from assistant.drafting import PARTS, Assembled, check_numbers, part_address, part_title, revise_part
from assistant.drafting.numbercheck import style_problems
from assistant.errors import ReportAssistantError
from assistant.export import Acknowledgement, ExportRefused, GateDecision, check_gate, export_report
from assistant.llm import LLMError, LLMRequest, LLMResponse, Model
from assistant.numbers import parse_number, to_halfwidth
from assistant.storage import DraftInfo, FactChange, NarrativeVersion, StoredFact, Store
from assistant.validation import validate
from schemas import labels as L
from schemas.facts import Facts, is_cell
from schemas.findings import Finding, Location
from schemas.report import Blank
from ui.provenance import describe_value, explain, field_label

__all__ = ["EXPORT_CHOICES", "GREETING", "Snapshot", "Workspace", "WorkspaceError", "parse_cell_input"]

EXPORT_CHOICES: dict[str, str] = {"docx": "Word（DOCX）", "pdf": "PDF", "json": "JSON"}
_MONEY_CELL = "t2.fees.amount"
GREETING = ("您好！我来帮您收集政府信息公开工作年度报告需要的内容。可以一次说好几项，也可以直接粘贴表格；"
            "说错了说“不对，……”更正，“撤销”撤回上一步，“还缺什么”查看进度，“生成初稿”起草正文。")
_BLANKS = frozenset(m for m in L.BLANK_MARKERS if m)

_SOURCE_LABELS = {"chat": "对话", "import": "导入上年报告", "derivation": "推算", "manual": "手工修改数据表",
                  "undo": "撤销"}
_NARRATIVE_LABELS = {"llm": "模型起草", "template": "模板起草", "manual": "手工修改", "restore": "恢复旧版",
                     "import": "导入"}

Progress = Callable[[int, int, str], None]  # (done, total, what is being done now)


class WorkspaceError(ReportAssistantError):
    """An action that cannot be done as asked (message in Chinese, shown to the user)."""


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


def parse_cell_input(address: str, raw: Any) -> tuple[str, Any]:
    """A value typed into a grid cell → (state, value): ("cleared", None) for an empty cell,
    ("set", Blank) for "/", "—", "无"…, ("set", number) otherwise. ``WorkspaceError`` when it is
    not a non-negative number (an integer, except the fee in 万元)."""
    text = to_halfwidth(str(raw if raw is not None else "")).strip()
    if text in ("", "nan", "None"):
        return "cleared", None
    if text in _BLANKS:
        return "set", Blank(blank=text)
    value = parse_number(text)
    if value is None:
        raise WorkspaceError(f"“{text}”不是数字，请填写非负整数{'（金额可有小数）' if address == _MONEY_CELL else ''}。")
    if value < 0:
        raise WorkspaceError(f"“{text}”是负数，表格中的数字不能为负数。")
    if address == _MONEY_CELL:
        return "set", value
    if value != value.to_integral_value():
        raise WorkspaceError(f"“{text}”不是整数，这一格应填写件数（整数）。")
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

    def complete(self, request: LLMRequest) -> LLMResponse:
        kind, _, part = request.task.partition(".")
        if kind == "draft" and part in self._parts:
            self._progress(self._seen, len(self._parts), f"正在起草{part_title(part)}")
            self._seen += 1
        return self.inner.complete(request)


def _safe_filename(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "", text)[:80] or "报告"


class Workspace:
    def __init__(self, store: Store, auth: AuthStore, model: Model | None = None, *,
                 export_dir: str | Path = "data/exports"):
        self.store = store
        self.auth = auth
        self.service = DialogueService(store, model)
        self.export_dir = Path(export_dir)

    # ---- who ------------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> bool:
        return self.auth.authenticate(username, password) is not None

    def user(self, username: str | None) -> User:
        user = self.auth.get_user(username)
        if user is None or not user.active:
            raise PermissionDenied("请先登录。")
        return user

    def _open(self, username: str | None, draft_id: Any, action: str) -> tuple[User, DraftInfo]:
        user = self.user(username)
        try:
            draft = self.store.get_draft(int(draft_id))
        except (TypeError, ValueError):
            raise WorkspaceError("请先选择或新建一份报告。") from None
        require_draft(user, action, draft.owner)  # type: ignore[arg-type]
        return user, draft

    # ---- drafts ---------------------------------------------------------------------------------
    def drafts(self, username: str | None) -> list[DraftInfo]:
        user = require(self.user(username), "view")
        return self.store.list_drafts(user.username if user.role == "staff" else None)

    def new_draft(self, username: str | None) -> DraftInfo:
        user = require(self.user(username), "new_draft")
        return self.service.start(user.username)

    def default_draft(self, username: str | None) -> DraftInfo | None:
        """The draft to show after login: the one changed last; staff get a new one the first time."""
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
        turns = self.store.turns(int(draft_id))
        if not turns:
            return [{"role": "assistant", "content": self.service.opening(int(draft_id))}]
        return [{"role": "assistant", "content": GREETING}] + [
            {"role": t.role, "content": t.text} for t in turns if t.role in ("user", "assistant")]

    def snapshot(self, username: str | None, draft_id: Any) -> Snapshot:
        user, draft = self._open(username, draft_id, "view")
        assembled = self.service.report(draft.id)
        facts = self.service.facts(draft.id)
        narrative = self.store.narrative(draft.id)
        flags = narrative_flags(facts, narrative)
        findings = validate(assembled.report, self.store.previous_report(draft.id)) + flags
        return Snapshot(user, draft, assembled, facts, self.store.facts(draft.id), narrative, findings, flags,
                        self.auth.locks(draft.id), self.auth.latest_approval(draft.id))

    def history(self, username: str | None, draft_id: Any) -> list[list[str]]:
        """The versions of the draft, newest first: [时间, 操作人, 类型, 内容] per fact change or part version."""
        _, draft = self._open(username, draft_id, "view")
        rows: list[tuple[dt.datetime, list[str]]] = []
        groups: dict[int, list] = {}
        for entry in self.store.fact_history(draft.id):
            groups.setdefault(entry.group_id, []).append(entry)
        for entries in groups.values():
            first = entries[0]
            shown = [f"{field_label(e.field)}：" + (describe_value(e.value) if e.state == "set" else
                                                    ("待定" if e.state == "pending" else "（清空）"))
                     + (f"（原为{describe_value(e.previous_value)}）" if e.previous_state == "set"
                        and e.state == "set" else "") for e in entries[:3]]
            more = f" 等{len(entries)}项" if len(entries) > 3 else ""
            rows.append((first.created_at, [_when(first.created_at), self.name_of(first.author),
                                            _SOURCE_LABELS.get(first.source, first.source), "；".join(shown) + more]))
        for part in PARTS:
            for v in self.store.narrative_history(draft.id, part):
                text = v.text if len(v.text) <= 40 else v.text[:40] + "……"
                rows.append((v.created_at, [_when(v.created_at), self.name_of(v.author),
                                            f"正文第{v.version}版（{_NARRATIVE_LABELS.get(v.source, v.source)}）",
                                            f"{part_title(part)}：{text}"]))
        rows.sort(key=lambda r: r[0], reverse=True)
        return [r for _, r in rows]

    def name_of(self, username: str) -> str:
        """How a user is shown (the display name, else the login name)."""
        if not username:
            return ""
        user = self.auth.get_user(username)
        return user.name if user else username

    def provenance(self, username: str | None, draft_id: Any, key: str) -> str:
        snap = self.snapshot(username, draft_id)
        cells = dict(snap.facts.cells)
        return explain(str(key or "").strip(), snap.stored, cells, snap.assembled.derived, self.name_of)

    # ---- chat and drafting ----------------------------------------------------------------------
    def send(self, username: str | None, draft_id: Any, message: str, progress: Progress | None = None) -> Reply:
        user, draft = self._open(username, draft_id, "chat")
        if parse_intent(message.strip()).kind == "draft":
            return self._draft(user, draft, message.strip(), progress)
        return self.service.handle(draft.id, user.username, message)

    def draft_all(self, username: str | None, draft_id: Any, progress: Progress | None = None) -> Reply:
        user, draft = self._open(username, draft_id, "draft")
        return self._draft(user, draft, "生成初稿", progress)

    def _draft(self, user: User, draft: DraftInfo, message: str, progress: Progress | None) -> Reply:
        require(user, "draft")
        locks = self.auth.locks(draft.id)
        parts = [p for p in PARTS if p not in locks]
        if not parts:
            raise WorkspaceError("正文各部分都已锁定，没有可以起草的部分。")
        service = self.service
        if progress is not None:
            service = DialogueService(self.store, _ProgressModel(self.service.model, parts, progress))
        reply = service.draft_narrative(draft.id, user.username, message=message, parts=parts)
        if progress is not None:
            progress(len(parts), len(parts), "起草完成")
        return reply

    # ---- tables by hand -------------------------------------------------------------------------
    def set_cells(self, username: str | None, draft_id: Any, edits: Iterable[tuple[str, Any]]) -> list[str]:
        """Record hand edits of table cells (one 'manual' action) and keep the derived totals in step.
        Returns the Chinese lines describing what changed; ``WorkspaceError`` if a value is not valid."""
        user, draft = self._open(username, draft_id, "edit_cells")
        stored = self.store.facts(draft.id)
        changes: list[FactChange] = []
        for address, raw in edits:
            if not is_cell(address):
                raise WorkspaceError(f"不是表格单元格：{address}")
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

    # ---- narrative by hand ------------------------------------------------------------------------
    def _part(self, part: str) -> str:
        if part not in PARTS:
            raise WorkspaceError("请选择正文的一个部分。")
        return part

    def _unlocked(self, draft_id: int, part: str) -> None:
        lock = self.auth.locks(draft_id).get(part)
        if lock is not None:
            raise WorkspaceError(f"{part_title(part)}已由{lock.locked_by}锁定，解锁后才能修改。")

    def save_part(self, username: str | None, draft_id: Any, part: str, text: str) -> NarrativeVersion:
        user, draft = self._open(username, draft_id, "edit_narrative")
        part = self._part(part)
        self._unlocked(draft.id, part)
        flags = [f.message for f in narrative_flags(self.service.facts(draft.id), {part: _version(part, text)})]
        return self.store.save_narrative(draft.id, part, text.strip(), source="manual", author=user.username,
                                         flags=flags)

    def revise_part(self, username: str | None, draft_id: Any, part: str, instruction: str) -> NarrativeVersion:
        """Rewrite one part by an instruction (更简洁, 更具体, 补充某项措施…); numbers are checked as in drafting."""
        user, draft = self._open(username, draft_id, "edit_narrative")
        part = self._part(part)
        self._unlocked(draft.id, part)
        if not instruction.strip():
            raise WorkspaceError("请写明重写的要求，例如“更简洁”“更具体”或“补充某项措施”。")
        current = self.store.narrative(draft.id).get(part)
        if current is None or not current.text.strip():
            raise WorkspaceError(f"{part_title(part)}还没有起草，请先起草正文。")
        model = self.service.model
        try:
            drafted = revise_part(part, current.text, instruction.strip(), self.service.facts(draft.id), model)
        except LLMError as exc:
            raise WorkspaceError(f"这次没能重写：{exc}") from exc
        source = "template" if model.engine == "offline" else "llm"
        return self.store.save_narrative(draft.id, part, drafted.text, source=source, author=user.username,
                                         flags=[f.message for f in drafted.flags])

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
            raise WorkspaceError(f"{part_title(part)}没有第{version}版。")
        return self.store.save_narrative(draft.id, part, old.text, source="restore", author=user.username,
                                         flags=old.flags)

    # ---- approval and export ----------------------------------------------------------------------
    def gate(self, snap: Snapshot) -> GateDecision:
        ack = None
        if snap.approved:
            ack = Acknowledgement(who=snap.approval.approved_by, at=snap.approval.approved_at,
                                  warnings=list(snap.approval.warnings))
        return check_gate(snap.assembled.report, findings=[f for f in snap.findings if f not in snap.flags],
                          extra_findings=snap.flags, acknowledgement=ack)

    def approve(self, username: str | None, draft_id: Any) -> Approval:
        """The supervisor approves the draft as it is now, accepting its current warnings."""
        user, _ = self._open(username, draft_id, "approve")
        snap = self.snapshot(username, draft_id)
        decision = self.gate(snap)
        if decision.errors:
            raise WorkspaceError(f"报告还有 {len(decision.errors)} 个错误，改正后才能审核通过（见“校验”）。")
        keys = list(dict.fromkeys(w.key for w in decision.warnings))
        return self.auth.approve(snap.draft.id, snap.draft.revision, user.name, keys)

    def export(self, username: str | None, draft_id: Any, fmt: str, progress: Progress | None = None) -> Path:
        """Export through the gate, with the approval as the acknowledgement of the warnings."""
        user, _ = self._open(username, draft_id, "export")
        if fmt not in EXPORT_CHOICES:
            raise WorkspaceError(f"不支持的导出格式“{fmt}”。")
        step = progress or (lambda *_: None)
        step(0, 3, "正在校验")
        snap = self.snapshot(username, draft_id)
        if not snap.approved:
            raise WorkspaceError("报告尚未审核通过，请先审核通过再导出。" if snap.approval is None
                                 else "报告在审核通过后又有修改，请重新审核通过后再导出。")
        report = snap.assembled.report
        title = report.meta.title or f"政府信息公开工作年度报告（草稿{snap.draft.id}）"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = self.export_dir / f"draft-{snap.draft.id}" / stamp / f"{_safe_filename(title)}.{fmt}"
        step(1, 3, "正在生成PDF（LibreOffice）" if fmt == "pdf" else "正在生成文件")
        approval = snap.approval
        ack = Acknowledgement(who=approval.approved_by, at=approval.approved_at, warnings=list(approval.warnings))
        try:
            result = export_report(report, fmt, out, previous=self.store.previous_report(snap.draft.id),
                                   acknowledgement=ack, extra_findings=snap.flags)  # type: ignore[arg-type]
        except ExportRefused as exc:
            raise WorkspaceError(str(exc)) from exc
        step(3, 3, f"已导出（{user.name}）")
        return result.path


def _when(t: dt.datetime) -> str:
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return t.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _version(part: str, text: str) -> NarrativeVersion:
    return NarrativeVersion(part, 0, text, "manual", "", (), dt.datetime.now(dt.timezone.utc))
