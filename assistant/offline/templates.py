"""Template drafting: formal text like the sample's, from the facts alone.

Sentences live in ``prompts/offline/``; code only chooses which to use (a sentence whose facts are
missing is left out) and fills in numbers formatted by code. Free-text facts are used in the
staff's own words, with first-person wording made formal (我们 → 本机关).
"""

from __future__ import annotations

import re

from assistant.drafting.factsheet import fmt, t3_aggregates, t4_aggregates
from assistant.llm.prompts import PromptFile, load_prompt
from schemas.facts import Facts

__all__ = ["draft_offline", "template_version"]

_END = "。！？!?"
_INFORMAL = (("我们单位", "本单位"), ("我们局", "本局"), ("我们镇", "本镇"), ("我们乡", "本乡"), ("我们街道", "本街道"),
             ("我们县", "本县"), ("我们区", "本区"), ("我们市", "本市"), ("我们委", "本委"), ("我们厅", "本厅"),
             ("我们", "本机关"), ("咱们", "本机关"),
             # spoken time words and verbs, as a report writes them
             ("今年度", "本年度"), ("去年度", "上年度"), ("明年度", "下一年度"),
             ("今年", "本年度"), ("去年", "上年度"), ("明年", "下一年度"), ("搞一次", "开展一次"), ("搞了", "开展了"),
             ("搞好", "做好"))


def _formal(text: str) -> str:
    # voice input separates phrases with spaces: a comma in written Chinese
    text = re.sub(r"(?<=[\u4e00-\u9fa5])[ \u3000]+(?=[\u4e00-\u9fa5])", "，", text.strip())
    # ("一是…，二是…": items of a list are set apart by a semicolon)
    text = re.sub(r"[，,](?=(?:[二三四五六七八九]是|其次|再次|第[二三四五六七八九]))", "；", text)
    text = " ".join(text.split())
    for a, b in _INFORMAL:
        text = text.replace(a, b)
    return text


def _clause(text: str) -> str:
    """Free text to sit inside a template sentence that ends it: no closing punctuation."""
    return _formal(text).rstrip("。，,；;、：: ")


def _sentence(text: str) -> str:
    """Free text as one or more complete sentences."""
    t = _formal(text).rstrip("，,；;、：: ")
    if not t or t[-1] in _END or t[-1] in "）)”":
        return t
    return t + "。"


def _year(facts: Facts) -> str:
    return str(facts.report_year) if facts.report_year else "本"


def _t(name: str) -> PromptFile:
    return load_prompt(f"offline/{name}")


def template_version(part: str) -> str:
    return _t(part.replace(".", "_")).full_version


def _active(facts: Facts, t: PromptFile) -> str:
    out = [t.render("lead", year=_year(facts))]
    items = [t.render(name, n=fmt(getattr(facts, name)))
             for name in ("website_items", "website_visitors", "website_visits", "new_media_posts",
                          "press_conferences", "policy_interpretations")
             if getattr(facts, name)]  # a zero is not a figure to report ("召开新闻发布会0场")
    if items:
        out.append(t.render("figures", items="，".join(items)))
    reg, nd = facts.cell_int("t2.regulations.issued"), facts.cell_int("t2.normative_docs.issued")
    if reg is not None and nd is not None:
        # (a kind of which none was issued is not named: "制发规章0件" reads oddly for a township)
        made = "、".join(t.render("doc", name=name, n=n) for name, n in (("规章", reg), ("行政规范性文件", nd)) if n)
        out.append(t.render("docs", made=made) if made else t.render("docs_none"))
    dec = {k: facts.cell_int(f"t2.{k}.decisions") for k in ("licensing", "penalty", "enforcement")}
    if all(v is not None for v in dec.values()):
        names = {"licensing": "行政许可", "penalty": "行政处罚", "enforcement": "行政强制"}
        if not any(dec.values()):
            out.append(t.render("decisions_none"))
        else:
            made = "、".join(t.render("decision", name=names[k], n=v) for k, v in dec.items() if v)
            none = "、".join(names[k] for k, v in dec.items() if not v)
            out.append(t.render("decisions", made=made) + (t.render("decisions_not", names=none) if none else ""))
    if facts.active_notes:
        out.append(_sentence(facts.active_notes))
    return "".join(out)


def _on_request(facts: Facts, t: PromptFile) -> str:
    y = _year(facts)
    a = t3_aggregates(facts)
    new, carried, total, fwd = a["new_received"], a["carried_over"], a["total"], a["carried_forward"]
    if new is None:
        text = t.render("unknown", year=y)
    elif new == 0 and carried == 0:
        text = t.render("none", year=y)
    else:
        if new == 0 and not carried:
            head = t.render("none_new", year=y)  # 上年结转 not yet said
        elif new == 0:
            head = t.render("only_carried", year=y, carried_over=carried)
        elif carried:
            head = t.render("received_carried", year=y, new_received=new, carried_over=carried)
        else:
            head = t.render("received", year=y, new_received=new)
        text = head
        items = [t.render(k, n=a[k]) for k in ("granted", "partial", "withheld", "unable", "not_processed",
                                             "other_handling") if a[k]]
        if total and items:
            text += t.render("results", total=total, items="，".join(items))
        elif total:
            text += t.render("results_plain", total=total)
        text += t.render("forward", carried_forward=fwd) if fwd else t.render("results_end")
    f = t4_aggregates(facts)
    if f["review"] is not None and f["litigation"] is not None:
        if f["review"] == 0 and f["litigation"] == 0:
            text += t.render("appeals_none")
        else:
            text += t.render("appeals", review=f["review"], litigation=f["litigation"])
    if facts.on_request_notes:
        text += _sentence(facts.on_request_notes)
    return text


# what the staff say of a topic with nothing to report ("创新情况没有")
_NOTHING = re.compile(r"^(?:无|没有|暂无|没什么(?:可写的|好写的|可说的)?|不写|不用写|空着|没啥)[。.]?$")


def _given_or_none(value: str | None, t: PromptFile) -> str:
    if not value or _NOTHING.match(value.strip()):
        return t.render("none")
    return t.render("given", text=_sentence(value))


def _p5(facts: Facts, t: PromptFile) -> str:
    out = []
    y = _year(facts)
    if facts.problems:
        out.append(t.render("problems", year=y, text=_clause(facts.problems)))
    if facts.measures:
        out.append(t.render("measures", text=_clause(facts.measures)))
    if facts.last_year_followup:
        out.append(t.render("followup", text=_clause(facts.last_year_followup)))
    return "".join(out) or t.render("none")


def _fees(facts: Facts, t: PromptFile) -> str:
    unpaid = t3_aggregates_unpaid(facts)
    if facts.fee_charged is False:
        return t.render("not_charged_unpaid", unpaid=unpaid) if unpaid else t.render("not_charged")
    if facts.fee_charged:
        if facts.fee_cases is not None and facts.fee_amount is not None:
            return t.render("charged", cases=facts.fee_cases, amount=fmt(facts.fee_amount))
        if facts.fee_cases is not None:
            return t.render("charged_cases", cases=facts.fee_cases)
        return t.render("charged_plain")
    return t.render("unknown")


def t3_aggregates_unpaid(facts: Facts) -> int | None:
    total = facts.cell_int("t3.other_handling.unpaid_fee.total")
    if total is not None:
        return total
    cols = [facts.cell_int(f"t3.other_handling.unpaid_fee.{c}") for c in
            ("natural", "commercial", "research", "public_interest", "legal_service", "other")]
    return sum(cols) if all(c is not None for c in cols) else None  # type: ignore[arg-type]


def _proposals(facts: Facts, t: PromptFile) -> str:
    npc, cppcc = facts.npc_suggestions, facts.cppcc_proposals
    text = ""
    if (npc or 0) == 0 and (cppcc or 0) == 0 and (npc is not None or cppcc is not None):
        text = t.render("none_received")
    elif npc is not None or cppcc is not None:
        items = [t.render(k, n=v) for k, v in (("npc", npc), ("cppcc", cppcc)) if v]  # ("政协提案0件": not one)
        text = t.render("counts", year=_year(facts), items="、".join(items))
        if facts.proposals_completion_rate is not None:
            text += t.render("rate", rate=fmt(facts.proposals_completion_rate))
        if facts.proposals_published:
            text += t.render("published")
        text += t.render("end")
    if facts.proposals_notes:
        text += _sentence(facts.proposals_notes)
    return text or t.render("none")


def _statistics(facts: Facts, t: PromptFile) -> str:
    text = t.render("period", year=_year(facts))
    if facts.statistics_notes:
        text += _sentence(facts.statistics_notes)
    return text


_TEXT_PARTS = {
    "p1.management": "management", "p1.platform": "platform", "p1.oversight": "oversight",
    "p6.work_points": "work_points", "p6.innovation": "innovation", "p6.other_matters": "other_matters",
    "p6.special_requirements": "special_requirements",
}
_COMPOSED = {
    "p1.active": _active, "p1.on_request": _on_request, "p5": _p5, "p6.fees": _fees,
    "p6.proposals": _proposals, "p6.statistics_notes": _statistics,
}


def draft_offline(part: str, facts: Facts) -> tuple[str, str]:
    """(text, template version) of one narrative part."""
    t = _t(part.replace(".", "_"))
    if part in _TEXT_PARTS:
        return _given_or_none(getattr(facts, _TEXT_PARTS[part]), t), t.full_version
    return _COMPOSED[part](facts, t), t.full_version

