// 新建评价报告: Operations::insertReport, a whole report written into an empty Writer document from the
// chosen framework's structure (extension/reports/<templateId>.json, core/write/report_outline.hpp). The
// title, headings and placeholders are written here; the scoring and funding tables go through the same
// insertion as the deck's buttons, the sections through insertSection (so a refresh finds them again). All
// one undo step.
#include "uno/base/extension_data.hpp"
#include "uno/base/settings.hpp"
#include "uno/base/undo_context.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/document_host.hpp"
#include "uno/host/document_properties.hpp"
#include "uno/host/grade_bands_store.hpp"
#include "uno/host/operations.hpp"
#include "uno/host/writer_caption.hpp"
#include "uno/host/writer_report.hpp"

#include "core/model/grade_bands.hpp"
#include "core/model/messages.hpp"
#include "core/model/user_error.hpp"
#include "core/write/grid_writer.hpp"
#include "core/write/report_outline.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

using css::uno::Reference;

namespace jixiao::office {
namespace {

// The report structure of a template: its own file, else the shipped one of its kind (a user template made
// from a shipped one keeps that framework's report).
// Whether the document still has an unfilled placeholder with this hint.
bool readOpenPlaceholderHint(const Reference<css::frame::XModel>& model, const std::string& hint) {
    const auto open = readOpenPlaceholders(model);
    return std::any_of(open.begin(), open.end(), [&](const OpenPlaceholder& p) { return p.hint == hint; });
}

ReportOutline outlineFor(const ExtensionData& extension, const Template& chosen) {
    const auto dir = extension.root / "reports";
    auto file = dir / (chosen.id + ".json");
    if (!std::filesystem::exists(file))
        file = dir / (chosen.kind == "department" ? "department-overall.json" : "county-project.json");
    return loadReportOutline(file);
}

} // namespace

int Operations::insertReport(const Reference<css::frame::XModel>& model,
                             const std::string& templateId) const {
    requireEditable(model);
    auto host = makeDocumentHost(context_, model);
    if (host->isCalc())
        throw UserError("error.report-not-writer");
    if (!isEmptyWriterDocument(model))
        throw UserError("error.report-not-empty");
    const auto& extension = ExtensionData::get(context_);
    const Template* chosen = extension.findTemplate(templateId);
    if (chosen == nullptr)
        throw UserError("error.unknown-template", {{"id", templateId}, {"skipped", ""}});
    // An empty document has no language of its own yet: the report is written in the UI language.
    const ReportOutline outline = outlineFor(extension, *chosen);
    const ReportLayout& layout = outline.forLanguage(extension.lang);

    Scorecard card = chosen->card;
    const auto properties = readReportProperties(model);
    // As 插入打分表: the template's own bands grade its table; else the report's own, else the options'.
    if (card.gradeBands == defaultGradeBands())
        card.gradeBands = chooseGradeBands(properties.gradeBands, Settings::gradeBands(context_)).bands;
    applyReportProperties(properties, card);
    const std::string title = reportTitle(layout, card.meta);

    UndoContext undo(model, fromUtf8(ui("undo.insert-report")));
    // No ControllerLock around the whole: the tables and sections go where the view cursor is, which is moved
    // between the insertions; each insertion locks the view itself while it writes.
    WriterReportWriter writer(model);
    if (title.empty())
        writer.titlePlaceholder(layout.titleHint);
    else
        writer.title(title);
    std::vector<std::pair<std::string, int>> sections; // id, paragraph index
    std::vector<const OutlineItem*> tables;
    for (const auto& item : layout.items) {
        switch (item.kind) {
        case OutlineItem::Kind::Heading:
            writer.heading(item.level, item.text);
            break;
        case OutlineItem::Kind::Text:
            writer.text(item.text);
            break;
        case OutlineItem::Kind::Placeholder:
            writer.placeholder(item.text);
            break;
        case OutlineItem::Kind::Section:
            sections.emplace_back(item.text, writer.marker());
            break;
        case OutlineItem::Kind::ScoreTable:
        case OutlineItem::Kind::FundingTable:
            tables.push_back(&item); // appendices: after the text, in the layout's order
            break;
        }
    }
    // The appendices go at the end, each with its caption above it (附表1：…), in the same styles as the
    // deck's insertions. The paragraph left after the last one is where the user types below them.
    writer.marker();
    for (const OutlineItem* table : tables) {
        writer.moveViewCursor(writer.end());
        if (table->kind == OutlineItem::Kind::ScoreTable) {
            ScoreTableStyle style;
            style.titleRow = false; // Writer: the caption is a paragraph above the table
            const std::string caption = tableCaption(card.meta, chosen->kind);
            const std::string name =
                host->insertTable(writeScoreTable(card, style),
                                  fillPlaceholders(table->text, {{"caption", caption}}), TableKind::Score);
            markTableCaption(model, name, caption); // it follows the details filled in later

        } else {
            host->insertTable(writeFundingTable(card.funding),
                              fillPlaceholders(table->text, {{"caption", ui("table.funding-caption")}}),
                              TableKind::Funding);
        }
    }
    // The sections last: they are written from the tables just inserted (an empty table gives each its
    // 'incomplete' text until scores exist), through the deck's own path, so refresh and validation find
    // them.
    // Bottom-up, so the paragraph indices above stay true while each section adds paragraphs.
    for (auto section = sections.rbegin(); section != sections.rend(); ++section) {
        writer.moveViewCursor(writer.paragraphStart(section->second));
        insertSection(model, section->first);
    }
    writer.moveViewCursor(writer.start());
    storeGradeBands(model, formatGradeBands(card.gradeBands), ui("undo.insert-report"));
    return placeholderCount(layout, !title.empty());
}

void Operations::fillReportTitle(const Reference<css::frame::XModel>& model) const {
    Reference<css::lang::XServiceInfo> info(model, css::uno::UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.TextDocument"))
        return;
    Scorecard card;
    applyReportProperties(readReportProperties(model), card);
    const auto& extension = ExtensionData::get(context_);
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(extension.root / "reports", error)) {
        if (entry.path().extension() != ".json")
            continue;
        const ReportOutline outline = loadReportOutline(entry.path());
        for (const auto& [lang, layout] : outline.byLanguage) {
            const std::string title = reportTitle(layout, card.meta);
            if (title.empty())
                continue; // 单位, 年度 or what this title names (项目) still unknown
            if (!readOpenPlaceholderHint(model, layout.titleHint))
                continue;
            UndoContext undo(model, fromUtf8(ui("undo.report-title")));
            replacePlaceholder(model, layout.titleHint, title);
            return;
        }
    }
}

} // namespace jixiao::office
