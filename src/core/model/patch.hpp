// The minimal set of cell writes that brings a table's derived cells up to date. Writing only what changed
// keeps live recompute fast and the undo stack clean.
#pragma once

#include "core/model/scorecard.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

struct CellWrite {
    CellRef cell;
    std::string text;              // what the cell shows ("3", "36.18%", "优秀")
    std::optional<Decimal> number; // the value, when the cell holds a number
    // Calc only: a formula that keeps the sheet live without Jixiao ("=F5-G5"); empty elsewhere.
    std::string formula;
    // How the host stores it (fitCellKinds, core/model/cell_kind.hpp): the number to store as the cell's
    // value, shown through the cell's own number format (0.3618 in a percentage cell shows "36.18%");
    // nullopt: `text`, as text. Ignored when `formula` is set.
    std::optional<Decimal> storedNumber = std::nullopt;
    friend bool operator==(const CellWrite&, const CellWrite&) = default;
};

struct Patch {
    std::vector<CellWrite> writes;
    bool empty() const { return writes.empty(); }
};

} // namespace jixiao
