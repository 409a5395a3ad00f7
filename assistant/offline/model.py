"""``OfflineModel``: the rule engine behind the same seam as a real model. The default.

It reads the structured ``inputs`` of a request (never the rendered prompt): extraction by
keyword and number patterns, drafting by templates, repair by dropping the sentences that hold
an ungrounded number, revision by the instructions it can follow to the letter (补充：…,
把“甲”改成“乙”, 删去“…”, 删去最后一句); any other is refused, saying what it can do
(``revise_hint``). No network.
"""

from __future__ import annotations

import re
import time

from assistant.llm.errors import OfflineUnsupportedError
from assistant.llm.prompts import PromptFile, load_prompt
from assistant.llm.types import LLMRequest, LLMResponse
from assistant.numbers import cn_to_number, find_numbers
from assistant.offline.extract import offline_patch
from assistant.offline.templates import draft_offline

__all__ = ["OfflineModel", "revise_hint"]

_OPEN, _CLOSE = "“\"「『‘'", "”\"」』’'"
_QUOTED = rf"[{_OPEN}]?(?P<{{}}>.+?)[{_CLOSE}]?"
_REPLACE = re.compile(rf"^(?:把|将){_QUOTED.format('old')}(?:改为|改成|换成|替换为){_QUOTED.format('new')}[。.]?$")
_DELETE_NTH = re.compile(r"^(?:删去|删除|去掉)(?:最后|第(?P<n>[一二三四五六七八九十\d]+))一?句话?[。.]?$")
_DELETE = re.compile(rf"^(?:删去|删除|去掉){_QUOTED.format('old')}[。.]?$")
# the colon tells a sentence to add from a wish to fulfil (补充一些具体措施: a model's work)
_APPEND = re.compile(r"^(?:补充|增加|加上|添加)[:：](?P<new>.*)$")
_ENDS = "。！？；;，,、：:.!? "
# ASCII punctuation typed in an instruction, as a formal text writes it (not inside numbers: 1,000 and 9:30)
_FULLWIDTH = ((re.compile(r"(?<!\d),|,(?!\d)"), "，"), (re.compile(r";"), "；"), (re.compile(r"(?<!\d):|:(?!\d)"), "："),
              (re.compile(r"\?"), "？"), (re.compile(r"!"), "！"), (re.compile(r"\("), "（"), (re.compile(r"\)"), "）"))
_WIDE = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"  # Chinese characters and full-width punctuation
_VERSION = "offline.revise@2"


def _sentences(text: str) -> list[str]:
    return re.findall(r"[^。！？]+[。！？]?", text)


def _hints() -> PromptFile:
    return load_prompt("offline/revise")


def revise_hint() -> str:
    """What the offline engine can do with a rewrite instruction, and what a model adds (Chinese)."""
    return _hints().render("hint")


def _formal_sentence(words: str) -> str:
    """An editor's words as one sentence of the report: full-width punctuation, closed by 。."""
    s = " ".join(words.split())
    if len(s) > 1 and s[0] in _OPEN and s[-1] in _CLOSE and not any(c in _OPEN + _CLOSE for c in s[1:-1]):
        s = s[1:-1]  # the sentence given in quotes
    for pattern, mark in _FULLWIDTH:
        s = pattern.sub(mark, s)
    s = re.sub(rf"(?<={_WIDE}) | (?={_WIDE})", "", s)  # no spaces in Chinese text: 开展培训 2 次
    s = s.rstrip(_ENDS)
    return s + "。" if s else ""


def _tidy(text: str) -> str:
    """Punctuation left doubled or dangling where words were taken out."""
    text = re.sub(r"[，、；]+(?=[。！？；，、]|$)", "", text)
    text = re.sub(r"(?<=[。！？；：\n])[，、；]+|(?<=[。！？；，、：])。", "", text)
    return re.sub(r"^[，、；。]+", "", text).strip()


def _nth(n: str | None, count: int) -> int:
    """The index of the sentence named (``None``: the last one); -1 when there is no such sentence."""
    if n is None:
        return count - 1
    k = int(n) if n.isdigit() else int(cn_to_number(n) or 0)
    return k - 1 if 1 <= k <= count else -1


def _new_numbers(before: str, after: str, instruction: str) -> list[str]:
    """Numbers in ``after`` that neither the text before nor the instruction had (a replacement next to
    a digit can make one: 把“条”改成“0条” turns 148条 into 1480条)."""
    known = {(m.value, m.unit) for s in (before, instruction) for m in find_numbers(s)}
    return [after[m.start:max(m.end, m.unit_end)] for m in find_numbers(after) if (m.value, m.unit) not in known]


def _not_found(old: str, instruction: str) -> OfflineUnsupportedError:
    # words without quotes may be a wish rather than the text to change (删去重复的内容)
    quoted = any(c in instruction for c in _OPEN)
    return OfflineUnsupportedError(f"当前文本中没有“{old}”，未作修改。" + ("" if quoted else revise_hint()))


class OfflineModel:
    engine = "offline"
    name = "offline"

    def __repr__(self) -> str:
        return "OfflineModel()"

    def complete(self, request: LLMRequest) -> LLMResponse:
        started = time.monotonic()
        kind = request.task.split(".", 1)[0]
        handler = {"extract": self._extract, "draft": self._draft, "repair": self._repair,
                   "revise": self._revise}.get(kind)
        if handler is None:
            raise OfflineUnsupportedError(f"离线模式不支持“{request.task}”，请配置大模型后再试。")
        text, parsed, version = handler(request)
        latency = int((time.monotonic() - started) * 1000)
        if request.on_token and text:
            request.on_token(text)
        return LLMResponse(text=text, parsed=parsed, model=self.name, latency_ms=latency, prompt_version=version)

    # ---- handlers: (text, parsed, version actually used) -------------------------------------
    def _extract(self, request: LLMRequest):
        i = request.inputs
        patch = offline_patch(i["message"], topic=i.get("topic"), facts=i.get("facts"), recent=i.get("recent", ()))
        return patch.model_dump_json(), patch, "offline.extract@1"

    def _draft(self, request: LLMRequest):
        text, version = draft_offline(request.inputs["part"], request.inputs["facts"])
        return text, None, version

    def _repair(self, request: LLMRequest):
        bad = request.inputs["violations"]
        kept = [s for s in _sentences(request.inputs["text"]) if not any(b in s for b in bad)]
        return "".join(kept), None, "offline.repair@1"

    def _revise(self, request: LLMRequest):
        """Only instructions it can follow to the letter; anything else is refused with what it can do."""
        text, instruction = request.inputs["text"], " ".join(request.inputs["instruction"].split())
        if m := _APPEND.match(instruction):
            new = _formal_sentence(m.group("new"))
            if not new:
                raise OfflineUnsupportedError("请在“补充：”后面写出要补充的那句话，例如“补充：全年开展政务公开培训2次”。")
            if new in text:
                raise OfflineUnsupportedError(f"当前文本中已经有“{new}”，未作修改。")
            body = text.rstrip()
            # the end of the last paragraph: the sentence belongs to what comes before it
            result = body + ("" if not body or body[-1] in "。！？”）\n" else "。") + new
        elif m := _REPLACE.match(instruction):
            old, new = m.group("old"), m.group("new")
            if old not in text:
                raise _not_found(old, instruction)
            result = text.replace(old, new)
        elif m := _DELETE_NTH.match(instruction):
            sentences = _sentences(text)
            k = _nth(m.group("n"), len(sentences))
            if k < 0:
                raise OfflineUnsupportedError(f"当前文本只有{len(sentences)}句，没有要删去的那一句，未作修改。")
            result = _tidy("".join(s for i, s in enumerate(sentences) if i != k))
        elif m := _DELETE.match(instruction):
            old = m.group("old")
            if old not in text:
                raise _not_found(old, instruction)
            result = _tidy(text.replace(old, ""))
        else:
            shown = instruction if len(instruction) <= 20 else instruction[:20] + "……"
            raise OfflineUnsupportedError(_hints().render("unsupported", instruction=shown, hint=revise_hint()))
        if not result.strip():
            raise OfflineUnsupportedError("这样修改后本部分就没有文字了，未作修改。如需清空，请直接在编辑框中删除后保存。")
        if new_numbers := _new_numbers(text, result, instruction):
            raise OfflineUnsupportedError(f"这样修改会出现原文和修改要求中都没有的数字“{'”“'.join(new_numbers)}”，未作修改。")
        return result, None, _VERSION
