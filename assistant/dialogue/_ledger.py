"""A register of applications pasted into the chat (序号, 收到日期, 申请人, 办理情况 …, one application
per line): counted into table 三 by the ledger's own rules (``assistant.ledger``), never read number by
number. Rows it cannot place are named back with the reason, and counted nowhere."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.importing import table_cells
from assistant.ledger import (
    ColumnsMissing,
    LedgerError,
    Sheet,
    applicant_column,
    derive_applications,
    infer_year,
    is_header_word,
    locate,
    outcome_row,
    parse_date,
)
from assistant.numbers import find_numbers, parse_number, to_halfwidth
from assistant.reading import vocabulary
from schemas.labels import T3_APPLICANT_COLUMNS
from schemas.layout import T3_RESULT_ROWS
from schemas.patches import PatchOp

__all__ = ["LEDGER_QUOTE", "PastedLedger", "ledger_correction", "pasted_ledger"]

_NAME = "对话中粘贴的台账"
LEDGER_QUOTE = _NAME  # how the cells counted from a pasted register are quoted
_SERIAL = ("序号", "编号", "登记号", "申请编号", "受理编号", "受理号", "登记编号", "申请单号", "流水号", "件号", "No", "NO", "no")


@dataclass
class PastedLedger:
    ops: list[PatchOp]
    lines: list[str]  # the message's lines the register took
    notes: list[str] = field(default_factory=list)  # said back: rows left out, the year assumed
    counts: dict[str, int] = field(default_factory=dict)  # every cell the register makes, recorded or not


def _serials(rows: list[list[str]], header_at: int) -> dict[int, str]:
    """The clerk's own number of each row (序号), by its 1-based row in the pasted register."""
    header = rows[header_at - 1] if header_at >= 1 else []
    k = next((i for i, h in enumerate(header) if h.strip() in _SERIAL), None)
    if k is None:
        return {}
    return {n + 1: row[k].strip() for n, row in enumerate(rows) if k < len(row) and row[k].strip()}


# "王姐：序号 收件日期 申请人 …": who said the line, in a forwarded chat
_SPEAKER = re.compile(r"^\s*[^\s：:]{1,12}[：:]\s*")


def _space_separated(message: str) -> tuple[list[str], list[list[str]]] | None:
    """A register typed or forwarded with one space between its fields (序号 收件日期 申请人 申请内容
    答复日期 办理结果): the header line, then the lines with as many fields, or more when the extra
    words fit the one free-text column (申请内容); None when no header of the ledger's words is found."""
    lines = message.splitlines()
    for i, line in enumerate(lines):
        head = _SPEAKER.sub("", line).split()
        if len(head) < 4 or any(find_numbers(h) for h in head):
            continue
        try:
            locate([Sheet(_NAME, [head, head])], "applications", _NAME)
        except LedgerError:
            if not _is_journal_head(head):
                continue
        free = next((k for k, h in enumerate(head) if re.search(r"内容|事项|名称|信息", h)), None)
        taken, rows = [line], [head]
        for row_line in lines[i + 1:]:
            fields = row_line.split()
            if not fields:
                continue
            if len(fields) > len(head) and free is not None and fields[0][:1].isdigit():
                extra = len(fields) - len(head)
                fields = [*fields[:free], " ".join(fields[free:free + extra + 1]), *fields[free + extra + 1:]]
            if len(fields) != len(head) or not fields[0][:1].isdigit():
                break
            taken.append(row_line)
            rows.append(fields)
        if len(rows) >= 3:
            return taken, rows
    return None


# "〃", "同上": the cell above, as a register kept by hand writes it
_DITTO = frozenset({"〃", "〃〃", "同上", "\"", "”", "々", "、、"})


def _dittos_filled(rows: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for row in rows:
        if len(out) >= 2:  # (not into the header)
            row = [out[-1][i] if c.strip() in _DITTO and i < len(out[-1]) else c for i, c in enumerate(row)]
        out.append(row)
    return out


# a register kept as a journal, one line an event ("2025.3.12｜王某某｜申请查阅…｜收件" and below it
# "2025.3.28｜王某某｜同上｜已答复，予以公开"): the first line of an application is when it came
_JOURNAL_DATE = frozenset({"日期", "时间", "登记日期", "日期时间"})
_JOURNAL_STATUS = frozenset({"处理情况", "办理情况", "情况", "进度", "办理进度", "处理", "办理", "备注", "状态", "办理状态"})


def _is_journal_head(head: list[str]) -> bool:
    cells = [c.strip() for c in head]
    return any(c in _JOURNAL_DATE for c in cells) and any(c in _JOURNAL_STATUS for c in cells) and any(
        c in ("申请人", "申请人姓名", "姓名", "申请人名称") for c in cells)
_JOURNAL_HEADER = ("收到日期", "申请人", "申请内容", "办理结果", "答复日期")  # a journal's applications, one a row
_RECEIPT = re.compile(r"^\s*(?:收件|收到|已收|登记|受理|已受理|接收|收到申请|来件|申请)\s*$")


def _journal_merged(rows: list[list[str]]) -> list[list[str]]:
    """A journal's lines of one application (its content 同上) put together: the first line's date is
    when it came, the last line's words what became of it and its date when it was answered."""
    header = [c.strip() for c in rows[0]]
    serial = next((i for i, h in enumerate(header) if h in _SERIAL), None)
    date = next((i for i, h in enumerate(header) if h in _JOURNAL_DATE), None)
    status = next((i for i, h in enumerate(header) if h in _JOURNAL_STATUS), None)
    content = next((i for i, h in enumerate(header) if re.search(r"内容|事项|申请", h) and h not in ("申请人",)), None)
    who = next((i for i, h in enumerate(header) if h in ("申请人", "申请人姓名", "姓名", "申请人名称")), None)
    serials = [r[serial].strip() for r in rows[1:] if serial is not None and serial < len(r)]
    if date is None or status is None or content is None or who is None or not (any(
            content < len(r) and r[content].strip() in _DITTO for r in rows[1:]) or len(set(serials)) < len(serials)):
        return rows
    merged: list[list[str]] = []
    last_serial = None
    for row in rows[1:]:
        cells = [*row, *[""] * (len(header) - len(row))]
        same = serial is not None and cells[serial].strip() == last_serial
        last_serial = cells[serial].strip() if serial is not None else None
        if merged and (same or (cells[content].strip() in (*_DITTO, "/", "／", "-") and (
                cells[who].strip() in _DITTO or merged[-1][1].startswith(cells[who].strip()[:2])))):
            merged[-1][3] = cells[status].strip()
            merged[-1][4] = cells[date].strip()
            continue
        receipt = bool(_RECEIPT.match(cells[status]))
        merged.append([cells[date].strip(), cells[who].strip(), cells[content].strip(),
                       "" if receipt else cells[status].strip(), "" if receipt else cells[date].strip()])
    return [list(_JOURNAL_HEADER), *merged]


_DATE = r"(?:20[0-9]{2}\s*[-./年]\s*[0-9]{1,2}\s*[-./月]\s*[0-9]{1,2}\s*日?)"
# "2025-03-05 吴某（家长） 申请某小学学区划分文件 收件" and "2025-03-19 吴某 答复 予以公开"
_RECEIPT_LINE = re.compile(r"^\s*(?P<date>" + _DATE + r")\s+(?P<who>\S+)\s+(?P<what>.+?)\s+(?:收件|收到|登记|受理|来件)\s*$")
_ANSWER_LINE = re.compile(r"^\s*(?P<date>" + _DATE + r")\s+(?P<who>\S+)\s+(?:(?:/|／|同上)\s+)?(?:答复|回复|办结|处理)\s*[：:]?\s*(?P<result>.+?)\s*$")
# "2024-12-20 周某 申请城区小学招生划片依据 → 2025-01-10 予以公开": one line, when it came and what became of it
_ARROW_LINE = re.compile(r"^\s*(?P<date>" + _DATE + r")\s+(?P<who>\S+)\s+(?P<what>.+?)\s*(?:→|->|——>|=>|－>)\s*"
                         r"(?:(?P<answered>" + _DATE + r")\s*)?(?P<result>.+?)\s*$")


# "2024.12.20 收 王某某（个人）申请拆迁安置补偿明细" and "2025.1.10 答复 同上 予以公开": what happened, before who
_RECEIPT_FIRST = re.compile(r"^\s*(?P<date>" + _DATE + r")\s+(?:收件|收到|收|来件|登记|受理)\s+(?P<who>[^\s（(]+(?:[（(][^）)]{1,12}[）)])?)\s*(?P<what>.*?)\s*$")
_ANSWER_FIRST = re.compile(r"^\s*(?P<date>" + _DATE + r")\s+(?:答复|回复|办结|处理)\s+(?P<who>\S+)\s+(?P<result>.+?)\s*$")


def _journal_lines(message: str) -> tuple[list[str], list[list[str]]] | None:
    """A journal of applications typed without a header: a line when one came and a line when it was
    answered, or one line with an arrow from one to the other."""
    taken: list[str] = []
    rows: list[list[str]] = []
    for line in message.splitlines():
        if (m := _ARROW_LINE.match(line)):
            rows.append([m.group("date"), m.group("who"), m.group("what"), m.group("result"), m.group("answered") or ""])
        elif (m := _RECEIPT_LINE.match(line) or _RECEIPT_FIRST.match(line)):
            rows.append([m.group("date"), m.group("who"), m.group("what"), "", ""])
        elif (m := _ANSWER_LINE.match(line) or _ANSWER_FIRST.match(line)):
            who = m.group("who")
            at = next((r for r in reversed(rows) if not r[3] and (who in _DITTO or r[1].startswith(who[:2]))), None)
            if at is None:
                return None
            at[3], at[4] = m.group("result"), m.group("date")
        else:
            continue
        taken.append(line)
    if len(rows) < 2:
        return None
    return taken, [list(_JOURNAL_HEADER), *rows]


def _field_per_line(message: str) -> tuple[list[str], list[list[str]]] | None:
    """A register copied from a web page that shows each application as its fields one a line, the field's
    name over its value ("申请编号⏎WH-2025-0012⏎申请时间⏎2025-02-14 09:31⏎申请人类型⏎个人⏎…"): the header and
    one row per application, or None. A field's names are the ledger's header words; a name right under
    another (or over a blank line) has no value ("答复类型⏎答复日期" of one withdrawn); a record begins at
    each repeat of the first name."""
    raw = message.splitlines()
    lines = [line.strip() for line in raw]
    counts: dict[str, int] = {}
    for line in lines:
        if line and len(line) <= 10 and not re.search(r"[0-9０-９：:，,。]", line):
            counts[line] = counts.get(line, 0) + 1
    names = {line for line, k in counts.items() if k >= 2 and is_header_word(line)}
    first = next((line for line in lines if line in names), None)
    if first is None or len(names) < 3:
        return None
    header: list[str] = []
    records: list[dict[str, str]] = []
    used: list[str] = []
    i = 0
    while i < len(lines):
        name = lines[i]
        if name == first:
            records.append({})
        if not records or name not in names or name in records[-1]:
            i += 1
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        value = "" if following in names else following
        records[-1][name] = value
        header += [name] if name not in header else []
        used += raw[i:i + (1 if following in names else 2)]
        i += 1 if following in names else 2
    if len(records) < 2 or len(header) < 3:
        return None
    return used, [header, *[[r.get(h, "") for h in header] for r in records]]


def _derive(message: str, year: int | None):
    lines = [line for line in message.splitlines() if (cells := table_cells(line, loose=True)) and len(cells) >= 3]
    rows = [table_cells(line, loose=True) or [] for line in lines]
    if len(lines) < 3 and (one_a_line := _field_per_line(message)):
        lines, rows = one_a_line  # ("申请编号⏎WH-2025-0012⏎申请时间⏎…": a web page's records, a field a line)
    if len(lines) < 3 and (journal := _journal_lines(message)):
        lines, rows = journal
    if len(lines) < 3 and (spaced := _space_separated(message)):
        lines, rows = spaced
    if len(rows) < 3:
        return None
    rows = _journal_merged(rows)
    rows = _dittos_filled(rows)
    undated = False
    try:
        table = locate([Sheet(_NAME, rows)], "applications", _NAME)
    except ColumnsMissing as missing:
        if missing.missing != ("received",) or year is None:
            return None
        # "申请人 类型 申请内容 办理结果": a register of this year's applications kept without dates
        table, undated = locate([Sheet(_NAME, rows)], "applications", _NAME, require=False), True
        data = [r for _, r in table.rows if any(str(c).strip() for c in r)]
        header = rows[table.header_row - 1] if table.header_row >= 1 else []
        if any(data and all(re.fullmatch(r"\s*[0-9０-９]+\s*", str(r[k]) if k < len(r) else "") for r in data)
               and not (k < len(header) and str(header[k]).strip() in _SERIAL)  # (序号: the clerk's numbering)
               for k in range(max(len(r) for r in rows))):
            return None  # ("自然人|予以公开|27": counts by applicant and result, not one application a line)
    except LedgerError:
        return None
    year = year if year is not None else infer_year(table)
    if year is None:
        return None
    derived = derive_applications(table, year, undated_new=undated)
    if undated and (derived.issues or len(derived.placements) < 2):
        return None  # (a register without dates is taken only when every line of it is an application placed)
    return lines, table, derived, _serials(rows, table.header_row), year, undated


# the reasons a row of the register is no application of this year's (not merely one whose result is unclear)
_NOT_THIS_YEARS = re.compile(r"不属于本年度|已在上年办结|合计行|按您说的不计入|重复|不是日期|早于收到日期")
# "0106那条…不是真申请，别算进去": a row of the register that is no application at all
_NO_APPLICATION = re.compile(r"不是真(?:的)?申请|别算进去|不要算进去|不算进去|不能算|不用算|不计入|测试(?:录|数据|账号|用)|删掉|去掉|扣掉"
                             r"|^\s*号?\s*不算(?![是作成])|不算\s*(?:[。，,！!]|$)")


def _register_cells(table, derived) -> dict[str, int]:
    """What the register counts, and besides what its rows are placed in, the rows of this year's whose
    result is not clear yet ("已撤回", no result) in what came in, by who sent them: they came in all the
    same, and the count of what came in must not fall short of them (else the rows placed look whole)."""
    out = dict(derived.cells)
    for issue in derived.issues:
        if _NOT_THIS_YEARS.search(issue.reason):
            continue
        row = next((c for r, c in table.rows if r == issue.row), None)
        if row is None:
            continue
        column = applicant_column(_text_of(row, table.columns.get("applicant_type")),
                                  _text_of(row, table.columns.get("applicant_name")))[0]
        try:
            received = parse_date(_text_of(row, table.columns.get("received")) or None, derived.year)
        except (ValueError, OverflowError):
            continue
        if column is None or received is None or received.year > derived.year:
            continue
        came = "t3.new_received" if received.year == derived.year else "t3.carried_over"
        for cell in (f"{came}.{column}", f"{came}.total"):
            out[cell] = out.get(cell, 0) + 1
    return out


_TEST_ROW = re.compile(r"测试|演示|试用|test", re.IGNORECASE)


def _doubtful_rows(table, derived, who, serial: Mapping[int, str]) -> list[str]:
    """Rows counted that a system's export often holds by mistake, asked about (never dropped unasked): one
    sent twice (the same applicant, received within minutes, or the same day and the same request), and one
    entered to try the system ("测试")."""
    cols = table.columns
    out: list[str] = []
    seen: dict[str, tuple[int, str, str]] = {}

    def _short(n: int) -> str:  # ("0031": the end of its number, as the clerk says it back)
        digits = re.sub(r"[^0-9]", "", to_halfwidth(serial.get(n, "")))
        return digits[-4:] if len(digits) >= 4 else who(n)

    for n, cells in table.rows:
        if n not in derived.placements:
            continue
        name = _text_of(cells, cols.get("applicant_name"))
        if _TEST_ROW.search(name) or _TEST_ROW.search(_text_of(cells, cols.get("content"))):
            out.append(f"台账{who(n)}的申请人是“{name}”，像是试用系统时录的，已按一件申请计入；如果不是真申请，请说“{_short(n)}不算”。")
            continue
        when = _text_of(cells, cols.get("received"))
        what = _text_of(cells, cols.get("content"))
        key = name or ""
        if key and key in seen:
            m, when0, what0 = seen[key]
            same_day = when[:10] and when[:10] == when0[:10]
            close = same_day and re.search(r"\d{1,2}:\d{2}", when) and re.search(r"\d{1,2}:\d{2}", when0) and abs(
                _minutes(when) - _minutes(when0)) <= 10
            if close or (same_day and what and what == what0):
                out.append(f"台账{who(m)}和{who(n)}是同一申请人（{key}）、同一时间提交的，已按两件计入；如果是重复提交的同一件，"
                           f"请说“{_short(m)}和{_short(n)}是同一件”。")
        seen[key] = (n, when, what)
    return out


def _minutes(when: str) -> int:
    m = re.search(r"(\d{1,2}):(\d{2})", when)
    return int(m.group(1)) * 60 + int(m.group(2)) if m else 0


def pasted_ledger(message: str, year: int | None) -> PastedLedger | None:
    """Table 三 from the register pasted in ``message``; None when the message holds no register
    with the columns a count needs (date received, applicant, result)."""
    found = _derive(message, year)
    if found is None:
        return None
    lines, table, derived, serial, used_year, undated = found
    notes: list[str] = []
    if year is None:
        notes.append(f"报告年度还没有说，按台账的日期算作{used_year}年；如不对请告诉我报告年度。")
    year = used_year

    def who(n: int) -> str:
        return f"{serial[n]}号" if n in serial else f"第{n - table.header_row}条"

    ops = []
    counted_cells = _register_cells(table, derived)
    for address, value in counted_cells.items():
        if undated and address.startswith(("t3.carried_over.", "t3.total.")):
            continue  # (a register without dates tells this year's applications only, not what came over)
        counted = derived.provenance.get(address, ())
        if undated and not address.startswith("t3.new_received.") and not any(
                derived.provenance.get(f"{address.rsplit('.', 1)[0]}.{c}") for c in (*T3_APPLICANT_COLUMNS, "total")):
            continue  # (a row with none of this year's: what came over from last year may still land there)
        quote = (f"{_NAME}：{'、'.join(who(n) for n in counted)}" if counted else f"{_NAME}中没有这一项，计为0")
        ops.append(PatchOp(field=address, value=value, quote=quote))
    if not derived.cells.get("t3.new_received.total") and derived.cells.get("t3.carried_over.total"):
        # "台账24年最后两条是：…": only applications of last year's, answered this year — what they make, not
        # this year's whole table (whose own applications are still to come)
        # (no row's total nor （七）总计: this year's add to them)
        ops = [op for op in ops if op.field.startswith("t3.carried_over.") or (
            op.value and not op.field.endswith(".total") and not op.field.startswith("t3.total."))]
    if any(not re.search(r"不属于本年度|合计行|按您说的不计入", issue.reason) for issue in derived.issues):
        # (a row of this year's left unplaced lands in some result row still: none of their zeros is sure, nor
        # the （七）总计 of all the results)
        ops = [op for op in ops if (op.value or op.field.startswith(("t3.new_received.", "t3.carried_over.")))
               and not op.field.startswith("t3.total.")]
    for issue in derived.issues:
        notes.append(f"台账{who(issue.row)}没有计入：{issue.reason}。请告诉我它该怎么算，或改好后重新粘贴台账。")
    notes += _doubtful_rows(table, derived, who, serial)
    counted_rows = len(derived.placements)
    if not counted_rows and derived.issues:
        ops = []  # (no row counted: the register is not read, rather than read as no application at all)
    notes.insert(0, f"按台账逐条统计了{counted_rows}件申请（台账没有收到日期一列，都算本年新收；上年结转的请另外告诉我，"
                    "连同它的办理结果；12月31日还没办完的算结转下年度）。" if undated else
                 f"按台账逐条统计了{counted_rows}件申请（{year}年以前收到、今年办理的算上年结转；"
                 "12月31日还没办完的算结转下年度）。")
    return PastedLedger(ops, lines, notes, counted_cells)


_ROW_SAID = re.compile(r"第\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*(?:个|件|条|行|号)|(?<![0-9０-９])([0-9０-９]{1,4})\s*号")
_MOVES = re.compile(r"应该算|应算|算作|改成|改为|改到|应该是|其实是|归到|放到|算到|挪到|按.{1,12}?(?:处理|算|办)的?[，,\s]*不是"
                    r"|(?:定的是|认定为|认定的是|定为)[^，,。；;]{2,12}[，,\s]*不是")  # ("科里定的是过程性信息，不是内部事务")


def _text_of(cells: list[object], col: int | None) -> str:
    value = cells[col] if col is not None and col < len(cells) else None
    return str(value).strip() if value is not None else ""
_NOT_RESULTS = {"new_received", "carried_over", "total"}


# "0047那件", "0033那条", "19和20": an application of the register by the end of its number (WH-2025-0047)
_NUMBER_END = re.compile(r"(?<![0-9０-９A-Za-z\-－])([0-9０-９]{2,6})(?=\s*(?:号|那件|那条|这件|这条|那个|这个|和|跟|与|、|是|不算|也|就|[，,]))")
_SAME_ONE = re.compile(r"(?P<a>[0-9０-９]{2,6})\s*号?\s*(?:和|跟|与|、)\s*(?P<b>[0-9０-９]{2,6})[^。！!？?\n]{0,16}?"
                       r"(?:同一个人同一件|同一件|是一件|重复提交|重复录|点了两次|又点了一次|算一件|只算一件)")
# "按公开算", "放其他处理的“其他”": the result a row is put in, said without the format's words
_PUT_AS = (("granted", re.compile(r"(?:按|算)(?:予以)?公开(?:算|处理)?|给公开了")),
           ("other_handling.other", re.compile(r"其他处理[^，,。；;]{0,4}?[“\"「]?(?:3[.．、]?\s*)?其他")))


# the clerk says where the row goes ("算社会公益组织", "按公开算", "放其他处理的“其他”", "改成部分公开")
_PUT_CUE = re.compile(r"算|按|放|归到|归入|填|改成|改为|改到|挪到|应该是|其实是")


def _by_number_end(ref: str, serial: Mapping[int, str]) -> int | None:
    """The row whose number ends with ``ref`` ("0047" of WH-2025-0047), else the one whose number holds it
    ("0106" of YSQ20250106001, a number made of the day it came)."""
    digits = {n: re.sub(r"[^0-9]", "", to_halfwidth(v)) for n, v in serial.items()}
    ref = to_halfwidth(ref)
    for hits in ([n for n, d in digits.items() if d.endswith(ref)], [n for n, d in digits.items() if ref in d]):
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


def _placed_by_number(message: str, table, derived, serial: Mapping[int, str]) -> dict[int, tuple[str, str] | None]:
    """"19和20是同一个人同一件事…算一件就行", "0047那件…放其他处理的“其他”", "0033那条…按公开算": rows of a
    register with numbers (申请编号), named by the end of their number, merged or put in a result."""
    out: dict[int, tuple[str, str] | None] = {}
    for same in _SAME_ONE.finditer(message):
        a, b = _by_number_end(same.group("a"), serial), _by_number_end(same.group("b"), serial)
        if a is not None and b is not None and a != b and a in derived.placements:
            out[b] = None  # (the second of the two is the same application again)
    refs = [(m, n) for m in _NUMBER_END.finditer(message) if (n := _by_number_end(m.group(1), serial)) is not None
            and n not in out and not any(s.start() <= m.start() < s.end() for s in _SAME_ONE.finditer(message))]
    # "赵那件", "赵**那条": a row by the applicant's surname, the register having masked the rest ("赵**", "赵某")
    surnames: dict[str, list[int]] = {}
    for n, row_cells in table.rows:
        if (masked := re.fullmatch(r"\s*([\u4e00-\u9fa5])(?:\*+|＊+|某+|××?|xx?)\s*", _text_of(row_cells, table.columns.get("applicant_name")))):
            surnames.setdefault(masked.group(1), []).append(n)
    for name, rows in surnames.items():
        for m in re.finditer(re.escape(name) + r"(?:\*+|＊+|某+)?(?=那件|那条|那个|这件|这条)", message):
            if len(rows) == 1 and rows[0] not in out and not any(r == rows[0] for _, r in refs):
                refs.append((m, rows[0]))
    refs.sort(key=lambda ref: ref[0].start())
    for k, (m, n) in enumerate(refs):
        rest = message[m.end():refs[k + 1][0].start() if k + 1 < len(refs) else len(message)]
        if _NO_APPLICATION.search(re.split(r"[。！!？?\n]", rest, maxsplit=1)[0]) and n in derived.placements:
            out[n] = None
            continue
        if not _PUT_CUE.search(rest):
            continue  # ("1219那条是去年12月交的…今年1月8号答复的公开": the row told of, as the register has it)
        results = {key for key, said in _PUT_AS if said.search(rest)}
        if not results:
            results = {a.key for a in vocabulary().anchors(rest) if a.kind == "t3row" and a.key not in _NOT_RESULTS
                       and not re.search(r"(?:不是|不算|而非|并非|系统(?:里|上)?(?:是|写的?)|写的)\s*$", rest[:a.start])}
        columns = {a.key for a in vocabulary().anchors(rest) if a.kind == "t3col"
                   and re.search(r"(?:是|算|算作|按|改成|应该是)(?:个|一个|一家)?\s*$", rest[:a.start])}
        row_cells = next((c for r, c in table.rows if r == n), None)
        if row_cells is None or len(results) > 1 or len(columns) > 1 or not (results or columns):
            continue
        old = derived.placements.get(n)
        column = next(iter(columns), old.column if old else applicant_column(
            _text_of(row_cells, table.columns.get("applicant_type")), _text_of(row_cells, table.columns.get("applicant_name")))[0])
        result = next(iter(results), old.result if old else outcome_row(
            _text_of(row_cells, table.columns.get("outcome")), _text_of(row_cells, table.columns.get("reason")))[0])
        if column is None or result is None or (old is not None and (old.result, old.column) == (result, column)):
            continue
        out[n] = (result, column)
    return out


def ledger_correction(message: str, pasted: str | None, year: int | None,
                      cells: Mapping[str, object]) -> list[PatchOp] | None:
    """"第7个孙某那个…应该算部分公开": one application of the register pasted before (``pasted``, that
    message) moved to another result or applicant; the cells it counted in move with it. None when
    the message is not such a correction."""
    if pasted is None:
        return None
    found = _derive(pasted, year)
    if found is None:
        return None
    _, table, derived, serial, _, undated = found
    if by_number := _placed_by_number(message, table, derived, serial):
        return _moved(_register_cells(table, derive_applications(table, derived.year, placements=by_number, undated_new=undated)),
                      _register_cells(table, derived), cells, message.strip())
    if not _MOVES.search(message):
        return None
    if said := _ROW_SAID.search(message):
        ref = to_halfwidth(said.group(1) or said.group(2))
        number = str(parse_number(ref)) if parse_number(ref) is not None else ref
        by_serial = {v: n for n, v in serial.items()}
        n = by_serial.get(number) or (table.header_row + int(number) if number.isdigit() else None)
        after = said.end()
    else:  # "台账刘某那条我搞错了…": the row by who applied, named once in the register
        named = [(k, m) for k, cells in table.rows if len(who := _text_of(cells, table.columns.get("applicant_name"))) >= 2
                 and (m := re.search(re.escape(who), message))]
        if len(named) != 1:
            return None
        n, after = named[0][0], named[0][1].end()
    if n is None or n not in derived.placements:
        return None
    old = derived.placements[n]
    stop = re.compile(r"[。！!？?\n]").search(message, after)
    rest = message[after:stop.start() if stop else len(message)]  # (its own sentence)
    # ("按重复申请没处理的，不是公开": the result it had, named to be left)
    words = [a for a in vocabulary().anchors(rest) if not re.search(r"(?:不是|不算|而非|并非)\s*$", rest[:a.start])]
    results = {a.key for a in words if a.kind == "t3row" and a.key not in _NOT_RESULTS}
    # (with a result said, an applicant word is who asked only when said so: "是企业申请的", not "对某商户的请示")
    columns = {a.key for a in words if a.kind == "t3col" and (not results or re.match(r"\s*(?:申请|提)", rest[a.end:])
                                                              or re.search(r"(?:是|算|改成|应该是)(?:个|一个|一家)?\s*$", rest[:a.start]))}
    if len(results) > 1 or len(columns) > 1 or not (results or columns):
        return None
    new = (next(iter(results), old.result), next(iter(columns), old.column))
    if new == (old.result, old.column):
        return None
    # the ledger's own count with that one row placed by hand, against the count as it was
    moved = derive_applications(table, derived.year, placements={n: new}, undated_new=undated).cells
    return _moved(moved, derived.cells, cells, message.strip())


def _moved(moved: Mapping[str, int], before: Mapping[str, int], cells: Mapping[str, object], quote: str) -> list[PatchOp] | None:
    """The cells as recorded, changed by what the register counts now against what it counted; a
    column's （七）总计 as its results now add up (it may have been worked out from other figures since)."""
    ops: list[PatchOp] = []
    for address in sorted(set(moved) | set(before)):
        if address.startswith("t3.total.") or not (d := moved.get(address, 0) - before.get(address, 0)):
            continue
        now = cells.get(address)
        value = (int(now) if isinstance(now, int) else 0) + d
        if value < 0:
            return None  # the register was changed since: nothing to move
        ops.append(PatchOp(field=address, value=value, quote=quote))
    after = {**cells, **{op.field: op.value for op in ops}}
    for col in [*T3_APPLICANT_COLUMNS, "total"]:
        cell = f"t3.total.{col}"
        if moved.get(cell, 0) == before.get(cell, 0) or cell not in cells:
            continue
        parts = [after.get(f"{r.address}.{col}") for r in T3_RESULT_ROWS]
        if all(isinstance(v, int) for v in parts):
            ops.append(PatchOp(field=cell, value=sum(int(str(v)) for v in parts), quote=quote))
    return ops
