"""Applications moved between rows of table 三 by words: "执法案卷那行个人的2件，有一件其实是举报，应该放到
信访举报投诉那行", "部分公开里企业那件应该算予以公开". The row said first gives up what the row after the
moving word gets; each keeps its sum, so nothing else changes."""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.numbers import parse_number
from assistant.reading import told_one_per_line, vocabulary
from assistant.reading._vocab import Anchor as _Anchor
from schemas import labels as L
from schemas.patches import PatchOp

__all__ = ["item_taken_out", "moved_between_columns", "moved_between_rows", "moved_in_table_four", "moved_one_to_another_applicant"]

_MOVE = re.compile(r"放到|挪到|移到|改到|算到|归到|调到|划到|放进|挪进|应该放在|应放在|应该算(?:到|进|在|作)?|应算(?:到|作)?|应该归|"
                   r"(?<=[那这该此]件)(?:其实|实际上?)(?:是|算|应该是|应该算)|"
                   # "公开那行个人是13不是14，有1件其实是部分公开的": the one taken off a row, and where it goes
                   r"(?<=有[0-9０-９一两二三四五六七八九]件)(?:其实|实际上?)(?:是|算|应该是|应该算)|"
                   # "…应该是其他处理里 逾期不补正 挪过去": the row, then the moving word
                   r"(?:应该|应当|应)(?:是|在|放|算)(?=[^。；;！!？?\n]{2,24}?(?:挪|移|放|调)(?:过去|一下))|"  # ("部分公开那件其实是全部公开了")
                   r"应(?:当)?(?:计入|列入|归入|纳入)|调整(?:到|至|为)(?=[“\"「]?[^0-9０-９]{2})|"
                   # "刚才企业那个执法案卷的说错了 是属于过程性信息": the row it was told in, then the right one
                   r"(?:说错|搞错|弄错|记错|写错)了?[，,\s]*(?:应该)?(?:是|算)(?:属于)?")
# "有一件其实是…", "其中1件": how many of the row move (not "个人的2件", the row's count)
_SOME = re.compile(r"(?:有|其中|里面有|里头有|这里面|(?<=[\u4e00-\u9fa5])那|(?<=[\u4e00-\u9fa5])这|(?<=[\u4e00-\u9fa5] )那)\s*([一两二三四五六七八九1-9]|[0-9０-９]{2,4})\s*(?:件|个)")
_THAT_ONE = re.compile(r"(?:那|这)(?:一|1)?(?:件|个)")
_NOT_RESULT = ("new_received", "carried_over", "total")


# "公司那2件 一件是部分公开不是公开": one of them is in the first row said, not the second
_IS_NOT = re.compile(r"(?:有)?([一两二三1-9])\s*(?:件|个)(?:其实|实际上)?是(?P<to>[^，,。；;\s]{2,16}?)[，,\s]*(?:而)?不是(?P<from>[^，,。；;\s]{2,16})")


# "律所那件不是公开，是部分公开": the one told is not in the row said first, but in the second
_NOT_IS = re.compile(r"(?:(?:那|这)(?:一|1)?|有(?:一|1))(?:件|个)[^，,。；;]{0,4}?(?:其实|实际上)?不是(?P<from>[^，,。；;\s]{2,16}?)[，,\s]*(?:而|应该|应当)?(?:是|算)(?P<to>[^，,。；;\s]{2,16})")


# "8月那件我刚翻了答复书，写的是属于行政执法案卷不予公开，不是第三方": the one pointed at is in the first
# row said, not the second
_THAT_IS_NOT = re.compile(r"(?:那|这)(?:一|1)?(?:件|个)[^。；;！？?]{0,24}?(?:是|算)(?:属于)?(?P<to>[^，,。；;\s]{2,16}?)[，,\s]*(?:而)?不是(?P<from>[^，,。；;\s]{2,16})")


# "不掌握说三件，其实是两件，还有一件是补正后申请内容还不明确的": the row said, what it really holds, and
# where the rest went
_SAID_BUT = re.compile(r"(?P<from>[^，,。；;\s]{2,12}?)(?:说|报|写|填)(?:的|了|成)?(?:是)?\s*(?P<n>[0-9０-９]+|[一两二三四五六七八九十])\s*件\s*[，,]\s*"
                       r"(?:其实|实际上?|应该)(?:是|只有|就)\s*(?P<m>[0-9０-９]+|[一两二三四五六七八九十])\s*件\s*[，,]\s*"
                       r"(?:还有|另外|另)(?:的)?\s*(?P<k>[0-9０-９]+|[一两二三四五六七八九十])\s*件\s*(?:是|属于|算|其实是)(?P<to>[^。；;！？?\n]+)")


# "个人公开12不对 是11 有一件其实是部分公开": the row said with its wrong count, the right one, and where the
# rest went
_WRONG_BUT = re.compile(r"(?P<from>[^，,。；;\s]{2,12}?)\s*(?P<n>[0-9０-９]+)\s*件?\s*(?:不对|错了|说错了|多了)[，,\s]*"
                        r"(?:应该|应)?(?:是|为)\s*(?P<m>[0-9０-９]+)\s*件?\s*[，,\s]*(?:有|其中|里面有)?\s*"
                        r"(?P<k>[0-9０-９]+|[一两二三四五六七八九十])\s*件\s*(?:其实|实际上?|应该)?(?:是|属于|算)(?P<to>[^。；;！？?\n]+)")


# "刚才重复申请那件…，给他公开了，不算重复申请": the one pointed at, its right result, and the row it leaves
_NOT_COUNTED_AS = re.compile(r"(?P<from>[^，,。；;\s]{2,12}?)(?:那|这)(?:一|1)?(?:件|个)(?P<mid>[^。！？?\n]{4,120}?)[，,]\s*"
                             r"(?:所以|因此)?(?:不算|不是|不属于|不应该算)(?:是)?(?P<again>[^，,。；;！？?\s]{2,12})")


def _not_counted_as(message: str, cells: Mapping[str, object]) -> list[PatchOp]:
    m = _NOT_COUNTED_AS.search(message)
    if m is None:
        return []
    keys = [{a.key for a in vocabulary().anchors(m.group(g)) if a.kind == "t3row" and a.key not in _NOT_RESULT}
            for g in ("from", "again")]
    to = {a.key for a in vocabulary().anchors(m.group("mid")) if a.kind == "t3row" and a.key not in _NOT_RESULT} - keys[0]
    if len(keys[0]) != 1 or keys[0] != keys[1] or len(to) != 1:
        return []
    source = keys[0].pop()
    held = [c for c in L.T3_APPLICANT_COLUMNS if _int(cells.get(f"t3.{source}.{c}"))]
    cols = {a.key for a in vocabulary().anchors(m.group("from")) if a.kind == "t3col"}
    col = next(iter(cols)) if len(cols) == 1 else held[0] if len(held) == 1 else None
    quote = message[m.start():m.end()].strip()
    if col is None and not held:
        return _moved_totals(source, to.pop(), 1, cells, quote)
    if col is None:
        return []
    return _moved(source, to.pop(), col, 1, cells, quote)


def _said_but(message: str, cells: Mapping[str, object]) -> list[PatchOp]:
    m = _SAID_BUT.search(message) or _WRONG_BUT.search(message)
    if m is None:
        return []
    n, k, left = (int(parse_number(m.group(g)) or 0) for g in ("n", "k", "m"))
    keys = [{a.key for a in vocabulary().anchors(m.group(g)) if a.kind == "t3row" and a.key not in _NOT_RESULT}
            for g in ("from", "to")]
    if m.re is _WRONG_BUT and not keys[0] and re.search(r"公开\s*$", m.group("from")):
        keys[0] = {"granted"}  # ("个人公开12": a bare 公开 after who applied is 予以公开)
    if n != left + k or not k or any(len(x) != 1 for x in keys) or keys[0] == keys[1]:
        return []
    source, to = keys[0].pop(), keys[1].pop()
    said_col = {a.key for a in vocabulary().anchors(m.group("from")) if a.kind == "t3col"}
    if len(said_col) == 1 and _int(cells.get(f"t3.{source}.{next(iter(said_col))}")) == n:
        return _moved(source, to, next(iter(said_col)), k, cells, message[m.start():m.end()].strip())
    held = [c for c in L.T3_APPLICANT_COLUMNS if _int(cells.get(f"t3.{source}.{c}"))]
    if (_int(cells.get(f"t3.{source}.total")) or sum(_int(cells.get(f"t3.{source}.{c}")) or 0 for c in held)) != n:
        return []
    if len(held) != 1:
        return []
    return _moved(source, to, held[0], k, cells, message[m.start():m.end()].strip())


def _is_not(message: str, cells: Mapping[str, object]) -> list[PatchOp]:
    if (said_but := _said_but(message, cells) or _not_counted_as(message, cells)):
        return said_but
    m = _IS_NOT.search(message)
    if not m and ((m := _NOT_IS.search(message)) or (m := _THAT_IS_NOT.search(message))):
        m_count = "1"
    elif m:
        m_count = m.group(1)
    else:
        return []
    def row_of(text: str) -> str | None:
        keys = {a.key for a in vocabulary().anchors(text) if a.kind == "t3row" and a.key not in _NOT_RESULT}
        if not keys and re.fullmatch(r"(?:予以)?公开(?:的|了)?", text):
            keys = {"granted"}  # a bare 公开 beside 部分公开 is 予以公开
        return next(iter(keys)) if len(keys) == 1 else None
    to, source = row_of(m.group("to")), row_of(m.group("from"))
    cols = {a.key for a in vocabulary().anchors(message[:m.start()]) if a.kind == "t3col"} or {
        a.key for a in vocabulary().anchors(message[m.end():]) if a.kind == "t3col"}  # ("…是逾期没补正，自然人的")
    if not to or not source or to == source or len(cols) > 1:
        return []
    if not cols:  # no applicant said: the row's one applicant that has any
        cols = {c for c in L.T3_APPLICANT_COLUMNS if _int(cells.get(f"t3.{source}.{c}"))}
        if len(cols) != 1:
            return []
    return _moved(source, to, next(iter(cols)), int(parse_number(m_count) or 0), cells, message[m.start():m.end()])


def moved_between_rows(message: str, cells: Mapping[str, object]) -> list[PatchOp]:
    """The cell changes of applications moved from one result row to another, or [] when the message
    does not say so plainly (two rows, one applicant, a count, and the row left has that many). A move
    told after another sentence ("撤回那件 那就放其他处理里的“其他”吧。还有拆迁补偿那件…应该算本机关不掌握
    不是不予公开") is read from its own sentence on."""
    sentences = [m.group(0) for m in re.finditer(r"[^。！!？?；;\n]+[。！!？?；;\n]*", message)]
    if len(sentences) > 1:
        for sentence in sentences:
            if _MOVE.search(sentence) and (moved := _moved_between_rows_in(sentence, cells)):
                return moved
    return _moved_between_rows_in(message, cells)


def _moved_between_rows_in(message: str, cells: Mapping[str, object]) -> list[PatchOp]:
    verb = _MOVE.search(message)
    if not verb:
        return _is_not(message, cells)
    # ("个人公开12不对 是11 有一件其实是部分公开": no row left said with the move; the "不对" says it)
    return _moved_by_verb(message, verb, cells) or _is_not(message, cells)


def _moved_by_verb(message: str, verb: re.Match[str], cells: Mapping[str, object]) -> list[PatchOp]:
    anchors = vocabulary().anchors(message)
    rows = [a for a in anchors if a.kind == "t3row" and a.key not in _NOT_RESULT]
    after = [a for a in rows if a.start >= verb.end()]
    if not after:
        return []
    to = after[0].key
    before = [a for a in rows if a.end <= verb.start() and a.key != to]
    if not before:
        # "律所那1件应该算部分公开，不是予以公开": the row it leaves said after, with 不是
        before = [a for a in rows if a.start >= after[0].end and a.key != to and re.search(r"不是\s*$", message[:a.start])]
        if not before and to != "granted" and (bare := re.search(r"不是(?:全|全部|都)?(?:予以)?公开|(?<![分予不])公开(?=(?:那|这|嗰)一?行)", message[:verb.start()])):
            # "律所那件不是全公开的 …遮了 应该算部分公开": it leaves 予以公开 (so does "公开那行…")
            before = [_Anchor("t3row", "granted", bare.start(), bare.end())]
        if not before:
            # "…应该算本机关不掌握 不是不予公开": it leaves the one row of that group that holds any
            groups = [a for a in anchors if a.kind == "t3group" and a.start >= after[0].end and re.search(r"不是\s*$", message[:a.start])]
            held = [r for r in (L.T3_GROUP_ROWS.get(groups[0].key, {}) if groups else {})
                    if _int(cells.get(f"t3.{groups[0].key}.{r}.total"))]
            if len(held) == 1:
                before = [_Anchor("t3row", f"{groups[0].key}.{held[0]}", groups[0].start, groups[0].end)]
        if not before:
            return []
    source = before[0].key
    # (not "遮盖个人信息后提供": whose information, not who asked)
    cols = {a.key for a in anchors if a.kind == "t3col" and a.end <= verb.start()
            and not re.match(r"的?(?:信息|隐私|身份|住址|电话|联系方式|手机|姓名|商业秘密|秘密|登记|档案|注册)", message[a.end:a.end + 5])}
    near = {a.key for a in anchors if a.kind == "t3col" and before[0].end <= a.start <= before[0].end + 2}
    if len(cols) > 1 and len(near) == 1:
        cols = near  # ("予以公开个人那8件里有一件 要的是供水公司的内部账": whose the row's cases are, said with it)
    if len(cols) > 1:
        return []
    if cols:
        col = next(iter(cols))
    else:  # no applicant said: the row's one applicant that has any
        held = [c for c in L.T3_APPLICANT_COLUMNS if _int(cells.get(f"t3.{source}.{c}"))]
        if len(held) > 1:
            return []
        col = held[0] if held else ""
    # (not "第三方那2件里有1件…": the row's count, then how many of them)
    some = next((m for m in reversed(list(_SOME.finditer(message, before[0].end, verb.start())))
                 if not re.match(r"\s*(?:里|中|当中|里面|里头|之中)", message[m.end():])), None) if before[0].end < verb.start() else None
    if some:
        k = int(parse_number(some.group(1)) or 0)
    elif _THAT_ONE.search(message, 0, verb.start()):
        k = 1
    else:
        return []
    if not col:  # (the rows counted without who applied: their totals move)
        return _moved_totals(source, to, k, cells, message.strip())
    return _moved(source, to, col, k, cells, message.strip())


def _moved_totals(source: str, to: str, k: int, cells: Mapping[str, object], quote: str) -> list[PatchOp]:
    """``k`` applications from row ``source`` to row ``to`` when the rows were counted without who applied:
    their totals move; [] when the row left does not have that many."""
    have = _int(cells.get(f"t3.{source}.total"))
    if not have or have < k:
        return []
    return [PatchOp(field=f"t3.{source}.total", value=str(have - k), quote=quote),
            PatchOp(field=f"t3.{to}.total", value=str((_int(cells.get(f"t3.{to}.total")) or 0) + k), quote=quote)]


def _moved(source: str, to: str, col: str, k: int, cells: Mapping[str, object], quote: str) -> list[PatchOp]:
    """``k`` applications of ``col`` from row ``source`` to row ``to``, each row's total following; []
    when the row left does not have that many."""
    have = _int(cells.get(f"t3.{source}.{col}"))
    if not k or have is None or have < k:
        return []
    have_to = _int(cells.get(f"t3.{to}.{col}")) or 0
    out = [PatchOp(field=f"t3.{source}.{col}", value=str(have - k), quote=quote),
           PatchOp(field=f"t3.{to}.{col}", value=str(have_to + k), quote=quote)]
    for row, delta in ((source, -k), (to, k)):
        total = _int(cells.get(f"t3.{row}.total"))
        others = [_int(cells.get(f"t3.{row}.{c}")) for c in L.T3_APPLICANT_COLUMNS if c != col]
        if total is not None:
            out.append(PatchOp(field=f"t3.{row}.total", value=str(total + delta), quote=quote))
        elif row == to and not have_to and not any(others):  # (the row held none of these: only this one)
            out.append(PatchOp(field=f"t3.{row}.total", value=str(k), quote=quote))
        elif row == to and all(v is not None for v in others):
            # (a row told by applicant with no total yet: the sum of its columns after the move)
            out.append(PatchOp(field=f"t3.{row}.total", value=str(sum(v or 0 for v in others) + have_to + k), quote=quote))
    return out


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


_PARTS = re.compile(r"([一两二三四五六七八九十0-9０-９]+)\s*(?:件|个)")


# "撤回那件是个人的，不是企业的": the one application of a row, counted under another applicant
_ONE_IS_ANOTHERS = re.compile(r"(?P<row>[\u4e00-\u9fa5]{1,10}?)(?:那|这)(?:一)?件(?:申请)?(?:其实)?是(?P<to>[\u4e00-\u9fa5]{1,6}?)(?:的|申请的)"
                              r"[，,\s]*不是(?P<source>[\u4e00-\u9fa5]{1,6}?)(?:的|申请的)")


def moved_one_to_another_applicant(message: str, cells: Mapping[str, object]) -> list[PatchOp]:
    """"更正：撤回那件是个人的，不是企业的，我看错台账了": in the row named, one application moves from the
    applicant said wrong to the one said right, and with it in （七）总计 when that is recorded; who sent
    this year's applications was said apart and stays (a clash with it is shown, not guessed away)."""
    m = _ONE_IS_ANOTHERS.search(message)
    if m is None:
        return []
    voc = vocabulary()
    rows = {a.key for a in voc.anchors(m.group("row")) if a.kind == "t3row" and a.key not in _NOT_RESULT}
    to = {a.key for a in voc.anchors(m.group("to")) if a.kind == "t3col"}
    source = {a.key for a in voc.anchors(m.group("source")) if a.kind == "t3col"}
    if len(rows) != 1 or len(to) != 1 or len(source) != 1 or to == source:
        return []
    row, col_to, col_from = rows.pop(), to.pop(), source.pop()
    quote = message[m.start():m.end()].strip()
    out: list[PatchOp] = []
    for r in (row, "total"):
        have = _int(cells.get(f"t3.{r}.{col_from}"))
        if have is None or have < 1:
            if r == row:
                return []  # the cells do not hold what is said to move: nothing is guessed
            continue
        out += [PatchOp(field=f"t3.{r}.{col_from}", value=str(have - 1), quote=quote),
                PatchOp(field=f"t3.{r}.{col_to}", value=str((_int(cells.get(f"t3.{r}.{col_to}")) or 0) + 1), quote=quote)]
        if (total := _int(cells.get(f"t3.{r}.total"))) is not None:
            out.append(PatchOp(field=f"t3.{r}.total", value=str(total), quote=quote))  # (the row's total stays)
    return out


def moved_between_columns(message: str, cells: Mapping[str, object]) -> list[PatchOp]:
    """"有3件申请人是环保组织，系统里登记成“其他”了，应该算社会公益组织…两件予以公开、一件部分公开，新收那行也
    跟着挪一下": applications moved from one applicant column to another, row by row, each row's total
    unchanged; [] unless the message says which rows and how many, and the cells have them."""
    verb = _MOVE.search(message) or re.search(r"改成|改为|应该是", message)
    if not verb:
        return []
    anchors = vocabulary().anchors(message)
    cols = [(a.key, a.start) for a in anchors if a.kind == "t3col"]
    cols += [("other", m.start()) for m in re.finditer(r"[“\"「]?其他[”\"」]?(?=了|里|那列|这列|列|，|,|$)", message)]
    after = sorted((at, key) for key, at in cols if at >= verb.end())
    if not after:
        return []
    to = after[0][1]
    before = sorted((at, key) for key, at in cols if at < verb.start() and key != to)
    if not before:
        return []
    source = before[-1][1]  # the column it was put in, said last before the moving word
    rows: dict[str, int] = {}
    for a in anchors:
        if a.kind != "t3row" or a.start < verb.end() or a.key in _NOT_RESULT:
            continue
        counts = _PARTS.findall(message[max(verb.end(), a.start - 6):a.start])
        if counts:  # (the count right before the row's words: "这3件是两件予以公开" is two)
            rows[a.key] = rows.get(a.key, 0) + int(parse_number(counts[-1]) or 0)
    if not rows and (that := re.search(r"(?:那|这)\s*([一两二三1-9])?\s*件", message[:verb.start()])):
        # "科研机构那1件…应该算自然人 那件后来是公开了的": that application, in the rows named after
        k = int(parse_number(that.group(1)) or 1) if that.group(1) else 1
        rows = {a.key: k for a in anchors if a.kind == "t3row" and a.start >= verb.end() and a.key not in _NOT_RESULT}
        if rows and re.search(r"一并|一起|也", message[verb.end():]):
            rows["new_received"] = k  # "也一并改到个人里": where it came in too
    if not rows:
        return []
    moved = sum(v for r, v in rows.items() if r != "new_received")
    if re.search(r"新收|本年新收", message[verb.end():]):
        rows["new_received"] = moved  # "新收那行也跟着挪一下"
    if _int(cells.get(f"t3.total.{source}")) is not None:
        rows["total"] = moved
    quote = message.strip()
    out: list[PatchOp] = []
    for row, k in rows.items():
        have = _int(cells.get(f"t3.{row}.{source}"))
        if have is None or have < k:
            return []  # the cells do not hold what is said to move: nothing is guessed
        out += [PatchOp(field=f"t3.{row}.{source}", value=str(have - k), quote=quote),
                PatchOp(field=f"t3.{row}.{to}", value=str((_int(cells.get(f"t3.{row}.{to}")) or 0) + k), quote=quote)]
    return out


# "把第二条删了", "第3个不算", "第二件去掉": an application of a list told before, taken out
_TAKE_OUT = re.compile(r"第\s*([一二两三四五六七八九十0-9０-９]{1,3})\s*(?:条|个|件|项)[^，,。；;\n]{0,6}?(?:删了|删掉|删除|去掉|拿掉|不算|不要了|不用算)"
                       r"|(?:删|删掉|去掉|拿掉)\s*第\s*([一二两三四五六七八九十0-9０-９]{1,3})\s*(?:条|个|件|项)")


def item_taken_out(message: str, told: list[str], cells: Mapping[str, object]) -> list[PatchOp]:
    """"把第二条删了，李某那个…不算依申请": the N-th application of the list told last (``told``: the
    clerk's earlier messages, latest last) no longer counted — its result cells and what came in
    (this year's or last year's) one less each; [] when the message says no such thing or the list,
    or a cell it was counted in, is not there."""
    m = _TAKE_OUT.search(message)
    if m is None:
        return []
    k = int(parse_number(m.group(1) or m.group(2)) or 0)
    for text in reversed(told):
        cases = told_one_per_line(text)
        if len(cases) >= k >= 1:
            case = cases[k - 1]
            break
    else:
        return []
    came = "t3.carried_over" if case.carried_over else "t3.new_received"
    addresses = [f"t3.{case.row}.{case.column}", f"t3.{case.row}.total", f"{came}.{case.column}", f"{came}.total"]
    values = [_int(cells.get(a)) for a in addresses]
    if any(v is None or v < 1 for v in values):
        return []
    quote = message.strip()
    return [PatchOp(field=a, value=str(v - 1), quote=quote) for a, v in zip(addresses, values, strict=True) if v is not None]


# "没审结的那个复议 申请人撤回了 按其他结果报": a case of table 四 settled since, from 尚未审结 to a result
_T4_SETTLED = re.compile(r"(?:没审结|未审结|还没审结|没结|还在审|没判|还没判|在审)的?(?:(?:那|这)(?:个|件|起|一件|一个)?)?\s*(?P<block>[\u4e00-\u9fa5]{2,8}?)"
                         r"[\s，,]*[^。！!？?\n]{0,24}?(?:按|算|报|改成|改为)(?:成)?(?P<result>其他结果|其他|维持|纠正)")
_T4_RESULT = {"其他结果": "other", "其他": "other", "维持": "upheld", "纠正": "corrected"}


def moved_in_table_four(message: str, cells: Mapping[str, object]) -> list[PatchOp]:
    """A review or lawsuit told as pending before, settled now: one from 尚未审结 to the result said; []
    unless the block named has one pending."""
    m = _T4_SETTLED.search(message)
    if m is None:
        return []
    blocks = [a.key for a in vocabulary().anchors(m.group("block")) if a.kind == "t4block"]
    if len(blocks) != 1:
        return []
    block = {"litigation": "litigation_direct"}.get(blocks[0], blocks[0])
    if blocks[0] == "litigation" and not _int(cells.get("t4.litigation_direct.pending")):
        block = "litigation_after_review"
    pending, result = _int(cells.get(f"t4.{block}.pending")), _T4_RESULT[m.group("result")]
    if not pending:
        return []
    quote = message.strip()
    return [PatchOp(field=f"t4.{block}.pending", value=str(pending - 1), quote=quote),
            PatchOp(field=f"t4.{block}.{result}", value=str((_int(cells.get(f"t4.{block}.{result}")) or 0) + 1), quote=quote)]
