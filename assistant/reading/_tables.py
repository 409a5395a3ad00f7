"""Tables pasted into the chat (tab-separated from a web page, Excel or WPS, or Markdown) → cell ops.

The rows are read by the importer's table reader (``assistant.importing.read_rows``), the one that
reads documents: rows by their labels, headers wherever they repeat, a table 三 with or without its
总计 column. This module only picks the table lines of a message and is stricter than an import,
since what it reads is recorded at once: a line is taken only when every number written on it was
read, each is a non-negative number or a blank marker, and the rows it fills are whole (the six
applicant columns of a table-三 row, the five of a table-四 block, every column of a table-二 row).
A sheet copied from Excel or WPS keeps one cell per column: there the header's positions say which
column a number is in, and a blank cell under a column is 0. Other shapes clerks paste: a column one
number per line, table 四 as one run of fifteen numbers, the six applicants written with slashes.
A line of fifteen numbers that the reader could not place whole is table 四's data row. Each op quotes
its own line.
"""

from __future__ import annotations

import json
import re

from assistant.importing import MARK, NUM, TablesResult, cell_kind, read_rows, table_cells, value_cells
from assistant.importing._blocks import Table
from assistant.numbers import parse_number, to_halfwidth
from assistant.reading._vocab import vocabulary
from schemas import labels as L
from schemas.layout import T2_CELLS, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS
from schemas.patches import PatchOp

__all__ = ["group_total_lines", "is_table_line", "parse_pasted_tables", "t2_in_table_order"]

_T4_ROW = len(T4_BLOCKS) * len(T4_COLUMNS)
_NONE_MARKS = ("—", "——", "－", "-", "–", "/", "／")
_T2_FIELDS: dict[str, set[str]] = {}
for _c in T2_CELLS:
    _T2_FIELDS.setdefault(f"t2.{_c.row}", set()).add(_c.column)


def is_table_line(line: str) -> bool:
    return table_cells(line, loose=True) is not None


def _value(raw: str, address: str) -> int | str | None:
    """The op value of a cell as written, or None when the chat does not take it."""
    kind = cell_kind(raw)
    if kind == MARK:
        # a count of applications or cases written as a dash or a slash is none (0); in table 二 a mark
        # may mean "not applicable" and stays a blank, as do other markers; "无" may mean 0 in a chat,
        # so the line is asked again
        if raw.strip() in _NONE_MARKS and address.startswith(("t3.", "t4.")):
            return 0
        return raw if raw != "无" else None
    v = parse_number(raw) if kind == NUM else None
    if v is None or v < 0:
        return None
    return int(v) if v == v.to_integral_value() else str(v)


def _whole(addresses: list[str]) -> bool:
    """Every row the line fills is filled entirely."""
    rows: dict[str, set[str]] = {}
    for a in addresses:
        row, col = a.rsplit(".", 1)
        rows.setdefault(row, set()).add(col)
    for row, cols in rows.items():
        if row.startswith("t3."):
            need = set(L.T3_APPLICANT_COLUMNS)
        elif row.startswith("t4."):
            need = set(T4_COLUMNS)
        else:
            need = _T2_FIELDS[row]
        if not need <= cols:
            return False
    return True


def _line_ops(cells: list[str], read: TablesResult, addresses: list[str], quote: str) -> list[PatchOp] | None:
    written = [c for c in value_cells(cells) if c != ""]
    said = [a for a in addresses if a not in read.implied]
    if not addresses or len(written) != len(said) or not _whole(addresses):
        return None  # a cell too many or too few, or a cell read as empty
    ops = []
    for a in said:  # a column the header leaves out follows from its row's total, as a derivation
        v = _value(read.raw[a], a)
        if v is None:
            return None
        ops.append(PatchOp(field=a, value=v, quote=quote))
    return ops


def _t4_row(cells: list[str]) -> tuple[TablesResult, list[str]] | None:
    """Fifteen numbers on a line of their own: table 四's data row, read as such."""
    if len([c for c in value_cells(cells) if c != ""]) != _T4_ROW:
        return None
    read = read_rows([cells], part="p4")
    return read, [a for a in read.origins if a.startswith("t4.")]


# a page number copied from a PDF ("— 6 —", "- 12 -")
_PAGE_NUMBER = re.compile(r"^\s*[—\-－–]+\s*[0-9０-９]{1,3}\s*[—\-－–]+\s*$")
# how a row label begins: "（一）", "一、", "1.", "三、本年度办理结果" — a line that does not is the rest of
# the label above it, wrapped by a PDF or a narrow column ("…不计" / "其他情形） 35 8 0 0 2 1 46")
_ROW_START = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[0-9０-９]{1,2}[.．、]|\||项目|信息内容)")


_GROUP_NUMERALS = "一二三四五六七"  # （一）予以公开 … （七）总计, in the official order


def _by_its_numbers(text: str) -> str | None:
    """"（三）5.三类内部事务信息", "（四）2.需另行制作": a sub-row named by its group's and its own number,
    with what words follow agreeing (none of them naming another row)."""
    m = re.fullmatch(r"[（(]([一二三四五六七])[)）]\s*([1-8])\s*[.．、]?\s*(.*)", text)
    if not m:
        return None
    groups = list(dict.fromkeys(r.group or ".".join(r.path) for r in T3_ROWS
                                if r.path[0] not in ("new_received", "carried_over", "carried_forward")))
    index = _GROUP_NUMERALS.index(m.group(1))
    if index >= len(groups):
        return None
    subs = [r for r in T3_ROWS if r.group == groups[index]]
    number = int(m.group(2))
    if not 1 <= number <= len(subs):
        return None
    row = subs[number - 1]
    named = {a.key for a in vocabulary().anchors(m.group(3)) if a.kind == "t3row"}
    if named and ".".join(row.path) not in named:
        return None  # the words name another row: the numbers are not to be trusted alone
    return f"{row.group_label}{row.label}"


_JOINED = re.compile(r"[（(]?[三四五六]?[)）]?\s*(不予公开|无法提供|不予处理|其他处理)(?:\s*[-－—_：:/·]\s*|\s+(?=[1-8][.．、]))(?:[1-8][.．、]\s*)?(\S+)")


def _group_and_row(text: str) -> str | None:
    """"不予公开-属于国家秘密", "无法提供-本机关不掌握相关政府信息": a group and its row's own words, as
    the format has them — the official label, however few rows of the sheet are labelled so."""
    joined = _JOINED.fullmatch(text.strip().strip("：:"))
    rows = [r for r in T3_ROWS if joined and r.group_label and r.group_label.endswith(joined.group(1))
            and re.sub(r"^[1-8][.．]", "", r.label) == joined.group(2)]
    return f"{rows[0].group_label}{rows[0].label}" if len(rows) == 1 else None


# a system's shorter group names before a row's own words ("不公开-国家秘密", "其他-逾期不补正", "不予处理-确认")
_SHORT_GROUP = re.compile(r"^\s*(不公开|不处理|其他)(?=\s*[-－—_：:/·])")
_SHORT_GROUP_NAMES = {"不公开": "不予公开", "不处理": "不予处理", "其他": "其他处理"}


_TOP_LABELS = frozenset(r.label for r in T3_ROWS if not r.group_label)


def _official_label(label: str, table: str) -> str | None:
    label = label.replace("其它", "其他")  # (the same word, written either way)
    if table == "t3":
        label = re.sub(r"^\s*(?:三、)?(?:本年度)?办理结果\s*[-－—_：:/·]\s*", "", label)  # ("办理结果-予以公开")
        label = _SHORT_GROUP.sub(lambda m: _SHORT_GROUP_NAMES[m.group(1)], label)
        label = re.sub(r"(?<=不予处理)(\s*[-－—_：:/·]\s*)确认$", r"\1要求确认", label)
    else:  # "行政事业性收费（万元）", "收费金额(单位:万元)": the row, its unit aside
        label = re.sub(r"\s*[（(]\s*(?:单位\s*[：:]\s*)?万?元\s*[)）]\s*$", "", label)
    return _official_label_of(label, table)


def _official_label_of(label: str, table: str) -> str | None:
    """A clerk's own short row label ("新收", "第三方权益", "不掌握", "结转下年", "许可") as the official
    one, when the whole label is one word of the vocabulary that names one row."""
    text = re.sub(r"[ \t\u3000]*(?:→|->|－>|—>)$", "", label.strip().strip("：:"))  # ("去年结转→  14 …")
    if table == "t3" and text in _TOP_LABELS:
        return text  # "四、结转下年度继续办理": the format's own label
    if table == "t3" and (numbered := _by_its_numbers(text)):
        return numbered
    if table == "t3" and (exact := _group_and_row(text)):
        return exact
    if table == "t3" and (joined := _JOINED.fullmatch(text)):
        # "其他处理-逾期不补正不再处理": the group's one row its words name
        group = next(r.group for r in T3_ROWS if r.group_label and r.group_label.endswith(joined.group(1)))
        named = {a.key for a in vocabulary().anchors(joined.group(2)) if a.kind == "t3row" and a.key.startswith(f"{group}.")}
        in_group = [r for r in T3_ROWS if ".".join(r.path) in named]
        if len(in_group) == 1:
            return f"{in_group[0].group_label}{in_group[0].label}"
    if not text or len(text) > 20:  # (a group and its row: "不予公开-保护第三方合法权益")
        return None
    if table == "t3" and text in ("其他", "其他处理"):
        return "（六）其他处理3.其他"  # a row called 其他 in table 三 is （六）3, not the 其他 column
    if table == "t3" and text in ("总计", "合计"):
        return "（七）总计"
    if table == "t3" and re.fullmatch(r"其他处理\s*(?:[-－—_：:/·]?\s*其他|[（(]\s*其他\s*[)）])", text):
        return "（六）其他处理3.其他"  # "其他处理-其他": the group and its row 3.其他
    if table == "t3" and text in ("重复",):
        return "（五）不予处理2.重复申请"
    if table == "t3" and text in ("确认", "要求确认", "确认类"):
        return "（五）不予处理5.要求行政机关确认或重新出具已获取信息"
    if table == "t3" and text in ("公开", "已公开", "全部公开"):
        return "（一）予以公开"  # a clerk's own column head beside 部分公开, 不掌握 …
    if table == "t3" and re.fullmatch(r"(?:办理结果|结果|办理|办结)?[-－—_：:]?(?:总计|合计|小计)", text):
        return "（七）总计"
    if (bare := re.fullmatch(r"(?:[一二三四][、.．]|[（(][一二三四五六七][)）])\s*(\S.*)", text)) and bare.group(1) != text:
        return _official_label(bare.group(1), table)  # "四、结转下年度", "（七）总计"
    kind = "t3row" if table == "t3" else "t2row"
    found = [a for a in vocabulary().anchors(text) if a.start == 0 and a.end == len(text)]
    rows = {a.key for a in found if a.kind == kind}
    if not rows and (tiles := _tiled(text, kind)):
        rows = tiles  # "本年新收申请", "上年结转申请": the row's words one after another, nothing else
    if not rows and table == "t3":
        # "不予公开-第三方合法权益", "其他处理_申请人撤回": a group and one of its rows, joined by a mark
        words = vocabulary().anchors(text)
        rest = list(text)
        for a in words:
            rest[a.start:a.end] = [""] * (a.end - a.start)
        inner = {a.key for a in words if a.kind == kind}
        groups = {a.key for a in words if a.kind == "t3group"}
        if len(inner) == 1 and not re.sub(r"[-－—_：:/（）()\s]", "", "".join(rest)) and all(
                next(iter(inner)).startswith(g + ".") for g in groups):
            rows = inner
    if len(rows) != 1:
        return None
    key = next(iter(rows))
    if table == "t2":
        return L.T2_ROW_LABELS.get(key)
    row = next((r for r in T3_ROWS if ".".join(r.path) == key), None)
    if row is None:
        return None
    return f"{row.group_label}{row.label}" if row.group_label else row.label


def _tiled(text: str, kind: str) -> set[str]:
    """The one row whose words, one after another, make up the whole of ``text`` (a trailing "申请",
    "数量" aside: "上年结转申请")."""
    text = re.sub(r"(?<=.)(?:(?:政府信息公开)?申请(?:数量|数|件数)?|数量|件数)$", "", text)
    words = sorted((a for a in vocabulary().anchors(text) if a.kind == kind), key=lambda a: (a.start, -a.end))
    at, keys = 0, set[str]()
    for a in words:
        if a.start == at:
            at, keys = a.end, keys | {a.key}
    return keys if at == len(text) and len(keys) == 1 else set()


_T4_HEADS = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "维持", "纠正", "其他", "未审结"}
_ONE_NUMBER = re.compile(r"\s*[0-9０-９][0-9０-９,，]*\s*")
_ONE_AMOUNT = re.compile(r"\s*[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*")


def _fold_cells(raw: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """A table copied from Word one cell per line: a row label followed by six or seven lines of one
    number each is one row. Returns the lines with such rows joined by tabs, and for each joined row
    the message's own lines it stands for."""
    out: list[str] = []
    folded: dict[str, list[str]] = {}
    i = 0
    while i < len(raw):
        # a label wrapped over two lines in text copied from a PDF, its numbers on a line of their own:
        # "1.申请人无正当理由逾期不补正、行政机关不再处" / "理其政府信息公开申请" / "5 1 0 0 1 0 7"
        for width in (2, 1):
            if i + width < len(raw) and _NUMBER_RUN.fullmatch(raw[i + width]) and _ROW_START.match(raw[i]) and not any(
                    _DIGIT.search(_ROW_START.sub("", x, count=1)) for x in raw[i:i + width]) and all(
                    x.strip() and "\t" not in x for x in raw[i:i + width]) and (
                    width == 1 or not _ROW_START.match(raw[i + 1])):
                row = "\t".join(["".join(x.strip() for x in raw[i:i + width]), *raw[i + width].split()])
                folded[row] = raw[i:i + width + 1]
                out.append(row)
                i += width + 1
                break
        else:
            i = _fold_one(raw, i, out, folded)
    return out, folded


_NUMBER_RUN = re.compile(r"\s*(?:[0-9０-９][0-9０-９,，]*[ \u3000]+){5,6}[0-9０-９][0-9０-９,，]*\s*")
_DIGIT = re.compile(r"[0-9０-９]")


def _fold_one(raw: list[str], i: int, out: list[str], folded: dict[str, list[str]]) -> int:
    """One step of ``_fold_cells`` from line ``i``: appends to ``out``, returns the next line."""
    def fold(label: str, values: list[str], j: int) -> int:
        row = "\t".join([label, *(x.strip() for x in values)])
        folded[row] = raw[i:j]
        out.append(row)
        return j

    name = _T4_NAMES.get(raw[i].strip().rstrip("：:"))
    if name:  # table 四 one cell per line: the block, its column heads, then its five numbers
        k = i + 1
        while k < len(raw) and raw[k].strip() in _T4_HEADS:
            k += 1
        j = k
        while j < len(raw) and _ONE_NUMBER.fullmatch(raw[j]) and j - k < len(T4_COLUMNS):
            j += 1
        if j - k == len(T4_COLUMNS):
            return fold(name, raw[k:j], j)
    if (t2 := _official_label(raw[i], "t2")) and raw[i].strip().rstrip("：:") == t2:
        # table 二 one cell per line: the row's official label, then its three numbers (规章,
        # 行政规范性文件) or its one
        width = 3 if t2 in (L.T2_ROW_LABELS["regulations"], L.T2_ROW_LABELS["normative_docs"]) else 1
        j = i + 1
        while j < len(raw) and _ONE_AMOUNT.fullmatch(raw[j]) and j - i <= width:
            j += 1
        if j - i - 1 == width and not (j < len(raw) and _ONE_AMOUNT.fullmatch(raw[j])):
            return fold(t2, raw[i + 1:j], j)
    j = i + 1
    while j < len(raw) and _ONE_NUMBER.fullmatch(raw[j]) and j - i <= len(T3_COLUMNS):
        j += 1
    if j - i - 1 in (len(T3_COLUMNS) - 1, len(T3_COLUMNS)) and raw[i].strip() and not _ONE_NUMBER.fullmatch(raw[i]):
        return fold(raw[i].strip(), raw[i + 1:j], j)
    out.append(raw[i])
    return i + 1


_T2_BLOCK_LINE = re.compile(r"第二十条第\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*项\s*$")


def _rows_of(message: str) -> tuple[list[str], list[list[str]], list[str]]:
    """(table lines, their cells, page numbers): label fragments joined to the row they begin."""
    lines: list[str] = []
    rows: list[list[str]] = []
    pages: list[str] = []
    raw, folded = _fold_cells(message.splitlines())
    for i, line in enumerate(raw):
        if _PAGE_NUMBER.match(line):
            pages.append(line)
            continue
        cells = table_cells(line, loose=True)
        if not cells:  # None: not a table line; []: a Markdown rule
            continue
        cells = [cells[0].rstrip("：: "), *cells[1:]]  # "复议后起诉：0 0 0 0 0"
        numbers = [c for c in cells if c.strip()]
        if len(numbers) == len(T4_COLUMNS) and all(cell_kind(c) == NUM for c in numbers) and (
                block := _t4_block_above(raw, i)):
            # "复议 / 维持 纠正 其他 尚未审结 总计 / 11 2 1 3 17": a block's numbers under its name
            lines.append(line)
            rows.append([block, *numbers])
            continue
        prev = raw[i - 1].strip() if i else ""
        if line not in folded and (len(cells) > 1 and not _ROW_START.match(cells[0]) and prev and table_cells(raw[i - 1], loose=True) is None
                and len(_header_words_in(prev)) < 3  # (not the header of applicant columns above the rows)
                and not _PAGE_NUMBER.match(prev) and len(prev) <= 40 and not prev.endswith(("。", "：", ":"))
                and not re.search(r"[：:][^：:]*[0-9０-９]", prev)  # ("收件渠道：网上申请41 / 信函11": a line of its own)
                and not _T2_BLOCK_LINE.search(prev)):  # ("第二十条第（八）项": the block's heading)
            # a label broken over two lines, or over three ("1.申请人无正当理由逾期不补" / "正、行政机关不再
            # 处理其政府信" / "息公开申请 5 0 …", a PDF's narrow column): back to the line its number begins
            start = i - 1
            if not _ROW_START.match(prev) and i >= 2 and _ROW_START.match(raw[i - 2].strip()) and table_cells(
                    raw[i - 2], loose=True) is None and len(raw[i - 2].strip()) <= 40:
                start = i - 2
            cells = ["".join(x.strip() for x in raw[start:i]) + cells[0], *cells[1:]]
            line = "\n".join([*raw[start:i], line])
        lines.append("\n".join(folded[line]) if line in folded else line)  # as the message has it
        rows.append(cells)
    rows = _without_row_numbers(rows)
    rows = _by_numbers_only(rows)
    rows = _aligned(rows)
    rows = [_without_label_fragments(cells) for cells in rows]
    for cells in rows:  # "1.逾期不补正" under （六）: the sub-row by its short name
        for j in range(min(2, len(cells))):
            if (m := _SUB_ROW.match(cells[j])) and m.group(2) not in _SUB_LABELS and (
                    o := _official_label(m.group(2), "t3")) and o in _SUB_OF:
                cells[j] = _SUB_OF[o]
    # a sheet of the clerk's own with short row labels: the table is the one its labels name
    labels = [c[0] for c in rows if c and c[0].strip()]
    for table in ("t3", "t2"):
        official = [_official_label(x, table) for x in labels]
        named = sum(o is not None for o in official)
        # (or a short sheet every label of which names one row: "予以公开 …" / "不掌握 …")
        if (named >= 3 and named * 2 >= len(labels)) or (labels and named == len(labels)):
            for cells in rows:
                # (among labels most of which name a row, one typed with a slip after the row's word:
                # "第三方权义", "过程性信急")
                if cells and (o := _official_label(cells[0], table) or (_loose_label(cells[0]) if table == "t3" and named >= 8 else None)):
                    cells[0] = o
            break
    for cells in rows:  # (and a group's row in the format's words, however few rows are labelled so)
        if cells and (o := _group_and_row(cells[0])):
            cells[0] = o
        elif cells and re.match(r"\s*(?:[一二四][、.．]|[（(][一二七][)）])", cells[0]) and (o := _official_label(cells[0], "t3")):
            cells[0] = o  # "一、本年新收申请": a row of the format by its numbering, its words shortened
    return lines, rows, pages


def _without_label_fragments(cells: list[str]) -> list[str]:
    """"三、本 (一)予以公开 402 41 …", "(四)无法 1.本机关不掌握相关政 263 …" (a photo's text, the merged
    labels broken over lines): the row is its last label cell that names one row, the fragments of
    the column's and group's labels before it dropped."""
    k = next((i for i, c in enumerate(cells) if cell_kind(c) == NUM), len(cells))
    parts = " ".join(cells[:k]).split()
    if len(parts) < 2 or k == len(cells) or _official_label("".join(parts), "t3"):
        return cells
    last = parts[-1]
    if (group := re.match(r"[（(]([一二三四五六七])[)）]", parts[0])) and _SUB_ROW.match(last) and (
            numbered := _by_its_numbers(f"（{group.group(1)}）{last}")):
        return [numbered, *cells[k:]]  # "(三)不予 1.属于国家秘密": the group's numeral and the sub-row's
    if (sub := _SUB_ROW.match(last)) and (o := _loose_label(sub.group(2))) and o in _SUB_OF:
        return [_SUB_OF[o], *cells[k:]]  # "1.本机关不掌握相关政": the sub-row, by its short name
    if (o := _loose_label(last)) is not None:
        return [o, *cells[k:]]
    return cells


_GROUP_OF_NUMERAL = {"三": "withheld", "四": "unable", "五": "not_processed", "六": "other_handling"}
_TOP_OF_NUMERAL = {"一": "new_received", "二": "carried_over", "四": "carried_forward"}
_NUMBERS_ONLY_LABEL = re.compile(r"\s*(?:(?P<top>[一二四])|(?:三\s*)?[（(](?P<g>[一二三四五六七])[)）]\s*(?:(?P<sub>[1-8])\s*[.．、]?)?"
                                 r"|(?P<bare>[1-8])\s*[.．、])\s*")


def _header_words_in(line: str) -> set[str]:
    return {a.key for a in vocabulary().anchors(line) if a.kind == "t3col"}


def _by_numbers_only(rows: list[list[str]]) -> list[list[str]]:
    """Table 三 copied from a PDF that kept only the numbering ("一 1869 …", "三 (一) 612 …", "（三） 1. 0 …",
    "2． 3 1 …", "(七) 1856 …", "四 71 …"): each row by its number in the format, the sub-rows under the
    group last named. Only when five rows or more are labelled so and nothing else."""
    labels = [r[0] for r in rows if r and r[0].strip() and not _ONE_NUMBER.fullmatch(r[0])]
    if len([x for x in labels if _NUMBERS_ONLY_LABEL.fullmatch(x)]) < 5 or len(labels) - len(
            [x for x in labels if _NUMBERS_ONLY_LABEL.fullmatch(x)]) > 1:
        return rows
    out, group = [], None
    for r in rows:
        m = _NUMBERS_ONLY_LABEL.fullmatch(r[0]) if r else None
        key = None
        if m and m.group("top"):
            key = _TOP_OF_NUMERAL[m.group("top")]
        elif m and m.group("g"):
            g = m.group("g")
            if g in _GROUP_OF_NUMERAL:
                group = _GROUP_OF_NUMERAL[g]
                key = f"{group}.{_sub_key(group, int(m.group('sub')))}" if m.group("sub") else None
            else:
                group = None
                key = {"一": "granted", "二": "partial", "七": "total"}[g]
        elif m and m.group("bare") and group:
            key = f"{group}.{_sub_key(group, int(m.group('bare')))}"
        row = next((x for x in T3_ROWS if ".".join(x.path) == key), None) if key else None
        out.append([f"{row.group_label}{row.label}" if row.group_label else row.label, *r[1:]] if row else r)
    return out


def _sub_key(group: str, k: int) -> str:
    subs = [x.path[1] for x in T3_ROWS if x.group == group]
    return subs[k - 1] if 1 <= k <= len(subs) else "?"


_ROW_NUMBER_HEAD = re.compile(r"\s*(?:序号|编号|行次|行号|No\.?|NO\.?|#)\s*")


def _without_row_numbers(rows: list[list[str]]) -> list[list[str]]:
    """A sheet's own first column of row numbers ("1	本年新收	189	…", "2	上年结转	…") is no figure:
    dropped when three or more rows open with 1, 2, 3 … in turn before their label."""
    numbered = [r for r in rows if len(r) >= 3 and r[0].strip().isdigit() and r[1].strip() and not _ONE_NUMBER.fullmatch(r[1])]
    if len(numbered) < 3 or [int(r[0]) for r in numbered] != list(range(int(numbered[0][0]), int(numbered[0][0]) + len(numbered))):
        return rows
    return [r[1:] if (r in numbered or (r and _ROW_NUMBER_HEAD.fullmatch(r[0]))) else r for r in rows]


def _loose_label(text: str) -> str | None:
    """The official label of the one table-三 row ``text`` opens with (its numbering aside), the rest
    of it cut off ("部分公开(区分处理", "本机关不掌握相关政"); None when it names none or several."""
    if (exact := _official_label(text, "t3")) is not None:
        return exact
    bare = re.sub(r"^\s*(?:[（(][一二三四五六七][)）]|[一二三四][、.．])\s*", "", text)
    words = [a for a in vocabulary().anchors(bare) if a.kind == "t3row"]
    if not words or words[0].start != 0 or len({a.key for a in words}) != 1 or len(bare) > 24:
        return None
    row = next((r for r in T3_ROWS if ".".join(r.path) == words[0].key), None)
    return None if row is None else f"{row.group_label}{row.label}" if row.group_label else row.label


_SUB_ROW = re.compile(r"^\s*([0-9０-９]{1,2}[.．、])\s*(.+?)\s*$")
_SUB_LABELS = {r.label.split(".", 1)[-1] for r in T3_ROWS}
_SUB_OF = {f"{r.group_label}{r.label}": r.label for r in T3_ROWS if r.group_label}  # full label → the sub-row's own
_T3_HEADS = {**{v: k for k, v in L.T3_COLUMN_LABELS.items()}, "合计": "total", "个人": "natural", "企业": "commercial",
             "律所": "legal_service"}


def _aligned(rows: list[list[str]]) -> list[list[str]]:
    """A table copied from Excel or WPS keeps one cell per column, blank ones included: under a header
    row naming table 三's columns, a row's cells are read by the header's positions — the label is
    what stands left of the first column (merged label cells, blank or not), and a blank cell under a
    column is 0, as in the statistics sheet it was copied from."""
    out: list[list[str]] = []
    positions: list[int] | None = None
    rows = _one_header(rows)
    for k, cells in enumerate(rows):
        heads = [i for i, c in enumerate(cells) if c.strip() in _T3_HEADS]
        named = {_T3_HEADS[cells[i].strip()] for i in heads}
        if set(L.T3_APPLICANT_COLUMNS) <= named and heads == list(range(heads[0], heads[0] + len(heads))):
            after = [len(r) for r in rows[k + 1:]]
            width = max(set(after), key=after.count) if after else 0
            if heads[0] == 0 and width - len(cells) in (1, 2, 3):
                # the message's leading tabs were trimmed with it: the label columns the header
                # had are as many as the rows below have cells beyond it
                shift = width - len(cells)
                cells = [""] * shift + cells
                heads = [i + shift for i in heads]
            # only a sheet whose rows are as wide as its header keeps one cell per column
            positions = heads if width == len(cells) else None
            out.append(["", *(cells[i].strip() for i in heads)] if positions else rows[k])
            continue
        label_cells = cells[:positions[0]] if positions else []
        # (a last row of blanks loses its trailing tabs with the message: all of it is blank)
        if positions and (len(cells) > positions[0] or k == len(rows) - 1) and any(c.strip() for c in label_cells) and not any(
                cell_kind(c) == NUM for c in label_cells if c.strip()) and not any(
                c.strip() for c in cells[positions[-1] + 1:]) and all(
                cell_kind(cells[i]) in (NUM, MARK) for i in positions if i < len(cells) and cells[i].strip()):
            # (a row whose cells stand off the header's positions, a merged label cell more or less,
            # is read by its label and its numbers instead)
            values = [(cells[i].strip() if i < len(cells) else "") or "0" for i in positions]
            out.append([*(c.strip() for c in label_cells if c.strip()), *values])  # (a group and its sub-row stay two cells)
            continue
        out.append(cells)
    return out


def _one_header(rows: list[list[str]]) -> list[list[str]]:
    """The official sheet's header on two or three lines ("申请人情况 … 总计" / "自然人 | 法人或其他组织"
    / "商业企业 | 科研机构 …"): one header line, each column's name at its own position, so the rows
    below are read by it."""
    for k in range(len(rows) - 1):
        for span in (2, 3):
            window = rows[k:k + span]
            if len(window) < span:
                continue
            heads = [{i: _T3_HEADS[c.strip()] for i, c in enumerate(r) if c.strip() in _T3_HEADS} for r in window]
            at = [i for h in heads for i in h]
            if not all(heads[:2]) or len(at) != len(set(at)) or not set(L.T3_APPLICANT_COLUMNS) <= {
                    v for h in heads for v in h.values()}:
                continue
            width = max(len(r) for r in window)
            merged = [next((r[i] for r, h in zip(window, heads, strict=True) if i in h), "") for i in range(width)]
            # (as many rows as lines: the lines are quoted by index)
            return [*rows[:k], merged, *([[]] * (span - 1)), *rows[k + span:]]
    return rows


_T4_NAMES = {"复议": "行政复议", "行政复议": "行政复议", "直接起诉": "未经复议直接起诉", "未经复议直接起诉": "未经复议直接起诉",
             "复议后起诉": "复议后起诉", "经复议后起诉": "复议后起诉"}


def _t4_block_above(raw: list[str], i: int) -> str | None:
    """The table-四 block named on a label-only line above ``raw[i]`` (a header line may be between)."""
    for j in (i - 1, i - 2):
        if j < 0:
            return None
        cells = [c.strip() for c in (table_cells(raw[j], loose=True) or [raw[j]]) if c.strip()]
        if len(cells) == 1 and (name := _T4_NAMES.get(cells[0].rstrip("：:"))):
            return name
    return None


_RUN15 = re.compile(r"(?:[0-9０-９]+[ \u3000\t]+){14}[0-9０-９]+\s*$")


_SIX_OR_SEVEN = re.compile(r"\s*[0-9０-９]+(?:[ \t\u3000]+[0-9０-９]+){5,6}\s*")
# words that say the lines follow the format's row order
_IN_ORDER = re.compile(r"25行|二十五行|从上往下|从上到下|按(?:表三|格式|标准|表格|模板|表)?(?:的|里的)?(?:行)?顺序|顺序(?:跟|和|与)(?:表三|格式|标准|模板)")


def _t3_by_position(rows: list[list[int]], said: bool) -> list[str] | None:
    """The columns of 25 bare lines taken as table 三's rows in the format's order: when the clerk said
    so, or when the lines add up as table 三 does (results to （七）总计, new + carried = 总计 + 结转), which
    bare numbers in any other order never do by chance. Seven a line: the 总计 is the one that adds up."""
    width = len(rows[0])
    cols = [*L.T3_APPLICANT_COLUMNS, "total"][:width]
    if width == 7 and not all(r[6] == sum(r[:6]) for r in rows) and all(r[0] == sum(r[1:]) for r in rows):
        cols = ["total", *L.T3_APPLICANT_COLUMNS]
    if said:
        return cols
    adds_up = all(sum(r[k] for r in rows[2:23]) == rows[23][k] and rows[0][k] + rows[1][k] == rows[23][k] + rows[24][k]
                  for k in range(width))
    return cols if adds_up and any(rows[23]) else None


def _by_column(message: str) -> tuple[list[PatchOp], list[str]]:
    """A table 三 copied one column at a time ("自然人：" and its 25 numbers, one per line, in the
    format's row order), and table 四 as its one line of 15 numbers after words that say so ("表四 …
    复议五个 直接起诉五个 复议后起诉五个：15 3 2 3 23 …")."""
    raw = message.splitlines()
    ops: list[PatchOp] = []
    used: list[str] = []
    i = 0
    while i < len(raw):
        head = raw[i].strip().rstrip("：: ")
        col = _T3_HEADS.get(head)
        block = raw[i + 1:i + 1 + len(T3_ROWS)]
        if col and len(block) == len(T3_ROWS) and all(_ONE_NUMBER.fullmatch(x) for x in block):
            quote = "\n".join(raw[i:i + 1 + len(T3_ROWS)])
            ops += [PatchOp(field=f"{r.address}.{col}", value=int(x.strip().replace(",", "").replace("，", "")),
                            quote=quote) for r, x in zip(T3_ROWS, block, strict=True)]
            used += raw[i:i + 1 + len(T3_ROWS)]
            i += 1 + len(T3_ROWS)
            continue
        block = raw[i:i + len(T3_ROWS)]
        if len(block) == len(T3_ROWS) and all(_SIX_OR_SEVEN.fullmatch(x) for x in block) and (
                len({len(x.split()) for x in block}) == 1) and (
                cols := _t3_by_position([[int(v) for v in to_halfwidth(x).split()] for x in block],
                                        bool(_IN_ORDER.search("\n".join(raw[:i]))))):
            # "没有行名，按表三从上往下25行的顺序，每行6个数": the format's rows, by position
            quote = "\n".join(block)
            ops += [PatchOp(field=f"{r.address}.{c}", value=int(v.replace(",", "")), quote=quote)
                    for r, x in zip(T3_ROWS, block, strict=True) for c, v in zip(cols, to_halfwidth(x).split(), strict=True)]
            used += block
            i += len(T3_ROWS)
            continue
        if (run := _RUN15.search(raw[i])) and re.search(r"表四|表4|复议", raw[i][:run.start()]):
            values = [int(x) for x in to_halfwidth(run.group(0)).split()]
            blocks = [values[k:k + len(T4_COLUMNS)] for k in range(0, _T4_ROW, len(T4_COLUMNS))]
            if all(sum(b[:-1]) == b[-1] for b in blocks):  # each block's parts add up to its 总计
                ops += [PatchOp(field=f"t4.{blk}.{c}", value=v, quote=raw[i].strip())
                        for blk, b in zip(T4_BLOCKS, blocks, strict=True) for c, v in zip(T4_COLUMNS, b, strict=True)]
                used.append(raw[i])
        i += 1
    return ops, used


_CSV_LINE = re.compile(r"^[^,，\t|]*(?:,[^,\t|]*){3,}$")


def _csv_as_tabs(message: str) -> tuple[str, dict[str, str]]:
    """A block of comma-separated lines exported by a system ("申请人类型,本年新收,…" and lines with
    as many commas) as tab-separated lines, and for each the message's own line. A lone line with
    commas is a sentence or a number with thousands separators, never a CSV row."""
    raw = message.splitlines()
    own: dict[str, str] = {}
    i = 0
    while i < len(raw):
        j = i
        commas = raw[i].count(",")
        while j < len(raw) and _CSV_LINE.match(raw[j].strip()) and raw[j].count(",") == commas:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                tabbed = "\t".join(c.strip().strip('"') for c in raw[k].strip().split(","))
                own[tabbed] = raw[k]
                raw[k] = tabbed
            i = j
            continue
        # Word's "表格转换成文本" with full-width commas: the commas inside a label's brackets
        # ("（区分处理的，只计这一情形，不计其他情形）") are the label's own
        width = len(_outside_brackets(raw[i], "，"))
        while width >= 7 and j < len(raw) and len(_outside_brackets(raw[j], "，")) == width and "\t" not in raw[j]:
            j += 1
        if j - i >= 3 and sum(bool(re.search(r"[0-9０-９]", raw[k])) for k in range(i, j)) >= 2:
            for k in range(i, j):
                tabbed = "\t".join(c.strip() for c in _outside_brackets(raw[k].strip(), "，"))
                own[tabbed] = raw[k]
                raw[k] = tabbed
            i = j
        else:
            i += 1
    return ("\n".join(raw), own) if own else (message, own)


def _outside_brackets(line: str, sep: str) -> list[str]:
    """``line`` split at ``sep`` where it is not inside brackets."""
    cells, depth, start = [], 0, 0
    for k, ch in enumerate(line):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            cells.append(line[start:k])
            start = k + 1
    return [*cells, line[start:]]


def _applicant_of(cell: str) -> str | None:
    """An applicant column named by a line's first cell ("自然人", "企业", "其他组织")."""
    text = re.sub(r"[\s：:]", "", cell)
    text = re.sub(r"(?<=.)[（(][^（()）]{1,10}[)）]$", "", text)  # "其他(村委会)": the column, with who was in it
    text = re.sub(r"(?<=..)等(?:其他)?$", "", text)  # "村委会等": the column named by its first kind
    if text in _T3_HEADS:
        return _T3_HEADS[text]
    if text in ("其他组织", "其他申请人", "其他主体", "其他类"):
        return "other"
    if text in ("一共", "共计", "总数", "总共", "合计数", "总计数"):
        return "total"
    found = [a for a in vocabulary().anchors(text) if a.kind == "t3col" and a.start == 0 and a.end == len(text)]
    return found[0].key if len({a.key for a in found}) == 1 else None


applicant_of = _applicant_of


# a sheet's column of every applicant but people ("个人 单位 一共"): which kinds they were, the clerk is asked
ORGS_HEADS = frozenset({"单位", "法人", "法人或其他组织", "法人和其他组织", "组织", "企事业单位", "法人单位", "单位申请"})


def orgs_column(message: str) -> str | None:
    """The header word of a sheet's organisations' column ("单位") when ``_some_columns`` reads the sheet
    without it, or None."""
    for line in message.splitlines():
        cells = table_cells(line, loose=True) or line.split()
        heads = [re.sub(r"\s", "", c) for c in cells]
        if (found := [h for h in heads if h in ORGS_HEADS]) and any(_applicant_of(h) == "natural" for h in heads) and not any(
                _applicant_of(re.sub(r"\s", "", c)) in ("commercial", "research", "public_interest", "legal_service")
                for other in message.splitlines() for c in (table_cells(other, loose=True) or other.split())):
            return found[0]  # (not the format's own header, "法人或其他组织" over its five columns)
    return None


def _some_columns(message: str) -> tuple[list[PatchOp], list[str]]:
    """"办理结果	自然人	商业企业" and then "予以公开	24	7" …: a sheet of the clerk's with only some
    applicant columns and no 总计: those cells of the rows it labels, nothing else (the columns left
    out are not said to be 0); ([], []) unless every row under the header is read."""
    lines = message.splitlines()
    for i, line in enumerate(lines):
        # (a header of words only, one space apart, is no table line to table_cells)
        cells = table_cells(line, loose=True) or line.split()
        if cells and line[:1] in " \u3000" and _applicant_of(cells[0]) is not None:
            cells = ["", *cells]  # (an aligned sheet's header, its corner left blank: "      个人    企业    合计")
        if not cells or len(cells) < 2 or cell_kind(cells[0]) == NUM:
            continue
        heads = [_applicant_of(c) or ("orgs" if re.sub(r"\s", "", c) in ORGS_HEADS else None) for c in cells[1:]]
        if None in heads or len(set(heads)) != len(heads):
            continue
        if "orgs" in heads and ("total" not in heads or "natural" not in heads or any(
                h in heads for h in ("commercial", "research", "public_interest", "legal_service", "other"))):
            continue  # ("个人 单位 一共": the organisations' column, left open, only beside 个人 and the total)
        if len([h for h in heads if h != "total"]) >= len(T3_COLUMNS) - 1 and (
                [h for h in heads if h != "total"] == [c for c in T3_COLUMNS if c != "total" and c in heads]):
            continue  # every column in the format's order: the format's own reader takes it
        ops: list[PatchOp] = []
        used = [line]
        last: list[str] | None = None
        tabbed = "\t" in line
        for row_line in lines[i + 1:]:
            # (a sheet copied from Excel keeps its empty cells: under a column they are 0)
            row = ([c.strip() or "0" for c in row_line.rstrip("\r").split("\t")] if tabbed and "\t" in row_line
                   else table_cells(row_line, loose=True) or row_line.split())
            if tabbed and "\t" in row_line and 1 < len(row) < len(heads) + 1:
                row += ["0"] * (len(heads) + 1 - len(row))  # (Excel's empty cells at a row's end, trimmed with the line)
            if len(row) == 2 and row[1] in _SAME_AS_ABOVE and last is not None:
                row = [row[0], *last]  # "不予公开-行政查询事项 同上": the values of the line above
            if not row or not row_line.strip():
                continue
            address = _row_address(row[0])
            if address is None and not any(cell_kind(v) == NUM for v in row[1:]):
                break  # a sentence after the table ("没列出来的行都是0")
            # ("不公开-执法案卷  8  -  4  -  12": a dash under a column is none)
            if len(row) != len(heads) + 1 or address is None or not all(cell_kind(v) in (NUM, MARK) for v in row[1:]) or not any(
                    cell_kind(v) == NUM for v in row[1:]):
                return [], []
            ops += [PatchOp(field=f"{address}.{col}", value=int(parse_number(v) or 0) if cell_kind(v) == NUM else 0, quote=row_line.strip())
                    for col, v in zip(heads, row[1:], strict=True) if col != "orgs"]
            used.append(row_line)
            last = row[1:]
        return (ops, used) if ops else ([], [])
    return [], []


_SAME_AS_ABOVE = frozenset({"同上", "同前", "同上行", "同上一行", "同前行"})


def _row_address(label: str) -> str | None:
    """Table 三's row a label names, in the format's words or a sheet's short ones ("信访", "未缴费")."""
    official = _official_label(label, "t3")
    row = next((r for r in T3_ROWS if official in (r.label, f"{r.group_label}{r.label}")), None) if official else None
    if row is None and (loose := _clerks_own_label(label)):
        return loose
    if row is None and (noted := re.fullmatch(r"\s*(?P<rest>[^（(]+?)\s*[（(](?P<note>[^（()）]{2,16})[)）]\s*", label)):
        # "查自己参保记录的（行政查询）", "其他（律所自己撤回了）": the row named in the note, or by the words before it
        found = {a for a in (_row_address(noted.group("note")), _row_address(noted.group("rest"))) if a}
        return found.pop() if len(found) == 1 else None
    return row.address if row else None


# a clerk's own row labels that are no words of a sentence ("我们没有的" is, in a sentence, anything at all)
_SHEET_LABELS = {"我们没有的": "t3.unable.not_held", "我们没有": "t3.unable.not_held", "没有的": "t3.unable.not_held",
                 "部分给": "t3.partial", "部分给的": "t3.partial", "给了部分": "t3.partial", "给了的": "t3.granted", "给的": "t3.granted",
                 "转来的": "t3.carried_over", "新来的": "t3.new_received"}


def _clerks_own_label(label: str) -> str | None:
    """"涉及第三方私隐", "过程性的", "要另外整先有": a sheet's own label, one row's words and a few others."""
    text = re.sub(r"\s", "", label)
    if text in _SHEET_LABELS:
        return _SHEET_LABELS[text]
    words = [a for a in vocabulary().anchors(text) if a.kind == "t3row"]
    if len({a.key for a in words}) != 1 or re.search(r"[0-9０-９]", text):
        return None
    rest = list(text)
    for a in words:
        rest[a.start:a.end] = [""] * (a.end - a.start)
    if len("".join(rest)) > 4:
        return None
    return f"t3.{words[0].key}"


row_address = _row_address


_SHORT_RESULT_HEAD = {"部分": "t3.partial", "部分公": "t3.partial"}


def _transposed(message: str) -> tuple[list[PatchOp], list[str], list[str]]:
    """Table 三 exported one line per applicant ("自然人,142,9,51,…") under a header of its rows
    ("申请人类型,本年新收,上年结转,予以公开,…"): (ops, lines used, header cells not understood). Only
    the cells written are recorded; an applicant or a row the export leaves out stays open."""
    raw = message.splitlines()
    for h, line in enumerate(raw):
        head = table_cells(line, loose=True)
        if not head or len(head) < 4:
            continue
        rows = [_row_address(c) for c in head[1:]]
        if sum(r is not None for r in rows) >= 3:
            # ("类型 新收 公开 部分 不掌握 …": beside the rows' words, 部分 is 部分公开)
            rows = [r or _SHORT_RESULT_HEAD.get(c.strip()) for r, c in zip(rows, head[1:], strict=True)]
        if sum(r is not None for r in rows) < 3 or sum(r is not None for r in rows) * 2 < len(rows):
            continue
        ops: list[PatchOp] = []
        used = [line]
        seen_rows = {r for r in rows if r}
        if len(seen_rows) != sum(r is not None for r in rows):
            continue  # two header cells for one row: not this shape
        for data in raw[h + 1:]:
            cells = table_cells(data, loose=True)
            if cells is None or not cells or not data.strip():
                break
            col = _applicant_of(cells[0]) if cells[0].strip() not in ("总计", "合计") else "total"
            values = cells[1:]
            if col is None or len(values) != len(rows) or not all(cell_kind(v) in (NUM, MARK) or not v.strip()
                                                                  for v in values):
                break
            quote = data.strip()
            for address, v in zip(rows, values, strict=True):
                value = _value(v, f"{address}.{col}") if address and v.strip() else (0 if address else None)
                if address and value is not None:
                    ops.append(PatchOp(field=f"{address}.{col}", value=value, quote=quote))
            used.append(data)
        # (one applicant's line will do under a header of four rows or more: "类型 新收 公开 … / 个人 24 13 …")
        if len(used) >= 3 or (len(used) == 2 and sum(r is not None for r in rows) >= 4):
            unknown = [head[k + 1] for k, r in enumerate(rows) if r is None and head[k + 1].strip()]
            return ops, used, unknown
    return [], [], []


_SAME_LINE = re.compile(r"(?P<label>[ \t\u3000]*[^\s0-9０-９]{2,24}?)[ \t\u3000]*[:：]?[ \t\u3000]*(?:同上|同前|同上行|同上一行)[ \t\u3000。]*")
_LABEL_THEN_NUMBERS = re.compile(r"(?P<label>[ \t\u3000]*[^\s0-9０-９|]{2,40}?)(?P<rest>(?:[ \t\u3000|]+[0-9０-９][0-9０-９,，]*){3,}[ \t\u3000|]*)")


def _blanks_as_zero(message: str) -> tuple[str, dict[str, str]]:
    """A sheet copied from Excel or Word keeps its empty cells as tabs ("行政复议	1	1			2", "行政规范性文件	1		8"):
    under a header of words with as many columns, an empty cell among a row's figures is 0. The rows
    with 0 written in, and {row so written: the clerk's line} for the quotes."""
    if "\t\t" not in message:
        return message, {}
    lines = message.split("\n")
    own: dict[str, str] = {}
    width = 0  # the columns of the header of words over the rows, 0 when there is none
    for i, line in enumerate(lines):
        if "\t" not in line:
            width = 0 if line.strip() else width
            continue
        cells = line.rstrip("\r").split("\t")
        filled = [c for c in cells[1:] if c.strip()]
        if filled and all(cell_kind(c) != NUM for c in filled) and not any(cell_kind(c) == NUM for c in cells):
            width = len(cells)  # ("	维持	纠正	其他	未审结	合计", "信息内容	本年制发件数	本年废止件数	现行有效件数")
            continue
        if not width or not cells[0].strip() or len(cells) != width or not filled or not all(
                cell_kind(c) in (NUM, MARK) for c in filled) or len(filled) == len(cells) - 1:
            continue
        # (only between figures: a blank beside the label is a merged label's, one at the end the row's own)
        nums = [k for k, c in enumerate(cells) if k and c.strip()]
        if not any(not cells[k].strip() for k in range(nums[0], nums[-1])):
            continue
        lines[i] = "\t".join(c if c.strip() or not nums[0] < k < nums[-1] else "0" for k, c in enumerate(cells))
        own[lines[i].strip(" \u3000\r")] = line.strip(" \u3000\r")
    return "\n".join(lines), own


def _same_as_above(message: str) -> tuple[str, dict[str, str]]:
    """A row "<label> 同上" under a row of numbers, written out with that row's numbers ("不予处理-重复申请
    同上"), and {row as written out: the clerk's line} for the quotes."""
    lines = message.split("\n")
    own: dict[str, str] = {}
    for i in range(1, len(lines)):
        said = _SAME_LINE.fullmatch(lines[i])
        above = _LABEL_THEN_NUMBERS.fullmatch(lines[i - 1]) if said else None
        if said and above:
            lines[i] = said.group("label") + above.group("rest")
            # (quoted with the line above, whose numbers these are)
            own[lines[i].strip(" \u3000\r")] = lines[i - 1].strip(" \u3000\r") + "\n" + said.group(0).strip(" \u3000\r")
    return "\n".join(lines), own


_NOTES_HEAD = frozenset({"备注", "说明", "附注", "备注说明", "情况说明"})
_SUBTOTAL_HEAD = frozenset({"合计", "小计", "法人小计", "法人合计", "法人或其他组织小计", "法人或其他组织合计", "单位小计"})


# "2024年(对比)", "去年", "上年数": beside the six applicants and 总计, another year's column kept to compare
_OTHER_YEARS_HEAD = re.compile(r"^\s*(?:20[0-9]{2}\s*年?度?|[0-9]{2}年度?|去年|上年|上一年|上年度)(?:的)?(?:数|数据|同期|情况|总计|合计)?"
                               r"\s*(?:[（(][^）)]*[）)])?\s*$|^\s*(?:去年|上年)?对比(?:用)?\s*$")


def _clerks_extra_columns(message: str) -> tuple[str, dict[str, str]]:
    """A sheet of the clerk's with columns the format has not — a 备注 column (words, or numbers such
    as "去年1,187件") and a subtotal of their own ("合计" beside "总计") — copied with its header:
    the lines without those columns, and for each the message's own line. The subtotal is dropped only
    when every row's 总计 is its six applicant columns added up."""
    lines = message.split("\n")
    for i, line in enumerate(lines):
        head = [c.strip() for c in line.split("\t")]
        if len(head) < 8:
            continue
        cols = [_applicant_of(c) if c not in _SUBTOTAL_HEAD and c not in _NOTES_HEAD and not _OTHER_YEARS_HEAD.match(c) else None
                for c in head]
        notes = [k for k, c in enumerate(head) if c in _NOTES_HEAD or _OTHER_YEARS_HEAD.match(c) or _CHANGE_HEAD.match(c)]
        subtotals = [k for k, c in enumerate(head) if c in _SUBTOTAL_HEAD]
        applicants = [k for k, c in enumerate(cols) if c is not None and c != "total"]
        total = [k for k, c in enumerate(cols) if c == "total"]
        if len(applicants) != len(T3_COLUMNS) - 1 or len(total) != 1 or not (notes or subtotals):
            continue
        drop = set(notes) | set(subtotals)
        own: dict[str, str] = {}
        for j in range(i + 1, len(lines)):
            cells = lines[j].split("\t")
            if len(cells) < 2:
                continue
            if subtotals:
                numbers = [int(v) if k < len(cells) and cell_kind(cells[k]) == NUM and (v := parse_number(cells[k])) is not None
                           else None for k in range(len(head))]
                parts = [numbers[k] for k in applicants]
                if None in parts or numbers[total[0]] != sum(p for p in parts if p is not None):
                    return message, {}
            kept = "\t".join(c for k, c in enumerate(cells) if k not in drop)
            own[kept.strip(" \u3000\r")] = lines[j].strip(" \u3000\r")
            lines[j] = kept
        own["\t".join(c for k, c in enumerate(line.split("\t")) if k not in drop).strip(" \u3000\r")] = line.strip(" \u3000\r")
        lines[i] = "\t".join(c for k, c in enumerate(line.split("\t")) if k not in drop)
        return "\n".join(lines), own
    return message, {}


# "全国海关合计 | 其中：总署机关", "全市合计 | 其中：市局本级": the system's figures and the agency's own among them
_WHOLE_HEAD = re.compile(r"合计|汇总|全国|全省|全市|全区|全县|全系统|含所属|含下属")
_OWN_HEAD = re.compile(r"其中.{0,8}(?:本级|机关|本部|本局|本单位|本机关|本委|本厅|本署)|^(?:[^合全]{0,8})?本级$")


def _own_column_only(message: str) -> tuple[str, dict[str, str]]:
    """A table of two figures a row, the whole system's and the agency's own among them ("项目 | 全国海关合计 |
    其中：总署机关"): the agency's own, as a table of row totals; and for each line the message's own line.
    The report is the agency's own (its subordinate bodies publish theirs)."""
    lines = message.split("\n")
    for i, line in enumerate(lines):
        head = [c.strip() for c in line.split("\t")]
        if len(head) != 3 or not (_WHOLE_HEAD.search(head[1]) and _OWN_HEAD.search(head[2])):
            continue
        own: dict[str, str] = {}
        for j in range(i + 1, len(lines)):
            cells = lines[j].split("\t")
            if len(cells) == 3 and cell_kind(cells[1]) == NUM and cell_kind(cells[2]) == NUM:
                kept = f"{cells[0]}\t{cells[2]}"
                own[kept.strip(" \u3000\r")] = lines[j].strip(" \u3000\r")
                lines[j] = kept
        lines[i] = f"{head[0]}\t总计"
        own[lines[i]] = line.strip(" \u3000\r")
        return "\n".join(lines), own
    return message, {}


# a character the phone's text recognition could not read ("申请数?", "国家秘口", "1口2")
_UNREAD = re.compile(r"[?？口]")
# a cell of the draft's table left to fill in
_PLACEHOLDER_IN_ROW = re.compile(r"(?<=[\t|])[ \u3000]*(?:XX|xx|Xx|××|ＸＸ|＿+|_{1,6}|【待补】|待补|待填)[ \u3000]*(?=[\t|]|$)")


def _with_placeholders(message: str) -> list[int]:
    return [i for i, line in enumerate(message.split("\n")) if ("\t" in line or "|" in line) and _PLACEHOLDER_IN_ROW.search(line)
            and re.search(r"(?:^|[\t|])[ \u3000]*[0-9０-９]", line)]


_PLACEHOLDER_CELL = re.compile(r"(?<![A-Za-z])(?:XX|xx|Xx|××|ＸＸ|＿+|_{1,6}|【待补】|待补|待填)(?![A-Za-z])")
_T3_WORDS = tuple(dict.fromkeys([*(r.label for r in T3_ROWS), *(r.group_label for r in T3_ROWS if r.group_label),
                                 "三、本年度办理结果"]))


def _read_past_unread(message: str) -> tuple[str, dict[str, str], list[PatchOp], list[str]]:
    """Table 三's labels with characters the recognition lost ("（七）总口", "2.重复申?") as the format writes
    them, where one label alone fits; "O" for 0 in a row of numbers: (the message so, {line as read: the
    clerk's line}, and — taken out of it — the rows holding a number not read ("1口2"): their cells read, and
    their lines)."""
    if not _UNREAD.search(message) and not re.search(r"(?<![A-Za-z])[Oo](?![A-Za-z])", message) and not _PLACEHOLDER_CELL.search(message):
        return message, {}, [], []
    lines = message.split("\n")
    out: dict[str, str] = {}
    unread_rows: list[tuple[int, list[PatchOp]]] = []
    for i, line in enumerate(lines):
        tokens = re.split(r"([ \t\u3000]+)", line)
        if sum(bool(re.fullmatch(r"[0-9０-９]+|[Oo]", t) or _PLACEHOLDER_CELL.fullmatch(t)) for t in tokens) < 3:
            continue  # (labels of a table's rows only: a line of its numbers after them)
        fixed = []
        for t in tokens:
            if re.fullmatch(r"[Oo]", t):
                t = "0"
            elif _PLACEHOLDER_CELL.fullmatch(t):
                t = "?"  # "XX", "＿": a cell the draft left to fill in (the cell stays open)
            elif re.fullmatch(r"[0-9０-９?？口]*[0-9０-９][0-9０-９?？口]*", t) and _UNREAD.search(t):
                t = _UNREAD.sub("?", t)  # "1口2": a number not read, no label (the cell stays open)
            elif _UNREAD.search(t) and re.search(r"[\u4e00-\u9fa5]{2}", t) and not re.search(r"[0-9０-９][?？口]|[?？口][0-9０-９]", t):
                pattern = re.compile("".join("." if _UNREAD.fullmatch(c) else re.escape(c) for c in t) + ".?")
                fits = [w for w in _T3_WORDS if pattern.fullmatch(w)]
                t = fits[0] if len(fits) == 1 else t
            fixed.append(t)
        written = "".join(fixed)
        cells = [t for t in fixed if t.strip()]
        first = next((k for k, t in enumerate(cells) if re.fullmatch(r"[0-9０-９?]+", t)), len(cells))
        if any("?" in t for t in cells[first:]) and len(cells) - first == len(T3_COLUMNS) and (
                row := _row_address(" ".join(cells[:first]).split(" ")[-1]) or _row_address("".join(cells[:first]))):
            # "（一）予以公开 1口2 41 0 1 8 2 194": the row's cells that were read, each in its column;
            # the one not read stays open (asked for), and the row is the clerk's line
            unread_rows.append((i, [PatchOp(field=f"{row}.{col}", value=int(to_halfwidth(v)), quote=line)
                                    for col, v in zip(T3_COLUMNS, cells[first:], strict=True) if "?" not in v]))
            continue
        if written != line:
            out[written] = line
            lines[i] = written
    taken = {i for i, _ in unread_rows}
    return ("\n".join(line for i, line in enumerate(lines) if i not in taken), out,
            [op for _, ops in unread_rows for op in ops], [lines[i] for i in sorted(taken)])


_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_HTML_ROW = re.compile(r"<tr\b.*?</tr\s*>", re.IGNORECASE | re.DOTALL)


def _html_tables(message: str) -> tuple[str, dict[str, str], list[str]]:
    """Tables pasted as a web page's source ("<table><tr><td colspan=…>…"), as the importer reads HTML (spans
    expanded over the grid): (the message with each table as tab lines, {tab line: its <tr> source}, the
    source lines of the tables, which hold no figure but their rows')."""
    from assistant.importing._html import html_document  # (lxml, loaded only for a message that holds a table)

    out: dict[str, str] = {}
    source: list[str] = []
    parts: list[str] = []
    at = 0
    for m in _HTML_TABLE.finditer(message):
        try:
            tables = [b for b in html_document(m.group(0)).blocks if isinstance(b, Table)]
        except Exception:  # (a page the importer cannot read: the message is read as it was typed)
            continue
        if len(tables) != 1:
            continue
        rows = ["\t".join(cells) for cells in tables[0].rows]
        trs = [t.group(0) for t in _HTML_ROW.finditer(m.group(0))]
        parts += [message[at:m.start()], "\n" + "\n".join(rows) + "\n"]
        at = m.end()
        if len(trs) == len(rows):
            out.update({row: tr for row, tr in zip(rows, trs, strict=True) if row not in out})
        else:  # (rows the spans made, or fewer: the whole table is each row's source)
            out.update({row: m.group(0) for row in rows if row not in out})
        source += [line for line in m.group(0).split("\n") if line.strip()]
    if not parts:
        return message, {}, []
    return "".join(parts) + message[at:], out, source


_FORMULA = re.compile(r"=\s*(?:[A-Z]{2,10}\s*\(|[A-Z]{1,3}[0-9]{1,5}\s*[-+*/])", re.IGNORECASE)


def _formulas_left_out(message: str) -> tuple[str, dict[str, str], list[str]]:
    """A sheet copied with its formulas showing ("…\t61\t14\t=SUM(D4:I4)"): the formulas' cells are no
    figures — left out at a row's end (its 总计 then follows from its columns), and a row of formulas alone
    ("（七）总计\t\t=SUM(D6:D26)…") left out whole: (the message so, {line as read: the clerk's line}, those rows)."""
    lines = message.split("\n")
    out: dict[str, str] = {}
    dropped: list[str] = []
    keep: list[str] = []
    for line in lines:
        cells = line.split("\t")
        formulas = [bool(_FORMULA.match(c.strip())) for c in cells]
        if "\t" not in line or not any(formulas):
            keep.append(line)
            continue
        values = [c for c, f in zip(cells, formulas, strict=True) if c.strip() and not f and re.fullmatch(r"[0-9０-９,，]+", c.strip())]
        if not values:
            dropped.append(line)
            continue
        while cells and (formulas[len(cells) - 1] or not cells[-1].strip()):
            cells.pop()
        if any(_FORMULA.match(c.strip()) for c in cells):
            dropped.append(line)  # (a formula amid the figures: which column each is, the row does not say)
            continue
        first = next(k for k, c in enumerate(cells) if re.fullmatch(r"[0-9０-９,，]+", c.strip()))
        labels = [c for c in cells[:first] if c.strip()]  # (the merged label columns' empty cells are layout)
        written = "\t".join([*labels, *cells[first:]]) if labels else "\t".join(cells)
        out[written] = line
        keep.append(written)
    return "\n".join(keep), out, dropped


# "…\t87\t〔修订 张伟：插入了“1”〕": a tracked change's or a comment's box, copied at a row's end
REVISION_NOTE = re.compile(r"[ \t]*[〔\[【](?:修订|批注|修改|删除|插入)[^〕\]】\n]{0,80}[〕\]】]")


def _header_without_its_corner(message: str) -> tuple[str, dict[str, str]]:
    """A sheet copied with its top-left cell empty, the message stripped of the tab before the first header
    ("新收\t上年结转\t公开…" over "个人\t26\t2\t14…"): the header given its corner back, and the message's own line."""
    lines = message.split("\n")
    first = next((i for i, x in enumerate(lines) if x.strip()), None)
    if first is None or "\t" not in lines[first] or lines[first].startswith("\t") or _DIGIT.search(lines[first]):
        return message, {}
    width = len(lines[first].split("\t"))
    rows = [x.split("\t") for x in lines[first + 1:] if x.strip()]
    if len(rows) < 1 or not all(len(r) == width + 1 and r[0].strip() and not _DIGIT.search(r[0]) for r in rows):
        return message, {}
    own = {"\t" + lines[first]: lines[first]}
    lines[first] = "\t" + lines[first]
    return "\n".join(lines), own


def parse_pasted_tables(message: str) -> tuple[list[PatchOp], list[str]]:
    """(ops, lines used): cell ops from every recognised table line of ``message``."""
    if _PLACEHOLDER_CELL.search(message) and (marked := _with_placeholders(message)):
        # "行政规范性文件	【待补】	3	【待补】": the draft's cells left to fill in stay open — read twice with
        # two stand-ins, the cells that come out the same are the clerk's
        lines = message.split("\n")

        def filled(v: str) -> str:
            return "\n".join(_PLACEHOLDER_IN_ROW.sub(v, x) if i in marked else x for i, x in enumerate(lines))
        ops0, used0 = parse_pasted_tables(filled("0"))
        same = {(op.field, str(op.value)) for op in parse_pasted_tables(filled("1"))[0]}
        back = {filled("0").split("\n")[i]: lines[i] for i in marked}
        ops = [op.model_copy(update={"quote": "\n".join(back.get(x, x) for x in op.quote.split("\n"))})
               for op in ops0 if (op.field, str(op.value)) in same]
        return ops, [back.get(x, x) for x in used0]
    cornered, corner = _header_without_its_corner(message) if "\t" in message else (message, {})
    if corner:
        ops, used = parse_pasted_tables(cornered)
        return ops, [corner.get(x, x) for x in used]
    if ("〔" in message or "【" in message) and REVISION_NOTE.search(message):
        noted = {REVISION_NOTE.sub("", line).rstrip("\t "): line for line in message.split("\n") if REVISION_NOTE.search(line)}
        ops, used = parse_pasted_tables(REVISION_NOTE.sub("", message))
        ops = [op.model_copy(update={"quote": "\n".join(noted.get(x, x) for x in op.quote.split("\n"))}) for op in ops]
        return ops, [noted.get(x.rstrip("\t "), x) for x in used]
    grid, rows, dropped = _formulas_left_out(message) if "=" in message and "\t" in message else (message, {}, [])
    if rows or dropped:
        ops, used = parse_pasted_tables(grid)
        ops = [op.model_copy(update={"quote": "\n".join(rows.get(x, x) for x in op.quote.split("\n"))}) for op in ops]
        return ops, [rows.get(x, x) for x in used] + (dropped if ops else [])
    if "<t" in message and (html := _html_tables(message))[1]:
        grid, rows, source = html
        ops, used = parse_pasted_tables(grid)
        ops = [op.model_copy(update={"quote": "\n".join(rows.get(x, x) for x in op.quote.split("\n"))}) for op in ops]
        return ops, [line for x in used for line in rows.get(x, x).split("\n")] + (source if ops else [])
    message, unread, rows_read, row_lines = _read_past_unread(message)
    if unread or rows_read:
        ops, used = parse_pasted_tables(message)
        ops = [op.model_copy(update={"quote": "\n".join(unread.get(x, x) for x in op.quote.split("\n"))}) for op in ops]
        return rows_read + ops, row_lines + [unread.get(line, line) for line in used]
    message = _header_over_the_numbers(message)
    unfolded, blocks = _label_per_line(message)
    if blocks:  # (every line of a block the phone page put one to a line is the table's)
        ops, used = parse_pasted_tables(unfolded)
        ops = [op.model_copy(update={"quote": "\n".join(blocks.get(x, x) for x in op.quote.split("\n"))}) for op in ops]
        return ops, [x for line in used for x in blocks.get(line, line).split("\n")]
    message, meta, json_rows = _json_lines(message)
    message, years = _one_year_column(message)
    years = {**json_rows, **years}
    message, long_t2 = _t2_one_cell_a_line(message)
    message, by_column = _t2_by_column(message)
    long_t2 |= by_column
    years = {k: years.get(v, v) if "\n" not in v else "\n".join(years.get(x, x) for x in v.split("\n"))
             for k, v in long_t2.items()} | {k: v for k, v in years.items() if k not in long_t2}
    message, extra = _clerks_extra_columns(message)
    extra = {k: years.get(v, v) for k, v in extra.items()} | {k: v for k, v in years.items() if k not in extra}
    message, mine = _own_column_only(message)
    extra = {k: extra.get(v, v) for k, v in mine.items()} | {k: v for k, v in extra.items() if k not in mine}
    message, own = _csv_as_tabs(message)
    own = {k: extra.get(v, v) for k, v in own.items()} | {k: v for k, v in extra.items() if k not in own}
    message, copied = _same_as_above(message)
    own = {k: own.get(v, v) for k, v in copied.items()} | {k: v for k, v in own.items() if k not in copied}
    message, blanks = _blanks_as_zero(message)
    own = {k: own.get(v, v) for k, v in blanks.items()} | {k: v for k, v in own.items() if k not in blanks}
    ops, used = _parse_tables(message)
    if own:  # quotes in the message's own words
        ops = [op.model_copy(update={"quote": "\n".join(own.get(x, x) for x in op.quote.split("\n"))}) for op in ops]
    # (a row written out from "同上" is the clerk's one line; the line above is among the used on its own;
    # a row gathered from several of the clerk's lines counts each of them)
    used_lines = [y for x in used for y in (own.get(x, x).split("\n")[-1:] if x in copied else own.get(x, x).split("\n"))]
    return ops, used_lines + (meta if ops else [])  # (an export's own head: read with it)


_JSON_LABELS = ("项目", "指标", "名称", "行名", "类别", "事项")


def _json_lines(message: str) -> tuple[str, list[str], dict[str, str]]:
    """An export of one JSON object a line ('{"行次":"01","项目":"本年新收申请","自然人":1712,…,"合计":2300}'):
    the rows as tab lines under a header of their keys (null is 0); the objects without a row's label (the
    export's head: 统计年度, 联系电话 …) are no rows. (message, those head lines, {row line: the clerk's line})."""
    if '{"' not in message:
        return message, [], {}
    lines = message.split("\n")
    rows: dict[int, dict] = {}
    meta: list[int] = []
    for i, line in enumerate(lines):
        text = line.strip()
        if not (text.startswith("{") and text.endswith("}")):
            continue
        try:
            obj = json.loads(text)
        except ValueError:
            continue
        if not isinstance(obj, dict):
            continue
        label = next((k for k in _JSON_LABELS if isinstance(obj.get(k), str)), None)
        if label is None:
            meta.append(i)
            continue
        rows[i] = {"label": obj[label], **{k: v for k, v in obj.items() if k != label and k not in ("行次", "序号", "编号")
                                            and (v is None or isinstance(v, int | float))}}
    if len(rows) < 2:
        return message, [], {}
    keys = [k for k in next(iter(rows.values())) if k != "label"]
    out: dict[str, str] = {}
    first = min(rows)
    for i, row in rows.items():
        cells = [str(row["label"]), *("0" if row.get(k) is None else str(row.get(k)) for k in keys)]
        written = "\t".join(cells)
        out[written] = lines[i]
        lines[i] = written
    head = "\t".join(["项目", *keys])
    lines.insert(first, head)
    return "\n".join(lines), [lines[i if i < first else i + 1].strip() for i in meta], out


_YEAR_HEAD = re.compile(r"^\s*(20[0-9]{2})\s*年?(?:度)?\s*$")
_CHANGE_HEAD = re.compile(r"^\s*(?:增减|增减情况|同比|同比增减|变化|差额|增长|增幅|比上年|较上年)(?:[（(][^）)]*[）)])?\s*$")


def _one_year_column(message: str) -> tuple[str, dict[str, str]]:
    """"信息内容 指标 2024年 2025年 (增减)": a clerk's own table of two years side by side — only the
    latest year's column is this report's (the other year's, and the change, are no cells): the table
    as that one column, and {line as written out: the clerk's line} for the quotes."""
    lines = message.split("\n")
    out: dict[str, str] = {}
    for i, line in enumerate(lines):
        head = line.split("\t")
        years = [(k, int(m.group(1))) for k, c in enumerate(head) if (m := _YEAR_HEAD.match(c))]
        if "\t" not in line or len(years) < 2:
            continue
        keep = max(years, key=lambda x: x[1])[0]
        drop = {k for k, _ in years if k != keep} | {k for k, c in enumerate(head) if _CHANGE_HEAD.match(c)}
        first = min(k for k, _ in years)
        for j in range(i, len(lines)):
            cells = lines[j].split("\t")
            if j > i and (len(cells) < first + 1 or not lines[j].strip()):
                break
            kept = "\t".join(c for k, c in enumerate(cells) if k not in drop)
            if kept != lines[j]:
                out[kept] = lines[j]
                lines[j] = kept
    return "\n".join(lines), out


_T2_COLUMN_OF = {"本年制发件数": "issued", "本年废止件数": "repealed", "现行有效件数": "in_force", "制发": "issued",
                 "新制发": "issued", "废止": "repealed", "现行有效": "in_force", "有效": "in_force"}


def _t2_one_cell_a_line(message: str) -> tuple[str, dict[str, str]]:
    """"规章	本年制发件数	0" / "	本年废止件数	0" / …: table 二 with one cell a line (the row's label on its
    first line only, the column's on each) — as the format's rows, one a line, and {row line: the
    clerk's lines} for the quotes."""
    lines = message.split("\n")
    row: str | None = None
    runs: list[tuple[int, int, str, dict[str, str]]] = []  # (first line, last line, row label, column → value)
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.split("\t")]
        if "\t" not in line or len(cells) != 3 or not re.fullmatch(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?", cells[2]):
            row = None
            continue
        label, col = cells[0], re.sub(r"[（(].*$", "", cells[1])
        named = {a.key for a in vocabulary().anchors(label) if a.kind == "t2row" and a.start == 0 and a.end == len(label)}
        if label and len(named) == 1:
            row = label
            runs.append((i, i, label, {}))
        elif label or row is None or not runs:
            row = None
            continue
        runs[-1] = (runs[-1][0], i, runs[-1][2], {**runs[-1][3], _T2_COLUMN_OF.get(col, col): cells[2]})
    out: dict[str, str] = {}
    for a, b, label, values in reversed(runs):
        if set(values) <= {"issued", "repealed", "in_force"} and len(values) == 3:
            written = "\t".join([label, values["issued"], values["repealed"], values["in_force"]])
        elif len(values) == 1:
            written = "\t".join([label, next(iter(values.values()))])
        else:
            continue
        out[written] = "\n".join(lines[a:b + 1])
        lines[a:b + 1] = [written]
    return "\n".join(lines), out


# "废止：规章0，规范性文件1（…今年废了）": one of table 二's three columns heading a line of its two rows
_T2_COLUMN_LINE = re.compile(r"^[ \t\u3000]*(?:本年)?(?P<col>制发|新制发|废止|现行有效|有效)(?:件数|数量|数)?(?:的)?[ \t\u3000]*[:：][ \t\u3000]*(?P<rest>.+?)[ \t\u3000。；;]*$")
_T2_ROW_VALUE = re.compile(r"(?P<row>规章|(?:行政)?规范性文件)[ \t\u3000]*(?:是|为|有)?[ \t\u3000]*(?P<n>[0-9０-９]+|没有|无|零|〇)"
                           r"[ \t\u3000]*(?:件|个|部)?(?:[ \t\u3000]*[（(][^）)\n]*[）)])?")


def _t2_by_column(message: str) -> tuple[str, dict[str, str]]:
    """"制发：规章0 规范性文件5" / "废止：…" / "现行有效：…": table 二's 规章 and 规范性文件 told a column a
    line — as the format's rows, one a line (the three columns all said), and {row line: the clerk's lines}."""
    lines = message.split("\n")
    said: dict[str, dict[str, str]] = {}
    at: list[int] = []
    for i, line in enumerate(lines):
        if not (m := _T2_COLUMN_LINE.match(line)):
            continue
        rest, values = m.group("rest"), {}
        pos = 0
        while (v := _T2_ROW_VALUE.match(rest, pos)) is not None:
            n = v.group("n")
            values["regulations" if v.group("row") == "规章" else "normative_docs"] = "0" if not n[0].isdigit() else n
            pos = v.end()
            pos += len(re.match(r"[ \t\u3000，,、；;]*", rest[pos:]).group(0))  # type: ignore[union-attr]
        if pos < len(rest) or not values:
            continue
        col = _T2_COLUMN_OF.get(m.group("col"), "in_force" if "效" in m.group("col") else "issued")
        if col in said:
            continue
        said[col] = values
        at.append(i)
    if set(said) != {"issued", "repealed", "in_force"}:
        return message, {}
    written: dict[str, str] = {}
    clerks = "\n".join(lines[i] for i in at)
    for row, label in (("regulations", "规章"), ("normative_docs", "行政规范性文件")):
        if all(row in said[c] for c in said):
            written["\t".join([label, said["issued"][row], said["repealed"][row], said["in_force"][row]])] = clerks
    if not written:
        return message, {}
    for i in reversed(at[1:]):
        del lines[i]
    lines[at[0]] = "\n" + "\n".join(written)  # (a line of words above is no header of these rows)
    return "\n".join(lines), written


# "（三）1.国家秘密  0" / "2.法律行政法规禁止  0": a row label, then its one number after a gap
_LABEL_AND_ONE = re.compile(r"^[ \t\u3000]*(?P<label>(?:[1-8][.．、])?[^\d\s０-９][^\t]*?[^\s\d０-９])(?:[ \u3000]{2,}|\t+|\s*[:：]\s*)"
                            r"(?P<n>[0-9０-９][0-9０-９,，]*)[ \t\u3000]*$")
_GROUP_MARK = re.compile(r"^\s*([（(][三四五六][)）])")


def _one_column(message: str) -> tuple[list[PatchOp], list[str]]:
    """Table 三's rows one a line, each with a single number ("一、本年新收  1,147", "（三）1.国家秘密  0",
    "2.法律行政法规禁止  0" under it): the column the line before names ("总计列：", "自然人："), else the
    rows' 总计. ([], []) unless four or more lines in a row are read so, every one of them."""
    lines = message.splitlines()
    best: tuple[list[PatchOp], list[str]] = ([], [])
    i = 0
    while i < len(lines):
        group = None
        ops: list[PatchOp] = []
        used: list[str] = []
        j = i
        while j < len(lines) and (m := _LABEL_AND_ONE.match(lines[j])):
            label = m.group("label").strip()
            if (g := _GROUP_MARK.match(label)):
                group = g.group(1)
            elif group and re.match(r"[1-8][.．、]", label):
                label = group + label
            address = _row_address(label)
            value = parse_number(m.group("n"))
            if address is None or value is None:
                break
            ops.append(PatchOp(field=address, value=int(value), quote=lines[j].strip()))
            used.append(lines[j])
            j += 1
        if len(ops) >= 4 and len(ops) > len(best[0]):
            head = lines[i - 1].strip() if i else ""
            named = re.match(r"\s*([^\s（(：:]{1,8}?)(?:(?:那|这)?一?列)?\s*(?:[（(][^）)]*[）)])?\s*[:：]\s*$", head)
            col = (_applicant_of(named.group(1)) if named else None) or "total"
            best = ([op.model_copy(update={"field": f"{op.field}.{col}"}) for op in ops], used)
        i = max(j, i + 1)
    return best


# "不予公开	10	7	0	0	2	0	19": a group's own line in a clerk's summary sheet, its sub-rows left out
_SUB_NUMBER = re.compile(r"\s*[1-8][.．、]\s*[\u4e00-\u9fff]")
_GROUP_ONLY = re.compile(r"\s*(?:[（(][三四五六][)）]|[三四五六][、.．])?\s*(不予公开|无法提供|不予处理|其他处理)\s*(?:合计|小计|共计)?\s*")


def group_total_lines(message: str) -> list[str]:
    """The lines of a pasted table 三 that give a result group's sums ("不予公开", "无法提供", "不予处理",
    "其他处理" with numbers, when two or more groups are given so and no sub-row of theirs is): no cell
    of the format holds them. A lone "其他处理" line is its row 3.其他 in many sheets, so one group
    line alone is not taken for a sum — unless the table is the 2019 template, whose one row
    "（六）其他处理" stands numbered among the other groups' numbered sub-rows (the 2021 format splits it
    in three, so its cells are no one row's)."""
    found, old_other = [], []
    for line in message.splitlines():
        cells = table_cells(line, loose=True)
        lead = 1 if cells and not cells[0].strip() and len(cells) > 1 else 0  # (a merged label's blank cell)
        cells = cells[lead:] if cells else cells
        if cells and len(cells) >= 3 and (m := _GROUP_ONLY.fullmatch(cells[0])) and any(c.strip() for c in cells[1:]) and all(
                cell_kind(c) == NUM for c in cells[1:] if c.strip()):
            found.append(line)
            if m.group(1) == "其他处理" and _GROUP_MARK.match(cells[0]):
                old_other.append(line)
    if old_other:
        groups, group = set(), None  # the groups whose numbered sub-rows ("1.属于国家秘密") the table holds
        for line in message.splitlines():
            for cell in table_cells(line, loose=True) or []:
                if (g := _GROUP_MARK.match(cell)):
                    group = g.group(1)[1]
                elif group and _SUB_NUMBER.match(cell):
                    groups.add(group)
        if "六" not in groups and len(groups) >= 2:
            return old_other
    subs = [line for line in message.splitlines() if (cells := table_cells(line, loose=True)) and cells
            and (address := _row_address(cells[0])) and address.count(".") == 2 and line not in found]
    if len(found) < 2:
        return []
    return [] if subs else found


def _parse_tables(message: str) -> tuple[list[PatchOp], list[str]]:
    groups = group_total_lines(message)
    if groups:  # (the groups' sums are no cells: the rest of the table is read without them)
        rest_ops, rest_used = _parse_tables("\n".join(line for line in message.split("\n") if line not in groups))
        return (rest_ops, [*rest_used, *groups]) if rest_ops else (rest_ops, rest_used)
    column_ops, column_lines = _by_column(message)
    if column_ops:
        return column_ops, column_lines
    single, single_lines = _one_column(message)
    if single:
        return single, single_lines
    across, across_lines, unknown = _transposed(message)
    if across and not unknown:
        return across, across_lines
    some, some_lines = _some_columns(message)
    if some:
        return some, some_lines
    lines, rows, pages = _rows_of(message)
    if not rows:
        return [], []
    read = read_rows(rows)
    by_row: dict[int, list[str]] = {}
    for address, at in read.origins.items():
        by_row.setdefault(at, []).append(address)
    ops: list[PatchOp] = []
    used: list[str] = []
    for i, (line, cells) in enumerate(zip(lines, rows)):
        line_ops = _line_ops(cells, read, by_row.get(i, []), line.strip(" \u3000\r\n"))
        if line_ops is None and (alone := _t4_row(cells)) is not None:
            line_ops = _line_ops(cells, *alone, line.strip(" \u3000\r\n"))
        if line_ops:
            ops += line_ops
            used += line.split("\n")
    if used:
        used += pages  # layout inside the pasted table
    return ops, used


# "表二按表上顺序：0 0 0 3 1 12 268 17 2 0": table 二's ten cells in the order of the official table
# (规章 制发/废止/现行有效, 规范性文件 the same, 许可, 处罚, 强制, 收费 in 万元), when the message names table 二
# on that line or the question asked was table 二 — ten numbers alone are no table of their own
_T2_NAMED = re.compile(r"表\s*[二2](?![0-9０-９])|第二(?:张|个)表|主动公开(?:情况)?(?:的)?(?:统计)?表")
_T2_RUN = re.compile(r"(?<![0-9０-９.．,，、/])(?:[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[ \u3000\t]+|\s*[、/／]\s*)){9}"
                     r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?![0-9０-９.．]|\s*[、/／]?\s*[0-9０-９])")


def t2_in_table_order(message: str, topic: str | None = None) -> tuple[list[PatchOp], list[tuple[int, int]]]:
    """(ops, spans): table 二 written as its ten numbers in the table's order."""
    ops: list[PatchOp] = []
    spans: list[tuple[int, int]] = []
    for m in _T2_RUN.finditer(message):
        line_start = message.rfind("\n", 0, m.start()) + 1
        if topic != "t2" and not _T2_NAMED.search(message[line_start:m.start()]):
            continue
        numbers = re.findall(r"[0-9０-９]+(?:[.．][0-9０-９]+)?", m.group(0))
        values = [parse_number(n) for n in numbers]
        if any(v is None for v in values) or any(v != v.to_integral_value() for v in values[:-1] if v is not None):
            continue
        quote = m.group(0).strip()
        for cell, v in zip(T2_CELLS, values, strict=True):
            assert v is not None
            value: int | str = int(v) if v == v.to_integral_value() else str(v)
            ops.append(PatchOp(field=f"t2.{cell.row}.{cell.column}", value=value, quote=quote))
        spans.append((m.start(), m.end()))
    return ops, spans


_T4_NAMED = re.compile(r"表\s*[四4](?![0-9０-９])|复议诉讼|复议和诉讼|行政复议")
_READ_IN_ORDER = re.compile(r"(?:按|照)(?:表上|表里|表格)?(?:的)?顺序|依次|挨个")
_T4_TOKEN = r"(?:[0-9０-９]{1,4}|[零〇一二两三四五六七八九十])"
_T4_RUN = re.compile(r"(?<![0-9０-９])" + _T4_TOKEN + r"(?:[ \u3000\t、,，]+" + _T4_TOKEN + r"){14}(?![0-9０-９]|[ \u3000\t、,，]*" + _T4_TOKEN + ")")


def t4_in_table_order(message: str, topic: str | None = None) -> tuple[list[PatchOp], list[tuple[int, int]]]:
    """(ops, spans): table 四 said as its fifteen numbers in the table's order ("复议诉讼我按表上的顺序念
    一 零 零 一 二 零 零 一 零 一 零 零 零 零 零"): 复议, 直接起诉, 复议后起诉, each 维持/纠正/其他/未审结/总计,
    kept only when every block's four results add up to its 总计."""
    for m in _T4_RUN.finditer(message):
        before = message[max(0, m.start() - 40):m.start()]
        if not ((_T4_NAMED.search(before) or topic == "t4") and (_READ_IN_ORDER.search(before) or topic == "t4")):
            continue
        tokens = re.findall(_T4_TOKEN, m.group(0))
        values = [int(parse_number(t) or 0) if parse_number(t) is not None else -1 for t in tokens]
        if len(values) != 15 or any(v < 0 for v in values) or any(
                sum(values[k:k + 4]) != values[k + 4] for k in (0, 5, 10)):
            continue
        quote = m.group(0).strip()
        ops = [PatchOp(field=f"t4.{b}.{c}", value=values[i * 5 + j], quote=quote)
               for i, b in enumerate(T4_BLOCKS) for j, c in enumerate(T4_COLUMNS)]
        return ops, [(m.start(), m.end())]
    return [], []


_COLUMN_NAMES = {**{v: k for k, v in L.T3_COLUMN_LABELS.items()}, "总计": "total", "合计": "total", "小计": "total"}


def _label_per_line(message: str) -> tuple[str, dict[str, str]]:
    """A table copied from a phone's preview page, every cell on a line of its own under its column's
    name ("一、本年新收…" / "自然人" / "51" / "商业企业" / "6" … / "总计" / "58"): each row as one line with
    the header of the columns, and for each the message's own lines; (message, {}) when there is none."""
    raw = message.splitlines()
    rows: list[tuple[str, dict[str, str], list[str]]] = []  # (label, column → value, the lines)
    out_lines: list[str] = []
    group = ""
    i = 0
    while i < len(raw):
        label = raw[i].strip()
        j, cells = i + 1, {}
        while j + 1 < len(raw) and raw[j].strip() in _COLUMN_NAMES and _ONE_NUMBER.fullmatch(raw[j + 1]):
            cells[_COLUMN_NAMES[raw[j].strip()]] = raw[j + 1].strip()
            j += 2
        if len(cells) >= 3 and label and label not in _COLUMN_NAMES and not _ONE_NUMBER.fullmatch(label):
            if re.match(r"[1-8][.．、]", label) and group:
                label = group + label  # "3.其他" under "（六）其他处理"
            rows.append((label, cells, raw[i:j]))
            out_lines.append("\t".join([label, *(cells.get(c, "") for c in (*L.T3_APPLICANT_COLUMNS, "total")
                                                   if c in cells or c == "total")]))
            i = j
            continue
        if m := re.fullmatch(r"[（(]([三四五六])[)）]\s*(不予公开|无法提供|不予处理|其他处理)", label):
            group = f"（{m.group(1)}）{m.group(2)}"
        out_lines.append(raw[i])
        i += 1
    if len(rows) < 3:
        return message, {}
    columns = [c for c in (*L.T3_APPLICANT_COLUMNS, "total") if any(c in cells for _, cells, _ in rows)]
    header = "\t".join(["项目", *(L.T3_COLUMN_LABELS.get(c, "总计") for c in columns)])
    blocks = {line: "\n".join(lines) for line, (_, _, lines) in zip([x for x in out_lines if "\t" in x], rows)}
    return "\n".join([header, *out_lines]), blocks


def _header_over_the_numbers(message: str) -> str:
    """An Excel copy whose top-left cell is empty arrives with its header's first tab lost
    ("自然人	企业	律所	合计" over "新收	19	2	2	23"): the header stands over the numbers, so it gets
    its empty label cell back."""
    lines = message.split("\n")
    for i in range(len(lines) - 1):
        head = lines[i].split("\t")
        below = lines[i + 1].split("\t")
        if (len(head) >= 2 and len(below) == len(head) + 1 and not re.search(r"[0-9０-９]", lines[i])
                and all(c.strip() in _COLUMN_NAMES or _T3_HEADS.get(c.strip()) or _column_word(c.strip()) for c in head)
                and below[0].strip() and not _ONE_NUMBER.fullmatch(below[0])):
            lines[i] = "\t" + lines[i]
            return "\n".join(lines)
    return message


def _column_word(text: str) -> bool:
    return any(a.kind == "t3col" and a.start == 0 and a.end == len(text) for a in vocabulary().anchors(text)) or text in (
        "合计", "总计", "小计", "其他")


# ---- table 二 in the 2019 trial format --------------------------------------------------------
# Its columns the 2021 format keeps under another name; the rest (本年新公开数量, 上一年项目数量, 本年增/减,
# the block 政府集中采购) it has no cell for.
_T2_2019_TAKEN = {"本年新制作数量": "issued", "处理决定数量": "decisions", "本年处理决定数量": "decisions"}
_T2_2019_HEADS = {re.sub(r"\s", "", x) for x in (*L.T2_2019_COLUMN_LABELS, *L.T2_2019_PROCUREMENT_COLUMN_LABELS,
                                                  "本年处理决定数量")}
_T2_2019_ONLY = frozenset(("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减"))


def t2_2019(message: str) -> tuple[list[PatchOp], list[str], list[str]]:
    """Table 二 pasted from the 2019 template ("信息内容	本年新制作数量	本年新公开数量	对外公开总数量",
    "…	上一年项目数量	本年增/减	处理决定数量"): (ops, lines used, what has no cell in the 2021 format, as
    "行政许可 上一年项目数量18"). 本年新制作数量 is 本年制发件数 and 处理决定数量 本年处理决定数量; a
    对外公开总数量 of 0 means nothing was ever published, so none repealed and none in force."""
    ops: list[PatchOp] = []
    used: list[str] = []
    left: list[str] = []
    heads: list[str] | None = None
    old = False
    for line in message.splitlines():
        cells = [c.strip() for c in table_cells(line, loose=True) or [] if c.strip()]
        if len(cells) >= 2 and all(re.sub(r"\s", "", c) in _T2_2019_HEADS for c in cells[1:]):
            heads = [re.sub(r"\s", "", c) for c in cells[1:]]
            old = old or any(h in _T2_2019_ONLY for h in heads)
            used.append(line)
            continue
        if heads is None or len(cells) < 2:
            continue
        label, values = cells[0], cells[1:]
        if len(values) != len(heads) or not all(cell_kind(v) == NUM or re.fullmatch(r"[+＋-－]\s*[0-9０-９]+", v)
                                                for v in values):
            continue
        official = _official_label(label, "t2")
        row = next((k for k, v in L.T2_ROW_LABELS.items() if v == official), None) if official else None
        if row is None and label not in L.T2_2019_ROW_LABELS:
            continue
        used.append(line)
        for head, raw in zip(heads, values, strict=True):
            column = _T2_2019_TAKEN.get(head)
            address = f"t2.{row}.{column}" if row and column else None
            if address and address.rsplit(".", 1)[0] in _T2_FIELDS and column in _T2_FIELDS[address.rsplit(".", 1)[0]] and (
                    (v := _value(raw, address)) is not None):
                ops.append(PatchOp(field=address, value=v, quote=line.strip()))
            elif row in ("regulations", "normative_docs") and head == "对外公开总数量" and _value(raw, "t2") == 0:
                ops += [PatchOp(field=f"t2.{row}.{c}", value=0, quote=line.strip()) for c in ("repealed", "in_force")]
            else:
                left.append(f"{label} {head}{raw}")
    if not old:
        return [], [], []
    return ops, used, left
