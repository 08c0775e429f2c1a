#include "core/derive/run_plan.hpp"

#include "core/derive/figures.hpp"
#include "core/derive/recompute.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/model/grade_bands.hpp"

#include <algorithm>

namespace jixiao {
namespace {

bool keepsParagraphs(const Patch& patch, const Grid& grid) {
    for (const auto& write : patch.writes) {
        if (write.text.find('\n') != std::string::npos)
            return false;
        const auto& cell = write.cell;
        if (cell.row < 0 || cell.row >= grid.rows() || cell.column < 0 || cell.column >= grid.columns() ||
            grid.at(cell.row, cell.column).text.find('\n') != std::string::npos)
            return false;
    }
    return true;
}

std::map<std::string, std::string> cellTexts(const Grid& grid) {
    std::map<std::string, std::string> texts;
    for (int row = 0; row < grid.rows(); ++row)
        for (int column = 0; column < grid.columns(); ++column)
            if (const auto& cell = grid.at(row, column); !cell.covered && !cell.address.empty())
                texts[cell.address] = cell.text;
    return texts;
}

// A report graded without bands of its own (read with the options' or, by the grade it states, the
// defaults) keeps the ones that graded it — when it has a grade cell and a grade to put in it.
std::optional<std::string> gradeBandsToStore(const Report& report) {
    if (!report.hasScoreTable || report.partial || report.gradeBands.source == GradeBandsSource::Stored ||
        !report.card.totals.gradeCell.known() || deriveScores(report.card).grade.empty())
        return std::nullopt;
    return formatGradeBands(report.card.gradeBands);
}

} // namespace

std::optional<std::string> computedCellTypedInto(const std::vector<std::string>& rewritten,
                                                 const std::string& tableName, const Grid& read,
                                                 const std::optional<CursorCell>& cursor,
                                                 const std::map<std::string, std::string>& left) {
    if (rewritten.empty())
        return std::nullopt;
    if (cursor) { // Writer: the view cursor stays in the cell being typed into
        if (cursor->table != tableName || cursor->cell.empty() ||
            std::find(rewritten.begin(), rewritten.end(), cursor->cell) == rewritten.end())
            return std::nullopt;
        return cursor->cell;
    }
    if (left.empty())
        return std::nullopt; // no run has seen the table yet: nothing to compare with
    const auto now = cellTexts(read);
    for (const auto& address : rewritten) {
        const auto before = left.find(address);
        const auto after = now.find(address);
        if (before == left.end() || after == now.end() || before->second == after->second)
            continue; // recompute's own follow-up to a changed score, not a cell the user changed
        return address;
    }
    return std::nullopt;
}

RunPlan planRun(Report read, const RunMemory* memory, const RunContext& context) {
    RunPlan plan;
    plan.report = std::move(read);
    const Report& report = plan.report;
    auto recompute = planRecompute(report);
    plan.score = std::move(recompute.score);
    plan.funding = std::move(recompute.funding);
    plan.held = std::move(recompute.held);
    if (memory != nullptr) {
        takeBackUnsupported(report, memory->ownWrites, plan.score);
        plan.memory.ownWrites = memory->ownWrites; // `left` is made anew below
    }
    if (!plan.score.empty() || !plan.funding.empty()) {
        if (context.calc && report.hasScoreTable && !report.partial)
            putBackCalcFormulas(plan.score, report.card, report.scoreGrid, calcOriginOf(report.scoreGrid));
        if (context.calc && report.hasFundingTable && !plan.funding.empty())
            putBackCalcFundingFormulas(plan.funding, report.card.funding, report.fundingGrid,
                                       calcOriginOf(report.fundingGrid));
        plan.keepsParagraphs = keepsParagraphs(plan.score, report.scoreGrid) &&
                               keepsParagraphs(plan.funding, report.fundingGrid);
    }
    for (const auto& write : plan.score.writes)
        plan.rewritten.push_back(write.cell.address);
    for (const auto& write : plan.funding.writes)
        plan.rewrittenFunding.push_back(write.cell.address);
    plan.gradeBandsToStore = gradeBandsToStore(report);
    static const std::map<std::string, std::string> kNothingLeft;
    if (context.live && (context.cursor || memory != nullptr)) {
        plan.computedCellTyped =
            computedCellTypedInto(plan.rewritten, report.card.tableName, report.scoreGrid, context.cursor,
                                  memory != nullptr ? memory->left : kNothingLeft);
        if (report.hasFundingTable)
            plan.computedFundingCellTyped =
                computedCellTypedInto(plan.rewrittenFunding, report.card.fundingTableName, report.fundingGrid,
                                      context.cursor, memory != nullptr ? memory->leftFunding : kNothingLeft);
    }
    if (memory != nullptr) {
        rememberOwnWrites(plan.memory.ownWrites, report.scoreGrid, plan.score);
        plan.memory.left.clear();
        plan.memory.leftFunding.clear();
        if (context.rememberLeft) {
            plan.memory.left = cellTexts(report.scoreGrid);
            for (const auto& address : plan.rewritten)
                if (const auto own = plan.memory.ownWrites.find(address); own != plan.memory.ownWrites.end())
                    plan.memory.left[address] = own->second.wrote;
            if (report.hasFundingTable) {
                plan.memory.leftFunding = cellTexts(report.fundingGrid);
                for (const auto& write : plan.funding.writes)
                    plan.memory.leftFunding[write.cell.address] = write.text;
            }
        }
    }
    return plan;
}

RunPlan planRun(const DocumentSnapshot& snapshot, const RunMemory* memory, const RunContext& context) {
    return planRun(assemble(snapshot), memory, context);
}

} // namespace jixiao
