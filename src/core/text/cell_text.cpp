#include "core/text/cell_text.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>

namespace jixiao {
namespace {

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

std::size_t spaceAt(std::string_view s, std::size_t i) {
    if (isAsciiSpace(s[i]))
        return 1;
    // Every other space starts with C2, E2 or E3: any other byte is not one (the common case, tested first).
    if (const auto lead = static_cast<unsigned char>(s[i]); lead != 0xC2 && lead != 0xE2 && lead != 0xE3)
        return 0;
    if (s.substr(i, 2) == "\xC2\xA0")
        return 2;
    if (s.substr(i, 3) == "\xE3\x80\x80" || s.substr(i, 3) == "\xE2\x80\x8B")
        return 3;
    return 0;
}

std::string trimCell(std::string_view s) {
    // One forward scan (a UTF-8 space cannot be recognised stepping backwards; cells are short): where the
    // first non-space starts and the last one ends.
    std::size_t begin = s.size(), end = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (const auto n = spaceAt(s, i)) {
            i += n;
            continue;
        }
        begin = std::min(begin, i);
        end = ++i;
    }
    return begin < end ? std::string(s.substr(begin, end - begin)) : std::string{};
}

std::string joinCellLines(std::string_view s) {
    std::string out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find('\n', start);
        if (end == std::string_view::npos)
            end = s.size();
        const std::string line = trimCell(s.substr(start, end - start));
        if (!line.empty()) {
            if (!out.empty() && isAsciiAlnum(out.back()) && isAsciiAlnum(line.front()))
                out += ' ';
            out += line;
        }
        start = end + 1;
    }
    return out;
}

std::string compactText(std::string_view text) {
    const std::string half = toHalfWidth(text);
    std::string out;
    out.reserve(half.size());
    std::size_t kept = 0; // start of the run of non-space bytes not yet in `out`
    for (std::size_t i = 0; i < half.size();) {
        const auto n = spaceAt(half, i);
        if (n == 0) {
            ++i;
            continue;
        }
        out.append(half, kept, i - kept);
        i += n;
        kept = i;
    }
    out.append(half, kept);
    return out;
}

std::string withoutTrailingParenthesis(std::string text) {
    while (!text.empty() && text.back() == ')') {
        const auto open = text.rfind('(');
        if (open == std::string::npos || open == 0)
            break;
        text.erase(open);
    }
    return text;
}

std::string parenthesisContent(const std::string& compact) {
    if (compact.empty() || compact.back() != ')')
        return {};
    const auto open = compact.rfind('(');
    if (open == std::string::npos)
        return {};
    return compact.substr(open + 1, compact.size() - open - 2);
}

} // namespace jixiao
