"""Normalisation of labels and cells, shared by the table reader and the outline finder.

``norm`` makes two spellings of one label equal (full/half-width, spaces, quotes); ``label_key``
also drops ordinal markers (一、 （一） 1. 1、 1．) so that a label split over cells or written with
another marker style still matches the official one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from schemas import labels as L

__all__ = [
    "EMPTY", "JUNK", "LABEL", "MARK", "NUM", "bigrams", "cell_kind", "ends_sentence", "is_number", "label_key",
    "norm", "similarity",
]

_WS = re.compile(r"[\s\u200b\ufeff]+")
_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
_ORDINAL = re.compile(
    r"\([一二三四五六七八九十\d]{1,3}\)"  # (一) (1)  — after NFKC, （） are ()
    r"|[一二三四五六七八九十]{1,3}[、.]"  # 一、 一.
    r"|(?<![\d.])\d{1,2}[.、](?!\d)"  # 1. 1、 (not 1.5)
)
_LEVEL_SEPARATORS = re.compile(r"[/|]")
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# A cell in a number's place that is not one: "12件", "1.5.0", "O", "?" (never a label: labels have words)
_JUNK = re.compile(r"[+-]?\d[\d,.]*\s*(?:件|条|个|次|项|份|户|人|家|宗|元|万元|%)|[^\u4e00-\u9fff]{1,4}")
_ORDINAL_ONLY = re.compile(r"\(?\d{1,2}[.、)]?\)?|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]")
_BLANK_NORMS = frozenset(unicodedata.normalize("NFKC", m) for m in L.BLANK_MARKERS if m)

EMPTY, NUM, MARK, LABEL, JUNK = 0, 1, 2, 3, 4

_SENTENCE_END = frozenset("。！？!?；;：:…")
_CLOSERS = frozenset("）)】]")
_QUOTE_CLOSERS = frozenset("”’」』\"")


@lru_cache(maxsize=8192)
def norm(s: str) -> str:
    """Full-width → half-width, no whitespace, no quotes."""
    return _QUOTES.sub("", _WS.sub("", unicodedata.normalize("NFKC", s)))


@lru_cache(maxsize=8192)
def label_key(s: str) -> str:
    """``norm`` without ordinal markers: "（三）不予公开 1. 属于国家秘密" → "不予公开属于国家秘密"."""
    # "/" and "|" only join label levels ("三、本年度办理结果 / （一）予以公开"); no row label has them
    return _ORDINAL.sub("", _LEVEL_SEPARATORS.sub("", norm(s))).rstrip(":")


@lru_cache(maxsize=8192)
def cell_kind(s: str) -> int:
    """EMPTY, NUM (a plain number), MARK (a blank marker such as "/" or "—"), JUNK (something in a
    number's place that is not a number) or LABEL (text)."""
    if not s:
        return EMPTY
    n = norm(s)
    if not n:
        return EMPTY
    if _NUMBER.fullmatch(n):
        return NUM
    if n in _BLANK_NORMS:
        return MARK
    if _JUNK.fullmatch(n) and not _ORDINAL_ONLY.fullmatch(n):
        return JUNK
    return LABEL


def is_number(s: str) -> bool:
    return cell_kind(s) == NUM


def ends_sentence(text: str) -> bool:
    """Whether a paragraph ends where a sentence can end (otherwise a page break cut it)."""
    t = text.rstrip()
    if not t:
        return True
    c = t[-1]
    if c in _SENTENCE_END or c in _CLOSERS:
        return True
    if c in _QUOTE_CLOSERS and len(t) > 1:
        return t[-2] in _SENTENCE_END
    return False


def bigrams(s: str) -> frozenset[str]:
    n = norm(s)
    return frozenset(n[i:i + 2] for i in range(len(n) - 1)) if len(n) > 1 else frozenset((n,))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two bigram sets."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)
