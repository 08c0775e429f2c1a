#include "core/derive/recompute.hpp"

#include "core/derive/figures.hpp"
#include "core/read/grid_reader.hpp"
#include "core/text/a1.hpp"
#include "core/write/grid_writer.hpp"
#include "funding_fixture.hpp"
#include "sample_fixture.hpp"
#include "test_decimal.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using jixiao::CalcOrigin;
using jixiao::Decimal;
using jixiao::Grid;
using jixiao::Patch;
using jixiao::readScoreTable;
using jixiao::recomputeScoreTable;
using jixiao::testing::sampleScoreGrid;

namespace {

using jixiao::testing::dec;

// address → text of every write, for compact assertions.
std::map<std::string, std::string> texts(const Patch& patch) {
    std::map<std::string, std::string> out;
    for (const auto& w : patch.writes)
        out[w.cell.address] = w.text;
    return out;
}

std::map<std::string, std::string> formulas(const Patch& patch) {
    std::map<std::string, std::string> out;
    for (const auto& w : patch.writes)
        out[w.cell.address] = w.formula;
    return out;
}

// Applies a patch to the grid the way an adapter would, by grid position.
void apply(Grid& grid, const Patch& patch) {
    for (const auto& w : patch.writes)
        grid.at(w.cell.row, w.cell.column).text = w.text;
}

Patch both(const Grid& grid) {
    const auto card = readScoreTable(grid);
    const auto withGrid = recomputeScoreTable(card, grid);
    const auto withoutGrid = recomputeScoreTable(card);
    EXPECT_EQ(texts(withGrid), texts(withoutGrid));
    return withGrid;
}

} // namespace

TEST(Recompute, UnchangedSampleNeedsNoWrites) {
    EXPECT_TRUE(both(sampleScoreGrid()).empty());
}

TEST(Recompute, EditingAScoreChangesExactlyItsDeductionAndTheTotals) {
    auto grid = sampleScoreGrid();
    grid.at(19, 6).text = "6.5"; // 社会效益 得分 G20: 8 → 6.5
    const auto patch = both(grid);
    EXPECT_EQ(texts(patch),
              (std::map<std::string, std::string>{{"H20", "1.5"}, {"C23", "95.5"}, {"D23", "4.5"}}));
    for (const auto& w : patch.writes)
        EXPECT_TRUE(w.number.has_value());
    apply(grid, patch);
    EXPECT_TRUE(both(grid).empty()); // a second recompute is idle: nothing oscillates
}

TEST(Recompute, SpellingsOfTheSameValueAreNotRewritten) {
    auto grid = sampleScoreGrid();
    grid.at(1, 7).text = "0.0";   // 扣分 H2
    grid.at(18, 7).text = "３";   // 扣分 H19 (full-width)
    grid.at(22, 6).text = "97分"; // 合计 得分
    grid.at(22, 7).text = "3.00";
    EXPECT_TRUE(both(grid).empty());
}

TEST(Recompute, MissingOrInvalidScoreEmptiesDeductionAndTotals) {
    auto grid = sampleScoreGrid();
    grid.at(2, 6).text = ""; // G3
    auto patch = both(grid);
    EXPECT_EQ(texts(patch), (std::map<std::string, std::string>{{"H3", ""}, {"C23", ""}, {"D23", ""}}));
    EXPECT_FALSE(patch.writes[0].number.has_value());

    grid.at(2, 6).text = "两分";
    grid.at(2, 7).text = "abc"; // junk in a derived cell: only the grid form can see it
    const auto card = readScoreTable(grid);
    EXPECT_EQ(texts(recomputeScoreTable(card, grid)),
              (std::map<std::string, std::string>{{"H3", ""}, {"C23", ""}, {"D23", ""}}));
    EXPECT_EQ(texts(recomputeScoreTable(card)),
              (std::map<std::string, std::string>{{"C23", ""}, {"D23", ""}}));
}

TEST(Recompute, ScoreOutOfRangeClearsItsDeductionAndTheTotal) {
    auto grid = sampleScoreGrid();
    grid.at(1, 6).text = "1.5"; // 项目立项规范性 weight 1
    EXPECT_EQ(texts(both(grid)), (std::map<std::string, std::string>{{"H2", ""}, {"C23", ""}, {"D23", ""}}));
    grid.at(1, 6).text = "-1";
    EXPECT_EQ(texts(both(grid)), (std::map<std::string, std::string>{{"H2", ""}, {"C23", ""}, {"D23", ""}}));
    // Typed on the way to "15" in a 10-point cell: the "1" left 扣分 9, which "15" must clear.
    grid = sampleScoreGrid();
    grid.at(21, 6).text = "15"; // 服务对象满意度 weight 10, 扣分 0 in the sample
    EXPECT_EQ(texts(both(grid)).at("H22"), "");
}

TEST(Recompute, ParentLabelsFollowTheirChildrenKeepingTheirStyle) {
    auto grid = sampleScoreGrid();
    grid.at(1, 5).text = "2"; // 项目立项规范性 分值 F2: 1 → 2, score still 1
    auto got = texts(recomputeScoreTable(readScoreTable(grid), grid));
    EXPECT_EQ(got,
              (std::map<std::string, std::string>{
                  {"A2", "决策(11分)"}, {"B2", "项目立项(8分)"}, {"H2", "1"}, {"B23", "101"}, {"D23", "4"}}));
    // 过程（30分） keeps its full-width parentheses.
    grid = sampleScoreGrid();
    grid.at(6, 5).text = "5"; // 管理制度健全性 4 → 5 (score 4)
    got = texts(recomputeScoreTable(readScoreTable(grid), grid));
    EXPECT_EQ(got.at("A7"), "过程（31分）");
    EXPECT_EQ(got.at("B7"), "业务管理（19分）");
    // Without the grid the style is unknown: the writer's full-width style.
    grid.at(1, 5).text = "2";
    got = texts(recomputeScoreTable(readScoreTable(grid)));
    EXPECT_EQ(got.at("A2"), "决策（11分）");
}

TEST(Recompute, GradeCellFollowsTheTotal) {
    auto card = readScoreTable(sampleScoreGrid());
    auto grid = jixiao::writeScoreTable(card);
    EXPECT_TRUE(recomputeScoreTable(readScoreTable(grid), grid).empty());
    grid.at(14, 6).text = "0"; // 完成数量 10 → 0: total 87 → 良好
    const auto got = texts(recomputeScoreTable(readScoreTable(grid), grid));
    EXPECT_EQ(got.at("F24"), "良好"); // writer grids have no addresses: spreadsheet-style fallbacks
    EXPECT_EQ(got.at("G23"), "87");
    EXPECT_EQ(got.at("H15"), "10");
}

TEST(Recompute, FundingSharesRateAndBalanceOfTheSample) {
    jixiao::Funding f;
    f.budget = 2;
    f.items = {{"工资补助", dec("0.72"), {}, {}, {}},
               {"社保缴费", dec("1.13"), {}, {}, {}},
               {"劳务派遣服务费", dec("0.14"), {}, {}, {}}};
    auto grid = jixiao::writeFundingTable(f);
    // Blank the derived cells: recompute must fill each of them.
    for (const auto& [r, c] :
         std::vector<std::pair<int, int>>{{1, 2}, {2, 2}, {3, 2}, {4, 1}, {6, 2}, {7, 1}})
        grid.at(r, c).text = "";
    const auto read = jixiao::readFundingTable(grid);
    const auto patch = jixiao::recomputeFundingTable(read);
    EXPECT_EQ(texts(patch), (std::map<std::string, std::string>{{"C2", "36.18%"},
                                                                {"C3", "56.78%"},
                                                                {"C4", "7.04%"},
                                                                {"B5", "1.99"},
                                                                {"C7", "99.5%"},
                                                                {"B8", "0.01"}}));
    apply(grid, patch);
    EXPECT_TRUE(jixiao::recomputeFundingTable(jixiao::readFundingTable(grid)).empty());
    grid.at(3, 2).text = "7.040%";
    EXPECT_TRUE(jixiao::recomputeFundingTable(jixiao::readFundingTable(grid)).empty());
}

TEST(Recompute, CalcFormulasForTheSampleLayout) {
    const auto grid = sampleScoreGrid();
    const auto card = readScoreTable(grid);
    const auto patch = jixiao::calcLiveFormulas(card, grid, CalcOrigin{"Sheet1", 0, 0});
    const auto f = formulas(patch);
    EXPECT_EQ(f.at("Sheet1.H3"), "=IF(AND(ISNUMBER(G3);G3>=0;G3<=F3);F3-G3;\"\")");
    EXPECT_EQ(f.at("Sheet1.F23"), "=SUM(F2:F22)");
    EXPECT_EQ(f.at("Sheet1.G23"), "=IF(COUNT(H2:H22)<21;\"\";SUM(G2:G22))");
    EXPECT_EQ(f.at("Sheet1.H23"), "=IF(G23=\"\";\"\";F23-G23)");
    EXPECT_EQ(texts(patch).at("Sheet1.G23"), "97");
    EXPECT_EQ(texts(patch).at("Sheet1.H19"), "3");
    EXPECT_EQ(patch.writes.size(), 21u + 3u); // no grade cell in the sample

    // Placed at C5 of a sheet whose name needs quoting, with a grade row.
    const auto written = jixiao::writeScoreTable(card);
    const auto cardOfWritten = readScoreTable(written);
    const auto moved =
        formulas(jixiao::calcLiveFormulas(cardOfWritten, written, CalcOrigin{"评价 表", 2, 4}));
    EXPECT_EQ(moved.at("'评价 表'.J6"), "=IF(AND(ISNUMBER(I6);I6>=0;I6<=H6);H6-I6;\"\")");
    EXPECT_EQ(moved.at("'评价 表'.H27"), "=SUM(H6:H26)");
    EXPECT_EQ(moved.at("'评价 表'.H28"),
              "=IF(I27=\"\";\"\";IF(I27>=90;\"优秀\";IF(I27>=80;\"良好\";IF(I27>=60;\"中\";\"差\"))))");
}

// Issue 11: 5 typed over a computed 扣分 of a live Calc table was put back as the value 0, and the row stayed
// dead for good; the formula goes back instead. A sheet typed by hand (no formula of Jixiao's) keeps values.
TEST(Recompute, CalcFormulaTypedOverGoesBackAsTheFormula) {
    const CalcOrigin origin{"Sheet1", 0, 0};
    auto grid = sampleScoreGrid();
    const auto plain = recomputeScoreTable(readScoreTable(grid), grid);
    for (const auto& write : jixiao::calcLiveFormulas(readScoreTable(grid), grid, origin).writes)
        grid.at(write.cell.row, write.cell.column).formula = write.formula;
    const int row = 18, column = 7; // H19, 经济效益's 扣分: 3 as computed
    grid.at(row, column).formula.clear();
    grid.at(row, column).text = "5"; // typed over
    const auto card = readScoreTable(grid);
    auto patch = recomputeScoreTable(card, grid);
    ASSERT_EQ(texts(patch).at("H19"), "3");
    jixiao::putBackCalcFormulas(patch, card, grid, origin);
    EXPECT_EQ(formulas(patch).at("H19"), "=IF(AND(ISNUMBER(G19);G19>=0;G19<=F19);F19-G19;\"\")");
    EXPECT_EQ(texts(patch).at("H19"), "3");

    // The hand-typed sample: nothing of Jixiao's to restore.
    auto typed = sampleScoreGrid();
    typed.at(row, column).text = "5";
    const auto typedCard = readScoreTable(typed);
    auto values = recomputeScoreTable(typedCard, typed);
    jixiao::putBackCalcFormulas(values, typedCard, typed, origin);
    ASSERT_FALSE(values.writes.empty());
    for (const auto& write : values.writes)
        EXPECT_EQ(write.formula, "") << write.cell.address;
    EXPECT_TRUE(plain.empty());
}

TEST(Recompute, CalcFundingFormulas) {
    jixiao::Funding f;
    f.budget = 2;
    f.items = {{"工资补助", dec("0.72"), {}, {}, {}},
               {"社保缴费", dec("1.13"), {}, {}, {}},
               {"劳务派遣服务费", dec("0.14"), {}, {}, {}}};
    const auto grid = jixiao::writeFundingTable(f);
    const auto patch = jixiao::calcFundingFormulas(jixiao::readFundingTable(grid), grid);
    const auto fs = formulas(patch);
    const auto ts = texts(patch);
    EXPECT_EQ(fs.at("Sheet1.C2"), "=IF(B$5=0;\"\";ROUND(B2/B$5*100;2)&\"%\")");
    EXPECT_EQ(ts.at("Sheet1.C2"), "36.18%");
    EXPECT_EQ(ts.at("Sheet1.C3"), "56.78%");
    EXPECT_EQ(ts.at("Sheet1.C4"), "7.04%");
    EXPECT_EQ(fs.at("Sheet1.B5"), "=SUM(B2:B4)");
    EXPECT_EQ(ts.at("Sheet1.C5"), "100%");
    EXPECT_EQ(fs.at("Sheet1.C7"), "=IF(B6=0;\"\";ROUND(B5/B6*100;2)&\"%\")");
    EXPECT_EQ(ts.at("Sheet1.C7"), "99.5%");
    EXPECT_EQ(fs.at("Sheet1.B8"), "=IF(B6=\"\";\"\";B6-B5)");
    EXPECT_EQ(ts.at("Sheet1.B8"), "0.01");
}

// 重算 in Calc gave a typed-over 实际支出合计 of a live funding table the value 1.99 where the scoring
// table's cells get their formulas back: the total then no longer followed its amounts. A table typed by hand
// keeps values — its constant "100%" is no formula of Jixiao's.
TEST(Recompute, CalcFundingFormulaTypedOverGoesBackAsTheFormula) {
    const CalcOrigin origin{"Sheet1", 0, 0};
    auto live = jixiao::testing::sampleFundingGrid();
    auto typed = live;
    for (const auto& write : jixiao::calcFundingFormulas(jixiao::readFundingTable(live), live, origin).writes)
        live.at(write.cell.row, write.cell.column).formula = write.formula;
    const int row = 4, column = 1; // B5, 实际支出合计
    for (auto* grid : {&live, &typed}) {
        grid->at(row, column).formula.clear();
        grid->at(row, column).text = "99";
    }

    const auto liveRead = jixiao::readFundingTable(live);
    auto patch = jixiao::recomputeFundingTable(liveRead);
    ASSERT_EQ(texts(patch).at("B5"), "1.99");
    jixiao::putBackCalcFundingFormulas(patch, liveRead, live, origin);
    EXPECT_EQ(formulas(patch).at("B5"), "=SUM(B2:B4)");
    EXPECT_EQ(texts(patch).at("B5"), "1.99");

    const auto typedRead = jixiao::readFundingTable(typed);
    auto values = jixiao::recomputeFundingTable(typedRead);
    ASSERT_FALSE(values.writes.empty());
    jixiao::putBackCalcFundingFormulas(values, typedRead, typed, origin);
    for (const auto& write : values.writes)
        EXPECT_EQ(write.formula, "") << write.cell.address;
}

TEST(Recompute, ALabelCellSharedByTwoParentsIsLeftAlone) {
    // 二级 "M" merged across two 一级 groups (malformed, found by fuzzing): two parents, one cell.
    Grid grid(3, 5);
    const std::vector<std::vector<std::string>> rows = {
        {"一级指标", "二级指标", "三级指标", "分值", "得分"},
        {"A(2分)", "M(4分)", "a", "1", "1"},
        {"B(2分)", "", "b", "1", "1"},
    };
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 5; ++c)
            grid.at(r, c).text = rows[std::size_t(r)][std::size_t(c)];
    grid.merge(1, 1, 2, 1);
    const auto patch = recomputeScoreTable(readScoreTable(grid), grid);
    EXPECT_EQ(texts(patch), (std::map<std::string, std::string>{{"A2", "A(1分)"}, {"A3", "B(1分)"}}));
}

TEST(Recompute, NegativeWeightSumsAreNotWrittenIntoLabels) {
    auto grid = sampleScoreGrid();
    for (int r = 1; r <= 5; ++r) // every 决策 leaf weight → -1
        grid.at(r, 5).text = "-1";
    const auto got = texts(recomputeScoreTable(readScoreTable(grid), grid));
    EXPECT_EQ(got.count("A2"), 0u);
    EXPECT_EQ(got.count("B2"), 0u);
    EXPECT_EQ(got.count("B5"), 0u);
}

// Live recompute re-reads only scoreTableInputs(grid): the result must not depend on any other cell.
TEST(Recompute, InputsLeaveOutOnlyProseOfIndicatorRows) {
    const auto grid = sampleScoreGrid();
    const auto inputs = scoreTableInputs(grid);
    std::set<std::pair<int, int>> in;
    for (const auto& p : inputs)
        in.insert({p.row, p.column});
    for (int c = 0; c < 9; ++c) {
        if (!grid.at(0, c).covered) {
            EXPECT_TRUE(in.count({0, c})) << "header column " << c;
        }
    }
    EXPECT_TRUE(in.count({19, 6}));  // 社会效益 得分
    EXPECT_FALSE(in.count({19, 2})); // its name: 分值 F20 is a number, so the name's label is not used
    EXPECT_FALSE(in.count({19, 3})); // 指标解释
    EXPECT_FALSE(in.count({19, 4})); // 评价标准
    EXPECT_FALSE(in.count({19, 8})); // 扣分原因
    EXPECT_TRUE(in.count({1, 0}));   // 决策(10分): a label recompute rewrites
    for (const auto& p : inputs)
        EXPECT_FALSE(grid.at(p.row, p.column).covered);

    // Scrambling every cell that is not an input changes nothing recompute writes.
    auto scrambled = grid;
    scrambled.at(19, 6).text = "6.5";
    auto edited = scrambled;
    for (int r = 1; r < scrambled.rows(); ++r)
        for (int c = 0; c < scrambled.columns(); ++c)
            if (!scrambled.at(r, c).covered && !in.count({r, c}))
                scrambled.at(r, c).text = "随便写的说明 12.5";
    EXPECT_EQ(texts(recomputeScoreTable(readScoreTable(scrambled), scrambled)),
              texts(recomputeScoreTable(readScoreTable(edited), edited)));
    EXPECT_EQ(scoreTableInputs(scrambled), inputs);

    // Without a number in 分值 the name's "(n分)" label is the weight: the name is an input then.
    auto noWeight = grid;
    noWeight.at(19, 5).text = "";
    const auto withName = scoreTableInputs(noWeight);
    EXPECT_NE(std::find(withName.begin(), withName.end(), jixiao::GridPosition{19, 2}), withName.end());
}

TEST(Recompute, InputsFollowARetypedTotalRow) {
    auto grid = sampleScoreGrid();
    const auto before = scoreTableInputs(grid);
    grid.at(21, 2).text = "合计"; // an indicator row's 三级 cell: the row turns into a total row
    EXPECT_NE(scoreTableInputs(grid), before);
    EXPECT_TRUE(scoreTableInputs(Grid{}).empty());
}

// The values the Calc formulas carry are the figures (figures.hpp) and what recompute writes in Writer: on
// the sample, and with a missing, a negative and an out-of-range score.
TEST(Recompute, CalcFormulaValuesAreTheFigures) {
    const Grid grid = sampleScoreGrid();
    auto card = readScoreTable(grid);
    std::vector<jixiao::Indicator*> leaves;
    jixiao::forEachLeaf(card, [&](jixiao::Indicator& leaf) { leaves.push_back(&leaf); });
    const auto check = [&](const std::string& label) {
        SCOPED_TRACE(label);
        std::map<std::string, std::optional<Decimal>> values;
        for (const auto& w : jixiao::calcLiveFormulas(card, grid, CalcOrigin{"Sheet1", 0, 0}).writes)
            values[w.cell.address] = w.number;
        const auto at = [&](const jixiao::CellRef& ref) {
            return values.at("Sheet1." + jixiao::a1Cell(ref.column, ref.row));
        };
        for (const auto* leaf : leaves)
            EXPECT_EQ(at(leaf->cells.deduction), jixiao::leafDeduction(*leaf)) << leaf->name;
        const auto figures = jixiao::deriveScores(card);
        EXPECT_EQ(at(card.totals.weightCell), figures.weight);
        EXPECT_EQ(at(card.totals.scoreCell), figures.score);
        EXPECT_EQ(at(card.totals.deductionCell), figures.deduction);
        // Writer's recompute writes the same totals into the same cells.
        for (const auto& w : recomputeScoreTable(card, grid).writes) {
            if (w.cell == card.totals.scoreCell || w.cell == card.totals.deductionCell) {
                EXPECT_EQ(w.number, at(w.cell)) << w.cell.address;
            }
        }
    };
    check("sample");
    leaves[0]->score.reset();
    check("a missing score");
    leaves[0]->score = 1;
    leaves[1]->score = -1;
    check("a negative score");
    leaves[1]->score = 3; // worth 2
    check("a score above its weight");
}

// Issue 19: re-grading a Calc table with new bands rewrites Jixiao's grade formula with the new values; a
// formula the user wrote in the grade cell is not Jixiao's to change.
TEST(Recompute, RegradingRewritesJixiaosGradeFormulaOnly) {
    const CalcOrigin origin{"Sheet1", 0, 0};
    auto written = jixiao::writeScoreTable(readScoreTable(sampleScoreGrid())); // scored to 97
    for (const auto& write : jixiao::calcLiveFormulas(readScoreTable(written), written, origin).writes)
        written.at(write.cell.row, write.cell.column).formula = write.formula;
    auto card = readScoreTable(written);
    const auto before = card.gradeBands;
    card.gradeBands[0].atLeast = Decimal(98);
    const auto regraded = jixiao::regradedCalcFormula(card, before, written, origin);
    ASSERT_TRUE(regraded);
    EXPECT_EQ(regraded->formula,
              "=IF(G23=\"\";\"\";IF(G23>=98;\"优秀\";IF(G23>=80;\"良好\";IF(G23>=60;\"中\";\"差\"))))");
    EXPECT_EQ(regraded->text, "良好");
    EXPECT_EQ(regraded->cell.address, "Sheet1.F24");

    const auto& grade = card.totals.gradeCell;
    written.at(grade.row, grade.column).formula = "=IF(G23>=95;\"优秀\";\"良好\")";
    EXPECT_FALSE(jixiao::regradedCalcFormula(card, before, written, origin));
    written.at(grade.row, grade.column).formula.clear();
    EXPECT_FALSE(jixiao::regradedCalcFormula(card, before, written, origin));
}
