// Validation: everything in a scoring table, its funding figures and the report's prose that disagrees —
// weights that do not add up, deductions that are not 分值 − 得分, a 合计 row that is not the sum, a caption
// naming the wrong year, prose quoting a total or a share the table does not give. docs/rules.md lists every
// rule id with its severity and an example; the ids are a public contract (the sidebar, the CLI and scripts
// key on them).
#pragma once

#include "core/model/finding.hpp"
#include "core/model/messages.hpp"
#include "core/model/scorecard.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

struct ValidationInput {
    const Scorecard& card;
    // The document's paragraphs as plain text, in order (body text around the table; paragraph 0 is the
    // report title). Findings about prose point into this list by index and code-point offset.
    std::vector<std::string> paragraphs;
    // Funding to check instead of card.funding — for a report without a funding table, whose figures a caller
    // gathered elsewhere (typed into the sidebar, taken from the budget system).
    std::optional<Funding> funding;
    // The 年度 the user entered (a document property): the report's reference year, against which the title,
    // headings, captions and the table's title are checked. Without it the report title's year is the
    // reference.
    std::optional<int> reportYear;
    // The 评价标准 texts of the shipped templates, as standardKey() (core/write/templates.hpp) gives them.
    // Their authors chose them and tests/unit/templates_test.cpp holds them to account, so a table quoting
    // one verbatim is not told about the standard itself (rule.checklist-max, rule.not-computable): those
    // findings are for standards the user wrote or changed. Scores are still checked against the rule
    // (rule.suggested-score).
    std::set<std::string> vettedStandards = {};
    // fundingFromProse(paragraphs) when the caller already has it (assemble's Report::proseFunding, so the
    // prose is read once per validation); validate() reads it itself when this is left empty.
    std::optional<std::optional<Funding>> proseFunding = std::nullopt;
    // The 实际支出 property (万元): where a funding table states its own 实际支出, a property that differs
    // from the table's items is reported too (funding.items-sum, message funding.items-sum.property).
    std::optional<Decimal> actualProperty = std::nullopt;
    // The 存在的问题和建议 section Jixiao wrote (section `problems`), as the document now holds it,
    // paragraphs joined by '\n': checked against the table (narrative.problem-missing,
    // narrative.problem-not-lost).
    std::optional<std::string> problemsSection = std::nullopt;
};

// Where neither `funding` nor a funding table gives a budget, actual spending or items, the funding is taken
// from the prose (fundingFromProse) and every figure the prose quotes is checked against it (prose.* rules).
// Every finding, formatted in `lang` (see MessageCatalog::resolveLanguage), sorted in reading order:
// paragraphs by index and offset; the scoring table's cells (then the funding table's) by row and column,
// placed right after the table's caption paragraph (the last paragraph naming 打分表/指标体系), or after
// every paragraph when there is none; findings without a location last. The reader's readIssues are included.
std::vector<Finding> validate(const ValidationInput& input, const MessageCatalog& catalog,
                              std::string_view lang);

// Every rule id validate() can report, in docs/rules.md order (the reader's "cell.not-a-number" included).
const std::vector<std::string>& validationRuleIds();

} // namespace jixiao
