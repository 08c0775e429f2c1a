#include "core/check/validate_problems.hpp"

#include "core/derive/figures.hpp"
#include "core/derive/report_summary.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <set>

namespace jixiao {
namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        result.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return result;
}

int codePoints(std::string_view utf8) {
    return static_cast<int>(decodeUtf8(utf8).size());
}

// The document paragraph that is the section's line `line`: the first one after `from` with that text.
int paragraphOf(const std::vector<std::string>& paragraphs, const std::string& line, int from) {
    for (int i = std::max(from, 0); i < static_cast<int>(paragraphs.size()); ++i)
        if (paragraphs[std::size_t(i)] == line)
            return i;
    return -1;
}

Location paragraphLocation(int paragraph, int offset, int length) {
    if (paragraph < 0)
        return {};
    Location location;
    location.kind = Location::Kind::Paragraph;
    location.paragraph = paragraph;
    location.offset = offset;
    location.length = length;
    return location;
}

} // namespace

std::vector<Finding> checkProblemsSection(const Scorecard& card, const std::string& sectionText,
                                          const std::vector<std::string>& paragraphs) {
    std::vector<Finding> findings;
    if (card.indicators.empty() || !summarizeReport(card).total)
        return findings;
    std::vector<std::pair<const Indicator*, Decimal>> lost;
    std::set<std::string> lostNames, fullNames;
    forEachLeaf(card, [&](const Indicator& leaf) {
        const auto deduction = leafDeduction(leaf);
        if (deduction && !deduction->isZero()) {
            lost.emplace_back(&leaf, *deduction);
            lostNames.insert(leaf.name);
        } else if (!leaf.name.empty()) {
            fullNames.insert(leaf.name);
        }
    });

    const auto sectionLines = lines(sectionText);
    std::vector<int> at; // each line's paragraph in the document, -1 when not found
    int next = 0;
    for (const auto& line : sectionLines) {
        const int found = paragraphOf(paragraphs, line, next);
        at.push_back(found);
        if (found >= 0)
            next = found + 1;
    }
    const int first = at.empty() ? -1 : at.front();

    std::set<std::string> said;
    for (const auto& [leaf, deduction] : lost) {
        if (leaf->name.empty() || sectionText.find(leaf->name) != std::string::npos ||
            !said.insert(leaf->name).second)
            continue;
        Finding f;
        f.ruleId = "narrative.problem-missing";
        f.severity = Severity::Warning;
        f.location = paragraphLocation(first, 0, 0);
        f.indicator = leaf->name;
        f.args = {{"indicator", leaf->name}, {"deduction", deduction.toString(2)}};
        findings.push_back(std::move(f));
    }

    // A quoted name (“…”, "…", 「…」) is a mention as the section's own sentences make it; a name that also
    // belongs to an indicator that lost points (管理制度健全性 under two 二级) is that one's.
    for (const auto& name : fullNames) {
        if (lostNames.contains(name))
            continue;
        for (const auto& [open, close] :
             {std::pair{"“", "”"}, std::pair{"\"", "\""}, std::pair{"「", "」"}}) {
            const std::string quoted = std::string(open) + name + close;
            bool reported = false;
            for (std::size_t i = 0; i < sectionLines.size() && !reported; ++i) {
                const auto position = sectionLines[i].find(quoted);
                if (position == std::string::npos)
                    continue;
                Finding f;
                f.ruleId = "narrative.problem-not-lost";
                f.severity = Severity::Warning;
                f.location = paragraphLocation(
                    at[i], codePoints(std::string_view(sectionLines[i]).substr(0, position)),
                    codePoints(quoted));
                f.indicator = name;
                f.args = {{"indicator", name}};
                findings.push_back(std::move(f));
                reported = true;
            }
            if (reported)
                break;
        }
    }
    return findings;
}

} // namespace jixiao
