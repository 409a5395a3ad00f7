"""Responders for the fake server: a reply computed from each request instead of a fixed queue.

``install(server, responder)`` makes ``server`` answer every request with ``responder(request)``
(a ``Recorded``: path, headers, body). The fake server pops its replies from ``server.replies``; a
``ResponderQueue`` stands in for that list, is never empty, and computes the reply for the request
just recorded (the server appends the request before it pops, under its lock), so
``tests/fakellm/__init__.py`` needs no change.

Requests are routed on their task, which the client sends in the ``X-Report-Task`` header, never on
the prompt's wording: a request without a known task is an error (HTTP 400), not a guess. The data a
reply is made from (the staff message, the fact lines, the draft to repair) is read out of the user
message by the task's own prompt template (``prompt_values``), so rewording a prompt changes nothing.

``PlausibleModel`` behaves like a plausible but imperfect model over real HTTP:
- extraction: proposes ops for the staff message; now and then it also invents a number that is
  not in the message (the grounding check must refuse it) or puts a website figure into the wrong
  field (which no check can catch);
- drafting: writes each part from its fact lines, now and then adding a sentence with an
  invented number (the number check and the repair round must remove it);
- repair: drops the sentences holding the numbers it is told about;
- the eval's one-prompt baseline: writes the whole report from the facts sheet as text, with one
  table cell off by one and one invented number, as a one-shot model would.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from assistant.drafting import DraftedPart, Drafts, assemble_report
from assistant.drafting.drafting import PARTS, _prompt_name
from assistant.drafting.factsheet import part_fact_lines
from assistant.export import render_html
from assistant.llm.openai_compat import TASK_HEADER
from assistant.llm.prompts import load_prompt
from assistant.offline.extract import offline_patch
from eval._tables import web_copy_text
from schemas import labels as L
from schemas.facts import FACT_SPECS, Facts
from schemas.layout import ALL_CELL_ADDRESSES, cell_label, get_cell, set_cell
from schemas.patches import PatchOp
from tests.fakellm import FakeLLMServer, Recorded, Reply

__all__ = ["PlausibleModel", "ResponderQueue", "install", "prompt_values", "task_of"]

Responder = Callable[[Recorded], Reply]


class ResponderQueue(list):
    def __init__(self, server: FakeLLMServer, responder: Responder) -> None:
        super().__init__()
        self._server, self._responder = server, responder

    def __bool__(self) -> bool:
        return True

    def pop(self, index: int = -1) -> Reply:
        return self._responder(self._server.requests[-1])


def install(server: FakeLLMServer, responder: Responder) -> FakeLLMServer:
    server.replies = ResponderQueue(server, responder)
    return server


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def task_of(request: Recorded) -> str:
    """The task the client named (``extract``, ``draft.p1.active`` …), or ""."""
    return request.headers.get(TASK_HEADER.lower(), "")


def prompt_values(prompt: str, text: str, section: str = "user") -> dict[str, str]:
    """The values ``text`` was rendered from, read by the template of ``prompt``'s ``section``
    itself (its literal text between ``${name}``s), so they follow any rewording of the prompt.
    Text put before the rendered section (last year's context) is skipped."""
    template = load_prompt(prompt).sections[section]
    pattern, seen = "", set()
    for i, piece in enumerate(re.split(r"\$\{(\w+)\}", template)):
        if i % 2 == 0:
            pattern += re.escape(piece.replace("$$", "$"))
        elif piece in seen:
            pattern += f"(?P={piece})"
        else:
            seen.add(piece)
            pattern += f"(?P<{piece}>.*?)"
    m = re.search(pattern + r"\Z", text, re.S)
    if m is None:
        raise ValueError(f"fake: the request does not follow the template {prompt}[[{section}]]")
    return m.groupdict()


def _user(body: dict) -> str:
    # the first user message: the rendered prompt (later ones are re-asks)
    return next((str(m.get("content") or "") for m in body.get("messages", []) if m["role"] == "user"), "")


class PlausibleModel:
    """The responder; ``counts`` tells how many requests of each kind it answered and how many
    mistakes it made (for the test's assertions)."""

    def __init__(self, *, invent_every: int = 4, swap_every: int = 6) -> None:
        self.invent_every, self.swap_every = invent_every, swap_every
        self.counts: dict[str, int] = {}

    def _count(self, key: str) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1

    def __call__(self, request: Recorded) -> Reply:
        task, user = task_of(request), _user(request.body)
        kind, _, part = task.partition(".")
        try:
            if task == "extract":
                return self._extract(prompt_values("extract", user))
            if kind == "repair" and part in PARTS:
                return self._repair(prompt_values("repair", user))
            if task == "eval.baseline":
                return self._baseline(prompt_values("eval_baseline", user))
            if kind == "draft" and part in PARTS:
                return self._draft(task, prompt_values(_prompt_name(part), user))
            error = f"fake: no route for task {task!r}"
        except ValueError as exc:  # the request does not match its task's template
            error = str(exc)
        self._count("unknown")
        return Reply(status=400, error_body={"error": {"message": error}})

    # ---- extraction ---------------------------------------------------------------------------
    def _extract(self, values: dict[str, str]) -> Reply:
        self._count("extract")
        message, topic = values["message"], values["topic"].strip()
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
        return Reply(structured={"ops": ops}, usage=(len(message) // 2 + 400, len(text) // 2))

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

    def _draft(self, task: str, values: dict[str, str]) -> Reply:
        self._count("draft")
        facts = values["facts"]
        text = self._compose(facts)
        h = _hash(task + facts)
        if h % self.invent_every == 0:
            text += f"全年组织业务培训{h % 40 + 53}次。"  # not in the facts: repair must remove it
            self._count("invented_number")
        return Reply(content=text, usage=(len(facts) // 2 + 600, len(text) // 2))

    def _repair(self, values: dict[str, str]) -> Reply:
        self._count("repair")
        bad = re.findall(r"“([^”]+)”", values["violations"])  # the list the code wrote: - “6场”（第…字起）
        kept = [s for s in re.findall(r"[^。！？]+[。！？]?", values["text"]) if not any(b in s for b in bad)]
        text = "".join(kept)
        return Reply(content=text, usage=(len(values["text"]) // 2 + 600, len(text) // 2))

    # ---- the eval's baseline: the whole report in one answer ---------------------------------
    def _baseline(self, values: dict[str, str]) -> Reply:
        self._count("baseline")
        facts = _facts_from_sheet(values["facts"])
        drafts = Drafts(parts={p: DraftedPart(part=p, text=self._compose(part_fact_lines(p, facts))) for p in PARTS})
        report = assemble_report(facts, drafts).report
        cell = get_cell(report, "t3.granted.natural")
        if isinstance(cell, int):
            set_cell(report, "t3.granted.natural", cell + 1)  # one cell copied wrong
        report.part5 = (report.part5 or "") + "全年共整改问题17个。"  # one invented number
        text = web_copy_text(render_html(report))
        return Reply(content=text, usage=(len(values["facts"]) // 2 + 600, len(text) // 2))


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

