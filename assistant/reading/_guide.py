"""Answers to the questions staff ask about the format, from ``prompts/guide.toml``."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from assistant.reading._review import official_row_refs
from schemas.labels import T3_GROUP_LABELS, T3_GROUP_ROWS, T3_ROW_LABELS

__all__ = ["guide_answer"]


@functools.lru_cache(maxsize=1)
def _guide() -> tuple[frozenset[str], tuple[tuple[tuple[str, ...], str], ...]]:
    data = tomllib.loads(resources.files("prompts").joinpath("guide.toml").read_text(encoding="utf-8"))
    return frozenset(data.get("generic", ())), tuple((tuple(e["when"]), e["answer"].strip()) for e in data["entry"])


def guide_answer(question: str) -> str | None:
    """The guide's answer whose words best match ``question`` (at least two of them, or one long one),
    one of them naming what is asked about: "算不算" alone says only that something is asked. A row of
    table 三 asked about by its official number ("第（四）项第1目是哪一行") is answered with its name."""
    if (rows := official_row_refs(question)) and re.search(r"哪|什么|啥|是指|指的", question):
        names = "、".join(f"“{question[a:b]}”是表三的“{_full(name)}”" for a, b, name in rows)
        return f"{names}。"
    generic, entries = _guide()
    question = re.sub(r"(?<![0-9])123[0-9]{2}(?![0-9])", "12345", question)  # (12333, 12369 …: a hotline like 12345)
    best, score = None, 0.0
    for words, answer in entries:
        hits = [w for w in words if w in question]
        topical = [w for w in hits if w not in generic]
        # (of two as good, the one about what the question tells of first: "…补正材料他一直没回 算部分公开还是…")
        s = len(hits) + sum(len(w) for w in hits) / 10 - min((question.find(w) for w in hits), default=0) / 10_000
        if topical and (len(hits) >= 2 or len(topical[0]) >= 3) and s > score:
            best, score = answer, s
    return best


def _full(name: str) -> str:
    """The official label of the row named ``name`` ("本机关不掌握相关政府信息" → "（四）无法提供 1.本机关不掌握相关政府信息")."""
    for group, rows in T3_GROUP_ROWS.items():
        for label in rows.values():
            if name in label:
                return f"{T3_GROUP_LABELS[group]} {label}"
    return next((label for label in T3_ROW_LABELS.values() if name in label), name)
