"""Pydantic models of the report (2021 format), its findings, and the official labels."""

from schemas.findings import Finding, Location, Severity
from schemas.report import (
    Blank,
    DecisionRow,
    DocumentRow,
    FeeRow,
    Part1,
    Part6Item,
    PartHeading,
    Report,
    ReportMeta,
    Row3,
    Row4,
    SourceInfo,
    Table2,
    Table3,
    Table4,
)

__all__ = [
    "Blank", "DecisionRow", "DocumentRow", "FeeRow", "Finding", "Location", "Part1", "Part6Item",
    "PartHeading", "Report", "ReportMeta", "Row3", "Row4", "Severity", "SourceInfo", "Table2",
    "Table3", "Table4",
]
