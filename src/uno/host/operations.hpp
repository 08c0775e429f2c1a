// The functions of the deck and of the scripting API, in one place: read the document into the core's
// model, let the core decide, and write the result back as one undo step. The sidebar panel, the
// EvaluationTool service and live recompute all call these.
#pragma once

#include "core/assemble.hpp"
#include "core/derive/run_plan.hpp"
#include "core/derive/stale_values.hpp"
#include "core/model/finding.hpp"
#include "core/model/grid.hpp"
#include "core/model/scorecard.hpp"
#include "core/model/user_error.hpp"
#include "core/write/section_place.hpp"
#include "uno/base/undo_step.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::office {

class TableCache;
class DocumentHost;

// insertSection's refusal to write a second copy of a section it cannot find: a UserError for the service,
// and `question` for the deck, which asks it and calls again with insertAnyway.
struct SectionNotFound : UserError {
    SectionNotFound(Message error, Message question)
        : UserError(std::move(error)), question(std::move(question)) {}
    Message question;
};

// What Jixiao found in a document: the core's assembly of it (core/assemble.hpp).
using DocumentData = jixiao::Report;

// What one recompute run did.
struct RecomputeResult {
    int written = 0;   // cells written
    DocumentData read; // the tables as the run read them, before its writes (the deck's summary)
    Patch score;       // what the run wrote to the scoring table
    Patch funding;     // and to the funding table
    // A live run put back a computed cell the user typed into (core/derive/run_plan.hpp): its address.
    std::optional<std::string> computedCellTyped;
    std::optional<std::string> computedFundingCellTyped; // the same in the funding table
    // Cells the run left as they were although they are wrong (document_host.hpp takeHeldCells): not in
    // `score` or `funding`.
    std::vector<std::string> heldCells;
};

class Operations {
public:
    explicit Operations(const css::uno::Reference<css::uno::XComponentContext>& context);

    static bool isReadOnly(const css::uno::Reference<css::frame::XModel>& model);
    static std::vector<std::string> sectionIds();

    std::vector<std::string> templateIds() const;
    std::string insertScoreTable(const css::uno::Reference<css::frame::XModel>& model,
                                 const std::string& templateId) const;
    std::string insertFundingTable(const css::uno::Reference<css::frame::XModel>& model) const;
    void importScorecard(const css::uno::Reference<css::frame::XModel>& model, const std::string& json) const;
    // `live`: the run that follows an edit (typing, paste, undo, redo, a macro's write). Its writes stay
    // out of the undo stack, so LibreOffice's own steps are left exactly as they are: the digits typed into
    // one cell stay one step, and Ctrl+Z undoes that step alone (the cursor goes back to the edit, not to
    // the derived cells) and the run after the undo derives the cells again. A write that would change a
    // cell's paragraph count (a weight label with a line break) would shift the positions Writer's undo
    // steps remember, so such a patch joins the user's last step instead. Not live: an undo step of its own.
    // `cache`: the document's remembered tables (DocumentController's), so that a run after one edit
    // re-reads only the cells recompute depends on; without it the document is read whole.
    // `memory`: what the document's live runs remember (core/derive/run_plan.hpp), kept by its controller and
    // updated here once the writes are made: the cells Jixiao wrote and what they held before — recompute
    // never empties a cell that holds a value (a typed value is only replaced by the right one,
    // planRecompute), but a value Jixiao wrote itself that its inputs no longer support (after an undo, a
    // deleted or out-of-range score) is taken back — and the table as the run left it. Null: neither.
    // The document is read, the core decides the whole run in one call (planRun), and its writes are made.
    RecomputeResult recompute(const css::uno::Reference<css::frame::XModel>& model, bool live = false,
                              TableCache* cache = nullptr, RunMemory* memory = nullptr) const;
    std::vector<Finding> validate(const css::uno::Reference<css::frame::XModel>& model) const;
    // The findings of a document already read whole (read(model), prose included).
    std::vector<Finding> validate(const DocumentData& data) const;
    // The same, worded in `lang` ("zh-CN" or "en") rather than the UI language.
    std::vector<Finding> validate(const DocumentData& data, const std::string& lang) const;
    std::vector<std::string> generateSection(const css::uno::Reference<css::frame::XModel>& model,
                                             const std::string& sectionId) const;
    // Writes the section into its anchor, or over its unedited copy whose anchor was lost; a section not
    // found is written at the cursor only when the document gives no reason to think it is there already
    // (core/write/section_place.hpp): else SectionNotFound, unless `insertAnyway` (the user answered the
    // question).
    std::string insertSection(const css::uno::Reference<css::frame::XModel>& model,
                              const std::string& sectionId, bool insertAnyway = false) const;
    std::string convertToLiveTable(const css::uno::Reference<css::frame::XModel>& model) const;
    // True when the user changed the section's text since Jixiao last wrote it (a refresh would overwrite
    // that).
    bool isSectionEdited(const css::uno::Reference<css::frame::XModel>& model,
                         const std::string& sectionId) const;
    std::string exportScorecard(const css::uno::Reference<css::frame::XModel>& model) const;
    // Puts each open finding as a comment at its cell or paragraph, in the document's language, as one undo
    // step; removes Jixiao's comments for findings that are gone (core/check/finding_comments.hpp). Returns
    // the number of comments added (comment_operations.cpp).
    int addFindingsAsComments(const css::uno::Reference<css::frame::XModel>& model) const;
    // Re-grades the report with the options' bands, as one undo step: stores them as the report's
    // (core/model/grade_bands.hpp) and rewrites the grade — in Calc Jixiao's grade formula with the new
    // values, never a formula of the user's. Returns the bands now stored. The deck asks the user first.
    std::string regradeWithOptions(const css::uno::Reference<css::frame::XModel>& model) const;
    void select(const css::uno::Reference<css::frame::XModel>& model, const Location& location) const;
    // Stores the panel's metadata fields as document properties; a field that is not a number where one is
    // needed (年度, 预算, 实际支出) is refused with a message naming it, and nothing is stored.
    void saveReportMetadata(const css::uno::Reference<css::frame::XModel>& model, const std::string& unit,
                            const std::string& project, const std::string& year, const std::string& budget,
                            const std::string& actual) const;

    // `withParagraphs`: the prose is needed for validation and titles, not for recompute, and reading it
    // costs more than the table on a long report. `cache`: take the scoring and funding tables from it when
    // it can tell they are still current (recompute only: see table_cache.hpp), and remember a whole read.
    // 新建评价报告: a whole report from the template's framework into an empty Writer document, as one undo
    // step (report_operations.cpp). Returns the number of placeholders left for a person to fill.
    int insertReport(const css::uno::Reference<css::frame::XModel>& model,
                     const std::string& templateId) const;
    // The title placeholder of a report made by insertReport before 单位, 年度 and 项目 were all known,
    // replaced by the title once they are (saveReportMetadata calls it), as one undo step. Nothing when there
    // is none.
    void fillReportTitle(const css::uno::Reference<css::frame::XModel>& model) const;
    // The scoring tables' captions Jixiao wrote in Writer, rewritten from the report details as they are now
    // (uno/host/writer_caption.hpp: never a caption the user edited), as one undo step or joined to the one
    // on top (重算's own); 重算 and saveReportMetadata call it (caption_operations.cpp). `kind` is the
    // framework kind of the document's table (frameworkKind), which chooses the caption's wording. Returns
    // how many were rewritten.
    int refreshTableCaptions(const css::uno::Reference<css::frame::XModel>& model, const std::string& kind,
                             UndoStep step = UndoStep::Own) const;

    DocumentData read(const css::uno::Reference<css::frame::XModel>& model, bool withParagraphs = true,
                      TableCache* cache = nullptr) const;
    // The document's body paragraphs as `read` gives them (Calc: none), without the tables.
    std::vector<std::string> paragraphs(const css::uno::Reference<css::frame::XModel>& model) const;

private:
    // What the host reads for the core besides the tables: the properties as stored, the options' bands and,
    // `withParagraphs`, the prose.
    DocumentSnapshot snapshot(const css::uno::Reference<css::frame::XModel>& model, DocumentHost& host,
                              bool withParagraphs) const;
    void requireEditable(const css::uno::Reference<css::frame::XModel>& model) const;
    // Where insertSection writes (core/write/section_place.hpp); throws SectionNotFound for a question unless
    // `insertAnyway`.
    SectionPlan planSectionWrite(const css::uno::Reference<css::frame::XModel>& model, DocumentHost& host,
                                 const std::string& sectionId, bool insertAnyway) const;
    // The scoring table's caption for a table of the framework kind `kind` (core/write/score_table_caption).
    std::string tableCaption(const Metadata& meta, std::string_view kind) const;
    // The caption of a table written once (importScorecard): no fragment for details still unknown, the
    // generic name instead (finalScoreTableCaption).
    std::string finalTableCaption(const Scorecard& card) const;
    // The kind of the framework `card` follows (Template::kind): its template's, or for a table read from a
    // document, the closest template's.
    // reportKind (core/write/templates.hpp) with the extension's templates; `paragraphs` when read.
    std::string frameworkKind(const Scorecard& card, const std::vector<std::string>& paragraphs = {}) const;
    std::string ui(const std::string& key, const std::map<std::string, std::string>& args = {}) const;

    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace jixiao::office
