"""The ledger vocabulary (``prompts/ledger_vocabulary.toml``), read once, as matchers.

Nothing here knows a word: headers, applicant types, outcome wording and review results are all in
the data file. Words are compared after ``norm``: NFKC (full-width letters and digits become
half-width), without spaces, punctuation or brackets.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Phrases", "Vocabulary", "norm", "vocabulary"]

_DROP = re.compile(r"[\s\u3000\"'“”‘’《》<>〈〉「」『』【】\[\](){}（）、，,。.：:；;!！?？\-—–_~～/\\|·•…*＊#＃=+]+")


def norm(text: object) -> str:
    """A value or header as compared: NFKC, no spaces, punctuation or brackets."""
    if text is None:
        return ""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(text)))


class Phrases:
    """Words that name keys (a row, a column, a role): the longest words first, non-overlapping."""

    def __init__(self, table: dict[str, list[str]]):
        pairs = {(norm(w), key) for key, words in table.items() for w in words if norm(w)}
        self.pairs: tuple[tuple[str, str], ...] = tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1])))
        self.exact: dict[str, str] = {}
        for word, key in self.pairs:
            self.exact.setdefault(word, key)
        self._cache: dict[str, tuple[tuple[str, str], ...]] = {}

    def find(self, text: str) -> tuple[tuple[str, str], ...]:
        """(word, key) of every word found in ``text`` (normalised), longer words first; a word inside
        a longer one already found is not found again (不予公开 is not also 公开)."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        taken = [False] * len(text)
        found: list[tuple[str, str]] = []
        for word, key in self.pairs:
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                if not any(taken[start:end]):
                    found.append((word, key))
                    for i in range(start, end):
                        taken[i] = True
                start = text.find(word, start + 1)
        out = tuple(found)
        if len(self._cache) < 50_000:
            self._cache[text] = out
        return out

    def keys(self, text: str) -> set[str]:
        return {k for _, k in self.find(text)}


@dataclass(frozen=True)
class Vocabulary:
    headers: dict[str, tuple[str, ...]]  # role → header words (applications ledger)
    review_headers: dict[str, tuple[str, ...]]
    applicant_types: Phrases
    name_orgs: Phrases  # organisation words in a name → column
    person_suffixes: tuple[str, ...]
    person_masks: tuple[str, ...]
    surnames: tuple[str, ...]  # longest first
    org_endings: tuple[str, ...]  # a short name ending so is a place or a body, not a person
    pending: Phrases
    outcomes: Phrases  # leaf rows ("granted", "withheld.state_secret" …) and groups ("group:withheld")
    carry: Phrases
    fee: Phrases
    review_kinds: Phrases
    review_results: Phrases


@cache
def vocabulary() -> Vocabulary:
    raw = resources.files("prompts").joinpath("ledger_vocabulary.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    names = data["applicant_names"]
    outcomes = dict(data["outcomes"]["rows"])
    outcomes.update({f"group:{g}": words for g, words in data["outcomes"]["groups"].items()})
    return Vocabulary(
        headers={k: tuple(v) for k, v in data["headers"].items()},
        review_headers={k: tuple(v) for k, v in data["review_headers"].items()},
        applicant_types=Phrases(data["applicant_types"]),
        name_orgs=Phrases({k: v for k, v in names.items()
                           if k not in ("person_suffixes", "person_masks", "surnames", "org_endings")}),
        person_suffixes=tuple(norm(w) for w in names["person_suffixes"]),
        person_masks=tuple(w for w in names["person_masks"]),
        surnames=tuple(sorted(names["surnames"], key=len, reverse=True)),
        org_endings=tuple(names["org_endings"]),
        pending=Phrases({"pending": data["outcomes"]["pending"]}),
        outcomes=Phrases(outcomes),
        carry=Phrases(data["carry"]),
        fee=Phrases(data["fee"]),
        review_kinds=Phrases(data["review_kinds"]),
        review_results=Phrases(data["review_results"]),
    )
