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

bool isBlank(std::string_view utf8) {
    return trimCell(utf8).empty();
}

bool isReportYear(int year) {
    return year >= kFirstYear && year <= kLastYear;
}

} // namespace jixiao
