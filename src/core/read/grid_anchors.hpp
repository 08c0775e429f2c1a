// Merged areas of a Grid as a lookup: for every position, the anchor cell whose area holds it. Built once
// per read so that covered cells cost nothing, and tolerant of inconsistent spans (areas running off the
// grid or overlapping): a covered cell no anchor claims stands for itself and holds nothing.
#pragma once

#include "core/model/grid.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace jixiao {

class Anchors {
public:
    // Only the first `rowLimit` rows are mapped (an anchor never reaches upwards, so they are complete):
    // the looksLike* tests look at the header rows of what may be a large Calc range.
    explicit Anchors(const Grid& grid, int rowLimit = -1);

    int originRow(int r, int c) const { return origin_[idx(r, c)] / columns_; }
    int originColumn(int r, int c) const { return origin_[idx(r, c)] % columns_; }
    int origin(int r, int c) const { return origin_[idx(r, c)]; }
    // The cell at (r, c) is the anchor itself, i.e. its value belongs to row r and column c.
    bool isOwn(int r, int c) const { return origin(r, c) == int(idx(r, c)) && !orphan_[idx(r, c)]; }
    bool isOrphan(int r, int c) const { return orphan_[idx(r, c)]; }
    int rows() const { return rows_; }

private:
    std::size_t idx(int r, int c) const { return std::size_t(r) * std::size_t(columns_) + std::size_t(c); }
    int rows_ = 0;
    int columns_;
    std::vector<int> origin_;
    std::vector<bool> orphan_;
};

// The host address of a cell ("B3", "Sheet1.B3"); for a grid the writer just made (no host addresses yet)
// the spreadsheet-style name, so findings still point somewhere.
std::string addressOf(const Grid& grid, int row, int column);

} // namespace jixiao
