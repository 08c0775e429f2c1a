// Generated report sections (评价结论, 成本效益分析, …) written from a Scorecard, so the prose quotes exactly
// the figures of the table. Every sentence comes from a pattern file (extension/narrative/zh-CN.json,
// en.json; docs/narrative.md lists the keys and placeholders); C++ only chooses patterns and fills in
// numbers. The numbers are the figures of core/derive/figures.hpp: 合计, grade, deductions and rates of the
// scores; actual spending (the items' sum when items are listed), shares and the execution rate of the
// funding.
#pragma once

#include "core/model/scorecard.hpp"
#include "core/write/suggestions.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

struct NarrativeOptions {
    // Which pattern file NarrativePatterns::loadForLanguage picks ("zh", "zh-CN", "zh_CN" → zh-CN.json,
    // anything else → en.json). generateSection writes in the language of the patterns it is given.
    std::string lang = "zh-CN";
    // Money and percentages always with two decimals (2.00万元, 99.50%) instead of the sample's style without
    // trailing zeros (2万元, 99.5%). Scores are points and stay as written (97分).
    bool fixedTwoDecimals = false;
    // The framework's standard suggestions (templates.hpp suggestionsFor): the `problems` section quotes the
    // one for an indicator that lost points, and leaves a placeholder for a person where there is none.
    std::vector<IndicatorSuggestion> suggestions = {};
    // The framework's kind (Template::kind, templateKind()): the sections call the subject of the evaluation
    // by the pattern file's `evaluated.<kind>` / `Evaluated.<kind>` (该项目, 该部门; "the project"
    // mid-sentence, "The project" at a sentence's start), `evaluated.project` for a kind the file does not
    // name.
    std::string subjectKind = "project";
};

class NarrativePatterns {
public:
    // File shape: {"lang": "zh-CN", "terms": {"优秀": "…"}, "patterns": {"conclusion.result": "…"}}.
    // Throws std::runtime_error naming `sourceName` when the JSON is malformed or not of that shape.
    static NarrativePatterns fromJson(std::string_view json, const std::string& sourceName);
    static NarrativePatterns load(const std::filesystem::path& file);
    // `directory`/zh-CN.json or `directory`/en.json, chosen by `lang` as described at NarrativeOptions::lang.
    static NarrativePatterns loadForLanguage(const std::filesystem::path& directory, std::string_view lang);

    const std::string& language() const { return language_; }
    const std::string& sourceName() const { return sourceName_; }
    // The pattern for `key`; throws std::runtime_error naming the key and the file when it is missing.
    const std::string& pattern(std::string_view key) const;
    bool hasPattern(std::string_view key) const { return patterns_.find(key) != patterns_.end(); }
    // A term of the data translated for this language (grade labels, money units); the term itself when the
    // file does not translate it, which is right for Chinese.
    std::string term(std::string_view word) const;
    std::vector<std::string> keys() const;

private:
    std::string language_;
    std::string sourceName_;
    std::map<std::string, std::string, std::less<>> patterns_;
    std::map<std::string, std::string, std::less<>> terms_;
};

// Fills a narrative pattern: {name} placeholders from `args`, and optional segments in square brackets that
// are dropped when any placeholder inside them is missing or empty ("{evaluated}[{year}年]预算资金…").
// Placeholders outside a segment without an argument stay as written.
std::string renderPattern(std::string_view pattern, const std::map<std::string, std::string>& args);

// "conclusion", "cost-benefit", "funding-usage", "deductions", "analysis", "problems" (存在的问题和建议).
std::vector<std::string> sectionIds();

// The section's paragraphs. Throws UserError naming an unknown section id.
std::vector<std::string> generateSection(const Scorecard& card, std::string_view sectionId,
                                         const NarrativePatterns& patterns,
                                         const NarrativeOptions& options = {});

} // namespace jixiao
