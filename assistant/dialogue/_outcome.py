"""What a turn did, before it is recorded: the reply's lines, the changes, the plan after it; and
the reply's standard pieces (next questions, derived values, open items)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.dialogue._confirm import change_lines
from assistant.dialogue._planner import Plan, clash_lines, describe_fields
from assistant.storage import ChangeSet, FactChange, NarrativeDraft
from schemas.report import Report

__all__ = ["Outcome", "derived_lines", "open_items", "question_lines"]


@dataclass(slots=True)
class Outcome:
    lines: list[str]
    plan: Plan  # the plan once the turn is recorded
    changes: list[FactChange] = field(default_factory=list)  # chat changes
    extra: list[ChangeSet] = field(default_factory=list)  # import, derivation
    rejections: list[str] = field(default_factory=list)
    refused: bool = False
    undo: bool = False
    previous_report: tuple[Report, str] | None = None
    narratives: list[NarrativeDraft] = field(default_factory=list)
    ask: bool = True  # end with the next questions
    drafted: bool = False  # the draft has narrative text already: the next step is reading it, not drafting

    @property
    def text(self) -> str:
        """The reply: the lines, then the next questions; no empty line (the terminal protocol)."""
        questions = question_lines(self.plan, drafted=self.drafted) if self.ask else []
        return "\n".join(line for line in [*self.lines, *questions] if line.strip())


def question_lines(p: Plan, *, drafted: bool = False) -> list[str]:
    if p.complete and p.clashes:
        # not "全部齐全": a draft made now would carry numbers that contradict each other
        return ["必填内容都已说到，但" + clash_lines(p)[0], *clash_lines(p)[1:],
                "更正后再说“生成初稿”（网页上点“起草全部正文”）。" if not drafted else "更正后说“生成初稿”重新起草。"]
    if p.complete and drafted:
        return ["必填内容已经全部齐全，正文也已起草。下一步：核对全文（网页上看右侧“报告预览”，这里也可以说“看看初稿”），"
                "无误后提交审核；刚补充或更正的内容要写进正文的，说“生成初稿”（网页上点“起草全部正文”）重新起草"
                "（有人改过或锁定的部分不会被替换）。"]
    if p.complete:
        extra = f"（还可以补充：{'、'.join(describe_fields(p.optional))}。）" if p.optional else ""
        return [f"必填内容已经全部齐全，说“生成初稿”（网页上点“起草全部正文”）即可起草报告正文。{extra}"]
    if not p.questions:
        return ["其余内容都已记录，只剩待定的：" + "、".join(describe_fields(p.pending)) + "。想好了直接告诉我即可。"]
    if len(p.questions) == 1:
        lines = ["接下来：" + p.questions[0].text]
    else:
        lines = ["接下来："] + [f"{i}. {q.text}" for i, q in enumerate(p.questions, 1)]
    if p.hint:
        lines.append(p.hint)
    return lines


def open_items(p: Plan) -> tuple[str, ...]:
    return tuple(describe_fields(p.missing)) + tuple(f"{d}（待定）" for d in describe_fields(p.pending))


def derived_lines(changes: list[FactChange], old: dict[str, Any]) -> list[str]:
    """Derived values by the reason they follow, and derivations that no longer hold."""
    by_reason: dict[str, list[FactChange]] = {}
    for ch in changes:
        by_reason.setdefault(ch.quote, []).append(ch)
    out = []
    # (many cells that can only be 0 by several reasons: one line, not a wall of "推算…均为0" no one reads)
    zeros = {reason: sets for reason, chs in by_reason.items()
             if (sets := [c for c in chs if c.state == "set"]) and all(_is_zero(c.value) for c in sets)}
    folded = zeros if len(zeros) >= _FOLD_ZERO_GROUPS else {}
    for reason, chs in by_reason.items():
        sets = [c for c in chs if c.state == "set"]
        cleared = [c.field for c in chs if c.state == "cleared"]
        if sets and reason not in folded:
            out.append(f"- 推算（{reason}）：{'；'.join(change_lines(sets, old))}")
        if cleared:
            out.append(f"- 不再推算（{reason}）：{'、'.join(describe_fields(cleared))}")
    if folded:
        cells = [c for sets in folded.values() for c in sets]
        example = describe_fields([cells[0].field])[0]
        out.append(f"- 推算：另有{len(cells)}格由已说的数推出只能为0（如{example}），已一并填入。")
    return out


_FOLD_ZERO_GROUPS = 3


def _is_zero(value: Any) -> bool:
    return not isinstance(value, bool) and str(value).strip() in ("0", "0.0", "0.00")
