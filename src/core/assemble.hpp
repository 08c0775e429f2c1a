// The one step from a document's contents to what Jixiao knows about it: the host (Writer, Calc, the batch
// checker, the benchmark probe) reads its tables as Grids, its paragraphs and properties into a
// DocumentSnapshot; assemble() chooses the scoring and funding tables, joins a scoring table split over
// several tables (续表, header repeated after a page break), reads them, applies the properties and the
// options, and says when a table could not be read whole. recompute_plan.hpp then decides what may be
// written. Every layout decision lives here and in the readers, so a new layout is one change in one place.
#pragma once

#include "core/model/finding.hpp"
#include "core/model/grade_bands.hpp"
#include "core/model/grid.hpp"
#include "core/model/open_placeholder.hpp"
#include "core/model/patch.hpp"
#include "core/model/report_properties.hpp"
#include "core/model/scorecard.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

// A field added here joins sameBesideTables (below).
struct DocumentSnapshot {
    std::vector<Grid> tables;            // every candidate table, in document order
    std::vector<std::string> paragraphs; // body paragraphs in order; empty when the caller did not read them
    // The document's properties as stored (text): assemble reads them (parseReportProperties), so a host
    // makes no decision about a 年度 or an amount.
    StoredProperties properties;
    // Grade bands from the options; they grade a report that stores none of its own (properties.gradeBands)
    // and states no grade they would change (chooseGradeBands, core/model/grade_bands.hpp).
    std::vector<GradeBand> gradeBands = defaultGradeBands();
    // Read with the paragraphs, carried into the Report as they are (Report::problemsSection,
    // Report::openPlaceholders).
    std::optional<std::string> problemsSection = std::nullopt;
    std::vector<OpenPlaceholder> openPlaceholders = {};
};

struct Report {
    Scorecard card;
    Grid scoreGrid; // the scoring table as read (its parts joined), for exact comparisons in recompute
    Grid fundingGrid;
    bool hasScoreTable = false;
    bool hasFundingTable = false;
    // Host names of the tables joined into the scoring table, in order (one unless it was split). Cells of
    // the second and later parts carry "表格2.B3"-style addresses in Writer; Calc addresses name their sheet.
    std::vector<std::string> scoreParts;
    // The scoring table was not read whole (cells the reader could not place): card.readIssues holds one
    // "table.partial" finding naming them, the indicators are not judged and recompute writes nothing.
    bool partial = false;
    std::vector<std::string> paragraphs;
    // Tables that look like scoring tables but whose layout could not be read ("table.layout"; messageKey
    // and args are the layout error's, for the surface to word).
    std::vector<Finding> layoutProblems;
    // The document was rolled forward from last year's report: what is left to check (roll_forward.hpp).
    std::optional<ReportProperties::RolledForward> rolledForward;
    std::optional<int> reportYear; // the 年度 the user entered (a document property): the reference year
    // The 实际支出 the user entered (a document property, 万元), also where a funding table states its own.
    std::optional<Decimal> actualProperty;
    // The funding the prose states (fundingFromProse), when the document has no funding table and its
    // paragraphs were read.
    std::optional<Funding> proseFunding;
    // The text of the 存在的问题和建议 section Jixiao wrote (section `problems`), as the document holds it
    // now, when the caller read the paragraphs and the document has one: validation holds it to the table.
    std::optional<std::string> problemsSection;
    // The bands card.gradeBands holds, where they came from and the options' (core/model/grade_bands.hpp).
    GradeBandsChoice gradeBands;
    // The placeholder fields of a report made by 新建评价报告 still unfilled (Writer, when the caller read
    // the paragraphs): each is a report.placeholder warning.
    std::vector<OpenPlaceholder> openPlaceholders;
    // Two reports are equal when every member is: what with_cell_texts.hpp must give is assemble's answer.
    friend bool operator==(const Report&, const Report&) = default;
};

Report assemble(const DocumentSnapshot& snapshot);
// Whether two snapshots hold the same beside their tables (properties, options, paragraphs …): then the
// report of one is the other's as far as their tables agree. The table cache keeps a report between live
// runs only while this holds (uno/host/table_cache.hpp).
bool sameBesideTables(const DocumentSnapshot& a, const DocumentSnapshot& b);

// The findings about the document as a whole, before any about its tables or prose: each table that looked
// like a scoring table but could not be read ("table.layout", worded by its messageKey), "table.missing"
// (info) when there is no scoring table at all, and one "template.invalid" (warning, args {error}) per user
// template that did not load — otherwise invisible to the deck and to macros. Messages are left empty for the
// surface to fill from its catalog (under messageKey, else the rule id).
std::vector<Finding> documentFindings(const Report& report, const std::vector<std::string>& templateErrors);

// The report's funding: the funding table's; else the 预算/实际支出 properties completed from the prose
// (completedFromProse). The deck shows it in 预算/实际支出 and its summary, and the sections quote it.
Funding reportFunding(const Report& report);
// The same from its parts, for a caller that read the tables and the prose at different times: `read` is
// Report::card.funding (the funding table's, or the properties').
Funding reportFunding(const Funding& read, bool hasFundingTable, const std::optional<Funding>& prose);

} // namespace jixiao
