// Never change a cell's kind (docs/table-layout.md): recompute writes a number into a cell that holds a
// number — keeping its number format, so a percentage cell holding 0.3818 gets the number 0.3618, not the
// text "36.18%", and the formulas that read it keep working — and text into a cell that holds text. The
// adapters report each cell's kind (GridCell::kind) and store what CellWrite::storedNumber tells them.
#pragma once

#include "core/model/grid.hpp"
#include "core/model/patch.hpp"

namespace jixiao {

// Sets each write's storedNumber from the kind of the cell it goes to in `grid`:
//  * a number cell gets the figure as a number (write.number, else the text read as a plain number or a
//    percentage), divided by 100 when the cell shows a percentage ("38.18%" holds 0.3818); a write that is
//    not a number (a grade, a label) stays text, as nothing else can hold it;
//  * a text cell gets the text;
//  * an empty cell (Calc: either can go there) gets a plain number as a number, so formulas can use it, and
//    anything else ("36.18%", "优秀") as text.
// An empty text clears the cell. Writes carrying a formula are left as they are.
void fitCellKinds(Patch& patch, const Grid& grid);

} // namespace jixiao
