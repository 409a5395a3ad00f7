"""Rule-based extraction for the offline engine: keyword and number patterns, labelled free text,
pasted tables, and shortcuts (全部为0, 今年没有收到申请, 没有行政复议和诉讼).

It proposes a ``Patch`` exactly as a model would; the same grounding check then decides. Every
quote is a verbatim slice of the message, and every number is the one written in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from assistant.numbers import parse_number
from assistant.offline.tables import is_table_line, parse_pasted_tables
from schemas.facts import FACT_SPECS, TEXT_FIELDS
from schemas.patches import Patch, PatchOp

__all__ = ["offline_patch"]

_NUM = r"(?P<n>[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*万?|[零〇一二两三四五六七八九十百千万]+)"
_GAP = r"[^，。；;,\n0-9０-９]{0,8}?"


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace("NUM", _NUM).replace("GAP", _GAP))


# (field, pattern): the number is group "n". Checked in order on each clause; spans do not overlap.
_NUMBER_RULES: tuple[tuple[str, re.Pattern], ...] = tuple((f, _p(p)) for f, p in (
    ("website_visitors", r"独立用户访问GAP(?:为|达|共)?\s*NUM\s*(?:个|人)?"),
    ("website_visits", r"(?<!独立用户)访问(?:总)?量GAP(?:为|达|共)?\s*NUM\s*(?:次|人次)?"),
    ("website_items", r"网站GAP(?:公开|发布)GAP\s*NUM\s*条"),
    ("new_media_posts", r"(?:微信公众号|公众号|政务新媒体|新媒体|政务微博|微博|抖音|视频号|头条号)GAP(?:发布|推送|公开)GAP\s*NUM\s*(?:条|篇)"),
    ("press_conferences", r"(?:召开|举办|举行)\s*NUM\s*(?:场|次)新闻发布会"),
    ("press_conferences", r"新闻发布会GAP\s*NUM\s*(?:场|次)"),
    ("policy_interpretations", r"(?:发布|开展)\s*NUM\s*(?:篇|条|次)政策解读"),
    ("policy_interpretations", r"政策解读GAP\s*NUM\s*(?:篇|条|次|件)"),
    ("npc_suggestions", r"人大(?:代表)?建议\s*NUM\s*件"),
    ("cppcc_proposals", r"政协(?:委员)?提案\s*NUM\s*件"),
    ("proposals_completion_rate", r"办结率(?:为|达|达到)?\s*NUM\s*[%％]"),
    ("fee_cases", r"收取(?:了)?(?:信息处理费)\s*NUM\s*件"),
    ("fee_amount", r"信息处理费GAP(?:金额|共计|合计|共|计)\s*NUM\s*(?P<u>万元|元)"),
    ("report_year", r"(?P<n>[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年度?的?(?:政府信息公开工作)?(?:年报|年度报告|报告)"),
    ("report_year", r"报告年度(?:是|为|：|:)\s*(?P<n>[0-9]{4})"),
    ("t2.normative_docs.issued", r"(?:制发|出台|印发|制定)(?:了)?(?:行政)?规范性文件\s*NUM\s*件"),
    ("t2.normative_docs.repealed", r"废止(?:了)?(?:行政)?规范性文件\s*NUM\s*件"),
    ("t2.normative_docs.in_force", r"现行有效(?:的)?(?:行政)?规范性文件\s*NUM\s*件"),
    ("t2.regulations.issued", r"(?:制发|出台|印发|制定)(?:了)?规章\s*NUM\s*件"),
    ("t2.regulations.repealed", r"废止(?:了)?规章\s*NUM\s*件"),
    ("t2.regulations.in_force", r"现行有效(?:的)?规章\s*NUM\s*件"),
    ("t2.licensing.decisions", r"行政许可(?:决定)?GAP\s*NUM\s*(?:件|个|项)"),
    ("t2.penalty.decisions", r"行政处罚(?:决定)?GAP\s*NUM\s*(?:件|个|项)"),
    ("t2.enforcement.decisions", r"行政强制(?:决定)?GAP\s*NUM\s*(?:件|个|项)"),
    ("t2.fees.amount", r"行政事业性收费GAP\s*NUM\s*(?P<u>万元|元)"),
    ("t3.new_received.total", r"(?:新收|收到|受理)(?:了)?(?:政府信息公开|信息公开|公开)?申请\s*NUM\s*件"),
    ("t3.carried_over.total", r"上年(?:度)?结转(?:的)?(?:申请)?\s*NUM\s*件"),
    ("t3.carried_forward.total", r"结转(?:到)?下(?:一)?年度?(?:继续办理)?\s*NUM\s*件"),
    ("t3.total.total", r"(?:办结|答复|办理完毕)(?:了)?(?:申请)?\s*NUM\s*件"),
    ("t3.granted.total", r"(?<!部分)予以公开\s*NUM\s*件"),
    ("t3.partial.total", r"部分公开\s*NUM\s*件"),
    ("t4.review.total", r"行政复议(?:案件)?\s*NUM\s*件"),
))

# (field, value, pattern): fixed values said in words.
_WORD_RULES: tuple[tuple[str, bool | int, re.Pattern], ...] = tuple((f, v, re.compile(p)) for f, v, p in (
    ("fee_charged", False, r"(?:没有|未|无|不)(?:收取|收)(?:过)?(?:任何)?(?:信息处理费|费用)|信息处理费\S{0,3}(?:没有|未|无)"),
    ("fee_charged", True, r"(?<![未没无不])收取(?:了)?信息处理费"),
    ("proposals_published", True, r"并进行了公开|(?:已|均已|已经|全部)(?:按规定|依法)?(?:在\S{0,12})?公开|办理结果(?:已|均)?公开"),
    ("t3.new_received", 0, r"(?:没有|未|无|没)(?:收到|受理)(?:过)?(?:任何)?(?:政府信息公开|信息公开|公开)?申请"),
    ("t3.carried_over", 0, r"(?:没有|无|没)(?:上年(?:度)?)?结转(?:的)?(?:申请)?(?!到)(?!下)"),
    ("t3.carried_forward", 0, r"(?:没有|无|没)(?:结转到下|结转下)"),
    ("t4", 0, r"(?:没有|未|无|没)(?:发生)?(?:因政府信息公开(?:引起|产生)的)?(?:行政)?复议(?:和|或|、|及|与)(?:行政)?诉讼"),
    ("t4.review", 0, r"(?:没有|未|无|没)(?:发生)?(?:行政)?复议(?![和或、及与])"),
    ("t2.normative_docs.issued", 0, r"(?:没有|未|无|没)(?:制发|出台|印发|制定)(?:任何)?(?:规章(?:和|或|、))?(?:行政)?规范性文件"),
    ("t2.regulations.issued", 0, r"(?:没有|未|无|没)(?:制发|出台|印发|制定)(?:任何)?规章"),
    ("t2.licensing.decisions", 0, r"(?:没有|未|无|没)(?:作出|做出)?(?:任何)?行政许可"),
    ("t2.penalty.decisions", 0, r"(?:没有|未|无|没)(?:作出|做出)?(?:任何)?(?:行政许可(?:、|和|或))?行政处罚"),
    ("t2.enforcement.decisions", 0, r"(?:没有|未|无|没)(?:作出|做出)?(?:任何)?(?:行政许可(?:、|和|或))?(?:行政处罚(?:、|和|或))?行政强制"),
))

# A sum said in the other unit than the field's: the unit change is code's job, not the model's.
_UNIT_SCALE: dict[tuple[str, str], Decimal] = {
    ("t2.fees.amount", "元"): Decimal("0.0001"),
    ("fee_amount", "万元"): Decimal(10_000),
}

_LEVEL = re.compile(r"(?:是|属于|为)?(?P<lvl>国务院部门|省级|市级|县级|区级|乡镇|街道)(?:单位|机关|部门|政府)")
_NAME = re.compile(r"(?:我们是|我们单位是|我单位是|本单位是|本机关是|单位名称(?:是|为|：|:)|机关名称(?:是|为|：|:))\s*(?P<name>[\u4e00-\u9fa5（）()·]{2,40})")
_NAME_END = ("委员会", "办公厅", "办公室", "办事处", "人民政府", "政府", "中心", "局", "委", "厅", "院", "所", "部", "署", "会", "办")
_ALL_ZERO = re.compile(r"(?:全部|全都|都|均|全)(?:为|是|填)?\s*(?:0|０|零)")
_TABLE_WORDS: tuple[tuple[str, str], ...] = (
    ("三张表", "tables"), ("所有表", "tables"), ("全部表", "tables"), ("表格都", "tables"),
    ("表二", "t2"), ("表2", "t2"), ("主动公开表", "t2"), ("表三", "t3"), ("表3", "t3"), ("申请表", "t3"),
    ("表四", "t4"), ("表4", "t4"), ("复议诉讼表", "t4"),
)
_SKIP = re.compile(r"^\s*(?:跳过|先跳过|不清楚|不知道|不确定|以后再说|稍后再说|待定|暂不填)\s*[。.！!]?\s*$")

# Labelled free text: "存在的问题：……"
_TEXT_LABELS: tuple[tuple[str, str], ...] = (
    ("last_year_followup", r"上年(?:度)?问题(?:的)?整改(?:情况)?"),
    ("problems", r"存在的(?:主要)?问题|主要问题|存在问题|问题|不足"),
    ("measures", r"改进措施|下一步(?:工作)?(?:打算|计划|措施)?|下步(?:改进)?措施|整改措施"),
    ("management", r"(?:政府)?信息管理(?:方面)?(?:情况)?"),
    ("platform", r"(?:政府信息公开)?平台建设(?:方面)?(?:情况)?|平台(?:方面)?"),
    ("oversight", r"监督保障(?:方面)?(?:情况)?|监督考核"),
    ("work_points", r"(?:落实)?(?:上级)?(?:年度)?(?:政务公开)?工作要点(?:落实)?(?:情况)?"),
    ("innovation", r"(?:政务公开)?(?:工作)?创新(?:情况|做法|亮点)?"),
    ("special_requirements", r"(?:其他文件)?专门要求(?:报告)?的?事项"),
    ("other_matters", r"其他需要报告的事项|需要报告的其他事项|其他事项|联系方式"),
    ("statistics_notes", r"数据统计(?:需要)?说明(?:的事项)?|统计说明"),
    ("active_notes", r"主动公开(?:的)?(?:其他)?(?:情况)?"),
    ("on_request_notes", r"依申请公开(?:的)?(?:其他)?(?:情况)?"),
    ("proposals_notes", r"建议提案(?:办理)?(?:情况)?"),
)
_LABEL = re.compile(
    r"(?:^|(?<=[。；;！!？?\n]))\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．]\s*)?(?P<label>"
    + "|".join(f"(?P<{f}>{p})" for f, p in _TEXT_LABELS) + r")(?:方面|情况)?\s*[:：]\s*")
# Clause breaks; a comma inside a number (322,692) is a separator, not a break.
_BREAK = re.compile(r"[。；;！!？?\n]|[，,](?![0-9０-９]{3}(?![0-9０-９]))|(?<![0-9０-９])[，,]")


def _clauses(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in [*_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[start:end].strip():
            yield start, text[start:end]
        start = m.end() if m else end


def _sentences(text: str) -> Iterator[str]:
    for m in re.finditer(r"[^。；;！!？?\n]+", text):
        if m.group(0).strip():
            yield m.group(0).strip()


def _labelled_texts(message: str) -> tuple[list[PatchOp], list[tuple[int, int]]]:
    """Free-text facts introduced by a label; their spans are kept out of the number rules."""
    ops: list[PatchOp] = []
    spans: list[tuple[int, int]] = []
    marks = list(_LABEL.finditer(message))
    for i, m in enumerate(marks):
        field = next(f for f, _ in _TEXT_LABELS if m.group(f))
        end = marks[i + 1].start() if i + 1 < len(marks) else len(message)
        nl = message.find("\n", m.end())
        # A label's text runs to the next label; on its own line it also ends at the line break
        # unless the following lines carry no label (a pasted paragraph).
        if 0 <= nl < end and field in ("active_notes", "on_request_notes"):
            end = nl
        value = message[m.end():end].strip()
        if not value:
            continue
        if field in ("active_notes", "on_request_notes") and _has_number_rule(value):
            continue  # "主动公开：网站公开148条" is numbers, not notes
        ops.append(PatchOp(field=field, value=value, quote=value))
        spans.append((m.start(), end))
    return ops, spans


def _has_number_rule(text: str) -> bool:
    return any(p.search(text) for _, p in _NUMBER_RULES)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _zero_targets(clause: str, topic: str | None) -> list[str]:
    """What "全部为0" covers: the tables named in the clause, else the topic asked about, else all."""
    named = list(dict.fromkeys(t for w, t in _TABLE_WORDS if w in clause))
    if "tables" in named:
        return ["tables"]
    if named:
        return named
    if topic and (topic in ("tables", "t2", "t3", "t4") or topic.startswith(("t2.", "t3.", "t4."))):
        return [topic]
    return ["tables"]


def _scaled(field: str, m: re.Match) -> str:
    raw = m.group("n").strip()
    unit = m.groupdict().get("u") or ""
    scale = _UNIT_SCALE.get((field, unit))
    value = parse_number(raw)
    if scale is None or value is None:
        return raw
    return format((value * scale).normalize(), "f")


def _name_in(run: str) -> str | None:
    for i in range(len(run), 1, -1):
        if run[:i].endswith(_NAME_END):
            return run[:i]
    return None


def offline_patch(message: str, topic: str | None = None) -> Patch:
    """The facts in ``message`` as a patch (not yet checked). ``topic``: the field or table just
    asked about, which a bare answer ("5件", "不清楚", "都是0") refers to."""
    ops: list[PatchOp] = []
    stripped = message.strip()
    if topic and _SKIP.match(stripped):
        return Patch(ops=[PatchOp(field=topic, value=None, quote=stripped, op="pending")])

    table_ops, table_lines = parse_pasted_tables(message)
    ops += table_ops
    text_ops, text_spans = _labelled_texts(message)
    ops += text_ops
    # A plain answer to a question about a free-text fact is that fact, in the user's words.
    if topic in TEXT_FIELDS and not text_ops and not table_ops and stripped:
        ops.append(PatchOp(field=topic, value=stripped, quote=stripped))
        return Patch(ops=ops)

    rest_spans = list(text_spans)
    for line in table_lines:
        pos = message.find(line)
        rest_spans.append((pos, pos + len(line)))
    for start, clause in _clauses(message):
        if _inside(start, rest_spans) or is_table_line(clause):
            continue
        quote = clause.strip()
        taken: list[tuple[int, int]] = []
        for field, pattern in _NUMBER_RULES:
            for m in pattern.finditer(clause):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                ops.append(PatchOp(field=field, value=_scaled(field, m), quote=quote))
        said: set[str] = set()
        for field, value, pattern in _WORD_RULES:
            if field not in said and pattern.search(clause):
                said.add(field)  # the first (negated) wording wins: 没有收取 is not 收取
                ops.append(PatchOp(field=field, value=value, quote=quote))
        if _ALL_ZERO.search(clause):
            ops += [PatchOp(field=t, value=0, quote=quote) for t in _zero_targets(clause, topic)]
        if hit := _LEVEL.search(clause):
            ops.append(PatchOp(field="agency_level", value=hit.group("lvl"), quote=quote))
        if hit := _NAME.search(clause):
            name = _name_in(hit.group("name"))
            if name:
                ops.append(PatchOp(field="agency_name", value=name, quote=quote))
    # A bare number answering a question about one number: "5" / "5件" / "没有".
    if topic and not ops and (topic in FACT_SPECS or topic.startswith(("t2.", "t3.", "t4."))):
        ops.append(PatchOp(field=topic, value=stripped.rstrip("。.件条次个篇场%％元"), quote=stripped))
    return Patch(ops=_dedupe(ops))


def _dedupe(ops: list[PatchOp]) -> list[PatchOp]:
    seen: set[tuple] = set()
    out = []
    for op in ops:
        key = (op.field, str(op.value), op.op)
        if key not in seen:
            seen.add(key)
            out.append(op)
    return out
