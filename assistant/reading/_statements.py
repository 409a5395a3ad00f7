"""Statements in Chinese → values of the report, deterministic.

A message is cut into sentences (。；！？ and line breaks) and each sentence into clauses (，、 and
brackets). Within a sentence the reader keeps what is being talked about — a table-二 row, a
table-三 row or group, a table-四 block — so "行政规范性文件今年制发3件，废止1件" and "予以公开18件
（自然人15，企业3）" read as people mean them. Each number goes to the nearest vocabulary word of
its clause that can take it (before it, else after it); a number no word can take is *unexplained*
and named back to the user, never dropped. Zeros said in words are scoped: "规章没有" sets the three
规章 cells; "都是0" with no item named is a blanket zero, applied later only to cells with no value.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.numbers import NOT_A_UNIT, RANGE_PAIRS, NumberMention, find_numbers, parse_number, to_halfwidth
from assistant.reading._cases import NO_APPLICATION, one_case_told
from assistant.reading._questions import is_question
from assistant.reading._tables import REVISION_NOTE, row_address
from assistant.reading._vocab import Anchor, vocabulary
from schemas import labels as L
from schemas.layout import ALL_CELL_ADDRESSES, T3_RESULT_ROWS, T3_ROWS

__all__ = ["Reading", "Stated", "Zero", "read_statements"]

_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
# clause breaks: commas (not a thousands separator), 、, brackets; a bracket's content is a clause
# a run of spaces between words (not around a number) is a comma of voice input: "个人37件 企业3件"
_CLAUSE = re.compile(r"[ \u3000\t]*(?=[①-⑳])|(?<=人的|业的|所的|他的|社的|织的|构的|司的)[ \u3000\t]+(?=[0-9０-９]+\s*[件个])|(?<=[\u4e00-\u9fa5])[ \u3000\t]+(?=[0-9０-９]{1,2}\s*月(?:份|底|初|中|末|上旬|中旬|下旬|[0-9０-９]))|(?<=[了的])(?=(?:也|都|全)是(?:个人|自然人|群众|企业|公司|律所|律师))|(?<=公开|掌握|处理|制作)(?=[一两二三四五六七八九十0-9０-９]{1,2}件(?:公开|予以公开|不掌握|部分公开|不予公开|另行制作|结转|信访|重复))|(?<=[\u4e00-\u9fa5%％A-Za-z])[ \u3000\t]+(?=[\u4e00-\u9fa5])(?![零〇一二两三四五六七八九十百千万]{2,}(?:[件条个篇场次项]?(?:[ \u3000\t\n，,。；;]|$)))"
                     r"(?!补了|补完|补过|补正了|补充了)"  # ("一件让他补正 补了还是说不清要什么": what came of the 补正, same clause)
                     r"|(?<=[0-9０-９])[ \u3000\t]+(?=[\u4e00-\u9fa5])(?:(?=" + "|".join(NOT_A_UNIT) + r")|(?![件条个篇场次项期元万千百家位名人份起宗例部]))"
                     r"|[，,、（()）:：…](?![0-9０-９]{3}(?![0-9０-９]))|(?<![0-9０-９])[，,]"
                     # "无法提供4件里面不掌握3件": the group's count, then a part of it by its row
                     r"|(?<=[0-9０-９一二两三四五六七八九十]件)(?=(?:里面|里头|当中)(?:有)?(?:本机关)?(?:不掌握|另行制作|重复|信访|第三方|过程性|国家秘密|内部事务|执法案卷|查询|逾期|不明确))")
_COUNT_UNITS = ("", "件", "个", "项", "宗", "起", "例", "份", "部")
_MONEY_UNITS = ("元", "万元", "万", "亿元", "块钱", "千元")
_NOT_IS = re.compile(r"(?:不是|而非|并非|不为)\s*$")
_T3_GROUP_ROWS = {g: [r.address.removeprefix("t3.") for r in T3_ROWS if r.group == g] for g in L.T3_GROUP_LABELS}
_BOOL_FACTS = {"fee_charged", "proposals_published"}
_LEVEL_WORD = re.compile(r"(?P<w>县级市|国务院直属机构|国务院组成部门|国务院部门|省直|省级|市直|市级|县直|县级|区级|乡镇|街道)(?:单位|机关|部门|政府|机构)?")
_DISPATCHED = re.compile(r"(?P<name>[\u4e00-\u9fa5]{1,6})?(?P<place>省|市|县|区)(?:里|政府|委)?(?:的|设立的)?派出机构")
_GOVT_DEPARTMENT = re.compile(r"(?:本局|本委|本办|本厅|我局|我委|我厅|我们|本单位|本机关)(?:是|为|属于|系)(?P<place>省|自治区|市|州|盟|县|区|旗)(?:人民)?政府(?:的)?"
                              r"(?:工作部门|组成部门|直属机构|直属单位|部门)")
# "地级市的市局", "设区的市的部门": a prefecture-level city's body (not "地级市下面的县")
_PREFECTURE = re.compile(r"(?:地级市|地级|设区的市)(?:的|里的)?(?:市局|局|委|办|部门|单位|机关|政府|市直单位)?(?![\u4e00-\u9fa5])")
_REPORT_YEAR = re.compile(r"年(?:度)?(?:的)?(?:政府信息公开)?(?:工作)?(?:年度)?(?:年报|报告)|年度")
_ALL_DONE = re.compile(r"(?:都|全部|均|全都)(?:已经?|已)?(?:办完|办结|答复完|处理完)(?:了|毕)?|(?:没有|无|没)(?:结转到?(?:下年|明年|下一年))"
                       r"|" + "|".join(re.escape(w) for w in vocabulary().words["all_done"]))
_PROPOSALS_DONE = re.compile(r"(?:都|全部|均|全都|已经?|已)\s*(?:已经?|已)?(?:按期|按时|如期)?(?:办完|办结|答复完|办理完毕|答复)(?!率)"
                             r"|(?<![没未不])(?:按期|按时|如期)?办结(?:了|公开|并公开|且公开)")
_COLUMN_WORDS = re.compile(r"[＃]+|申请的|申请|这类|那类|这一类|这列|那列|的")
_INTRODUCED = re.compile(r"(?:局|委员会|委|办公室|办公厅|办|办事处|政府|街道|镇|乡|厅|中心|管委会|署)(?:的)?(?:[\s，,。]|$|(?=20[0-9]{2}\s*年))|县级|市级|省级|乡镇|区级")
# the report's year, not the year a case was filed in ("收件年份 2024": a filter of the register's pivot table)
_YEAR_WORD = r"(?<!收件|申请|登记|受理|收文|立案|办结|来文|发文|收到)(?:报告年度|年度|年份)"
_IN_DOUBT = re.compile(r"不是[^。！!？?\n]{0,12}吧\s*[？?]\s*$|应该是[^。！!？?\n]{0,12}[？?]\s*$")
_A_KIND_OF = re.compile(r"\s*(?:人)?(?:的)?(?:类型|分类|类别|字段|这一?[栏列项]|那一?[栏列项]|一?[栏列])")
_NOT_OWN = re.compile(r"(?:没有|没|无)(?:自己的|单独的|独立的|专门的|本单位的|自建的|自己|单独|独立)")
_WAS_WRONG = re.compile(r"\s*[…\.。—－\-]*\s*(?:的)?(?:我|是我)?(?:不对|是错的|错了|有误|写错|说错|抄错|填错|打错|看错|弄错|报错|哦不|不不)|\s*[”」]?\s*是(?:送审稿|初稿|旧版|上一版|老版本)(?:的|里的)?(?:数|数字)?")
# "不掌握那行自然人应该是1 我弄错了": the right value said, then that the one before was a slip
_RIGHT_VALUE_BEFORE = re.compile(r"(?:应该是|应该为|应当是|应为|应是|改成|改为|其实是|实际是|实际上是)\s*$")
# "1062是我把上年结转的16件也加进去了": how a wrong number came about — the old value, to be replaced
# "不掌握个人5件是上半年的吧": a half-year's figure, to be replaced by the whole year's
_PART_OF_YEAR_BEFORE = re.compile(r"第?[一二三四1-4１-４]季度|[Qq][1-4]|上半年|下半年|前三季度|前两季度|(?:1|一)[-—－~～至到](?:[1-9]|1[01]|[二三四五六七八九]|十一?)月"
                                  r"|截至(?:到)?(?:[1-9]|1[01]|[一二三四五六七八九]|十一?)月|[0-9０-９一二三四五六七八九十]{1,2}月份(?:单月)?(?=[^0-9０-９]{0,12}$)")
_PART_OF_YEAR = re.compile(r"\s*(?:件|条|个)?\s*(?:是|只是|应该是)(?:上半年|下半年|前三季度|一季度|前半年|半年|上个月)(?:的)?")
_MIXED_IN = re.compile(r"\s*(?:件|条)?\s*是(?:我|因为)?(?:把|将)[^，,。；;]{0,16}(?:也|都)?(?:加进去|算进去|加上|算上|加在一起|加一起|算在一起)")
# "六百多条……准确是623条": the exact number follows an approximate one
_EXACT_NEXT = re.compile(r"[…\.。，,\s]*(?:准确|确切|具体|精确|实际)(?:的|地)?(?:数|数字|说)?(?:是|为)")
# "应该是49", "改成150": a value said for the item just named
_SAYS_VALUE = re.compile(r"^\s*(?:(?:我们|我|咱们)(?:镇|乡|街道|局|委|办|单位|这|这边|这里|本级)?(?:这边|这里)?(?:就)?|就|那就|所以)?"
                         r"(?:应该是|应该为|应该|应为|应是|改成|改为|其实是|实际是|是)\s*$")  # ("…统一办的，我们镇是0")
# "有1件是信访转过来的不算": a number the clerk says is not counted
_NOT_OURS_TO_COUNT = re.compile(r"不是(?:向)?我们(?:[\u4e00-\u9fa5]{0,4}?)(?:收的|受理的|接的|收到的)|不是向我们(?:申请|提)|不是(?:我们|本)(?:单位|局|街道|镇|乡)?的申请"
                                # "税务行政复议有4件，但那些不是信息公开的，不算": about something else than 信息公开
                                r"|(?:那些|这些|那几件|这几件|它们)(?:都|也)?(?:不是|不属于|跟|和|与)(?:政府)?信息公开(?:的|无关|没关系)?")
_NOT_COUNTED = re.compile(r"不算|不计入?|没算|不统计|不纳入|不属于(?:依)?申请|不是(?:依)?申请|不是(?:政府)?信息公开申请"
                          r"|[0-9０-９]\s*(?:件|个|起)?\s*(?:是|只是|那是)(?:立案|受理|登记|接件|咨询)(?:数|量|的)")  # ("处罚612是立案数")
_THAT_WAS_ANOTHER_YEARS = re.compile(r"\s*(?:[\u4e00-\u9fa5]{1,4}(?:说|讲))?(?:那|这)(?:个|一个)?(?:数)?(?:是|都是|还是|应该是)(?:去年|上年|前年|上一年|(?:20)?[0-9]{2}年)"
                                     r"(?:底|年底|末|年末)?的(?:数|数字|数据|情况)?(?:吧|啊|呀)?\s*")
_DONT_MIX = re.compile(r"别(?:搞|弄|记)?混|不要(?:搞|弄)?混|别(?:跟|和)[^，,。；;]{0,10}(?:搞混|弄混|混了|混在一起)")
_UNSURE_WHICH_YEAR = re.compile(r"(?:不知道|不确定|不清楚|拿不准|说不好|不太清楚|不敢确定|搞不清)(?:这个?|那个?)?(?:是不是|是|算不算)?"
                                r"(?:今年|去年|全年|哪年|哪一年|今年还是去年|去年还是今年|今年的还是去年|去年的还是今年|整年)"
                                # ("许可这个19件我有点怀疑": a figure the clerk doubts)
                                r"|(?<=[件条个篇场])\s*(?:我|我们)?(?:有点|有些|比较|很)?(?:怀疑|不太信|不敢信|存疑|不靠谱|不太对|靠不住)")
_LINES_OF_ONE = re.compile(r"(?:一|1)\s*(?:件|个|份)(?:申请)?(?:有的|有时|可能)?(?:记了?|占了?|写了?|登了?|分了?|录了?)\s*(?:两|二|2|几|多|好几)\s*(?:行|条|次)")
_SOMEONES_FIGURE = re.compile(r"[0-9０-９]\s*(?:件|条|个)?\s*是(?:[\u4e00-\u9fa5]{1,5}?)(?:写|记|报|填|抄|算)(?:的|错的|上来的)\s*$")
_FILED_AS = re.compile(r"(?:登记成|登记为|登成|记成|录成|录入成|填成|算成|归成|放成|统计成)[^，,。；;]{1,12}?了?\s*$")
_BUT_REALLY = re.compile(r"[，,]\s*(?:其实|实际上|实际|事实上|但其实|但实际|应该)")
_COUNTED_BEFORE = re.compile(r"(?:去年|上年|前年)[^，,。；;]{0,6}?(?:已经|已)?(?:统计|报|算|计)过|已经(?:统计|报|算)过")
# "去年年底收到的2件": received before this year, not this year's count — unless it came over ("…转到今年了")
# "去年（2024年）网站是65条": the bracket splits the clause, the year word before it still rules
_LAST_YEAR_BRACKETED = re.compile(r"(?:^|[，,。；;\s\]】：:])\s*(?:去年|上年|前年|上一年)\s*[（(]\s*20[0-9]{2}\s*年?度?\s*[)）]\s*$")
_LAST_YEAR_END = re.compile(r"^\s*(?:去年底|去年年底|上年底|上年末|去年末|年初)")
_SLIPS = re.compile(r"(?:说|写|填|报|搞|弄|记|算|打)错了?(?:一|两|三|1|2|3)(?:个|处|点|项|个数)(?:地方|数)?\s*$")
_ATTENDED = re.compile(r"(?:参加|出席|参与|列席|派员参加)了?[^，,。；;]{0,16}(?:发布会|新闻发布|发布活动)")
_INTO_THIS_YEAR = re.compile(r"结转|转过来|转来|转到今年|转到本年|转入|留下|遗留|转到了今年|留到今年|(?:还|没办完)剩|剩下|剩了|没办完")
# "十二起是去年的", "去年申请是35件": last year's figure, said in passing (not 去年结转过来的)
_LAST_YEARS = re.compile(r"(?:去年|上年|前年)(?:就|已经|已|早就)(?:废止|废除|清理|失效|作废|取消)|是(?:去年|上年|前年|上一年)(?:底|年底|末)?(?:的|那|(?:年报|报告|的年报)(?:里|上|中)?的(?!结转)|(?:的)?(?:表|表格|表三)(?:里|上|中))|^\s*(?:之前|原来|以前|原先|清理前)(?:的)?(?:有效|现行有效)|^\s*(?:去年|前年|上一年)(?!底|年底|末)(?!.*(?:结转|转过来|转来|转到|留下|遗留|剩下|剩的|剩余|还剩|剩了|没办完))"
                         r"|^\s*上年(?:的|度)?(?:新收|收到|收了|一共收|共收)")  # ("上年新收是35件": last year's, not 上年结转)
# "…，对吧？": asks to confirm what the clerk did
_CONFIRMING = re.compile(r"(?:对吧|对吗|是吧|对不对|没错吧|没问题吧|可以吧|行吧|行不行|可以吗|没错吗)\s*[？?]?\s*$")
_DESCRIBES = re.compile(r"\s*(?:是|都是|主要是)?(?:关于|有关)[^，,。；;]*的(?:文件|通知|办法|规定)?\s*$")
_ROW_NUMBER = re.compile(r"第([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})行")
_LAST_YEARS_FIRST = re.compile(r"\s*(?:先|我先)?(?:说说|说|讲讲|讲|报)?(?:下|一下)?(?:去年|上年|上一年|前年)(?:的|那些)?(?:数|数字|数据|情况|年报)(?:吧|啊)?[：:，,]"
                               # "表二去年是：…。今年：…": a table's or an item's figures of last year first
                               r"|\s*(?:表[二三四234]|[\u4e00-\u9fa5]{1,6}?)(?:的)?(?:去年|上年)(?:的)?(?:是|为|数是)\s*[：:]")
_LAST_YEARS_LIST = re.compile(r"\s*(?:去年|上年|上一年|前年)\s*(?:[（(]\s*20[0-9]{2}\s*年?度?\s*[)）])?(?:的)?(?:年报|报告)?(?:的|里的?|上的?)?"
                              r"(?:表[二三四234])[^：:\n。（(]{0,14}(?:[（(][^）)\n]{0,20}[）)])?\s*[：:]\s*$")
_LAST_YEARS_FIRST = re.compile(_LAST_YEARS_FIRST.pattern + "|" + _LAST_YEARS_LIST.pattern)
_PLACED = re.compile(r"(?:放在|放到|算在|算到|填在|填到|归在|归到|计入|算作|算成|填成|记在)")
# "这个算不算依申请？": a question whether what was told counts
# "个人（自然人）：", "律所的：" opening a line: what the line tells is that applicant's
_LINE_HEAD_COLUMN = re.compile(r"\s*([\u4e00-\u9fa5]{1,8}?)的?\s*(?:[（(][^）)\n]*[）)])?\s*[：:]")
# a hotline, a mailbox, a ticket system: what they count is no application for information
_ABOUT_DISCLOSURE = re.compile(r"[，,]\s*(?:其中)?(?:跟|和|与|涉及|关于)(?:政府)?信息公开(?:有关|相关)?的(?:只有|就|有|是|就是|只)?(?:其中)?\s*(?=[0-9０-９一两二三四五六七八九十]+\s*件)")
_HOTLINE = re.compile(r"热线|工单|市长信箱|局长信箱|书记信箱|县长信箱|区长信箱|镇长信箱|领导信箱|部长信箱|厅长信箱|主任信箱|来电|留言板|12345|12369|12320|12315|12393|12328|12333|12366|12348")
_APPLICATIONS_NAMED = re.compile(r"依申请|信息公开申请|公开申请|申请公开")
_ASKED_INTO = re.compile(r"(?:要|需要|用不用|该不该|应该|能不能|可以)(?:写|填|放|算|计|报|统计)(?:到|进|入|在)(?:去)?")
_COUNTS_OR_NOT = re.compile(r"算[^，,。？?]{1,12}还是|填[^，,。？?]{1,12}还是|放[^，,。？?]{1,12}还是|算不算|算吗|要不要算|计不计|算进去吗|要算吗|算不算数|能不能算|属不属于|是不是算")
# "一家律师事务所", "一位市民": an article before who applied, not a count
_ARTICLE = re.compile(r"\s*(?:家|位|名|个)")
_ONE_EACH = re.compile(r"[一1１]\s*(?:家|位|名|个|件)")
# "这一件", "那1件": pointing at what was said, not a count
_REFERENCE = re.compile(r"(?:这|那|(?<!应)该|此|上面|前面|上述|刚才说的)(?:的)?\s*$")
# what may stand around the applicant's word of "是一家律师事务所申请的", "都是个人提出的"
_FILLER = r"[＃\s。；;！!，,、]|是|都|全|均|为|属于|一家|一位|一名|一个|申请的|申请|提出的|提出|提交的|的|了"
_FEE_CHARGED = re.compile(r"(?<![没未不无])(?<!没有)(?<!并未)(?:收取了|已收取|共收取|收了|收过|有收取|收取信息处理费)(?!的?情况)")
_FEE_VERBS = ("收了", "收费", "收取", "收过费", "收到")
# "1.属于国家秘密", "3、重复申请": a list marker at a clause's opening, not a count
_LIST_MARK = re.compile(r"[.．、](?=[ \u3000]?[\u4e00-\u9fa5“（(])")
# "第2项": an ordinal, not a count
_ORDINAL = re.compile(r"第\s*$")
# "15件里个人13件": the number restates a row just given, and what follows breaks it down
_REST_GOES_ON = re.compile(r"\s*(?:其余|剩下|剩余)(?:的)?[^0-9０-９，,。；;]{0,8}(?:结转|没办完|转到明年|转明年|还在办|没答复)")
_APPLICANT_THEN_WORDS = re.compile(r"(?:^|(?<=[。；;\n]))\s*([\u4e00-\u9fa5]{1,6}的)([^：:\n，,。；;0-9０-９（）()]{1,14})(?=[：:]\s*(?:予以)?公开|[：:]\s*部分公开)")
_MAIL_OR_POST = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|(?:邮编|邮政编码)[:：]?\s*[0-9]{6}(?![0-9])")
_PARTS_ADDED = re.compile(r"(?<![0-9.])[0-9]+(?:[ \u3000]*[+＋][ \u3000]*[0-9]+)+(?![0-9.]|[ \u3000]*[=＝])")
_ARITHMETIC = re.compile(r"[0-9０-９]+(?:\s*[+＋]\s*[0-9０-９]+)+\s*[=＝]\s*[0-9０-９]+")
# "两个加起来算新媒体": the items just listed, no count of their own
# "（1-6月）", "1至6月份": a span of months, no count; "两个半年报的数": how many reports, no applications;
# "一件一件列": one by one
_MONTHS = re.compile(r"(?<![0-9０-９])[0-9０-９]{1,2}\s*(?:[-－—~～至到])\s*[0-9０-９]{1,2}\s*月(?:份)?|[两二三四五六七八九]个(?:半年报|季度报|季报|月报|报表|表格|科室|股室|部门|窗口|渠道|系统|平台|中队|大队|分局|所|站|科|股|处)"
                     r"|一(?P<each>[件个条项])一(?P=each)")  # ("我一件一件列": one by one)
_THE_ITEMS_SUMMED = re.compile(r"(?:这|那)?(?:两|俩|三|仨|四)\s*(?:个|样|项|者)?(?=\s*(?:加起来|加一起|加在一起|合起来|合在一起|相加|一起算|算一起|合并))")
_ARABIC_NUMBERING = re.compile(r"([（(])([1-7])([)）])(?=[ \u3000]*(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计))")
# "…其他3。办结合计398件 结转下年14件": a sentence of the whole table's figures, after one applicant's
_ONLY_LEFT = re.compile(r"(?:就|也)?只剩(?:下)?([\u4e00-\u9fa5]{1,6}?)(?:的|那)?\s*([0-9０-９一两二三四五六七八九十])\s*件")
_FOR_EVERYONE = re.compile(r"\s*(?:办结|办理|全部|一共|总共)?(?:合计|总计|共计|共)")
_QUOTE_MARK = re.compile(r"^[ \t\u3000]*[>＞]+[ \t\u3000]?", re.MULTILINE)
_DASH_HEAD = re.compile(r"((?:^|(?<=[；;。\n：:]))\s*(?P<col>[\u4e00-\u9fa5]{1,8}))(?P<dash>[—－]{1,2}|-{1,2})(?=[\u4e00-\u9fa5])", re.MULTILINE)
_WITH_CARRIED = re.compile(r"\s*(?:件|个)?\s*(?:包括|包含|含|连)[^，,。；;\s]{0,6}(?:结转|去年)")
_ABOVE = re.compile(r"\s*(?:上面|以上|上述|前面|表里|表上)(?:这些|那些|的|列的)?(?:都|全)?(?:是|就是|一共|共|合计)")
_ARROW_CHANGE = re.compile(r"(?<=[：:])\s*(?P<old>[^\n→]{1,40}?)(?P<arrow>\s*(?:→|->|=>)\s*(?:改成|改为|改到|应为|应该是)?)\s*(?=[0-9０-９一二两三四五六七八九十])")
_WHY_MISSED = re.compile(r"[，,；;]\s*(?:因为|是)?(?:漏了|少算了|多算了|漏报了|漏统计了|多报了)[^，,；;。\n]{0,12}")
_WHY_CHANGED = re.compile(r"((?:改成|改为|应该是|应为)\s*[0-9０-９]+\s*(?:件|条|个)?\s*了?)([（(][^（()）\n]{2,40}[)）])")
_BARE_RESULT = re.compile(r"的?\s*(公开|部分)(?=\s*(?:的|是|为)?\s*[0-9０-９一二两三四五六七八九十])")
_NOT_AMONG = re.compile(r"不在|不含|不包括|不算在|没算在|没有算在|没包括|没算进")
_RESTATED = re.compile(r"\s*(?:件|个)?\s*(?:里面|里头|当中|之中|里|中)")
_TABLE_NAMED = re.compile(r"表[二三四234]|三张表|所有表|全部表|表格|每张表|表上|表里|表中|没列的|没出现的")
_ALL_OF = re.compile(r"(?:都|全部|均|全都)?(?:已|已经)?(?:予以公开|公开|部分公开|答复)(?:了|完毕)|(?:都|全部|均|全都)(?:予以公开|部分公开)")
_NOT_RESULTS = ("new_received", "carried_over", "carried_forward", "total")
_GENERIC = ("申请", "收到", "受理", "收了", "接到", "来了")
_END_PUNCT = "。；;！!？?，,、"
_LAST_YEAR = re.compile(r"去年|上年|上一年|过来|往年")
_RESULTS = re.compile(r"办理结果|办理情况|处理结果|处理情况|结果[:：]|予以公开|部分公开|不予公开|无法提供|不予处理|答复")
_NEXT_YEAR = re.compile(r"明年|下年|下一年|下一年度|接着|继续|转入(?!今年|本年)|转到(?!今年|本年|了今年)|转至")
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,8}[-－_]?[0-9０-９]+(?:[-－_][0-9０-９]+)+")
_PHONE = re.compile(r"(?<![0-9０-９])(?:[0０][1-9１-９][0-9０-９]{1,2}\s*[-－—–]\s*[1-9１-９][0-9０-９]{6,7}|[1１][3-9３-９][0-9０-９]{9}"
                    r"|(?:(?<=电话)|(?<=手机)|(?<=座机)|(?<=电话[:：])|(?<=方式[:：]))\s*[2-9２-９][0-9０-９]{6,7})(?![0-9０-９])")
_BARE_PETITION = frozenset({"信访", "信访件", "投诉", "举报", "举报投诉", "投诉举报", "信访举报"})
_LAST_YEARS_REPORT = re.compile(r"(?:去年|上年|上一年)(?:的|度的?)?(?:年报|年度报告|报告|表三|表格|表(?=里|上|中))")
# "1件是个人要…", "还有1件要…": a count opening the story of one application
_STORY_OPENS = re.compile(r"\s*(?:还有|另外|另)?\s*[0-9０-９一两二三四五六七八九十]+\s*件\s*(?:是|要|问|申请)")
_MONEY_NOT_GOT = re.compile(r"(?:一分钱|分文|钱|费用|费|款)[^，,。；;]{0,4}?(?:都|也)?(?:没|未)(?:有)?(?:收到|收|拿到|到账)"
                            r"|(?:没|未)(?:有)?(?:收到|收|拿到)(?:过)?(?:一分)?(?:钱|费用|款|费)")  # ("发了收费通知没交钱，没收到钱")
_NONE_AT_ALL = re.compile(r"一(?:件|个|份|条|篇|场|次|起|例|部)?[^，,。；;]{0,6}?(?:也|都)(?:没|不|未|无)"
                          # "今年一件没收到" (not "有一件没收到材料")
                          r"|(?<![有另还中])一(?:件|个|份)没有?(?:收到|接到|收过|来过)"
                          r"|(?<![有另还中])一(?:件|个|起|例|场|篇|条)没有(?=\s*(?:$|[，,。；;！!」』”\"）)】]))"  # "行政强制一件没有"
                          r"|(?<![有另还中])一(?:场|次)没(?:开|办|搞|召开|举办)"  # "新闻发布会今年一场没开"
                          r"|(?<![有另还中])一(?:件|分|笔|分钱)没(?:收|收取|收过)(?:费)?(?=\s*(?:$|[，,。；;！!]))")  # "信息处理费一件没收"
_PUBLISHED = re.compile(r"(?:都|均|全部|已经?|并)(?:已)?(?:进行了)?(?:向社会)?公开|结果(?:都|均|已|有)公开|公开了|"
                        r"(?:答复|答复内容|答复全文|办理结果|结果)(?:都|均|已|已经)?(?:按规定|依规|依法|及时)(?:向社会)?公开|"
                        r"(?:都|均|全部|已经?)(?:已)?(?:挂网|上网|挂到网上|挂在网上|在网上公开|上了网站)|"
                        # "答复全文在网站公开", "办理复文摘要都已公开"
                        r"(?:答复|答复全文|复文|复文摘要|办理复文|办理结果|结果)(?:都|均|已|已经)?(?:在|于)(?:网站|网上|门户网站|政府网站)[^，,。；;]{0,6}?公开")


@dataclass(frozen=True, slots=True)
class Stated:
    """A value the message states: ``target`` is a fact name or a cell address."""

    target: str
    value: int | Decimal | bool | str
    quote: str  # a verbatim slice of the message that holds the value's words
    start: int  # span of the number (or of the words) in the message
    end: int


@dataclass(frozen=True, slots=True)
class Zero:
    """A zero said in words. ``scope``: cell-address prefixes or fact names. ``blanket``: "都是0"
    with nothing named — applied only to cells that have no value yet."""

    scope: tuple[str, ...]
    quote: str
    blanket: bool = False


@dataclass
class Reading:
    stated: list[Stated] = field(default_factory=list)
    zeros: list[Zero] = field(default_factory=list)
    unexplained: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, the clause)
    replaced: list[str] = field(default_factory=list)  # clauses naming an old value ("不是3件", "6件不对")
    all_of: list[str] = field(default_factory=list)  # result rows said to take every application ("予以公开了")
    excluded: list[str] = field(default_factory=list)  # clauses whose numbers the clerk says are not counted
    other_year: list[str] = field(default_factory=list)  # sentences dated another year than the report's
    rough: list[str] = field(default_factory=list)  # "五百四十条左右": a guess, not a figure for the report
    written: list[Stated] = field(default_factory=list)  # "PDF写的5": a draft's value, corrected further on
    noted: list[str] = field(default_factory=list)  # said of how to read a table ("空着的格子就是0")
    checked: list[str] = field(default_factory=list)  # "不予公开3件": a group's sum, equal to its rows said
    # numbers that are words, by rule ("两个加起来", "一件一件", "1-6月", "两个半年报"): no count, not said back
    not_counts: list[str] = field(default_factory=list)
    not_ours: list[str] = field(default_factory=list)  # "12320热线全年接了3400个电话": counted by no cell of the report
    # "去年结转过来1件是个人的 今年2月份给他公开了" before this year's results: its result waits for them
    carried_result_later: list[str] = field(default_factory=list)
    carried_told: bool = False  # "还有去年结转的2件：个人1件 今年公开了；…": last year's, with what became of them
    computed: list[Stated] = field(default_factory=list)  # values computed from ones said before ("其余都是个人")
    group_totals: list[tuple[str, int, tuple[int, int, str]]] = field(default_factory=list)
    tables_named: set[str] = field(default_factory=set)  # "t2", "t3", "t4" named in the message
    # "处罚再加2件", "网站少算了10条", "公众号多算了5条": the number is a difference to what is
    # recorded, +1 or -1 by target (not table 三's, which has its own ways of adding)
    by_difference: dict[str, int] = field(default_factory=dict)


@dataclass
class _Context:
    """What the current sentence is about."""

    t2row: str | None = None
    t3row: str | None = None
    t3group: str | None = None
    t3rows_said: list[tuple[str, int, int]] = field(default_factory=list)  # (row, total, where in the sentence)
    t4block: str | None = None
    t4total: dict[str, int] = field(default_factory=dict)
    litigation: str | None = None  # which 诉讼 a bare "行政诉讼" of this sentence is, when it says
    waiting: list[Anchor] = field(default_factory=list)  # words of the last clause that had no number
    old_value: str | None = None  # "上面那个23不对": a value refused with no words, naming what it was recorded for
    results: bool = False  # the message is about this year's results (a bare 结转 is then next year's)
    last_years_of: str | None = None  # "处罚去年是5，今年是6": the item whose last year's figure the sentence gave
    zeroed: bool = False  # this sentence already said which items are zero
    among: bool = False  # the sentence tells who made this year's applications ("从申请人类型看，…；…")
    zero_list: tuple[int, int] | None = None  # "没有A、B": (where B's clause starts, where the none began)
    zeroed_cols: tuple[int, frozenset[str]] = (-1, frozenset())  # (the sentence, its applicants said to be all 0)
    fee_sentence: bool = False  # the sentence is about the 信息处理费
    fee_from: int = 0  # where in the message it begins to be (voice input: a sentence of many topics)
    proposals_sentence: bool = False  # the sentence is about 建议提案 and not about applications
    earlier: dict[str, object] = field(default_factory=dict)  # row totals recorded before this message
    row_numbers: Mapping[int, str] = field(default_factory=dict)  # the clerk's own sheet: its row numbers → rows
    one_of: tuple[str, int] | None = None  # "科研那1件 公开了": (that applicant, where it was said) of one application
    listed: list[Anchor] = field(default_factory=list)
    listed_cols: set[str] = field(default_factory=set)  # "科研机构、" of "科研机构、公益组织都没有申请"
    respectively: list[Anchor] = field(default_factory=list)  # items of "…分别是…", still to take a number
    col_focus: str | None = None  # "个人申请的7件里，公开了4件": the applicant the results are of
    row_after_story: bool = False  # the clause before named only the row of the story before it
    col_whole: bool = False  # "其他那列 新收2件 一件公开": the focus takes every row, 新收 too
    col_headed: bool = False  # the focus came from a head with a colon ("先说自然人的："): it holds to the line's end
    pending: tuple[NumberMention, int, str] | None = None  # "1件…，按信访转走了": a count waiting for its row
    pending_col: str | None = None  # "有1个人…": the applicant of the count waiting
    pending_quiet: bool = False  # the count waiting is recorded already (as a new application): no need to name it
    heading: tuple[int, list[Anchor]] | None = None  # "行政许可 无": the items of the clause just before
    last: Stated | None = None  # the value said last in the sentence
    sentence_at: int = 0  # where the sentence starts in the message
    report_year: int | None = None
    last_years_end: int = 0  # where the clause of last year's figures just read ends


def _which_carry(a: Anchor, clause: str, results: bool) -> Anchor:
    """A bare "结转" is next year's when the clause says so, or when it comes with the results of
    this year's applications and names no past year; otherwise last year's carry-over."""
    if a.kind == "t3row" and a.key == "carried_over" and clause[a.start:a.end] == "结转" and (
            _NEXT_YEAR.search(clause) or (results and not _LAST_YEAR.search(clause))):
        return Anchor(a.kind, "carried_forward", a.start, a.end)
    if a.kind == "t3row" and a.key == "carried_forward" and re.match(r"\s*(?:今年|本年|这一年|今年度)", clause[a.end:]) and (
            not results or _SAID_NONE.search(clause[:a.start])):
        # "没有结转到今年": into this year, from last (among this year's results, "结转到今年的还有1件"
        # is what is still open: the clerk's slip for 明年, read as said before)
        return Anchor(a.kind, "carried_over", a.start, a.end)
    if a.kind == "t3row" and a.key == "carried_forward" and _LAST_YEAR.search(clause[:a.start]) and not (
            _NEXT_YEAR.search(clause)):
        # "去年没办完的2件": last year's, carried over into this one
        return Anchor(a.kind, "carried_over", a.start, a.end)
    return a


def _column_named(text: str) -> str | None:
    """The applicant column ``text`` is the whole name of ("自然人", "企业"; "其他" here is the column)."""
    cols = {a.key for a in vocabulary().anchors(text) if a.kind == "t3col" and a.start == 0 and a.end == len(text)}
    return next(iter(cols)) if len(cols) == 1 else ("other" if text in ("其他", "其他组织") else None)


def _col_before(clause: str, n: NumberMention) -> Anchor | None:
    """"企业那1件": the applicant named right before the demonstrative."""
    head = re.sub(r"(?:的|那|这|该|此)+\s*$", "", clause[:n.start])
    if re.fullmatch(r"\s*其他(?:组织|申请人)?(?:的|那|这)*\s*", clause[:n.start]):  # ("其他2件 一件公开一件不掌握": the column 其他 at a clause's start)
        return Anchor("t3col", "other", head.find("其他"), len(head))
    return next((a for a in vocabulary().anchors(head) if a.kind == "t3col" and a.end == len(head)), None)


_SLIP = re.compile(r"(?:多打|少打|打错|敲错|多写|少写|多按|按错|多重(?:录入?|统计|计算?|算|填|登记|输入?))了?(?:一?个)?\s*$")
# "律所重复录了2件": counted twice by mistake (a slip, read as 多重录 — the same length), not the row 重复申请
_CUT_NUMBER = re.compile(r"(?P<cut>[0-9０-９]+|[一二两三四五六七八九十百千万]+)(?P<aside>(?:…+|\.{3,}|——)[^\n0-9０-９]{0,4}\n"
                         r"(?:[^\n0-9０-９]{0,16}\n){0,2}[ \t]*)(?P<again>[0-9０-９]+|[一二两三四五六七八九十百千万]+)")
_ATTACHMENT = re.compile(r"附件\s*[0-9０-９一二三四五六七八九十]+")
_AMONG_APPLICANTS = re.compile(r"\s*(?:(?:都|分别)?是?谁(?:申请|提出|提|交|递交)的?\s*[：:]"  # ("谁申请的？个人33…", asked and answered)
                               r"|按申请人(?:类型|类别)?(?:分|来分|划分|分类|统计)(?:的话)?\s*[：:]?"  # ("按申请人分：个人941件…")
                               r"|(?:从)?(?:申请人|申请的人|提申请的)(?:类型|类别|构成|结构|分布)?(?:(?:中|里|当中|里面|里头|之中|看|来看|上看)(?:有)?"
                               # "申请人是个人18件，企业3件…": who they were, with their counts
                               r"|(?:分别)?(?:是|为)(?=[^，,。；;\n0-9０-９]{1,8}?[0-9０-９]+\s*件)))")
_KIND_COUNTED = re.compile(r"(直接(?:提起)?(?:起诉|诉讼)|直诉|复议后(?:又)?(?:提起)?(?:起诉|诉讼|诉))[^0-9０-９，,。；;]{0,3}?([0-9０-９]+)\s*(?:件|(?=[^0-9０-９]))")
_A_PART = re.compile(r"一部分|一小部分|一大部分")
_WHO_IN_BRACKETS = re.compile(r"(?P<n>[0-9０-９]+)\s*(?:件|个)?\s*[（(](?P<who>[^（）()\n]{4,40})[）)]")
_COLUMN_LEAD = re.compile(r"\s*(?P<col>[^\s，,：:。0-9０-９]{1,8}?)的?(?:那一列|那列|这列|列|数据|数)(?![0-9０-９])")
_CHANGES_FALL = re.compile(r"(?:多的少的|多的和少的|多出来的|少了的|差的|变了的|改了的|改动的)(?:都|也|全)?(?:是|在|落在)[^，,。；;\n]{0,10}?(?:那列|这列|那一列|列|那行|的)")
_COUNTED_TWICE = re.compile(r"重复(?=录|统计|计|算|填|登记|输)")


def _not_a_count(n: NumberMention, clause: str, sentence: str = "") -> bool:
    """A numeral that counts nothing: an article ("一家律师事务所"), a pointer ("这一件", but not
    "企业那1件"), an ordinal ("第2项"), a list marker at the clause's opening ("1.属于国家秘密") or how
    often one applicant asked ("申请了两次")."""
    before = clause[:n.start]
    if n.unit == "" and 2000 <= n.value <= 2100 and re.match(r"\s*[】\]]", clause[n.end:]):
        return True  # "【依申请公开 2024】": the year of a heading
    if re.search(r"[〔\[［【]\s*$", before) and re.match(r"\s*[〕\]］】]", clause[n.end:]):
        return True  # "安开管发〔2024〕5号": the year of a document's number
    if n.value == 1 and re.search(r"最后\s*$", before) and re.match(r"[个件]", clause[n.end:]):
        return True  # "⑥最后一个是12月29号收到的": the last of a list, not a count
    if n.unit in ("件", "个", "项") and re.search(r"(?:说的|说过的|讲的|列的|报的)(?:那|这)\s*$", before) and not any(
            a.kind in ("t2row", "fact") for a in vocabulary().anchors(before)):
        # "就是我说的那7件，其他都是0": the ones told before, pointed at by their count (not "规范性文件就是
        # 报告里说的那3件已印发的": that item's count)
        return True
    if n.value == 1 and n.chinese and re.match(r"部分|些|点儿|下子|般|样|直|共|并|同", clause[n.end:]):
        return True  # "删掉一部分给了", "一些", "一直": a word, not a count
    if n.value == 1 and n.chinese and re.search(r"[上下]$", before) and re.match(r"(?:份|期|版|次|年|篇|个)", clause[n.end:]):
        return True  # "上一份（2023年度的）": the one before, not a count
    if not n.chinese and (len(clause[n.start:n.end]) >= 3 or clause[n.start:n.start + 1] in "0０") and re.match(
            r"\s*(?:那|这)(?:一)?(?:条|个|件|行|笔)", clause[n.end:]):
        return True  # "1217那个到现在还在办", "0106那条": a register's row by its number, no count
    if n.value == 1 and n.chinese and re.search(r"同\s*$", before):
        return True  # "同一个人问的", "同一家公司": the same one, not a count
    if n.value == 1 and n.chinese and before.strip(" ：:，,") in ("", "另", "另外", "还有") and clause[n.end:].startswith("个是") and not re.match(
            r"个是\s*(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月|年底|年初|月底|去年|今年)", clause[n.end:]) and not any(
            a.kind in ("t3col", "t3row", "t4col") and a.start >= n.end for a in vocabulary().anchors(clause)
            if clause[a.start:a.end] not in _GENERIC):
        return True  # "一个是依申请量大…；另一个是…": one of the points told, no count (not "一个是企业的", "一个是12月30号来的")
    if n.unit == "项" and n.chinese and (_LISTED_BEFORE.search(before) or (
            before.strip() and (at := sentence.find(clause)) >= 0 and _LISTED_BEFORE.search(sentence[:at + n.start]))):
        return True  # "行政许可、行政处罚、行政强制三项，均未作出": how many items the list names
    if n.value == 1 and n.unit in ("件", "个", "份", "条") and re.search(r"每\s*(?:办|收|来|受理|处理|答复|接|到|做)?\s*$", before):
        return True  # "每办一件都建了个文件夹": each one, not a count
    if n.value == 1 and re.match(r"([个件条项])\1(?!人)", clause[n.end:]):
        return True  # "我一个个说": one by one
    if n.value == 1 and re.match(r"[个件条项]?(?:都)?(?:没多|不多|没少|不少|没变|不差)", clause[n.end:]):
        return True  # "一个没多一个没少": none more, none fewer
    if n.unit == "" and 1 <= n.value <= 4 and re.search(r"表\s*$", before) and not re.match(r"\s*[件条个项]", clause[n.end:]):
        return True  # "表2按顺序填": the table's name
    if re.match(r"[0-9]*\s*[.．](?:xlsx|xls|docx|doc|wps|et|pdf|csv|txt|jpg|jpeg|png|zip|rar)\b", clause[n.end:], re.I):
        return True  # "依申请2025.xlsx": a file's name
    if n.value <= 9 and re.match(r"\s*(?:本|张)[^，,。；;\n]{0,6}?(?:登记簿|登记本|台账|簿|本子|笔记本|便利贴|便签|表格|记录本)", clause[n.end:]):
        return True  # "还有一本纸质登记簿", "几张便利贴": the records kept, no count
    if n.unit == "" and re.search(r"[0-9０-９一二三四五六七八九十]\s*月\s*$", before) and re.match(r"\s*(?:的)?(?:那|这)(?:件|个|份|条|天)", clause[n.end:]):
        return True  # "11月28那件年底没办完": the day it came, not a count
    if n.decimals and re.fullmatch(r"(?:[1-9]|1[0-2])[.．](?:0?[1-9]|[12][0-9]|3[01])", clause[n.start:n.end]) and re.match(
            r"\s*(?:号|日)?\s*(?:答复|回复|收到|收件|受理|办结|给的|寄出|送达|告知|公开|发的)", clause[n.end:]):
        return True  # "已公开 9.25答复": the day it was answered
    if any(m.start() <= n.start < m.end() for m in _PHONE.finditer(clause)):
        return True  # "联系电话0931-5821066", "13907781234": a phone number
    if any(m.start() <= n.start < m.end() for m in _CODE.finditer(clause)):
        return True  # "AP-2024-09", "XLCY-2025-001": an application's number in the register
    if re.search(r"(?:打|拨打|拨|热线|电话|号码)\s*$", before) and n.unit == "" and n.value >= 100:
        return True  # "打12345": a hotline, not a count
    if n.unit == "" and n.value >= 100 and re.match(r"[\u4e00-\u9fff]{0,10}?(?:热线|专线|服务平台|工单|平台)", clause[n.end:]):
        return True  # "12369环保举报热线", "12345工单": a hotline's name
    if _SLIP.search(before):
        return True  # "表里多打了个1": a slip of the keyboard described, not a count
    if re.match(r"\s*(?:个|项)?(?:申请人|申请人类别|类)?的?(?:列|栏|行(?![政动为使业])|格)", clause[n.end:]) or (
            re.match(r"\s*个数", clause[n.end:]) and re.search(r"每(?:行|列|格)\s*$", before)):
        return True  # "只有六个申请人的列", "25行": a shape of the table, not a count
    if n.value == 1 and re.search(r"哪\s*$", before):
        return True  # "算表三哪一项啊": which one, asked
    if n.value == 1 and n.unit == "个" and clause[n.unit_end:n.unit_end + 1] == "人" and re.search(r"(?:我|俺|额|阮|自己|他|她)(?:就)?\s*$", before):
        return True  # "我一个人弄得木乱得很": alone, not a count
    if n.value == 1 and n.unit == "个" and clause[n.unit_end:n.unit_end + 1] == "人" and re.search(
            r"[0-9０-９一二两三四五六七八九十]+\s*件", clause[n.unit_end:]):
        return True  # "一个人没完没了反复申请的3件": who asked them, the count said after
    if re.search(r"每(?:个)?(?:月|周|星期|季度|天|日|年)(?:至少|最少|起码|都|要|能|会|争取|计划|平均)?(?:发布?|更新|开|召开|出|推送|办)?\s*$", before) and (
            find_numbers(clause[n.end:]) or not sentence or find_numbers(sentence[sentence.find(clause) + n.end:] if clause in sentence else "")):
        return True  # "每月一场共12场": how often, the count is said after it
    if n.unit == "次" and re.search(r"(?:申请|提交|提出|来|问|打电话)了?\s*$", before):
        return True  # "同样的内容申请了两次": how often one person asked, not a count of the report
    return (_is_article(n, clause, sentence) or (n.value == 1 and bool(_REFERENCE.search(before)) and not _col_before(clause, n))
            or bool(_ORDINAL.search(before)) or (not before.strip() and bool(_LIST_MARK.match(clause, n.end))))


def _the_carried_one(n: NumberMention, clause: str, anchors: list[Anchor], earlier: Mapping[str, object]) -> bool:
    """"去年结转的那1件是环保组织的": the carry-over's one application, a count while none is recorded."""
    that = re.search(r"(?:下年度?(?:继续办理)?)?(?:的)?(?:那|这)\s*$", clause[:n.start])  # ("去年结转下年度那1件")
    return bool(that and n.value == 1 and "t3.carried_over.total" not in earlier and any(
        a.kind == "t3row" and a.key == "carried_over" and a.end == that.start() for a in anchors))


def _is_article(n: NumberMention, clause: str, sentence: str = "") -> bool:
    if n.value != 1 or not n.chinese or not (m := _ARTICLE.match(clause, n.end)):
        return False  # ("个人1个企业1个": a digit is a count)
    rest = clause[m.end():]
    if re.search(r"(?:漏算|漏统计|漏报|漏录|漏填|少算|多算|漏)了?\s*$", clause[:n.start]):
        return False  # "漏算了一个其他组织的": one more, left out — a count
    if re.fullmatch(r"\s*(?:还有|另外|另有|又有)\s*", clause[:n.start]) and (sentence or clause).find(clause) <= 0 and re.search(
            r"(?:问|要|申请)[^，,。；;]{0,16}?的", (sentence or clause)[n.end:]):
        return False  # "…；还有一个大学的课题组（科研机构）问…的 给了": one more, opening its sentence
    if re.match(r"\s*(?:是|为|属于)", rest) and re.search(r"(?:[两二三四五六七八九十]|[0-9０-９]+)\s*(?:个|家|位|名)\s*(?:是|为|属于)",
                                                     (sentence or clause)[:max(0, (sentence or clause).find(clause)) + n.start]):
        return False  # "两个是居民申请的，一个是物业公司": one of those listed, counted
    if re.search(r"(?:[两二三四五六七八九十]|[0-9０-９]+)\s*(?:个|家|位|名)\s*[\u4e00-\u9fff]{1,4}?\s*$", clause[:n.start]) and any(
            a.kind == "t3col" and a.start == 0 for a in vocabulary().anchors(rest)):
        return False  # "收了三件 两个村民一个公司": the last of the applicants counted
    if re.match(r"\s*(?:是|为|属于)", rest) and len(re.findall(r"(?:一|1)\s*(?:个|家|位|名)\s*(?:是|为|属于)", sentence or clause)) >= 2:
        return False  # "收了2件，一个是企业的，一个是个人的": each of them, counted
    # ("一个建筑公司申请的": who, with a word or two of what kind before it)
    if not any(a.kind == "t3col" and (a.start == 0 or (a.start <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", rest[:a.start])
                                                         and not vocabulary().anchors(rest[:a.start])))
               for a in vocabulary().anchors(rest)):
        return False
    # "一个个人一个企业": one of each, listed — counts, not articles
    within = sentence or clause  # ("转明年的2件，一个个人，一个企业": listed over the sentence)
    listed = {a.key for x in _ONE_EACH.finditer(within)
              for a in vocabulary().anchors(within[x.end():]) if a.kind == "t3col" and a.start == 0}
    return len(listed) < 2


def _said_before(n: NumberMention, earlier: Mapping[str, object], quote: str) -> Stated | None:
    """The one row total recorded before whose value the number repeats."""
    rows = [a for a, v in earlier.items() if a.startswith("t3.") and a.endswith(".total") and str(v) == str(n.value)]
    return Stated(rows[0], int(n.value), quote, 0, 0) if len(rows) == 1 else None


def _unit_ok(kind: str, key: str, unit: str) -> bool:
    if kind == "fact":
        units = vocabulary().fact_units.get(key, ())
        return unit == "" or unit in units or (unit == "万次" and "次" in units)
    if kind == "t2row" and key == "fees":
        return unit in _MONEY_UNITS or unit == ""
    if kind == "t4block":  # "被起诉过1次", "复议了2次": a case said by the times it happened
        return unit in _COUNT_UNITS or unit == "次"
    if kind == "t2row" and key in ("licensing", "penalty", "enforcement"):  # ("暂扣物品14次": measures taken)
        return unit in _COUNT_UNITS or unit == "次"
    return unit in _COUNT_UNITS


def _money(value: Decimal, unit: str) -> Decimal:
    """A 行政事业性收费 amount in 万元 ("1.26亿元": 12,600; "3000000元": 300, never "3E+2")."""
    v = value * 10_000 if unit == "亿元" else value / 10_000 if unit in ("元", "块钱") else value / 10 if unit == "千元" else value
    return Decimal(int(v)) if v == v.to_integral_value() else v.normalize()


_NEXT_COUNT = re.compile(r"(?<=[\u4e00-\u9fa5])[ \u3000\t]+(?=[0-9０-９])")


# voice input, spaces for commas: a group of table 三's results said after a space begins its own sentence
_GROUP_AFTER_A_SPACE = re.compile(r"(?<=[\u4e00-\u9fa5])(?:[ \u3000]+|\s*[，,]\s*)(?=(?:不予公开|无法提供|不予处理|其他处理)[^ \u3000]{0,4}?[0-9０-９一二两三四五六七八九十]+\s*件)")


def _sentences(text: str) -> list[tuple[int, str, bool]]:
    """(start, sentence, whether it goes on the one before) of ``text``; a sentence of voice input (no
    comma in it) is cut before each group of results it goes on to ("不予公开就一件 是个人要… 无法提供六件
    不掌握的五件…"), and what it said of whose they are holds on."""
    out = []
    for sm in _SENTENCE.finditer(text):
        sentence, at = sm.group(0), sm.start()
        if not _GROUP_AFTER_A_SPACE.search(sentence):
            out.append((at, sentence, False))
            continue
        cut = 0
        for m in _GROUP_AFTER_A_SPACE.finditer(sentence):
            before = re.split(r"[ \u3000，,]+", sentence[cut:m.start()].strip())[-1]
            group = {"不予公开": "withheld", "无法提供": "unable", "不予处理": "not_processed", "其他处理": "other_handling"}[
                sentence[m.end():m.end() + 4]]
            if not find_numbers(before) and any(
                    a.kind == "t3row" and a.key.startswith(group + ".") for a in vocabulary().anchors(before)):
                continue  # "就是第三方权益那个 不予公开５件": the row is named before its group's count
            if sentence[cut:m.start()].strip():
                out.append((at + cut, sentence[cut:m.start()], cut > 0))
            cut = m.end()
        out.append((at + cut, sentence[cut:], cut > 0))
    return out


_CHAT_HEADER = re.compile(r"\s*[^\s，,。；;：:]{1,16}(?:[（(][^）)\n]{1,12}[）)])?[ \u3000]+(?:[0-9]{1,2}月[0-9]{1,2}日|"
                          r"[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?)?[ \u3000]*＿{4,8}\s*")
_HALF_OF = re.compile(r"\s*件?\s*(?:里|中|当中)(?:面|头|边)?\s*(?:有)?\s*一半(?:是|为|都是)?")
_ROWS_TOTAL = re.compile(r"\s*(?:(?:那行|这行|该行|这一行|那一行)的?(?:总计|合计)|(?:总计|合计)(?:列|那列|这列|那一列|栏))")
_ROW_SEVEN = re.compile(r"[（(]七[)）][ \u3000]*总计(?:行|那行|这行)?")
_SUB_ROW_NUMBER = re.compile(r"([（(][一二三四五六][)）][ \u3000]*)([1-8][.．、]?)(?=[ \u3000]*[\u4e00-\u9fa5])")
# table 三's rows by their numbers in the format, each as a name of the row no longer than the number
_NUMBERED_GROUPS = {"一": "予以公开", "二": "部分公开", "三": "不予公开", "四": "无法提供", "五": "不予处理", "六": "其他处理",
                    "七": "总计行"}
_NUMBERED_SUBS = {"三": ("国家秘密", "禁止公开", "危及安全", "第三方", "内部事务", "过程性", "执法案卷", "查询事项"),
                  "四": ("不掌握", "另行制作", "不明确"),
                  "五": ("信访", "重复申请", "出版物", "大量反复", "要求确认"),
                  "六": ("不补正", "未缴费", "其他情形")}
_NUMBERED_ROW = re.compile(r"三\s*[（(]([一二三四五六七])[)）]\s*([1-8](?![0-9]|\s*[件个]))?"
                           r"|(?<!三)[（(]([三四五六])[)）]\s*([1-8])(?=\s*(?:那|这)?一?行)")  # ("（四）2那行": that sub-row)
_BARE_NUMBERED = re.compile(r"((?:表三|^|[\s，,；;。])\s*)([一二四])([ \u3000](?=[ \u3000]*(?:是|上年|结转|本年|新收|收))|(?=是))")


def _by_official_numbers(text: str) -> str:
    if not _NUMBERED_ROW.search(text) and not re.search(r"表三[ \u3000]+一[ \u3000]", text):
        return text

    def named(m: re.Match[str]) -> str:
        group, sub = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        words = _NUMBERED_SUBS.get(group, ())
        name = words[int(sub) - 1] if sub and int(sub) <= len(words) else _NUMBERED_GROUPS[group]
        return name + "＿" * (len(m.group(0)) - len(name)) if len(name) <= len(m.group(0)) else m.group(0)

    text = _NUMBERED_ROW.sub(named, text)
    # ("表三 一 是六件": 一 is the first row, 本年新收; 二 and 四 are named by the words after them)
    return _BARE_NUMBERED.sub(lambda m: m.group(1) + (("新收" if m.group(3) else "收") if m.group(2) == "一" else " " + m.group(3)), text)


_ROW_MARK = re.compile(r"((?:不予公开|无法提供|不予处理|其他处理)[ \u3000]+)([1-8][.．、])(?=[\u4e00-\u9fa5])")
_LAYOUT = re.compile(r"(?<=导了|导出|打印|复印|拷了|截了|拍了|贴了|复制)了?\s*(?:一|1)\s*(?:份|张|页)|(?<![0-9])20[0-9]{2}[-－][0-9]{1,3}(?![0-9]|[-－/.][0-9])|每\s*(?:件|条|个|人)\s*(?:一|1)\s*行"
                     r"|(?:一|1)\s*(?:件|条|个)\s*(?:是|占|就是)?(?:一|1)\s*行|(?:一|1)\s*行\s*(?:是|为|就是)?(?:一|1)\s*(?:件|条|个)"
                     # "在 60 条记录中找到 58 个": Excel's filter line — the rows it looked through
                     r"|(?<=在)\s*[0-9０-９]+\s*条记录(?=中)"
                     # "10 个项目", "已选择 1 个项目": Windows Explorer's count of the files in a folder
                     r"|(?<![0-9０-９])[0-9０-９]+\s*个项目(?=[ \t\u3000]*(?:$|\n)|[ \t\u3000]*已?选[中择])"
                     # "一个村一个村跟你说", "一家一家问的": one after another, no count
                     r"|一个?([\u4e00-\u9fff]{1,2})一个?\1"
                     # "001是律所寄来的", "编号003": a number with a leading zero is a case's number
                     r"|(?<![0-9０-９.．\-－/:：A-Za-z])(?<![0-9０-９][,，])0[0-9]{1,5}(?![0-9０-９.．\-－/:：]|[,，][0-9０-９]|\s*[件条个篇场次项期元])")
_BY_ARTICLE = re.compile(r"(?m)^([ \t\u3000]*第?[一二三四五六七八九十0-9]+条[^\n0-9０-９]{0,12}?)([^\n0-9０-９]*?)([ \t\u3000]*[0-9０-９]+[ \t\u3000]*件[ \t\u3000]*)$")


def _article_line(m: re.Match[str]) -> str:
    """The line with what the article says blanked, when the line opens with an article the vocabulary names."""
    head = m.group(1) + m.group(2)
    named = [a for a in vocabulary().anchors(head) if a.kind == "t3row" and a.start <= len(head) - len(head.lstrip())]
    if not named or "条" not in head[named[0].start:named[0].end]:
        return m.group(0)
    keep = named[0].end
    return head[:keep] + "＿" * (len(head) - keep) + m.group(3)


_DATE_OR_PAGE = re.compile(r"(?<![0-9])20[0-9]{2}[-/.][01]?[0-9][-/.][0-3]?[0-9](?![0-9])|(?<![0-9.])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9.])|"
                           r"(?<![0-9])20[0-9]{6}-[0-9]{2,6}(?![0-9])|第\s*[0-9]+\s*页(?:\s*[/／,，]?\s*共\s*[0-9]+\s*页)?|共\s*[0-9]+\s*页")
_CLOCK = re.compile(r"(?<![0-9.:：])[0-2]?[0-9][:：][0-5][0-9](?:[:：][0-5][0-9])?(?![0-9])")
_ASIDE_BEFORE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fa5])[（(][^（()）0-9０-９\n]{1,30}[)）](?=[ \u3000]*(?:发了|发布了|发布|更新了|推送了|一共|共)?[ \u3000]*"
                                  r"(?:[0-9０-９][0-9０-９,，.]*(?![0-9０-９]|[ \u3000]*年)|[零〇一二两三四五六七八九十百千万]{2,}[件条个篇场]))"
                                  # (not "1件涉及国家秘密（图斑） 1件涉及第三方": the next count tells its own)
                                  r"(?![ \u3000]*[0-9０-９]+[ \u3000]*(?:件|个)[ \u3000]*(?:涉及|是|属于|为|因为|要|申请|被))")


def _clauses(sentence: str, offset: int) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in [*_CLAUSE.finditer(sentence), None]:
        end = m.start() if m else len(sentence)
        if sentence[start:end].strip():
            out += _next_counts(sentence[start:end], offset + start)
        start = m.end() if m else end
    return out


def _next_counts(clause: str, offset: int) -> list[tuple[int, str]]:
    """"还有1件公司的是重复申请 1件个人的…" (voice input): a space before a number begins a new
    clause once the clause has a number of its own ("维持 44 件" keeps its number)."""
    out, start = [], 0
    for m in _NEXT_COUNT.finditer(clause):
        # (or after "都是个人的": a statement of its own, then "1件涉及国家秘密")
        if re.search(r"[0-9０-９]", clause[start:m.start()]) or re.search(r"(?:都|全|均)是[\u4e00-\u9fa5]{1,8}的$", clause[start:m.start()]):
            out.append((offset + start, clause[start:m.start()]))
            start = m.end()
    out.append((offset + start, clause[start:]))
    return out


def _resolve(a: Anchor, clause_anchors: list[Anchor], ctx: _Context, unit: str) -> str | None:
    """The cell or fact a number near anchor ``a`` belongs to, or None when ``a`` cannot take it."""
    if not _unit_ok(a.kind, a.key, unit):
        return None
    kinds = {x.kind: x for x in clause_anchors}
    if a.kind == "fact":
        if a.key == "fee_charged":  # "信息处理费共300元", "收取信息处理费2件"
            return "fee_amount" if unit in ("元", "万元", "块钱") else "fee_cases" if unit in ("件", "次") else None
        return None if a.key in _BOOL_FACTS else a.key
    if a.kind == "t3col":
        row = kinds["t3row"].key if "t3row" in kinds else ctx.t3row
        return f"t3.{row}.{a.key}" if row else None
    if a.kind == "t3row":
        if "t3col" in kinds and kinds["t3col"].start < a.start:
            return None  # "商业企业1件逾期不补正": the column word before the number takes it
        if ctx.col_focus and (ctx.col_whole or a.key not in ("new_received", "carried_over")):
            return f"t3.{a.key}.{ctx.col_focus}"
        return f"t3.{a.key}.total"
    if a.kind == "t4col" and a.key == "other" and not ctx.t4block and ctx.t3group == "other_handling":
        return f"t3.other_handling.other.{ctx.col_focus or 'total'}"  # "其他处理2（逾期不补正1 其他1）"
    if a.kind == "t4col":
        block = kinds["t4block"].key if "t4block" in kinds else ctx.t4block
        if block == "litigation":
            block = ctx.litigation
        return f"t4.{block}.{a.key}" if block else None
    if a.kind == "t4block":
        block = ctx.litigation if a.key == "litigation" else a.key
        return f"t4.{block}.total" if block else None
    if a.kind == "t2row":
        if a.key == "fees":
            return "t2.fees.amount"
        if a.key in ("licensing", "penalty", "enforcement"):
            return f"t2.{a.key}.decisions"
        col = kinds.get("t2col")
        return f"t2.{a.key}.{col.key}" if col else None
    if a.kind == "t2col":
        row = kinds["t2row"].key if "t2row" in kinds else ctx.t2row
        if row is None and a.key != "issued" and len(said := [r for r in ("regulations", "normative_docs")
                                        if ctx.earlier.get(f"t2.{r}.{a.key}") not in (None, 0, "0")]) == 1:
            row = said[0]  # "现行有效是36": the one row that has a number in that column
        if row in ("regulations", "normative_docs"):
            return f"t2.{row}.{a.key}"
        return None
    return None


def _candidates(n: NumberMention, anchors: list[Anchor], numbers: list[NumberMention], clause: str) -> list[Anchor]:
    """Anchors of the clause by distance: before the number first (no other number in between),
    then after it."""
    def between(lo: int, hi: int) -> bool:
        # (a share said on the way, "公开的占六成 231件", stands between no word and its count)
        return any(lo <= m.start < hi for m in numbers if m is not n and not (
            m.unit in ("%", "％", "成") and re.search(r"占(?:比)?(?:了)?(?:百分之)?\s*$", clause[:m.start])))

    before = sorted((a for a in anchors if a.end <= n.start and not between(a.end, n.start)),
                    key=lambda a: n.start - a.end)
    after = sorted((a for a in anchors if a.start >= n.end and not between(n.end, a.start)),
                   key=lambda a: a.start - n.end)
    end = max(n.end, n.unit_end)
    # "一件是企业的", "2件是村民申请的": the applicant said right after the number
    close = [a for a in after if a.kind == "t3col" and re.fullmatch(r"\s*(?:是|为|属于)", clause[end:a.start])]
    if not close and not any(a.kind in ("t3col", "t3row", "t3group") and re.fullmatch(r"\s*(?:的|是|有|了|过来)?\s*", clause[a.end:n.start])
                             for a in before):  # (not "去年结转1件个人的": the row's count, then whose)
        # "公开了4件（3件个人的加基金会那件）": the applicant right after the count, none right before it
        close = [a for a in after if a.kind == "t3col" and clause[end:a.start] == "" and re.match(r"(?:的|申请的)", clause[a.end:])]
    return close + [a for a in before + after if a not in close]


def _applicant_heads(message: str) -> set[str]:
    """The applicants named as heads of their results in ``message`` ("自然人的予以公开…", "企业的不掌握…")."""
    anchors = sorted(vocabulary().anchors(message), key=lambda a: a.start)
    return {a.key for a in anchors if a.kind == "t3col" and message[a.end:a.end + 1] == "的" and any(
        b.kind == "t3row" and b.key not in ("new_received", "carried_over") and b.start == a.end + 1 for b in anchors)}


def _update_context(ctx: _Context, anchors: list[Anchor]) -> None:
    for a in anchors:
        if a.kind == "t2row":
            ctx.t2row = a.key
        elif a.kind == "t3group":
            ctx.t3group = a.key
        elif a.kind == "t3row":
            ctx.t3row = a.key
        elif a.kind == "t4block":
            ctx.t4block = ctx.litigation if a.key == "litigation" and ctx.litigation else a.key


def _as_value(target: str, n: NumberMention, said: str = "") -> int | Decimal:
    """``said``: the text ``n`` was found in."""
    if target == "t2.fees.amount":
        if not n.unit and said[n.start:n.end].endswith(("万", "萬")):
            return _money(n.value, "元")  # "收费356万": 356 万元, not 3,560,000 of them
        if not n.unit and re.match(r"\s*块(?!钱)", said[n.end:]):
            return _money(n.value, "元")  # "收费一共176000块": 元, said as one says it
        return _money(n.value, n.unit)
    if target in ("fee_amount",) and n.unit == "万元":
        return n.value * 10_000
    if target == "proposals_completion_rate":
        return n.value
    return int(n.value) if n.value == n.value.to_integral_value() else n.value


def _zero_scope(a: Anchor, ctx: _Context, whole_column: bool = False) -> tuple[str, ...] | None:
    if a.kind == "fact":
        return (a.key,)
    if a.kind == "t2row":
        return ("t2.fees.amount",) if a.key == "fees" else (f"t2.{a.key}",)
    if a.kind == "t3row" and ctx.col_focus and ctx.col_headed:
        # "企业的：新收5件…。没有结转": the none of that applicant's line, not of the whole row
        return (f"t3.{a.key}.{ctx.col_focus}",)
    if a.kind == "t3row":
        return (f"t3.{a.key}",)
    if a.kind == "t3group" and ctx.col_focus and ctx.col_headed:
        return tuple(f"t3.{r}.{ctx.col_focus}" for r in _T3_GROUP_ROWS[a.key])
    if a.kind == "t3group":
        return tuple(f"t3.{r}" for r in _T3_GROUP_ROWS[a.key])
    if a.kind == "t4block":
        if a.key == "litigation":
            return ("t4.litigation_direct", "t4.litigation_after_review")
        return (f"t4.{a.key}",)
    if a.kind == "t3col" and whole_column:
        return tuple(f"{r.address}.{a.key}" for r in T3_ROWS)  # "社会公益组织全是0": that column
    if a.kind == "t4col" and ctx.t4block and ctx.t4block != "litigation":
        return (f"t4.{ctx.t4block}.{a.key}",)
    if a.kind == "t2col" and ctx.t2row in ("regulations", "normative_docs"):
        return (f"t2.{ctx.t2row}.{a.key}",)
    return None


def read_statements(message: str, skip: list[tuple[int, int]] | None = None,
                    earlier: Mapping[str, object] | None = None, report_year: int | None = None,
                    results: bool = False, row_numbers: Mapping[int, str] | None = None) -> Reading:
    """Everything ``message`` states outside the spans in ``skip`` (pasted tables, labelled text).
    ``earlier``: table-三 row totals already recorded, which "38件里…" may point back to. ``results``:
    the message answers a question about the results of the applications."""
    voc = vocabulary()
    zero_words = voc.words["zero"]
    all_zero = voc.words["all_zero"]
    text = to_halfwidth(message)  # same length: spans stay valid
    # "结转下年度 个人 加1" (voice input): the change is of the words before it, not a clause of its own
    text = _SPACED_CHANGE.sub(lambda m: "＿" * len(m.group(0)), text)
    out_sums: list[str] = []
    out_cut: list[str] = []
    # "许可（户政 治安 出入境这些加一起）8,163": an aside with no number between an item and its
    # number says what the item covers; masked (same length) so the item keeps its number
    # "> 2025年依申请情况：…": a forwarded message's quote marks are no part of its lines
    text = _QUOTE_MARK.sub(lambda m: " " * len(m.group(0)), text)
    text = _COUNTED_TWICE.sub("多重", text)
    # "多的少的都是自然人那列": where the changes fall, not that the applications are all that applicant's
    text = _CHANGES_FALL.sub(lambda m: "＿" * len(m.group(0)), text)
    # "给了一部分、遮了一部分的": a part, not one of anything
    out_cut += [message[m.start():m.end()] for m in _A_PART.finditer(text)]
    text = _A_PART.sub(lambda m: "＿" * len(m.group(0)), text)
    for m in _WHO_IN_BRACKETS.finditer(text):
        # "其他3件（两个村委会，一个行业协会）": who they were, adding up to the count before — no counts of their own
        # (who: "两个村委会" — never a breakdown by row or applicant in 件, "（企业2件、律所1件）")
        inside = [k for k in find_numbers(m.group("who")) if k.unit in ("个", "家", "位", "名")]
        if len(inside) >= 2 and sum(k.value for k in inside) == parse_number(m.group("n")) and len(
                find_numbers(m.group("who"))) == len(inside) and not any(
                a.kind in ("t3row", "t3group", "t2row", "fact", "t4block") for a in vocabulary().anchors(m.group("who"))):
            out_cut.append(message[m.start("who"):m.end("who")])
            text = text[:m.start("who")] + "＿" * len(m.group("who")) + text[m.end("who"):]
    for m in _CUT_NUMBER.finditer(text):
        # "个人 一百…\n等下 信号不好\n一百六十三": a number cut off and said again in full after an aside
        # — one sentence, the cut blanked (said back as checked)
        if to_halfwidth(m.group("again")).startswith(to_halfwidth(m.group("cut"))):
            out_cut.append(message[m.start("cut"):m.end("aside")].strip())
            text = text[:m.start("cut")] + "＿" * (m.end("aside") - m.start("cut")) + text[m.end("aside"):]
    # "（4）无法提供 合计411", "（7）总计 1,914": the format's numbering in Arabic digits, as in Chinese
    text = _ARABIC_NUMBERING.sub(lambda m: m.group(1) + "一二三四五六七"[int(m.group(2)) - 1] + m.group(3), text)
    # "三（四）1 自然人一件", "表三 一 是六件": rows by the format's own numbering, said as the form reads
    text = _by_official_numbers(text)
    # "；企业—予以公开8 部分公开4": a dash after an applicant's name heads its results as a colon does
    text = _DASH_HEAD.sub(lambda m: m.group(1) + ("：" + " " * (len(m.group("dash")) - 1) if _column_named(m.group("col"))
                                                  else m.group("dash")), text)
    # "(三)4 第三方权益": the row's number under its group, as the table numbers it
    text = _SUB_ROW_NUMBER.sub(lambda m: m.group(1) + "＿" * len(m.group(2)), text)
    text = _ASIDE_BEFORE_NUMBER.sub(lambda m: "＿" * len(m.group(0)), text)
    text = _CLOCK.sub(lambda m: "＿" * len(m.group(0)), text)  # "1月8日 16:02": a chat message's time
    # "行政诉讼今年一共应诉了12件，大部分是告我们拆违和处罚的，跟信息公开有关的只有1件": all the lawsuits (or
    # reviews), then the ones about disclosure — the report's; the others are said back as not counted
    about_others: list[str] = []
    for m in list(_ABOUT_DISCLOSURE.finditer(text)):
        s0 = max(text.rfind(ch, 0, m.start()) for ch in "。！!？?\n：:") + 1
        block = next((a for a in vocabulary().anchors(text[s0:m.start()]) if a.kind == "t4block"), None)
        if block is None or not find_numbers(text[s0 + block.end:m.start()]):
            continue
        a, b = s0 + block.end, m.end()
        about_others.append(message[s0:m.start()].strip(" ，,"))
        text = text[:a] + "＿" * (b - a) + text[b:]
    text = re.sub(r"(?<=规章|文件)\s*[：:](?=\s*(?:0|零|〇)\s*(?:件)?\s*(?:[，,。；;\n]|$))", " ", text)
    # "信息处理费：不收": the fee's none after a colon
    text = re.sub(r"(?<=信息处理费)[：:](?=(?:不收|没收|未收|没有收|无|没有|不涉及))", "都", text)
    # " 1) 危及三安全一稳定 1（个人）": an outline's own numbering of sub-items, no count
    text = re.sub(r"(?m)^([ \t\u3000]*)([0-9]{1,2}[)）])(?=\s*[\u4e00-\u9fa5])", lambda m: m.group(1) + "＿" * len(m.group(2)), text)
    for m in _ARITHMETIC.finditer(text):  # "我自己算个人的是9+3+1+4+2=19": the clerk's own sum, no figure to record
        out_sums.append(message[m.start():m.end()])
    text = _ARITHMETIC.sub(lambda m: "＿" * len(m.group(0)), text)
    for m in list(_PARTS_ADDED.finditer(text)):
        if re.match(r"\s*(?:是|等于|得|一共是|共)\s*[0-9０-９]", text[m.end():]):
            # "48 + 7 + 1 + 3 + 1 是60": the parts of the sum said after them, which is the item's value
            out_sums.append(message[m.start():m.end()])
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    # "个人 62+9", "处罚 8+2+1": parts said to be added — their sum, where the first part was (the check of a
    # count takes a sum of the quote's numbers)
    text = _PARTS_ADDED.sub(lambda m: (str(sum(int(x) for x in re.findall(r"[0-9]+", m.group(0))))
                                       + " " * len(m.group(0)))[:len(m.group(0))], text)
    not_counts = [m.group(0) for m in [*_THE_ITEMS_SUMMED.finditer(text), *_MONTHS.finditer(text), *_MAIL_OR_POST.finditer(text),
                                       *_ATTACHMENT.finditer(text), *REVISION_NOTE.finditer(text), *_LAYOUT.finditer(text)]]
    # "从OA里导了一份，每件一行", "2025-07｜…": a copy, the list's lines, a case's number (year and serial)
    text = _LAYOUT.sub(lambda m: "＿" * len(m.group(0)), text)
    text = REVISION_NOTE.sub(lambda m: "＿" * len(m.group(0)), text)  # "纠正4〔修订 张伟：删除了“3”〕": the box, not a figure
    text = _ATTACHMENT.sub(lambda m: "＿" * len(m.group(0)), text)  # "见附件1": an attachment's number
    text = _MAIL_OR_POST.sub(lambda m: "＿" * len(m.group(0)), text)  # "wangtao_pzrsj@163.com", "邮编：221300"
    # "个人的多 我照着台账念：公开251 …": an applicant's results after words of the clerk's own (blanked)
    text = _APPLICANT_THEN_WORDS.sub(lambda m: m.group(1) + " " * len(m.group(2)) if _column_named(m.group(1)[:-1]) else m.group(0), text)
    # "其他处理（其他）：个人 1", "其他处理-其他 1": the row （六）3.其他, in the vocabulary's words (same length)
    text = re.sub(r"其他处理[（(]其他[)）]", "其他处理中的其他", text)
    text = re.sub(r"其他处理[-－—_/·]其他", "其他处理的其他", text)
    text = _THE_ITEMS_SUMMED.sub(lambda m: "＿" * len(m.group(0)), text)
    text = _MONTHS.sub(lambda m: "＿" * len(m.group(0)), text)
    # "（三）不予公开：3件（保护第三方合法权益 自然人2；…）": the group's count, as "不予公开3件（…）" says it
    text = re.sub(r"(?<=不予公开|无法提供|不予处理|其他处理)[：:](?=\s*[0-9０-９]+\s*件?\s*[（(])", " ", text)
    # "2025-01-01 至 2025-12-31", "第1页/共1页": dates and pages of an export, no figures
    text = _DATE_OR_PAGE.sub(lambda m: "＿" * len(m.group(0)), text)
    if "条" in text:  # "第三十六条第（四）项 经检索没有 6件": a register by the article cited — the article names the row
        text = _BY_ARTICLE.sub(_article_line, text)
    # "不予公开 4.保护第三方合法权益 2件": a sub-row's number before its name, not its count
    text = _ROW_MARK.sub(lambda m: m.group(1) + "＿" * len(m.group(2)), text)
    # "（七）总计自然人改成2,042": the row's number and name, kept in one clause
    text = _ROW_SEVEN.sub(lambda m: "＿" * (len(m.group(0)) - 3) + "总计行", text)
    skip = skip or []
    out = Reading()
    out.checked += out_sums + out_cut
    out.not_ours += about_others
    heads = []
    for m in _HEAD_WITH_CARRIED.finditer(text):
        # "个人23件，加上去年转过来的1件：予以公开10件…", "企业6件，公开3件，部分公开1件；科研机构2件，…": that
        # applicant's new ones (and carried-over ones) head the part, whose results are of them all (the
        # part's cells are given that applicant after reading)
        who = [a for a in voc.anchors(m.group("who")) if a.kind == "t3col" and a.key != "total"]
        if len({a.key for a in who}) != 1 or m.group("who")[:who[0].start].strip() or m.group("who")[who[-1].end:].strip("的 "):
            continue
        part_end = min([i for i in (text.find(ch, m.end()) for ch in "；;。\n") if i >= 0] or [len(text)])
        part = voc.anchors(text[m.end():part_end])
        if not any(a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total") for a in part) or (
                {a.key for a in part if a.kind == "t3col"} - {who[0].key}):
            continue
        heads.append((m, who[0].key, part_end))
    # (a head with a colon and no carried-over ones is the reader's own, "律所的47件：公开12…"; one with a
    # comma heads a part only among others like it)
    heads = [h for h in heads if h[0].group("m") or (h[0].group("colon") in "，," and sum(
        g[0].group("colon") in "，," for g in heads) >= 2)]
    for m, _, _ in heads:
        text = text[:m.start()] + "＿" * (m.end() - m.start()) + text[m.end():]
    out.not_counts += not_counts
    for m in _WHY_CHANGED.finditer(text):
        # "部分3改成4（有一件遮了身份证号，我当成全公开了）": why the number changed, no count of its own
        was = re.search(r"(?:上|原来|原先|之前|以前|本来)(?:写的|填的|打的)?(?:是|为|写的是)", m.group(2))
        if re.search(r"[0-9０-９]", m.group(2)) and not was:
            continue  # ("改成4件（自然人3、商业企业1）": the new value's breakdown)
        text = text[:m.start(2)] + "＿" * len(m.group(2)) + text[m.end(2):]
        # ("改成23了（PDF上是28）": the old value)
        (out.replaced if was else out.checked).append(message[m.start(2):m.end(2)])
    for m in _ARROW_CHANGE.finditer(text):
        # "二、上年结转：3件（自然人3）→ 改成4件（…），漏了一个企业的": the confirmation pasted back with an
        # edit — what stands before the arrow is the old value, what follows it the new, and the rest why
        text = text[:m.start("old")] + "＿" * (m.end("arrow") - m.start("old")) + text[m.end("arrow"):]
        out.replaced.append(message[m.start("old"):m.end("arrow")].strip())
        if (why := _WHY_MISSED.search(text, m.end("arrow"), text.find("\n", m.end("arrow")) % (len(text) + 1))):
            text = text[:why.start()] + "＿" * (why.end() - why.start()) + text[why.end():]
            out.checked.append(message[why.start():why.end()])
    for w, t in (("表二", "t2"), ("表2", "t2"), ("表三", "t3"), ("表3", "t3"), ("表四", "t4"), ("表4", "t4"),
                 ("主动公开表", "t2"), ("申请表", "t3"), ("复议诉讼表", "t4")):
        if w in text:
            out.tables_named.add(t)
    if re.search(r"三张表|所有表|全部表|表格都|每张表|几张表", text):
        out.tables_named |= {"t2", "t3", "t4"}
    outside = list(text)
    for a, b in skip:  # (a passage of free text, "答复的时限把控不够", tells no results)
        outside[a:b] = "＿" * len(outside[a:b])
    results = results or bool(_RESULTS.search("".join(outside)))
    asked: tuple[int, list[Anchor]] | None = None
    dated_until = -1
    last_years_until = -1
    one_kind: list[tuple[str, str]] = []  # "诉讼1件，是复议后起诉的": the other kind of lawsuit, with its quote
    ctx: _Context | None = None
    line_row: tuple[str, str | None] | None = None  # the row a dictated line of applicants' counts goes on with
    col_left = -1  # where a sentence of another applicant ended a head's hold on its line
    for s0, sentence, goes_on in _sentences(text):
        if any(a <= s0 and s0 + len(sentence) <= b + 1 for a, b in skip):
            continue  # wholly inside a table or a passage; one that runs past it (voice input) is read by clause
        if _CHAT_HEADER.fullmatch(sentence):
            continue  # "王敏（待遇保障科） 1月8日 16:09": who spoke and when, in a forwarded chat
        if is_question(sentence) and _EITHER_OR.search(sentence) and find_numbers(sentence) and not any(
                find_numbers(c) and any(a.kind in ("fact", "t2row", "t4block") for a in voc.anchors(c))
                for _, c in _clauses(sentence, 0)):
            # "另外有1个律师是用个人名义申请的，…这种算自然人还是算法律服务机构？": asked how to count it — the
            # question is answered, and its count is said once settled
            continue
        if is_question(sentence) and [n for n in find_numbers(sentence) if n.unit not in ("年", "年度")] and _COUNTS_OR_NOT.search(sentence) and not any(
                find_numbers(c) and voc.anchors(c) for _, c in _clauses(sentence, 0)):
            # "今年有两个老兵打12345…这个算不算依申请？": numbers no word of the report names are what
            # is asked about, not facts yet; the question is answered and they are said once settled
            continue
        if is_question(sentence) and (into := _ASKED_INTO.search(sentence)) and [
                n for n in find_numbers(sentence[:into.start()]) if n.unit not in ("年", "年度")] and (not any(
                a.kind != "t3col" for a in voc.anchors(sentence[:into.start()])) or re.match(
                r"(?:依申请|申请|表三|表3)", sentence[into.end():])):
            # "12345那个46件要写到依申请里面吗？": where numbers no word of the report names would go, asked
            continue
        if _IN_DOUBT.search(sentence) and find_numbers(sentence):
            # "交接单上的9件不是全年的吧？", "全年新收应该是9加3？": a doubt asked, not a count said
            continue
        if _LAST_YEARS_FIRST.match(sentence) or s0 < last_years_until:
            # "先说下去年的数吧：去年网站发了402条，收到了2件申请…": the whole sentence is last year's
            # ("表二去年是：…；许可2,356件；…。今年：…": up to the full stop, or to 今年)
            if s0 >= last_years_until and _LAST_YEARS_LIST.match(sentence):
                # "去年（2024年）年报的表三有数的就这几行：" over its lines: up to a blank line, or to 今年
                ends = [i for i in (text.find("\n\n", s0), text.find("今年", s0)) if i > s0]
                last_years_until = min(ends) if ends else len(text)
            if s0 >= last_years_until:
                ends = [i for i in (text.find("。", s0), text.find("今年", s0), text.find("\n", s0)) if i > s0]
                last_years_until = min(ends) if ends else len(text)
            out.excluded.append(message[s0:s0 + len(sentence)].strip())
            continue
        if (mix := _DONT_MIX.search(sentence)) and any(n.unit not in ("年", "月", "日", "号") for n in find_numbers(sentence)) and not any(
                a.kind in ("t2row", "t3row", "t4block", "fact") for a in voc.anchors(sentence[:mix.start()])
                if sentence[a.start:a.end] not in _GENERIC):
            # "第3季度单独报市政务公开办的是47件，别搞混了": a figure told so it is not mixed up with the report's
            out.excluded.append(message[s0:s0 + len(sentence)].strip())
            continue
        if (unsure := _UNSURE_WHICH_YEAR.search(sentence)) and (doubted := [n for n in find_numbers(sentence[:unsure.start()])
                                                                       if n.unit not in ("年", "月", "日", "号")]):
            # "便利贴上还写着“新闻发布会2场”，但我不知道是今年还是去年的": held, said back, until the clerk knows;
            # "这个112条我不确定是不是全年的": the figure said before in the message too
            for n in doubted:
                for x in [x for x in out.stated if str(x.value) == str(n.value) and x.start < s0 + n.start]:
                    if re.search(r"(?:这个|那个|这|那)\s*$", sentence[:n.start]):
                        out.stated.remove(x)
                        out.unexplained.append((x.start, x.end, x.quote))
            out.unexplained += [(s0 + n.start, s0 + n.end, message[s0:s0 + len(sentence)].strip().rstrip(_END_PUNCT))
                                for n in doubted if not re.search(r"(?:这个|那个|这|那)\s*$", sentence[:n.start])]
            continue
        if _COUNTED_BEFORE.search(sentence) and find_numbers(sentence) and not _INTO_THIS_YEAR.search(sentence):
            # "还有1件是2023年的复议 去年年报已经统计过了": counted in an earlier year's report
            out.excluded.append(message[s0:s0 + len(sentence)].strip())
            continue
        if NO_APPLICATION.search(sentence) and not _ONE_MORE_LEAD.search(sentence):
            # "系统里多出来那件是企业…撤回的，没进入办理程序，我们按13件统计没问题": why one is not counted
            if find_numbers(sentence):
                out.excluded.append(message[s0:s0 + len(sentence)].strip())
            continue
        if _NOT_OURS_TO_COUNT.search(sentence) and find_numbers(sentence):
            # "社区报上来说有1件申请…人家是向区住建局申请的 不是我们街道收的": another body's application
            out.excluded.append(message[s0:s0 + len(sentence)].strip())
            continue
        if _CONFIRMING.search(sentence) and _PLACED.search(sentence) and voc.anchors(sentence):
            # "有一件是一部分给了…，我放在部分公开里了，对吧？": asks whether what is counted is right;
            # the question is answered, and what it describes is counted already
            continue
        if is_question(sentence) and not find_numbers(sentence):
            # "没收到新申请的话表三还要填吗？": asked, not stated; "复议诉讼那个？我们没有": what was
            # asked about is what a bare none right after it is said of
            asked = (s0, [a for a in voc.anchors(sentence) if a.kind in ("fact", "t2row", "t3row", "t3group", "t4block")])
            continue
        if s0 < dated_until or (report_year and (dated := _DATED.match(sentence)) and int(dated.group(1)) != report_year):
            # a sentence dated another year, and the rest of its paragraph ("…2023年，我局共收到31件…；
            # 上年结转2件。全年办结30件…"): that year's figures
            out.other_year.append(message[s0:s0 + len(sentence)].strip())
            if s0 >= dated_until:
                end = text.find("\n", s0)
                dated_until = len(text) if end < 0 else end
            continue
        line_head = _LINE_HEAD_COLUMN.match(text, text.rfind("\n", 0, s0) + 1)
        if ctx is not None and ctx.col_focus and any(a.kind == "t3col" and a.key not in (ctx.col_focus, "total")
                                                     for a in voc.anchors(sentence)) and not (
                _COLUMN_LEAD.match(sentence) or _LINE_HEAD_COLUMN.match(sentence)) and not any(
                n.unit not in ("年", "月", "日", "号", "家", "位", "名", "个") for n in find_numbers(sentence)):
            # (a story, not another head or list of counts of its own)
            # ("个人的：公开2件…。企业那件…。去年没有转过来的": another applicant's story ends the head's hold)
            col_left = s0
        focus = (ctx.col_focus, ctx.col_whole) if ctx is not None and ctx.col_focus and not _FOR_EVERYONE.match(sentence) and (
            col_left <= text.rfind("\n", 0, s0)) and (re.search(
            r"[；;]\s*$", text[:s0]) or goes_on or (line_head is not None and _column_named(line_head.group(1)) == ctx.col_focus)
            or (ctx.col_headed and "\n" not in text[ctx.sentence_at:s0])) else None
        headed = focus is not None and ctx is not None and ctx.col_headed
        # "新收 个人 一百六十三\n企业二十一\n律所七件": a line of applicants' counts alone goes on with the row
        # of the line before (dictated, one piece a line)
        among_before = ctx is not None and ctx.among
        if ctx is not None and ctx.t3row:
            line_row = (ctx.t3row, ctx.t3group)
        elif ctx is not None and any(a.kind in ("t2row", "fact", "t4block", "t3group") for a in voc.anchors(text[ctx.sentence_at:s0])):
            line_row = None  # (a line about something else ends the dictated row)
        row_before = line_row if line_row and text[s0 - 1:s0] == "\n" and find_numbers(
            sentence) and any(a.kind == "t3col" or (a.kind == "t4col" and a.key == "other") for a in voc.anchors(sentence)) and not any(
            a.kind in ("t3row", "t3group", "t2row", "fact", "t4block") or (a.kind == "t4col" and a.key != "other")
            for a in voc.anchors(sentence)) else None
        # "个人的：新收… 上年结转37；予以公开702…", "个人（自然人）：今年新收28件…。全部公开12…": the line goes on
        # "今年收到申请41件。问一下…？自然人36件，培训机构2件": applicants' counts alone, in a sentence of their
        # own after this year's (or last year's) count in the message, are of that row
        # (a "申请的" among them, "还有1件是村委会申请的", names no other row)
        s_kinds = {a.kind for a in voc.anchors(sentence) if not (a.kind == "t3row" and a.key == "new_received" and sentence[
            a.start:a.end] in _GENERIC and sentence[a.end:a.end + 1] in ("的", "占"))}  # ("自然人申请占87%": a share)
        told_row = next((x.target.split(".")[1] for x in reversed(out.stated) if x.start < s0 and x.target.startswith(
            ("t3.new_received.", "t3.carried_over."))), None) if "t3col" in s_kinds and not s_kinds & {
                "t2row", "t3row", "t3group", "fact", "t4block"} and find_numbers(sentence) else None
        if told_row and any(x.start < s0 and x.target.startswith("t3.") and not x.target.startswith(
                ("t3.new_received.", "t3.carried_over.")) for x in out.stated[-1:]):
            told_row = None  # (a result row said last: not the applicants' row)
        # "规范性文件现行有效…写的5，是去年的数。今年制发1件，没有废止，应该是6件": the columns of table 二
        # said alone go on with the row of the sentence before
        # "复议 2\n维持1 另一个撤回了": a line of results alone goes on with the block of the line before
        t4_kinds = {a.kind for a in voc.anchors(sentence)}
        t4block_before = ctx.t4block if ctx is not None and ctx.t4block and ctx.t4block != "litigation" and text[s0 - 1:s0] == "\n" and (
            "t4col" in t4_kinds or re.search(r"撤回|撤诉|终止", sentence)) and not t4_kinds & {
                "t4block", "t2row", "t3group", "t3col", "fact"} else None
        t2row_before = ctx.t2row if ctx is not None and ctx.t2row in ("regulations", "normative_docs") and (
            kinds := {a.kind for a in voc.anchors(sentence)}) and "t2col" in kinds and not kinds & {
                "t2row", "t3row", "t3group", "t3col", "fact", "t4block"} else None
        ctx = _Context(earlier=dict(earlier or {}), row_numbers=row_numbers or {}, sentence_at=s0, results=results, report_year=report_year,
                       fee_sentence=bool(fee := [a for a in voc.anchors(sentence) if a.kind == "fact" and a.key == "fee_charged"]),
                       # (voice input, spaces for commas: the fee is one topic of many; with commas the
                       # sentence is the fee's: "今年有2件申请超量，收取信息处理费2件")
                       fee_from=s0 + min((a.start for a in fee), default=0) if not re.search(r"[，,]", sentence) else s0,
                       proposals_sentence=bool(re.search("建议|提案", sentence)) and not re.search("申请", sentence))
        if focus:
            ctx.col_focus, ctx.col_whole = focus
            ctx.col_headed = headed
        if row_before:
            ctx.t3row, ctx.t3group = row_before
        if t2row_before:
            ctx.t2row = t2row_before
        if t4block_before:
            ctx.t4block = t4block_before
        if told_row and not ctx.t3row:
            ctx.t3row = told_row
        if (lead := _COLUMN_LEAD.match(sentence)) and (col := _column_named(lead.group("col"))) and (
                colon := re.search(r"[：:]", sentence)) and not any(a.kind == "t3col" for a in voc.anchors(sentence[colon.end():])):
            # "自然人的列太长了，我只给不予公开以下的：国家秘密1，第三方9…": that applicant's cells follow
            ctx.col_focus, ctx.col_headed, ctx.col_whole = col, True, False
        if among_before and re.search(r"[；;]\s*$", text[:s0]) and not any(
                a.kind in ("t3row", "t3group") for a in voc.anchors(sentence)):
            ctx.t3row, ctx.among = "new_received", True  # ("…自然人提出438件；商业企业51件": the list goes on)
        if asked and asked[1]:
            ctx.heading, asked = asked, None
        kinds = {a.key for _, c in _clauses(sentence, s0) for a in voc.anchors(c) if a.kind == "t4block"
                 and not (a.key.startswith("litigation_") and _SAID_NONE.search(c[:a.start] + c[a.end:])
                          and not find_numbers(c))}
        if len(kinds & {"litigation_direct", "litigation_after_review"}) == 1:
            # (a kind said to have none, "复议后起诉的没有", does not name what "诉讼1件" is)
            ctx.litigation = next(iter(kinds & {"litigation_direct", "litigation_after_review"}))
        last_run: set[str] | None = None
        for c0, clause in _clauses(sentence, s0):
            if any(a <= c0 < b for a, b in skip):
                continue
            families = {_FAMILY[a.kind] for a in voc.anchors(clause) if a.kind in _FAMILY}
            if last_run is not None and not _THIS_YEARS_AGAIN.search(clause) and families <= last_run:
                # "去年是收到2件，都是村民，1件给公开了，…。今年…": the clauses after last year's count
                # tell last year's too, until this year or another table's item is named
                if find_numbers(clause):
                    out.excluded.append(clause.strip())
                continue
            last_run = families if (_LAST_YEAR_LEAD.match(clause) and find_numbers(clause)
                                             and not _INTO_THIS_YEAR.search(clause)) else None
            if report_year and (dated := _DATED_CLAUSE.match(clause)) and (
                    y4 if (y4 := int(dated.group("y") or dated.group("yy") or dated.group("y3"))) >= 2000 else 2000 + y4) < report_year:
                out.other_year.append(clause.strip())  # "…所以填0，2024年还收了356万": that year's, not this one's
                continue
            _read_clause(message, clause, c0, message[s0:s0 + len(sentence)].strip().rstrip(_END_PUNCT), ctx, out,
                         zero_words, all_zero)
        if ctx.pending and not ctx.pending_quiet:
            n, at, quote = ctx.pending
            out.unexplained.append((at + n.start, at + n.end, quote))
        verbatim = message[s0:s0 + len(sentence)].strip().rstrip(_END_PUNCT)
        if ctx.litigation and any(a.kind == "t4block" and a.key == "litigation" for a in voc.anchors(sentence)) and (
                told := next((x for x in out.stated if x.target == f"t4.{ctx.litigation}.total"
                              and s0 <= x.start < s0 + len(sentence)), None)):
            # "诉讼1件，是复议维持以后他又去法院告的": every lawsuit is of that kind, none of the other
            one_kind.append((({"litigation_direct", "litigation_after_review"} - {ctx.litigation}).pop(), told.quote))
        if ctx.fee_sentence and _FEE_CHARGED.search(sentence) and not any(s.target == "fee_charged" for s in out.stated):
            # "有3件申请按规定收取了信息处理费，共计1200元"
            out.stated.append(Stated("fee_charged", True, verbatim, s0, s0 + len(sentence)))
        _all_of_one_column(sentence, message[s0:s0 + len(sentence)].strip().rstrip(_END_PUNCT), ctx, out)
        _asked_by(sentence, s0, out)
        _t4_case_told(sentence, s0, verbatim, out)
    for other, quote in one_kind:
        if not any(x.target.startswith(f"t4.{other}.") for x in out.stated) and not any(
                f"t4.{other}" in z.scope or any(sc.startswith(f"t4.{other}") for sc in z.scope) for z in out.zeros):
            # (a number of the other kind, not of this message's words: the reader's own, like a sum)
            out.computed += [Stated(f"t4.{other}.{col}", 0, quote, 0, 0)
                             for col in ("upheld", "corrected", "other", "pending", "total")]
    _taken_back(message, report_year, out)
    _by_difference(message, out)
    _every_application(message, out)
    _persons_are_no_count(message, out)
    _phone_enquiries(message, out)
    _rates_are_no_counts(message, out)
    _one_each_told(message, out)
    _row_decided_after(message, out)
    _one_more_and_its_result(message, out)
    _changes_of_one_column(message, out)
    _sum_after_its_parts(message, out)
    _sum_said_of_the_parts(message, out, earlier or {})
    _that_ones_row(message, out)
    _carried_ones_result(message, out, earlier or {})
    _reviews_told_one_by_one(message, out)
    _notices_are_no_fees_charged(message, out)
    _those_all_of_one(message, out, earlier or {})
    _why_one_was_missed(out)
    _so_the_values_are(message, out)
    _received_late_then_carried(message, out)
    _whole_year_after_a_part(message, out)
    _only_the_disclosure_ones(message, out)
    _how_some_ended(message, out)
    _added_in_the_clause(message, out)
    _answered_only_this_year(out)
    _bracket_says_who(message, out)
    _those_not_ours_after_all(message, out)
    _applicants_under_the_count(message, out)
    _the_one_missed_is_in_the_new_count(message, out, earlier or {})
    _all_told_after_one_more(message, out, earlier or {})
    _told_by_who_alone(message, out)
    _to_be_added(message, out, earlier or {})
    _part_said_with_it(message, out)
    _applications_counted(message, out, earlier or {})
    _details_in_brackets(message, out)
    _add_up_repeats(message, out)
    for m, col, part_end in heads:
        said_here = [x for x in out.stated if m.end() <= x.start < part_end and x.target.startswith("t3.")]
        out.stated = [x for x in out.stated if x not in said_here]
        head = message[m.start():m.end()].strip().rstrip("：:，, ")
        head_n = int(parse_number(m.group("n")) or 0)
        told_sum = sum(int(x.value) for x in said_here if isinstance(x.value, int) and not isinstance(x.value, bool)
                      and x.target.split(".")[1] not in ("new_received", "carried_over", "total", "carried_forward"))
        if m.group("m"):  # (its new ones and its carried-over ones, said apart)
            out.stated += [Stated(f"t3.{row}.{col}", int(parse_number(m.group(g)) or 0), head, m.start(g), m.end(g))
                           for row, g in (("new_received", "n"), ("carried_over", "m"))]
        elif told_sum == head_n:  # ("律所的47件：公开12 …": as many as its results, the applications it closed)
            out.stated.append(Stated(f"t3.total.{col}", head_n, head, m.start("n"), m.end("n")))
        elif said_here:
            out.unexplained.append((m.start("n"), m.end("n"), head))
        out.stated += [Stated(x.target.rsplit(".", 1)[0] + f".{col}", x.value, x.quote, x.start, x.end) for x in said_here]
        # ("社会公益组织1件，不掌握": the one row named for the one application, with no number of its own)
        rows = {a.key for a in voc.anchors(message[m.end():part_end]) if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total")}
        if not said_here and len(rows) == 1 and m.group("n") in ("1", "１"):
            out.stated += [Stated(f"t3.{rows.pop()}.{col}", 1, message[m.start():part_end].strip(), m.start("n"), m.end("n")),
                           Stated(f"t3.total.{col}", 1, head, m.start("n"), m.end("n"))]
    for group, value, where in out.group_totals:
        by_col: dict[str, int] = {}  # the group's rows said in this message, summed by column
        for x in out.stated:
            if x.target.startswith(f"t3.{group}."):
                col = x.target.rsplit(".", 1)[1]
                by_col[col] = by_col.get(col, 0) + int(x.value)
        rows_told: dict[str, dict[str, int]] = {}
        stop = re.compile(r"[。！!？?\n；;]").search(message, where[1])
        for x in out.stated:
            if x.target.startswith(f"t3.{group}.") and isinstance(x.value, int) and not isinstance(x.value, bool) and (
                    where[1] <= x.start < (stop.start() if stop else len(message))):  # (told after it, in its sentence)
                row, col = x.target.rsplit(".", 1)
                rows_told.setdefault(row, {})[col] = int(x.value)
        # (each row by its total, or by its applicants where no total was said: "1件是个人…过程性；1件是企业…第三方")
        whole = sum(cells.get("total", sum(cells.values())) for cells in rows_told.values())
        if value in by_col.values() or value == whole or any(
                x.quote == where[2] and x.target.startswith(f"t3.{group}.") for x in out.stated):
            # the rows' totals, or one applicant's ("个人的：不予公开6件（…）"), or the one row it was given to
            out.checked.append(where[2])
        else:
            out.unexplained.append(where)
    _parts_to_be_added_up(message, out)
    _carried_among_the_count(message, out)
    _the_cell_corrected(out, earlier or {})
    _one_applicants_cell_corrected(message, out, earlier or {})
    _count_of_the_stories_after(message, out)
    _the_persons_carry_over(message, out)
    _all_of_the_one_named_after(out)
    _the_rest_all_of_one(message, out, earlier or {})
    _fee_after_its_question(message, out)
    for x in list(out.stated):  # "直诉1维持": the block's one case, and its result
        t4block, _, t4col = x.target[3:].rpartition(".") if x.target.startswith("t4.") else ("", "", "")
        if t4block and t4col != "total" and not any(y.target == f"t4.{t4block}.total" for y in out.stated) and (
                one := re.fullmatch(r"\s*(?P<b>[\u4e00-\u9fa5]{2,8}?)\s*(?P<n>[0-9０-９]+)\s*件?\s*(?:维持|纠正|未结|尚未审结|撤回|撤诉)(?:了|的)?\s*",
                                    x.quote)) and any(a.kind == "t4block" for a in vocabulary().anchors(one.group("b"))):
            out.stated.append(Stated(f"t4.{t4block}.total", x.value, x.quote, x.start, x.end))
    for u in list(out.unexplained):  # "三件都在年内答复完了": all this year's, done (no count of its own)
        if (done := re.match(r"\s*(?:这|那)?([0-9０-９]+|[一二两三四五六七八九十]+)\s*件(?:都|全|全部)(?:在年内|在今年|今年|年内)?(?:都)?"
                             r"(?:答复|办|办理|处理)(?:完|结)", u[2])) and parse_number(done.group(1)) in (
                _as_int((earlier or {}).get("t3.new_received.total")),
                (_as_int((earlier or {}).get("t3.new_received.total")) or 0) + (_as_int((earlier or {}).get("t3.carried_over.total")) or 0)):
            out.unexplained.remove(u)
            out.checked.append(u[2])
    return out


_REST_ALL_ONE = re.compile(r"(?:剩下|其余|剩余|余下)的?(?:都|全|全部|均)是(?P<col>[\u4e00-\u9fa5]{1,6}?)(?:的|申请的|提的)?(?=[，,。；;！!\s]|$)")


def _fee_after_its_question(message: str, out: Reading) -> None:
    """"黄某那个算不算收了信息处理费？我们发了通知但他没交钱，所以实际一分钱没收到": the fee asked about,
    then what came in — no money, so none charged."""
    if any(x.target == "fee_charged" for x in out.stated):
        return
    for q in re.finditer(r"[^。！!？?\n]*信息处理费[^。！!？?\n]*[？?]", message):
        stop = re.compile(r"[。！!\n]|$").search(message, q.end())
        after = message[q.end():stop.start() if stop else len(message)]
        if (got := _MONEY_NOT_GOT.search(after)) and not re.search(r"[0-9０-９]", after):
            out.stated.append(Stated("fee_charged", False, after.strip(" ，,"), q.end() + got.start(), q.end() + got.end()))
            return


def _a_count_left(out: Reading, lo: int, hi: int) -> bool:
    """Whether a count of applications between ``lo`` and ``hi`` was left not understood ("共找到 9 条记录"),
    which "剩下的都是…" may be the rest of — not a speaker's number or a time ("说话人2 00:03:02"), nor a
    count whose results took it ("律所2件，都公开了")."""
    return any(lo <= u[0] < hi and not any(x.start == u[0] for x in out.stated) and not _heads_its_parts(u, out) and any(
        n.unit in ("件", "条", "个", "份", "项") for n in find_numbers(u[2])) for u in out.unexplained)


_HEADED_COUNT = re.compile(r"\s*(?P<col>[\u4e00-\u9fa5]{1,6}?)的?\s*(?P<n>[0-9０-９]+)\s*件\s*")


def _heads_its_parts(u: tuple[int, int, str], out: Reading) -> bool:
    """"企业29件：公开18 部分公开6 不掌握2 逾期不补正2 还有1件结转": the applicant's count heading its results,
    which add up to it (named back all the same: new and carried over, not told apart)."""
    m = _HEADED_COUNT.fullmatch(u[2])
    if m is None or (col := _column_named(m.group("col"))) is None:
        return False
    stop = min([v[0] for v in out.unexplained if v[0] > u[1]] + [1 << 30])
    parts = [x for x in out.stated if u[1] <= x.start < stop and x.target.startswith("t3.") and x.target.endswith(f".{col}")
             and x.target.split(".")[1] not in ("new_received", "carried_over", "total")]
    return bool(parts) and sum(int(x.value) for x in parts) == int(parse_number(m.group("n")) or -1)


def _the_rest_all_of_one(message: str, out: Reading, earlier: Mapping[str, object]) -> None:
    """"企业那7件是公开3…；律所2件，…；剩下的都是自然人" after the rows' totals in a message before: in every
    row counted before, what the other applicants do not take is that applicant's (computed)."""
    m = _REST_ALL_ONE.search(message)
    col = _column_named(m.group("col")) if m else None
    if m is None or col is None:
        return
    told = [x for x in out.stated if x.target.startswith("t3.") and x.start < m.start()
            and not x.target.endswith((".total", f".{col}"))]
    named = {a.key for a in vocabulary().anchors(message[:m.start()]) if a.kind == "t3col"} - {col}
    head = max(message.rfind(p, 0, m.start()) for p in "。！!？?\n")
    if any(not any(x.target.endswith(f".{c}") for x in told) for c in named) or _a_count_left(out, head, m.start()):
        return  # (an applicant named whose part was not read, a number not understood: what is left is not known)
    if not told or any(x.target.startswith("t3.") and x.target.endswith(".total") and x.start < m.start()
                       and str(earlier.get(x.target)) != str(x.value) for x in out.stated):
        return  # (only after other applicants' cells, against totals recorded before and said again at most)
    for row in [r.address[3:] for r in T3_ROWS if r.address[3:] not in ("new_received", "carried_over", "total")]:
        total = _as_int(earlier.get(f"t3.{row}.total"))
        cell = f"t3.{row}.{col}"
        if total is None or cell in earlier or any(x.target == cell for x in out.stated):
            continue
        said_here = {x.target: int(x.value) for x in out.stated if x.target.startswith(f"t3.{row}.")
                     and not x.target.endswith((".total", f".{col}")) and isinstance(x.value, int)}
        before = {k: v for k, v in earlier.items() if str(k).startswith(f"t3.{row}.") and not str(k).endswith((".total", f".{col}"))
                  and k not in said_here and _as_int(v) is not None}
        rest = total - sum(said_here.values()) - sum(_as_int(v) or 0 for v in before.values())
        if rest >= 0:
            out.computed.append(Stated(cell, rest, m.group(0), 0, 0))


_ALL_OF_ONE_AFTER = re.compile(r"(?:也|都|全|全部|均)+是(?P<col>[\u4e00-\u9fa5]{1,6}?)(?:的|申请的|提的|提出的)?\s*$|"
                               r"是(?P<col2>[\u4e00-\u9fa5]{1,6}?)(?:的|申请的|提的|提出的)\s*$")


def _all_of_the_one_named_after(out: Reading) -> None:
    """"加上去年结转过来的2件也是自然人的": the row's count, and all of it that applicant's."""
    for x in list(out.stated):
        if not x.target.startswith("t3.") or not (m := _ALL_OF_ONE_AFTER.search(x.quote)) or not isinstance(x.value, int):
            continue
        col = _column_named(m.group("col") or m.group("col2"))
        row, _, was = x.target.rpartition(".")
        tail = x.quote[x.quote.rfind(str(x.value)) + len(str(x.value)):]
        if re.search(r"[，,；;、。]", tail) or str(x.value) not in x.quote or re.search(
                r"除了|除去|除开|其余|剩下|以外", x.quote) or re.search(r"[0-9０-９]", tail):
            # (nor "一共24件 去年结转2件 都是个人" for the 24: another count comes between)
            continue  # (said of that count in its own clause only: not "…都是个人，行政执法案卷1件是律所申请的")
        cell = f"{row}.{col}"
        if not col or any(y.target == cell for y in out.stated):
            continue
        if was == "total":
            out.stated.append(Stated(cell, x.value, x.quote, x.start, x.end))
        elif was != col:  # ("律所2件，…；结转的3件也都是自然人": not the applicant of the clause before)
            out.stated[out.stated.index(x)] = Stated(cell, x.value, x.quote, x.start, x.end)


_NOT_THE_OLD = re.compile(r"不是\s*(?P<old>[0-9０-９]+)\s*件?")


_NEW_NOT_OLD = re.compile(r"(?:是|应该是|应是|其实是)?\s*(?P<new>[0-9０-９]+)\s*件?\s*[，,]?\s*不是\s*(?P<old>[0-9０-９]+)\s*件?"
                          r"|不是\s*(?P<old2>[0-9０-９]+)\s*件?\s*[，,]?\s*(?:是|应该是|而是)\s*(?P<new2>[0-9０-９]+)\s*件?")


_STORIES_HEAD = re.compile(r"\s*(?:还差|差|剩下|剩余|其余|还有|另外)(?:的)?\s*(?P<n>[0-9０-９两二三四五六七八九十]+)\s*件\s*")


_HIS_CARRIED = re.compile(r"(?:^|(?<=[。！!\n]))\s*(?:他|她)(?:去年底?|上年|年底)?(?:还有|还|也有|有)?\s*[0-9０-９一两二三四五六七八九十]+\s*件(?:是)?(?:去年)?(?:结转|转)过来")


def _the_persons_carry_over(message: str, out: Reading) -> None:
    """"他去年底还有3件结转过来的": the person told of before ("周某某（个人）…") — a natural person's
    carry-over (the column only: what became of them adds to the rows as told)."""
    for m in _HIS_CARRIED.finditer(message):
        if any(a.kind == "t3col" for a in vocabulary().anchors(m.group(0))) or any(
                x.target.startswith("t3.carried_over.") and x.target != "t3.carried_over.total" for x in out.stated):
            continue
        total = next((x for x in out.stated if x.target == "t3.carried_over.total" and m.start() <= x.start < m.end()), None)
        if total is not None:
            out.stated.append(Stated("t3.carried_over.natural", total.value, total.quote, total.start, total.end))


def _count_of_the_stories_after(message: str, out: Reading) -> None:
    """"还差的两件：一件是…，另一件就是…": how many are told next, each told ("一件…另一件…") — the count of
    the stories after it, not one more figure."""
    for u in list(out.unexplained):
        m = _STORIES_HEAD.fullmatch(u[2])
        head_end = message.find(u[2], max(0, u[0] - len(u[2]))) + len(u[2])
        if m is None or head_end < len(u[2]) or not re.match(r"\s*[：:]", message[head_end:]):
            continue
        stop = re.compile(r"[。！!\n]").search(message, head_end)
        told = message[head_end:stop.start() if stop else len(message)]
        marks = re.findall(r"(?:^|[：:，,；;\s])(?:另外一件|另一件|还有一件|再一件|一件|第[一二三四五六七八九十]件)", told)
        if len(marks) == parse_number(m.group("n")) and any(head_end <= x.start for x in out.stated):
            out.unexplained.remove(u)
            out.checked.append(u[2])


def _one_applicants_cell_corrected(message: str, out: Reading, earlier: Mapping[str, object]) -> None:
    """"刚才个人那个说错了 是7件不是6件": the one cell of that applicant that held the old value, corrected
    (no row named: the old value says which)."""
    for u in list(out.unexplained):
        m = _NEW_NOT_OLD.search(u[2])
        if m is None:
            continue
        new, old = (m.group("new"), m.group("old")) if m.group("new") else (m.group("new2"), m.group("old2"))
        anchors = vocabulary().anchors(message[:u[0]])
        cols = {a.key for a in anchors if a.kind == "t3col" and a.key != "total"}
        if len(cols) != 1 or any(a.kind in ("t3row", "t3group", "t2row", "fact", "t4block") for a in anchors) or not _CORRECTS.search(message):
            continue
        col = cols.pop()
        cells = [a for a, v in earlier.items() if str(a).startswith("t3.") and str(a).endswith(f".{col}") and str(v) == str(int(to_halfwidth(old)))]
        if len(cells) == 1:
            out.unexplained.remove(u)
            out.stated.append(Stated(cells[0], int(to_halfwidth(new)), u[2], u[0], u[1]))


def _the_cell_corrected(out: Reading, earlier: Mapping[str, object]) -> None:
    """"自然人部分公开是16件不是14件，过程性是3件不是5件": a row's value corrected from the old one said, which
    is one applicant's cell of that row (5 of 自然人), not its total: that applicant's cell is meant."""
    for k, x in enumerate(out.stated):
        if not (x.target.startswith("t3.") and x.target.endswith(".total")) or not (m := _NOT_THE_OLD.search(x.quote)):
            continue
        row = x.target[:-len(".total")]
        old = int(to_halfwidth(m.group("old")))
        held = [c for c in L.T3_APPLICANT_COLUMNS if str(earlier.get(f"{row}.{c}", "0")) not in ("0", "None")]
        if str(earlier.get(x.target)) == str(old) or (earlier.get(x.target) is None and len(held) < 2):
            continue  # (the row's total is what was said: "不掌握那个是4件不是5件" of a row of one applicant)
        cols = [c for c in L.T3_APPLICANT_COLUMNS if str(earlier.get(f"{row}.{c}")) == str(old)]
        if len(cols) == 1:
            out.stated[k] = Stated(f"{row}.{cols[0]}", x.value, x.quote, x.start, x.end)


# "其中1件是去年年底收到结转过来的", "含去年结转1件": the count before took last year's ones in
_AMONG_CARRIED = re.compile(r"(?:其中|含|包括|包含|这里面|里面)(?:有)?(?:去年|上年|上一年)?(?:结转|转过来)?(?:的)?\s*$")


def _carried_among_the_count(message: str, out: Reading) -> None:
    """"依申请今年一共就4件，其中1件是去年年底收到结转过来的": the count said first holds the carried-over ones, so
    this year's new ones are the rest."""
    carried = next((x for x in out.stated if x.target == "t3.carried_over.total"), None)
    new = next((x for x in out.stated if x.target == "t3.new_received.total"), None)
    if carried is None or new is None or not isinstance(new.value, int) or not isinstance(carried.value, int):
        return
    between = message[new.end:carried.start]
    if not (new.end <= carried.start and re.fullmatch(r"[^。！？!?\n0-9０-９（(]{1,14}", between) and re.search(r"[，,]", between)
            and not re.search(r"办结|办理|答复|处理", new.quote)
            and _AMONG_CARRIED.search(between) and carried.value < new.value):
        return
    out.stated.remove(new)  # (this year's: computed from the two said, and said back so)
    out.computed.append(Stated(new.target, new.value - carried.value, message[new.start:carried.end], new.start, carried.end))


_WHEN_IT_CAME = re.compile(r"(?:[0-9０-９一二三四五六七八九十]+\s*[月号日]|年底|月底|月初|年初|年末|下旬|中旬)\s*(?:才|刚|的时候)?\s*$")
# "剩下的64条才是政府信息公开申请": what is left, after what was not, is the year's applications
_ARE_APPLICATIONS = re.compile(r"(?P<n>[0-9０-９]+)\s*(?:条|件)\s*(?:才|就|都)?(?:是|算|属于)(?:真正的)?(?:政府信息公开|依申请公开|信息公开)?申请")
# "这64件：个人42件，企业9件…": a count heading who asked
_COUNT_HEAD = re.compile(r"\s*(?:这|那)?(?P<n>[0-9０-９]+)\s*件\s*[：:，,]")


def _applications_counted(message: str, out: Reading, earlier: Mapping[str, object]) -> None:
    """The year's applications said without a row's word: "剩下的64条才是政府信息公开申请" (after the
    register's other lines were set aside), and "这64件：个人42件，企业9件，…" (who asked, adding up to the
    count heading them, with no row named in the sentence)."""
    if any(x.target.startswith("t3.new_received.") for x in out.stated):
        return
    for where in list(out.unexplained):
        m = _ARE_APPLICATIONS.search(where[2])
        if m and not re.search(r"去年|上年|结转|明年|其中", where[2]) and message[where[0]:where[1]] == m.group("n"):
            out.stated.append(Stated("t3.new_received.total", int(parse_number(m.group("n")) or 0), where[2], where[0], where[1]))
            out.unexplained.remove(where)
            return
    heads = [m for m in _COUNT_HEAD.finditer(message) if not m.start() or message[m.start() - 1] in "\n。；;！!？? \t"]
    for head in heads:
        n_at = head.start("n")
        where = next((u for u in out.unexplained if u[0] == n_at), (n_at, head.end("n"), head.group(0).strip()))
        stop = re.compile(r"[。！!\n？?]").search(message, head.end())
        end = stop.start() if stop else len(message)
        if any(a.kind in ("t3row", "t3group") for a in vocabulary().anchors(message[head.end():end])):
            return
        parts = [u for u in out.unexplained if head.end() <= u[0] < end]
        cells: dict[str, int] = {}
        for u in parts:
            cols = [a.key for a in vocabulary().anchors(u[2]) if (a.kind == "t3col" and a.key != "total")
                    or (a.kind == "t4col" and a.key == "other")]  # ("其他3件": the column 其他)
            if len(cols) != 1 or cols[0] in cells:
                return
            cells[cols[0]] = int(parse_number(message[u[0]:u[1]]) or 0)
        if len(cells) < 2 or sum(cells.values()) != int(parse_number(head.group("n")) or 0):
            return
        if (came := earlier.get("t3.new_received.total")) is not None and came != sum(cells.values()):
            return  # ("16件，个人9 企业6 律所1" after 140 new ones: some row's, the one asked about)
        # ("这64件" of the 64 said before is the same count: only who asked is new)
        out.stated.append(Stated("t3.new_received.total", sum(cells.values()), message[where[0]:end].strip(), where[0], where[1]))
        out.stated += [Stated(f"t3.new_received.{col}", v, u[2], u[0], u[1]) for (col, v), u in zip(cells.items(), parts, strict=True)]
        out.unexplained = [u for u in out.unexplained if u is not where and u not in parts]
        return


# "7个人加1家公司", "一个人前前后后交了4份": people who applied, counted as people (the table counts 件)
_PERSONS = re.compile(r"(?:个人|位|名|家)(?!的|申请的|提的|交的)(?=[\u4e00-\u9fff]{0,4}?(?:加|和|、|，|,|交|提|递|来|前前后后|先后|分别|一共|共|$))")


def _persons_are_no_count(message: str, out: Reading) -> None:
    """A number of people or bodies who applied is no count of applications: "一共是7个人加1家公司" is named
    back (how many 件 they made is asked), "一个人前前后后交了4份申请" is who made the 4."""
    for x in list(out.stated):
        if not x.target.startswith("t3.") or isinstance(x.value, bool) or not isinstance(x.value, int | Decimal):
            continue
        n = next(iter(find_numbers(message[x.start:x.end + 3])), None)
        if n is None or n.start != 0 or n.value != x.value or n.unit in ("件", "份") or not _PERSONS.match(message, x.start + n.end):
            continue
        out.stated.remove(x)
        if x.value == 1:
            out.not_counts.append(message[x.start:x.start + n.end + 2])
        elif not any(u[0] == x.start for u in out.unexplained):
            out.unexplained.append((x.start, x.end, x.quote))


# "都是老百姓打电话来问…，电话里当场就答复了": enquiries by phone, no application in writing (条例 第二十九条)
_BY_PHONE = re.compile(r"打电话(?:来|过来)?(?:问|咨询|打听)|电话(?:咨询|询问|里问)|电话里(?:当场)?(?:就)?(?:答复|回答|解答|说)|口头(?:问|咨询|询问)")
_IN_WRITING = re.compile(r"书面|申请表|信函|邮寄|网上申请|网上提交|填了|代为填写|代填|登记了申请")


def _phone_enquiries(message: str, out: Reading) -> None:
    """Applications told to be questions asked by phone and answered there: no 政府信息公开申请 (said back)."""
    for m in re.finditer(r"[^。！!？?\n]+", message):
        if not _BY_PHONE.search(m.group(0)) or _IN_WRITING.search(m.group(0)):
            continue
        told = [x for x in out.stated if m.start() <= x.start < m.end() and x.target.startswith("t3.")
                and x.target.split(".")[1] in ("new_received", "total", "granted")]
        if told:
            out.stated = [x for x in out.stated if x not in told]
            out.not_ours.append(m.group(0).strip())


# "每个月固定发12条", "每季度一篇": how often, not how many in the year
_PER = re.compile(r"(?:每(?:个)?(?:月|周|星期|季度|季|天|日|旬)|一(?:周|星期|个月|个季度|天)(?!内))[^，,。；;！!？?\n0-9０-９]{0,8}$")


def _rates_are_no_counts(message: str, out: Reading) -> None:
    """A figure said per month, week or quarter is no count of the year: named back (the year's count is
    asked for), never recorded as it."""
    for x in list(out.stated):
        if isinstance(x.value, bool) or not isinstance(x.value, int | Decimal) or x.end <= 0:
            continue
        head = max(message.rfind(ch, 0, x.start) for ch in "，,。；;！!？?\n") + 1
        if _PER.search(message[head:x.start]) and not re.search(r"全年|一年|共|合计|总共", message[head:x.start]):
            out.stated.remove(x)
            stop = re.compile(r"[。！!？?\n]").search(message, x.end)
            sentence = message[x.end:stop.start() if stop else len(message)]
            if re.search(r"每(?:个)?月", message[head:x.start]) and (whole_year := re.search(
                    r"(?:一年|全年)\s*(?:12|十二)\s*个月(?:都|全|没断|没停|一样)", sentence)):
                # "每个月固定发12条，一年12个月都是这样没断过": twelve months of it
                quote = message[head:x.end + whole_year.end()].strip("，,。；; ")
                out.computed.append(Stated(x.target, int(x.value) * 12, quote, x.start, x.end))
                out.checked.append(quote)
                out.unexplained = [u for u in out.unexplained if not x.end <= u[0] <= x.end + whole_year.end()]
                continue
            out.unexplained.append((x.start, x.end, message[head:x.end + 2].strip("，,。；; ")))


# "还有一个村民的部分公开，把身份证号遮了；另一个村民要的是…我们不掌握": one application a part, told by who
_ONE_WHO = re.compile(r"^\s*(?:还有|另外|另|又有|有)?\s*(?:一个|一家|一位|一名)(?=[^，,；;。\n]{0,8}?的|[^，,；;。\n]{1,6}?(?:申请|要|问))")


def _one_each_told(message: str, out: Reading) -> None:
    """Parts of a message (between ；。 and line breaks), each telling one application by who made it and the
    one result row it got, with no number of their own; two or more such parts (one alone is the
    one-case reader's), adding up by row and applicant."""
    parts = [m for m in re.finditer(r"[^；;。！!\n]+", message) if _ONE_WHO.match(m.group(0))]
    found: dict[str, list[re.Match[str]]] = {}
    for m in parts:
        text = m.group(0)
        if any(n.unit not in ("年", "月", "日", "号") and not (n.value == 1 and n.start == _ONE_WHO.match(text).end() - 2)  # type: ignore[union-attr]
               for n in find_numbers(text)[1:]) or any(m.start() <= x.start < m.end() for x in out.stated):
            continue
        anchors = vocabulary().anchors(text)
        rows = {a.key for a in anchors if a.kind == "t3row" and a.key not in _NOT_RESULTS}
        cols = {a.key for a in anchors if a.kind == "t3col" and a.key != "total"} or (
            {"natural"} if re.search(r"村民|居民|市民|群众|老百姓|大爷|大妈|老人|女士|先生", text) else set())
        if len(rows) != 1 or len(cols) != 1:
            continue
        found.setdefault(f"t3.{rows.pop()}.{cols.pop()}", []).append(m)
    if sum(len(v) for v in found.values()) < 2 or not any(
            x.target.startswith("t3.") and x.target.split(".")[1] not in _NOT_RESULTS for x in out.stated):
        return  # (a list of such parts alone is the case reader's, which counts who came in too)
    for target, said in found.items():
        out.stated.append(Stated(target, len(said), "；".join(m.group(0).strip() for m in said), said[0].start(), said[-1].end()))
        out.unexplained = [u for u in out.unexplained if not any(m.start() <= u[0] < m.end() for m in said)]


def _to_sentence_end(message: str, at: int) -> str:
    """The message from ``at`` to the end of its part (to ；) when that part has no count of its own
    ("不予公开5件，均为自然人，理由为保护第三方合法权益；属于行政查询事项9件"), else to the end of the message
    ("无法提供3件：…不掌握，2件；…另行制作，1件": its rows each with a count)."""
    stop = re.compile(r"[。；;！!？?\n]").search(message, at)
    part = message[at:stop.start() if stop else len(message)]
    return message[at:] if re.search(r"[0-9０-９]", part) else part


# where a clerk's deliberation settles a row: "…放保护第三方合法权益", "算没有现成信息需要另行制作", "就算部分公开吧"
_DECIDED_ROW = re.compile(r"(?:放到?|放在|放进|算|算在|算到|算进|归到?|归在|归为|归入|计入|计在|记到?|记在|记为|记入|列入|填到?|按|定为|当作?|属于)(?:了)?[“\"「]?\s*$")


_IN_ALL_NOW = re.compile(r"\s*(?:所以|这样|那么|那)?\s*(?:今年)?(?:新收|收到的?)?(?:一共|总共|合计|共)(?:是|有)?\s*(?P<n>[0-9０-９]+|[一二两三四五六七八九十百]+)\s*件\s*")


def _all_told_after_one_more(message: str, out: Reading, earlier: Mapping[str, object]) -> None:
    """"哦还漏了一件，有个房地产公司申请过…，给公开了。所以一共是十三件，企业一件": after one more application
    told, this year's count as it now is, and that applicant's; the one told goes to its result row (the
    reader's own sums, from the cells before)."""
    one = re.search(r"漏了?一件|漏掉了?一件|漏说了?一件", message)  # ("还有一件…": the one-case reader's)
    if not one or any(x.target.startswith("t3.new_received.") for x in out.stated):
        return
    told_at = len(out.stated)
    for u in list(out.unexplained):
        if not _IN_ALL_NOW.fullmatch(u[2]):
            continue
        out.unexplained.remove(u)
        out.stated.append(Stated("t3.new_received.total", int(parse_number(message[u[0]:u[1]]) or 0), u[2], u[0], u[1]))
        stop = re.compile(r"[。！!？?\n]").search(message, u[1])
        for v in [v for v in out.unexplained if u[1] < v[0] < (stop.start() if stop else len(message))]:
            cols = {a.key for a in vocabulary().anchors(v[2]) if (a.kind == "t3col" and a.key != "total")
                    or (a.kind == "t4col" and a.key == "other")}  # ("其他1件": the column 其他)
            if len(cols) == 1 and re.fullmatch(r"\s*[\u4e00-\u9fa5]{1,6}?(?:的)?\s*(?:[0-9０-９]+|[一二两三四五六七八九十]+)\s*件\s*", v[2]):
                out.unexplained.remove(v)
                out.stated.append(Stated(f"t3.new_received.{cols.pop()}", int(parse_number(message[v[0]:v[1]]) or 0), v[2], v[0], v[1]))
        came = earlier.get("t3.new_received.total")
        new_cols = [x.target.rsplit(".", 1)[1] for x in out.stated[told_at:] if x.target != "t3.new_received.total"]
        stop_one = re.compile(r"[。！!？?\n]").search(message, one.end())
        case = message[one.start():stop_one.start() if stop_one else len(message)]
        rows = {a.key for a in vocabulary().anchors(case) if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total")}
        if isinstance(came, int) and came + 1 == out.stated[told_at].value and len(new_cols) == 1 and len(rows) == 1:
            row, col = rows.pop(), new_cols[0]
            for cell in (f"t3.{row}.total", f"t3.{row}.{col}"):
                if not any(x.target == cell for x in out.stated):
                    before = earlier.get(cell)
                    # (quoted without its 漏了一件: the sum is made here, not to be added to again)
                    out.computed.append(Stated(cell, (before if isinstance(before, int) else 0) + 1,
                                               case[one.end() - one.start():].strip("，, "), one.start(), one.end()))
        return


_WHOLE_YEAR = re.compile(r"(?:全年|一年|今年全年|全年的)(?:下来)?(?:一共|总共|共|合计|加起来)?(?:是|有|为|发了|共计)?\s*$")


def _whole_year_after_a_part(message: str, out: Reading) -> None:
    """"第3季度区政府网站街道栏目发了31条 … 全年是一百零五条": a figure of part of the year was said back;
    the whole year's said after it with no item is that item's."""
    voc = vocabulary()
    for i, (a, b, _quote) in enumerate(list(out.unexplained)):
        head = message[max(0, a - 12):a]
        cut = max(head.rfind(p) for p in "，,。；;\n：:") + 1
        if not _WHOLE_YEAR.search(head[cut:]) or voc.anchors(head[cut:]) or not (n := find_numbers(message[a:b + 2])):
            continue
        parts = [(x, q) for x, y, q in out.unexplained[:i] if x < a and _PART_OF_YEAR_BEFORE.search(q)]
        items = {k.key for _, q in parts for k in voc.anchors(q) if k.kind == "fact"}
        if len(items) != 1 or n[0].unit not in ("条", "篇", "期", "个", "场", "次", ""):
            continue
        out.unexplained = [u for u in out.unexplained if u[:2] != (a, b)]
        out.stated.append(Stated(items.pop(), int(n[0].value), message[a - (len(head) - cut):a + max(n[0].end, n[0].unit_end)].strip(), a, b))


# "新收就是系统142件加纸质4件", "年底在办的9件再加孔某那1件": a row's parts, added up where they are said
_PLUS = re.compile(r"(?P<a>[0-9０-９]+)\s*(?:件|个|条)\s*(?:再|另)?(?:加上?|\+|＋|外加)[^，,。；;？?0-9０-９]{0,14}?(?P<b>[0-9０-９一两二三四五六七八九十]+)\s*(?:件|个|条)")
_IN_ALL_AFTER = re.compile(r"[，,\s]*(?:一共|总共|合计|共|加起来)(?:是|就是|有)?\s*(?P<z>[0-9０-９]+)\s*(?:件|个|条)")


def _added_in_the_clause(message: str, out: Reading) -> None:
    for m in _PLUS.finditer(message):
        a, b = _count_in(m.group("a") + "件"), _count_in(m.group("b") + "件")
        x = next((x for x in out.stated if x.start == m.start("a")), None)
        if x is None or a < 0 or b < 0 or not isinstance(x.value, int) or re.search(r"结转|去年|上年|转过来|前年", m.group(0)):
            continue  # (not "新收16件 加上去年结转那1件": two rows, added for the clerk's own check)
        if any(k.kind in ("fact", "t2row", "t3row", "t3group", "t4block", "t3col") for k in vocabulary().anchors(message[m.end("a"):m.start("b")])):
            continue  # ("网站发了80条 加上公众号20条": another item's figure)
        end = m.end()
        if (whole := _IN_ALL_AFTER.match(message, m.end())) and _count_in(whole.group("z") + "件") == a + b:
            end = whole.end()  # ("…，一共146件对吧": the sum said, and asked to be checked)
        quote = message[m.start():end]
        out.stated.remove(x)
        if end > m.end():  # (the sum is said: the clerk's own figure)
            out.stated.append(Stated(x.target, a + b, quote, x.start, x.end))
        else:  # (the reader's own sum: computed, like a total)
            out.computed.append(Stated(x.target, a + b, quote, x.start, x.end))
        out.unexplained = [u for u in out.unexplained if not (m.start() <= u[0] < end)]
        out.checked.append(quote)


_SPACED_CHANGE = re.compile(r"(?<=[\u4e00-\u9fa5])[ \u3000]+(?=(?:再)?(?:加|减)\s*[0-9０-９]+\s*(?:件|个)?(?:[，,。；;\s]|$))")
_STILL_OPEN = re.compile(r"还没办|没办完|没办结|还在办|结转下年|转到明年|转明年|结转到明年|算结转")


def _the_one_missed_is_in_the_new_count(message: str, out: Reading, earlier: Mapping[str, object]) -> None:
    """"新收个人那个78不对 是79，漏了一个12月31号收的 还没办 算结转下年度": the count corrected by one, and
    the one missed told after it — in the count already; still open, it is one more carried forward."""
    for x in list(out.stated):
        if not x.target.startswith("t3.new_received.") or x.target.endswith(".total") or not isinstance(
                had := earlier.get(x.target), int) or x.value != had + 1:
            continue
        col = x.target.rsplit(".", 1)[1]
        one = next((y for y in out.stated if y.target == x.target and y.value == 1 and y.start > x.start
                    and re.search(r"漏了|漏掉|落了|还有|又", y.quote)), None)
        if one is None:
            continue
        out.stated.remove(one)
        out.checked.append(one.quote)
        if (still := _STILL_OPEN.search(message, one.start)):
            # (quoted with the correction it comes with: a carry-forward counted on, not one more said)
            said = message[max(message.rfind(ch, 0, x.start) for ch in "。；;！!？?\n") + 1:still.end()].strip()
            for cell in (f"t3.carried_forward.{col}", "t3.carried_forward.total"):
                if isinstance(now := earlier.get(cell), int):
                    out.computed.append(Stated(cell, now + 1, said, one.start, one.end))
        if isinstance(total := earlier.get("t3.new_received.total"), int) and not any(
                y.target == "t3.new_received.total" for y in out.stated):
            out.computed.append(Stated("t3.new_received.total", total + 1, x.quote, x.start, x.end))


# "一季度4件：个人3件，2件给了…；企业1件 …给了": the count of what came in, then each applicant's part of it
_COUNT_LEAD = re.compile(r"(?m)(?:^|[。；;\n])\s*(?P<lead>[一二三四1-4１-４]季度|第[一二三四]季度|上半年|下半年|今年(?:一共)?(?:新)?收(?:到|了)?|新收|一共|共"
                         # ("还有去年结转的2件：个人1件 今年公开了；律所1件 部分公开": last year's, by who sent them)
                         r"|(?P<last>(?:还有|另外)?(?:去年|上年)(?:结转|转过来|转来)(?:过来)?的?)"
                         # ("还有信件寄来的纸质申请4件OA里没有：…": more applications, besides)
                         r"|(?:还有|另外|另有)[^，,。；;\n：:0-9０-９]{0,16}?申请(?:表|书)?"
                         r"|(?P<months>(?:1[0-2]|[1-9])\s*(?:月份?)?\s*[-－—~～至到]\s*(?:1[0-2]|[1-9])\s*月份?))?"
                         # ("1-3月 五件 都是个人的", "7-9月六件 个人五件 …": a part of the year by its months, no colon)
                         r"\s*(?P<n>[0-9０-９]+|[一两二三四五六七八九十]{1,3})\s*件\s*(?:[^：:\n。，,]{0,8}?(?:没有|没录|没进|不在))?\s*(?:[：:]|(?(months)(?=[\s，,])|(?!)))")
# "1件是物业公司的": a part of the count, by who sent it
_COUNT_IS_WHO = re.compile(r"(?:^|(?<=[；;。，,\s]))(?:还有|另外)?(?P<k>[0-9０-９]+|[一两二三四五六七八九十])\s*件(?:是|为)(?P<who>[\u4e00-\u9fa5]{1,8}?)(?:的|申请的|提的|交的)")
# "都是个人的": every one of the count from one applicant
_ALL_FROM = re.compile(r"[\s，,]*(?:都是|全是|全部是|全都是)(?P<who>[\u4e00-\u9fa5]{1,6}?)(?:的|申请的|提的|交的)")
# "还有一个是小区业委会的（算其他吧）": one more, from who it names (or the bracket says it counts as)
# ("还有个大学的课题组（科研机构）问…": the bracket says which column)
_ONE_PART = re.compile(r"(?:还有|另外|另有)(?:一|1)?(?:个|件|家|位)(?:是)?(?P<who>[\u4e00-\u9fa5]{1,10}?)(?:的|申请的|提的|交的)?"
                       r"(?:[（(](?:算|按|归)?(?P<as>[\u4e00-\u9fa5]{1,6}?)(?:吧|的|那栏|那列|那一栏)?[）)])?(?=[\s，,。；;（(]|问|要|申请|$)")
_APPLICANT_PART = re.compile(r"(?:^|[；;。\n]|(?<=[件个])[ \t\u3000]+|[，,](?=\s*(?:还有)?[\u4e00-\u9fa5]{1,6}?的?\s*(?:[0-9０-９]+|[一两二三四五六七八九十])\s*件))\s*(?:还有|另外)?"
                             r"(?P<who>[\u4e00-\u9fa5]{1,6}?)的?\s*(?P<k>[0-9０-９]+|[一两二三四五六七八九十])\s*件")


def _applicants_under_the_count(message: str, out: Reading) -> None:
    voc = vocabulary()
    for m in _COUNT_LEAD.finditer(message):
        lead = m.group("lead") or ""
        if not lead and any(a.kind in ("t3row", "t3group", "t4block", "t2row", "fact") and a.key != "new_received"
                            for a in voc.anchors(message[max(0, m.start() - 8):m.start("n")])):
            continue  # ("不予公开4件：…": a result row's count, not what came in)
        n = _count_in(m.group("n") + "件")
        stop = message.find("\n", m.end())
        while stop >= 0 and re.match(r"\n[ \t\u3000]*(?:还有|另外|另有|再有)", message[stop:]):
            stop = message.find("\n", stop + 1)  # (the part goes on: "还有个人的1件 …这个也算在二季度5件里")
        body = message[m.end():stop if stop >= 0 else len(message)]
        parts = []
        for p in _APPLICANT_PART.finditer(body):
            cols = {a.key for a in voc.anchors(p.group("who")) if a.kind == "t3col" and a.key != "total"}
            if len(cols) == 1:
                parts.append((cols.pop(), _count_in(p.group("k") + "件"), m.end() + p.start("k"), m.end() + p.end()))
        for p in _COUNT_IS_WHO.finditer(body) if parts else ():
            cols = {a.key for a in voc.anchors(p.group("who")) if a.kind == "t3col" and a.key != "total"
                    and a.end == len(p.group("who"))}  # (not "一件是同一个人重复申请的": a person, and what came of it)
            if len(cols) == 1 and not any(a <= m.end() + p.start("k") < b for _, _, a, b in parts):
                parts.append((cols.pop(), _count_in(p.group("k") + "件"), m.end() + p.start("k"), m.end() + p.end()))
        for p in _ONE_PART.finditer(body) if parts else ():
            cols = {"other"} if (p.group("as") or "").startswith("其他") else set()
            for words in (p.group("as"), p.group("who")):
                cols = cols or {a.key for a in voc.anchors(words or "") if a.kind == "t3col" and a.key != "total"}
            if len(cols) == 1 and not any(a <= m.end() + p.start() < b for _, _, a, b in parts):
                parts.append((cols.pop(), 1, m.end() + p.start(), m.end() + p.end()))
        if not parts and (every := _ALL_FROM.match(body)):
            cols = {a.key for a in voc.anchors(every.group("who")) if a.kind == "t3col" and a.key != "total"}
            if len(cols) == 1:
                parts.append((cols.pop(), n, m.end() + every.start("who"), m.end() + every.end()))
        if sum(k for _, k, _, _ in parts) != n and (first := body.find("。")) >= 0:
            parts = [p for p in parts if p[2] < m.end() + first]  # ("个人四件 企业两件 律所一件。个人的三件给了…")
        by_col: dict[str, int] = {}
        for col, k, _, _ in parts:
            by_col[col] = by_col.get(col, 0) + k
        if not parts or sum(by_col.values()) != n:
            continue
        said = {x.target for x in out.stated}
        quote = message[m.start("n") if not lead else m.start("lead"):m.end() + len(body)].strip()
        came = "t3.carried_over" if m.group("last") else "t3.new_received"
        for col, k in by_col.items():
            if f"{came}.{col}" not in said:
                out.stated.append(Stated(f"{came}.{col}", k, quote, m.start("n"), m.end("n")))
        if f"{came}.total" not in said:
            out.stated.append(Stated(f"{came}.total", n, quote, m.start("n"), m.end("n")))
        if m.group("last"):  # (what became of them adds to this year's results, told before)
            out.carried_told = True
        spans = [(m.start(), m.end()), *((a, b) for _, _, a, b in parts)]
        out.unexplained = [u for u in out.unexplained if not any(a <= u[0] < b for a, b in spans)]


_THOSE_NOT_OURS = re.compile(r"(?P<item>[\u4e00-\u9fa5]{1,8}?)(?:那|这)\s*(?P<n>[0-9０-９一两二三四五六七八九十]+)\s*(?:件|个|条)"
                             r"[^。；;\n]{0,24}?(?:不算|不计|不是我们|不属于我们|不该算)")


def _those_not_ours_after_all(message: str, out: Reading) -> None:
    """"今年省政府令公布了2件…规章 … 规章那2件是省政府制发的，不算我们厅": the figure said before in the
    message, then said not to be this body's."""
    voc = vocabulary()
    for m in _THOSE_NOT_OURS.finditer(message):
        keys = {a.key for a in voc.anchors(m.group("item")) if a.kind in ("t2row", "fact", "t3row", "t4block")}
        n = _count_in(m.group("n") + "件")
        for x in [x for x in out.stated if x.start < m.end() and x.value == n and isinstance(x.value, int)]:
            if keys and any(x.target.split(".")[1 if x.target.startswith(("t2.", "t3.", "t4.")) else 0] == k
                            or x.target == k for k in keys):
                out.stated.remove(x)
                out.excluded.append(x.quote)
        for u in [u for u in out.unexplained if u[0] < m.start() and any(v.value == n for v in find_numbers(u[2]))]:
            if keys and any(a.key in keys for a in voc.anchors(u[2])):
                out.unexplained.remove(u)  # ("今年省政府令公布了2件交通方面的规章": the same two)
                out.excluded.append(u[2])


def _bracket_says_who(message: str, out: Reading) -> None:
    """"查企业登记档案的按行政查询事项2件（个人）": who applied is in the bracket after the count; the applicant
    word before the row's is what was asked about."""
    voc = vocabulary()
    for i, x in enumerate(out.stated):
        row, _, col = x.target.rpartition(".")
        if not row.startswith("t3.") or col == "total":
            continue
        b = re.match(r"\s*(?:件|个)?\s*[（(]\s*(?P<who>[\u4e00-\u9fa5]{1,6})\s*[）)]", message[x.end:])
        said = {a.key for a in voc.anchors(b.group("who")) if a.kind == "t3col"} if b else set()
        if len(said) != 1 or (who := said.pop()) == col:
            continue
        words = voc.anchors(x.quote)
        if any(a.kind == "t3col" and a.key == col for a in words) and any(
                a.kind == "t3row" and any(c.kind == "t3col" and c.key == col and c.end <= a.start for c in words) for a in words):
            out.stated[i] = Stated(f"{row}.{who}", x.value, x.quote, x.start, x.end)


_DRAGGED_INTO = re.compile(r"(?:拖到|留到|转到|延到)今年(?:才|初)?(?:答复|回复|回|办完|办结|给)")


def _answered_only_this_year(out: Reading) -> None:
    """"12月有一件王大爷的拖到今年才答复": last year's application, carried over into this one."""
    for i, x in enumerate(out.stated):
        if x.target.startswith("t3.new_received.") and _DRAGGED_INTO.search(x.quote) and not re.search(r"今年(?:新)?收", x.quote):
            out.stated[i] = Stated("t3.carried_over." + x.target.rsplit(".", 1)[1], x.value, x.quote, x.start, x.end)


# "今年有1件复议被纠正": how some of the reviews ended, not how many there were
_SOME_ENDED = re.compile(r"[0-9０-９一两二三四五六七八九十]+\s*(?:件|起|个)\s*(?:行政)?(?:复议|诉讼|行政诉讼|官司)(?:案件)?\s*(?:都|均|也)?(?:被|遭)")


def _how_some_ended(message: str, out: Reading) -> None:
    for x in list(out.stated):
        if x.target.startswith("t4.") and x.target.endswith(".total") and _SOME_ENDED.search(x.quote) and any(
                y.target.startswith(x.target[:-5]) and y.target != x.target and y.quote == x.quote for y in out.stated):
            out.stated.remove(x)


_DISCLOSURE_ONES = re.compile(r"(?:其中|里面|这里面|当中)?\s*(?:是|属于)?(?:政府)?信息公开(?:类|方面|相关)?的?(?:就|只有|只|也就|仅|才)?(?:是|有)?\s*"
                              r"(?P<n>[0-9０-９一两二三四五六七八九十]+)\s*(?:件|起|个)")
_ONLY_AS = re.compile(r"(?:按|算|就按|那就按|就算)\s*(?P<n>[0-9０-９一两二三四五六七八九十]+)\s*(?:件|起|个)\s*(?P<col>维持|纠正|其他|未审结|尚未审结)")


def _count_in(text: str) -> int:
    found = find_numbers(text)
    return int(found[0].value) if found else -1


def _only_the_disclosure_ones(message: str, out: Reading) -> None:
    """"今年街道被申请行政复议3件 … 信息公开的就1件，复议机关维持了；另外2件是拆违的 … 那就按1件维持": the
    reviews or suits of every kind said first, then how many were about information disclosure: those are
    table 四's."""
    voc = vocabulary()
    for x in list(out.stated):
        if not (x.target.startswith("t4.") and x.target.endswith(".total")) or not isinstance(x.value, int):
            continue
        m = _DISCLOSURE_ONES.search(message, x.end)
        if m is None or m.start() - x.end > 80 or not 0 < (few := _count_in(m.group("n") + "件")) < x.value:
            continue
        block = x.target[3:-6]
        told = [y for y in out.stated if y.target.startswith(f"t4.{block}.") and y is not x]
        if any(y.start < m.start() for y in told):
            continue
        out.stated = [y for y in out.stated if y not in told]  # (what the words after it were read as, read again here)
        out.stated[out.stated.index(x)] = Stated(x.target, few, message[m.start():m.end()].strip(), m.start("n"), m.end("n"))
        out.checked.append(x.quote)  # (the count of every kind: said back as checked)
        out.unexplained = [u for u in out.unexplained if not (m.start() <= u[0] < m.end())]
        stop = re.compile(r"[；;。\n]").search(message, m.end())
        tail = message[m.end():stop.start() if stop else len(message)]
        tail = re.split(r"[，,]\s*(?:其余|其他|另外|剩下|剩余)", tail)[0]  # ("…，其余4件为行政处罚类": the others' words)
        cols = {a.key for a in voc.anchors(tail) if a.kind == "t4col"}
        if len(cols) == 1 and not find_numbers(tail):
            out.stated.append(Stated(f"t4.{block}.{cols.pop()}", few, message[m.start():m.end() + len(tail)].strip(),
                                     m.start("n"), m.end("n")))
        rest = x.value - few
        out.checked += [u[2] for u in out.unexplained if u[0] > m.end() and re.match(
            r"\s*(?:另外|另|其他|其余|剩下)(?:的)?\s*" + str(rest), message[u[0] - 6:u[1]].split("，")[-1].split("；")[-1])]
        out.unexplained = [u for u in out.unexplained if not (u[0] > m.end() and re.match(
            r"\s*(?:另外|另|其他|其余|剩下)(?:的)?\s*" + str(rest), message[u[0] - 6:u[1]].split("，")[-1].split("；")[-1]))]
        for o in _ONLY_AS.finditer(message, m.end()):
            if _count_in(o.group("n") + "件") == few:
                col = {a.key for a in voc.anchors(o.group("col")) if a.kind == "t4col"}
                if len(col) == 1 and not any(y.target == f"t4.{block}.{next(iter(col))}" for y in out.stated):
                    out.stated.append(Stated(f"t4.{block}.{col.pop()}", few, o.group(0), o.start("n"), o.end("n")))
                out.unexplained = [u for u in out.unexplained if not (o.start() - 4 <= u[0] <= o.end())]


def _received_late_then_carried(message: str, out: Reading) -> None:
    """"今年新收28件，个人21件…。另外2件个人的是12月下旬收到的，结转到2026年办": some of this year's, told by
    when they came and carried forward after: the count is the carry-forward's, not more that came in."""
    voc = vocabulary()
    for x in list(out.stated):
        if not x.target.startswith("t3.new_received.") or not re.match(r"\s*(?:另外|另有|还有|其中)", x.quote) or not any(
                y.target.startswith("t3.new_received.") and y.start < x.start for y in out.stated):
            continue
        q0 = message.find(x.quote, max(0, x.start - len(x.quote)))
        stop = re.compile(r"[。！!？?\n；;]").search(message, x.end)
        end = stop.start() if stop else len(message)
        rest = message[q0 + len(x.quote):end] if q0 >= 0 else ""
        rows = {a.key for a in voc.anchors(rest) if a.kind == "t3row"}
        if rows != {"carried_forward"} or any(n.unit not in ("年", "月", "日", "号") for n in find_numbers(rest)):
            continue
        if any(y.target.startswith("t3.carried_forward.") and y.start == x.start for y in out.stated):
            out.stated.remove(x)  # (the carry-forward is read already, from the same number)
        elif not any(y.target.startswith("t3.carried_forward.") for y in out.stated):
            col = x.target.rsplit(".", 1)[1]
            head = max(message.rfind(p, 0, x.start) for p in "。！!？?\n")
            told = {y.target.rsplit(".", 1)[1] for y in out.stated if head < y.start < x.start and y.target.startswith("t3.")
                    and not y.target.startswith(("t3.new_received.", "t3.carried_over."))}
            if col == "total" and len(told) == 1 and "total" not in told:
                col = next(iter(told))  # "个人的4件里2件公开了；…；还有1件是12月28号才收到的…转到明年": one of theirs
            out.stated[out.stated.index(x)] = Stated("t3.carried_forward." + col, x.value,
                                                     message[q0:end].strip(), x.start, x.end)


_SO = re.compile(r"[，,；;]\s*(?:所以|因此|这样|那么|那就|结果)")


def _so_the_values_are(message: str, out: Reading) -> None:
    """"另行制作的2件里有1件其实是不掌握，所以不掌握是8件…，另行制作是1件": the rows' values after 所以 are
    what they are now; the same rows' numbers before it told why (no value of their own)."""
    for m in re.finditer(r"[^。！!？?\n]+", message):
        so = _SO.search(message, m.start(), m.end())
        if so is None:
            continue
        # (the same cells: "信访类系统15…所以是个人14、企业1" keeps the 15 as the row's total)
        after = {x.target for x in out.stated if so.end() <= x.start < m.end()}
        told = [x for x in out.stated if m.start() <= x.start < so.start() and x.target in after]
        if told:
            out.stated = [x for x in out.stated if x not in told]
            out.checked += [x.quote for x in told]


_NOT_ENTERED = re.compile(r"(?:没|未)(?:录|登记|记|统计|录入|登)(?:进|入|上|到)?(?:台账|系统|表里|表格|账上)?|漏(?:录|登|记)了?")


def _why_one_was_missed(out: Reading) -> None:
    """"有一件逾期不补正的企业申请当时没录进台账。所以…逾期不补正企业是2件": why the count changed, told with
    the new count of the same row: no count of its own."""
    for x in list(out.stated):
        if not x.target.startswith("t3.") or not _NOT_ENTERED.search(x.quote):
            continue
        row = x.target.rsplit(".", 1)[0]
        if any(y is not x and y.target.startswith(row + ".") and y.start > x.start for y in out.stated):
            out.stated = [y for y in out.stated if not (y.quote == x.quote and y.target.startswith(row + "."))]
            out.checked.append(x.quote)


_THOSE_ALL = re.compile(r"(?:那|这)(?P<n>[0-9０-９]+|[一两二三四五])\s*件(?:都|全|全部)?是(?P<who>[\u4e00-\u9fa5]{1,6}?)(?:的|申请的)?(?=[，,。；;\s]|$)")


def _those_all_of_one(message: str, out: Reading, earlier: Mapping[str, object]) -> None:
    """"刚才部分公开说错了，那2件都是企业的": the row named before, as many as it holds, all of one applicant
    (and so none of the others: the reader's own zeros)."""
    voc = vocabulary()
    for m in _THOSE_ALL.finditer(message):
        s0 = max(message.rfind(ch, 0, m.start()) for ch in "。！!？?\n") + 1
        rows = [a for a in voc.anchors(message[s0:m.start()]) if a.kind == "t3row" and a.key not in ("total",)]
        cols = {a.key for a in voc.anchors(m.group("who")) if a.kind == "t3col" and a.key != "total"}
        n = parse_number(m.group("n"))
        if not rows or len(cols) != 1 or n is None or earlier.get(f"t3.{rows[-1].key}.total") != int(n):
            continue
        row, col = rows[-1].key, cols.pop()
        if any(x.target.startswith(f"t3.{row}.") and x.target != f"t3.{row}.{col}" and x.value != 0 for x in out.stated):
            continue
        if not any(x.target == f"t3.{row}.{col}" for x in out.stated):
            out.stated.append(Stated(f"t3.{row}.{col}", int(n), message[s0:m.end()].strip(), m.start("n"), m.end("n")))
        out.computed += [Stated(f"t3.{row}.{c}", 0, message[s0:m.end()].strip(), m.start("n"), m.end("n"))
                         for c in L.T3_APPLICANT_COLUMNS if c != col and not any(x.target == f"t3.{row}.{c}" for x in out.stated)]


_PAID = re.compile(r"(?P<n>[0-9０-９]+|[一两二三四五六七八九十]+)\s*(?:件|个|份|人|家)?\s*(?:都|也|已|已经)?(?:按时|按期|按规定)?"
                   r"(?:交了|缴了|缴费了|交费了|缴纳了|付了|交了费|缴了费)")


def _notices_are_no_fees_charged(message: str, out: Reading) -> None:
    """"发了2次收费通知，1件交了，收了300元": the notices sent are not the cases charged; the ones paid are."""
    notices = [m for m in re.finditer(r"[0-9０-９]+\s*(?:次|份|件|个)\s*(?:的)?(?:收费|缴费)(?:通知|告知书)", message)]
    if not notices or not re.search(r"信息处理费|处理费", message):
        return
    for x in [x for x in out.stated if x.target == "fee_cases" and any(m.start() <= x.start < m.end() for m in notices)]:
        out.stated.remove(x)  # (named back: no figure of the report)
        out.unexplained.append((x.start, x.end, x.quote))
    paid = _PAID.search(message, notices[0].end())
    if paid is None or any(x.target == "fee_cases" for x in out.stated):
        return
    out.unexplained = [u for u in out.unexplained if not paid.start() <= u[0] < paid.end()]
    out.stated.append(Stated("fee_cases", int(parse_number(paid.group("n")) or 0), paid.group(0), paid.start("n"), paid.end("n")))


_REVIEWS_HEAD = re.compile(r"(?:行政)?复议(?:有|是|共|一共)?\s*(?P<n>[0-9０-９]+|[一两二三四五六])\s*件\s*(?:[，,：:]|[ \u3000](?=\S))")
# ("复议两件 律所那个 维持了；还有一个个人的 还没出结果": a case named by who brought it, voice input's spaces)
_CASE_MARK = re.compile(r"(?:^|[；;，,。]|[ \u3000](?=\S))\s*(?:其中)?(?:一件|一个|另一件|另一个|另外一件|另外一个|还有一件|还有一个|第[一二三四五六]件|[0-9０-９]件|(?:还有|另外|另)[1１]个|"
                        r"(?:还有)?(?:个人|企业|公司|律所|律师|群众|村民|居民)(?:的)?(?:那个|那件|那一件))")


def _reviews_told_one_by_one(message: str, out: Reading) -> None:
    """"复议2件，一件是上面律所那件，市政府维持了；另一件是去年一个个人的申请，…被纠正了": the reviews
    counted, then told one by one with each one's result (what each was about names no count of table 三)."""
    voc = vocabulary()
    for head in _REVIEWS_HEAD.finditer(message):
        n = parse_number(head.group("n"))
        stop = re.compile(r"[。！!\n？?]").search(message, head.end())
        end = stop.start() if stop else len(message)
        body = message[head.end() - 1:end]
        marks = list(_CASE_MARK.finditer(body))
        if not n or len(marks) != int(n) or marks[0].start() != 0:
            continue
        spans = [(head.end() - 1 + m.start(), head.end() - 1 + (marks[i + 1].start() if i + 1 < len(marks) else len(body)))
                 for i, m in enumerate(marks)]
        results: list[str] = []
        for a, b in spans:
            keys = {x.key for x in voc.anchors(message[a:b]) if x.kind == "t4col"}
            if len(keys) != 1 or _NOT_FILED.search(message[a:b]):
                break
            results.append(keys.pop())
        if len(results) != len(spans):
            continue
        said = {x.target: x.value for x in out.stated if x.target.startswith("t4.review.") and not x.target.endswith(
            ".total") and head.start() <= x.start < end}
        if said == {f"t4.review.{key}": results.count(key) for key in results} and not any(
                x.target.startswith("t3.") and spans[0][0] <= x.start < end for x in out.stated):
            continue  # (read right clause by clause already)
        out.stated = [x for x in out.stated if not (
            (x.target.startswith("t4.review.") and not x.target.endswith(".total") and head.start() <= x.start < end)
            or (x.target.startswith("t3.") and spans[0][0] <= x.start < end))]
        # (each case alone read as one review told: the count said before is of them all)
        out.computed = [x for x in out.computed if not (x.target.startswith("t4.review.") and head.start() <= x.start < end)]
        quote = message[head.start():end].strip()
        out.computed += [Stated(f"t4.review.{key}", results.count(key), quote, head.start(), end) for key in dict.fromkeys(results)]
        # ("还有1个个人的 还没出结果": the count of one case told, no count of its own)
        out.unexplained = [u for u in out.unexplained if not spans[0][0] <= u[0] < end]


_THAT_ONE_NEXT = re.compile(r"\s*(?:那|这)(?:一|1|１)?(?:件|个)(?:是|呢|的话)?[，,\s]*")
_CARRIED_POINTER = re.compile(r"(?:去年|上年|上一年)(?:结转|转过来|转来)(?:过来)?的?(?:那|这)(?:一|1)?件")


def _carried_one_left(earlier: Mapping[str, object], out: Reading, row: str) -> bool:
    """Whether this year's applications all have their results (or go on next year) in the cells before,
    one came over from last year, and the results do not count it yet."""
    def cell(address: str) -> int | None:
        v = next((x.value for x in out.stated if x.target == address), earlier.get(address))
        return v if isinstance(v, int) and not isinstance(v, bool) else None
    new, came = cell("t3.new_received.total"), cell("t3.carried_over.total")
    forward = cell("t3.carried_forward.total") or sum(cell(f"t3.carried_forward.{c}") or 0 for c in L.T3_APPLICANT_COLUMNS)
    results = sum(cell(f"{r.address}.total") or sum(cell(f"{r.address}.{c}") or 0 for c in L.T3_APPLICANT_COLUMNS)
                  for r in T3_RESULT_ROWS)  # (a row's total, or what its applicants' cells add up to)
    if new is None or not came:
        return False
    return results + forward == new and (cell(f"t3.{row}.total") is not None or any(
        cell(f"t3.{row}.{c}") is not None for c in L.T3_APPLICANT_COLUMNS))


def _carried_ones_result(message: str, out: Reading, earlier: Mapping[str, object] | None = None) -> None:
    """"…公开了4件；…。另外去年结转过来1件，也是个人的，今年1月份答复了，予以公开", "去年结转那件（个人）今年
    也公开了": the result of the ones carried over, said after them with no number, adds them to the row this
    year's applications were counted in (the sums are the reader's own: computed). Only when the results
    told before are this year's applications, every one."""
    voc = vocabulary()
    told: list[tuple[int, int, int, str | None]] = []  # (how many, where the words start, where the result's words start, end)
    for x in out.stated:
        if x.target == "t3.carried_over.total" and isinstance(x.value, int) and not isinstance(x.value, bool) and x.value > 0:
            told.append((x.value, x.start, x.end, None))
    for x in out.stated:  # ("去年结转过来1件是个人的": one applicant's, with no total said beside it)
        if x.target.startswith("t3.carried_over.") and x.target != "t3.carried_over.total" and isinstance(x.value, int) and not isinstance(
                x.value, bool) and x.value > 0 and not any(t[1] == x.start for t in told):
            told.append((x.value, x.start, x.end, x.target.rsplit(".", 1)[1]))
    for m in _CARRIED_POINTER.finditer(message):
        cols = {a.key for a in voc.anchors(message[m.end():m.end() + 12]) if a.kind == "t3col" and a.key != "total"}
        told.append((1, m.start(), m.end(), cols.pop() if len(cols) == 1 else None))
    for k, at, after, col in told:
        stop = re.compile(r"[。！!\n；;？?]").search(message, after)
        end = stop.start() if stop else len(message)
        if k == 1 and stop and (that := _THAT_ONE_NEXT.match(message, stop.end())) and not any(
                at < y.start and y.target.startswith("t3.") for y in out.stated if y.start > stop.start()):
            # "结转下年度写的是1件，不是2件…。那1件是个人申请的，今年已经答复了，公开了": the one, told next
            who = {a.key for a in voc.anchors(message[that.end():that.end() + 12]) if a.kind == "t3col" and a.key != "total"}
            col = who.pop() if len(who) == 1 else col
            at, after = that.start() + len(that.group(0)) - len(that.group(0).lstrip()), that.end()
            stop = re.compile(r"[。！!\n；;？?]").search(message, after)
            end = stop.start() if stop else len(message)
        if (comma := re.compile(r"[，,]").search(message, after, end)) and any(
                a.kind == "t3row" and a.key not in ("new_received", "carried_over") for a in voc.anchors(message[after:comma.start()])):
            end = comma.start()  # ("去年结转的那1件予以公开了，还有1件…": the one's result, up to the comma)
        rest = message[after:end]
        if any(n.unit not in ("年", "月", "日", "号", "个", "位", "名", "家") for n in find_numbers(rest)) or re.search(
                r"没|未|还在|正在|结转到|转到明年|转下年", rest):
            continue
        rows = [a for a in voc.anchors(rest) if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total", "carried_forward")]
        if col is None and len(who := {a.key for a in voc.anchors(rest) if a.kind == "t3col" and a.key != "total"}) == 1:
            col = who.pop()  # "去年还结转过来1件，也是个人的，今年答复了，予以公开": whose it was, said with it
        decided = [a for a in rows if _DECIDED_ROW.search(rest[:a.start])]
        keys = {a.key for a in decided} or {a.key for a in rows}
        if len(keys) != 1:
            continue
        row = keys.pop()
        if any(y.target.startswith(f"t3.{row}.") and y.start >= at for y in out.stated):
            continue
        counts = [y for y in out.stated if y.start < at and y.target.startswith("t3.") and isinstance(y.value, int) and not isinstance(y.value, bool)]
        new = [y.value for y in counts if y.target == "t3.new_received.total"]
        results = 0
        for r in {y.target.split(".")[1] if y.target.count(".") == 2 else ".".join(y.target.split(".")[1:3]) for y in counts}:
            if r in ("new_received", "carried_over", "total", "carried_forward"):
                continue
            cells = {y.target.rsplit(".", 1)[1]: int(y.value) for y in counts if y.target.rsplit(".", 1)[0] == f"t3.{r}"}
            results += cells.get("total", sum(cells.values()))
        said = message[at:end].strip()
        if not new and earlier and k == 1 and any(y.target.startswith(f"t3.{row}.") for y in out.computed):
            continue  # (the same one, pointed at twice: "去年结转过来1件…那件…")
        if not new and earlier and k == 1 and _carried_one_left(earlier, out, row):
            # "就是去年结转的那1件予以公开了" after this year's results were all told in messages before: one
            # more in that row (and in its applicant's column, the carried one's)
            col = col or next((c for c in L.T3_APPLICANT_COLUMNS if earlier.get(f"t3.carried_over.{c}") == 1), None)
            for cell in (f"t3.{row}.total", f"t3.{row}.{col}" if col else None):
                row_total = earlier.get(f"t3.{row}.total")
                if cell is not None and (earlier.get(cell) is not None or cell.endswith(".total") or not row_total):
                    # (a column with nothing said in a row of none had 0 there; in a row with some, its
                    # count may be one the facts derive, not given here: the row's total grows, and it follows)
                    was = earlier.get(cell)
                    if cell.endswith(".total") and was is None:
                        continue  # (the row's total not said: its applicants' cells hold the count)
                    out.computed.append(Stated(cell, (was if isinstance(was, int) else 0) + 1, said, at, end))
            if col and earlier.get(f"t3.carried_over.{col}") is None and any(
                    y.target == "t3.carried_over.total" and y.value == 1 for y in out.stated):
                out.stated.append(Stated(f"t3.carried_over.{col}", 1, said, at, end))  # (who asked, said of the one)
            continue
        if not new or new[-1] != results:
            if not results and new and k == 1:
                # (this year's results not told yet: added now, they would be overwritten by them)
                out.carried_result_later.append(message[at:end].strip())
            continue  # (only when the results told before are this year's applications, every one)
        for cell in (f"t3.{row}.total", f"t3.{row}.{col}" if col else None):
            before = [y for y in counts if y.target == cell]
            if cell is None or len(before) != 1:
                continue
            out.stated.remove(before[0])
            out.checked.append(before[0].quote)
            out.computed.append(Stated(cell, int(before[0].value) + k, f"{before[0].quote}；{said}", before[0].start, end))
        if col and not any(y.target.startswith("t3.carried_over.") and y.target != "t3.carried_over.total" for y in out.stated) and any(
                y.target == "t3.carried_over.total" and y.value == k for y in out.stated):
            out.stated.append(Stated(f"t3.carried_over.{col}", k, said, at, end))  # (who asked, said with the one pointed at)


def _that_ones_row(message: str, out: Reading) -> None:
    """"企业那件要的是另一家公司的…资料，…，按保护第三方合法权益不予公开": the one application of that
    applicant, told by what it asked for, and the row it went to later in the sentence."""
    voc = vocabulary()
    for m in re.finditer(r"[^。！!\n？?；;]+", message):
        sentence = m.group(0)
        lead = re.match(r"\s*(?:还有|另外|至于|然后)?[，,\s]*(?P<who>[\u4e00-\u9fa5]{1,6}?)的?(?:那|这)(?:一|1)?件", sentence)
        if lead is None or any(n.unit not in ("年", "月", "日", "号", "家", "位", "名", "个") for n in find_numbers(sentence)) or any(
                m.start() <= x.start < m.end() and x.target.startswith("t3.") for x in out.stated):
            continue
        cols = {a.key for a in voc.anchors(lead.group("who")) if a.kind == "t3col" and a.key != "total"}
        rest = sentence[lead.end():]
        rows = [a for a in voc.anchors(rest) if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total")]
        decided = [a for a in rows if _DECIDED_ROW.search(rest[:a.start])]
        keys = {a.key for a in decided} or {a.key for a in rows}
        if len(cols) != 1 or len(keys) != 1 or {a.key for a in voc.anchors(rest) if a.kind == "t3col"} - cols:
            continue
        out.stated.append(Stated(f"t3.{keys.pop()}.{cols.pop()}", 1, sentence.strip(), m.start(), m.end()))
        # ("另一家单位": the third party, no count)
        out.unexplained = [u for u in out.unexplained if not m.start() <= u[0] < m.end()]


_ADD_THEM = re.compile(r"(?:你|您)?(?:帮|给)(?:我|忙)?(?:加|算|合计|汇总|加总)(?:一下|下|上)|(?:你|您)(?:加|算)(?:一下|下)"
                       r"|(?:加起来|加一起|加在一起|合一起|合在一起|合起来|汇总|合计)(?:填|报|写|算)"
                       r"|(?:也|都)算(?:我们|我局|本局|本机关)的|一起算|一起填|一起加(?:上|起来)?|合并算|合并填|都算上|(?:全|都|全部)加上|(?:全|都)加起来"
                       r"|加起来(?:就是|是|算|作为)(?=[^0-9０-９，,。；;]{0,10}?(?:的)?(?:处罚|许可|强制|收费))")
# "三个分局", "两个所": how many offices gave the parts, no part of the sum
_OFFICES_COUNTED = re.compile(r"\s*(?:个|家)?(?:分局|所|科室|科|股|总队|大队|中队|支队|站|单位|部门|乡镇|街道|村|处室|处)")


def _parts_to_be_added_up(message: str, out: Reading) -> None:
    """"行政许可分三块：取水许可31件，涉河建设项目19件，水土保持方案审批36件，你帮我加一下", "处罚是各所的数
    城区所132 城东所87 …你给加一下", "许可 审批处1,487件 三个分局加起来829件 合一起填": the item is what its
    parts add up to (the reader's own sum: computed). The parts run from the item's name to the words asking."""
    for cue in _ADD_THEM.finditer(message):
        s0 = max(message.rfind(ch, 0, cue.start()) for ch in "。！!？?\n") + 1
        span = message[s0:cue.end()]
        items = [a for a in vocabulary().anchors(span) if a.kind in ("t2row", "fact")]
        if not items and cue.group(0).startswith("加起来"):
            # "两个总队加起来就是全厅的处罚": the item named after the words adding them
            named = [a for a in vocabulary().anchors(re.split(r"[0-9０-９，,。；;\s]", message[cue.end():cue.end() + 14])[0])
                     if a.kind == "t2row"]
            items = [Anchor(a.kind, a.key, 0, 0) for a in named[:1]]
            if items:  # ("…全厅的处罚 暂扣车辆36起": a number after the item named there is not one of the parts)
                near = [x for x in out.stated if cue.end() <= x.start < cue.end() + 24 and x.target.startswith(f"t2.{items[0].key}.")]
                for x in near:
                    out.stated.remove(x)
                    out.unexplained.append((x.start, x.end, x.quote))
        if not items or len({a.key for a in items}) != 1 or any(a.kind in ("t3row", "t4block") for a in vocabulary().anchors(span)):
            continue
        first = s0 + items[0].end
        numbers = [n for n in find_numbers(message[first:cue.start()]) if n.unit not in ("年", "月", "日", "号")
                   and not _OFFICES_COUNTED.match(message, first + n.end)
                   # ("其实是3场 有一场是和市卫健委联合开的 也算我们的": one of the three, told about)
                   and not (message[:first + n.start].endswith("有") and re.match(r"\s*[场件个次条项]?是", message[first + n.end:]))]
        if len(numbers) < 2 or any(n.approx for n in numbers) or len({n.unit for n in numbers if n.unit}) > 1:
            continue
        unit = next((n.unit for n in numbers if n.unit), "件")
        target = _resolve(items[0], items, _Context(), "件" if unit in ("户", "份", "起", "宗") else unit)
        if target is None or (target.startswith("t2.") and not target.endswith(".decisions") and not target.startswith("t2.fees")):
            continue
        inside = [x for x in out.stated if first <= x.start < cue.start()]
        if any(x.target != target for x in inside):
            continue  # (other items told between: not parts of this one)
        for x in inside:
            out.stated.remove(x)
        parts = [u for u in out.unexplained if s0 <= u[0] < cue.end()]
        out.unexplained = [u for u in out.unexplained if u not in parts]
        out.checked += [u[2] for u in parts] + [x.quote for x in inside]
        out.computed.append(Stated(target, int(sum(n.value for n in numbers)), span.strip(), s0, cue.end()))


_SUM_SAID = re.compile(r"\s*(?:那就是|那么就是|就是|所以是|所以|那|总共就是|总共是|一共就是|一共是|加起来是|合计)?\s*"
                       r"(?:总共|一共|加起来|合计)?\s*(?:就)?(?:是)?\s*(?P<n>[0-9０-９]+)\s*(?P<unit>条|篇|件|个|场)\s*")


def _sum_said_of_the_parts(message: str, out: Reading, earlier: Mapping[str, object]) -> None:
    """"公众号街道的发了127条，…社区的…加起来365条，…那就是492条": a number the sentence says as the sum of
    the item's parts told before it (or, after a part corrected, of the part and what stood before:
    "社区的刚才看错了，是356条，总共就是483条") is the item's value."""
    for u in list(out.unexplained):
        m = _SUM_SAID.fullmatch(u[2])
        if m is None or not re.search(r"那就是|就是|所以|总共|一共|加起来|合计", u[2]):
            continue
        n = int(parse_number(m.group("n")) or 0)
        s0 = max(message.rfind(ch, 0, u[0]) for ch in "。！!？?\n") + 1
        before = [x for x in out.stated if s0 <= x.start < u[0] and (x.target.startswith("t2.") or "." not in x.target)
                  and isinstance(x.value, int) and not isinstance(x.value, bool)]
        parts = [k.value for k in find_numbers(message[s0:u[0]]) if k.unit == m.group("unit")]
        targets = {x.target for x in before}
        if len(targets) != 1:
            continue
        target = targets.pop()
        old = earlier.get(target)
        if sum(parts) != n and not (isinstance(old, int) and len(parts) == 1 and n in (old + parts[0], n)):
            continue
        out.stated = [x for x in out.stated if x not in before]
        out.checked += [x.quote for x in before]
        out.unexplained.remove(u)
        out.stated.append(Stated(target, n, u[2], u[0], u[1]))


def _sum_after_its_parts(message: str, out: Reading) -> None:
    """"许可说错了，采伐证是一千二百六十四件，…那加起来是1287件": an item given two values in a sentence,
    the last of them said as what the others add up to ("加起来", "就是"), is that sum (the others are its parts)."""
    for m in re.finditer(r"[^。！!\n？?]+", message):
        said = [x for x in out.stated if m.start() <= x.start < m.end() and isinstance(x.value, int) and not isinstance(x.value, bool)]
        for target in {x.target for x in said}:
            values = [x for x in said if x.target == target]
            last = values[-1]
            # ("有1件其实是投诉举报，放到信访类，信访类就是2件": the row's count with the one moved into it)
            if len(values) < 2 or not re.search(r"(?:一共|总共|合计|共计|加起来|总计|累计|就是|那就是|所以是|也就是)(?:是|为|有)?\s*$",
                                                message[m.start():last.start]):
                continue
            if sum(int(x.value) for x in values[:-1]) > int(last.value):
                continue  # (parts larger than the sum: not its parts)
            out.stated = [x for x in out.stated if x not in values[:-1]]
            out.checked += [x.quote for x in values[:-1]]


_CHANGED_TO = re.compile(r"改成|改为|改到|应该是|应为")


def _changes_of_one_column(message: str, out: Reading) -> None:
    """"个人新收改成21件，结转下年改成2件": a list of changes that opens with an applicant's cell goes on
    with that applicant's cells (a row's total is changed by naming the total)."""
    for m in re.finditer(r"[^。！!\n；;？?]+", message):
        said = [x for x in out.stated if m.start() <= x.start < m.end() and x.target.startswith("t3.")]
        if len(said) < 2 or said[0].target.endswith(".total") or not _CHANGED_TO.search(said[0].quote):
            continue
        col = said[0].target.rsplit(".", 1)[1]
        lead = [a for a in vocabulary().anchors(said[0].quote) if a.kind == "t3col"]
        if not lead or lead[0].key != col or said[0].quote[:lead[0].start].strip("，, "):
            continue  # (the applicant named first, opening the list)
        for x in said[1:]:
            if x.target.endswith(".total") and _CHANGED_TO.search(x.quote) and "总" not in x.quote and not any(
                    a.kind == "t3col" for a in vocabulary().anchors(x.quote)):
                out.stated[out.stated.index(x)] = Stated(x.target.rsplit(".", 1)[0] + "." + col, x.value, x.quote, x.start, x.end)


_ONE_MORE_LEAD = re.compile(r"\s*(?:还有|另外|另有|又有|再有)(?:1|一)件")


def _one_more_and_its_result(message: str, out: Reading) -> None:
    """"律所的：新收2件，…。还有1件是一个村委会申请的，给公开了": the one more, counted by who asked,
    and its result said after it in the sentence with no number: one in that result row too (its
    total waits for the row's other applicants). One told alone is the one-case reader's."""
    told = one_case_told(message) if _ONE_MORE_LEAD.search(message) and all(
        x.value == 1 for x in out.stated if x.target.startswith("t3.")) else None  # (as the one-case reader weighs it)
    for x in list(out.stated):
        col = x.target.rsplit(".", 1)[-1]
        if not x.target.startswith("t3.new_received.") or col == "total" or x.value != 1 or not _ONE_MORE_LEAD.match(x.quote):
            continue
        if told is not None and told.start <= x.start < told.end:
            continue
        q0 = message.find(x.quote, max(0, x.start - len(x.quote)))
        if q0 < 0:
            continue
        stop = re.compile(r"[。！!\n；;]").search(message, q0 + len(x.quote))
        end = stop.start() if stop else len(message)
        rest = message[q0 + len(x.quote):end]
        if any(n.unit not in ("年", "月", "日", "号") for n in find_numbers(rest)) or any(
                y is not x and y.target.startswith("t3.") and x.end <= y.start < end for y in out.stated):
            continue
        rows = {a.key for a in vocabulary().anchors(rest) if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total")}
        if len(rows) != 1 or {a.key for a in vocabulary().anchors(rest) if a.kind == "t3col" and a.key != "total"} - {col}:
            continue
        row = rows.pop()
        if row != "carried_forward" and re.search(r"没|未|不(?!予)", rest):
            continue  # ("…，还没给他": no result yet said)
        if not any(y.target == f"t3.{row}.{col}" for y in out.stated):  # (another reading placed it already)
            out.stated.append(Stated(f"t3.{row}.{col}", 1, message[q0:end].strip(), x.start, x.end))


# (asked for, not told of: "初稿把5件撤销的也算进去了" says what was wrong before)
_ADD_IN = re.compile(r"(?:要|也要|得|需要|应该)(?:加进去|加进来|加上去|算进去|加上)|加进去吧|你帮我加|帮我加一下|加到[^，,。]{0,6}里(?!了)"
                     r"|(?:你|您)?给(?:我)?加上|也加上|加上吧")


def _part_said_with_it(message: str, out: Reading) -> None:
    """"发布会写错了，是14场，加上两场政策吹风会": a part of the value just said (加上/包括/含), not a second value."""
    for x in list(out.stated):
        if not re.match(r"\s*(?:加上|包括|包含|含|其中)", x.quote) or x.start <= 0:
            continue
        s0 = max(message.rfind(ch, 0, x.start) for ch in "。！!？?\n") + 1
        if any(y is not x and y.target == x.target and s0 <= y.start < x.start and y.value != x.value
               and isinstance(y.value, int | Decimal) and isinstance(x.value, int | Decimal) and y.value > x.value
               for y in out.stated):
            out.stated.remove(x)
            out.checked.append(x.quote)


def _to_be_added(message: str, out: Reading, earlier: Mapping[str, object]) -> None:
    """"不予许可的…有18件，…这个也是处理决定，要加进去": a count to add to the item's, not the item's count — the
    sum when the item's count is recorded, else named back (the parts said before were not recorded)."""
    for x in list(out.stated):
        if not x.target.startswith("t2.") or isinstance(x.value, bool) or not isinstance(x.value, int | Decimal) or x.end <= 0:
            continue
        stop = re.compile(r"[。！!？?\n]").search(message, x.end)
        rest = message[x.end:stop.start() if stop else len(message)]
        if not _ADD_IN.search(rest) or re.search(r"不(?:用|要|能|必)?(?:加|算)", rest) or _CORRECTS.search(
                message[max(0, message.rfind("\n", 0, x.start)):x.end]):
            continue
        out.stated.remove(x)
        base = earlier.get(x.target)
        if isinstance(base, int) and not isinstance(base, bool):
            out.computed.append(Stated(x.target, base + int(x.value), x.quote, x.start, x.end))
            # ("不在执法队那21份里": the count recorded, said as what it is added to)
            s0 = max(message.rfind(ch, 0, x.start) for ch in "。！!？?\n") + 1
            said = [u for u in out.unexplained if s0 <= u[0] < (stop.start() if stop else len(message))
                    and (ns := find_numbers(u[2])) and all(n.value == base for n in ns)]
            out.unexplained = [u for u in out.unexplained if u not in said]
            out.checked += [u[2] for u in said]
        else:
            out.unexplained.append((x.start, x.end, x.quote))


def _told_by_who_alone(message: str, out: Reading) -> None:
    """"013是12月30号一个养老服务协会在网上交的，还没答复": one application told only by who sent it in, in a
    sentence nothing else read: named back (its "一个" is who, and the count is the clerk's to say)."""
    for m in re.finditer(r"[^。！!？?\n]+", message):
        sentence = m.group(0)
        art = re.search(r"一(?:个|家|位|名)", sentence)
        if art is None or not re.search(r"交的|交来|寄来|寄的|递交|提交的|申请的|来申请", sentence):
            continue
        a0, a1 = m.start(), m.end()
        if any(a0 <= x.start < a1 for x in out.stated) or any(a0 <= u[0] < a1 for u in out.unexplained):
            continue
        if not any(a.kind == "t3col" for a in vocabulary().anchors(sentence[art.end():art.end() + 14])):
            continue
        out.unexplained.append((a0 + art.start(), a0 + art.start() + 1, sentence.strip()))


def _row_decided_after(message: str, out: Reading) -> None:
    """"企业的2件要同行的医疗器械采购中标价，涉及商业秘密，不予公开，放保护第三方合法权益": a count told with
    who asked and what they asked for, the row it is put in said later in the sentence without a number
    (the last one a deliberation settles on: "这算部分公开还是不予公开？…就算部分公开吧"). Only a count
    no other reading placed, with one applicant named, and only a result row."""
    # (the one-case reader weighs a message only when every count it says of table 三 is one)
    told = one_case_told(message) if all(x.value == 1 for x in out.stated if x.target.startswith("t3.")) else None
    for where in list(out.unexplained):
        at, end, _ = where
        if told is not None and not told.start <= at < told.end:
            continue  # (one application told in another sentence: the one-case reader weighs the message)
        counts = [n for n in find_numbers(message[at:end + 2]) if n.unit in ("件", "份") and n.start == 0]
        if len(counts) != 1 or counts[0].approx:
            continue
        stop = re.compile(r"[。！!\n？?；;]").search(message, end)
        s0 = max(message.rfind(x, 0, at) for x in "。！!\n？?；;") + 1  # (a story runs to its own ；)
        head = message[max(message.rfind(x, 0, at) for x in "。！!\n？?") + 1:s0]
        if (colon := max(head.rfind("："), head.rfind(":"))) >= 0 and any(
                a.kind in ("t3row", "t3group") for a in vocabulary().anchors(head[:colon])):
            continue  # ("部分公开6件：个人2件；企业3件，都是…涉及商业秘密…删掉以后给的": a part of the row headed)
        sentence_end = stop.start() if stop else len(message)
        if (nxt := re.compile(r"[，,]" + _STORY_OPENS.pattern).search(message, end, sentence_end)):
            sentence_end = nxt.start()  # ("…讨论稿，属于过程性信息，1件是企业要…": the next story's own)
        rest = message[end:sentence_end]
        if re.search(r"不算|不计|不是申请|不用写|不用填|没问题|应该是|应为|改成|改为|不对|说错|错了|对吧|是吧|对不对|是不是|吗\s*$", message[s0:sentence_end]):
            continue  # (a count set aside, or a correction: not a story)
        if re.match(r"\s*件?\s*(?:里|中|当中|之中|里面|里头|其中)", rest) or re.search(r"一半|半数|[0-9０-９一二三四五六七八九十]成|分之|[%％]|多数|大部分", rest):
            continue  # ("企业的9件里一半是部分公开": a part of the count, not the count)
        if re.search(r"漏了|漏掉|漏说|又收|又来|新收|后来又", message[s0:sentence_end]) or (
                counts[0].value == 1 and told is not None and re.search(r"还有|另外|另有|又|漏|这|那", message[s0:sentence_end]) and not any(
                    x.target.startswith("t3.") and x.target.split(".")[1] not in ("new_received", "carried_over", "total")
                    for x in out.stated)):  # (one alone is the one-case reader's; among other stories, one of them)
            continue  # ("还漏了1件，企业的，给了": maybe one more that came in, which the one-case reader weighs)
        if any(n.unit not in ("年", "月", "日", "号") and not (n.value == 1 and re.match(r"(?:个|位|名|家)", rest[n.end:]))
               and not (re.search(r"(?:算在|算进|包括在|含在|也在|都在)\s*[^，,。；;\s0-9０-９]{0,8}$", rest[:n.start])
                        and re.match(r"\s*(?:件|个)?\s*(?:里|里面|里头|之内|当中|中)", rest[n.unit_end:]))
               for n in find_numbers(rest)) or any(x.start >= at and x.start < sentence_end and x.target.startswith("t3.") for x in out.stated):
            continue  # (other numbers in the sentence: not one story)
        anchors = vocabulary().anchors(rest)
        rows = [a for a in anchors if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total")]
        decided = [a for a in rows if _DECIDED_ROW.search(rest[:a.start])]
        if decided:
            row = decided[-1].key
        elif len({a.key for a in rows}) == 1:
            row = rows[0].key
        else:
            continue
        # (the story's own applicant first: "…，1件是企业要…" after another story in the sentence)
        story = message[at:sentence_end]
        asked = re.search(r"要|问|查|索要|申请公开|关于|内容", story)
        # (not "商户" in "1件要他投诉那个商户的处理案卷": who the request is about, not who made it;
        # "还有个人的1件 …投诉饭店卫生的": who, said right before the count)
        before_count = {a.key for a in vocabulary().anchors(message[s0:at]) if a.kind == "t3col" and a.key != "total"}
        cols = (before_count if len(before_count) == 1 and re.search(r"的\s*$", message[s0:at]) else set()) or {
            a.key for a in vocabulary().anchors(story) if a.kind == "t3col" and a.key != "total"
            and (asked is None or a.start < asked.start())} or before_count
        if not cols and (heads := list(_APPLICANT_COUNT_HEAD.finditer(head + message[s0:at]))) and (
                col_of_head := _column_named(heads[-1].group(1) or heads[-1].group(2))):
            cols = {col_of_head}  # ("个人2件，1件给了；1件要…，属于执法案卷": the applicant whose cases are told)
        if len(cols) != 1:
            continue
        target = f"t3.{row}.{cols.pop()}"
        quote = message[s0:sentence_end].strip()
        if (same := [x for x in out.stated if x.target == target]):
            if not decided or len(same) != 1 or not isinstance(same[0].value, int | Decimal) or same[0].start >= s0:
                continue
            # "《答复书（予以公开）》21份：个人16…" / "《已主动公开信息告知书》7份，都是个人的…一直算在予以公开里":
            # another group of applications put in the same row, added to it
            out.stated.remove(same[0])
            out.computed.append(Stated(target, int(same[0].value) + int(counts[0].value), f"{same[0].quote}；{quote}", same[0].start, end))
            out.checked += [same[0].quote, quote]
            out.unexplained.remove(where)
            if len(whole := [x for x in out.stated if x.target == f"t3.{row}.total" and x.start < s0
                             and isinstance(x.value, int | Decimal) and not isinstance(x.value, bool)]) == 1:
                out.stated.remove(whole[0])  # (the row's count said with the other group grows with it)
                out.computed.append(Stated(whole[0].target, int(whole[0].value) + int(counts[0].value),
                                           f"{whole[0].quote}；{quote}", whole[0].start, end))
                out.checked.append(whole[0].quote)
            continue
        out.stated.append(Stated(target, int(counts[0].value), quote, at, end))
        out.unexplained.remove(where)
    for where in list(out.unexplained):
        at, end, _ = where
        n = next(iter(find_numbers(message[at:end + 2])), None)
        if n is None or n.start != 0:
            continue
        line_end = message.find("\n", end) % (len(message) + 1)
        if n.value == 1 and re.match(r"(?:个|位|名)(?:人|群众|村民|居民|市民)", message[at + n.end:]) and any(
                x.start <= at < line_end and x.target.startswith("t3.") for x in out.stated if x.start >= message.rfind("\n", 0, at)):
            out.unexplained.remove(where)  # "还有1件，一个人要…，放“属于行政查询事项”了": who asked, not a count
            out.not_counts.append(message[at:at + n.end + 2])
        elif n.unit == "件" and re.match(r"\s*(?:是|要的是|是要|问的是)", message[at + n.unit_end:]) and any(
                x.start > end and x.start < line_end and x.target.startswith("t3.") and int(x.value) == n.value
                # (not another one told after it: "1件是要…；还有1件要…，按不掌握答复")
                and not re.search(r"[；;。]\s*(?:还有|另外|另有|再有|又有)", message[end:x.start])
                # (nor a story of its own: "还有1件是一个物业公司申请的。…；1件问他家…，我们没有这个信息")
                and not re.match(r"\s*(?:还有|另外|另有)?\s*[0-9０-９一两二三四五六七八九十]+\s*件\s*(?:是|要|问|申请)", message[x.start:])
                and any(k.value == n.value for k in find_numbers(x.quote))  # (not "律所那件…": a pointer, no count)
                for x in out.stated if isinstance(x.value, (int, Decimal)) and not isinstance(x.value, bool)):
            # "有2件要的是…会议纪要。…我觉得算三类内部事务信息，2件个人": the count, said again with its row
            out.unexplained.remove(where)
            out.checked.append(message[at:end])


# "…收了1件 120元……不对不对，那是2022年的", "又收了五件申请，那是明年报告的事了": what the
# sentence said before this is another year's
_ANOTHER_YEARS = re.compile(r"(?:那|这)(?:个|些|几件|几个|几条)?(?:都|也)?(?:是|算|属于|得算)(?:去年|上年|前年|明年|下一?年度?|"
                            r"([0-9０-９]{4})年)度?(?:的|报告|年报)")


# "局长信箱来信3,200件，这些不是申请": what the sentence counted before this is no application
_NOT_APPLICATIONS = re.compile(r"(?:那|这)(?:些|个|几件|几个)?(?:都|也)?(?:不是|不算|不属于)(?:依|政府信息公开|信息公开)?申请")


_ONE_MORE_NOT_COUNTED = re.compile(r"(?P<told>(?:还有|另外|另有|其中)[^。；;！!？?\n]{2,40}?)[，,]\s*(?:这个|这件|那件|那个)?(?:也)?(?P<no>不算|不计)(?:在内|进去|数)?(?=[。；;！!\n]|$)")
# "复议有一起，是居民对拆违的限期拆除告知不服去复议的，这个跟信息公开没关系": not of this report
_NOT_OPEN_GOVERNMENT = re.compile(r"(?:跟|和|与)(?:政府)?信息公开(?:工作)?(?:没有?(?:什么|啥)?关系|无关|不相干)|不属于(?:政府)?信息公开(?:的)?(?:复议|诉讼|案件)")


def _counted_just_before(message: str, at: int) -> int:
    """Where the counts that "这些不算申请" points back to begin: the clauses with numbers right before
    it, back to one without a number or one about applications ("…今年一件都没收到 …我们这里信访倒是
    挺多的 全年信访件127件 12345工单2300多件 这些不算依申请的吧": only the last two)."""
    start = max(message.rfind(ch, 0, at) for ch in "。！!？?；;\n") + 1
    for c in reversed(list(re.finditer(r"[^，,、\s]+", message[start:at]))):
        if not find_numbers(c.group(0)) or "申请" in c.group(0):
            return start + c.end()
    return start


def _taken_back(message: str, report_year: int | None, out: Reading) -> None:
    for m in _ONE_MORE_NOT_COUNTED.finditer(message):
        # "强制是2件，还有一件扣押后来解除了，没有作出决定，不算": the one more told, then left out
        start = m.start("told")
        gone = [x for x in out.stated if start <= x.start < m.start("no")]
        unread = [u for u in out.unexplained if start <= u[0] < m.start("no")]
        if gone or unread:
            out.stated = [x for x in out.stated if x not in gone]
            out.unexplained = [u for u in out.unexplained if u not in unread]
            out.excluded.append(message[start:m.end()].strip("，, 。"))
    for m in _NOT_OPEN_GOVERNMENT.finditer(message):
        start = max(message.rfind(ch, 0, m.start()) for ch in "。！!？?；;\n") + 1
        gone = [x for x in out.stated if start <= x.start < m.start() and x.target.startswith(("t3.", "t4."))]
        if gone:
            out.stated = [x for x in out.stated if x not in gone]
            out.excluded.append(message[start:m.end()].strip())
    for m in _NOT_APPLICATIONS.finditer(message):
        start = _counted_just_before(message, m.start())
        gone = [x for x in out.stated if start <= x.start < m.start() and x.target.startswith("t3.")]
        unread = [u for u in out.unexplained if start <= u[0] < m.start()]
        if gone or unread:
            out.stated = [x for x in out.stated if x not in gone]
            out.unexplained = [u for u in out.unexplained if u not in unread]
            out.excluded.append(message[start:m.end()].strip())
    for m in _ANOTHER_YEARS.finditer(message):
        if m.group(1) and report_year and int(to_halfwidth(m.group(1))) == report_year:
            continue
        start = max(message.rfind(ch, 0, m.start()) for ch in "。！!？?；;\n") + 1
        if re.search(r"明年|下一?年", m.group(0)) and (plan := re.search(r"明年|下一?年", message[start:m.start()])):
            # "处罚八件 … 明年我们打算…三万块 另外明年计划出两件… 那是明年的": from where next year begins
            start += plan.start()
        gone = [x for x in out.stated if start <= x.start < m.start()]
        unread = [u for u in out.unexplained if start <= u[0] < m.start()]
        if not gone and not unread:
            continue
        out.unexplained = [u for u in out.unexplained if u not in unread]
        out.stated = [x for x in out.stated if x not in gone]
        out.excluded.append(message[start:m.end()].strip())
        # "…，今年没收" / "…，今年是320条": what the same items are this year
        stop = min([p for ch in "。！!？?；;\n" if (p := message.find(ch, m.end())) >= 0] or [len(message)])
        tail = message[m.end():stop]
        if re.search(r"今年|本年|今年度|这一年", tail) and not any(start <= x.start < stop for x in out.stated):
            numbers = [n for n in find_numbers(tail) if n.unit not in ("年", "月", "日", "号")]
            targets = list(dict.fromkeys(x.target for x in gone if x.target != "fee_charged"))
            if not numbers and re.search(r"没|无|不收|未", tail) and any(x.target == "fee_charged" for x in gone):
                out.stated.append(Stated("fee_charged", False, tail.strip(" ，,"), m.end(), stop))
            elif len(numbers) == 1 and len(targets) == 1 and not vocabulary().anchors(tail):
                n = numbers[0]
                out.stated.append(Stated(targets[0], _as_value(targets[0], n, tail), tail.strip(" ，,"),
                                         m.end() + n.start, m.end() + n.end))
                out.unexplained = [u for u in out.unexplained if not (m.end() <= u[0] < stop)]


_GRANTED_BARE = re.compile(r"(?:^|[^分动请息务])公开(?:了|的)?(?:是|有|为)?(?:占[^，,。；;\s0-9０-９]{1,6}[\s，,]*)?\s*$")  # ("公开的占六成 231件")
_PARTIAL_BARE = re.compile(r"(?:^|[\s，,、；;])部分\s*$")
# what a bare "也没有", "无", "今年都没收" says besides its none
_BARE_FILLER = re.compile(r"[＃\s。；;！!，,、「」『』“”\"‘’【】]|和|及|与|跟|也|都|还|就|我们|今年|全年|暂时|暂|均|全部|全|是|的|了|过|啊|呢|吧|没有|没|无|未|零|0|〇|收|发|出|开|办|做"
                          # ("公众号的话，我们自己没开", "…，这块写零")
                          r"|自己|县局|市局|区局|省厅|本局|我局|局里|局|厅|委|本单位|单位|这块|那块|这项|这个|写|填|报|按|设|建")
_OURS = re.compile(r"^\s*(?:我们|我|本|咱们?)(?:镇|乡|街道|街办|县|区|市|局|委|办|中心|这边|这里|这儿)(?:里|这边|这里)?")
# "刚才说的７件是截止到十月份的": the value said before, named to be replaced
_OLD_VALUE = re.compile(r"(?:刚才|刚刚|刚|之前|前面|上次|原来|原先)(?:说|报|填|给|写)(?:的|了)?\s*$")
# "企业那个1应该是0": the value before 应该是 is the old one
_DIFFERENCE_BEFORE = re.compile(r"(?:多|少|漏)(?:写|算|报|统计|计|录|填|打|数)?了?\s*$")
_THEN_NEW = re.compile(r"\s*(?:应该是|应该为|应该|应为|应是|改成|改为|改|其实是|实际是|实际上是)\s*[0-9０-９零〇一二两三四五六七八九十]")
# "2023年，本机关共收到…": a sentence dated by its year (a passage of another year's report)
_DATED = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十]+[)）、.．]\s*)?(20\d\d)\s*年(?:度)?(?:[，,]|全年|共|本机关|我"
                    r"|(?:的)?(?:情况|数据|数字|数|工作情况|主要数据)\s*[：:])")  # ("二、2024年情况：…86条；…": a handover note's line)
_EXCEPT_THAT_ONE = re.compile(r"(?:除了|除去|除开)(?P<who>[^，,。；;\s、]{1,8}?)(?:申请)?的?那(?P<n>[一两二三俩]?)(?:件|个|份)")
_RELATIVE_BEFORE = re.compile(r"比[^，,。；;]{1,14}?(?:多|少|高|低|增加|减少|多出|少了)了?(?:整整|正好|刚好|足足|大概|约|将近|差不多)?\s*$")
_TIMES_AFTER = re.compile(r"\s*倍")
_LISTED_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,10}[、和及与]){1,8}[\u4e00-\u9fff]{2,10}(?:等|这|这些|以上)?\s*$")
_EITHER_OR = re.compile(r"(?:算|填|放|归|计)[^，,。？?]{1,12}还是(?:算|填|放|归|计)?[^，,。？?]{1,12}[？?]\s*$")
_HEAD_WITH_CARRIED = re.compile(r"(?:^|(?<=[\n；;。：:]))\s*(?:再说|还有|然后|另外)?\s*(?P<who>[\u4e00-\u9fa5]{1,8}?)的?\s*(?P<n>[0-9０-９]+)\s*件"
                                r"(?:\s*[，,]?\s*(?:再)?(?:加上?|连同|含|包括)(?:去年|上年)(?:转过来|结转过来|结转|转来)的?(?P<m>[0-9０-９]+|[一两二三])\s*件)?"
                                r"\s*(?P<colon>[：:，,])")
_LAST_YEAR_LEAD = re.compile(r"\s*(?:去年|前年|上一年)(?!底|年底|末|[0-9０-９一二三四五六七八九十]+月)")
_FAMILY = {"fact": "fact", "t2row": "t2", "t2col": "t2", "t3row": "t3", "t3group": "t3", "t3col": "t3", "t4block": "t4", "t4col": "t4"}
_THIS_YEARS_AGAIN = re.compile(r"今年|本年|新收|全年|这一年|这次|这回|现在|目前|结转|明年|下一?年")
_DATED_CLAUSE = re.compile(r"\s*(?:在|是)?(?P<y>20\d\d|(?<![0-9])[1-3][0-9])\s*年(?:度)?(?:的时候|那年|当年)?(?:还|也|又|共|一共|全年|就|收了|发了)"
                           # "24年那两件当年就答复完了": a year said short, then what of it
                           r"|\s*(?:在|是)?(?<![0-9])(?P<yy>[1-3][0-9])\s*年(?:的)?(?:那|这)(?:[0-9一两二三四五六七八九十几]+|些)\s*(?:件|个|条)?"
                           # "对比：2024年网站是1187条": a year, then an item's figure of that year
                           r"|\s*(?P<y3>20\d\d)\s*年(?:度)?(?:的)?(?=[\u4e00-\u9fa5]{1,8}?(?:是|为|共计|一共)\s*[0-9０-９])")
_FILED_INTO = re.compile(r"(?:归到|算到|放到|归入|算在|计入|算作|算成|放在|归在)了?(?P<col>其他结果|其他|维持|纠正|尚未审结|未审结)")
_IN_ALL = re.compile(r"(?:一共|总共|合计|共计|加起来|总计|累计|全年)(?:是|为|有|就是)?\s*$")
_BLANKS_ARE_ZERO = re.compile(r"(?:空着|空白|空格|没填|空)(?:的)?(?:格子|格|地方|单元格)?(?:就|都)?(?:是|算|当|为|填|按)\s*(?:0|零)")
_CONFIRMED = re.compile(r"\s*(?:是对的|没错|是对|对的|不变|没问题|不用改|是准确的)")
_DIGIT_BEFORE = re.compile(r"(?:^|(?<=[^一二两三四五六七八九十百千万零〇]))([一二两三四五六七八九])(?=[\u4e00-\u9fa5])")
_SAID_NONE = re.compile(r"没有|没|无|未发生")
_WORD_DIGIT = re.compile(r"([一二两三四五六七八九])(?:件|个)?\s*$")
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
# voice input, "先说自然人 新收三十八 上年节转三件 鱼以公开十四…": an applicant named alone, a space, and its rows
_ROWS_SPOKEN_AFTER = re.compile(r"[ \u3000]+(?:(?P<whole>本年新收|今年新收|新收|收到|上年结转|去年结转|上年节转)|予以公开|公开|部分公开|不予公开|无法提供|本机关不掌握|不掌握)"
                                r"[^，,。；;\n]{0,12}?(?:[0-9０-９]|[一两二三四五六七八九十])")
# "部分公开1件 个人 不予公开…": who the count just said is of, no head of what follows
_COUNT_BEFORE = re.compile(r"(?:[0-9０-９]|[一两二三四五六七八九十])\s*(?:件|个)?\s*$")
_APPLICANT_COUNT_HEAD = re.compile(r"(?:^|[\s，,：:；;])([^\s，,：:；;0-9０-９]{1,8}?)的?\s*(?:[0-9０-９]+|[一两二三四五六七八九十]{1,2})\s*(?:件|个)[，,\s]"
                                   r"|(?:^|\n)[ \t\u3000]*([^\s，,：:；;0-9０-９]{1,8}?)的?[：:]")  # ("企业的：公开5；有1件…")
def _results_of_one(text: str, col: str | None) -> bool:
    """The words after "个人3件，2件…" tell how those cases ended (a result, no other applicant)."""
    anchors = vocabulary().anchors(text)
    if any(a.kind == "t3col" and a.key != col for a in anchors):
        return False  # ("个人5件，1件是业委会的": another applicant's)
    return any(a.kind in ("t3row", "t3group") and a.key not in _NOT_RESULTS for a in anchors) or bool(
        re.search(r"给了|没给|公开了|还没办完|没办完", text))


_ROW_NAMED_AFTER = re.compile(r"\s*[，,]\s*(?:属于|按照?|算作?|归到?|定为)\s*([^，,。；;\s]{2,12})")
_SPOKEN_HEAD = re.compile(r"\s*(?:先说|再说|然后是?|接着说?|下面是?|接下来是?|还有|最后是?)?\s*(?P<col>(?!都|全|均|是|也)[\u4e00-\u9fa5]{2,8}?)(?:的)?(?=[ \u3000])")
_COLUMN_TOLD = re.compile(r"那列|这列|那一列|这一列|那栏|这栏|就一件|就\s*[0-9０-９一二两三四五六七八九十]+\s*件|只有\s*[0-9０-９一二两三四五六七八九十]+\s*件")
_GRANTED_AFTER = re.compile(r"\s*(?:件|个)?\s*(?:给|都)?(?:他|她|人家|对方)?(?:公开了?|给公开了?)\s*")
_OTHER_IN_LIST = re.compile(r"(?:(?<=[、，,\s：:])|^)其他(?=\s*[=＝]?\s*[0-9０-９一二两三四五六七八九十])")
_THAT_APPLICANT = re.compile(r"(?:的)?(?:那个|那些|那几件|这个|这些|那边|这边)")
# what an applicant asked for: the words after it name the information, not a count of the report
def _names_a_t3_row(sentence: str) -> bool:
    """The sentence names a row of table 三: what is "要…" in it is what an application asked for."""
    return any(a.kind in ("t3row", "t3group") and a.key not in ("new_received",) for a in vocabulary().anchors(sentence))


_ASKED_FOR = re.compile(r"(?:要|申请公开|索取|想看|查阅|申请)(?:的是)?(?:我们|我局|本机关|本局|[^，,。；;、\s]{0,6}?)(?:的|的是)\s*$"
                        r"|(?:要|申请公开|索取|想看|查阅|申请)(?:的是)?(?:我们|我局|本机关|本局|你们|他们|局里|乡里|镇里)?"
                        r"(?:的)?(?:一个|一份|一些|一套|那个|这个|某个)?\s*$")
_REST_NONE = re.compile(r"(?:其他|其余|剩下|别的)(?:类型|类别|类|几类|几种|的申请人|申请人)?(?:的)?(?:都|也|均)?(?:没有|没|无|是0|为0|是零)")
_WRITTEN_BEFORE = re.compile(r"(?:写的|写着|写了|填的|填了|抄的|写成了?|打的)\s*$")
_SHOULD_BE = re.compile(r"\s*(?:不对[，,\s]*)?(?:应该是|应该为|应为|应是|改成|改为|其实是|实际是|实际上是)\s*")
# a number said as a guess: a report states figures, so it is asked for again, not recorded
_TENTATIVE = re.compile(r"[…\.。，,\s]*(?:等下|等一下|等会儿?|等歇|回头|稍后|晚点)[，,\s]*我?(?:再去|再|去)(?:对|核|核对|确认|查|问|扒|翻|找|数)(?:一下|下)?")
_ROUGH_AFTER = re.compile(r"\s*(?:左右|上下|的样子|来条|来件|[条件篇个]?出头|[条件篇个]?开外)|\s*吧\s*$")
# "还是按原来的612吧", "就按587吧": the value settled on (吧 of a decision, not of a guess)
_DECIDED = re.compile(r"(?:按|用|填|就按|还是按|还是用|就填|还是填)(?:原来的|之前的|最早的|刚才的|这个)?\s*$")
_DECIDED_OR_IS = re.compile(r"(?:按|用|填|就按|还是按|还是用|就填|还是填)(?:原来的|之前的|最早的|刚才的|这个)?\s*$|(?:就是|应该是|还是)\s*$")
_ROUGH_BEFORE = re.compile(r"(?:大概|大约|估计|差不多|估摸|毛估估|毛估|大概齐|可能有|可能是|好像是|好像有)[^0-9０-９，,。；;、\s]{0,6}$"
                           r"|(?<![大])小$")  # ("小两千条": nearly two thousand, a guess)
_OTHER_COLUMN = re.compile(r"其他(?:那|这)一?(?:列|栏)")
# "个人的那6件：": the applications of that applicant told before, pointed at by their count
_THOSE_COUNTED = re.compile(r"[那这][0-9０-９一二两三四五六七八九十]+[件个]")
_HEADING_FILLER = re.compile(r"[\s：:]|的|申请的|这块|那块|方面|这部分|那部分|那些|这些|的话|呢|其中|先说|再说|然后是|然后|接下来是|接着是|下面是|最后是|说说|先发|再发"
                             r"|剩下|其余|剩余|余下|另外|都是|全是|全部是|均为|均是")  # ("剩下的都是个人的：")
_BRACKET_HEAD = re.compile(r"\s*[【\[]\s*([^】\]]{1,8}?)\s*[】\]]")
_SOMEONE_ELSE = re.compile(r"(?:别家|人家|别的|另一家|另外一家|其他|涉及|关于|(?:举报|投诉|检举|反映)了?(?:一家|一个|一位|某|那家|这家|隔壁)?)$")
_THAT_ONE = re.compile(r"[那这该此]一?件")
_ADDS = re.compile(r"还有|另外|另有|也|又|再")
_CORRECTS = re.compile(r"不对|错了|说错|更正|改成|改为|应该是|算错|记错|写错|搞错|弄错|看错|重新说|不是")
# a row said again to replace it ("…是送审稿的数，后来又核了一遍：其实予以公开148件"), not to add to it
_RESAID = re.compile(_CORRECTS.pattern + r"|核了一遍|重新核|核实后|以[^，,。]{0,6}为准|送审稿|初稿的数")


def _span(message: str, s: Stated) -> tuple[int, int]:
    """Where the quote of ``s`` stands in the message (it holds the number at ``s.start``)."""
    at = message.rfind(s.quote, 0, s.start + len(s.quote))
    return (at, at + len(s.quote)) if at >= 0 else (s.start, s.end)


def _details_in_brackets(message: str, out: Reading) -> None:
    """"个人24件（其中有3件是同一个人问医院收费的）": a part of the count just said, told in brackets
    after it — a detail of that cell, not its value."""
    for x in list(out.stated):
        if not x.target.startswith("t3.") or x.end <= 0:
            continue
        m = re.match(r"\s*[件个]?\s*[（(]\s*其中", message[x.end:])
        if m is None:
            continue
        close = message.find("）", x.end)
        close = close if close >= 0 else message.find(")", x.end)
        inner = [y for y in out.stated if y is not x and y.target == x.target and x.end <= y.start < (close if close >= 0 else len(message))
                 and isinstance(y.value, int) and isinstance(x.value, int) and y.value < x.value]
        for y in inner:
            out.stated.remove(y)
            out.checked.append(y.quote)


def _add_up_repeats(message: str, out: Reading) -> None:
    """"告知不存在的6件（个人5，律所1），告知非本机关职责的4件都是个人": two answers that are the same
    table-三 row, said apart in one message, add up; so do applications told one at a time ("一件给他公开
    了……还有一件也公开了"). A row said again in the same words without 还有/也 is a restatement."""
    if _RESAID.search(message):
        return  # a correction says a row again to replace it, not to add to it
    by_row: dict[str, list[Stated]] = {}
    for x in out.stated:
        if x.target.startswith("t3.") and x.target.split(".")[1] not in _NOT_RESULTS and x.end > 0:
            by_row.setdefault(x.target.rsplit(".", 1)[0], []).append(x)
    for row, said in by_row.items():
        said.sort(key=lambda x: x.start)
        totals = [i for i, x in enumerate(said) if x.target.endswith(".total")]
        if len(totals) < 2 or totals[0] != 0:
            continue
        parts = [said[a:b] for a, b in zip(totals, [*totals[1:], len(said)])]
        words = [{p[0].quote[a.start:a.end] for a in vocabulary().anchors(p[0].quote)
                  if a.kind == "t3row" and f"t3.{a.key}" == row} for p in parts]
        later = [message[_span(message, parts[i - 1][-1])[1]:_span(message, p[0])[0] + len(p[0].quote)]
                 for i, p in enumerate(parts) if i]
        if not all(words[i] != words[i - 1] or _ADDS.search(later[i - 1]) for i in range(1, len(parts))):
            continue
        if any(p[0].value == parts[i - 1][0].value and re.match(r"\s*(?:件|个)?\s*(?:里|中|当中|之中|里面|里头)",
                                                                message[p[0].end:]) for i, p in enumerate(parts) if i):
            continue  # "本机关不掌握7件。不掌握的7件里自然人5…": the same count, pointed back at to say who asked
        sums: dict[str, int] = {}
        for p in parts:
            for x in p:
                sums[x.target] = sums.get(x.target, 0) + int(x.value)
        a, b = _span(message, said[0])[0], _span(message, said[-1])[1]
        quote = message[a:b].strip().rstrip(_END_PUNCT)
        out.stated = [x for x in out.stated if x not in said]
        out.stated += [Stated(t, v, quote, a, b) for t, v in sums.items()]


def _every_application(message: str, out: Reading) -> None:
    """"今年就1件，…，予以公开了。去年没结转。": one result row takes all the applications of the
    year, so nothing is carried forward and every other result is 0 (only where nothing is known)."""
    rows = set(out.all_of)
    new = [s for s in out.stated if s.target == "t3.new_received.total"]
    carried = [s for s in out.stated if s.target == "t3.carried_over.total"]
    carried_zero = any("t3.carried_over" in z.scope for z in out.zeros)
    if len(rows) != 1 or len(new) != 1 or not (carried or carried_zero):
        return
    named = {a.key for a in vocabulary().anchors(message) if a.kind == "t3row" and a.key not in _NOT_RESULTS}
    if named - rows - {"carried_forward"}:
        return  # "一件…给他公开了 另一件…属于不掌握": other results are named, if without a number
    if any(s.target.startswith("t3.") and s.target.split(".")[1] not in _NOT_RESULTS for s in out.stated) \
            or out.group_totals:
        return  # other results have their own numbers: the one said alone is not all of them
    total = int(new[0].value) + (int(carried[0].value) if carried else 0)
    row = next(iter(rows))
    if carried and int(carried[0].value) == 1 < int(new[0].value) and new[0].end <= carried[0].start and any(
            a.kind == "t3row" and a.key == row for a in vocabulary().anchors(message[carried[0].end:])):
        return  # "收到24件…，去年结转1件个人的，1月份答复了，公开了": the result of the one carried over
    if any(s.target.startswith(f"t3.{row}.") for s in out.stated):
        return  # the row has its own number
    quote = message.strip()
    out.stated.append(Stated(f"t3.{row}.total", total, quote, 0, 0))
    out.zeros.append(Zero(("t3.carried_forward",), quote))
    others = tuple(f"t3.{r.address.removeprefix('t3.')}" for r in T3_ROWS
                   if r.address.removeprefix("t3.") not in (*_NOT_RESULTS, row))
    out.zeros.append(Zero(others, quote, blanket=True))


def _as_int(value: object) -> int | None:
    return int(str(value)) if value is not None and str(value).isdigit() else None


def _applications(ctx: _Context, col: str) -> int | None:
    """新收 + 上年结转 of a column, both recorded before (or earlier in the message)."""
    try:
        return int(str(ctx.earlier[f"t3.new_received.{col}"])) + int(str(ctx.earlier[f"t3.carried_over.{col}"]))
    except (KeyError, ValueError):
        return None


def _after_a_named_fact(message: str, at: int) -> bool:
    """The last words of the report before ``at`` in its sentence name a fact, not an application
    ("省政协提案12件（主办9件协办3件）": the 3 is of the proposals)."""
    start = max((message.rfind(ch, 0, at) for ch in "。！!\n；;"), default=-1) + 1
    words = [a for a in vocabulary().anchors(message[start:at]) if a.kind != "t3col"]
    return bool(words) and words[-1].kind == "fact"


_LABELLED_LINE = re.compile(r"[ \t\u3000]*(?P<label>[^\s：:=＝0-9０-９，,]{1,16})[ \t\u3000]*[：:][ \t\u3000]*(?P<rest>[^\n]*)")
_COLUMN_PAIR = re.compile(r"[ \t\u3000]*(?P<col>[^\s=＝：:0-9０-９，,、；;]{1,8})[ \t\u3000]*[=＝][ \t\u3000]*[0-9０-９]+[ \t\u3000]*(?:件)?[ \t\u3000]*[，,、；;]?")


def _labelled_row_line(message: str, at: int) -> str | None:
    """The row of table 三 whose short label heads the line ``at`` is in, when the line is only its
    counts by applicant ("确认：个人=3，企业=1"); else None."""
    start = message.rfind("\n", 0, at) + 1
    end = message.find("\n", at)
    return _row_of_line(message[start:end if end >= 0 else len(message)])


@functools.lru_cache(maxsize=1024)
def _row_of_line(line: str) -> str | None:
    if ("=" not in line and "＝" not in line) or not (m := _LABELLED_LINE.fullmatch(line)):
        return None
    pairs = list(_COLUMN_PAIR.finditer(m.group("rest")))
    if not pairs or sum(len(p.group(0)) for p in pairs) != len(m.group("rest").rstrip()) or not all(
            _column_named(p.group("col")) for p in pairs):
        return None
    row = row_address(m.group("label"))
    return row.removeprefix("t3.") if row else None


def _after_column_item(before: str) -> bool:
    """"…法律服务机构５、" : the text before ends with an applicant and its count, then a comma."""
    # ("法律服务机构两件 就是律师事物所的 其他都是零": a word on who they are between)
    return any(re.fullmatch(r"\s*[0-9０-９一二两三四五六七八九十百]+\s*(?:件|个)?\s*(?:[、，,]\s*|\s+)"
                            r"(?:(?:就是|也就是|即|都是)[^，,。；;\s0-9０-９]{1,10}?的?\s*(?:[、，,]\s*|\s+))?", before[a.end:])
               for a in vocabulary().anchors(before) if a.kind == "t3col")


def _read_clause(message: str, clause: str, c0: int, sentence: str, ctx: _Context, out: Reading,
                 zero_words: tuple[str, ...], all_zero: tuple[str, ...]) -> None:
    """One clause; ``sentence`` is the verbatim sentence it is part of (the quote of values that
    come from two clauses, such as "部分公开5件，都是自然人")."""
    if re.fullmatch(r"\s*(?:也)?(?:都|全|均|全部)(?:是|为)\s*(?:零|0|〇)\s*(?:件|个|条|篇|场)?\s*[。！!]?\s*", clause) and (
            any(z.quote and z.quote in sentence for z in out.zeros) or any(
                x.value == 0 and x.start >= ctx.sentence_at for x in out.stated)):
        out.checked.append(clause.strip())  # "人大代表建议、政协提案都没有承办，都是零件": the none said again
        return
    clause_rows = any(a.kind in ("t3row", "t3group") for a in vocabulary().anchors(clause))
    if _STORY_OPENS.match(clause) and ctx.row_after_story and not clause_rows:
        # ("1件是个人要…讨论稿，属于过程性信息，1件是企业要…": that row was the story's before)
        ctx.t3row, ctx.waiting = None, [a for a in ctx.waiting if a.kind != "t3row"]
    ctx.row_after_story = clause_rows and not find_numbers(clause) and any(
        u[0] >= ctx.sentence_at and _STORY_OPENS.match(u[2]) for u in out.unexplained[-1:])
    if _DESCRIBES.match(clause) and not re.search(r"[0-9０-９]", clause) and not clause_rows:
        return  # "是关于学前教育收费管理的": what a document is about, not an item of the report
    if (among := _AMONG_APPLICANTS.match(clause)) and not ctx.t3row and not (
            among.group(0).lstrip().startswith("按") and re.match(r"\s*[：:]?\s*[0-9０-９]", message[c0 + among.end():])):
        # ("按申请人分：001到038是个人": case numbers follow, not counts)
        # "申请人中自然人5件，企业1件", "从申请人类型看，自然人提出438件；…": who made this year's applications
        ctx.t3row, ctx.among = "new_received", True
        clause = " " * among.end() + clause[among.end():]
    # "新收58 结转1；公开19 …": a 结转 right after what came in this year is last year's
    after_new = bool(out.stated) and out.stated[-1].target.startswith("t3.new_received.") and (
        out.stated[-1].start >= ctx.sentence_at)
    # "…不掌握22 逾期不补正1 结转3": after this line's results, what goes on next year
    line_at = message.rfind("\n", 0, c0) + 1
    after_results = bool(out.stated) and out.stated[-1].start >= line_at and out.stated[-1].target.startswith("t3.") and (
        not out.stated[-1].target.startswith(("t3.new_received.", "t3.carried_over.", "t3.total.")))
    anchors = [_which_carry(a, clause, (ctx.results or after_results) and not after_new) for a in vocabulary().anchors(clause)
               if not (a.kind == "t3col" and _SOMEONE_ELSE.search(clause[:a.start]))  # "要别家企业的投标材料"
               and not (a.kind in ("t2row", "fact") and (ctx.results or ctx.col_focus or _names_a_t3_row(sentence))
                        and _ASKED_FOR.search(clause[max(0, a.start - 12):a.start]))]  # "要我们的行政处罚案卷"
    if any(a.kind == "t3row" and a.key == "total" and clause[a.end:a.end + 1] == "的" for a in anchors):
        # "今年12月办结的：公开个人2件": when they were done, the results named after it
        here = message.find(clause, ctx.sentence_at) - ctx.sentence_at
        after = sentence[here + len(clause):] if here >= 0 else ""
        anchors = [a for a in anchors if not (
            a.kind == "t3row" and a.key == "total" and clause[a.start:a.end] in ("办结", "办完") and clause[a.end:a.end + 1] == "的"
            and _WHEN_IT_CAME.search(clause[:a.start])
            and (any(b.kind == "t3row" and b.key not in _NOT_RESULTS for b in vocabulary().anchors(clause[a.end:] + after))
                 or re.search(r"[0-9０-９一二两三四五六七八九十]+\s*件\s*公开的", after)))]
    if any(a.kind == "t3row" and a.key == "new_received" for a in anchors):
        # "12月30号收到的1件个人的还没答复，结转到明年": when it came, not a count of what came; the row
        # named after it takes the count
        here = message.find(clause, ctx.sentence_at) - ctx.sentence_at
        after = sentence[here + len(clause):] if here >= 0 else ""
        anchors = [a for a in anchors if not (
            a.kind == "t3row" and a.key == "new_received" and clause[a.start:a.end] in ("收到", "收", "接到", "收的")
            and re.match(r"的\s*[0-9０-９一二两三四五六七八九十]+\s*(?:件|份)", clause[a.end:]) and _WHEN_IT_CAME.search(clause[:a.start])
            and any(b.kind == "t3row" and b.key not in ("new_received", "carried_over", "total")
                    for b in vocabulary().anchors(clause[a.end:] + after)))]
    if not anchors and (amount := re.match(r"\s*(?:总)?金额", clause)) and any(
            a.kind == "t2row" and a.key == "fees" for a in vocabulary().anchors(sentence[:max(0, message.find(clause, ctx.sentence_at) - ctx.sentence_at)])):
        # "收费项目今年取消了，金额就是0": the amount of the fees the clause before named
        anchors = [Anchor("t2row", "fees", amount.start(), amount.end())]
    # "总的办结730件，办结率97.3%": the applications' rate, not the proposals' (no item of the report)
    if any(a.kind == "fact" and a.key == "proposals_completion_rate" for a in anchors) and not re.search(
            r"建议|提案|议案", sentence) and (re.search(r"申请|办结\s*[0-9０-９]|[0-9０-９]\s*件", sentence) or (
            re.search(r"申请", message) and not re.search(r"建议|提案|议案", message)) or (
            # "系统首页那个“办结率96.8%”年报里要用吗？": a figure asked about, of no proposals named
            is_question(sentence) and re.search(r"系统|首页|平台|台账", sentence) and not re.search(r"建议|提案|议案|人大|政协", message))):
        anchors = [a for a in anchors if not (a.kind == "fact" and a.key == "proposals_completion_rate")]
    # "规章不归我们管，是0": why table 二's item is none, not applications answered 不掌握
    if any(a.kind == "t2row" for a in vocabulary().anchors(sentence)) and not re.search(r"申请|依申请", sentence):
        anchors = [a for a in anchors if not (a.kind == "t3row" and a.key == "unable.not_held"
                                              and re.match(r"不(?:归|是|属于)", clause[a.start:a.end]))]
    # "两个人签名交了一份申请": two people, not the column 个人
    anchors = [a for a in anchors if not (a.kind == "t3col" and clause[a.start:a.end] == "个人"
                                          and re.search(r"(?:[两二三四五六七八九十2-9２-９]|几|多)$", clause[:a.start])
                                          and not re.match(r"(?:的|申请的|提的|交的)", clause[a.end:]))]
    # "没按申请办", "不作为申请处理": how a letter was handled, not applications received
    anchors = [a for a in anchors if not (a.kind == "t3row" and a.key == "new_received" and clause[a.start:a.end] == "申请"
                                          and re.search(r"(?:按|当作?|作为|算作?)(?:政府信息公开|信息公开|依)?$", clause[:a.start])
                                          and clause[a.end:a.end + 1] not in ("人", "表", "书"))]
    # "申请人逾期没交费", "申请表": the applicant or the form, not applications received
    anchors = [a for a in anchors if not (a.kind == "t3row" and a.key == "new_received" and clause[a.start:a.end] == "申请"
                                          and clause[a.end:a.end + 1] in ("人", "表", "书", "者")
                                          and not re.match(r"人(?:情况|类型|类别)?(?:这一?块|这方面|方面|这边)?\s*(?:[：:]|$)", clause[a.end:]))]  # ("申请人：企业7件…", "申请人这块，…")
    # "现行有效确认了 58件", "我再确认下": to check a figure, not the row of 要求确认
    anchors = [a for a in anchors if not (a.kind == "t3row" and a.key == "not_processed.confirmation" and clause[a.start:a.end] == "确认"
                                          and (clause[a.end:a.end + 1] in ("了", "下", "过", "好", "完")
                                               or clause[max(0, a.start - 1):a.start] in ("再", "已", "去", "核", "我", "要")))]
    # "其明确不同意公开": what the third party said, not a row of results
    anchors = [a for a in anchors if not (a.kind == "t3row" and a.key == "granted" and clause[max(0, a.start - 1):a.start] == "不")]
    if any((a.kind == "t3row" and a.key not in _NOT_RESULTS) or a.kind == "t3group" for a in anchors):
        # "不予公开2件都是企业申请的": who made them, not a count of new applications
        anchors = [a for a in anchors if not (a.kind == "t3row" and a.key == "new_received" and clause[a.start:a.end] in _GENERIC
                                              and clause[a.end:a.end + 1] == "的" and any(
                                                  b.kind == "t3col" and b.end == a.start for b in anchors))]
    if any(a.kind == "t3row" and a.key in ("carried_over", "carried_forward") for a in anchors):
        # "上年度结转至本年度办理的申请一件": the carry-over's applications, not new ones
        anchors = [a for a in anchors if not (a.kind == "t3row" and a.key == "new_received" and clause[a.start:a.end] in _GENERIC)]
    # "一家从事社区矫正帮扶的社会公益组织": the applicant is the word the clause's "的" leads to, not one inside what it does
    anchors = [a for a in anchors if not (a.kind == "t3col" and any(
        b.kind == "t3col" and b.start > a.end and "的" in clause[a.end:b.start]
        and not re.search(r"[，,、和及与跟或加0-9０-９]|还有|以及", clause[a.end:b.start]) for b in anchors))]  # ("个人的加基金会那件")
    for a in [a for a in anchors if a.kind == "t3col"]:
        # "个人的公开13改成12", "个人的部分3改成4": a bare 公开/部分 right after who applied is that result row
        if (result_word := _BARE_RESULT.match(clause, a.end)) and not any(
                b.kind == "t3row" and b.start <= result_word.start(1) < b.end for b in anchors):
            row = "granted" if result_word.group(1) == "公开" else "partial"
            anchors = sorted([*anchors, Anchor("t3row", row, result_word.start(1), result_word.end(1))], key=lambda x: x.start)
    if (ctx.results or re.search(r"(?:办结|办完|答复)的\s*[：:]\s*$", message[:c0])) and (bare_granted := re.match(r"\s*(公开)(?:的)?\s*(?=个人|自然人|企业|公司|律所|律师|科研|公益|协会|其他|$)",
                                                 clause)) and not any(a.kind == "t3row" for a in anchors):
        # "公开 个人97 企业12 律所5" in a list of results: the bare 公开 is 予以公开
        anchors = sorted([*anchors, Anchor("t3row", "granted", bare_granted.start(1), bare_granted.end(1))], key=lambda x: x.start)
    elif (bare_granted := re.match(r"\s*(?:[0-9０-９]+|[一两二三四五六七八九十])\s*件\s*(公开)(?:了)?\s*[，,；;。]?\s*$", clause)) and not any(
            a.kind == "t3row" for a in anchors) and re.search(
                r"都(?:已经?|已)?(?:答复|办结|办完)了?\s*[，,]\s*$", message[ctx.sentence_at:c0]) and any(
                a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total", "granted", "carried_forward")
                for a in vocabulary().anchors(sentence)):
        # "…都答复了，1件公开，1件信息不存在": a count, then the bare 公开, beside another result
        anchors = sorted([*anchors, Anchor("t3row", "granted", bare_granted.start(1), bare_granted.end(1))], key=lambda x: x.start)
    if not any(a.kind in ("t3row", "fact") for a in anchors):
        # "企业那7件是公开3、部分公开1" (all that applicant's, then theirs), "公开变57": a bare 公开 with its count
        # is 予以公开
        that_many = re.search(r"那([0-9０-９]{1,3})件是(公开)(?=\s*[0-9０-９]+\s*(?:件|个)?(?:[、，,；;。]|$))", clause)
        col_said = next((a for a in anchors if a.kind == "t3col" and that_many and a.end <= that_many.start()), None)
        bare_at = that_many.start(2) if that_many and col_said and int(to_halfwidth(that_many.group(1))) in (
            _as_int(ctx.earlier.get(f"t3.new_received.{col_said.key}")), _applications(ctx, col_said.key)) else None
        if (changed := re.match(r"\s*(公开)(?=(?:变成?|变为|改成|改为|应该是)\s*[0-9０-９]+\s*件?\s*$)", clause)):
            bare_at = changed.start(1)
        elif (ctx.results or re.search(r"结果\s*[：:]\s*$", message[:c0])) and (
                counted_first := re.match(r"\s*(公开)(?=\s*[0-9０-９]+\s*件)", clause)):
            bare_at = counted_first.start(1)  # ("结果：公开3件都是个人")
        if bare_at is not None:
            anchors = sorted([*anchors, Anchor("t3row", "granted", bare_at, bare_at + 2)], key=lambda x: x.start)
    if (counted_granted := re.search(r"[0-9０-９一二两三四五六七八九十]+\s*件\s*(公开)的", clause)) and not any(
            a.kind == "t3row" and a.start <= counted_granted.start(1) < a.end for a in anchors):
        # "那3件公开的，个人2企业1": the applications granted
        anchors = sorted([a for a in anchors if not (a.kind == "t3row" and a.key == "total")]
                         + [Anchor("t3row", "granted", counted_granted.start(1), counted_granted.end(1))], key=lambda x: x.start)
    at = message.find(clause, ctx.sentence_at) - ctx.sentence_at  # (where the clause is in the sentence)
    upto = len(sentence) if at < 0 else at + len(clause)
    if any(not re.search(r"(?:转到|转给|转交|转至|转入|移交|交给|推给|派给|转)\s*[\u4e00-\u9fff0-9]{0,8}$", sentence[:h.start()])
           # (voice input runs on: "12315今年接了2.3万件投诉举报 … 问题就写依申请量大": only what is said
           # from the hotline to this clause counts)
           and not _APPLICATIONS_NAMED.search(sentence[h.start():upto])
           for h in _HOTLINE.finditer(sentence[:upto])) and (
            at < 0 or not _APPLICATIONS_NAMED.search(sentence[:upto]) or re.search(r"\s", sentence)):
        # "12369热线全年受理1,873件", "12345转来的投诉办了300多件": calls and tickets, no applications
        anchors = [a for a in anchors if a.kind not in ("t3row", "t3group")]
    if (named_after := _ROW_NAMED_AFTER.match(message, c0 + len(clause))) and any(
            a.kind == "t3row" for a in vocabulary().anchors(named_after.group(1))) and re.search(r"[0-9０-９一两二三四五六七八九十]\s*(?:件|个)", clause):
        # "1件要他投诉那个商户的处理案卷，属于执法案卷 没给": what the case asked for names no row; the
        # row is the one said of it next
        asked = re.search(r"(?:要|问|查|索要|申请公开|申请)", clause)
        anchors = [a for a in anchors if not (a.kind in ("t3row", "t3group") and asked is not None and a.start > asked.start())]
    if (head_row := _labelled_row_line(message, c0)) is not None:
        # "信访：个人=58，企业=3", "确认：个人=3": a row's short label heading its counts by applicant
        anchors = [a for a in anchors if a.kind not in ("t3row", "t3group")]
        ctx.t3row, ctx.t3group = head_row, None
    if (line_no := _ROW_NUMBER.search(clause)) and (re.search(r"表[三3]", message) or ctx.t3row or any(
            a.kind == "t3col" for a in anchors)) and (
            1 <= (k := int(parse_number(line_no.group(1)) or 0)) <= len(T3_ROWS)):
        # "第13行（本机关不掌握那行）个人的…应该是21": table 三's rows by their place in the format, or in
        # the clerk's own sheet pasted before ("8	不掌握	3	1 …": its 8th row)
        row_key = ctx.row_numbers.get(k) or T3_ROWS[k - 1].address.removeprefix("t3.")
        anchors = sorted([a for a in anchors if not (a.kind == "t3row" or (a.kind == "t3col" and a.key == "total"
                                                                          and row_key == "total"))]
                         + [Anchor("t3row", row_key, line_no.start(), line_no.end())], key=lambda a: a.start)
    if ctx.t3row and ctx.t3row != "new_received":
        # "需另行制作那3个，有一个是律师事务所申请的": who applied, not this year's applications
        anchors = [a for a in anchors if not (a.kind == "t3row" and a.key == "new_received" and clause[a.start:a.end] == "申请"
                                              and any(b.kind == "t3col" and 0 <= a.start - b.end <= 1 for b in anchors))]
    if not ctx.t4block and (others := [m for m in _OTHER_IN_LIST.finditer(clause) if any(
            a.kind == "t3col" and a.end <= m.start() for a in anchors) or (m.start() == 0 and _after_column_item(
                message[max(0, c0 - 16):c0])) or re.match(r"其他\s*[=＝]", clause[m.start():]) or (
                m.start() == 0 and ctx.t3row and not ctx.t3group and c0 == ctx.sentence_at)]):
        # "自然人71、商业企业15、科研机构1、其他2": 其他 in a list of applicants is the column (and "逾期不补正：其他=1")
        anchors = sorted([a for a in anchors if not any(m.start() <= a.start < m.end() for m in others)]
                         + [Anchor("t3col", "other", m.start(), m.end()) for m in others], key=lambda a: a.start)
    heading, ctx.heading = ctx.heading, None
    cols_here = {a.key for a in anchors if a.kind == "t3col"} or ({"other"} if _OTHER_COLUMN.search(clause) else set())
    listed_cols, ctx.listed_cols = ctx.listed_cols, set()
    if (listed_cols or cols_here) and (re.search(r"(?:^|[、和及与])\s*其他(?!处理|结果|情形|类|那(?![两一]?[列栏]))", clause) or any(
            a.kind == "t3col" and re.match(r"其他(?!处理|结果|情形|类|那(?![两一]?[列栏]))", clause[a.end:]) for a in anchors)):
        cols_here = cols_here | {"other"}  # "科研机构、公益组织和其他都没有": 其他 in a list of applicants
    if (head := _BRACKET_HEAD.match(clause)) and (head_col := _column_named(head.group(1))):
        ctx.col_focus, ctx.col_whole = head_col, False  # "【自然人】予以公开30 部分公开6 …": that applicant's line
        anchors = [a for a in anchors if a.start >= head.end()]
    elif (head := _SPOKEN_HEAD.match(message, c0)) and head.end("col") <= c0 + len(clause) and (
            head_col := _column_named(head.group("col"))) and (spoken := _ROWS_SPOKEN_AFTER.match(message, head.end("col"))) and (
            not _COUNT_BEFORE.search(message[max(0, c0 - 12):c0])):
        # "商业企业 新收九件 予以公开四件…" (voice input, an applicant at a time): that applicant's rows
        ctx.col_focus, ctx.col_headed, ctx.col_whole, ctx.t3row = head_col, True, bool(spoken.group("whole")), None
        anchors = [a for a in anchors if a.start >= head.end("col") - c0]
    if (first := min(anchors, key=lambda a: a.start, default=None)) and first.kind == "t3col" and re.fullmatch(
            r"\s*(?:(?:办理)?结果\s*[：:]?)?\s*", clause[:first.start]) and clause[first.end:first.end + 1] == "的" and any(
            a.kind == "t3row" and a.start == first.end + 1 for a in anchors) and len(_applicant_heads(message)) >= 2:
        # "自然人的予以公开22件，部分公开4件，…。企业的予以公开3件 不掌握1件": each applicant's results in turn
        ctx.col_focus, ctx.col_whole = first.key, False
    if (counted := re.fullmatch(r"(?:.*?[\s，,：:])?([^\s，,：:0-9０-９]{1,8}?)(?:的)?\s*(?:[0-9０-９]+|[一两二三四五六七八九十]{1,2})\s*(?:件|个)?", clause.strip())) and (
            head_col := _column_named(counted.group(1))) and (re.match(r"\s*(?:[（(][^）)\n]{0,12}[）)])?\s*[：:]", message[c0 + len(clause):]) or (
                # "个人3件，2件给了，1件…不掌握": that applicant's count, then how its cases ended
                (nxt := re.match(r"[，,\s]+(?:[0-9０-９]+|[一两二三四五六七八九十])\s*(?:件|个)(?!人)([^，,。；;\n]*)", message[c0 + len(clause):]))
                and _column_named(counted.group(1)) != "total" and _results_of_one(nxt.group(1), _column_named(counted.group(1))))):
        # "企业29件：公开18 部分公开6 …  律所11件：公开5 …": that applicant's results follow its count,
        # which is named back (whether it is what came in, or that and last year's, the words don't say)
        ctx.col_focus, ctx.col_headed, ctx.col_whole, ctx.t3row = head_col, True, False, None
        if (count := re.search(r"(?:[0-9０-９]+|[一两二三四五六七八九十]{1,2})\s*(?:件|个)?$", clause.strip())):
            at = clause.find(count.group(0))
            head_count = parse_number(count.group(0).rstrip("件个 "))
            if head_count is not None and head_count in (ctx.earlier.get(f"t3.new_received.{head_col}"), _applications(ctx, head_col)):
                out.checked.append(message[c0:c0 + len(clause)].strip())  # ("自然人63件（含结转）：": 60 new and 3 carried over)
            else:
                out.unexplained.append((c0 + at, c0 + at + len(count.group(0)), message[c0:c0 + len(clause)].strip()))
        return
    if (all_of := re.fullmatch(r"\s*(?:所以|这样)?(?:一共|总共|共|合计|加起来)(?:是)?\s*([0-9０-９]+)\s*件", clause)) and re.match(
            r"\s*[：:]", message[c0 + len(clause):]) and len(said_cols := {a.key for a in vocabulary().anchors(message[ctx.sentence_at:c0])
                                                                  if a.kind == "t3col"}) == 1 and (
            lead := next((a for a in vocabulary().anchors(message[ctx.sentence_at:c0]) if a.kind == "t3col"), None)) and (
            lead.start <= 2):
        # "自然人今年新收15件，加上去年结转过来的2件也是自然人的，一共17件：公开8件…": that applicant's results follow
        all_col = next(iter(said_cols))
        ctx.col_focus, ctx.col_headed, ctx.col_whole, ctx.t3row = all_col, True, False, None
        n_all = parse_number(all_of.group(1))
        if n_all is not None and n_all == sum(int(x.value) for x in out.stated if x.start >= ctx.sentence_at and isinstance(
                x.value, int) and x.target in (f"t3.new_received.{all_col}", f"t3.carried_over.{all_col}", "t3.carried_over.total")):
            out.checked.append(message[c0:c0 + len(clause)].strip())
        else:
            out.unexplained.append((c0 + all_of.start(1), c0 + all_of.end(1), message[c0:c0 + len(clause)].strip()))
        return
    if (named_col := _column_named(re.sub(r"的\s*$", "", clause.strip()))) and (
            after_head := re.match(r"\s*(?:[（(][^）)]*[）)])?\s*(?:[：:]|[—－]{1,2}(?=[\u4e00-\u9fa5]))", message[c0 + len(clause):])):
        # "其他组织（村集体经济组织那种）：新收6 公开3": a column's own line, after its name ("自然人—予以公开41
        # …；企业—…": a dash heads its part up to the full stop, not the line)
        ctx.col_focus, ctx.col_headed = named_col, bool(re.search(r"[：:]", after_head.group(0)))
        ctx.col_whole = bool(re.match(r"\s*(?:本年|今年|全年)?(?:新收|收到|上年结转|去年结转|收了?\s*[0-9０-９])", message[c0 + len(clause) + after_head.end():]))
    elif len(cols_here) == 1 and len(anchors) == len([a for a in anchors if a.kind == "t3col"]) and (
            leftover := "".join(ch for i, ch in enumerate(clause) if not any(a.start <= i < a.end for a in anchors))) and (
            not _HEADING_FILLER.sub("", _THOSE_COUNTED.sub("", leftover))) and (clause.rstrip().endswith(("：", ":"))
                                                    or re.match(r"\s*[（(：:]", message[c0 + len(clause):])
                                                    or (_ROWS_SPOKEN_AFTER.match(message, c0 + len(clause)) and not re.search(r"都|全|均|是", leftover)
                                                        and not _COUNT_BEFORE.search(message[max(0, c0 - 12):c0]))
                                                    or (re.fullmatch(r"\s*的(?:那些|那几件|这些)?\s*", leftover)
                                                        # (not "不予公开1件，个人的，要的是…": who asked that one)
                                                        and not re.search(r"[0-9０-９]\s*[件个]\s*[，,]\s*$", message[ctx.sentence_at:c0]))):
        # "个人的（连去年转过来那3件一起算）：公开18 部分公开6…": what follows is that applicant's results;
        # "个人的：新收1,652 上年结转37；…": its whole line, what came in too
        whole = bool(re.match(r"\s*(?:[（(][^）)]*[）)])?\s*[：:]\s*(?:本年|今年|全年)?(?:新收|收到|上年结转|去年结转)",
                              message[c0 + len(clause):])) or bool(
            (spoken := _ROWS_SPOKEN_AFTER.match(message, c0 + len(clause))) and spoken.group("whole"))
        ctx.col_focus, ctx.col_whole = next(iter(cols_here)), whole
        ctx.col_headed = bool(re.match(r"\s*(?:[（(][^）)]*[）)])?\s*[：:]", message[c0 + len(clause):])) or clause.rstrip().endswith(("：", ":"))
    if len(cols_here) == 1 and not re.search(r"[0-9０-９]", clause) and any(
            a.kind == "t3col" and _THAT_APPLICANT.match(clause, a.end) for a in anchors) and any(
            a.kind == "t3row" for a in anchors):
        # "个人那个重复申请和大量反复搞反了 重复申请是２…": the rows named next are that applicant's
        ctx.col_focus, ctx.col_whole = next(iter(cols_here)), False
    if len(cols_here) == 1 and not re.search(r"[0-9０-９]", clause) and len(anchors) == 1 and re.search(
            r"(?:的|那里|那块|那边|那列|那一列|那栏)(?:的)?(?:数)?(?:我)?(?:说错了|错了|搞错了|弄错了|写错了|填错了|要改一下|改一下|不对)",
            clause[anchors[0].end:]):
        # "自然人那里说错了，不予公开是2件，…，本机关不掌握的是2件不是3件": the rows corrected next are its
        ctx.col_focus, ctx.col_whole, ctx.col_headed = next(iter(cols_here)), False, True
    if len(cols_here) == 1 and not re.search(r"[0-9０-９]", clause) and (col_a := next((a for a in anchors if a.kind == "t3col"), None)) is not None and re.match(
            r"(?:的)?(?:数)?(?:我)?(?:填|搞|弄|写|抄|贴|记)?(?:反了|颠倒了|串了)\s*$", clause[col_a.end:]) and re.match(r"\s*[：:]", message[c0 + len(clause):]):
        # "“不掌握”跟“另行制作”两行的自然人填反了：不掌握应该是46，另行制作是12": that applicant's cells follow
        ctx.col_focus, ctx.col_whole, ctx.col_headed = col_a.key, False, True
    if len(cols_here) == 1 and not re.search(r"[0-9０-９]", clause) and len(anchors) == 1 and re.match(
            r"(?:的)?(?:那行|那一行|这行|这一行)(?:数)?(?:我)?(?:贴错了|粘错了|复制错了|抄错了|错了|不对)", clause[anchors[0].end:]):
        # "科研机构那行贴错了 应该是新收4件 公开3件…": a table with a line per applicant, that line said again
        ctx.col_focus, ctx.col_whole, ctx.col_headed = next(iter(cols_here)), True, True
    if len(cols_here) == 1 and _COLUMN_TOLD.search(clause) and not any(
            a.kind == "t3row" and clause[a.start:a.end] not in _GENERIC for a in anchors):
        # "科研机构就一件 新收1 予以公开1", "其他那列 新收2件": what follows is that applicant's
        ctx.col_focus, ctx.col_whole = next(iter(cols_here)), True
        if re.match(r"\s*(?:然后|还有|再说|接着)?\s*$", clause[:min((a.start for a in anchors if a.kind == "t3col"), default=0)]):
            ctx.t3row = None  # ("…还有一件结转到明年 科研机构就一件": an applicant of its own, not that row's)
        if ctx.t3row is None and (one := re.search(r"(?:就|只有|只)\s*(?:一|1|１)\s*(?:件|个)\s*$", clause)) and re.match(
                r"[ \u3000，,]+(?:予以公开|公开|部分公开|不予公开|不掌握|本机关不掌握|无法提供|不予处理|结转)", message[c0 + len(clause):]) and not any(
                x.target == f"t3.new_received.{ctx.col_focus}" for x in out.stated):
            # "科研机构就一件 予以公开": that applicant's one application, and what became of it next
            out.stated.append(Stated(f"t3.new_received.{ctx.col_focus}", 1, clause.strip(), c0 + one.start(), c0 + one.end()))
            ctx.one_of = (ctx.col_focus, c0)
            return
    if any(a.kind == "t3group" for a in anchors) and not any(a.kind == "t3row" for a in anchors):
        ctx.t3row = None  # "无法提供3件都是个人": a new group, not the row said before it
    if ctx.t4block or any(a.kind == "t4block" for a in anchors):
        # "复议2件，1件还没办完": a review or lawsuit not finished is 尚未审结, not table 三's carry-forward
        anchors = [Anchor("t4col", "pending", a.start, a.end) if a.kind == "t3row" and a.key == "carried_forward"
                   else a for a in anchors]
    if any(a.kind == "t3row" and a.key == "new_received" for a in anchors) and re.search(
            r"^(?:剩下|剩余|最后)" + (r"|^(?:还有|另外|另有)" if message[:c0].strip() else ""), clause.strip()) and re.search(
            r"才收到|刚收到|底收到|月底才|才来", clause):  # ("…不掌握1件 还有个人的一件12月29号才收到 还在办": after others told)
        # "剩下1件12月29号才收到 还在办": one that came in at the year's end and goes on next year
        after_it = message[c0 + len(clause):]
        after_it = after_it[:min((k for k in (after_it.find(ch) for ch in "。！？!?\n；;") if k >= 0), default=len(after_it))]
        if any(a.kind == "t3row" and a.key == "carried_forward" for a in vocabulary().anchors(after_it)) and not find_numbers(after_it):
            anchors = [Anchor("t3row", "carried_forward", a.start, a.end) if a.kind == "t3row" and a.key == "new_received"
                       else a for a in anchors]
    if ctx.t3row and not ctx.t4block and re.fullmatch(r"其他(?:那|这)?(?:一)?(?:列|栏)?(?:的)?", clause.strip()):
        # "不掌握那行 其他 应该是1": in a row of table 三, 其他 is its applicant column (listed once, in 表四)
        anchors = [Anchor("t3col", "other", a.start, a.end) if a.kind == "t4col" and a.key == "other" else a for a in anchors]
    if any(a.kind == "t3row" and a.key == "not_processed.petition" and clause[a.start:a.end] in _BARE_PETITION
           and not re.search(r"[0-9０-９一二两三四五六七八九十]", clause[:a.start])  # ("有1件信访的": one application of that kind)
           for a in anchors) and not ctx.results and not ctx.col_focus and not re.search(r"申请|不予处理", clause) and not any(
            a.kind == "t3col" for a in anchors) and not any(
            b.kind in ("t3row", "t3group") and b.key not in ("not_processed.petition", "new_received", "total")
            for b in vocabulary().anchors(sentence)):
        # "信访27件", "信访件今年有十七件" alone: letters and visits, which are no applications; only among
        # the results told, or said as applications, are they the row 信访举报投诉类申请 (named back)
        for n in find_numbers(clause):
            out.unexplained.append((c0 + n.start, c0 + n.end, message[c0:c0 + len(clause)].strip()))
        return
    if any(a.kind == "t3row" and a.key == "carried_forward" and (
            _LAST_YEARS_REPORT.search(message[ctx.sentence_at:c0 + a.start])
            or re.search(r"(?:去年|上年|上一年)(?:的)?\s*$", message[ctx.sentence_at:c0 + a.start])) for a in anchors):
        # ("去年结转下年度那1件是环保组织的")
        # "我翻了去年的年报，结转下年度继续办理那一行是0", "去年年报里结转下年度是7件": last year's
        # carry-forward is this year's carry-over
        anchors = [Anchor("t3row", "carried_over", a.start, a.end) if a.kind == "t3row" and a.key == "carried_forward"
                   else a for a in anchors]
    if any(a.kind == "t2row" and a.key in ("licensing", "penalty", "enforcement") for a in anchors):
        # "许可全年办结8,764件": the decisions of table 二, not applications finished or received
        anchors = [a for a in anchors if not (a.kind == "t3row" and a.key in ("total", "new_received", "carried_forward"))]
    if any(a.kind == "t4block" for a in anchors):
        # "行政复议收到136件": the reviews received, not applications
        anchors = [a for a in anchors if not (a.kind == "t3row" and a.key in ("total", "new_received")
                                              and clause[a.start:a.end] in ("收到", "收了", "接到", "来了", "受理", "办结", "办完", "办完了", "办结了"))]
    if ctx.proposals_sentence:
        # "人大建议5件，办结4件，还有1件没办结": the proposals' completion, not table 三's rows
        anchors = [a for a in anchors if not (a.kind == "t3row" and a.key in ("total", "carried_forward"))]
    if ctx.fee_sentence and c0 + len(clause) > ctx.fee_from:
        # "信息处理费今年收了，2件，一共1,260元": 收了 is the fee's, not table 二's nor new applications
        # (not before the fee is named: "依申请公开今年一件都没收到 … 信息处理费肯定没收")
        anchors = [a for a in anchors if not (a.kind in ("t2row", "t3row")
                                              and clause[a.start:a.end] in (*_FEE_VERBS, *_GENERIC))]
    written = find_numbers(clause)  # read once: the rules below all look at the same numbers
    years_said = [n for n in written if n.unit == "" and 2008 <= n.value <= 2100
                  and (re.search(_YEAR_WORD + r"[是为:：]?\s*$", clause[:n.start])
                       or (re.search(r"(?:报|写|做|弄|交)\s*$", clause[:n.start])  # "今年报2024的"
                           and re.match(r"\s*(?:的|年度)", clause[n.end:])))]
    # a numeral inside a word of the vocabulary (四类过程性信息, 三安全一稳定) is part of the name, the
    # 0 of "都是0" is the zero statement, and "一件都没收到" says none
    said_zero = [(m.start(), m.end()) for w in (*all_zero, *vocabulary().words["zero_again"])
                 for m in re.finditer(re.escape(w), clause)]
    said_zero += [(m.start(), m.end()) for m in _NONE_AT_ALL.finditer(clause)]
    for m in _BLANKS_ARE_ZERO.finditer(clause):  # "空着的格子就是0": how to read the table, not a value
        said_zero.append((m.start(), m.end()))
        out.noted.append(message[c0 + m.start():c0 + m.end()])
    found = written
    if not found and ctx.t4block and (digits := [m for m in _DIGIT_BEFORE.finditer(clause) if any(
            a.kind == "t4col" and a.start == m.end() for a in anchors)]):
        # "二维持一未结": a single Chinese digit right before the result it counts
        found = [NumberMention(Decimal(_CN_DIGIT[m.group(1)]), m.start(), m.end(), "", m.end(), False, True, 0)
                 for m in digits]
    if not found and (one := _WORD_DIGIT.search(clause)) and any(a.end == one.start() for a in anchors):
        # "维持九 纠正二 其他一": a single Chinese digit right after the word it counts
        found = [NumberMention(Decimal(_CN_DIGIT[one.group(1)]), one.start(), one.end(), "", one.end(), False, True, 0)]
    numbers = [n for n in found if n.unit not in vocabulary().words["not_counts"]
               and (not _not_a_count(n, clause, sentence) or _the_carried_one(n, clause, anchors, ctx.earlier))
               and not any(y.start == n.start for y in years_said)
               and not any(a.start <= n.start < a.end for a in anchors)
               and not any(a <= n.start < b for a, b in said_zero)]
    if relative := [n for n in numbers if _RELATIVE_BEFORE.search(clause[:n.start]) or _TIMES_AFTER.match(clause, n.end)]:
        # "处罚比强制多20件", "企业是公益组织的两倍": a difference or a ratio, no value of either (said back)
        said_whole = message[c0:c0 + len(clause)].strip().rstrip(_END_PUNCT)
        out.unexplained += [(c0 + n.start, c0 + n.end, said_whole) for n in relative]
        numbers = [n for n in numbers if n not in relative]
        if not numbers:
            return
    if all(n.unit == "年" for n in numbers) and (years_word := _THAT_WAS_ANOTHER_YEARS.fullmatch(clause)) and (
            not (yr := re.search(r"[0-9]{2,4}", years_word.group(0))) or (int(yr.group(0)) % 100) != (ctx.report_year or 0) % 100) and (
            just_said := [x for x in out.stated if ctx.sentence_at <= x.start < c0]) and len(
            {x.target for x in just_said if x.start >= just_said[-1].start - 12}) == 1:
        # "便利贴上写着“现行有效7件”，孙姐说那是24年底的数": the figure just said is another year's
        last = just_said[-1]
        out.stated.remove(last)
        out.excluded.append(last.quote)
        ctx.last_years_of = last.target
        return
    # negations inside a word (无法提供, 尚未审结) do not negate the clause
    masked = list(clause)
    for a in anchors:
        masked[a.start:a.end] = "＃" * (a.end - a.start)
    plain = "".join(masked)
    # "空的格子都是0": how to read a pasted table, never a zero said of anything
    plain = _BLANKS_ARE_ZERO.sub(lambda m: " " * len(m.group(0)), plain)
    quote = message[c0:c0 + len(clause)].strip().rstrip(_END_PUNCT)
    following = message[c0 + len(clause):]  # what the message says after this clause
    if any(_SLIP.search(clause[:n.start]) for n in found if n not in numbers) and _THEN_NEW.match(
            following.lstrip(" ，,\u3000")):
        out.checked.append(quote)  # "自然人那里多写了一个 应该是98": the slip, and the right value after it
    years = [n for n in written if n.unit == "年" or any(y.start == n.start for y in years_said)]
    # ("是去年2023年报上网的那个", "上年2023年度的": last year's report, not this one's year)
    years = [y for y in years if not re.search(r"去年|上年|上一年|前年", clause[:y.start])
             and not re.search(r"(?:上一份|上一期|上一版|上次|去年|上年)(?:的|那份)?(?:年报|报告)?\s*[（(]\s*$",
                               message[ctx.sentence_at:c0 + y.start])]  # ("上一份（2023年度的）")
    # ("底稿是用2024年的报告改的", "拿2024年的年报当模板": the report written over, not this one's year)
    years = [y for y in years if not (re.search(r"(?:用|拿|照着?|参照|按照?|套用?|底稿是|模板是|底子是)\s*$", clause[:y.start])
                                      and re.search(r"改|底稿|模板|底子|基础|参照|照着|套", clause[y.end:y.end + 16]))]
    # ("系一名自然人于2024年12月下旬提出": a date, never the report's year)
    years = [y for y in years if not re.match(r"\s*年?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月", clause[y.end:])]
    # ("第六部分那个“2024年”是年份漏改了": a year quoted from the text, the words about it)
    years = [y for y in years if not (re.search(r"[“\"‘'「]\s*$", clause[:y.start]) and re.match(r"\s*年?度?\s*[”\"’'」]", clause[y.end:]))]
    for y in years:
        if 2008 <= y.value <= 2100 and y.value == y.value.to_integral_value() and (
                _REPORT_YEAR.search(clause[y.end:y.end + 24]) or re.search(r"年报|报告", clause[y.end:y.end + 16])
                or re.search(_YEAR_WORD, sentence)
                or re.search(r"年报|年度报告", message[max(0, c0 + y.start - 16):c0 + y.start])  # ("…公开年报 二零二五年的")
                or (re.search(r"(?:报|写|做|弄|交|整|搞|填|出|赶)\s*$", clause[:y.start]) and re.match(r"年?(?:的|度)", clause[y.end:]))
                or (re.fullmatch(r"[^0-9０-９]*\s*20\d\d\s*年度?的?\s*|\s*20\d\d\s*年度?的?\s*", clause)
                    and _INTRODUCED.search(sentence))):
            # ("青禾县交通运输局 县级 2025年": a year alone, said with who reports)
            out.stated.append(Stated("report_year", int(y.value), quote, c0 + y.start, c0 + y.end))
        elif 8 <= y.value <= 99 and y.unit == "年" and y.value == y.value.to_integral_value() and (
                re.match(r"年(?:度)?(?:的)?(?:政府信息公开|政务公开|信息公开|[\u4e00-\u9fa5]{2,6}?)?(?:工作)?(?:年度)?(?:年报|报告)|年度",
                         clause[y.end:])):  # ("25年信息公卡年报": a typo between)
            # "23年的年度报告", "24年度": a year said with two digits
            out.stated.append(Stated("report_year", 2000 + int(y.value), quote, c0 + y.start, c0 + y.end))
    # a level said in words: "市级单位", "，县级，"
    # (not "包括各乡镇", "所属县级单位": the bodies under the agency)
    if (lv := _LEVEL_WORD.search(clause)) and not re.search(r"(?:各|所属|下属|直属|包括|含|和|及)\s*$", clause[:lv.start()]) and (
            lv.group(0) != lv.group("w")
                                               or len(clause.strip()) <= max(6, len(lv.group(0)) + 2)
                                               or (re.search(r"(?:是|属于|算)\s*$", clause[:lv.start()])
                                                   and re.fullmatch(r"(?:的)?(?:局|单位|部门|机关|政府|机构)?(?:来的|来着)?[的吧啊。]*\s*",
                                                                    clause[lv.end():]))
                                                  # "东岭市生态环境局 市级 2023年": between the name and the year
                                                  or ((not clause[:lv.start()].strip() or re.search(r"\s$", clause[:lv.start()]))
                                                      and re.fullmatch(r"\s+20\d\d\s*年度?的?\s*", clause[lv.end():]))):
        out.stated.append(Stated("agency_level", lv.group("w"), quote, c0 + lv.start(), c0 + lv.end()))
    if (sent := _DISPATCHED.search(clause)) and not any(x.target == "agency_level" for x in out.stated) and (
            not sent.group("name") or sent.group("name").endswith(("我们", "是"))):
        # "我们是…管理委员会，市里的派出机构": the level of the government that sent it out (a city named,
        # "宁乡市的派出机构", may be a 县级市's: left to the name)
        out.stated.append(Stated("agency_level", {"省": "省级", "市": "市级"}.get(sent.group("place"), "县级"), quote,
                                 c0 + sent.start("place"), c0 + sent.end()))
    if (pref := _PREFECTURE.search(clause)) and not any(x.target == "agency_level" for x in out.stated):
        out.stated.append(Stated("agency_level", "市级", quote, c0 + pref.start(), c0 + pref.end()))
    if (dept := _GOVT_DEPARTMENT.search(clause)) and not any(x.target == "agency_level" for x in out.stated):
        # "本局为市政府工作部门": the level of the government it is a department of
        out.stated.append(Stated("agency_level", {"省": "省级", "自治区": "省级", "市": "市级", "州": "市级", "盟": "市级"}.get(
            dept.group("place"), "县级"), quote, c0 + dept.start(), c0 + dept.end()))
    # "都办完了": nothing carried forward to next year (not about 建议提案)
    if (done := _ALL_DONE.search(clause)) and not re.search("建议|提案|人大|政协", sentence) and not re.search(
            r"其中[^，,。；;]*?[0-9０-９一二两三四五六七八九十]+\s*(?:份|件|个)", clause[:done.start()]):
        # (not "其中3份补正后都答复了": some of them, not all)
        if re.match(r"\s*(?:去年|上年|上一年|前年)(?:的|那些|那几件|收的|收到的|的申请)", clause):
            # "去年的都办完了没剩下的": none came over from last year
            out.zeros.append(Zero(("t3.carried_over",), quote))
            return
        seg = message[ctx.sentence_at:c0 + done.start()]
        before_done = {a.key for a in vocabulary().anchors(seg) if a.kind == "t3row" and seg[a.start:a.end] != "申请"}
        if "carried_over" in before_done and "new_received" not in before_done and re.search(
                r"[0-9０-９一二两三四五六七八九十]+\s*件", seg) and not re.search(
                    r"(?:没有|没|无)\s*(?:上年|去年|上一年)?(?:的)?(?:结转|转过来|转来)|今年的|今年收|本年|新收", seg):
            # ("去年结转的2件这个页面里没有（…），那2件…今年一月都答复了": not on the page, done all the same)
            return  # "去年转过来的那2件…今年都答复了": last year's were done, not every one
        # ("律所的（41件加结转2件）：…，年底都办完了": that applicant's, not every applicant's)
        if not ctx.col_focus and len(done_cols := {a.key for a in vocabulary().anchors(clause[:done.start()]) if a.kind == "t3col" and a.key != "total"}) == 1:
            ctx.col_focus, ctx.col_whole, ctx.col_headed = next(iter(done_cols)), False, True  # ("那律所3件就全部办完了，没有转明年的")
        out.zeros.append(Zero((f"t3.carried_forward.{ctx.col_focus}" if ctx.col_focus else "t3.carried_forward",), quote))
    # "都办结了", "全部按期办结", "办结公开了" about proposals: every one was completed
    if _PROPOSALS_DONE.search(clause) and re.search("建议|提案", sentence) and not re.search(r"办结率|办复率|答复率", sentence):
        out.stated.append(Stated("proposals_completion_rate", Decimal(100), quote, c0, c0 + len(clause)))
    # "结果都公开了" about proposals
    if _PUBLISHED.search(clause) and re.search("建议|提案", sentence):
        out.stated.append(Stated("proposals_published", True, quote, c0, c0 + len(clause)))
    blanket = any(w in plain for w in all_zero)
    rows_here = [a for a in anchors if a.kind == "t3row" and a.key not in _NOT_RESULTS
                 and clause[a.start:a.end] not in _GENERIC]
    if not numbers and out.group_totals and len({a.key for a in rows_here}) == 1 and (
            rows_here[0].key.startswith(out.group_totals[-1][0] + ".")) and not any(
            s.target.startswith(f"t3.{rows_here[0].key}.") for s in out.stated) and len({
            a.key for a in vocabulary().anchors(_to_sentence_end(message, out.group_totals[-1][2][1])) if a.kind == "t3row"
            and a.key.startswith(out.group_totals[-1][0] + ".")}) == 1:
        # (not when the sentence names other rows of the group: "不予公开4件：…商业秘密，2件；…过程性信息，1件")
        # "无法提供2件，都是个人，本机关不掌握": the group's count is all of the one row named after it
        _, g_value, (g_at, g_end, g_said) = out.group_totals[-1]
        g_cols = sorted({a.key for a in anchors if a.kind == "t3col"}) or (
            [ctx.col_focus] if ctx.col_focus and ctx.col_headed else [])  # ("自然人那里说错了，不予公开是2件，都是第三方的")
        out.stated.append(Stated(f"t3.{rows_here[0].key}.total", g_value, g_said, g_at, g_end))
        if len(g_cols) == 1:
            out.stated.append(Stated(f"t3.{rows_here[0].key}.{g_cols[0]}", g_value, g_said, g_at, g_end))
        else:
            ctx.t3rows_said.append((rows_here[0].key, g_value, 0))
    cols_named = {a.key for a in anchors if a.kind == "t3col"}
    if (that := re.match(r"\s*(?:(?:好的?|行|嗯|OK|ok)[，,\s]*)?(?:那这|那|这)(?:一|1)?(?:件|个)(?:就)?(?:按|算|填|放|归)", clause)) and all(
            x.end <= that.end() for x in numbers) and not cols_named and len({a.key for a in rows_here}) == 1 and re.fullmatch(
            r"\s*(?:(?:好的?|行|嗯|OK|ok|明白了?|知道了)[，,。\s]*)?", message[ctx.sentence_at:c0]) and re.search(
            r"(?:填|算|处理|吧)(?:吧|哈|啊|呀|了)?\s*[。.！!]?\s*$", clause) and (row := rows_here[0].key) and f"t3.{row}.total" not in ctx.earlier:
        # "好的，那一件就按本机关不掌握相关政府信息填": the one asked about in the message before, now placed
        out.stated.append(Stated(f"t3.{row}.total", 1, quote, c0, c0 + len(clause)))
        came = [c for c in L.T3_APPLICANT_COLUMNS if str(ctx.earlier.get(f"t3.new_received.{c}", "0")) not in ("0", "None")
                or str(ctx.earlier.get(f"t3.carried_over.{c}", "0")) not in ("0", "None")]
        if len(came) == 1:
            out.stated.append(Stated(f"t3.{row}.{came[0]}", 1, quote, c0, c0 + len(clause)))
        return
    if not numbers and len(cols_named) == 1 and not rows_here and ctx.t3row and ctx.t3row not in _NOT_RESULTS and _THAT_ONE.search(
            clause) and re.search(r"(?:也|都)?(?:在|算在|算进|包括在|含在)(?:这|那)?(?:里面|里头|里边|其中|当中)", clause) and not any(
            x.target == f"t3.{ctx.t3row}.{next(iter(cols_named))}" for x in out.stated):
        # "不掌握的8件里企业1件、村委会那件也在里面": that applicant's one is in the row said
        out.stated.append(Stated(f"t3.{ctx.t3row}.{next(iter(cols_named))}", 1, quote, c0, c0 + len(clause)))
        return
    if not numbers and len(cols_named) == 1 and len({a.key for a in rows_here}) == 1 and (_THAT_ONE.search(clause) or (
            # "律所那个公开了" (not "个人那个重复申请说错了": 那个 as a filler before what is corrected)
            re.match(r"(?:的)?那个", clause[next(a for a in anchors if a.kind == "t3col").end:])
            and not re.search(r"错|反|改|不对|不是", clause))) and not NO_APPLICATION.search(sentence):
        # "村民那件是予以公开": the one application of that applicant, and its result
        # (not "系统里多出来那件是企业…撤回的，没进入办理程序": why one is not counted)
        out.stated.append(Stated(f"t3.{rows_here[0].key}.{next(iter(cols_named))}", 1, quote, c0, c0 + len(clause)))
        return
    waits_for = rows_here or [a for a in anchors if a.kind == "t3row" and a.key == "carried_forward"]
    if not numbers and ctx.pending and len({a.key for a in waits_for}) == 1 and not any(
            _REFERENCE.search(clause[:x.start]) for x in written) and not re.search(
            r"(?:没有|没|不|无|未)\s*$", clause[:waits_for[0].start]):  # ("三件都…答复完了，没有结转到明年的")
        # (not "刚才是把部分公开那1件也算进去了": that clause points at a count of its own)
        # "还有２件是年底收的 没到期 结转到明年": what is carried forward waits too
        n, at, _ = ctx.pending
        ctx.pending = None
        row = waits_for[0].key
        # (who applied, said with the count, over the applicant whose line this is)
        waited = f"t3.{row}.{ctx.pending_col or ctx.col_focus}" if ctx.col_focus else f"t3.{row}.total"
        if waited == f"t3.{row}.total" and ctx.pending_col and any(x.target.startswith(f"t3.{row}.") for x in out.stated):
            waited = f"t3.{row}.{ctx.pending_col}"  # ("个人2件 一个给了；还有一个大学的课题组…给了": not the row's whole count)
        # the verbatim span from the count to the row's words (voice input joins them with a space)
        span = message[at:c0 + len(clause)].strip().rstrip(_END_PUNCT)
        out.stated.append(Stated(waited, int(n.value), span,
                                 at + n.start, at + n.end))
        if ctx.pending_col and not ctx.col_focus:
            out.stated.append(Stated(f"t3.{row}.{ctx.pending_col}", int(n.value), span, at + n.start, at + n.end))
        ctx.pending_col, ctx.pending_quiet = None, False
        if not re.sub(_FILLER, "", "".join(ch for i, ch in enumerate(clause) if not any(
                a.start <= i < a.end for a in anchors))).strip("，,。；; ）)（(算是属于为按"):
            # "还有1件是内部讨论稿 算过程性信息）": the row took the count told before it, and waits for
            # no other ("，无法提供4件" after it is the group's sum, not one more of this row)
            _update_context(ctx, anchors)
            return
    if not numbers and not ctx.one_of and len(one_cols := {a.key: a for a in anchors if a.kind == "t3col"}) == 1 and not any(
            a.kind in ("t3row", "t3group") for a in anchors) and re.match(
            r"(?:的)?(?:那|这)(?:一)?(?:件|个)(?![人月])", clause[next(iter(one_cols.values())).end:]) and not ctx.t4block:
        # "广告公司那件要的是处罚决定书，…遮了给他的，算部分公开": that applicant's one, its result said further on
        ctx.one_of = (next(iter(one_cols)), c0)
        _update_context(ctx, anchors)
        return
    if not numbers and ctx.one_of and (one_row := [a.key for a in anchors if a.kind == "t3row" and a.key not in _NOT_RESULTS] or (
            ["granted"] if re.fullmatch(r"\s*(?:也|都)?(?:公开了|给了|给他了|予以公开了?)\s*[。.]?", clause) else [])) and len(one_row) == 1:
        # "科研那1件 公开了": what became of that applicant's one application
        one_col, one_at = ctx.one_of
        ctx.one_of = None
        out.stated.append(Stated(f"t3.{one_row[0]}.{one_col}", 1, message[one_at:c0 + len(clause)].strip(), one_at, c0 + len(clause)))
        return
    ctx.one_of = None if numbers else ctx.one_of
    if not numbers and ctx.col_focus and _REST_GOES_ON.match(clause) and (
            apps := _applications(ctx, ctx.col_focus)) is not None:
        # "个人的44件… 予以公开19件 … 其余的还没办完结转到明年": what is left of that applicant's goes on
        told = [x for x in out.stated if x.target.startswith("t3.") and x.target.endswith(f".{ctx.col_focus}")
                and x.target.split(".")[1] not in ("new_received", "carried_over", "total", "carried_forward")
                and x.start >= ctx.sentence_at]
        if told and (left := apps - sum(int(x.value) for x in told)) >= 0:
            out.computed.append(Stated(f"t3.carried_forward.{ctx.col_focus}", left, quote, c0, c0 + len(clause)))
            return
    if not numbers:
        # "不收费": 不 right before the item's word negates it (a 不 inside a word, 不予公开, is masked)
        # (the 0 of a date or of a longer number, "12月30号", "2024", says no none)
        plain_words = re.sub(r"[0-9０-９]{2,}|[0-9０-９.．]+(?=\s*[年月日号点时])|[0-9０-９]+[.．][0-9０-９]+", "＿", plain)
        # "涉及隐私没给": what became of one application, not a none
        plain_words = re.sub(r"没(?:有)?给(?:他|她|对方|人家)?|不给(?:他|她)?|没让(?:他|她)?看", "＿", plain_words)
        # "结转下年没问题", "网站那个数没错": the value said before is right, not none
        plain_words = re.sub(r"没(?:有|啥|什么)?(?:问题|错|毛病|变|改)|不用改|不变|不动", "＿", plain_words)
        # "公众号的数还没拿到", "还没统计出来": not known yet, not none
        plain_words = re.sub(r"(?:还|暂时|暂)?(?:没|未)(?:有)?(?:拿到|统计|出来|确定|核实|算好|汇总|查到|报上来|报过来|给我|发过来|核对)", "＿", plain_words)
        # "跟年报没关系", "和信息公开无关": not ours to count, not none
        plain_words = re.sub(r"没(?:有)?(?:什么|啥)?关系|无关|不相干", "＿", plain_words)
        # "不予公开有没有：有1件", "收费收没收": asked, not none
        plain_words = re.sub(r"有没有|(?P<v>[收办交报发开判])没(?P=v)", "＿", plain_words)
        # "系统没有导出统计表的功能": a tool the clerk lacks, not none of the item
        plain_words = re.sub(r"没(?:有)?[^，,。；;＃]{0,12}?(?:功能|权限|按钮|选项|入口|模板|字段|接口|台账|登记簿|登记本|统计表)", "＿", plain_words)
        if any(a.kind == "t3row" and a.key == "withheld.third_party" for a in anchors):
            # "征求第三方意见其明确不同意公开": the third party's answer, not a none
            plain_words = re.sub(r"不(?:同意|愿意|答应)", "＿", plain_words)
        # "政策解读没跟上", "更新不及时", "公开没到位": how well it was done, not none of it
        plain_words = re.sub(r"(?:没|未|不|无)(?:有)?(?:跟上|跟进|及时|到位|落实|同步|做好|做到位|完善|规范|全面|充分|覆盖|跟得上)", "＿", plain_words)
        # "他没算网上平台的": left out of someone's count, not none
        plain_words = re.sub(r"没(?:有)?(?:算|数|计|统计)(?:进|上|入)?", "＿", plain_words)
        # "我们的台账没了（电脑重装没备份）": the records are lost, not none
        plain_words = re.sub(r"(?:台账|记录|底稿|资料|数据|表格?|文件|电脑|备份|系统)(?:也|都|全)?(?:没了|丢了|坏了|找不到了?|没备份|没有备份)"
                             r"|没(?:有)?备份|没保存|没存", "＿", plain_words)
        if any(a.kind == "t3row" and a.key.startswith("not_processed.") for a in anchors):
            # "按重复申请没处理的": what 不予处理 means, not a none
            plain_words = re.sub(r"(?:没|不|未)(?:有)?(?:予)?处理", "＿", plain_words)
        negated = (any(w in plain_words for w in zero_words) or blanket or bool(said_zero)
                   or bool(re.search(r"不(?=＃)", plain)))
        named = [a for a in anchors if (a.kind in ("fact", "t2row", "t3row", "t3group", "t4block")
                 or (a.kind == "t2col" and ctx.t2row in ("regulations", "normative_docs")))
                 and not (clause[a.start:a.end] == "来了" and clause[max(0, a.start - 1):a.start] in ("出", "起", "过", "下"))  # (搜出来了)
                 and not (a.key == "new_received" and clause[a.start:a.start + 1] == "收" and clause[max(0, a.start - 1):a.start] == "不")]  # (收费"早就不收了")
        specific = [a for a in named if clause[a.start:a.end] not in _GENERIC]
        if specific:
            named = specific  # "没有上年结转的申请": the carry-over, not every application
        bare = re.sub(r"[＃\s。；;！!，,、]|以及|及|和|与|还有|跟", "", plain)
        if not negated and named and not bare and ctx.zero_list and ctx.zero_list[0] == c0:
            # "没有行政复议、行政诉讼": the none said before the list is said of each item of it
            of_list = tuple(x for a in named if (sc := _zero_scope(a, ctx)) for x in sc)
            if of_list:
                quote = message[ctx.zero_list[1]:c0 + len(clause)].strip().rstrip(_END_PUNCT)
                out.zeros.append(Zero(of_list, quote))
                ctx.zero_list = (c0 + len(clause) + 1, ctx.zero_list[1]) if re.match(r"[、]", following) else None
                _update_context(ctx, anchors)
                return
        if not negated and named and not bare:
            before_here = message[ctx.sentence_at:c0]
            if ctx.t4block and before_here.count("（") + before_here.count("(") > before_here.count("）") + before_here.count(")"):
                return  # "复议…其他1（申请人撤回，复议终止）": an aside on a case counted — no row of table 三 waiting
            # "…1件结转过来的，…，予以公开": a result said alone may take every application
            out.all_of += [a.key for a in named if a.kind == "t3row" and a.key not in _NOT_RESULTS]
            if re.match(r"\s*[、和及与]", following) or re.search(r"[和及与]\s*$", clause):
                ctx.listed += named  # "规章、" of "规章、规范性文件都没有": waits for what is said of the list
            ctx.waiting += anchors
            # "许可 处罚 强制都没有": bare items one after another wait together
            ctx.heading = (heading[0], [*heading[1], *named]) if heading else (c0, named)
            _update_context(ctx, anchors)
            return
        listed, ctx.listed = ctx.listed, []
        unsaid = "".join("＃" if any(a <= i < b for a, b in said_zero) else ch for i, ch in enumerate(plain))
        if negated and not named and heading and not _BARE_FILLER.sub("", unsaid):
            # "行政许可 无 行政处罚 ７件" (voice input): the none is said of the words just before it
            named = heading[1]
            quote = message[heading[0]:c0 + len(clause)].strip().rstrip(_END_PUNCT)
        # ("许可都划到县行政审批局了，我们镇一件没有": the none said with who has none)
        if negated and not named and not heading and not _BARE_FILLER.sub("", _OURS.sub("", unsaid)) and len(
                said_before := {a.key: a for a in ctx.waiting if a.kind in ("fact", "t2row")}) == 1:
            # "公众号的话，我们没开", "新媒体用的是市局的公众号，我们县局自己没有，这块写零": the item said before
            named = list(said_before.values())
            quote = message[ctx.sentence_at:c0 + len(clause)].strip().rstrip(_END_PUNCT)
        if negated and named and heading and named is not heading[1] and re.search(r"都|均|全", plain):
            # "许可 强制都没有" (voice input): the items said just before share the none
            named = [*heading[1], *named]
            quote = message[heading[0]:c0 + len(clause)].strip().rstrip(_END_PUNCT)
        if negated and named and any(_A_KIND_OF.match(clause, a.end) for a in named):
            # "导出来的表没有申请人类型": no column of that kind in the sheet, not none of them
            negated = False
            named = []
        if negated and named and _MONEY_NOT_GOT.search(clause) and all(a.kind == "t3row" and a.key == "new_received" for a in named):
            # "所以实际一分钱没收到": no money came in, not no application
            negated = False
            named = []
        if negated and named and _NOT_OWN.search(clause):
            # "我们镇没有自己的网站，都是发在县政府网站上": no site of its own, not none published
            negated = False
            named = []
        if negated and named:
            named = [*listed, *named]
            scopes: list[str] = []
            for a in named:
                scope = _zero_scope(a, ctx)
                if scope:
                    scopes += scope
            bools = [s for s in scopes if s in _BOOL_FACTS]
            for b in bools:
                out.stated.append(Stated(b, False, quote, c0, c0 + len(clause)))
            rest = tuple(s for s in scopes if s not in _BOOL_FACTS)
            if not (cols_here | listed_cols) and ctx.zeroed_cols[0] == ctx.sentence_at:
                # "科研机构那列全部是0，没人申请过的": the none of the column just said, again
                listed_cols = set(ctx.zeroed_cols[1])
            if (none_cols := cols_here | listed_cols) and rest and all(
                    s.startswith("t3.") and s not in ALL_CELL_ADDRESSES for s in rest):
                # "企业没有申请": those applicants' cells of the rows named, not the whole rows
                rest = tuple(f"{r.address}.{col}" for r in T3_ROWS for col in sorted(none_cols)
                             if any(r.address == x or r.address.startswith(x + ".") for x in rest))
            if rest:
                out.zeros.append(Zero(rest, quote))
            ctx.zeroed = True  # "…没有承办，都是零": the 都是零 repeats it
            if re.match(r"、", following) and not re.search(r"(?:都|也|均|全)(?:没有|没|无)", clause) and (
                    _SAID_NONE.search(clause[:min(a.start for a in named)] if named else "")):
                ctx.zero_list = (c0 + len(clause) + 1, c0)  # (the next clause, where this one began)
        elif negated and not named and ctx.t3row and _REST_NONE.fullmatch(clause.strip()) and _after_column_item(
                message[max(0, c0 - 32):c0]) and (
                named_cols := {x.target.rsplit(".", 1)[1] for x in out.stated if x.target.startswith(f"t3.{ctx.t3row}.")}):
            # "个人的48件 企业6件 律所2件 其他类型的没有": the applicants not named in that row
            out.zeros.append(Zero(tuple(f"t3.{ctx.t3row}.{c}" for c in L.T3_APPLICANT_COLUMNS
                                        if c not in named_cols and f"t3.{ctx.t3row}.{c}" not in ctx.earlier), quote))
        elif negated and not named and not cols_here and re.search(r"类型|类别|几类|几种|申请人", clause) and _REST_NONE.fullmatch(
                clause.strip()) and (told_cols := {k.rsplit(".", 1)[1] for k in [*ctx.earlier, *(x.target for x in out.stated)]
                                               if k.startswith("t3.") and not k.startswith("t3.total.")}):
            # "律所2件：…；别的类型都没有" after each applicant's applications told: the applicants no one told of
            out.zeros.append(Zero(tuple(f"{r.address}.{c}" for r in T3_ROWS for c in L.T3_APPLICANT_COLUMNS
                                        if c not in told_cols), quote))
        elif negated and not named and (not ctx.t3row or (len(cols_here | listed_cols) >= 2 and re.search(r"都|全|均", clause))) and not ctx.t4block and cols_here and all(
                a.kind == "t3col" or (a.kind == "t4col" and a.key == "other" and "other" in cols_here) for a in anchors
        ) and not _BARE_FILLER.sub("", _COLUMN_WORDS.sub("", re.sub(r"什么|啥子|啥|么子|一件|一个|全是0|全是零|全为0", "", plain))):
            # ("科研机构、其他都没有": 其他 of the list; "…公益组织什么都没有")
            # "科研机构没有", "科研机构、公益组织都没有": no application from those applicants — their
            # empty cells of table 三
            out.zeros.append(Zero(tuple(f"{r.address}.{col}" for r in T3_ROWS for col in sorted(cols_here | listed_cols)),
                                  quote, blanket=True))
            ctx.zeroed_cols = (ctx.sentence_at, frozenset(cols_here | listed_cols))
        elif negated and not named:
            # "都是0", "其他都是0", "复议后起诉的没有" (the block from the clause's t4 word)
            col_scope = [s for a in anchors if (s := _zero_scope(a, ctx, whole_column=blanket and not any(
                x.kind == "t3row" for x in anchors)))]
            if col_scope:
                out.zeros.append(Zero(tuple(x for s in col_scope for x in s), quote))
                ctx.zeroed_cols = (ctx.sentence_at, frozenset(a.key for a in anchors if a.kind == "t3col"))
            elif blanket and not (ctx.zeroed and not _TABLE_NAMED.search(sentence)):
                out.zeros.append(Zero(("*",), sentence, blanket=True))
        # "就1件…，予以公开了": a result row said without a number takes every application
        if not negated and _ALL_OF.search(clause):
            out.all_of += [a.key for a in anchors if a.kind == "t3row" and a.key not in _NOT_RESULTS]
        # "收取了信息处理费"
        if not negated and any(a.kind == "fact" and a.key == "fee_charged" for a in anchors) and re.search(
                "收取了|收了|已收取|共收取|收过|有收取|有收(?![到入])", clause):
            out.stated.append(Stated("fee_charged", True, quote, c0, c0 + len(clause)))
        # "结果维持": the block's whole count has this result
        # (not "…是6个 漏了一个12月底收到的 还没审结": the result of the one just told of)
        if not negated and not any(q in sentence and re.search(r"(?:一|1)(?:个|件|起)", q) for q in out.checked):
            for a in anchors:
                if a.kind == "t4col" and ctx.t4block in ctx.t4total and not any(
                        x.target.startswith(f"t4.{ctx.t4block}.") and not x.target.endswith(".total")
                        for x in out.stated):  # (not "维持7 纠正2 其他1（申请人撤回了）": results have numbers)
                    block = ctx.t4block
                    # ("复议两件 律所那件维持了": the one case pointed at, not the block's every case)
                    pointed = bool(re.search(r"(?:那|这)一?(?:个|件|起)(?![人月])", clause)) and not _ALL_OF.search(clause)
                    out.stated.append(Stated(f"t4.{block}.{a.key}", 1 if pointed else ctx.t4total[block], sentence, c0, c0 + len(clause)))
        # a column word alone in brackets after a row total: "（自然人）" = all of that row
        cols = list({a.key: a for a in anchors if a.kind == "t3col"}.values())
        if len(cols) == 1 and not negated and ctx.t3rows_said and not re.search(
                r"除了|除去|除开|那件|这件|那个|这个|那位|这位|都|全|均|其余|剩下|分之|一半|[一二三四五六七八九]成|[%％]|占", clause) and (
                len(clause.strip()) <= 8 or not re.sub(_FILLER, "", plain)):
            row, total, _ = ctx.t3rows_said[-1]
            out.stated.append(Stated(f"t3.{row}.{cols[0].key}", total, sentence, c0, c0 + len(clause)))
            ctx.t3rows_said.pop()
        if not negated and cols_here and anchors and all(a.kind == "t3col" for a in anchors) and (
                re.match(r"\s*[、和及与]", following) or re.search(r"[和及与]\s*$", clause)):
            ctx.listed_cols = cols_here | listed_cols  # waits for what is said of the list
        # (an aside in brackets, "1件涉及国家秘密（涉密图斑）", names what was just counted: its words
        # wait for no number, nor become the topic)
        bracketed = message[:c0].rstrip().endswith(("（", "(")) and message[c0 + len(clause):].lstrip().startswith(("）", ")"))
        if not bracketed:
            _update_context(ctx, anchors)
        if not negated and not bracketed:
            ctx.waiting += anchors
        return
    listed, ctx.listed = ctx.listed, []
    if ctx.pending:  # a count before this one never found its row
        n0, at, said = ctx.pending
        if not ctx.pending_quiet:
            out.unexplained.append((at + n0.start, at + n0.end, said))
        ctx.pending, ctx.pending_quiet = None, False
    if numbers and _SLIPS.search(clause) and len(numbers) == 1:
        out.checked.append(quote)  # "刚才依申请那里说错了一个": how many slips, no count
        return
    if numbers and any(a.kind in ("fact", "t2row") for a in anchors) and not any(
            a.kind in ("t3row", "t3group", "t4block") for a in anchors) and _PART_OF_YEAR_BEFORE.search(clause[:numbers[0].start]):
        # "第3季度区政府网站街道栏目发了31条": a part of the year's figure, not the year's (said back, the item
        # kept as the topic for "全年是一百零五条")
        out.unexplained += [(c0 + n.start, c0 + n.end, quote) for n in numbers]
        _update_context(ctx, anchors)
        return
    if numbers and _LINES_OF_ONE.search(clause):
        out.checked.append(quote)  # "一件申请有的记了两行": how the register is kept, no count
        return
    if numbers and _ATTENDED.search(clause):
        # "参加了县政府新闻办的发布会1次": another body's conference attended, none of this agency's own
        out.unexplained += [(c0 + n.start, c0 + n.end, quote) for n in numbers]
        return
    if numbers and _SOMEONES_FIGURE.search(clause) and re.search(r"[0-9０-９]", message[c0 + len(clause):]):
        # "处罚52是小李写的 我刚在执法系统里查了一下是57 按57": what another wrote down, then the figure checked
        out.excluded.append(quote)
        _update_context(ctx, anchors)
        return
    if numbers and _FILED_AS.search(clause) and _BUT_REALLY.match(message[c0 + len(clause):]):
        # "有一件个人申请我们登记成不掌握了，其实是投诉物业的": a case misfiled, not the row's count
        out.checked.append(quote)
        return
    if _NOT_COUNTED.search(plain) or _NOT_COUNTED.search(clause) or (numbers and _LAST_YEARS.search(clause)) or (
            # ("去年年报里写的依申请5件、复议0件": the list of last year's goes on)
            numbers and ctx.last_years_end and re.fullmatch(r"\s*[、和及]\s*", message[ctx.last_years_end:c0])) or (
            numbers and _LAST_YEAR_BRACKETED.search(message[max(0, c0 - 24):c0])) or (
            (_LAST_YEAR_END.search(plain) or _LAST_YEAR_END.search(clause)) and not _INTO_THIS_YEAR.search(clause)):
        out.excluded.append(quote)
        ctx.last_years_end = c0 + len(clause)
        _update_context(ctx, anchors)  # "去年规范性文件有效10件，今年发3废1": the item is still the topic
        items = [a for a in anchors if a.kind in ("t2row", "t2col", "fact")]
        if len(numbers) == 1 and items and not _NOT_COUNTED.search(clause):
            # "现行有效7件是去年底的，今年是8件": this year's figure of the item may follow
            ctx.last_years_of = _resolve(items[-1], items, ctx, numbers[0].unit)
        return
    replaced = 0
    used: set[tuple[int, int]] = set()
    olds = {str(n.value) for n in numbers if _NOT_IS.search(clause[:n.start])}  # "是2不是3": 3
    stand_in: NumberMention | None = None
    for n in numbers:
        after = clause[max(n.end, n.unit_end):]
        if n.unit == "个" and re.match(r"\s*(?:地区|市|县|区|省|派出|直属|下属|基层)?[\u4e00-\u9fa5]{0,8}?(?:局|单位|部门|机构|中心|分局|站所|站|所|队)"
                                      r"|\s*(?:社区|村|行政村|自然村|小区|居委会|村委会|乡镇|街道|学校|医院)(?![\u4e00-\u9fa5]{0,3}(?:申请|提))",
                                      clause[n.unit_end:]) and any(a.kind in ("t2row", "fact") for a in anchors):
            # "行政处罚都是7个地区铁路监督管理局作出的，…局机关本级是3件": how many bodies, not the item's count
            out.checked.append(quote)
            replaced += 1
            continue
        if _CONFIRMED.match(after):
            out.checked.append(quote)  # "总计72是对的": a value confirmed, nothing to record
            continue
        if n.unit in ("个", "家", "位", "名") and any(a.kind == "t3col" and 0 <= a.start - n.unit_end <= 4 and not re.search(
                r"[0-9０-９，,、]", clause[n.unit_end:a.start]) for a in anchors) and any(
                m.start > n.end and m.unit == "件" for m in numbers):
            out.checked.append(quote)  # "一个慈善基金会申请了一件": the applicant, then its count
            continue
        if not anchors and ctx.last and ctx.last in out.stated and ctx.last.start >= ctx.sentence_at and isinstance(
                ctx.last.value, int) and not isinstance(ctx.last.value, bool) and n.value < ctx.last.value and re.fullmatch(
                r"\s*(?:其中|里面)?\s*(?:有|是)?\s*", clause[:n.start]) and re.search(
                    r"后来|才|补报|补上|漏|迟|晚|^\s*[件篇条个场次]?\s*是[^，,。；;]{0,10}?的\s*$"
                    # "处罚八件不对，是六件，有两件是二〇二四年十二月作的决定": dated another year
                    r"|^\s*[件篇条个场次]?\s*是\s*(?:20\d\d|二[〇零○][一二三四五六七八九〇零○]{2})\s*年|^\s*[件篇条个场次]?\s*是(?:去年|上年|前年)", clause[n.end:]):
            out.checked.append(quote)  # "处罚是24件，有2件12月底的决定书执法队后来才报给我": why, not another value
            continue
        if re.fullmatch(r"\s*", clause[:n.start]) and re.match(
                r"\s*(?:件|条|篇)?\s*(?:是|为|那是)[^，,。；;]{0,10}?(?:之前|以前|之后|以后|前|后|时候|时)的(?:数|数字|统计)", clause[n.end:]):
            out.checked.append(quote)  # "47是废止之前的数": what the number was, not an item's value
            continue
        if not anchors and (_SHOULD_BE.fullmatch(clause[:n.start]) or _THIS_YEARS_IS.fullmatch(clause[:n.start])) and not clause[
                max(n.end, n.unit_end):].strip(" 。；;，,了") and (
                refused := _LAST_YEARS_VALUE.search(message[ctx.sentence_at:c0])) and (item := next((
                    a for a in reversed(vocabulary().anchors(refused.group("item") or refused.group("wrong")))
                    if a.kind in ("t2col", "t2row", "fact")), None)) and (was := _resolve(item, [item], ctx, n.unit)) and (
                not ctx.last or ctx.last not in out.stated or ctx.last.target != was):
            # "现行有效那个4是去年的，今年制发1件、没有废止，应该是5件", "现行有效说错了，47是废止之前的数，应该是45件":
            # the item whose value was refused, not the one said last
            if (old_said := [x for x in out.stated if x.target == was and x.start < ctx.sentence_at]):
                out.stated = [x for x in out.stated if x not in old_said]  # ("行政处罚38件。…处罚38件是去年报告上的")
                out.replaced += [x.quote for x in old_said]
            out.stated.append(Stated(was, _as_value(was, n, clause), quote, c0 + n.start, c0 + n.end))
            ctx.last = out.stated[-1]
            continue
        if not anchors and _SHOULD_BE.fullmatch(clause[:n.start]) and ctx.last is not None and any(
                x.value == n.value and x is not ctx.last and str(x.target).startswith(str(ctx.last.target).rsplit(".", 1)[0] + ".")
                for x in out.stated if isinstance(x.value, int) and not isinstance(x.value, bool)):
            # "规章现行有效是41 …去年底是40 今年新3废2 应该是41": the value said first, said again after its sum
            out.checked.append(quote)
            continue
        draft_old = out.written[-1] if out.written and out.written[-1] in out.stated else None
        if not anchors and ((ctx.last and ctx.last in out.stated) or draft_old) and _SHOULD_BE.fullmatch(clause[:n.start]) and (
                not clause[max(n.end, n.unit_end):].strip(" 。；;，,了")):
            # "刚才说的现行有效六个 应该是七个": the item just said, and its value now
            old = draft_old or ctx.last
            assert old is not None
            if draft_old:
                out.written.pop()
            out.stated.remove(old)
            out.replaced.append(old.quote)
            out.stated.append(Stated(old.target, _as_value(old.target, n, clause), quote, c0 + n.start, c0 + n.end))
            ctx.last = out.stated[-1]
            continue
        if (col := next((a for a in anchors if a.kind == "t3col" and a.end <= n.start), None)) and not ctx.t3row and (
                n.unit in ("件", "个") and _RESTATED.match(clause[max(n.end, n.unit_end):]) and (
                    (len(anchors) == 1 and not clause[max(n.end, n.unit_end):].strip(" ，,").removeprefix("申请").lstrip(
                        "里面头当中之 ")[:1].isdigit()) or all(a is col or (a.start >= n.end and a.kind == "t3row") for a in anchors))
                and next((x.value for x in reversed(out.stated) if x.target == f"t3.new_received.{col.key}"),
                         ctx.earlier.get(f"t3.new_received.{col.key}")) == int(n.value) and re.fullmatch(
                    r"\s*(?:的|申请的)?\s*(?:那)?\s*", clause[col.end:n.start])):
            # "个人的3件里头，1件…给了；1件…不掌握": the applications of that applicant told before, one by one
            ctx.col_focus, ctx.col_whole = col.key, False
            out.checked.append(quote)
            continue
        if (col := next((a for a in anchors if a.kind == "t3col" and a.end <= n.start), None)) and not ctx.t3row and (
                f"t3.new_received.{col.key}" in ctx.earlier) and _CORRECTS.search(
                message) and len(anchors) == 1 and re.fullmatch(
                r"\s*(?:的|申请的)?\s*(?:是|有|一共|共|总共)\s*", clause[col.end:n.start]) and n.unit in ("件", "个"):
            # "不对不对 个人是八件": how many that applicant asked, corrected
            out.stated.append(Stated(f"t3.new_received.{col.key}", int(n.value), quote, c0 + n.start, c0 + n.end))
            ctx.col_focus, ctx.col_whole = col.key, False
            continue
        if not anchors and len(numbers) == 1 and message[:c0].rstrip().endswith(("（", "(")) and out.stated and (
                out.stated[-1].value == n.value and out.stated[-1].end <= c0):
            out.checked.append(quote)  # "其他２（两个事业单位）": the count just given, explained
            continue
        if ((_ROUGH_AFTER.match(after) and not _DECIDED.search(clause[:n.start])) or _ROUGH_BEFORE.search(clause[:n.start]) or (
                n.approx and re.match(r"[ \u3000]*(?:[余多来几]|好几)", clause[n.end:])) or (
                n.approx and n.chinese and (clause[max(n.start, n.end - 2):n.end] in RANGE_PAIRS or re.search(
                    "(?:" + "|".join(RANGE_PAIRS) + ")(?=[十百千万])", clause[n.start:n.end]))) or (  # ("十七八篇", "四五场", "一百四五十件")
                # "行政强制 ３件……等下我再对一下台账": said before it was checked; the checked one follows
                not after.strip(" 。；;，,…") and _TENTATIVE.match(following))) and not _EXACT_NEXT.match(following):
            # ("三十多条", "200余条", "两百来条": more than, not how many)
            if _HOTLINE.search(clause) and not _APPLICATIONS_NAMED.search(clause):
                out.not_ours.append(quote)  # "12345热线工单两千多件": no figure of the report, rough or not
                continue
            out.rough.append(quote)  # "公众号发了五百四十条左右 具体的我回头查": the exact figure comes later
            replaced += 1  # ("部分公开应该是4件吧……不对不对，…是3件": the words wait for the exact one)
            continue
        if (half := _HALF_OF.match(clause, max(n.end, n.unit_end))) and (col := next(
                (a for a in anchors if a.kind in ("t3col", "t3row") and a.start >= half.end()), None)):
            # "剩下的36件里一半是企业": half of the count is that applicant's (an odd count is named back)
            target = _resolve(col, anchors, ctx, "件") if n.value % 2 == 0 else None
            if target is None:
                out.unexplained.append((c0 + n.start, c0 + n.end, quote))
            else:
                out.stated.append(Stated(target, int(n.value) // 2, quote, c0 + n.start, c0 + n.end))
                used.add((col.start, col.end))
            continue
        if re.search(r"(?:去年|上年|上一年|前年)(?:的)?(?:(?:填|写|报|填报|上报|报告里|年报里|年报上)(?:的|了)?)?(?:是|为|有|也是|发了|共|一共)?\s*$",
                     clause[:n.start]) and not re.search(
                r"结转|转过来|转来|转到|剩|留下|遗留", clause):
            # "县政府网站开发区专栏去年是58条，今年63条": last year's figure; the item waits for this year's
            out.excluded.append(quote)
            replaced += 1
            items = [a for a in anchors if a.kind in ("t2row", "fact") and a.end <= n.start]
            ctx.last_years_of = _resolve(items[-1], items, ctx, n.unit) if len(items) == 1 else None
            continue
        if not anchors and out.stated and str(out.stated[-1].value) == str(n.value) and re.fullmatch(
                r"\s*(?:就|确实|确定|也|还|的确)?(?:是|为)\s*", clause[:n.start]) and not clause[
                max(n.end, n.unit_end):].strip(" 。；;，,了") and re.search(r"核|对过|确认|查过|问过", message[ctx.sentence_at:c0]):
            out.checked.append(quote)  # "…=8件，我跟法规科核过了，是8件": the figure just said, confirmed
            replaced += 1
            continue
        if re.match(r"\s*[+＋\-－−×*/÷=＝]\s*[0-9０-９]", clause[n.end:]) and not any(0 <= n.start - a.end <= 2 for a in anchors):
            out.checked.append(quote)  # "7+2-1=8件": a step of the sum, its result after "="
            replaced += 1
            continue
        if not anchors and ctx.last_years_of and re.fullmatch(r"\s*(?:今年|本年)(?:底|年底|末)?(?:也|还|则|的|就)*(?:是|为|有)?\s*"
                                                              r"(?:[0-9０-９]+\s*[+＋\-－]\s*)*(?:[0-9０-９]+\s*[=＝]\s*)?", clause[:n.start]) and not clause[
                max(n.end, n.unit_end):].strip(" 。；;，,了") and (target := ctx.last_years_of):
            # "行政事业性收费这栏去年是0，今年也是0": this year's figure of the item just given last year's
            ctx.last_years_of = None
            out.stated.append(Stated(target, _as_value(target, n, clause), quote, c0 + n.start, c0 + n.end))
            continue
        if re.search(r"(?:算在|算进|包括在|含在|也在|都在)\s*[^，,。；;\s0-9０-９]{0,8}$", clause[:n.start]) and re.match(
                r"\s*(?:件|个)?\s*(?:里|里面|里头|之内|当中|中)", clause[max(n.end, n.unit_end):]):
            out.checked.append(quote)  # "这个也算在二季度5件里": the count it is one of, said before
            continue
        if re.search(r"(?:比|较|同比|环比|与|和|跟)(?:去年|上年|上一年|前年|上年度|去年同期|上年同期)?(?:相比|比)?[，,]?"
                     r"(?:多|少|增加|减少|增长|下降|上升|多出|少了|增|减|提高|降低)了?\s*$", clause[:n.start]) and re.search(
                r"同比|环比|去年|上年|上一年|前年", clause[:n.start]):
            # "处罚比去年多了30件", "同比增加2件", "较上年增加21条": by how much it changed, not its count
            out.unexplained.append((c0 + n.start, c0 + n.end, quote))
            continue
        if re.search(r"(?<![至最不])(?:少|多)了?\s*$", clause[:n.start]) and any(
                a.kind in ("t3row", "t3group") and a.end <= n.start for a in anchors) and not _THEN_NEW.match(after) and (
                message[:c0].rstrip().endswith(("（", "("))):
            out.unexplained.append((c0 + n.start, c0 + n.end, quote))  # "（不掌握少1件）": by how much a row changed
            continue
        if re.search(r"(?:相差|差了?|差额|少了|多了)\s*$", clause[:n.start]) and re.search(
                r"对不上|不平|不一致|不相等|不等于|核不上|合不上|对不齐", message[ctx.sentence_at:c0 + n.start]) and not _THEN_NEW.match(after):
            out.checked.append(quote)  # "…跟办结加结转下年对不上 差2件": by how much a check fails, no count
            continue
        if _THEN_NEW.match(after):
            stand_in = n  # the new value after 应该是 goes where this one went
        if _DIFFERENCE_BEFORE.search(clause[:n.start]) and (_THEN_NEW.match(after) or (
                not after.strip(" 。；;，,") and _THEN_NEW.match(following.lstrip(" ，,\u3000")))):
            # "予以公开的总计也是多了1 应该102": by how much it was wrong, then the right value, for
            # which the clause's words wait
            out.checked.append(quote)
            replaced += 1
            continue
        if _NOT_IS.search(clause[:n.start]) or (_WAS_WRONG.match(after) and not _RIGHT_VALUE_BEFORE.search(clause[:n.start])) or _MIXED_IN.match(after) or _PART_OF_YEAR.match(after) or _OLD_VALUE.search(clause[:n.start]) or (
                _THEN_NEW.match(after)) or (
                not after.strip(" 。；;，,") and _WAS_WRONG.match(re.sub(r"^[，,\s]+", "", following))
                and not _RIGHT_VALUE_BEFORE.search(clause[:n.start])) or (
                (n.approx or (not after.strip(" 。；;，,") and n.value >= 1000)) and _EXACT_NEXT.match(following)):
            # ("许可4.89万件，准确的是48,917件": a round figure, then the exact one)
            out.replaced.append(quote)  # "是2件不是3件", "刚说的6件不对，是4件": the old value, to be replaced
            replaced += 1
            if not any(a.kind in ("fact", "t2row", "t3row", "t4block", "t3col") for a in anchors) and not ctx.waiting:
                ctx.old_value = str(n.value)
            continue
        if _RESTATED.match(clause[max(n.end, n.unit_end):]) and _NOT_AMONG.search(clause[:n.start]) and any(
                k.startswith("t3.") and str(v) == str(n.value) for k, v in ctx.earlier.items()):
            out.checked.append(quote)  # "这件不在上面7件里": the count said before, pointed at to say what is not in it
            continue
        if _RESTATED.match(clause[max(n.end, n.unit_end):]) and (
                again := next((x for x in reversed(out.stated) if x.target.startswith("t3.")
                               and x.target.endswith(".total") and x.value == n.value), None)
                or _said_before(n, ctx.earlier, quote)):
            # "15件里个人13件": the row of the 15 just given is what the clause breaks down
            out.stated.append(Stated(again.target, again.value, quote, c0 + n.start, c0 + n.end))
            ctx.t3row = again.target[3:-6]
            ctx.t3rows_said.append((ctx.t3row, int(again.value), sentence.find(clause.strip()) + n.start))
            continue
        if (restated := _RESTATED.match(clause[max(n.end, n.unit_end):])) and not ctx.t3row and re.fullmatch(
                r"\s*(?:今年|全年|一共|总共|共|收到|收了|新收)*\s*", clause[:n.start]) and not any(
                a.kind in ("t3row", "t3group", "t2row", "t4block", "fact") and clause[a.start:a.end] not in _GENERIC
                for a in anchors) and re.match(
                r"\s*(?:有)?\s*[0-9０-９一二两三四五六七八九十]+\s*件\s*(?:是|为)", clause[max(n.end, n.unit_end) + restated.end():]) and any(
                a.kind == "t3col" and a.start > n.end for a in anchors):
            # "47件中有41件是个人申请的": this year's applications, then who sent them
            out.stated.append(Stated("t3.new_received.total", int(n.value), quote, c0 + n.start, c0 + n.end))
            ctx.t3row = "new_received"
            ctx.t3rows_said.append((ctx.t3row, int(n.value), sentence.find(clause.strip()) + n.start))
            continue
        if clause[:n.start].rstrip().endswith("各") and len(
                cols := [a for a in anchors if a.kind == "t3col" and a.end <= n.start]) >= 2:
            # "个人企业各2件": each of the applicants named
            each_row = ctx.t3row
            for a in cols if each_row else ():
                out.stated.append(Stated(f"t3.{each_row}.{a.key}", int(n.value), quote, c0 + n.start, c0 + n.end))
            if each_row:
                continue
        if n.value == 0 and (rows3 := [a for a in anchors if a.kind == "t2row" and a.key in ("regulations", "normative_docs")
                                       and a.end <= n.start]) and not any(a.kind == "t2col" for a in anchors) and all(m.value == 0 for m in numbers):
            # "规章0": a row of three columns, none of them named: all three are 0 (not "行政规范性文件 1 0", a row
            # short of a number)
            out.zeros.append(Zero((f"t2.{rows3[-1].key}",), quote))
            continue
        if n.value == 0 and not ctx.litigation and any(a.kind == "t4block" and a.key == "litigation" for a in anchors):
            # "诉讼0": no lawsuit of either kind
            out.zeros.append(Zero(("t4.litigation_direct", "t4.litigation_after_review"), quote))
            continue
        target = None
        if _REFERENCE.search(clause[:n.start]) and (col := _col_before(clause, n)) and ctx.t3row and re.search(
                r"没有|不存在|没了|不算|是错的", clause[n.end:]):
            # "结转下年度是3件…，企业那1件没有": that cell is none
            out.zeros.append(Zero((f"t3.{ctx.t3row}.{col.key}",), quote))
            continue
        if (not ctx.t3row or (ctx.col_focus and (c := _col_before(clause, n)) and c.key != ctx.col_focus and not any(
                a.kind == "t3row" for a in anchors))) and (col := _col_before(clause, n)) and not any(
                a.kind == "t3row" and a.end <= n.start for a in anchors) and (str(
                ctx.earlier.get(f"t3.new_received.{col.key}")) == str(n.value) or (
                _applications(ctx, col.key) == n.value and _WITH_CARRIED.match(clause[max(n.end, n.unit_end):]))) and re.fullmatch(
                r"\s*(?:件|个)?\s*(?:里|中|当中|里面)?\s*[：:]?\s*(?:(?:包括|包含|含|连)[^，,。；;\s]{0,12})?", clause[max(n.end, n.unit_end):]):
            # ("个人的44件包括结转的那3件": this year's and last year's together, then what became of them)
            # "企业那6件：公开3 …", "律所4件 公开1 …": that applicant's applications said again, then theirs
            out.checked.append(quote)
            ctx.col_focus, ctx.col_whole = col.key, False
            ctx.one_of = (col.key, c0) if n.value == 1 else None
            continue
        if ctx.col_focus and n.unit in ("件", "个") and (col := _col_before(clause, n)) and col.key != ctx.col_focus and not any(
                a.kind in ("t3row", "t3group") for a in anchors) and re.fullmatch(r"\s*(?:件|个)?\s*", clause[max(n.end, n.unit_end):]):
            # "…；其他2件 一件公开一件不掌握": the next applicant of a list of results, with its count
            ctx.col_focus, ctx.col_whole = col.key, False
            if re.match(r"[\s，,]*(?:也|都|全)(?:公开了|给了|予以公开了?|给公开了)\s*(?:[；;。！!\n]|$)", message[c0 + len(clause):]):
                # "…；律所2件，都公开了": all of them granted
                out.stated.append(Stated(f"t3.granted.{col.key}", int(n.value), quote, c0 + n.start, c0 + n.end))
            out.unexplained.append((c0 + n.start, c0 + n.end, quote))  # (what the count is, the words don't say)
            continue
        if _REFERENCE.search(clause[:n.start]) and is_question(sentence):
            out.checked.append(quote)  # "结转到明年的那2件要不要算进（七）总计里？": the ones said before, asked about
            continue
        if (only := _ONLY_LEFT.search(clause[:max(n.end, n.unit_end) + 1])) and (
                left_col := _column_named(only.group(1))) and only.start(2) == n.start and (
                left_row := next((a.key for a in reversed(anchors) if a.kind == "t3row" and a.end <= only.start()), ctx.t3row)):
            # "所以三（四）1就只剩企业那一件": that row now holds only this applicant's, the others moved away
            # ("多出来的那件就是三（四）1里自然人那件", said before it in the sentence, is the one that moved)
            out.stated = [x for x in out.stated if not (x.target.startswith(f"t3.{left_row}.") and x.start >= ctx.sentence_at
                                                        and not x.target.endswith((".total", f".{left_col}")))]
            out.stated.append(Stated(f"t3.{left_row}.{left_col}", int(n.value), quote, c0 + n.start, c0 + n.end))
            out.stated.append(Stated(f"t3.{left_row}.total", int(n.value), quote, c0 + n.start, c0 + n.end))
            out.computed += [Stated(a, 0, quote, 0, 0) for a, v in ctx.earlier.items() if a.startswith(f"t3.{left_row}.")
                             and not a.endswith((".total", f".{left_col}")) and isinstance(v, int) and v > 0]
            continue
        if _ABOVE.match(clause) and n.value > 1 and any(
                str(ctx.earlier.get(f"t3.{a.key}.total")) == str(n.value) for a in anchors if a.kind == "t3row"):
            out.checked.append(quote)  # "上面是今年新收的12件" under a register: its count, said again
            continue
        if _REFERENCE.search(clause[:n.start]) and n.value > 1 and any(
                k.startswith("t3.") and str(v) == str(n.value) for k, v in ctx.earlier.items()):
            out.checked.append(quote)  # "连去年转过来那3件一起算": pointing at applications said before
            if (col := _col_before(clause, n)) and str(ctx.earlier.get(f"t3.new_received.{col.key}")) == str(n.value):
                ctx.col_focus, ctx.col_whole = col.key, False  # "科研单位那2件不是都公开，1件公开…": theirs
                anchors = [a for a in anchors if not (a.kind == "t3col" and a.end <= n.start)]  # ("企业那2件是公开1")
            continue
        if _REFERENCE.search(clause[:n.start]) and n.value > 1 and not _col_before(clause, n) and not any(
                a.kind in ("t3row", "t4block", "t2row", "fact") and a.end <= n.start for a in anchors):
            # "那两件其实还没办完": the applications just spoken of, not a count of their own
            out.unexplained.append((c0 + n.start, c0 + n.end, quote))
            continue
        if _REFERENCE.search(clause[:n.start]) and (col := _col_before(clause, n)) and not ctx.t3row:
            # "企业那1件让他补正材料一直没回": that applicant's one application, and what became of it
            # (not when that applicant's applications are counted already: "就是台账里自然人那1件逾期不缴费"
            # points at one of them)
            row_told = next((a for a in anchors if a.kind == "t3row" and a.start >= n.end and a.key not in _NOT_RESULTS
                             and str(ctx.earlier.get(f"t3.{a.key}.{col.key}")) == str(int(n.value))), None)
            if row_told is not None:
                # "企业那1件不掌握的，后来…全部公开了": the one recorded in that row, and what became of it
                out.checked.append(quote)
                ctx.col_focus, ctx.col_headed, ctx.col_whole = col.key, True, False
                anchors = [a for a in anchors if a is not row_told and not (a.kind == "t3col" and a.end <= n.start)]
                continue
            if f"t3.new_received.{col.key}" not in ctx.earlier:
                out.stated.append(Stated(f"t3.new_received.{col.key}", int(n.value), quote, c0 + n.start, c0 + n.end))
            else:
                out.checked.append(quote)
            ctx.col_focus = col.key
            rows = [a for a in anchors if a.kind == "t3row" and a.start >= n.end and a.key not in _NOT_RESULTS]
            if n.value > 1 and n.value in (_applications(ctx, col.key), _as_int(ctx.earlier.get(f"t3.new_received.{col.key}"))) and (
                    len([m for m in numbers if m.start > n.end]) >= 1):
                # "企业那7件是公开3、部分公开1…": all that applicant's applications, then their results
                ctx.col_headed = True
                anchors = [a for a in anchors if not (a.kind == "t3col" and a.end <= n.start)]
                continue
            if rows:
                out.stated.append(Stated(f"t3.{rows[0].key}.{col.key}", int(n.value), quote, c0 + n.start, c0 + n.end))
            else:
                ctx.pending = (n, c0, quote)
            continue
        if "分别" in clause[:n.start] and not ctx.respectively:
            # "人大建议和政协提案分别是15件、22件": the items named before 分别, in order
            ctx.respectively = [a for a in [*listed, *anchors] if (a in listed or a.end <= clause.index("分别"))
                                and a.kind in ("fact", "t2row", "t3row", "t4block", "t3col", "t4col")]
            ctx.respectively = list({a.key: a for a in ctx.respectively}.values())
        if ctx.respectively:
            a = ctx.respectively.pop(0)
            if (each := _resolve(a, [a], ctx, n.unit)):
                out.stated.append(Stated(each, _as_value(each, n, clause), quote, c0 + n.start, c0 + n.end))
                continue
        if (n.unit == "个" and clause.startswith("人", n.unit_end) and ctx.results and not ctx.t4block
                and not any(a.kind == "t3row" and a.key not in _NOT_RESULTS for a in anchors)):
            # "另外有1个人同样的内容申请了两次，第二次按重复申请处理": persons who applied, whose result follows
            if ctx.pending:
                old_n, old_at, old_quote = ctx.pending
                out.unexplained.append((old_at + old_n.start, old_at + old_n.end, old_quote))
            ctx.pending, ctx.pending_col = (n, c0, quote), "natural"
            continue
        if n.unit in ("件", "个") and re.match(r"\s*(?:还有|另外|另有)", clause) and not any(
                a.kind in ("t3row", "t3group") for a in anchors) and (col_said := next(
                (a for a in anchors if a.kind == "t3col" and a.start >= n.end), None)) and re.fullmatch(
                r"\s*(?:件|个)?\s*是\s*", clause[n.end:col_said.start]):
            # "不掌握3 还有2件是村委会申请的 算其他吧 都公开了": who applied, and the result said after it
            ahead = message[c0 + len(clause):]
            stop = next((k for k, ch in enumerate(ahead) if ch in "。！？!?\n" or ch.isdigit()), len(ahead))
            if any(a.kind == "t3row" and a.key not in _NOT_RESULTS for a in vocabulary().anchors(ahead[:stop])):
                if ctx.pending:
                    old_n, old_at, old_quote = ctx.pending
                    out.unexplained.append((old_at + old_n.start, old_at + old_n.end, old_quote))
                ctx.pending, ctx.pending_col = (n, c0, quote), col_said.key
                continue
        if n.unit in ("件", "个") and len(numbers) == 1 and len(cols := [a for a in anchors if a.kind == "t3col"]) == 1 and len(
                anchors) == 1 and re.fullmatch(r"\s*(?:有|还有|另外)?\s*", clause[:min(cols[0].start, n.start)]) and re.fullmatch(
                r"\s*(?:的|是|申请的|提的)?\s*", clause[min(cols[0].end, n.end):max(cols[0].start, n.start)] if cols[0].end <= n.start
                else clause[n.end:cols[0].start].replace(n.unit, "", 1)) and not ctx.t4block and (
                not (ctx.t3row or ctx.t3group) or message[:c0].rstrip().endswith(("；", ";"))):
            # "企业1件 公开了", "有1件企业的，不掌握": one applicant's count, and its result in the words after it
            # ("…不掌握1件；律所2件，都公开了": another applicant's part, after the one before)
            ahead = message[c0 + len(clause):]
            stop = next((k for k, ch in enumerate(ahead) if ch in "。！？!?\n；;" or ch.isdigit()), len(ahead))
            if (len(ahead[:stop].strip(" ，,\u3000")) <= 10 or (  # ("还有一个大学的课题组（科研机构）问电梯安全数据的 给了")
                    len(ahead[:stop]) <= 30 and not re.search(r"[，,]", ahead[:stop]) and {a.key for a in vocabulary().anchors(ahead[:stop]) if a.kind == "t3col"} <= {cols[0].key}
                    and re.search(r"(?:问|要|申请)[^，,]{1,16}?的", ahead[:stop]))) and (any(
                    a.kind == "t3row" and a.key not in _NOT_RESULTS for a in vocabulary().anchors(ahead[:stop]))
                    or re.fullmatch(r"[\s，,]*(?:也|都|全)?(?:公开了|给了|给他了|予以公开了?)\s*", ahead[:stop])):
                if ctx.pending:
                    old_n, old_at, old_quote = ctx.pending
                    out.unexplained.append((old_at + old_n.start, old_at + old_n.end, old_quote))
                ctx.pending, ctx.pending_col = (n, c0, quote), cols[0].key
                continue
        if any(a.kind == "t4block" and a.key == "litigation" and a.end <= n.start for a in anchors) and len(
                kinds := {k[:2]: int(to_halfwidth(v)) for k, v in _KIND_COUNTED.findall(
                    re.split(r"[。！？!?\n]", message[c0 + n.start:], maxsplit=1)[0])}) == 2 and sum(
                kinds.values()) == n.value:
            out.checked.append(quote)  # "被提起行政诉讼7件，其中直接起诉5件…；复议后起诉2件": the two kinds, added up
            continue
        if re.search(r"(?:共|一共|合计|总共|共计|加起来)\s*$", clause[:n.start]) and len(
                {a.key for a in anchors if a.kind == "t3col" and a.end <= n.start} | listed_cols) >= 2 and re.search(
                r"[、和及与]", clause[:n.start]):
            # "科研机构、社会公益组织、法律服务机构和其他组织共23件": several applicants together, no cell
            out.unexplained.append((c0 + n.start, c0 + n.end, quote))
            continue
        if (not any(a.kind in ("t3row", "t3col", "fact", "t2row") for a in anchors) and _IN_ALL.search(clause[:n.start])
                and len(two := [m for m in find_numbers(message[ctx.sentence_at:c0 + n.start]) if m.unit in ("件", "个", "")]) >= 2
                and re.search(r"(?:加上|连同|算上)[^0-9０-９]{0,10}$", message[ctx.sentence_at:ctx.sentence_at + two[-1].start])
                and two[-1].value + two[-2].value == n.value):
            out.checked.append(quote)  # "新收一共16件 加上去年结转那1件 一共17件": the two just said, added up
            continue
        # a word of who applied or of a result takes one number of its clause ("2件个人1件企业")
        cands = [a for a in _candidates(stand_in or n, anchors, numbers, clause)
                 if not (a.kind in ("t3col", "t4col") and (a.start, a.end) in used)]
        if cands and cands[0].kind == "t3row" and (cands[0].start, cands[0].end) in used and (close_row := next((
                a for a in cands if a.kind == "t3row" and a.start >= n.end and (a.start, a.end) not in used
                and re.fullmatch(r"\s*(?:件|个)?\s*(?:是|我们|我局|都|也|就|属于|按|算)?\s*(?:本机关)?", clause[n.end:a.start])), None)):
            # "1件部分公开（遮了身份证号） 1件我们不掌握": the row right after this count, not the one the count before took
            cands = [close_row, *[a for a in cands if a is not close_row]]
        stand_in = None
        if ctx.t4block and not any(a.kind == "t4block" and a.end <= n.start and (
                ctx.litigation if a.key == "litigation" and ctx.litigation else a.key) != ctx.t4block for a in anchors):
            # "1件申请人撤回了" in a sentence about 复议: the review's result, not table 三's (but
            # "复议2件都维持了，诉讼1件…还没判": a clause's own word of another block before the count
            # is its block; "直接起诉的四件，法院驳回诉讼请求三件": not when it is the same block)
            cands.sort(key=lambda a: (a.kind != "t4col",))
        for a in cands:
            target = _resolve(a, anchors, ctx, n.unit)
            if target:
                used.add((a.start, a.end))
                other = ({"litigation_direct", "litigation_after_review"} - {target.split(".")[1]}).pop() \
                    if a.kind == "t4block" else ""
                if a.kind == "t4block" and a.key == "litigation" and not any(
                        w in sentence for w in vocabulary().words["part_of"]) and not any(
                        x.kind == "t4block" and x.key == other for x in vocabulary().anchors(message)) and any(
                        w in sentence for w in vocabulary().words["zero"] if not w.isdigit()):
                    # "诉讼1件，直接起诉，还没判": every lawsuit is of that one kind (said with a word
                    # of none, which is what grounds the zero)
                    out.zeros.append(Zero((f"t4.{other}",), sentence))
                break
        if target is None and (ctx.results or ctx.col_focus or (
                # "刚才说错了 公开的是4件": the 予以公开 said before, corrected
                "t3.granted.total" in ctx.earlier and _CORRECTS.search(message))) and not anchors and (_GRANTED_BARE.search(clause[:n.start]) or (
                ctx.col_focus and _GRANTED_AFTER.fullmatch(clause[max(n.end, n.unit_end):]))):
            target = f"t3.granted.{ctx.col_focus or 'total'}"  # "部分公开1件 公开4件": bare 公开 is 予以公开
            ctx.t3row = "granted"  # "公开的11件 个人8 企业2": its applicants follow
        if target is None and (t2row := next((a for a in anchors if a.kind == "t2row" and a.key in (
                "regulations", "normative_docs") and a.end <= n.start and re.fullmatch(
                r"\s*(?:今年|本年|今年度|本年度|全年)(?:的|有|共|一共|新)?\s*", clause[a.end:n.start])), None)) and not any(
                a.kind == "t2col" for a in anchors):
            target = f"t2.{t2row.key}.issued"  # "规范性文件今年1件": this year's are the ones issued
        if target is None and (ctx.results or ctx.col_focus) and not anchors and _PARTIAL_BARE.search(clause[:n.start]):
            target = f"t3.partial.{ctx.col_focus or 'total'}"  # "公开6 部分3": in a list of results
            ctx.t3row = "partial"
        if target is None and re.fullmatch(r"\s*其他(?:情形)?\s*", clause[:n.start]) and all(
                a.key == "other" for a in anchors) and re.search(
                r"其他处理[^。\n]*$", message[max(0, c0 - 80):c0]):
            target = "t3.other_handling.other.total"  # "（6）其他处理 合计54，其中：逾期不补正41…；其他13": its row 3.其他
            ctx.t3row = "other_handling.other"
        if target is None and ctx.fee_sentence and c0 + n.start > ctx.fee_from and n.unit in ("元", "块钱") and not any(
                a.kind in ("fact", "t2row", "t3row", "t4block") for a in anchors):
            target = "fee_amount"  # "信息处理费今年收了7件，共4,350元": the fee's amount, in the fee's sentence
        by_colon = not n.unit and not clause[:n.start].strip() and bool(re.search(r"[：:]\s*$", message[:c0]))
        if target is None and (n.unit or _SAYS_VALUE.match(clause[:n.start]) or by_colon or (
                # "行政事业性收费，两百三十六点四万": an amount in 万 for the fees named just before
                clause[n.start:n.end].endswith(("万", "萬")) and any(a.kind == "t2row" and a.key == "fees" for a in ctx.waiting)) or (
                out.replaced and re.fullmatch(r"\s*(?:而)?(?:是|应该是|应为|其实是|实际是)\s*", clause[:n.start]))) and not any(
                a.kind in ("fact", "t2row", "t3row", "t4block") for a in anchors) and not re.match(
                r"\s*(?:这|那)?(?:其中|里面|里头|当中)", clause) and not re.match(  # ("…5件不对，其中1件是要…的": a part of the old one)
                r"\s*(?:是|为|那是|其实是)[^，,。；;]{1,16}?的[^，,。；;]{0,4}?(?:数|数字|量)", clause[max(n.end, n.unit_end):]):
            # ("网站的数我看串行了，87条是镇政务公开栏的张贴数": the number is another thing's, not the item's)
            # "许可就是民办学校审批那些，一共27件", "收取了信息处理费，共2件，金额合计1600元": an item named
            # earlier in the sentence whose measure word this number has ("行政处罚（件）：46": or that a colon gives it)
            # ("解读不是9，是8": a bare number for the item whose old value was just refused)
            after_old = not n.unit and bool(out.replaced) and bool(re.fullmatch(r"\s*(?:而)?(?:是|应该是|应为|其实是|实际是)\s*", clause[:n.start]))
            for a in reversed(ctx.waiting):
                if a.kind == "fact" and n.unit not in vocabulary().fact_units.get(a.key, ()) and not by_colon and not after_old and not (
                        a.key == "fee_charged" and n.unit in ("元", "万元", "块钱", "件", "次")):  # ("信息处理费…7件，共4,350元")
                    continue
                target = _resolve(a, [a], ctx, n.unit)
                if target:
                    break
            if target is None and after_old and ctx.old_value is not None and (held := [
                    k for k, v in ctx.earlier.items() if str(v) == ctx.old_value and k.startswith(("t2.", "t3.", "t4."))]) and (
                    len(held) == 1):
                # "上面那个23不对 是32": the one cell recorded as 23 (its row's applicants may follow)
                target = held[0]
                if target.startswith("t3.") and target.endswith(".total"):
                    ctx.t3row = target[3:].rsplit(".", 1)[0]
            named_t2 = {a.key for a in ctx.waiting if a.kind == "t2row" and a.key in ("licensing", "penalty", "enforcement")}
            if target and target.endswith(".decisions") and n.value == 0 and len(named_t2) >= 2:
                # "许可和强制是县里统一办的，我们乡是0": the none is of every item named together
                out.stated += [Stated(f"t2.{k}.decisions", 0, quote, c0 + n.start, c0 + n.end) for k in sorted(named_t2)
                               if f"t2.{k}.decisions" != target]
        if target is None and ctx.t4block and ctx.t4block != "litigation" and re.search(
                r"(?:合计|总计|共计|一共|共)\s*$", clause[:n.start]):
            target = f"t4.{ctx.t4block}.total"  # "复议：维持3 纠正0 其他1 未审结0 合计4"
        if target is None and olds and (col := next((a for a in anchors if a.kind == "t3col"), None)):
            # "刚才企业那个是2不是3": the cell of that column recorded as 3
            cells = [a for a, v in ctx.earlier.items() if a.startswith("t3.") and a.endswith(f".{col.key}")
                     and str(v) in olds]
            target = cells[0] if len(cells) == 1 else None
        if target is None and n.unit in _COUNT_UNITS and (
                group := next((a for a in cands if a.kind == "t3group"), None)):
            # "不予公开3件，1件涉及国家秘密，2件是过程性信息": the group's sum, checked against its rows
            out.group_totals.append((group.key, int(n.value), (c0 + n.start, c0 + n.end, quote)))
            ctx.t3group = group.key
            continue
        if target is None and not anchors and _IN_ALL.search(clause[:n.start]) and n.value == _applications(
                ctx, ctx.col_focus or "total"):
            out.checked.append(quote)  # "加上去年结转的３件 一共５１件": this year's and last year's, added up
            continue
        if target is None and ctx.t3row and not anchors and re.match(r"\s*(?:合计|总计|小计|共计|一共|总共|共)\s*(?:是|为|有)?\s*$", clause[:n.start]) and (
                parts := [x for x in out.stated if x.target.startswith(f"t3.{ctx.t3row}.") and x.start >= ctx.sentence_at]) and (
                sum(int(x.value) for x in parts if isinstance(x.value, int)) <= n.value) and (
                len(parts) >= 2 or re.match(r"\s*(?:合计|总计|小计|共计)", clause)):
            # "新收：个人1086 企业57 … 合计1199", "予以公开：个人5、企业3，共8件": the row's applicants, then its total
            target = f"t3.{ctx.t3row}.total"
        if target is None and not anchors and re.match(r"\s*(?:这|那)?(?:其中|里面|里头|当中)", clause) and out.replaced and (
                out.replaced[-1] in sentence):
            out.checked.append(quote)  # "行政查询5件不对，其中1件是要…的": a part of the count refused, told why
            continue
        if target is None and not anchors and n.unit in ("件", "个") and (
                ctx.col_focus or ctx.t3rows_said or ctx.results) and not _after_a_named_fact(message, c0 + n.start):
            if ctx.pending:  # the count before never found its row
                old_n, old_at, old_quote = ctx.pending
                out.unexplained.append((old_at + old_n.start, old_at + old_n.end, old_quote))
            ctx.pending = (n, c0, quote)  # "还有1件其实是来反映问题的，按信访转走了"
            continue
        if target is None and ctx.last and not anchors and (in_all := _IN_ALL.search(clause[:n.start])) and len(
                re.sub(r"[\s，,。、]|那|就|是|了|的|所以|总的|算下来|这样", "", clause[:in_all.start()])) <= 2 and (
                ctx.last.target.startswith("t2.") or ("." not in ctx.last.target and isinstance(ctx.last.value, int))) and (
                n.unit == "" or n.unit in vocabulary().fact_units.get(ctx.last.target, _COUNT_UNITS if ctx.last.target
                                                                       != "t2.fees.amount" else _MONEY_UNITS)):
            # "处罚三十一是十一月底的数，十二月又办了四件，一共三十五": the sum is the item's value,
            # and the numbers before it in the sentence are its parts
            target = ctx.last.target
            parts = [x for x in out.stated if x.target == target and x.start >= ctx.sentence_at]
            out.stated = [x for x in out.stated if x not in parts]
            out.checked += [x.quote for x in parts]
        if target is None and ctx.last and not anchors and re.fullmatch(
                r"\s*[\u4e00-\u9fa5]{0,8}?(?:改成了?|改为|改作|更正为|改正为)\s*", clause[:n.start]) and (
                ctx.last.target.startswith("t2.") or "." not in ctx.last.target) and ctx.last.start >= ctx.sentence_at:
            # "许可 1,904，处长红笔改成1,940": the value just said, changed in the same sentence — the new one stands
            target = ctx.last.target
            out.stated = [x for x in out.stated if not (x.target == target and x.start >= ctx.sentence_at)]
            out.replaced.append(ctx.last.quote)
        if target is None and ctx.last and not anchors and re.fullmatch(
                r"\s*(?:那|那么|所以)?(?:就|只能|只)(?:写|填|报|算)(?:成|为)?\s*", clause[:n.start]) and (
                ctx.last.target.startswith("t2.") or "." not in ctx.last.target) and ctx.last.start >= ctx.sentence_at and (
                n.unit in vocabulary().fact_units.get(ctx.last.target, _COUNT_UNITS)):
            # "解读那个4篇里有2篇是转的…，那就写2篇": what the item is to be, after the parts told
            target = ctx.last.target
            out.replaced += [x.quote for x in out.stated if x.target == target and x.start >= ctx.sentence_at]
            out.stated = [x for x in out.stated if not (x.target == target and x.start >= ctx.sentence_at)]
        if target is None and ctx.t3row and not anchors and _ROWS_TOTAL.match(clause):
            target = f"t3.{ctx.t3row}.total"  # "…重复申请那行…应该是90，那行总计也是90", "总计列改成2,262"
        if target is None and not anchors and ctx.t2row in ("licensing", "penalty", "enforcement") and not ctx.t3row and (
                not ctx.t4block) and n.unit in _COUNT_UNITS and _DECIDED_OR_IS.search(clause[:n.start]) and not re.search(
                r"去年|上年|前年|[0-9０-９]{2,4}年", clause[:n.start]):
            target = f"t2.{ctx.t2row}.decisions"  # "处罚那个 算了还是按原来的612吧": the item named before, in its sentence
        if target is None and _HOTLINE.search(clause) and not _APPLICATIONS_NAMED.search(clause):
            out.not_ours.append(quote)  # a hotline's calls, a mailbox's letters: no figure of this report
            continue
        if target is None:
            out.unexplained.append((c0 + n.start, c0 + n.end, quote))
            continue
        if target.startswith("t4.") and (filed := _FILED_INTO.search(clause, n.end)) and (
                into := next((a for a in vocabulary().anchors(filed.group("col")) if a.kind == "t4col"), None)) and (
                into.key != target.rsplit(".", 1)[1]):
            # "有一件确认违法的我们归到其他了，其他是5件": which column the case was put in, with the others there
            filed_target = f"{target.rsplit('.', 1)[0]}.{into.key}"
            later = re.search(re.escape(filed.group("col")) + r"\s*(?:是|为|有|共)?\s*[0-9０-９一二两三四五六七八九十]+",
                              message[c0 + len(clause):c0 + len(clause) + 40])
            if later:
                out.checked.append(quote)
                continue
            target = filed_target
        if target.startswith("t3.new_received.") and re.match(r"\s*(?:另外|还有|此外)", clause) and isinstance(
                told_in := ctx.earlier.get("t3.new_received.total"), int) and told_in > n.value and any(
                a.kind == "t3row" and a.key == "carried_forward"
                for a in vocabulary().anchors(re.split(r"[。！!？?\n]", clause[-1:] + following)[0])) and not _CORRECTS.search(message[:c0]) and (
                # (with this year's count said in the message, it is read as the carry-forward after the loop)
                not any(x.target.startswith("t3.new_received.") and x.start < c0 for x in out.stated)):
            # "另外还有2件是12月底收到的，没办完，转到明年去": some of the year's told, whose row comes after
            out.unexplained.append((c0 + n.start, c0 + n.end, quote))
            continue
        if target.startswith("t3.new_received.") and ctx.t4block and not re.search(r"申请|依申请|公开", clause) and any(
                x.target.startswith("t4.") and x.start >= ctx.sentence_at for x in out.stated):
            # "复议那个核了 不是5个 是6个 漏了一个12月底收到的": one of the reviews, told about — no application
            out.checked.append(quote)
            continue
        if target.endswith(".issued") and re.search(r"(?:之前|以前|往年|过去|早年|前几年|原来)(?:也|还|共)?(?:制发|印发|发布|发)过?", clause[:n.start]):
            # "之前发过1个（优待证办理的），现在还有效": one of earlier years, in force now — or of no year of this report
            if re.search(r"(?:现在|目前|至今|仍然|仍|现)[都也还]{0,3}(?:有效|在用|没废止|没有废止)", re.split(r"[。！!\n]", following)[0]):
                target = target.removesuffix(".issued") + ".in_force"
            else:
                out.other_year.append(quote)
                continue
        value = _as_value(target, n, clause)
        out.stated.append(Stated(target, value, quote, c0 + n.start, c0 + n.end))
        ctx.last = out.stated[-1]
        if _WRITTEN_BEFORE.search(clause[:n.start]) and _SHOULD_BE.search(following):
            out.written.append(ctx.last)  # "现行有效PDF写的5…。…应该是6件": the draft's value, corrected further on
        if (n.value == 1 and target.startswith("t3.new_received.") and not target.endswith(".total")
                and not ctx.col_focus and not ctx.pending and any(
                    a.kind == "t3row" and a.key not in _NOT_RESULTS for a in vocabulary().anchors(following))):
            # "一件是村民申请的，给他公开了；另一件是个公司申请…属于不掌握": each application and its result
            ctx.pending, ctx.pending_col, ctx.pending_quiet = (n, c0, quote), target.rsplit(".", 1)[1], True
            counts_told = ctx.earlier.get(target), ctx.earlier.get("t3.new_received.total")
            if any(isinstance(v, int) and not isinstance(v, bool) and v > 1 for v in counts_told) and re.match(
                    r"\s*(?:件|个)?\s*(?:是|为)", clause[n.end:]) and not re.match(r"\s*(?:还有|另外|另|又|再)", clause):
                # (not "还有一件是…合作社申请的": one more, which adds)
                # (after "收了三件 两个村民一个公司": one of those told, not this year's count of that applicant)
                out.stated.pop()
                out.checked.append(quote)
                ctx.last = None
        col_after = [a for a in anchors if a.kind == "t3col" and a.start >= n.end]
        row_here = {a.key for a in anchors if a.kind == "t3row" and a.key not in _NOT_RESULTS
                    and clause[a.start:a.end] not in _GENERIC}
        if (len(numbers) == 1 and target.startswith("t3.") and not target.endswith(".total") and len(col_after) == 1
                and row_here == {target[3:].rsplit(".", 1)[0]} and not re.search(r"里|中|其中|除了|除去|除开", clause[:n.start])):
            # "部分公开1件是企业的", "还有1件个人的是重复申请": one count, the whole row and its applicant
            out.stated.append(Stated(target.rsplit(".", 1)[0] + ".total", value, quote, c0 + n.start, c0 + n.end))
            # (so none of the other applicants: the reader's own zeros)
            out.computed += [Stated(f"{target.rsplit('.', 1)[0]}.{c}", 0, quote, c0 + n.start, c0 + n.end)
                             for c in L.T3_APPLICANT_COLUMNS if c != target.rsplit(".", 1)[1]]
        if target.startswith("t3.new_received.") and not target.endswith(".total") and (
                _RESTATED.match(clause[max(n.end, n.unit_end):]) or _REFERENCE.search(clause[:n.start])):
            ctx.col_focus = target.rsplit(".", 1)[1]  # "个人申请的7件里…", "企业那1件…"
        if (target.startswith("t3.") and not target.endswith(".total") and not ctx.col_focus
                and not target.startswith(("t3.new_received.", "t3.carried_over.", "t3.total."))
                and (opened := re.match(r"\s*([\u4e00-\u9fa5]{1,6}?)的\s*(?:[0-9０-９]+|[一两二三四五六七八九十]{1,3})\s*(?:件|个)", clause))
                and [a.key for a in vocabulary().anchors(opened.group(1))] == [target.rsplit(".", 1)[1]]):
            ctx.col_focus, ctx.col_whole = target.rsplit(".", 1)[1], False  # "个人的三件给了 一件…没给": that applicant's others
        if target.startswith("t3.total.") and not target.endswith(".total"):
            ctx.col_focus, ctx.col_whole = target.rsplit(".", 1)[1], False  # "企业的办结121件，…其余公开28": its results
        elif target.startswith("t3.new_received.") and not target.endswith(".total") and re.match(
                r"\s*[\u4e00-\u9fa5]{1,6}的(?:今年|本年)?(?:新收|收到|申请)", clause):
            ctx.col_focus, ctx.col_whole = target.rsplit(".", 1)[1], False  # "企业的今年新收6件，公开4件…": its results
        if target.startswith("t3.") and target.endswith(".total"):
            row = target[3:-6]
            ctx.t3rows_said.append((row, int(value), sentence.find(clause.strip()) + n.start))
            tail = clause[max(n.end, n.unit_end):]
            cols = [a for a in vocabulary().anchors(tail) if a.kind == "t3col"]
            if len(cols) == 1 and not re.sub(_FILLER, "", tail[:cols[0].start] + tail[cols[0].end:]):
                # "重复申请2件个人": the whole row is that applicant's
                out.stated.append(Stated(f"t3.{row}.{cols[0].key}", int(value), quote, c0 + n.start, c0 + n.end))
                ctx.t3rows_said.pop()
                if _ALL_OF.search(tail[:cols[0].start]) and not re.search(r"[（(][^）)]*$", message[:c0 + n.start]):
                    # ("所以予以公开3件都是个人": none of the other applicants, the reader's own zeros)
                    out.computed += [Stated(f"t3.{row}.{c}", 0, quote, c0 + n.start, c0 + n.end)
                                     for c in L.T3_APPLICANT_COLUMNS if c != cols[0].key]
        if target.startswith("t3.") and not target.endswith(".total"):
            row = target[3:].rsplit(".", 1)[0]
            ctx.t3rows_said = [x for x in ctx.t3rows_said if x[0] != row]
        if target.startswith("t4.") and target.endswith(".total"):
            ctx.t4total[target.split(".")[1]] = int(value)
            # "复议1件维持": a result word after the count, with no number of its own
            results = [a for a in anchors if a.kind == "t4col" and a.start >= n.end]
            if len(results) == 1 and not any(m.start > n.start for m in numbers):
                out.stated.append(Stated(target.rsplit(".", 1)[0] + "." + results[0].key, int(value), quote,
                                         c0 + n.start, c0 + n.end))
    _update_context(ctx, anchors)
    if replaced == len(numbers):
        ctx.waiting += anchors  # "一共16件……不对，是15件": the words wait for the right number
    elif anchors:
        ctx.waiting = []  # a clause with its own words: the words waiting before are not its


_MISSED = re.compile(r"漏(?:说|写)?(?:了|掉了?)\s*$|漏(?:说|写)\s*$")  # ("制发漏了一件…，是6件")
_MORE_BY = re.compile(r"(?:再|又|还|还要|还得|要|得|需要|各|都)(?:加|添|增加|补)上?\s*$|(?<=[那里这里行栏格])(?:加|增加)上?\s*$|(?:予以公开|部分公开|不掌握的?|结转下年|公开的)(?:加|增加)上?\s*$|少(?:算|报|统计|写|计|录|填|数)了?\s*$|"
                      r"(?:又|后来|另外|还)?补(?:录|报|登|充)了?\s*$|"
                      r"漏(?:报|算|统计|录|填|计|数)了?\s*$|" + _MISSED.pattern)
_LESS_BY = re.compile(r"多(?:算|报|统计|写|计|录|填|数)了?\s*$|(?:再|要|得)?(?:减|扣)(?:掉|去|除)?\s*$|重复(?:算|统计|计)了?\s*$")
_REVISED_FROM = re.compile(r"(?:在|按|以)(?:初稿|上一版|上一稿|上版|原稿|原来的?|之前的?|第[一二三四]版)(?:的)?(?:基础上|为准改)|改了(?:这|以下|下面)?几处|只改了|就改了")
_MORE_IN_REVISION = re.compile(r"(?:加|增加|添|多|多了|增)\s*$")
_LESS_IN_REVISION = re.compile(r"(?:减|减少|扣|少|少了)\s*$")
# "现行有效那个4是去年的": an item's value refused as last year's
_LAST_YEARS_VALUE = re.compile(r"(?P<item>[\u4e00-\u9fa5]{2,8}?)(?:那个|这个|的)?\s*[0-9０-９]+\s*(?:件|条|篇|场)?(?:是|为)(?:去年|上年|上一年)(?:的?(?:报告|年报)(?:上|里)?)?的"
                               # "规范性文件现行有效说错了，47是废止之前的数": the item said wrong
                               r"|(?P<wrong>[\u4e00-\u9fa5]{2,8}?)(?:那个|这个)?(?:说错了|写错了|填错了|报错了|搞错了|弄错了)")
# "…38件是去年报告上的，我看错了，今年台账是41件": this year's value, after last year's was refused
_THIS_YEARS_IS = re.compile(r"\s*(?:今年|本年|今年的|本年度)(?:台账|登记本|系统)?(?:上|里)?(?:的)?(?:数)?(?:是|为|有)\s*"
                            # "今年综合执法队报的是28件": who gave this year's figure
                            r"|\s*(?:今年|本年|今年的|本年度)[\u4e00-\u9fa5]{2,8}?(?:报的|报上来的|给的|统计的|登记的|报过来的)(?:数)?(?:是|为)\s*")
_ABSOLUTE_AFTER = re.compile(r"应该?是|应为|改成|改为|实际是|准确的?是|一共是|总共是|共计?是?")


# the parts of a message that say what to take off and what to add to the figures given before
_SECTION_SIGN = re.compile(r"(?:要|需要|得|应该)?(?:(?P<less>去掉|减去|减掉|扣掉|扣除|剔掉|拿掉)|(?P<more>加上|补上|加进去|加回))的(?:是|有)")


def _by_difference(message: str, out: Reading) -> None:
    # "第二版是在初稿基础上改的，就改了这几处：新收 个人 加3…": every figure said with 加/减/多/少 is a change
    revision = bool(_REVISED_FROM.search(message))
    sections = [(m.start(), 1 if m.group("more") else -1) for m in _SECTION_SIGN.finditer(message)]
    net: dict[str, list[Stated]] = {}
    for x in list(out.stated):
        section = [sign for at, sign in sections if at <= x.start]
        if section and x.target.startswith("t3.") and isinstance(x.value, int | Decimal) and not isinstance(x.value, bool):
            # "要去掉的是去年12月办结的…个人2企业1。要加上的是今年12月办结的：…": a period moved at both ends
            net.setdefault(x.target, []).append(Stated(x.target, section[-1] * int(x.value), x.quote, x.start, x.end))
            out.stated.remove(x)
    for target, said in net.items():
        change = sum(int(x.value) for x in said)
        out.checked += [x.quote for x in said]
        if change:
            out.stated.append(Stated(target, abs(change), said[-1].quote, said[-1].start, said[-1].end))
            out.by_difference[target] = 1 if change > 0 else -1
    if net:
        # ("那3件公开的，个人2企业1": the count of the details taken off)
        out.checked += [message[m.start():m.end()] for m in re.finditer(r"[那这][0-9０-９]+\s*件", message)]
    for x in list(out.stated):
        if not isinstance(x.value, int | Decimal) or isinstance(x.value, bool) or x.target in net:
            continue
        head = max(message.rfind(ch, 0, x.start) for ch in "，,。；;！？\n 　") + 1
        before = message[head:x.start]
        if _MISSED.search(before) and any(y.target == x.target and y.start < x.start for y in out.stated):
            continue  # ("许可…是215件 上次漏了两件": the value said first; the missed ones weighed against the old one)
        sign = 1 if _MORE_BY.search(before) else -1 if _LESS_BY.search(before) else 0
        if revision and not sign:
            sign = 1 if _MORE_IN_REVISION.search(before) else -1 if _LESS_IN_REVISION.search(before) else 0
        if x.target.startswith("t3.") and not revision and not sign and (change_said := re.search(r"(?:再|要|得)?(?:加|增加|加上)\s*$|(?:再|要|得)?(?:减|减少|扣|扣掉|减掉)\s*$", before)):
            sign = -1 if re.search(r"减|扣", change_said.group(0)) else 1  # ("结转下年度 个人 加1": a change of that cell)
        elif x.target.startswith("t3.") and not revision and not (sign and x.target.endswith(".total") and re.search(r"加|补|减|扣", before)):
            continue  # (table 三: only a row's count said to be added to or taken from, "新收和公开各加3")
        if not sign:
            continue
        end = min((i for i in (message.find(ch, x.end) for ch in "。；;！？\n") if i >= 0), default=len(message))
        base = [y for y in out.stated if y.target == x.target and y.value != x.value]
        if len(base) == 1 and base[0].end <= x.start and not _ABSOLUTE_AFTER.search(message[x.end:end]) and (
                total := base[0].value + sign * x.value) >= 0:  # type: ignore[operator]
            # "处罚九件 处罚再加2件": the figure said, and the difference to it, in one message
            out.stated = [y for y in out.stated if y is not x and y is not base[0]]
            out.computed.append(Stated(x.target, total, message[base[0].start:x.end], base[0].start, x.end))
            continue
        if (value_said := next((u for u in out.unexplained if x.end < u[0] < end and re.fullmatch(
                r"\s*(?:那|所以|那就|一共|总共)?(?:就)?是\s*[0-9０-９]+\s*[件条篇个场]?", u[2])), None)) is not None:
            # "规范性文件制发漏了一件和财政部联合印发的，是6件": the missed one, then the value with it
            out.stated = [y for y in out.stated if y is not x]
            out.checked.append(x.quote)
            out.unexplained.remove(value_said)
            out.stated.append(Stated(x.target, parse_number(message[value_said[0]:value_said[1]]) or 0, value_said[2], value_said[0], value_said[1]))
            continue
        if _ABSOLUTE_AFTER.search(message[x.end:end]) or base:
            continue  # "自然人那里多写了一个 应该是98": the value is said
        out.by_difference[x.target] = sign
        # "…再加2件 十二月二十七号那两件他们漏报了", "…少算了10条，规划公示栏目那10条没统计进去":
        # the same difference explained
        out.stated = [y for y in out.stated if y.target != x.target or y is x]
        told = [u for u in out.unexplained if re.search(r"那|这", u[2]) and (re.search(
            r"漏|少|没(?:统计|算|报)|多", u[2])) and any(n.value == x.value for n in find_numbers(u[2]))]
        out.unexplained = [u for u in out.unexplained if u not in told]
        out.checked += [u[2] for u in told]


# "那个人后来去申请复议了 市政府维持了我们的决定", "去区政府申请了行政复意 区里还没出结果": one case
# told as what a person did, with no count
_FILED = {"review": re.compile(r"(?:申请了?|提起了?|提了|去|又去)(?:行政)?复[议意]了?|复[议意]了"),
          "litigation": re.compile(r"起诉了|告到法院|去法院告|告了我们|把我们告了|打(?:了|起了)官司")}
_NOT_ONE_CASE = re.compile(r"去年|上年|前年|都|几个|几件|有人|他们|她们|不算|无关|要是|如果|会不会|吗")


def _t4_case_told(sentence: str, s0: int, quote: str, out: Reading) -> None:
    if _NOT_FILED.search(sentence) or any(
            x.target.startswith("t4.") and s0 <= x.start <= s0 + len(sentence) for x in [*out.stated, *out.computed]):
        return
    voc = vocabulary()
    told = [(c, voc.anchors(c)) for _, c in _clauses(sentence, 0)]
    filed = [(c, anchors) for c, anchors in told if any(
        (a.kind == "t4block" and a.key != "litigation") or a.kind == "t4col" for a in anchors)
        and not (_SAID_NONE.search(c) and not any(a.kind == "t4col" for a in anchors))
        # (not a heading over the story: "复议诉讼：那个房地产公司…")
        and re.sub(r"[\s：:，,、和及与]|行政|复议|诉讼|情况|方面|这块|的", "", c)]
    blocks = {a.key for _, anchors in filed for a in anchors if a.kind == "t4block"}
    text = "".join(c for c, _ in filed)
    kind = "review" if blocks == {"review"} and _FILED["review"].search(text) else None
    if kind is None and _FILED["litigation"].search(text) and len(blocks - {"litigation"}) == 1:
        kind = next(iter(blocks - {"litigation"}))
    if kind not in ("review", "litigation_direct", "litigation_after_review") or _NOT_ONE_CASE.search(text) or any(
            not _ORDINAL.search(text[:n.start]) and n.unit not in ("年", "月", "日", "号") and not re.match(r"\s*(?:月|日|号)", text[n.end:])
            for n in find_numbers(text)):  # (a date says when, no count: "到12月底还没判")
        return
    results = {a.key for _, anchors in filed for a in anchors if a.kind == "t4col"}
    # (no numeral in the words: the reader's own count of one, recorded as computed, like a sum)
    out.computed.append(Stated(f"t4.{kind}.total", 1, quote, s0, s0 + len(sentence)))
    if len(results) == 1:
        out.computed.append(Stated(f"t4.{kind}.{results.pop()}", 1, quote, s0, s0 + len(sentence)))


# "他说要去复议，后来没去": threatened, not filed
_NOT_FILED = re.compile(r"说要|要去|打算|想去|准备|扬言|威胁|没去|没有去|没复议|没告|没起诉|撤回复议前|会去")


# "企业要别家企业环评的附件，…": who asked opens the sentence, before what was asked for
_WHO_ASKED = re.compile(r"\s*(?:还有|另外|其中)?有?(?:一个|一家|一位|一名)?(?P<who>[^，,、：:要问]{1,8}?)的?(?:要|申请|问|想要|想了解)")


def _asked_by(sentence: str, s0: int, out: Reading) -> None:
    """"企业要别家企业环评的附件，涉及商业秘密，2件": the one row this sentence gives a count is of the
    applicant who asked."""
    head = max(sentence.rfind("："), sentence.rfind(":")) + 1  # "不予公开4件：企业要…"
    m = _WHO_ASKED.match(sentence, head)
    if not m:
        return
    cols = {a.key for a in vocabulary().anchors(m.group("who")) if a.kind == "t3col"}
    if len(cols) != 1:
        return
    col = cols.pop()
    here = [x for x in out.stated if s0 <= x.start < s0 + len(sentence) and x.target.startswith("t3.")]
    if len(here) != 1 or not here[0].target.endswith(".total") or here[0].target.startswith(
            ("t3.new_received.", "t3.carried_over.", "t3.total.")):
        return
    t = here[0]
    out.stated.append(Stated(f"{t.target[:-len('.total')]}.{col}", t.value, t.quote, t.start, t.end))


def _all_of_one_column(sentence: str, quote: str, ctx: _Context, out: Reading) -> None:
    """"都是自然人" / "都是个人申请的": every row given a total in this sentence, with no column said
    for it, is all of that column."""
    # ("企业9件 律所3件 其余是个人 去年结转过来2件 都是个人的": each is about the rows before it)
    # ("…部分公开3 都是个人 不予公开2个 保护第三方1 过程性信息1 都是个人的": each said of the rows before it)
    found = [*re.finditer(r"(?:都|全|均|全部)(?:是|为|属于)(?P<who>[^，,。；;\s]{1,8})", sentence), *[x for x in (re.search(
        r"(?:(?<=其余)|(?<=剩下)|(?<=剩余)|(?<=其余的)|(?<=剩下的))(?:是|为|属于)(?P<who>[^，,。；;\s]{1,8})", sentence) or re.search(
        # "予以公开27件，其中企业5件…，其余个人": the rest's applicant, no verb
        r"(?:(?<=其余)|(?<=剩下)|(?<=剩余)|(?<=其余的)|(?<=剩下的))(?P<who>[^，,。；;\s0-9０-９是为都全均]{1,6}?)的?(?=[，,。；;\s]|$)", sentence),) if x]]
    lo = 0
    for m in sorted(found, key=lambda x: x.start()):
        _one_column_said(m, lo, sentence, quote, ctx, out)
        lo = m.end()
        if re.search(r"(?:不予公开|无法提供|不予处理|其他处理)\s*[0-9０-９一二两三四五六七八九十]+\s*件\s*[，,]?\s*$", sentence[:m.start()]):
            # "不予公开 2件 都是个人的 1件涉及国家秘密 1件涉及第三方": the group's rows told after it
            cols = {a.key for a in vocabulary().anchors(m.group("who")) if a.kind == "t3col"}
            if len(cols) == 1:
                col = next(iter(cols))
                for row, total, pos in ctx.t3rows_said:
                    if pos >= m.end() and not any(x.target == f"t3.{row}.{col}" for x in out.stated):
                        out.stated.append(Stated(f"t3.{row}.{col}", total, quote, 0, 0))
    ctx.t3rows_said.clear()


_ALL_OF = re.compile(r"都|全|均|全部")
_WHOSE_AFTER = re.compile(r"[0-9０-９一二两三四五六七八九十]+\s*件\s*(?:是|为)?\s*(?P<who>[^，,。；;\s0-9０-９]{1,6}?)(?:申请)?的")


def _whose_after(sentence: str, pos: int, col: str) -> bool:
    """The row's count in the clause at ``pos`` is followed by another applicant's name ("1件是企业的", "1件 企业的")."""
    stop = min([p for ch in "，,。；;" if (p := sentence.find(ch, pos)) >= 0] or [len(sentence)])
    m = _WHOSE_AFTER.search(sentence, pos, stop)
    return m is not None and any(a.kind == "t3col" and a.key != col for a in vocabulary().anchors(m.group("who")))


def _one_column_said(m: re.Match[str], lo: int, sentence: str, quote: str, ctx: _Context, out: Reading) -> None:
    # "都是群众个人申请的": two words for one applicant column are one column
    cols = list({a.key: a for a in vocabulary().anchors(m.group("who")) if a.kind == "t3col"}.values())
    if len(cols) != 1:
        return
    # only rows said before the words (a voice-input sentence runs on with other rows after them);
    # "除了律所那件 其余都是个人的": the rest of each row, after what other applicants took
    if re.search(r"倍|比[^，,。；;]{1,14}?(?:多|少)", sentence):
        return  # ("企业的是公益组织的两倍，…其余都是个人": what the others took is not all told)
    rest = re.search(r"(?:剩下|其余|剩余|其他|别的|另外)的?(?:申请)?\s*$", sentence[:m.start()])
    if rest and _a_count_left(out, ctx.sentence_at, ctx.sentence_at + m.start()):
        return  # ("共找到 9 条记录，企业那1件…，剩下都是自然人的": the rest of a set not understood)
    # "都是个人申请的，除了2件是企业的、1件是律师事务所的": the exceptions told after the words
    but_after = re.match(r"[，,、\s]*(?:除了|除去|除开)", sentence[m.end():]) is not None
    but = bool(re.search(r"除了|除去|除开", sentence[:m.start()]) or rest or but_after)
    said = list(ctx.t3rows_said)
    earlier_rows: set[str] = set()
    if rest or but_after:  # "新收25件 企业4件 环保组织2件 剩下的都是个人": rows some of whose applicants were named
        # "…本机关不掌握3件。除了律所那件是执法案卷、企业那件是不掌握，其余全是个人的": a sentence that
        # opens with the exceptions and counts nothing itself is of every row the message said
        whole = bool(rest and re.match(r"\s*(?:除了|除去|除开)", sentence)) and not any(
            x.target.startswith("t3.") and x.target.endswith(".total") and x.start >= ctx.sentence_at for x in out.stated)
        before = [x for x in out.stated if x.target.startswith("t3.") and x.target.endswith(".total")
                  and (x.start >= ctx.sentence_at or (whole and not x.target.startswith("t3.total.")))
                  and x.target[3:-6] not in {r for r, _, _ in said}
                  and not any(y.target == f"{x.target[:-6]}.{cols[0].key}" for y in out.stated)]
        said += [(x.target[3:-6], int(x.value), max(0, x.start - ctx.sentence_at)) for x in before]
        # (rows of sentences before: what they leave is the reader's own sum, recorded as computed)
        earlier_rows |= {x.target[3:-6] for x in before if x.start < ctx.sentence_at}
        # "申请人：企业7件，环保组织2件…，其余都是个人" after "新收46件" in a message before
        for x in out.stated:
            row = x.target[3:].rsplit(".", 1)[0] if x.target.startswith("t3.") else ""
            if (row and not x.target.endswith(".total") and x.start >= ctx.sentence_at
                    and row not in {r for r, _, _ in said} and isinstance(ctx.earlier.get(f"t3.{row}.total"), int)
                    and not any(y.target in (f"t3.{row}.total", f"t3.{row}.{cols[0].key}") for y in out.stated)):
                said.append((row, int(ctx.earlier[f"t3.{row}.total"]), x.start - ctx.sentence_at))  # type: ignore[call-overload]
                earlier_rows.add(row)
    in_range = [x for x in said if lo <= x[2] < m.start() or (but_after and x[2] >= m.end())]
    if not but and len(in_range) > 1:
        # ("新收的 自然人21件 企业3件 一共24件 去年结转2件 都是个人": not the row whose applicants were told;
        # "不予公开1件是企业的 …，本机关不掌握5件 都是个人": nor the one whose applicant follows its count)
        in_range = [x for x in in_range if not any(y.target.startswith(f"t3.{x[0]}.") and not y.target.endswith(".total")
                                                   for y in out.stated) and not _whose_after(sentence, x[2], cols[0].key)] or in_range
    # "不掌握4件，除了律所那件，其他都是个人": that one application is the row's, when no other row is said
    that_one = _EXCEPT_THAT_ONE.search(sentence[:m.start()])
    that_col = {a.key for a in vocabulary().anchors(that_one.group("who")) if a.kind == "t3col"} if that_one else set()
    for row, total, _pos in in_range:
        if (len(in_range) == 1 and len(that_col) == 1 and that_one and (col := next(iter(that_col))) != cols[0].key
                and not any(x.target == f"t3.{row}.{col}" for x in out.stated)):
            n = {"": 1, "一": 1, "两": 2, "二": 2, "俩": 2, "三": 3}[that_one.group("n")]
            out.stated.append(Stated(f"t3.{row}.{col}", n, that_one.group(0), 0, 0))
        # (one applicant's cell said twice, "律所那件就是不掌握 除了律所那件", is one)
        others = sum({x.target: int(x.value) for x in out.stated if x.target.startswith(f"t3.{row}.")
                      and x.target.rsplit(".", 1)[1] not in ("total", cols[0].key)}.values()) if but else 0
        if but and not others and row == "new_received":
            # ("共收到申请6件，商业企业1件予以公开，其余均为自然人申请": the enterprise's one is of the 6 too)
            others = sum({x.target: int(x.value) for x in out.stated if x.target.startswith("t3.") and x.start >= ctx.sentence_at
                          and x.target.rsplit(".", 1)[0] not in ("t3.new_received", "t3.carried_over", "t3.total", "t3.carried_forward")
                          and x.target.rsplit(".", 1)[1] not in ("total", cols[0].key)}.values())
        if total - others >= 0:
            # (from a total said in a message before: computed, not written here)
            into = out.computed if row in earlier_rows else out.stated
            into.append(Stated(f"t3.{row}.{cols[0].key}", total - others, quote, 0, 0))
            if not but and not others and len(in_range) == 1 and row != "total" and _ALL_OF.search(m.group(0)) and not re.search(
                    r"[（(][^）)]*$", sentence[:m.start()]):
                # "所以予以公开3件都是个人": all of the row, so none of the other applicants (the reader's own zeros)
                out.computed += [Stated(f"t3.{row}.{c}", 0, quote, 0, 0) for c in L.T3_APPLICANT_COLUMNS if c != cols[0].key
                                 and not any(x.target == f"t3.{row}.{c}" for x in out.stated)]
