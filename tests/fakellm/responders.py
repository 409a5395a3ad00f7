"""Responders for the fake server: a reply computed from each request instead of a fixed queue.

``install(server, responder)`` makes ``server`` answer every request with ``responder(body)``.
The fake server pops its replies from ``server.replies``; a ``ResponderQueue`` stands in for that
list, is never empty, and computes the reply for the request just recorded (the server appends the
request before it pops, under its lock), so ``tests/fakellm/__init__.py`` needs no change.

``PlausibleModel`` behaves like a plausible but imperfect model over real HTTP:
- extraction: reads the staff message out of the rendered prompt and proposes ops for it; now and
  then it also invents a number that is not in the message (the grounding check must refuse it)
  or puts a website figure into the wrong field (which no check can catch);
- drafting: writes each part from the fact lines in the prompt, now and then adding a sentence
  with an invented number (the number check and the repair round must remove it);
- repair: drops the sentences holding the numbers it is told about;
- the eval's one-prompt baseline: writes the whole report from the facts sheet as text, with one
  table cell off by one and one invented number, as a one-shot model would.
"""

from __future__ import annotations

import json
import re
import zlib
from decimal import Decimal
from typing import Any, Callable

from assistant.drafting import DraftedPart, Drafts, assemble_report
from assistant.drafting.drafting import PARTS
from assistant.drafting.factsheet import part_fact_lines
from assistant.export import render_html
from assistant.offline.extract import offline_patch
from eval._tables import web_copy_text
from schemas import labels as L
from schemas.facts import FACT_SPECS, Facts
from schemas.layout import ALL_CELL_ADDRESSES, cell_label, get_cell, set_cell
from schemas.patches import PatchOp

from tests.fakellm import FakeLLMServer, Reply

__all__ = ["PlausibleModel", "ResponderQueue", "install"]

Responder = Callable[[dict], Reply]


class ResponderQueue(list):
    def __init__(self, server: FakeLLMServer, responder: Responder) -> None:
        super().__init__()
        self._server, self._responder = server, responder

    def __bool__(self) -> bool:
        return True

    def pop(self, index: int = -1) -> Reply:  # noqa: ARG002 - the queue's interface
        return self._responder(self._server.requests[-1].body)


def install(server: FakeLLMServer, responder: Responder) -> FakeLLMServer:
    server.replies = ResponderQueue(server, responder)
    return server


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _between(text: str, start: str, end: str | None = None) -> str:
    i = text.find(start)
    if i < 0:
        return ""
    i += len(start)
    j = text.find(end, i) if end else -1
    return text[i:j] if j >= 0 else text[i:]


class PlausibleModel:
    """The responder; ``counts`` tells how many requests of each kind it answered and how many
    mistakes it made (for the test's assertions)."""

    def __init__(self, *, invent_every: int = 4, swap_every: int = 6) -> None:
        self.invent_every, self.swap_every = invent_every, swap_every
        self.counts: dict[str, int] = {}

    def _count(self, key: str) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1

    def __call__(self, body: dict) -> Reply:
        messages = body.get("messages", [])
        system = "\n".join(str(m.get("content") or "") for m in messages if m["role"] in ("system", "developer"))
        user = str(messages[-1].get("content") or "") if messages else ""
        if "资料整理助手" in system:
            return self._extract(user)
        if "审校人" in system:
            return self._repair(user)
        if "一次写出整份报告" in system:
            return self._baseline(user)
        if "现在起草的是" in system:
            return self._draft(system, user)
        self._count("unknown")
        return Reply(status=400, error_body={"error": {"message": "fake: unknown request"}})

    # ---- extraction ---------------------------------------------------------------------------
    def _extract(self, user: str) -> Reply:
        self._count("extract")
        message = _between(user, "本条消息：\n")
        topic = _between(user, "当前正在询问的项目：", "\n").strip()
        patch = offline_patch(message, topic=None if topic in ("", "（无）") else topic)
        ops = [op.model_dump() for op in patch.ops]
        h = _hash(message)
        if h % self.invent_every == 0 and message:
            # a number that is not in the message: the grounding check must refuse it
            ops.append(PatchOp(field="website_items", value=h % 900 + 1001, quote=message[:12]).model_dump())
            self._count("invented_fact")
        if h % self.swap_every == 1:
            for op in ops:  # a figure put into the neighbouring field
                if op["field"] in ("website_visitors", "website_visits"):
                    op["field"] = "website_visits" if op["field"] == "website_visitors" else "website_visitors"
                    self._count("wrong_field")
                    break
        text = json.dumps({"ops": ops}, ensure_ascii=False)
        return Reply(structured={"ops": ops}, usage=(len(user) // 2 + 400, len(text) // 2))

    # ---- drafting -----------------------------------------------------------------------------
    @staticmethod
    def _compose(fact_lines: str) -> str:
        sentences = []
        for line in fact_lines.splitlines():
            label, sep, value = line.partition("：")
            if not sep or label in ("机关名称", "报告年度"):
                continue
            if label.startswith("是否") or "是否" in label:
                sentences.append(label.replace("是否", "" if value == "是" else "未") + "。")
            elif any(k in label for k in ("情况", "问题", "措施", "整改", "事项")) and not re.search(r"\d", value[:1]):
                sentences.append(value.rstrip("。") + "。")
            else:
                sentences.append(f"{label}{value}。")
        return "".join(sentences) or "本年度无此方面需要报告的情况。"

    def _draft(self, system: str, user: str) -> Reply:
        self._count("draft")
        facts = _between(user, "（除此之外一无所知）：\n", "\n\n请据此")
        text = self._compose(facts)
        h = _hash(system + facts)
        if h % self.invent_every == 0:
            text += f"全年组织业务培训{h % 40 + 53}次。"  # not in the facts: repair must remove it
            self._count("invented_number")
        return Reply(content=text, usage=(len(system + user) // 2, len(text) // 2))

    def _repair(self, user: str) -> Reply:
        self._count("repair")
        draft = _between(user, "草稿：\n", "\n\n找不到依据的数字：")
        bad = re.findall(r"“([^”]+)”", _between(user, "找不到依据的数字：\n"))
        kept = [s for s in re.findall(r"[^。！？]+[。！？]?", draft) if not any(b in s for b in bad)]
        text = "".join(kept)
        return Reply(content=text, usage=(len(user) // 2, len(text) // 2))

    # ---- the eval's baseline: the whole report in one answer ---------------------------------
    def _baseline(self, user: str) -> Reply:
        self._count("baseline")
        facts = _facts_from_sheet(_between(user, "（除此之外一无所知）：\n", "\n\n请写出整份报告"))
        drafts = Drafts(parts={p: DraftedPart(part=p, text=self._compose(part_fact_lines(p, facts))) for p in PARTS})
        report = assemble_report(facts, drafts).report
        cell = get_cell(report, "t3.granted.natural")
        if isinstance(cell, int):
            set_cell(report, "t3.granted.natural", cell + 1)  # one cell copied wrong
        report.part5 = (report.part5 or "") + "全年共整改问题17个。"  # one invented number
        text = web_copy_text(render_html(report))
        return Reply(content=text, usage=(len(user) // 2, len(text) // 2))


_LABEL_TO_FIELD = {spec.label: name for name, spec in FACT_SPECS.items()}
_LABEL_TO_CELL = {cell_label(a): a for a in ALL_CELL_ADDRESSES}
_LEVEL_BY_LABEL = {v: k for k, v in L.AGENCY_LEVEL_LABELS.items()}


def _facts_from_sheet(sheet: str) -> Facts:
    data: dict[str, Any] = {"cells": {}}
    for line in sheet.splitlines():
        label, _, value = line.partition("：")
        if label in _LABEL_TO_CELL:
            data["cells"][_LABEL_TO_CELL[label]] = value if "." in value else int(value)
            continue
        name = _LABEL_TO_FIELD.get(label)
        if name is None:
            continue
        spec = FACT_SPECS[name]
        if spec.kind == "level":
            data[name] = _LEVEL_BY_LABEL.get(value)
        elif spec.kind == "bool":
            data[name] = value == "是"
        elif spec.kind in ("count", "year", "money_yuan", "percent"):
            n = Decimal(value.removesuffix(spec.unit))
            data[name] = int(n) if spec.kind in ("count", "year") else n
        else:
            data[name] = value
    return Facts.model_validate(data)

