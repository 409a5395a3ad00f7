"""Answers to the questions staff ask about the format, from ``prompts/guide.toml``."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

__all__ = ["guide_answer"]


@functools.lru_cache(maxsize=1)
def _guide() -> tuple[frozenset[str], tuple[tuple[tuple[str, ...], str], ...]]:
    data = tomllib.loads(resources.files("prompts").joinpath("guide.toml").read_text(encoding="utf-8"))
    return frozenset(data.get("generic", ())), tuple((tuple(e["when"]), e["answer"].strip()) for e in data["entry"])


def guide_answer(question: str) -> str | None:
    """The guide's answer whose words best match ``question`` (at least two of them, or one long one),
    one of them naming what is asked about: "算不算" alone says only that something is asked."""
    generic, entries = _guide()
    best, score = None, 0.0
    for words, answer in entries:
        hits = [w for w in words if w in question]
        topical = [w for w in hits if w not in generic]
        s = len(hits) + sum(len(w) for w in hits) / 10
        if topical and (len(hits) >= 2 or len(topical[0]) >= 3) and s > score:
            best, score = answer, s
    return best
