"""Importer cell accuracy: reports rendered to text (a web page copied as text), DOCX and HTML by
the export functions, imported again, and compared cell by cell over all 200 cell addresses; plus
the real published sample (text) against its hand-checked gold."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.export import build_docx, render_html
from assistant.importing import parse_docx, parse_html, parse_text
from eval._data import ROOT, load_json
from eval._tables import web_copy_text
from eval.synthetic import consistent_report, zero_report
from schemas.layout import ALL_CELL_ADDRESSES, get_cell, set_cell
from schemas.report import Blank, Report

__all__ = ["ImportResult", "run_imports"]


@dataclass
class ImportResult:
    cells: dict[str, int] = field(default_factory=dict)  # by format: cells compared
    correct: dict[str, int] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)  # "case format address: got ≠ want"

    def accuracy(self, fmt: str | None = None) -> float | None:
        keys = [fmt] if fmt else list(self.cells)
        n = sum(self.cells.get(k, 0) for k in keys)
        return sum(self.correct.get(k, 0) for k in keys) / n if n else None


def _same(got, want) -> bool:
    if isinstance(want, Blank) or isinstance(got, Blank):
        return isinstance(got, Blank) and isinstance(want, Blank)
    return got == want and got is not None


def _report(spec: dict) -> Report:
    if spec["kind"] == "zero":
        return zero_report()
    r = consistent_report(spec["seed"], year=spec.get("year", 2023), level=spec.get("level", "municipal"))
    for address in spec.get("blanks", ()):
        set_cell(r, address, Blank(blank="/"))
    return r


def _compare(res: ImportResult, case: str, fmt: str, got: Report, want: Report) -> None:
    for a in ALL_CELL_ADDRESSES:
        g, w = get_cell(got, a), get_cell(want, a)
        res.cells[fmt] = res.cells.get(fmt, 0) + 1
        if _same(g, w):
            res.correct[fmt] = res.correct.get(fmt, 0) + 1
        else:
            res.wrong.append(f"{case} {fmt} {a}: {g!r} ≠ {w!r}")


def run_imports(*, limit: int | None = None) -> ImportResult:
    spec = load_json("imports.json")
    res = ImportResult()
    readers = {"text": lambda r: parse_text(web_copy_text(render_html(r))),
               "docx": lambda r: parse_docx(build_docx(r)), "html": lambda r: parse_html(render_html(r))}
    for i, case in enumerate(spec["reports"][:limit]):
        want = _report(case)
        for fmt in spec["formats"]:
            _compare(res, f"case{i}", fmt, readers[fmt](want), want)
    for real in spec["real"]:
        want = Report.model_validate_json((ROOT / real["gold"]).read_text(encoding="utf-8"))
        got = parse_text((ROOT / real["text"]).read_text(encoding="utf-8"))
        _compare(res, real["text"], "text", got, want)
    return res
