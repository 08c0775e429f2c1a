#include "core/derive/report_summary.hpp"

#include <stdexcept>

namespace jixiao {

ReportSummary summarizeReport(const Scorecard& card, const Funding& funding) {
    const ScoreFigures scores = deriveScores(card);
    ReportSummary summary;
    summary.total = scores.score;
    summary.weight = scores.weight;
    summary.grade = scores.score ? scores.grade : std::string();
    summary.levelOne = scores.levelOne;
    const FundingFigures money = deriveFunding(funding);
    summary.executionRate = money.executionRate;
    summary.budget = funding.budget;
    summary.actual = money.actual;
    summary.leaves = scores.leaves;
    summary.scoredLeaves = scores.scoredLeaves;
    // The same leaves deriveScores counted as scored: a score out of range is no part of the running total.
    try {
        Decimal sum;
        forEachLeaf(card, [&](const Indicator& leaf) {
            if (hasValidScore(leaf))
                sum += *leaf.score;
        });
        summary.scoredSum = sum;
    } catch (const std::overflow_error&) {
        // Thousands of maximal scores: no running total rather than a wrong one.
    }
    return summary;
}

ReportSummary summarizeReport(const Scorecard& card) {
    return summarizeReport(card, card.funding);
}

} // namespace jixiao
