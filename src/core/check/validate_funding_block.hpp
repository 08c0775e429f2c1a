// The national 项目支出绩效自评表's own funding block (全年预算数, 全年执行数, 执行率 above the indicators;
// Scorecard::fundingBlock) held to one answer when the document also has a funding table: the table's figures
// are the project's (assemble puts them in Scorecard::funding), so a block that states others would have the
// report print two budgets. Without a funding table the block is the funding and validate's own funding
// checks judge it where it stands.
#pragma once

#include "core/model/finding.hpp"
#include "core/model/scorecard.hpp"

#include <vector>

namespace jixiao {

// For a card whose block stands beside a funding table (`funding`, the figures validation judges the table
// by), in the scoring table's cells (card.tableName):
//  * funding.execution-rate at the block's 执行率 when it is not its own 全年执行数 ÷ 全年预算数 (what
//    recompute writes there, recomputeBlockRate);
//  * funding.form-mismatch at the block's 全年预算数 or 全年执行数 when it differs from the table's 预算 or
//    实际支出 (deriveFunding's), and at its 执行率 when the block states no budget and spending of its own
//    to derive it from and it differs from the table's rate — compared in the block's unit (万元 or 元),
//    half-up at two places; message keys funding.form-mismatch (budget), .actual, .rate.
// Args: entered, expected, unit (the block's; not for the rate). Messages are left empty.
std::vector<Finding> checkFundingBlock(const Scorecard& card, const Funding& funding);

// The national form's 预算执行率 line (the first indicator, read from the block's row) is scored by the rate:
// 得分 = 执行率 × 分值 ÷ 100, at most its 分值. One funding.rate-score warning at its 得分 cell when the
// score differs at two places (half-up) from what the block's rate gives — its own 全年执行数 ÷ 全年预算数,
// else the 执行率 it states. Nothing without a block rate, a valid score (score.missing and score.range say
// those) or a weight. Args: indicator, score, expected, rate, weight. Recompute never writes it: a province
// may score the line otherwise.
std::vector<Finding> checkRateScore(const Scorecard& card);

} // namespace jixiao
