// The prose half of validation (validate.cpp is the table half): years in the title, headings and captions,
// and figures the narrative quotes (总得分, 评价等级, 预算, 实际支出, 执行率, item amounts and shares).
// Internal to validate(); findings come back with ruleId, severity, location and args set and the message
// empty.
#pragma once

#include "core/model/finding.hpp"
#include "core/model/scorecard.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::prose {

// year.mismatch: the report title (paragraph 0), numbered headings, captions and titles naming the report
// kind, 《…》 quotes of such titles, the table's title (card.meta.title) and card.meta.year must agree — with
// `reportYear` (the 年度 the user entered) when given, the title included; else with the report title.
std::vector<Finding> checkYears(const Scorecard& card, const std::vector<std::string>& paragraphs,
                                std::optional<int> reportYear = std::nullopt);

// Figures the prose quotes against the table (narrative.total, narrative.grade; only when a table was read)
// and against `funding`: `fundingRules` prefixes those rule ids — "narrative" when `funding` is the table's
// or the properties', "prose" when it is the prose's own first statement (fundingFromProse).
std::vector<Finding> checkNarrative(const Scorecard& card, const Funding& funding,
                                    const std::vector<std::string>& paragraphs,
                                    std::string_view fundingRules = "narrative");

} // namespace jixiao::prose
