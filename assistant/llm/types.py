"""The model seam: one request type, one response type, one method.

Both engines (an OpenAI-compatible endpoint through LangChain, and the offline rule engine)
implement ``Model.complete``. A request carries the rendered prompt for the LLM and, in
``inputs``, the structured inputs it was rendered from, so the offline engine can work from the
same request without parsing prose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel

__all__ = ["ChatMessage", "LLMRequest", "LLMResponse", "Model", "Usage"]


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Literal["user", "assistant"]
    content: str


@dataclass(frozen=True, slots=True)
class LLMRequest:
    task: str  # "extract", "draft.p1.active", "repair.p5", "revise.p6.2" …
    prompt_version: str  # e.g. "draft.p1.active/1+style/1"
    system: str
    messages: tuple[ChatMessage, ...]
    # structured output, validated by pydantic; ``system`` describes its JSON shape with an example,
    # which is all a json_object endpoint gets
    schema: type[BaseModel] | None = None
    stream: bool = False
    on_token: Callable[[str], None] | None = None  # called with each streamed piece of text
    max_tokens: int | None = None
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Usage:
    """Tokens as the provider's ``usage`` reports them. ``cached_tokens`` are the part of the input
    served from the provider's prompt cache (billed lower); ``reasoning_tokens`` the part of the
    output spent thinking (billed, never shown)."""

    input_tokens: int = 0
    output_tokens: int = 0
    cached_tokens: int = 0
    reasoning_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(self.input_tokens + other.input_tokens, self.output_tokens + other.output_tokens,
                     self.cached_tokens + other.cached_tokens, self.reasoning_tokens + other.reasoning_tokens)


@dataclass(frozen=True, slots=True)
class LLMResponse:
    text: str  # the answer as text (for structured output: the raw JSON or tool arguments)
    parsed: BaseModel | None = None  # set when the request had a schema
    usage: Usage = Usage()
    model: str = ""
    latency_ms: int = 0
    attempts: int = 1  # HTTP attempts, retries included
    reasks: int = 0  # re-asks after invalid structured output
    prompt_version: str = ""  # set when the engine used other text than the request's (offline templates)


@runtime_checkable
class Model(Protocol):
    """One method. ``engine`` and ``name`` identify it in the call log."""

    engine: str  # "openai-compatible" or "offline"
    name: str  # model name as configured ("offline" for the rule engine)

    def complete(self, request: LLMRequest) -> LLMResponse: ...
