"""Official wording of the 2021 format (国办公开办函〔2021〕30号), defined once.

Every title, row label and column label that the product prints, reads or compares comes
from here. Keys are the stable identifiers used in cell addresses (see ``schemas.layout``).
"""

from __future__ import annotations

FORMAT_DOC_2021 = "国办公开办函〔2021〕30号"
FORMAT_DOC_2019 = "国办公开办函〔2019〕60号"

REPORT_TITLE_SUFFIX = "政府信息公开工作年度报告"

# ---- the six parts -------------------------------------------------------------------------
PART_TITLES: dict[str, str] = {
    "p1": "总体情况",
    "p2": "主动公开政府信息情况",
    "p3": "收到和处理政府信息公开申请情况",
    "p4": "政府信息公开行政复议、行政诉讼情况",
    "p5": "存在的主要问题及改进情况",
    "p6": "其他需要报告的事项",
}
PART_NUMERALS: dict[str, str] = {"p1": "一", "p2": "二", "p3": "三", "p4": "四", "p5": "五", "p6": "六"}

# Part 一: five sub-parts. Wording varies slightly between agencies; the topics do not.
P1_SUBPART_TITLES: dict[str, str] = {
    "active": "主动公开情况",
    "on_request": "依申请公开情况",
    "management": "政府信息管理情况",
    "platform": "政府信息公开平台建设情况",
    "oversight": "监督保障情况",
}

# Part 六: the common list of items (the first is required by 国办函〔2020〕109号).
P6_ITEM_TITLES: dict[str, str] = {
    "fees": "收取信息处理费的情况",
    "work_points": "落实上级年度政务公开工作要点情况",
    "proposals": "本行政机关人大代表建议和政协提案办理结果公开情况",
    "innovation": "本行政机关年度政务公开工作创新情况",
    "statistics_notes": "政府信息公开工作年度报告数据统计需要说明的事项",
    "other_matters": "需要报告的其他事项",
    "special_requirements": "其他有关文件专门要求通过政府信息公开年度报告予以报告的事项",
}

CN_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

# ---- table 二 ------------------------------------------------------------------------------
T2_BLOCK_TITLES: dict[str, str] = {
    "art20_1": "第二十条第（一）项",
    "art20_5": "第二十条第（五）项",
    "art20_6": "第二十条第（六）项",
    "art20_8": "第二十条第（八）项",
}
T2_CONTENT_HEADER = "信息内容"
T2_ROW_LABELS: dict[str, str] = {
    "regulations": "规章",
    "normative_docs": "行政规范性文件",
    "licensing": "行政许可",
    "penalty": "行政处罚",
    "enforcement": "行政强制",
    "fees": "行政事业性收费",
}
T2_COLUMN_LABELS: dict[str, str] = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（单位：万元）",
}
# Which rows sit in which block, in official order.
T2_BLOCK_ROWS: dict[str, tuple[str, ...]] = {
    "art20_1": ("regulations", "normative_docs"),
    "art20_5": ("licensing",),
    "art20_6": ("penalty", "enforcement"),
    "art20_8": ("fees",),
}

# ---- table 三 ------------------------------------------------------------------------------
T3_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANT_HEADER = "申请人情况"
T3_LEGAL_PERSON_HEADER = "法人或其他组织"
T3_COLUMN_LABELS: dict[str, str] = {
    "natural": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "public_interest": "社会公益组织",
    "legal_service": "法律服务机构",
    "other": "其他",
    "total": "总计",
}
T3_APPLICANT_COLUMNS: tuple[str, ...] = (
    "natural", "commercial", "research", "public_interest", "legal_service", "other",
)

T3_RESULTS_HEADER = "三、本年度办理结果"

# Top-level rows and the category groups of 三、本年度办理结果.
T3_ROW_LABELS: dict[str, str] = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
T3_GROUP_LABELS: dict[str, str] = {
    "withheld": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}
T3_GROUP_ROWS: dict[str, dict[str, str]] = {
    "withheld": {
        "state_secret": "1.属于国家秘密",
        "prohibited_by_law": "2.其他法律行政法规禁止公开",
        "security_stability": "3.危及“三安全一稳定”",
        "third_party": "4.保护第三方合法权益",
        "internal_affairs": "5.属于三类内部事务信息",
        "process_info": "6.属于四类过程性信息",
        "enforcement_file": "7.属于行政执法案卷",
        "inquiry": "8.属于行政查询事项",
    },
    "unable": {
        "not_held": "1.本机关不掌握相关政府信息",
        "needs_creation": "2.没有现成信息需要另行制作",
        "unclear": "3.补正后申请内容仍不明确",
    },
    "not_processed": {
        "petition": "1.信访举报投诉类申请",
        "repeated": "2.重复申请",
        "publication": "3.要求提供公开出版物",
        "excessive": "4.无正当理由大量反复申请",
        "confirmation": "5.要求行政机关确认或重新出具已获取信息",
    },
    "other_handling": {
        "no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other": "3.其他",
    },
}

# ---- table 四 ------------------------------------------------------------------------------
T4_REVIEW_HEADER = "行政复议"
T4_LITIGATION_HEADER = "行政诉讼"
T4_BLOCK_LABELS: dict[str, str] = {
    "review": "行政复议",
    "litigation_direct": "未经复议直接起诉",
    "litigation_after_review": "复议后起诉",
}
T4_COLUMN_LABELS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}

# ---- the 2019 trial format (国办公开办函〔2019〕60号) -------------------------------------------
# Only to recognise an old report (rule F3); nothing is ever written in these words.
# Table 二 column headers of the trial format. 处理决定数量 is also a shortened 2021 header
# (本年处理决定数量), so it alone does not make a report the trial format (the importer decides).
T2_2019_COLUMN_LABELS: tuple[str, ...] = (
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
)
# Columns of the block 政府集中采购, which only the trial format has (an agency may still add it).
T2_2019_PROCUREMENT_COLUMN_LABELS: tuple[str, ...] = ("采购项目数量", "采购总金额")
# Table 二 rows and blocks (第二十条第（九）项) that only the trial format has.
T2_2019_ROW_LABELS: tuple[str, ...] = ("其他对外管理服务事项", "政府集中采购")
T2_2019_BLOCK_NUMERALS: tuple[str, ...] = ("九",)

# ---- agency levels -------------------------------------------------------------------------
AGENCY_LEVEL_LABELS: dict[str, str] = {
    "state_council_dept": "国务院部门",
    "provincial": "省级",
    "municipal": "市级",
    "county": "县级",
    "township": "乡镇/街道",
}

# Blank markers seen in published tables. Kept distinct from 0 (rule A4).
BLANK_MARKERS: tuple[str, ...] = ("", "/", "／", "—", "-", "－", "——", "无", "空")
