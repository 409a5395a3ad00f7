"""Import published reports: plain text, DOCX, HTML, text-based PDF, or our own JSON.

Every front-end turns its input into one neutral form (paragraphs and tables of cell strings);
one label-driven reader turns that into a ``Report``. What the reader could not find is listed in
``report.source.missing`` and explained in ``report.source.notes``; parsers never fail on partial
or garbled content. ``load_report`` raises ``ReportReadError`` (a Chinese sentence) when a file cannot
be read as a report at all.

``MAX_REPORT_BYTES`` is the largest file accepted (the web app uses it for uploads too); hostile
files (zip or PDF bombs, encrypted or corrupt PDFs, deeply nested HTML) are refused the same way.

The chat reads pasted tables with the same reader: ``table_cells`` splits a line, ``read_rows`` reads
the rows and says which row each cell came from, ``value_cells`` and ``cell_kind`` tell what a row holds.
"""

from assistant.importing._load import load_report, parse_docx, parse_html, parse_pdf, parse_text
from assistant.importing._normalize import MARK, NUM, cell_kind
from assistant.importing._rows import value_cells
from assistant.importing._safety import MAX_REPORT_BYTES
from assistant.importing._tables import TablesResult, read_rows
from assistant.importing._text import table_cells

__all__ = [
    "MARK", "MAX_REPORT_BYTES", "NUM", "TablesResult", "cell_kind", "load_report", "parse_docx",
    "parse_html", "parse_pdf", "parse_text", "read_rows", "table_cells", "value_cells",
]
