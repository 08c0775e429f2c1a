// A Report brought up to date after a few cells of its tables changed, without assembling it again. Why it
// exists: a live run in Writer re-assembles the whole document twice per keystroke — once after the user
// typed a 得分, once to read back the 3–5 derived cells recompute wrote (扣分, 合计, 等级, 占比 …) so that
// validation judges the table as written — and each assemble re-reads every cell of the scoring table (about
// 0.9 ms at 200 indicators). When only plain number cells changed, the Report `assemble` would give differs
// from the old one in those cells' texts and the values read from them; this patches exactly those.
//
// It claims a change only where it can prove assemble's answer: a leaf's 得分 or 扣分, the 合计 row's 得分 or
// 扣分 and the 等级 cell of a scoring table read whole from one table (the old and the new text read as a
// number or as nothing, without a read issue; the grade bands are chosen again when the 合计 or 等级
// changed), the 执行率 of a self-evaluation form's funding block (recompute writes it), and a funding table's
// amount or 占比 cells (the table, a few rows, is read again whole). No text
// may name a header or a row label. Anything else — a weight, a label, a subtotal, a split or partial table,
// text the reader would report — is declined, and the caller assembles again.
//
// Cost at 200 indicators (Release, one core): assemble ≈ 0.8 ms, copying the Report ≈ 60 µs, applyCellTexts
// of one 得分 ≈ 2 µs (a funding change ≈ 15 µs): a caller that owns the report (RunPlan::report) changes it
// in place.
#pragma once

#include "core/assemble.hpp"
#include "core/model/grid.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

// One changed cell: its position in Report::scoreGrid (as CellRef row/column), or with `funding` in
// Report::fundingGrid, and the text it shows now (CellWrite::text for a cell recompute wrote). The readers
// never look at a cell's kind, nor at a formula other than the 等级 cell's; the Report's grids hold them as
// the host read them, so a caller that knows them new says so (nullopt: as before).
struct CellText {
    bool funding = false;
    int row = -1;
    int column = -1;
    std::string text;
    std::optional<CellKind> kind = std::nullopt;
    std::optional<std::string> formula = std::nullopt;
};

// The change of the cell a host names (its table's name and the cell's address, as the Report's grids hold
// them: Writer "G12", Calc "Sheet1.G12"), for a caller that knows an edit by name (the cell under the Writer
// cursor); nullopt when neither table has such an anchor cell.
std::optional<CellText> cellTextAt(const Report& report, const std::string& table, const std::string& address,
                                   std::string text);

// The Report `assemble` gives for the same snapshot with these cells' texts in place of the ones `report`
// was assembled from; nullopt whenever that cannot be had without assembling again (the caller then does).
// `report` must be what assemble gave (or what this gave since).
std::optional<Report> withCellTexts(const Report& report, const std::vector<CellText>& changes);

// The same in place, without copying the report: true when `report` now is what assemble would give;
// false (and `report` untouched) when the caller must assemble again.
bool applyCellTexts(Report& report, const std::vector<CellText>& changes);

} // namespace jixiao
