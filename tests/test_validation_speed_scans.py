"""Issue 19's second round of scans made cheaper for the regex engine answer exactly as before: the
number scan without repeats, and substring tests for the fact words, the sentence marks and the
channels, each checked against the regex it replaces (kept as the reference) on generated texts."""

from __future__ import annotations

import random
import re

import assistant.numbers as N
import assistant.validation._numbers as R
import assistant.validation._text as T

_PIECES = [*"0123456789０１２３４５６７８９", *N._CN_CHARS, *"們務區單國報", ",", "，", ".", "．", " ", "\u3000", "\t", "\n",
           "%", "％", "余", "多", "来", "约", "超过", "近", "逾", "万元", "千元", "个百分点", "个工作日", "件", "件次", "余件", "个人",
           "人次", "年", "月", "日", "号", "建", "起", "一起", "部分", "本年", "点", "第", "之", "百分之", "元", "块钱", "小时",
           "1,234", "12,34", "１，２３４", "3.5", "６亿四类", "5万6千", "２千多", "一件件", "伍建",
           # the fact words, their gates and the pieces around the patterns among them
           *T._FACT_WORDS, *"请转议诉访来规清费维错许罚强量减管告举热", "60", "30", "6", "3", "123", "1234", "号", "60 号", "30\n号",
           "本年增", "/", "减", "行政", "许可", "处罚", "强制", "政府信息公开年度", "报告", "规范", "其他对外管理", "服务事项",
           # the sentence marks and the channels
           *"。；;！!？?", "网站", "网页", "专栏", "专区", "栏目", "平台", "公众号", "微博", "微信", "客户端", "新媒体", "公开栏",
           "抖音", "头条", "视频号", "公报", *"站页栏区台众博微端媒抖头视报", "网", "公开", "x"]


def _texts(n: int, seed: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, longest))) for _ in range(n)]


TEXTS = _texts(20000, seed=19, longest=16) + _texts(3000, seed=20, longest=60)


def _scan_with_repeats() -> re.Pattern:
    """The number scan as it was written before: optional parts as ``X?``, no look-ahead for digit groups."""
    arabic = (rf"(?P<near>(?<={R._APPROX_LAST_CLASS}.)|(?<={R._APPROX_LAST_CLASS}[\s\S].))?"
              rf"(?<![0-9０-９.．].)(?P<num>{R._NUM_REST}){R._ARABIC_AFTER}")
    cn = f"(?P<run>{R._RUN_REST})(?=[ \u3000\t]*[余多来]?[{R._UNIT_FIRST}]){R._UNIT_AHEAD}"
    return re.compile(f"[0-9０-９{R._CN}{R._TRADITIONAL}]"
                      f"(?:(?<=[0-9０-９]){arabic}|(?<=[{R._CN}]){cn}|(?<=[{R._TRADITIONAL}])(?P<trad>))")


def test_the_number_scan_matches_as_with_repeats():
    reference = _scan_with_repeats()
    assert reference.pattern != R._SCAN.pattern and reference.groupindex == R._SCAN.groupindex
    groups = range(1, R._SCAN.groups + 1)
    for t in TEXTS:
        assert ([(m.span(), m.groups(), [m.span(g) for g in groups]) for m in R._SCAN.finditer(t)]
                == [(m.span(), m.groups(), [m.span(g) for g in groups]) for m in reference.finditer(t)]), t


def test_fact_words_found_as_by_the_regex():
    found = 0
    for t in TEXTS:
        expected = T._FACT_WORD_REGEX.search(t) is not None
        assert (T._FACT_WORD.search(t) is not None) == expected, t
        found += expected
    assert 1000 < found < len(TEXTS) - 1000


def test_sentence_marks_are_those_of_the_regex():
    marks = {chr(c) for c in range(0x10000) if T._SENTENCE_MARK.fullmatch(chr(c))}
    assert marks == set("。" + T._OTHER_MARKS)
    for t in TEXTS:
        assert T._sentences(t) == [m.span() for m in T._SENTENCE.finditer(t)], t


def test_channels_found_as_by_the_regex():
    for t in TEXTS:
        assert T._channel(t) == (T._CHANNEL.search(t) is not None), t
