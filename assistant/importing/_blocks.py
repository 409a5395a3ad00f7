"""The neutral intermediate form every front-end produces: a document is a sequence of blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Block", "Document", "Paragraph", "Table"]


@dataclass(slots=True)
class Paragraph:
    text: str  # stripped, never empty
    offset: int = 0  # character offset of the text in the imported document
    # True for table content that cannot be read with certainty (rows of a paste that lost its line
    # breaks): never turned into table rows
    unread: bool = False


@dataclass(slots=True)
class Table:
    rows: list[list[str]]  # cell strings, stripped; merged cells appear once per row
    offset: int = 0
    # True when cells sit on a real grid (DOCX, HTML): an empty cell there is a blank cell, not layout.
    exact: bool = False
    # True when the document stops inside the last row: it may be cut short.
    cut_last_row: bool = False


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    kind: Literal["text", "docx", "html", "pdf"]
    blocks: list[Block] = field(default_factory=list)
    title_hint: str = ""  # e.g. the HTML <title>, used only when the body has no title
    notes: list[str] = field(default_factory=list)  # front-end remarks, in Chinese
    cut_at_end: bool = False  # the input stops in the middle of a line (a truncated text)
