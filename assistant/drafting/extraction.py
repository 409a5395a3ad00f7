"""Grounded extraction: one user message → a checked patch → new facts.

The model (either engine) proposes a ``Patch``; ``check_patch`` keeps only what is grounded in
the message; the accepted ops are applied to a copy of the facts. A failed model call raises an
``LLMError`` with a Chinese message and the caller's facts stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.drafting.factsheet import field_catalogue, known_facts_lines
from assistant.drafting.grounding import apply_patch, check_patch
from assistant.llm.prompts import load_prompt
from assistant.llm.types import ChatMessage, LLMRequest, LLMResponse, Model
from schemas.facts import Facts
from schemas.patches import Patch, PatchResult

__all__ = ["Extraction", "extract"]


@dataclass(frozen=True, slots=True)
class Extraction:
    facts: Facts  # the facts with the accepted ops applied (a new object)
    result: PatchResult  # accepted ops and rejections with their Chinese reasons
    proposed: Patch  # what the model proposed, before the check
    response: LLMResponse


def extract(message: str, facts: Facts, model: Model, *, topic: str | None = None,
            recent: tuple[str, ...] = ()) -> Extraction:
    """Facts from ``message``, checked against it. ``topic`` is the field or table the dialogue
    just asked about (e.g. ``"t3"``), which lets "全部为0" mean that table."""
    prompt = load_prompt("extract")
    request = LLMRequest(
        task="extract",
        prompt_version=prompt.full_version,
        system=prompt.render("system", fields=field_catalogue()),
        messages=(ChatMessage("user", prompt.render(
            "user", known=known_facts_lines(facts), topic=topic or "（无）", message=message)),),
        schema=Patch,
        inputs={"message": message, "facts": facts, "topic": topic, "recent": recent},
    )
    response = model.complete(request)
    proposed = response.parsed if isinstance(response.parsed, Patch) else Patch()
    result = check_patch(proposed, message)
    return Extraction(apply_patch(facts, result.accepted), result, proposed, response)
