// Standard suggestions (建议) a framework's template holds for some of its indicators: the sentence a finance
// office writes under 建议和改进措施 when that indicator lost points. The `problems` section (narrative.hpp)
// quotes one where the template has it and leaves a placeholder for a person elsewhere. They live beside the
// template's indicators ("suggestion": {"zh-CN": "…", "en": "…"}, docs/templates.md), not in the Scorecard:
// a suggestion is the framework's, not the report's.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

struct IndicatorSuggestion {
    std::vector<std::string>
        path; // names from the 一级 down to the indicator: {"过程", "业务管理", "预算执行率"}
    std::map<std::string, std::string, std::less<>> text; // by language: "zh-CN", "en"
};

// The suggestion for the indicator at `path` in `lang` ("zh…" → zh-CN, else en): the one with the same path,
// else the same indicator under the same parent, else the same indicator name — the first found in that
// order, so a table typed with other 一级 names still finds its framework's sentence. nullopt when none fits.
std::optional<std::string> suggestionFor(const std::vector<IndicatorSuggestion>& suggestions,
                                         const std::vector<std::string>& path, std::string_view lang);

} // namespace jixiao
