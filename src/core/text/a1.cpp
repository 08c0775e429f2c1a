#include "core/text/a1.hpp"

#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <charconv>

namespace jixiao {
namespace {

// What Calc's identifier parse takes as a letter, reduced to the scripts a report uses: ASCII letters and
// '_', Latin letters with diacritics (not × and ÷), and CJK ideographs. Anything else — spaces of any width,
// punctuation full-width or not, kana and hangul included — gets the name quoted: quoting a name that did not
// need it is harmless, leaving one unquoted that did breaks the formula.
bool isIdentifierLetter(char32_t c) {
    return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || c == U'_' ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

bool isPlainIdentifier(std::string_view sheet) {
    const std::u32string text = decodeUtf8(sheet);
    if (text.empty() || isAsciiDigit(text.front()))
        return false;
    return std::all_of(text.begin(), text.end(),
                       [](char32_t c) { return isIdentifierLetter(c) || isAsciiDigit(c); });
}

bool isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

std::string columnLetters(int column) {
    std::string letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters;
}

std::optional<int> columnIndex(std::string_view letters) {
    // Calc's last column is XFD (16384) even with 'jumbo sheets'; seven letters already overflow nothing.
    if (letters.empty() || letters.size() > 7 || !std::all_of(letters.begin(), letters.end(), isAsciiLetter))
        return std::nullopt;
    int column = 0;
    for (const char c : letters)
        column = column * 26 + ((c >= 'a' ? c - 'a' : c - 'A') + 1);
    return column - 1;
}

std::string a1Cell(int column, int row, bool absoluteColumn, bool absoluteRow) {
    return (absoluteColumn ? "$" : "") + columnLetters(column) + (absoluteRow ? "$" : "") +
           std::to_string(row + 1);
}

std::string quotedSheetName(std::string_view sheet) {
    if (isPlainIdentifier(sheet))
        return std::string(sheet);
    std::string out = "'";
    for (const char c : sheet) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

std::string unquotedSheetName(std::string_view text) {
    if (text.size() > 1 && text.front() == '$')
        text.remove_prefix(1);
    if (text.size() < 2 || text.front() != '\'' || text.back() != '\'')
        return std::string(text);
    std::string out;
    const auto inner = text.substr(1, text.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
        out += inner[i];
        if (inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'')
            ++i;
    }
    return out;
}

std::optional<SheetCell> parseSheetCell(std::string_view address) {
    // The last '.' separates sheet and cell: a quoted sheet name may hold dots of its own.
    const auto dot = address.rfind('.');
    if (dot == std::string_view::npos || dot == 0)
        return std::nullopt;
    std::string_view cell = address.substr(dot + 1);
    if (!cell.empty() && cell.front() == '$')
        cell.remove_prefix(1);
    std::size_t letters = 0;
    while (letters < cell.size() && isAsciiLetter(cell[letters]))
        ++letters;
    const auto column = columnIndex(cell.substr(0, letters));
    std::string_view digits = cell.substr(letters);
    if (!digits.empty() && digits.front() == '$')
        digits.remove_prefix(1);
    int row = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), row);
    if (!column || digits.empty() || error != std::errc{} || end != digits.data() + digits.size() || row < 1)
        return std::nullopt;
    return SheetCell{unquotedSheetName(address.substr(0, dot)), *column, row - 1};
}

} // namespace jixiao
