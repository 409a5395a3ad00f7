"""The report as a standalone HTML page: the same outline and the same merged tables as the DOCX.

Every text is escaped. Value cells carry ``data-address`` (``t3.granted.natural``) and narrative
paragraphs ``data-part`` (``p1.active``), so a preview can mark the places a finding points at.
The export stamp goes into ``<meta name="report-assistant:<key>">``.
"""

from __future__ import annotations

from html import escape

from assistant.export._grid import Grid, grid_for
from assistant.export._outline import Heading, Para, RunInItem, TableRef, Title, outline, report_title, title_words
from assistant.export._stamp import Stamp
from schemas.report import Report

__all__ = ["META_PREFIX", "render_html", "render_html_body"]

META_PREFIX = "report-assistant:"

_CSS = """
:root { --body: "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC",
                "SimSun", serif;
        --title: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
        --h1: "黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
        --h2: "楷体_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif; }
body { margin: 0; background: #f3f3f3; }
main.report { box-sizing: border-box; max-width: 210mm; margin: 1.5em auto; padding: 37mm 26mm 35mm 28mm;
              background: #fff; color: #000; font: 16pt/28pt var(--body); text-align: justify; }
main.report h1 { font: 22pt/35pt var(--title); text-align: center; margin: 0 0 28pt; font-weight: normal; word-break: keep-all; }
main.report h2 { font: 16pt/28pt var(--h1); margin: 0; text-indent: 2em; font-weight: normal; }
main.report h3 { font: 16pt/28pt var(--h2); margin: 0; text-indent: 2em; font-weight: normal; }
main.report p { margin: 0; text-indent: 2em; }
main.report .run-in { font-family: var(--h2); }
main.report table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.5em 0 14pt;
                    font: 10.5pt/13.5pt var(--body); text-align: center; }
main.report th, main.report td { border: 1px solid #000; padding: 0.2em 0.15em; font-weight: normal;
                                  vertical-align: middle; word-break: break-all; }
main.report th.label { text-align: left; }
main.report th.label.group { text-align: center; }
@media print { body { background: none; } main.report { margin: 0; max-width: none; padding: 0; } }
"""


def _table(grid: Grid) -> str:
    out = [f'<table class="{grid.key}">', "<colgroup>"]
    total = sum(grid.widths_mm)
    out += [f'<col style="width:{w / total * 100:.2f}%">' for w in grid.widths_mm]
    out.append("</colgroup>")
    rows = grid.rows()
    for i, anchors in enumerate(rows):
        if i == 0 and grid.header_rows:
            out.append("<thead>")
        if i == grid.header_rows:
            out.append("<tbody>")
        cells = []
        for c in anchors:
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") \
                + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            text = escape(c.text)
            if c.role == "value":
                cells.append(f'<td{span} data-address="{escape(c.address or "")}">{text}</td>')
            elif c.role == "label":
                cls = "label group" if c.rowspan > 1 else "label"
                cells.append(f'<th{span} scope="row" class="{cls}">{text}</th>')
            else:
                cells.append(f'<th{span} scope="col">{text}</th>')
        out.append("<tr>" + "".join(cells) + "</tr>")
        if i == grid.header_rows - 1:
            out.append("</thead>")
    out.append("</tbody></table>")
    return "\n".join(out)


def render_html_body(report: Report) -> str:
    """The report as a ``<main class="report">`` element, for embedding in a page (the UI preview)."""
    out = ['<main class="report">']
    for block in outline(report):
        if isinstance(block, Title):
            # (a narrow page breaks the title only between its words, as the Word file does)
            words = title_words(report)
            out.append(f"<h1>{'<wbr>'.join(escape(w) for w in words) if ''.join(words) == block.text else escape(block.text)}</h1>")
        elif isinstance(block, Heading):
            tag = "h2" if block.level == 1 else "h3"
            out.append(f'<{tag} id="{escape(block.address)}">{escape(block.text)}</{tag}>')
        elif isinstance(block, Para):
            out.append(f'<p data-part="{escape(block.address)}">{escape(block.text)}</p>')
        elif isinstance(block, RunInItem):
            out.append(f'<p data-part="{escape(block.address)}"><span class="run-in">{escape(block.head)}</span>'
                       f"{escape(block.text)}</p>")
        elif isinstance(block, TableRef):
            out.append(_table(grid_for(block.key, report)))
    out.append("</main>")
    return "\n".join(out)


def render_html(report: Report, *, stamp: Stamp | None = None) -> str:
    """A complete standalone page with its CSS."""
    metas = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="generator" content="report-assistant">']
    if report.meta.agency_name:
        metas.append(f'<meta name="author" content="{escape(report.meta.agency_name)}">')
    if stamp:
        metas += [f'<meta name="{META_PREFIX}{key}" content="{escape(value)}">'
                  for key, value in stamp.properties().items()]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        *metas,
        f"<title>{escape(report_title(report))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        render_html_body(report),
        "</body>",
        "</html>",
        "",
    ])
