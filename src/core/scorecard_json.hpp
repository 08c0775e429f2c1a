// The JSON interchange format of a Scorecard (also the indicator part of a template, see templates.hpp and
// docs/templates.md). Numbers are written as JSON strings ("1.99") so they stay exact; they are read from
// strings or JSON numbers. Host-document details — CellRefs, IndicatorCells, readIssues — are not written:
// they only mean something while the document is open.
#pragma once

#include "core/scorecard.hpp"
#include "core/user_error.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace jixiao {

// Any problem in a JSON document: which file, where in it (a JSONPath such as
// "$.indicators[1].children[0].weight") and what is wrong. what() is "file: jsonPath: problem".
class JsonFormatError : public UserError {
public:
    JsonFormatError(std::string file, std::string jsonPath, std::string problem);
    std::string file;
    std::string jsonPath;
    std::string problem;
};

std::string scorecardToJson(const Scorecard& card, int indent = 2);
nlohmann::json scorecardToJsonValue(const Scorecard& card);

// Throws JsonFormatError for malformed JSON, wrong types, unknown keys inside indicators/rules/funding and
// numbers that do not parse. Unknown top-level keys are ignored so a template file reads as a scorecard.
Scorecard scorecardFromJson(std::string_view json, const std::string& sourceName);
Scorecard scorecardFromJsonValue(const nlohmann::json& value, const std::string& sourceName);

nlohmann::json ruleToJson(const ScoringRule& rule);
// Also checks the rule is well-formed for its kind (step > 0, target > 0, bands present, …).
ScoringRule ruleFromJson(const nlohmann::json& value, const std::string& jsonPath,
                         const std::string& sourceName);

// "stepBelowThreshold", "weightShareBelowThreshold", "proportional", "bands", "checklist", "judgement".
std::string ruleKindName(RuleKind kind);
std::optional<RuleKind> ruleKindFromName(std::string_view name);

} // namespace jixiao
