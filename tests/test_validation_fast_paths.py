"""The validator's shortcuts for speed (issue 19) answer exactly as the slower code they replaced:
each is checked here against that code, kept as the reference, on generated texts."""

from __future__ import annotations

import random
import re
from dataclasses import fields

import pytest

import assistant.numbers as N
import assistant.validation._similarity as S
import assistant.validation._structure as ST
import assistant.validation._text as T
from assistant.validation import clear_cache, validate
from eval.synthetic import consistent_report
from schemas.layout import get_text, set_text

_WORDS = sorted({w for _, words in T._KINDS for w in words if re.fullmatch(r"[\u3400-\u9fff]+", w)}
                | {w for _, words, _ in T._LABELS for w in words} | set(T._FACT_WORDS) - {"123[0-9]{2}"})
_PIECES = [*_WORDS, *"0123456789０１２３４５６７８９", *"零〇一二两三十百千万亿", "百分之", "%", "件", "条", "个", "年", "月",
           "余", "多", "约", "，", "。", "；", ";", "！", "?", "\n", " ", "\u3000", "\t", "（", "(", "）", "、", "：",
           # what the phrase patterns look for, written out here: not taken from the code under test
           "未收到政府信息公开申请", "无上年结转", "均予以维持", "零败诉", "未制发规范性文件", "未作出行政处罚", "本年制作数量",
           "信访件和依申请公开申请", "〔2019〕60号", "〔2021〕30号", "清理规范性文件", "清理文件", "信息处理费", "来信来访", "号",
           "其中", "分别", "共", "合计", "总数", "公共", "的", "本机关", "2019", "2021", "〔2021〕30号", "许可申请", "项目申请",
           "申请人", "许可", "复议", "审批", "项目", "人", "公开", "申请", "依申请", "12345", "热线", "政务新媒体", "网站", "发布", "解读", "统计期限", "将", "结转至"]


def _texts(n: int, seed: int = 19, longest: int = 24) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, longest))) for _ in range(n)]


TEXTS = _texts(3000)


def test_maybe_number_matches_the_same_texts():
    units = "".join(sorted({u[0] for u in N.UNITS}))
    reference = re.compile(f"[0-9０-９]|百分之|[{N._CN_CHARS}][ \u3000\t]*[余多]?[ \u3000\t]*[{units}]")
    for t in TEXTS:
        assert bool(N.MAYBE_NUMBER.search(t)) == bool(reference.search(t)), t


def test_application_context_by_position():
    for t in TEXTS:
        assert T._app_context(t) == (T._APP_CONTEXT.search(t) is not None), t


def test_sentences_by_split():
    for t in TEXTS:
        assert T._sentences(t) == [m.span() for m in T._SENTENCE.finditer(t)], t


def test_spaces_dropped_as_the_regex_drops_them():
    assert all(("".join(chr(c).split()) == "") == chr(c).isspace() for c in range(0x3100))
    for t in TEXTS:
        spaced = T._WS.sub("", t) if (" " in t or "\u3000" in t or "\t" in t or "\n" in t) else t
        assert T._compact(t) == spaced, t
        assert ST._bare(t) == ST._SPACES.sub("", t).rstrip("。.；;"), t
        assert ST._norm(t) == ST._SPACES.sub("", t).translate(ST._PAREN).rstrip("。：."), t


def _ungrouped(kinds, prefix=""):
    alternatives = [f"{w}(?P<g{i}>)" for i, w in enumerate(w for _, words in kinds for w in words)]
    return re.compile(prefix + "(?:" + "|".join(alternatives) + ")")


@pytest.mark.parametrize("name", ["kw", "tail", "label"])
def test_keywords_grouped_by_first_character_find_the_same(name):
    kinds, prefix, grouped = {
        "kw": (T._KINDS, "", T._KW),
        "tail": (T._CATEGORY_KINDS, r"\s*(?:的|中)?(?:申请)?(?:为|被|已|均|获|属于?)?", T._TAIL_KW),
        "label": ([(n, words) for n, words, _ in T._LABELS], "", T._LABEL),
    }[name]
    reference = _ungrouped(kinds, prefix)
    for t in TEXTS:
        assert ([(m.span(), m.lastgroup) for m in grouped.finditer(t)]
                == [(m.span(), m.lastgroup) for m in reference.finditer(t)]), t
        for pos in range(0, len(t), 3):
            a, b = grouped.match(t, pos), reference.match(t, pos)
            assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (t, pos)


def test_texts_stopped_at_the_first_search_have_no_facts(monkeypatch):
    stopped = [t for t in TEXTS + _texts(3000, seed=7, longest=6) if not N.MAYBE_NUMBER.search(t)
               and not T._FACT_WORD.search(t)]
    assert len(stopped) > 100
    monkeypatch.setattr(T, "_FACT_WORD", re.compile(""))  # every text read to the end
    for t in stopped:
        for kind in ("", "on_request", "meta.title", "preamble"):
            assert T.analyse.__wrapped__(t, kind) == T._NO_FACTS, (t, kind)


def test_shingles_in_bulk():
    digit = re.compile(r"[0-9０-９〇零]")

    def reference(text):
        chars, spans = [], []
        for m in S._TOKEN.finditer(text):
            chars.append("#" if digit.match(m.group(0)) else m.group(0))
            spans.append(m.span())
        masked = "".join(chars)
        shingles = tuple(masked[i:i + S.SHINGLE] for i in range(len(masked) - S.SHINGLE + 1))
        return shingles, frozenset(shingles), tuple(spans)

    for t in [*TEXTS, *_texts(500, longest=200), "\xa01２〇 3\u2003公开"]:
        assert S._shingles.__wrapped__(t) == reference(t), t


def test_records_built_as_their_dataclass_would():
    n = N.NumberMention(N.Decimal(3), 1, 2)
    assert (n.unit, n.unit_end, n.approx, n.chinese, n.decimals) == ("", 0, False, False, 0)
    assert N.NumberMention(value=N.Decimal(3), start=1, end=2, decimals=0) == n and hash(n)
    with pytest.raises(AttributeError):
        n.start = 5  # type: ignore[misc]
    for record in (T.Claim, T.Mention, T.Percent, T.CountList, T.Phrase, T.YearUse, T.FeeFacts, T.Stated, T.TextFacts):
        with pytest.raises(TypeError):
            record()  # the required fields stay required
    y = T.YearUse(2023, (0, 5), "period", False)
    assert (y.past_event, y.since) == (False, None) and [f.name for f in fields(y)][:2] == ["year", "span"]


def test_an_edited_text_is_read_again():
    # the analyses are cached by text: an edit is a new text, so the finding follows the edit
    report = consistent_report(3)
    clear_cache()
    before = validate(report)
    said = get_text(report, "p1.on_request")
    set_text(report, "p1.on_request", said + "本年度未收到政府信息公开申请。")
    after = validate(report)
    assert [f.rule for f in after] != [f.rule for f in before]
    set_text(report, "p1.on_request", said)
    assert validate(report) == before
