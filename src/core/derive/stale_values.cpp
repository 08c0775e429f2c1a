#include "core/derive/stale_values.hpp"

#include "core/derive/figures.hpp"
#include "core/derive/recompute.hpp"
#include "core/model/cell_kind.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/text.hpp"

#include <algorithm>

namespace jixiao {
namespace {

// Spaces around a value are the host's, not a difference (Writer keeps a trailing space typed into a cell).
bool sameText(const std::string& a, const std::string& b) {
    return trimCell(a) == trimCell(b);
}

Finding unsupported(const Scorecard& card, const CellRef& cell, const std::string& indicator,
                    const std::string& found) {
    Finding f;
    f.ruleId = "derived.unsupported";
    f.severity = Severity::Warning;
    f.location = {Location::Kind::Cell, card.tableName, cell.address, -1, 0, 0};
    f.indicator = indicator;
    f.args = {{"cell", cell.address}, {"found", found}};
    return f;
}

std::string exact(Decimal d) {
    return d.toString(Decimal::kScaleDigits);
}

} // namespace

void takeBackUnsupported(const Report& report, const OwnWrites& own, Patch& score) {
    if (!report.hasScoreTable || report.partial || own.empty())
        return;
    const Grid& grid = report.scoreGrid;
    // The cells whose inputs support no value: recompute's derived cells it would empty, and the
    // self-evaluation form's 执行率 once its block's 预算数 or 执行数 is gone (recomputeBlockRate writes
    // none).
    std::vector<CellWrite> unsupported = recomputeScoreTable(report.card, grid).writes;
    std::erase_if(unsupported, [](const CellWrite& write) { return !write.text.empty(); });
    if (const auto& block = report.card.fundingBlock;
        block.executionRateCell.known() && !deriveFunding(block).executionRate)
        unsupported.push_back(CellWrite{block.executionRateCell, {}, std::nullopt, {}});
    Patch taken;
    for (const auto& write : unsupported) {
        const GridCell* cell = grid.find(write.cell.row, write.cell.column);
        if (cell == nullptr || !cell->formula.empty() || isBlank(cell->text))
            continue;
        const auto mine = own.find(write.cell.address);
        if (mine == own.end() || !sameText(mine->second.wrote, cell->text))
            continue; // typed by the user (or by Jixiao in an earlier session): kept, and flagged
        const bool planned = std::any_of(score.writes.begin(), score.writes.end(), [&](const CellWrite& w) {
            return w.cell.address == write.cell.address;
        });
        if (planned)
            continue;
        CellWrite back = write;
        back.text = mine->second.before;
        back.number.reset();
        taken.writes.push_back(std::move(back));
    }
    fitCellKinds(taken, grid); // what the cell held goes back as the kind the cell is now
    score.writes.insert(score.writes.end(), taken.writes.begin(), taken.writes.end());
}

void rememberOwnWrites(OwnWrites& own, const Grid& read, const Patch& written) {
    for (const auto& write : written.writes) {
        const GridCell* cell = read.find(write.cell.row, write.cell.column);
        const std::string now = cell != nullptr ? cell->text : std::string{};
        auto mine = own.find(write.cell.address);
        // Still Jixiao's since its last write: what it held before Jixiao stays what to give back.
        const bool stillMine = mine != own.end() && sameText(mine->second.wrote, now);
        const std::string before = stillMine ? mine->second.before : now;
        if (write.formula.empty() && sameText(write.text, before)) {
            own.erase(write.cell.address); // given back: the cell holds what it held before Jixiao
            continue;
        }
        own[write.cell.address] = OwnWrite{write.text, before};
    }
}

std::vector<Finding> unsupportedDerivedValues(const Scorecard& card) {
    std::vector<Finding> findings;
    forEachLeaf(card, [&](const Indicator& leaf) {
        if (!leaf.deduction || !leaf.cells.deduction.known() || hasValidScore(leaf))
            return;
        if (leaf.score && *leaf.deduction != leaf.weight - *leaf.score)
            return; // deduction.mismatch says it, with the value it should be
        findings.push_back(unsupported(card, leaf.cells.deduction, leaf.name, exact(*leaf.deduction)));
    });
    const auto figures = deriveScores(card);
    if (figures.score)
        return findings;
    const Totals& t = card.totals;
    if (t.score && t.scoreCell.known())
        findings.push_back(unsupported(card, t.scoreCell, "", exact(*t.score)));
    if (t.deduction && t.deductionCell.known())
        findings.push_back(unsupported(card, t.deductionCell, "", exact(*t.deduction)));
    if (!isBlank(t.grade) && t.gradeCell.known())
        findings.push_back(unsupported(card, t.gradeCell, "", trimCell(t.grade)));
    return findings;
}

} // namespace jixiao
