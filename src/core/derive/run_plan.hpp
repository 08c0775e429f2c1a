// One recompute run, decided whole: the report in, everything the host must do out — the cells to write
// (recompute's patch, a value Jixiao wrote that nothing supports any more taken back, a Calc formula typed
// over put back), whether the writes can stay out of Writer's undo stack, the grade bands to store, what the
// document's controller remembers for the next run, and whether the user typed into a computed cell. The
// office calls it once per run (uno/host/operations.cpp), so a live run crosses into the core once and back
// once.
#pragma once

#include "core/assemble.hpp"
#include "core/derive/stale_values.hpp"
#include "core/model/grid.hpp"
#include "core/model/patch.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jixiao {

// What the live runs of one document remember from one to the next (its controller keeps it).
struct RunMemory {
    OwnWrites ownWrites; // the scoring table's cells Jixiao wrote and what they held before
    // The scoring table's cells (address → text) as the last run left them, its own writes included: a
    // document without a text cursor (Calc, where Enter moves on) tells a cell typed into by comparing.
    std::map<std::string, std::string> left;
    std::map<std::string, std::string> leftFunding; // the same for the funding table
};

// The table cell under a Writer view's text cursor; both empty when the cursor is in no table cell.
struct CursorCell {
    std::string table;
    std::string cell;
};

struct RunContext {
    bool calc = false; // a Calc document: a computed cell typed over gets Jixiao's formula back
    bool live = false; // the run after an edit: the computed-cell notice is decided
    // The cell under the view's text cursor, when the document's view has one (Writer); nullopt otherwise,
    // and the notice then compares with RunMemory::left.
    std::optional<CursorCell> cursor;
    // Keep RunMemory::left for the next run; false for a document with a text view, which has the cursor.
    bool rememberLeft = false;
};

// The computed cell the user typed into, which this run puts back: with a cursor, the cell it is in when
// the run rewrites it; without one, a cell the run rewrites whose text changed since the last run left it
// (a cell recompute rewrites only because a score changed is unchanged since). nullopt when neither.
std::optional<std::string> computedCellTypedInto(const std::vector<std::string>& rewritten,
                                                 const std::string& tableName, const Grid& read,
                                                 const std::optional<CursorCell>& cursor,
                                                 const std::map<std::string, std::string>& left);

struct RunPlan {
    Report report; // the report the run planned for (the deck's summary comes from it)
    Patch score;   // planRecompute's, with takeBackUnsupported and (Calc) putBackCalcFormulas applied
    Patch funding;
    std::vector<Finding> held; // planRecompute's findings for what it holds back
    // Every write keeps its cell one paragraph, so a Writer run may write outside the undo stack (Writer's
    // undo steps remember text positions by paragraph).
    bool keepsParagraphs = true;
    // The bands the report is graded with, to store as its own (formatGradeBands' text) once the writes are
    // made: a report graded without bands of its own keeps the ones that graded it, so a later change of the
    // options does not re-grade it silently. nullopt: nothing to store.
    std::optional<std::string> gradeBandsToStore;
    std::vector<std::string> rewritten;           // the addresses of the scoring table's cells `score` writes
    std::optional<std::string> computedCellTyped; // computedCellTypedInto, for a live run with memory
    // The same for the funding table's computed cells (实际支出合计, 占比, 执行率, 结余): their own notice.
    std::vector<std::string> rewrittenFunding;
    std::optional<std::string> computedFundingCellTyped;
    // What the controller remembers once the writes are made (unchanged from the one given when the run
    // writes nothing); only meaningful when a memory was given.
    RunMemory memory;
};

// `memory`: null when the run has none (a macro's call while a live run holds the document's, or a document
// without a controller): nothing is taken back, no notice compares with the table as left.
RunPlan planRun(Report report, const RunMemory* memory, const RunContext& context);
// The same from the document as the host read it (assemble, then the plan): the live run's one call.
RunPlan planRun(const DocumentSnapshot& snapshot, const RunMemory* memory, const RunContext& context);

} // namespace jixiao
