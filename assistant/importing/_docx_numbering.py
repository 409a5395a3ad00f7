"""Word's automatic list numbers ("一、" "（一）" "1.") as the reader sees them.

A heading numbered by Word holds only "总体情况" in its text; the numbering lives in numbering.xml.
This renders the number of each numbered paragraph (direct or through its style) so the outline
finder sees "一、总体情况" as printed.
"""

from __future__ import annotations

from docx.oxml.ns import qn

__all__ = ["Numbering"]

_W_VAL = qn("w:val")
_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _chinese(n: int, digits: str = _CN_DIGITS, ten: str = "十") -> str:
    if not 0 < n < 100:
        return str(n)
    if n < 10:
        return digits[n]
    tens, units = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + ten + (digits[units] if units else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "koreanCounting", "ideographDigital"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾")
    if fmt in ("ideographTraditional", "ideographZodiac"):
        return _STEMS[(n - 1) % len(_STEMS)]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(_W_VAL, default) if child is not None else default


def _int(v: str | None, default: int) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


class Numbering:
    """Renders list numbers paragraph by paragraph, in document order (it keeps the counters)."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int, str]]] = {}  # numId → ilvl → (fmt, text, start, suffix)
        self._style_num: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int, str]]] = {}
        for a in numbering.iter(qn("w:abstractNum")):
            levels = {}
            for lvl in a.iter(qn("w:lvl")):
                levels[_int(lvl.get(qn("w:ilvl")), 0)] = (
                    _val(lvl, "w:numFmt", "decimal") or "decimal", _val(lvl, "w:lvlText", "") or "",
                    _int(_val(lvl, "w:start"), 1), _val(lvl, "w:suff", "tab") or "tab")
            abstract[a.get(qn("w:abstractNumId"), "")] = levels
        for num in numbering.iter(qn("w:num")):
            levels = dict(abstract.get(_val(num, "w:abstractNumId", "") or "", {}))
            for override in num.iter(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                start = _val(override, "w:startOverride")
                if ilvl in levels and start is not None:
                    fmt, text, _, suffix = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start, 1), suffix)
            self._levels[num.get(qn("w:numId"), "")] = levels
        try:
            styles = document.part.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for style in styles.iter(qn("w:style")):
            num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if num_pr is not None:
                num_id = _val(num_pr, "w:numId")
                if num_id:
                    self._style_num[style.get(qn("w:styleId"), "")] = (num_id, _int(_val(num_pr, "w:ilvl"), 0))

    def label(self, p) -> str:
        """The number Word prints in front of paragraph ``p`` (a <w:p>), or ""."""
        if not self._levels:
            return ""
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            return ""
        num_pr = ppr.find(qn("w:numPr"))
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "w:numId"), _int(_val(num_pr, "w:ilvl"), 0)
        else:
            num_id, ilvl = self._style_num.get(_val(ppr, "w:pStyle", "") or "", (None, 0))
        levels = self._levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id or "", {})
        _fmt, text, start, suffix = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        out = text
        for k in range(ilvl, -1, -1):  # %1 … %9 are the counters of levels 0 … 8
            if f"%{k + 1}" in out:
                lf = levels.get(k, ("decimal", "", 1, ""))
                out = out.replace(f"%{k + 1}", _format(counters.get(k, lf[2]), lf[0]))
        return out + (" " if suffix == "space" and out else "")
