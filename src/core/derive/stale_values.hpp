// The stale-value rule: a derived cell (a leaf's 扣分, 合计 得分 and 扣分, 等级, the self-evaluation form's
// 执行率) whose inputs no longer support a value — a score it depends on is missing, not a number or out of
// range, a 预算数 or 执行数 gone, whether by typing, undo, redo, paste or a macro — must not keep one Jixiao
// wrote. recomputeScoreTable gives such a cell an empty target (recomputeBlockRate no write); planRecompute
// never empties a cell holding a value, because a value the user typed is only ever replaced by the right
// one. This file tells the two apart:
//  * a value Jixiao wrote and nothing supports any more is taken back: the cell gets what it held before
//    Jixiao first wrote it (empty where it was empty), so Ctrl+Z over a score leaves every derived cell as it
//    was before the keystroke;
//  * a value the user typed stays, and validation flags it ("derived.unsupported").
// Which cells Jixiao wrote is known only for the session (the document's controller keeps an OwnWrites): a
// document opened with values in its derived cells counts them as typed.
#pragma once

#include "core/assemble.hpp"
#include "core/model/finding.hpp"
#include "core/model/grid.hpp"
#include "core/model/patch.hpp"
#include "core/model/scorecard.hpp"

#include <map>
#include <string>
#include <vector>

namespace jixiao {

// A cell as Jixiao last wrote it, and what it held before Jixiao first wrote it.
struct OwnWrite {
    std::string wrote;
    std::string before;
    friend bool operator==(const OwnWrite&, const OwnWrite&) = default;
};
// The scoring table's cells Jixiao wrote, by host address.
using OwnWrites = std::map<std::string, OwnWrite>;

// Adds to `score` (planRecompute's patch for the scoring table of `report`) a write for each derived cell
// that recompute would empty (or, the block's 执行率, could not derive), that planRecompute left alone
// because it holds a value, and that still holds exactly what Jixiao last wrote there: the text it held
// before Jixiao first wrote it. Never on a partial table, never into a formula cell, never a second write to
// a cell already in `score`.
void takeBackUnsupported(const Report& report, const OwnWrites& own, Patch& score);

// Records the writes just applied to the scoring table read as `read`: a cell Jixiao writes for the first
// time (or that the user changed since Jixiao's last write) remembers what it held; a write that gives a cell
// back what it held before Jixiao is the end of Jixiao's claim on it.
void rememberOwnWrites(OwnWrites& own, const Grid& read, const Patch& written);

// The derived cells of a scoring table that hold a value their inputs do not support, one
// "derived.unsupported" warning each (args: cell, found): a leaf's 扣分 while its score is missing, not a
// number or out of range (and not already a deduction.mismatch), and 合计 得分, 合计 扣分 or 等级 while not
// every leaf has a valid score.
std::vector<Finding> unsupportedDerivedValues(const Scorecard& card);

} // namespace jixiao
