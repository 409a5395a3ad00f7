"""A ``Report`` from the facts and the drafted narrative.

Tables come from the facts. Nothing is invented: a cell nobody stated stays blank (the validator
reports it), except where it follows by explicit derivation, which is recorded in ``derived``:
a 总计 that is the sum of its stated parts, and zeros forced by a stated zero total (non-negative
counts that add up to 0 are all 0), which is how 今年没有收到申请 and 无上年结转 fill table 三.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from assistant.drafting.drafting import P1_PARTS, P6_PARTS, Drafts
from assistant.llm.prompts import load_prompt
from schemas import labels as L
from schemas.facts import Facts
from schemas.layout import ALL_CELL_ADDRESSES, T3_COLUMNS, T3_RESULT_ROWS, T3_ROWS, T4_BLOCKS, set_cell
from schemas.report import Blank, P6Key, Part1, Part6Item, Report, ReportMeta, SourceInfo

__all__ = ["Assembled", "assemble_report", "derive_cells", "report_preamble", "report_title"]

_T4_PARTS = ("upheld", "corrected", "other", "pending")


@dataclass(frozen=True, slots=True)
class Assembled:
    report: Report
    derived: dict[str, str]  # cell address → how it was derived (Chinese)
    missing: tuple[str, ...]  # cells neither stated nor derivable: left blank


def derive_cells(facts: Facts) -> dict[str, tuple[int, str]]:
    """Cells that follow from the stated ones: {address: (value, reason)}."""
    known = frozenset((a, int(v)) for a, v in facts.cells.items()
                      if isinstance(v, (int, Decimal)) and not isinstance(v, bool))
    # a turn derives from the same facts several times (state, plan, reader, assembly): once is enough
    return dict(_derive(facts.agency_level, known))


@functools.lru_cache(maxsize=256)
def _derive(agency_level: str | None, numbers: frozenset[tuple[str, int]]) -> dict[str, tuple[int, str]]:
    """``derive_cells`` of the level and the cells holding a number (nothing else is read); shared:
    read only."""
    known: dict[str, int] = dict(numbers)
    out: dict[str, tuple[int, str]] = {}

    def put(address: str, value: int, reason: str) -> bool:
        if address in known:
            return False
        known[address] = value
        out[address] = (value, reason)
        return True

    # 《立法法》: only 国务院部门 and the governments of provinces and 设区的市 make 规章; a county or
    # township body has none to make, repeal or keep in force
    if agency_level in ("county", "township"):
        for c in ("issued", "repealed", "in_force"):
            put(f"t2.regulations.{c}", 0, "县级、乡镇机关没有规章制定权（《立法法》）")
    changed = True
    while changed:
        changed = False
        # A zero total forces every part to 0.
        if all(known.get(f"t3.{r}.{c}") == 0 for r in ("new_received", "carried_over") for c in T3_COLUMNS) or (
                known.get("t3.new_received.total") == 0 and known.get("t3.carried_over.total") == 0):
            for row in T3_ROWS:
                for c in T3_COLUMNS:
                    changed |= put(f"{row.address}.{c}", 0, "本年新收和上年结转均为0，办理结果和结转下年度各项只能为0")
        for row in T3_ROWS:
            if known.get(f"{row.address}.total") == 0:
                for c in L.T3_APPLICANT_COLUMNS:
                    changed |= put(f"{row.address}.{c}", 0, "本行总计为0，各列只能为0")
        for b in T4_BLOCKS:
            if known.get(f"t4.{b}.total") == 0:
                for c in _T4_PARTS:
                    changed |= put(f"t4.{b}.{c}", 0, "本块总计为0，各项只能为0")
        # Totals as sums of stated parts.
        for row in T3_ROWS:
            parts = [known.get(f"{row.address}.{c}") for c in L.T3_APPLICANT_COLUMNS]
            if all(p is not None for p in parts):
                changed |= put(f"{row.address}.total", sum(parts), "由本行六列相加")  # type: ignore[arg-type]
        for c in T3_COLUMNS:
            parts = [known.get(f"{r.address}.{c}") for r in T3_RESULT_ROWS]
            if all(p is not None for p in parts):
                changed |= put(f"t3.total.{c}", sum(parts), "由（一）至（六）各项相加")  # type: ignore[arg-type]
        for b in T4_BLOCKS:
            parts = [known.get(f"t4.{b}.{c}") for c in _T4_PARTS]
            if all(p is not None for p in parts):
                changed |= put(f"t4.{b}.total", sum(parts), "由维持、纠正、其他、尚未审结相加")  # type: ignore[arg-type]
        # What the sums leave no choice about (every cell is a count, never negative): the parts
        # not given are the total less the parts given — all 0 when those already add up to it.
        for row in T3_ROWS:
            changed |= _complete(known, put, f"{row.address}.total",
                                 [f"{row.address}.{c}" for c in L.T3_APPLICANT_COLUMNS], "本行总计减去已知各列")
        for c in T3_COLUMNS:
            # no application of a column this year nor carried over: none handled, none carried forward
            if known.get(f"t3.new_received.{c}") == 0 and known.get(f"t3.carried_over.{c}") == 0:
                for k in ("total", "carried_forward"):
                    changed |= put(f"t3.{k}.{c}", 0, "本列本年新收和上年结转均为0，办理结果和结转下年度只能为0")
            changed |= _complete(known, put, f"t3.total.{c}", [f"{r.address}.{c}" for r in T3_RESULT_ROWS],
                                 "（七）总计减去已知各项")
            # 一 + 二 = （七）总计 + 四, for each column: any one of the four from the other three
            terms = {k: known.get(f"t3.{k}.{c}") for k in ("new_received", "carried_over", "total", "carried_forward")}
            missing = [k for k, v in terms.items() if v is None]
            if len(missing) == 1:
                t = {k: v or 0 for k, v in terms.items()}
                value = {"total": t["new_received"] + t["carried_over"] - t["carried_forward"],
                         "carried_forward": t["new_received"] + t["carried_over"] - t["total"],
                         "new_received": t["total"] + t["carried_forward"] - t["carried_over"],
                         "carried_over": t["total"] + t["carried_forward"] - t["new_received"]}[missing[0]]
                if value >= 0:
                    changed |= put(f"t3.{missing[0]}.{c}", value, "本年新收＋上年结转＝办理结果总计＋结转下年度")
            # the results told one by one, with what is carried forward, may already account for every
            # application of the column: then nothing else can be in it
            if terms["new_received"] is not None and terms["carried_over"] is not None:
                changed |= _complete(known, put, terms["new_received"] + terms["carried_over"],
                                     [f"{r.address}.{c}" for r in T3_RESULT_ROWS] + [f"t3.carried_forward.{c}"],
                                     "本年新收＋上年结转减去已知各项办理结果和结转下年度")
        for b in T4_BLOCKS:
            changed |= _complete(known, put, f"t4.{b}.total", [f"t4.{b}.{c}" for c in _T4_PARTS], "本块总计减去已知各项")
    return out


def _complete(known: dict[str, int], put, total_address: str | int, parts: list[str], reason: str) -> bool:
    """Parts of a known total (a cell's address, or a sum already known): when the known parts add up
    to it, the others are 0; when one part is unknown, it is the difference. Nothing when the
    difference would be negative."""
    total = total_address if isinstance(total_address, int) else known.get(total_address)
    if total is None:
        return False
    unknown = [p for p in parts if p not in known]
    if not unknown:
        return False
    rest = total - sum(known[p] for p in parts if p in known)
    if rest < 0:
        return False
    if rest == 0:
        return any([put(p, 0, reason + "：其余各项只能为0") for p in unknown])
    if len(unknown) == 1:
        return put(unknown[0], rest, reason)
    return False


def report_preamble(facts: Facts) -> str:
    """The standard preamble (a template: it states no fact but the agency and the year)."""
    return load_prompt("offline/preamble").render(
        "text", agency=facts.agency_name or "本机关", year=facts.report_year or "本")


def report_title(facts: Facts) -> str:
    return load_prompt("offline/preamble").render("title", agency=facts.agency_name or "", year=facts.report_year or "")


def assemble_report(facts: Facts, drafts: Drafts | None = None) -> Assembled:
    """The report: tables from facts (and explicit derivations), narrative from ``drafts``."""
    drafts = drafts or Drafts()
    derived = derive_cells(facts)
    report = Report(
        meta=ReportMeta(agency_name=facts.agency_name or "", agency_level=facts.agency_level,
                        report_year=facts.report_year,
                        title=report_title(facts) if facts.agency_name and facts.report_year else ""),
        preamble=report_preamble(facts),
        part1=Part1(**{p[3:]: drafts.text(p) for p in P1_PARTS}),
        part5=drafts.text("p5"),
        part6=[Part6Item(key=cast(P6Key, p[3:]), title=L.P6_ITEM_TITLES[p[3:]], text=drafts.text(p)) for p in P6_PARTS],
        source=SourceInfo(kind="generated", format_version="2021", cited_documents=[L.FORMAT_DOC_2021]),
    )
    missing: list[str] = []
    for address in ALL_CELL_ADDRESSES:
        value = facts.cells.get(address)
        if value is None and address in derived:
            value = derived[address][0]
        if value is None:
            missing.append(address)
            continue
        if address == "t2.fees.amount" and isinstance(value, int):
            value = Decimal(value)
        set_cell(report, address, value if value is not None else Blank())
    return Assembled(report=report, derived={a: r for a, (_, r) in derived.items()}, missing=tuple(missing))
