"""Whether a sentence asks something (answered from the guide, never read as a fact)."""

from __future__ import annotations

import re

__all__ = ["is_question"]

_QUESTION = re.compile(r"[?？]\s*$|怎么(?:算|填|写|统计|办|弄|导出|下载|打印|生成|保存)|咋(?:算|填|写|弄|办|统计)|(?:填|算|放|归|记)(?:在|到|进|入)?哪(?:里|儿|行|个|一行|栏|一栏|列|一列|类|一类|项|一项)|"
                       # "他一直不回的那种 算表三哪一项啊": which row, asked without a question mark
                       r"(?:算|属于|归|填|放|记)(?:在|到|进|入)?表[二三四](?:里|里的|的)?(?:哪|哪一|什么)(?:行|栏|项|格|个|类|种)|"
                       r"如何|是否|算不算|要不要|能不能|需不需要|哪几|哪些|什么意思|为什么|"
                       r"(?:吗|么|呢)[。.]?\s*$|(?:对吧|对不对|没错吧)[。.]?\s*$|(?:是|指)(?:表[二三四])?(?:哪|哪一|什么)(?:行|栏|项|格|个)(?:啊|呀|呢)?[。.]?\s*$|"
                       # "复议那个出结果没", "去年有没有结转过来的", "收费了没有": asked without a question mark
                       r"(?:了|过|完|出结果|结果)没有?\s*$|有没有|是不是|(?P<v>[收办交报发算出给])[没不](?P=v)|"
                       # "问一下 …算其他处理还是不予处理" (voice input, no question mark): asked all the same
                       # "不动产登记费那个表里是按万元填吧": how to fill it, asked to be confirmed
                       r"(?:是|应该)[^，,。；;\s0-9０-９]{0,12}(?:填|写)[^，,。；;\s0-9０-９]{0,4}吧[。.]?\s*$|"
                       r"^(?:问一下|请问|想问一下?|我想问一下?|请教一下?)|(?:算|是|放|填)(?!了)[^，,。；;\s]{1,16}还是(?!按|就|用)[^，,。；;吧\s]{1,12}$")


def is_question(sentence: str) -> bool:
    return bool(_QUESTION.search(sentence.strip()))
