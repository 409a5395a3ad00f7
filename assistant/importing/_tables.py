"""The one table reader: label-driven, on the neutral form, for every front-end.

Rows are recognised by their official labels (normalised), never by position in the document.
The numbers of a row are the cells after its label; header rows are skipped wherever they repeat.
A label may be split over cells or over rows (pending labels join the next row that has numbers),
and a row whose numbers wrap onto the next line is continued. What is not found stays Blank and is
listed in ``missing``.

Documents and chat pastes both go through it: ``origins`` and ``raw`` say which row (counted over
every row read) each cell came from and what it said, so a caller can quote its own lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assistant.importing._blocks import Table
from assistant.importing._normalize import EMPTY, MARK, NUM, cell_kind, norm
from assistant.importing._readers import OLD_NORMATIVE, T3_N, T4_N, T2Reader, T3Reader, T4Reader
from assistant.importing._rows import WEAK_HEAD, fit_span, header_table, split_row
from assistant.numbers import parse_int_cell, parse_number
from schemas import labels as L
from schemas.layout import ALL_CELL_ADDRESSES, T3_COLUMNS, T4_BLOCKS, T4_COLUMNS, cell_label
from schemas.report import Blank, FormatVersion

__all__ = ["TableReader", "TablesResult", "read_rows"]

Cell = int | Decimal | Blank

_MAX_PENDING = 6  # label cells kept while waiting for the row's numbers
_MAX_ROW_NOTES = 5
_HINT_BY_PART = {"p2": "t2", "p3": "t3", "p4": "t4"}


@dataclass
class TablesResult:
    cells: dict[str, Cell] = field(default_factory=dict)  # only the cells that were read
    raw: dict[str, str] = field(default_factory=dict)  # the same cells as written
    origins: dict[str, int] = field(default_factory=dict)  # the row each was read from
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    format_version: FormatVersion = "unknown"
    found_any: bool = False
    implied: set[str] = field(default_factory=set)  # 0 in a column the header leaves out (its row adds up)


def read_rows(rows: list[list[str]], part: str | None = None) -> TablesResult:
    """Rows of cells written as text (a paste: empty cells may be layout), read as one table;
    ``origins`` count these rows from 0."""
    reader = TableReader()
    reader.read(Table(rows=rows), part)
    return reader.result()


class TableReader:
    """Feed it every table of a document in order (with the part it sits in), then ``result()``."""

    def __init__(self) -> None:
        self._t2, self._t3, self._t4 = T2Reader(), T3Reader(), T4Reader()
        self._readers: dict[str, T2Reader | T3Reader | T4Reader] = {"t2": self._t2, "t3": self._t3, "t4": self._t4}
        self._pending: list[str] = []
        self._ctx: str | None = None
        self._skipped: list[str] = []
        self._orphans = 0
        self._in_header = False  # the last row read was a header row
        self._at = -1  # rows read so far, over every table

    def read(self, table: Table, part: str | None = None) -> None:
        hint = _HINT_BY_PART.get(part or "")
        if hint is not None and hint != self._ctx:
            self._flush_blank_row(None)
            self._ctx, self._pending = hint, []
        exact = table.exact
        last = len(table.rows) - 1
        for i, cells in enumerate(table.rows):
            self._at += 1
            labels, values = split_row(cells)
            if i == last and table.cut_last_row:
                # the text stops inside this row: its count of cells proves nothing, so leading
                # empty cells are taken as layout rather than as blanks
                while values and values[0] == "":
                    values = values[1:]
            if not values:
                if not labels:
                    continue
                head = header_table(labels)
                if head is None and self._in_header and all(norm(c) in WEAK_HEAD for c in labels):
                    head = self._ctx  # 总计/其他 inside a header written one cell per line
                if head is not None:
                    self._flush_blank_row(None)
                    self._ctx = head
                    self._in_header = True
                    if head == "t2":
                        self._t2.header(labels)
                    elif head == "t3":
                        self._t3.header(labels)
                    continue
                self._flush_blank_row(labels)
                self._pending.extend(labels)
                del self._pending[:-_MAX_PENDING]
                continue
            self._in_header = False
            if labels:
                self._flush_blank_row(labels)
            labels = self._pending + labels
            self._pending = []
            if labels:
                self._feed_labelled(labels, values, exact)
            else:
                self._feed_unlabelled(values, exact)

    def _flush_blank_row(self, following: list[str] | None) -> None:
        """A row whose cells are all blank shows as its label alone (its empty cells are dropped as
        layout, or were never written when cells stand one per line). When the labels waiting for
        numbers name a whole row and what follows is another row's label (or a header, or the end),
        that row is read as blank: its label must not join the next row's and take its numbers."""
        if not self._pending:
            return
        for name in ("t3", "t2"):
            reader = self._readers[name]
            assert isinstance(reader, (T2Reader, T3Reader))
            row = reader.row_of(self._pending)
            if row is None:
                continue
            if following is not None:
                nxt = self._t3.row_of(following) or self._t2.row_of(following)
                if nxt is None or nxt == row:
                    return
            reader.feed(self._pending, [""] * T3_N, True, self._at)
            self._ctx, self._pending = name, []
            return

    def _feed_labelled(self, labels: list[str], values: list[str], exact: bool) -> None:
        order = ["t3", "t2", "t4"]
        if self._ctx in order:
            order.remove(self._ctx)
            order.insert(0, self._ctx)
        for name in order:
            if self._readers[name].feed(labels, values, exact, self._at):
                self._ctx = name
                return
        if self._ctx == "t4" and self._t4.feed_unlabelled(values, exact, self._at):
            return  # a data row of table 四 with a caption in front of it
        if any(cell_kind(v) == NUM for v in values):
            self._skipped.append("".join(labels))

    def _feed_unlabelled(self, values: list[str], exact: bool) -> None:
        reader = self._readers.get(self._ctx or "")
        ok = reader is not None and reader.feed_unlabelled(values, exact, self._at)
        if not ok and any(cell_kind(v) == NUM for v in values):
            self._orphans += 1

    # ---- the result ----------------------------------------------------------------------------
    def result(self) -> TablesResult:
        # labels still waiting at the end are not flushed: a text cut short ends the same way
        res = TablesResult()
        raw: dict[str, str] = dict(self._t2.cells)
        origins: dict[str, int] = dict(self._t2.origin)
        self._t3.finish()
        res.implied = {"t3." + ".".join(p) + f".{c}" for p, cols in self._t3.implied.items() for c in cols}
        for path, vals in self._t3.rows.items():
            base = "t3." + ".".join(path)
            for col, v, at in zip(T3_COLUMNS, vals, self._t3.origin[path]):
                raw[f"{base}.{col}"], origins[f"{base}.{col}"] = v, at
        t4 = self._t4
        lo, hi, _ = fit_span(t4.flat, T4_N * len(T4_BLOCKS), t4.flat_exact, keep_last=False)
        for i in range(hi - lo):
            address = f"t4.{T4_BLOCKS[i // T4_N]}.{T4_COLUMNS[i % T4_N]}"
            if address not in raw:
                raw[address], origins[address] = t4.flat[lo + i], t4.flat_origin[lo + i]
        for block, vals in t4.blocks.items():
            for col, v in zip(T4_COLUMNS, vals):
                raw[f"t4.{block}.{col}"], origins[f"t4.{block}.{col}"] = v, t4.block_origin[block]

        t2, t3 = self._t2, self._t3
        has_2021 = t2.signal_2021 or any(p[0] == "other_handling" for p in t3.rows)
        old_rows = t2.rows_2019 + ([L.T3_GROUP_LABELS["other_handling"]] if t3.single_other is not None else [])
        if t2.columns_2019 or (old_rows and not has_2021):
            res.format_version = "2019"
            for a in [a for a in raw if a.startswith("t2.")]:
                del raw[a]
            res.notes.append(self._note_2019(t2.columns_2019 + old_rows, has_2021))
        else:
            res.format_version = "2021" if has_2021 else "unknown"
            if t2.rows_2019:
                names = "、".join(dict.fromkeys(f"“{r}”" for r in t2.rows_2019))
                res.notes.append(f"表二中有2021年格式没有的{names}（2019年试行格式的栏目），未读入。")
            if t3.single_other is not None:
                res.notes.append(self._note_single_other())

        res.found_any = bool(raw)
        for address in ALL_CELL_ADDRESSES:
            written = raw.get(address)
            if written is None:
                res.missing.append(address)
            else:
                res.cells[address] = self._cell(address, written, res.notes)
                res.raw[address], res.origins[address] = written, origins[address]
        self._notes(res.notes, res.format_version)
        return res

    def _note_single_other(self) -> str:
        vals = [v for v in self._t3.single_other or [] if v]
        numbers = f"（原表该行数字：{'、'.join(vals)}）" if vals else ""
        return (f"表三“{L.T3_GROUP_LABELS['other_handling']}”只有一行{numbers}，"
                "无法对应2021年格式的三个子项，相应单元格留空。")

    def _note_2019(self, signals: list[str], mixed: bool) -> str:
        seen = "、".join(dict.fromkeys(f"“{s}”" for s in signals[:4]))
        text = (f"该报告的表格使用2019年试行格式（{L.FORMAT_DOC_2019}），可见{seen}等栏目。"
                f"试行格式表二各栏与2021年格式（{L.FORMAT_DOC_2021}）含义不同，未读入，表二单元格留空。")
        if self._t3.single_other is not None:
            text += self._note_single_other()
        else:
            text += "表三、表四与2021年格式相同的行已照常读入。"
        if mixed:
            text += "表格中同时出现了2021年格式的栏目，请核对所用格式。"
        return text

    @staticmethod
    def _cell(address: str, raw: str, notes: list[str]) -> Cell:
        kind = cell_kind(raw)
        if kind == EMPTY or kind == MARK:
            return Blank(blank=raw)
        if kind == NUM:
            if address.endswith(".amount"):  # the fee, in 万元: the only non-integer cell
                value = parse_number(raw)
                if value is not None:
                    return value
            else:
                n = parse_int_cell(raw)
                if n is not None:
                    return n
                notes.append(f"{cell_label(address)}的内容“{raw}”不是整数，已按空白读入，请核对。")
                return Blank(blank=raw)
        notes.append(f"{cell_label(address)}的内容“{raw}”不是数字，已按空白读入，请核对。")
        return Blank(blank=raw)

    def _notes(self, notes: list[str], version: str) -> None:
        if self._t2.old_label and version != "2019":
            notes.append(f"表二使用了“{OLD_NORMATIVE}”，2021年格式的名称为“{L.T2_ROW_LABELS['normative_docs']}”。")
        if version != "2019":  # a column header read as the 2021 column it stands for, in the same words
            for written, official in dict.fromkeys(self._t2.near):
                notes.append(f"表二使用了“{written}”，2021年格式的名称为“{official}”。")
        for label in self._t3.group_rows:
            notes.append(f"表三“{label}”一行带有数字，2021年格式中该项按子项填报，这一行未读入。")
        for address in dict.fromkeys(self._t3.duplicates):
            notes.append(f"{cell_label(address)}出现了不止一次，已采用第一次出现的数字。")
        for label in self._skipped[:_MAX_ROW_NOTES]:
            notes.append(f"表格中“{label[:40]}”一行无法对应到正式格式的任何一行，已跳过。")
        if len(self._skipped) > _MAX_ROW_NOTES:
            notes.append(f"另有{len(self._skipped) - _MAX_ROW_NOTES}行表格内容无法识别，已跳过。")
        if self._orphans:
            notes.append(f"表格中有{self._orphans}行数字没有行名，无法判断属于哪一行，已跳过。")
