// What recompute may write into a Report's tables and what it holds back, and the card validation judges
// with what was held back. Above assemble (it reads the Report) and below the run's plan (run_plan.hpp).
#pragma once

#include "core/assemble.hpp"
#include "core/model/finding.hpp"
#include "core/model/patch.hpp"
#include "core/model/scorecard.hpp"

#include <vector>

namespace jixiao {

// What recompute may write, and what it holds back. Nothing on a partial table; never an empty value over
// a cell that holds one (a total that cannot be computed while a score is missing leaves the typed total
// as it is: a typed value is only replaced by the right one); never into a cell holding a formula (a Calc
// formula the user wrote computing the wrong value becomes a "cell.formula-value" finding with the right
// value; converting the table to Jixiao's formulas is convertToLiveTable's, an explicit choice of the user).
// Every write keeps its cell's kind (fitCellKinds, core/model/cell_kind.hpp): a number into a number cell,
// text into text.
struct RecomputePlan {
    Patch score;
    Patch funding;
    std::vector<Finding> held;
};
RecomputePlan planRecompute(const Report& report);

// The card validation should judge: the report's card with the values recompute holds back as findings
// ("cell.formula-value"), or — when the table was read only in part — the card without its indicators and
// totals, so the one "table.partial" finding stands for the table.
Scorecard cardToJudge(const Report& report);
// Whether cardToJudge(report) is report.card unchanged, known without planning a recompute: the table was
// read whole and neither table holds a formula a recompute could be held back by. Validation then judges the
// card as read, neither planning the writes nor copying the card (40% of a keystroke's validation at 200
// indicators, issue 22 item 5).
bool judgedAsRead(const Report& report);

} // namespace jixiao
