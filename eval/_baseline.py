"""The baseline: the configured model writes the whole report from the facts in one prompt
(``prompts/eval_baseline.txt``); the answer is imported with the text importer and scored with the
same measures as the pipeline's report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assistant.drafting import Drafts, assemble_report
from assistant.drafting.factsheet import fmt
from assistant.errors import ReportAssistantError
from assistant.importing import parse_text
from assistant.llm import ChatMessage, LLMError, LLMRequest, Model, load_prompt
from assistant.validation import validate
from eval._faithfulness import PartScore, score_part
from schemas import labels as L
from schemas.facts import FACT_SPECS, Facts
from schemas.layout import ALL_CELL_ADDRESSES, cell_label, get_cell, iter_narrative
from schemas.report import Blank, Report

__all__ = ["ReportScore", "facts_sheet", "run_baseline", "score_report"]


@dataclass
class ReportScore:
    parts: dict[str, PartScore] = field(default_factory=dict)
    validator_errors: int = 0
    cells_correct: int = 0
    cells_total: int = 0
    calls: int = 0
    tokens: int = 0
    prompt_tokens: int = 0
    failed: str | None = None  # why no report came back (Chinese)


def facts_sheet(facts: Facts) -> str:
    """Every fact as one "标签：值" line; every cell by its official label."""
    lines = []
    for name, spec in FACT_SPECS.items():
        v = getattr(facts, name)
        if v is None:
            continue
        if spec.kind == "level":
            v = L.AGENCY_LEVEL_LABELS[v]
        unit = spec.unit if spec.kind in ("count", "money_yuan", "percent") else ""
        lines.append(f"{spec.label}：{fmt(v)}{unit}")
    for a in ALL_CELL_ADDRESSES:
        v = facts.cells.get(a)
        if v is not None:
            lines.append(f"{cell_label(a)}：{v.blank if isinstance(v, Blank) else fmt(v)}")
    return "\n".join(lines)


def _part_name(report: Report, address: str) -> str | None:
    if address.startswith("p6."):
        i = int(address[3:])
        return f"p6.{report.part6[i].key}" if i < len(report.part6) and report.part6[i].key else None
    return address if address.startswith("p1.") or address == "p5" else None


def score_report(report: Report, facts: Facts) -> ReportScore:
    """The measures shared by the pipeline and the baseline, on a whole report."""
    s = ReportScore()
    texts = {}
    for address, text in iter_narrative(report):
        part = _part_name(report, address)
        if part:
            texts[part] = text
    for part, text in texts.items():
        s.parts[part] = score_part(part, text, facts)
    s.validator_errors = sum(f.severity == "error" for f in validate(report))
    want = assemble_report(facts, Drafts()).report
    for a in ALL_CELL_ADDRESSES:
        w, g = get_cell(want, a), get_cell(report, a)
        s.cells_total += 1
        same = (isinstance(w, Blank) and isinstance(g, Blank)) or (
            not isinstance(w, Blank) and g is not None and not isinstance(g, Blank) and Decimal(g) == Decimal(w))
        s.cells_correct += int(same)
    return s


def run_baseline(facts: Facts, model: Model) -> ReportScore:
    prompt = load_prompt("eval_baseline")
    values = dict(agency=facts.agency_name or "本机关", year=facts.report_year or "本")
    request = LLMRequest(
        task="eval.baseline", prompt_version=prompt.full_version,
        system=prompt.render("system", **values),
        messages=(ChatMessage("user", prompt.render("user", facts=facts_sheet(facts))),),
        max_tokens=8192, inputs={"facts": facts},
    )
    try:
        response = model.complete(request)
    except LLMError as exc:
        return ReportScore(failed=f"基线模型调用失败：{exc}", calls=1)
    try:
        report = parse_text(response.text)
    except ReportAssistantError as exc:
        return ReportScore(failed=f"基线报告无法导入：{exc}", calls=1)
    s = score_report(report, facts)
    s.calls = response.attempts + response.reasks
    s.tokens = response.usage.input_tokens + response.usage.output_tokens
    s.prompt_tokens = response.usage.input_tokens
    return s
