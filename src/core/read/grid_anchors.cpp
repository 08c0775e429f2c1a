#include "core/read/grid_anchors.hpp"

#include "core/text/a1.hpp"

#include <algorithm>

namespace jixiao {

Anchors::Anchors(const Grid& grid, int rowLimit) : columns_(grid.columns()) {
    rows_ = rowLimit < 0 ? grid.rows() : std::min(rowLimit, grid.rows());
    origin_.assign(std::size_t(std::max(0, rows_ * columns_)), -1);
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < columns_; ++c) {
            const auto& cell = grid.at(r, c);
            if (cell.covered || origin_[idx(r, c)] >= 0)
                continue;
            const int rowEnd = std::min(rows_, r + std::max(1, cell.rowSpan));
            const int colEnd = std::min(columns_, c + std::max(1, cell.colSpan));
            for (int rr = r; rr < rowEnd; ++rr)
                for (int cc = c; cc < colEnd; ++cc)
                    if (origin_[idx(rr, cc)] < 0 && (grid.at(rr, cc).covered || (rr == r && cc == c)))
                        origin_[idx(rr, cc)] = int(idx(r, c));
        }
    orphan_.assign(origin_.size(), false);
    for (std::size_t i = 0; i < origin_.size(); ++i)
        if (origin_[i] < 0) {
            origin_[i] = int(i);
            orphan_[i] = true; // covered, yet no anchor claims it: it holds nothing and takes no writes
        }
}

std::string addressOf(const Grid& grid, int row, int column) {
    const auto& address = grid.at(row, column).address;
    return address.empty() ? a1Cell(column, row) : address;
}

} // namespace jixiao
