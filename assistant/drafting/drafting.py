"""Grounded drafting: each narrative part from the facts alone, every number checked after.

A draft whose numbers are not all grounded gets one automatic repair round that names them; what
is still ungrounded after that is flagged on the part (rule G1, a warning), as are Markdown
symbols and English words (G2). A flagged part cannot be exported until an editor acknowledges it.
"""

from __future__ import annotations

import contextvars
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor

from pydantic import BaseModel, ConfigDict, Field

from assistant.drafting.factsheet import part_fact_lines, part_has_facts
from assistant.drafting.numbercheck import NumberViolation, check_numbers, style_problems
from assistant.errors import ReportAssistantError
from assistant.llm.errors import LLMCancelledError, LLMError
from assistant.llm.prompts import load_prompt
from assistant.llm.types import ChatMessage, LLMRequest, Model
from assistant.numbers import NumberMention, find_numbers
from schemas import labels as L
from schemas.facts import Facts, fact_label
from schemas.findings import Finding, Location

__all__ = [
    "PARTS", "DraftedPart", "Drafts", "UnacknowledgedFlagsError", "draft_all", "draft_part",
    "part_address", "part_title", "revise_part",
]

_CANCELLED = "已按您的要求停止起草。"

P1_PARTS = tuple(f"p1.{k}" for k in L.P1_SUBPART_TITLES)
P6_PARTS = tuple(f"p6.{k}" for k in L.P6_ITEM_TITLES)
PARTS: tuple[str, ...] = (*P1_PARTS, "p5", *P6_PARTS)


def part_address(part: str) -> str:
    """The layout address of a part: ``p6.fees`` → ``p6.0``; others are the same."""
    if part.startswith("p6."):
        return f"p6.{list(L.P6_ITEM_TITLES).index(part[3:])}"
    return part


def part_title(part: str) -> str:
    if part.startswith("p1."):
        key = part[3:]
        return f"（{L.CN_ORDINALS[list(L.P1_SUBPART_TITLES).index(key)]}）{L.P1_SUBPART_TITLES[key]}"
    if part.startswith("p6."):
        key = part[3:]
        return f"（{L.CN_ORDINALS[list(L.P6_ITEM_TITLES).index(key)]}）{L.P6_ITEM_TITLES[key]}"
    return f"{L.PART_NUMERALS[part]}、{L.PART_TITLES[part]}"


def _prompt_name(part: str) -> str:
    return "draft_" + part.replace(".", "_")


class UnacknowledgedFlagsError(ReportAssistantError):
    """Export refused: some drafted parts carry flags nobody acknowledged."""


class DraftedPart(BaseModel):
    model_config = ConfigDict(extra="forbid")
    part: str  # "p1.active", "p5", "p6.fees"
    text: str
    flags: list[Finding] = Field(default_factory=list)
    acknowledged: bool = False
    repaired: bool = False  # an automatic repair round ran
    prompt_version: str = ""
    model: str = ""

    @property
    def address(self) -> str:
        return part_address(self.part)

    @property
    def needs_acknowledgment(self) -> bool:
        return bool(self.flags) and not self.acknowledged


class Drafts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    parts: dict[str, DraftedPart] = Field(default_factory=dict)
    # parts that could not be drafted this time → the Chinese reason; their previous version stands
    failed: dict[str, str] = Field(default_factory=dict)

    def text(self, part: str) -> str:
        d = self.parts.get(part)
        return d.text if d else ""

    def acknowledge(self, part: str) -> None:
        self.parts[part].acknowledged = True

    def findings(self) -> list[Finding]:
        """Every flag of every part that is not acknowledged here, as warnings (rules G1, G2) the
        export gate can list and acknowledge by key like any other warning."""
        return [f for d in self.parts.values() if not d.acknowledged for f in d.flags]

    def unacknowledged(self) -> list[DraftedPart]:
        return [d for d in self.parts.values() if d.needs_acknowledgment]

    def ensure_exportable(self) -> None:
        """Raise ``UnacknowledgedFlagsError`` (Chinese) when a flagged part is not acknowledged."""
        pending = self.unacknowledged()
        if pending:
            names = "、".join(part_title(d.part) for d in pending)
            raise UnacknowledgedFlagsError(
                f"以下部分有待核实的问题尚未确认，不能导出：{names}。请逐项核实并确认后再导出。")


def _flags(part: str, text: str, violations: list[NumberViolation], facts: Facts) -> list[Finding]:
    address = part_address(part)
    out = [Finding(rule="G1", severity="warning", location=Location(address=address, span=(v.start, v.end)),
                   message=_violation_message(v))
           for v in violations]
    out += [Finding(rule="G2", severity="warning", location=Location(address=address, span=(s, e)),
                    message=f"{reason}。") for s, e, reason in style_problems(text, facts)]
    return out


# a first draft speaks of the agency in the third person (本局, never 我局); an editor's revision may
# choose otherwise, so only drafts are put right
_THIRD_PERSON = (("我们单位", "本单位"), ("我们局", "本局"), ("我单位", "本单位"), ("我局", "本局"), ("我委", "本委"),
                 ("我厅", "本厅"), ("我办", "本办"), ("我们", "本机关"), ("咱们", "本机关"))


def _third_person(text: str) -> str:
    for a, b in _THIRD_PERSON:
        text = text.replace(a, b)
    return text


_LEADING_TITLE = re.compile(r"^\s*(?:[（(][一二三四五六七][）)])?\s*")


def _clean(part: str, text: str) -> str:
    """Strip whitespace and a repeated sub-title the model may put in front."""
    text = text.strip()
    if part == "p5":
        return text
    title = L.P1_SUBPART_TITLES.get(part[3:]) or L.P6_ITEM_TITLES.get(part[3:], "")
    head = _LEADING_TITLE.sub("", text, count=1)
    if title and head.startswith(title):
        return head[len(title):].lstrip("。．.：:， \n")
    return text


def _meaning_note(v: NumberViolation) -> str:
    """What the fact with this value is: "事实中的148是“门户网站主动公开政务信息”（以“条”计）"."""
    assert v.meant is not None
    label, unit = v.meant
    return f"事实中的{v.value}是“{fact_label(label)}”" + (f"（以“{unit}”计）" if unit != "*" else "")


def _violation_message(v: NumberViolation) -> str:
    if v.meant is not None:
        return f"数字“{v.text}”的含义与事实不符：{_meaning_note(v)}，请核实或删除。"
    return f"数字“{v.text}”在工作人员提供的事实和表格中找不到依据，请核实或删除。"


def _violation_lines(violations: list[NumberViolation]) -> str:
    # what is wrong with each number, never which other number to use instead
    return "\n".join(f"- “{v.text}”（第{v.start + 1}字起）："
                     + (f"{_meaning_note(v)}，这里不能用它" if v.meant else "事实中没有这个数字") for v in violations)


def _given_by(v: NumberViolation, given: list[NumberMention]) -> bool:
    """The number is one a person wrote (in the instruction or the text being revised): the same
    value, under the same measure word when both have one."""
    found = find_numbers(v.text)
    unit = found[0].unit if found else ""
    return any(m.value == v.value and (m.unit == unit or not m.unit or not unit) for m in given)


def _finish(part: str, text: str, facts: Facts, model: Model, version: str, on_token,
            given: list[NumberMention] | None = None) -> DraftedPart:
    """Check the numbers; one repair round if needed; flag what remains. ``given``: numbers a person
    wrote, accepted as they are (a revision's instruction and the text it started from)."""
    def check(t: str) -> list[NumberViolation]:
        return [v for v in check_numbers(t, facts) if not (given and _given_by(v, given))]

    violations = check(text)
    repaired = False
    if violations:
        prompt = load_prompt("repair")
        facts_text = part_fact_lines(part, facts)
        response = model.complete(LLMRequest(
            task=f"repair.{part}", prompt_version=prompt.full_version,
            system=prompt.render("system", part_title=part_title(part)),
            messages=(ChatMessage("user", prompt.render(
                "user", facts=facts_text, text=text, violations=_violation_lines(violations))),),
            stream=on_token is not None, on_token=on_token,
            inputs={"part": part, "text": text, "facts": facts,
                    "violations": [v.text for v in violations]},
        ))
        text = _clean(part, response.text)
        version = f"{version}+{response.prompt_version or prompt.full_version}"
        violations = check(text)
        repaired = True
    return DraftedPart(part=part, text=text, flags=_flags(part, text, violations, facts), repaired=repaired,
                       prompt_version=version, model=model.name)


def draft_part(part: str, facts: Facts, model: Model, *,
               on_token: Callable[[str], None] | None = None, previous: str | None = None,
               standard: Model | None = None) -> DraftedPart:
    """Draft one narrative part (``p1.active`` … ``p5`` … ``p6.fees``) from ``facts`` alone.

    ``previous``: last year's text of the same part, given to the model as background only; its
    numbers are not facts, so the number check flags any that reach the draft. ``standard``: the
    engine that writes a part staff gave no facts for (the offline templates' standard sentence):
    there is nothing for a model to write, and a model asked anyway pads.
    """
    if part not in PARTS:
        raise KeyError(part)
    if standard is not None and not part_has_facts(part, facts):
        model, on_token = standard, None  # the standard sentence at once: nothing to stream
    prompt = load_prompt(_prompt_name(part))
    values = dict(agency=facts.agency_name or "本机关", year=facts.report_year or "本",
                  part_title=part_title(part), requirements=prompt.render("requirements"),
                  example=prompt.render("example"))
    user = prompt.render("user", facts=part_fact_lines(part, facts), **values)
    version = prompt.full_version
    if previous and previous.strip():
        context = load_prompt("previous_context")
        user = context.render("text", previous=previous.strip()) + "\n\n" + user
        version += f"+{context.id}@{context.version}"
    response = model.complete(LLMRequest(
        task=f"draft.{part}", prompt_version=version,
        system=prompt.render("system", **values),
        messages=(ChatMessage("user", user),),
        stream=on_token is not None, on_token=on_token,
        inputs={"part": part, "facts": facts, "previous": previous},
    ))
    return _finish(part, _third_person(_clean(part, response.text)), facts, model,
                   response.prompt_version or version, on_token)


def draft_all(facts: Facts, model: Model, *,
              on_token: Callable[[str, str], None] | None = None,
              previous: Mapping[str, str] | None = None, parts: Iterable[str] | None = None,
              concurrency: int = 3, standard: Model | None = None,
              cancel: threading.Event | None = None) -> Drafts:
    """Every narrative part (or ``parts``), each on its own, ``concurrency`` at a time.
    ``on_token(part, piece)`` streams the text as it is written; ``previous`` maps a part to last
    year's text of it (background for the model). A part whose call fails is left out of
    ``parts`` and named in ``failed`` with the Chinese reason; the others are kept. Setting
    ``cancel`` stops the parts being written (at their next streamed piece) and those not begun."""
    wanted = [p for p in (PARTS if parts is None else parts) if p in PARTS]
    drafts = Drafts()

    def one(part: str) -> DraftedPart:
        def cb(piece: str) -> None:
            if on_token is not None:
                on_token(part, piece)
            if cancel is not None and cancel.is_set():
                raise LLMCancelledError(_CANCELLED)

        if cancel is not None and cancel.is_set():
            raise LLMCancelledError(_CANCELLED)
        return draft_part(part, facts, model, on_token=cb if (on_token or cancel) else None,
                          previous=(previous or {}).get(part), standard=standard)

    workers = max(1, min(concurrency, len(wanted))) if model.engine != "offline" else 1
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="draft") as pool:
        # each call runs in a copy of this context: the call log keeps the draft and the user
        futures = {part: pool.submit(contextvars.copy_context().run, one, part) for part in wanted}
        for part in wanted:
            try:
                drafts.parts[part] = futures[part].result()
            except LLMError as exc:
                drafts.failed[part] = str(exc)
    return drafts


def revise_part(part: str, text: str, instruction: str, facts: Facts, model: Model, *,
                on_token: Callable[[str], None] | None = None) -> DraftedPart:
    """Rewrite one part by an editor's instruction; the same number check and repair apply to the
    numbers the rewrite brings in. A number the editor wrote in the instruction (补充：全年开展培训2次)
    or that the text already had is the editor's, not the model's: it is accepted (the report-wide
    check still lists a number without a source in the facts). Any other is repaired or flagged."""
    draft_prompt = load_prompt(_prompt_name(part))
    prompt = load_prompt("revise")
    values = dict(agency=facts.agency_name or "本机关", part_title=part_title(part),
                  requirements=draft_prompt.render("requirements"))
    response = model.complete(LLMRequest(
        task=f"revise.{part}", prompt_version=prompt.full_version,
        system=prompt.render("system", **values),
        messages=(ChatMessage("user", prompt.render(
            "user", facts=part_fact_lines(part, facts), text=text, instruction=instruction)),),
        stream=on_token is not None, on_token=on_token,
        inputs={"part": part, "text": text, "instruction": instruction, "facts": facts},
    ))
    return _finish(part, _clean(part, response.text), facts, model,
                   response.prompt_version or prompt.full_version, on_token,
                   given=find_numbers(instruction) + find_numbers(text))
