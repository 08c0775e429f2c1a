// What re-grading a report with the options' bands writes (按新标准重新评定等级, regradeWithOptions): its
// grade, nothing else. Above recompute_plan (it starts from what recompute may write into the grade cell).
#pragma once

#include "core/assemble.hpp"
#include "core/derive/recompute.hpp"
#include "core/model/patch.hpp"

#include <optional>
#include <vector>

namespace jixiao {

// `report` is read with the new bands already stored (its card graded by them); `before` are the bands it was
// graded with. The patch holds at most the grade cell's write: the value recompute would give it (never over
// a formula of the user's), or in Calc — `calc` is the scoring table's place there — Jixiao's grade formula
// rewritten for the new bands (regradedCalcFormula), or put back where a grade was typed over it.
// The user was asked about the bands only: a wrong 扣分, 合计 or the self-evaluation block's 执行率 is 重算's
// to write, in its own undo step and reported by it, not a side effect of the regrade.
Patch planRegrade(const Report& report, const std::vector<GradeBand>& before,
                  const std::optional<CalcOrigin>& calc);

} // namespace jixiao
