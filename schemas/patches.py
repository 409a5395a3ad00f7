"""A patch to the facts, as the model (or the offline engine) proposes it from one user message.

Each op names a field (a named fact such as ``website_items``, a cell address such as
``t3.granted.natural``, or for zeros only a whole table or row such as ``t3`` or
``t3.new_received``), the value, and the verbatim quote from the user's message that it came
from. Code checks every op (``assistant.drafting.grounding``) before anything is applied; rejected
ops carry a Chinese reason the dialogue can show.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Patch", "PatchOp", "PatchResult", "Rejection"]


class PatchOp(BaseModel):
    """One change: set a field to a value, or mark it pending (跳过/不清楚)."""

    model_config = ConfigDict(extra="forbid")
    field: str = Field(..., description="字段名或单元格地址，如 website_items、t3.granted.natural")
    value: str | int | float | bool | None = Field(..., description="取值；文字类事实须为用户原话")
    quote: str = Field(..., description="这一取值所依据的用户原话，须逐字摘自用户消息")
    op: Literal["set", "pending"] = Field("set", description="set 为填写，pending 为用户表示跳过或不清楚")


class Patch(BaseModel):
    """The facts found in one user message."""

    model_config = ConfigDict(extra="forbid")
    ops: list[PatchOp] = Field(default_factory=list, description="从用户消息中提取的事实")


class Rejection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    op: PatchOp
    reason: str  # Chinese, shown to the user


class PatchResult(BaseModel):
    """The outcome of checking (and applying) a patch."""

    model_config = ConfigDict(extra="forbid")
    accepted: list[PatchOp] = Field(default_factory=list)
    rejected: list[Rejection] = Field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        return [r.reason for r in self.rejected]
