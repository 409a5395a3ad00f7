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
                | {w for _, words, _ in T._LABELS for w in words} | {w for w in T._FACT_WORDS if re.fullmatch(r"[^\\\[]+", w)})
_PIECES = [*_WORDS, *"0123456789０１２３４５６７８９", *"零〇一二两三十百千万亿", "百分之", "%", "件", "条", "个", "年", "月",
           "余", "多", "约", "，", "。", "；", ";", "！", "?", "\n", " ", "\u3000", "\t", "（", "(", "）", "、", "：",
           # what the phrase patterns look for, written out here: not taken from the code under test
           "未收到政府信息公开申请", "无上年结转", "均予以维持", "零败诉", "未制发规范性文件", "未作出行政处罚", "本年制作数量",
           "信访件和依申请公开申请", "〔2019〕60号", "〔2021〕30号", "清理规范性文件", "清理文件", "信息处理费", "来信来访", "号",
           "其中", "分别", "共", "合计", "总数", "公共", "的", "本机关", "2019", "2021", "〔2021〕30号", "许可申请", "项目申请",
           "申请人", "许可", "复议", "审批", "项目", "人", "公开", "申请", "依申请", "12345", "热线", "政务新媒体", "网站", "发布", "解读", "统计期限", "将", "结转至",
           "行政", "行政机关", "60 号", "30号", "〔2019〕", "〔2021〕"]


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

    for t in [*TEXTS, *_texts(500, longest=200), "\xa01２〇 3\u2003公开", "1 2", "１\u3000２件", "共 3 件#4\n5"]:
        shingles, unique, spans = reference(t)
        assert S._shingles.__wrapped__(t) == (shingles, unique, len(spans)), t
        assert S._spans(t) == list(spans), t  # worked out apart, for a finding only


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


# ---- issue 19, item 5: cheaper first sight of a text ---------------------------------------------
# A longer word is looked for only where one of its characters is in the text (a one-character
# test costs a few nanoseconds, a word's about twenty times more). Each gate is checked here against
# the words it stands for, and the texts below hold the word and not the gate's usual suspects.
def _gated_words() -> list[tuple[str, str]]:
    """(gate characters, word) for every word a gate stands for."""
    return ([("范量增项报", w) for _, words, _ in T._LABELS for w in words]
            + [("访诉举热来", w) for w in ("信访", "投诉", "举报", "热线", "来信", "来访")]
            + [("热台便服拨话专", w) for w in ("热线", "平台", "便民", "政务服务", "拨打", "电话", "专线")]
            + [("解会", w) for w in ("解读", "发布会")])


def test_every_gated_word_holds_a_character_of_its_gate():
    for gate, word in _gated_words():
        assert any(c in word for c in gate), (gate, word)
    # the gates stand for every alternative of their patterns but 123[0-9]{2}, tested as "123"
    for pattern, gate in ((T._PETITION_HINT, "访诉举热来"), (T._LINE_HINT, "热台便服拨话专"), (T._NAMED_HINT, "解会")):
        for w in pattern.pattern.split("|"):
            assert w == "123[0-9]{2}" or any(c in w for c in gate), (pattern.pattern, w)
    assert {w for _, words, _ in T._LABELS for w in words} == {w for g, w in _gated_words() if g == "范量增项报"}


@pytest.mark.parametrize(("text", "rule", "said"), [
    # no character of the petition words' gate: only its "123" finds the hotline
    ("本年度新收政府信息公开申请3件，其中12345转办工单1件。", "F6", "「12345转办工单1件」"),
    ("本年度新收政府信息公开申请3件，其中来访1件。", "F6", "「来访1件」"),
    # no character of the service lines' gate: only its "123" drops 12345 from the numbers (it would
    # otherwise end the lead of 3件, and the quote would start after it)
    ("通过12345收到政府信息公开申请3件。", "E1", "「2345收到政府信息公开申请3件」"),
    ("本年度新收政府信息公开申请3件，已办结3件。本年增减0条。", "F4", "“本年增减”"),  # the gate's 增
    ("本年度新收政府信息公开申请3件，已办结3件。上一年项目数量2项。", "F4", "“上一年项目数量”"),  # its 量
])
def test_a_word_behind_a_gate_is_still_found(text, rule, said):
    report = consistent_report(5)
    set_text(report, "p1.on_request", text)
    clear_cache()
    assert any(f.rule == rule and f.location.address == "p1.on_request" and said in f.message
               for f in validate(report)), text


def test_sentence_of_each_year_by_walking_the_sentences():
    # _years finds a number's sentence by walking forward from the last one (the numbers come in
    # order): the same sentence as _sentence_of, for years in the first, a middle and the last sentence
    # (sentences without a year between them: the walk goes past several at once)
    text = ("2023年，本机关共收到申请5件。\n\n2022年结转2件；统计期限为2023年1月1日至2023年12月31日。"
            "本年度无其他情况。各项工作有序开展！2024年，将继续。")
    sentences = T._sentences(text)
    numbers = tuple(N.find_numbers(text))
    years = T._years(text, numbers, sentences, "")
    assert [(y.year, y.kind) for y in years] == [(2023, "period"), (2022, "carried_from"), (2023, "stats"),
                                                 (2023, "stats"), (2024, "period")]
    reference = {n.start: T._sentence_of(sentences, n.start) for n in numbers}
    for y in years:
        s = reference[y.span[0]]
        assert sentences[s][0] <= y.span[0] < sentences[s][1]


def test_similarity_spans_worked_out_only_for_a_finding():
    # the masked characters are counted without their spans; a finding's span is the same as before
    text = "本机关2023年度坚持以公开为常态、不公开为例外，全年主动公开政府信息12345条，  其中政策解读２０篇，" * 2
    shingles, _, n = S._shingles.__wrapped__(text)
    spans = S._spans(text)
    assert n == len(spans) and spans[3] == (3, 7) and text[spans[4][0]] == "年"
    assert len(shingles) == n - S.SHINGLE + 1
    # digit runs apart are two masks, also with only spaces between them (masked before the spaces go)
    assert S._shingles.__wrapped__("公开 1 2 件信息共计十条，完")[0][0] == "公开##件信息共"  # not "公开#件信息共计"


def test_similarity_skips_only_parts_shorter_than_the_minimum():
    # a part is cut into shingles only when it has MIN_CHARS characters or more: one of exactly
    # MIN_CHARS copied from last year is still 内容雷同; one with more characters but fewer masked
    # ones (digits and spaces) is not checked
    from eval.synthetic import previous_year_of
    base = "本机关持续深化政务公开标准化规范化建设，围绕重点领域信息公开，加强政策解读与回应关切工作，进一步提升透明度与群众满意度。"
    exact = base[:S.MIN_CHARS]
    assert len(exact) == S.MIN_CHARS
    spaced = exact[:S.MIN_CHARS - 5] + " 2 0 2 3"  # 53 characters, 49 masked
    for text, found in ((exact, True), (spaced, False)):
        report = consistent_report(4)
        previous = previous_year_of(report)
        report.part5 = previous.part5 = text
        clear_cache()
        assert any(f.rule == "D3" and f.location.address == "p5" for f in validate(report, previous)) == found, text


def test_records_built_by_switching_class_are_the_records():
    # fast_new and numbers._number fill an object of the same slots and switch its class: the result is
    # an instance of the class itself, equal (and hashing equal) to one built by the class, and frozen
    from dataclasses import FrozenInstanceError
    from decimal import Decimal

    from assistant.validation._records import fast_new

    for cls, args, kwargs in ((T.Claim, ("t3", "new"), {"alt": ("new_carried",)}), (T.Phrase, ("petition", (1, 4)), {}),
                              (T.YearUse, (2023, (0, 5), "period", False), {"since": 2022})):
        built, made = fast_new(cls)(*args, **kwargs), cls(*args, **kwargs)
        assert type(built) is cls and built == made and hash(built) == hash(made) and repr(built) == repr(made)
        with pytest.raises(FrozenInstanceError):
            setattr(built, fields(cls)[0].name, "x")
    args = (Decimal("12.5"), 3, 7, "%", 8, True, False, 1)
    n = N._number(*args)
    assert type(n) is N.NumberMention and n == N.NumberMention(*args) and hash(n) == hash(N.NumberMention(*args))
    with pytest.raises(FrozenInstanceError):
        n.start = 0  # type: ignore[misc]


def test_numbers_in_is_find_numbers_where_a_number_may_be():
    for t in TEXTS:
        if N.MAYBE_NUMBER.search(t):
            assert N.numbers_in(t) == N.find_numbers(t), t


# ---- issue 19, session 16: one scan of a text for its numbers and traditional characters -------------
_NUMBER_PIECES = [*_PIECES, "1,234", "１，２３４", "12,34", "3.5", "３．５", "万", "亿", "千", "万元", "亿元", "千元", "万人次",
                  "个百分点", "个工作日", "余件", "来", "近", "超过", "大约", "个人", "一起", "起诉", "部分", "本年", "建", "伍",
                  "队伍建设", "廿", "卅", "俩", "仨", "点", "第", "之", "％", "二〇二三", "6亿四类", "5万6千元", "1.1千多条",
                  "5千元", "企业4个人2", "一件件", "壹", "貳", "報", "開", "統計"]


def _number_texts() -> list[str]:
    rng = random.Random(16)
    return TEXTS + ["".join(rng.choice(_NUMBER_PIECES) for _ in range(rng.randrange(1, 30))) for _ in range(6000)]


def test_numbers_read_in_one_scan_are_numbers_in():
    from assistant._script import _TRADITIONAL
    from assistant.validation import _reading
    from assistant.validation._numbers import read_numbers
    for t in _number_texts():
        expected = N.numbers_in(t) if N.MAYBE_NUMBER.search(t) else []
        assert read_numbers(t) == expected, t
        read = read_numbers(t, True)  # None: a traditional character (or 百分之), read again as _reading reads it
        assert read == expected if read is not None else ("百分之" in t or not _TRADITIONAL.isdisjoint(t)), t
        assert read is None or _reading(t) == t, t


def test_the_one_scan_is_made_of_the_parts_of_numbers_in():
    # if assistant.numbers changes its patterns, assistant/validation/_numbers.py must follow
    import assistant.validation._numbers as R
    assert N._ARABIC_TAIL.pattern == f"(?P<num>{R._D}(?<![0-9０-９.．].)(?:{R._NUM_REST})){R._ARABIC_AFTER}"
    assert N._CN_NUMBER.pattern == f"(?P<run>[{N._CN_CHARS}]{R._RUN_REST}){R._UNIT_AHEAD}"
    from assistant._script import _TRADITIONAL
    assert _TRADITIONAL.isdisjoint(N._CN_CHARS + "0123456789０１２３４５６７８９" + "".join(N.UNITS))


def test_texts_without_a_fact_word_have_no_phrases(monkeypatch):
    # _analysis looks for phrases only in a text holding a _FACT_WORD, numbers or none
    texts = [t for t in _number_texts() if not T._FACT_WORD.search(t)]
    assert len(texts) > 500
    expected = {(t, kind): T.analyse.__wrapped__(t, kind) for t in texts for kind in ("", "on_request", "preamble")}
    monkeypatch.setattr(T, "_FACT_WORD", re.compile(""))  # every text looked at for phrases
    for (t, kind), facts in expected.items():
        assert T.analyse.__wrapped__(t, kind) == facts, (t, kind)


def test_sentences_of_dates_are_those_of_the_split():
    # a text of dates only reads the sentences of its years around them (_date_sentences)
    for t in TEXTS + _texts(3000, seed=23, longest=12):
        numbers = N.find_numbers(t)
        whole = T._sentences(t) or [(0, len(t))]
        expected = []
        for n in numbers:
            if n.unit == "年":
                s = whole[T._sentence_of(whole, n.start)]
                if s not in expected:
                    expected.append(s)
        assert T._date_sentences(t, numbers) == expected, t


def test_a_period_year_is_never_followed_by_words_that_make_it_no_period():
    # _years asks _YEAR_NOT_PERIOD_AFTER only where _YEAR_PERIOD_AFTER did not match: no text matches both
    words = re.findall(r"[\u4e00-\u9fff，,、]+", T._YEAR_PERIOD_AFTER.pattern + T._YEAR_NOT_PERIOD_AFTER.pattern)
    pieces = ["度", *words, *"".join(words)]
    for a in pieces:
        for b in pieces:
            after = a + b
            assert not (T._YEAR_PERIOD_AFTER.match(after) and T._YEAR_NOT_PERIOD_AFTER.match(after)), after


def test_texts_validated_are_those_of_iter_narrative(monkeypatch):
    # validate reads a report's texts without iter_narrative's generator: the same addresses, in order
    import assistant.validation as V
    from schemas.layout import iter_narrative
    kept = V._TextFacts((), (), (), (), (), (), None)  # (not _NO_FACTS itself: every text is kept)
    monkeypatch.setattr(V, "_facts", lambda text, kind, year=0: kept)
    for seed in range(12):
        report = consistent_report(seed)
        for r in (report, report.model_copy(update={"part6": report.part6 * 3})):
            texts, _ = V._texts(r)
            assert [(a, t) for a, t, _ in texts] == list(iter_narrative(r))


def _kinds_bare(lead):
    out = []
    for m in T._KW_BARE.finditer(lead):
        small, small_kinds, name = T._KW_FIRST[lead[m.start()]]
        if name is None:
            name = small_kinds[small.match(lead, m.start()).lastgroup]
        out.append((m.span(), name))
    return out


def test_keywords_found_without_groups_are_those_of_the_grouped_regex():
    # _Scan finds keywords with _KW_BARE and tells their kind by their first character (_keyword_finder)
    for t in TEXTS + _texts(3000, seed=29, longest=10):
        assert _kinds_bare(t) == [(m.span(), T._KIND_OF[m.lastgroup]) for m in T._KW.finditer(t)], t
        for pos in range(0, len(t), 4):
            lead = t[pos:]
            assert _kinds_bare(lead) == [(m.span(), T._KIND_OF[m.lastgroup]) for m in T._KW.finditer(lead)], lead


def test_tail_keywords_start_with_a_character_of_their_gate():
    # _sentence asks _TAIL_KW only where the next character is one of _TAIL_FIRST or a space
    for t in TEXTS:
        for pos in range(len(t) + 1):
            c = t[pos:pos + 1]
            if not (c and (c in T._TAIL_FIRST or c.isspace())):
                assert T._TAIL_KW.match(t, pos) is None, (t, pos)
