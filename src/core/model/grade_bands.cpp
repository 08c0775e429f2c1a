#include "core/model/grade_bands.hpp"

#include <string_view>

namespace jixiao {
namespace {

constexpr std::string_view kAtLeast = "≥";
constexpr std::string_view kBelow = "<";
constexpr std::string_view kSeparator = "；";

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

std::string trimmed(std::string text) {
    replaceAll(text, "\u3000", " "); // the ideographic space people type between Chinese words
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

std::string formatGradeBands(const std::vector<GradeBand>& bands) {
    std::string text;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const auto& band = bands[i];
        if (!text.empty())
            text += kSeparator;
        const bool lowest = i + 1 == bands.size() && i > 0 && band.atLeast == Decimal(0);
        text += band.label + " ";
        text += lowest ? std::string(kBelow) + " " + bands[i - 1].atLeast.toString(2)
                       : std::string(kAtLeast) + " " + band.atLeast.toString(2);
    }
    return text;
}

std::optional<std::vector<GradeBand>> parseGradeBands(const std::string& text) {
    std::string normal = text;
    for (const std::string_view separator : {"；", "，", ","})
        replaceAll(normal, separator, ";");
    for (const std::string_view atLeast : {"＞＝", ">=", "≧"})
        replaceAll(normal, atLeast, kAtLeast);
    replaceAll(normal, "＜", kBelow);

    std::vector<GradeBand> bands;
    bool closed = false; // a "< N" band was read: nothing may follow it
    std::size_t start = 0;
    while (start <= normal.size()) {
        const auto end = std::min(normal.find(';', start), normal.size());
        const std::string part = trimmed(normal.substr(start, end - start));
        start = end + 1;
        if (part.empty())
            continue;
        if (closed)
            return std::nullopt;
        auto op = part.find(kAtLeast);
        std::size_t opSize = kAtLeast.size();
        const bool below = op == std::string::npos;
        if (below) {
            op = part.find(kBelow);
            opSize = kBelow.size();
        }
        if (op == std::string::npos)
            return std::nullopt;
        const std::string label = trimmed(part.substr(0, op));
        const auto bound = Decimal::parse(trimmed(part.substr(op + opSize)));
        if (label.empty() || !bound)
            return std::nullopt;
        if (below) {
            // "差 < 60": the scores under the band above it, from 0.
            if (bands.empty() || bands.back().atLeast != *bound)
                return std::nullopt;
            bands.push_back({Decimal(0), label});
            closed = true;
        } else {
            bands.push_back({*bound, label});
        }
    }
    if (!gradeBandsProblem(bands).empty())
        return std::nullopt;
    return bands;
}

std::string gradeBandsProblem(const std::vector<GradeBand>& bands) {
    if (bands.empty())
        return "grades.empty";
    for (const auto& band : bands) {
        if (band.label.empty())
            return "grades.empty";
        if (band.atLeast < Decimal(0) || band.atLeast > Decimal(100))
            return "grades.out-of-range";
    }
    for (std::size_t i = 1; i < bands.size(); ++i) {
        if (bands[i].atLeast == bands[i - 1].atLeast)
            return "grades.overlapping";
        if (bands[i].atLeast > bands[i - 1].atLeast)
            return "grades.not-descending";
    }
    return {};
}

std::vector<GradeBand> gradeBandsFromThresholds(Decimal excellent, Decimal good, Decimal pass) {
    auto bands = defaultGradeBands();
    bands[0].atLeast = excellent;
    bands[1].atLeast = good;
    bands[2].atLeast = pass;
    return bands;
}

std::vector<GradeBand> gradeBandsFromOptions(const std::array<double, 3>& thresholds) {
    auto decimal = [](double value) {
        return Decimal::parse(std::to_string(value)).value_or(Decimal(-1)).rounded(2);
    };
    return gradeBandsFromThresholds(decimal(thresholds[0]), decimal(thresholds[1]), decimal(thresholds[2]));
}

std::optional<std::vector<GradeBand>> gradeBandsOfFormula(const std::string& formula) {
    // Read in the order gradeFormula writes it; anything else is not Jixiao's formula.
    std::string_view rest = formula;
    auto take = [&](std::string_view text) {
        if (rest.substr(0, text.size()) != text)
            return false;
        rest.remove_prefix(text.size());
        return true;
    };
    auto quoted = [&]() -> std::optional<std::string> {
        if (!take("\""))
            return std::nullopt;
        std::string text;
        while (!rest.empty()) {
            if (take("\"\"")) {
                text += '"';
            } else if (take("\"")) {
                return text;
            } else {
                text += rest.front();
                rest.remove_prefix(1);
            }
        }
        return std::nullopt;
    };
    if (!take("=IF("))
        return std::nullopt;
    const auto refEnd = rest.find('=');
    if (refEnd == 0 || refEnd == std::string_view::npos)
        return std::nullopt;
    const std::string ref(rest.substr(0, refEnd));
    rest.remove_prefix(refEnd);
    if (!take("=\"\";\"\";"))
        return std::nullopt;
    std::vector<GradeBand> bands;
    while (take("IF(" + ref + ">=")) {
        const auto semicolon = rest.find(';');
        const auto bound =
            semicolon == std::string_view::npos ? std::nullopt : Decimal::parse(rest.substr(0, semicolon));
        if (!bound)
            return std::nullopt;
        rest.remove_prefix(semicolon + 1);
        const auto label = quoted();
        if (!label || !take(";"))
            return std::nullopt;
        bands.push_back({*bound, *label});
    }
    const auto lowest = quoted();
    if (!lowest)
        return std::nullopt;
    bands.push_back({Decimal(0), *lowest});
    if (rest != std::string(bands.size(), ')') || !gradeBandsProblem(bands).empty())
        return std::nullopt;
    return bands;
}

GradeBandsChoice chooseGradeBands(const std::string& stored, const std::vector<GradeBand>& options,
                                  const Totals& stated, const std::string& gradeFormula) {
    GradeBandsChoice choice;
    if (gradeBandsProblem(options).empty())
        choice.options = options;
    if (const auto own = parseGradeBands(stored)) {
        choice.bands = *own;
        choice.source = GradeBandsSource::Stored;
        return choice;
    }
    if (const auto formula = gradeBandsOfFormula(gradeFormula)) {
        choice.bands = *formula;
        choice.source = GradeBandsSource::Stated;
        return choice;
    }
    const auto defaults = defaultGradeBands();
    if (stated.score && !stated.grade.empty() && gradeFor(choice.options, stated.score) != stated.grade &&
        gradeFor(defaults, stated.score) == stated.grade) {
        choice.bands = defaults;
        choice.source = GradeBandsSource::Stated;
        return choice;
    }
    choice.bands = choice.options;
    choice.source = choice.options == options ? GradeBandsSource::Options : GradeBandsSource::Defaults;
    return choice;
}

GradeBandsChoice withOptions(GradeBandsChoice choice, const std::vector<GradeBand>& options) {
    const bool valid = gradeBandsProblem(options).empty();
    choice.options = valid ? options : defaultGradeBands();
    if (choice.source == GradeBandsSource::Options || choice.source == GradeBandsSource::Defaults) {
        choice.bands = choice.options;
        choice.source = valid ? GradeBandsSource::Options : GradeBandsSource::Defaults;
    }
    return choice;
}

} // namespace jixiao
