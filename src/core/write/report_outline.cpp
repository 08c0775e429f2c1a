#include "core/write/report_outline.hpp"

#include "core/read/report_title.hpp"
#include "core/write/narrative.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace jixiao {
namespace {

[[noreturn]] void fail(const std::string& sourceName, const std::string& what) {
    throw std::runtime_error(sourceName + ": " + what);
}

std::string stringMember(const nlohmann::json& object, const char* member, const std::string& where,
                         const std::string& sourceName) {
    if (!object.contains(member) || !object.at(member).is_string())
        fail(sourceName, where + " has no text \"" + member + "\"");
    return object.at(member).get<std::string>();
}

OutlineItem readItem(const nlohmann::json& item, const std::string& where, const std::string& sourceName) {
    if (!item.is_object())
        fail(sourceName, where + " is not an object");
    OutlineItem result;
    if (item.contains("heading")) {
        result.kind = OutlineItem::Kind::Heading;
        result.level = item.at("heading").is_number_integer() ? item.at("heading").get<int>() : 0;
        if (result.level != 1 && result.level != 2)
            fail(sourceName, where + ": a heading's level is 1 or 2");
        result.text = stringMember(item, "text", where, sourceName);
    } else if (item.contains("placeholder")) {
        result.kind = OutlineItem::Kind::Placeholder;
        result.text = stringMember(item, "placeholder", where, sourceName);
    } else if (item.contains("section")) {
        result.kind = OutlineItem::Kind::Section;
        result.text = stringMember(item, "section", where, sourceName);
        const auto ids = sectionIds();
        if (std::find(ids.begin(), ids.end(), result.text) == ids.end())
            fail(sourceName, where + ": unknown section \"" + result.text + "\"");
    } else if (item.contains("table")) {
        const std::string kind = stringMember(item, "table", where, sourceName);
        if (kind != "score" && kind != "funding")
            fail(sourceName, where + ": a table is \"score\" or \"funding\"");
        result.kind = kind == "score" ? OutlineItem::Kind::ScoreTable : OutlineItem::Kind::FundingTable;
        result.text = stringMember(item, "caption", where, sourceName);
    } else {
        result.kind = OutlineItem::Kind::Text;
        result.text = stringMember(item, "text", where, sourceName);
    }
    if (result.text.empty())
        fail(sourceName, where + " is empty");
    return result;
}

bool isChinese(std::string_view lang) {
    return lang.size() >= 2 && (lang[0] == 'z' || lang[0] == 'Z') && (lang[1] == 'h' || lang[1] == 'H') &&
           (lang.size() == 2 || lang[2] == '-' || lang[2] == '_');
}

} // namespace

const ReportLayout& ReportOutline::forLanguage(std::string_view lang) const {
    return byLanguage.at(isChinese(lang) ? "zh-CN" : "en");
}

ReportOutline reportOutlineFromJson(std::string_view json, const std::string& sourceName) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        fail(sourceName, e.what());
    }
    if (!root.is_object())
        fail(sourceName, "not a JSON object");
    ReportOutline outline;
    outline.templateId = stringMember(root, "templateId", "the file", sourceName);
    for (const char* lang : {"zh-CN", "en"}) {
        if (!root.contains(lang) || !root.at(lang).is_object())
            fail(sourceName, std::string("no \"") + lang + "\" layout");
        const auto& block = root.at(lang);
        ReportLayout layout;
        layout.title = stringMember(block, "title", lang, sourceName);
        layout.titleHint = stringMember(block, "titleHint", lang, sourceName);
        if (!block.contains("items") || !block.at("items").is_array() || block.at("items").empty())
            fail(sourceName, std::string(lang) + " has no items");
        int index = 0;
        for (const auto& item : block.at("items"))
            layout.items.push_back(
                readItem(item, std::string(lang) + " item " + std::to_string(++index), sourceName));
        outline.byLanguage.emplace(lang, std::move(layout));
    }
    return outline;
}

ReportOutline loadReportOutline(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error(file.string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return reportOutlineFromJson(text.str(), file.string());
}

std::string reportTitle(const ReportLayout& layout, const Metadata& meta) {
    // A title that does not name the project (部门整体支出's) needs none.
    const bool namesProject = layout.title.find("{project}") != std::string::npos;
    if (meta.unit.empty() || (namesProject && meta.project.empty()) || !meta.year)
        return {};
    return fillPlaceholders(layout.title, {{"unit", meta.unit},
                                           {"year", std::to_string(*meta.year)},
                                           {"project", projectInTitle(meta.project)}});
}

int placeholderCount(const ReportLayout& layout, bool titleKnown) {
    const auto count = std::count_if(layout.items.begin(), layout.items.end(), [](const OutlineItem& item) {
        return item.kind == OutlineItem::Kind::Placeholder;
    });
    return static_cast<int>(count) + (titleKnown ? 0 : 1);
}

std::vector<Finding> placeholderFindings(const std::vector<OpenPlaceholder>& open,
                                         const MessageCatalog& messages, std::string_view lang) {
    std::vector<Finding> findings;
    for (const auto& placeholder : open) {
        Finding finding;
        finding.ruleId = placeholder.section.empty() ? "report.placeholder-title" : "report.placeholder";
        finding.severity = Severity::Warning;
        finding.location.kind = Location::Kind::Paragraph;
        finding.location.paragraph = placeholder.paragraph;
        finding.location.offset = placeholder.offset;
        finding.location.length = placeholder.length;
        finding.args = {{"section", placeholder.section}, {"hint", placeholder.hint}};
        finding.message = messages.format(lang, finding.ruleId, finding.args);
        findings.push_back(std::move(finding));
    }
    return findings;
}

} // namespace jixiao
