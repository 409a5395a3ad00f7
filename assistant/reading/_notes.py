"""The clerk's own notes, read as said: a memo's shorthand ("依申请 共63（个41 企19 律3）", "许可 x", "规文 新1 废0 现6",
"处罚 412 → 437"), a list numbered "1.", items parted by slashes or pipes, applicants on the line under their count,
years named for this report, the last and the next, a note in brackets in a table's row. Each reader here gives the
spans of the message to read differently, with what to read in their place (``(start, end, replacement)``); the
quotes stay the clerk's words (``assistant.reading`` maps them back)."""

from __future__ import annotations

import itertools
import re

from assistant.numbers import to_halfwidth
from assistant.reading._tables import applicant_of as _applicant_of
from assistant.reading._vocab import vocabulary

# a line of the clerk's notes, "- 依申请：无（今年一件都没有）", "- 许可 x", "- 收费 /": the item, then none
_NOTE_NONE = re.compile(r"[ \t\u3000]*[：:]?[ \t\u3000]*(?:无|(?<![A-Za-z.])[xX]|×|✗|/|／|—|－|-)[ \t\u3000]*(?:[（(][^）)\n]*[）)])?[ \t\u3000]*$")


_CROSSED = re.compile(r"(?<=[\u4e00-\u9fa5])[ \t\u3000]*[：:]?[ \t\u3000]*(?:x|X|×|✗)(?=[ \t\u3000]+(?:[/／][ \t\u3000]*)?[\u4e00-\u9fa5])")
_TEXT_ITEM = re.compile(r"问题|不足|措施|改进|整改|打算|计划|明年|说明|备注|事项|创新|亮点|做法")


# "公开21（个14 企6 律1）", "重复2（个）": the notes' one-character applicants, in brackets after a count
_WHO_WORD = r"(?:环保组织|社会组织|公益组织|律师事务所|律所|科研机构|个人|企业|其他|科研|公益|环保|个|企|律|科|社)"
_SHORT_APPLICANTS = re.compile(rf"(?<=[0-9０-９件条])\s*[（(](?P<inner>(?:{_WHO_WORD}\s*[0-9０-９]*[\s、，,+＋]*){{1,6}})[）)]")
_SHORT_APPLICANT = {"个": "个人", "企": "企业", "律": "律所", "科": "科研机构", "科研": "科研机构", "社": "社会公益组织", "公益": "公益组织",
                    "环保": "环保组织", "其他": "其他"}
_WHO_SHORT = r"(?:个人|企业|律所|科研机构|科研|公益组织|公益|社会组织|其他|个|企|律)"
# "25年新收 69（24年是51）" over "     个58 企6 科研2（高校的研究院）其他3（两所中学 一个协会）": a count,
# and its applicants on the line under it
_APPLICANTS_LINE = re.compile(
    rf"(?m)(?<=[0-9０-９])(?P<tail>[ \t\u3000]*(?:件|个|条)?[ \t\u3000]*(?:[（(][^（()）\n]{{0,20}}[)）])?[ \t\u3000]*)\n[ \t\u3000]*"
    rf"(?P<items>(?:{_WHO_SHORT}[ \t\u3000]*[0-9０-９]+[ \t\u3000]*(?:[（(][^（()）\n0-9０-９]{{1,20}}[)）])?[ \t\u3000、，,]*){{2,6}})$")
# "依申请 148 = 个96 + 企38 + 律9 + 科研2 + 公益3": a count and its applicants added up, read as "148（个96 企38 …）"
_EQUALS_PARTS = re.compile(rf"(?P<n>[0-9０-９]+)[ \t\u3000]*[=＝][ \t\u3000]*(?P<parts>(?:{_WHO_SHORT}[ \t\u3000]*[0-9０-９]+[ \t\u3000]*[+＋][ \t\u3000]*)+{_WHO_SHORT}[ \t\u3000]*[0-9０-９]+)")


def _short_applicants(message: str) -> list[tuple[int, int, str]]:
    """"（个41 企19 律3）" → "（个人41 企业19 律所3）" for the reading (quotes stay the clerk's words)."""
    out: list[tuple[int, int, str]] = []
    for m in _SHORT_APPLICANTS.finditer(message):
        inner = m.group("inner")
        words = re.findall(_WHO_WORD, inner)
        if not any(w in _SHORT_APPLICANT and w != "其他" for w in words) or not any(w in ("个", "企", "律", "个人", "企业") for w in words):
            continue  # (one-character ones among them, beside a person's or a company's: the notes' shorthand)
        written = re.sub(_WHO_WORD, lambda w: _SHORT_APPLICANT.get(w.group(0), w.group(0)), inner)
        out.append((m.start("inner"), m.end("inner"), written))
    for m in _APPLICANTS_LINE.finditer(message):
        # (the count's own notes go after its applicants: "新收 69（24年是51）" over "个58 企6 …")
        items = re.sub(r"[（(][^（()）\n]*[)）]", " ", m.group("items")).split()
        out.append((m.start("tail"), m.end(), f"（{' '.join(items)}）{m.group('tail')}"))
    for m in _COLON_APPLICANTS.finditer(message):
        if re.search(r"个|企|律", m.group("inner")) and not re.search(r"个人|企业|律所", m.group("inner")):
            out.append((m.start(), m.end(), f"（{m.group('inner').strip()}）"))
    for m in _EQUALS_PARTS.finditer(message):
        parts = re.findall(r"[0-9０-９]+", m.group("parts"))
        if sum(int(to_halfwidth(p)) for p in parts) == int(to_halfwidth(m.group("n"))):
            spaced = re.sub(r"[ \t\u3000]*[+＋][ \t\u3000]*", " ", m.group("parts"))
            out.append((m.start(), m.end(), f"{m.group('n')}（{spaced}）"))
    return out


# "23年转来 5（个4 企1）", "结转到25年 5": carried in from the year before the report's, and on to the year after
_CAME_FROM_YEAR = re.compile(r"(?<![0-9０-９])(?:20)?(?P<y>[0-9]{2})[ \t\u3000]*年(?:度)?(?:的)?(?:转来|转过来|结转过来|结转来|结转的|转入|结转|剩下|剩的|留下|遗留|没办完)(?![到至下])")
# "结转到今年了（就是25年）": the year in brackets says which "今年" (the clerk writes in the year after the report's)
_CARRIED_TO_YEAR = re.compile(r"(?:结转(?:到|至|入)?|转(?:到|至|入))(?P<aside>(?:今年|明年|下年)(?:了)?[（(](?:就是|即|也就是|指)?)?(?:20)?(?P<y>[0-9]{2})[ \t\u3000]*年(?:度)?(?(aside)[)）])(?:的)?")


_THIS_YEARS = re.compile(r"(?<![0-9０-９])(?:20)?(?P<y>[0-9]{2})[ \t\u3000]*年(?:(?=新收|收到|收了|共收|依申请)|(?P<got>收)(?=\s*[0-9０-９]))")
_LAST_YEARS_ASIDE = re.compile(r"(?<=[（(])(?:20)?(?P<y>[0-9]{2})[ \t\u3000]*年(?=是|为|有|共|[0-9０-９])")


def _years_carried(message: str, report_year: int | None) -> list[tuple[int, int, str]]:
    """"23年转来 5", "结转到25年 5", "25年新收 69（24年是51）" (report 2024, 2024, 2025): the years named
    as this report's, the one before or the one after."""
    out = [(m.start(), m.end(), "今年收到" if m.group("got") else "今年") for m in _THIS_YEARS.finditer(message)
           if report_year is not None and int(m.group("y")) == report_year % 100]
    out += [(m.start(), m.end(), "去年") for m in _LAST_YEARS_ASIDE.finditer(message)
            if report_year is not None and int(m.group("y")) == (report_year - 1) % 100]
    out += [(m.start(), m.end(), "上年结转") for m in _CAME_FROM_YEAR.finditer(message)
           if report_year is None or int(m.group("y")) == (report_year - 1) % 100]
    out += [(m.start(), m.end(), "结转下年度") for m in _CARRIED_TO_YEAR.finditer(message)
            if report_year is None or int(m.group("y")) == (report_year + 1) % 100]
    # ("23年剩下的1件结转到24年办的", report 2024: carried into this year, done in it)
    out += [(m.start(), m.end(), "今年") for m in _CARRIED_TO_YEAR.finditer(message)
            if report_year is not None and int(m.group("y")) == report_year % 100]
    return out


# the notes' own shorthand, for the reading (quotes stay the clerk's words):
# "处罚 412 → 437（王科长说改）": the figure crossed out, then the one that stands
_ARROWED = re.compile(r"(?<![0-9０-９.])[0-9０-９][0-9０-９,，.]*\s*(?:→|->|－>|—>|=>|⇒)\s*(?=[0-9０-９])")
# "去年→2（个2）": carried over from last year
_CAME_OVER_ARROW = re.compile(r"(?:去年|上年)\s*(?:→|->|－>|—>)\s*(?=[0-9０-９])")
# "依申请 共63": the count of the heading, a space between
_HEAD_SPACE = re.compile(r"(?<=依申请)(?:[ \t\u3000]*[：:][ \t\u3000]*|[ \t\u3000]+|[】\]][ \t\u3000]*\n[ \t\u3000]*)(?=共|一共|总共|合计)")
# "规文 新1 废0 现6": 制发, 废止, 现行有效 in one character each
_T2_SHORT = re.compile(r"(?:(?<![\u4e00-\u9fa5])|(?<=规文)|(?<=文件)|(?<=规章)|(?<=今年)|(?<=本年))(?P<w>新|废|现)(?=\s*[0-9０-９])")
_T2_SHORT_WORD = {"新": "制发", "废": "废止", "现": "现行有效"}
# "网站 1,530 | 新媒体 2,214 | 解读 31": items parted by pipes on one line, no table
_PIPED_PAIR = re.compile(r"[ \t\u3000]*[\u4e00-\u9fa5][^0-9０-９|｜\n]{0,12}?[ \t\u3000]*[0-9０-９][0-9０-９,，.]*[ \t\u3000]*[\u4e00-\u9fa5]{0,2}[ \t\u3000]*")
# "复议…是6个…。6个里：维持3 纠正1 未审结2": the block's cases counted just before, taken up by their number
_THESE_N_OF = re.compile(r"(?:^|(?<=[。；;！!\n]))[ \t\u3000]*(?:这|那)?(?P<n>[0-9０-９]+)[ \t\u3000]*(?:个|件|起)(?=(?:里|中|当中|里面|里头)[ \t\u3000]*[：:，,])")
# "新收  471（之前写的457 作废）  83  37 …": a note in brackets after a figure of a table's row; a number
# in it is an old value given up or a date, no figure of the row
_ROW_NOTE = re.compile(r"(?<=[0-9０-９])[ \t\u3000]*[（(][^（()）\n]{2,30}[)）](?=[ \t\u3000]{2,}|\t|[ \t\u3000]*$|[ \t\u3000]+[0-9０-９-－—/])", re.MULTILINE)
_OLD_IN_NOTE = re.compile(r"作废|之前|原来|以前|原先|旧的|老的|不对|错了|改")
# "3（有1件是律师代老百姓申请的，按老百姓算）": how one counted case was placed, no figure of its own
NOTE_EXPLAINS = re.compile(r"(?:有|其中)?[0-9０-９一]\s*(?:件|个)是[^（()）]{1,14}?(?:申请|提|代|交)[^（()）]{0,10}?[，,、]?\s*(?:按|算|归|记|当)")
_DATE_ONLY = re.compile(r"[0-9０-９]+\s*(?:月|日|号)|[0-9０-９]+[.．/][0-9０-９]+(?=\s*(?:收|来|交|到|补))")


def _row_notes(message: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _ROW_NOTE.finditer(message):
        line = message[message.rfind("\n", 0, m.start()) + 1:message.find("\n", m.end()) if "\n" in message[m.end():] else len(message)]
        # (a sheet copied from Excel keeps its empty cells: "第三方权益	3（…）				3")
        cells = [c.strip() for c in _ROW_NOTE.sub("", line).strip().split("\t")] if "\t" in line else [
            c for c in re.split(r"[ \t\u3000]+", _ROW_NOTE.sub("", line).strip()) if c]
        if len(cells) < 4 or sum(bool(re.fullmatch(r"[0-9０-９,，]*|[-－—/]", c)) for c in cells[1:]) < len(cells) - 2:
            continue  # (a table's row: a label, then figures)
        note = m.group(0)
        if re.search(r"[0-9０-９]", _DATE_ONLY.sub("", note)) and not _OLD_IN_NOTE.search(note) and not NOTE_EXPLAINS.search(note):
            continue
        out.append((m.start(), m.end(), "  "))  # (spaces: an aligned sheet keeps its columns apart)
    return out


# "— 主动公开：…" over "— 管理：…": the notes' own bullets, a long dash each
_DASH_BULLET = re.compile(r"(?m)^([ \t\u3000]*)(?:(?:—{1,2}|－{1,2}|–)[ \t\u3000]+|(?:•|·|▪|◆|●|○|■|□|★|☆)[ \t\u3000]*)(?=[\u4e00-\u9fa5“《【])(?!表示|代表|就是|是|指)")
# "公开 28：个22 企3 科研2 其他1": a count, a colon, and its applicants in one character each
_COLON_APPLICANTS = re.compile(rf"(?<=[0-9０-９])[ \t\u3000]*[：:][ \t\u3000]*(?P<inner>(?:{_WHO_SHORT}[ \t\u3000]*[0-9０-９]+[ \t\u3000、，,]*){{1,6}})(?=[ \t\u3000]*(?:[（(。；;\n]|$))")
# "逾期不缴费 不再处理 1": the row's words, a space inside
_FEE_SPACE = re.compile(r"(?<=处理费)[ \t\u3000]+(?=(?:未|没|不|无|已|都|也)?(?:收取|收|缴))")
_SPACE_IN_ROW = re.compile(r"(?<=缴费|补正|交费|缴纳)[ \t\u3000]+(?=不再处理|不处理)")
# "不掌握个人那个我写错了 应该是11": the item, then its right value, the words between left out
_WRONG_THEN_RIGHT = re.compile(r"(?:(?<=那个)|(?<=这个))(?:[ \t\u3000，,]*(?:我)?(?:写错了|填错了|记错了|说错了|弄错了|搞错了|错了)[ \t\u3000，,]*|[ \t\u3000，,]+)(?=应该是|应为|应是)")
# "刚刚讲强制无是错的，查了有4件": what was said of the item, wrong — then its value
_SAID_WRONG = re.compile(r"(?:刚刚|刚才|之前|上面|前面)?(?:讲|说|写)的?(?P<item>[\u4e00-\u9fa5]{2,8}?)(?:无|没有|是0|为0|0)(?:是错的|是不对的|不对|错了)")
# "去年结转过来3，2是个人的，一个是律所的": the last of the parts, one
_ONE_OF_THE_PARTS = re.compile(r"(?<=[，,；;])(?P<sp>[ \t\u3000]*)一个(?=是[\u4e00-\u9fa5]{1,8}?的)")
# "结果给你贴一下（列是 个人 企业 公益组织 律所）：" over lines of figures: the sheet's header, said in words
_COLUMNS_SAID = re.compile(r"(?m)^[^\n（(]*?[（(]?[ \t\u3000]*(?:列|各列|几列|列的顺序|顺序)(?:是|为|依次是|分别是|依次为)?[：:]?[ \t\u3000]*"
                           r"(?P<cols>[\u4e00-\u9fa5]{1,6}(?:[ \t\u3000、，,/／]+[\u4e00-\u9fa5]{1,6}){1,6})[ \t\u3000]*[)）]?[ \t\u3000]*[：:]?[ \t\u3000]*$")
# "企业2件——其中1件是合作社申请的，俺们算企业了": which column one of them was put in, told — no count of its own
_KEPT_IN_COLUMN = re.compile(r"[—\-－，,；;\s]*其中(?:有)?(?:1|一)(?:件|个)是[^，,。；;\n]{1,12}?(?:申请|提)的[，,]\s*(?:我们|俺们|我|阮|阿拉|额们)?(?:都)?(?:算|归|放|记)(?:到|在|进|成|作)?(?P<col>[\u4e00-\u9fa5]{1,6}?)(?:里|那|那一列|那列)?(?:了|的)?(?=[。；;！!\n]|$)")
# "刚才环保组织新收说成5件了，是6件": the wrong value said, then the right one
_SAID_AS_WRONG = re.compile(r"(?:说成|写成|打成|记成|填成|报成)了?[ \t\u3000]*[0-9０-９]+[ \t\u3000]*(?:件|个|条|篇|场)?了?[，,\s]*(?:不对)?[，,\s]*(?=(?:是|应该是|其实是|实际是|应为)[ \t\u3000]*[0-9０-９])")
# "撒？结转下年的？剩下的就是，个人4、企业1、律所1": the carry-forward asked back, then said
_CARRIED_IS_THE_REST = re.compile(r"(?P<cf>结转(?:下年|下一年|明年|下年度)(?:的)?)[？?！!。，,\s]*(?:剩下|其余|剩余)的?(?:就是|是|有)[ \t\u3000]*[，,：:]?[ \t\u3000]*(?=[\u4e00-\u9fa5]{1,6}[ \t\u3000]*[0-9０-９])")
# "处罚、强制都是地方管理局干的，局本级压根儿没有": another body's work, none of this one's
_DONE_BY_OTHERS = re.compile(r"(?P<items>[\u4e00-\u9fa5、和及]{2,16}?)(?:都|全)?是(?P<who>[^，,。；;\n]{1,14}?)(?:干|办|做|负责|管|查处|实施)的[，,]\s*"
                             r"(?:我们|我局|局本级|厅本级|委本级|本级|局里|厅里|我们局|本机关|咱们)(?:这边|这里)?(?:压根儿?|根本|都|也|就)?(?:没有|没|无)(?=[。；;！!\n，,]|$)")
# "网站 发布 415": the item, then its verb, a space each side
_ITEM_SPACE_VERB = re.compile(r"(?:(?<=网站)|(?<=栏目)|(?<=公众号)|(?<=微博)|(?<=新媒体)|(?<=抖音)|(?<=视频号)|(?<=头条号)|(?<=门户))[ \t\u3000]+(?=(?:发布|推送|发文|发稿|更新)[ \t\u3000]*[0-9０-９])")
# "1. 网站 415" over "2. 公众号 632": the notes' own list numbered with a dot, read as "1、" (a row of table
# 三's groups, "1.属于国家秘密", keeps its dot)
_DOT_LISTED = re.compile(r"(?m)^([ \t\u3000]*[0-9]{1,2})[.．](?=[ \t\u3000]*[\u4e00-\u9fa5])(?![ \t\u3000]*(?:属于|其他法律|危及|保护第三方|本机关|没有现成|补正|信访|重复申请|要求|无正当|申请人|其他))")


# "公开13 / 部分3？要再核 / 不掌握5 / … / 撤1": items parted by slashes
_SLASH_PARTED = re.compile(r"(?<=[0-9０-９？?无）)xX×✗条场篇件个次项期])[ \t\u3000]*[/／][ \t\u3000]*(?=[\u4e00-\u9fa5])")
# "收 27（个25 企2）" opening a line of the notes: this year's applications received
_RECEIVED_SHORT = re.compile(r"(?m)^[ \t\u3000]*收[ \t\u3000]*(?=[0-9０-９])")
# "撤1": withdrawn by the applicant
_WITHDRAWN_SHORT = re.compile(r"(?:(?<=[，,、/／\s])|^)撤(?=[ \t\u3000]*[0-9０-９])", re.MULTILINE)


# "复议诉讼 0", "复议/诉讼：0": one zero for both
_BOTH_ZERO = re.compile(r"(?<![\u4e00-\u9fa5])(?:行政)?复议(?:[ \t\u3000]*[、/／和及与][ \t\u3000]*|[ \t\u3000]*)(?:行政)?诉讼[ \t\u3000]*[：:]?[ \t\u3000]*"
                        r"(?:都是|均为|都为|都)?[0０](?![0-9０-９.．])(?:[ \t\u3000]*件)?")


# "去年12月底收到、结转到今年办的": received last year, carried into this one (上年结转; not "结转到今年"
# alone, which a clerk writing in January may say of this report's 结转下年度)
_CAME_INTO_THIS_YEAR = re.compile(r"去年[^，,。；;\n]{0,10}?(?:收到|收的|来的|交的)[、，,\s]*(?:又)?(?:结转|转)(?:到|至)(?:了)?今年")
# "结转 1（12.30收的）": received at the year's end and carried on into the next
_CARRIED_LATE = re.compile(r"(?<![上去前下])结转(?=[ \t\u3000]*[0-9０-９]+[ \t\u3000]*(?:件|个)?[ \t\u3000]*[（(][ \t\u3000]*12[.．月][0-3]?[0-9])")


# "创新那些都没有": the item and the like, none
_AND_THE_LIKE = re.compile(r"(?<=[\u4e00-\u9fa5])(?:那些|这些|啥的|什么的|之类的)(?=[ \t\u3000]*(?:都|也|全)?[ \t\u3000]*(?:没有|没|无))")
_NONE_AFTER = re.compile(r"[ \t\u3000]*(?:也|都|全|均)?[ \t\u3000]*(?:没有|没开|没发|无)")


# "收件渠道：网上申请41 / 信函11 / 当面6": how the applications came in, a breakdown the report has no item for
CHANNELS = re.compile(r"(?m)^[ \t\u3000]*(?:收件|申请|来件|受理|提交)?(?:渠道|方式)(?:统计|分布)?[：:][^\n]*[0-9０-９][^\n]*$")


def _channels(message: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "") for m in CHANNELS.finditer(message)]


# "不掌握的4件个人1件律所": each count before its applicant, two or more in a run — said the other way round
_WHO_WORDS = r"个人|群众|自然人|企业|公司|律所|律师|科研机构|科研|公益组织|社会组织|其他"
_COUNT_THEN_WHO = re.compile(rf"(?<![0-9０-９])(?:[0-9０-９]+件(?:{_WHO_WORDS})[ \t\u3000]*){{2,}}(?=[，,。；;\s]|$)")
_ONE_PART = re.compile(rf"(?P<n>[0-9０-９]+)件(?P<who>{_WHO_WORDS})")


# "收了5件 个人三件 公司1件 还有个律所的": one more applicant's one, in a list of applicants' counts
_ONE_MORE_OF = re.compile(r"(?<=[\s，,、])还有(?:一)?个(?P<who>[\u4e00-\u9fa5]{2,6}?)(?:的|申请的)(?=[\s，,。；;]|$)")
_A_COUNT_OF_WHO = re.compile(r"(?:[0-9０-９]+|[一两二三四五六七八九十]{1,3})\s*(?:件|个)")


def _one_more_applicant(message: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in _ONE_MORE_OF.finditer(message):
        line = message[max(message.rfind(x, 0, m.start()) for x in "。\n") + 1:m.start()]
        if any(a.kind == "t3col" and a.start == 0 and a.end == len(m.group("who")) for a in vocabulary().anchors(m.group("who"))) and len(
                [a for a in vocabulary().anchors(line) if a.kind == "t3col"]) >= 1 and len(_A_COUNT_OF_WHO.findall(line)) >= 2:
            out.append((m.start(), m.end(), f"还有1个{m.group('who')}的"))
    return out


def _count_then_who(message: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), " ".join(f"{p.group('who')}{p.group('n')}件" for p in _ONE_PART.finditer(m.group(0))))
            for m in _COUNT_THEN_WHO.finditer(message)]


# "科研机构、公益组织那两类么子都冇": the kinds just listed, pointed at — no count, and the list's none
_KINDS_POINTED = re.compile(r"(?<=[\u4e00-\u9fa5])(?:那|这)(?:两|俩|三|仨|几|[2-5])(?:类|列|种|栏)(?:的)?(?=[ \t\u3000]*(?:都|全|也|今年|什么|啥|么子|一件|一个))")


def _kinds_pointed(message: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "") for m in _KINDS_POINTED.finditer(message)]


def _notes_shorthand(message: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    out += [(m.start(), m.end(), "，") for m in _SLASH_PARTED.finditer(message)]
    out += [(m.start(), m.end(), "新收") for m in _RECEIVED_SHORT.finditer(message)]
    out += [(m.start(), m.end(), "撤回") for m in _WITHDRAWN_SHORT.finditer(message)]
    out += [(m.start(), m.end(), "复议诉讼都没有") for m in _BOTH_ZERO.finditer(message)]
    out += [(m.start(), m.end(), "结转下年") for m in _CARRIED_LATE.finditer(message)]
    out += [(m.start(), m.end(), "去年结转过来") for m in _CAME_INTO_THIS_YEAR.finditer(message)]
    out += [(m.start(), m.end(), "") for m in _AND_THE_LIKE.finditer(message)]
    # (two items and one none: only a message with a none word needs its items found)
    items = [a for a in vocabulary().anchors(message) if a.kind in ("fact", "t2row", "t4block", "t3col", "t4col")] if _NONE_AFTER.search(message) else []
    # ("科研机构 公益组织 其他那些都没有申请": applicants listed with spaces, the none after the last of them)
    cols = [a for a in items if a.kind == "t3col" or (a.kind == "t4col" and a.key == "other")]  # (其他: an applicant here)
    run: list = []
    for a in [*cols, None]:
        if a is not None and run and not message[run[-1].end:a.start].strip(" \u3000") and message[run[-1].end:a.start] and a.key != run[-1].key:
            run.append(a)
            continue
        if len(run) >= 2 and _NONE_AFTER.match(message, run[-1].end + (len(m.group(0)) if (m := _AND_THE_LIKE.match(message, run[-1].end)) else 0)):
            out += [(x.end, y.start, "、") for x, y in itertools.pairwise(run)]
        run = [a] if a is not None else []
    items = [a for a in items if a.kind not in ("t3col", "t4col")]
    for a, b in itertools.pairwise(items):
        gap = message[a.end:b.start]
        if gap and not gap.strip(" \u3000") and _NONE_AFTER.match(message, b.end):
            out.append((a.end, b.start, "、"))  # "新闻发布会 政策解读也没有": two items, one none
    for m in _ARROWED.finditer(message):
        out.append((m.start(), m.end(), ""))
    for m in _CAME_OVER_ARROW.finditer(message):
        out.append((m.start(), m.end(), "上年结转"))
    for m in _HEAD_SPACE.finditer(message):
        out.append((m.start(), m.end(), ""))
    out += [(m.start(), m.end(), "") for m in _ITEM_SPACE_VERB.finditer(message)]
    out += [(m.end(1), m.end(), "") for m in _DASH_BULLET.finditer(message) if m.end() > m.end(1)]
    out += [(m.start(), m.end(), "") for m in _SPACE_IN_ROW.finditer(message)]
    out += [(m.start(), m.end(), "") for m in _FEE_SPACE.finditer(message)]
    out += [(m.start(), m.end(), "") for m in _SAID_AS_WRONG.finditer(message)]
    out += [(m.start(), m.end(), f"{m.group('items')}都没有（{m.group('who')}的）") for m in _DONE_BY_OTHERS.finditer(message)
            if (named := [a for a in vocabulary().anchors(m.group("items")) if a.kind in ("t2row", "fact")]) and all(
                a.kind == "t2row" for a in named)]
    out += [(m.start(), m.end(), "结转下年度的：") for m in _CARRIED_IS_THE_REST.finditer(message)]
    out += [(m.start(), m.end(), "") for m in _KEPT_IN_COLUMN.finditer(message) if _applicant_of(m.group("col"))]
    for m in _COLUMNS_SAID.finditer(message):
        heads = re.split(r"[ \t\u3000、，,/／]+", m.group("cols").strip())
        after = message[m.end():].strip("\n").split("\n")
        if all(_applicant_of(c) for c in heads) and not re.search(r"[0-9０-９]", m.group(0)) and len(after) >= 2 and sum(
                len(re.findall(r"[0-9０-９]+", line)) == len(heads) for line in after) >= 2:  # (figures a line under it, as many)
            out.append((m.start(), m.end(), "项目  " + "  ".join(heads)))
    out += [(m.end("sp"), m.end(), "1件") for m in _ONE_OF_THE_PARTS.finditer(message)
            if re.search(r"(?:[0-9０-９]+|[俩仨两二三四五六七八九十])[ \t\u3000]*(?:件|个)?[ \t\u3000]*是[^，,。；;]{1,8}?的[，,；;][ \t\u3000]*$", message[:m.start()])]
    out += [(m.start(), m.end(), f"{m.group('item')}说错了") for m in _SAID_WRONG.finditer(message)
            if any(a.kind in ("t2row", "fact", "t4block") for a in vocabulary().anchors(m.group("item")))]
    out += [(m.start(), m.end(), "") for m in _WRONG_THEN_RIGHT.finditer(message)]
    for m in _THESE_N_OF.finditer(message):
        before = [a for a in vocabulary().anchors(message[:m.start()]) if a.kind in ("t4block", "t2row", "fact")]
        if before and before[-1].kind == "t4block" and re.search(rf"(?<![0-9０-９]){m.group('n')}\s*(?:个|件|起)", message[before[-1].end:m.start()]):
            out.append((m.start("n"), m.start("n"), message[before[-1].start:before[-1].end]))
    at = 0
    for line in message.split("\n"):
        cells = re.split(r"[|｜]", line)
        if len(cells) >= 2 and all(_PIPED_PAIR.fullmatch(c) for c in cells):
            out += [(at + m.start(), at + m.end(), "，") for m in re.finditer(r"[ \t\u3000]*[|｜][ \t\u3000]*", line)]
        at += len(line) + 1
    if len(dots := list(_DOT_LISTED.finditer(message))) >= 2:
        out += [(m.end(1), m.end(), "、") for m in dots]
    at = 0
    for line in message.split("\n"):
        if re.search(r"规文|规范性文件|规范文件|规章", line):
            out += [(at + m.start(), at + m.end(), _T2_SHORT_WORD[m.group("w")]) for m in _T2_SHORT.finditer(line)]
        at += len(line) + 1
    return sorted(out)


# "            23年    24年" over "新收   12   19": the clerk's notes of two years side by side
_YEARS_HEAD_LINE = re.compile(r"^[ \t\u3000]*(?:(?:20)?[0-9]{2}\s*年度?(?:[ \t\u3000]+|$)){2,4}$")
_A_YEAR = re.compile(r"(?:20)?([0-9]{2})\s*年度?")
_FIGURE = r"[0-9０-９][0-9０-９,，.]*"


def _years_side_by_side(message: str, report_year: int | None) -> list[tuple[int, int, str]]:
    """Each line's figure of the report's year (or the latest) alone, for the reading; the header of
    years left out (quotes stay the clerk's words, the other year's figure in them)."""
    out: list[tuple[int, int, str]] = []
    lines = message.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for i, line in enumerate(lines):
        if not _YEARS_HEAD_LINE.match(line):
            continue
        years = [int(y) % 100 for y in _A_YEAR.findall(line)]
        keep = years.index(report_year % 100) if report_year and report_year % 100 in years else years.index(max(years))
        out.append((starts[i], starts[i] + len(line), ""))
        row = re.compile(rf"^(?P<label>[ \t\u3000]*[^0-9０-９\s][^0-9０-９]*?)[ \t\u3000]+(?P<figs>{_FIGURE}(?:[ \t\u3000]+{_FIGURE}){{{len(years) - 1}}})(?=[ \t\u3000]*(?:[（(]|$))")
        for j in range(i + 1, len(lines)):
            m = row.match(lines[j])
            if m is None:
                if lines[j].strip():
                    break
                continue
            figures = m.group("figs").split()
            out.append((starts[j] + m.start("figs"), starts[j] + m.end("figs"), figures[keep]))
        break
    return out


# "9、收费：1件 150元": a fee counted by the applications it was charged for is the 信息处理费 (table 二's
# 行政事业性收费 is an amount, never a count of cases)
_FEE_WITH_CASES = re.compile(r"(?<![\u4e00-\u9fa5])收费(?=[ \t\u3000]*[：:]?[ \t\u3000]*(?:[0-9０-９]+|[一两二三四五六七八九十])\s*件[ \t\u3000，,、]*[0-9０-９][0-9０-９,.]*\s*(?:元|块))")


def _fee_with_cases(message: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "信息处理费") for m in _FEE_WITH_CASES.finditer(message)]


def _notes_none(message: str) -> list[tuple[int, int, str]]:
    """"许可 x" → "许可没有" for the reading (quotes stay the clerk's words)."""
    out: list[tuple[int, int, str]] = []
    for cross in _CROSSED.finditer(message):  # ("许可 x   处罚 11  强制 x", "规章 x 规文 新0"): a cross mid-line
        if not _TEXT_ITEM.search(message[max(0, message.rfind("\n", 0, cross.start()) + 1):cross.start()]):
            out.append((cross.start(), cross.end(), "没有"))
    at = 0
    for line in message.split("\n"):
        m = _NOTE_NONE.search(line)
        if m and m.start() > 0 and re.search(r"[\u4e00-\u9fa5]", line[:m.start()]) and not _TEXT_ITEM.search(line[:m.start()]) and not re.search(
                r"[0-9０-９:：\s）)\-—－=＝*＊]$", line[:m.start()]) and "\t" not in line and "|" not in line:  # (not a form's "…（件）：无")
            value = re.search(r"[（(]", line[m.start():])
            end = at + m.start() + (value.start() if value else len(line) - m.start())
            out.append((at + m.start(), end, "没有"))
        at += len(line) + 1
    return out
