#include "core/write/suggestions.hpp"

#include <algorithm>

namespace jixiao {

namespace {

bool endsWith(const std::vector<std::string>& path, const std::vector<std::string>& tail) {
    return path.size() >= tail.size() && std::equal(tail.rbegin(), tail.rend(), path.rbegin());
}

} // namespace

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
