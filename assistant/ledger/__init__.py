"""From the application ledger (政府信息公开申请台账) to tables 三 and 四.

Reads the ledger an agency keeps (xlsx, xls, ods or csv, as Excel, WPS and OA systems export it),
finds its columns and understands its values by meaning (``prompts/ledger_vocabulary.toml``), and
counts the rows into the 175 cells of table 三 (and the 15 of table 四 from the review/lawsuit
ledger). The tables balance by construction; a row that cannot be placed is listed with its row
number and the reason and counted nowhere; every cell keeps the rows it counts. UI-free: the web
app and the command line reach it through ``assistant.app.AppService`` or ``derive_ledger``.
"""

from assistant.ledger._columns import (
    APPLICATION_ROLES,
    REVIEW_ROLES,
    ColumnsMissing,
    LedgerTable,
    is_header_word,
    locate,
    role_of_label,
)
from assistant.ledger._derive import (
    LEDGER_NAMES,
    Derived,
    LedgerDerivation,
    Placement,
    RowIssue,
    derive_applications,
    derive_ledger,
    derive_reviews,
    infer_year,
    placement_label,
    rows_phrase,
)
from assistant.ledger._read import LEDGER_TYPES, LedgerError, Sheet, read_sheets
from assistant.ledger._template import OUTCOME_CHOICES, write_template
from assistant.ledger._values import applicant_column, outcome_row, parse_date, review_block, review_part, row_label

__all__ = [
    "APPLICATION_ROLES",
    "LEDGER_NAMES",
    "LEDGER_TYPES",
    "OUTCOME_CHOICES",
    "REVIEW_ROLES",
    "ColumnsMissing",
    "Derived",
    "LedgerDerivation",
    "LedgerError",
    "LedgerTable",
    "Placement",
    "RowIssue",
    "Sheet",
    "applicant_column",
    "derive_applications",
    "derive_ledger",
    "derive_reviews",
    "infer_year",
    "is_header_word",
    "locate",
    "outcome_row",
    "parse_date",
    "placement_label",
    "read_sheets",
    "review_block",
    "review_part",
    "role_of_label",
    "row_label",
    "rows_phrase",
    "write_template",
]
