// The report's summary — 总分, 等级, each 一级, the budget execution rate and how many indicators are scored
// — as the deck, jixiao-batch's summary, the generated sections and validation all show or quote it. One
// function, so the deck and the batch never give two answers for the same document.
//
// The total is the sum of the leaf scores when every leaf has a valid score (0‥分值), and nothing otherwise:
// a 合计 typed into the table is never shown in its place nor graded, because while a score is missing or out
// of range no row supports it (validation says which score; docs/rules.md, "The report's total").
#pragma once

#include "core/derive/figures.hpp"
#include "core/model/scorecard.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

struct ReportSummary {
    std::optional<Decimal> total; // 合计 得分, when every leaf has a valid score
    Decimal weight;               // 合计 分值
    std::string grade;            // the band of `total`; empty without one
    std::vector<LevelOneFigures> levelOne;
    std::optional<Decimal> executionRate; // from the funding given (deriveFunding)
    std::optional<Decimal> budget;        // 预算 of the funding given
    std::optional<Decimal> actual; // 实际支出 as the report states it (deriveFunding: else the items' sum)
    int leaves = 0;                // 三级 indicators
    int scoredLeaves = 0;          // of them, with a valid score
    // The running total while the table is being scored: the sum of the valid scores so far (0 with none),
    // shown as "已评 18/21 项，得分 86" until `total` is there; nullopt only when the sum overflows.
    std::optional<Decimal> scoredSum;
};

// `funding` is the report's funding as chosen by reportFunding (assemble.hpp): the funding table's, else the
// properties completed from the prose.
ReportSummary summarizeReport(const Scorecard& card, const Funding& funding);
// The same with the card's own funding.
ReportSummary summarizeReport(const Scorecard& card);

} // namespace jixiao
