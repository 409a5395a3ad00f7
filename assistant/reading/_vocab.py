"""The vocabulary (``prompts/vocabulary.toml``) as matchers: every word → what it names."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

__all__ = ["Anchor", "Vocabulary", "vocabulary"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """A word of the vocabulary found in a text."""

    kind: str  # fact | t2row | t2col | t3row | t3col | t3group | t4block | t4col
    key: str  # the fact name, row, column, group or block
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Vocabulary:
    fact_units: dict[str, tuple[str, ...]]
    words: dict[str, tuple[str, ...]]  # [words] lists: not_counts, part_of, zero, all_zero, rest
    _pattern: re.Pattern[str]
    _names: dict[str, tuple[tuple[str, str], ...]]  # group name → every (kind, key) the word may name

    def anchors(self, text: str) -> list[Anchor]:
        """Every vocabulary word in ``text``, longest first where two overlap, left to right."""
        out = []
        for m in self._pattern.finditer(text):
            group = m.lastgroup
            assert group is not None  # every alternative is a named group
            out += [Anchor(kind, key, m.start(), m.end()) for kind, key in self._names[group]]
        return out


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = tomllib.loads(resources.files("prompts").joinpath("vocabulary.toml").read_text(encoding="utf-8"))
    entries: list[tuple[str, str, str]] = []  # (word, kind, key)
    fact_units: dict[str, tuple[str, ...]] = {}
    for fact, spec in data["facts"].items():
        fact_units[fact] = tuple(spec.get("units", ()))
        entries += [(w, "fact", fact) for w in spec["words"]]
    for kind, section, part in (("t2row", "t2", "rows"), ("t2col", "t2", "columns"), ("t3row", "t3", "rows"),
                                ("t3col", "t3", "columns"), ("t3group", "t3", "groups"),
                                ("t4block", "t4", "blocks"), ("t4col", "t4", "columns")):
        for key, words in data[section][part].items():
            entries += [(w, kind, key) for w in words]
    # one alternation, longest words first: at each position the longest word wins; a word listed
    # under several items (收了: 收费 or 新收) names them all, and the number's unit decides
    meanings: dict[str, list[tuple[str, str]]] = {}
    for word, kind, key in entries:
        meanings.setdefault(word, []).append((kind, key))
    names: dict[str, tuple[tuple[str, str], ...]] = {}
    parts = []
    for i, word in enumerate(sorted(meanings, key=lambda w: -len(w))):
        names[f"w{i}"] = tuple(meanings[word])
        parts.append(f"(?P<w{i}>{re.escape(word)})")
    return Vocabulary(fact_units, {k: tuple(v) for k, v in data["words"].items()}, re.compile("|".join(parts)), names)
