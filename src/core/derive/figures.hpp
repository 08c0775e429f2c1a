// The derived figures of a report — 合计 分值/得分/扣分, the grade, each 一级's subtotal, completeness, the
// actual spending, each item's share, the execution rate and the balance — computed in one place, with one
// rule for what counts (a leaf score within 0‥分值, see hasValidScore) and one overflow policy (numbers are
// bounded where they are parsed, so nothing here throws). Recompute, the table writer, validation, the
// narrative, the deck's summary and the batch summary all read these instead of adding things up themselves.
#pragma once

#include "core/model/scorecard.hpp"
#include "core/text/decimal.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

struct LevelOneFigures {
    std::string name;
    Decimal weight;               // the sum of its leaves' weights
    std::optional<Decimal> score; // the sum of its leaves' scores, when every one is valid
};

struct ScoreFigures {
    Decimal weight;                   // 合计 分值: the sum of the leaf weights
    std::optional<Decimal> score;     // 合计 得分: when every leaf has a valid score, else nullopt
    std::optional<Decimal> deduction; // 合计 扣分 = weight − score, with score
    std::string grade;                // the band of `score` (empty without one)
    int leaves = 0;                   // 三级 indicators (leaves) in the table
    int scoredLeaves = 0;             // leaves with a valid score: completeness = scoredLeaves / leaves
    std::vector<LevelOneFigures> levelOne;
};

// Exact values (six decimals); whoever shows one rounds it half-up to two places (Decimal::toString(2)).
struct FundingFigures {
    std::optional<Decimal> itemsSum; // the items' sum, when there are items
    // 实际支出 as the report states it: as entered (a 实际支出 property, the prose's figure); the items' sum
    // when nothing states it, or when it is a funding table's 实际支出合计 row (actualCell known), a sum row
    // that recompute keeps equal to its items as it keeps 合计 equal to the scores. A stated figure that
    // differs from its items' sum is quoted as stated and is a finding (funding.items-sum, prose.items-sum).
    std::optional<Decimal> actual;
    std::vector<std::optional<Decimal>> shares; // per item, amount ÷ actual × 100 (nullopt when actual is 0)
    std::optional<Decimal> executionRate;       // actual ÷ budget × 100 (nullopt without both or budget 0)
    std::optional<Decimal> balance;             // 结余 = budget − actual
};

ScoreFigures deriveScores(const Scorecard& card);
// The 扣分 a leaf should show: 分值 − 得分 when the score is valid (hasValidScore), else nullopt — an empty
// cell, not a negative deduction or one left from an earlier keystroke ("1" on the way to "15").
std::optional<Decimal> leafDeduction(const Indicator& leaf);
// The share of its weight an indicator scored, score ÷ weight × 100, for a leaf or a subtotal; nullopt
// without a score (scoreOf) or with a weight of 0.
std::optional<Decimal> scoreRate(const Indicator& indicator);
FundingFigures deriveFunding(const Funding& funding);

// The figure a checked operation gave (Decimal::product, divide, percent), or a UserError with `messageKey`
// (extension/i18n/ui.json) when it could not be computed: what the user is told instead of an internal
// error when two figures inside the bound combine beyond it.
Decimal requireFigure(const std::optional<Decimal>& figure, const std::string& messageKey);

} // namespace jixiao
