// assemble(): choosing, joining and reading a document's tables in one place, and what recompute may write.
#include "core/assemble.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/read/grid_reader.hpp"
#include "core/write/grid_writer.hpp"

#include "sample_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using jixiao::assemble;
using jixiao::Decimal;
using jixiao::defaultGradeBands;
using jixiao::DocumentSnapshot;
using jixiao::formatGradeBands;
using jixiao::GradeBandsSource;
using jixiao::Grid;
using jixiao::planRecompute;

namespace {

// A Writer-like table: cell names "A1", "B1", … and a table name.
Grid tableOf(const std::string& name, const std::vector<std::vector<std::string>>& rows) {
    Grid grid(int(rows.size()), int(rows.front().size()));
    grid.name = name;
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c) {
            grid.at(r, c).text = rows[std::size_t(r)][std::size_t(c)];
            grid.at(r, c).address = std::string(1, char('A' + c)) + std::to_string(r + 1);
        }
    return grid;
}

std::map<std::string, std::string> texts(const jixiao::Patch& patch) {
    std::map<std::string, std::string> out;
    for (const auto& w : patch.writes)
        out[w.cell.address] = w.text;
    return out;
}

int leafCount(const jixiao::Scorecard& card) {
    int n = 0;
    jixiao::forEachLeaf(card, [&](const jixiao::Indicator&) { ++n; });
    return n;
}

const std::vector<std::string> kHeader = {"一级指标", "二级指标", "分值", "得分", "扣分", "扣分原因"};

} // namespace

TEST(Assemble, TheSampleAloneIsReadAsBefore) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::sampleScoreGrid()};
    const auto report = assemble(snapshot);
    ASSERT_TRUE(report.hasScoreTable);
    EXPECT_FALSE(report.partial);
    EXPECT_EQ(report.scoreParts, std::vector<std::string>{"表格1"});
    EXPECT_EQ(leafCount(report.card), 21);
    EXPECT_TRUE(planRecompute(report).score.empty());
}

TEST(Assemble, PropertiesAndOptionBandsFillWhatTheTableLeavesOpen) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::sampleScoreGrid()};
    snapshot.properties.unit = "富民县信访局";
    snapshot.properties.budget = "2";
    snapshot.gradeBands[0].atLeast = Decimal(95);
    snapshot.paragraphs = {"某县2025年度热线办理工作经费绩效评价报告"};
    const auto report = assemble(snapshot);
    EXPECT_EQ(report.card.meta.unit, "富民县信访局");
    EXPECT_EQ(report.card.funding.budget, Decimal(2));
    EXPECT_EQ(report.card.gradeBands[0].atLeast, Decimal(95));
    EXPECT_EQ(report.card.meta.year, 2025);
}

TEST(Assemble, AReportGradedWithItsOwnBandsIsNotReGradedByTheOptions) {
    // The sample's table as Jixiao writes it, with its grade row: 97 优秀. Options now say 优秀 ≥ 98; the
    // report stores the bands it was graded with.
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::writeScoreTable(jixiao::readScoreTable(jixiao::testing::sampleScoreGrid()))};
    snapshot.tables[0].name = "表格1";
    snapshot.gradeBands[0].atLeast = Decimal(98);
    snapshot.properties.gradeBands = formatGradeBands(defaultGradeBands());
    auto report = assemble(snapshot);
    EXPECT_EQ(report.gradeBands.source, GradeBandsSource::Stored);
    EXPECT_TRUE(report.gradeBands.differsFromOptions());
    EXPECT_EQ(report.card.gradeBands, defaultGradeBands());
    EXPECT_TRUE(planRecompute(report).score.empty()) << "the grade cell keeps 优秀";

    // Re-graded with the options' bands (what the deck does when the user says so): 良好 is written.
    snapshot.properties.gradeBands = formatGradeBands(snapshot.gradeBands);
    report = assemble(snapshot);
    EXPECT_FALSE(report.gradeBands.differsFromOptions());
    const auto plan = planRecompute(report);
    ASSERT_EQ(plan.score.writes.size(), 1U);
    EXPECT_EQ(plan.score.writes[0].text, "良好");

    // Without stored bands the grade the table states tells which bands graded it: still not re-graded.
    snapshot.properties.gradeBands.clear();
    report = assemble(snapshot);
    EXPECT_EQ(report.gradeBands.source, GradeBandsSource::Stated);
    EXPECT_TRUE(planRecompute(report).score.empty());
}

TEST(Assemble, ATableSplitWithItsHeaderRepeatedIsOneTable) {
    const auto first = tableOf(
        "表格1",
        {kHeader, {"决策(10分)", "项目立项", "4", "4", "0", ""}, {"", "绩效目标", "6", "5", "1", "未量化"}});
    const auto second = tableOf("表格2", {{"续表", "", "", "", "", ""},
                                          kHeader,
                                          {"产出(90分)", "产出数量", "90", "88", "", "少两项"},
                                          {"合计", "", "100", "97", "3", ""}});
    DocumentSnapshot snapshot;
    snapshot.tables = {first, second};
    const auto report = assemble(snapshot);
    ASSERT_TRUE(report.hasScoreTable);
    EXPECT_EQ(report.scoreParts, (std::vector<std::string>{"表格1", "表格2"}));
    EXPECT_EQ(report.card.indicators.size(), 2u);
    EXPECT_EQ(leafCount(report.card), 3);
    EXPECT_EQ(report.card.totals.score, Decimal(97));
    EXPECT_EQ(report.card.totals.scoreCell.address, "表格2.D4");
    // The missing 扣分 of the continuation is written into the second table, and nothing else.
    EXPECT_EQ(texts(planRecompute(report).score), (std::map<std::string, std::string>{{"表格2.E3", "2"}}));
}

TEST(Assemble, AContinuationWithoutHeaderIsJoinedToo) {
    const auto first = tableOf("表格1", {kHeader, {"决策(10分)", "项目立项", "10", "10", "0", ""}});
    const auto second = tableOf(
        "表格2", {{"效益(90分)", "满意度", "90", "90", "0", ""}, {"合计", "", "100", "100", "0", ""}});
    DocumentSnapshot snapshot;
    snapshot.tables = {first, second};
    const auto report = assemble(snapshot);
    EXPECT_EQ(report.scoreParts.size(), 2u);
    EXPECT_EQ(leafCount(report.card), 2);
    EXPECT_TRUE(planRecompute(report).score.empty());
}

TEST(Assemble, ATableWithItsTotalIsNotJoinedToTheNext) {
    const auto first = tableOf(
        "表格1",
        {kHeader, {"决策(10分)", "项目立项", "10", "10", "0", ""}, {"合计", "", "10", "10", "0", ""}});
    const auto other = tableOf("表格2", {{"a", "b", "c", "d", "e", "f"}});
    DocumentSnapshot snapshot;
    snapshot.tables = {first, other};
    EXPECT_EQ(assemble(snapshot).scoreParts.size(), 1u);
}

TEST(Assemble, ATableWithoutTotalIsNotJoinedToAnotherTableOfAsManyColumns) {
    const auto first = tableOf("表格1", {kHeader, {"决策(10分)", "项目立项", "10", "10", "0", ""}});
    const auto other = tableOf(
        "表格2", {{"序号", "事项", "数量", "金额", "经办", "备注"}, {"1", "培训", "3", "0.5", "办公室", ""}});
    DocumentSnapshot snapshot;
    snapshot.tables = {first, other};
    const auto report = assemble(snapshot);
    EXPECT_EQ(report.scoreParts, std::vector<std::string>{"表格1"});
    EXPECT_EQ(leafCount(report.card), 1);
    EXPECT_FALSE(report.partial);
}

TEST(Assemble, PartsThatJustGoOnAreJoinedOnceTheyReachTheTotal) {
    const auto first = tableOf("表格1", {kHeader, {"决策(10分)", "项目立项", "10", "10", "0", ""}});
    const auto second = tableOf("表格2", {{"过程(20分)", "资金管理", "20", "18", "2", "报账延迟"}});
    const auto third =
        tableOf("表格3", {{"效益(70分)", "满意度", "70", "70", "0", ""}, {"合计", "", "100", "98", "2", ""}});
    DocumentSnapshot snapshot;
    snapshot.tables = {first, second, third};
    const auto report = assemble(snapshot);
    EXPECT_EQ(report.scoreParts, (std::vector<std::string>{"表格1", "表格2", "表格3"}));
    EXPECT_EQ(leafCount(report.card), 3);
    EXPECT_TRUE(planRecompute(report).score.empty());
}

TEST(Assemble, ATableReadInPartIsOneFindingAndNoWrites) {
    const auto grid = tableOf("表格1", {{"一级指标", "二级指标", "三级指标", "得分", "扣分"},
                                        {"决策（10）", "目标（10）", "目标明确（10）", "9", "0"},
                                        {"", "", "另行说明", "3", ""},
                                        {"合计", "", "", "50", ""}});
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    const auto report = assemble(snapshot);
    ASSERT_TRUE(report.hasScoreTable);
    EXPECT_TRUE(report.partial);
    ASSERT_EQ(report.card.readIssues.size(), 1u);
    const auto& finding = report.card.readIssues[0];
    EXPECT_EQ(finding.ruleId, "table.partial");
    EXPECT_EQ(finding.args.at("count"), "1");
    EXPECT_NE(finding.args.at("cells").find("D3"), std::string::npos);
    EXPECT_TRUE(planRecompute(report).score.empty()) << "the wrong 扣分 and 合计 are not touched";
    const auto judged = jixiao::cardToJudge(report);
    EXPECT_TRUE(judged.indicators.empty());
    EXPECT_EQ(judged.readIssues.size(), 1u);
    EXPECT_FALSE(jixiao::judgedAsRead(report));
}

TEST(Assemble, AFormulaIsNeverReplacedItsWrongValueIsAFinding) {
    auto grid = tableOf("打分表.A1:F4", {kHeader,
                                         {"决策(10分)", "项目立项", "4", "4", "0", ""},
                                         {"", "绩效目标", "6", "5", "1", "未量化"},
                                         {"合计", "", "10", "8", "1", ""}});
    grid.at(3, 2).formula = "=SUM(C2:C3)";
    grid.at(3, 3).formula = "=SUM(D2:D2)+4"; // shows 8, should be 9
    grid.at(3, 4).formula = "=SUM(E2:E3)";
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    const auto report = assemble(snapshot);
    const auto plan = planRecompute(report);
    EXPECT_TRUE(plan.score.empty());
    ASSERT_EQ(plan.held.size(), 1u);
    EXPECT_EQ(plan.held[0].ruleId, "cell.formula-value");
    EXPECT_EQ(plan.held[0].args.at("cell"), "D4");
    EXPECT_EQ(plan.held[0].args.at("expected"), "9");
    EXPECT_EQ(plan.held[0].args.at("formula"), "=SUM(D2:D2)+4");
    const auto judged = jixiao::cardToJudge(report);
    EXPECT_EQ(judged.readIssues.back().ruleId, "cell.formula-value");
    EXPECT_FALSE(jixiao::judgedAsRead(report));
}

// Validation skips planning a recompute where judgedAsRead says the card to judge is the card as read: it
// must never say so of a report whose judged card differs. Tables with and without wrong values, with a
// formula that shows the right value or the wrong one, and a funding table with one.
TEST(Assemble, ACardJudgedAsReadIsTheCardToJudge) {
    std::vector<DocumentSnapshot> snapshots;
    auto add = [&](std::vector<Grid> tables) {
        DocumentSnapshot snapshot;
        snapshot.tables = std::move(tables);
        snapshots.push_back(std::move(snapshot));
    };
    auto sample = jixiao::testing::sampleScoreGrid();
    add({sample});
    auto wrongTotal = sample;
    wrongTotal.at(22, 6).text = "1"; // the sample's 合计 得分
    add({wrongTotal});
    auto rightFormula = sample;
    rightFormula.at(22, 5).formula = "=SUM(F3:F22)"; // shows the right 分值
    add({rightFormula});
    auto wrongFormula = wrongTotal;
    wrongFormula.at(22, 6).formula = "=SUM(G3:G21)"; // shows the wrong 得分
    add({wrongFormula});
    int heldBack = 0;
    for (const auto& snapshot : snapshots) {
        const auto report = assemble(snapshot);
        const auto judged = jixiao::cardToJudge(report);
        heldBack += judged == report.card ? 0 : 1;
        if (jixiao::judgedAsRead(report)) {
            EXPECT_EQ(judged, report.card);
        }
    }
    EXPECT_EQ(heldBack, 1) << "the wrong formula is held back";
    EXPECT_TRUE(jixiao::judgedAsRead(assemble(snapshots[1])));
}

TEST(Assemble, ALayoutItCannotReadIsAProblemNotATable) {
    auto grid = jixiao::testing::sampleScoreGrid();
    grid.at(0, 0).text = "指标";
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    const auto report = assemble(snapshot);
    EXPECT_FALSE(report.hasScoreTable);
}

TEST(Assemble, ATypedValueIsNeverErasedOnlyReplacedByTheRightOne) {
    auto grid = jixiao::testing::sampleScoreGrid();
    grid.at(18, 6).text = "/"; // 经济效益 not scored: 扣分 and the totals cannot be computed
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    EXPECT_TRUE(planRecompute(assemble(snapshot)).score.empty()) << "H19, C23 and D23 keep what they hold";

    snapshot.tables[0].at(18, 6).text = "4"; // 3 → 4: the right values replace the typed ones
    EXPECT_EQ(texts(planRecompute(assemble(snapshot)).score),
              (std::map<std::string, std::string>{{"H19", "2"}, {"C23", "98"}, {"D23", "2"}}));
}

TEST(DocumentFindings, NoTableIsSaidOnceAndSkippedTemplatesAreNamed) {
    DocumentSnapshot empty;
    empty.tables = {tableOf("表格1", {{"项目", "说明"}, {"a", "b"}})};
    const auto none = jixiao::documentFindings(assemble(empty), {"bad.json: $.id: missing"});
    ASSERT_EQ(none.size(), 2u);
    EXPECT_EQ(none[0].ruleId, "table.missing");
    EXPECT_EQ(none[0].severity, jixiao::Severity::Info);
    EXPECT_EQ(none[1].ruleId, "template.invalid");
    EXPECT_EQ(none[1].severity, jixiao::Severity::Warning);
    EXPECT_EQ(none[1].args.at("error"), "bad.json: $.id: missing");

    DocumentSnapshot sample;
    sample.tables = {jixiao::testing::sampleScoreGrid()};
    EXPECT_TRUE(jixiao::documentFindings(assemble(sample), {}).empty());
}

TEST(Assemble, AProseSentenceQuotingTheTableIsNeitherTitleNorCaption) {
    // A report without a title paragraph: the first paragraph naming a year and the 打分表 is the 评价结果
    // sentence; its words before the year are no unit, and its 《…》 quote is no caption.
    const std::string caption = "附表1：富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表";
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::sampleScoreGrid()};
    snapshot.paragraphs = {
        "（一）评价结果。",
        "经认真对照《富民县信访局2025年热线办理工作经费支出绩效评价指标体系及打分表》进行综合考核打分，"
        "总得分97分。",
        caption};
    const auto report = assemble(snapshot);
    EXPECT_EQ(report.card.meta.unit, "富民县信访局");
    EXPECT_EQ(report.card.meta.project, "热线办理工作经费");
    EXPECT_EQ(report.card.meta.title, caption);
}
