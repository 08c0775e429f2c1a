#include "core/report_title.hpp"

#include "core/numbers.hpp"

#include <array>
#include <string>

namespace jixiao {
namespace {

bool isDigit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

std::u32string trimmed(const std::u32string& text) {
    const std::u32string blanks = U" \t\u3000：:";
    const auto first = text.find_first_not_of(blanks);
    if (first == std::u32string::npos)
        return {};
    const auto last = text.find_last_not_of(blanks);
    return text.substr(first, last - first + 1);
}

// "附表1：" and similar prefixes are not part of the unit's name.
std::u32string withoutAppendixPrefix(const std::u32string& text) {
    const auto colon = text.find_first_of(U"：:");
    if (colon != std::u32string::npos && !text.empty() && text.front() == U'附')
        return text.substr(colon + 1);
    return text;
}

} // namespace

std::optional<Metadata> parseReportTitle(std::string_view utf8) {
    const std::u32string text = decodeUtf8(toHalfWidth(utf8));
    const bool isTitle = text.find(U"绩效评价") != std::u32string::npos ||
                         text.find(U"绩效自评") != std::u32string::npos ||
                         text.find(U"打分表") != std::u32string::npos;
    if (!isTitle)
        return std::nullopt;
    for (std::size_t i = 0; i + 4 < text.size(); ++i) {
        const bool yearHere = (text[i] == U'1' || text[i] == U'2') && isDigit(text[i + 1]) &&
                              isDigit(text[i + 2]) && isDigit(text[i + 3]) && text[i + 4] == U'年' &&
                              (i == 0 || !isDigit(text[i - 1]));
        if (!yearHere)
            continue;
        Metadata meta;
        meta.title = std::string(utf8);
        meta.year = std::stoi(encodeUtf8(text.substr(i, 4)));
        meta.unit = encodeUtf8(trimmed(withoutAppendixPrefix(text.substr(0, i))));
        std::size_t projectStart = i + 5;
        if (projectStart < text.size() && text[projectStart] == U'度')
            ++projectStart;
        std::size_t projectEnd = text.size();
        for (const std::u32string& tail :
             std::array<std::u32string, 4>{U"支出绩效", U"项目绩效", U"绩效评价", U"绩效自评"}) {
            const auto at = text.find(tail, projectStart);
            if (at != std::u32string::npos && at < projectEnd)
                projectEnd = at;
        }
        meta.project = encodeUtf8(trimmed(text.substr(projectStart, projectEnd - projectStart)));
        return meta;
    }
    return std::nullopt;
}

} // namespace jixiao
