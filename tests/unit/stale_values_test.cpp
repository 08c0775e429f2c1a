// The stale-value rule (core/derive/stale_values.hpp): what Jixiao wrote and nothing supports any more is
// taken back to what the cell held before; what the user typed stays and is flagged.
#include "core/derive/stale_values.hpp"

#include "core/assemble.hpp"
#include "core/check/validate.hpp"
#include "core/derive/recompute_plan.hpp"
#include "sample_fixture.hpp"
#include "self_evaluation_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

using jixiao::assemble;
using jixiao::DocumentSnapshot;
using jixiao::Grid;
using jixiao::OwnWrites;
using jixiao::Patch;
using jixiao::planRecompute;
using jixiao::Report;
using jixiao::testing::sampleScoreGrid;

namespace {

constexpr int kLastLeafRow = 21; // 服务对象满意度 (10分), G22
constexpr int kScore = 6, kDeduction = 7;

Report reportOf(const Grid& grid) {
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    return assemble(snapshot);
}

void apply(Grid& grid, const Patch& patch) {
    for (const auto& w : patch.writes)
        grid.at(w.cell.row, w.cell.column).text = w.text;
}

// What a live run does: plan, take back, write, remember.
Patch liveRun(Grid& grid, OwnWrites& own) {
    const Report report = reportOf(grid);
    Patch patch = planRecompute(report).score;
    takeBackUnsupported(report, own, patch);
    apply(grid, patch);
    rememberOwnWrites(own, report.scoreGrid, patch);
    return patch;
}

std::map<std::string, std::string> texts(const Patch& patch) {
    std::map<std::string, std::string> out;
    for (const auto& w : patch.writes)
        out[w.cell.address] = w.text;
    return out;
}

// The sample with its last score not entered yet: its 扣分 and the totals empty, as Jixiao leaves them.
Grid lastScoreMissing() {
    Grid grid = sampleScoreGrid();
    grid.at(kLastLeafRow, kScore).text = "";
    grid.at(kLastLeafRow, kDeduction).text = "";
    grid.at(22, 6).text = ""; // 合计 得分 C23
    grid.at(22, 7).text = ""; // 合计 扣分 D23
    return grid;
}

std::vector<std::string> ruleIds(const std::vector<jixiao::Finding>& findings) {
    std::vector<std::string> ids;
    for (const auto& f : findings)
        ids.push_back(f.ruleId + "@" + f.location.cell);
    return ids;
}

} // namespace

TEST(StaleValues, UndoingTheLastScoreLeavesEveryDerivedCellAsBefore) {
    // Issue 24: "10" typed into the last empty score, then Ctrl+Z: 扣分 kept 0 and 合计 kept its total.
    const Grid before = lastScoreMissing();
    Grid grid = before;
    OwnWrites own;
    EXPECT_TRUE(liveRun(grid, own).empty());
    grid.at(kLastLeafRow, kScore).text = "1"; // the first digit
    liveRun(grid, own);
    grid.at(kLastLeafRow, kScore).text = "10";
    EXPECT_EQ(texts(liveRun(grid, own)),
              (std::map<std::string, std::string>{{"H22", "0"}, {"C23", "97"}, {"D23", "3"}}));
    grid.at(kLastLeafRow, kScore).text = ""; // Ctrl+Z
    EXPECT_EQ(texts(liveRun(grid, own)),
              (std::map<std::string, std::string>{{"H22", ""}, {"C23", ""}, {"D23", ""}}));
    EXPECT_EQ(grid, before);
    EXPECT_TRUE(own.empty()) << "every cell was given back";
    EXPECT_TRUE(liveRun(grid, own).empty()) << "a second run is idle";
}

TEST(StaleValues, AValueTheUserHadTypedIsWhatComesBack) {
    // 合计 typed as 95 while a score was missing: Jixiao replaced it with the right total; when the score
    // goes again, the cell reads as before the keystroke, 95, and is flagged as the user's value.
    Grid grid = lastScoreMissing();
    grid.at(22, 6).text = "95";
    OwnWrites own;
    liveRun(grid, own);
    EXPECT_EQ(grid.at(22, 6).text, "95") << "a typed value is never emptied";
    grid.at(kLastLeafRow, kScore).text = "10";
    liveRun(grid, own);
    EXPECT_EQ(grid.at(22, 6).text, "97");
    grid.at(kLastLeafRow, kScore).text = "";
    liveRun(grid, own);
    EXPECT_EQ(grid.at(22, 6).text, "95");
    EXPECT_EQ(grid.at(22, 7).text, "");
    EXPECT_EQ(grid.at(kLastLeafRow, kDeduction).text, "");
}

TEST(StaleValues, OutOfRangeAndTextScoresTakeBackJixiaosValuesOnly) {
    for (const std::string score : {"15", "-1", "十分", "/"}) {
        Grid grid = lastScoreMissing();
        OwnWrites own;
        grid.at(kLastLeafRow, kScore).text = "1";
        liveRun(grid, own);
        ASSERT_EQ(grid.at(kLastLeafRow, kDeduction).text, "9");
        grid.at(22, 7).text = "4"; // the user retypes 合计 扣分 (wrong, but theirs)
        grid.at(kLastLeafRow, kScore).text = score;
        liveRun(grid, own);
        EXPECT_EQ(grid.at(kLastLeafRow, kDeduction).text, "") << score;
        EXPECT_EQ(grid.at(22, 6).text, "") << score;
        EXPECT_EQ(grid.at(22, 7).text, "4") << score << ": the user's value stays";
    }
}

TEST(StaleValues, NothingIsTakenBackFromAFormulaOrAPartialTable) {
    Grid grid = lastScoreMissing();
    OwnWrites own;
    grid.at(kLastLeafRow, kScore).text = "10";
    liveRun(grid, own);
    grid.at(22, 6).formula = "=SUM(G2:G22)";
    grid.at(kLastLeafRow, kScore).text = "";
    const Report report = reportOf(grid);
    Patch patch = planRecompute(report).score;
    takeBackUnsupported(report, own, patch);
    EXPECT_EQ(texts(patch), (std::map<std::string, std::string>{{"H22", ""}, {"D23", ""}}));

    Report partial = report;
    partial.partial = true;
    Patch none;
    takeBackUnsupported(partial, own, none);
    EXPECT_TRUE(none.empty());
}

TEST(StaleValues, TypedValuesNothingSupportsAreFlagged) {
    Grid grid = sampleScoreGrid(); // 合计 97, every 扣分 entered
    grid.at(kLastLeafRow, kScore).text = "";
    const auto card = reportOf(grid).card;
    EXPECT_EQ(ruleIds(jixiao::unsupportedDerivedValues(card)),
              (std::vector<std::string>{"derived.unsupported@H22", "derived.unsupported@C23",
                                        "derived.unsupported@D23"}));
    // A complete table: nothing to say.
    EXPECT_TRUE(jixiao::unsupportedDerivedValues(reportOf(sampleScoreGrid()).card).empty());
    // A score out of range whose 扣分 does not even follow from it is a deduction.mismatch, not this.
    grid.at(kLastLeafRow, kScore).text = "12";
    grid.at(kLastLeafRow, kDeduction).text = "0";
    EXPECT_EQ(ruleIds(jixiao::unsupportedDerivedValues(reportOf(grid).card)),
              (std::vector<std::string>{"derived.unsupported@C23", "derived.unsupported@D23"}));
}

// The self-evaluation form's 执行率 Jixiao wrote (108 ÷ 120 = 90% over a typed 91%) is taken back when the
// block's 预算数 goes — emptied or unreadable — and not when the user retyped the rate since.
TEST(StaleValues, TheBlocksRateJixiaoWroteIsTakenBackWhenItsBudgetGoes) {
    constexpr int kBlock = 2, kBudgetStart = 2, kBudget = 3, kRate = 6;
    for (const std::string budget : {"", "一百二十"}) {
        Grid grid = jixiao::testing::selfEvaluationForm();
        grid.at(kBlock, kRate).text = "91%";
        OwnWrites own;
        EXPECT_EQ(texts(liveRun(grid, own)), (std::map<std::string, std::string>{{"G3", "90%"}}));
        grid.at(kBlock, kBudgetStart).text = budget;
        grid.at(kBlock, kBudget).text = budget;
        EXPECT_EQ(texts(liveRun(grid, own)), (std::map<std::string, std::string>{{"G3", "91%"}})) << budget;
        EXPECT_TRUE(own.empty()) << "given back";

        grid.at(kBlock, kBudgetStart).text = "120";
        grid.at(kBlock, kBudget).text = "120";
        liveRun(grid, own);
        ASSERT_EQ(grid.at(kBlock, kRate).text, "90%");
        grid.at(kBlock, kRate).text = "88%"; // the user's since
        grid.at(kBlock, kBudget).text = budget;
        grid.at(kBlock, kBudgetStart).text = budget;
        EXPECT_TRUE(liveRun(grid, own).empty()) << budget << ": the user's value stays";
    }
}
