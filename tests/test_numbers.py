import random
import re
from decimal import Decimal

import pytest

from assistant import numbers as N
from assistant.numbers import cn_to_number, find_numbers, parse_int_cell, parse_number, years_in


@pytest.mark.parametrize("text,value", [
    ("一百二十三", 123), ("两千", 2000), ("十五", 15), ("三万五千", 35000), ("二〇二三", 2023),
    ("十", 10), ("一千零五", 1005), ("一亿二千万", 120_000_000), ("九十五点五", Decimal("95.5")),
])
def test_chinese_numerals(text, value):
    assert cn_to_number(text) == Decimal(value)


@pytest.mark.parametrize("text,value", [
    ("三千四", 3400), ("一百八", 180), ("两万三", 23000), ("九百零六", 906), ("五千零七", 5007),
    ("四万六千二", 46200), ("八十三", 83), ("两亿五", 250_000_000),
])
def test_spoken_short_numerals(text, value):
    # said aloud, the last digit after 百/千/万 counts in the unit below it: 三千四 is 3400, never 3004
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text,value", [
    ("1,234", 1234), ("１２３", 123), ("1.5万", 15000), ("一百", 100), ("0", 0), (" 7 ", 7), ("12%", 12),
])
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "/", "—", "无", "abc", "1.2.3"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_int_cell_rejects_fractions():
    assert parse_int_cell("3") == 3 and parse_int_cell("3.5") is None


def mentions(text):
    return [(n.value, text[n.start:n.end], n.unit) for n in find_numbers(text)]


def test_spans_point_at_the_original_characters():
    text = "全年在局门户网站公开政务信息 148 条，收到申请１２件，共1,234件"
    assert mentions(text) == [(148, "148", "条"), (12, "１２", "件"), (1234, "1,234", "件")]


def test_chinese_numerals_need_a_measure_word():
    assert mentions("一是信息公开；第一项；进一步统一") == []
    assert mentions("收到申请一百二十三件，两件") == [(123, "一百二十三", "件"), (2, "两", "件")]


def test_percentages_in_all_spellings():
    found = find_numbers("占百分之七十七点二，答复率95.5％，增长12%")
    assert [(n.value, n.unit, n.decimals) for n in found] == [
        (Decimal("77.2"), "%", 1), (Decimal("95.5"), "%", 1), (12, "%", 0)]


def test_wan_multiplies_but_wanyuan_is_money():
    assert mentions("访问1.5万次，收费251万元") == [(15000, "1.5万", "次"), (251, "251", "万元")]


def test_approximations_are_marked():
    assert [n.approx for n in find_numbers("10余件，约20条，30件")] == [True, True, False]


def test_years():
    assert [int(n.value) for n in years_in("2023 年，二〇二二年，1月1日")] == [2023, 2022]


# ---- find_numbers against its earlier, slower implementation ----------------------------------
# The scanner was restructured for speed (one regex for an Arabic number and what follows it).
# This test-only copy of the previous implementation pins the results: any text, same mentions.
_REF_ARABIC = re.compile(
    r"(?<![0-9０-９.．])"
    r"(?P<num>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)"
    r"(?P<frac>[.．][0-9０-９]+)?"
)
_REF_CN_NUMBER = re.compile(
    f"(?P<run>[{N._CN_CHARS}]+(?:点[{''.join(N.CN_DIGITS)}]+[万萬亿]?)?)(?=[ \u3000\t]*[余多来几]?(?:{N._UNIT_ALT}))"
)


def _reference_find_numbers(text):
    if not N._HAS_NUMBER.search(text):
        return []
    out = []
    taken = bytearray(len(text))
    if "百分之" in text:
        for m in N._PERCENT_RE.finditer(text):
            rest_start = m.end()
            am = _REF_ARABIC.match(text, rest_start)
            if am:
                raw = N._digits(am.group(0))
                value, end, chinese = Decimal(raw), am.end(), False
                decimals = len(raw.partition(".")[2])
            else:
                cm = N._CN_RUN.match(text, rest_start)
                if not cm:
                    continue
                v = cn_to_number(cm.group(0))
                if v is None:
                    continue
                value, end, chinese = v, cm.end(), True
                decimals = len(cm.group(0).partition("点")[2])
            out.append(N.NumberMention(value, m.start(), end, "%", end, N._approx_before(text, m.start()), chinese,
                                       decimals))
            taken[m.start():end] = b"\x01" * (end - m.start())
    n = len(text)
    for m in _REF_ARABIC.finditer(text):
        if taken[m.start()]:
            continue
        raw = N._digits(m.group("num")) + (N._digits(m.group("frac")) if m.group("frac") else "")
        value = Decimal(raw)
        decimals = len(raw.partition(".")[2])
        end = p = m.end()
        while p < n and text[p] in " \u3000":
            p += 1
        if p < n and text[p] in "万亿千" and not text.startswith(("万元", "亿元", "千元"), p):
            value *= N.CN_BIG.get(text[p], 1000)
            if text[p] == "千" and value == value.to_integral_value():
                value = Decimal(int(value))  # ("1.1千": 1100)
            end = p + 1
        q = end
        while q < n and text[q] in " \u3000":
            q += 1
        if q < n and text[q] in "%％":
            unit, unit_end, approx = "%", q + 1, False
            end = q + 1
        else:
            unit, unit_end, approx = N._unit_after(text, end)
        out.append(N.NumberMention(value, m.start(), end, unit, unit_end or end,
                                   approx or N._approx_before(text, m.start()), False, decimals))
        stop = max(end, unit_end or end)  # (its unit too: the 千 of "5千元" is no number of its own)
        taken[m.start():stop] = b"\x01" * (stop - m.start())
    for m in _REF_CN_NUMBER.finditer(text):
        s, e = m.start(), m.end()
        if any(taken[s:e]):
            continue
        run = m.group("run")
        if all(c in N.CN_BIG for c in run) or (s > 0 and text[s - 1] == "第"):
            continue
        value = cn_to_number(run)
        if value is None:
            continue
        unit, unit_end, approx = N._unit_after(text, e)
        if len(run) == 1 and run in "壹贰叁肆伍陆柒捌玖" and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and text[e:e + 1] == "建":
            continue  # "队伍建设": a word
        if text.startswith("万元", e - 1) and run.endswith("万"):
            value = cn_to_number(run[:-1]) or value
            unit, unit_end = "万元", e + 1
            e -= 1
        if not unit:
            continue
        out.append(N.NumberMention(value, s, e, unit, unit_end, approx or N._approx_before(text, s)
                                   or run[-2:] in N.RANGE_PAIRS or bool(N._RANGE_BEFORE_TENS.search(run)), True, N._decimals_of(run)))
        taken[s:max(e, unit_end)] = b"\x01" * (max(e, unit_end) - s)
    # a structured numeral (十/百/千 inside, 10 or more) with no measure word, at a clause's end
    # (a rough one, "三百多万", "两千出头", ends on its 多/来/余/几 and 万, or on 出头/左右/上下)
    for m in re.finditer(f"[{''.join(N.CN_DIGITS)}]*[十百千][{N._CN_CHARS}]*(?:点[{''.join(N.CN_DIGITS)}]+[万萬亿]?)?"
                         f"(?=(?:[余多来几][万萬亿]?|出头|左右|上下)?(?:[，,。；;、）)\\s]|$))", text):
        s, e = m.start(), m.end()
        if any(taken[s:e]) or (s > 0 and text[s - 1] in "第之十百千万"):
            continue
        value = cn_to_number(m.group(0))
        if value is not None and value >= 10:
            rough = text[e:e + 1] in ("余", "多", "来", "几") or text[e:e + 2] in ("出头", "左右", "上下")
            if rough and text[e + 1:e + 2] in N.CN_BIG:
                value, e = value * N.CN_BIG[text[e + 1]], e + 2
            out.append(N.NumberMention(value, s, e, "", e, rough or N._approx_before(text, s), True, 0))
            taken[s:e] = b"\x01" * (e - s)
    out.sort(key=lambda x: x.start)
    return N.join_mixed(text, out)


_PIECES = [*"0123456789０１２３４５６７８９..．,，万亿萬元%％余多来几约近超过逾大将第点 \u3000\t\n。，；、一二两三十百千零〇",
           "百分之", "万元", "亿元", "人次", "个百分点", "个工作日", "件", "条", "次", "年", "月", "日", "余件", "1,234",
           "１，２３４", "2023", "二〇二三", "九十五点五", "申请", "其中", "超过", "大约", "将近", "公开"]


def _same(text):
    def key(ms):  # str(value) too: Decimal("1.0") == Decimal("1") would hide a change of representation
        return [(str(m.value), m) for m in ms]
    return key(find_numbers(text)) == key(_reference_find_numbers(text))


def test_find_numbers_matches_reference_on_generated_texts():
    rng = random.Random(20240611)
    for _ in range(6000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
        assert _same(text), text


def test_find_numbers_matches_reference_on_report_texts(sample_text):
    from eval.synthetic import consistent_report
    from schemas.layout import iter_narrative

    texts = [sample_text, *sample_text.splitlines()]
    texts += [t for seed in range(5) for _, t in iter_narrative(consistent_report(seed))]
    for text in texts:
        assert _same(text), text


def test_maybe_number_never_rejects_a_text_with_numbers():
    from assistant.numbers import MAYBE_NUMBER, UNITS

    texts = [f"收取{cn}{gap}{unit}。" for cn in ("五", "五十", "两", "三万") for gap in ("", " ", "余")
             for unit in UNITS]
    texts += ["百分之五十", "共12件", "１２条", "五十万元"]
    for text in texts:
        if find_numbers(text):
            assert MAYBE_NUMBER.search(text), text
    assert not MAYBE_NUMBER.search("一是进一步统一口径")


def test_a_chinese_decimal_before_wan_is_read_whole():
    # "一百二十三点五万次" was read as 五万 (50,000): the 点 before 万 was not taken
    got = [(n.value, n.unit) for n in find_numbers("访问量一百二十三点五万次，用户二点零八万个")]
    assert got == [(Decimal(1235000), "次"), (Decimal(20800), "个")]


def test_a_word_with_a_formal_numeral_in_it_is_no_number():
    # "队伍建设": 伍 of 队伍 with 建, the keyboard slip for 件, was read as 5件
    assert find_numbers("加强政务公开队伍建设") == []
    assert [(int(n.value), n.unit) for n in find_numbers("予以公开伍件")] == [(5, "件")]


def test_nian_and_sa_are_tens():
    assert [(int(n.value), n.unit) for n in find_numbers("复议廿三件，政策解读廿六篇，卅件")] == [(23, "件"), (26, "篇"), (30, "件")]
    assert cn_to_number("廿") == 20


def test_a_count_right_before_the_word_for_individuals_with_their_own_count():
    # "企业4个人2": 企业 4, 个人 2 — not "4个" and then 人
    assert [(int(n.value), n.unit) for n in find_numbers("企业4个人2")] == [(4, ""), (2, "")]
    assert [(int(n.value), n.unit) for n in find_numbers("4个人申请")] == [(4, "个")]


def test_lia_and_sa_thousands_after_digits_and_a_unit_in_qian():
    got = [(str(n.value), n.unit) for n in find_numbers("自然人俩件 企业仨件")]
    assert got == [("2", "件"), ("3", "件")]
    assert not find_numbers("咱俩一起")  # (a pronoun, and "together")
    assert [(str(n.value), n.unit, n.approx) for n in find_numbers("发了1.1千多条")] == [("1100", "条", True)]
    assert [(str(n.value), n.unit) for n in find_numbers("收取信息处理费5千元")] == [("5", "千元")]  # (not 5 and 1000)


def test_two_neighbouring_digits_are_a_range_not_a_number():
    for said in ("政策解读十七八篇", "发布会开了四五场", "两三件"):
        (n,) = find_numbers(said)
        assert n.approx, said  # ("四五场" is four or five, never 45: named back as a guess)
    assert not find_numbers("四十五场")[0].approx and not find_numbers("二十三件")[0].approx

