"""Produce the eval datasets once: ``python -m eval.datasets.generate`` (writes next to this file).

What is generated and what is hand-written:
- The *tables* and the gold cell values come from ``eval.synthetic`` (consistent, zero and
  last-year reports); the named facts (website figures, proposals, fees) are drawn at random.
- The *wording* is hand-written: every phrase pool below (``_ACTIVE``, ``_IDENTITY``, ``_TEXTS``,
  ``_FEES``, ``_PROPOSALS``, corrections, skips …) was written by hand as staff talk, with
  several phrasings per fact, Chinese numerals, thousands separators, corrections and pasted
  tables in several layouts. The generator only picks among them and shuffles the order.
- ``hand_dialogues.json`` holds dialogues written entirely by hand (messages and gold facts);
  they are merged in as they are, only their ``{{table}}`` placeholders are filled.

Outputs: ``dialogues.jsonl`` (one dialogue per line with its gold fact set), ``previous/*.txt``
(last year's reports as copied from a web page), ``imports.json`` (import cases),
``mutations.json`` (the seeds and agencies the validator's defect sets are drawn for).
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from assistant.export import render_html
from eval._tables import (
    t2_sentence,
    t2_tsv,
    t3_excel,
    t3_markdown,
    t4_blocks_tsv,
    t4_row_tsv,
    t4_sentence,
    web_copy_text,
)
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas.facts import Facts
from schemas.layout import ALL_CELL_ADDRESSES, get_cell, set_cell
from schemas.report import DecisionRow, DocumentRow, Report, Row4

HERE = Path(__file__).resolve().parent
LEVELS = ("township", "county", "municipal", "provincial", "state_council_dept")
SITUATIONS = ("zero", "many", "review_pending", "fees", "previous")

# ---- hand-written phrase pools -------------------------------------------------------------------
_AGENCIES = {
    "township": ["青山县青峰镇人民政府", "南湖区东湖街道办事处", "石门县三河乡人民政府", "临江市滨江街道办事处",
                 "安平县柳林镇人民政府"],
    "county": ["青山县教育局", "南湖区市场监督管理局", "石门县自然资源局", "安平县卫生健康局", "临江区民政局"],
    "municipal": ["临江市生态环境局", "东阳市住房和城乡建设局", "北川市人力资源和社会保障局", "南湖市交通运输局",
                  "西宁湾市财政局"],
    "provincial": ["江南省交通运输厅", "江南省发展和改革委员会", "西岭省农业农村厅", "西岭省统计局", "东海省水利厅"],
    "state_council_dept": ["国家粮食和物资储备局", "国家统计局", "国家林业和草原局", "国家知识产权局", "国家药品监督管理局"],
}
_LEVEL_WORDS = {
    "township": ["乡镇", "街道", "乡镇一级"], "county": ["县级", "区级", "县直"], "municipal": ["市级", "市直"],
    "provincial": ["省级", "省直"], "state_council_dept": ["国务院部门"],
}
_IDENTITY = [
    "我们是{name}，{lw}单位，要写{year}年度的年报。",
    "您好，我是{name}办公室的，负责{year}年政府信息公开年度报告，我们属于{lw}机关。",
    "单位名称：{name}\n层级：{lw}\n报告年度：{year}年",
    "{year}年度报告，单位是{name}，{lw}部门。",
    "开始吧。本单位是{name}（{lw}单位），这次写{year}年度的报告。",
]
_CN_DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """Small integers in Chinese numerals: 3 → 三, 12 → 十二, 45 → 四十五."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def sep(n: int) -> str:
    return f"{n:,}"


# 主动公开: (field, phrasings); {n} the number as digits, {s} with separators, {c} in Chinese numerals.
_ACTIVE: dict[str, list[str]] = {
    "website_items": ["网站公开政务信息{n}条", "门户网站全年发布信息{s}条", "在政府网站上主动公开了{n}条信息",
                      "网站信息发布量是{n}条"],
    "website_visitors": ["独立用户访问总量{n}个", "网站独立用户访问量为{s}个", "独立访客{n}个"],
    "website_visits": ["网站访问总量{n}次", "总访问量{s}次", "网站被访问{n}次"],
    "new_media_posts": ["微信公众号发布{n}条", "政务新媒体发布信息{n}条", "政务微博和公众号一共推送了{n}条"],
    "press_conferences": ["召开新闻发布会{n}场", "举办了{c}场新闻发布会", "新闻发布会开了{c}场"],
    "policy_interpretations": ["发布政策解读{n}篇", "政策解读材料出了{n}篇", "解读文件{c}篇"],
}
_ACTIVE_LEADS = ["主动公开方面：", "", "今年", "网站这块，", "补充一下主动公开的数："]
_CORRECTIONS = {
    "website_items": ["不对，网站是{n}条", "刚才说错了，网站公开的信息应该是{n}条", "更正一下：网站公开政务信息{n}条"],
    "new_media_posts": ["不对，公众号应该是{n}条", "说错了，政务新媒体发布信息是{n}条"],
    "website_visitors": ["不对，独立用户访问总量是{n}个"],
    "website_visits": ["不对，网站访问总量应该是{n}次"],
}
_ZERO_T3 = [
    "今年没有收到政府信息公开申请，也没有上年结转的。",
    "依申请公开这块今年一件都没有，表三全部为0。",
    "表三全部为0，我们今年没有收到任何申请。",
]
_ZERO_T4 = ["没有行政复议和行政诉讼。", "复议诉讼都没有，表四全部为0。", "表四都是0。"]
_ZERO_T2 = ["表二全部为0。", "表二都是0，没有制发规章和规范性文件，也没有许可、处罚、强制。",
            "没有制发规章和规范性文件，表二全部为0。"]
_T3_INTROS = ["表三如下：\n", "依申请公开的情况，表格贴给你：\n", "表三：\n", "这是我们统计的申请办理表：\n",
              "申请情况（从Excel里复制的）：\n"]
_T2_INTROS = ["表二：\n", "主动公开政府信息情况表：\n", "表二数据如下\n"]
_T4_INTROS = ["复议和诉讼的情况：\n", "表四：\n", "行政复议、行政诉讼情况如下：\n"]

_TEXTS: dict[str, list[str]] = {
    "management": [
        "本机关健全政府信息公开审查机制，严格执行信息发布前保密审查制度，动态调整政务公开事项清单。",
        "修订完善政府信息公开指南和目录，落实“三审三校”制度，全年未发生泄密和不当公开情况。",
        "建立公开属性源头认定机制，公文起草时同步明确公开方式，定期清理更新已公开信息。",
        "我们制定了信息发布审核流程，明确科室负责人为第一审核人，分管领导最终把关。",
    ],
    "platform": [
        "持续加强政府门户网站和政务新媒体建设管理，完善依申请公开在线办理功能，提升平台服务能力。",
        "完成网站适老化和无障碍改造，优化政务公开专栏栏目设置，提高信息检索便利度。",
        "整合政务公开专区线下服务点，设置查阅终端，方便群众现场查询政府信息。",
        "对政务新媒体账号开展常态化巡检，关停整合了长期不更新的账号。",
    ],
    "oversight": [
        "将政务公开工作纳入年度绩效考核，定期开展自查，主动接受社会监督，本年度未发生责任追究情况。",
        "组织政务公开业务培训，邀请专家授课，并对各科室落实情况开展专项督查。",
        "聘请社会监督员对公开工作进行评议，对发现的问题建立台账、限期整改。",
    ],
    "problems": [
        "一是政策解读形式较为单一；二是依申请公开答复的规范性有待提高。",
        "信息公开的及时性还不够，个别栏目更新不及时；工作人员业务能力有待进一步提升。",
        "公开内容与群众需求结合不够紧密，政策解读的深度和广度还需加强。",
    ],
    "measures": [
        "丰富政策解读形式，加强业务培训，进一步规范依申请公开办理流程。",
        "建立栏目更新提醒机制，定期组织业务培训，提高工作人员的业务水平。",
        "围绕群众关切做好信息发布，多采用图解、视频等形式开展政策解读。",
    ],
    "work_points": [
        "按照上级年度政务公开工作要点，逐项细化任务分工，按期完成各项工作。",
        "对照年度政务公开工作要点制定任务清单，明确责任科室和完成时限，逐项抓好落实。",
        "认真落实上级政务公开工作要点，重点做好重大决策预公开和政策解读工作。",
    ],
    "innovation": [
        "探索开展政府开放日活动，邀请群众代表走进机关、了解工作。",
        "开通政策咨询热线，由业务科室负责人轮流值守答疑。",
        "在办事大厅设置政策“明白纸”自取点，群众可扫码查看政策原文和解读。",
    ],
    "last_year_followup": [
        "针对上年度指出的栏目更新不及时问题，建立了专人负责、每周巡查的工作机制。",
        "上年度发现的问题已全部整改到位，完善了公开目录，优化了栏目设置。",
    ],
}
_TEXT_LABELS = {
    "management": ["信息管理：", "政府信息管理方面：", "（三）政府信息管理："],
    "platform": ["平台建设：", "平台建设情况：", "（四）平台建设："],
    "oversight": ["监督保障：", "监督保障方面：", "（五）监督保障："],
    "problems": ["存在的问题：", "存在的主要问题：", "问题："],
    "measures": ["改进措施：", "下一步措施：", "整改措施："],
    "work_points": ["工作要点落实情况：", "落实上级工作要点情况：", "工作要点："],
    "innovation": ["创新情况：", "创新做法：", "工作创新："],
    "last_year_followup": ["上年度问题整改情况：", "上年问题整改："],
}
_FEES_NONE = ["没有收取信息处理费。", "今年未收取任何信息处理费。", "信息处理费没有收。"]
_FEES_CHARGED = [
    "收取了信息处理费，共{k}件，金额合计{amt}元。",
    "今年有{k}件申请超量，收取信息处理费{k}件，信息处理费金额共计{amt}元。",
]
_PROPOSALS = [
    "今年共承办人大代表建议{a}件和政协提案{b}件，办结率100%，并进行了公开。",
    "承办人大建议{ca}件、政协提案{cb}件，全部按期办结，办理结果已公开。",
    "人大代表建议{a}件，政协委员提案{b}件，办结率为100%，结果均已公开。",
]
_PROPOSALS_NONE = ["今年没有承办人大代表建议和政协提案，人大建议0件，政协提案0件。",
                   "人大代表建议0件，政协提案0件。"]
_SKIPS = ["跳过", "这个不清楚，先跳过", "不清楚"]
_CLOSINGS = ["还缺什么", "还缺什么？", ""]
_PREVIOUS_INTRO = ["上年的年报在这里，你先导入一下。", "我把去年的报告发给你。", "先导入上年度报告。"]


# ---- gold reports ----------------------------------------------------------------------------
def _gold_report(rng: random.Random, seed: int, level: str, situation: str, year: int, agency: str) -> Report:
    if situation == "zero":
        report = zero_report(year=year, agency=agency, level=level)
    elif situation == "review_pending" and rng.random() < 0.5:
        # No applications, but a review and a lawsuit still pending from an old refusal.
        report = zero_report(year=year, agency=agency, level=level)
        report.table4.review = Row4(upheld=1, corrected=0, other=0, pending=2, total=3)
        report.table4.litigation_direct = Row4(upheld=0, corrected=0, other=0, pending=1, total=1)
    else:
        report = consistent_report(seed, year=year, agency=agency, level=level)
    if level in ("county", "township"):  # no power to make 规章 (rule C4)
        report.table2.regulations = DocumentRow(issued=0, repealed=0, in_force=0)
    if level == "township" and situation != "zero":
        report.table2.licensing = DecisionRow(decisions=rng.randint(0, 60))
    return report


def _cells(report: Report) -> dict[str, object]:
    out = {}
    for a in ALL_CELL_ADDRESSES:
        v = get_cell(report, a)
        out[a] = str(v) if isinstance(v, Decimal) else v
    return out


# ---- one generated dialogue ----------------------------------------------------------------
def _active_clauses(rng: random.Random, named: dict) -> list[str]:
    clauses = []
    for field, phrasings in _ACTIVE.items():
        if field in named:
            n = named[field]
            clauses.append(rng.choice(phrasings).format(n=n, s=sep(n), c=cn(n)))
    rng.shuffle(clauses)
    return clauses


def _dialogue(index: int, level: str, situations: tuple[str, ...]) -> tuple[dict, Report | None]:
    rng = random.Random(1000 + index)
    seed = 100 + index
    year = rng.choice((2022, 2023, 2023, 2024))
    agency = _AGENCIES[level][index % len(_AGENCIES[level])]
    main = situations[0]
    report = _gold_report(rng, seed, level, main, year, agency)
    previous = previous_year_of(report, seed) if "previous" in situations else None

    named: dict[str, object] = {"agency_name": agency, "agency_level": level, "report_year": year}
    named["website_items"] = rng.randint(30, 4000)
    for field, p in (("website_visitors", 0.6), ("website_visits", 0.6), ("new_media_posts", 0.8),
                     ("press_conferences", 0.4), ("policy_interpretations", 0.5)):
        if rng.random() < p:
            named[field] = rng.randint(1, 30) if field in ("press_conferences", "policy_interpretations") else \
                rng.randint(1000, 500000) if field.startswith("website_v") else rng.randint(10, 900)
    for f in ("management", "platform", "oversight", "problems", "measures", "work_points", "innovation"):
        named[f] = rng.choice(_TEXTS[f])
    if previous is not None:
        named["last_year_followup"] = rng.choice(_TEXTS["last_year_followup"])
    charged = "fees" in situations
    named["fee_charged"] = charged
    if charged:
        named["fee_cases"] = rng.randint(1, 9)
        named["fee_amount"] = rng.choice((100, 250, 400, 1600, 2350))
    none_proposals = level == "township" or (main == "zero" and rng.random() < 0.5)
    if none_proposals:
        named["npc_suggestions"], named["cppcc_proposals"] = 0, 0
    else:
        named["npc_suggestions"], named["cppcc_proposals"] = rng.randint(1, 19), rng.randint(1, 19)

    msgs: list[object] = []
    lw = rng.choice(_LEVEL_WORDS[level])
    ident = rng.choice(_IDENTITY).format(name=agency, lw=lw, year=year)
    active = _active_clauses(rng, named)
    # a wrong figure said first, corrected later ("不对，……")
    correct_field = rng.choice([f for f in _CORRECTIONS if f in named]) if rng.random() < 0.45 else None
    if correct_field:
        wrong = int(named[correct_field]) + rng.choice((-7, 10, 100, 2))
        named_wrong = dict(named, **{correct_field: max(wrong, 1)})
        active_said = _active_clauses(random.Random(index), named_wrong)
    else:
        active_said = active
    if rng.random() < 0.5:  # identity and the figures in one message
        msgs.append(ident + rng.choice(_ACTIVE_LEADS) + "，".join(active_said[:3]) + "。")
        rest = active_said[3:]
    else:
        msgs.append(ident)
        rest = active_said
        if rng.random() < 0.3:
            msgs.append(rng.choice(_SKIPS))  # whatever is asked first is left open for now
    if previous is not None:
        msgs.append(rng.choice(_PREVIOUS_INTRO))
        msgs.append({"import_previous": f"previous/{_id(index)}.txt"})
    if rest:
        msgs.append(rng.choice(_ACTIVE_LEADS) + "，".join(rest) + "。")

    table_msgs: list[str] = []
    t2_zero = all(get_cell(report, a) == 0 for a in ALL_CELL_ADDRESSES if a.startswith("t2."))
    t3_zero = all(get_cell(report, a) == 0 for a in ALL_CELL_ADDRESSES if a.startswith("t3."))
    t4_zero = all(get_cell(report, a) == 0 for a in ALL_CELL_ADDRESSES if a.startswith("t4."))
    if t2_zero and t3_zero and t4_zero and rng.random() < 0.5:
        table_msgs.append(rng.choice(["三张表全部为0。", "今年没有收到申请，没有复议诉讼，表二、表三、表四全部为0。"]))
    else:
        if t2_zero:
            table_msgs.append(rng.choice(_ZERO_T2))
        else:
            table_msgs.append(rng.choice([rng.choice(_T2_INTROS) + t2_tsv(report), t2_sentence(report, rng.randint(0, 1))]))
        if t3_zero:
            table_msgs.append(rng.choice(_ZERO_T3))
        else:
            layout = rng.choice(("excel", "markdown", "no_total"))
            table = {"excel": t3_excel(report), "markdown": t3_markdown(report),
                     "no_total": t3_excel(report, with_total=False)}[layout]
            table_msgs.append(rng.choice(_T3_INTROS) + table)
        if t4_zero:
            table_msgs.append(rng.choice(_ZERO_T4))
        else:
            table_msgs.append(rng.choice([rng.choice(_T4_INTROS) + t4_row_tsv(report),
                                          rng.choice(_T4_INTROS) + t4_blocks_tsv(report), t4_sentence(report)]))
        if t2_zero and t4_zero and rng.random() < 0.5:  # "表二、表四全部为0" in one go
            table_msgs = [m for m in table_msgs if m not in _ZERO_T2 and m not in _ZERO_T4]
            table_msgs.insert(0, "表二、表四全部为0。")

    def labelled(fields: list[str], joiner: str = "\n") -> str:
        return joiner.join(rng.choice(_TEXT_LABELS[f]) + str(named[f]) for f in fields)

    text_msgs = [labelled(["management", "platform", "oversight"])]
    p5 = ["problems", "measures"] + (["last_year_followup"] if "last_year_followup" in named else [])
    text_msgs.append(labelled(p5))
    fee = (rng.choice(_FEES_CHARGED).format(k=named["fee_cases"], amt=named["fee_amount"]) if charged
           else rng.choice(_FEES_NONE))
    a, b = named["npc_suggestions"], named["cppcc_proposals"]
    proposals = rng.choice(_PROPOSALS_NONE) if none_proposals else rng.choice(_PROPOSALS).format(
        a=a, b=b, ca=cn(int(a)), cb=cn(int(b)))
    if not none_proposals:
        named["proposals_completion_rate"] = 100 if "100%" in proposals else None
        named["proposals_published"] = True
        if named["proposals_completion_rate"] is None:
            del named["proposals_completion_rate"]
    parts6 = [fee, proposals, labelled(["work_points"])]
    rng.shuffle(parts6)
    text_msgs.append("".join(parts6[:2]) + "\n" + parts6[2] if rng.random() < 0.6 else "\n".join(parts6))
    text_msgs.append(labelled(["innovation"]))

    body = table_msgs + text_msgs
    if rng.random() < 0.35:  # texts first, tables after: answers in any order
        body = text_msgs + table_msgs
    msgs += body
    if correct_field:
        msgs.insert(rng.randint(len(msgs) - 2, len(msgs)),
                    rng.choice(_CORRECTIONS[correct_field]).format(n=named[correct_field]))
    closing = rng.choice(_CLOSINGS)
    if closing:
        msgs.append(closing)

    gold = Facts.model_validate({**named, "cells": _cells(report)})
    entry = {
        "id": _id(index), "source": "generated", "level": level, "situations": list(situations),
        "messages": msgs, "gold": json.loads(gold.model_dump_json(exclude={"quotes", "pending"})),
    }
    return entry, previous


def _id(index: int) -> str:
    return f"g{index:02d}"


# ---- hand-written dialogues ------------------------------------------------------------------
def _fill(text: str, report: Report) -> str:
    for key, fn in (("{{t2_tsv}}", t2_tsv), ("{{t3_excel}}", t3_excel), ("{{t3_markdown}}", t3_markdown),
                    ("{{t3_no_total}}", lambda r: t3_excel(r, with_total=False)), ("{{t4_row}}", t4_row_tsv),
                    ("{{t4_blocks}}", t4_blocks_tsv)):
        if key in text:
            text = text.replace(key, fn(report))
    return text


def _hand_dialogues() -> tuple[list[dict], dict[str, Report]]:
    spec = json.loads((HERE / "hand_dialogues.json").read_text(encoding="utf-8"))
    out, previous = [], {}
    for d in spec:
        g = dict(d["gold"])
        t = d["tables"]
        if t["kind"] == "zero":
            report = zero_report(year=g["report_year"], agency=g["agency_name"], level=g["agency_level"])
        else:
            report = consistent_report(t["seed"], year=g["report_year"], agency=g["agency_name"],
                                       level=g["agency_level"])
        for address, value in t.get("set", {}).items():
            set_cell(report, address, Decimal(str(value)) if "." in str(value) else int(value))
        msgs = [_fill(m, report) if isinstance(m, str) else m for m in d["messages"]]
        if any(isinstance(m, dict) for m in msgs):
            previous[d["id"]] = previous_year_of(report, t.get("seed", 7))
        gold = Facts.model_validate({**g, "cells": _cells(report)})
        out.append({"id": d["id"], "source": "hand", "level": g["agency_level"], "situations": d["situations"],
                    "messages": msgs, "gold": json.loads(gold.model_dump_json(exclude={"quotes", "pending"}))})
    return out, previous


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main() -> None:
    combos = [(lv, (s,)) for s in SITUATIONS for lv in LEVELS]  # every level × every situation
    combos += [("municipal", ("many", "fees", "previous")), ("county", ("review_pending", "previous")),
               ("provincial", ("many", "fees")), ("township", ("zero", "previous")),
               ("state_council_dept", ("many", "review_pending"))]
    for i, (lv, s) in enumerate(combos):
        if s == ("previous",):
            combos[i] = (lv, ("many", "previous") if i % 2 else ("zero", "previous"))
        elif s == ("fees",):
            combos[i] = (lv, ("many", "fees"))
    (HERE / "previous").mkdir(exist_ok=True)
    lines = []
    for i, (level, situations) in enumerate(combos):
        entry, prev = _dialogue(i, level, situations)
        if prev is not None:
            _write(HERE / "previous" / f"{entry['id']}.txt", web_copy_text(render_html(prev)))
        lines.append(json.dumps(entry, ensure_ascii=False))
    hand, hand_prev = _hand_dialogues()
    for entry in hand:
        if entry["id"] in hand_prev:
            _write(HERE / "previous" / f"{entry['id']}.txt", web_copy_text(render_html(hand_prev[entry["id"]])))
        lines.append(json.dumps(entry, ensure_ascii=False))
    _write(HERE / "dialogues.jsonl", "\n".join(lines) + "\n")

    imports = {
        "formats": ["text", "docx", "html"],
        "reports": [{"kind": "consistent", "seed": s} for s in (3, 11, 29, 47)]
        + [{"kind": "zero"}, {"kind": "consistent", "seed": 61, "level": "county", "year": 2022},
           {"kind": "consistent", "seed": 83, "blanks": ["t2.fees.amount", "t3.carried_over.research"]}],
        "real": [{"text": "tests/fixtures/yantai-jgswj-2023.txt", "gold": "tests/fixtures/yantai-jgswj-2023.gold.json"}],
    }
    _write(HERE / "imports.json", json.dumps(imports, ensure_ascii=False, indent=1) + "\n")
    mutations = {
        "defects": [{"seed": s, "year": y, "agency": a, "level": lv} for s, y, a, lv in (
            (1, 2023, "临江市生态环境局", "municipal"), (2, 2022, "青山县教育局", "county"),
            (3, 2024, "江南省交通运输厅", "provincial"), (4, 2023, "国家统计局", "state_council_dept"),
            (5, 2023, "南湖区东湖街道办事处", "township"), (6, 2022, "东阳市住房和城乡建设局", "municipal"))],
        "clean_seeds": list(range(0, 40)),
        "real_clean": ["tests/fixtures/yantai-jgswj-2023.gold.json"],
    }
    _write(HERE / "mutations.json", json.dumps(mutations, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(lines)} dialogues, {len(list((HERE / 'previous').glob('*.txt')))} previous reports")


if __name__ == "__main__":
    main()
