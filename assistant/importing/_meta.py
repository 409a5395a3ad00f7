"""What a report says about itself: agency, level, year, publication date, documents it cites."""

from __future__ import annotations

import datetime as dt
import re

from assistant.numbers import cn_to_number, to_halfwidth
from schemas import labels as L
from schemas.report import AgencyLevel

__all__ = [
    "agency_from_title",
    "agency_level",
    "cited_documents",
    "date_in_line",
    "is_date_line",
    "is_metadata_line",
    "is_page_chrome",
    "is_title",
    "metadata_publisher",
    "metadata_title",
    "period_year",
    "place_units",
    "report_year_in",
    "title_from_page_title",
    "without_chrome",
    "year_of",
    "years_in",
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


_PLACE_MARK = re.compile(r"街道|省|市|州|盟|县|区|旗|乡|镇")
_LEVEL_OF_MARK: dict[str, AgencyLevel] = {
    "省": "provincial", "市": "municipal", "州": "municipal", "盟": "municipal", "县": "county", "区": "county",
    "旗": "county", "乡": "township", "镇": "township", "街道": "township"}
# Vertical bodies: the level of a 海关 is set by its system, not by the place in its name.
_VERTICAL = re.compile(r"海关(?!总署)")


def place_units(name: str) -> list[str]:
    """The administrative units a name walks down (省, 市, 县, 镇 …), outermost first. A marker counts
    only after a place name of its own: the 镇 of 镇禾县 begins a county's name, the 镇 of 某县镇村办
    follows the county directly, and neither is a township."""
    units: list[str] = []
    last = 0
    for m in _PLACE_MARK.finditer(name):
        if m.start() > last:
            units.append(m.group(0))
        last = m.end()
    return units


def agency_level(name: str) -> AgencyLevel | None:
    """The level of an agency from its name; the most local administrative unit named wins."""
    if not name:
        return None
    if _VERTICAL.search(name):
        return None
    n = name.replace("自治区", "省").replace("地区", "市")  # 自治区 is provincial, 地区 prefectural
    for city in _DIRECT_MUNICIPALITIES:
        n = n.replace(city, city[:-1] + "省")  # the four 直辖市 are provincial
    n = _NOT_LEVEL.sub(lambda m: "＃" * len(m.group(0)), n)  # keep positions: a name before a marker counts
    units = place_units(n)
    if units:
        level = _LEVEL_OF_MARK[units[-1]]
        # a 市 under a 市, 州 or 盟 is a 县级市 (烟台市龙口市, 禾川州青禾市)
        if units[-1] == "市" and any(u in ("市", "州", "盟") for u in units[:-1]):
            return "county"
        return level
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


# "统计期限自2023年1月1日至2023年12月31日": the statistics period names the report year
_PERIOD = re.compile(r"(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—+|-|－|～|~)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日")
# "现公布本局2023年政府信息公开工作年度报告": a sentence naming the report, its agency before the year
_NAMED_REPORT = re.compile(r"([\u4e00-\u9fff（）()]{0,40}?)(\d{4})\s*年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?年度?报告")
_NAMING_LEAD = re.compile(r".*(?:公布|发布|编制|编写|印发|现将|特将|形成|即为|本报告为|这是|予以)")
# Years that name a law's revision, not the report period: "（2019年修订）", "2019年修正"
_REVISION_YEAR = re.compile(r"(\d{4})\s*年\s*(?:修订|修正|修改|第[一二三四五六七八九十]+次修)")
_NOT_A_NAME = ("本", "我", "该", "此", "其")


def period_year(text: str) -> int | None:
    """The year of a statistics period written as 1 January to 31 December of one year."""
    for m in _PERIOD.finditer(to_halfwidth(text)):
        if m.group(1) == m.group(2):
            return int(m.group(1))
    return None


def report_year_in(text: str) -> tuple[int, str] | None:
    """(year, agency or "") from a sentence that names the report by year ("…公布本局2023年…年度报告")."""
    m = _NAMED_REPORT.search(to_halfwidth(text))
    if m is None:
        return None
    name = _NAMING_LEAD.sub("", text[m.start(1):m.end(1)]).strip(_NAME_TRIM)
    if name.startswith(_NOT_A_NAME) or agency_level(name) is None:
        name = ""
    return int(m.group(2)), name


def years_in(text: str) -> list[int]:
    """Every year written in the text, except those naming a law's revision."""
    t = to_halfwidth(text)
    revised = {m.start(1) for m in _REVISION_YEAR.finditer(t)}
    out = []
    for m in _YEAR.finditer(t):
        if m.group(1) and m.start(1) not in revised:
            out.append(int(m.group(1)))
    return out


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
# The same fields laid out as a grid without colons ("标   题 …", "索引号 QH-2024-1 发文字号"): the label
# opens the line and spaces follow it.
_METADATA_GRID = re.compile(
    r"\s*(?:" + "|".join(r"\s*".join(w) for w in (
        "标题", "名称", "索引号", "发布机构", "发文机关", "发文字号", "文号", "主题分类", "分类", "成文日期",
        "发布日期", "公开方式", "有效性", "主题词", "信息来源")) + r")(?:\s*[:：]|[ \u3000\xa0]+)")
_METADATA_TITLE = re.compile(r"\s*(?:标\s*题|名\s*称)\s*[:：]?\s*")
# Controls of the page inside a line of text (the title's "…报告 【字体：大 中 小】 |"): buttons in
# brackets, a font-size switch, share and view counters.
_CHROME_WORDS = r"(?:字体|字号|打印|关闭|收藏|分享|纠错|我要|返回|视力保护色|护眼)"
_INLINE_CHROME = re.compile(
    r"[【\[［]\s*" + _CHROME_WORDS + r"[^【】\[\]［］]{0,16}[】\]］]"
    r"|(?:字体|字号)\s*[:：]\s*[大中小][大中小\s|｜/]*"
    r"|打印本页|关闭窗口|打印此页|关闭本页"
    r"|(?:浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]\s*\d*\s*次?"
    r"|分享到\s*[:：]?.*$")
_INLINE_CHROME_START = re.compile(r"[【\[［字打关浏阅访点分]")  # the first characters of its alternatives: a cheap test
_CHROME = re.compile(
    r"打印本页|关闭窗口|【打印】|【关闭】|版权所有|主办单位|承办单位|网站标识码|ICP备|公网安备|技术支持|扫一扫|"
    r"分享到|上一篇|下一篇|网站地图|联系我们|返回顶部|收藏本页")
# Kept apart from _CHROME, whose plain words it would slow down, behind a cheap test (``_has_control``).
_CHROME_CONTROL = re.compile(r"[【\[［]\s*" + _CHROME_WORDS + r"[^【】\[\]［］]{0,16}[】\]］]|(?:字体|字号)\s*[:：]\s*[大中小]")


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
    if len(text) > 160 or "。" in text:
        return False
    # every field of _METADATA ends in a colon: without one only the grid layout can match
    return bool((("：" in text or ":" in text) and _METADATA.search(text)) or _METADATA_GRID.match(text))


# The page's publisher field ("发布机构：某县某局"); 来源 may name a website instead, which is not taken.
_PUBLISHER = re.compile(r"(?:发布机构|发文机关|发布单位|信息来源|来\s*源)\s*[:：]?[ \u3000\xa0]*([^\s|｜:：]{2,40})")
_AGENCY_END = re.compile(r"(?:局|委员会|委|办公室|办|厅|院|人民政府|政府|处|中心|馆|站|所|会|部|署|街道|镇|乡|公署)$")


def metadata_publisher(text: str) -> str:
    """The agency a page's 发布机构/发文机关/来源 field names, or "" (a website, a person, nothing)."""
    if not is_metadata_line(text):
        return ""
    for m in _PUBLISHER.finditer(text):
        name = m.group(1)
        if _AGENCY_END.search(name) and not name.endswith(("网", "网站", "门户")):
            return name
    return ""


def metadata_title(text: str) -> str:
    """The value of a page's 标题 field ("标   题 …报告"), or ""."""
    m = _METADATA_TITLE.match(text)
    if m and is_metadata_line(text):
        value = text[m.end():].strip()
        return value if is_title(value) else ""
    return ""


def is_page_chrome(text: str) -> bool:
    """Web page furniture after the report (打印本页, 版权所有, …)."""
    return len(text) <= 200 and bool(_CHROME.search(text) or (_has_control(text) and _CHROME_CONTROL.search(text)))


def _has_control(text: str) -> bool:
    return "【" in text or "[" in text or "［" in text or "字体" in text or "字号" in text


def without_chrome(text: str) -> str:
    """A line of text less the page controls inside it, each replaced by spaces (offsets stay true).
    Only a line that is no sentence: prose keeps its words. A line of nothing but controls is kept
    whole, for ``is_page_chrome`` to recognise."""
    if len(text) > 200 or "。" in text or not _INLINE_CHROME_START.search(text) or not _INLINE_CHROME.search(text):
        return text
    out = _INLINE_CHROME.sub(lambda m: " " * len(m.group(0)), text)
    return out if out.strip(" \t\u3000|｜") else text


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
