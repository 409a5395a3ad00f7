"""Reports copied in traditional characters, or with pinyin after some characters: read as simplified.

Some mirror sites serve a report in traditional characters (縣, 報告, 總體情況), some add pinyin in
parentheses after characters ("報(bào)告"). Headings, labels, the title and the agency's name are read
from the simplified text (OpenCC ``t2s``); the narrative the report keeps is given back in the
characters it was written in, without the pinyin. Both checks are cheap set tests, so a simplified
report without pinyin costs next to nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant._script import PINYIN, needs, t2s
from assistant.importing._blocks import Document, Paragraph, Table
from schemas.report import Report

__all__ = ["restore_narrative", "simplify_text", "to_simplified"]

Restore = Callable[[str], str]


def _texts(doc: Document):
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            yield b.text
        else:
            for row in b.rows:
                yield from row


_needs = needs


def _notes(traditional: bool, pinyin: bool) -> list[str]:
    out = []
    if traditional:
        out.append("原文为繁体字，已转换为简体字读取标题、各部分标题和表格；正文保留原文用字。")
    if pinyin:
        out.append("原文部分汉字后注有拼音，读取时已略去。")
    return out


def _converters(traditional: bool, pinyin: bool) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """(drop the pinyin, convert to simplified)."""
    def plain(t: str) -> str:
        return PINYIN.sub("", t) if pinyin else t

    def convert(t: str) -> str:
        return t2s(t) if traditional else t

    return plain, convert


def simplify_text(text: str) -> tuple[str, Restore | None, list[str]]:
    """A whole text to read (simplified, no pinyin), how to give narrative back in its own characters
    (None when nothing was converted), and the notes that say so."""
    traditional, pinyin = _needs((text,))
    if not (traditional or pinyin):
        return text, None, []
    plain, convert = _converters(traditional, pinyin)
    shown = plain(text)
    read = convert(shown)
    restore = _restorer([(read, shown)]) if traditional else None
    return read, restore, _notes(traditional, pinyin)


def to_simplified(doc: Document) -> tuple[Document, Restore | None]:
    """``simplify_text`` for a document already split into paragraphs and tables (DOCX, HTML, PDF)."""
    traditional, pinyin = _needs(_texts(doc))
    if not (traditional or pinyin):
        return doc, None
    plain, convert = _converters(traditional, pinyin)
    pairs: list[tuple[str, str]] = []  # (read, shown) of every paragraph
    blocks: list[Paragraph | Table] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            shown = plain(b.text)
            read = convert(shown)
            pairs.append((read, shown))
            blocks.append(Paragraph(read, b.offset))
        else:
            blocks.append(replace(b, rows=[[convert(plain(c)) for c in row] for row in b.rows]))
    out = replace(doc, blocks=blocks, notes=list(doc.notes) + _notes(traditional, pinyin),
                  title_hint=convert(plain(doc.title_hint)))
    return out, (_restorer(pairs) if traditional else None)


def _restorer(pairs: list[tuple[str, str]]) -> Restore:
    # t2s keeps lengths but for rare phrases: a piece whose length changed is shown as read
    pairs = [(r, s if len(s) == len(r) else r) for r, s in pairs]
    read_all = "\n".join(r for r, _ in pairs)
    shown_all = "\n".join(s for _, s in pairs)  # aligned with read_all character by character
    by_char: dict[str, str] = {}
    for r, s in zip(read_all, shown_all):
        by_char.setdefault(r, s)

    def restore(text: str) -> str:
        out = []
        for line in text.split("\n"):
            at = read_all.find(line) if line else -1
            if at >= 0:
                out.append(shown_all[at:at + len(line)])
            else:  # a line joined across a page break: character by character
                out.append("".join(by_char.get(c, c) for c in line))
        return "\n".join(out)

    return restore


def restore_narrative(report: Report, restore: Restore) -> None:
    """Give the narrative the report keeps (preamble, part 一, 五, 六) back in the original characters."""
    report.preamble = restore(report.preamble)
    p1 = report.part1
    for key in ("active", "on_request", "management", "platform", "oversight"):
        setattr(p1, key, restore(getattr(p1, key)))
    report.part5 = restore(report.part5)
    for item in report.part6:
        item.title, item.text = restore(item.title), restore(item.text)
