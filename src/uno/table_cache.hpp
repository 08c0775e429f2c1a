// What live recompute remembers of a document between runs. Reading a Writer table whole costs several UNO
// calls per cell (its row separators, each cell's RowSpan and text, the long 指标解释 and 评价标准 texts
// included), and that was most of a recompute after one edit. The tables' layout rarely changes between
// two edits, so the cache keeps the scoring and funding tables' Grids and, while the document still has as
// many tables and those two the same layout, re-reads only the cells recompute depends on
// (scoreTableInputs, fundingTableInputs). Anything else — a table added, removed or renamed, rows or
// columns inserted, cells merged or split, a header or a row label retyped — sends the run back to a whole
// read, which is then remembered.
//
// Not seen without a whole read, and so only corrected by the next one (after any layout change): a table
// that turns into a scoring or funding table by retyping its header while the document already has both
// remembered tables, a 合计/等级 label typed into a 指标解释/评价标准/扣分原因 cell (or into the name of an
// indicator whose 分值 is a number), and a vertical merge of cells of an indicator row (merging keeps
// Writer's cell names).
#pragma once

#include "uno/operations.hpp"

#include "core/assemble.hpp"
#include "core/grid.hpp"
#include "core/grid_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao::office {

class DocumentHost;

class TableCache {
public:
    // The remembered scoring (and funding) tables, their input cells re-read, when every check holds; the
    // caller assembles them (core/assemble.hpp). Returns false, leaving `tables` as it was, when the
    // document must be read whole. Cells that are not inputs may hold older texts, so the result is for
    // recompute only, never for validation or export.
    bool tables(DocumentHost& host, std::vector<Grid>& tables);
    // Remembers the tables of a whole read (nothing when it found no scoring table, or one split over
    // several tables: those are read whole every time).
    void remember(DocumentHost& host, const Report& report);
    void forget() { warm_ = false; }

private:
    struct Table {
        Grid grid;
        std::string layout;
        std::vector<GridPosition> inputs;
    };
    bool refreshed(DocumentHost& host);

    bool warm_ = false;
    int tableCount_ = -1;
    Table score_;
    std::optional<Table> funding_;
};

} // namespace jixiao::office
