#include "core/check/finding_lines.hpp"

#include <algorithm>
#include <map>

namespace jixiao {

const std::vector<std::string>& groupedRuleIds() {
    static const std::vector<std::string> ids = {"score.missing"};
    return ids;
}

std::string findingText(const Finding& finding) {
    if (finding.indicator.empty() || finding.message.find(finding.indicator) != std::string::npos)
        return finding.message;
    return finding.indicator + "：" + finding.message;
}

std::vector<FindingLine> findingLines(const std::vector<Finding>& findings, const MessageCatalog& catalog,
                                      std::string_view lang) {
    const auto& grouped = groupedRuleIds();
    std::map<std::string, int> counts;
    for (const auto& finding : findings)
        if (std::find(grouped.begin(), grouped.end(), finding.ruleId) != grouped.end())
            ++counts[finding.ruleId];

    std::vector<FindingLine> lines;
    std::map<std::string, std::size_t> groupLine; // rule id → its line, once the group's first is placed
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding& finding = findings[i];
        const auto count = counts.find(finding.ruleId);
        if (count == counts.end() || count->second <= kGroupAbove) {
            const std::string text = findingText(finding);
            lines.push_back({finding.severity, text, text, i, 1});
            continue;
        }
        // The detail names every member, one after the other ("…：指标A、指标B"): a list of 16 whole
        // messages would repeat the same words 16 times.
        const std::string member = finding.indicator.empty() ? finding.message : finding.indicator;
        if (const auto line = groupLine.find(finding.ruleId); line != groupLine.end()) {
            lines[line->second].detail += "、" + member;
            continue;
        }
        const std::string text =
            catalog.format(lang, "group." + finding.ruleId, {{"count", std::to_string(count->second)}});
        groupLine.emplace(finding.ruleId, lines.size());
        lines.push_back({finding.severity, text, text + "：" + member, i, count->second});
    }
    return lines;
}

std::optional<std::string> badScoreCell(const std::vector<Finding>& findings) {
    for (const auto& finding : findings)
        if (finding.ruleId == "score.range" && finding.location.kind == Location::Kind::Cell &&
            !finding.location.cell.empty())
            return finding.location.cell;
    return std::nullopt;
}

} // namespace jixiao
