"""An answer: extract → refuse what is bad → derive → the changes and the confirmation.

The model proposes, ``check_patch`` keeps what is grounded in the message, and then code decides:
negative numbers, text for a number, unreadable table lines and totals that contradict their
parts refuse the whole answer (nothing of it is recorded but the words). A correction that the
extraction cannot place ("不对，网站是150条") is placed here by the words it names, and checked by
the same grounding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from pydantic import ValidationError

from assistant.dialogue._checks import (
    EQUATION_CELLS,
    NUMERIC_KINDS,
    bad_value_reason,
    contradictions,
    negative_numbers,
    unread_table_lines,
    vague_number,
)
from assistant.dialogue._confirm import change_lines, excerpt
from assistant.dialogue._derive import derivation_changes, derivations, merged_cells
from assistant.dialogue._ledger import LEDGER_QUOTE, PastedLedger, ledger_correction, pasted_ledger
from assistant.dialogue._mapping import changes_between
from assistant.dialogue._moves import (
    item_taken_out,
    moved_between_columns,
    moved_between_rows,
    moved_in_table_four,
    moved_one_to_another_applicant,
)
from assistant.dialogue._outcome import Outcome, derived_lines
from assistant.dialogue._planner import match_fields, plan
from assistant.dialogue._previous import copy_findings, cross_year_notes, texts_by_part
from assistant.dialogue._state import State, full_facts
from assistant.drafting import Extraction, apply_patch, check_patch, expand_field, extract
from assistant.importing import table_cells
from assistant.llm import LLMError, LLMResponse, Model
from assistant.numbers import find_numbers, parse_number
from assistant.offline import known_fields
from assistant.reading import (
    MessageReading,
    guide_answer,
    is_question,
    labelled_texts,
    parse_pasted_tables,
    read_message,
    sheet_row_numbers,
    vocabulary,
    wants_said_before,
)
from assistant.storage import ChangeSet
from schemas import labels as L
from schemas.facts import FACT_SPECS, TEXT_FIELDS, Facts, fact_label, spec_of
from schemas.layout import T3_COLUMNS, T3_ROWS, cell_label, get_cell, set_cell
from schemas.patches import Patch, PatchOp, PatchResult
from schemas.report import Report

__all__ = ["answer", "correction_ops"]


def _last_year_lines(st: State, topic: str) -> list[str]:
    """"和去年一样": last year's text of that part, to reuse or adapt."""
    if st.previous is None:
        return ["还没有导入上年报告，看不到去年的写法。请直接说说今年的情况，或先导入上年报告。"]
    from assistant.dialogue._previous import narrative_of
    from assistant.drafting import PARTS

    texts = narrative_of(st.previous)
    part = next((p for p in PARTS if topic in p or p.endswith(topic)), None)
    text = texts.get(part or "", "")
    if not text:
        return ["上年报告中没有找到这一部分的内容，请直接说说今年的情况。"]
    return [f"去年这一部分是这样写的：{excerpt(text, 300)}", "如果今年情况相同，可以把这段话复制过来，改动后发给我；"
            "数字请按今年的实际填写。"]

_NOTHING = ("这条消息里没有找到可以记录的内容。可以直接说数字（例如“网站公开政务信息148条”），"
            "或粘贴表格；说“还缺什么”查看进度。")


_ADDED = re.compile(r"漏了|漏掉|漏说|落了|落下|忘了说|忘说了|少算了|少说了|少报了|另外还有[一1][个件]|还有[一1][个件]|另外[一1]件")
_ONE_MORE = re.compile(r"(?:还有|另外(?:还有)?|又有|又收了?|又来了?)\s*(?:一|1)\s*(?:件|个)")
_REPLACES = re.compile(r"不对|说错|错了|应该是|应为|改成|改为|更正|其实是|一共|总共|合计|[0-9０-９]\s*改\s*[0-9０-９]")


def _new_total_said(said: str, accepted: list[PatchOp], st: State) -> bool:
    """``said`` ("是4件") is this year's applications with the ones this message adds."""
    n = find_numbers(said)
    old = st.full.cells.get("t3.new_received.total")
    added = next((op.value for op in accepted if op.field == "t3.new_received.total"), None)
    try:
        return bool(n) and isinstance(old, int) and added is not None and old + int(str(added)) == int(n[0].value)
    except ValueError:
        return False


_RESULT_CELL = re.compile(r"t3\.(?!new_received\.|carried_over\.|total\.)[a-z_.]+\.(?P<col>[a-z_]+)$")
_WHOLE_SAID = re.compile(r"一共|总共|共计|合计|总计|加起来|不对|错了|应该是|应为|改成|改为|其实是")


def _rest_told(message: str, accepted: list[PatchOp], facts: Facts) -> list[str]:
    """"予以公开 个人的 1件" asked "…（已说3件的办理结果，还差1件）是怎么办理的？": the results of the
    applications still to be told, added to those told before (not one of the rows said again)."""
    if _WHOLE_SAID.search(message):
        return []
    out: list[str] = []
    for col in L.T3_APPLICANT_COLUMNS:
        mine = [op for op in accepted if (m := _RESULT_CELL.match(op.field)) and m.group("col") == col
                and str(op.value).isdigit()]
        if not mine:
            continue
        came = sum(facts.cell_int(f"t3.{r}.{col}") or 0 for r in ("new_received", "carried_over"))
        told = sum(facts.cell_int(f"{r.address}.{col}") or 0 for r in T3_ROWS
                   if r.address not in ("t3.new_received", "t3.carried_over", "t3.total"))
        said = sum(int(str(op.value)) for op in mine)
        if 0 < said <= came - told and any(facts.cell_int(op.field) for op in mine):
            out += [op.field for op in mine]
            out += [f"{op.field.rsplit('.', 1)[0]}.total" for op in mine]
    return out


def _counted_on(accepted: list[PatchOp], added: list[str], facts: Facts) -> list[PatchOp]:
    """The reader's counts to add ("12月又收了一件…给了": one more application) added to the cells'
    values so far, derived ones included ("予以公开5件" made 自然人5 when all were a person's)."""
    out = []
    for op in accepted:
        old = facts.cells.get(op.field)
        if op.op == "set" and op.field in added and isinstance(old, int) and not isinstance(old, bool):
            op = op.model_copy(update={"value": old + int(str(op.value))})
        elif op.op == "set" and op.field in added and old is None and op.field.endswith(".total") and sum(
                v for c in L.T3_APPLICANT_COLUMNS if isinstance(v := facts.cells.get(f"{op.field[:-6]}.{c}"), int)) >= int(str(op.value)):
            continue  # (a row's total not recorded, its columns already past the one added: it follows from them)
        out.append(op)
    return out


def _stated_total_follows(accepted: list[PatchOp], added: list[str], st: State) -> list[PatchOp]:
    """（七）总计 as stated before (a register's count) moved by the results added to: "去年结转的那1件…
    予以公开" adds one to 予以公开 and so to （七）总计 (a derived total is derived again anyway)."""
    taken = {op.field for op in accepted}
    out = []
    for col in (*L.T3_APPLICANT_COLUMNS, "total"):
        if f"t3.total.{col}" in taken or not isinstance(old := st.stated.cells.get(f"t3.total.{col}"), int):
            continue
        delta = sum(int(str(op.value)) - int(str(st.full.cells.get(op.field) or 0)) for op in accepted
                    if op.field in added and op.field.endswith(f".{col}") and op.field.rsplit(".", 1)[0] in _RESULT_ROWS)
        if delta > 0:
            out.append(PatchOp(field=f"t3.total.{col}", value=old + delta, quote=accepted[0].quote))
    return out


def _read_as_said(line: str, accepted: list[PatchOp]) -> bool:
    """Every number of a tab or pipe line recorded by the statement reader from inside it."""
    taken = [op for op in accepted if op.quote and op.field not in TEXT_FIELDS and op.quote.strip() in line]
    return bool(taken) and len(taken) >= len(re.findall(r"[0-9０-９][0-9０-９,，.．]*", line))


def _by_difference(accepted: list[PatchOp], differences: dict[str, int], facts: Facts) -> tuple[list[PatchOp], list[str]]:
    """"处罚再加2件", "网站少算了10条", "公众号多算了5条": the value recorded, moved by the number
    said. A difference to nothing recorded, or one that would go below 0, is named back (quotes)."""
    out: list[PatchOp] = []
    unplaced: list[str] = []
    for op in accepted:
        sign = differences.get(op.field)
        if not sign or op.op != "set":
            out.append(op)
            continue
        old = facts.cells.get(op.field) if "." in op.field else getattr(facts, op.field, None)
        old = getattr(old, "value", old)
        try:
            by = Decimal(str(op.value))
        except ArithmeticError:
            unplaced.append(op.quote)
            continue
        if not isinstance(old, int | Decimal) or isinstance(old, bool) or old + sign * by < 0:
            unplaced.append(op.quote)
            continue
        new = old + sign * by
        out.append(op.model_copy(update={"value": str(int(new)) if new == new.to_integral_value() else str(new)}))
    # a table-三 row's cells moved and its 总计 not said: the 总计 moves by as much ("要加上的是…不掌握个人1件，
    # 研究所那1件也是不掌握": two more in the row)
    said = {op.field for op in out}
    moved: dict[str, Decimal] = {}
    for op in out:
        if op.field.startswith("t3.") and differences.get(op.field) and not op.field.endswith(".total") and op.op == "set":
            before = facts.cells.get(op.field)
            if isinstance(before, int) and not isinstance(before, bool):
                row = op.field.rsplit(".", 1)[0]
                moved[row] = moved.get(row, Decimal(0)) + Decimal(str(op.value)) - before
    for row, delta in moved.items():
        total = facts.cells.get(f"{row}.total")
        if delta and f"{row}.total" not in said and isinstance(total, int) and not isinstance(total, bool) and total + delta >= 0:
            out.append(PatchOp(field=f"{row}.total", value=str(int(total + delta)), quote=next(
                op.quote for op in out if op.field.startswith(f"{row}.") and differences.get(op.field))))
    out += _moved_with_its_applicant(out, differences, facts)
    return out, unplaced


def _moved_with_its_applicant(out: list[PatchOp], differences: dict[str, int], facts: Facts) -> list[PatchOp]:
    """"信访那里减1，予以公开加1": cases moved between two rows of table 三 by their 总计, the row they leave
    holding one applicant's only — they go into the same applicant's cell of the row they join."""
    changed = {op.field.rsplit(".", 1)[0]: int(Decimal(str(op.value))) - before for op in out
               if op.field.startswith("t3.") and op.field.endswith(".total") and differences.get(op.field)
               and isinstance(before := facts.cells.get(op.field), int) and not isinstance(before, bool)}
    if len(changed) != 2 or sum(changed.values()) != 0 or any(r in ("t3.new_received", "t3.carried_over", "t3.total")
                                                             for r in changed):
        return []
    (left, k), (joined, _) = sorted(changed.items(), key=lambda kv: kv[1])
    columns = [c for c in L.T3_APPLICANT_COLUMNS if isinstance(n := facts.cells.get(f"{left}.{c}"), int) and n > 0]
    said = {op.field for op in out}
    if len(columns) != 1 or f"{joined}.{columns[0]}" in said or not isinstance(
            had := facts.cells.get(f"{joined}.{columns[0]}"), int):
        return []
    quote = next(op.quote for op in out if op.field == f"{joined}.total")
    moved = [PatchOp(field=f"{joined}.{columns[0]}", value=str(had - k), quote=quote)]
    if f"{left}.{columns[0]}" not in said:
        moved.append(PatchOp(field=f"{left}.{columns[0]}", value=str(int(str(facts.cells[f"{left}.{columns[0]}"])) + k), quote=quote))
    return moved


# "局本级一张表 交警支队单独一张 市里要求合成一张表报 你帮我合一下": the report's figures are two units' added
_MERGE_ASKED = re.compile(r"(?:合成|合并成?|汇总成?|加成)(?:一张|一个|表三)|合一下|加起来|加在一起|合在一起|合到一起|加一下|帮我加|你加|汇总一下|帮我汇总")
_TWO_PARTS = re.compile(r"分(?:两|2|几)(?:块|部分|张表|个单位)|单独一张|分开统计|分别统计|各自统计|分别报|"
                        # "局机关的和社保中心的要合在一起报": the two parts named
                        r"[\u4e00-\u9fa5]{2,8}?的?(?:和|跟|与)[\u4e00-\u9fa5]{2,8}?的?(?:要|得|需要)?(?:合在一起|合到一起|合并|加在一起|合起来)|"
                        r"[两三四五六七八九几]个(?:科室|股室|部门|单位|处室|中队|科|股)|"
                        # "台账是按申请内容分类记的…一共四类，你帮我汇总成表三": the year's table told class by class
                        r"(?:一共|共|分)[两三四五六七八九几2-9]类|按(?:类别|内容|事项)")
# "交警支队报过来的是这样：…", "②物业管理科（他们发微信说的）：…": one unit's part
_PART_OPENS = re.compile(r"\s*[\u4e00-\u9fa5]{2,12}?(?:报过来|报来|发过来|发来|给过来|那边报)(?:的)?|\s*第[一二三四五六七八九十2-9]类|"
                         r"\s*[\[【](?:转发|转)[\]】]\s*[\u4e00-\u9fa5]{2,12}?(?:中心|科|股|室|办|处|队|所|站|局)|"
                         r"\s*(?:[①-⑩]|[0-9]{1,2}[.、．])\s*[\u4e00-\u9fa5]{2,10}?(?:科|股|室|办|处|队|所|中心|站)")


def _another_units_part(message: str, st: State) -> bool:
    """The message gives a second unit's figures of table 三 after the clerk asked for two parts to be added."""
    said = _told_before(st)
    return bool(_PART_OPENS.match(message)) and any(_MERGE_ASKED.search(t) and _TWO_PARTS.search(t) for t in said) and any(
        isinstance(v, int) and v for k, v in st.stated.cells.items() if k.startswith("t3."))


_NOT_THE_OLD = re.compile(r"不是\s*(?=[0-9０-９])")


def _part_corrected(accepted: list[PatchOp], message: str, st: State) -> tuple[list[PatchOp], list[str]]:
    """"科长说路政大队的处罚是23件 不是21" after "处罚 运管所46件 路政大队21件 …也帮我加下": the part named is
    corrected, and the item is the parts' sum again (67 − 21 + 23), not the part alone."""
    old = _NOT_THE_OLD.search(message)
    said_old = find_numbers(message[old.end():]) if old else []
    if not said_old:
        return accepted, []
    m_old = said_old[0].value
    out, notes = [], []
    for op in accepted:
        stored = st.stored.get(op.field)
        value = stored.value if stored is not None and stored.state == "set" else None
        new = int(str(op.value)) if op.op == "set" and str(op.value).isdigit() else None
        parts = [n for n in find_numbers(stored.quote) if n.unit in ("", "件", "条", "个", "次", "起")] if stored is not None else []
        part = next((n for n in parts if n.value == m_old), None)
        if (new is None or not isinstance(value, int) or isinstance(value, bool) or stored is None or stored.source != "chat"
                or part is None or len(parts) < 2 or sum(n.value for n in parts) != value or m_old >= value):
            out.append(op)
            continue
        # the part's words before its number in what was said of the item ("路政大队21件")
        lead = re.search(r"([\u4e00-\u9fa5]{2,8}?)(?:的)?\s*$", stored.quote[:part.start])
        word = lead.group(1)[-4:] if lead else ""
        if not word or word not in message:
            out.append(op)
            continue
        total = value - int(m_old) + new
        out.append(op.model_copy(update={"value": str(total)}))
        notes.append(f"按您说的，{word}由{m_old}改为{new}，{fact_label(op.field)}合计由{value}改为{total}。")
    return out, notes


def _results_total_moves(accepted: list[PatchOp], differences: dict[str, int], facts: Facts) -> list[PatchOp]:
    """The （七）总计 cells moved by the result rows' additions (when they held the sum before)."""
    out: list[PatchOp] = []
    for col in (*L.T3_APPLICANT_COLUMNS, "total"):
        delta = sum(int(str(op.value)) for op in accepted if differences.get(op.field) and op.field.endswith(f".{col}")
                    and op.field.rsplit(".", 1)[0] in _RESULT_ROWS)
        old = facts.cell_int(f"t3.total.{col}")
        if delta and old is not None:
            out.append(PatchOp(field=f"t3.total.{col}", value=str(old + delta), quote=accepted[0].quote))
    return out


_THE_SAME_ONE = re.compile(r"[，,\s]*(?:就是|也就是|即|是)(?:上面|前面|表里|表上|台账里|刚才|之前)(?:说的|那|的)?(?:那)?(?:一|1)?(?:件|个)")


def _added_to_what_was_said(accepted: list[PatchOp], message: str, facts: Facts, counted: list[str]) -> list[PatchOp]:
    """"依申请还有一件漏了，…也是个人的": applications added to the ones told before, not a new count
    for the row — each table-三 cell already said (by the clerk) grows by the number given, and the
    reply shows the old value beside it. (``counted``: cells the reader already counted on.)"""
    if not _ADDED.search(message):
        return accepted
    out = []
    for op in accepted:
        if op.quote in message and _THE_SAME_ONE.match(message, message.find(op.quote) + len(op.quote)):
            out.append(op)  # ("另外1件发了收费通知没交，就是上面那件": the one told before, not one more)
            continue
        at = message.find(op.quote)
        asked_of = message[at:next((k for k in range(at, len(message)) if message[k] in "。！!\n"), len(message))] if at >= 0 else ""
        if op.field.startswith("t3.new_received.") and at >= 0 and is_question(asked_of) and not re.search(
                r"收到|收的|新收|来的|交的|递的|漏了|忘了", asked_of):
            continue  # ("…。还有1件是个人申请把裁决书再给他出一份…，这种算啥嘛？": one of the ones counted, asked about)
        if op.field in counted:
            out.append(op)
            continue
        old = facts.cells.get(op.field)
        # ("…还有一个环保协会的申请1件，公开了。所以一共是新收38件": the sum said is not added to)
        if (op.op == "set" and op.field.startswith("t3.") and isinstance(old, int) and old > 0 and _ADDED.search(op.quote)
                and not _REPLACES.search(op.quote)
                and isinstance(op.value, int) and op.value > 0
                and (op.value != old or _ONE_MORE.search(op.quote))):  # (the same number said again, unless "还有一件")
            op = op.model_copy(update={"value": old + op.value})
        elif (op.op == "set" and op.field.startswith("t3.") and op.field.endswith(".total") and old is None
              and _ADDED.search(op.quote) and not _REPLACES.search(op.quote) and any(
                  facts.cell_int(f"{op.field[:-len('total')]}{c}") for c in L.T3_APPLICANT_COLUMNS)):
            continue  # "还有一个商会的申请1件，也公开了" after 8 of a person's: that one's count, not the row's
        out.append(op)
    return out


# "11月15号以后又收了3件", "网站我接手后又发了29条", "处罚到年底又办了9件": more since the count told before
_MORE_SINCE = re.compile(r"又(?:新)?(?:收到?|发布?|推送?|办理?|做|出|开|接|受理|处理|作出|更新|写|批|罚|增加|新增)了?(?!了?\s*(?:一遍|一次|一下|遍|一句|一条消息|一条微信|句|消息|微信|过来|给我|我|最终|定稿|正式|新|一版|一稿|版|稿|修改|更正))"
                         r"|(?:以后|之后|后来)(?:又)?新增了?")
_NONE_MORE = re.compile(r"没有?(?:新增|增加|再(?:办|发|收|出|做))|无新增|没(?:有)?变化")


def _more_since(accepted: list[PatchOp], message: str, facts: Facts, counted: list[str]) -> list[PatchOp]:
    """A count told as more since one recorded before ("交接单上处罚47件" then "11月15号到年底又办了9件"):
    the recorded value grows by it; "强制没有新增的" leaves it as it was. Only where the clerk's sentence
    says 又/新增 before the number, never in a pasted table, never beside a correction."""
    if not (_MORE_SINCE.search(message) or _NONE_MORE.search(message)):
        return accepted
    out = []
    for op in accepted:
        at = message.find(op.quote) if op.quote else -1
        old = facts.cell_int(op.field) if "." in op.field else getattr(facts, op.field, None)
        if old is None and op.field.startswith("t") and str(op.value) == "0":  # ("强制没有新增的": a row's none)
            old = max((v for k in facts.cells if k.startswith(op.field + ".") and isinstance(v := facts.cell_int(k), int)),
                      default=None)
        if (at < 0 or op.op != "set" or op.field in counted or "\t" in op.quote or not isinstance(old, int)
                or isinstance(old, bool) or old <= 0):
            out.append(op)
            continue
        s0 = max(message.rfind(x, 0, at) for x in "。；;！!？?\n") + 1
        stop = re.compile(r"[。；;！!？?\n]").search(message, at + len(op.quote))
        sentence = message[s0:stop.start() if stop else len(message)]
        if _REPLACES.search(sentence) or _ADDED.search(sentence):
            out.append(op)
        elif str(op.value) in ("0", "0.0") and _NONE_MORE.search(sentence):
            continue  # "强制没有新增的": none more, the count as it was
        elif str(op.value).isdigit() and int(str(op.value)) > 0 and _MORE_SINCE.search(message, s0, at + len(op.quote)):
            out.append(op.model_copy(update={"value": old + int(str(op.value))}))
        else:
            out.append(op)
    return out


def _dropped_row_corrected(accepted: list[PatchOp], st: State) -> list[PatchOp]:
    """The table-三 row of the last pasted table that was left out (its total was not its parts),
    with the one cell this message corrects: [] unless the row then adds up and nothing of it is
    recorded."""
    said = [op for op in accepted if op.op == "set" and op.field.startswith("t3.") and not op.field.endswith(".total")]
    if len(said) != 1:
        return []
    row = said[0].field.rpartition(".")[0]
    if any(a.startswith(row + ".") for a in st.stated.cells):
        return []
    pastes = [f for f in st.stored.values() if f.source == "chat" and f.turn_text and f.field.startswith("t3.")
              and "\n" in f.turn_text and f.quote.strip() in f.turn_text and ("\t" in f.quote or "," in f.quote)]
    if not pastes:
        return []
    text = max(pastes, key=lambda f: f.turn_id or 0).turn_text or ""
    ops, _ = parse_pasted_tables(text)
    mine = {op.field: op for op in ops if op.field.rpartition(".")[0] == row}
    if len(mine) != len(L.T3_COLUMN_LABELS) or said[0].field not in mine:
        return []
    values = {f: int(str(op.value)) for f, op in mine.items()}
    values[said[0].field] = int(str(said[0].value))
    if sum(v for f, v in values.items() if not f.endswith(".total")) != values[f"{row}.total"]:
        return []
    return [said[0] if f == said[0].field else op.model_copy(update={"value": values[f]}) for f, op in mine.items()]


def _with_register_before(st: State, ledger: PastedLedger) -> PastedLedger:
    """"台账24年最后两条是：…" and then "今年台账里的：…": a register pasted in parts, the applications of
    each counted once; a register pasted again (a line the same) replaces the one before."""
    before = _pasted_register(st)
    earlier = pasted_ledger(before, st.stated.report_year) if before else None
    rows = {line.strip() for line in ledger.lines if re.search(r"[0-9０-９]", line)}
    if earlier is None or rows & {line.strip() for line in earlier.lines}:
        return ledger
    ops = [op.model_copy(update={"value": int(str(op.value)) + earlier.counts.get(op.field, 0)}) for op in ledger.ops]
    counts = {k: v + earlier.counts.get(k, 0) for k, v in ledger.counts.items()}
    return PastedLedger(ops, ledger.lines, [*ledger.notes, "这次粘贴的台账和前面粘贴的台账合在一起统计。"], counts)


def _pasted_register(st: State) -> str | None:
    """The message that pasted the register of applications the table was counted from, if any."""
    said = [f for f in st.stored.values() if f.source == "chat" and f.quote.startswith(LEDGER_QUOTE) and f.turn_text]
    return max(said, key=lambda f: f.turn_id or 0).turn_text if said else None


_ROW_SAID_IN = re.compile(r"第\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*行")


def _sheet_rows(st: State) -> dict[int, str]:
    """The row numbers of the clerk's own table-三 sheet pasted last ("8	不掌握	3	1 …"), which "第8行" means."""
    for text in reversed(_told_before(st)):
        if rows := sheet_row_numbers(text):
            return rows
    return {}


def _told_before(st: State) -> list[str]:
    """The clerk's earlier messages that recorded something from the chat, oldest first."""
    turns = {f.turn_id: f.turn_text for f in st.stored.values() if f.source == "chat" and f.turn_id is not None and f.turn_text}
    return [turns[t] for t in sorted(turns) if turns[t] is not None]


def recent_tables(st: State) -> tuple[str, ...]:
    """The tables the clerk's last message that recorded something filled."""
    said = [f for f in st.stored.values() if f.source == "chat" and f.turn_id is not None]
    if not said:
        return ()
    last = max(f.turn_id or 0 for f in said)
    return tuple(sorted({f.field.split(".")[0] for f in said if f.turn_id == last and f.field.startswith(("t2.", "t3.", "t4."))}))


def _read(message: str, facts: Facts, model: Model, topic: str | None, reading: MessageReading,
          recent: tuple[str, ...] = ()) -> Extraction:
    """The reader first. A model (when one is configured) is asked only when the reader left
    something unexplained, and never gets the table lines the reader took."""
    if model.engine != "offline" and (reading.explained or reading.questions) and (
            reading.ops or reading.questions or reading.checked or reading.last_years):  # (last year's table pasted: kept)
        return _reader_extraction(message, facts, reading)
    if reading.by_number or reading.placed_by_before:
        # ("三、1. 318…": the notice it answers is in a message before, which the reader had)
        return _reader_extraction(message, facts, reading)
    if model.engine != "offline":
        rest = "\n".join(line for line in message.splitlines() if line not in reading.table_lines).strip()
        ext = extract(rest or message, facts, model, topic=topic)
        mine = _reader_extraction(message, facts, reading)
        taken = {op.field for op in mine.result.accepted}
        extra = [op for op in ext.result.accepted if op.field not in taken]
        result = mine.result.model_copy(update={"accepted": [*mine.result.accepted, *extra],
                                               "rejected": [*mine.result.rejected, *ext.result.rejected]})
        return Extraction(apply_patch(facts, result.accepted), result, ext.proposed, ext.response)
    # A question about free text makes any unlabelled message that text; read the message on its
    # own first, so an answer to something else is not swallowed as a paragraph.
    if topic in TEXT_FIELDS:
        first = extract(message, facts, model, topic=None, recent=recent)
        if first.result.accepted or first.result.rejected:
            return first
        if reading.excluded or reading.not_ours or reading.other_year or reading.questions:
            # "北海社区报上来说有1件申请…不是我们街道收的 所以我们这还是0件对吧": about the figures (said
            # back as not counted, or asked), not the text asked for
            return first
    return extract(message, facts, model, topic=topic, recent=recent)


def _reader_extraction(message: str, facts: Facts, reading: MessageReading) -> Extraction:
    proposed = Patch(ops=reading.ops)
    result = check_patch(proposed, message)
    return Extraction(apply_patch(facts, result.accepted), result, proposed, LLMResponse(text="", model="reader"))


def _still_unplaced(unexplained: list[str], accepted: list[PatchOp]) -> list[str]:
    """The clauses named back as not understood, less those whose every number is what this message
    recorded for the applicant or row the clause names ("个人是八件" when 自然人 became 8)."""
    out = []
    for u in unexplained:
        numbers = find_numbers(u)
        words = {a.key for a in vocabulary().anchors(u) if a.kind in ("t3col", "t3row", "t2row", "fact")}
        values = {int(str(op.value)) for op in accepted if op.op == "set" and re.fullmatch(r"\d+", str(op.value))
                  and (set(op.field.split(".")[1:]) & words or op.field in words)}
        if not numbers or not words or any(n.value not in values for n in numbers):
            out.append(u)
    return out


def _reading_notes(reading: MessageReading, facts: Facts) -> tuple[list[str], list[str]]:
    """(lines before the record, lines after it): answers to questions, numbers not placed, a zero
    with no table, a level read from the name."""
    head: list[str] = []
    tail: list[str] = []
    answers: dict[str, list[str]] = {}
    for q in reading.questions:
        if guide_answer(q) is None and reading.ops:
            continue  # ("复议那个出结果没" in a forwarded chat, among figures: asked of a colleague, not of us)
        answer = guide_answer(q) or ("这个问题我回答不了，请对照国办公开办函〔2021〕30号的格式说明，"
                                     "或咨询上级政务公开主管部门。")
        answers.setdefault(answer, []).append(q)
    for answer, asked in answers.items():
        # (one question answered: the answer alone; several: each after what it answers)
        head.append(answer if len(reading.questions) == 1 else f"关于{'、'.join(excerpt(q, 24) for q in asked)}：{answer}")
    if unplaced := [u for u in dict.fromkeys(reading.unexplained) if re.search(r"[0-9０-９]", u)]:
        shown = "；".join(excerpt(u, 30) for u in unplaced)
        tail.append(f"这些数字没能确定是报告的哪一项，没有记录：{shown}。如需写入，请连同项目名称再说一次，"
                    "例如“政务新媒体发布信息58条”。")
    if wordy := [u for u in dict.fromkeys(reading.unexplained) if not re.search(r"[0-9０-９]", u)]:
        # ("去年结转那1件 今年公开了": a result with no applicant to put it under)
        shown = "；".join(excerpt(u, 30) for u in wordy)
        example = "去年结转那件是个人的，今年公开了" if re.search(r"结转|转过来", "".join(wordy)) or any(
            op.field.startswith("t3.carried_over.") for op in reading.ops) else "不掌握1件，个人申请的"
        tail.append(f"这些没能确定记在哪一格，没有记录：{shown}。请连同项目和申请人类型再说一次，例如“{example}”。")
    if reading.pinyin:
        head.append("这条消息像是用拼音打的，我只能读汉字和数字：请换成中文输入法再发一次（数字照原样写即可）。")
    if reading.awaits_number:
        tail.append(f"{excerpt(reading.awaits_number, 20)}是多少？请接着告诉我数字。")
    if reading.excluded:
        shown = "；".join(excerpt(u, 30) for u in dict.fromkeys(reading.excluded))
        tail.append(f"按您说的，这些数字不计入报告：{shown}。")
    if reading.wording:
        shown = "；".join(excerpt(u, 30) for u in dict.fromkeys(reading.wording))
        tail.append(f"引号里是要写进正文的文字（{shown}），其中的数字没有当作表格数字记录。"
                    "正文由报告数据生成，措辞可在「报告预览」里改；如是某一部分的文字，请连同名称说，例如“改进措施改成：……”。")
    if reading.whole_system:
        tail.append(f"这张表是含所属单位的汇总数（{excerpt(reading.whole_system[0], 30)}），年报只填本机关本级的数，"
                    "表里的数没有记录。请告诉我本级的数，或粘贴本级的表。")
    if reading.not_ours:
        shown = "；".join(excerpt(u, 30) for u in dict.fromkeys(reading.not_ours))
        tail.append(f"热线、信箱、工单和电话咨询的数不是政府信息公开申请，报告里没有对应的项目，没有记录：{shown}。"
                    "其中如有按政府信息公开申请办理的，请告诉我件数和办理结果。")
    if reading.carried_result_later:
        tail.append(f"上年结转那件的办理结果（{excerpt(reading.carried_result_later[0], 30)}）先没有计入办理结果："
                    "今年各件的办理结果说完后，请再说一句，例如“去年结转那件也公开了”，我会把它加进去。")
    # ("政策解读做了36篇，其中图解的有十来篇": a rough part of a figure recorded now, which the report does not ask for)
    parts = [u for u in reading.rough if re.match(r"\s*(?:其中|里面|这里面|当中)", u) and reading.ops]
    if parts:
        shown = "；".join(excerpt(u, 30) for u in dict.fromkeys(parts))
        tail.append(f"这些是已记录数字里的一部分，报告不单列，没有记录：{shown}。")
    if doubted := [u for u in reading.rough if u not in parts and u.rstrip().endswith(("？", "?"))]:
        # ("诉讼 1？ 要问司法所": the clerk's own question mark on a figure still to check)
        shown = "；".join(excerpt(u, 30) for u in dict.fromkeys(doubted))
        tail.append(f"您标了问号的数先没有记录：{shown}。核实后直接告诉我即可，例如“{_checked_example(doubted[0])}”。")
    if rough := [u for u in reading.rough if u not in parts and u not in doubted]:
        shown = "；".join(excerpt(u, 30) for u in dict.fromkeys(rough))
        tail.append(f"这些是估计的数，报告要填准确数，先没有记录：{shown}。查到准确数后直接告诉我即可。")
    if reading.scores:
        shown = "、".join(f"“{x}”" for x in reading.scores[:6]) + ("等" if len(reading.scores) > 6 else "")
        tail.append(f"评分表里的分数不是报告要填的数字，没有记录：{shown}。")
    if reading.old_format:
        old_cells: dict[str, list[str]] = {}
        for x in reading.old_format:
            row, cell = x.split(" ", 1)
            if not re.fullmatch(r"\D*[+＋-－]?0", cell):  # (a column of none needs no word)
                old_cells.setdefault(row, []).append(cell)
        shown = "；".join(f"{row} {'、'.join(cells)}" for row, cells in old_cells.items())
        tail.append("表二是2019年旧表格的格式：本年新制作数量记为本年制发件数，处理决定数量记为本年处理决定数量。"
                    + (f"这些栏目2021年新格式没有，没有记录：{shown}。" if shown else "")
                    + "新格式还要规章、行政规范性文件的本年废止件数和现行有效件数（对外公开总数量不是现行有效件数），"
                    "以及行政事业性收费的本年收费金额（万元）。")
    if reading.group_lines and all("其他处理" in line for line in reading.group_lines):
        # the 2019 template's one row "（六）其他处理", which the 2021 format splits in three
        total = next((c for c in reversed(table_cells(reading.group_lines[0], loose=True) or []) if c.strip()), "")
        tail.append(f"表中“（六）其他处理”一行（总计{total}）是2019年旧表格的格式，2021年新格式把它分为三行："
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；2.申请人逾期未按收费通知要求缴纳费用、"
                    "行政机关不再处理其政府信息公开申请；3.其他。这一行没有记录，请告诉我各属哪一行、是哪类申请人"
                    "（例如“其他处理3件：逾期不补正2件（个人），其他1件（企业）”）。")
    elif reading.group_lines:
        groups = "、".join(dict.fromkeys(f"“{line.split(chr(9))[0].strip()}”" if "\t" in line else f"“{excerpt(line, 8)}”"
                                          for line in reading.group_lines))
        tail.append(f"表中{groups}是分组的合计，表三里没有单独的格子，没有记录；请再告诉我各小项的数"
                    "（例如“不予公开19件：国家秘密2件（个人）…”）。")
    if reading.orgs_column:
        word = reading.orgs_column
        tail.append(f"表中“{word}”一列没有记录：表三把单位分为商业企业、科研机构、社会公益组织、法律服务机构、其他五类，"
                    f"“{word}”的申请各是哪一类还要请您说明，例如“{word}的都是企业”，或“{word}那9件，8件是企业，1件是律所”。")
    if reading.noted:
        tail.append(f"已按您说的读表（{'；'.join(excerpt(x, 20) for x in dict.fromkeys(reading.noted))}）：这些格子记为0。")
    if reading.other_year:
        shown = "；".join(excerpt(u, 30) for u in dict.fromkeys(reading.other_year))
        year = f"{facts.report_year}年" if facts.report_year else "本年度"
        tail.append(f"这几句写的是其他年份的情况（不是{year}），其中的数字没有记入本年度报告：{shown}。"
                    "本年度的数请直接告诉我。")
    if reading.zero_nothing_left:
        tail.append(f"{excerpt(reading.zero_nothing_left, 20)}：表中还没有数字的格子已经都有值了（有的是按其他数推算的0），"
                    "没有需要再填0的；说“看看初稿”可以核对。")
    if reading.zero_scope_unclear:
        tail.append(f"{excerpt(reading.zero_scope_unclear, 20)}是指哪张表？请说明，例如“表三其他都是0”"
                    "（只会填还没有数字的格子）。")
    if reading.quoted_mail:
        tail.append("邮件下面引用的原邮件（“原始邮件”以下）没有读取，其中的数字不计入；以回复里的为准。")
    if reading.review_comments:
        shown = "；".join(excerpt(u, 40) for u in reading.review)
        words = [n for n in range(1, reading.review_comments + 1) if not any(u.startswith(f"第{n}条：") for u in reading.review)]
        tail.append(f"这是审核意见（共{reading.review_comments}条）"
                    + (f"，其中的数字是审核方的说法，没有记录：{shown}。" if shown else "。")
                    + (f"第{'、'.join(map(str, words))}条没有数字，是对正文的意见。" if words and shown else "")
                    + "请逐条告诉我怎么处理，例如“第1条按意见改”“第2条不改”，或直接说改成多少；文字方面的意见，"
                    "请告诉我要补充或改写的内容（例如“改进措施改成：……”）。")
    if reading.asked_if_counted:
        tail.append(f"{excerpt(reading.asked_if_counted[0], 30)}：您问这些算不算申请，先没有记录；确定后请告诉我本年新收的件数"
                    "（例如“都不算，今年没有新收”或“算2件，都是个人的”）。")
    if reading.in_doubt:
        tail.append(f"{excerpt(reading.in_doubt[0], 30)}：这件的结果您说还要核实，先没有记录；核实后直接告诉我，"
                    "例如“那件复议维持了”或“还没审结”。")
    if reading.review_kept:
        tail.append(f"按您说的，{'、'.join(reading.review_kept)}意见不改，原来的数不变；您解释原因时说的数字没有记录。")
    if reading.review_unread:
        shown = "；".join(excerpt(u, 40) for u in reading.review_unread)
        tail.append(f"这几条意见里没有能直接采用的数，没有改动：{shown}。请直接说要改的项目和数字。")
    if reading.period_held:
        tail.append(f"这是{reading.period_held}的数，表三先不记入；其余时段的数发来后，各时段相加记入全年"
                    "（上年结转按第一个时段的，结转下年度按最后一个时段的）。")
    if reading.period_sum:
        tail.append(f"表三按{reading.period_sum}的数相加记入全年。")
    if reading.zero_awaits_table:
        tail.append(f"{excerpt(reading.zero_awaits_table, 20)}：表格还没有贴过来，暂不填0；表格贴过来后，"
                    "表上没有的行按0填（只填还没有数字的格子）。")
    if reading.zero_deferred:
        tail.append(f"因为上面有数字没能读懂，{excerpt(reading.zero_deferred, 20)}这一句暂未执行，以免把没读懂的项目记成0；"
                    "请先把没读懂的数字连同项目名称再说一次，再说“其他都是0”。")
    if reading.files:
        name = re.split(r"[\\/]", reading.files[0].rstrip("\\/"))[-1] or reading.files[0]
        tail.append(f"对话里不能打开文件“{name}”，其中的数字没有记录。申请台账请在“数据表”页上传（由申请台账生成表三、"
                    "表四），或在命令行运行 report-assistant ledger 台账文件，再把打印出的表三粘贴过来；上年的年度报告请用"
                    "“导入上年报告”；也可以把表格复制后粘贴到对话里。")
    if reading.short_name:
        tail.append(f"“{reading.short_name}”前面没有地名，不能作为报告标题里的机关全称，没有记录；请告诉我全称，"
                    "例如“某某县市场监督管理局”。")
    if reading.name_completed:
        said, name = reading.name_completed
        tail.append(f"机关名称按报告标题的要求记为全称“{name}”（您说的是“{said}”），如不对请直接告诉我全称。")
    if reading.level_inferred and facts.agency_level is None:
        tail.append(f"机关层级按机关名称推断为“{L.AGENCY_LEVEL_LABELS.get(reading.level_inferred, '')}”，如不对请更正。")
    return head, tail


def _unit_of(field: str) -> str:
    spec = spec_of(field)
    if spec is None:
        return ""
    return spec.unit or ("件" if spec.kind == "cell_int" else "")


def _rough_made_exact(message: str, reading: MessageReading, said_before: Callable[[], list[str]],
                      recorded: Mapping[str, object]) -> list[PatchOp]:
    """"网站上发了两百多条吧，具体我去后台看下" and then "后台导出来了 2025年全年218条": the one number the
    reader could not place is the exact figure of the item the message before said roughly (one item,
    one number of its kind). The clause is then no longer named back. A rough figure of some messages
    before is made exact only by a clause naming it again ("收费主要是不动产登记费，大概三百来万" …
    "财务回我了，不动产登记费是312.46万元") while its item is still open."""
    clauses = set(reading.unexplained)
    for i, before in enumerate(said_before()[:8]):
        rough = read_message(before).rough
        if not rough:
            continue
        # (the rough clause alone may not name its item: "收费主要是不动产登记费，大概三百来万": its sentence does)
        rough = [q if any(a.kind in ("fact", "t2row", "t3row") for a in vocabulary().anchors(q)) else next(
            (s for s in re.split(r"[。！？!?\n]", before) if q in s), q) for q in rough]
        if i and not any(re.fullmatch(r"[\u4e00-\u9fa5]{3}", w) and any(w in c for c in clauses)
                         for q in rough for w in (q[k:k + 3] for k in range(len(q) - 2))):
            continue
        if (found := _made_exact(reading, rough) or _row_made_exact(message, reading, rough)) and not (
                i and any(recorded.get(op.field) is not None for op in found)):
            return found
        if not i:
            return []
    return []


_ROW_WORD = {"new_received": "新收", "carried_over": "上年结转"}


def _row_made_exact(message: str, reading: MessageReading, rough: list[str]) -> list[PatchOp]:
    """"申请今年收了十好几件，等我数一哈" and then "数清楚了，14件：个人11件，公司2件…": a row's count said
    roughly, now given with its applicants — read as that row's (nothing else read in the message)."""
    rows = {a.key for q in rough for a in vocabulary().anchors(q) if a.kind == "t3row" and a.key in _ROW_WORD}
    if len(rows) != 1 or reading.ops or not reading.unexplained or not (numbers := find_numbers(message)):
        return []
    row = next(iter(rows))
    if any(a.kind in ("t3row", "t3group", "t2row", "fact", "t4block") for a in vocabulary().anchors(message[:numbers[0].start])):
        return []
    at = numbers[0].start
    again = read_message(message[:at] + _ROW_WORD[row] + message[at:])
    if again.unexplained or not again.ops or any(not op.field.startswith(f"t3.{row}.") for op in again.ops):
        return []
    reading.unexplained = []
    return [op.model_copy(update={"quote": q if (q := op.quote.replace(_ROW_WORD[row], "", 1)) in message else message})
            for op in again.ops]


def _made_exact(reading: MessageReading, rough: list[str]) -> list[PatchOp]:
    items: set[str] = set()
    for q in rough:
        for a in vocabulary().anchors(q):
            if a.kind == "fact" and getattr(spec_of(a.key), "kind", None) in NUMERIC_KINDS:
                items.add(a.key)
            elif a.kind == "t3row" and a.key in ("new_received", "carried_over"):
                items.add(f"t3.{a.key}.total")
            elif a.kind == "t2row" and a.key in ("licensing", "penalty", "enforcement"):
                items.add(f"t2.{a.key}.decisions")
            elif a.kind == "t2row" and a.key == "fees":
                items.add("t2.fees.amount")  # "收费…大概三百来万，具体数等我问下财务"
    numbers = [(u, n) for u in dict.fromkeys(reading.unexplained) for n in find_numbers(u)
               if not n.is_date and n.unit != "年" and not n.approx]
    if len(items) != 1 or len(numbers) != 1:
        return []
    clause, n = numbers[0]
    item = next(iter(items))
    units = ("万元", "万") if item == "t2.fees.amount" else vocabulary().fact_units.get(item) or ("件", "个")
    if (n.unit and n.unit not in units) or any(a.kind in ("fact", "t2row", "t3row", "t4block") and clause[a.start:a.end] not in (
            "来了", "收到", "收了", "接到", "申请", "受理") for a in vocabulary().anchors(clause)):
        return []  # ("综合执法队今年罚了23起" after "七十多条" of the website: another item's count)
    reading.unexplained = [u for u in reading.unexplained if u != clause]
    return [PatchOp(field=item, value=str(n.value), quote=clause)]


_BARE_NONE = re.compile(r"\s*(?:没有|没|无|都没有|没得|木有|莫得|冇|没有的)[。！!.~～]?\s*")


def _none_leaves_stated(accepted: list[PatchOp], st: State) -> tuple[list[PatchOp], list[str]]:
    """"科研机构 公益组织 其他那些都没有申请" read as a whole row's none, after the row's figures were given: a none
    said of a row, a table or an item with several cells never overwrites a figure recorded before — only its cells
    still open are 0, and the figures kept are said back (a figure is changed by saying it)."""
    out, notes = [], []
    for op in accepted:
        # (a none said of the item itself, "直接起诉 无", "所以没有结转", may correct it: only one said of a group,
        # "…都没有", "其他那些都没有", leaves its figures)
        zero = op.op == "set" and str(op.value) in ("0", "0.0") and op.field not in FACT_SPECS
        cells = (expand_field(op.field) if zero and re.search(r"都|全|那些|这些|其他|其余|剩下|别的", op.quote or "") else [])
        held = [c for c in cells if (v := st.full.get(c)) not in (None, 0) and not isinstance(v, bool) and str(v) not in ("0", "0.0")]
        if len(cells) < 2 or not held:
            out.append(op)
            continue
        rows = {c.rsplit(".", 1)[0] for c in held}
        # (a row keeping a figure has no total of 0)
        out += [op.model_copy(update={"field": c}) for c in cells if c not in held and not (
            c.endswith(".total") and c.rsplit(".", 1)[0] in rows)]
        said = ("、".join(f"{L.T3_COLUMN_LABELS.get(c.rsplit('.', 1)[1], '总计')}{st.full.get(c)}" for c in held)
                if len(rows) == 1 and held[0].startswith("t3.") else "、".join(f"{cell_label(c)}{st.full.get(c)}" for c in held[:4]))
        where = cell_label(held[0]).split("行")[0] + "行" if len(rows) == 1 and held[0].startswith("t3.") else ""
        notes.append(f"{excerpt(op.quote, 24)}：前面已记录的{where}{said}没有改成0，只把还空着的格子记为0；如确实要改，请直接说改成几。")
    return out, notes


def _held_row_completed(accepted: list[PatchOp], st: State, said_before: Callable[[], list[str]],
                        reading: MessageReading) -> list[PatchOp]:
    """"今年新收97件，个人63件，…环保组织5件…" left out (its parts made 96), then "刚才环保组织新收说成5件了，
    是6件": the row of a message before, with the one cell corrected now, adds up — recorded with it (only
    while nothing of that row is recorded, and only a row whose count and parts that message gave)."""
    cells = [op for op in accepted if op.op == "set" and op.field.startswith("t3.") and op.field.count(".") == 2]
    if not reading.replaced or len(cells) != 1 or not str(cells[0].value).isdigit():  # (only after a value said wrong: "说成5件了")
        return []
    row, col = cells[0].field.rsplit(".", 1)
    if col == "total" or any(st.stated.cells.get(f"{row}.{c}") is not None for c in T3_COLUMNS):
        return []
    for before in said_before()[:8]:
        said = {op.field: op for op in read_message(before, report_year=st.stated.report_year).ops
                if op.op == "set" and op.field.startswith(row + ".") and str(op.value).isdigit()}
        if f"{row}.total" not in said or cells[0].field not in said or len(said) < 3:
            continue
        values = {f: int(str(op.value)) for f, op in said.items()} | {cells[0].field: int(str(cells[0].value))}
        if sum(v for f, v in values.items() if not f.endswith(".total")) != values[f"{row}.total"]:
            return []
        return check_patch(Patch(ops=[op for f, op in said.items() if f != cells[0].field]), before).accepted
    return []


def _added_up(parts: list[str], accepted: list[PatchOp]) -> str | None:
    """"他们报过来城管类29件 违建8件 你帮我加一下" recorded as 37: "29＋8＝37" said back, when the parts' counts add
    up to one value recorded (and no other)."""
    said = [(c, [n.value for n in find_numbers(c) if not n.is_date and not n.approx and n.value]) for c in parts]
    said = [(c, v) for c, v in said if v]
    values = [x for _, v in said for x in v]
    if len(values) < 2:
        return None
    total = sum(values)
    sums = [op for op in accepted if op.op == "set" and str(op.value).isdigit() and int(str(op.value)) == total]
    if len(sums) != 1:
        return None
    what = fact_label(sums[0].field) if "." not in sums[0].field else None
    shown = "＋".join(excerpt(c, 24) for c, _ in said)  # (the parts in the clerk's words)
    return f"按您说的相加：{shown}＝{total}{f'（{what}）' if what else ''}，各部分不另外记录。"


def _beside_the_move(op: PatchOp, shifted: list[PatchOp]) -> bool:
    """"撤回那件 那就放其他处理里的“其他”吧。还有…应该算本机关不掌握": the case placed in its own sentence is
    kept beside the move (a cell the move does not touch, words the move was not read from)."""
    moving = {o.quote for o in shifted}
    return bool(op.quote) and op.field not in {o.field for o in shifted} and not any(
        op.quote in q or q in op.quote for q in moving) and not any(
        op.field.rsplit(".", 1)[0] == o.field.rsplit(".", 1)[0] for o in shifted)


_DECIDED_MOVE = re.compile(r"\s*(?:那|那就|那我|好的?|行)[，,\s]*(?:就)?(?:挪到|放到|移到|改到|算到|归到|挪进|放进)")


def _moved_as_asked(message: str, said_before: Callable[[], list[str]], cells: Mapping[str, object]) -> list[PatchOp]:
    """"予以公开个人那19件里有一件 …这算予以公开还是不掌握？" and then "那就挪到本机关不掌握": the one asked
    about moves to the row decided."""
    if not _DECIDED_MOVE.match(message):
        return []
    before = next(iter(said_before()), None)
    if not before or not re.search(r"[？?]\s*$", before.strip()):
        return []
    decided = re.split(r"[。！!？?\n]", message)[0]
    return moved_between_rows(re.sub(r"[。！!？?\n]", "，", before.strip()).rstrip("， ") + "，" + decided, cells)


def _rough_column_made_exact(reading: MessageReading, said_before: Callable[[], list[str]]) -> dict[tuple[str, str], str]:
    """"规范性文件 … 现行有效五十几件 清理以后的数我要确认下" and then "现行有效确认了 58件": a column of table 二
    said alone is the one said roughly before, not the other row's that has a number in it: {(field, value):
    the field it is}."""
    if not any(op.field.startswith("t2.") for op in reading.ops):
        return {}
    before = next(iter(said_before()), None)
    rough = read_message(before).rough if before else []
    targets = set()
    for q in rough:
        at = before.find(q) if before else -1
        rows = [a.key for a in vocabulary().anchors(before[:at]) if a.kind == "t2row"] if before and at >= 0 else []
        cols = {a.key for a in vocabulary().anchors(q) if a.kind == "t2col"}
        if rows and rows[-1] in ("regulations", "normative_docs") and len(cols) == 1:
            targets.add(f"t2.{rows[-1]}.{cols.pop()}")
    if len(targets) != 1:
        return {}
    target = targets.pop()
    return {(op.field, str(op.value)): target for op in reading.ops
            if op.field.startswith("t2.") and op.field != target and op.field.rsplit(".", 1)[1] == target.rsplit(".", 1)[1]
            and not any(a.kind == "t2row" for a in vocabulary().anchors(op.quote))}


def _confirmed_as_other(reading: MessageReading, st: State) -> list[PatchOp]:
    """"政协提案是4件没错" while 14 is recorded: the value said is the right one (the reader took it as a
    confirmation of what is recorded, which it is not)."""
    out = []
    for q in reading.checked:
        if not re.search(r"没错|是对的|没问题", q):
            continue
        named = {a.key for a in vocabulary().anchors(q) if a.kind == "fact"
                 and getattr(spec_of(a.key), "kind", None) in NUMERIC_KINDS}
        numbers = [n for n in find_numbers(q) if not n.is_date]
        if len(named) == 1 and len(numbers) == 1 and (recorded := getattr(st.stated, (f := next(iter(named))), None)) is not None and (
                Decimal(str(recorded)) != numbers[0].value):
            out.append(PatchOp(field=f, value=str(numbers[0].value), quote=q))
    return out


def correction_ops(rest: str, message: str, st: State, previous: str | None = None) -> tuple[list[PatchOp], str | None]:
    """"不对，网站是150条": the one recorded number the words name, set to the one number given.
    ``previous``: the clerk's message before; a rough number it said ("解读那个好像是15篇") is what a bare
    "哦不对 是14" makes exact, rather than the last number recorded."""
    mentions = [m for m in find_numbers(rest) if not m.is_date]
    if len(mentions) != 1:
        return [], "没能确定更正后的数字，请只说一项，例如“不对，网站公开政务信息是150条”。"
    m = mentions[0]
    phrase = rest[:m.start] + rest[max(m.end, m.unit_end):]
    numeric = [f for f, sf in st.stored.items()
               if sf.state == "set" and getattr(spec_of(f), "kind", None) in NUMERIC_KINDS]
    fields = match_fields(phrase, numeric, unit=m.unit)
    if not fields and previous and (rough := read_message(previous).rough):
        # "对了解读那个好像是15篇" and then "哦不对 是14": the item said roughly, now exact
        named = {a.key for q in rough for a in vocabulary().anchors(q) if a.kind == "fact"
                 and getattr(spec_of(a.key), "kind", None) in NUMERIC_KINDS}
        if len(named) == 1:
            fields = tuple(named)
    if not fields:
        # no name given ("不对，是17件", "哦不对 是17"): the number of that kind said last — in the
        # latest message that recorded one, the one said last in it
        said = [f for f in numeric if st.stored[f].source == "chat" and st.stored[f].turn_id is not None
                and (not m.unit or _unit_of(f) == m.unit) and getattr(spec_of(f), "kind", "") != "year"]
        for turn in sorted({st.stored[f].turn_id or 0 for f in said}, reverse=True):
            in_turn = [f for f in said if st.stored[f].turn_id == turn]
            text = st.stored[in_turn[0]].turn_text or ""
            fields = (max(in_turn, key=lambda f: text.rfind(st.stored[f].quote or "")),)
            break
    if len(fields) != 1:
        return [], "没能确定要更正哪一项，请连同项目名称一起说，例如“不对，网站公开政务信息是150条”。"
    result = check_patch(Patch(ops=[PatchOp(field=fields[0], value=rest[m.start:m.end], quote=rest)]), message)
    return list(result.accepted), (result.rejected[0].reason if result.rejected else None)


def _changed(op: PatchOp, facts: Facts) -> tuple[int, int] | None:
    """(old, new) of a count the op changes; None when it had no value or keeps it."""
    old = facts.cell_int(op.field)
    try:
        new = int(str(op.value))
    except ValueError:
        return None
    return None if old is None or old == new else (old, new)


def _one_column_follows(ops: list[PatchOp], facts: Facts) -> list[PatchOp]:
    """"去年结转的是2件不是3件" of a row whose count was all one applicant ("都是自然人"): that
    column follows its corrected total, unless the message gives the columns itself."""
    out: list[PatchOp] = []
    said = {op.field for op in ops}
    for op in ops:
        parts = op.field.split(".")
        if op.op != "set" or parts[0] != "t3" or parts[-1] != "total" or len(parts) < 3:
            continue
        row = ".".join(parts[:-1])
        change = _changed(op, facts)
        if change is None and facts.cell_int(op.field) is None and (was := re.search(r"不是\s*([0-9０-９]+)", op.quote)):
            # "不掌握那个是4件不是5件" of a row pasted without its 总计: the count it was is the one said
            change = (int(parse_number(was.group(1)) or 0), int(str(op.value)))
        if change is None or any(f"{row}.{c}" in said for c in L.T3_APPLICANT_COLUMNS):
            continue
        old, new = change
        cols = {c: facts.cell_int(f"{row}.{c}") for c in L.T3_APPLICANT_COLUMNS}
        nonzero = [c for c, v in cols.items() if v]
        if len(nonzero) == 1 and cols[nonzero[0]] == old:
            out.append(PatchOp(field=f"{row}.{nonzero[0]}", value=str(new), quote=op.quote))
    return out


def _total_follows(ops: list[PatchOp], facts: Facts) -> list[PatchOp]:
    """"自然人5件改成4件" in a table-三 row whose columns added up to its 总计: the 总计 moves with
    it, unless the message gives the total itself."""
    # (a row's 总计 the message repeats unchanged, "有1件…转到今年了", is the count of the case told, not a new total)
    said = {op.field for op in ops if not (op.field.endswith(".total") and str(facts.cell_int(op.field)) == str(op.value)
                                           and not re.search(r"总计|合计|一共|总共|共计", op.quote))}
    moved: dict[str, tuple[int, str]] = {}
    for op in ops:
        parts = op.field.split(".")
        if op.op != "set" or parts[0] != "t3" or parts[-1] not in L.T3_APPLICANT_COLUMNS:
            continue
        row = ".".join(parts[:-1])
        if (change := _changed(op, facts)) is None or f"{row}.total" in said or (f"{row}.total" in {o.field for o in ops} and any(
                o.field.startswith(f"{row}.") and o.field != f"{row}.total" and facts.cell_int(o.field) is None for o in ops)):
            continue  # (a row said again with a column it had no value in: its total is as said)
        old, new = change
        delta, _ = moved.get(row, (0, op.quote))
        moved[row] = (delta + new - old, op.quote)
    out: list[PatchOp] = []
    for row, (delta, quote) in moved.items():
        total = facts.cell_int(f"{row}.total")
        cols = [facts.cell_int(f"{row}.{c}") for c in L.T3_APPLICANT_COLUMNS]
        # (columns still open hold none when the known ones add up to the total: every cell is non-negative)
        if delta and total is not None and sum(v or 0 for v in cols) == total:
            out.append(PatchOp(field=f"{row}.total", value=str(total + delta), quote=quote))
    return out


# "…38改36，…总计跟着改": the clerk asks the （七）总计 row to follow the results changed
_GRAND_TOTAL_FOLLOWS = re.compile(r"(?:总计|合计)[^，,。；;]{0,6}?(?:也|都)?(?:跟着|相应|随之|一起|同步)(?:改|调整|变|修改|更正|加上?|减)"
                                  # "总计那些你按改过的算", "合计照改后的重新算"
                                  r"|(?:总计|合计)[^，,。；;]{0,6}?(?:按|照|根据)(?:改过|改了|改后|修改后|更正后|新)的?(?:数)?(?:重新)?(?:算|来|加|改)"
                                  r"|(?:总计|合计)[^，,。；;]{0,4}?重新(?:算|加|合计)")
_RESULT_ROWS = frozenset(r.address for r in T3_ROWS) - {"t3.new_received", "t3.carried_over", "t3.total", "t3.carried_forward"}


def _grand_total_follows(ops: list[PatchOp], message: str, facts: Facts) -> list[PatchOp]:
    """The （七）总计 cells moved by the changes of the result rows, when the message says so and the
    row held the sum of the results before — or when the message moves the column's 结转下年度 the other
    way ("…那行企业是3件不是2件，那企业就结到明年3件，不是4件": the column still balances)."""
    asked = _GRAND_TOTAL_FOLLOWS.search(message)
    if any(op.field.startswith("t3.total.") for op in ops):
        return []
    out: list[PatchOp] = []
    for col in (*L.T3_APPLICANT_COLUMNS, "total"):
        delta = forward = 0
        quote = asked.group(0) if asked else ""
        for op in ops:
            row, _, c = op.field.rpartition(".")
            if op.op == "set" and c == col and (row in _RESULT_ROWS or row == "t3.carried_forward") and (
                    change := _changed(op, facts)) is not None:
                if row == "t3.carried_forward":
                    forward += change[1] - change[0]
                else:
                    delta += change[1] - change[0]
                    quote = quote or op.quote
        now = facts.cell_int(f"t3.total.{col}")
        before = [facts.cell_int(f"{r}.{col}") for r in _RESULT_ROWS]
        came = [v for r in ("new_received", "carried_over", "carried_forward") if (v := facts.cell_int(f"t3.{r}.{col}")) is not None]
        # (or the column balances again with it: "孙某那件就是上年结转的1件…算今年的予以公开" after 上年结转 1)
        balances = now is not None and len(came) == 3 and came[0] + came[1] - (came[2] + forward) == now + delta
        if delta and (asked or forward == -delta or balances) and now is not None and sum(v or 0 for v in before) == now:  # (rows not said hold none)
            out.append(PatchOp(field=f"t3.total.{col}", value=str(now + delta), quote=quote))
    return out


_LEDGER = re.compile(r"(?:序号|编号)[\t |｜]+.*(?:日期|时间)|申请人[\t |｜]+|办理情况|收到日期|登记日期|答复日期"
                     # ("申请人类型⏎个人⏎当前状态⏎已办结": a web page's records, a field a line)
                     r"|(?m:^[ \t]*(?:申请人类型|办理状态|当前状态|答复类型|办理结果|办结时间|答复时间)[ \t]*\n)"
                     r"|(?:姓名|申请人)[^\n]*[\t|｜][^\n]*(?:结果|处理情况|答复情况)"  # ("姓名\t申请人类型\t申请事项\t处理结果")
                     # ("2025-03-05 吴某 申请某小学学区划分文件 收件", "2024-12-20 周某 申请… → 2025-01-10 予以公开")
                     r"|(?m:^\s*20[0-9]{2}\s*[-./年]\s*[0-9]{1,2}\s*[-./月]\s*[0-9]{1,2}日?\s+(?:\S+\s+.+(?:收件|答复|→|->)|(?:收|答复)\s))")
# "以台账为准", "这就是全部": the register pasted is all of this year's, whatever was said before
_WHOLE_REGISTER = re.compile(r"以(?:台账|这个|这份|登记本|登记表)为准|(?:这|台账)(?:就)?是全部|全部(?:台账|登记)|完整的?台账|都在(?:这|里面)")
# "台账贴过来了，你能看懂吧？", "这样行吗": a check on the paste, which the register read answers
_PASTE_CHECKED = re.compile(r"行吗|行不行|可以吗|可不可以|看懂|看得懂|能看|能用吗|对吗|没问题吧")


_NOT_IN_WORDS = re.compile(r"“(?P<label>.+?)”的数字(?P<value>\S+?)在您的原话“(?P<quote>.*)”中找不到，未采用。", re.DOTALL)


def _grouped(reasons: list[str]) -> list[str]:
    """Values not found in the words said, one line for each value and quote: a misreading that put 0
    in a hundred cells is named back once, with the words it came from cut short."""
    groups: dict[tuple[str, str], list[str]] = {}
    for r in reasons:
        if (m := _NOT_IN_WORDS.fullmatch(r)):
            groups.setdefault((m.group("value"), m.group("quote")), []).append(m.group("label"))
    out, shown = [], set()
    for r in reasons:
        if not (m := _NOT_IN_WORDS.fullmatch(r)):
            out.append(r)
            continue
        key = (m.group("value"), m.group("quote"))
        if key in shown:
            continue
        shown.add(key)
        labels = groups[key]
        what = f"“{labels[0]}”" if len(labels) == 1 else f"“{labels[0]}”等{len(labels)}格"
        out.append(f"{what}的数字{key[0]}在您的原话{excerpt(key[1], 40)}中找不到，未采用。")
    return out


def _refusal(reasons: list[str], before, others: list[str]) -> Outcome:
    lines = ["这条消息没有记录任何内容（您的原话已保存）：", *[f"- {b}" for b in reasons], "请改正后再发一次。"]
    return Outcome(lines, before, rejections=reasons + others, refused=True)


# "把“公众号”改成“政务新媒体”", "平台建设那段 把公众号都换成政务新媒体": words of a text, not figures
_SWAP = re.compile(r"把\s*[“\"「]?(?P<old>[^“”\"「」，,。；;\s0-9０-９]{2,20}?)[”\"」]?\s*(?:都|全|全部|统一)?\s*(?:改成|改为|换成|替换成|替换为|改写成|写成)"
                   r"\s*[“\"「]?(?P<new>[^“”\"「」，,。；;\s0-9０-９]{2,20}?)[”\"」]?\s*(?:吧|啊)?\s*(?:[。！!，,；;]|$)")


def _words_swapped(message: str, facts: Facts) -> list[PatchOp]:
    """The clerk's texts that hold the words to replace (the one named before "把…", or every one that has them):
    each with the words replaced. Nothing when no text has them (then the message is read as said)."""
    m = _SWAP.search(message)
    if m is None or len(message) > 80:
        return []
    named = [t.field for t in labelled_texts(message[:m.start()] + "：x", lambda _: False)] if m.start() else []
    fields = [f for f in (named or TEXT_FIELDS) if isinstance(text := getattr(facts, f, None), str) and m.group("old") in text]
    return [PatchOp(field=f, value=str(getattr(facts, f)).replace(m.group("old"), m.group("new")), quote=m.group(0).strip("，,。；; "))
            for f in fields]


def answer(st: State, message: str, model: Model, correction: str | None,
           said_before: Callable[[], list[str]] = list) -> Outcome:
    """The outcome of a message read as an answer (``correction``: the words after 不对/更正).
    ``said_before``: the clerk's last messages, the last first (asked only of a message of several lines,
    which may be the table one of them announced)."""
    before = plan(st.full)
    topic = None if correction is not None else before.topic
    if correction is None and len(before.questions) >= 2 and _BARE_NONE.fullmatch(message) and getattr(
            spec_of(before.questions[0].key), "kind", None) in NUMERIC_KINDS and any(q.key.startswith("t3") for q in before.questions[1:]):
        # "没有" after "1. 门户网站…多少条？ 2. …科研机构、其他今年有没有申请？": which one it answers is not said,
        # and a count of 0 is a figure — asked, not guessed
        return Outcome(["上面问了几项，“没有”是回答哪一项？请连同项目一起说，例如“科研机构、其他都没有申请”或“网站没有发布”。"], before)
    recent = recent_tables(st)
    # a register of applications pasted in: counted by the ledger's rules, its lines read by nobody else
    ledger = pasted_ledger(message, st.stated.report_year) if correction is None and _LEDGER.search(message) else None
    if ledger is not None and not _WHOLE_REGISTER.search(message):
        ledger = _with_register_before(st, ledger)
    said_count = st.stated.cells.get("t3.new_received.total")
    in_ledger = next((op.value for op in ledger.ops if op.field == "t3.new_received.total"), None) if ledger else None
    if ledger is not None and isinstance(said_count, int) and isinstance(in_ledger, int) and in_ledger < said_count and not _WHOLE_REGISTER.search(message):
        # "台账里这几件你看下" with three lines, after 9 said: a part of the register, which must not replace
        # the counts said for all of them
        return Outcome([f"粘贴的台账里有{in_ledger}件申请，前面记录的本年新收是{said_count}件，这几行没有记录，以免把前面说的数改小。",
                        "如果这就是全部台账，请在粘贴时说“以台账为准”；如果只是其中几件，请直接说这几件的办理结果，"
                        "例如“养老公司那件涉及第三方，不予公开”。"], before, refused=True)
    if ledger is not None:
        taken = set(ledger.lines)
        message = "\n".join(line for line in message.splitlines() if line not in taken)
        # (the register was all, or what is left is its lead-in, "登记本抄给你": nothing of it answers the
        # question pending)
        topic = None
    said = correction if correction is not None else message
    # "平台建设那段 把“公众号”改成“政务新媒体”": a word of the clerk's own text replaced (a reviewer's point)
    swapped = _words_swapped(message, st.stated) if ledger is None else []
    sheet_rows = _sheet_rows(st) if _ROW_SAID_IN.search(said) else {}
    # another office's part of table 三, to be added: read on its own (its cells are no second value of
    # the ones recorded, which it adds to)
    unit_part = correction is None and _another_units_part(message, st)
    earlier = {k: v for k, v in st.stated.cells.items() if not k.startswith("t3.")} if unit_part else st.stated.cells
    known = {k for k in known_fields(st.stated) if not k.startswith("t3.")} if unit_part else known_fields(st.stated)
    reading = MessageReading() if swapped else read_message(
        said, topic=topic, known=known, earlier=earlier, report_year=st.stated.report_year, recent=recent,
        row_numbers=sheet_rows, said_before=said_before() if wants_said_before(said) else ())
    column_exact = _rough_column_made_exact(reading, said_before)
    exact = _rough_made_exact(said, reading, said_before, st.full.cells) if reading.unexplained else []
    if ledger is not None:  # ("台账我直接贴过来，你能看懂吧？": what the register gave is the answer)
        reading.questions = [q for q in reading.questions if guide_answer(q) is not None and not _PASTE_CHECKED.search(q)]
        # "今年就这4件" of the register's four lines: its count, said again
        reading.unexplained = [u for u in reading.unexplained if not (
            len(found := [n for n in find_numbers(u) if n.unit in ("件", "个", "条")]) == 1 and found[0].value == in_ledger)]
    head, tail = _reading_notes(reading, st.stated)
    if not swapped and not reading.ops and (m := _SWAP.search(message)) and len(message) <= 80:
        tail.append(f"您提供的各段文字里没有“{m.group('old')}”，没有改动。起草好的正文里的措辞，由编辑在“正文编辑”中修改"
                    "（把“甲”改成“乙”）；也可以把那一段重新说一遍，例如“平台建设情况写：……”。")
    if reading.questions and not reading.ops and not (reading.computed and reading.placed_by_before) and ledger is None and not (
            # ("0047那件…这个咋填？问了区司法局说放其他处理的“其他”，那就这么放": asked, and then settled)
            ledger_correction(message, _pasted_register(st), st.stated.report_year, st.full.cells)):
        # a question is answered, not stored; the pending question is asked again (and what else the message
        # said that was not recorded is named back: "…发了六十来条…。公开栏换了12期。…那个不算吧？")
        return Outcome(head + tail, before)
    if reading.hold_on:  # "等下", "我去翻一下台账": no answer yet, and no wrong one either
        if re.search(r"先(?:这样|到这)|明天|明早|改天|回头|下午|晚点", message):  # ("先这样 明天再说": the day's work ends)
            return Outcome(["好的，先到这里。说过的都已保存，下次打开这份草稿接着说就行。"], before)
        return Outcome(["好的，不着急，查到了直接发给我就行。"], before)
    if reading.same_as_last_year and (reading.same_topic or topic in TEXT_FIELDS) and not reading.ops:
        return Outcome(_last_year_lines(st, reading.same_topic or topic or ""), before)
    try:
        # a correction is about something already said, not the question just asked
        # ("第8行…" of the clerk's own sheet: only this reading knows its row numbers)
        ext = (Extraction(apply_patch(st.stated, swapped), PatchResult(accepted=swapped), Patch(ops=swapped),
                          LLMResponse(text="", model="reader")) if swapped
               else _reader_extraction(message, st.stated, reading) if sheet_rows and reading.ops
               else _read(message, st.stated, model, topic, reading, recent))
    except LLMError as exc:
        return Outcome([f"您的话已保存，但这次没能读出其中的内容：{exc}", "请稍后再发一次，或换个说法。"], before,
                       rejections=[str(exc)], refused=True)
    accepted = [op.model_copy(update={"field": column_exact[(op.field, str(op.value))]})
                if (op.field, str(op.value)) in column_exact else op for op in ext.result.accepted]
    rejected = list(ext.result.rejected)
    if (other := [op for op in [*_confirmed_as_other(reading, st), *exact] if op.field not in {a.field for a in accepted}]):
        accepted += check_patch(Patch(ops=other), said).accepted
    if correction is None and (held := _held_row_completed(accepted, st, said_before, reading)):
        accepted += [op for op in held if op.field not in {a.field for a in accepted}]
        tail.append("您更正后，前面没能记录的这一行各数相加对上了，已一并记录：" + "；".join(dict.fromkeys(excerpt(op.quote, 24) for op in held)) + "。")
    notes: list[str] = []
    head_value = re.match(r"\s*(?:还是|就是|应该是|是)?\s*[0-9０-９一二两三四五六七八九十百千]+\s*[件条个篇场次项期]?(?=[\s，,。；;]|$)",
                          correction or "")
    bare_first = bool(head_value) and any(op.op == "set" for op in accepted)
    if bare_first and head_value and _ADDED.search(correction or "") and _new_total_said(head_value.group(0), accepted, st):
        # "哦不对 是4件 还有一件是…合作社申请的…给公开了": 4 is the count with the one added, which the
        # added application gives; no item said before is changed to 4
        bare_first = False
        tail = [t for t in tail if not t.startswith("这些数字没能确定")]
    if correction is not None and (bare_first or not any(op.op == "set" for op in accepted)):
        # "不对不对 还是4件 刚才是把…算进去了 公开4件…": a bare number first is the correction itself
        ops, problem = correction_ops(head_value.group(0) if bare_first and head_value else correction, message, st,
                                      previous=next(iter(said_before()), None))
        taken = {op.field for op in accepted}
        accepted += [op for op in ops if op.field not in taken]
        if problem:
            notes.append(problem)
        if ops:  # the number the reader could not place is the correction's
            tail = [t for t in tail if not t.startswith("这些数字没能确定")]

    whole: list[PatchOp] = []  # a move between cells, made from the cells as they are: every sum kept
    if (shifted := moved_between_rows(message, st.full.cells) or moved_between_columns(message, st.full.cells)
            or moved_in_table_four(message, st.full.cells)
            or _moved_as_asked(message, said_before, st.full.cells)):
        whole += shifted
        # "执法案卷那行个人的2件，有一件其实是举报，应该放到信访举报投诉那行": what the reader made of
        # the rows' words in this message is the move, and nothing else in table 三
        accepted = [op for op in accepted if not op.field.startswith("t3.")] + shifted
        # (nor what it refused of them, nor the whole message taken for the question asked: "那就放到本机关不掌握")
        rejected = [x for x in rejected if not x.op.field.startswith("t3.")]  # (nor what it refused of them)
        tail = [t for t in tail if not t.startswith("这些数字没能确定")]
        notes = [n for n in notes if not n.startswith("没能确定更正后的数字")]  # ("律所那件不是公开，是部分公开")
    if not shifted and (one_moved := moved_one_to_another_applicant(message, st.full.cells)):
        # "撤回那件是个人的，不是企业的": that row's one case under the other applicant (what else the
        # message says of table 三 stands)
        fields = {op.field for op in one_moved}
        accepted = [op for op in accepted if op.field not in fields] + one_moved
        whole += one_moved
        notes = [n for n in notes if not n.startswith("没能确定更正后的数字")]
    if (out_of_list := item_taken_out(message, _told_before(st), st.full.cells)):
        # "把第二条删了": one application of the list told before no longer counted
        accepted = [op for op in accepted if not op.field.startswith("t3.")] + out_of_list
        whole += out_of_list
        tail = [t for t in tail if not t.startswith("这些数字没能确定")]
    if (moved := ledger_correction(message, _pasted_register(st), st.stated.report_year, st.full.cells)):
        # "第7个…应该算部分公开": one application of the register pasted before, moved
        fields = {op.field for op in moved}
        # ("第2件…按重复申请没处理的。另外去年有一件结转过来的…公开": one more told beside the move, added to it)
        more = {op.field: int(str(op.value)) for op in accepted if op.field in fields and op.field in reading.added
                and str(op.value).isdigit()}
        moved = [op.model_copy(update={"value": int(str(op.value)) + more[op.field]}) if op.field in more else op
                 for op in moved]
        for cell, extra in more.items():  # (the one more is in （七）总计 too, when that is recorded)
            row, col = cell.rsplit(".", 1)
            if row not in ("t3.new_received", "t3.carried_over", "t3.total", "t3.carried_forward") and (
                    (now := st.full.cell_int(f"t3.total.{col}")) is not None) and f"t3.total.{col}" not in fields:
                moved.append(PatchOp(field=f"t3.total.{col}", value=now + extra, quote=moved[0].quote))
                fields.add(f"t3.total.{col}")
        accepted = [op for op in accepted if op.field not in fields] + moved
        whole += moved
        tail = [t for t in tail if not t.startswith("这些数字没能确定")]
    if (restored := _dropped_row_corrected(accepted, st)):
        # "予以公开那行科研机构是6，不是5，合计70没错": the row the paste before lost, with its cell corrected
        fields = {op.field for op in restored}
        accepted = [op for op in accepted if op.field not in fields] + restored
        whole += restored
    taken = {op.field for op in accepted}
    # ("其余都是个人" after a total said before: the reader's own sum, not a number of this message)
    # (a money figure of a comment taken keeps its decimals: "二对的，…应该是128.6万元")
    accepted += [op.model_copy(update={"value": int(str(op.value)) if str(op.value).isdigit() else Decimal(str(op.value))})
                 for op in reading.computed if op.field not in taken
                 and not (shifted and op.field.startswith("t3.") and not _beside_the_move(op, shifted))]
                 # (a move is all this message says of table 三, but for a case placed in a sentence of its own)
    previous, last_years_note = _pasted_last_year(st, reading)
    accepted += _rest_as_last_year(message, accepted, st, previous)
    accepted = _carried_as_last_year(message, accepted, st, previous)
    # (a move replaces what the reader made of table 三: its cells are not counted on)
    if correction is None and before.questions and "还差" in before.questions[0].text:
        reading.added += _rest_told(message, accepted, st.full)
    counted = [f for f in reading.added if f not in {op.field for op in whole}]
    accepted = _counted_on(accepted, counted, st.full)
    follows = _stated_total_follows(accepted, counted, st)
    accepted += follows
    counted += [op.field for op in follows]  # (a total that follows the results added is no count said "又…")
    differences = dict(reading.by_difference)
    if unit_part:
        # "交警支队报过来的是这样：新收574件…" after "分两块统计…你帮我合一下": this unit's figures are
        # added to the ones recorded (a none of it adds nothing); （七）总计 moves with the results
        accepted = [op for op in accepted if not (op.field.startswith("t3.") and str(op.value) in ("0", "0.0"))]
        for op in accepted:
            if op.field.startswith("t3.") and not op.field.startswith("t3.total.") and st.full.cell_int(op.field) is not None:
                differences[op.field] = 1
        accepted += _results_total_moves(accepted, differences, st.full)
    accepted, notes_parts = _part_corrected(accepted, message, st)
    notes += notes_parts
    accepted, unplaced = _by_difference(accepted, differences, st.full)
    if unplaced:  # "处罚再加2件" with no 处罚 recorded: nothing to add to
        tail.insert(0, _reading_notes(MessageReading(unexplained=unplaced), st.stated)[1][0])
    accepted = _added_to_what_was_said(accepted, message, st.full, counted)
    accepted = _more_since(accepted, message, st.full, counted)
    accepted += _one_column_follows(accepted, st.stated) + _total_follows(accepted, st.stated)
    accepted += _grand_total_follows(accepted, message, st.stated)
    if any(op.field not in TEXT_FIELDS for op in accepted):
        # ("更正：撤回那件是个人的，不是企业的": what it corrects is recorded; no call for one item alone)
        notes = [n for n in notes if not n.startswith("没能确定更正后的数字")]
    if (left := _still_unplaced(reading.unexplained, accepted)) != reading.unexplained:
        # "不对不对 个人是八件 漏了一件…": the 8 is what the one added made of 自然人: not named back
        tail = [t for t in tail if not t.startswith("这些数字没能确定")]
        if left:
            tail.insert(0, _reading_notes(MessageReading(unexplained=left), st.stated)[1][0])
    if any(op.field.startswith("t3.") for op in accepted):
        # ("那就算另行制作" after a case asked about: a table-三 value, not the pending question's answer)
        rejected = [x for x in rejected if not (x.op.field == topic and str(x.op.value).strip() == message.strip())]
    bad = [r for r in (bad_value_reason(x) for x in rejected) if r]
    others = _grouped([x.reason for x in rejected if not bad_value_reason(x)])
    # nothing read, or only the whole message taken as the text asked about
    bare = all(op.field in TEXT_FIELDS and op.quote.strip() == message for op in accepted)
    if bare and (vague := vague_number(message)):
        bad.append(vague)
    # (a pasted table's lines are its reader's: "…	2	1	-1" of a change column is no value said)
    negatives = negative_numbers(message, skip=[op.quote for op in accepted if op.field in TEXT_FIELDS] + reading.table_lines)
    if negatives:
        bad.append(f"数字不能是负数：{'、'.join(dict.fromkeys(negatives))}。")
    # (a line the statement reader took — "人大建议	6	按时办结" under "项目	件数	办结情况" — is read)
    old_lines = {x.strip() for x in reading.table_lines} if reading.old_format else set()  # (the 2019 template's)
    unread = [line for line in unread_table_lines(message) if not _read_as_said(line, accepted)
              and line.strip() not in reading.summed_lines and line.strip() not in old_lines]
    if ledger is not None:
        # (what the words around it say of cells the register leaves open, "去年没有结转", stands)
        counted_cells = {op.field for op in ledger.ops}
        accepted = [op for op in accepted if not op.field.startswith("t3.") or (
            op.field.split(".")[:2] == ["t3", "carried_over"] and not any(f.startswith("t3.carried_over.") for f in counted_cells))] + ledger.ops
        notes += ledger.notes
    if unread and _LEDGER.search(message):
        # a register the ledger's rules cannot count (no date, applicant or result column)
        bad.append("这像是申请登记台账（每行一件申请），但没能逐条统计：台账要带表头行，并有收到日期、申请人（或申请人类型）"
                   "和办理结果三列。也可以在“数据表”页上传台账文件，或一件一件说，例如“1、一个村民要征地补偿协议 给他公开了”。")
        unread = []
    bad += [f"表格中这一行没能读出来：{excerpt(line, 40)}" for line in unread[:3]]
    if unread:
        bad.append(f"共{len(unread)}行没能读出来。请检查：每一格是否都是非负整数；每行的数字个数是否和表头一致"
                   "（只粘贴用到的几列时，请带上表头行和“总计”列）。")
    if bad:
        return _refusal(bad, before, others)
    if correction is None:
        accepted, kept = _none_leaves_stated(accepted, st)
        notes += kept
    try:
        candidate = apply_patch(st.stated, accepted)
    except ValidationError as exc:  # a value the facts model refuses after all
        return _refusal([f"有取值不符合要求：{exc.errors()[0].get('msg', '')}"], before, others)
    derived_before = derivations(st.stated, st.previous)
    derived = derivations(candidate, st.previous)
    old = contradictions(merged_cells(st.stated, derived_before), derived_before)
    broken = {k: m for k, m in contradictions(merged_cells(candidate, derived), derived).items() if k not in old}
    # A row or block of the message whose total is not its parts holds a wrong number or a misreading:
    # its values are left out and named back, the rest of the message is recorded. A column of a
    # pasted table that does not add up across its rows (A2) is the clerk's own data, read cell by
    # cell: recorded and pointed out, as is what only clashes with an earlier answer or a column
    # that does not balance (A1); the next message ("不掌握那行个人的是15") often corrects it.
    own = apply_patch(Facts(), [op for op in accepted if op.op == "set" and op.field.startswith(("t2.", "t3.", "t4."))
                                and op not in whole])
    own_derived = derivations(own)
    own_broken = {k for k in contradictions(merged_cells(own, own_derived), own_derived) if not k.startswith("A1:")}
    pasted = {line.strip() for line in reading.table_lines}

    def from_table(op: PatchOp) -> bool:
        return {x.strip() for x in op.quote.split("\n")} <= pasted

    dropped: dict[str, list[PatchOp]] = {}
    fields_said = {op.field for op in accepted}
    # "…自然人的：予以公开160 部分公开56 …。办结合计398件 结转下年14件": a column's （七）总计 that nobody
    # said, derived from the sums said (办结合计, 结转下年), against the column's results said one by one:
    # the sums are what is left out (and named back), the results are recorded — if that settles it
    sums_said = [op for op in accepted if op.op == "set" and op.field.startswith(("t3.total.", "t3.carried_forward."))
                 and not from_table(op)]  # (a pasted table's cells are its own: never the ones left out for it)
    parts_broken = [k for k in set(broken) & own_broken if k.startswith("A2:") and k[3:] != "total"
                    and f"t3.total.{k[3:]}" not in fields_said]
    sums_key = None
    if sums_said and parts_broken:
        without = [op for op in accepted if op not in sums_said]
        trial = apply_patch(st.stated, without)
        trial_derived = derivations(trial, st.previous)
        still = contradictions(merged_cells(trial, trial_derived), trial_derived)
        if not any(k in still for k in parts_broken):
            sums_key = sorted(parts_broken)[0]  # (the column whose results the sums contradicted names it)
            dropped[sums_key] = sums_said
    for k in sorted(set(broken) & own_broken):
        if sums_key and (k == "A2:total" or k in parts_broken):
            continue  # (settled by leaving the sums out)
        ops = [op for op in accepted if op.field in EQUATION_CELLS[k] and (not k.startswith("A2:") or not from_table(op))]
        if ops:
            dropped[k] = ops
    if dropped:
        gone = [op for ops in dropped.values() for op in ops]
        reasons = [f"{broken[k].rstrip('。')}，这些没有记录：" + "；".join(dict.fromkeys(
            excerpt(op.quote, 24) for op in ops)) + "。请核对后再说一次。" for k, ops in dropped.items()]
        accepted = [op for op in accepted if op not in gone]
        if not any(op.op == "set" for op in accepted):
            correcting = any(op.field in st.stored and st.stored[op.field].state == "set" for op in gone)
            # (nothing said here was recorded before: the message disagrees with itself, no cell was being corrected)
            hint = ("更正表格中的一格时，请把相关的合计一起更正，或重新粘贴整张表。" if correcting else
                    "这条消息里的各项之和和它说的合计对不上，请核对后再发一次；几个科室的数要相加时，可以说“…加上…”。")
            return _refusal([broken[k] for k in dropped] + [hint], before, others)
        others += reasons
        candidate = apply_patch(st.stated, accepted)
        derived = derivations(candidate, st.previous)
        broken = {k: m for k, m in contradictions(merged_cells(candidate, derived), derived).items() if k not in old}
    if broken:
        notes += [f"和前面记录的数对不上：{m}" for m in broken.values()]
        notes.append("请核对；哪个数说错了，直接更正即可，例如“去年结转的是2件不是3件”。")

    skip = set(derived) - set(candidate.cells)  # a skipped cell that follows from others is derived
    chat = changes_between(st.stated, candidate, skip=skip)
    derived_changes = derivation_changes(st.stored, candidate, derived)
    full = full_facts(candidate, derived)
    changed = {c.field for c in chat} | {c.field for c in derived_changes}
    notes += cross_year_notes(full, st.previous, changed)
    notes += [f"{f.message}（D3 内容雷同：请结合本年实际重新表述）"
              for f in copy_findings(full, texts_by_part(candidate, changed), st.previous)]

    lines: list[str] = list(head)
    if others:
        lines += ["未采用：", *[f"- {r}" for r in others]]
    if notes:
        lines += ["提示：", *[f"- {n}" for n in notes]]
    if chat or derived_changes:
        lines.append("已记录：")
        lines += [f"- {line}" for line in change_lines(chat, st.old_values)]
        lines += derived_lines(derived_changes, st.old_values)
        quoted = {op.quote for op in accepted}
        if (parts := [c for c in dict.fromkeys(reading.checked) if re.search(r"[0-9０-９]", c) and c not in quoted][:4]):
            # "公众号发了742条 抖音58条 一共800条": the parts of what was recorded, said back, not silently kept
            if (added := _added_up(parts, accepted)):
                # "城管类29件 违建8件 你帮我加一下": the sum said as such
                lines.append(added)
            else:
                lines.append(f"这些数核对过，是已记录的数的组成部分或重复，没有另外记录：{'；'.join(excerpt(c, 24) for c in parts)}。")
    elif not accepted and reading.checked and not tail:
        # "今年共收到申请1,062件" after 新收 1,046 and 上年结转 16: said back as what it agrees with
        shown = "；".join(excerpt(c, 30) for c in dict.fromkeys(reading.checked))
        lines.append(f"这些数和已记录的一致（或是已记录的数相加），没有变化：{shown}。")
    else:
        # (a reviewer's comments pasted: what is said of them is all there is to say)
        lines.append("这些内容和已记录的一致，没有变化。" if accepted and not reading.review_comments and not reading.review_kept
                     else (_NOTHING if not tail else ""))
    if not (chat or derived_changes) and reading.noted:
        # ("废止那格空着就是0" with no table in this message: nothing was set to 0)
        said_how = "；".join(excerpt(x, 20) for x in dict.fromkeys(reading.noted))
        tail = [f"您说的读表方式（{said_how}）要和表格一起发：这条消息里没有表格，没有记录任何格子。请把表格连同这句话再粘贴一次。"
                if t.startswith("已按您说的读表") else t for t in tail]
    lines += tail
    if last_years_note:
        lines.append(last_years_note)
    return Outcome([x for x in lines if x], plan(full), changes=chat, extra=[ChangeSet("derivation", tuple(derived_changes), "推算")],
                   rejections=others, previous_report=(previous, _LAST_YEARS_PASTED) if last_years_note and previous else None)


_LAST_YEARS_PASTED = "对话中粘贴的上年表三"


def _checked_example(doubted: str) -> str:
    """"诉讼 1？" → "诉讼核实了，是1件"."""
    m = re.match(r"\s*([\u4e00-\u9fa5]{1,10}?)[ \t\u3000]*([0-9０-９][0-9０-９,，.]*)", doubted)
    return f"{m.group(1)}核实了，是{m.group(2)}" if m else "核实了，是……"
_T3_ROW_ADDRESSES = frozenset(r.address for r in T3_ROWS)
# "其余的行跟去年一模一样", "别的都和去年一样": the rows not said take last year's values
_REST_AS_LAST_YEAR = re.compile(r"(?:其余|其他|别的|剩下|剩余|余下)的?(?:行|项|数|格子?)?(?:都|全|也)?(?:跟|和|与|同)(?:去年|上年|上一年)(?:的)?"
                                r"(?:一样|一模一样|相同|不变|一致)")


def _pasted_last_year(st: State, reading: MessageReading) -> tuple[Report | None, str]:
    """Last year's table 三 pasted in this message, kept as the draft's report of last year (with what
    was imported before), and the line that says so."""
    if not reading.last_years:
        return st.previous, ""
    report = st.previous.model_copy(deep=True) if st.previous is not None else Report()
    for op in reading.last_years:
        if op.field.startswith(("t2.", "t3.", "t4.")):
            try:
                set_cell(report, op.field, int(str(op.value)) if not op.field.endswith("fees.amount") else Decimal(str(op.value)))
            except (ValueError, ArithmeticError):
                continue
    if st.stated.report_year and report.meta.report_year is None:
        report.meta.report_year = st.stated.report_year - 1
    return report, ("已把这张表作为上年的数据保存（不计入今年）；今年和去年一样的行，可以说“其余的行跟去年一样”，"
                    "我按去年的数填上。")


# "上年结转就按去年表最后一行", "上年结转跟去年的结转下年度一样": last year's 结转下年度, column by column
_CARRIED_AS_LAST_YEAR = re.compile(
    r"(?:上年|去年)结转(?:的|数|那行|这行|那一行)?(?:就|也|直接|都)?(?:按|照|跟|和|同|用|取|等于|就是|是)(?:着|照)?(?:去年|上年|上一年)(?:的)?"
    r"(?:表[三3]?|年报|报告)?(?:的|里的?|上的?)?(?:最后一行|最后那行|结转下年度?(?:继续办理)?|结转下年|第四行|四、?结转下年度?)")


def _carried_as_last_year(message: str, accepted: list[PatchOp], st: State, previous: Report | None) -> list[PatchOp]:
    """上年结转 taken from last year's 结转下年度 when the clerk says so: it replaces a blanket zero of the
    same message ("没说的行都是0"), never a figure said."""
    said = _CARRIED_AS_LAST_YEAR.search(message)
    if said is None or previous is None:
        return accepted
    values = {c: get_cell(previous, f"t3.carried_forward.{c}") for c in T3_COLUMNS}
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values.values()):
        return accepted
    row = "t3.carried_over"
    said_here = {op.field for op in accepted if op.field.startswith(row) and str(op.value) not in ("0", "None")}
    if said_here:
        return accepted
    kept = [op for op in accepted if not op.field.startswith(row)]
    return kept + [PatchOp(field=f"{row}.{c}", value=int(str(v)), quote=said.group(0)) for c, v in values.items()
                   if st.stated.cells.get(f"{row}.{c}") in (None, 0)]


def _rest_as_last_year(message: str, accepted: list[PatchOp], st: State, previous: Report | None) -> list[PatchOp]:
    """The table-三 cells not said in this message and not recorded, as last year's, when the clerk says
    the other rows are as last year: never a total or the carry-over, which follow from this year's."""
    said = _REST_AS_LAST_YEAR.search(message)
    if said is None or previous is None:
        return []
    taken = {op.field for op in accepted}
    rows_said = {op.field if op.field in _T3_ROW_ADDRESSES else op.field.rsplit(".", 1)[0]
                 for op in accepted if op.field.startswith("t3.")}  # (a zero op names the row itself)
    out = []
    for row in T3_ROWS:
        if row.address in rows_said or row.address in ("t3.total", "t3.carried_over", "t3.new_received", "t3.carried_forward"):
            continue
        for col in T3_COLUMNS:
            address = f"{row.address}.{col}"
            value = get_cell(previous, address)
            if address in taken or st.stated.cells.get(address) is not None or not isinstance(value, int):
                continue
            out.append(PatchOp(field=address, value=value, quote=said.group(0)))
    return out
