"""Where the header is and which column is which, by meaning: the header words of the vocabulary,
on any of the first rows (merged title rows and blank rows above are passed over; a header of two
rows, 申请人 over 姓名 | 类型, is read as one), and the columns a person chose before."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.ledger._read import LedgerError, Sheet
from assistant.ledger._vocab import norm, vocabulary

__all__ = ["APPLICATION_ROLES", "REVIEW_ROLES", "ColumnsMissing", "Kind", "LedgerTable", "cell_text", "locate",
           "role_of_label"]

Kind = Literal["applications", "reviews"]

# role → how it is named to the user
APPLICATION_ROLES: dict[str, str] = {
    "number": "编号", "received": "收到日期", "applicant_name": "申请人", "applicant_type": "申请人类型",
    "content": "申请内容", "answered": "答复日期", "outcome": "办理结果", "reason": "理由", "fee": "是否收费",
    "status": "办理状态", "origin": "新收或上年结转",
}
REVIEW_ROLES: dict[str, str] = {
    "number": "案号", "kind": "案件类型", "route": "起诉方式", "result": "结果", "received": "收到（立案）日期",
    "concluded": "审结日期", "applicant_name": "申请人",
}
# what must be found: each entry is satisfied by any of its roles; the first is the one asked for
_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "applications": (("received", "origin"), ("outcome",), ("applicant_type", "applicant_name")),
    "reviews": (("kind", "route"), ("result",)),
}
_SCAN = 20  # rows searched for the header
_LEDGER_NAME = {"applications": "申请台账", "reviews": "复议诉讼台账"}


def role_of_label(kind: Kind, label: str) -> str | None:
    """The role a user names by its Chinese label (收到日期) or key (received)."""
    roles = APPLICATION_ROLES if kind == "applications" else REVIEW_ROLES
    label = label.strip()
    if label in roles:
        return label
    return next((r for r, name in roles.items() if norm(name) == norm(label)), None)


def cell_text(value: Any) -> str:
    """A cell as text: integral floats without ".0", dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


class ColumnsMissing(LedgerError):
    """Columns the derivation needs were not found: the user picks them among ``headers``."""

    def __init__(self, kind: Kind, filename: str, missing: tuple[str, ...], headers: list[str]):
        self.kind, self.filename, self.missing, self.headers = kind, filename, missing, headers
        roles = APPLICATION_ROLES if kind == "applications" else REVIEW_ROLES
        names = "、".join(f"“{roles[m]}”" for m in missing)
        super().__init__(f"{_LEDGER_NAME[kind]}“{filename}”中没有找到{names}一列。表头有：{'、'.join(headers)}。"
                         "请指定是哪一列（网页中在下拉框中选择；命令行用 --column 收到日期=表头文字），"
                         "选择会按机关记住，下次不用再选。")


@dataclass
class LedgerTable:
    """One ledger sheet with its header found: the data rows keep the spreadsheet's row numbers."""

    kind: Kind
    filename: str
    sheet: str
    header_row: int  # spreadsheet row number of the (last) header row
    headers: list[str]  # every header text, in column order ("" for a column without one)
    columns: dict[str, int]  # role → column index
    rows: list[tuple[int, list[Any]]] = field(repr=False)  # (spreadsheet row number, cells)

    def header_of(self, role: str) -> str:
        return self.headers[self.columns[role]] if role in self.columns else ""

    @property
    def choices(self) -> dict[str, str]:
        """role → header text of every mapped column (what is remembered for the agency)."""
        return {r: self.headers[c] for r, c in self.columns.items() if self.headers[c]}


def _score(header: str, words: tuple[str, ...]) -> int:
    if not header:
        return 0
    bare = norm(header.split("（")[0].split("(")[0]) or norm(header)
    full = norm(header)
    best = 0
    for w in words:
        nw = norm(w)
        if not nw:
            continue
        if nw in (bare, full):
            best = max(best, 1000 + len(nw))
        elif nw in full:
            best = max(best, len(nw))
    return best


def _assign(headers: list[str], vocab: dict[str, tuple[str, ...]],
            chosen: dict[str, str]) -> dict[str, int]:
    scored = []
    for col, header in enumerate(headers):
        for role, words in vocab.items():
            s = _score(header, words)
            if role in chosen and norm(chosen[role]) == norm(header) and norm(header):
                s = 10_000
            if s:
                scored.append((s, -col, role, col))
    scored.sort(reverse=True)
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for _, _, role, col in scored:
        if role not in mapping and col not in used:
            mapping[role] = col
            used.add(col)
    return mapping


def is_header_word(text: str, kind: Kind = "applications") -> bool:
    """Whether ``text`` alone is a header the ledger's vocabulary knows exactly ("申请人类型", "答复日期")."""
    v = vocabulary()
    vocab = v.headers if kind == "applications" else v.review_headers
    return any(_score(text, words) >= 1000 for words in vocab.values())


def _texts(row: list[Any]) -> list[str]:
    return [cell_text(v).replace("\n", "") for v in row]


def _two_rows(upper: list[Any], lower: list[Any]) -> list[str]:
    """A header of two rows: the upper row's text (carried across its merged cells) before the lower's."""
    up, low = _texts(upper), _texts(lower)
    width = max(len(up), len(low))
    up += [""] * (width - len(up))
    low += [""] * (width - len(low))
    out, carry = [], ""
    for u, w in zip(up, low):
        if u:
            carry = u
        elif not w:
            carry = ""
        out.append(carry + w if w and carry and carry != w else (u or w))
    return out


def locate(sheets: list[Sheet], kind: Kind, filename: str, chosen: dict[str, str] | None = None,
           *, require: bool = True) -> LedgerTable:
    """The sheet and header that best look like a ledger of ``kind``; ``chosen``: role → header text
    a person picked (wins over the vocabulary). ``LedgerError`` when no sheet has a header;
    ``ColumnsMissing`` when a column the tables need is not found (``require``)."""
    v = vocabulary()
    vocab = v.headers if kind == "applications" else v.review_headers
    chosen = dict(chosen or {})
    best: tuple[tuple[int, int], LedgerTable] | None = None
    for sheet in sheets:
        rows = sheet.rows
        for i in range(min(_SCAN, len(rows))):
            candidates = [(i, _texts(rows[i]), 1)]
            if i + 1 < len(rows):
                candidates.append((i + 1, _two_rows(rows[i], rows[i + 1]), 0))
            for last, headers, single in candidates:
                mapping = _assign(headers, vocab, chosen)
                found = len(mapping) + sum(1 for r in chosen if r in mapping)
                score = (found, single)  # a header of one row unless two rows name more columns
                if found >= 2 and (best is None or score > best[0]):
                    data = [(n + 1, rows[n]) for n in range(last + 1, len(rows))]
                    best = (score, LedgerTable(kind, filename, sheet.name, last + 1, headers, mapping, data))
    if best is None:
        words = "“收到日期”“申请人”“办理结果”" if kind == "applications" else "“案件类型”“结果”"
        raise LedgerError(f"在{_LEDGER_NAME[kind]}“{filename}”的前{_SCAN}行中没有找到表头（应有{words}等列名）。"
                          "请确认上传的是台账，或使用网页中提供的台账模板。")
    table = best[1]
    unknown = [h for r, h in chosen.items() if r not in table.columns and h]
    if unknown:
        raise LedgerError(f"{_LEDGER_NAME[kind]}“{filename}”中没有名为“{unknown[0]}”的列。"
                          f"表头有：{'、'.join(h for h in table.headers if h)}。")
    if require:
        missing = tuple(need[0] for need in _REQUIRED[kind] if not any(r in table.columns for r in need))
        if missing:
            raise ColumnsMissing(kind, filename, missing, [h for h in table.headers if h])
    return table
