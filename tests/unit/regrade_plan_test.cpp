// Re-grading a report with new bands writes its grade and nothing else (planRegrade): a wrong 执行率 in the
// self-evaluation block or a stale 总分 is 重算's to write, in its own undo step, and reported by it.
#include "core/derive/recompute_plan.hpp"
#include "core/derive/regrade_plan.hpp"
#include "core/model/grade_bands.hpp"

#include "self_evaluation_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace jixiao;

namespace {

constexpr int kGradeRow = 7, kGradeColumn = 1; // B8, under 总分 (98)

// The fixture's form with a grade row, its 执行率 typed wrong (91% where 108 ÷ 120 is 90%) and its 总分 stale
// (97).
Grid gradedForm() {
    const Grid form = jixiao::testing::selfEvaluationForm();
    std::vector<std::vector<std::string>> rows;
    for (int r = 0; r < form.rows(); ++r) {
        rows.emplace_back();
        for (int c = 0; c < form.columns(); ++c)
            rows.back().push_back(form.at(r, c).text);
    }
    rows.push_back({"等级", "优秀", "", "", "", "", "", "", ""});
    rows[2][6] = "91%";
    rows[6][7] = "97";
    Grid grid = jixiao::testing::gridOf(rows);
    grid.merge(3, 0, 3, 1);
    grid.merge(6, 0, 1, 6);
    return grid;
}

std::vector<GradeBand> bandsWithExcellentAt(int excellent) {
    return {{Decimal(excellent), "优秀"}, {Decimal(80), "良好"}, {Decimal(60), "中"}, {Decimal(0), "差"}};
}

// Read as regradeWithOptions reads it: with `bands` stored in the report (评价等级标准).
Report readWith(const Grid& grid, const std::vector<GradeBand>& bands) {
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    snapshot.properties.gradeBands = formatGradeBands(bands);
    return assemble(snapshot);
}

} // namespace

TEST(RegradePlan, OnlyTheGradeIsWritten) {
    const Report report = readWith(gradedForm(), bandsWithExcellentAt(99));
    ASSERT_EQ(report.card.totals.gradeCell.row, kGradeRow);
    ASSERT_GE(planRecompute(report).score.writes.size(), 3u)
        << "重算 would write the rate, 总分 and the grade";

    const Patch patch = planRegrade(report, bandsWithExcellentAt(90), std::nullopt);
    ASSERT_EQ(patch.writes.size(), 1u);
    EXPECT_EQ(patch.writes[0].cell.row, kGradeRow);
    EXPECT_EQ(patch.writes[0].cell.column, kGradeColumn);
    EXPECT_EQ(patch.writes[0].text, "良好") << "98 under 优秀 ≥ 99";
}

// In Calc, Jixiao's grade formula is rewritten for the new bands; the block's 执行率 formula and the rest
// stay.
TEST(RegradePlan, InCalcJixiaosGradeFormulaIsRewrittenAndNothingElse) {
    const Report before = readWith(gradedForm(), bandsWithExcellentAt(90));
    Grid sheet = before.scoreGrid;
    for (const auto& write : calcLiveFormulas(before.card, sheet, CalcOrigin{}).writes)
        if (write.cell.row == kGradeRow)
            sheet.at(write.cell.row, write.cell.column).formula = write.formula;
    ASSERT_FALSE(sheet.at(kGradeRow, kGradeColumn).formula.empty());

    const Report report = readWith(sheet, bandsWithExcellentAt(99));
    const Patch patch = planRegrade(report, bandsWithExcellentAt(90), CalcOrigin{});
    ASSERT_EQ(patch.writes.size(), 1u);
    EXPECT_EQ(patch.writes[0].cell.row, kGradeRow);
    EXPECT_NE(patch.writes[0].formula.find(">=99"), std::string::npos) << patch.writes[0].formula;
    EXPECT_EQ(patch.writes[0].text, "良好");
}

TEST(RegradePlan, NothingWithoutAGradeCell) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::selfEvaluationForm()};
    snapshot.tables[0].at(2, 6).text = "91%";
    snapshot.properties.gradeBands = formatGradeBands(bandsWithExcellentAt(99));
    EXPECT_TRUE(planRegrade(assemble(snapshot), bandsWithExcellentAt(90), std::nullopt).empty());
}
