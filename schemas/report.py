"""The annual report in the 2021 format, as pydantic v2 models.

A cell holds a number or an explicit ``Blank`` (the blank, "/", "—" or "无" a published table
shows). A blank is never turned into 0 here: the validator reports it (rule A4) and only then
treats it as 0 for arithmetic.

The address of a cell is its attribute path below the report, with the table prefixed
``t2``/``t3``/``t4``: ``t3.withheld.state_secret.commercial``, ``t4.review.total``,
``t2.fees.amount``. ``schemas.layout`` walks these models; nothing else spells addresses.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas import labels as L


class Blank(BaseModel):
    """A cell that was left blank or holds a non-number marker such as "/" or "—"."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    blank: str = Field("", description="原表中的标记：空白、“/”、“—”、“无”等")

    def __str__(self) -> str:  # as printed in a table
        return self.blank


IntCell = int | Blank
MoneyCell = Decimal | Blank


def _coerce_cell(v):
    # Only a blank marker string becomes Blank; numbers stay numbers; anything else fails loudly.
    if isinstance(v, bool):  # bool is an int in Python; a True in a table is a bug upstream
        raise ValueError("单元格不能是布尔值")
    if isinstance(v, str) and v.strip() in L.BLANK_MARKERS:
        return Blank(blank=v.strip())
    return v


class _CellRow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_markers(cls, v):
        return _coerce_cell(v)


_BLANK = Blank()  # frozen: one instance serves every empty cell (a report has about 200)


def _blank() -> Blank:
    return _BLANK


# ---- table 二 --------------------------------------------------------------------------------
class DocumentRow(_CellRow):
    issued: IntCell = Field(default_factory=_blank, title=L.T2_COLUMN_LABELS["issued"])
    repealed: IntCell = Field(default_factory=_blank, title=L.T2_COLUMN_LABELS["repealed"])
    in_force: IntCell = Field(default_factory=_blank, title=L.T2_COLUMN_LABELS["in_force"])


class DecisionRow(_CellRow):
    decisions: IntCell = Field(default_factory=_blank, title=L.T2_COLUMN_LABELS["decisions"])


class FeeRow(_CellRow):
    amount: MoneyCell = Field(default_factory=_blank, title=L.T2_COLUMN_LABELS["amount"])


class Table2(BaseModel):
    """二、主动公开政府信息情况 (10 cells)."""

    model_config = ConfigDict(extra="forbid")
    regulations: DocumentRow = Field(default_factory=DocumentRow, title=L.T2_ROW_LABELS["regulations"])
    normative_docs: DocumentRow = Field(default_factory=DocumentRow, title=L.T2_ROW_LABELS["normative_docs"])
    licensing: DecisionRow = Field(default_factory=DecisionRow, title=L.T2_ROW_LABELS["licensing"])
    penalty: DecisionRow = Field(default_factory=DecisionRow, title=L.T2_ROW_LABELS["penalty"])
    enforcement: DecisionRow = Field(default_factory=DecisionRow, title=L.T2_ROW_LABELS["enforcement"])
    fees: FeeRow = Field(default_factory=FeeRow, title=L.T2_ROW_LABELS["fees"])


# ---- table 三 --------------------------------------------------------------------------------
class Row3(_CellRow):
    """One row of table 三: six applicant columns and 总计."""

    natural: IntCell = Field(default_factory=_blank, title=L.T3_COLUMN_LABELS["natural"])
    commercial: IntCell = Field(default_factory=_blank, title=L.T3_COLUMN_LABELS["commercial"])
    research: IntCell = Field(default_factory=_blank, title=L.T3_COLUMN_LABELS["research"])
    public_interest: IntCell = Field(default_factory=_blank, title=L.T3_COLUMN_LABELS["public_interest"])
    legal_service: IntCell = Field(default_factory=_blank, title=L.T3_COLUMN_LABELS["legal_service"])
    other: IntCell = Field(default_factory=_blank, title=L.T3_COLUMN_LABELS["other"])
    total: IntCell = Field(default_factory=_blank, title=L.T3_COLUMN_LABELS["total"])


def _row(group: str, key: str):
    return Field(default_factory=Row3, title=L.T3_GROUP_ROWS[group][key])


class Withheld(BaseModel):
    model_config = ConfigDict(extra="forbid")
    state_secret: Row3 = _row("withheld", "state_secret")
    prohibited_by_law: Row3 = _row("withheld", "prohibited_by_law")
    security_stability: Row3 = _row("withheld", "security_stability")
    third_party: Row3 = _row("withheld", "third_party")
    internal_affairs: Row3 = _row("withheld", "internal_affairs")
    process_info: Row3 = _row("withheld", "process_info")
    enforcement_file: Row3 = _row("withheld", "enforcement_file")
    inquiry: Row3 = _row("withheld", "inquiry")


class Unable(BaseModel):
    model_config = ConfigDict(extra="forbid")
    not_held: Row3 = _row("unable", "not_held")
    needs_creation: Row3 = _row("unable", "needs_creation")
    unclear: Row3 = _row("unable", "unclear")


class NotProcessed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    petition: Row3 = _row("not_processed", "petition")
    repeated: Row3 = _row("not_processed", "repeated")
    publication: Row3 = _row("not_processed", "publication")
    excessive: Row3 = _row("not_processed", "excessive")
    confirmation: Row3 = _row("not_processed", "confirmation")


class OtherHandling(BaseModel):
    model_config = ConfigDict(extra="forbid")
    no_correction: Row3 = _row("other_handling", "no_correction")
    unpaid_fee: Row3 = _row("other_handling", "unpaid_fee")
    other: Row3 = _row("other_handling", "other")


class Table3(BaseModel):
    """三、收到和处理政府信息公开申请情况 (25 rows × 7 columns)."""

    model_config = ConfigDict(extra="forbid")
    new_received: Row3 = Field(default_factory=Row3, title=L.T3_ROW_LABELS["new_received"])
    carried_over: Row3 = Field(default_factory=Row3, title=L.T3_ROW_LABELS["carried_over"])
    granted: Row3 = Field(default_factory=Row3, title=L.T3_ROW_LABELS["granted"])
    partial: Row3 = Field(default_factory=Row3, title=L.T3_ROW_LABELS["partial"])
    withheld: Withheld = Field(default_factory=Withheld, title=L.T3_GROUP_LABELS["withheld"])
    unable: Unable = Field(default_factory=Unable, title=L.T3_GROUP_LABELS["unable"])
    not_processed: NotProcessed = Field(default_factory=NotProcessed, title=L.T3_GROUP_LABELS["not_processed"])
    other_handling: OtherHandling = Field(default_factory=OtherHandling, title=L.T3_GROUP_LABELS["other_handling"])
    total: Row3 = Field(default_factory=Row3, title=L.T3_ROW_LABELS["total"])
    carried_forward: Row3 = Field(default_factory=Row3, title=L.T3_ROW_LABELS["carried_forward"])


# ---- table 四 --------------------------------------------------------------------------------
class Row4(_CellRow):
    upheld: IntCell = Field(default_factory=_blank, title=L.T4_COLUMN_LABELS["upheld"])
    corrected: IntCell = Field(default_factory=_blank, title=L.T4_COLUMN_LABELS["corrected"])
    other: IntCell = Field(default_factory=_blank, title=L.T4_COLUMN_LABELS["other"])
    pending: IntCell = Field(default_factory=_blank, title=L.T4_COLUMN_LABELS["pending"])
    total: IntCell = Field(default_factory=_blank, title=L.T4_COLUMN_LABELS["total"])


class Table4(BaseModel):
    """四、政府信息公开行政复议、行政诉讼情况 (15 cells)."""

    model_config = ConfigDict(extra="forbid")
    review: Row4 = Field(default_factory=Row4, title=L.T4_BLOCK_LABELS["review"])
    litigation_direct: Row4 = Field(default_factory=Row4, title=L.T4_BLOCK_LABELS["litigation_direct"])
    litigation_after_review: Row4 = Field(default_factory=Row4, title=L.T4_BLOCK_LABELS["litigation_after_review"])


# ---- narrative parts -------------------------------------------------------------------------
class Part1(BaseModel):
    """一、总体情况: five sub-parts, each a paragraph (or a few)."""

    model_config = ConfigDict(extra="forbid")
    active: str = Field("", title=L.P1_SUBPART_TITLES["active"])
    on_request: str = Field("", title=L.P1_SUBPART_TITLES["on_request"])
    management: str = Field("", title=L.P1_SUBPART_TITLES["management"])
    platform: str = Field("", title=L.P1_SUBPART_TITLES["platform"])
    oversight: str = Field("", title=L.P1_SUBPART_TITLES["oversight"])


P6Key = Literal[
    "fees", "work_points", "proposals", "innovation",
    "statistics_notes", "other_matters", "special_requirements",
]


class Part6Item(BaseModel):
    """One item of 六、其他需要报告的事项."""

    model_config = ConfigDict(extra="forbid")
    key: P6Key | None = Field(None, description="标准事项的标识；非标准事项为空")
    title: str = Field(..., description="事项标题，不含序号")
    text: str = ""


AgencyLevel = Literal["state_council_dept", "provincial", "municipal", "county", "township"]
FormatVersion = Literal["2021", "2019", "unknown"]


class ReportMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agency_name: str = Field("", title="机关名称")
    agency_level: AgencyLevel | None = Field(None, title="机关层级")
    report_year: int | None = Field(None, ge=2008, le=2100, title="报告年度")
    publication_date: dt.date | None = Field(None, title="发布日期")
    title: str = Field("", title="报告标题（原文）")


class PartHeading(BaseModel):
    """A part heading as it appeared in an imported document."""

    model_config = ConfigDict(extra="forbid")
    numeral: str  # 一 … 六 as written
    title: str  # the title text as written, without the numeral
    offset: int = 0  # character offset: in the input text for text files, in the plain text (paragraphs joined by "\n") for DOCX/HTML


class SourceInfo(BaseModel):
    """What an importer saw that the model itself cannot hold: used by rules F1 and F3."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["text", "docx", "html", "pdf", "json", "generated"] = "generated"
    path: str | None = None
    format_version: FormatVersion = "2021"
    part_headings: list[PartHeading] = Field(default_factory=list)
    cited_documents: list[str] = Field(default_factory=list)  # e.g. "国办公开办函〔2021〕30号"
    missing: list[str] = Field(default_factory=list)  # addresses or part ids the importer did not find
    notes: list[str] = Field(default_factory=list)  # importer remarks, in Chinese


class Report(BaseModel):
    """A whole 政府信息公开工作年度报告 in the 2021 format."""

    model_config = ConfigDict(extra="forbid")
    meta: ReportMeta = Field(default_factory=ReportMeta)
    preamble: str = Field("", title="引言")
    part1: Part1 = Field(default_factory=Part1, title=L.PART_TITLES["p1"])
    table2: Table2 = Field(default_factory=Table2, title=L.PART_TITLES["p2"])
    table3: Table3 = Field(default_factory=Table3, title=L.PART_TITLES["p3"])
    table4: Table4 = Field(default_factory=Table4, title=L.PART_TITLES["p4"])
    part5: str = Field("", title=L.PART_TITLES["p5"])
    part6: list[Part6Item] = Field(default_factory=list, title=L.PART_TITLES["p6"])
    source: SourceInfo | None = None

    def copy_deep(self) -> Report:
        return self.model_copy(deep=True)
