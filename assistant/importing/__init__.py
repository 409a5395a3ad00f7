"""Import published reports: plain text, DOCX, HTML, or our own JSON.

Every front-end turns its input into one neutral form (paragraphs and tables of cell strings);
one label-driven reader turns that into a ``Report``. What the reader could not find is listed in
``report.source.missing`` and explained in ``report.source.notes``; parsers never fail on partial
or garbled content. ``load_report`` raises ``ReportReadError`` (a Chinese sentence) when a file cannot
be read as a report at all.
"""

from assistant.importing._load import load_report, parse_docx, parse_html, parse_text

__all__ = ["load_report", "parse_docx", "parse_html", "parse_text"]
