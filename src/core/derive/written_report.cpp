#include "core/derive/written_report.hpp"

#include "core/with_cell_texts.hpp"

namespace jixiao {
namespace {

// The cells `patch` writes as the host leaves them; false when a write sets a formula (Calc shows its
// result, which only the host computes).
bool addTexts(std::vector<CellText>& texts, const Patch& patch, bool funding) {
    for (const auto& write : patch.writes) {
        if (!write.formula.empty() || !write.cell.known())
            return false;
        texts.push_back({funding, write.cell.row, write.cell.column, write.text,
                         write.storedNumber ? CellKind::Number : CellKind::Text, std::string{}});
    }
    return true;
}

} // namespace

bool applyWrites(Report& report, const Patch& score, const Patch& funding) {
    std::vector<CellText> texts;
    if (!addTexts(texts, score, false) || !addTexts(texts, funding, true))
        return false;
    return applyCellTexts(report, texts);
}

} // namespace jixiao
