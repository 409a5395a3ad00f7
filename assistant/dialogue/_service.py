"""The dialogue service: one user message in, one committed turn and a reply out.

For an answer: extract (the model, checked against the message) → refuse bad answers → derive
what follows → record the message, the changes and the reply in one transaction → return the
reply. A refused answer is still recorded (the words are never lost) but changes no fact.

The service keeps no state between calls: every call reads the draft from the store, so a reload
or a restart loses nothing. A write carries the revision it was computed from; if another writer
got in between, the call is computed again.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.dialogue import _actions as actions
from assistant.dialogue._answers import answer
from assistant.dialogue._intents import parse_intent
from assistant.dialogue._outcome import Outcome, open_items, question_lines
from assistant.dialogue._planner import Plan, Question, plan
from assistant.dialogue._previous import narrative_of
from assistant.dialogue._state import State, read_state
from assistant.drafting import PARTS, Assembled, DraftedPart, Drafts, assemble_report
from assistant.llm import Model
from assistant.reading import continued, star_fixed, typed_as_read
from assistant.storage import DraftInfo, FactHistoryEntry, NarrativeVersion, StaleDraftError, Store
from assistant.storage._store import facts_after_drafting
from schemas.facts import Facts
from schemas.findings import Finding

__all__ = ["DialogueService", "Reply"]


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    recorded: tuple[FactHistoryEntry, ...] = ()  # every fact change this turn committed
    rejections: tuple[str, ...] = ()  # why something was not taken (Chinese)
    open_items: tuple[str, ...] = ()  # required items still missing, and pending ones
    questions: tuple[Question, ...] = ()
    turn_id: int | None = None  # the user's turn; None when nothing was recorded (an empty message)
    refused: bool = False  # a bad answer: recorded, but no fact changed
    plan: Plan | None = field(default=None, repr=False)


class DialogueService:
    """Conversational fact gathering over a ``Store``. ``model``: the extraction and drafting
    model; by default the one the settings name (the offline engine when none is configured)."""

    _STATES = 64  # drafts whose last state read whole is kept (``remember``)

    def __init__(self, store: Store, model: Model | None = None, *, attempts: int = 3):
        self.store = store
        self._model = model
        self._attempts = attempts
        # by (draft, revision): the state and the newest narrative read with it
        self._states: OrderedDict[tuple[int, int], tuple[State, dict[str, NarrativeVersion]]] = OrderedDict()
        self._states_lock = threading.Lock()

    def remember(self, st: State, narrative: dict[str, NarrativeVersion]) -> None:
        """``st`` and ``narrative`` (``read``) were read whole at its revision (the caller checked that no
        write came in meanwhile): a turn on the draft at that revision starts from them instead of
        reading the facts again. Shared: read only, as every state is."""
        with self._states_lock:
            self._states[(st.draft.id, st.draft.revision)] = st, narrative
            self._states.move_to_end((st.draft.id, st.draft.revision))
            while len(self._states) > self._STATES:
                self._states.popitem(last=False)

    def _state(self, draft_id: int) -> tuple[State, dict[str, NarrativeVersion] | None]:
        """``read_state``, or the state remembered at the draft's revision now (with the draft as read
        now: a review move changes its status, not its revision) and its narrative."""
        draft = self.store.get_draft(draft_id)
        with self._states_lock:
            hit = self._states.get((draft_id, draft.revision))
        if hit is None:
            return read_state(self.store, draft_id), None
        return dataclasses.replace(hit[0], draft=draft), hit[1]

    @property
    def model(self) -> Model:
        if self._model is None:
            from assistant.config import Settings
            from assistant.models import make_model

            self._model = make_model(Settings(), engine=self.store.engine)  # calls logged with the drafts
        return self._model

    # ---- drafts and reading ----------------------------------------------------------------
    def start(self, owner: str, agency_name: str = "", report_year: int | None = None) -> DraftInfo:
        return self.store.create_draft(owner, agency_name, report_year)

    def drafts(self, owner: str | None = None) -> list[DraftInfo]:
        return self.store.list_drafts(owner)

    def facts(self, draft_id: int) -> Facts:
        """The draft's facts, derived cells included."""
        return read_state(self.store, draft_id).full

    def plan(self, draft_id: int) -> Plan:
        return plan(self.facts(draft_id))

    def previous_narrative(self, draft_id: int) -> dict[str, str]:
        """Last year's narrative by part (``p1.active`` … ``p6.fees``): context for drafting."""
        previous = self.store.previous_report(draft_id)
        return narrative_of(previous) if previous else {}

    def report(self, draft_id: int) -> Assembled:
        """The report from the stored facts and the newest version of each narrative part."""
        return self.read(draft_id)[2]

    def read(self, draft_id: int) -> tuple[State, dict[str, NarrativeVersion], Assembled]:
        """One read of the draft for the screens: its state, the newest version of each narrative part,
        and the report assembled from both (``report`` and ``facts`` each read the facts again)."""
        st = read_state(self.store, draft_id)
        narrative = self.store.narrative(draft_id)
        drafts = Drafts(parts={p: DraftedPart(part=p, text=v.text) for p, v in narrative.items() if p in PARTS})
        return st, narrative, assemble_report(st.full, drafts)

    def findings(self, draft_id: int) -> list[Finding]:
        """Every validation finding of the draft's report, the cross-year rules included."""
        from assistant.validation import validate

        return validate(self.report(draft_id).report, self.store.previous_report(draft_id))

    def opening(self, draft_id: int) -> str:
        """The first words of a session: a greeting, or where a resumed draft stands; then the
        next questions."""
        st = read_state(self.store, draft_id)
        d = st.draft
        if not self.store.turns(draft_id):
            head = ["您好！我来帮您收集政府信息公开工作年度报告需要的内容。",
                    "可以一次说好几项，也可以直接粘贴表格（从Excel、WPS复制或Markdown）；说错了说“不对，……”更正，"
                    "“撤销”撤回上一步，“跳过”或“不清楚”先放一放，“还缺什么”查看进度。"]
        else:
            what = f"{d.agency_name}{d.report_year}年度报告" if d.agency_name and d.report_year else "报告"
            count = sum(f.state == "set" for f in st.stored.values())
            head = [f"继续编写{what}（草稿编号 {d.id}）：已记录{count}项。"]
        drafted = any(v.text.strip() for v in self.store.narrative(draft_id).values())
        return "\n".join(head + question_lines(plan(st.full), drafted=drafted))

    # ---- writing: every call is one committed turn ---------------------------------------------
    def handle(self, draft_id: int, author: str, message: str) -> Reply:
        """Process one message. The turn, its changes and the reply are committed on return."""
        message = message.strip()
        if not message:
            p = self.plan(draft_id)
            return Reply("\n".join(question_lines(p)), questions=p.questions, open_items=open_items(p), plan=p)
        said = typed_as_read(message)  # (the turn keeps what was typed)
        return self._turn(draft_id, author, message, lambda st: self._dispatch(st, said))

    def import_previous(self, draft_id: int, author: str, path: str | Path, *, message: str | None = None) -> Reply:
        """Import last year's report (any format the importer reads) as one recorded turn."""
        text = message or f"导入上年报告：{Path(path).name}"
        return self._turn(draft_id, author, text, lambda st: actions.import_previous(st, Path(path)))

    def draft_narrative(self, draft_id: int, author: str, *, message: str = "生成初稿",
                        parts: Iterable[str] | None = None, on_token: Callable[[str, str], None] | None = None,
                        cancel: threading.Event | None = None, name_of: Callable[[str], str] = str,
                        redraft: bool = False) -> Reply:
        """Draft the narrative parts from the facts; save them as new versions with their flags
        (unsupported numbers, style, and D3 copy from last year) in the same turn. ``on_token(part,
        piece)`` streams the text as it is written; ``cancel`` stops it (what was written stands)."""
        return self._turn(draft_id, author, message,
                          lambda st: actions.draft(st, self.model, parts, self.store.locked_parts(draft_id),
                                                   on_token=on_token, cancel=cancel,
                                                   written=self.store.narrative(draft_id), name_of=name_of,
                                                   redraft=redraft))

    def _dispatch(self, st: State, message: str) -> Outcome:
        intent = parse_intent(message)
        if intent.kind == "facts" and (taken := actions.figures_taken_back(st, message)):
            return actions.take_back(st, taken, message)
        if intent.kind == "undo":
            preview = self.store.undo_preview(st.draft.id)
            if preview is not None and preview.revision != st.draft.revision:
                raise StaleDraftError("草稿刚被其他操作修改过，请重试。")
            if intent.text == "last_year":
                # (the step undone: the message right before this one, or one that gave last year's words)
                said_last = next((t.text for t in reversed(self.store.turns(st.draft.id)) if t.role == "user"), None)
                if preview is None or preview.source != "chat" or not (actions.recorded_last_years(preview) or (
                        preview.turn_text == said_last and len(preview.restores) >= 2)) or any(
                        c.field in ("agency_name", "agency_level", "report_year") for c in preview.restores):
                    return actions.nothing_of_last_year(st)
            return actions.undo(st, preview)
        if intent.kind == "summary":
            if intent.text == "check" and any(v.text.strip() for v in self.store.narrative(st.draft.id).values()):
                # (with the text drafted: what the validator finds in it against the tables, as a supervisor sees it)
                text_findings = [f for f in self.findings(st.draft.id) if f.location.address.startswith(("p", "preamble"))
                                 and f.severity in ("error", "warning")]
                late = facts_after_drafting(self.store.narrative(st.draft.id), st.stored)
                return actions.summary(st, check=True, text_findings=text_findings, said_late=[f.field for f in late])
            return actions.summary(st, check=intent.text == "check")
        if intent.kind == "preview":
            from assistant.export import render_markdown

            drafted = any(v.text.strip() for v in self.store.narrative(st.draft.id).values())
            return actions.preview(st, render_markdown(self.report(st.draft.id).report), drafted=drafted)
        if intent.kind == "skip" and (out := actions.skip(st, message, intent.text)) is not None:
            return out
        if intent.kind == "import":
            return actions.import_previous(st, Path(intent.text))
        if intent.kind == "draft":
            return actions.draft(st, self.model, None, self.store.locked_parts(st.draft.id))
        said_before = functools.cache(lambda: self._said_before(st.draft.id))  # (read from the store once a turn)
        if message.lstrip()[:1] in "*＊" and (fixed := star_fixed(message, next(iter(said_before()), None))) != message:
            message = fixed  # "*1,108" after "本年新收1,180件": the clause before, as fixed
        elif intent.kind != "correction" and (joined := continued(message, previous := next(iter(said_before()), None), (
                # (whether a number sent alone was recorded: looked up only for a short message before)
                len((previous or "").strip()) > 12 or any((sf.quote or "").strip() == (previous or "").strip()
                                                          for sf in st.stored.values())))) != message:
            message = joined  # "…今年一共发了" then "一百八十六条…": one sentence over two messages
        return answer(st, message, self.model, intent.text if intent.kind == "correction" else None, said_before)

    def _said_before(self, draft_id: int) -> list[str]:
        """The clerk's last eight messages, the last first (as read: see ``typed_as_read``); the reader looks back
        three of them for a table announced or a part of the year, eight for a notice answered by its numbers."""
        said = [t for t in self.store.turns(draft_id) if t.role == "user"]
        return [typed_as_read(t.text) for t in reversed(said[-8:])]

    def _turn(self, draft_id: int, author: str, message: str, compute: Callable[[State], Outcome]) -> Reply:
        for attempt in range(self._attempts):
            try:
                st, narrative = self._state(draft_id)
                out = compute(st)
                if narrative is None:
                    narrative = self.store.narrative(draft_id)
                out.drafted = bool(out.narratives) or any(v.text.strip() for v in narrative.values())
                text = out.text
                res = self.store.record_turn(
                    draft_id, message, author=author, changes=out.changes, reply=text,
                    extra=[cs for cs in out.extra if cs.changes], undo=out.undo,
                    previous_report=out.previous_report, narratives=out.narratives,
                    expected_revision=st.draft.revision)
            except StaleDraftError:  # another writer got in between: compute again from a fresh read
                if attempt == self._attempts - 1:
                    raise
                continue
            return Reply(text, res.undone + res.changes + res.extra, tuple(out.rejections), open_items(out.plan),
                         out.plan.questions, res.user_turn.id, out.refused, out.plan)
        raise StaleDraftError("草稿刚被其他操作修改过，请重试。")
