// Report metadata as the user enters it in the deck (document properties 单位, 项目名称, 年度, 预算,
// 实际支出), and which wins when the tables say something too: what the tables read comes first, the
// properties fill what they leave open.
#pragma once

#include "core/scorecard.hpp"

#include <optional>
#include <set>
#include <string>

namespace jixiao {

struct ReportProperties {
    std::string unit;
    std::string project;
    std::optional<int> year;
    std::optional<Decimal> budget; // 万元
    std::optional<Decimal> actual; // 万元
    // The grade bands the report was graded with, as formatGradeBands writes them (core/grade_bands.hpp);
    // empty when it has none of its own. Not one of the deck's fields: left as it is when they are saved.
    std::string gradeBands;
    // Set in a report rolled forward from last year's (core/roll_forward.hpp): the year it was rolled from
    // and the fingerprints of the paragraphs left for a person to check.
    struct RolledForward {
        int fromYear = 0;
        std::set<std::string> paragraphs;
        friend bool operator==(const RolledForward&, const RolledForward&) = default;
    };
    std::optional<RolledForward> rolledForward = std::nullopt;
};

// Fills what the scorecard does not know yet (metadata; budget and actual when there is no funding table).
// The grade bands are assemble's (chooseGradeBands), not this function's.
void applyReportProperties(const ReportProperties& properties, Scorecard& card);
ReportProperties reportPropertiesOf(const Scorecard& card);

} // namespace jixiao
