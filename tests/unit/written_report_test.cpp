// applyWrites (core/derive/written_report.hpp): the report a live run judges after its writes is the one
// assembling the written document gives, each written cell as the host leaves it (its text, a number when
// stored as one, no formula); a Calc formula written is declined, the report untouched.
#include "core/assemble.hpp"
#include "core/derive/run_plan.hpp"
#include "core/derive/written_report.hpp"

#include "funding_fixture.hpp"
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

using jixiao::applyWrites;
using jixiao::assemble;
using jixiao::DocumentSnapshot;
using jixiao::Patch;
using jixiao::Report;

namespace {

DocumentSnapshot sampleSnapshot() {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::sampleScoreGrid(), jixiao::testing::sampleFundingGrid()};
    snapshot.tables[1].name = "表格2";
    return snapshot;
}

// The snapshot with `patch` written into the table named `table`, as the host writes it.
void write(DocumentSnapshot& snapshot, const std::string& table, const Patch& patch) {
    for (auto& grid : snapshot.tables)
        if (grid.name == table)
            for (const auto& cell : patch.writes) {
                auto& target = grid.at(cell.cell.row, cell.cell.column);
                target.text = cell.text;
                target.kind = cell.storedNumber ? jixiao::CellKind::Number : jixiao::CellKind::Text;
                target.formula.clear();
            }
}

} // namespace

TEST(WrittenReport, IsTheReportOfTheWrittenDocument) {
    auto snapshot = sampleSnapshot();
    // 服务对象满意度 (G22, grid row 21) typed down to 6: its 扣分, the 合计 and the grade follow.
    snapshot.tables[0].at(21, 6).text = "6";
    const auto plan = jixiao::planRun(assemble(snapshot), nullptr, {});
    ASSERT_GE(plan.score.writes.size(), 2u);
    Report judged = plan.report;
    ASSERT_TRUE(applyWrites(judged, plan.score, plan.funding));
    write(snapshot, plan.report.card.tableName, plan.score);
    write(snapshot, plan.report.card.fundingTableName, plan.funding);
    EXPECT_TRUE(judged == assemble(snapshot));
    EXPECT_FALSE(judged == plan.report);
    EXPECT_TRUE(jixiao::planRun(judged, nullptr, {}).score.empty()); // nothing left to write
}

TEST(WrittenReport, DeclinesAFormulaWrittenAndLeavesTheReport) {
    auto snapshot = sampleSnapshot();
    snapshot.tables[0].at(21, 6).text = "6";
    auto plan = jixiao::planRun(assemble(snapshot), nullptr, {});
    ASSERT_FALSE(plan.score.writes.empty());
    plan.score.writes.front().formula = "=F22-G22"; // Calc shows its result, which only Calc computes
    Report judged = plan.report;
    EXPECT_FALSE(applyWrites(judged, plan.score, plan.funding));
    EXPECT_TRUE(judged == plan.report);
}
