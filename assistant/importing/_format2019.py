"""Wording of the 2019 trial format (国办公开办函〔2019〕60号) that the 2021 format dropped.

Only used to recognise an old report; nothing is ever written in these words.
"""

from __future__ import annotations

__all__ = [
    "T2_2019_BLOCK_NUMERALS", "T2_2019_COLUMN_LABELS", "T2_2019_PROCUREMENT_COLUMN_LABELS", "T2_2019_ROW_LABELS",
]

# Table 二 column headers of the trial format in blocks both formats have: where they stand, the
# 2021 columns do not (none of them means the same as a 2021 column).
T2_2019_COLUMN_LABELS: tuple[str, ...] = (
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
)
# Columns of the block 政府集中采购, which only the trial format has (an agency may still add it).
T2_2019_PROCUREMENT_COLUMN_LABELS: tuple[str, ...] = ("采购项目数量", "采购总金额")
# Table 二 rows that only the trial format has.
T2_2019_ROW_LABELS: tuple[str, ...] = ("其他对外管理服务事项", "政府集中采购")
# 第二十条第（九）项 (政府集中采购) is a block of the trial format only.
T2_2019_BLOCK_NUMERALS: tuple[str, ...] = ("九",)
