// A table as seen independently of Writer or Calc: a rectangle of cells, some of them anchors of merged
// areas and the rest covered by them. The UNO adapters are the only code that turns a host table into a
// Grid and back.
#pragma once

#include <string>
#include <vector>

namespace jixiao {

// How the host stores a cell, so that recompute never changes it (core/model/cell_kind.hpp): a number (Calc's
// value cell, a Writer cell holding a value: what it shows comes from its number format — "36.18%" for
// 0.3618), text, or nothing that binds a write (Calc's empty cell, and grids not read from a host).
enum class CellKind { Empty, Text, Number };

struct GridCell {
    std::string text;    // cell text as the user sees it (line breaks as '\n')
    std::string address; // host address ("B3", "Sheet1.B3"); empty for covered cells
    int rowSpan = 1;     // for an anchor cell: rows it spans
    int colSpan = 1;
    bool covered = false; // inside a merged area, not its top-left anchor
    // The formula the user wrote (Calc "=SUM(F3:F9)", Writer "<F7>*2"), empty for a constant. Recompute
    // never replaces a formula with a constant (docs/table-layout.md, "Never damage a document").
    std::string formula;
    CellKind kind = CellKind::Empty;
    // A number cell's value as the host holds it, as plain decimal text, where it can tell it apart from what
    // the cell shows (Calc: "3.4" in a cell formatted to show 3); empty otherwise
    // (core/check/hidden_decimals).
    std::string stored;
    friend bool operator==(const GridCell&, const GridCell&) = default;
};

class Grid {
public:
    Grid() = default;
    Grid(int rows, int columns) : rows_(rows), columns_(columns), cells_(std::size_t(rows * columns)) {}

    int rows() const { return rows_; }
    int columns() const { return columns_; }
    GridCell& at(int row, int column) { return cells_[index(row, column)]; }
    const GridCell& at(int row, int column) const { return cells_[index(row, column)]; }
    // The cell at (row, column), or nullptr outside the grid (a CellRef that is not known, or from
    // elsewhere).
    const GridCell* find(int row, int column) const {
        return row >= 0 && column >= 0 && row < rows_ && column < columns_ ? &at(row, column) : nullptr;
    }
    // Marks the area anchored at (row, column) as merged: spans on the anchor, `covered` on the rest.
    void merge(int row, int column, int rowSpan, int colSpan);
    // The anchor cell whose merged area contains (row, column).
    const GridCell& anchorOf(int row, int column) const;

    std::string name; // host table name or sheet range
    friend bool operator==(const Grid&, const Grid&) = default;

private:
    std::size_t index(int row, int column) const;
    int rows_ = 0;
    int columns_ = 0;
    std::vector<GridCell> cells_;
};

} // namespace jixiao
