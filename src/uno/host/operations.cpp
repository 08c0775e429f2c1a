#include "uno/host/operations.hpp"

#include "uno/host/calc_caption.hpp"
#include "uno/host/calc_score_marks.hpp"

#include "uno/base/extension_data.hpp"
#include "uno/base/settings.hpp"
#include "uno/base/undo_context.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/document_host.hpp"
#include "uno/host/document_properties.hpp"
#include "uno/host/grade_bands_store.hpp"
#include "uno/host/table_cache.hpp"
#include "uno/host/writer_caption.hpp"
#include "uno/host/writer_cursor.hpp"
#include "uno/host/writer_report.hpp"

#include "core/assemble.hpp"
#include "core/check/validate_report.hpp"
#include "core/derive/figures.hpp"
#include "core/derive/recompute.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/derive/regrade_plan.hpp"
#include "core/derive/run_plan.hpp"
#include "core/derive/stale_values.hpp"
#include "core/model/user_error.hpp"
#include "core/read/document_language.hpp"
#include "core/read/grid_reader.hpp"
#include "core/read/scorecard_json.hpp"
#include "core/text/fingerprint.hpp"
#include "core/text/numbers.hpp"
#include "core/write/grid_writer.hpp"
#include "core/write/narrative.hpp"
#include "core/write/roll_forward.hpp"
#include "core/write/score_table_caption.hpp"
#include "core/write/section_place.hpp"
#include "core/write/templates.hpp"

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace jixiao::office {
namespace {

// The user templates that did not load, each worded in the UI language.
std::vector<std::string> templateErrorTexts(const ExtensionData& extension) {
    std::vector<std::string> texts;
    for (const auto& error : extension.templateErrors)
        texts.push_back(extension.text(error));
    return texts;
}

} // namespace

Operations::Operations(const Reference<uno::XComponentContext>& context) : context_(context) {}

// "{单位}{年度}年度{项目}支出绩效评价指标体系及打分表" (部门整体支出 for a department's), leaving out what
// the document does not say yet.
std::string Operations::tableCaption(const Metadata& meta, std::string_view kind) const {
    const Message caption = scoreTableCaption(meta, kind);
    return ui(caption.key, caption.args);
}

std::string Operations::finalTableCaption(const Scorecard& card) const {
    const Message caption = finalScoreTableCaption(card.meta, frameworkKind(card));
    return ui(caption.key, caption.args);
}

std::string Operations::frameworkKind(const Scorecard& card,
                                      const std::vector<std::string>& paragraphs) const {
    return reportKind(ExtensionData::get(context_).templates, card, paragraphs);
}

std::string Operations::ui(const std::string& key, const std::map<std::string, std::string>& args) const {
    return ExtensionData::get(context_).text(key, args);
}

bool Operations::isReadOnly(const Reference<frame::XModel>& model) {
    Reference<frame::XStorable> storable(model, UNO_QUERY);
    return storable.is() && storable->isReadonly();
}

void Operations::requireEditable(const Reference<frame::XModel>& model) const {
    if (!model.is())
        throw UserError("error.no-document");
    if (isReadOnly(model))
        throw UserError("error.read-only");
}

std::vector<std::string> Operations::sectionIds() {
    return jixiao::sectionIds();
}

std::vector<std::string> Operations::templateIds() const {
    std::vector<std::string> ids;
    for (const auto& t : ExtensionData::get(context_).templates)
        ids.push_back(t.id);
    return ids;
}

DocumentSnapshot Operations::snapshot(const Reference<frame::XModel>& model, DocumentHost& host,
                                      bool withParagraphs) const {
    DocumentSnapshot snapshot;
    snapshot.properties = readStoredProperties(model);
    snapshot.gradeBands = Settings::gradeBands(context_);
    if (withParagraphs) {
        snapshot.paragraphs = host.paragraphs();
        snapshot.problemsSection = host.sectionText("problems");
        if (!host.isCalc())
            snapshot.openPlaceholders = readOpenPlaceholders(model);
    }
    return snapshot;
}

namespace {

// `snapshot` with its tables, handed to the core's `decide` (assemble, or planRun for a recompute: one call
// into the core either way), whose answer holds the Report (`reportOf`). The tables come from `cache` when it
// can tell they are still current, and when it can bring the report it kept up to date without assembling
// (table_cache.hpp), that report goes to `decideReport` instead; when those no longer give a scoring table,
// the document is read whole.
template <typename Decide, typename DecideReport, typename ReportOf>
auto decideOnTables(DocumentHost& host, DocumentSnapshot snapshot, TableCache* cache, Decide decide,
                    DecideReport decideReport, ReportOf reportOf) {
    if (cache != nullptr) {
        if (auto kept = cache->report(host, snapshot)) {
            auto decided = decideReport(std::move(*kept));
            if (reportOf(decided).hasScoreTable)
                return decided;
        } else if (!snapshot.tables.empty()) {
            auto decided = decide(snapshot);
            if (reportOf(decided).hasScoreTable) {
                cache->keep(reportOf(decided), snapshot);
                return decided;
            }
        }
        cache->forget(); // the remembered tables no longer read: read the document whole
    }
    snapshot.tables = host.readTables();
    auto decided = decide(snapshot);
    if (cache != nullptr)
        cache->remember(host, reportOf(decided), snapshot);
    return decided;
}

} // namespace

DocumentData Operations::read(const Reference<frame::XModel>& model, bool withParagraphs,
                              TableCache* cache) const {
    if (!model.is())
        throw UserError("error.no-document");
    auto host = makeDocumentHost(context_, model);
    return decideOnTables(
        *host, snapshot(model, *host, withParagraphs), cache,
        [](const DocumentSnapshot& tables) { return assemble(tables); }, [](Report report) { return report; },
        [](const Report& report) -> const Report& { return report; });
}

std::vector<std::string> Operations::paragraphs(const Reference<frame::XModel>& model) const {
    if (!model.is())
        throw UserError("error.no-document");
    return makeDocumentHost(context_, model)->paragraphs();
}

namespace {

// Calc: the score table placed as `name` gets real formulas, so the sheet stays live where Jixiao is not
// installed; the grade formula holds the values of `bands`, the bands the table is graded with.
void makeScoreTableLive(DocumentHost& host, const Reference<frame::XModel>& model, const std::string& name,
                        const std::vector<GradeBand>& bands) {
    const Grid placed = host.readTable(name);
    Scorecard placedCard = readScoreTable(placed);
    placedCard.gradeBands = bands;
    host.applyPatch(name, calcLiveFormulas(placedCard, placed, calcOriginOf(placed)));
    markBadScores(model,
                  placedCard); // a bad score marked in the cell being typed into (calc_score_marks.hpp)
}

// Calc: the funding table placed as `name` gets its sums as formulas.
void makeFundingTableLive(DocumentHost& host, const std::string& name) {
    const Grid placed = host.readTable(name);
    host.applyPatch(name, calcFundingFormulas(readFundingTable(placed), placed, calcOriginOf(placed)));
}

} // namespace

std::string Operations::insertScoreTable(const Reference<frame::XModel>& model,
                                         const std::string& templateId) const {
    requireEditable(model);
    const auto& extension = ExtensionData::get(context_);
    const Template* chosen = extension.findTemplate(templateId);
    if (chosen == nullptr) {
        // The template the user means may be one of theirs that did not load: say which files were skipped.
        // One message in two parts: the unknown id, then each skipped file (template.invalid, already
        // worded).
        std::string skipped;
        for (const auto& error : templateErrorTexts(extension))
            skipped += "\n" + ui("template.invalid", {{"error", error}});
        throw UserError("error.unknown-template", {{"id", templateId}, {"skipped", skipped}});
    }
    auto host = makeDocumentHost(context_, model);
    Scorecard card = chosen->card;
    const auto properties = readReportProperties(model);
    // A template's own bands grade its table; else the report's own, else the options'.
    if (card.gradeBands == defaultGradeBands())
        card.gradeBands = chooseGradeBands(properties.gradeBands, Settings::gradeBands(context_)).bands;
    applyReportProperties(properties, card);

    const std::string caption = tableCaption(card.meta, chosen->kind);
    ScoreTableStyle style;
    style.titleRow =
        host->isCalc(); // Writer: the caption is a paragraph above the table, as offices write it
    style.title = caption;
    const Grid grid = writeScoreTable(card, style);

    UndoContext undo(model, fromUtf8(ui("undo.insert-score-table")));
    ControllerLock lock(model);
    std::string name = host->insertTable(grid, host->isCalc() ? std::string{} : caption, TableKind::Score);
    if (!host->isCalc())
        markTableCaption(model, name, caption); // so it can follow the report details (writer_caption.hpp)
    if (host->isCalc()) {
        markCalcTableCaption(model, name,
                             caption); // its title row follows the report details (calc_caption.hpp)
        makeScoreTableLive(*host, model, name, card.gradeBands);
    }
    storeGradeBands(model, formatGradeBands(card.gradeBands), ui("undo.insert-score-table"));
    return name;
}

std::string Operations::insertFundingTable(const Reference<frame::XModel>& model) const {
    requireEditable(model);
    auto host = makeDocumentHost(context_, model);
    Scorecard card;
    applyReportProperties(readReportProperties(model), card);
    const Grid grid = writeFundingTable(card.funding);
    UndoContext undo(model, fromUtf8(ui("undo.insert-funding-table")));
    ControllerLock lock(model);
    std::string name = host->insertTable(grid, ui("table.funding-caption"), TableKind::Funding);
    if (host->isCalc())
        makeFundingTableLive(*host, name);
    return name;
}

void Operations::importScorecard(const Reference<frame::XModel>& model, const std::string& json) const {
    requireEditable(model);
    Scorecard card;
    try {
        card = scorecardFromJson(json, "importScorecard");
    } catch (const ScorecardTooLarge& e) {
        // Refused before anything is built, in the words of an import rather than of a JSON file's path.
        throw UserError("error.import-too-large." + e.what_,
                        {{"found", std::to_string(e.found)}, {"limit", std::to_string(e.limit)}});
    }
    if (card.gradeBands == defaultGradeBands()) // none of its own: the report's, else the options'
        card.gradeBands =
            chooseGradeBands(readReportProperties(model).gradeBands, Settings::gradeBands(context_)).bands;
    auto host = makeDocumentHost(context_, model);
    UndoContext undo(model, fromUtf8(ui("undo.import")));
    ControllerLock lock(model);
    const std::string caption = card.meta.title.empty() ? finalTableCaption(card) : card.meta.title;
    ScoreTableStyle style;
    style.titleRow = host->isCalc();
    style.title = caption;
    const std::string scoreName = host->insertTable(
        writeScoreTable(card, style), host->isCalc() ? std::string{} : caption, TableKind::Score);
    if (!card.funding.items.empty() || card.funding.budget) {
        const std::string fundingName = host->insertTable(writeFundingTable(card.funding),
                                                          ui("table.funding-caption"), TableKind::Funding);
        if (host->isCalc())
            makeFundingTableLive(*host, fundingName);
    }
    if (host->isCalc())
        makeScoreTableLive(*host, model, scoreName, card.gradeBands);
    // Last: the properties are not undoable, so a refused insertion (a protected sheet) leaves them as they
    // were.
    writeReportProperties(model, reportPropertiesOf(card));
}

namespace {

// Takes the cells the host held back out of the patch it was given, so that what follows the writes (the
// table cache, the report brought up to date in memory) sees only what was written; they go to `held`.
void leaveOut(Patch& patch, const std::vector<std::string>& cells, std::vector<std::string>& held) {
    std::erase_if(patch.writes, [&](const CellWrite& write) {
        return std::find(cells.begin(), cells.end(), write.cell.address) != cells.end();
    });
    held.insert(held.end(), cells.begin(), cells.end());
}

// The cell under a Writer view's text cursor, for the computed-cell notice (empty in no cell).
CursorCell cursorCell(const Reference<frame::XController>& view) {
    const auto place = cursorPlace(view);
    if (place.kind != CursorPlace::Kind::InCell)
        return {};
    return {place.table, place.cell};
}

} // namespace

RecomputeResult Operations::recompute(const Reference<frame::XModel>& model, bool live, TableCache* cache,
                                      RunMemory* memory) const {
    if (!model.is())
        throw UserError("error.no-document");
    RecomputeResult result;
    if (isReadOnly(model))
        return result;
    auto host = makeDocumentHost(context_, model);
    RunContext context;
    context.calc = host->isCalc();
    context.live = live;
    // A document with a text view (Writer) tells the cell typed into by its cursor; one without (Calc, where
    // Enter moves on, or a hidden document) by comparing with the table as the last run left it.
    const Reference<frame::XController> view(live || memory != nullptr ? model->getCurrentController()
                                                                       : nullptr);
    const bool textView = Reference<text::XTextViewCursorSupplier>(view, UNO_QUERY).is();
    if (live && textView)
        context.cursor = cursorCell(view);
    context.rememberLeft = !textView;
    // The run's one trip into the core (core/derive/run_plan.hpp): the document as read in, the whole run out
    // — nothing on a table read only in part, nothing over a formula the user wrote, a value of Jixiao's that
    // nothing supports taken back.
    RunPlan plan = decideOnTables(
        *host, snapshot(model, *host, false), cache,
        [&](const DocumentSnapshot& tables) { return planRun(tables, memory, context); },
        [&](Report report) { return planRun(std::move(report), memory, context); },
        [](const RunPlan& planned) -> const Report& { return planned.report; });
    if (plan.score.empty() && plan.funding.empty()) {
        if (plan.gradeBandsToStore)
            writeGradeBands(model, *plan.gradeBandsToStore);
        if (memory != nullptr)
            *memory = std::move(plan.memory);
        if (!live) // 重算: a caption written before the report details were filled in follows them
            refreshTableCaptions(model, frameworkKind(plan.report.card, plan.report.paragraphs));
        result.read = std::move(plan.report);
        return result; // nothing to write: no undo step, and the redo stack stays as it is
    }
    const DocumentData& data = plan.report;

    Reference<document::XUndoManager> undoManager;
    Reference<document::XUndoManagerSupplier> supplier(model, UNO_QUERY);
    if (supplier.is())
        undoManager = supplier->getUndoManager();
    const bool outside = live && undoManager.is() && (context.calc || plan.keepsParagraphs);
    const bool join = live && !outside && undoManager.is() && undoManager->isUndoPossible();
    // A failed write in a step of its own is taken back (undo_context.hpp); joined to the user's edit or
    // outside the stack, it cannot be told apart from the user's work.
    UndoStackMark mark(outside || join ? Reference<document::XUndoManager>() : undoManager);
    if (outside)
        undoManager->lock();
    else if (join)
        undoManager->enterHiddenUndoContext();
    else if (undoManager.is())
        undoManager->enterUndoContext(fromUtf8(ui("undo.recompute")));
    auto finish = [&] {
        if (outside)
            undoManager->unlock();
        else if (undoManager.is())
            undoManager->leaveUndoContext();
    };
    try {
        if (!plan.score.empty()) {
            result.written += host->applyPatch(data.card.tableName, plan.score);
            leaveOut(plan.score, host->takeHeldCells(), result.heldCells);
        }
        if (!plan.funding.empty()) {
            result.written += host->applyPatch(data.card.fundingTableName, plan.funding);
            leaveOut(plan.funding, host->takeHeldCells(), result.heldCells);
        }
    } catch (...) {
        finish();
        mark.rollBack(fromUtf8(ui("undo.recompute")));
        if (cache != nullptr)
            cache->forget(); // some cells may be written: the next run reads whole
        throw;
    }
    finish();
    // 重算 stays one undo step: the caption joins the step its cells just made (none when every write was
    // held back).
    if (!live)
        refreshTableCaptions(model, frameworkKind(data.card, data.paragraphs),
                             result.written > 0 ? UndoStep::JoinLast : UndoStep::Own);
    if (cache != nullptr) {
        cache->wrote(data.card.tableName, plan.score);
        cache->wrote(data.card.fundingTableName, plan.funding);
    }
    if (memory != nullptr)
        *memory = std::move(plan.memory);
    // After the writes: a refused one (a protected sheet) changes nothing.
    if (plan.gradeBandsToStore)
        writeGradeBands(model, *plan.gradeBandsToStore);
    result.computedCellTyped = std::move(plan.computedCellTyped);
    result.computedFundingCellTyped = std::move(plan.computedFundingCellTyped);
    result.read = std::move(plan.report);
    result.score = std::move(plan.score);
    result.funding = std::move(plan.funding);
    return result;
}

std::string Operations::regradeWithOptions(const Reference<frame::XModel>& model) const {
    requireEditable(model);
    auto data = read(model, false);
    const auto before = data.card.gradeBands;
    const auto after = data.gradeBands.options;
    UndoContext undo(model, fromUtf8(ui("undo.regrade")));
    ControllerLock lock(model);
    storeGradeBands(model, formatGradeBands(after), ui("undo.regrade"));
    if (data.hasScoreTable && !data.partial) {
        data = read(model, false); // graded with the bands just stored
        auto host = makeDocumentHost(context_, model);
        // The grade only: what else 重算 would write is its own, reported, undo step (regrade_plan.hpp).
        const Patch patch = planRegrade(
            data, before, host->isCalc() ? std::optional(calcOriginOf(data.scoreGrid)) : std::nullopt);
        if (!patch.empty())
            host->applyPatch(data.card.tableName, patch);
    }
    return formatGradeBands(after);
}

std::vector<Finding> Operations::validate(const Reference<frame::XModel>& model) const {
    return validate(read(model));
}

std::vector<Finding> Operations::validate(const DocumentData& data) const {
    return validate(data, ExtensionData::get(context_).lang);
}

std::vector<Finding> Operations::validate(const DocumentData& data, const std::string& lang) const {
    const auto& extension = ExtensionData::get(context_);
    return jixiao::validate(
        data, {extension.messages, extension.ui, lang, extension.templates, templateErrorTexts(extension)});
}

std::vector<std::string> Operations::generateSection(const Reference<frame::XModel>& model,
                                                     const std::string& sectionId) const {
    const auto ids = sectionIds();
    if (std::find(ids.begin(), ids.end(), sectionId) == ids.end())
        throw UserError("error.unknown-section", {{"id", sectionId}});
    auto data = read(model);
    if (!data.hasScoreTable && sectionId != "cost-benefit" && sectionId != "funding-usage")
        throw UserError("error.no-score-table");
    const auto& extension = ExtensionData::get(context_);
    NarrativeOptions options;
    // Written in the document's language; the UI language only for a document without words yet.
    options.lang = documentLanguage(data.paragraphs, data.card).value_or(extension.lang);
    options.fixedTwoDecimals = Settings::fixedTwoDecimals(context_);
    options.suggestions = suggestionsFor(extension.templates, data.card.meta.templateId);
    options.subjectKind = frameworkKind(data.card, data.paragraphs);
    data.card.funding = reportFunding(data);
    return jixiao::generateSection(data.card, sectionId, extension.patterns(options.lang), options);
}

SectionPlan Operations::planSectionWrite(const Reference<frame::XModel>& model, DocumentHost& host,
                                         const std::string& sectionId, bool insertAnyway) const {
    if (host.isCalc()) // a named range of Jixiao's own sheet: found, or written anew
        return {host.sectionText(sectionId) ? SectionPlan::Kind::Refresh : SectionPlan::Kind::Insert};
    const auto& extension = ExtensionData::get(context_);
    SectionSearch search;
    search.anchored = host.sectionText(sectionId).has_value();
    search.fingerprint = readSectionFingerprint(model, sectionId);
    if (!search.anchored) {
        search.paragraphs = host.paragraphs();
        for (const char* lang : {"zh-CN", "en"})
            search.titles.push_back(extension.ui.format(lang, "section." + sectionId, {}));
        search.insertAt = host.sectionInsertionParagraph();
    }
    const SectionPlan plan = planSection(search);
    if (insertAnyway ||
        (plan.kind != SectionPlan::Kind::AskLost && plan.kind != SectionPlan::Kind::AskHeading))
        return plan;
    std::map<std::string, std::string> args{{"section", ui("section." + sectionId)}};
    if (plan.kind == SectionPlan::Kind::AskLost)
        throw SectionNotFound({"error.section-lost", args}, {"confirm.section-lost", args});
    args["heading"] = search.paragraphs[std::size_t(plan.first)];
    throw SectionNotFound({"error.section-heading", args}, {"confirm.section-heading", args});
}

std::string Operations::insertSection(const Reference<frame::XModel>& model, const std::string& sectionId,
                                      bool insertAnyway) const {
    requireEditable(model);
    const auto paragraphs = generateSection(model, sectionId);
    auto host = makeDocumentHost(context_, model);
    const SectionPlan plan = planSectionWrite(model, *host, sectionId, insertAnyway);
    UndoContext undo(model, fromUtf8(ui("undo.insert-section")));
    ControllerLock lock(model);
    try {
        if (plan.kind != SectionPlan::Kind::Adopt)
            host->writeSection(sectionId, paragraphs);
        else if (!host->adoptSection(sectionId, paragraphs, plan.first, plan.count)) {
            // The copy cannot be written over (a table lies between its paragraphs): as lost, nothing
            // written.
            if (!insertAnyway) {
                const std::map<std::string, std::string> args{{"section", ui("section." + sectionId)}};
                throw SectionNotFound({"error.section-lost", args}, {"confirm.section-lost", args});
            }
            host->writeSection(sectionId, paragraphs);
        }
    } catch (const NoPlaceForSection&) {
        throw UserError("error.section-place");
    }
    if (const auto written = host->sectionText(sectionId))
        writeSectionFingerprint(model, sectionId, textFingerprint(*written));
    std::string text;
    for (const auto& paragraph : paragraphs)
        text += (text.empty() ? "" : "\n") + paragraph;
    return text;
}

std::string Operations::convertToLiveTable(const Reference<frame::XModel>& model) const {
    requireEditable(model);
    const auto data = read(model, false);
    if (!data.hasScoreTable)
        throw UserError("error.no-score-table");
    if (data.partial)
        throw UserError("error.table-partial");
    auto host = makeDocumentHost(context_, model);
    UndoContext undo(model, fromUtf8(ui("undo.convert")));
    ControllerLock lock(model);
    if (host->isCalc()) {
        // Formulas in place of the typed numbers: the sheet stays live where Jixiao is not installed.
        host->applyPatch(data.card.tableName,
                         calcLiveFormulas(data.card, data.scoreGrid, calcOriginOf(data.scoreGrid)));
        if (data.hasFundingTable)
            host->applyPatch(
                data.card.fundingTableName,
                calcFundingFormulas(data.card.funding, data.fundingGrid, calcOriginOf(data.fundingGrid)));
    } else {
        // Writer tables have no formulas of ours: live recompute keeps them, starting from values made right.
        const auto plan = planRecompute(data);
        host->applyPatch(data.card.tableName, plan.score);
        if (data.hasFundingTable)
            host->applyPatch(data.card.fundingTableName, plan.funding);
    }
    // The bands the grade now follows (in Calc, the values its formula holds) are the report's from now on.
    if (data.card.totals.gradeCell.known())
        storeGradeBands(model, formatGradeBands(data.card.gradeBands), ui("undo.convert"));
    return data.card.tableName;
}

bool Operations::isSectionEdited(const Reference<frame::XModel>& model, const std::string& sectionId) const {
    if (!model.is())
        throw UserError("error.no-document");
    const auto current = makeDocumentHost(context_, model)->sectionText(sectionId);
    const std::string stored = readSectionFingerprint(model, sectionId);
    // A section written before fingerprints were kept counts as not edited: there is nothing to compare.
    return current && !stored.empty() && stored != textFingerprint(*current);
}

std::string Operations::exportScorecard(const Reference<frame::XModel>& model) const {
    // The funding the deck shows and the sections quote (the properties completed from the prose when there
    // is no funding table), so jixiao-batch's figures are the deck's (issue 21 item 5).
    auto data = read(model);
    data.card.funding = reportFunding(data);
    return scorecardToJson(data.card);
}

void Operations::saveReportMetadata(const Reference<frame::XModel>& model, const std::string& unit,
                                    const std::string& project, const std::string& year,
                                    const std::string& budget, const std::string& actual) const {
    requireEditable(model);
    const auto typed = parseTypedProperties(unit, project, year, budget, actual);
    if (!typed.properties)
        throw UserError(typed.problem, {{"field", ui("panel.meta-" + typed.field)}, {"found", typed.found}});
    const ReportProperties& properties = *typed.properties;
    writeReportProperties(model, properties);
    fillReportTitle(model); // a report made before 单位/年度/项目 were known gets its title now
    // and its scoring table's caption, worded for the framework its table follows
    refreshTableCaptions(model, frameworkKind(read(model, false).card));
}

void Operations::select(const Reference<frame::XModel>& model, const Location& location) const {
    makeDocumentHost(context_, model)->select(location);
}

std::unique_ptr<DocumentHost> makeDocumentHost(const Reference<uno::XComponentContext>& /*context*/,
                                               const Reference<frame::XModel>& model) {
    Reference<lang::XServiceInfo> info(model, UNO_QUERY);
    if (info.is() && info->supportsService("com.sun.star.text.TextDocument"))
        return makeWriterHost(model);
    if (info.is() && info->supportsService("com.sun.star.sheet.SpreadsheetDocument"))
        return makeCalcHost(model);
    throw UserError("error.not-writer-or-calc");
}

} // namespace jixiao::office
