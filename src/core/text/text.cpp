#include "core/text/text.hpp"

#include "core/text/cell_text.hpp"

namespace jixiao {

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' ||
           c == U'\u00A0' || c == U'\u3000' || c == U'\u200B';
}

std::u32string_view trimSpaces(std::u32string_view text) {
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// trimCell(utf8).empty() without the copy or the scan past the first non-space: validation asks this of every
// leaf's 评价标准 and 扣分原因 per keystroke.
bool isBlank(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t space = spaceAt(utf8, i);
        if (space == 0)
            return false;
        i += space;
    }
    return true;
}

bool isReportYear(int year) {
    return year >= kFirstYear && year <= kLastYear;
}

} // namespace jixiao
