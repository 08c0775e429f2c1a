#include "core/assemble.hpp"

#include "core/read/grid_reader.hpp"
#include "core/read/prose_funding.hpp"
#include "core/read/report_title.hpp"
#include "core/read/table_caption.hpp"
#include "core/text/cell_text.hpp"

#include <algorithm>
#include <optional>

namespace jixiao {
namespace {

// How many unplaced cells a table.partial message names before "…".
constexpr std::size_t kNamedCells = 6;

// A report typed by hand names its unit, year and project only in its title (or the table's caption).
void fillMetadataFromTitle(const std::vector<std::string>& paragraphs, Metadata& meta) {
    for (const auto& paragraph : paragraphs) {
        if (!meta.unit.empty() && !meta.project.empty() && meta.year)
            return;
        // A sentence that quotes the title in 《…》 (the 评价结果 paragraph, the conclusion Jixiao wrote) is
        // no title: its words before the year are not the unit.
        if (paragraph.find("《") != std::string::npos || paragraph.find("。") != std::string::npos)
            continue;
        const auto title = parseReportTitle(paragraph);
        if (!title)
            continue;
        if (meta.unit.empty())
            meta.unit = title->unit;
        if (meta.project.empty())
            meta.project = title->project;
        if (!meta.year)
            meta.year = title->year;
        return; // the first title wins: the report's own, not a caption further down
    }
}

// Where a continuation table's own rows start: below its repeated header, or below its "续表" title rows
// when it repeats no header. `vouched` says the table itself claims to go on (a header or 续表 above
// `start`); one that just goes on is a continuation only if its rows lead to the 合计.
struct Continuation {
    int start = -1; // -1 when the grid is not a continuation of a table with as many columns
    bool vouched = false;
};

Continuation continuationOf(const Grid& grid, int columns) {
    if (grid.columns() != columns || grid.rows() == 0)
        return {};
    // A repeated header vouches for the part only if it is a scoring table's: two header words ("序号",
    // "备注") make any table look headed.
    if (const int header = scoreTableHeaderRow(grid); header >= 0 && looksLikeScoreTable(grid))
        return {header + 1, true};
    bool titled = false;
    int r = 0;
    while (r < grid.rows()) {
        bool title = false, empty = true;
        for (int c = 0; c < grid.columns(); ++c) {
            const auto& cell = grid.at(r, c);
            if (cell.covered)
                continue;
            const std::string text = compactText(cell.text);
            if (text.empty())
                continue;
            empty = false;
            title = title || text.starts_with("续表") || text.starts_with("(续");
        }
        if (!title && !empty)
            break;
        titled = titled || title;
        ++r;
    }
    if (r >= grid.rows())
        return {};
    return {r, titled};
}

bool hasTotalRow(const Scorecard& card) {
    return card.totals.weightCell.known() || card.totals.scoreCell.known();
}

// The reader found funding figures in the scoring table itself (the self-evaluation form's block).
bool hasFundingCells(const Funding& funding) {
    return funding.budgetCell.known() || funding.actualCell.known() || funding.executionRateCell.known();
}

// The scoring table with the rows of its continuations appended. Writer addresses of later parts are
// qualified with their table's name so a write or a selection finds its table.
Grid joinParts(const Grid& first, const std::vector<std::pair<const Grid*, int>>& more) {
    int rows = first.rows();
    for (const auto& [part, start] : more)
        rows += part->rows() - start;
    Grid joined(rows, first.columns());
    joined.name = first.name;
    int at = 0;
    for (int r = 0; r < first.rows(); ++r, ++at)
        for (int c = 0; c < first.columns(); ++c)
            joined.at(at, c) = first.at(r, c);
    for (const auto& [part, start] : more)
        for (int r = start; r < part->rows(); ++r, ++at)
            for (int c = 0; c < part->columns(); ++c) {
                GridCell cell = part->at(r, c);
                cell.rowSpan = std::min(cell.rowSpan, part->rows() - r);
                if (!cell.address.empty() && cell.address.find('.') == std::string::npos)
                    cell.address = part->name + "." + cell.address;
                joined.at(at, c) = std::move(cell);
            }
    return joined;
}

// The cells the reader could not place, as one finding for the whole table.
Finding partialFinding(const Scorecard& card, const std::vector<Finding>& unplaced) {
    std::string cells;
    for (std::size_t i = 0; i < unplaced.size() && i < kNamedCells; ++i) {
        const auto& args = unplaced[i].args;
        cells += (i == 0 ? "" : "、") + args.at("cell") + "（" + args.at("what") + "）";
    }
    if (unplaced.size() > kNamedCells)
        cells += "…";
    Finding f;
    f.ruleId = "table.partial";
    f.severity = Severity::Error;
    f.location = unplaced.front().location;
    f.args = {{"table", card.tableName}, {"cells", cells}, {"count", std::to_string(unplaced.size())}};
    return f;
}

} // namespace

Report assemble(const DocumentSnapshot& snapshot) {
    Report report;
    const auto& tables = snapshot.tables;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const Grid& grid = tables[i];
        if (!report.hasScoreTable && looksLikeScoreTable(grid)) {
            std::vector<std::pair<const Grid*, int>> more;
            try {
                auto card = readScoreTable(grid);
                // A table ending before its 合计 row goes on in the next table(s) of as many columns. Parts
                // that merely go on (no header, no 续表) are held back until the 合计 is reached through
                // them: a table of another kind that happens to be as wide is not read as scores.
                auto pending = more;
                for (std::size_t next = i + 1; !hasTotalRow(card) && next < tables.size(); ++next) {
                    const auto part = continuationOf(tables[next], grid.columns());
                    if (part.start < 0 || looksLikeFundingTable(tables[next]))
                        break;
                    pending.emplace_back(&tables[next], part.start);
                    std::optional<Scorecard> joined;
                    try {
                        joined = readScoreTable(joinParts(grid, pending));
                    } catch (const GridLayoutError&) {
                        if (part.vouched)
                            throw;
                        break;
                    }
                    if (part.vouched || hasTotalRow(*joined)) {
                        more = pending;
                        card = std::move(*joined);
                        i = next;
                    }
                }
                report.scoreGrid = more.empty() ? grid : joinParts(grid, more);
                report.scoreParts = {grid.name};
                for (const auto& part : more)
                    report.scoreParts.push_back(part.first->name);
                card.tableName = grid.name;
                // A funding table above (or further on) gives the project's figures; the block stays in
                // card.fundingBlock, held to them by validation (funding.form-mismatch).
                if (report.hasFundingTable) {
                    card.funding = std::move(report.card.funding);
                    card.fundingTableName = std::move(report.card.fundingTableName);
                } else if (hasFundingCells(card.funding)) {
                    // The self-evaluation form's own funding block (预算数/执行数/执行率 above the
                    // indicators): checked like a funding table's figures, in the cells of the scoring table.
                    card.fundingTableName = grid.name;
                }
                report.card = std::move(card);
                report.hasScoreTable = true;
            } catch (const GridLayoutError& e) {
                Finding problem;
                problem.ruleId = "table.layout";
                problem.severity = Severity::Error;
                problem.location = {Location::Kind::Cell, grid.name, e.cell(), -1, 0, 0};
                problem.messageKey = e.key();
                problem.args = e.args();
                report.layoutProblems.push_back(problem);
            }
        } else if (!report.hasFundingTable && looksLikeFundingTable(grid)) {
            report.card.funding = readFundingTable(grid);
            report.card.fundingTableName = grid.name;
            report.fundingGrid = grid;
            report.hasFundingTable = true;
        }
    }

    auto& card = report.card;
    std::vector<Finding> unplaced;
    std::erase_if(card.readIssues, [&](const Finding& f) {
        if (f.ruleId != "table.unplaced")
            return false;
        unplaced.push_back(f);
        return true;
    });
    if (!unplaced.empty()) {
        report.partial = true;
        card.readIssues.insert(card.readIssues.begin(), partialFinding(card, unplaced));
    }

    const ReportProperties properties = parseReportProperties(snapshot.properties);
    applyReportProperties(properties, card);
    const auto& gradeCell = card.totals.gradeCell;
    const bool gradeInGrid = gradeCell.known() && gradeCell.row < report.scoreGrid.rows() &&
                             gradeCell.column >= 0 && gradeCell.column < report.scoreGrid.columns();
    report.gradeBands =
        chooseGradeBands(properties.gradeBands, snapshot.gradeBands, card.totals,
                         gradeInGrid ? report.scoreGrid.at(gradeCell.row, gradeCell.column).formula : "");
    card.gradeBands = report.gradeBands.bands;
    report.paragraphs = snapshot.paragraphs;
    fillMetadataFromTitle(report.paragraphs, card.meta);
    // A Writer table has its caption in a paragraph above it, not in a title row of its own.
    if (card.meta.title.empty())
        card.meta.title = tableCaptionIn(report.paragraphs);
    report.reportYear = properties.year;
    report.rolledForward = properties.rolledForward;
    report.actualProperty = properties.actual;
    report.problemsSection = snapshot.problemsSection;
    report.openPlaceholders = snapshot.openPlaceholders;
    if (!report.hasFundingTable && !report.paragraphs.empty())
        report.proseFunding = fundingFromProse(report.paragraphs);
    return report;
}

std::vector<Finding> documentFindings(const Report& report, const std::vector<std::string>& templateErrors) {
    std::vector<Finding> findings = report.layoutProblems;
    if (!report.hasScoreTable && report.layoutProblems.empty()) {
        Finding none;
        none.ruleId = "table.missing";
        none.severity = Severity::Info;
        findings.push_back(none);
    }
    for (const auto& error : templateErrors) {
        Finding skipped;
        skipped.ruleId = "template.invalid";
        skipped.severity = Severity::Warning;
        skipped.args = {{"error", error}};
        findings.push_back(skipped);
    }
    return findings;
}

Funding reportFunding(const Report& report) {
    return reportFunding(report.card.funding, report.hasFundingTable, report.proseFunding);
}

Funding reportFunding(const Funding& read, bool hasFundingTable, const std::optional<Funding>& prose) {
    return chooseFunding(read, hasFundingTable, prose).funding;
}

bool sameBesideTables(const DocumentSnapshot& a, const DocumentSnapshot& b) {
    return a.properties == b.properties && a.gradeBands == b.gradeBands && a.paragraphs == b.paragraphs &&
           a.problemsSection == b.problemsSection && a.openPlaceholders == b.openPlaceholders;
}

} // namespace jixiao
