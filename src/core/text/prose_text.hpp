// Small searches over decoded prose (code points, so positions match NumberInText offsets), shared by the
// prose checks (validate_prose.cpp) and the prose funding reader (prose_funding.cpp).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace jixiao::prose {

inline bool has(std::u32string_view text, std::u32string_view word) {
    return text.find(word) != std::u32string_view::npos;
}

inline bool hasAny(std::u32string_view text, std::initializer_list<std::u32string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::u32string_view w) { return text.find(w) != std::u32string_view::npos; });
}

// Start of the last occurrence of any of `words`, or -1.
inline long lastOf(std::u32string_view text, std::initializer_list<std::u32string_view> words) {
    long best = -1;
    for (const auto w : words)
        if (const auto at = text.rfind(w); at != std::u32string_view::npos)
            best = std::max(best, long(at));
    return best;
}

// Where the clause or sentence holding position `at` starts: just after the last of `stops` before it.
inline std::size_t boundaryBefore(std::u32string_view text, std::size_t at, std::u32string_view stops) {
    const auto stop = text.substr(0, at).find_last_of(stops);
    return stop == std::u32string_view::npos ? 0 : stop + 1;
}

} // namespace jixiao::prose
