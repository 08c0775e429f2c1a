// The self-evaluation form's 执行率 as a Calc formula (calcBlockRateFormula, planned with the scoring table's
// formulas by calcLiveFormulas): the core's rule — the block's own 执行数 ÷ the budget cell the reader chose,
// rounded as Decimal::percent and rounded(2) round — in the kind and look of its cell, and never over a
// formula of the user's.
#include "core/assemble.hpp"
#include "core/derive/recompute.hpp"
#include "core/derive/recompute_plan.hpp"

#include "self_evaluation_fixture.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace jixiao;

namespace {

constexpr int kBlockRow = 2, kRateColumn = 6; // G3: 执行率 of 年度资金总额 (108 of 120: 90%)
const std::string kGuard = "=IF(AND(ISNUMBER(E3);ISNUMBER(D3);D3<>0);";

Grid formWithRate(const std::string& rate, CellKind kind = CellKind::Empty) {
    Grid grid = jixiao::testing::selfEvaluationForm();
    grid.at(kBlockRow, kRateColumn).text = rate;
    grid.at(kBlockRow, kRateColumn).kind = kind;
    return grid;
}

// What converting the form plans for its 执行率, if anything.
std::optional<CellWrite> converted(const Grid& grid) {
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    const Report report = assemble(snapshot);
    for (const auto& write : calcLiveFormulas(report.card, report.scoreGrid, CalcOrigin{}).writes)
        if (write.cell.row == kBlockRow && write.cell.column == kRateColumn)
            return write;
    return std::nullopt;
}

std::string formulaFor(const Grid& grid) {
    const auto write = converted(grid);
    return write ? write->formula : std::string("(none)");
}

} // namespace

// The scoring table's conversion gives the block's rate its formula, showing what the core computes now.
TEST(BlockRateFormula, ConvertingTheFormGivesTheRateTheCoresFormula) {
    const auto write = converted(formWithRate("91%"));
    ASSERT_TRUE(write);
    EXPECT_EQ(write->cell.address, "Sheet1.G3");
    EXPECT_EQ(write->formula, kGuard + "ROUND(ROUND(E3/D3*100;6);2)&\"%\";\"\")");
    EXPECT_EQ(write->text, "90%") << "108 ÷ 120, not the 91% typed";
    EXPECT_EQ(write->number, Decimal(90));
}

// The denominator is the reader's: 全年预算数 when the form has that column, else 年初预算数.
TEST(BlockRateFormula, TheDenominatorIsTheBudgetTheCoreDividesBy) {
    Grid grid = formWithRate("90%");
    grid.at(kBlockRow, 2).text = "100"; // 年初预算数 differs from 全年预算数 (120)
    auto write = converted(grid);
    ASSERT_TRUE(write);
    EXPECT_NE(write->formula.find("E3/D3"), std::string::npos) << write->formula;
    EXPECT_EQ(write->text, "90%");

    grid.at(1, 3).text = ""; // no 全年预算数 column: the year's budget is 年初预算数
    grid.at(kBlockRow, 3).text = "";
    write = converted(grid);
    ASSERT_TRUE(write);
    EXPECT_EQ(write->formula,
              "=IF(AND(ISNUMBER(E3);ISNUMBER(C3);C3<>0);ROUND(ROUND(E3/C3*100;6);2)&\"%\";\"\")");
    EXPECT_EQ(write->text, "108%") << "108 ÷ 100";
}

// Rounded as the core rounds: six decimals half-up, then two — 95.0049995 is 95.01, as the inner ROUND makes
// it.
TEST(BlockRateFormula, TheRateShownIsTheCoresRounding) {
    Grid grid = formWithRate("95%");
    grid.at(kBlockRow, 3).text = "200";
    grid.at(kBlockRow, 4).text = "190.009999";
    const auto write = converted(grid);
    ASSERT_TRUE(write);
    EXPECT_EQ(write->text, "95.01%");
    EXPECT_NE(write->formula.find("ROUND(ROUND(E3/D3*100;6);2)"), std::string::npos) << write->formula;
}

// A number stays a number (the fraction in a percentage format, the rate in a plain one), text stays text in
// the look it was typed in, and an empty cell gets the funding table's "90%".
TEST(BlockRateFormula, TheFormulaKeepsTheCellsKindAndLook) {
    EXPECT_EQ(formulaFor(formWithRate("100.00%", CellKind::Number)),
              kGuard + "ROUND(ROUND(E3/D3;8);4);\"\")");
    EXPECT_EQ(formulaFor(formWithRate("100", CellKind::Number)),
              kGuard + "ROUND(ROUND(E3/D3*100;6);2);\"\")");
    EXPECT_EQ(formulaFor(formWithRate("100.00%", CellKind::Text)),
              kGuard + "FIXED(ROUND(E3/D3*100;6);2;1)&\"%\";\"\")");
    EXPECT_EQ(formulaFor(formWithRate("100", CellKind::Text)),
              kGuard + "ROUND(ROUND(E3/D3*100;6);2)&\"\";\"\")");
    EXPECT_EQ(formulaFor(formWithRate("")), kGuard + "ROUND(ROUND(E3/D3*100;6);2)&\"%\";\"\")");
    EXPECT_EQ(converted(formWithRate("100.00%", CellKind::Number))->text, "90.00%");
}

// A formula of the user's is never replaced (and 重算 holds it to the block with a finding that does not send
// the user to the conversion); Jixiao's own, from an earlier conversion, stays as it is.
TEST(BlockRateFormula, NeverOverAFormulaOfTheUsers) {
    Grid grid = formWithRate("91%");
    grid.at(kBlockRow, kRateColumn).formula = "=E3/D3";
    EXPECT_FALSE(converted(grid));
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    const auto plan = planRecompute(assemble(snapshot));
    ASSERT_EQ(plan.held.size(), 1u);
    EXPECT_EQ(plan.held[0].messageKey, "cell.formula-value.own");

    const std::string ours = kGuard + "FIXED(ROUND(E3/D3*100;6);2;1)&\"%\";\"\")";
    grid.at(kBlockRow, kRateColumn) = {"90.00%", "G3", 1, 1, false, ours, CellKind::Empty, ""};
    const auto again = converted(grid);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->formula, ours);
    EXPECT_EQ(again->text, "90.00%");
}

// Nothing over "—" the user wrote, nor a formula that would blank a typed figure because an input cannot be
// read now, nor from an input typed as text (Calc's ISNUMBER would not see the number the core reads).
TEST(BlockRateFormula, NothingTheFormulaWouldShowDifferentlyFromTheCore) {
    EXPECT_FALSE(converted(formWithRate("—")));

    Grid unreadable = formWithRate("91%");
    unreadable.at(kBlockRow, 3).text = "一百二十";
    EXPECT_FALSE(converted(unreadable));
    unreadable.at(kBlockRow, kRateColumn).text = "";
    const auto blank = converted(unreadable);
    ASSERT_TRUE(blank) << "an empty rate gets its formula; it shows nothing until the budget is a number";
    EXPECT_EQ(blank->text, "");
    EXPECT_FALSE(blank->number);

    Grid typedAsText = formWithRate("90%");
    typedAsText.at(kBlockRow, 4).kind = CellKind::Text; // 全年执行数 "108" stored as a string
    EXPECT_FALSE(converted(typedAsText));
}

// After the conversion, a rate typed over its formula is put back as the formula by 重算, like the scoring
// table's computed cells.
TEST(BlockRateFormula, ARateTypedOverTheFormulaIsPutBackAsTheFormula) {
    DocumentSnapshot snapshot;
    snapshot.tables = {formWithRate("91%", CellKind::Text)};
    const Report report = assemble(snapshot);
    Grid sheet = report.scoreGrid; // converted: every formula of calcLiveFormulas in its cell …
    for (const auto& write : calcLiveFormulas(report.card, sheet, CalcOrigin{}).writes)
        sheet.at(write.cell.row, write.cell.column).formula = write.formula;
    sheet.at(kBlockRow, kRateColumn).formula.clear(); // … and then 91% typed over the rate's
    Patch patch = recomputeBlockRate(report.card.fundingBlock, sheet);
    ASSERT_EQ(patch.writes.size(), 1u);
    putBackCalcFormulas(patch, report.card, sheet, CalcOrigin{});
    EXPECT_EQ(patch.writes[0].formula, kGuard + "ROUND(ROUND(E3/D3*100;6);2)&\"%\";\"\")");
}
