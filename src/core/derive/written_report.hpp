// The report as a recompute's writes leave the document, had without reading the document again. A live run
// judges the table as written (validation after every keystroke); reading the written cells back and
// assembling the tables again cost about as much as the rest of the run (1.5 ms at 200 indicators).
#pragma once

#include "core/assemble.hpp"
#include "core/model/patch.hpp"

namespace jixiao {

// `report`, the one the run planned from, brought to what the host's writes of `score` (to the scoring
// table) and `funding` (to the funding table) leave in the document: each written cell shows CellWrite::text,
// holds a number when the host stored one (storedNumber) and no formula. True when done; false, `report`
// untouched, when it cannot be had that way (a Calc formula written, a cell with_cell_texts.hpp declines):
// the caller then reads the written cells back.
bool applyWrites(Report& report, const Patch& score, const Patch& funding);

} // namespace jixiao
