#include "core/model/scorecard.hpp"

#include <algorithm>

namespace jixiao {

std::vector<GradeBand> defaultGradeBands() {
    return {{90, "优秀"}, {80, "良好"}, {60, "中"}, {0, "差"}};
}

bool hasValidScore(const Indicator& leaf) {
    return leaf.score && !leaf.score->isNegative() && *leaf.score <= leaf.weight;
}

std::optional<Decimal> scoreOf(const Indicator& indicator) {
    if (indicator.children.empty())
        return hasValidScore(indicator) ? indicator.score : std::nullopt;
    Decimal sum;
    for (const auto& child : indicator.children) {
        const auto part = scoreOf(child);
        if (!part)
            return std::nullopt;
        sum += *part;
    }
    return sum;
}

Decimal weightOf(const Indicator& indicator) {
    if (indicator.children.empty())
        return indicator.weight;
    Decimal sum;
    for (const auto& child : indicator.children)
        sum += weightOf(child);
    return sum;
}

std::optional<Decimal> totalScore(const Scorecard& card) {
    Decimal sum;
    for (const auto& top : card.indicators) {
        const auto part = scoreOf(top);
        if (!part)
            return std::nullopt;
        sum += *part;
    }
    return sum;
}

Decimal totalWeight(const Scorecard& card) {
    Decimal sum;
    for (const auto& top : card.indicators)
        sum += weightOf(top);
    return sum;
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
