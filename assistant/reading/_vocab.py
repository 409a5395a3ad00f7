"""The vocabulary (``prompts/vocabulary.toml``) as matchers: every word → what it names.

Staff type with a pinyin keyboard, so a word often arrives with one character swapped for another of
the same sound (规张, 规范新文件, 依申情, 复意, 处法, 许克, 诉松, 不与公开). Where no word of the
vocabulary is written as is, a word that sounds the same (pypinyin, toneless, in/ing en/eng an/ang
z/zh c/ch s/sh alike) and differs in at most one character in four is taken as that word."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from pypinyin import Style, lazy_pinyin

from assistant.numbers import parse_number

__all__ = ["ARTICLE_MARK", "Anchor", "Vocabulary", "vocabulary"]

ARTICLE_MARK = "\u2060"  # the brackets of "第三十六条第（四）项", as read: no clause ends inside an article's reference


@dataclass(frozen=True, slots=True)
class Anchor:
    """A word of the vocabulary found in a text."""

    kind: str  # fact | t2row | t2col | t3row | t3col | t3group | t4block | t4col
    key: str  # the fact name, row, column, group or block
    start: int
    end: int


_LOOK_STARTS: dict[int, tuple[dict[str, str], dict[str, tuple[int, ...]]]] = {}


def _look_starts(lookalikes: dict[str, str]) -> dict[str, tuple[int, ...]]:
    """A first character → the lengths (2–8, longest first) of the look-alike words it opens; built once per table."""
    hit = _LOOK_STARTS.get(id(lookalikes))
    if hit is None or hit[0] is not lookalikes:
        starts: dict[str, set[int]] = {}
        for w in lookalikes:
            if 2 <= len(w) <= 8:
                starts.setdefault(w[0], set()).add(len(w))
        hit = _LOOK_STARTS[id(lookalikes)] = (lookalikes, {c: tuple(sorted(ks, reverse=True)) for c, ks in starts.items()})
    return hit[1]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    fact_units: dict[str, tuple[str, ...]]
    words: dict[str, tuple[str, ...]]  # [words] lists: not_counts, part_of, zero, all_zero, rest
    _firsts: dict[str, tuple[int, ...]]  # a first character → the lengths of the words it opens, longest first
    _sounds: dict[tuple[str, ...], tuple[str, ...]]  # the sound of a word → the words of that sound
    _meanings: dict[str, tuple[tuple[str, str], ...]]  # word → every (kind, key) it may name
    _starts: dict[str, tuple[int, ...]]  # a first sound → the lengths of the words it opens, longest first
    dialect: dict[str, str]  # [dialect]: a regional word → the standard word of the same length
    lookalikes: dict[str, str]  # [lookalike]: a word written with a look-alike character → the word
    measures: dict[str, str]  # [lookalike]: a look-alike of a measure word, after a number → the measure word
    _looks: frozenset[str]  # the characters that may be a look-alike

    def as_meant(self, text: str) -> str:
        """``text`` with the words written with a look-alike character (a phone's handwriting input: 甲请,
        目然人, 公幵) as the words meant, position for position; a measure word's look-alike only after a
        number ("6仵", "126朵")."""
        if not _LOOKS.search(text) or self._looks.isdisjoint(text):
            return text
        text = self._as_meant(text)
        return self._as_meant(text) if not self._looks.isdisjoint(text) else text  # (two slips: 部兮公幵)

    def _as_meant(self, text: str) -> str:
        out, i, n = list(text), 0, len(text)
        opens = _look_starts(self.lookalikes)
        while i < n:
            for k in opens.get(text[i], ()):  # (only the lengths of the look-alikes opened by this character)
                if i + k <= n and (word := self.lookalikes.get(text[i:i + k])) is not None:
                    out[i:i + k] = word
                    i += k
                    break
            else:
                # (not after a lone 一: "一朵花")
                if (m := self.measures.get(text[i])) is not None and i and _NUMERAL.match(text[i - 1]) and not (
                        text[i - 1] == "一" and not _NUMERAL.match(text[i - 2:i - 1])):
                    out[i] = m
                i += 1
        return "".join(out)

    def anchors(self, text: str) -> list[Anchor]:
        """Every vocabulary word in ``text``, longest first where two overlap, left to right; then
        words typed with a homophone slip, where no word was found."""
        if self is _VOCABULARY[0]:  # the shipped vocabulary: the same clause is looked at many times a turn
            return list(_anchors_of(text))
        return self._find(text)

    def _find(self, text: str) -> list[Anchor]:
        out = []
        # left to right, the longest word at each position, then on after it: what one alternation of
        # every word, longest first, finds (a regex of ~560 alternatives tried them all at each position,
        # about 2 ms a clause; this looks up only the lengths of the words opened by the character there)
        meanings, firsts = self._meanings, self._firsts
        i, n = 0, len(text)
        while i < n:
            for k in firsts.get(text[i], ()):
                if i + k <= n and (pairs := meanings.get(text[i:i + k])) is not None:
                    out += [Anchor(kind, key, i, i + k) for kind, key in pairs]
                    i += k
                    break
            else:
                i += 1
        if not _HAN.search(text):
            return [a for a in out if a.kind != _NOT_AN_ITEM]
        out = self._extended(text, out)
        slips = self._misspelt(text, out)
        # a one-character word inside a slip ("发" of "处发" for 处罚) was the slip's, not a word
        out = [a for a in out if a.end - a.start > 1 or not any(s.start <= a.start < s.end for s in slips)]
        if any(a.key == "unable.unclear" for a in out):
            # "让他补正了还是说不清要什么": asked to correct it, and still unclear — not the one left uncorrected
            out = [a for a in out if not (a.key == "other_handling.no_correction" and text[a.start:a.end] in _ASKED_TO_CORRECT)]
        return [a for a in out + slips if a.kind != _NOT_AN_ITEM]

    def _extended(self, text: str, found: list[Anchor]) -> list[Anchor]:
        """A word found that opens a longer one typed with a slip after it ("重复申情": 重复申请, not 重复 and
        a slip of 申请): the longer word in its place."""
        out = list(found)
        for a in found:
            k = a.end - a.start
            if k < 2 or a not in out:
                continue
            sounds = [_sound(c) for c in text[a.start:a.start + 8]]
            for n in self._starts.get(sounds[0], ()):
                typed = text[a.start:a.start + n]
                if n <= k or len(typed) < n:
                    continue
                word = next((w for w in self._sounds.get(tuple(sounds[:n]), ()) if w[:k] == typed[:k] and w != typed
                             and 0 < sum(x != y for x, y in zip(w, typed)) <= max(1, n // 4)), None)
                if word is not None:
                    end = a.start + n
                    out = [b for b in out if not (b.start < end and a.start < b.end)] + [
                        Anchor(kind, key, a.start, end) for kind, key in self._meanings[word]]
                    out.sort(key=lambda b: b.start)
                    break
        return out

    def _misspelt(self, text: str, found: list[Anchor]) -> list[Anchor]:
        taken = bytearray(len(text))
        for a in found:
            if a.end - a.start > 1:  # (a one-character word may be part of a slip of a longer one)
                taken[a.start:a.end] = b"\x01" * (a.end - a.start)
        sounds = [_sound(c) for c in text]
        real = self.words.get("not_slips", ())
        out: list[Anchor] = []
        i = 0
        while i < len(text):
            hit = None
            for n in self._starts.get(sounds[i], ()):
                if i + n > len(text) or any(taken[i:i + n]) or text[i:i + n] in real:
                    continue
                for word in self._sounds.get(tuple(sounds[i:i + n]), ()):
                    same = sum(a == b for a, b in zip(word, text[i:i + n]))
                    # a slip on a little word (以 for 已) is the phrase "以公开促落实" in a short one
                    little = any(a != b and b in _LITTLE for a, b in zip(word, text[i:i + n]))
                    if 0 < n - same <= max(1, n // 4) and same > 0 and not (little and n < 4):
                        hit = word
                        break
                if hit:
                    break
            if hit:
                out += [Anchor(kind, key, i, i + len(hit)) for kind, key in self._meanings[hit]]
                i += len(hit)
            else:
                i += 1
        return out


_LOOKS = re.compile(r"[\u4e00-\u9fff]")
_NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万]")


_LITTLE = frozenset("以已与予的地得了和在是有为于之也而及其")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_FUZZY = (("ing", "in"), ("eng", "en"), ("ang", "an"), ("zh", "z"), ("ch", "c"), ("sh", "s"))


@functools.lru_cache(maxsize=16384)
def _sound(ch: str) -> str:
    """One character's sound, toneless, with the finals and initials people confuse made alike."""
    if not "\u4e00" <= ch <= "\u9fff":
        return ch
    s = lazy_pinyin(ch, style=Style.NORMAL)[0]
    for a, b in _FUZZY:
        s = s.replace(a, b)
    return s


_VOCABULARY: list[Vocabulary | None] = [None]


# words of 逾期不补正 that only say a correction was asked for
_ASKED_TO_CORRECT = frozenset({"让他补正", "要他补正", "让补正", "要求补正", "通知补正", "发了补正通知", "补正告知", "补正材料"})


@functools.lru_cache(maxsize=32768)
def _anchors_of(text: str) -> tuple[Anchor, ...]:
    v = _VOCABULARY[0]
    assert v is not None
    return tuple(v._find(text))


def vocabulary() -> Vocabulary:
    v = _VOCABULARY[0]
    if v is None:
        v = _VOCABULARY[0] = _load()
    return v


_NOT_AN_ITEM = "not_an_item"


def _load() -> Vocabulary:
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
    for ref, key in data["t3"].get("articles", {}).items():  # "第三十六条第（四）项": the row its replies go in
        entries += [(w, "t3row", key) for w in _article_forms(ref)]
    # words that hold a word of the report and name nothing of it ("社区矫正": no 社区 applying)
    entries += [(w, _NOT_AN_ITEM, "") for w in data["words"].get("not_items", ())]
    # at each position the longest word wins; a word listed under several items (收了: 收费 or 新收)
    # names them all, and the number's unit decides
    meanings: dict[str, list[tuple[str, str]]] = {}
    for word, kind, key in entries:
        if word:  # (an empty word would be found everywhere)
            meanings.setdefault(word, []).append((kind, key))
    firsts: dict[str, set[int]] = {}
    for word in meanings:
        firsts.setdefault(word[0], set()).add(len(word))
    sounds: dict[tuple[str, ...], list[str]] = {}
    for word in meanings:
        if len(word) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in word):
            sounds.setdefault(tuple(_sound(c) for c in word), []).append(word)
    return Vocabulary(fact_units, {k: tuple(v) for k, v in data["words"].items()},
                      {c: tuple(sorted(ns, reverse=True)) for c, ns in firsts.items()},
                      {k: tuple(v) for k, v in sounds.items()}, {w: tuple(m) for w, m in meanings.items()},
                      {first: tuple(sorted({len(k) for k in sounds if k[0] == first}, reverse=True))
                       for first in {k[0] for k in sounds}}, _dialect(data.get("dialect", {})),
                      *_lookalikes(data.get("lookalike", {}), meanings))


def _lookalikes(section: dict, meanings: dict[str, list[tuple[str, str]]]
                ) -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Every word of the vocabulary and of ``[lookalike].words`` with one character written as one of its
    look-alikes (``[lookalike.chars]``), unless that is a word in its own right (``[lookalike].real``, or
    a word of the vocabulary); and the measure words' look-alikes."""
    chars: dict[str, str] = section.get("chars", {})
    real = set(section.get("real", ())) | set(meanings)
    words = {w for w in [*meanings, *section.get("words", ())]
             if 2 <= len(w) <= 8 and all("\u4e00" <= c <= "\u9fff" for c in w)}
    variants: dict[str, str] = {}
    for word in sorted(words):
        for i, c in enumerate(word):
            for other in chars.get(c, ""):
                typed = word[:i] + other + word[i + 1:]
                if typed not in real:
                    variants.setdefault(typed, word)
    measures = {other: m for m in section.get("measures", "") for other in chars.get(m, "")}
    return variants, measures, frozenset("".join(chars.values()))


def _article_forms(ref: str) -> list[str]:
    """"第三十六条第（一）项" as clerks write it: 第36条第1项, 三十六条（一）项, 第三十六条第一项, half-width brackets …"""
    m = re.fullmatch(r"第(?P<a>[一二三四五六七八九十]+)条(?:第（(?P<i>[一二三四五六七八九十]+)）项|第(?P<k>[一二三四五六七八九十]+)款)?", ref)
    if m is None:
        raise ValueError(f"vocabulary [t3.articles] {ref!r}: not 第…条, 第…条第（…）项 or 第…条第…款")
    def both(cn: str) -> tuple[str, str]:
        n = parse_number(cn)
        assert n is not None
        return cn, str(int(n))
    articles = [f"{p}{a}条" for a in both(m.group("a")) for p in ("第", "")]
    if m.group("i"):
        # (a bracket around the item's number is read as a word joiner: brackets end a clause — ``typed_as_read``)
        tails = [f"{p}{o}{i}{c}项" for i in both(m.group("i")) for p in ("第", "") for o, c in ((ARTICLE_MARK, ARTICLE_MARK), ("", ""))
                 if p or o]
    elif m.group("k"):
        tails = [f"第{k}款" for k in both(m.group("k"))]
    else:  # (a bare "三十七条", "15条" is a count of posts: only 第…条)
        return [a for a in articles if a.startswith("第")]
    return [a + t for a in articles for t in tails]


def _dialect(section: dict[str, str]) -> dict[str, str]:
    for word, standard in section.items():
        if len(word) != len(standard):  # (the reader's spans are the message's: the text keeps its length)
            raise ValueError(f"vocabulary [dialect] {word!r} → {standard!r}: not of the same length")
    return dict(section)
