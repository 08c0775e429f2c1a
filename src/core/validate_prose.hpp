// The prose half of validation (validate.cpp is the table half): years in the title, headings and captions,
// and figures the narrative quotes (总得分, 评价等级, 预算, 实际支出, 执行率, item amounts and shares).
// Internal to validate(); findings come back with ruleId, severity, location and args set and the message
// empty.
#pragma once

#include "core/finding.hpp"
#include "core/scorecard.hpp"

#include <string>
#include <vector>

namespace jixiao::prose {

// year.mismatch: the report title (paragraph 0), numbered headings, captions and titles naming the report
// kind, 《…》 quotes of such titles, the table's title (card.meta.title) and card.meta.year must agree.
std::vector<Finding> checkYears(const Scorecard& card, const std::vector<std::string>& paragraphs);

// narrative.*: figures the prose quotes against the table and `funding`.
std::vector<Finding> checkNarrative(const Scorecard& card, const Funding& funding,
                                    const std::vector<std::string>& paragraphs);

// Index of the scoring table's caption: the last paragraph that names 打分表/评分表/指标体系 and reads like a
// caption (short, one sentence); -1 when there is none.
int captionParagraph(const std::vector<std::string>& paragraphs);

} // namespace jixiao::prose
