// Lays a Scorecard out as host-independent Grids for the adapters to insert: the scoring table in the
// sample report's layout and the funding-breakdown table. Addresses are left empty; the adapter assigns
// them when it creates the host table. readScoreTable/readFundingTable read these layouts back.
#pragma once

#include "core/model/grid.hpp"
#include "core/model/scorecard.hpp"

#include <string>

namespace jixiao {

struct ScoreTableStyle {
    // A first row merged across the width holding `title`, or the card's meta.title when `title` is empty;
    // no title row when both are empty.
    bool titleRow = true;
    std::string title;
    // A last row "评价等级 | 优秀" under 合计 (label across the five text columns, grade across the rest).
    bool gradeRow = true;
    // 三级 names as "资金到位率\n（1分）" (the sample's usual style) rather than "资金到位率（1分）".
    bool leafLabelLineBreak = false;
};

// [title]
// 一级指标 | 二级指标 | 三级指标 | 指标解释 | 评价标准 | 指标分值 | 评价得分 | 扣分情况 | 扣分原因
// 决策（10分） | 项目立项（7分） | 项目立项规范性（1分） | … | 1 | 1 | 0 |        ← 一级/二级 merged down
// their rows 合计 (spans the first 5 columns) | 100 | 97 | 3 | [评价等级 (5 columns) | 优秀 (4 columns)]
// Parent labels carry the children's weight sum with full-width parentheses. 得分 is empty when missing;
// 扣分 is the card's deduction, or 分值 − 得分 when only the score is known, or empty. 合计 得分/扣分 and
// the grade are empty unless every leaf has a score. A 一级 leaf without a 二级 leaves the 二级 cell empty.
Grid writeScoreTable(const Scorecard& card, const ScoreTableStyle& style = {});

// 项目 | 金额（万元） | 占比
// 工资补助 | 0.72 | 36.18%         ← one row per breakdown item, share of 实际支出合计
// 实际支出合计 | 1.99 | 100%        ← the sum of the items (funding.actual when there are no items)
// 年初预算 | 2 |
// 预算执行率 | | 99.5%               ← 实际支出合计 / 年初预算, in the 占比 column
// 结余 | 0.01 |                     ← 年初预算 − 实际支出合计
// Amounts in funding.unit, written with up to two decimals; percentages rounded half-up to two decimals.
// Cells whose inputs are missing stay empty.
Grid writeFundingTable(const Funding& funding);

} // namespace jixiao
