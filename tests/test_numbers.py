from decimal import Decimal

import pytest

from assistant.numbers import cn_to_number, find_numbers, parse_int_cell, parse_number, years_in


@pytest.mark.parametrize("text,value", [
    ("一百二十三", 123), ("两千", 2000), ("十五", 15), ("三万五千", 35000), ("二〇二三", 2023),
    ("十", 10), ("一千零五", 1005), ("一亿二千万", 120_000_000), ("九十五点五", Decimal("95.5")),
])
def test_chinese_numerals(text, value):
    assert cn_to_number(text) == Decimal(value)


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
