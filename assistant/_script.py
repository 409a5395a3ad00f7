"""Traditional characters and pinyin in reports copied from mirror sites: the cheap tests and the
OpenCC conversion, shared by the importer (which reads headings and tables in simplified characters)
and the validator (which reads the narrative in them, while the report keeps what was written)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["PINYIN", "TONE_MARKS", "has_traditional", "holds_traditional", "needs", "t2s", "t2s_same_length"]

# Frequent traditional-only characters of these reports: three different ones make a traditional text.
_TRADITIONAL = frozenset("開報條區縣機關國與業務總體況請處門網據護發於辦經過實這們會時對說從點當應權類數議訟審訊記錄"
                         "單衛環資費書號規範製統計興廣場農鄉鎮級維檔責營質導現題項態")
_MIN_TRADITIONAL = 3
TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
# "報(bào)告": a pinyin syllable (tone-marked, or plain letters) in parentheses right after a character
PINYIN = re.compile(r"(?<=[\u3400-\u9fff])[（(][a-zü" + "".join(sorted(TONE_MARKS)) + r"]{1,7}[)）]")
# one scan for either, the fast path of every simplified report
_ANY = re.compile("[" + "".join(sorted(_TRADITIONAL | TONE_MARKS)) + "]")
_ANY_TRADITIONAL = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # type: ignore[import-untyped, unused-ignore]  # untyped in some releases; only for the rare traditional text

    return opencc.OpenCC("t2s")


def needs(texts: Iterable[str]) -> tuple[bool, bool]:
    """(traditional, pinyin): whether the texts have either."""
    seen: set[str] = set()
    pinyin = False
    for t in texts:
        if not _ANY.search(t):
            continue
        if len(seen) < _MIN_TRADITIONAL:
            seen |= _TRADITIONAL.intersection(t)
        if not pinyin and not TONE_MARKS.isdisjoint(t):
            pinyin = PINYIN.search(t) is not None
    return len(seen) >= _MIN_TRADITIONAL, pinyin


def has_traditional(text: str) -> bool:
    """A text written in traditional characters (not one quoting a traditional name or two)."""
    return _ANY_TRADITIONAL.search(text) is not None and len(_TRADITIONAL.intersection(text)) >= _MIN_TRADITIONAL


def holds_traditional(text: str) -> bool:
    """Any frequent traditional character: a chat message is too short for ``has_traditional``'s three
    ("剛才說的行政處罰…錯了" holds two of them)."""
    return _ANY_TRADITIONAL.search(text) is not None


def t2s(text: str) -> str:
    return _converter().convert(text) if text else text


def t2s_same_length(text: str) -> str:
    """``text`` in simplified characters, position for position (so spans found in it point into the
    original): where a phrase conversion changes the length, character by character instead."""
    out = t2s(text)
    if len(out) == len(text):
        return out
    conv = _converter().convert
    return "".join(c if len(c := conv(ch)) == 1 else ch for ch in text)
