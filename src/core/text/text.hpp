// Plain-text rules the whole core shares, so a cell, a title and a paragraph are read alike: what counts as a
// space, trimming, blank text, and which written years are years. (Cell-specific folding — compact text,
// labels — is cell_text.hpp's; full-width folding utf8.hpp's; numbers and years written in text
// numbers.hpp's; A1 addresses are a1.hpp's.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// ASCII blanks (space, \t \n \r \v \f), the no-break space (U+00A0), the ideographic space (U+3000) and the
// zero-width space (U+200B) that pasted text carries. cell_text.hpp's spaceAt is the same set over UTF-8.
bool isSpace(char32_t c);
// Without leading and trailing spaces of those kinds.
std::u32string_view trimSpaces(std::u32string_view text);
// Nothing but spaces (or nothing at all).
bool isBlank(std::string_view utf8);

// 0‥9. Full-width digits are folded to these before numbers are read (numbers.hpp); isDigitAnyWidth is for
// text scanned as written.
constexpr bool isAsciiDigit(char32_t c) {
    return c >= U'0' && c <= U'9';
}
constexpr bool isDigitAnyWidth(char32_t c) {
    return isAsciiDigit(c) || (c >= U'０' && c <= U'９');
}

// The years a report can be about: 1900‥2100. Outside that a four-digit number before 年 is a count, an
// amount or a typo, not the year of the evaluation.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2100;
bool isReportYear(int year);

} // namespace jixiao
