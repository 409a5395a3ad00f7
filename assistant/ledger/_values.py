"""Values by meaning: dates in the forms ledgers use, the applicant's column of table 三 from the
type (or the name), the row of table 三 from the outcome wording (and the reason), and the block and
column of table 四 from a review or lawsuit's kind and result. Each answer is (key, "") or
(None, why in Chinese)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from assistant.ledger._vocab import norm, vocabulary
from schemas import labels as L

__all__ = ["applicant_column", "is_pending", "outcome_row", "parse_date", "review_block", "review_part",
           "row_label"]

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_YMD = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(?:日|号)?(?:[\sT]|$)")
_MD = re.compile(r"^\s*(\d{1,2})\s*[./月-]\s*(\d{1,2})\s*(?:日|号)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_SERIAL = re.compile(r"^\s*(\d{4,5})(?:\.\d+)?\s*$")
_CJK = re.compile(r"^[\u3400-\u9fff·]{2,5}$")
_NUMERALS = re.compile(r"[0-9一二三四五六七八九十]+")
_COLUMN_NAMES = L.T3_COLUMN_LABELS


def parse_date(value: Any, year: int | None = None) -> dt.date | None:
    """A date as ledgers write it: a date cell, 2025-03-04, 2025/3/4, 2025.3.4, 2025年3月4日,
    二〇二五年三月四日, 20250304, or an Excel serial (45720, as a number or text); with ``year`` (the
    report's), a month and day alone too (2.17, 3/5, 12月28日: a register kept by hand). None when
    empty; ``ValueError`` otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return _serial(float(value))
    text = norm_digits(str(value))
    if not text.strip():
        return None
    m = _YMD.match(text) or _COMPACT.match(text)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _SERIAL.match(text)
    if m:
        return _serial(float(text))
    if year is not None and (m := _MD.match(text)):
        return dt.date(year, int(m.group(1)), int(m.group(2)))
    m = _CN_YMD.match(text)  # "二〇二五年一月八日", as official documents write dates
    if m:
        year = int("".join(str(_CN_DIGITS.index(c)) for c in m.group(1).replace("零", "〇")))
        return dt.date(year, _cn_small(m.group(2)), _cn_small(m.group(3)))
    raise ValueError(value)


_CN_DIGITS = "〇一二三四五六七八九"
_CN_YMD = re.compile(r"^\s*([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号]?\s*$")


def _cn_small(text: str) -> int:
    """1–31 in Chinese numerals: 八, 十, 十二, 二十, 二十六."""
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _CN_DIGITS.index(text)
    return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(ones) if ones else 0)


def norm_digits(text: str) -> str:
    return text.translate(_FULL)


_FULL = str.maketrans("０１２３４５６７８９／－．", "0123456789/-.")


def _serial(n: float) -> dt.date:
    if 19_000_000 < n < 30_000_000 and n.is_integer():  # 20250304 typed as a number
        s = str(int(n))
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
    if not 1 <= n < 100_000:
        raise ValueError(n)
    return _EXCEL_EPOCH + dt.timedelta(days=int(n))


def applicant_column(type_text: str, name_text: str) -> tuple[str | None, str]:
    """The applicant column (natural, commercial …) from the type column, else from the name."""
    v = vocabulary()
    t = norm(type_text)
    if t:
        keys = v.applicant_types.keys(t)
        if len(keys) == 1:
            return keys.pop(), ""
        if len(keys) > 1:
            names = "、".join(_COLUMN_NAMES[k] for k in L.T3_APPLICANT_COLUMNS if k in keys)
            return None, f"申请人类型“{type_text.strip()}”同时像{names}，无法确定是哪一列"
        by_name, _ = _by_name(type_text)
        if by_name is not None:
            return by_name, ""
        if name_text.strip() and (by_name := _by_name(name_text)[0]) is not None:
            return by_name, ""  # ("组织" for 某小区业主委员会: a type too broad, the name says which)
        return None, f"申请人类型“{type_text.strip()}”不是表三的申请人类别（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）"
    if not name_text.strip():
        return None, "没有申请人类型，也没有申请人名称"
    n = norm(name_text)
    if (whole := [k for w, k in v.applicant_types.find(n) if w == n]):
        return whole[0], ""  # "自然人" written where the name goes: the type itself (the whole name)
    return _by_name(name_text)


def _by_name(name: str) -> tuple[str | None, str]:
    v = vocabulary()
    raw = name.strip()
    n = norm(raw)
    if not n:
        return None, "没有申请人类型，也没有申请人名称"
    if (aside := re.fullmatch(r"(?P<name>[^（(]+?)\s*[（(](?P<note>[^）)]{1,16})[）)]\s*", raw)):
        # "王某某（本镇村民）": the note in brackets may say who, else the name before it does
        said = v.applicant_types.keys(norm(aside.group("note")))
        if len(said) == 1:
            return said.pop(), ""
        return _by_name(aside.group("name"))
    orgs = v.name_orgs.keys(n)
    if len(orgs) == 1:
        return orgs.pop(), ""
    if len(orgs) > 1:
        names = "、".join(_COLUMN_NAMES[k] for k in L.T3_APPLICANT_COLUMNS if k in orgs)
        return None, f"没有申请人类型，申请人名称“{raw}”同时像{names}，无法确定是哪一列"
    if any(n.endswith(s) and len(n) > len(s) for s in v.person_suffixes):
        return "natural", ""
    for surname in v.surnames:
        if raw.startswith(surname):
            rest = raw[len(surname):]
            if _masked(rest, v.person_masks):
                return "natural", ""
            if _CJK.match(raw) and 2 <= len(raw) <= 4 and not raw.endswith(v.org_endings):
                return "natural", ""
            break
    return None, f"没有申请人类型，无法从申请人名称“{raw}”判断是个人还是哪类组织"


def _masked(rest: str, masks: tuple[str, ...]) -> bool:
    """张某、张某某、张**、王×× : the rest of the name is only mask characters (and at most one given character)."""
    chars = set("".join(masks))
    hidden = [c for c in rest if c in chars]
    return bool(hidden) and len(rest) - len(hidden) <= 1


def is_pending(*texts: str) -> bool:
    """办理中, 未办结, 延期 … in the outcome or the status column: not finished."""
    v = vocabulary()
    return any(v.pending.find(norm(t)) for t in texts if t)


def _group(leaf: str) -> str:
    return leaf.split(".")[0]


def _decide(text: str, within: set[str] | None = None) -> tuple[str | None, set[str], set[str]]:
    v = vocabulary()
    found = v.outcomes.find(text)
    leaves = {k for _, k in found if not k.startswith("group:")}
    groups = {k[6:] for _, k in found if k.startswith("group:")}
    if within is not None:
        leaves = {k for k in leaves if _group(k) in within}
    if "partial" in leaves and all(k in ("partial", "granted") or k.startswith("withheld.") for k in leaves):
        # "部分公开（放贷额涉及商业信息未提供）": what was kept back and why; it counts as 部分公开 only
        leaves, groups = {"partial"}, groups - {"withheld"}
    if not leaves:
        rest = text
        for word, _ in found:
            rest = rest.replace(word, "")
        if _NUMERALS.sub("", rest) == "其他" and groups <= {"other_handling"}:
            leaves = {"other_handling.other"}
    if len(leaves) == 1:
        leaf = next(iter(leaves))
        if not groups or groups == {_group(leaf)}:
            return leaf, leaves, groups
    return None, leaves, groups


def row_label(key: str) -> str:
    """The official label of a table-三 row key (granted, withheld.state_secret …)."""
    if "." in key:
        group, sub = key.split(".")
        return L.T3_GROUP_LABELS[group] + L.T3_GROUP_ROWS[group][sub]
    return L.T3_ROW_LABELS[key]


def outcome_row(outcome: str, reason: str = "") -> tuple[str | None, str]:
    """The table-三 row of a finished application: from the outcome column, refined by the reason
    column when the outcome names only the category (不予公开 + 属于国家秘密)."""
    o, r = norm(outcome), norm(reason)
    if not o and not r:
        return None, "没有办理结果"
    leaf, leaves, groups = _decide(o)
    if leaf is not None:
        return leaf, ""
    if r and not leaves:
        leaf, leaves2, groups2 = _decide(o + r, within=groups or None)
        if leaf is not None:
            return leaf, ""
        if leaves2:
            leaves = leaves2
        elif groups:  # the reason names a row of another category (不予公开 + 本机关不掌握)
            leaves = _decide(o + r)[1]
        groups = groups or groups2
    said = "、".join(x for x in (outcome.strip(), reason.strip()) if x)
    if len(leaves) > 1:
        names = "、".join(f"“{row_label(k)}”" for k in sorted(leaves))
        return None, f"办理结果“{said}”同时符合{names}，无法确定是表三的哪一行"
    if leaves and groups:
        leaf = next(iter(leaves))
        group_names = "、".join(L.T3_GROUP_LABELS[g] for g in sorted(groups))
        return None, f"办理结果“{said}”写的是{group_names}，理由却属于“{row_label(leaf)}”，前后不一致"
    if groups:
        names = "、".join(L.T3_GROUP_LABELS[g] for g in sorted(groups))
        return None, f"办理结果“{said}”只写了{names}，没有写明理由，无法确定是表三的哪一行"
    if (leaf := _in_the_readers_words(o + r)) is not None:
        return leaf, ""
    return None, f"办理结果“{said}”不是表三中的办理结果，无法确定是哪一行"


def outcome_row_by_content(outcome: str, content: str) -> str | None:
    """The row of a result that names only its category ("不予处理"), from what was asked for, when that
    names one row of the category ("要求再出具一份本人工伤认定决定书" → 要求确认或重新出具): a register kept
    without a column for the reason."""
    _, leaves, groups = _decide(norm(outcome))
    if leaves or not groups or not content.strip():
        return None
    leaf, _, _ = _decide(norm(outcome) + norm(content), within=groups)
    if leaf is None:
        leaf = _in_the_readers_words(content)
        leaf = leaf if leaf is not None and _group(leaf) in groups else None
    return leaf


_NOT_RESULT_ROWS = {"new_received", "carried_over", "total"}


def _in_the_readers_words(text: str) -> str | None:
    """The one result row the chat's reader names in ``text`` ("告知非本机关掌握" → 本机关不掌握): one
    vocabulary for what staff say and what they write in their ledgers."""
    from assistant.reading import vocabulary as reading_vocabulary

    rows = {a.key for a in reading_vocabulary().anchors(text) if a.kind == "t3row" and a.key not in _NOT_RESULT_ROWS}
    return next(iter(rows)) if len(rows) == 1 else None


def review_block(kind_text: str, route_text: str = "") -> tuple[str | None, str]:
    """review, litigation_direct or litigation_after_review."""
    v = vocabulary()
    kinds = v.review_kinds.keys(norm(kind_text))
    route = v.review_kinds.keys(norm(route_text)) & {"after_review", "direct"}
    said = "、".join(x for x in (kind_text.strip(), route_text.strip()) if x)
    if not said:
        return None, "没有写明是行政复议还是行政诉讼"
    ways = (kinds & {"after_review", "direct"}) | route
    litigation = "litigation" in kinds or bool(kinds & {"after_review", "direct"} - {"review"})
    if "after_review" in kinds:
        litigation = True
    if litigation:
        if len(ways) == 1:
            return ("litigation_after_review" if "after_review" in ways else "litigation_direct"), ""
        if not ways:
            return None, f"“{said}”是行政诉讼，但没有写明是未经复议直接起诉还是复议后起诉"
        return None, f"“{said}”既写了直接起诉又写了复议后起诉，无法确定"
    if "review" in kinds:
        return "review", ""
    return None, f"“{said}”不是行政复议或行政诉讼"


def review_part(result: str) -> tuple[str | None, str]:
    """upheld, corrected, other or pending."""
    v = vocabulary()
    keys = v.review_results.keys(norm(result))
    if len(keys) == 1:
        return keys.pop(), ""
    if not keys:
        return None, f"结果“{result.strip()}”不是结果维持、结果纠正、其他结果或尚未审结"
    names = "、".join(L.T4_COLUMN_LABELS[k] for k in ("upheld", "corrected", "other", "pending") if k in keys)
    return None, f"结果“{result.strip()}”同时像{names}，无法确定"
