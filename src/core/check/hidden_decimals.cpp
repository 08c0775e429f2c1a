#include "core/check/hidden_decimals.hpp"

#include "core/text/cell_text.hpp"
#include "core/text/numbers.hpp"

namespace jixiao {

namespace {

void findIn(const Grid& grid, std::vector<Finding>& out) {
    for (int row = 0; row < grid.rows(); ++row)
        for (int column = 0; column < grid.columns(); ++column) {
            const GridCell& cell = grid.at(row, column);
            if (cell.covered || cell.stored.empty())
                continue;
            const CellNumber shown = parseCellNumber(cell.text);
            const auto stored = Decimal::parse(cell.stored);
            // Compared at the core's six decimals: what Calc keeps beyond them is no figure anyone prints.
            if (shown.status != CellNumber::Status::Number || shown.percent || !stored ||
                *stored == shown.value)
                continue;
            Finding f;
            f.ruleId = "cell.hidden-decimals";
            f.severity = Severity::Warning;
            f.location = {Location::Kind::Cell, grid.name, cell.address, -1, 0, 0};
            f.args = {
                {"cell", cell.address}, {"shown", trimCell(cell.text)}, {"stored", stored->toString(6)}};
            out.push_back(std::move(f));
        }
}

} // namespace

std::vector<Finding> hiddenDecimalFindings(const Report& report) {
    std::vector<Finding> findings;
    if (report.hasScoreTable)
        findIn(report.scoreGrid, findings);
    if (report.hasFundingTable)
        findIn(report.fundingGrid, findings);
    return findings;
}

} // namespace jixiao
