"""The three per-table readers. Each recognises its rows by label and keeps the raw cell strings
with the row each came from (``at``: the coordinator's count of rows read); turning them into cells
and deciding the format version is the coordinator's job (``_tables``)."""

from __future__ import annotations

import re
from typing import cast

from assistant.importing._normalize import bigrams, label_key, norm
from assistant.importing._rows import (
    T2_BLOCK_RE,
    T2_COLS,
    T2_COLS_2019,
    T2_COLS_2019_SHORT,
    T2_COLS_PROCUREMENT,
    T2_CONTENT,
    fit,
    match_label,
    t3_header_columns,
    t3_header_order,
)
from schemas import labels as L
from schemas.labels import T2_2019_BLOCK_NUMERALS, T2_2019_ROW_LABELS
from schemas.layout import T2_CELLS, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS

__all__ = ["T2Reader", "T3Reader", "T4Reader"]

T3_N = len(T3_COLUMNS)
T4_N = len(T4_COLUMNS)

_RESULTS_KEY = label_key(L.T3_RESULTS_HEADER)
_T3_TOP = {label_key(L.T3_ROW_LABELS[r.path[0]]): r.path[0] for r in T3_ROWS if r.group is None}
_T3_GROUPS = {g: label_key(lbl) for g, lbl in L.T3_GROUP_LABELS.items()}
_T3_SUBS = {g: {label_key(lbl): k for k, lbl in rows.items()} for g, rows in L.T3_GROUP_ROWS.items()}
_T4_BLOCK_KEYS = {label_key(lbl): b for b, lbl in L.T4_BLOCK_LABELS.items()}
_T4_LITIGATION_KEY = label_key(L.T4_LITIGATION_HEADER)
# Words that name a block inside a longer label ("行政诉讼（未经复议直接起诉）"), most specific first.
_T4_BLOCK_WORDS = (("复议后起诉", "litigation_after_review"), ("直接起诉", "litigation_direct"), ("行政复议", "review"))

_T2_ROW_FIELDS: dict[str, tuple[str, ...]] = {}
for _c in T2_CELLS:
    _T2_ROW_FIELDS[_c.row] = _T2_ROW_FIELDS.get(_c.row, ()) + (_c.column,)
_T2_ROWS = {label_key(lbl): key for key, lbl in L.T2_ROW_LABELS.items()}
OLD_NORMATIVE = label_key(L.T2_ROW_LABELS["normative_docs"]).removeprefix("行政")  # 规范性文件
_T2_ROWS_2019 = frozenset(label_key(x) for x in T2_2019_ROW_LABELS)
_T2_AMOUNT_PREFIX = norm(L.T2_COLUMN_LABELS["amount"]).split("(")[0]  # 本年收费金额, whatever the unit note
# The columns of each block of table 二, by the numeral of its 第二十条第（X）项 header.
_T2_BLOCK_COLUMNS: dict[str, tuple[str, ...]] = {}
for _block, _rows in L.T2_BLOCK_ROWS.items():
    _m = T2_BLOCK_RE.fullmatch(norm(L.T2_BLOCK_TITLES[_block]))
    assert _m is not None
    _T2_BLOCK_COLUMNS[_m.group(1)] = _T2_ROW_FIELDS[_rows[0]]
_UNIT_NOTE = re.compile(r"(?<=.)\((?:单位:?)?万?元\)$")
_T2_COLUMN_BIGRAMS = {key: bigrams(lbl) for key, lbl in L.T2_COLUMN_LABELS.items()}


class T2Reader:
    def __init__(self) -> None:
        self.cols: list[str | None] | None = None  # columns named by the last 信息内容 header
        self.cells: dict[str, str] = {}
        self.origin: dict[str, int] = {}
        self.columns_2019: list[str] = []  # trial-format column headers: decisive
        self.rows_2019: list[str] = []  # trial-format rows and blocks: an agency may add such a row
        self.signal_2021 = False
        self.old_label = False
        self.block: str | None = None  # numeral of the last 第二十条第（X）项 header, until its columns come
        self.near: list[tuple[str, str]] = []  # (column header as written, the 2021 label it stands for)
        self.last: tuple[str, list[str | None], int] | None = None  # (row, columns, cells read)

    def header(self, labels: list[str]) -> None:
        ns = [norm(c) for c in labels]
        m = T2_BLOCK_RE.fullmatch(ns[0])
        if m:
            self.cols, self.block = None, m.group(1)
            if m.group(1) in T2_2019_BLOCK_NUMERALS:
                self.rows_2019.append(labels[0])
            return
        if T2_CONTENT in ns:
            at = ns.index(T2_CONTENT) + 1
            self.cols = [self._column(n, raw) for n, raw in zip(ns[at:], labels[at:])]
            self._near_columns(self.cols, ns[at:], labels[at:])
            self.block = None
        elif self.cols is not None:  # column names on lines of their own, after 信息内容
            cols = [self._column(n, raw) for n, raw in zip(ns, labels)]
            self._near_columns(cols, ns, labels, alone=True)
            self.cols += cols

    def _column(self, n: str, raw: str) -> str | None:
        col = T2_COLS.get(n)
        if col is None and n.endswith(")") and "(" in n:  # "本年处理决定数量（件）": a unit note, same label
            col = T2_COLS.get(n[:n.rindex("(")])
        if col is None and n.startswith(_T2_AMOUNT_PREFIX):
            col = "amount"
        if col is not None:
            self.signal_2021 = True
        elif n in T2_COLS_2019 and n not in T2_COLS_2019_SHORT:
            self.columns_2019.append(raw)
        elif n in T2_COLS_PROCUREMENT:
            self.rows_2019.append(raw)
        return col

    def _near_columns(self, cols: list[str | None], ns: list[str], raws: list[str], alone: bool = False) -> None:
        """Headers that are no official label but a shortened or reworded one ("处理决定数量", "本年制作
        数量") stand for the 2021 column in their place: the one the block leaves unnamed when the header
        names as many columns as the block has, else the one label that contains the header (or that it
        contains). A header must share a word with the label it stands for; the trial format's own
        columns never stand for a 2021 one. Each is kept in ``near`` for a note."""
        named = [i for i, n in enumerate(ns) if n]
        if all(cols[i] is not None for i in named):
            return  # the common case: every header is an official label
        expected = None if alone else self._block_columns(cols)
        if expected is not None and len(named) != len(expected):
            expected = None
        for k, i in enumerate(named):
            n = ns[i]
            if cols[i] is not None or (n in T2_COLS_2019 and n not in T2_COLS_2019_SHORT) or n in T2_COLS_PROCUREMENT:
                continue
            col = expected[k] if expected is not None and expected[k] not in cols else None
            if col is None and len(n) >= 4:
                hits = [key for lbl, key in T2_COLS.items() if n in lbl or lbl in n]
                col = hits[0] if len(hits) == 1 else None
            if col is not None and bigrams(n) & _T2_COLUMN_BIGRAMS[col]:
                cols[i] = col
                self.near.append((raws[i].strip(), L.T2_COLUMN_LABELS[col]))

    def _block_columns(self, cols: list[str | None]) -> tuple[str, ...] | None:
        """The columns of the block this header belongs to: the one its official columns name, else the
        one the 第二十条第（X）项 line above it names."""
        known = {c for c in cols if c is not None}
        if known:
            fits = {fields for fields in _T2_BLOCK_COLUMNS.values() if known <= set(fields)}
            return fits.pop() if len(fits) == 1 else None
        return _T2_BLOCK_COLUMNS.get(self.block or "")

    def row_of(self, labels: list[str]) -> str | None:
        """The 2021 row these labels name, without reading anything."""
        key = label_key("".join(labels))
        return _T2_ROWS.get(key) or ("normative_docs" if key == OLD_NORMATIVE else None)

    def feed(self, labels: list[str], values: list[str], exact: bool, at: int) -> bool:
        row = None
        for i in range(len(labels)):
            # ("行政事业性收费（万元）": the row, its unit noted)
            key = _UNIT_NOTE.sub("", label_key("".join(labels[i:])))
            if key in _T2_ROWS_2019:
                self.rows_2019.append("".join(labels[i:]))
                return True
            row = _T2_ROWS.get(key)
            if row is None and key == OLD_NORMATIVE:
                row, self.old_label = "normative_docs", True
            if row is not None:
                break
        if row is None:
            return False
        fields = _T2_ROW_FIELDS[row]
        cols: list[str | None] = list(fields)
        if self.cols and all(c is None or c in fields for c in self.cols) and any(self.cols):
            cols = self.cols  # a header naming none of the columns ("备注") leaves them in official order
        vals, _ = fit(values, len(cols), exact)
        self._store(row, cols, vals, at)
        self.last = (row, cols, len(vals))
        return True

    def _store(self, row: str, cols: list[str | None], vals: list[str], at: int) -> None:
        for col, raw in zip(cols, vals):
            address = f"t2.{row}.{col}"
            if col is not None and address not in self.cells:
                self.cells[address], self.origin[address] = raw, at

    def feed_unlabelled(self, values: list[str], exact: bool, at: int) -> bool:
        """Numbers without a label: the rest of the previous row, wrapped onto the next line."""
        if self.last is None:
            return False
        row, cols, done = self.last
        if done >= len(cols):
            return False
        more, _ = fit(values, len(cols) - done, exact, keep_last=False)
        self._store(row, cols[done:], more, at)
        self.last = (row, cols, done + len(more))
        return True


class T3Reader:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, ...], list[str]] = {}
        self.origin: dict[tuple[str, ...], list[int]] = {}
        self._loose: set[tuple[str, ...]] = set()  # rows of pasted text, where empty cells may be layout
        self._named: set[str] = set()  # columns the header rows name
        self.group: str | None = None  # group of the last sub-row, for sub-rows written without it
        self.last: tuple[str, ...] | None = None
        self.single_other: list[str] | None = None  # 2019: （六）其他处理 as one row
        self.duplicates: list[str] = []
        self.group_rows: list[str] = []
        self.order: list[str] | None = None  # the header's column order, when not the official one
        self.partial: list[str] | None = None  # the columns of a header that names only some, and 总计
        self.implied: dict[tuple[str, ...], list[str]] = {}  # columns read as 0 because the header leaves them out

    def header(self, labels: list[str]) -> None:
        self._named |= t3_header_columns(labels)
        order = t3_header_order(labels)
        if sorted(order) == sorted(T3_COLUMNS) and order != list(T3_COLUMNS):
            self.order = order  # "总计 自然人 商业企业 …": a sheet with the total first
        elif "total" in order and 2 <= len(order) < len(T3_COLUMNS) and len(set(order)) == len(order):
            self.partial = order  # "自然人 商业企业 总计": a tally sheet with only the columns it uses

    def _resolve(self, s: str) -> tuple[str, tuple[str, ...] | str, str | None] | None:
        if s.startswith(_RESULTS_KEY):
            s = s[len(_RESULTS_KEY):]
        for g, gkey in _T3_GROUPS.items():
            if s.startswith(gkey):
                rest = s[len(gkey):]
                if not rest:
                    return "group", g, g
                sub = match_label(_T3_SUBS[g], rest)
                return ("row", (g, sub), g) if sub else None
        if not s:
            return None
        top = match_label(_T3_TOP, s)
        if top is not None:
            return "row", (top,), None
        if self.group is not None:
            sub = match_label(_T3_SUBS[self.group], s)
            if sub is not None:
                return "row", (self.group, sub), self.group
        hits = [(g, sub) for g in _T3_SUBS for sub in (match_label(_T3_SUBS[g], s),) if sub is not None]
        if len(hits) == 1:
            return "row", hits[0], hits[0][0]
        return None

    def row_of(self, labels: list[str]) -> tuple[str, ...] | None:
        """The row (not a group) these labels name as a whole, without reading anything."""
        r = self._resolve(label_key("".join(labels)))
        if r is None or r[0] != "row":
            return None
        return r[1] if isinstance(r[1], tuple) else (r[1],)

    def feed(self, labels: list[str], values: list[str], exact: bool, at: int) -> bool:
        for i in range(len(labels)):
            r = self._resolve(label_key("".join(labels[i:])))
            if r is not None:
                break
        else:
            return False
        kind, target, group = r
        self.group = group
        if kind == "group":
            if target == "other_handling":
                self.single_other = fit(values, T3_N, exact)[0]
            else:
                self.group_rows.append(L.T3_GROUP_LABELS[cast(str, target)])  # a group: its name
            self.last = None
            return True
        path = target if isinstance(target, tuple) else (target,)  # a row: always a tuple
        if path in self.rows:
            self.duplicates.append("t3." + ".".join(path))
            self.last = None
            return True
        self.rows[path] = fit(values, T3_N, exact)[0]
        self.origin[path] = [at] * len(self.rows[path])
        if not exact:
            self._loose.add(path)
        self.last = path
        return True

    def feed_unlabelled(self, values: list[str], exact: bool, at: int) -> bool:
        """Numbers without a label: the rest of the previous row, wrapped onto the next line."""
        if self.last is None:
            return False
        cur = self.rows[self.last]
        need = T3_N - len(cur)
        if need <= 0:
            return False
        more, _ = fit(values, need, exact, keep_last=False)
        cur.extend(more)
        self.origin[self.last].extend([at] * len(more))
        return True

    def finish(self) -> None:
        """Pasted text without a 总计 column: "label, empty cell, six numbers" has seven cells, and
        the empty one is layout (a merged label cell), not a blank 自然人. There is a 总计 column
        when the header names one or when any seven-cell row has its first cell filled."""
        if self.partial:
            for p, vals in self.rows.items():
                if len(vals) != len(self.partial) or not all(v.strip().isdigit() for v in vals):
                    continue
                said = dict(zip(self.partial, vals, strict=True))
                if sum(int(v) for c, v in said.items() if c != "total") != int(said["total"]):
                    continue  # the columns said do not make the total: something is left out, not 0
                self.implied[p] = [c for c in T3_COLUMNS if c not in said]
                self.rows[p] = [said.get(c, "0") for c in T3_COLUMNS]
                self.origin[p] = [self.origin[p][0]] * len(T3_COLUMNS)
        if self.order:
            where = [self.order.index(c) for c in T3_COLUMNS]
            for p, vals in self.rows.items():
                if len(vals) == T3_N:
                    self.rows[p] = [vals[i] for i in where]
                    self.origin[p] = [self.origin[p][i] for i in where]
        full = [p for p in self._loose if len(self.rows[p]) == T3_N]
        if "total" in self._named or any(self.rows[p][0] != "" for p in full):
            return
        for p in full:
            self.rows[p], self.origin[p] = self.rows[p][1:], self.origin[p][1:]


class T4Reader:
    def __init__(self) -> None:
        self.flat: list[str] = []  # the data row under the three header rows, in official order
        self.flat_origin: list[int] = []
        self.flat_exact = False
        self.blocks: dict[str, list[str]] = {}  # a transposed layout: one labelled row per block
        self.block_origin: dict[str, int] = {}

    def feed(self, labels: list[str], values: list[str], exact: bool, at: int) -> bool:
        key = label_key("".join(labels))
        key = key.removeprefix(_T4_LITIGATION_KEY) or key
        block = _T4_BLOCK_KEYS.get(key)
        if block is None and sum(1 for v in values if v) <= T4_N:  # a longer row is not one block's
            block = next((b for w, b in _T4_BLOCK_WORDS if w in key), None)
        if block is None:
            return False
        if block not in self.blocks:
            self.blocks[block], self.block_origin[block] = fit(values, T4_N, exact)[0], at
        return True

    def feed_unlabelled(self, values: list[str], exact: bool, at: int) -> bool:
        if len(self.flat) >= T4_N * len(T4_BLOCKS):
            return False
        vals = values
        if not exact:
            vals, _ = fit(values, len(values), exact)
        self.flat.extend(vals)
        self.flat_origin.extend([at] * len(vals))
        self.flat_exact = self.flat_exact or exact
        return True
