"""What a report says about itself: agency, level, year, publication date, documents it cites."""

from __future__ import annotations

import datetime as dt
import re

from assistant.numbers import cn_to_number, to_halfwidth
from schemas import labels as L
from schemas.report import AgencyLevel

__all__ = [
    "agency_from_title", "agency_level", "cited_documents", "date_in_line", "is_date_line",
    "is_metadata_line", "is_page_chrome", "is_title", "title_from_page_title", "year_of",
]

_YEAR = re.compile(r"(\d{4})\s*年度?|([〇○零一二三四五六七八九]{4})\s*年度?")
_TRAILING_NOTE = re.compile(r"\s*[（(][^（）()]{1,10}[）)]\s*$")
_PAGE_TITLE_SEP = re.compile(r"\s*(?:_|\||｜|－|—+|\s-\s)\s*")
_NAME_TRIM = " \u3000\xa0《》“”\"'，,。:：-—"

# ---- agency level ------------------------------------------------------------------------------
_DIRECT_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# Words whose 市/区/乡/镇 is not an administrative level.
_NOT_LEVEL = re.compile("市场|城市|超市|都市|城乡|乡村|城镇|社区|小区|联盟|区域|辖区|地区")
_NATIONAL_PREFIX = ("国务院", "国家", "中国", "中华人民共和国", "全国")
_NATIONAL_SUFFIX = ("部", "委员会", "总署", "总局", "署", "银行", "办公厅", "办公室")


def agency_level(name: str) -> AgencyLevel | None:
    """The level of an agency from its name; the most local administrative unit named wins."""
    if not name:
        return None
    n = name.replace("自治区", "省").replace("地区", "市")  # 自治区 is provincial, 地区 prefectural
    for city in _DIRECT_MUNICIPALITIES:
        n = n.replace(city, "省")  # the four 直辖市 are provincial
    n = _NOT_LEVEL.sub("", n)
    if "街道" in n or "乡" in n or "镇" in n:
        return "township"
    if "县" in n or "区" in n or "旗" in n or n.count("市") >= 2:  # a second 市 is a 县级市
        return "county"
    if "市" in n or "州" in n or "盟" in n:
        return "municipal"
    if "省" in n:
        return "provincial"
    if name.startswith(_NATIONAL_PREFIX) or name.endswith(_NATIONAL_SUFFIX):
        return "state_council_dept"
    return None


# ---- title ---------------------------------------------------------------------------------------
def is_title(text: str) -> bool:
    """A report title: names a report, is not a sentence, a breadcrumb or a caption."""
    t = text.strip()
    if not (4 <= len(t) <= 80) or t.endswith(("。", "；", "，")):
        return False
    if any(c in t for c in ">＞»") or "当前位置" in t:
        return False
    t = _TRAILING_NOTE.sub("", t)  # …年度报告（全文）
    return t.endswith("报告") and ("政府信息公开" in t or "政务公开" in t or "年度报告" in t)


def title_from_page_title(text: str) -> str:
    """"…年度报告_某某市人民政府" (an HTML <title>) → "…年度报告"."""
    for part in _PAGE_TITLE_SEP.split(text):
        if is_title(part):
            return part.strip()
    return ""


def year_of(text: str) -> int | None:
    m = _YEAR.search(to_halfwidth(text))
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    v = cn_to_number(m.group(2))
    return int(v) if v is not None else None


def agency_from_title(title: str) -> str:
    """烟台市机关事务管理局 2023 年政府信息公开工作年度报告 → 烟台市机关事务管理局."""
    t = title.strip()
    m = _YEAR.search(to_halfwidth(t))  # to_halfwidth keeps positions: it maps one character to one
    if m:
        before = t[:m.start()].strip(_NAME_TRIM).removesuffix("关于").strip(_NAME_TRIM)
        if before:
            return before
        t = t[m.end():]
    for marker in (L.REPORT_TITLE_SUFFIX, "政府信息公开", "政务公开", "年度报告"):
        i = t.find(marker)
        if i >= 0:
            t = t[:i]
            break
    return t.strip(_NAME_TRIM).removesuffix("关于").strip(_NAME_TRIM)


# ---- dates -----------------------------------------------------------------------------------------
_DATE_ONLY = re.compile(r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*")
_DATE_ONLY_CN = re.compile(r"\s*([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                           r"\s*([一二三四五六七八九十]{1,3})\s*日\s*")
_DATE_LABELLED = re.compile(
    r"(发布日期|发布时间|发文日期|成文日期|印发日期|公开日期|生成日期|日期|时间)\s*[:：]\s*"
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_METADATA = re.compile(
    r"(索引号|发布机构|发文机关|发布日期|发布时间|发文日期|成文日期|生成日期|公开日期|信息来源|来源|浏览次数|"
    r"阅读次数|点击数|字号|字体|分类|主题分类|公开方式|公开范围|有效性|文号|作者|编辑|责任编辑)\s*[:：]")
_CHROME = re.compile(
    r"打印本页|关闭窗口|【打印】|【关闭】|版权所有|主办单位|承办单位|网站标识码|ICP备|公网安备|技术支持|扫一扫|"
    r"分享到|上一篇|下一篇|网站地图|联系我们|返回顶部|收藏本页")


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def is_date_line(text: str) -> bool:
    t = to_halfwidth(text)
    return bool(_DATE_ONLY.fullmatch(t) or _DATE_ONLY_CN.fullmatch(t))


def date_in_line(text: str, labelled_only: bool = False) -> dt.date | None:
    """A publication date: "2024年1月15日" alone on a line, or "发布日期：2024-01-15"."""
    t = to_halfwidth(text)
    m = _DATE_LABELLED.search(t)
    if m:
        return _date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
    if labelled_only:
        return None
    m = _DATE_ONLY.fullmatch(t)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DATE_ONLY_CN.fullmatch(t)
    if m:
        year, month, day = (cn_to_number(g) for g in m.groups())
        if year is not None and month is not None and day is not None:
            return _date(int(year), int(month), int(day))
    return None


def is_metadata_line(text: str) -> bool:
    """Page metadata around a published report (索引号：… 发布日期：…), not report text."""
    return len(text) <= 160 and "。" not in text and bool(_METADATA.search(text))


def is_page_chrome(text: str) -> bool:
    """Web page furniture after the report (打印本页, 版权所有, …)."""
    return len(text) <= 200 and bool(_CHROME.search(text))


# ---- cited documents ---------------------------------------------------------------------------------
_DOC_NO = re.compile(
    r"([\u4e00-\u9fff]{1,12}?)\s*[〔\[［【（(]\s*(\d{4})\s*[〕\]］】）)]\s*(\d{1,4})\s*号")
_DOC_LEAD = re.compile(r"^.*(根据|按照|依据|依照|参照|对照|遵照|落实|贯彻|执行|印发|结合|和|及|与|以及|即)")


def cited_documents(text: str) -> list[str]:
    """Document numbers cited in the text, normalised to 〔〕 brackets: 国办公开办函〔2021〕30号."""
    out: dict[str, None] = {}
    for m in _DOC_NO.finditer(to_halfwidth(text)):
        issuer = _DOC_LEAD.sub("", m.group(1))
        if issuer:
            out[f"{issuer}〔{m.group(2)}〕{int(m.group(3))}号"] = None
    return list(out)
