#include "core/model/cell_kind.hpp"

#include "core/text/numbers.hpp"
#include "core/text/utf8.hpp"

namespace jixiao {
namespace {

// The figure a write carries: its value, else its text when that is a plain number or a percentage.
std::optional<Decimal> figureOf(const CellWrite& write) {
    if (write.number)
        return write.number;
    const auto parsed = parseCellNumber(write.text);
    if (parsed.status == CellNumber::Status::Number && (parsed.unit.empty() || parsed.percent))
        return parsed.value;
    return std::nullopt;
}

// What Calc's API would store as a number without a format of its own: digits as typed, no unit, no "%", no
// full-width digits (which the reader accepts but a user typed as text).
bool plainNumberText(const std::string& text) {
    const auto parsed = parseCellNumber(text);
    return parsed.status == CellNumber::Status::Number && parsed.unit.empty() && !parsed.percent &&
           toHalfWidth(text) == text;
}

} // namespace

void fitCellKinds(Patch& patch, const Grid& grid) {
    for (auto& write : patch.writes) {
        write.storedNumber.reset();
        if (!write.formula.empty() || write.text.empty())
            continue;
        const GridCell* cell = grid.find(write.cell.row, write.cell.column);
        const CellKind kind = cell != nullptr ? cell->kind : CellKind::Empty;
        const auto figure = figureOf(write);
        if (!figure || kind == CellKind::Text)
            continue;
        if (kind == CellKind::Number) {
            // Percentages are shown and compared at two decimals, so the hundredth is exact in six.
            const bool percentCell = parseCellNumber(cell->text).percent;
            write.storedNumber = percentCell ? Decimal::fromUnits(figure->units() / 100) : *figure;
        } else if (plainNumberText(write.text)) {
            write.storedNumber = figure;
        }
    }
}

} // namespace jixiao
