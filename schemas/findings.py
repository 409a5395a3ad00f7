"""Validation findings: what the validator says, where, and how bad."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning"]


class Location(BaseModel):
    """Where a finding points.

    ``address`` is a cell (``t3.total.natural``), a table-三 row (``t3.granted``), a narrative part
    (``p1.on_request``) or ``report`` for the whole document. ``span`` is a character range in that
    part's text. ``related`` lists the other cells taking part in a failed equation, so a UI can
    mark all of them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    address: str
    span: tuple[int, int] | None = None
    related: tuple[str, ...] = ()

    def names(self, address: str) -> bool:
        return address == self.address or address in self.related


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    rule: str = Field(..., description="规则编号，如 A1、E2")
    severity: Severity
    location: Location
    message: str = Field(..., description="中文说明：应为多少，实际是多少")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"
