"""Turns that are not answers: undo (撤销), the summary (还缺什么), 跳过/不清楚, importing last
year's report, and drafting the narrative. Each returns an ``Outcome``; the service records it."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from assistant.dialogue._checks import contradictions
from assistant.dialogue._confirm import change_lines, excerpt, show_value
from assistant.dialogue._derive import derivation_changes, derivations, merged_cells, previous_in_force
from assistant.dialogue._mapping import facts_from_values, with_changes
from assistant.dialogue._outcome import Outcome, derived_lines
from assistant.dialogue._planner import clash_lines, describe_fields, match_fields, plan, summary_lines
from assistant.dialogue._previous import copy_findings, cross_year_notes, narrative_of, prefill
from assistant.dialogue._state import State, full_facts
from assistant.drafting import PARTS, draft_all, part_address, part_title
from assistant.errors import ReportAssistantError
from assistant.llm import Model
from assistant.numbers import find_numbers
from assistant.offline import OfflineModel
from assistant.reading import vocabulary
from assistant.storage import ChangeSet, FactChange, NarrativeDraft, NarrativeVersion, UndoPreview
from assistant.storage._store import NarrativeSource
from schemas.facts import FACT_SPECS, fact_label
from schemas.findings import Finding
from schemas.layout import ALL_CELL_ADDRESSES, narrative_label
from schemas.report import Report

__all__ = ["draft", "figures_taken_back", "import_previous", "nothing_of_last_year", "recorded_last_years", "skip", "summary",
           "take_back", "undo", "with_previous"]

_DOC_ROWS = {"regulations": "规章", "normative_docs": "行政规范性文件"}


def undo(st: State, preview: UndoPreview | None) -> Outcome:
    if preview is None:
        return Outcome(["没有可以撤销的修改。"], plan(st.full))
    after = plan(facts_from_values(with_changes(st.values, preview.restores), derived=True))
    what = {"chat": f"您说的{excerpt(preview.turn_text or '', 20)}", "import": "导入上年报告",
            "manual": "手工修改", "ledger": "导入申请台账"}.get(preview.source, "上一步修改")
    lines = [f"已撤销上一步（{what}）："]
    lines += [f"- {line}" for line in change_lines(preview.restores, st.old_values, corrected="")]
    return Outcome(lines, after, undo=True)


# "24年那5件是去年的台账 不是今年的 别记", "你刚才记的表三新收5件 是错的 删掉": figures recorded from the
# message before, taken back by the figure
_TAKE_BACK_SAID = re.compile(r"(?:别记|不要记|不用记|别算|不要算|不该算|不能算|不算|删掉|删了|删除|去掉|是错的|记错了)(?:了|啊|哈|吧)?(?=[，,。！!\s]|$)")
_NEW_VALUE = re.compile(r"(?:应该|改成|改为|其实)是?|是\s*[0-9０-９]+\s*(?:件|条|个|篇|场)?\s*(?:不是|才对)")


def figures_taken_back(st: State, message: str) -> list[str]:
    """The fields the message before recorded from the figures this one says were wrong or last year's
    (their quotes hold the figure), when the message says no new value; [] otherwise."""
    if not _TAKE_BACK_SAID.search(message) or _NEW_VALUE.search(message) or "\n" in message.strip():
        return []
    said = [n for n in find_numbers(message) if n.unit not in ("年", "月", "日", "号")]
    chat = [f for f in st.stored.values() if f.source == "chat" and f.turn_id is not None and f.state == "set"]
    if not said or not chat:
        return []
    last = max(f.turn_id or 0 for f in chat)
    out = []
    matched = set()
    for f in chat:
        if f.turn_id != last:
            continue
        for n in said:
            written = re.sub(r"\s+", "", message[n.start:max(n.end, n.unit_end)])
            if written and written in re.sub(r"\s+", "", f.quote) and str(f.value) == str(int(n.value)):
                out.append(f.field)
                matched.add(n.start)
    # (every figure of the message is one taken back: "那就不算，只算38件。38件里自然人29件…" gives new ones)
    if len(matched) != len(said) or re.search(r"只算|就算|按.{0,6}算", message) or re.search(
            r"[0-9０-９一二两三四五六七八九十]+\s*(?:件|个|条)\s*(?:里|中|里面|当中|之中)", message):
        return []  # (nor "12件里有一件是明年1月2号收的…也去掉": one taken out of a count)
    # (and what the message names is what they were recorded for: not "税务行政复议有4件…不算" after 企业4件)
    family = {"t3": ("t3row", "t3col", "t3group"), "t2": ("t2row", "t2col"), "t4": ("t4block", "t4col")}
    kinds = {k for f in out for k in family.get(f.split(".")[0], ("fact",))}
    if any(a.kind not in kinds for a in vocabulary().anchors(message) if message[a.start:a.end] not in ("申请", "收到", "收了", "来了")):
        return []
    return sorted(set(out))


def take_back(st: State, fields: list[str], message: str) -> Outcome:
    changes = [FactChange(f, None, "cleared", message.strip()) for f in fields]
    after = plan(facts_from_values(with_changes(st.values, changes), derived=True))
    lines = ["按您说的，上一条消息里记录的这些数已取消："]
    lines += [f"- {line}" for line in change_lines(changes, st.old_values, corrected="")]
    return Outcome(lines, after, changes=changes)


def recorded_last_years(preview: UndoPreview | None) -> bool:
    """Whether the step to undo is a message of the clerk's that gave last year's words ("去年是这么写的 …")."""
    text = preview.turn_text if preview is not None and preview.source == "chat" else None
    return bool(text and re.search(r"去年|上年|上一年", text))


def nothing_of_last_year(st: State) -> Outcome:
    """"上面是去年的" when the last step recorded nothing from last year's words: said, nothing undone."""
    return Outcome(["上一步没有记录去年的数（去年的原文不会记入今年的报告）。如果有哪个数记错了，直接更正即可，"
                    "例如“不对，新收是28件”；要撤回上一步，说“撤销”。"], plan(st.full))


def _part_name(address: str) -> str:
    try:
        return narrative_label(address.split("#")[0])
    except (KeyError, ValueError):
        return "正文"


def summary(st: State, check: bool = False, text_findings: Sequence[Finding] = (), said_late: Sequence[str] = ()) -> Outcome:
    """还缺什么 — or, ``check`` ("校验一下"), whether the tables' sums hold, and what the validator finds
    in the drafted text (``text_findings``: the errors that block approval and the warnings; ``said_late``: the
    items said or corrected after the text was drafted, which it may not say yet)."""
    p = plan(st.full)
    if check:
        lines = clash_lines(p) or ["表格里已记录的数字都对得上（各行、各列的合计都成立）。"]
        if said_late:
            names = list(dict.fromkeys(fact_label(f) for f in said_late))
            lines.append(f"正文待更新：起草正文之后，又补充或更正了 {len(names)} 项（{'、'.join(names[:4])}{'等' if len(names) > 4 else ''}），"
                         "正文还是按原来的数写的；说“生成初稿”重新起草即可（有人改过或锁定的部分不会被替换）。")
        if text_findings and said_late:
            lines += ["重新起草之前，正文里和表格对不上的地方（多半就是上面这几项）："]
            lines += [f"- {'错误' if f.is_error else '提示'}（{_part_name(f.location.address)}）：{f.message}" for f in text_findings[:8]]
        elif text_findings:
            lines += ["正文里有这些问题（提交审核前要改好“错误”；改正文可在网页上编辑，或重新“生成初稿”）："]
            lines += [f"- {'错误' if f.is_error else '提示'}（{_part_name(f.location.address)}）：{f.message}" for f in text_findings[:8]]
        return Outcome(lines, p)
    if p.complete:  # (the next lines say what is left: the clashes, or drafting, with the optional items)
        return Outcome([line for line in summary_lines(p) if line not in clash_lines(p)
                        and not line.startswith("可选内容")], p)
    return Outcome(summary_lines(p), p)


def preview(st: State, report_markdown: str, drafted: bool = False) -> Outcome:
    """"看看初稿": the report as it stands, in the chat."""
    p = plan(st.full)
    blank = "" if drafted else "正文未起草的部分为空"
    if p.complete:
        return Outcome([f"目前的报告{f'（{blank}）' if blank else ''}：", report_markdown, *clash_lines(p),
                        "核对无误后提交审核。" if drafted else "正文还没起草：说“生成初稿”（网页上点“起草全部正文”）。"],
                       p, ask=False)
    return Outcome([f"目前的报告（未填的数字空着{'，' + blank if blank else ''}）：", report_markdown], p)


def skip(st: State, message: str, what: str) -> Outcome | None:
    """Mark pending what ``what`` names, or everything just asked. None when ``what`` names
    nothing known (the message is then read as an answer)."""
    before = plan(st.full)
    if what:
        fields = match_fields(what, [*FACT_SPECS, *ALL_CELL_ADDRESSES])
        if not fields:
            return None
    else:
        fields = before.asked
        if not fields:
            return Outcome(["现在没有正在问的问题。"], before)
    known = [f for f in fields if st.full.get(f) is not None]
    todo = [f for f in fields if st.full.get(f) is None and f not in st.full.pending]
    changes = [FactChange(f, None, "pending", message) for f in todo]
    if known and not todo:
        shown = "；".join(f"{fact_label(f)}：{show_value(f, st.full.get(f))}" for f in known[:3])
        lines = [f"这一项已经记录了（{shown}）；要修改的话直接告诉我新的内容。"]
    elif changes:
        lines = ["好的，先放一放，之后随时可以补上。", "已记录：", *[f"- {x}" for x in change_lines(changes, {})]]
    else:
        lines = ["这一项已经是待定状态了。"]
    after = plan(facts_from_values(with_changes(st.values, changes), derived=True))
    return Outcome(lines, after, changes=changes)


def import_previous(st: State, path: Path) -> Outcome:
    """Last year's report: prefill what carries over (never over what the staff said), keep the
    report for the cross-year rules and as drafting context, note every disagreement."""
    from assistant.importing import load_report

    try:
        previous: Report = load_report(path)
    except (ReportAssistantError, OSError, ValueError) as exc:
        lines = [f"没能导入上年报告：{exc}", "可以检查文件路径后再试一次。"]
        return Outcome(lines, plan(st.full), rejections=[str(exc)], refused=True)
    return with_previous(st, previous, path.name)


def with_previous(st: State, previous: Report, filename: str, opening: str | None = None) -> Outcome:
    """Last year's report (imported, or its table 三 pasted in the chat: ``opening`` says so) kept
    for the draft, and what carries over from it prefilled."""
    imported, derived_meta, notes = prefill(previous, filename, st.stated)
    stated = facts_from_values(with_changes(st.values, [*imported, *derived_meta]))
    derived = derivations(stated, previous)
    derived_changes = derivation_changes(st.stored, stated, derived)
    full = full_facts(stated, derived)
    before = contradictions(merged_cells(st.stated, derivations(st.stated, st.previous)))
    notes += [m for k, m in contradictions(merged_cells(stated, derived), derived).items() if k not in before]
    notes += cross_year_notes(full, previous, full.cells)  # what the staff said before, against last year

    meta = previous.meta
    title = f"{meta.agency_name}{meta.report_year or ''}年度" if meta.agency_name or meta.report_year else ""
    lines = [opening or f"已导入上年报告《{filename}》{'（' + title + '）' if title else ''}。"]
    if base := previous_in_force(previous):
        lines.append("上年现行有效：" + "、".join(f"{_DOC_ROWS[k]}{v}件" for k, v in base.items())
                     + "；本年的现行有效件数将据此推算和核对（D2）。")
    if narrative_of(previous):
        lines.append("上年报告的正文已保存，起草时作参考；本年文字与上年雷同时会提示（D3）。")
    if notes:
        lines += ["提示：", *[f"- {n}" for n in notes]]
    if imported or derived_meta or derived_changes:
        lines.append("已记录：")
        lines += [f"- {x}（来自上年报告）" for x in change_lines(imported, st.old_values)]
        lines += [f"- {x}（{c.quote}）" for c in derived_meta for x in change_lines([c], st.old_values)]
        lines += derived_lines(derived_changes, st.old_values)
    return Outcome(lines, plan(full),
                   extra=[ChangeSet("import", tuple(imported), filename),
                          ChangeSet("derivation", (*derived_meta, *derived_changes), "推算")],
                   previous_report=(previous, filename))


def _offline_hint(failed: Mapping[str, str]) -> list[str]:
    # the model service is down or refuses the key: the offline engine drafts without it
    if any(w in why for why in failed.values() for w in ("无法连接", "密钥", "余额不足", "没有响应")):
        return ["模型服务恢复之前，也可以请管理员暂时去掉模型设置（REPORT_LLM_MODEL），改用离线引擎按模板起草。"]
    return []


def draft(st: State, model: Model, parts: Iterable[str] | None, locked: Mapping[str, str] | None = None, *,
          concurrency: int = 3, on_token: Callable[[str, str], None] | None = None,
          cancel: threading.Event | None = None, written: Mapping[str, NarrativeVersion] | None = None,
          name_of: Callable[[str], str] = str, redraft: bool = False) -> Outcome:
    """Every narrative part (or ``parts``) drafted from the facts, with its flags: numbers without
    support, style, and copy from last year's report (D3). Parts in ``locked`` (part → who locked
    it) are left as they are, and the reply says so; so are parts a person wrote, unless
    ``redraft`` (someone asked for exactly these ``parts`` again, and confirmed it)."""
    p = plan(st.full)
    locked = dict(locked or {})
    written = dict(written or {})
    # a part a person wrote or restored is theirs: drafting all parts never replaces it
    edited = {x: v for x, v in written.items() if v.source in ("manual", "restore") and v.text.strip()
              and not (redraft and parts is not None and x in parts)}
    wanted = [x for x in (PARTS if parts is None else parts) if x in PARTS and x not in locked and x not in edited]
    kept = [f"{part_title(x)}（{who}锁定）" for x, who in locked.items() if x in PARTS]
    kept += [f"{part_title(x)}（{name_of(v.author)}改过）" for x, v in edited.items() if x in PARTS and x not in locked]
    if not wanted:
        return Outcome(["正文各部分都已锁定或有人改过，没有可以起草的部分。" if kept else "没有需要起草的部分。"], p,
                       refused=True)
    last_year = narrative_of(st.previous) if st.previous else {}
    standard = OfflineModel() if model.engine != "offline" else None  # parts without facts: no model call
    drafts = draft_all(st.full, model, previous=last_year, parts=wanted, concurrency=concurrency, standard=standard,
                       on_token=on_token, cancel=cancel)
    # a failed part keeps its saved version; one never written stays empty
    failed = [f"- {part_title(x)}{'' if x in written else '（还没有内容）'}：{why}" for x, why in drafts.failed.items()]
    if not drafts.parts:
        reasons = list(dict.fromkeys(drafts.failed.values()))
        return Outcome([f"这次没能起草：{reasons[0] if len(reasons) == 1 else '；'.join(reasons)}",
                        "事实都已保存，原有的正文没有改动，请稍后再试。", *_offline_hint(drafts.failed)], p,
                       rejections=reasons, refused=True)
    copied = copy_findings(st.full, {x: d.text for x, d in drafts.parts.items()}, st.previous)
    source: NarrativeSource = "template" if model.engine == "offline" else "llm"
    narratives: list[NarrativeDraft] = []
    flagged: list[str] = []
    for x, d in drafts.parts.items():
        flags = [f.message for f in d.flags]
        flags += [f"{f.message}（D3 内容雷同）" for f in copied if f.location.address == part_address(x)]
        narratives.append(NarrativeDraft(x, d.text, source, tuple(flags)))
        if flags:
            flagged.append(f"- {part_title(x)}：" + "；".join(flags))
    lines = [f"已起草{len(narratives)}个部分，保存为新版本。"]
    if failed:
        lines += [f"以下{len(failed)}个部分这次没能起草（已有的版本保留不变），可稍后再说“生成初稿”重试：", *failed,
                  *_offline_hint(drafts.failed)]
    if kept:
        lines.append("以下部分已锁定或有人改过，没有重新起草，原文保留：" + "、".join(kept) + "。"
                     + ("如确需按事实重新起草其中某一部分，可在“正文编辑”中选择它，点“按事实重新起草这一部分”"
                        "（终端里先清空该部分再起草）。" if edited else ""))
    if not p.complete:
        missing = describe_fields(p.missing)
        lines.append("还有必填内容没有给出，相关部分先按已有事实起草：" + "、".join(missing[:6])
                     + ("等" if len(missing) > 6 else "") + "。")
    if flagged:
        lines += ["需要核实的地方：", *flagged]
    if p.clashes:
        # (the text is drafted from the figures as they stand: a sum that does not hold shows in it too)
        lines.append(f"注意：表格中还有{len(p.clashes)}处数字对不上，正文里的相关数字也会跟着对不上；"
                     "请先更正（说“校验一下”查看是哪几处），再说“生成初稿”重新起草。")
    if p.complete:
        # the next step after drafting is reading it, not drafting again
        lines.append("下一步：核对全文（网页上看右侧“报告预览”，这里也可以说“看看初稿”），无误后提交审核。")
        return Outcome(lines, p, narratives=narratives, ask=False)
    return Outcome(lines, p, narratives=narratives)
