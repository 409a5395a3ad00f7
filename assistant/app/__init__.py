"""The application service: every user action, with every rule on who may change what.

The web app (``ui``) and every command (``report-assistant chat``, ``draft``, ``user``…) call
``AppService`` and nothing below it for a write.
"""

from assistant.app._provenance import describe_value, explain, field_label, number_links, sum_parts
from assistant.app._service import (
    EXPORT_CHOICES,
    GREETING,
    LEDGER_TYPES,
    UPLOAD_TYPES,
    AppError,
    AppService,
    CellConflict,
    EditConflict,
    Snapshot,
    TodoItem,
    clean_text,
    parse_cell_input,
)

__all__ = [
    "EXPORT_CHOICES",
    "GREETING",
    "LEDGER_TYPES",
    "UPLOAD_TYPES",
    "AppError",
    "AppService",
    "CellConflict",
    "EditConflict",
    "Snapshot",
    "TodoItem",
    "clean_text",
    "describe_value",
    "explain",
    "field_label",
    "number_links",
    "parse_cell_input",
    "sum_parts",
]
