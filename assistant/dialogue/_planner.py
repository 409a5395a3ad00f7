"""The interview planner: what is still missing, what is required, and the next questions.

Everything is derived from the schemas: the groups hold the named facts by the narrative part they
serve (``FactSpec.part``) and the tables by their cell addresses; a question is worded from the
fact's label, kind and unit, or from a table's official row and column labels. The only policy
written by hand is which named facts are required (the rest are asked in passing) and the order
of the groups.

A plan asks at most three questions, and a table alone: the table is then the extraction topic,
so "都是0" fills that table and nothing else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assistant.drafting import derive_cells
from schemas import labels as L
from schemas.facts import FACT_SPECS, Facts, FactSpec, fact_label, is_cell, spec_of
from schemas.layout import ALL_CELL_ADDRESSES, T2_CELLS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, T3Row, cell_label

__all__ = [
    "GROUPS", "REQUIRED", "REQUIRED_WHEN", "Group", "Plan", "Question", "describe_fields", "group_of",
    "match_fields", "plan", "summary_lines",
]


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    title: str
    parts: tuple[str, ...]  # FactSpec.part values; a value ending in "." is a prefix
    table: str | None = None  # "t2" | "t3" | "t4"

    def holds(self, field: str) -> bool:
        if is_cell(field):
            return self.table is not None and field.startswith(self.table + ".")
        spec = FACT_SPECS.get(field)
        return spec is not None and any(
            spec.part.startswith(p) if p.endswith(".") else spec.part == p for p in self.parts)

    @property
    def fields(self) -> tuple[str, ...]:
        return _fields_of(self)


@functools.cache
def _fields_of(group: Group) -> tuple[str, ...]:
    """The group's fields, in report order (the specs and the cells are fixed: worked out once, not per turn)."""
    named = tuple(f for f in FACT_SPECS if group.holds(f))
    cells = tuple(a for a in ALL_CELL_ADDRESSES if group.holds(a))
    return cells + named if group.table else named


GROUPS: tuple[Group, ...] = (
    Group("identity", "机关与年度", ("",)),
    Group("active", "一（一）主动公开", ("p1.active",)),
    Group("t2", "表二 主动公开政府信息情况", (), "t2"),
    Group("t3", "依申请公开（表三）", ("p1.on_request",), "t3"),
    Group("t4", "行政复议、行政诉讼（表四）", (), "t4"),
    Group("p1", "一（三）至（五）政府信息管理、平台建设、监督保障", ("p1.management", "p1.platform", "p1.oversight")),
    Group("p5", "五、存在的主要问题及改进情况", ("p5",)),
    Group("p6", "六、其他需要报告的事项", ("p6.",)),
)
_GROUP_BY_KEY = {g.key: g for g in GROUPS}

# Named facts without which the report cannot be written (every table cell is required too): the
# identity, what the format makes every report state (part 五, the 信息处理费 of part 六) and the count
# part 一（一） stands on. The other topics (一（三）至（五）, 工作要点, 建议提案, 创新) are offered, not
# demanded: their templates say plainly when nothing was given, and many agencies have nothing.
REQUIRED: frozenset[str] = frozenset({
    "agency_name", "agency_level", "report_year", "website_items", "problems", "measures", "fee_charged",
})
# Required only when another fact has a given value: the fee's cases and amount when one was charged.
# Of the facts not required, those worth offering by name (the rest — notes, visitor counts — are
# taken when said, never listed: a long list of maybes buries the question).
OFFERED: tuple[str, ...] = (
    "new_media_posts", "press_conferences", "policy_interpretations", "management", "platform", "oversight",
    "npc_suggestions", "cppcc_proposals", "work_points", "innovation",
)
REQUIRED_WHEN: dict[str, tuple[str, object]] = {"fee_cases": ("fee_charged", True), "fee_amount": ("fee_charged", True)}


def group_of(field: str) -> Group:
    for g in GROUPS:
        if g.holds(field):
            return g
    raise KeyError(field)


def _required(field: str, facts: Facts) -> bool:
    if is_cell(field) or field in REQUIRED:
        return True
    cond = REQUIRED_WHEN.get(field)
    return cond is not None and facts.get(cond[0]) == cond[1]


@dataclass(frozen=True, slots=True)
class Question:
    key: str  # a named fact, or a table ("t2", "t3", "t4")
    group: str
    text: str
    fields: tuple[str, ...]  # what an answer fills; 跳过 marks these pending

    @property
    def is_table(self) -> bool:
        return self.key in ("t2", "t3", "t4")


@dataclass(frozen=True, slots=True)
class Plan:
    questions: tuple[Question, ...]
    missing: tuple[str, ...]  # required, not known, not derivable, not pending
    pending: tuple[str, ...]  # marked 跳过 / 不清楚
    optional: tuple[str, ...]  # optional named facts not given
    clashes: tuple[str, ...] = ()  # the tables' sums the known cells break, in Chinese

    @property
    def complete(self) -> bool:
        return not self.missing and not self.pending

    @property
    def topic(self) -> str | None:
        """What a bare answer ("5件", "都是0", a paragraph) refers to."""
        return self.questions[0].key if self.questions else None

    @property
    def asked(self) -> tuple[str, ...]:
        return tuple(f for q in self.questions for f in q.fields)

    @property
    def hint(self) -> str:
        texts = [q for q in self.questions if FACT_SPECS.get(q.key) and FACT_SPECS[q.key].kind == "text"]
        if len(texts) < 2:
            return ""
        return f"几项一起回答时，请每段以项目名开头，例如“{FACT_SPECS[texts[0].key].label}：……”。"


# ---- wording -----------------------------------------------------------------------------------
def _named_question(spec: FactSpec) -> str:
    k, label, unit = spec.kind, spec.label, spec.unit
    if k == "name":
        return f"{label}（全称）是什么？"
    if k == "level":
        return f"{label}是哪一级？（{'、'.join(L.AGENCY_LEVEL_LABELS.values())}）"
    if k == "year":
        return f"{label}是哪一年？"
    if k == "count":
        return f"{label}多少{unit}？"
    if k == "percent":
        return f"{label}是百分之多少？"
    if k == "money_yuan":
        return f"{label}是多少{unit}？"
    if k == "bool":
        return f"{label}？" if "是否" in label else f"{label}吗？"
    return f"请简要介绍{label}（可直接粘贴已有文字）。"


def _t2_question(missing: list[str]) -> str:
    rows: dict[str, list[str]] = {}
    for c in T2_CELLS:
        if c.address in missing:
            rows.setdefault(c.row, []).append(c.column)
    parts = [f"{L.T2_ROW_LABELS[r]}（{'、'.join(L.T2_COLUMN_LABELS[c] for c in cols)}）" for r, cols in rows.items()]
    if len(missing) == len(T2_CELLS):
        return (f"表二（{L.PART_TITLES['p2']}）：{'；'.join(parts)}各是多少？可以逐项告诉我，也可以直接粘贴表格；"
                "都没有的话说“表二全部为0”。")
    return f"表二还缺：{'；'.join(parts)}。"


def _t3_question(missing: list[str], known: set[str], facts: Facts) -> str:
    new = [facts.cells.get(f"t3.new_received.{c}") for c in L.T3_COLUMN_LABELS]
    if all(v == 0 for v in new) and any(a.startswith("t3.carried_over.") for a in missing):
        # no new application: what is left hangs on last year's carry-over alone (0 → the whole table is 0)
        return ("今年没有新收申请。上年有没有结转过来、今年继续办理的申请？没有的话说“上年没有结转”；"
                "有的话说几件、是哪类申请人的，以及办理结果（例如“上年结转2件，都是个人的，都予以公开了”）。")
    if not any(a.startswith("t3.") for a in known):
        carried = all(f"t3.carried_over.{c}" in known for c in L.T3_COLUMN_LABELS)
        no_apps = "今年没有收到申请" if carried else "今年没有收到申请，也没有上年结转"
        return ("今年收到政府信息公开申请了吗？收到的话请把表三整张粘贴过来（从Excel、WPS复制或Markdown表格均可），"
                "或直接说各项办理结果；有申请登记台账的，可以把台账粘贴过来，或在“数据表”页上传台账生成表三；"
                f"没有收到的话说“{no_apps}”。")
    rows = [r for r in T3_ROWS if any(a.startswith(r.address + ".") for a in missing)]
    came = {r: [facts.cell_int(f"t3.{r}.{c}") for c in L.T3_APPLICANT_COLUMNS] for r in ("new_received", "carried_over")}
    if all(v is not None for v in came["new_received"]) and any(
            a.startswith("t3.carried_over.") for a in missing) and _results_cover(facts, came["new_received"]):
        # every application of this year has its result: what is left hangs on last year's carry-over
        return ("今年新收的申请都已记录了办理结果。上年有没有结转过来、今年继续办理的申请？没有的话说“上年没有结转”，"
                "表三其余各格就都是0；有的话说几件、是哪类申请人的，以及办理结果。")
    if all(v is not None for vs in came.values() for v in vs) and not any(
            a.startswith(("t3.new_received.", "t3.carried_over.")) for a in missing):
        # what came in is known, what became of it is not: ask for the results in the clerk's words
        open_cols = [c for c in L.T3_APPLICANT_COLUMNS if any(a.endswith("." + c) for a in missing)]

        def count(i: int, c: str) -> str:
            n = sum(v for v in (came["new_received"][i], came["carried_over"][i]) if v)
            # (results told already: how many are still to be told, "还差哪个" being the clerk's next question)
            told = sum(facts.cell_int(f"{r.address}.{c}") or 0 for r in T3_ROWS if r.address not in (
                "t3.new_received", "t3.carried_over", "t3.total"))
            return f"{L.T3_COLUMN_LABELS[c]}{n}件" + (f"（已说{told}件的办理结果，还差{n - told}件）" if 0 < told < n else "")
        counts = "、".join(count(i, c) for i, c in enumerate(L.T3_APPLICANT_COLUMNS) if c in open_cols)
        return (f"这些申请（{counts}，含上年结转）是怎么办理的？可以直接说，例如“予以公开5件，部分公开1件，"
                "本机关不掌握2件（都是个人的）”；还没办完、转到明年的也请说明，其余没有的说“其他都是0”。也可以粘贴表三。")
    names = "、".join(f"「{r.full_label}」" for r in rows[:3]) + (f"等{len(rows)}行" if len(rows) > 3 else "")
    return (f"表三还缺{len(missing)}格，在{names}。这些行有的话直接说，例如“不掌握3件（个人2，企业1）”，"
            "或粘贴这几行、整张表三；都没有的话说“表三其他都是0”（只填还没有数字的格子）。")


def _results_cover(facts: Facts, new: list[int | None]) -> bool:
    """The results recorded (and what goes on next year) account for every application received this
    year, applicant by applicant."""
    results = [r.address for r in T3_ROWS if r.address not in ("t3.new_received", "t3.carried_over", "t3.total")]
    return all(sum(facts.cell_int(f"{r}.{c}") or 0 for r in results) >= (n or 0)
               for c, n in zip(L.T3_APPLICANT_COLUMNS, new, strict=True))


def _new_received_question(missing: list[str], known: set[str]) -> str | None:
    """Who applied, told for some applicants only ("个人申请7件，还有一个基金会申请了1件"): ask about
    the others by name, which "其他几类都没有" then answers (a bare "没有" too, when this is the only question; under
    another question it is asked back)."""
    said = [c for c in L.T3_APPLICANT_COLUMNS if f"t3.new_received.{c}" in known]
    open_cols = [c for c in L.T3_APPLICANT_COLUMNS if f"t3.new_received.{c}" in missing]
    if not said or not open_cols or "t3.new_received.total" in known:
        return None
    names = "、".join(L.T3_COLUMN_LABELS[c] for c in open_cols)
    told = "、".join(L.T3_COLUMN_LABELS[c] for c in said)
    return (f"本年新收的申请已记录{told}。{names}今年有没有申请？有的话说各几件；"
            f"都没有的话说“其他几类都没有”。")


def _t4_question(missing: list[str], known: set[str]) -> str:
    if not any(a.startswith("t4.") for a in known):
        return ("今年有没有因政府信息公开引起的行政复议或行政诉讼？有的话请粘贴表四（或逐项说明）；"
                "没有的话说“没有行政复议和行政诉讼”。")
    return f"表四还缺：{'；'.join(describe_fields(missing))}。"


def _table_question(table: str, missing: list[str], known: set[str], facts: Facts) -> str:
    if table == "t2":
        return _t2_question(missing)
    if table == "t3":
        return _t3_question(missing, known, facts)
    return _t4_question(missing, known)


# ---- the plan ----------------------------------------------------------------------------------
def plan(facts: Facts, *, max_questions: int = 3) -> Plan:
    """The open items and the next questions for ``facts`` (stated and derived cells)."""
    known = {a for a, v in facts.cells.items() if v is not None} | set(derive_cells(facts))
    pending = {f for f in facts.pending if f not in known and (is_cell(f) or facts.get(f) is None)}

    def is_known(f: str) -> bool:
        return f in known if is_cell(f) else facts.get(f) is not None

    missing: list[str] = []
    optional: list[str] = []
    asked: list[Question] = []  # every question there is to ask, in group order
    for g in GROUPS:
        open_fields = [f for f in g.fields if not is_known(f) and f not in pending]
        req = [f for f in open_fields if _required(f, facts)]
        opt = [f for f in open_fields if not _required(f, facts) and f in OFFERED]
        missing += req
        optional += opt
        questions: list[Question] = []
        cells = [f for f in req if is_cell(f)]
        if cells and g.table == "t3" and (row_q := _new_received_question(cells, known)):
            questions.append(Question("t3.new_received", g.key, row_q, tuple(cells)))
        elif cells:
            questions.append(Question(g.table or "", g.key, _table_question(g.table or "", cells, known, facts), tuple(cells)))
        questions += [Question(f, g.key, _named_question(FACT_SPECS[f]), (f,)) for f in req if not is_cell(f)]
        if questions and opt:
            last = questions[-1]
            hint = f"（如有，也可以一并告诉我：{'、'.join(fact_label(f) for f in opt)}。）"
            questions[-1] = Question(last.key, last.group, last.text + hint, last.fields)
        asked += questions

    chosen: list[Question] = []
    for q in asked:
        if q.is_table:
            if not chosen:
                chosen.append(q)
            break
        chosen.append(q)
        if len(chosen) >= max_questions:
            break
    from assistant.dialogue._checks import contradictions  # (_checks reads this module's field names)

    derived = derive_cells(facts)
    merged = {**{a: v for a, (v, _) in derived.items()}, **facts.cells}
    clashes = tuple(contradictions(merged, derived).values())
    return Plan(tuple(chosen), tuple(missing), tuple(sorted(pending, key=_order)), tuple(optional), clashes)


_ORDER = {f: i for i, f in enumerate((*FACT_SPECS, *ALL_CELL_ADDRESSES))}


def _order(field: str) -> int:
    return _ORDER.get(field, len(_ORDER))


# ---- describing fields -------------------------------------------------------------------------
_ORGS = ("commercial", "research", "public_interest", "legal_service", "other")


def _columns_named(cols: tuple[str, ...]) -> str:
    if set(cols) == set(_ORGS):
        return "法人或其他组织五列"
    if set(cols) == {*_ORGS, "total"}:
        return "法人或其他组织五列和总计"
    if set(cols) == {"natural", *_ORGS}:
        return "六类申请人各列"
    return "、".join(L.T3_COLUMN_LABELS[c] for c in cols)


def _rows_named(rows: list[T3Row]) -> str:
    """"（二）部分公开、（三）不予公开各项、（四）无法提供2–3": rows of table 三, a group's sub-rows by number."""
    parts: list[str] = []
    k = 0
    while k < len(rows):
        r = rows[k]
        if r.group is None:
            parts.append(re.sub(r"（[^）]*）$", "", r.label))  # ("（二）部分公开（区分处理的，…）")
            k += 1
            continue
        same = [x for x in rows[k:] if x.group == r.group]
        k += len(same)
        everyone = [x for x in T3_ROWS if x.group == r.group]
        if len(same) == len(everyone):
            parts.append(f"{r.group_label}各项")
            continue
        numbers = [everyone.index(x) + 1 for x in same]
        runs: list[list[int]] = []
        for n in numbers:
            if runs and runs[-1][-1] == n - 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        runs_said = [f"{run[0]}–{run[-1]}" if len(run) > 2 else "、".join(map(str, run)) for run in runs]
        parts.append(f"{r.group_label}{'、'.join(runs_said)}")
    return "、".join(parts)


def _t3_described(cells: list[str]) -> list[str]:
    """Cells of table 三: a whole row by its label; rows with the same columns told once when there are
    many ("表三（二）部分公开、（三）不予公开各项…共18行的法人或其他组织五列"), not row by row."""
    by_cols: dict[tuple[str, ...], list[T3Row]] = {}
    for r in T3_ROWS:
        cols = tuple(a.rsplit(".", 1)[1] for a in cells if a.rsplit(".", 1)[0] == r.address)
        if cols:
            by_cols.setdefault(cols, []).append(r)
    out: list[str] = []
    for cols, rows in by_cols.items():
        whole = len(cols) == len(L.T3_COLUMN_LABELS)
        if len(rows) >= 3:
            out.append(f"表三的{_rows_named(rows)}共{len(rows)}行" + ("整行" if whole else f"的{_columns_named(cols)}"))
            continue
        for r in rows:
            out.append(f"表三「{r.full_label}」整行" if whole else f"表三「{r.full_label}」行的{_columns_named(cols)}")
    return out


def describe_fields(fields: Iterable[str]) -> list[str]:
    """Short labels for a set of fields: named facts by label, cells summarised per table and row."""
    fields = sorted(set(fields), key=_order)
    out: list[str] = []
    by_table: dict[str, list[str]] = {}
    for f in fields:
        if is_cell(f):
            by_table.setdefault(f[:2], []).append(f)
        else:
            out.append(fact_label(f))
    names = {"t2": "表二", "t3": "表三", "t4": "表四"}
    for table, cells in by_table.items():
        size = sum(a.startswith(table + ".") for a in ALL_CELL_ADDRESSES)
        if len(cells) == size:
            out.append(f"{names[table]}全部{size}格")
        elif table == "t3":
            out += _t3_described(cells)
        elif table == "t4":
            for b in T4_BLOCKS:
                block = [a for a in cells if a.startswith(f"t4.{b}.")]
                if len(block) == len(T4_COLUMNS):
                    out.append(f"表四「{L.T4_BLOCK_LABELS[b]}」全部5格")
                elif block:
                    out.append(f"表四「{L.T4_BLOCK_LABELS[b]}」的"
                               + "、".join(L.T4_COLUMN_LABELS[a.rsplit('.', 1)[1]] for a in block))
        else:
            out += [cell_label(a) for a in cells]
    return out


def summary_lines(p: Plan) -> list[str]:
    """还缺什么: the required items by group, the pending ones, the optional ones (empty lists
    are left out)."""
    lines: list[str] = []

    def by_group(fields: Iterable[str]) -> list[str]:
        groups: dict[str, list[str]] = {}
        for f in fields:
            groups.setdefault(group_of(f).key, []).append(f)
        return [f"- {_GROUP_BY_KEY[k].title}：{'；'.join(describe_fields(fs))}" for k, fs in groups.items()]

    if p.missing:
        lines.append("还缺的必填内容：")
        lines += by_group(p.missing)
    if p.pending:
        lines.append("待定的内容（您说过跳过或不清楚）：")
        lines += by_group(p.pending)
    if p.optional:
        lines.append("可选内容（有则更好）：" + "、".join(describe_fields(p.optional)) + "。")
    lines += clash_lines(p)
    return lines


def clash_lines(p: Plan) -> list[str]:
    """The sums the tables break, for the clerk to correct (校验, 还缺什么, and when nothing is missing)."""
    if not p.clashes:
        return []
    return [f"表格中有{len(p.clashes)}处数字对不上，请核对后直接更正（例如“执法案卷那行个人是3件”）：",
            *[f"- {m}" for m in p.clashes]]


# ---- naming a field in words -------------------------------------------------------------------
_NON_WORD = re.compile(r"[^\u4e00-\u9fa5A-Za-z0-9]")
_TABLE_WORDS = (("表二", "t2"), ("表2", "t2"), ("表三", "t3"), ("表3", "t3"), ("表四", "t4"), ("表4", "t4"))


def _bigrams(s: str) -> set[str]:
    s = _NON_WORD.sub("", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def match_fields(phrase: str, candidates: Iterable[str], *, unit: str = "",
                 labels: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The candidates ``phrase`` names: a table word names the table's cells; otherwise the
    single candidate whose label shares the most two-character pieces with the phrase (a matching
    measure word breaks ties). Empty when nothing or several match equally."""
    candidates = list(candidates)
    for word, table in _TABLE_WORDS:
        if word in phrase:
            return tuple(c for c in candidates if c.startswith(table + "."))
    mine = _bigrams(phrase)
    if not mine:
        return ()
    scored: list[tuple[int, str]] = []
    for c in candidates:
        label = (labels or {}).get(c) or fact_label(c)
        score = 2 * len(mine & _bigrams(label))
        if score == 0:
            continue
        spec = spec_of(c)
        if unit and spec is not None and spec.unit == unit:
            score += 1
        scored.append((score, c))
    if not scored:
        return ()
    best = max(s for s, _ in scored)
    top = [c for s, c in scored if s == best]
    return tuple(top) if len(top) == 1 else ()
