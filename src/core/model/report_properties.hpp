// Report metadata as the user enters it in the deck (document properties 单位, 项目名称, 年度, 预算,
// 实际支出), and which wins when the tables say something too: what the tables read comes first, the
// properties fill what they leave open.
#pragma once

#include "core/model/scorecard.hpp"

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
    // The grade bands the report was graded with, as formatGradeBands writes them
    // (core/model/grade_bands.hpp); empty when it has none of its own. Not one of the deck's fields: left as
    // it is when they are saved.
    std::string gradeBands;
    // Set in a report rolled forward from last year's (core/write/roll_forward.hpp): the year it was rolled
    // from and the fingerprints of the paragraphs left for a person to check.
    struct RolledForward {
        int fromYear = 0;
        std::set<std::string> paragraphs;
        friend bool operator==(const RolledForward&, const RolledForward&) = default;
    };
    std::optional<RolledForward> rolledForward = std::nullopt;
};

// The properties as the document stores them: the text of each (a number property as the office shows it).
// Hosts read these and leave every decision to parseReportProperties, so a document's 年度 or 万元 is read
// the same way by the deck, a macro and the batch.
struct StoredProperties {
    std::string unit;
    std::string project;
    std::string year;
    std::string budget;
    std::string actual;
    std::string gradeBands;
    std::string rolledForward; // "2025 <fingerprint> …" (Jixiao's bookkeeping of a roll-forward)
    friend bool operator==(const StoredProperties&, const StoredProperties&) = default;
};

// The report's properties from their stored text. A 年度 that is not a number or not a year a report can be
// about (isReportYear, core/text/text.hpp: 1900‥2100) is no year; 预算 and 实际支出 are read as 万元 (元
// converted, toWanYuan), left empty when they are not an amount. A fractional 年度 counts by its whole part.
ReportProperties parseReportProperties(const StoredProperties& stored);
// The rolled-forward mark back to its text (the property Jixiao keeps), the inverse of what
// parseReportProperties reads.
std::string formatRolledForward(const ReportProperties::RolledForward& mark);

// The deck's metadata fields as the user typed them, to be stored: the properties, or why the first field (in
// the order 年度, 预算, 实际支出) that holds something other than what it needs is refused — a catalog key
// (ui.json: "error.metadata-number", "error.metadata-year" for a number that is no report's year), the field
// ("year", "budget", "actual") and the text found. An empty field is no value, not an error.
struct TypedProperties {
    std::optional<ReportProperties> properties;
    std::string problem;
    std::string field;
    std::string found;
};
TypedProperties parseTypedProperties(const std::string& unit, const std::string& project,
                                     const std::string& year, const std::string& budget,
                                     const std::string& actual);

// Fills what the scorecard does not know yet (metadata; budget and actual when there is no funding table),
// the amounts in the funding's unit (元 ×10000; none in a unit other than 万元 or 元). reportPropertiesOf
// gives them back in 万元.
// The grade bands are assemble's (chooseGradeBands), not this function's.
void applyReportProperties(const ReportProperties& properties, Scorecard& card);
ReportProperties reportPropertiesOf(const Scorecard& card);

} // namespace jixiao
