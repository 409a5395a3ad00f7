"""Run the dialogues through the dialogue service and score what it extracted and drafted.

Each dialogue's scripted messages are said in order (last year's report imported where the script
says so). Extraction is scored on the facts recorded at the end of the script. Then a simulated
staff member answers the assistant's own follow-up questions from the gold facts — a bare answer
per question, a table pasted when a table is asked for — until the fact set is complete or the
same question comes back (stuck). A complete draft is then drafted and scored.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.dialogue import DialogueService, Question
from assistant.drafting import Drafts, assemble_report
from assistant.llm import CallLog, Model
from assistant.storage import Store
from eval._data import Dialogue
from eval._faithfulness import PartScore, score_part
from eval._tables import t2_tsv, t3_excel, t4_blocks_tsv
from schemas.facts import FACT_SPECS, Facts, spec_of
from schemas.layout import ALL_CELL_ADDRESSES
from schemas.report import Blank, Report

__all__ = ["DialogueResult", "FieldCount", "answer_question", "field_group", "run_dialogue", "same_value"]

MAX_FOLLOWUPS = 15
AUTHOR = "评测"


@dataclass
class FieldCount:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: FieldCount) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class DialogueResult:
    id: str
    level: str
    situations: tuple[str, ...]
    source: str
    script_turns: int
    followups: int = 0
    complete: bool = False
    stuck_on: str | None = None  # the question that came back unanswered
    errors: list[str] = field(default_factory=list)  # wrong or missed fields at the end of the script
    counts: dict[str, FieldCount] = field(default_factory=dict)  # by field (cells: by address)
    parts: dict[str, PartScore] = field(default_factory=dict)
    calls: int = 0
    tokens: int = 0
    prompt_tokens: int = 0
    messages: int = 0  # user messages sent, follow-up answers included
    most_calls_in_a_message: int = 0  # model calls (HTTP requests) made for one user message, at most
    facts: Facts | None = None  # final facts (after the follow-ups)
    report: Report | None = None  # the report the product assembles from them, drafted narrative included

    @property
    def turns(self) -> int | None:
        return self.script_turns + self.followups if self.complete else None


def field_group(name: str) -> str:
    """Per-field rows of the table: named facts by name, cells by table."""
    return name.split(".", 1)[0] if "." in name else name


def _norm_text(s: str) -> str:
    return re.sub(r"[\s。；;，,]+$", "", re.sub(r"\s+", "", str(s)))


def same_value(name: str, got, want) -> bool:
    if got is None or want is None:
        return got is None and want is None
    if isinstance(want, Blank) or isinstance(got, Blank):
        return isinstance(got, Blank) and isinstance(want, Blank)
    spec = spec_of(name)
    if spec is not None and spec.kind == "text":
        a, b = _norm_text(got), _norm_text(want)
        return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85
    if isinstance(want, bool) or isinstance(got, bool) or isinstance(want, str):
        return got == want
    return Decimal(str(got)) == Decimal(str(want))


def score_facts(got: Facts, gold: Facts) -> tuple[dict[str, FieldCount], list[str]]:
    counts: dict[str, FieldCount] = {}
    errors: list[str] = []
    for name in [*FACT_SPECS, *ALL_CELL_ADDRESSES]:
        g, w = got.get(name), gold.get(name)
        c = FieldCount()
        if g is not None and w is not None and same_value(name, g, w):
            c.tp = 1
        else:
            c.fp = int(g is not None)
            c.fn = int(w is not None)
            if c.fp or c.fn:
                errors.append(f"{name}: {g!r} ≠ {w!r}" if c.fp and c.fn else
                              f"{name}: 多出 {g!r}" if c.fp else f"{name}: 缺少")
        counts[name] = c
    return counts, errors


# ---- the simulated staff member ----------------------------------------------------------------
_LEVEL_ANSWERS = {"state_council_dept": "国务院部门", "provincial": "省级机关", "municipal": "市级机关",
                  "county": "县级机关", "township": "乡镇机关"}


def _pending_question(field: str) -> Question:
    """An item left open (跳过) that the assistant does not ask again: the staff member comes
    back to it by name."""
    if field.startswith(("t2.", "t3.", "t4.")):
        table = field.split(".", 1)[0]
        return Question(table, table, "", (field,))
    return Question(field, "", "", (field,))


def _table_answer(table: str, gold: Facts) -> str:
    cells = {a: v for a, v in gold.cells.items() if a.startswith(table + ".")}
    if cells and all(v == 0 for v in cells.values()):
        return "都是0"
    report = assemble_report(gold, Drafts()).report
    return {"t2": t2_tsv, "t3": t3_excel, "t4": t4_blocks_tsv}[table](report)


def answer_question(q: Question, gold: Facts) -> str | None:
    """What a staff member who knows the gold facts would say to one question; None when the
    gold has no answer (the dialogue then stays incomplete)."""
    if q.is_table:
        return _table_answer(q.key, gold)
    spec = FACT_SPECS.get(q.key)
    if spec is None:
        return None
    v = getattr(gold, q.key)
    if v is None:
        return None
    if spec.kind == "level":
        return _LEVEL_ANSWERS[v]
    if spec.kind == "year":
        return f"{v}年度"
    if spec.kind == "bool":
        if q.key == "fee_charged":
            return "收取了信息处理费" if v else "没有收取信息处理费"
        return ("已公开" if v else "未公开") if q.key == "proposals_published" else ("是" if v else "否")
    if spec.kind in ("count", "money_yuan", "percent"):
        n = Decimal(str(v))
        n_text = str(int(n)) if n == n.to_integral_value() else format(n.normalize(), "f")
        return f"{n_text}{spec.unit}"
    return str(v)


# ---- one dialogue ----------------------------------------------------------------------------
def _calls(log: CallLog, start: int) -> tuple[int, int, int]:
    """(HTTP requests, tokens, prompt tokens) of the calls logged after row ``start``."""
    rows = log.rows()[start:]
    # a row is one call; its HTTP requests (retries and re-asks) are what a provider bills
    return (sum(r["attempt"] or 1 for r in rows),
            sum((r["input_tokens"] or 0) + (r["output_tokens"] or 0) for r in rows),
            sum(r["input_tokens"] or 0 for r in rows))


def _model_calls(log: CallLog, start: int) -> int:
    # rule-engine rows are not requests to a model
    return sum(r["attempt"] or 1 for r in log.rows()[start:] if r["engine"] != "offline")


def run_dialogue(d: Dialogue, store: Store, model: Model, log: CallLog, *, draft: bool = True) -> DialogueResult:
    service = DialogueService(store, model)
    res = DialogueResult(d.id, d.level, d.situations, d.source, d.messages)
    before = len(log.rows())
    draft_id = service.start(AUTHOR).id

    def say(message: str) -> None:
        start = len(log.rows())
        service.handle(draft_id, AUTHOR, message)
        res.messages += 1
        res.most_calls_in_a_message = max(res.most_calls_in_a_message, _model_calls(log, start))

    for step in d.steps:
        if isinstance(step, str):
            say(step)
        else:
            service.import_previous(draft_id, AUTHOR, step)
    res.counts, res.errors = score_facts(service.facts(draft_id), d.gold)

    asked: dict[str, int] = {}
    while res.followups < MAX_FOLLOWUPS:
        p = service.plan(draft_id)
        if p.complete:
            res.complete = True
            break
        q = p.questions[0] if p.questions else (_pending_question(p.pending[0]) if p.pending else None)
        reply = answer_question(q, d.gold) if q else None
        if reply is not None and q is not None and not p.questions and not q.is_table:
            reply = f"{FACT_SPECS[q.key].label}：{reply}"
        asked[q.key if q else ""] = asked.get(q.key if q else "", 0) + 1
        if reply is None or asked[q.key] > 2:  # type: ignore[union-attr]
            res.stuck_on = q.key if q else "（无问题）"
            break
        say(reply)
        res.followups += 1
    else:
        res.complete = service.plan(draft_id).complete
    res.facts = service.facts(draft_id)
    if res.complete and draft:
        service.draft_narrative(draft_id, AUTHOR)
        for part, version in store.narrative(draft_id).items():
            res.parts[part] = score_part(part, version.text, res.facts)
        res.report = service.report(draft_id).report
    res.calls, res.tokens, res.prompt_tokens = _calls(log, before)
    return res
