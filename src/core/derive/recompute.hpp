// Derived cells of the scoring and funding tables, as the minimal Patch that brings them up to date.
//
// Only cells whose value would change are written: "3", "3.0", "３" and "3分" all hold 3 and are left
// alone, so a live recompute after an edit adds exactly the writes that edit implies to the undo stack.
// Numbers are written with Decimal::toString(2) ("3", "2.5", "36.18%").
//
// Scoring table rules:
//  * 扣分 of a leaf = 分值 − 得分 when 0 ≤ 得分 ≤ 分值; empty when the score is missing, not a number, below
//  0
//    or above the weight — the validator reports the score; a negative deduction would hide it, and the
//    deduction of an earlier keystroke ("1" on the way to "15") would be stale.
//  * A 一级/二级 label weight that disagrees with its children's sum is rewritten keeping the name as typed
//    and the label's parenthesis style and line break: "决策(10分)" → "决策(11分)". A parent without a weight
//    label is not given one.
//  * 合计 分值 = the sum of the leaf weights. 合计 得分 = the sum of the leaf scores only when every leaf
//    has a valid score (present, a number, within 0‥分值); otherwise it is written empty — a stale or
//    partial total in a finance document is worse than a visibly missing one, and validation names the
//    missing scores. 合计 扣分 = 合计 分值 − 合计 得分, empty with it. The 等级 cell follows 合计 得分
//    through the card's grade bands, empty with it.
// Funding table rules: 实际支出合计 = the sum of the items (when there are items); each share = amount /
// 实际支出合计 × 100 rounded half-up to 2 places ("36.18%"); 预算执行率 = 实际支出合计 / 年初预算 × 100;
// 结余 = 年初预算 − 实际支出合计. A value whose inputs are missing (or a zero divisor) is left as it is.
// The total row's constant "100%" is the writer's (Funding keeps no value for it to compare with).
#pragma once

#include "core/model/grid.hpp"
#include "core/model/patch.hpp"
#include "core/model/scorecard.hpp"

#include <string>

namespace jixiao {

// Compares with the grid's current cell texts: exact, including label styles and cells holding text that
// is not a number (cleared when the value should be empty). Prefer this form when the grid is at hand.
Patch recomputeScoreTable(const Scorecard& read, const Grid& grid);
// Compares with the values as read into the scorecard. Without the grid a rewritten label uses full-width
// parentheses (the writer's style), and a derived cell holding non-number text is not cleared.
Patch recomputeScoreTable(const Scorecard& read);

Patch recomputeFundingTable(const Funding& read);

// The national 项目支出绩效自评表's 执行率 (Scorecard::fundingBlock, a cell of the scoring table): its own
// 全年执行数 ÷ 全年预算数 × 100 (deriveFunding), written as a funding table's rate is (half-up to 2 places)
// in the style the cell was typed in — with or without "%", two decimals kept ("100.00%" → "95.00%").
// Only over a typed number proved wrong: never when the cell is empty or not a number, never when the
// block's 预算数 or 执行数 cell is unreadable or empty (a 预算 property does not stand in for it). A formula
// in the cell is planRecompute's to hold back.
Patch recomputeBlockRate(const Funding& block, const Grid& grid);

// Where a grid sits in a Calc sheet: the sheet name and the 0-based column and row of the grid's
// top-left cell, so the adapter can place a table anywhere.
struct CalcOrigin {
    std::string sheet = "Sheet1";
    int column = 0;
    int row = 0;
};

// Where a grid read from Calc sits (its top-left anchor's sheet, column and row), so formulas can be placed.
// Throws std::runtime_error (a defect) for a grid whose first cell has no Calc address.
CalcOrigin calcOriginOf(const Grid& placed);

// Formulas that keep an inserted table live in Calc without Jixiao, with ';' as the argument separator
// (XCell::setFormula). Every write carries the formula, the text it shows now and its value. Cell addresses
// are "Sheet1.F3"; references inside formulas are relative A1 references on the same sheet.
//  * 扣分:     =IF(AND(ISNUMBER(G3);G3>=0;G3<=F3);F3-G3;"")   (empty unless the score is valid, as above)
//  * 合计 分值: =SUM(F2:F22)
//  * 合计 得分: =IF(COUNT(H2:H22)<21;"";SUM(G2:G22))     (empty until every leaf has a valid score: the
//               扣分 cells count them)
//  * 合计 扣分: =IF(G23="";"";F23-G23)
//  * 等级:     =IF(G23="";"";IF(G23>=90;"优秀";IF(G23>=80;"良好";IF(G23>=60;"中";"差"))))  from the card's
//  bands
//  * 执行率 of the self-evaluation form's funding block: calcBlockRateFormula
// Non-adjacent leaf cells are listed (F2;F5;F9) instead of a range. Parent labels stay text.
Patch calcLiveFormulas(const Scorecard& read, const Grid& grid, const CalcOrigin& origin = {});

// The self-evaluation form's 执行率 (Scorecard::fundingBlock) as a formula, so the printed rate follows its
// 全年执行数 and 全年预算数 where Jixiao is not installed. It is recomputeBlockRate's rule — the block's own
// 执行数 ÷ its 预算数 cell (全年预算数, or 年初预算数 when the form has no 全年 column: the reader's choice,
// block.budgetCell), × 100, six decimals then two, half-up; empty unless both are numbers and the budget is
// not 0 — so Calc and the core agree on the rate:
//   =IF(AND(ISNUMBER(E6);ISNUMBER(D6);D6<>0);ROUND(ROUND(E6/D6*100;6);2)&"%";"")
// in the cell's kind and look: a number cell gets a number (ROUND(ROUND(E6/D6;8);4) in a percentage format,
// which shows "95.00%"), a text cell text with or without "%" (FIXED(…;2;1) for "100.00%"), an empty cell the
// funding table's "95%". nullopt — nothing written — when the cell holds a formula that is not Jixiao's (the
// user's own: converting never replaces it; validation holds its value to the block, cell.formula-value),
// non-number text ("—"), or a figure the formula would show empty now (an input missing or unreadable); when
// an input is a text cell (Calc would not compute from "120" typed as text, the core does); or when the block
// has no rate, 预算数 or 执行数 cell.
std::optional<CellWrite> calcBlockRateFormula(const Funding& block, const Grid& grid,
                                              const CalcOrigin& origin = {});

// The grade formula of calcLiveFormulas for the card's bands (its values written into it: a formula that
// reads them, and survives .xlsx, without cells or names of Jixiao's in the sheet), when the grade cell
// still holds Jixiao's formula for the bands `before` — what re-grading a report with new bands rewrites.
// nullopt when the cell holds anything else (a user's formula, a value): that is not Jixiao's to change.
std::optional<CellWrite> regradedCalcFormula(const Scorecard& read, const std::vector<GradeBand>& before,
                                             const Grid& grid, const CalcOrigin& origin = {});

// In a Calc table that still holds Jixiao's formulas (at least one cell of calcLiveFormulas as it is there),
// a write to a computed cell whose formula is gone — typed over — puts the formula back rather than its
// value, so the sheet stays live where Jixiao is not installed. A sheet typed by hand, without Jixiao's
// formulas, keeps plain values.
void putBackCalcFormulas(Patch& patch, const Scorecard& read, const Grid& grid, const CalcOrigin& origin);
// The same for the funding table (calcFundingFormulas): a typed-over 实际支出合计, share, 执行率 or 结余 gets
// its formula back, so a 重算 does not leave a live table with one figure that no longer follows its amounts.
void putBackCalcFundingFormulas(Patch& patch, const Funding& read, const Grid& grid,
                                const CalcOrigin& origin);

// Funding formulas. Shares and the execution rate are text formulas with a "%" suffix,
// =IF(B$5=0;"";ROUND(B2/B$5*100;2)&"%"), so the sheet shows exactly what the Writer table shows, reads back
// through readFundingTable unchanged and needs no number format set through UNO; nothing computes from a
// share. 实际支出合计: =SUM(B2:B4); total share: text "100%"; 预算执行率:
// =IF(B6=0;"";ROUND(B5/B6*100;2)&"%"); 结余: =IF(B6="";"";B6-B5).
Patch calcFundingFormulas(const Funding& read, const Grid& grid, const CalcOrigin& origin = {});

} // namespace jixiao
