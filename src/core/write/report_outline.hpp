// A framework's report structure (extension/reports/<templateId>.json): the title rule, the headings as the
// framework numbers them, the sections Jixiao writes from the data, the placeholders only a person can fill,
// and the tables as appendices. 新建评价报告 writes a report from it into an empty document; validation then
// lists the placeholders still unfilled (placeholderFindings). Pure data: the office writes it.
#pragma once

#include "core/model/finding.hpp"
#include "core/model/messages.hpp"
#include "core/model/open_placeholder.hpp"
#include "core/model/scorecard.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

struct OutlineItem {
    enum class Kind { Heading, Text, Placeholder, Section, ScoreTable, FundingTable };
    Kind kind = Kind::Text;
    int level = 0;    // Heading: 1 or 2 (the outline level)
    std::string text; // Heading/Text: the words; Placeholder: the hint; Section: its id; tables: the caption
                      // pattern ({caption} is the table's own caption)
};

struct ReportLayout {
    std::string title;     // {unit}{year}{project}
    std::string titleHint; // the title's placeholder while any of them is unknown
    std::vector<OutlineItem> items;
};

struct ReportOutline {
    std::string templateId;
    std::map<std::string, ReportLayout> byLanguage; // "zh-CN", "en"
    // The layout in `lang` ("zh", "zh-CN", "zh_CN", "zh-Hans…" → zh-CN; anything else → en).
    const ReportLayout& forLanguage(std::string_view lang) const;
};

// Throws std::runtime_error naming `sourceName` for malformed JSON, a missing language, an unknown item or a
// section id the narrative does not know.
ReportOutline reportOutlineFromJson(std::string_view json, const std::string& sourceName);
ReportOutline loadReportOutline(const std::filesystem::path& file);

// The report's title from its metadata: the layout's rule when 单位, 年度 and, if the rule names it, 项目 are
// all known (the project as titles quote it, projectInTitle; a 部门整体支出 title names none); empty
// otherwise (the office writes the title placeholder instead).
std::string reportTitle(const ReportLayout& layout, const Metadata& meta);

// How many placeholders the layout leaves for a person, the title's included when `titleKnown` is false.
int placeholderCount(const ReportLayout& layout, bool titleKnown);

// One warning (report.placeholder, or report.placeholder-title above the first heading) per unfilled
// placeholder, at its place, worded from `messages` in `lang`.
std::vector<Finding> placeholderFindings(const std::vector<OpenPlaceholder>& open,
                                         const MessageCatalog& messages, std::string_view lang);

} // namespace jixiao
