// One recompute run decided whole (core/derive/run_plan.hpp): what it writes, what it takes back, what it
// remembers, and when the user typed into a computed cell — the notice the deck shows once.
#include "core/derive/run_plan.hpp"

#include "core/assemble.hpp"
#include "core/model/grade_bands.hpp"
#include "core/read/grid_reader.hpp"
#include "core/write/grid_writer.hpp"
#include "funding_fixture.hpp"
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace jixiao;
using jixiao::testing::sampleScoreGrid;

namespace {

constexpr int kLastLeafRow = 21; // 服务对象满意度 (10分): 得分 G22, 扣分 H22
constexpr int kScore = 6, kDeduction = 7;

Report reportOf(const Grid& grid) {
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    return assemble(snapshot);
}

// A live run as the office makes it: plan, write what the plan says, keep the memory it gives. With a
// funding table, both tables are read and written.
RunPlan liveRun(Grid& grid, RunMemory& memory, const std::optional<CursorCell>& cursor = std::nullopt,
                Grid* funding = nullptr) {
    RunContext context;
    context.live = true;
    context.cursor = cursor;
    context.rememberLeft = !cursor;
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    if (funding != nullptr)
        snapshot.tables.push_back(*funding);
    auto plan = planRun(assemble(snapshot), &memory, context);
    for (const auto& write : plan.score.writes)
        grid.at(write.cell.row, write.cell.column).text = write.text;
    for (const auto& write : plan.funding.writes)
        funding->at(write.cell.row, write.cell.column).text = write.text;
    memory = plan.memory;
    return plan;
}

} // namespace

TEST(RunPlan, AScoreTypedIsNoNotice) {
    Grid grid = sampleScoreGrid();
    RunMemory memory;
    liveRun(grid, memory);
    grid.at(kLastLeafRow, kScore).text = "8"; // was 10: its 扣分 and the totals follow
    const auto plan = liveRun(grid, memory);
    EXPECT_FALSE(plan.rewritten.empty());
    EXPECT_FALSE(plan.computedCellTyped);
    grid.at(kLastLeafRow, kScore).text = "9";
    EXPECT_FALSE(liveRun(grid, memory, CursorCell{"表格1", "G22"}).computedCellTyped);
}

// Writer: the view cursor stays in the cell being typed into.
TEST(RunPlan, TypingIntoAComputedCellUnderTheCursorIsNoticed) {
    Grid grid = sampleScoreGrid();
    RunMemory memory;
    grid.at(kLastLeafRow, kDeduction).text = "5"; // 扣分 of a 10/10 leaf, typed over
    const auto plan = liveRun(grid, memory, CursorCell{"表格1", "H22"});
    EXPECT_EQ(plan.rewritten, std::vector<std::string>{"H22"});
    EXPECT_EQ(plan.computedCellTyped, "H22");
    EXPECT_EQ(grid.at(kLastLeafRow, kDeduction).text, "0");
    EXPECT_TRUE(plan.memory.left.empty()) << "a document with a cursor keeps no table as left";
}

TEST(RunPlan, ACursorElsewhereSaysNothing) {
    for (const auto& cursor : {CursorCell{"表格1", "G22"}, CursorCell{"表格2", "H22"}, CursorCell{}}) {
        Grid grid = sampleScoreGrid();
        RunMemory memory;
        grid.at(kLastLeafRow, kDeduction).text = "5";
        EXPECT_FALSE(liveRun(grid, memory, cursor).computedCellTyped) << cursor.table << cursor.cell;
    }
}

// Calc, where Enter moves the cursor on: a rewritten cell that changed since the last run left it.
TEST(RunPlan, WithoutACursorAComputedCellChangedSinceTheLastRunIsNoticed) {
    Grid grid = sampleScoreGrid();
    RunMemory memory;
    grid.at(kLastLeafRow, kDeduction).text = "5";
    EXPECT_FALSE(liveRun(grid, memory).computedCellTyped) << "no run has seen the table yet";
    EXPECT_EQ(memory.left.at("H22"), "0") << "the table as the run left it, its own write included";
    grid.at(kLastLeafRow, kDeduction).text = "4";
    const auto plan = liveRun(grid, memory);
    EXPECT_EQ(plan.computedCellTyped, "H22");
    EXPECT_EQ(grid.at(kLastLeafRow, kDeduction).text, "0");
}

TEST(RunPlan, ANoticeIsForLiveRunsOnly) {
    Grid grid = sampleScoreGrid();
    grid.at(kLastLeafRow, kDeduction).text = "5";
    RunContext context; // a macro's recompute
    context.cursor = CursorCell{"表格1", "H22"};
    EXPECT_FALSE(planRun(reportOf(grid), nullptr, context).computedCellTyped);
}

// Issue 24 through the one entry point: Jixiao's values taken back after Ctrl+Z, from the run's memory.
TEST(RunPlan, TheMemoryTakesBackWhatNothingSupports) {
    Grid grid = sampleScoreGrid();
    grid.at(kLastLeafRow, kScore).text = "";
    grid.at(kLastLeafRow, kDeduction).text = "";
    grid.at(22, 6).text = "";
    grid.at(22, 7).text = "";
    const Grid before = grid;
    RunMemory memory;
    liveRun(grid, memory);
    grid.at(kLastLeafRow, kScore).text = "10";
    liveRun(grid, memory);
    EXPECT_EQ(memory.ownWrites.size(), 3U);
    grid.at(kLastLeafRow, kScore).text = ""; // Ctrl+Z
    liveRun(grid, memory);
    EXPECT_EQ(grid, before);
    EXPECT_TRUE(memory.ownWrites.empty());

    // Without the memory nothing is taken back: a typed value is never emptied.
    grid.at(kLastLeafRow, kScore).text = "10";
    liveRun(grid, memory);
    grid.at(kLastLeafRow, kScore).text = "";
    EXPECT_TRUE(planRun(reportOf(grid), nullptr, {}).score.empty());
}

TEST(RunPlan, AWriteThatChangesAParagraphCountCannotStayOutOfTheUndoStack) {
    Grid grid = sampleScoreGrid();
    grid.at(kLastLeafRow, kDeduction).text = "5";
    EXPECT_TRUE(planRun(reportOf(grid), nullptr, {}).keepsParagraphs);
    grid.at(kLastLeafRow, kDeduction).text = "5\n分";
    EXPECT_FALSE(planRun(reportOf(grid), nullptr, {}).keepsParagraphs);
}

// A report graded without bands of its own keeps the ones that graded it; one that has its own stores none.
TEST(RunPlan, TheBandsThatGradedAReportAreStoredOnce) {
    DocumentSnapshot snapshot;
    snapshot.tables = {writeScoreTable(readScoreTable(sampleScoreGrid()))};
    EXPECT_EQ(planRun(assemble(snapshot), nullptr, {}).gradeBandsToStore,
              formatGradeBands(defaultGradeBands()));
    snapshot.properties.gradeBands = formatGradeBands(defaultGradeBands());
    EXPECT_FALSE(planRun(assemble(snapshot), nullptr, {}).gradeBandsToStore);
    snapshot = {};
    snapshot.tables = {sampleScoreGrid()}; // no 等级 cell: nothing graded
    EXPECT_FALSE(planRun(assemble(snapshot), nullptr, {}).gradeBandsToStore);
}

// The funding table's computed cells (实际支出合计, 占比, 执行率, 结余) are put back as the scoring table's
// are, and the deck says so in words of the funding table — not silently, and not as a 扣分.
namespace {

// The shared funding table, named as Writer names its second table and its cells.
Grid namedFundingGrid() {
    Grid grid = jixiao::testing::sampleFundingGrid();
    grid.name = "表格2";
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c)
            grid.at(r, c).address = jixiao::testing::writerCellName(c, r);
    return grid;
}

constexpr int kSpentRow = 4, kAmount = 1; // B5, 实际支出合计: 1.99

} // namespace

TEST(RunPlan, TypingIntoAComputedFundingCellIsNoticedAsTheFundingTables) {
    Grid score = sampleScoreGrid(), funding = namedFundingGrid();
    RunMemory memory;
    funding.at(kSpentRow, kAmount).text = "9";
    const auto plan = liveRun(score, memory, CursorCell{"表格2", "B5"}, &funding);
    EXPECT_EQ(plan.rewrittenFunding, std::vector<std::string>{"B5"});
    EXPECT_EQ(plan.computedFundingCellTyped, "B5");
    EXPECT_FALSE(plan.computedCellTyped);
    EXPECT_EQ(funding.at(kSpentRow, kAmount).text, "1.99");

    // The cursor in the scoring table's B5 is another cell.
    funding.at(kSpentRow, kAmount).text = "9";
    EXPECT_FALSE(liveRun(score, memory, CursorCell{"表格1", "B5"}, &funding).computedFundingCellTyped);
}

TEST(RunPlan, WithoutACursorAFundingCellChangedSinceTheLastRunIsNoticed) {
    Grid score = sampleScoreGrid(), funding = namedFundingGrid();
    RunMemory memory;
    liveRun(score, memory, std::nullopt, &funding);
    EXPECT_EQ(memory.leftFunding.at("B5"), "1.99");
    funding.at(kSpentRow, kAmount).text = "9";
    const auto plan = liveRun(score, memory, std::nullopt, &funding);
    EXPECT_EQ(plan.computedFundingCellTyped, "B5");
    EXPECT_EQ(funding.at(kSpentRow, kAmount).text, "1.99");

    // An amount typed: the total follows, and that is no notice.
    funding.at(1, kAmount).text = "0.82";
    const auto followed = liveRun(score, memory, std::nullopt, &funding);
    EXPECT_FALSE(followed.rewrittenFunding.empty());
    EXPECT_FALSE(followed.computedFundingCellTyped);
    EXPECT_EQ(funding.at(kSpentRow, kAmount).text, "2.09");
}
