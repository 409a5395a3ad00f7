"""What a message asks for besides facts: undo, a summary, skipping, importing last year's report,
drafting, or a correction ("不对，网站是150条"). Anything else is an answer with facts.

Matching is deliberately narrow (short whole messages, or a fixed opening), so an answer that only
mentions one of these words is still read as an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Intent", "IntentKind", "parse_intent"]

IntentKind = Literal["facts", "correction", "undo", "summary", "skip", "import", "draft", "preview"]

_END = r"[。.！!？?～~]*"
_UNDO = re.compile(r"^(?:请)?(?:撤销|撤回|撤消|回退|取消)(?:一下)?(?:上一步|上一条|上一次|刚才|刚才的)?"
                   r"(?:的)?(?:修改|操作|记录|那条|输入)?(?:吧)?" + _END + "$"
                   # "撤销，刚才那只是台账里的几行不是全部": the undo, and why (no figure in it)
                   r"|^(?:请)?(?:撤销|撤消|回退)(?:一下)?(?:上一步|刚才的?)?(?:吧)?[，,\s]+(?=[^0-9０-９]*(?:刚才|那|不是|只是|错|不对|发串))"
                   r"[^0-9０-９]{2,40}$"
                   # "我是问问，我们没有这种的，撤销": why first, then the undo (no figure in it)
                   r"|^(?=[^0-9０-９]{2,40}$)[^。！!？?]*?(?:问问|问一下|只是问|是问|搞错|弄错|发错|不是这个意思|没有这种)[^0-9０-９]*?[，,\s]+"
                   r"(?:请|帮我|麻烦)?(?:撤销|撤消|回退)(?:一下)?(?:吧|掉)?" + _END + "$")
_SUMMARY = re.compile(r"^(?:[^0-9０-９。！!？?]{0,16}?[\s，,]+)?(?:请问|那)?(?:还(?:缺|差|需要|要|少)(?:些)?(?:什么|哪些|啥|多少|几项|哪个|哪件|哪几个|哪几件)|缺(?:什么|哪些|啥)|"
                      r"还有(?:什么|哪些)(?:没|未)(?:填|说|提供|给)|(?:看看|查看|显示)?(?:进度|清单|待办|汇总)|"
                      r"哪些(?:还)?(?:没|未)(?:填|说|给))(?:了|呢|吗)?(?:内容|信息|事项)?(?:呢|吗)?" + _END + "$")
# "校验一下", "表里有没有对不上的地方？", "能对上吗": the tables' sums checked
_CHECK = re.compile(r"^(?:请|帮我|麻烦)?(?:校验|检查|核对|核验|验证)(?:一下|下)?(?:表格?|数字|数据|报告)?(?:吧)?" + _END + "$"
                    r"|^[^。！!]{0,12}(?:有没有|有无|是否有)[^。！!]{0,8}(?:对不上|不一致|矛盾|错)[^。！!]{0,8}" + _END + "$"
                    r"|^[^。！!]{0,12}(?:能对上|对得上|对的上|对不对得上|平不平|能不能对上)(?:吗|么|不|吧|了吧|没)?" + _END + "$"
                    # "校验一下 数字都对得上吧": the check asked for, with what the clerk hopes
                    r"|^(?:请|帮我|麻烦)?(?:校验|检查|核对|核验)(?:一下|下)?[\s，,]+[^。！!0-9０-９]{0,12}(?:对得上|对的上|能对上|没问题|没错|对不对)"
                    r"(?:吗|么|吧|了吧|不|没)?" + _END + "$"
                    # "刚才说对不上 到底是哪个数不对啊？": which sums do not hold
                    r"|^[^。！!0-9０-９]{0,16}(?:哪个|哪些|哪几个|哪几处|哪里|哪儿|什么地方)(?:数|格|地方)?(?:不对|对不上|有问题|错了)[啊呀呢吗]?"
                    + _END + "$"
                    # "科长说有个错误 在哪": where the error is that blocks the approval
                    r"|^[^。！!0-9０-９]{0,12}(?:有个|有一个|有几个|有些|有)?(?:错误|错)[\s，,]*(?:在哪|在哪儿|在哪里|是什么|是啥|是哪)[啊呀呢吗里]?"
                    + _END + "$")
_SKIP_WORDS = r"(?:跳过|不清楚|不知道|不确定|不详|记不清|说不准|待定|暂不填|以后再说|稍后再说|回头再说|先空着|晚点再说)"
_SKIP = re.compile(r"^(?:这(?:个|些|项|几项)?|先|暂时|我)?" + _SKIP_WORDS + r"(?:吧|了|呢)?" + _END + "$")
_SKIP_NAMED = re.compile(r"^(?P<what>[^，,。]{2,24}?)(?:先|暂时|我)?(?:还)?" + _SKIP_WORDS + r"(?:吧|了)?" + _END + "$")
_SKIP_FIRST = re.compile(r"^(?:先)?(?:跳过)(?P<what>[^，,。]{2,24}?)(?:吧)?" + _END + "$")
_IMPORT = re.compile(r"^(?:请)?(?:导入|上传|读取|载入)(?:一下)?(?:上年|去年|上一年|上年度|上一年度)(?:的)?(?:政府信息公开)?"
                     r"(?:工作)?(?:年度)?(?:报告|年报)[:：\s]*(?P<path>\S.*?)\s*$")
_DRAFT = re.compile(r"^(?:请|开始|帮我)?(?:再|重新)?(?:生成|起草|撰写|写)(?:一下|一遍|一次)?(?:报告)?(?:的)?(?:全部|所有)?(?:初稿|草稿|正文|叙述部分|全文)?(?:吧)?"
                    + _END + "$")
# "先生成初稿吧 数我回头再对": drafting asked for first, with a word of what comes after (no figure)
_DRAFT_FIRST = re.compile(r"^(?:先|那就|那|好的?|行)?[，,\s]*(?:请|帮我)?(?:生成|起草)(?:一下)?(?:初稿|草稿|正文)(?:吧|了)?"
                          r"(?:[，,。\s]+[^0-9０-９]{0,24})?$")
_PREVIEW = re.compile(r"^(?:请|让我|给我|我)?(?:看看|看一下|看一看|看下|瞧瞧|显示|预览|查看)(?:一下)?(?:现在的|目前的)?"
                      r"(?:初稿|草稿|报告|全文|预览|效果)?(?:吧|呢)?" + _END + "$")
_CORRECTION = re.compile(r"^(?:(?:哦|噢|啊|呃|诶|哎)?(?:等下|等一下)?[，,\s]*)?(?:不对不对|不对|不是的?|错了|刚才说错了|说错了|"
                         r"搞错了|写错了|弄错了|有误|更正一下|更正|纠正一下|纠正|修改一下|改一下)"
                         r"[，,。.:：！!、\s]*(?P<rest>\S.*)$", re.S)


@dataclass(frozen=True, slots=True)
class Intent:
    kind: IntentKind
    text: str = ""  # the rest of a correction, the thing to skip, or the file to import


# "上面那条不算，是医保局的！我帮他们也在弄，发串了": the message before was sent by mistake — taken back whole
_TAKE_BACK = re.compile(r"^(?:哦|啊|呃|哎|不好意思)?[，,\s]*(?:上面|上一条|刚才|刚刚|前面)(?:那条|这条|发的那条|发的|那个|那些)?"
                        r"(?:消息|信息|数据|数字|数)?[，,\s]*(?:不算|作废|不要了|发错了|发串了|是别的单位的|是别家的|"
                        r"是[^，,。！!\s]{1,10}(?:局|委|办|中心|院|厅|所|站|单位|街道|镇|乡)的)")


# "不是 上面是去年的报告 我是说格式照着去年写", "刚才贴的去年那段 里面的数别记啊": the message before was
# last year's — what it recorded is taken back (when that message was of last year: see the service)
_WAS_LAST_YEARS = re.compile(r"^[^0-9０-９]{0,12}?(?:上面|上一条|刚才|刚刚|前面)(?:贴|发|说|给)?的?(?:那段|那些|这段|那条|那个)?"
                             r"[，,\s]*(?:是|都是|写的是)(?:去年|上年|上一年)(?:的)?[^0-9０-９]{0,40}$"
                             r"|^[^0-9０-９]{0,12}?(?:去年|上年)(?:的)?(?:那段|那份|报告|年报)[，,\s]*(?:里面?|里头|上)?的?(?:数|数字)"
                             r"[，,\s]*(?:别|不要|不用|不能|不该)(?:记|算|填|录)[^0-9０-９]{0,12}$")


def parse_intent(message: str) -> Intent:
    s = message.strip()
    if _TAKE_BACK.match(s):
        return Intent("undo")
    if "\n" not in s and _WAS_LAST_YEARS.match(s):
        return Intent("undo", "last_year")
    if "\n" not in s and len(s) <= 40:
        if _UNDO.match(s):
            return Intent("undo")
        if _SUMMARY.match(s):
            return Intent("summary")
        if _CHECK.match(s):
            return Intent("summary", "check")
        if _SKIP.match(s):
            return Intent("skip")
        if m := _SKIP_FIRST.match(s):
            return Intent("skip", m.group("what"))
        if m := _SKIP_NAMED.match(s):
            return Intent("skip", m.group("what"))
        if _DRAFT.match(s) or _DRAFT_FIRST.match(s):
            return Intent("draft")
        if _PREVIEW.match(s):
            return Intent("preview")
    if "\n" not in s and (m := _IMPORT.match(s)):
        return Intent("import", m.group("path").strip("“”\"'《》"))
    if m := _CORRECTION.match(s):
        return Intent("correction", m.group("rest").strip())
    return Intent("facts")
