"""Who the report is for: the agency's name from how people introduce it, and its level from the name."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from assistant.reading._vocab import vocabulary

__all__ = ["agency_name_in", "full_agency_name", "infer_level", "placed_name_in"]

# what an agency's name ends with
_SUFFIX = ("人民政府办公室", "人民政府办公厅", "人民政府", "镇政府", "乡政府", "县政府", "区政府", "市政府", "省政府", "街道办事处", "办事处", "管理委员会", "管委会", "委员会", "管理局", "办公厅", "办公室", "总局",
           "管理处", "管理所", "中心", "海关", "局", "委", "厅", "署", "办", "院", "部", "所", "站", "队", "室", "馆")
# (not "区政府网站", "镇政府信息公开栏": a place where things are published)
_NAME = re.compile(r"[\u4e00-\u9fa5（）()·]{2,40}?(?:" + "|".join(_SUFFIX) + r")(?![\u4e00-\u9fa5]{0,1}(?:局|委|厅|办|处))"
                   r"(?!网站|网|门户|信息|公开栏|栏目|公众号|平台)")
# words that lead into the name
_LEAD = re.compile(r".*(?:本人系|本人是|我系|单位是|单位名称是|机关是|机关名称是|单位全称是?|全称是?|机关全称是?|我们是|我是|我这边是|我们这边是|这边是|我这里是|我们这里是|这里是|我这儿是|我们这儿是|这儿是|俺是|俺们是|本单位是|本机关是|帮(?:我|我们|忙|忙给)?(?:起草|写|做|弄|整理|准备|拟|编|搞)|"
                   r"给|为|替|写|起草|名称[:：]|单位[:：]|机关[:：]|现将|兹将|特将|现把|今将)(?:一下|下)?(?:个|一个|一份|份)?")
_NOT_IN_A_NAME = re.compile(r"关于|麻烦|请|按|把|帮|的|了|吧|呢|吗|我们|一下|这个|那个|要|哪|几个|什么|怎么|第[一二三四五六七八九十0-9]+部|^到|^在第")
_NOT_A_NAME = ("我们", "他", "她", "他们", "对方", "申请人", "我局", "本局", "本单位", "本机关", "我单位", "我委", "我办", "贵", "该", "这个", "那个", "政府信息公开")

# a unit inside an agency (the clerk's office), after the agency's own name
_INTERNAL_UNIT = re.compile(r"(?<=局|厅|委|部|署|府|处|会|院)(?:办公室|办公厅|综合处|综合科|综合司|政务公开处|政务公开科|信息公开科|党政办|政府办|办)$")

# place markers, most specific last; words that merely contain one are not places
# (宁乡高新技术产业园区: a 乡 or 镇 before a zone's name ends a city's or county's name, no township's)
_PLACE = re.compile(r"省|自治区|市|州|盟|县|区|旗|[乡镇](?!高新|经济|产业|工业|开发|科技园|物流园|保税)|街道")
_NOT_PLACES = ("城镇", "城市", "市场", "市政", "市容", "乡村", "城乡", "区域", "社区", "地区", "园区", "市民", "小区", "街区",
               "城区", "景区", "开发区", "新区管委")
_LEVEL_OF_PLACE = {"省": "provincial", "自治区": "provincial", "市": "municipal", "州": "municipal", "盟": "municipal",
                   "县": "county", "区": "county", "旗": "county", "乡": "township", "镇": "township", "街道": "township"}


def agency_name_in(clause: str) -> tuple[str, int, int] | None:
    """(name, start, end) when ``clause`` introduces the agency ("单位是某县自然资源局",
    "帮我写某区教育局2025年的年报", "我们是…")."""
    for m in _NAME.finditer(clause):
        run = m.group(0)
        lead = _LEAD.match(run)
        start = m.start() + (lead.end() if lead else 0)
        if lead is None and not re.search(r"(?:是|为|写|起草|名称|全称|单位|机关)[:：]?\s*$", clause[:m.start()]) and not (
                re.match(r"(?:本单位|单位)(?:名称|全称)?[\u4e00-\u9fa5]{4}", run)):  # ("…，单位南川县人社局")
            continue
        if lead and re.search(r"(?:转|交|移交|转交|送|发|递|退|推|派|分)给$", clause[:start]):
            continue  # "转给执法支队了": where an application went, not who reports
        end = m.end()
        # "江苏省人民政府参事室", "某委员会": the name goes on to the body's own suffix
        while (more := re.match(r"[\u4e00-\u9fa5]{1,6}?(?:" + "|".join(_SUFFIX) + ")", clause[end:])) and not (
                _NOT_IN_A_NAME.search(more.group(0)) or "报告" in more.group(0) or "年" in more.group(0)):
            end += more.end()
        name = clause[start:end]
        if (word := re.match(r"(?:本单位|单位)(?:名称|全称)?", name)) and len(name) - word.end() >= 4:
            name, start = name[word.end():], start + word.end()  # "单位南川县人社局": the word before the name, not of it
        if (me := re.match(r"(?:我们|咱们|俺们|我)(?=[\u4e00-\u9fa5]{1,8}?(?:省|市|县|区|州|旗|镇|乡|街道))", name)) and len(name) > 5:
            name, start = name[me.end():], start + me.end()  # ("我北京市园林绿化局办公室的": 我 is who speaks)
        if name.startswith("在") and len(name) > 4:
            name, start = name[1:], start + 1  # ("我在宁柯县政府办负责…": where the clerk sits)
        if len(name) < 3 or name.startswith(_NOT_A_NAME) or "报告" in name or _NOT_IN_A_NAME.search(name) or re.match(
                r"[一二三四五六七八九十]是", name):  # ("二是部分答复说理不够充分": a point of the problems, no body)
            continue
        if re.search(r"网站|网上|平台|栏目|公众号|公开栏", name):
            continue  # "网站是挂在区政府网站上": where things are published, not who publishes
        if name[0] in "乡镇县市区省" or name.startswith(("街道", "政府", "人民政府")):
            continue  # "乡政府办公室": a kind of office, not a name
        if any(a.start == 0 and a.end == len(name) for a in vocabulary().anchors(name)):
            continue  # "律师事务所": who applied, not who reports
        # "我是某部办公厅的": the clerk's own office; the report is its agency's
        if lead and re.search(r"我是|我们是", lead.group(0)) and re.match(r"(?:[\u4e00-\u9fa5]{0,8}(?:处|科|司|室|股))?的", clause[end:]) and (
                inner := _INTERNAL_UNIT.search(name)) and inner.start() >= 2:
            name, end = name[:inner.start()], start + inner.start()
        # "黄桥镇政府的（泰兴市）": the place it is in, in brackets after it, begins its full name
        if (place := re.match(r"(?:的)?\s*[（(]([\u4e00-\u9fa5]{2,6}?(?:市|区|县|州|盟))(?:的)?[）)]", clause[end:])) and (
                not re.search(r"级", place.group(1)) and place.group(1) not in name and not _PLACE.search(name[:2])):
            name = place.group(1) + name
        return name, start, end
    return None


_OWN_OFFICE = re.compile(r"(?:党政办公室|党政办|政府办|综合办|办公室)$")


@functools.lru_cache(maxsize=256)
def _placed_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\u4e00-\u9fa5])(?:[\u4e00-\u9fa5]{1,6}?(?:省|自治区|市|州|盟|县|区|旗)){1,3}" + re.escape(stem)
                      + r"[\u4e00-\u9fa5]{0,10}?(?:" + "|".join(_SUFFIX) + r")(?![\u4e00-\u9fa5]{0,1}(?:局|委|厅|办|处))")


def placed_name_in(message: str, said: str) -> str | None:
    """"我是南湖街道党政办的 … 江北区南湖街道办事处2025年度的": the same body's name with the places it is
    in, written on its own later (no "我们是" before it), which a lead-less name is otherwise not taken for."""
    stem = _OWN_OFFICE.sub("", said)
    if len(stem) < 3 or _PLACE.match(stem):
        return None
    if stem not in message[message.find(stem) + len(stem):] and not re.search(
            r"(?:省|自治区|市|州|盟|县|区|旗)" + re.escape(stem), message):
        return None  # (the cheap test first: a name with its places in front appears nowhere)
    for m in _placed_pattern(stem).finditer(message):
        whole = m.group(0)
        # ("现在要出东坪县柳河镇人民政府2025年度的…": the words before it run into the place; a place of two
        # characters is where the name begins)
        for cand in (whole, *(whole[k:] for k in range(1, whole.find(stem))
                             if re.match(r"[\u4e00-\u9fa5]{2}(?:省|自治区|市|州|盟|县|区|旗)", whole[k:]))):
            found = agency_name_in("单位是" + cand)
            if found is not None and found[0] == cand and not any(x in cand[:cand.find(stem)] for x in _NOT_PLACES):
                return cand
    return None


def infer_level(name: str, *, certain: bool = False) -> str | None:
    """The agency's level from its name, or None when the name does not tell: a 县级市's body is
    county level; a 镇 or 街 inside a county agency's name (某县城镇建设局) is not a township.
    ``certain``: only what the name settles (a city's bureau may be a 地级市's or a 县级市's)."""
    if not name:
        return None
    if "海关" in name:
        return None  # a vertical body: its level is not in its name
    if "县级市" in name:
        return "county"
    if (city := _city_level(name)) is not None:
        return city
    cleaned = name
    for word in _NOT_PLACES:
        cleaned = cleaned.replace(word, "＃" * len(word))
    # a marker counts only after a place name of its own: the 镇 of 镇禾县 begins the county's name
    places, last = [], 0
    for m in _PLACE.finditer(cleaned):
        if m.start() > last:
            places.append(m.group(0))
        elif places and m.start() == last and places[-1] in ("乡", "镇", "州") and m.group(0) in ("市", "县", "区", "旗"):
            places[-1] = m.group(0)  # 宁乡市, 安乡县, 海州区: the 乡 or 州 was part of the name, the marker follows it
        last = m.end()
    if places:
        # 某市某区教育局 → the district; 某县人民政府 → county; 某镇人民政府 → township
        if places[-1] == "市" and any(p in ("市", "州", "盟") for p in places[:-1]):
            return "county"  # a 市 under a 市, 州 or 盟 is a 县级市 (禾川州青禾市)
        if certain and places[-1] == "市" and name.endswith("生态环境局") and len(places) == 1:
            # since the vertical reform of environmental bodies (中办发〔2016〕63号) a 县级市's is a branch
            # ("…市生态环境局某某分局"): a 市's own 生态环境局 is the prefecture's
            return "municipal"
        if certain and places[-1] in ("市", "州", "盟") and not name.startswith("某"):
            return None  # 瑞昌市、邳州市 are county-level cities: a 市 alone does not say which
        return _LEVEL_OF_PLACE[places[-1]]
    if name.startswith(("国务院", "国家", "中国", "中华人民共和国")) or re.fullmatch(r"[\u4e00-\u9fa5]{1,8}部(?:办公厅)?", name):
        return "state_council_dept"
    return None


@functools.lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], frozenset[str]]:
    data = tomllib.loads(resources.files("prompts").joinpath("places.toml").read_text(encoding="utf-8"))
    cities = {**{c: "municipal" for c in data["prefecture_cities"]}, **{c: "county" for c in data["county_cities"]}}
    return cities, frozenset(data["counties"])


def _city_level(name: str) -> str | None:
    """"宜宾市文化广播电视和旅游局" → municipal, "瑞昌市应急管理局" → county: a city's own body (after
    its province, if named), by the list of 地级市 and 县级市, or a listed district's or county's under
    it ("绵阳市涪城区教育局" → county); None when the city is not listed or another place follows."""
    cities, counties = _places()
    for i in range(len(name)):
        if i and not name[:i].endswith(("省", "自治区")):
            continue
        for j in range(i + 2, min(len(name), i + 10) + 1):
            if name[j - 1] == "市" and (level := cities.get(name[i:j])) is not None:
                rest = name[j:]
                if (county := next((k for k in range(2, min(len(rest), 8) + 1) if rest[:k] in counties), None)) is not None:
                    rest, level = rest[county:], "county"  # (绵阳市涪城区…: the district's body)
                for word in _NOT_PLACES:
                    rest = rest.replace(word, "＃" * len(word))
                return None if _PLACE.search(rest) else level
    return None


@functools.lru_cache(maxsize=1)
@functools.cache
def _agency_words() -> dict:
    data = tomllib.loads(resources.files("prompts").joinpath("vocabulary.toml").read_text(encoding="utf-8"))
    return data["agency"]


def full_agency_name(said: str) -> str:
    """The body a clerk names, in full: without the clerk's own office ("临江市人社局办公室" →
    临江市人社局, "青石镇党政办" → 青石镇人民政府) and with a short name in its full form (人社局 →
    人力资源和社会保障局). The same name when there is nothing to change."""
    words = _agency_words()
    name = said
    for office in sorted(words["offices"], key=len, reverse=True):
        if (name.endswith(office) and name[:-len(office)] in words["national"]) or name in words["national"]:
            # "住建部办公厅…本部的年报": a 国务院 department by its short name, said alone
            return words["national"][name.removesuffix(office) if name not in words["national"] else name]
    for office in sorted(words["township_offices"], key=len, reverse=True):
        if name.endswith(office) and len(name) > len(office) + 1:
            stem = name[:-len(office)]
            if stem.endswith(("镇", "乡")):
                return stem + "人民政府"
            if stem.endswith("街道"):
                return stem + "办事处"
            if stem.endswith(("街道办", "街道办事处")):
                return stem.removesuffix("办事处").removesuffix("办") + "办事处"
    for office in sorted(words["offices"], key=len, reverse=True):
        if name.endswith(office) and re.search(r"(?:局|厅|委|部|署|总局|办)$", name[:-len(office)]) and (
                len(name) - len(office) >= 2) and not name[:-len(office)].endswith(("人民政府", "政府")):
            name = name[:-len(office)]  # (某市人民政府办公室 is a body of its own)
            break
    for short, full in sorted(words["short_names"].items(), key=lambda kv: -len(kv[0])):
        if name.endswith(short) and len(name) > len(short):
            return name[:-len(short)] + full
    return name


# "我们是宁川市下面的区": the city a 区 or 县 body is in, said beside its name
PARENT_CITY = re.compile(r"(?:^|(?<=[是属在归，,。；;\s]))(?P<city>[^\W\d是们我的]{2,4}?市)(?:下面|下边|底下|下属|所辖|管辖|辖下)的(?:一个)?(?P<kind>区|县)")


def said_as(full: str, quote: str) -> bool:
    """Whether ``full`` is the full form of a name written in ``quote`` (the short name, or the name
    with the clerk's office after it)."""
    text = re.sub(r"\s", "", quote)
    for j in range(3, len(text) + 1):
        if text[j - 1] not in "局委厅部署办室科处股府":
            continue
        for i in range(max(0, j - 40), j - 2):
            if full_agency_name(text[i:j]) == full:
                return True
    # "黄桥镇政府的（泰兴市）" for 泰兴市黄桥镇人民政府: the place said beside the name
    return any(full.startswith(p) and len(full) > len(p) + 2 and said_as(full[len(p):], quote)
               for p in [*re.findall(r"[（(]([\u4e00-\u9fa5]{2,6}?(?:市|区|县|州|盟))(?:的)?[）)]", text),
                         *(m.group("city") for m in PARENT_CITY.finditer(text))])
