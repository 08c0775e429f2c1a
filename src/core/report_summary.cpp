#include "core/report_summary.hpp"

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
    return summary;
}

ReportSummary summarizeReport(const Scorecard& card) {
    return summarizeReport(card, card.funding);
}

} // namespace jixiao
