"""What the staff told us: the facts a report is drafted from.

Three kinds of fact:
- table cells, keyed by their cell address (``schemas.layout``: ``t3.granted.natural``);
- named scalar facts (agency, year, website items published, fee charged …), listed once in
  ``FACT_SPECS`` with their kind, Chinese label and unit;
- free-text facts (management, problems, measures, innovations …), kept in the staff's own words.

A fact may be *pending*: the user said 跳过 or 不清楚. ``quotes`` keeps, per field, the words the
value came from (provenance for the dialogue and the audit trail).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas import labels as L
from schemas.layout import ALL_CELL_ADDRESSES, cell_label
from schemas.report import AgencyLevel, Blank

__all__ = [
    "CELL_ADDRESSES",
    "FACT_SPECS",
    "TEXT_FIELDS",
    "FactKind",
    "FactSpec",
    "Facts",
    "fact_label",
    "is_cell",
    "spec_of",
]

FactKind = Literal[
    "name", "level", "year", "count", "percent", "bool", "money_yuan", "text",
    "cell_int", "cell_money",  # table cells (the money cell is in 万元)
]


@dataclass(frozen=True, slots=True)
class FactSpec:
    name: str
    kind: FactKind
    label: str  # Chinese, for messages and the facts sheet
    unit: str = ""  # measure word for counts, "元" / "万元" for money, "%" for percents
    part: str = ""  # narrative address the fact mainly serves


_SPECS: tuple[FactSpec, ...] = (
    FactSpec("agency_name", "name", "机关名称"),
    FactSpec("agency_level", "level", "机关层级"),
    FactSpec("report_year", "year", "报告年度", "年"),
    # 一（一）主动公开
    FactSpec("website_items", "count", "门户网站主动公开政务信息", "条", "p1.active"),
    FactSpec("website_visitors", "count", "网站独立用户访问总量", "个", "p1.active"),
    FactSpec("website_visits", "count", "网站访问总量", "次", "p1.active"),
    FactSpec("new_media_posts", "count", "政务新媒体发布信息", "条", "p1.active"),
    FactSpec("press_conferences", "count", "召开新闻发布会", "场", "p1.active"),
    FactSpec("policy_interpretations", "count", "发布政策解读", "篇", "p1.active"),
    FactSpec("active_notes", "text", "主动公开的其他情况", "", "p1.active"),
    # 一（二）依申请公开
    FactSpec("on_request_notes", "text", "依申请公开的其他情况", "", "p1.on_request"),
    # 一（三）–（五）
    FactSpec("management", "text", "政府信息管理情况", "", "p1.management"),
    FactSpec("platform", "text", "政府信息公开平台建设情况", "", "p1.platform"),
    FactSpec("oversight", "text", "监督保障情况", "", "p1.oversight"),
    # 五
    FactSpec("problems", "text", "存在的主要问题", "", "p5"),
    FactSpec("measures", "text", "改进措施", "", "p5"),
    FactSpec("last_year_followup", "text", "上年度问题的整改情况", "", "p5"),
    # 六
    FactSpec("fee_charged", "bool", "是否收取信息处理费", "", "p6.fees"),
    FactSpec("fee_cases", "count", "收取信息处理费件数", "件", "p6.fees"),
    FactSpec("fee_amount", "money_yuan", "收取信息处理费金额", "元", "p6.fees"),
    FactSpec("work_points", "text", "落实上级年度政务公开工作要点情况", "", "p6.work_points"),
    FactSpec("npc_suggestions", "count", "承办人大代表建议", "件", "p6.proposals"),
    FactSpec("cppcc_proposals", "count", "承办政协提案", "件", "p6.proposals"),
    FactSpec("proposals_completion_rate", "percent", "建议提案办结率", "%", "p6.proposals"),
    FactSpec("proposals_published", "bool", "建议提案办理结果是否已公开", "", "p6.proposals"),
    FactSpec("proposals_notes", "text", "建议提案办理的其他情况", "", "p6.proposals"),
    FactSpec("innovation", "text", "政务公开工作创新情况", "", "p6.innovation"),
    FactSpec("statistics_notes", "text", "数据统计需要说明的事项", "", "p6.statistics_notes"),
    FactSpec("other_matters", "text", "需要报告的其他事项", "", "p6.other_matters"),
    FactSpec("special_requirements", "text", "其他文件专门要求报告的事项", "", "p6.special_requirements"),
)
FACT_SPECS: dict[str, FactSpec] = {s.name: s for s in _SPECS}
TEXT_FIELDS: tuple[str, ...] = tuple(s.name for s in _SPECS if s.kind == "text")
CELL_ADDRESSES: frozenset[str] = frozenset(ALL_CELL_ADDRESSES)
_MONEY_CELLS = frozenset({"t2.fees.amount"})


def is_cell(field: str) -> bool:
    return field in CELL_ADDRESSES


def spec_of(field: str) -> FactSpec | None:
    """The spec of a named fact or a cell address; None for anything else."""
    if field in FACT_SPECS:
        return FACT_SPECS[field]
    if field in CELL_ADDRESSES:
        if field in _MONEY_CELLS:
            return FactSpec(field, "cell_money", cell_label(field), "万元")
        return FactSpec(field, "cell_int", cell_label(field), "件" if field.startswith(("t3", "t4")) else "")
    return None


def fact_label(field: str) -> str:
    spec = spec_of(field)
    return spec.label if spec else field


Cell = int | Decimal | Blank


class Facts(BaseModel):
    """Everything the staff said, typed. ``None`` means not (yet) said."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    agency_name: str | None = None
    agency_level: AgencyLevel | None = None
    report_year: int | None = Field(None, ge=2008, le=2100)

    website_items: int | None = Field(None, ge=0)
    website_visitors: int | None = Field(None, ge=0)
    website_visits: int | None = Field(None, ge=0)
    new_media_posts: int | None = Field(None, ge=0)
    press_conferences: int | None = Field(None, ge=0)
    policy_interpretations: int | None = Field(None, ge=0)
    active_notes: str | None = None
    on_request_notes: str | None = None
    management: str | None = None
    platform: str | None = None
    oversight: str | None = None
    problems: str | None = None
    measures: str | None = None
    last_year_followup: str | None = None

    fee_charged: bool | None = None
    fee_cases: int | None = Field(None, ge=0)
    fee_amount: Decimal | None = Field(None, ge=0)
    work_points: str | None = None
    npc_suggestions: int | None = Field(None, ge=0)
    cppcc_proposals: int | None = Field(None, ge=0)
    proposals_completion_rate: Decimal | None = Field(None, ge=0, le=100)
    proposals_published: bool | None = None
    proposals_notes: str | None = None
    innovation: str | None = None
    statistics_notes: str | None = None
    other_matters: str | None = None
    special_requirements: str | None = None

    cells: dict[str, Cell] = Field(default_factory=dict, description="表格单元格，按单元格地址")
    pending: dict[str, str] = Field(default_factory=dict, description="待定项：字段 → 用户原话（跳过/不清楚）")
    quotes: dict[str, str] = Field(default_factory=dict, description="来源：字段 → 用户原话")

    @field_validator("cells")
    @classmethod
    def _cells_known(cls, v: dict[str, Cell]) -> dict[str, Cell]:
        for address, value in v.items():
            if address not in CELL_ADDRESSES:
                raise ValueError(f"不是单元格地址：{address}")
            if isinstance(value, bool) or (isinstance(value, (int, Decimal)) and value < 0):
                raise ValueError(f"{address} 应为非负数")
            if isinstance(value, Decimal) and address not in _MONEY_CELLS and value != value.to_integral_value():
                raise ValueError(f"{address} 应为整数")
        return v

    # ---- access ------------------------------------------------------------------------------
    def get(self, field: str):
        """The value of a named fact or a cell; None when not given."""
        if field in CELL_ADDRESSES:
            return self.cells.get(field)
        if field in FACT_SPECS:
            return getattr(self, field)
        raise KeyError(field)

    def known(self, field: str) -> bool:
        return self.get(field) is not None

    def is_pending(self, field: str) -> bool:
        return field in self.pending

    def cell_int(self, address: str) -> int | None:
        """A table cell as a number, or None when not given or blank."""
        v = self.cells.get(address)
        return int(v) if isinstance(v, (int, Decimal)) and not isinstance(v, bool) else None

    def texts(self) -> dict[str, str]:
        """Every free-text fact that was given."""
        return {f: getattr(self, f) for f in TEXT_FIELDS if getattr(self, f)}

    @property
    def agency_level_label(self) -> str:
        return L.AGENCY_LEVEL_LABELS.get(self.agency_level or "", "")
