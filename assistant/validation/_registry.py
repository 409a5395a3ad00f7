"""The rule registry (id → severity and a one-line Chinese description), the rule families, and the
finding builder."""

from __future__ import annotations

from schemas.findings import Finding, Location, Severity

__all__ = ["FAMILIES", "RULES", "RULE_SEVERITY", "family_of", "finding"]

# A rule's family is the letter of its id; these names head the eval's detection rates and the
# audit's columns and charts.
FAMILIES: dict[str, str] = {
    "A": "表三算术与单元格",
    "B": "表四算术",
    "C": "表二数据",
    "D": "跨年度核对",
    "E": "正文与表格一致",
    "F": "结构、表述、版本与期限",
}

# id → (default severity, one line for the CLI / README / UI, a note: when the other severity applies …).
_REGISTRY: dict[str, tuple[Severity, str, str]] = {
    "A1": ("error", "表三每一列：第一项加第二项之和等于第三项（七）总计加第四项之和", ""),
    "A2": ("error", "表三每一列：（七）总计等于（一）至（六）各项及其子项之和", ""),
    "A3": ("error", "表三每一行：总计等于六类申请人之和", ""),
    "A4": ("error", "表二、表三、表四的单元格须为非负整数（金额可有小数）；空白、“/”、“—”、“无”按行报告，报告后按0计算（各分项齐全的空白总计按分项之和）", ""),
    "B": ("error", "表四每一栏：结果维持、结果纠正、其他结果、尚未审结之和等于总计", ""),
    "C1": ("error", "表二的数字不能为负数", ""),
    "C2": ("warning", "表二行政事业性收费以万元为单位，金额大得像按元填报时提示", ""),
    "C3": ("error", "表二本年废止件数不超过上年现行有效件数加本年制发件数", "需上年报告"),
    "C4": ("warning", "县级、乡镇（街道）机关无规章制定权，表二「规章」一行应为0", ""),
    "D1": ("error", "表三「上年结转」每一列等于上年报告「结转下年度继续办理」对应列", "需上年报告"),
    "D2": ("warning", "表二现行有效件数等于上年现行有效件数加本年制发减本年废止", "需上年报告；因清理重新核定的据实确认"),
    "D3": ("warning", "叙述部分与上年报告相同或近似，即内容雷同", "需上年报告"),
    "E1": ("error", "正文中的收到、上年结转、办结、结转下年度件数与表三一致", ""),
    "E2": ("error", "正文中的予以公开、部分公开、不予公开、无法提供、不予处理、其他处理件数等于表三相应总数，不是子项或单列", ""),
    "E3": ("error", "正文中的百分比等于件数除以基数（按所写精度四舍五入或截尾），完整分项的百分比合计约为100%", ""),
    "E4": ("error", "正文中关于行政复议、行政诉讼的表述（均获维持、零败诉、件数等）与表四一致", ""),
    "E5": ("error", "正文中的规章、行政规范性文件件数，许可、处罚、强制决定数量和收费金额与表二一致", ""),
    "E6": ("error", "正文称未收到政府信息公开申请时，表三第一项各列均为0", ""),
    "E7": ("error", "正文“共X件，其中a件、b件……”：分项之和不超过X，完整列举时等于X", "依据表三可知列举不全时为警告"),
    "E8": ("error", "第六部分说明信息处理费收取情况，并与表三“逾期未缴纳费用”一行相符",
           "收费未写件数金额、未提及收费通知时为警告"),
    "E9": ("warning", "正文前后两处说的是同一数量（如通过同一网站栏目公开的信息条数）时，数字一致", ""),
    "E10": ("warning", "表三有申请时，第一部分“依申请公开情况”写明收到、办结等申请件数", ""),
    "F1": ("error", "六个部分齐全、顺序正确，标题为标准表述，引言所述部分数与之相符", "标题不标准、引言不符时为警告"),
    "F2": ("warning", "第一部分五个方面均有内容，各部分不是空白或占位文字", "明确写“无”的除外"),
    "F3": ("error", "2021年及以后的报告使用2021年格式，并引用〔2021〕30号", "只引用〔2019〕60号时为警告"),
    "F4": ("warning", "正文、标题和表二使用规范表述（如“行政规范性文件”“本年制发件数”“政府信息公开工作年度报告”），标题写明机关名称", ""),
    "F5": ("warning", "统计期限为报告年度：正文把上一年（或以后年份）写作本报告期、结转申请的年份不对、标题年份不符，"
                      "或发布日期早于报告年度结束", ""),
    "F6": ("warning", "依申请公开只统计政府信息公开申请，不计入（也不列为其中的）信访、投诉、举报、热线等事项", ""),
    "F7": ("warning", "政府信息公开申请以“件”计，不用“条”“次”", ""),
}
_SEVERITY_WORD = {"error": "错误", "warning": "警告"}

RULES: dict[str, str] = {
    rule: f"{line}（{_SEVERITY_WORD[sev]}{'；' + note if note else ''}）"
    for rule, (sev, line, note) in _REGISTRY.items()
}
RULE_SEVERITY: dict[str, Severity] = {rule: sev for rule, (sev, _, _) in _REGISTRY.items()}


def family_of(rule: str) -> str:
    return rule[:1]


assert {family_of(r) for r in _REGISTRY} == set(FAMILIES), "every rule belongs to a named family"


def finding(rule: str, address: str, message: str, *, span: tuple[int, int] | None = None,
            related: tuple[str, ...] = (), severity: Severity | None = None) -> Finding:
    return Finding(
        rule=rule,
        severity=severity or RULE_SEVERITY[rule],
        location=Location(address=address, span=span, related=related),
        message=message,
    )
