"""``OfflineModel``: the rule engine behind the same seam as a real model. The default.

It reads the structured ``inputs`` of a request (never the rendered prompt): extraction by
keyword and number patterns, drafting by templates, repair by dropping the sentences that hold
an ungrounded number, revision by a few literal instructions (改为/删去/补充). No network.
"""

from __future__ import annotations

import re
import time

from assistant.llm.errors import OfflineUnsupportedError
from assistant.llm.types import LLMRequest, LLMResponse
from assistant.offline.extract import offline_patch
from assistant.offline.templates import draft_offline

__all__ = ["OfflineModel"]

_REPLACE = re.compile(r"^\s*(?:把|将)[“\"「]?(?P<old>.+?)[”\"」]?(?:改为|改成|换成|替换为)[“\"「]?(?P<new>.+?)[”\"」]?\s*[。.]?\s*$")
_DELETE = re.compile(r"^\s*(?:删去|删除|去掉)[“\"「]?(?P<old>.+?)[”\"」]?\s*[。.]?\s*$")
_APPEND = re.compile(r"^\s*(?:补充|增加|加上)[:：]?\s*[“\"「]?(?P<new>.+?)[”\"」]?\s*$")


def _sentences(text: str) -> list[str]:
    return re.findall(r"[^。！？]+[。！？]?", text)


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
        patch = offline_patch(i["message"], topic=i.get("topic"), facts=i.get("facts"))
        return patch.model_dump_json(), patch, "offline.extract@1"

    def _draft(self, request: LLMRequest):
        text, version = draft_offline(request.inputs["part"], request.inputs["facts"])
        return text, None, version

    def _repair(self, request: LLMRequest):
        bad = request.inputs["violations"]
        kept = [s for s in _sentences(request.inputs["text"]) if not any(b in s for b in bad)]
        return "".join(kept), None, "offline.repair@1"

    def _revise(self, request: LLMRequest):
        text, instruction = request.inputs["text"], request.inputs["instruction"].strip()
        if m := _REPLACE.match(instruction):
            if m.group("old") not in text:
                raise OfflineUnsupportedError(f"当前文本中没有“{m.group('old')}”，未作修改。")
            return text.replace(m.group("old"), m.group("new")), None, "offline.revise@1"
        if m := _DELETE.match(instruction):
            old = m.group("old")
            if old not in text:
                raise OfflineUnsupportedError(f"当前文本中没有“{old}”，未作修改。")
            kept = [s for s in _sentences(text) if old not in s] if len(old) < 6 else None
            return (text.replace(old, "") if kept is None else "".join(kept)), None, "offline.revise@1"
        if m := _APPEND.match(instruction):
            new = m.group("new").rstrip("。") + "。"
            return text + new, None, "offline.revise@1"
        raise OfflineUnsupportedError(
            "离线模式只能按“把……改为……”“删去……”“补充……”这样的指示修改，请直接编辑文本，或配置大模型后再试。")
