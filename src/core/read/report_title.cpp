#include "core/read/report_title.hpp"

#include "core/text/numbers.hpp"
#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

#include <array>
#include <string>

namespace jixiao {
namespace {

// Without the spaces and colons around a name ("附表1：富民县信访局 " → "富民县信访局").
std::u32string trimmed(std::u32string_view text) {
    const auto edge = [](char32_t c) { return isSpace(c) || c == U'：' || c == U':'; };
    while (!text.empty() && edge(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && edge(text.back()))
        text.remove_suffix(1);
    return std::u32string(text);
}

// "附表1：" and similar prefixes are not part of the unit's name.
std::u32string withoutAppendixPrefix(const std::u32string& text) {
    const auto colon = text.find_first_of(U"：:");
    if (colon != std::u32string::npos && !text.empty() && text.front() == U'附')
        return text.substr(colon + 1);
    return text;
}

// Where the name of what is evaluated ends: at the first of the words that follow it in a title, from `from`
// (the text's end when none does).
std::size_t subjectEnd(const std::u32string& text, std::size_t from) {
    std::size_t end = text.size();
    for (const std::u32string& tail :
         std::array<std::u32string, 4>{U"支出绩效", U"项目绩效", U"绩效评价", U"绩效自评"}) {
        const auto at = text.find(tail, from);
        if (at != std::u32string::npos && at < end)
            end = at;
    }
    return end;
}

// The title's fields as written: a 部门整体支出 title's project is "部门整体".
std::optional<Metadata> readTitle(std::string_view utf8) {
    const std::u32string text = decodeUtf8(toHalfWidth(utf8));
    const bool isTitle = text.find(U"绩效评价") != std::u32string::npos ||
                         text.find(U"绩效自评") != std::u32string::npos ||
                         text.find(U"打分表") != std::u32string::npos;
    if (!isTitle)
        return std::nullopt;
    // The first year in the title (text.hpp's rule and range); half-width folding keeps code point offsets.
    const auto years = yearsInText(utf8);
    if (years.empty())
        return std::nullopt;
    const auto i = std::size_t(years.front().offset);
    Metadata meta;
    meta.title = std::string(utf8);
    meta.year = years.front().year;
    meta.unit = encodeUtf8(trimmed(withoutAppendixPrefix(text.substr(0, i))));
    std::size_t projectStart = i + 5;
    if (projectStart < text.size() && text[projectStart] == U'度')
        ++projectStart;
    const std::size_t projectEnd = subjectEnd(text, projectStart);
    meta.project = encodeUtf8(trimmed(text.substr(projectStart, projectEnd - projectStart)));
    return meta;
}

constexpr std::string_view kWholeDepartment = "部门整体";

} // namespace

std::optional<Metadata> parseReportTitle(std::string_view utf8) {
    auto meta = readTitle(utf8);
    // A 部门整体支出 report's title and caption name the department's whole spending where a project's name
    // it: no project (the sections would otherwise quote “部门整体” as one).
    if (meta && meta->project == kWholeDepartment)
        meta->project.clear();
    return meta;
}

bool namesWholeDepartment(std::string_view title) {
    // What stands before "支出绩效…" ends in 部门整体, with or without a unit and year before it: a table
    // titled "附件：部门整体支出绩效评价指标体系评分表" is a department's too.
    const std::u32string text = decodeUtf8(toHalfWidth(title));
    const std::size_t end = subjectEnd(text, 0);
    const std::u32string subject = trimmed(text.substr(0, end));
    const std::u32string department = U"部门整体";
    return end < text.size() && subject.size() >= department.size() &&
           subject.compare(subject.size() - department.size(), department.size(), department) == 0;
}

std::string projectInTitle(std::string_view project) {
    constexpr std::string_view spending = "支出";
    if (project.ends_with(spending))
        project.remove_suffix(spending.size());
    return std::string(project);
}

} // namespace jixiao
