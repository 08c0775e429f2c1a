#include "core/model/scorecard.hpp"

#include <algorithm>

namespace jixiao {

std::vector<GradeBand> defaultGradeBands() {
    return {{90, "优秀"}, {80, "良好"}, {60, "中"}, {0, "差"}};
}

bool hasValidScore(const Indicator& leaf) {
    return leaf.score && !leaf.score->isNegative() && *leaf.score <= leaf.weight;
}

namespace {

// The sum of the indicators' scores; none while one of them has none.
std::optional<Decimal> sumOfScores(const std::vector<Indicator>& indicators) {
    Decimal sum;
    for (const auto& indicator : indicators) {
        const auto part = scoreOf(indicator);
        if (!part)
            return std::nullopt;
        sum += *part;
    }
    return sum;
}

Decimal sumOfWeights(const std::vector<Indicator>& indicators) {
    Decimal sum;
    for (const auto& indicator : indicators)
        sum += weightOf(indicator);
    return sum;
}

} // namespace

std::optional<Decimal> scoreOf(const Indicator& indicator) {
    if (indicator.children.empty())
        return hasValidScore(indicator) ? indicator.score : std::nullopt;
    return sumOfScores(indicator.children);
}

Decimal weightOf(const Indicator& indicator) {
    if (indicator.children.empty())
        return indicator.weight;
    return sumOfWeights(indicator.children);
}

std::optional<Decimal> totalScore(const Scorecard& card) {
    return sumOfScores(card.indicators);
}

Decimal totalWeight(const Scorecard& card) {
    return sumOfWeights(card.indicators);
}

std::string gradeFor(const std::vector<GradeBand>& bands, std::optional<Decimal> total) {
    if (!total)
        return {};
    std::vector<GradeBand> sorted = bands;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.atLeast > b.atLeast; });
    for (const auto& band : sorted)
        if (*total >= band.atLeast)
            return band.label;
    return sorted.empty() ? std::string{} : sorted.back().label;
}

} // namespace jixiao
