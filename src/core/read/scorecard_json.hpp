// The JSON interchange format of a Scorecard (also the indicator part of a template, see templates.hpp and
// docs/templates.md). Numbers are written as JSON strings ("1.99") so they stay exact; they are read from
// strings or JSON numbers. Host-document details — CellRefs, IndicatorCells, readIssues — are not written:
// they only mean something while the document is open.
#pragma once

#include "core/model/scorecard.hpp"
#include "core/model/user_error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace jixiao {

// Any problem in a JSON document: which file, where in it (a JSONPath such as
// "$.indicators[1].children[0].weight") and what is wrong. `problem` names it ("missing", "unknown-key", …):
// the message key is "error.json." + problem, its args are `args` with {file} and {path} added, and
// ui.json words it in both languages ("t.json: $.format: missing").
class JsonFormatError : public UserError {
public:
    JsonFormatError(std::string file, std::string jsonPath, std::string problem,
                    std::map<std::string, std::string> args = {});
    std::string file;
    std::string jsonPath;
    std::string problem;
};

// What scorecardFromJson (and so importScorecard) accepts at most, checked before anything is built: a real
// 打分表 has well under a hundred indicators, and every indicator becomes a table row in the office, where
// tens of thousands of rows take minutes. Documented in docs/templates.md.
struct ScorecardJsonLimits {
    static constexpr std::size_t kMaxBytes = std::size_t{4} * 1024 * 1024; // the JSON text, in bytes (4 MiB)
    static constexpr std::size_t kMaxIndicators = 2000;  // indicators at all three levels together
    static constexpr std::size_t kMaxFundingItems = 500; // funding.items
};

// A JSON document over one of ScorecardJsonLimits, named by `what` ("bytes", "indicators", "funding-items";
// problem "too-large.<what>", args {found}, {limit}) so the caller can word its own message; `found` is what
// the document holds (for bytes: its size).
class ScorecardTooLarge : public JsonFormatError {
public:
    ScorecardTooLarge(std::string file, std::string jsonPath, std::string what, std::size_t limit,
                      std::size_t found);
    std::string what_;
    std::size_t limit;
    std::size_t found;
};

std::string scorecardToJson(const Scorecard& card, int indent = 2);
nlohmann::json scorecardToJsonValue(const Scorecard& card);

// A scorecard file as scorecardToJson writes it: "format": "jixiao-scorecard" is required and unknown
// top-level keys are refused ("source", which jixiao-batch --export-json adds, is known). Throws
// ScorecardTooLarge above ScorecardJsonLimits, JsonFormatError for malformed JSON, wrong types, unknown keys
// and numbers that do not parse.
Scorecard scorecardFromJson(std::string_view json, const std::string& sourceName);
// The same fields without the checks on the document as a whole (format, top-level keys, limits): a
// template file holds the indicators among keys of its own (templates.cpp checks those).
Scorecard scorecardFromJsonValue(const nlohmann::json& value, const std::string& sourceName);

nlohmann::json ruleToJson(const ScoringRule& rule);
// Also checks the rule is well-formed for its kind (step > 0, target > 0, bands present, …).
ScoringRule ruleFromJson(const nlohmann::json& value, const std::string& jsonPath,
                         const std::string& sourceName);

// "stepBelowThreshold", "weightShareBelowThreshold", "proportional", "bands", "checklist", "judgement".
std::string ruleKindName(RuleKind kind);
std::optional<RuleKind> ruleKindFromName(std::string_view name);

} // namespace jixiao
