#include "core/derive/recompute_plan.hpp"

#include "core/derive/recompute.hpp"
#include "core/model/cell_kind.hpp"
#include "core/text/cell_text.hpp"

namespace jixiao {
namespace {

// Writes that would replace a formula the user wrote become findings with the value it should show. In
// `keptByConversion` (the self-evaluation form's 执行率) converting the table does not replace the formula
// either (calcBlockRateFormula): the finding does not send the user there.
void holdFormulas(Patch& patch, const Grid& grid, std::vector<Finding>& held,
                  const CellRef& keptByConversion = {}) {
    std::erase_if(patch.writes, [&](const CellWrite& write) {
        const auto& ref = write.cell;
        if (ref.row < 0 || ref.row >= grid.rows() || ref.column < 0 || ref.column >= grid.columns())
            return false;
        const auto& cell = grid.at(ref.row, ref.column);
        if (cell.formula.empty())
            return false;
        Finding f;
        f.ruleId = "cell.formula-value";
        if (keptByConversion.known() && ref.row == keptByConversion.row &&
            ref.column == keptByConversion.column)
            f.messageKey = "cell.formula-value.own";
        f.severity = Severity::Warning;
        f.location = {Location::Kind::Cell, grid.name, ref.address, -1, 0, 0};
        f.args = {{"cell", ref.address},
                  {"formula", cell.formula},
                  {"found", trimCell(cell.text)},
                  {"expected", write.text}};
        held.push_back(std::move(f));
        return true;
    });
}

// A write that would leave a cell empty — a total that cannot be computed while a score is missing or "/"
// — never erases what the cell holds: a typed value is only ever replaced by the right one. Validation names
// the missing score.
void keepTypedValues(Patch& patch, const Grid& grid) {
    std::erase_if(patch.writes, [&](const CellWrite& write) {
        const auto& ref = write.cell;
        if (!write.text.empty() || ref.row < 0 || ref.row >= grid.rows() || ref.column < 0 ||
            ref.column >= grid.columns())
            return false;
        return !trimCell(grid.at(ref.row, ref.column).text).empty();
    });
}

bool holdsFormula(const Grid& grid) {
    for (int row = 0; row < grid.rows(); ++row)
        for (int column = 0; column < grid.columns(); ++column)
            if (!grid.at(row, column).formula.empty())
                return true;
    return false;
}

} // namespace

RecomputePlan planRecompute(const Report& report) {
    RecomputePlan plan;
    if (report.hasScoreTable && !report.partial) {
        plan.score = recomputeScoreTable(report.card, report.scoreGrid);
        // The self-evaluation form's 执行率 lives in the scoring table: written with its cells.
        for (auto& write : recomputeBlockRate(report.card.fundingBlock, report.scoreGrid).writes)
            plan.score.writes.push_back(std::move(write));
        holdFormulas(plan.score, report.scoreGrid, plan.held, report.card.fundingBlock.executionRateCell);
        keepTypedValues(plan.score, report.scoreGrid);
        fitCellKinds(plan.score, report.scoreGrid);
    }
    if (report.hasFundingTable) {
        plan.funding = recomputeFundingTable(report.card.funding);
        holdFormulas(plan.funding, report.fundingGrid, plan.held);
        fitCellKinds(plan.funding, report.fundingGrid);
    }
    return plan;
}

Scorecard cardToJudge(const Report& report) {
    if (!report.partial) {
        Scorecard card = report.card;
        for (auto& f : planRecompute(report).held)
            card.readIssues.push_back(std::move(f));
        return card;
    }
    Scorecard card = report.card;
    card.indicators.clear();
    card.totals = Totals{};
    // Only the finding that stands for the table: what was read of it is not judged.
    std::erase_if(card.readIssues, [](const Finding& f) { return f.ruleId != "table.partial"; });
    return card;
}

bool judgedAsRead(const Report& report) {
    // holdFormulas is all that can add to the card, and only for a write into a cell holding a formula.
    return !report.partial && !(report.hasScoreTable && holdsFormula(report.scoreGrid)) &&
           !(report.hasFundingTable && holdsFormula(report.fundingGrid));
}

} // namespace jixiao
