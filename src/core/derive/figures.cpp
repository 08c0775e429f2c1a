#include "core/derive/figures.hpp"

#include "core/model/user_error.hpp"

#include <stdexcept>

namespace jixiao {
namespace {

// With every parsed number bounded (Decimal::kMaxParsedWhole), a sum only overflows for a table of many
// thousands of maximal figures, which no report has; such a figure is then unknown rather than a crash.
template <typename Fn> auto orUnknown(Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const std::overflow_error&) {
        return {};
    }
}

} // namespace

ScoreFigures deriveScores(const Scorecard& card) {
    ScoreFigures figures;
    forEachLeaf(card, [&](const Indicator& leaf) {
        ++figures.leaves;
        if (hasValidScore(leaf))
            ++figures.scoredLeaves;
    });
    const auto weight = orUnknown([&] { return std::optional(totalWeight(card)); });
    figures.weight = weight.value_or(Decimal{});
    figures.score = orUnknown([&] { return totalScore(card); });
    if (weight && figures.score)
        figures.deduction = *weight - *figures.score;
    figures.grade = gradeFor(card.gradeBands, figures.score);
    for (const auto& top : card.indicators)
        figures.levelOne.push_back(
            {top.name, orUnknown([&] { return std::optional(weightOf(top)); }).value_or(Decimal{}),
             orUnknown([&] { return scoreOf(top); })});
    return figures;
}

std::optional<Decimal> leafDeduction(const Indicator& leaf) {
    if (!hasValidScore(leaf))
        return std::nullopt;
    return leaf.weight - *leaf.score;
}

std::optional<Decimal> scoreRate(const Indicator& indicator) {
    return orUnknown([&]() -> std::optional<Decimal> {
        const auto score = scoreOf(indicator);
        return score ? Decimal::percent(*score, weightOf(indicator)) : std::nullopt;
    });
}

FundingFigures deriveFunding(const Funding& funding) {
    FundingFigures figures;
    if (!funding.items.empty())
        figures.itemsSum = orUnknown([&] {
            Decimal sum;
            for (const auto& item : funding.items)
                sum += item.amount;
            return std::optional(sum);
        });
    const bool sumRow = !funding.items.empty() && funding.actualCell.known();
    figures.actual = sumRow || !funding.actual ? figures.itemsSum : funding.actual;
    for (const auto& item : funding.items)
        figures.shares.push_back(
            figures.actual ? orUnknown([&] { return Decimal::percent(item.amount, *figures.actual); })
                           : std::nullopt);
    if (figures.actual && funding.budget) {
        figures.executionRate = orUnknown([&] { return Decimal::percent(*figures.actual, *funding.budget); });
        figures.balance = orUnknown([&] { return std::optional(*funding.budget - *figures.actual); });
    }
    return figures;
}

Decimal requireFigure(const std::optional<Decimal>& figure, const std::string& messageKey) {
    if (!figure)
        throw UserError(messageKey);
    return *figure;
}

} // namespace jixiao
