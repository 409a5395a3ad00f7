"""Extraction for the offline engine: the deterministic reader (``assistant.reading``) as a patch.

It proposes a ``Patch`` exactly as a model would; the same grounding check then decides. Every
quote is a verbatim slice of the message, and every number is the one written in it.
"""

from __future__ import annotations

from assistant.drafting import derive_cells
from assistant.reading import read_message
from schemas.facts import Facts
from schemas.patches import Patch, PatchOp

__all__ = ["offline_patch"]


def known_fields(facts: Facts | None) -> set[str]:
    """Fields and cells that have a value: stated, or derived from stated ones."""
    if facts is None:
        return set()
    named = {k for k, v in facts.model_dump(exclude={"cells", "pending", "quotes"}).items() if v is not None}
    return named | set(facts.cells) | set(derive_cells(facts))


def offline_patch(message: str, topic: str | None = None, facts: Facts | None = None,
                  recent: tuple[str, ...] = ()) -> Patch:
    """The facts in ``message`` as a patch (not yet checked). ``topic``: the field or table just
    asked about, which a bare answer ("5件", "不清楚", "都是0") refers to; ``facts``: what is known
    already (a blanket zero only fills what has no value); ``recent``: the tables the message before
    filled."""
    return Patch(ops=_dedupe(read_message(message, topic=topic, known=known_fields(facts),
                                             earlier=facts.cells if facts else None,
                                             report_year=facts.report_year if facts else None,
                                             recent=recent).ops))


def _dedupe(ops: list[PatchOp]) -> list[PatchOp]:
    seen: set[tuple] = set()
    out = []
    for op in ops:
        key = (op.field, str(op.value), op.op)
        if key not in seen:
            seen.add(key)
            out.append(op)
    return out
