"""Free text said under a label: "存在的问题：……", "改进措施：……", "问题主要是……", "明年打算……".

A labelled passage runs to the next label, or to the first sentence that states a fact of the report
("问题：…；改进措施：…；信息处理费没收。" is three things).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Text", "labelled_texts", "said_of_a_topic"]

_TEXT_LABELS: tuple[tuple[str, str], ...] = (
    ("last_year_followup", r"上年(?:度)?问题(?:的)?整改(?:情况)?"),
    ("problems", r"存在的(?:主要)?问题|主要问题|存在问题|问题|不足"),
    ("measures", r"改进措施|改进方向|改进(?=\s*[:：]|[ \u3000]+[^\s0-9０-９])|改进的措施|下一步(?:工作)?(?:打算|计划|措施)?|下步(?:改进)?措施|整改措施|改进办法|措施|打算"),
    ("management", r"(?:政府)?信息管理(?:方面)?(?:情况)?|管理(?:这块|这部分)?"),
    ("platform", r"(?:政府信息公开)?平台建设(?:方面)?(?:情况)?|平台(?:这块|这部分)|平台(?=[ \t\u3000]*[：:])|平台(?=方面)"),
    ("oversight", r"监督保障(?:方面)?(?:情况)?|监督考核|监督(?:这块|这部分)|监督(?=[ \t\u3000]*[：:])"),
    ("work_points", r"(?:落实)?(?:上级)?(?:年度)?(?:政务公开)?工作要点(?:落实)?(?:情况)?|要点(?=那块|这块|方面)"),
    ("innovation", r"(?:政务公开)?(?:工作)?创新(?:情况|做法|亮点|举措)?"),
    ("special_requirements", r"(?:其他文件)?专门要求(?:报告)?的?事项"),
    ("other_matters", r"其他需要报告的事项|需要报告的其他事项|其他事项|联系方式"),
    ("statistics_notes", r"数据统计(?:需要)?说明(?:的事项)?|统计说明"),
    ("active_notes", r"主动公开(?:的)?(?:其他)?(?:情况)?"),
    ("on_request_notes", r"依申请公开(?:的)?(?:其他)?(?:情况)?|依申请(?=那段|这段|那块|这块|那部分|这部分)"),
    ("proposals_notes", r"建议提案(?:办理)?(?:情况)?"),
)
_LABEL = re.compile(
    r"(?:^|(?<=[。；;！!？?\n，, \u3000：:]))\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．]\s*)?[【\[]?"
    r"(?:我说的是|我是说|我指的是|说的是)?(?:今年的?|本年度?的?|今年度的?|我们的?|目前的?)?(?:(?:有个|有一个|有一项|有项|有一点)(?!问题|事|情况))?(?P<label>"  # ("今年的问题：…", "今年有个创新可以写：")
    + "|".join(f"(?P<{f}>{p})" for f, p in _TEXT_LABELS) + r")(?:方面|情况|这块|这部分|的话|里|中|那里|那块|那段|这段)?(?:嘛|么|呢|啊|吧)?(?:能不能|可不可以|可以|能|帮我)?(?:就写|写成|写上|写进去|写进|写|改成|改为|可以写|能写|要写|想写)?(?:一下|下)?"
    r"(?:(?:你|您)?(?:帮我|给我|帮忙)?(?:再|要)?(?:补充|补|加|增加|添)(?:一段|一句|几句|一下|上)?)?"  # ("主动公开补一段：…", from a reviewer's comment)
    r"(?:(?:你|您)?(?:帮我|给我|帮忙)(?:参考(?:着)?)?(?:写|弄|起草|整理)(?:一)?下?)?"  # ("存在问题你帮我参考写下：")
    # ("问题我讲两点：", "措施主要有三条：")
    r"(?:[我就]?(?:讲|说|写|有|主要有|主要是|主要|一共|共有|共|(?:想|列|总结|整理|梳理|归纳|找|写|琢磨)了?|想到|找到)[一两二三四五六七八九几]?(?:点|个|条|方面)?)?"  # ("问题主要两条 一是…", "问题我想了两条：")
    # a colon, or in voice input a space before the text ("存在的主要问题 一是…")
    # ("问题一是…，二是…": the list right after the label)
    r"(?:\s*[:：]\s*|[ \u3000]+(?=[^\s0-9０-９])|(?=一是|一方面|第一[，,是])|[，,]\s*(?=一是|一方面|第一[，,是])"
    r"|(?<=补充一下|补充一段)[，,]\s*|(?<=补一段|补一下|补几句|补一句)[，,]\s*"
    r"|(?<=写上|写进)(?=[\u4e00-\u9fa5])"  # ("平台建设那块能不能写上公开栏 …")
    r"|(?<=那块|这块|方面)(?:的话)?[，,]?\s*(?:就是|主要是)(?=[\u4e00-\u9fa5])"  # ("要点那块就是按市里要点…做了")
    r"|[】\]][ \t\u3000]*\n?)")  # ("【平台建设】" over its lines in the clerk's notes)
# labels said without a colon, as a sentence opening
_OPENINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("problems", re.compile(r"(?:^|(?<=[。；;！!？?\n，, ：:]))\s*(?:主要)?问题(?:嘛|么|呢|啊|的话)[，,]\s*(?=[\u4e00-\u9fa5])|"
                            r"(?:^|(?<=[。；;！!？?\n，, ：:]))\s*(?:(?:什么|啥|要说|说到)(?=问题))?(?:存在的|目前的?|我们的)?(?:主要)?(?:问题|不足)(?:的话)?"
                            r"(?:嘛|咯|啊|呢|么)?(?:[…。.，,\s]*(?=就是|主要是))?"
                            r"(?:[，,]?\s*(?:我觉得|我看|我想|我认为|我感觉|感觉))?(?:可能|大概)?(?:主要)?"
                            r"(?:就是|是|在于|有|(?:你|就|就给我|帮我)?写|我?(?:想|打算|准备)写|(?:就)?写成|这么写)")),
    ("measures", re.compile(r"(?:^|(?<=[。；;！!？?\n，, ]))\s*(?:(?:明年|下一步|下步|今后|接下来)(?:我们)?(?:打算|计划|准备|将|要)|"
                            r"(?:改进)?措施(?:你|就|就给我|帮我)?写|整改(?:你|就)?写|(?:改进)?措施(?:的话|这块|方面)[，,]?|"
                            r"(?:改进|整改)(?:的话|这块|方面)(?:嘛|么|呢|啊)?[，,]|"
                            r"(?:改进|整改)?措施(?:主要)?(?:就是|是)|(?<=[。；;\n，,])\s*(?:改进|整改)(?:的话)?(?:就是|是)(?=[^，,。；;]{4}))")),
)
# a numbered heading of part 一 pasted from the draft, "（三）政府信息管理情况。" and its paragraph after it
_HEADING = re.compile(r"(?:^|(?<=\n))[ \t\u3000]*[（(][一二三四五六七八九十]{1,2}[)）][ \t\u3000]*(?:本行政机关|本机关|本单位|本部门)?(?:年度)?(?P<label>"
                      + "|".join(f"(?P<{f}>{p})" for f, p in _TEXT_LABELS) + r")[。.][ \t\u3000]*(?=\S)")
# part 五's heading on a line of its own: the problems under it, then what is planned
_PART_FIVE = re.compile(r"(?:^|(?<=\n))[ \t\u3000]*(?:[五5][、.．][ \t\u3000]*)?存在的主要问题及改进情况[ \t\u3000]*\n")
# the clerk's word on the passage just pasted: no part of it ("问题里三是那句删了吧", "待补那里帮我写：…")
_DROP_POINT = re.compile(r"(?P<label>问题|措施|改进措施|改进|下一步)(?:里|中|里面|里头|那段)?的?第?(?P<n>[一二三四五六七八九])(?:是|条|点)?"
                         r"(?:那句|那条|那点|那一句|这句|那一条)?话?(?:就|可以)?(?:删了|删掉|去掉|不要了?|拿掉|划掉)"
                         # "三是那条是去年的问题，今年已经整改了，删掉。"
                         r"|(?:^|(?<=\n))[ \t\u3000]*第?(?P<n2>[一二三四五六七八九])是(?:那句|那条|那点|那一句|这句|那一条)(?P<why>[^\n]{0,24}?)(?:删了|删掉|去掉|不要了?|拿掉|划掉)")
# "最后那句“获评优秀案例”去掉": a sentence of the passage struck out, named by its words
_DROP_SENTENCE = re.compile(r"(?:最后|最末|末尾|结尾)?(?:那|这|一)句话?[“\"「『](?P<q>[^”\"」』\n]{2,30})[”\"」』](?:这句|那句)?(?:话)?(?:就|也)?"
                            r"(?:去掉|删掉|删了|删去|不要了?|拿掉|划掉)")
_FILL = re.compile(r"(?P<mark>待补|【待补】|横线|下划线|空着的|XX|xx|××|＿+|_+)(?:那里|那儿|那块|的地方|那个地方|那)"
                   r"(?:帮我|你|就)?(?:写|填|补)(?:上|成|进去)?[：:]\s*(?P<x>[^\n]+)")
_PLACEHOLDER = re.compile(r"【待补】|【待填】|XX|xx|××|＿{2,}|_{2,}")
_EDIT_NOTE = re.compile(r"[\s——-]*(?:" + _DROP_POINT.pattern + "|" + _FILL.pattern + "|" + _DROP_SENTENCE.pattern + ")")
# a heading of the draft on a line of its own ("六、其他需要报告的事项", "（一）收取信息处理费的情况。"): a passage stops there
_PART_HEAD = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十]{1,2}[)）])")
_PLANNED = re.compile(r"(?<=[。；;！!\n ，,\u3000])\s*(?=(?:明年|下一步|下步|今后|接下来|下阶段|来年|下一年)(?!.{0,3}(?:结转|接着办|继续办)))")
# a topic named at a sentence's opening and followed by what is said of it: "平台建设方面，……",
# "平台建设和去年一样，还是依托……", "监督这块主要是……"
_TOPIC_FIELDS = ("management", "platform", "oversight", "work_points", "innovation", "special_requirements",
                 "other_matters", "statistics_notes", "proposals_notes", "last_year_followup")
_TOPIC_OPENING = re.compile(
    r"(?:^|(?<=[。；;！!？?\n]))\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．]\s*)?(?P<label>"
    + "|".join(f"(?P<{f}>{p})" for f, p in _TEXT_LABELS if f in _TOPIC_FIELDS)
    + r")(?:方面|这块|这部分|的话|情况|工作)?(?:(?:还是)?和去年(?:一样|差不多|相同)|跟去年(?:一样|差不多)|(?:主要)?是)?\s*[，,]\s*")
# "信息管理、平台、监督这几块你就按：A、B、C 来写": several topics, then as many items in order
_TOPIC_WORD = {"management": r"(?:政府)?信息管理|管理", "platform": r"平台(?:建设)?", "oversight": r"监督(?:保障)?|考核",
               "innovation": r"创新", "work_points": r"工作要点"}
_TOPIC_LIST = re.compile(
    r"(?P<topics>(?:(?:" + "|".join(_TOPIC_WORD.values()) + r")[、和及与]){1,4}(?:" + "|".join(_TOPIC_WORD.values())
    + r"))[^：:\n。]{0,16}[：:]\s*(?P<items>[^\n。]+)")
# labels that name a part of the report as much as a note: what follows them is facts when it states any
_NOTES = ("active_notes", "on_request_notes", "proposals_notes")  # (a statistics note explains figures: it has them)
# "创新情况没有", "管理这块没什么可写的": nothing to report on a topic; "平台建设和去年一样": last year's
_TEXT_ALT = "|".join(f"(?P<{f}>{p})" for f, p in _TEXT_LABELS)
_NOTHING_ON = re.compile(
    r"^\s*(?:(?:[一二三四五六七八九十0-9]+[、.．])\s*)?(?P<label>" + _TEXT_ALT + r")(?:方面|这块|这部分|情况|的话|工作|的)?"
    r"\s*(?:今年)?(?:也|都)?(?P<none>没有|无|没什么(?:可写的|好写的|可说的)?|不写|暂无|不用写|空着|没啥)(?:的|了)?\s*[。.！!]?\s*$")
_SAME_ON = re.compile(
    r"^\s*(?P<label>" + _TEXT_ALT + r")(?:方面|这块|这部分|情况|的话|那段|这段)?\s*(?:还是|就)?(?:和|跟|同|与|照)"
    r"(?:去年|上年|上一年)(?:的)?(?:一样|相同|差不多|写)?(?:吧|的)?\s*[。.！!]?\s*$")


def said_of_a_topic(message: str) -> tuple[str, str, str] | None:
    """(kind, field, words) when the whole message says of a topic that there is nothing to report
    (kind "none", words: the clerk's "没有") or that it is as last year ("same_as_last_year")."""
    for kind, pattern in (("none", _NOTHING_ON), ("same_as_last_year", _SAME_ON)):
        if m := pattern.match(message):
            return kind, next(f for f, _ in _TEXT_LABELS if m.group(f)), m.groupdict().get("none") or ""
    return None


# what problems and measures describe in words ("有的栏目很久没更新"), as much as facts state it
_DESCRIBED = re.compile(r"栏目|专栏|网站|公众号|新媒体|平台|更新|发布|解读|培训|制度")
_COUNTED = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十百千万]+)\s*(?:[余多来几]\s*)?[件条个篇场次项期]")
_DIGITS = re.compile(r"[0-9０-９]|[一二两三四五六七八九十百千万]+\s*[件条个篇场次项期元]")
# hard ends (a stop) and soft ones (a comma, or a space of voice input between words)
# after a comma, what a problem or measure hardly describes in passing: a fact of its own ("…，信息处理费没收");
# "…，有的只公开了总数没公开到户" and "…，图解、视频解读仅3篇" still describe the problem, numbers and all
_OWN_FACT = re.compile(r"信息处理费|收费|人大|政协|提案|代表建议|复议|诉讼|起诉")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]|[，,]|(?<=[\u4e00-\u9fa5])[ \u3000]+(?=[\u4e00-\u9fa5])")


_LIST_ITEM = re.compile(r"\s*(?:[0-9０-９]{1,2}\s*[)）.．、]|[①②③④⑤⑥⑦⑧⑨⑩]|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]是)")
_ASIDE = re.compile(r"\s*(?:对了|哦对了|顺便(?:说一下|问一下|问下|说下)?|另外说一下|还有个事|还有一个事)")


@dataclass(frozen=True, slots=True)
class Text:
    field: str
    text: str
    start: int  # the passage's span, label included
    end: int
    quote: str = ""  # the words it comes from, when the clerk's word on it changed it ("问题里三是那句删了")


def labelled_texts(message: str, states_a_fact: Callable[[str], bool]) -> list[Text]:
    """Every labelled passage of ``message``. ``states_a_fact(sentence)`` tells where a passage stops."""
    marks: list[tuple[int, int, str]] = []  # (label start, text start, field)
    for m in _LABEL.finditer(message):
        field = next(f for f, _ in _TEXT_LABELS if m.group(f))
        marks.append((m.start(), m.end(), field))
    listed: list[Text] = []
    for m in _TOPIC_LIST.finditer(message):
        topics = [next(f for f, p in _TOPIC_WORD.items() if re.fullmatch(p, w))
                  for w in re.split(r"[、和及与]", m.group("topics"))]
        items = [x.strip() for x in re.split(r"[、；;]", re.sub(r"\s*来写\s*$|\s*写\s*$", "", m.group("items")))]
        if len(items) == len(topics) and len(set(topics)) == len(topics) and all(items):
            listed += [Text(f, x, m.start(), m.end()) for f, x in zip(topics, items, strict=True)]
            marks.append((m.start(), m.start(), "_listed"))
    for m in _HEADING.finditer(message):
        # (not "（一）主动公开情况。…": the draft's paragraph of figures, read as facts)
        if not any(s <= m.start() < e for s, e, _ in marks) and not any(m.group(f) for f in _NOTES):
            marks.append((m.start(), m.end(), next(f for f, _ in _TEXT_LABELS if m.group(f))))
    for m in _PART_FIVE.finditer(message):
        marks.append((m.start(), m.end(), "problems"))
    for m in _TOPIC_OPENING.finditer(message):
        if not any(s <= m.start() < e for s, e, _ in marks):
            field = next(f for f in _TOPIC_FIELDS if m.group(f))
            marks.append((m.start(), m.end(), field))
    for field, pattern in _OPENINGS:
        for m in pattern.finditer(message):
            if not any(s <= m.start() < e for s, e, _ in marks):
                marks.append((m.start(), m.end(), field))
    if any(f == "problems" for _, _, f in marks) and not any(f == "measures" for _, _, f in marks):
        # "问题：人少，都是兼职的。明年配一名专干……": what is planned after the problems are the measures
        first = min(s for s, _, f in marks if f == "problems")
        for m in _PLANNED.finditer(message, first):
            if not any(s <= m.start() < e for s, e, _ in marks):
                marks.append((m.start(), m.start(), "measures"))
                break
    marks.sort()
    out: list[Text] = list(listed)
    for i, (start, text_start, field) in enumerate(marks):
        if field == "_listed":
            continue
        limit = marks[i + 1][0] if i + 1 < len(marks) else len(message)
        end = _passage_end(message, text_start, limit, states_a_fact)
        if field in _NOTES:
            nl = message.find("\n", text_start)
            end = min(end, nl) if 0 <= nl else end
        # (the ；/， that parted it from the next label is no part of it: "问题：栏目更新不及时；措施：…")
        value = re.sub(r"[\s，,；;、]*(?:不对|不是|哦不|等下|等一下)?[\s，,；;、]*$", "", message[text_start:end].strip().lstrip("：:，, "))
        # ("措施：…每周更新一次\n好的 就这些": the chat's closing words are no part of it)
        value = re.sub(r"(?:[\s，,。]+|(?<=[。！!]))(?:好的?|嗯|ok|OK|中|行|好嘞|得嘞|妥了)?[\s，,]*(?:就这些了?|就这样吧?|就这么多|没了|没有了|先这样|谢谢|辛苦了?)[。！!~～]*$", "", value)
        # (a note of figures is no note: "主动公开这块 …信息大概两百来条吧 准确的我等下去后台查" is a
        # guess at a figure, said back as one, not a passage for part 一)
        if re.fullmatch(r"(?:啥|什么|哪些|哪几个|有哪些|有啥)[？?。]?|[？?]", value):
            continue  # ("问题是啥？": asked, no passage)
        if field == "measures" and len(value) <= 10 and re.search(r"[0-9０-９一两二三四五六七八九十]+\s*[场次条篇件个期]", value) and not any(
                f == "problems" for _, _, f in marks) and re.match(r"[\s，,。；;]*(?:明年|下一步|下步|今后|接下来)", message[start:]):
            continue  # ("新闻发布会今年一场没开，明年计划开两场": next year's figure in passing, no measures)
        if field in _NOTES and len(value) <= 24 and _HOW_TOLD.search(value):
            continue  # ("依申请公开 我按申请人一列一列说啊 先说自然人": how the figures will be told, no passage)
        if field in _NOTES and _LEADS_INTO_A_PASTE.fullmatch(value) and re.match(r"[ \t\u3000]*\n[^\n]*[\t|｜]", message[end:]):
            continue  # ("依申请这块 我excel是这样排的" over a pasted sheet: how it is laid out, no passage)
        if value and not (field in _NOTES and (states_a_fact(value) or _COUNTED.search(value))):
            edited, upto = _edited(message, field, value)
            out.append(Text(field, edited, start, end, message[text_start:upto].strip() if edited != value else ""))
    return out


def _edited(message: str, field: str, value: str) -> tuple[str, int]:
    """The passage as the clerk's words on it in the same message have it (a point dropped, a blank
    filled), and where those words end."""
    upto = 0
    for m in _DROP_POINT.finditer(message):
        label = m.group("label") or ("问题" if "问题" in (m.group("why") or "") else "措施" if re.search(
            "措施|改进|打算", m.group("why") or "") else "")
        if label and (label == "问题") == (field == "problems") and field in ("problems", "measures"):
            n = m.group("n") or m.group("n2")
            value, k = re.subn(rf"[；;，,]?\s*{n}是[^；;。]*(?=[；;。]|$)", "", value, count=1)
            upto = max(upto, m.end()) if k else upto
    for m in _DROP_SENTENCE.finditer(message):
        sentences = re.findall(r"[^。！!；;]+[。！!；;]?", value)
        sub = re.compile(".*?".join(map(re.escape, m.group("q"))))
        hit = [k for k, x in enumerate(sentences) if sub.search(x)]
        if hit and len(sentences) > 1:
            value, upto = "".join(x for k, x in enumerate(sentences) if k != hit[-1]), max(upto, m.end())
    for m in _FILL.finditer(message):
        if len(_PLACEHOLDER.findall(value)) == 1:
            value, upto = _PLACEHOLDER.sub(m.group("x").strip().rstrip("。"), value), max(upto, m.end())
    return value, upto


_HOW_TOLD = re.compile(r"(?:我|先|再|下面|接下来|然后)[^。！!？?]{0,12}?(?:说|讲|报|念)|一列一列|一行一行|一项一项|挨个")
# the words that lead into a sheet pasted under them ("我excel是这样排的", "表如下", "你看下")
_LEADS_INTO_A_PASTE = re.compile(r"[^。！!？?\n]{0,16}?(?:这样|这么|如下|下面|底下|下边)?[^。！!？?\n]{0,6}?"
                                 r"(?:排|列|弄|做|整理|统计|贴|粘|导出|复制|拷)[^。！!？?\n]{0,6}?|[^。！!？?\n]{0,12}?(?:如下|见下|你看下|你看看|看一下|给你)[^。！!？?\n]{0,4}?")


def _passage_end(message: str, start: int, limit: int, states_a_fact: Callable[[str], bool]) -> int:
    """The end of a passage starting at ``start``: the last sentence before ``limit`` that does not
    state a fact (the first sentence always belongs to the passage)."""
    pos, first, soft = start, True, ""
    numbered = bool(_LIST_ITEM.match(message, start))  # ("改进：1) …；2) 明年解读不少于30篇…；3) …": its items)
    while pos < limit:
        m = _SENTENCE_END.search(message, pos, limit)
        end = m.end() if m else limit
        sentence = message[pos:end]
        if not first and message[pos - 1:pos] == "\n" and _EDIT_NOTE.match(message, pos):
            return pos  # ("…\n三是那条是去年的问题，删掉。": the clerk's word on the passage, no item of it)
        if not first and numbered and _LIST_ITEM.match(sentence):
            first, soft, pos = False, "", end
            continue
        # a phrase after a comma or a space (not a stop) ends the passage only with a number or when
        # it describes nothing: "有的栏目很久没更新" goes on describing the problem, while
        # "…，信息处理费没收" and "…，另外人大建议承办了3件" are facts of their own
        if not first and (_ASIDE.match(sentence) or (message[pos - 1:pos] == "\n" and (
                _EDIT_NOTE.match(message, pos) or _PART_HEAD.match(sentence)))):
            return pos  # "…每周提醒 对了劳动监察投诉今年有二百三十六件": the clerk turns to something else
        if not first and sentence.strip() and states_a_fact(sentence) and (
                not soft or (_DIGITS.search(sentence) or not _DESCRIBED.search(sentence) if soft == "space"
                             else _OWN_FACT.search(sentence))):
            return pos
        first = False
        soft = "" if m is None or m.group(0).strip() not in ("", "，", ",") else (
            "space" if not m.group(0).strip() else "comma")
        pos = end
    return limit
