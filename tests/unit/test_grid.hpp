// gridOf({{"一级指标", …}, …}): a Grid named "T" with one text per cell, the way the adapters present a
// table without merges (add them with Grid::merge).
#pragma once

#include "core/model/grid.hpp"

#include <string>
#include <vector>

namespace jixiao::testing {

inline Grid gridOf(const std::vector<std::vector<std::string>>& rows) {
    Grid grid(int(rows.size()), int(rows.front().size()));
    grid.name = "T";
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c)
            grid.at(r, c).text = rows[std::size_t(r)][std::size_t(c)];
    return grid;
}

} // namespace jixiao::testing
