"""Facts as the plain Chinese lines a prompt shows the model, and table aggregates.

Numbers belong to code: category sums and other aggregates a part may quote are computed here,
once, and the same values are what the number check accepts.
"""

from __future__ import annotations

from decimal import Decimal

from schemas import labels as L
from schemas.facts import FACT_SPECS, Facts
from schemas.layout import T2_CELLS, T4_BLOCKS

__all__ = ["NO_FACTS", "PART_FACTS", "field_catalogue", "fmt", "known_facts_lines", "part_fact_lines",
           "part_has_facts", "t3_aggregates", "t4_aggregates"]


def fmt(v) -> str:
    """A number as a report writes it: 148, 0.5, 100."""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, Decimal):
        if v == v.to_integral_value():
            return str(int(v))
        return format(v.normalize(), "f")
    return str(v)


def _short(label: str) -> str:
    # "4.保护第三方合法权益" → "保护第三方合法权益"; the long parentheticals of two rows dropped
    label = label.split("（区分处理")[0]
    return label.split(".", 1)[1] if label[:1].isdigit() and "." in label else label


def field_catalogue() -> str:
    """Every field a patch may name, with its label, built from the specs and the layout: one line
    per group, so that the whole list stays a few hundred tokens (it is resent with every message)."""
    kinds = {"count": "", "percent": "，%", "money_yuan": "，元", "bool": "，是/否", "year": "", "name": "",
             "level": "，state_council_dept/provincial/municipal/county/township", "text": ""}
    named = "；".join(f"{spec.name}={spec.label}{kinds[spec.kind]}" for spec in FACT_SPECS.values())
    t2_rows: dict[str, list[str]] = {}
    for c in T2_CELLS:
        row, _, col = c.address[3:].partition(".")
        row_label, _, col_label = c.label.partition("·")
        t2_rows.setdefault(f"{row}={row_label}", []).append(f"{col}={col_label}")
    t2 = "；".join(f"{row.split('=')[0]}.{{{'|'.join(cols)}}}={row.split('=')[1]}" for row, cols in t2_rows.items())
    rows = [f"{k}={_short(v)}" for k, v in L.T3_ROW_LABELS.items()]
    for group, members in L.T3_GROUP_ROWS.items():
        rows.append(f"{group}.{{" + "|".join(f"{k}={_short(v)[:14]}" for k, v in members.items())
                    + f"}}={L.T3_GROUP_LABELS[group][3:]}")
    lines = [
        "命名事实：" + named,
        "表二 t2.行.列：" + t2,
        "表三 t3.行.列，行：" + "；".join(rows),
        "表三列：" + "；".join(f"{k}={v}" for k, v in L.T3_COLUMN_LABELS.items()),
        "表四 t4.块.列，块：" + "；".join(f"{k}={v}" for k, v in L.T4_BLOCK_LABELS.items())
        + "；列：" + "；".join(f"{k}={v}" for k, v in L.T4_COLUMN_LABELS.items()),
        "整表或整行为0：tables、t2、t3、t4、t3.new_received 等，取值只能是0。",
    ]
    return "\n".join(lines)


def known_facts_lines(facts: Facts) -> str:
    """What is recorded already, as compactly as the model can read it (field=value; texts cut
    short): it is resent with every message the reader leaves to the model."""
    items = []
    for name, spec in FACT_SPECS.items():
        v = getattr(facts, name)
        if v is not None:
            shown = v if spec.kind != "text" else (v[:16] + ("…" if len(v) > 16 else ""))
            items.append(f"{name}={fmt(shown)}")
    if facts.cells:
        items.append(f"表格已填{len(facts.cells)}格")
    items += [f"{name}=待定" for name in facts.pending]
    return "；".join(items) or "（暂无）"


# ---- aggregates -----------------------------------------------------------------------------
def _row_total(facts: Facts, row: str) -> int | None:
    """A table-三 row's 总计: the stated total, else the sum of six stated columns."""
    stated = facts.cell_int(f"{row}.total")
    if stated is not None:
        return stated
    parts = [facts.cell_int(f"{row}.{c}") for c in L.T3_APPLICANT_COLUMNS]
    return sum(parts) if all(p is not None for p in parts) else None  # type: ignore[arg-type]


def t3_aggregates(facts: Facts) -> dict[str, int | None]:
    """The totals part 一（二） quotes: 一, 二, each result category, （七）, 四."""
    out: dict[str, int | None] = {
        "new_received": _row_total(facts, "t3.new_received"),
        "carried_over": _row_total(facts, "t3.carried_over"),
        "granted": _row_total(facts, "t3.granted"),
        "partial": _row_total(facts, "t3.partial"),
    }
    for group in L.T3_GROUP_ROWS:
        subs = [_row_total(facts, f"t3.{group}.{k}") for k in L.T3_GROUP_ROWS[group]]
        out[group] = sum(subs) if all(s is not None for s in subs) else None  # type: ignore[arg-type]
    out["total"] = _row_total(facts, "t3.total")
    out["carried_forward"] = _row_total(facts, "t3.carried_forward")
    return out


def t4_aggregates(facts: Facts) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for b in T4_BLOCKS:
        total = facts.cell_int(f"t4.{b}.total")
        if total is None:
            parts = [facts.cell_int(f"t4.{b}.{c}") for c in ("upheld", "corrected", "other", "pending")]
            total = sum(parts) if all(p is not None for p in parts) else None  # type: ignore[arg-type]
        out[b] = total
        for c in ("upheld", "corrected", "other", "pending"):
            out[f"{b}.{c}"] = facts.cell_int(f"t4.{b}.{c}")
    d, a = out["litigation_direct"], out["litigation_after_review"]
    out["litigation"] = d + a if d is not None and a is not None else None
    return out


_T3_AGG_LABELS = {
    "new_received": "本年新收政府信息公开申请", "carried_over": "上年结转政府信息公开申请",
    "granted": "予以公开", "partial": "部分公开", "withheld": "不予公开", "unable": "无法提供",
    "not_processed": "不予处理", "other_handling": "其他处理", "total": "本年度办理结果总计",
    "carried_forward": "结转下年度继续办理",
}
_T4_AGG_LABELS = {"review": "行政复议", "litigation_direct": "未经复议直接起诉的行政诉讼",
                  "litigation_after_review": "复议后起诉的行政诉讼", "litigation": "行政诉讼合计"}

# Which facts each narrative part is drafted from.
PART_FACTS: dict[str, tuple[str, ...]] = {
    "p1.active": ("website_items", "website_visitors", "website_visits", "new_media_posts",
                  "press_conferences", "policy_interpretations", "active_notes", "@t2"),
    "p1.on_request": ("on_request_notes", "@t3", "@t4"),
    "p1.management": ("management",),
    "p1.platform": ("platform",),
    "p1.oversight": ("oversight",),
    "p5": ("problems", "measures", "last_year_followup"),
    "p6.fees": ("fee_charged", "fee_cases", "fee_amount", "@fee_row"),
    "p6.work_points": ("work_points",),
    "p6.proposals": ("npc_suggestions", "cppcc_proposals", "proposals_completion_rate", "proposals_published",
                     "proposals_notes"),
    "p6.innovation": ("innovation",),
    "p6.statistics_notes": ("statistics_notes",),
    "p6.other_matters": ("other_matters",),
    "p6.special_requirements": ("special_requirements",),
}


def part_fact_lines(part: str, facts: Facts) -> str:
    """The facts of one part, one per line, as the prompt shows them; "（无）" when there are none."""
    lines: list[str] = []
    if facts.agency_name:
        lines.append(f"机关名称：{facts.agency_name}")
    if facts.report_year:
        lines.append(f"报告年度：{facts.report_year}年")
    own = 0
    for key in PART_FACTS[part]:
        if key == "@t2":
            for c in T2_CELLS:
                v = facts.cells.get(c.address)
                if isinstance(v, (int, Decimal)):
                    unit = "万元" if c.column == "amount" else "件"
                    lines.append(f"{c.label}：{fmt(v)}{unit}")
                    own += 1
        elif key == "@t3":
            for k, v in t3_aggregates(facts).items():
                if v is not None:
                    lines.append(f"{_T3_AGG_LABELS[k]}：{v}件")
                    own += 1
        elif key == "@t4":
            agg = t4_aggregates(facts)
            for k, label in _T4_AGG_LABELS.items():
                if agg.get(k) is not None:
                    lines.append(f"{label}：{agg[k]}件")
                    own += 1
            for b in ("review", "litigation_direct", "litigation_after_review"):
                for col, cl in (("corrected", "结果纠正"), ("pending", "尚未审结")):
                    if agg.get(f"{b}.{col}") is not None:
                        lines.append(f"{_T4_AGG_LABELS[b]}{cl}：{agg[f'{b}.{col}']}件")
        elif key == "@fee_row":
            v = _row_total(facts, "t3.other_handling.unpaid_fee")
            if v is not None:
                lines.append(f"申请人逾期未按收费通知要求缴纳费用、不再处理的申请：{v}件")
                own += 1
        else:
            spec = FACT_SPECS[key]
            v = getattr(facts, key)
            if v is None:
                continue
            unit = spec.unit if spec.kind in ("count", "money_yuan", "percent") else ""
            lines.append(f"{spec.label}：{fmt(v)}{unit}")
            own += 1
    if not own:
        lines.append(NO_FACTS)
    return "\n".join(lines)


NO_FACTS = "（本部分没有工作人员提供的事实）"


def part_has_facts(part: str, facts: Facts) -> bool:
    """True when staff gave at least one fact of this part (its sheet is more than name and year)."""
    return not part_fact_lines(part, facts).endswith(NO_FACTS)
