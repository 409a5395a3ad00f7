"""The staff corpus (eval/datasets/staff): dialogues written the way clerks type.

- every number in every message is either recorded (in an op's words) or named back as not
  understood — none is dropped silently;
- through the dialogue, on the tune set: no stated value overwritten by a zero statement, no question
  stored as a fact, and the share of gold values right does not fall below what it is today. The
  held-out set is run and printed, never asserted on: it must not steer the reader.
"""

from __future__ import annotations

import re

import pytest

from assistant.numbers import find_numbers
from assistant.reading import read_message, vocabulary
from eval.staff import load, run, summary

TUNE = load(held_out=False)
ALL = load()
# what each batch of the tune set reaches today; raise it as the reader improves (the aim is
# 98%). tune-61…80 were written later, on shapes the reader had not seen, and start far lower.
TUNE_VALUES_RIGHT = {(1, 60): 0.97, (61, 80): 0.92, (81, 92): 0.88, (93, 104): 0.92, (105, 116): 0.92, (117, 128): 0.94, (129, 140): 0.94,
                     (141, 152): 0.94, (153, 164): 0.95, (165, 176): 0.95, (177, 188): 0.94,
                     (189, 200): 0.81, (201, 212): 0.91, (213, 224): 0.73, (225, 236): 0.75,
                     (237, 248): 0.54, (249, 260): 0.58, (261, 272): 0.65, (273, 284): 0.75,
                     (285, 296): 0.47, (297, 308): 0.76, (309, 320): 0.74, (321, 332): 0.90,
                     (333, 344): 0.84, (345, 356): 0.84, (357, 368): 0.76, (369, 380): 0.79, (381, 392): 0.99,
                     (393, 404): 0.95, (405, 416): 0.98, (417, 428): 0.97,
                     (429, 440): 0.81, (441, 452): 0.91, (453, 464): 0.97, (465, 476): 0.97,
                     (477, 488): 0.95, (489, 494): 0.94, (495, 500): 0.93,
                     (501, 506): 0.97, (507, 512): 0.88, (513, 524): 0.89,
                     (525, 530): 0.93, (531, 536): 0.96, (537, 542): 0.97, (543, 548): 0.85, (549, 554): 0.97, (555, 560): 0.90,
                     (561, 566): 0.95, (567, 572): 0.95, (573, 578): 0.73, (579, 584): 0.56}


_PHONE = re.compile(r"(?<![0-9０-９])(?:[0０][1-9１-９][0-9０-９]{1,2}\s*[-－—–]\s*[1-9１-９][0-9０-９]{6,7}|[1１][3-9３-９][0-9０-９]{9}"
                    r"|(?:(?<=电话)|(?<=手机)|(?<=座机)|(?<=电话[:：])|(?<=方式[:：]))\s*[2-9２-９][0-9０-９]{6,7})(?![0-9０-９])")


_ID_OR_IP = re.compile(r"(?<![0-9.])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9.])|(?<![0-9])20[0-9]{6}-[0-9]{2,6}(?![0-9])")
_ISO_DATE = re.compile(r"(?<![0-9０-９])[2２][0０][0-9０-９]{2}[-/.－／．][0-1０-１]?[0-9０-９][-/.－／．][0-3０-３]?[0-9０-９](?![0-9０-９])")
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,8}[-－_]?[0-9０-９]+(?:[-－_][0-9０-９]+)+")


def _batch(lo: int, hi: int) -> list[dict]:
    return [d for d in TUNE if lo <= int(d["id"].split("-")[1]) <= hi]


def _messages():
    for d in ALL:
        for i, turn in enumerate(d["turns"]):
            yield pytest.param(turn, id=f"{d['id']}-{i + 1}")


@pytest.mark.parametrize("message", _messages())
def test_every_number_is_recorded_or_named_back(message):
    r = read_message(message)
    covered = [op.quote for op in [*r.ops, *r.computed, *r.period_ops]] + [str(op.value) for op in r.ops] + list(r.unexplained) + list(r.questions)
    covered += r.table_lines + r.replaced + r.excluded + r.other_year + r.rough + r.noted + r.checked + r.not_ours + [q for q in (r.zero_deferred, r.zero_scope_unclear, r.zero_awaits_table) if q]
    covered += r.summed_lines + r.not_counts + r.scores + r.wording  # (rows added up into one; numbers that are words; a form's points; text in quotes)
    covered += [r.quoted_mail] if r.quoted_mail else []  # (a mail quoted below a reply: said back as not read)
    covered += r.review + r.in_doubt + r.asked_if_counted  # (a reviewer's comments pasted; a case's result still to be checked: said back)
    missing = []
    words = vocabulary().anchors(message)
    for n in find_numbers(message):
        if any(a.start <= n.start < a.end for a in words):
            continue  # a numeral inside a name ("三类内部事务信息") is part of the name
        if n.unit == "" and 2000 <= n.value <= 2100 and re.match(r"\s*[】\]]", message[n.end:]):
            continue  # "【依申请公开 2024】": a heading's year
        if re.search(r"[〔\[［【]\s*$", message[:n.start]) and re.match(r"\s*[〕\]］】]", message[n.end:]):
            continue  # "安开管发〔2024〕5号": the year of a document's number
        if re.search(r"(?<![0-9])[0-5]?[0-9][:：]$", message[:n.start]) or re.match(r"[:：][0-5][0-9]", message[n.end:]):
            continue  # "1月8日 16:02": a chat message's time
        if n.value == 1 and (re.search(r"[这那该此]\s*$", message[:n.start]) or (n.chinese and message[:n.start].endswith("同"))):
            continue  # "那一件其实是逾期不补正的": a pointer at an application said before, not a count
        if re.search(r"每(?:个)?(?:月|周|星期|季度|天|日|年)(?:至少|最少|起码|都|要|能|会|争取|计划|平均)?(?:发布?|更新|开|召开|出|推送|办)?\s*$", message[:n.start]):
            continue  # "每月一场": how often, not how many
        if re.match(r"\s*(?:个|项)?(?:申请人|申请人类别|类)?的?(?:列|栏|行(?![政动为使业])|格)", message[n.end:]) or (
                re.match(r"\s*个数", message[n.end:]) and re.search(r"每(?:行|列|格)\s*$", message[:n.start])):
            continue  # "25行的顺序", "只有六个申请人的列", "每行6个数": the table's shape, not a figure
        if n.unit == "" and n.value >= 100 and re.match(r"[\u4e00-\u9fff]{0,10}?(?:热线|专线|服务平台|工单|平台)", message[n.end:]):
            continue  # "12369环保举报热线": a hotline's name
        if n.unit == "" and 1 <= n.value <= 4 and re.search(r"表\s*$", message[:n.start]):
            continue  # "表2": a table's name
        if any(m.start() <= n.start < m.end() for m in _PHONE.finditer(message)):
            continue  # "联系电话0931-5821066": a phone number
        if re.match(r"[0-9]*\s*[.．](?:xlsx|xls|docx|doc|wps|et|pdf|csv|txt|jpg|jpeg|png|zip|rar)\b", message[n.end:], re.I):
            continue  # "依申请2025.xlsx": a file's name
        if n.value <= 9 and re.match(r"\s*(?:本|张)[^，,。；;\n]{0,6}?(?:登记簿|登记本|台账|簿|本子|笔记本|便利贴|便签|表格|记录本)", message[n.end:]):
            continue  # "一本纸质登记簿": the records kept, no count
        if n.unit == "" and re.search(r"[0-9０-９一二三四五六七八九十]\s*月\s*$", message[:n.start]) and re.match(r"\s*(?:的)?(?:那|这)(?:件|个|份|条|天)", message[n.end:]):
            continue  # "11月28那件": a day, no count
        if n.decimals and re.fullmatch(r"(?:[1-9]|1[0-2])[.．](?:0?[1-9]|[12][0-9]|3[01])", message[n.start:n.end]) and re.match(
                r"\s*(?:号|日)?\s*(?:答复|回复|收到|收件|受理|办结|给的|寄出|送达|告知|公开|发的)", message[n.end:]):
            continue  # "12.29收到的那件", "9.25答复": a day, no count
        if n.value == 1 and n.chinese and re.search(r"[（(]\s*$", message[:n.start]) and re.match(r"[个家位名][^）)0-9]{1,20}[）)]", message[n.end:]):
            continue  # "公益组织的（一个关爱老兵的基金会）": an aside naming who applied
        if n.value == 1 and n.chinese and message[n.end:].startswith("个人") and (re.search(
                r"(?:我|俺|额|阮|自己|他|她)(?:就)?\s*$", message[:n.start]) or re.search(
                r"[0-9０-９一二两三四五六七八九十]+\s*件", re.split(r"[，,。；;\n]", message[n.end:])[0])):
            continue  # "就我一个人搞这个": alone; "一个人反复申请的3件": who asked them, the count after
        if n.value == 1 and n.chinese and re.match(r"[家个位名][^，,。；;0-9０-９]{1,10}[，,]", message[n.end:]) and re.search(
                r"[①-⑳][^\n①-⑳，,。；;]{0,6}$", message[:n.start]):
            continue  # "②街上一家超市老板，个体户，问…": who sent the listed application, no count
        if not n.chinese and (n.end - n.start >= 3 or message[n.start] in "0０") and re.match(r"\s*(?:那|这)(?:一)?(?:条|个|件|行|笔)", message[n.end:]):
            continue  # "1217那个到现在还在办", "0106那条": a register's row by its number
        if n.value == 1 and message[:n.start].endswith("哪"):
            continue  # "算表三哪一项啊": which one, asked
        if n.value == 0 and re.search(r"(?:非|不为)\s*$", message[:n.start]) and re.match(r"(?:项|的|行|值|数)", message[n.end:]):
            continue  # "（仅显示非零项）": which rows a sheet shows, no figure
        if n.unit == "页":
            continue  # "第1页/共1页": an export's page
        if n.value == 1 and n.chinese and re.search(r"[上下]$", message[:n.start]) and re.match(r"[份期版次篇]", message[n.end:]):
            continue  # "上一份（2023年度的）": the one before, no count
        if any(m.start() <= n.start < m.end() for m in _ID_OR_IP.finditer(message)):
            continue  # "答卷编号：20260107-0153", "来源IP：10.32.6.117": an export's identifiers
        if any(m.start() <= n.start < m.end() for m in _ISO_DATE.finditer(message)):
            continue  # "2026-01-08 09:12": when a chat message was sent
        if n.unit == "" and n.value <= 30 and re.search(r"(?:^|\n)[ \t\u3000]*[（(]\s*$", message[:n.start]) and re.match(r"\s*[)）][\u4e00-\u9fff]", message[n.end:]):
            continue  # "（4）改进措施改成：…": the number of the review comment answered
        if n.unit == "" and n.value <= 8 and re.search(r"[（(][一二三四五六][)）]\s*$", message[:n.start]):
            continue  # "(三)4 第三方权益": a row's number under its group
        if any(m.start() <= n.start < m.end() for m in _CODE.finditer(message)):
            continue  # "AP-2024-09", "XLCY-2025-001": an application's number in a register
        if n.value == 1 and n.chinese and re.search(r"是\s*$", message[:n.start]) and re.match(r"[个家位名所][^，,。；;0-9０-９]{1,12}(?:[，,。；;]|$)", message[n.end:]):
            continue  # "公益组织是一个助老的公益协会": what the applicant was, no count
        if n.value == 1 and n.chinese and message[n.end:].startswith("个是") and not any(
                a.kind in ("t3col", "t3row", "t4col") for a in vocabulary().anchors(re.split(r"[，,；;。]", message[n.end:])[0])):
            continue  # "一个是依申请量大…；另一个是…": one of the points told, no count
        if n.unit == "项" and n.chinese and re.search(r"(?:[\u4e00-\u9fff]{2,10}[、和及与]){1,8}[\u4e00-\u9fff]{2,10}(?:等|这|这些|以上)?\s*$", message[:n.start]):
            continue  # "行政许可、行政处罚、行政强制三项": how many items the list names
        if n.value == 1 and re.search(r"每\s*(?:办|收|来|受理|处理|答复|接|到|做)?\s*$", message[:n.start]):
            continue  # "每办一件都建了个文件夹": each one, not a count
        if n.value == 1 and re.match(r"[个件]?(?:没多|不多|没少|不少)", message[n.end:]):
            continue  # "一个没多一个没少": none more, none fewer
        if n.value == 1 and (re.match(r"[个件份]\s*(?:都|也)(?:没|无|不)", message[n.end:])
                             or re.search(r"最后|最早|头", message[max(0, n.start - 2):n.start])):
            continue  # "一件都没有": none; "最后一件12月中旬就回了": which one, not how many
        if n.unit in ("年", "月", "日", "号") or message[:n.start].rstrip().endswith("第") or (
                re.match(r"[.．、] ?[\u4e00-\u9fa5“（(]", message[n.end:]) and re.search(r"(?:^|[\n\t（(）) \u3000]|不予公开|无法提供|不予处理|其他处理)\s*$", message[:n.start])):
            continue  # dates, ordinals ("第2项") and list markers ("1.属于国家秘密") are not counts
        written = message[n.start:n.end]
        if not any(written in c for c in covered):
            missing.append(written)
    assert not missing, f"numbers neither recorded nor named back: {missing}"


def test_the_tune_set_through_the_dialogue(capsys):
    held = summary(run(load(held_out=True)))
    for (lo, hi), floor in TUNE_VALUES_RIGHT.items():
        s = summary(run(_batch(lo, hi)))
        with capsys.disabled():
            print(f"\ntune {lo}–{hi}: {s}")
        assert s["questions_stored"] == 0
        assert s["values_right"] >= floor, (lo, hi)
        assert s["zero_overwrites"] == 0
    with capsys.disabled():
        print(f"held out: {held}")


def test_questions_are_answered_not_stored():
    for q in ("表三的总计怎么算？", "信访件算不算申请？", "部分公开怎么统计？", "要写哪几个部分？"):
        r = read_message(q, topic="management")
        assert r.questions and not r.ops, q
    assert re.search("总计", read_message("表三的总计怎么算？").questions[0])
