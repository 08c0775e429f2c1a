#include "core/derive/regrade_plan.hpp"

#include "core/derive/recompute_plan.hpp"

#include <algorithm>

namespace jixiao {

Patch planRegrade(const Report& report, const std::vector<GradeBand>& before,
                  const std::optional<CalcOrigin>& calc) {
    const CellRef& grade = report.card.totals.gradeCell;
    if (!report.hasScoreTable || report.partial || !grade.known())
        return {};
    Patch patch = planRecompute(report).score;
    std::erase_if(patch.writes, [&](const CellWrite& write) {
        return write.cell.row != grade.row || write.cell.column != grade.column;
    });
    if (calc) {
        putBackCalcFormulas(patch, report.card, report.scoreGrid, *calc);
        if (auto formula = regradedCalcFormula(report.card, before, report.scoreGrid, *calc))
            patch.writes.push_back(std::move(*formula));
    }
    return patch;
}

} // namespace jixiao
