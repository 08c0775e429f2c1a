#include "core/suggestions.hpp"

#include "core/scorecard_json.hpp"

#include <algorithm>
#include <functional>

namespace jixiao {

using nlohmann::json;

namespace {

std::string suggestionText(const json& suggestion, const char* lang, const std::string& path,
                           const std::string& file) {
    const std::string at = path + "." + lang;
    if (!suggestion.contains(lang) || suggestion[lang].is_null())
        throw JsonFormatError(file, at, "missing");
    if (!suggestion[lang].is_string())
        throw JsonFormatError(file, at, "expected-string", {{"found", suggestion[lang].type_name()}});
    std::string text = suggestion[lang].get<std::string>();
    if (text.empty())
        throw JsonFormatError(file, at, "empty");
    return text;
}

bool endsWith(const std::vector<std::string>& path, const std::vector<std::string>& tail) {
    return path.size() >= tail.size() && std::equal(tail.rbegin(), tail.rend(), path.rbegin());
}

} // namespace

std::vector<IndicatorSuggestion> takeSuggestions(json& templateJson, const std::string& sourceName) {
    std::vector<IndicatorSuggestion> result;
    std::function<void(json&, const std::string&, const std::vector<std::string>&)> visit =
        [&](json& list, const std::string& listPath, const std::vector<std::string>& names) {
            if (!list.is_array())
                return; // the scorecard reader names what is wrong with it
            for (std::size_t i = 0; i < list.size(); ++i) {
                json& indicator = list[i];
                if (!indicator.is_object())
                    continue;
                const std::string path = listPath + "[" + std::to_string(i) + "]";
                std::vector<std::string> here = names;
                here.push_back(indicator.contains("name") && indicator["name"].is_string()
                                   ? indicator["name"].get<std::string>()
                                   : std::string());
                if (indicator.contains("suggestion")) {
                    const json& suggestion = indicator["suggestion"];
                    const std::string at = path + ".suggestion";
                    if (!suggestion.is_object())
                        throw JsonFormatError(sourceName, at, "expected-object",
                                              {{"found", suggestion.type_name()}});
                    for (const auto& item : suggestion.items())
                        if (item.key() != "zh-CN" && item.key() != "en")
                            throw JsonFormatError(sourceName, at + "." + item.key(), "unknown-key",
                                                  {{"key", item.key()}});
                    result.push_back({here,
                                      {{"zh-CN", suggestionText(suggestion, "zh-CN", at, sourceName)},
                                       {"en", suggestionText(suggestion, "en", at, sourceName)}}});
                    indicator.erase("suggestion");
                }
                if (indicator.contains("children"))
                    visit(indicator["children"], path + ".children", here);
            }
        };
    if (templateJson.is_object() && templateJson.contains("indicators"))
        visit(templateJson["indicators"], "$.indicators", {});
    return result;
}

std::optional<std::string> suggestionFor(const std::vector<IndicatorSuggestion>& suggestions,
                                         const std::vector<std::string>& path, std::string_view lang) {
    if (path.empty())
        return std::nullopt;
    const bool chinese =
        lang.size() >= 2 && (lang[0] == 'z' || lang[0] == 'Z') && (lang[1] == 'h' || lang[1] == 'H');
    const std::string key = chinese ? "zh-CN" : "en";
    for (const std::size_t tail : {path.size(), std::size_t{2}, std::size_t{1}}) {
        if (tail > path.size())
            continue;
        const std::vector<std::string> wanted(path.end() - static_cast<std::ptrdiff_t>(tail), path.end());
        for (const auto& suggestion : suggestions) {
            if (!endsWith(suggestion.path, wanted) || (tail == path.size() && suggestion.path.size() != tail))
                continue;
            const auto found = suggestion.text.find(key);
            if (found != suggestion.text.end())
                return found->second;
        }
    }
    return std::nullopt;
}

} // namespace jixiao
