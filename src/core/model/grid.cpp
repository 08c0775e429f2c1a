#include "core/model/grid.hpp"

#include <stdexcept>

namespace jixiao {

std::size_t Grid::index(int row, int column) const {
    if (row < 0 || row >= rows_ || column < 0 || column >= columns_)
        throw std::out_of_range("grid cell (" + std::to_string(row) + ", " + std::to_string(column) +
                                ") outside " + std::to_string(rows_) + "×" + std::to_string(columns_));
    return std::size_t(row) * std::size_t(columns_) + std::size_t(column);
}

void Grid::merge(int row, int column, int rowSpan, int colSpan) {
    if (rowSpan < 1 || colSpan < 1 || row + rowSpan > rows_ || column + colSpan > columns_)
        throw std::out_of_range("merged area outside the grid");
    for (int r = row; r < row + rowSpan; ++r)
        for (int c = column; c < column + colSpan; ++c) {
            auto& cell = at(r, c);
            cell.covered = r != row || c != column;
            cell.rowSpan = cell.covered ? 1 : rowSpan;
            cell.colSpan = cell.covered ? 1 : colSpan;
        }
}

const GridCell& Grid::anchorOf(int row, int column) const {
    // Walk up and left to the nearest anchor whose area covers (row, column); merged areas are rectangles.
    for (int r = row; r >= 0; --r)
        for (int c = column; c >= 0; --c) {
            const auto& cell = at(r, c);
            if (!cell.covered && r + cell.rowSpan > row && c + cell.colSpan > column)
                return cell;
        }
    return at(row, column);
}

} // namespace jixiao
