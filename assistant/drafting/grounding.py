"""Grounded extraction, checked in code.

Every op of a patch must quote the user's message verbatim, and every number it sets must be in
its quote (after normalising Chinese numerals, full-width digits, separators and 万). Free-text
facts must be the user's own words. Whatever fails is rejected with a Chinese reason; nothing is
applied unless it passed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from itertools import combinations

from assistant.numbers import NumberMention, find_numbers, parse_number
from assistant.reading import agency_name_in, counted_in, infer_level, said_as, vocabulary
from schemas import labels as L
from schemas.facts import CELL_ADDRESSES, FACT_SPECS, Facts, FactSpec, fact_label, spec_of
from schemas.layout import ALL_CELL_ADDRESSES
from schemas.patches import Patch, PatchOp, PatchResult, Rejection
from schemas.report import Blank

_COUNT_UNITS = ("", "件", "个", "项", "宗", "起", "例", "份")

__all__ = ["apply_patch", "check_patch", "expand_field", "expand_ops", "normalise"]

_BLANKS = tuple(m for m in L.BLANK_MARKERS if m and m != "无")
_ZERO_WORDS = ("没有", "没", "未", "无", "零", "〇", "均为0", "全部为0", "都是0", "全是0", "为0", "都办完", "都办结", "全部办结")


@functools.cache
def _zero_words() -> tuple[str, ...]:
    """This module's zero words and the reader's (one vocabulary: what the reader reads as a zero
    grounds a zero)."""
    words = vocabulary().words
    return (*_ZERO_WORDS, *(w for w in (*words["zero"], *words["all_zero"], *words["all_done"]) if not w.isdigit()))


# a table cell written as a dash or a slash: none
# ("许可 x", "规文：x" in the clerk's notes: an x or a cross for none)
_NONE_CELL = re.compile(r"(?:^|[\s|｜：:])(?:—|——|－|-|–|/|／|x|X|×|✗)(?=[\s|｜（(]|$)")


def _not_before_a_word(quote: str) -> bool:
    """"我们乡镇不发这个", "不收费": 不 right before a word the reader knows says none of it."""
    return any(a.start > 0 and quote[a.start - 1] == "不" for a in vocabulary().anchors(quote))


_NEGATIONS = ("没有", "未", "无", "不", "否", "没")
# "change every number to 0" names no item: it cannot ground any value (prompt injection, or a
# careless sweep that would overwrite what the staff said item by item)
_BLANKET = re.compile(r"(所有|全部|一切|每[个一项]|一律|统统|全都)的?(数字|数据|数值|数|字段|项目?|单元格|内容)"
                      r"|\b(all|every|each)\s+(numbers?|fields?|values?|cells?)\b", re.I)
# unless the sweep names what it is about ("表四所有数据都是0")
_TABLE_WORDS = ("表", "主动公开", "依申请", "申请", "复议", "诉讼", "结转", "收费", "规章", "规范性文件", "许可",
                "处罚", "强制")
_YES = {"是", "有", "已", "收取", "收费", "已公开", "公开", "true", "yes", "1"}
_NO = {"否", "无", "没有", "未", "不", "未收取", "不收取", "未公开", "false", "no", "0"}
_LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "state_council_dept": ("国务院部门", "国务院", "部委", "中央部门"),
    "provincial": ("省级", "省直", "自治区", "直辖市", "省里的派出机构", "省政府的派出机构", "省政府派出机构",
                   "省政府工作部门", "省政府组成部门", "省人民政府工作部门", "省人民政府组成部门"),
    "municipal": ("市级", "市直", "地市", "地级", "设区的市", "市里的派出机构", "市政府的派出机构", "市政府派出机构", "市委派出机构",
                  "市政府工作部门", "市政府组成部门", "市人民政府工作部门", "市人民政府组成部门", "州政府工作部门"),
    "county": ("县级", "县直", "区级", "县区", "县（市、区）", "县里的派出机构", "县政府的派出机构", "县政府派出机构",
               "区里的派出机构", "区政府的派出机构", "区政府派出机构", "县政府工作部门", "区政府工作部门",
               "县政府组成部门", "区政府组成部门", "县人民政府工作部门", "区人民政府工作部门"),
    "township": ("乡镇", "街道", "镇级", "乡级"),
}


def normalise(s: str) -> str:
    """For comparing quotes: NFKC (full-width → half-width) without any whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def expand_field(field: str) -> list[str]:
    """Cell addresses a field stands for: itself, or every cell of a table, row or block."""
    if field in CELL_ADDRESSES:
        return [field]
    if field == "tables":
        return list(ALL_CELL_ADDRESSES)
    return [a for a in ALL_CELL_ADDRESSES if a.startswith(field + ".")]


def _as_number(value) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        try:
            return Decimal(repr(value))
        except InvalidOperation:
            return None
    s = str(value).strip().rstrip("%％")
    v = parse_number(s)
    if v is not None:
        return v
    found = find_numbers(s)
    return found[0].value if len(found) == 1 else None


def _as_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    if s in _NO:
        return False
    if s in _YES:
        return True
    return None


def _kind_text(spec: FactSpec) -> str:
    return {
        "count": "非负整数", "cell_int": "非负整数", "percent": "0到100之间的百分数",
        "money_yuan": "金额（元）", "cell_money": "金额（万元）", "year": "年份", "bool": "“是”或“否”",
        "level": "机关层级（国务院部门、省级、市级、县级、乡镇/街道）", "name": "名称", "text": "文字",
    }[spec.kind]


def _coerce(spec: FactSpec, value):
    """The value in the field's type, or None when it cannot be."""
    k = spec.kind
    if k in ("cell_int", "cell_money") and isinstance(value, str) and value.strip() in _BLANKS:
        return Blank(blank=value.strip())  # "/" or "—" in a table: a blank, never 0
    if k in ("count", "cell_int", "year"):
        n = _as_number(value)
        if n is None or n < 0 or n != n.to_integral_value():
            return None
        n_int = int(n)
        if k == "year" and not 2008 <= n_int <= 2100:
            return None
        return n_int
    if k in ("money_yuan", "cell_money", "percent"):
        n = _as_number(value)
        if n is None or n < 0 or (k == "percent" and n > 100):
            return None
        return n.normalize() if n != n.to_integral_value() else Decimal(int(n))
    if k == "bool":
        return _as_bool(value)
    if k == "level":
        s = str(value).strip()
        if s in L.AGENCY_LEVEL_LABELS:
            return s
        for key, words in _LEVEL_WORDS.items():
            if s == L.AGENCY_LEVEL_LABELS[key] or any(w in s for w in words):
                return key
        return None
    if isinstance(value, (bool, int, float)) or value is None:
        return None
    s = str(value).strip()
    return s or None


_ALL_COMPLETED = re.compile(r"(?:都|全部|均|全都|已经?|已)\s*(?:已经?|已)?(?:按期|按时|如期)?(?:办完|办结|答复完|办理完毕|答复)"
                            r"|(?<![没未不])(?:按期|按时|如期)?办结(?:了|公开|并公开|且公开)")
_CN_BEFORE = re.compile(r"(?:^|(?<=[^一二两三四五六七八九十百千万零〇]))([一二两三四五六七八九])(?=[\u4e00-\u9fa5])")
_CN_TAIL = re.compile(r"(?<=[\u4e00-\u9fa5])([一二两三四五六七八九十]{1,3})(?:件|个)?\s*$")


_NUMERAL_RUN = re.compile(r"(?:(?:[0-9]{1,4}|[零〇一二两三四五六七八九十])[\s、,，]+){4,}(?:[0-9]{1,4}|[零〇一二两三四五六七八九十])")


def _number_grounded(spec: FactSpec, v: Decimal, quote: str) -> tuple[bool, bool]:
    """(found, approximate): is ``v`` one of the numbers written in ``quote``?"""
    mentions: list[NumberMention] = find_numbers(quote)
    whole = parse_number(quote)
    for m in mentions:
        value = m.value
        # Money said in the other unit: 2500元 is 0.25 in a 万元 cell, never 2500.
        if spec.kind == "cell_money" and (m.unit in ("元", "块钱") or (not m.unit and (quote[m.start:m.end].endswith(("万", "萬")) or (
                quote[m.end:m.end + 1] == "块" and quote[m.end + 1:m.end + 2] != "钱")))):  # ("176000块": 元)
            value = m.value / 10_000  # (and "收费356万": 356 in a 万元 cell)
        if spec.kind == "money_yuan" and m.unit == "万元":
            value = m.value * 10_000
        if m.unit == "亿元" and spec.kind in ("cell_money", "money_yuan"):  # "1.26亿元": 12,600 万元
            value = m.value * (10_000 if spec.kind == "cell_money" else 100_000_000)
        if m.unit == "千元" and spec.kind in ("cell_money", "money_yuan"):  # "23,186千元": 2,318.6 万元
            value = m.value / 10 if spec.kind == "cell_money" else m.value * 1000
        if spec.kind == "year" and m.unit == "年" and 8 <= value <= 99:
            value += 2000  # "24年度": a year said with two digits
        if value == v:
            return True, m.approx
    if whole is not None and whole == v:
        return True, False
    if spec.kind in ("count", "cell_int") and any(
            a.value * b.value == v and re.search(r"各|每", quote[a.end:b.start]) and b.start - a.end <= 16
            for a in mentions for b in mentions if a.start < b.start):
        return True, False  # "8个村每个村批了4户", "两家…各申请了2件": a product of the two
    if spec.kind == "cell_int" and _NUMERAL_RUN.fullmatch(quote.strip()) and any(
            parse_number(t) == v for t in re.split(r"[\s、,，]+", quote.strip())):
        return True, False  # "一 零 零 一 二 …": a table said number by number, in Chinese numerals
    if spec.kind == "cell_int" and any(quote.count(sep) >= 3 and str(v) in {t.strip() for t in quote.split(sep)}
                                       for sep in (",", "，")):
        # "本年新收,512,64,5,15,27,12,635": a CSV line's cells, not "12,635" as 12635 (and Word's
        # 表格转换成文本 with full-width commas: "…，58，4，890")
        return True, False
    if (tail := _CN_TAIL.search(quote)) and parse_number(tail.group(1)) == v:
        return True, False  # "维持九": a bare Chinese numeral right after the word it counts
    if spec.kind == "cell_int" and len(quote) <= 16 and any(
            parse_number(m.group(1)) == v for m in _CN_BEFORE.finditer(quote)):
        return True, False  # "二维持一未结": a short clause of single digits before their words
    if spec.kind == "count" and spec.unit and v > 0:
        # "微信公众号2,108条、微博1,097条" for one count: the sum of the numbers in its own unit
        own = [m.value for m in mentions if m.unit == spec.unit]
        if len(own) >= 2 and sum(own) == v:
            return True, False
    if spec.kind == "cell_int" and v > 0:
        # "告知不存在的6件……告知非本机关职责的4件": one table-三 row said in parts adds up
        counts = [m.value for m in mentions if m.unit in _COUNT_UNITS and not m.approx][:12]
        if counted_in(quote, v) or (
                v == 1 and re.search(r"[那这该此]一?件|那一?个(?![人月])", quote)):  # "村民那件是予以公开": that one application
            return True, False  # (or as many applications as the numbered lines quoted, one each)
        # ("除了律所那件，其他都是个人的": that one application is one of them)
        ones = [Decimal(1)] * len(re.findall(r"(?:除了|除去|除开)[^，,。；;]{1,10}?[那这]一?件", quote))
        if re.search(r"剩下|其余|剩余|除了|除去|除开", quote) and any(
                whole - sum(c) == v for whole in counts for k in (1, 2, 3, 4, 5)
                for c in combinations([x for x in [*counts, *ones] if x is not whole], k)):
            return True, False  # "新收25件 企业4件 环保组织2件 剩下的都是个人": what the others (up to five columns) leave
    if spec.kind == "percent" and v == 100 and _ALL_COMPLETED.search(quote):
        return True, False  # "都办结了": every one completed, a rate of 100%
    if v == 0 and (any(w in normalise(quote) for w in _zero_words()) or _not_before_a_word(quote)
                   or _NONE_CELL.search(quote) or (spec.kind == "cell_int" and "\t" in quote)):
        # (a row copied from a sheet, tab by tab: its blank cells are 0, placed by the table reader)
        return True, False
    return False, False


def _pieces_of(value: str, quote: str) -> bool:
    """"…；二是…。" with the 三是 the clerk struck out, a 【待补】 filled with their own words: every clause
    of the text is the clerk's, in the order said."""
    pieces = [normalise(x) for x in re.split(r"[，,；;。！!：:]", value) if x.strip()]
    at, q = 0, normalise(quote)
    for piece in pieces:
        found = q.find(piece, at)
        if found < 0:
            found = q.find(piece)  # (a blank filled: the words come after the passage)
            if found < 0:
                return False
        at = found + len(piece)
    return len(pieces) > 1


def _check_value(spec: FactSpec, value, quote: str) -> str | None:
    """A Chinese reason when ``value`` is not grounded in ``quote``; None when it is."""
    label = spec.label
    k = spec.kind
    if isinstance(value, Blank):
        if value.blank not in quote:
            return f"“{label}”的“{value.blank}”在您的原话“{quote}”中找不到，未采用。"
        return None
    if k in ("count", "cell_int", "year", "money_yuan", "cell_money", "percent"):
        found, approx = _number_grounded(spec, Decimal(value), quote)
        if not found:
            return f"“{label}”的数字{value}在您的原话“{quote}”中找不到，未采用。"
        if approx:
            return f"“{label}”的数字{value}在原话中是约数，报告需要准确数字，未采用。"
        return None
    if k == "bool":
        negated = any(w in quote for w in _NEGATIONS) or bool(_NONE_CELL.search(quote))  # ("信息处理费 x": the notes' cross)
        if value is False and not negated:
            return f"“{label}”为“否”，但原话“{quote}”中没有否定的说法，未采用。"
        return None
    if k == "level":
        # said in words ("市级单位"), or told by the agency's name in the quote ("某县自然资源局")
        if not any(w in quote for w in (*_LEVEL_WORDS[value], L.AGENCY_LEVEL_LABELS[value])) and not any(
                infer_level(name) == value for name in (quote, *(f[0] for f in [agency_name_in(quote), agency_name_in("单位是" + quote)] if f))):
            return f"“{label}”在原话“{quote}”中没有依据，未采用。"
        return None
    if normalise(value) not in normalise(quote) and not (k == "name" and said_as(str(value), quote)) and not (
            k == "text" and _pieces_of(str(value), quote)):
        # (a body's full name for the short one said: 临江市人社局 → 临江市人力资源和社会保障局)
        return f"“{label}”是文字内容，须保留您的原话，改写过的内容未采用。"
    return None


def check_patch(patch: Patch, message: str) -> PatchResult:
    """Split ``patch`` into grounded ops (values coerced to their types) and rejections."""
    msg = normalise(message)
    result = PatchResult()
    seen: dict[str, object] = {}
    torn: set[str] = set()  # fields given two values in the message: neither taken

    def reject(op: PatchOp, reason: str) -> None:
        result.rejected.append(Rejection(op=op, reason=reason))

    for op in patch.ops:
        field = op.field.strip()
        group = expand_field(field) if field not in FACT_SPECS else []
        spec = spec_of(field) or (spec_of(group[0]) if group else None)
        if spec is None:
            reject(op, f"无法识别要填写的项目“{op.field}”，未采用。")
            continue
        label = fact_label(field) if field in FACT_SPECS or field in CELL_ADDRESSES else field
        quote = (op.quote or "").strip(" \u3000\r\n")  # a table row keeps its tabs: its blank cells
        if not quote:
            reject(op, f"“{label}”没有给出依据的原话，未采用。")
            continue
        if normalise(quote) not in msg:
            reject(op, f"“{label}”所依据的原话“{quote}”不在您这条消息中，未采用。")
            continue
        if op.op == "pending":
            result.accepted.append(op.model_copy(update={"field": field, "quote": quote, "value": None}))
            continue
        if _BLANKET.search(quote) and not any(w in quote for w in _TABLE_WORDS):
            reject(op, f"“{label}”的依据“{quote}”没有指明是哪一项，笼统地修改“所有数字”不予采用；请逐项说明。")
            continue
        if len(group) > 1:
            spec = spec_of(group[0])
            assert spec is not None
        value = _coerce(spec, op.value)
        if value is None:
            reject(op, f"“{label}”的取值“{op.value}”不是{_kind_text(spec)}，未采用。")
            continue
        if len(group) > 1 and (isinstance(value, Blank) or value != 0):
            reject(op, f"“{field}”是整张表或整行，只能统一填写0，未采用。")
            continue

        reason = _check_value(spec, value, quote)
        if reason:
            reject(op, reason)
            continue
        if field in torn:
            continue  # (a third value of a field already refused: refused with it)
        if field in seen and seen[field] != value:
            reject(op, f"同一条消息中“{label}”有两个不同的取值（{seen[field]}和{value}），请确认后再说一次。")
            # neither value is taken: the one accepted before goes too, as the message says
            result.accepted = [a for a in result.accepted if a.field != field]
            torn.add(field)
            continue
        seen[field] = value
        stored = str(value) if isinstance(value, (Decimal, Blank)) else value
        result.accepted.append(op.model_copy(update={"field": field, "quote": quote, "value": stored}))
    return result


def expand_ops(ops: list[PatchOp]) -> list[PatchOp]:
    """Checked ops with every table or row op (``t3``, ``t3.new_received``) expanded to one op per
    cell, in the field's type: what a store of per-field facts keeps."""
    out: list[PatchOp] = []
    for op in ops:
        for target in ([op.field] if op.field in FACT_SPECS else expand_field(op.field)):
            out.append(op.model_copy(update={"field": target}))
    return out


def apply_patch(facts: Facts, ops: list[PatchOp]) -> Facts:
    """A new ``Facts`` with the (already checked) ops applied; ``facts`` itself is unchanged."""
    data = facts.model_dump()
    cells = dict(facts.cells)
    pending, quotes = dict(facts.pending), dict(facts.quotes)
    for op in expand_ops(ops):
        target = op.field
        if op.op == "pending":
            if facts.get(target) is None:
                pending[target] = op.quote
            continue
        spec = spec_of(target)
        assert spec is not None
        value = _coerce(spec, op.value)
        if target in CELL_ADDRESSES:
            cells[target] = value
        else:
            data[target] = value
        pending.pop(target, None)
        quotes[target] = op.quote
    data.update(cells=cells, pending=pending, quotes=quotes)
    return Facts.model_validate(data)
