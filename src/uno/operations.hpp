// The functions of the deck and of the scripting API, in one place: read the document into the core's
// model, let the core decide, and write the result back as one undo step. The sidebar panel, the
// EvaluationTool service and live recompute all call these.
#pragma once

#include "core/assemble.hpp"
#include "core/finding.hpp"
#include "core/grid.hpp"
#include "core/scorecard.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <vector>

namespace jixiao::office {

class TableCache;

// What Jixiao found in a document: the core's assembly of it (core/assemble.hpp).
using DocumentData = jixiao::Report;

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
    // `joinPreviousUndo`: live recompute folds its writes into the user's edit, so one Ctrl+Z undoes both.
    // `cache`: the document's remembered tables (DocumentController's), so that a run after one edit
    // re-reads only the cells recompute depends on; without it the document is read whole.
    int recompute(const css::uno::Reference<css::frame::XModel>& model, bool joinPreviousUndo = false,
                  TableCache* cache = nullptr) const;
    std::vector<Finding> validate(const css::uno::Reference<css::frame::XModel>& model) const;
    std::vector<std::string> generateSection(const css::uno::Reference<css::frame::XModel>& model,
                                             const std::string& sectionId) const;
    std::string insertSection(const css::uno::Reference<css::frame::XModel>& model,
                              const std::string& sectionId) const;
    std::string convertToLiveTable(const css::uno::Reference<css::frame::XModel>& model) const;
    // True when the user changed the section's text since Jixiao last wrote it (a refresh would overwrite
    // that).
    bool isSectionEdited(const css::uno::Reference<css::frame::XModel>& model,
                         const std::string& sectionId) const;
    std::string exportScorecard(const css::uno::Reference<css::frame::XModel>& model) const;
    void select(const css::uno::Reference<css::frame::XModel>& model, const Location& location) const;
    // Stores the panel's metadata fields as document properties; a field that is not a number where one is
    // needed (年度, 预算, 实际支出) is refused with a message naming it, and nothing is stored.
    void saveReportMetadata(const css::uno::Reference<css::frame::XModel>& model, const std::string& unit,
                            const std::string& project, const std::string& year, const std::string& budget,
                            const std::string& actual) const;

    // `withParagraphs`: the prose is needed for validation and titles, not for recompute, and reading it
    // costs more than the table on a long report. `cache`: take the scoring and funding tables from it when
    // it can tell they are still current (recompute only: see table_cache.hpp), and remember a whole read.
    DocumentData read(const css::uno::Reference<css::frame::XModel>& model, bool withParagraphs = true,
                      TableCache* cache = nullptr) const;

private:
    void requireEditable(const css::uno::Reference<css::frame::XModel>& model) const;
    std::string tableCaption(const Metadata& meta) const;
    std::string ui(const std::string& key, const std::map<std::string, std::string>& args = {}) const;

    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace jixiao::office
