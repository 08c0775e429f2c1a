// The layouts other offices write (docs/table-layout.md, "Layouts read"): each built as a Grid the way the
// adapters present it, read, and recomputed without touching what is right.
#include "core/derive/recompute.hpp"
#include "core/read/grid_reader.hpp"
#include "test_decimal.hpp"
#include "test_grid.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using jixiao::Decimal;
using jixiao::Grid;
using jixiao::Indicator;
using jixiao::Level;
using jixiao::readScoreTable;
using jixiao::Scorecard;

namespace {

using jixiao::testing::dec;

using jixiao::testing::gridOf;

std::vector<const Indicator*> leaves(const Scorecard& card) {
    std::vector<const Indicator*> out;
    jixiao::forEachLeaf(card, [&](const Indicator& leaf) { out.push_back(&leaf); });
    return out;
}

std::map<std::string, std::string> writes(const Scorecard& card, const Grid& grid) {
    std::map<std::string, std::string> out;
    for (const auto& w : jixiao::recomputeScoreTable(card, grid).writes)
        out[w.cell.address] = w.text;
    return out;
}

bool hasIssue(const Scorecard& card, const std::string& rule) {
    for (const auto& issue : card.readIssues)
        if (issue.ruleId == rule)
            return true;
    return false;
}

} // namespace

TEST(Layouts, National2020FrameworkWithoutDeductionColumn) {
    auto grid = gridOf({
        {"一级指标", "二级指标", "三级指标", "指标解释", "评分标准", "分值", "得分", "扣分原因"},
        {"决策（10分）", "项目立项（6分）", "立项依据充分性", "", "", "3", "3", ""},
        {"", "", "立项程序规范性", "", "", "3", "2.5", "程序记录不全"},
        {"", "绩效目标（4分）", "绩效目标合理性", "", "", "4", "4", ""},
        {"效益（90分）", "社会效益（50分）", "群众受益面", "", "", "50", "45", "覆盖未达预期"},
        {"", "满意度（40分）", "服务对象满意度", "", "", "40", "37", "满意度92.5%"},
        {"合计", "", "", "", "", "100", "91.5", ""},
    });
    grid.merge(1, 0, 3, 1);
    grid.merge(1, 1, 2, 1);
    grid.merge(6, 0, 1, 5);
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.indicators.size(), 2u);
    EXPECT_EQ(card.indicators[1].children[1].name, "满意度");
    EXPECT_EQ(leaves(card).size(), 5u);
    EXPECT_FALSE(leaves(card)[1]->cells.deduction.known());
    EXPECT_EQ(*jixiao::totalScore(card), dec("91.5"));
    EXPECT_TRUE(card.readIssues.empty());
    EXPECT_TRUE(writes(card, grid).empty()) << "a clean table is left as it is";
}

TEST(Layouts, HeaderSynonymsAndANumberColumn) {
    const auto grid = gridOf({
        {"序号", "一级", "二级", "三级", "评分细则", "权数", "考评得分", "扣分说明"},
        {"1", "过程", "资金管理", "资金到位率", "", "5", "5", ""},
        {"2", "过程", "资金管理", "预算执行率", "", "5", "4", "执行率92%"},
        {"3", "产出", "产出数量", "实际完成率", "", "10", "10", ""},
    });
    const auto card = readScoreTable(grid);
    const auto all = leaves(card);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[1]->name, "预算执行率");
    EXPECT_EQ(all[1]->weight, Decimal(5));
    EXPECT_EQ(all[1]->score, Decimal(4));
    EXPECT_EQ(all[1]->reason, "执行率92%");
    EXPECT_EQ(card.indicators.size(), 2u) << "names repeated on every row are one indicator";
    EXPECT_TRUE(jixiao::looksLikeScoreTable(grid));
}

TEST(Layouts, OtherSynonymsOfEachColumn) {
    for (const auto& [weight, score, standard, reason] : std::vector<std::array<std::string, 4>>{
             {"权重", "评价得分", "评价标准", "扣分理由"},
             {"标准分", "自评得分", "评分说明", "备注"},
             {"标准分值", "实际得分", "指标内容", "偏差原因"},
             {"分值（分）", "得分", "评分标准", "偏差原因分析及改进措施"}}) {
        const auto grid = gridOf({{"一级指标", "二级指标", standard, weight, score, reason},
                                  {"产出", "产出数量", "完成", "10", "9", "少一项"}});
        const auto card = readScoreTable(grid);
        ASSERT_EQ(leaves(card).size(), 1u) << weight;
        EXPECT_EQ(leaves(card)[0]->weight, Decimal(10)) << weight;
        EXPECT_EQ(leaves(card)[0]->score, Decimal(9)) << score;
        EXPECT_EQ(leaves(card)[0]->reason, "少一项") << reason;
        EXPECT_EQ(leaves(card)[0]->standard, "完成") << standard;
    }
}

TEST(Layouts, DepartmentTableWithAWeightColumnAfterEachLevel) {
    auto grid = gridOf({
        {"一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评分标准", "得分", "备注"},
        {"投入", "20", "目标设定", "8", "绩效目标合理性", "4", "", "4", ""},
        {"", "", "", "", "绩效指标明确性", "4", "", "3.5", "指标未细化"},
        {"", "", "预算配置", "12", "在职人员控制率", "6", "", "6", ""},
        {"", "", "", "", "三公经费变动率", "6", "", "6", ""},
        {"产出", "80", "职责履行", "80", "重点工作完成率", "80", "", "74", "两项未完成"},
        {"合计", "", "", "", "", "100", "", "93.5", ""},
    });
    grid.merge(1, 0, 4, 1);
    grid.merge(1, 1, 4, 1);
    grid.merge(1, 2, 2, 1);
    grid.merge(1, 3, 2, 1);
    grid.merge(3, 2, 2, 1);
    grid.merge(3, 3, 2, 1);
    grid.merge(6, 0, 1, 5);
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.indicators.size(), 2u);
    const auto& input = card.indicators[0];
    EXPECT_EQ(input.name, "投入");
    EXPECT_EQ(input.weight, Decimal(20));
    EXPECT_EQ(input.cells.weight.address, "B2");
    EXPECT_EQ(input.children[1].weight, Decimal(12));
    EXPECT_EQ(leaves(card).size(), 5u);
    EXPECT_EQ(leaves(card)[1]->weight, Decimal(4)) << "the leaves' 分值 is the last weight column";
    EXPECT_EQ(card.totals.weight, Decimal(100));
    EXPECT_TRUE(writes(card, grid).empty());

    // A level weight that is not its children's sum is put right in its own cell, the name left alone.
    grid.at(1, 3).text = "9";
    const auto wrong = readScoreTable(grid);
    EXPECT_EQ(writes(wrong, grid), (std::map<std::string, std::string>{{"D2", "8"}}));
}

TEST(Layouts, WeightsOnlyInTheLabelsWrittenWithoutFen) {
    const auto grid = gridOf({
        {"一级指标", "二级指标", "三级指标", "得分", "扣分理由"},
        {"决策（10）", "目标设定（5）", "目标明确(5)", "5", ""},
        {"", "资金投入（5）", "预算编制（5）", "4", "测算依据不足"},
        {"效益（90）", "满意度（90）", "群众满意度（90）", "88", "满意度97.8%"},
    });
    EXPECT_TRUE(jixiao::looksLikeScoreTable(grid)) << "no 分值 column: the labels carry the weights";
    const auto card = readScoreTable(grid);
    const auto all = leaves(card);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0]->name, "目标明确");
    EXPECT_EQ(all[0]->weight, Decimal(5));
    EXPECT_EQ(card.indicators[0].weight, Decimal(10));
    EXPECT_EQ(*jixiao::totalScore(card), Decimal(97));
    EXPECT_TRUE(card.readIssues.empty());
    EXPECT_TRUE(writes(card, grid).empty());
}

TEST(Layouts, TwoRowHeaderMerged) {
    auto grid = gridOf({
        {"评价指标", "", "", "分值", "评价结果", "", "扣分说明"},
        {"一级指标", "二级指标", "三级指标", "", "得分", "扣分", ""},
        {"产出", "产出质量", "验收合格率", "20", "18", "2", "两批次返工"},
        {"合计", "", "", "20", "18", "2", ""},
    });
    grid.merge(0, 0, 1, 3);
    grid.merge(0, 3, 2, 1);
    grid.merge(0, 4, 1, 2);
    grid.merge(0, 6, 2, 1);
    grid.merge(3, 0, 1, 3);
    const auto card = readScoreTable(grid);
    ASSERT_EQ(leaves(card).size(), 1u);
    EXPECT_EQ(leaves(card)[0]->weight, Decimal(20));
    EXPECT_EQ(leaves(card)[0]->deduction, Decimal(2));
    EXPECT_EQ(leaves(card)[0]->reason, "两批次返工");
    EXPECT_EQ(card.totals.score, Decimal(18));
    EXPECT_TRUE(writes(card, grid).empty());
}

TEST(Layouts, TwoRowHeaderUnmergedAsExcelExportsIt) {
    const auto grid = gridOf({
        {"评价指标", "评价指标", "评价指标", "权重", "评价结果", "评价结果"},
        {"一级指标", "二级指标", "三级指标", "", "得分", "扣分"},
        {"产出", "产出质量", "验收合格率", "20", "18", "2"},
    });
    const auto card = readScoreTable(grid);
    ASSERT_EQ(leaves(card).size(), 1u);
    EXPECT_EQ(leaves(card)[0]->weight, Decimal(20)) << "分值 written once, in the upper header row";
}

TEST(Layouts, SelfEvaluationFormWithItsFundingBlockAboveTheIndicators) {
    auto grid = gridOf({
        {"项目支出绩效自评表", "", "", "", "", "", "", "", ""},
        {"（2023年度）", "", "", "", "", "", "", "", ""},
        {"项目名称", "乡村道路养护", "", "", "", "", "", "", ""},
        {"主管部门", "县交通运输局", "", "", "实施单位", "县公路事务中心", "", "", ""},
        {"项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""},
        {"", "年度资金总额", "120", "120", "114", "10", "95%", "9.5", ""},
        {"", "其中：当年财政拨款", "120", "120", "114", "—", "—", "—", ""},
        {"年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""},
        {"", "完成80公里道路养护", "", "", "", "完成78公里", "", "", ""},
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"", "产出指标（50分）", "数量指标", "养护里程", "80公里", "78公里", "30", "29", "两段延至次年"},
        {"", "", "质量指标", "路况优良率", "≥85%", "88%", "20", "20", ""},
        {"", "效益指标（30分）", "社会效益指标", "通行条件改善", "明显", "明显", "30", "30", ""},
        {"", "满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "10", "10", ""},
        {"总分", "", "", "", "", "", "100", "98.5", ""},
    });
    grid.merge(9, 0, 5, 1);
    grid.merge(10, 1, 2, 1);
    grid.merge(14, 0, 1, 6);
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.indicators.size(), 4u);
    const auto& rate = card.indicators[0];
    EXPECT_EQ(rate.name, "预算执行率");
    EXPECT_EQ(rate.weight, Decimal(10));
    EXPECT_EQ(rate.score, dec("9.5"));
    EXPECT_EQ(rate.cells.score.address, "H6");
    EXPECT_EQ(card.funding.budget, Decimal(120));
    EXPECT_EQ(card.funding.actual, Decimal(114));
    EXPECT_EQ(card.funding.executionRate, Decimal(95));
    EXPECT_EQ(leaves(card).size(), 5u);
    EXPECT_EQ(jixiao::totalWeight(card), Decimal(100));
    EXPECT_EQ(*jixiao::totalScore(card), dec("98.5"));
    EXPECT_EQ(card.meta.year, 2023);
    EXPECT_TRUE(card.readIssues.empty());
    EXPECT_TRUE(writes(card, grid).empty());
}

TEST(Layouts, SubtotalRowsAreNeitherIndicatorsNorRewritten) {
    auto grid = gridOf({
        {"一级指标", "二级指标", "分值", "得分", "扣分原因"},
        {"决策(10分)", "项目立项", "4", "4", ""},
        {"", "绩效目标", "6", "5", "目标未量化"},
        {"", "小计", "10", "9", ""},
        {"产出(90分)", "产出数量", "90", "90", ""},
        {"", "得分小计", "90", "90", ""},
        {"合计", "", "100", "99", ""},
    });
    grid.merge(1, 0, 3, 1);
    grid.merge(4, 0, 2, 1);
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.indicators.size(), 2u);
    EXPECT_EQ(card.indicators[0].children.size(), 2u) << "two-level table: 二级 are the leaves";
    EXPECT_EQ(card.indicators[0].children[0].level, Level::Second);
    EXPECT_EQ(leaves(card).size(), 3u);
    EXPECT_EQ(jixiao::totalWeight(card), Decimal(100));
    EXPECT_TRUE(writes(card, grid).empty()) << "the label 决策(10分) is not doubled by its 小计";
}

TEST(Layouts, DecimalTotalGradesByBand) {
    const auto grid = gridOf({
        {"一级指标", "二级指标", "分值", "得分", "扣分原因"},
        {"产出", "产出数量", "50", "45", "少5项"},
        {"效益", "满意度", "50", "42.5", "满意度85%"},
        {"合计", "", "100", "87.5", ""},
        {"评价等级", "良好", "", "", ""},
    });
    const auto card = readScoreTable(grid);
    EXPECT_EQ(*jixiao::totalScore(card), dec("87.5"));
    EXPECT_EQ(jixiao::gradeFor(card.gradeBands, jixiao::totalScore(card)), "良好");
    EXPECT_EQ(card.totals.grade, "良好");
    EXPECT_TRUE(writes(card, grid).empty());
}

TEST(Layouts, AScoredRowWithoutAnyWeightIsNotPlacedAsZero) {
    const auto grid = gridOf({
        {"一级指标", "二级指标", "三级指标", "得分"},
        {"决策（10）", "目标（10）", "目标明确（10）", "10"},
        {"", "", "另行说明", "3"},
    });
    const auto card = readScoreTable(grid);
    ASSERT_TRUE(hasIssue(card, "table.unplaced"));
    EXPECT_EQ(card.readIssues[0].args.at("cell"), "D3");
    EXPECT_EQ(card.readIssues[0].args.at("what"), "指标分值");
}

TEST(Layouts, NumbersBelowTheTotalAreNotPlaced) {
    const auto grid = gridOf({
        {"一级指标", "二级指标", "分值", "得分"},
        {"产出", "产出数量", "100", "90"},
        {"合计", "", "100", "90"},
        {"效益", "满意度", "10", "9"},
    });
    const auto card = readScoreTable(grid);
    ASSERT_TRUE(hasIssue(card, "table.unplaced"));
}

TEST(Layouts, TheSelfEvaluationHeaderIsFoundFarBelowTheTop) {
    std::vector<std::vector<std::string>> rows(20, std::vector<std::string>(5, ""));
    rows[0][0] = "项目支出绩效自评表";
    for (int r = 1; r < 15; ++r)
        rows[std::size_t(r)][0] = "说明" + std::to_string(r);
    rows[15] = {"一级指标", "二级指标", "三级指标", "分值", "得分"};
    rows[16] = {"产出指标", "数量指标", "完成数", "100", "100"};
    const auto grid = gridOf(rows);
    EXPECT_TRUE(jixiao::looksLikeScoreTable(grid));
    EXPECT_EQ(jixiao::scoreTableHeaderRow(grid), 15);
    EXPECT_EQ(leaves(readScoreTable(grid)).size(), 1u);
}

TEST(Layouts, ANamedLeafWithoutAWeightKeepsItsParentsLabelsFromBeingRewritten) {
    const auto grid = gridOf({
        {"一级指标", "二级指标", "分值", "得分"},
        {"决策(10分)", "项目立项", "10", ""},
        {"", "绩效目标", "", ""},
    });
    const auto card = readScoreTable(grid);
    ASSERT_TRUE(hasIssue(card, "table.unplaced"));
    EXPECT_EQ(card.readIssues[0].args.at("cell"), "C3");
}

TEST(Layouts, SelfEvaluationFormWithAnAdjustedBudgetAndWeightColumns) {
    // The provincial variant: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分, and an
    // indicator block with 指标性质, 度量单位, 完成值 and 未完成原因分析.
    auto grid = gridOf({
        {"部门预算项目支出绩效自评表（2023年度）", "", "", "", "", "", "", "", "", ""},
        {"预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率",
         "权重", "得分", "原因", ""},
        {"", "总额", "0", "3.36", "3.36", "100.00%", "10", "10", "", ""},
        {"绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值",
         "权重", "得分"},
        {"", "产出指标", "数量指标", "购置设备数量", "=", "13", "台", "13", "45", "45"},
        {"", "效益指标", "满意度指标", "使用人员满意度", "≥", "90", "%", "95", "45", "45"},
        {"合计", "", "", "", "", "", "", "", "100", "100"},
    });
    grid.merge(3, 0, 3, 1);
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.indicators.size(), 3u);
    EXPECT_EQ(card.indicators[0].name, "预算执行率");
    EXPECT_EQ(card.funding.budget, dec("3.36"));
    EXPECT_EQ(card.funding.actual, dec("3.36"));
    EXPECT_EQ(jixiao::totalWeight(card), Decimal(100));
    EXPECT_EQ(*jixiao::totalScore(card), Decimal(100));
    EXPECT_EQ(card.meta.year, 2023);
    EXPECT_TRUE(card.readIssues.empty());
    EXPECT_TRUE(writes(card, grid).empty());
}

TEST(Layouts, ANamedLeafWithoutWeightOrScoreCellsIsNamedAtItsName) {
    // Found by fuzz_grid: the 得分 cell of the row is covered by a merge from above, the 分值 column absent.
    auto grid = gridOf({
        {"一级指标", "三级指标", "得分"},
        {"决策", "目标明确（5）", "5"},
        {"", "另一项", ""},
    });
    grid.merge(1, 2, 2, 1);
    const auto card = readScoreTable(grid);
    ASSERT_TRUE(hasIssue(card, "table.unplaced"));
    EXPECT_EQ(card.readIssues[0].args.at("cell"), "B3");
}
