"""What a model's answer says, whatever shape the provider gave it.

Providers differ in where they put an answer and what they wrap around it: reasoning in a
``<think>`` block of the content (Qwen3 or DeepSeek-R1 served without a reasoning parser), JSON
inside a Markdown fence or between two sentences of prose, one object split over two tool calls.
These functions take the answer out; nothing here guesses a value.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["ThinkFilter", "json_answer", "looks_refused", "merge_tool_args", "strip_reasoning"]

_THINK_BLOCK = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.S | re.I)
_THINK_OPEN = re.compile(r"^\s*<(think|thinking|reasoning)>", re.I)
_THINK_CLOSE = re.compile(r"</(?:think|thinking|reasoning)>", re.I)
_FENCE = re.compile(r"```[A-Za-z]*[ \t]*\n?(.*?)```", re.S)

# A refusal instead of an answer: a short reply that opens with an apology or a "cannot".
_REFUSAL = re.compile(
    r"^\s*(抱歉|对不起|很抱歉|非常抱歉|我无法|我不能|无法提供|不能提供|作为(一个)?(AI|人工智能)"
    r"|I'?m sorry|I am sorry|Sorry|I can(?:no|')t|I am unable|I'm unable|As an AI)", re.I)


def strip_reasoning(text: str) -> str:
    """``text`` without reasoning: whole ``<think>…</think>`` blocks, everything before a closing
    tag whose opening tag the chat template put in the prompt, and an opened block that never
    closed (the model ran out of tokens while thinking: no answer at all)."""
    text = _THINK_BLOCK.sub("", text)
    closes = list(_THINK_CLOSE.finditer(text))
    if closes:
        text = text[closes[-1].end():]
    if _THINK_OPEN.match(text):
        return ""
    return text.strip()


class ThinkFilter:
    """Streamed text with a leading ``<think>`` block held back: what the user may see so far."""

    def __init__(self) -> None:
        self._seen = ""
        self._shown = 0

    def feed(self, piece: str) -> str:
        self._seen += piece
        head = self._seen.lstrip()
        if not head:
            return ""
        opening = "<think>"
        if len(head) < len(opening) and opening.startswith(head.lower()):
            return ""  # might be the start of a think tag
        if _THINK_OPEN.match(head):
            close = _THINK_CLOSE.search(head)
            if close is None:
                return ""
            visible = head[close.end():].lstrip()
        else:
            visible = head
        out = visible[self._shown:] if len(visible) >= self._shown else ""
        self._shown = max(self._shown, len(visible))
        return out


def looks_refused(text: str) -> bool:
    """A short text that refuses instead of answering (never a drafted paragraph that happens to
    contain 抱歉)."""
    return len(text) < 200 and bool(_REFUSAL.match(text))


def json_answer(text: str) -> Any:
    """The JSON value of an answer: the whole text, else a fenced block, else the first complete
    object in the prose. Raises ``ValueError`` (with a Chinese reason) when there is none."""
    text = strip_reasoning(text)
    candidates = [text, *(m.group(1) for m in _FENCE.finditer(text))]
    for c in candidates:
        c = c.strip()
        if not c:
            continue
        try:
            return json.loads(c)
        except ValueError:
            pass
    decoder = json.JSONDecoder()
    for c in candidates:
        for m in re.finditer(r"\{", c):
            try:
                value, _ = decoder.raw_decode(c, m.start())
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
    if not text:
        raise ValueError("回答为空")
    raise ValueError("回答中没有完整的 JSON 对象")


def merge_tool_args(calls: list[str]) -> Any:
    """One object from the argument strings of one or more tool calls: a model that splits its
    entries over two calls of the same function means one answer (lists are joined)."""
    values = [json_answer(c) for c in calls if c and c.strip()]
    if not values:
        raise ValueError("工具调用的参数为空")
    if len(values) == 1:
        return values[0]
    merged: dict[str, Any] = {}
    for v in values:
        if not isinstance(v, dict):
            raise ValueError("工具调用的参数不是 JSON 对象")
        for k, item in v.items():
            if isinstance(item, list) and isinstance(merged.get(k), list):
                merged[k] = [*merged[k], *item]
            elif k not in merged:
                merged[k] = item
    return merged
