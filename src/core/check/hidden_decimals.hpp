// A number cell whose number format hides part of its value: it shows 3 and holds 3.4. The sheet computes
// with 3.4, so the printed figures do not add up (the 合计 shows 97.4 over rows that print 97), and the other
// findings name the total, not the cell that causes it. Only the hosts that know a cell's value apart from
// its text (Calc) fill GridCell::stored; a cell shown as a percentage is left out (a share rounded for
// print is how shares are written, and the share rules judge it against the amounts).
#pragma once

#include "core/assemble.hpp"
#include "core/model/finding.hpp"

#include <vector>

namespace jixiao {

// "cell.hidden-decimals" (warning, args cell, shown, stored) for each such cell of the scoring and the
// funding table, in table order; the message is left for the caller's catalog.
std::vector<Finding> hiddenDecimalFindings(const Report& report);

} // namespace jixiao
