// The 存在的问题和建议 section Jixiao wrote (narrative.hpp, section `problems`) against the table, once the
// user may have edited it or the scores have changed: an indicator that lost points and is not mentioned
// (narrative.problem-missing), and one quoted as a problem that lost none (narrative.problem-not-lost).
// Internal to validate(); findings come back with ruleId, severity, location and args set, message empty.
#pragma once

#include "core/model/finding.hpp"
#include "core/model/scorecard.hpp"

#include <string>
#include <vector>

namespace jixiao {

// `sectionText` is the section as the document now holds it, paragraphs joined by '\n'; `paragraphs` are the
// document's, so findings point at the section's paragraphs there (the first one when a mention is missing).
// Nothing while a score is missing or invalid: the table has no final word yet (score.missing, score.range
// say so), and the section itself then says it waits for the scores.
std::vector<Finding> checkProblemsSection(const Scorecard& card, const std::string& sectionText,
                                          const std::vector<std::string>& paragraphs);

} // namespace jixiao
