// 从上年报告开始 (core/write/roll_forward.hpp) on the sample report: exactly which paragraphs and cells
// change, and what is listed for a person to check.
#include "core/write/roll_forward.hpp"

#include "core/assemble.hpp"
#include "core/text/fingerprint.hpp"
#include "core/write/grid_writer.hpp"
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using jixiao::assemble;
using jixiao::DocumentSnapshot;
using jixiao::firstFigure;
using jixiao::planRollForward;
using jixiao::Report;
using jixiao::rollText;
using jixiao::testing::sampleParagraphs;
using jixiao::testing::sampleScoreGrid;

namespace {

Report sampleReport() {
    DocumentSnapshot snapshot;
    snapshot.tables = {sampleScoreGrid()};
    snapshot.paragraphs = sampleParagraphs();
    return assemble(snapshot);
}

TEST(RollForward, RenamesTheReportYearExactly) {
    EXPECT_EQ(rollText("富民县信访局2025年度热线办理工作经费支出绩效评价报告", 2025, 2026).after,
              "富民县信访局2026年度热线办理工作经费支出绩效评价报告");
    EXPECT_EQ(rollText("2025年共办理交办件3794件", 2025, 2026).after, "2026年共办理交办件3794件");
    EXPECT_EQ(rollText("２０２５年度目标", 2025, 2026).after, "２０２６年度目标"); // full-width stays so
}

TEST(RollForward, KeepsAndListsDatesAndCitedDocuments) {
    for (const char* dated :
         {"2025年3月召开会议。", "2025年1-6月完成。", "2025年底前完成。", "2025年上半年完成。",
          "2025年第一季度完成。", "按照《富民县财政局关于批复2025年部门预算的通知》安排。"}) {
        const auto rolled = rollText(dated, 2025, 2026);
        EXPECT_EQ(rolled.after, dated);
        EXPECT_EQ(rolled.kept.size(), 1U) << dated;
    }
    // A quote of the report's own table names the report year.
    EXPECT_EQ(
        rollText("对照《富民县信访局2025年热线办理工作经费支出绩效评价指标体系及打分表》打分。", 2025, 2026)
            .after,
        "对照《富民县信访局2026年热线办理工作经费支出绩效评价指标体系及打分表》打分。");
    // Other years in prose are not the report's: a comparison with 2024 stays.
    EXPECT_FALSE(rollText("较2024年增长。", 2025, 2026).changed());
    // A caption names the report year whatever it says (the sample's caption names 2024).
    EXPECT_EQ(rollText(" 富民县信访局2024年度热线办理工作经费支出绩效评价指标体系及打分表", 2025, 2026).after,
              " 富民县信访局2026年度热线办理工作经费支出绩效评价指标体系及打分表");
}

TEST(RollForward, FindsFiguresButNotYearsOrNames) {
    EXPECT_TRUE(firstFigure("预算资金2万元"));
    EXPECT_TRUE(firstFigure("总得分97分"));
    EXPECT_TRUE(firstFigure("满意率95%以上"));
    EXPECT_FALSE(firstFigure("2025年我县12345热线办理工作"));
    EXPECT_FALSE(firstFigure("务必将承办件在7个工作日内办理完成"));
}

TEST(RollForward, TheSampleChangesExactlyTheseParagraphs) {
    const Report report = sampleReport();
    ASSERT_EQ(jixiao::reportYearOf(report), 2025);
    const auto plan = planRollForward(report, 2025);
    EXPECT_EQ(plan.toYear, 2026);
    std::map<int, std::string> changed;
    for (const auto& p : plan.paragraphs)
        changed[p.paragraph] = p.rolled.after;
    const auto paragraphs = sampleParagraphs();
    // Title; 立项背景; 项目实施情况; 资金来源 (its 《…批复2025年部门预算的通知》 kept); 产出目标; 评价结果's
    // 《…打分表》; 主要绩效 2; 成本效益; 存在的问题; 附表1; the caption (2024 → 2026).
    const std::vector<int> expected = {0, 4, 6, 8, 16, 28, 31, 35, 45, 48, 49};
    std::vector<int> got;
    for (const auto& [index, text] : changed)
        got.push_back(index);
    EXPECT_EQ(got, expected);
    for (const auto& [index, text] : changed) {
        EXPECT_EQ(text.size(), paragraphs[std::size_t(index)].size()) << index;
        EXPECT_EQ(text.find("2025年度"), std::string::npos) << text;
    }
    EXPECT_NE(changed[8].find("批复2025年部门预算"), std::string::npos);
    EXPECT_NE(changed[8].find("富民县信访局2026年预算安排"), std::string::npos);
    EXPECT_NE(changed[8].find("富财行〔2025〕1号"), std::string::npos) << changed[8];
}

TEST(RollForward, TheSampleClearsScoresDeductionsReasonsAndTotalsOnly) {
    const Report report = sampleReport();
    const auto plan = planRollForward(report, 2025);
    std::map<std::string, std::string> cells;
    for (const auto& w : plan.score.writes)
        cells[w.cell.address] = w.text;
    // 21 scores and 21 deductions (the 扣分 0s too), one reason (经济效益's), 合计 得分 and 扣分.
    EXPECT_EQ(cells.size(), 21U + 21U + 1U + 2U);
    for (const auto& [address, text] : cells)
        EXPECT_EQ(text, "") << address;
    EXPECT_TRUE(cells.contains("G2"));
    EXPECT_TRUE(cells.contains("I19")); // 经济效益's reason
    EXPECT_TRUE(cells.contains("C23"));
    EXPECT_TRUE(cells.contains("D23"));
    EXPECT_FALSE(cells.contains("B23")); // 合计 分值 stays
    EXPECT_FALSE(cells.contains("F2"));  // weights stay
    EXPECT_EQ(plan.properties.year, 2026);
    EXPECT_FALSE(plan.properties.budget);
}

TEST(RollForward, NeverClearsAFormula) {
    DocumentSnapshot snapshot;
    auto grid = sampleScoreGrid();
    grid.at(22, 6).formula = "=SUM(G2:G22)";
    grid.at(1, 7).formula = "=F2-G2";
    snapshot.tables = {grid};
    const auto plan = planRollForward(assemble(snapshot), 2025);
    for (const auto& w : plan.score.writes) {
        EXPECT_NE(w.cell.address, "C23");
        EXPECT_NE(w.cell.address, "H2");
    }
}

TEST(RollForward, ClearsTheFundingAmountsAndKeepsTheItems) {
    jixiao::Funding funding;
    funding.budget = jixiao::Decimal::parse("2").value();
    funding.actual = jixiao::Decimal::parse("1.99").value();
    for (const auto& [name, amount] :
         {std::pair{"工资补助", "0.72"}, {"社保缴费", "1.13"}, {"劳务派遣服务费", "0.14"}})
        funding.items.push_back({name, jixiao::Decimal::parse(amount).value(), std::nullopt, {}, {}});
    auto fundingGrid = jixiao::writeFundingTable(funding);
    fundingGrid.name = "表格2";
    DocumentSnapshot snapshot;
    snapshot.tables = {sampleScoreGrid(), fundingGrid};
    const Report report = assemble(snapshot);
    ASSERT_TRUE(report.hasFundingTable);
    const auto plan = planRollForward(report, 2025);
    ASSERT_FALSE(plan.funding.empty());
    for (const auto& w : plan.funding.writes) {
        EXPECT_EQ(w.text, "");
        const auto& before = report.fundingGrid.at(w.cell.row, w.cell.column).text;
        EXPECT_NE(before.find_first_of("0123456789"), std::string::npos)
            << before; // only figures are cleared
    }
    for (const auto& item : report.card.funding.items)
        EXPECT_TRUE(std::any_of(plan.funding.writes.begin(), plan.funding.writes.end(), [&](const auto& w) {
            return w.cell == item.amountCell;
        })) << item.name;
}

TEST(RollForward, ClearsNothingInATableReadOnlyInPart) {
    Report report = sampleReport();
    report.partial = true;
    const auto plan = planRollForward(report, 2025);
    EXPECT_TRUE(plan.score.empty());
    EXPECT_FALSE(plan.paragraphs.empty()); // the years still roll
}

TEST(RollForward, ListsTheParagraphsQuotingFiguresAndTheKeptYears) {
    const Report report = sampleReport();
    auto paragraphs = sampleParagraphs();
    for (const auto& p : planRollForward(report, 2025).paragraphs)
        paragraphs[std::size_t(p.paragraph)] = p.rolled.after;
    paragraphs[30] += "2025年3月召开推进会。";
    const auto unedited = jixiao::paragraphsToCheck(paragraphs, 2025);
    const auto findings = jixiao::rolledForwardFindings(paragraphs, 2025, unedited);
    std::vector<std::pair<int, std::string>> got;
    for (const auto& f : findings)
        got.emplace_back(f.location.paragraph, f.ruleId);
    const std::vector<std::pair<int, std::string>> expected = {
        {6, "rollforward.prior-figures"},  {8, "rollforward.prior-figures"},  {8, "rollforward.year-kept"},
        {16, "rollforward.prior-figures"}, {28, "rollforward.prior-figures"}, {30, "rollforward.year-kept"},
        {31, "rollforward.prior-figures"}, {35, "rollforward.prior-figures"}};
    EXPECT_EQ(got, expected);
    // A paragraph the user edited since is theirs: no longer listed.
    paragraphs[6] = "该项目2026年预算资金3万元。";
    const auto after = jixiao::rolledForwardFindings(paragraphs, 2025, unedited);
    EXPECT_EQ(after.size(), findings.size() - 1);
}

} // namespace
