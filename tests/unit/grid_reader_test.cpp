#include "core/read/grid_reader.hpp"

#include "funding_fixture.hpp"
#include "sample_fixture.hpp"
#include "test_decimal.hpp"
#include "test_grid.hpp"
#include "ui_catalog.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using jixiao::Decimal;
using jixiao::Grid;
using jixiao::GridLayoutError;
using jixiao::Indicator;
using jixiao::Level;
using jixiao::readScoreTable;
using jixiao::Scorecard;
using jixiao::testing::sampleScoreGrid;

namespace {

using jixiao::testing::dec;

std::vector<const Indicator*> leaves(const Scorecard& card) {
    std::vector<const Indicator*> out;
    jixiao::forEachLeaf(card, [&](const Indicator& leaf) { out.push_back(&leaf); });
    return out;
}

// The sample's 21 leaves in order: name, 分值, 得分, 扣分.
struct Expected {
    const char* name;
    int weight, score, deduction;
};
const std::vector<Expected> kSampleLeaves = {
    {"项目立项规范性", 1, 1, 0}, {"绩效目标合理性", 2, 2, 0}, {"绩效指标明确性", 4, 4, 0},
    {"资金到位率", 1, 1, 0},     {"到位及时率", 2, 2, 0},     {"管理制度健全性", 4, 4, 0},
    {"制度执行有效性", 5, 5, 0}, {"项目质量可控性", 5, 5, 0}, {"资金分配的合理性", 2, 2, 0},
    {"预算执行率", 2, 2, 0},     {"管理制度健全性", 3, 3, 0}, {"资金使用合规性", 5, 5, 0},
    {"财务监控有效性", 4, 4, 0}, {"完成数量", 10, 10, 0},     {"完成及时性", 4, 4, 0},
    {"质量达标率", 12, 12, 0},   {"资金变动率", 4, 4, 0},     {"经济效益", 6, 3, 3},
    {"社会效益", 8, 8, 0},       {"可持续影响", 6, 6, 0},     {"服务对象满意度", 10, 10, 0},
};

using jixiao::testing::gridOf;

} // namespace

TEST(GridReader, SampleTreeHasFourTopsSixMiddlesAndTheirWeights) {
    const auto card = readScoreTable(sampleScoreGrid());
    ASSERT_EQ(card.indicators.size(), 4u);
    const std::vector<std::pair<std::string, int>> tops = {
        {"决策", 10}, {"过程", 30}, {"产出", 30}, {"效果", 30}};
    const std::vector<std::vector<std::pair<std::string, int>>> mids = {
        {{"项目立项", 7}, {"资金落实", 3}},
        {{"业务管理", 18}, {"财务管理", 12}},
        {{"项目产出", 30}},
        {{"项目效益", 30}},
    };
    int middleCount = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& top = card.indicators[i];
        EXPECT_EQ(top.level, Level::First);
        EXPECT_EQ(top.name, tops[i].first);
        EXPECT_EQ(top.labelWeight, Decimal(tops[i].second));
        EXPECT_EQ(top.weight, Decimal(tops[i].second));
        EXPECT_EQ(jixiao::weightOf(top), Decimal(tops[i].second));
        ASSERT_EQ(top.children.size(), mids[i].size()) << top.name;
        for (std::size_t j = 0; j < mids[i].size(); ++j) {
            const auto& mid = top.children[j];
            EXPECT_EQ(mid.level, Level::Second);
            EXPECT_EQ(mid.name, mids[i][j].first);
            EXPECT_EQ(mid.labelWeight, Decimal(mids[i][j].second));
            EXPECT_EQ(jixiao::weightOf(mid), Decimal(mids[i][j].second));
            ++middleCount;
        }
    }
    EXPECT_EQ(middleCount, 6); // 项目立项, 资金落实, 业务管理, 财务管理, 项目产出, 项目效益
    EXPECT_EQ(card.indicators[0].cells.name.address, "A2");
    EXPECT_EQ(card.indicators[1].cells.name.address, "A7");
    EXPECT_EQ(card.indicators[0].children[1].cells.name.address, "B5");
    EXPECT_EQ(card.indicators[3].children[0].cells.name, (jixiao::CellRef{18, 1, "B19"}));
    EXPECT_TRUE(card.readIssues.empty());
    EXPECT_EQ(card.tableName, "表格1");
}

TEST(GridReader, SampleLeavesCarryEveryValueAndCell) {
    const auto card = readScoreTable(sampleScoreGrid());
    const auto all = leaves(card);
    ASSERT_EQ(all.size(), kSampleLeaves.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& leaf = *all[i];
        const auto& want = kSampleLeaves[i];
        const std::string row = std::to_string(i + 2);
        EXPECT_EQ(leaf.level, Level::Third);
        EXPECT_EQ(leaf.name, want.name);
        EXPECT_EQ(leaf.weight, Decimal(want.weight)) << want.name;
        EXPECT_EQ(leaf.labelWeight, Decimal(want.weight)) << want.name;
        EXPECT_EQ(leaf.score, Decimal(want.score)) << want.name;
        EXPECT_EQ(leaf.deduction, Decimal(want.deduction)) << want.name;
        EXPECT_EQ(leaf.cells.name.address, "C" + row);
        EXPECT_EQ(leaf.cells.weight, (jixiao::CellRef{int(i) + 1, 5, "F" + row}));
        EXPECT_EQ(leaf.cells.score, (jixiao::CellRef{int(i) + 1, 6, "G" + row}));
        EXPECT_EQ(leaf.cells.deduction, (jixiao::CellRef{int(i) + 1, 7, "H" + row}));
        EXPECT_EQ(leaf.cells.reason, (jixiao::CellRef{int(i) + 1, 8, "I" + row}));
        if (want.deduction == 0) {
            EXPECT_EQ(leaf.reason, "") << want.name;
        }
    }
    EXPECT_EQ(all[17]->reason, "热线工作侧重于保持和促进社会和谐稳定，在投入产出评价指标方面难以用数据体现，"
                               "对经济效益影响不太明显。");
    EXPECT_EQ(all[0]->explanation,
              "项目的申请、设立过程是否符合相关要求，用以反映和考核项目立项的规范情况。");
    EXPECT_EQ(all[3]->standard, "资金到位率=（实际到位资金/计划投入资金）×100%。\n"
                                "资金到位率大于90%的得满分，每少5个百分点扣0.5分，扣完为止。");
    EXPECT_EQ(all[8]->explanation, "资金分配及结果");
}

TEST(GridReader, SampleTotalsRowAndNoTitle) {
    const auto card = readScoreTable(sampleScoreGrid());
    EXPECT_EQ(card.totals.weight, Decimal(100));
    EXPECT_EQ(card.totals.score, Decimal(97));
    EXPECT_EQ(card.totals.deduction, Decimal(3));
    EXPECT_EQ(card.totals.weightCell, (jixiao::CellRef{22, 5, "B23"}));
    EXPECT_EQ(card.totals.scoreCell, (jixiao::CellRef{22, 6, "C23"}));
    EXPECT_EQ(card.totals.deductionCell, (jixiao::CellRef{22, 7, "D23"}));
    EXPECT_FALSE(card.totals.gradeCell.known());
    EXPECT_EQ(card.meta.title, "");
    EXPECT_EQ(jixiao::totalScore(card), Decimal(97));
}

TEST(GridReader, FullWidthDigitsAndUnitInAScoreCell) {
    auto grid = sampleScoreGrid();
    grid.at(18, 6).text = "３"; // 经济效益 得分
    grid.at(19, 6).text = "8分";
    grid.at(20, 6).text = " ６ ";
    const auto card = readScoreTable(grid);
    const auto all = leaves(card);
    EXPECT_EQ(all[17]->score, Decimal(3));
    EXPECT_EQ(all[18]->score, Decimal(8));
    EXPECT_EQ(all[19]->score, Decimal(6));
    EXPECT_TRUE(card.readIssues.empty());
}

TEST(GridReader, ChineseNumeralInAScoreCellIsAReadIssueNamingTheCell) {
    auto grid = sampleScoreGrid();
    grid.at(14, 6).text = "九十"; // 完成数量 得分, G15
    grid.at(15, 7).text = "1..0"; // 完成及时性 扣分, H16
    const auto card = readScoreTable(grid);
    const auto all = leaves(card);
    EXPECT_FALSE(all[13]->score.has_value());
    EXPECT_FALSE(all[14]->deduction.has_value());
    ASSERT_EQ(card.readIssues.size(), 2u);
    const auto& issue = card.readIssues[0];
    EXPECT_EQ(issue.ruleId, "cell.not-a-number");
    EXPECT_EQ(issue.severity, jixiao::Severity::Error);
    EXPECT_EQ(issue.location.kind, jixiao::Location::Kind::Cell);
    EXPECT_EQ(issue.location.table, "表格1");
    EXPECT_EQ(issue.location.cell, "G15");
    EXPECT_EQ(issue.indicator, "完成数量");
    EXPECT_EQ(issue.args.at("cell"), "G15");
    EXPECT_EQ(issue.args.at("found"), "九十");
    EXPECT_EQ(card.readIssues[1].location.cell, "H16");
    EXPECT_TRUE(issue.message.empty());
}

TEST(GridReader, PercentInAScoreCellIsNotAScore) {
    auto grid = sampleScoreGrid();
    grid.at(1, 6).text = "95%";
    const auto card = readScoreTable(grid);
    EXPECT_FALSE(leaves(card)[0]->score.has_value());
    ASSERT_EQ(card.readIssues.size(), 1u);
    EXPECT_EQ(card.readIssues[0].args.at("found"), "95%");
}

TEST(GridReader, MissingScoreHeaderNamesTheColumnAndWhereItLooked) {
    auto grid = sampleScoreGrid();
    grid.at(0, 6).text = "自评结果";
    try {
        readScoreTable(grid);
        FAIL() << "expected GridLayoutError";
    } catch (const GridLayoutError& e) {
        EXPECT_EQ(e.cell(), "A1");
        EXPECT_EQ(jixiao::testing::uiCatalog().format("zh-CN", e.message()),
                  "找不到表头“评价得分”列（表头行 A1）");
        EXPECT_EQ(jixiao::testing::uiCatalog().format("en", e.message()),
                  "Header column 评价得分 not found in the header row at A1");
    }
    EXPECT_FALSE(jixiao::looksLikeScoreTable(grid));
}

TEST(GridReader, NoHeaderAtAllIsALayoutError) {
    const Grid grid = gridOf({{"a", "b"}, {"1", "2"}});
    EXPECT_THROW(readScoreTable(grid), GridLayoutError);
    EXPECT_THROW(readScoreTable(Grid{}), GridLayoutError);
    EXPECT_FALSE(jixiao::looksLikeScoreTable(grid));
}

TEST(GridReader, LooksLikeScoreTable) {
    EXPECT_TRUE(jixiao::looksLikeScoreTable(sampleScoreGrid()));
    EXPECT_FALSE(jixiao::looksLikeScoreTable(Grid{}));
}

TEST(GridReader, ReorderedColumnsWithoutOptionalOnes) {
    const auto grid = gridOf({
        {"评价得分", "三级指标", "分值", "一级指标", "二级指标", "扣分"},
        {"4", "甲（5分）", "5", "决策(10分)", "立项(10分)", "1"},
        {"5", "乙（5分）", "5", "决策(10分)", "立项(10分)", "0"},
        {"9", "合计", "10", "", "", "1"},
    });
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.indicators.size(), 1u); // the repeated 一级/二级 copies are one group each
    ASSERT_EQ(card.indicators[0].children.size(), 1u);
    const auto all = leaves(card);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]->name, "甲");
    EXPECT_EQ(all[0]->score, Decimal(4));
    EXPECT_EQ(all[0]->deduction, Decimal(1));
    EXPECT_EQ(all[1]->cells.score.address, "A3"); // fallback names for a grid without host addresses
    EXPECT_EQ(all[1]->explanation, "");
    EXPECT_FALSE(all[1]->cells.reason.known());
    EXPECT_EQ(card.totals.score, Decimal(9));
    EXPECT_EQ(card.totals.weight, Decimal(10));
}

TEST(GridReader, UnmergedRepeatedAndEmptyParentCells) {
    const auto grid = gridOf({
        {"一级指标", "二级指标", "三级指标", "指标分值", "评价得分"},
        {"决策（3分）", "立项（2分）", "a", "1", "1"},
        {"决策（3分）", "立项（2分）", "b", "1", "1"},
        {"", "资金（1分）", "c", "1", "0.5"},
        {"过程（2分）", "管理（2分）", "d", "2", "2"},
        {"", "", "e", "0", ""},
        {"", "", "", "", ""},
    });
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.indicators.size(), 2u);
    EXPECT_EQ(card.indicators[0].children.size(), 2u);
    EXPECT_EQ(card.indicators[0].children[0].children.size(), 2u);
    EXPECT_EQ(card.indicators[0].children[1].children.size(), 1u);
    ASSERT_EQ(card.indicators[1].children.size(), 1u);
    EXPECT_EQ(card.indicators[1].children[0].children.size(), 2u); // e continues 管理
    EXPECT_EQ(card.indicators[0].children[0].cells.name.address, "B2");
    EXPECT_EQ(leaves(card).size(), 5u);
    EXPECT_FALSE(leaves(card)[4]->score.has_value());
}

TEST(GridReader, TwoLevelTableAndRowsWithoutSecondLevel) {
    const auto twoLevel = gridOf({
        {"一级指标", "二级指标", "分值", "得分"},
        {"产出（10分）", "数量（6分）", "6", "6"},
        {"", "质量（4分）", "4", "3"},
    });
    const auto card = readScoreTable(twoLevel);
    ASSERT_EQ(card.indicators.size(), 1u);
    ASSERT_EQ(card.indicators[0].children.size(), 2u);
    EXPECT_EQ(card.indicators[0].children[1].level, Level::Second);
    EXPECT_EQ(card.indicators[0].children[1].score, Decimal(3));
    EXPECT_TRUE(card.indicators[0].children[1].children.empty());

    const auto mixed = gridOf({
        {"一级指标", "二级指标", "三级指标", "分值", "得分"},
        {"效果（10分）", "", "满意度（10分）", "10", "9"},
    });
    const auto mixedCard = readScoreTable(mixed);
    ASSERT_EQ(mixedCard.indicators[0].children.size(), 1u);
    EXPECT_EQ(mixedCard.indicators[0].children[0].name, "满意度");
    EXPECT_EQ(mixedCard.indicators[0].children[0].level, Level::Third);
}

TEST(GridReader, TitleRowGivesTitleAndYearAndHeaderIsFoundBelowIt) {
    auto rows = std::vector<std::vector<std::string>>{
        {"富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表", "", "", "", ""},
        {"一级\n指标", "二级\n指标", "三级指标", "指标\n分值", "评价\n得分"},
        {"决策(1分)", "立项(1分)", "a\n（1分）", "1", "1"},
    };
    auto grid = gridOf(rows);
    grid.merge(0, 0, 1, 5);
    const auto card = readScoreTable(grid);
    EXPECT_EQ(card.meta.title, rows[0][0]);
    EXPECT_EQ(card.meta.year, 2025);
    ASSERT_EQ(leaves(card).size(), 1u);
    EXPECT_EQ(leaves(card)[0]->name, "a");
}

TEST(GridReader, WeightFallsBackToTheLabelAndGradeRowIsRead) {
    auto grid = gridOf({
        {"一级指标", "三级指标", "指标分值", "评价得分", "扣分"},
        {"决策（3分）", "a（2分）", "", "2", "0"},
        {"决策（3分）", "b（1分）", "一分", "1", "0"},
        {"合计", "", "3", "3", "0"},
        {"评价等级", "", "差", "", ""},
    });
    grid.merge(3, 0, 1, 2);
    grid.merge(4, 0, 1, 2);
    grid.merge(4, 2, 1, 3);
    const auto card = readScoreTable(grid);
    const auto all = leaves(card);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]->weight, Decimal(2));
    EXPECT_EQ(all[1]->weight, Decimal(1));
    ASSERT_EQ(card.readIssues.size(), 1u);
    EXPECT_EQ(card.readIssues[0].location.cell, "C3");
    EXPECT_EQ(card.totals.grade, "差");
    EXPECT_EQ(card.totals.gradeCell, (jixiao::CellRef{4, 2, "C5"}));
}

TEST(GridReader, WeightLabels) {
    using jixiao::splitWeightLabel;
    const auto a = splitWeightLabel("决策(10分)");
    EXPECT_EQ(a.name, "决策");
    EXPECT_EQ(a.weight, Decimal(10));
    EXPECT_FALSE(a.fullWidth);
    EXPECT_FALSE(a.lineBreak);
    const auto b = splitWeightLabel("项目立项规范性\n（1分）");
    EXPECT_EQ(b.name, "项目立项规范性");
    EXPECT_EQ(b.weight, Decimal(1));
    EXPECT_TRUE(b.fullWidth);
    EXPECT_TRUE(b.lineBreak);
    const auto c = splitWeightLabel("资金分配的合理性（2.5分）");
    EXPECT_EQ(c.weight, dec("2.5"));
    EXPECT_FALSE(c.lineBreak);
    const auto d = splitWeightLabel("满意度（问卷）");
    EXPECT_EQ(d.name, "满意度（问卷）");
    EXPECT_FALSE(d.weight.has_value());
    EXPECT_EQ(splitWeightLabel("服务对象\n满意度（１０分）").name, "服务对象满意度");
    EXPECT_EQ(splitWeightLabel("服务对象\n满意度（１０分）").weight, Decimal(10));
    const auto e = splitWeightLabel("\u3000决策\u3000(10分)\u00A0 ");
    EXPECT_EQ(e.name, "决策");
    EXPECT_EQ(e.weight, Decimal(10));
    EXPECT_EQ(jixiao::formatWeightLabel("决策", 10, false), "决策(10分)");
    EXPECT_EQ(jixiao::formatWeightLabel("a", dec("1.50"), true, true), "a\n（1.5分）");
}

TEST(GridReader, FundingTable) {
    const auto grid = jixiao::testing::sampleFundingGrid();
    EXPECT_TRUE(jixiao::looksLikeFundingTable(grid));
    EXPECT_FALSE(jixiao::looksLikeScoreTable(grid));
    EXPECT_FALSE(jixiao::looksLikeFundingTable(sampleScoreGrid()));
    const auto f = jixiao::readFundingTable(grid);
    EXPECT_EQ(f.unit, "万元");
    ASSERT_EQ(f.items.size(), 3u);
    EXPECT_EQ(f.items[1].name, "社保缴费");
    EXPECT_EQ(f.items[1].amount, dec("1.13"));
    EXPECT_EQ(f.items[1].share, dec("56.78"));
    EXPECT_EQ(f.items[1].amountCell.address, "B3");
    EXPECT_EQ(f.items[1].shareCell.address, "C3");
    EXPECT_EQ(f.actual, dec("1.99"));
    EXPECT_EQ(f.actualCell.address, "B5");
    EXPECT_EQ(f.totalCell.address, "C5");
    EXPECT_EQ(f.budget, Decimal(2));
    EXPECT_EQ(f.executionRate, dec("99.5"));
    EXPECT_EQ(f.executionRateCell.address, "C7");
    EXPECT_EQ(f.balance, dec("0.01"));
    EXPECT_EQ(f.balanceCell.address, "B8");
    EXPECT_THROW(jixiao::readFundingTable(gridOf({{"a", "b"}})), GridLayoutError);
}

TEST(GridReader, FundingAmountsInYuanAreConvertedOnlyWhenMarked) {
    const auto grid = gridOf({{"支出项目", "金额（万元）"}, {"工资", "7,200元"}, {"社保", "1.13万"}});
    const auto f = jixiao::readFundingTable(grid);
    ASSERT_EQ(f.items.size(), 2u);
    EXPECT_EQ(f.items[0].amount, dec("0.72"));
    EXPECT_EQ(f.items[1].amount, dec("1.13"));
}

TEST(GridReader, TangledMergesNeverMixGroupsOfDifferentParents) {
    // 一级 A spans rows 1‥3 but row 2 holds its own anchor B spanning rows 2‥4: a host can hand over
    // such overlapping areas. Row 3 goes to A, row 4 to B; row 4's empty 二级 must not continue A's 二级
    // (found by fuzzing as an out-of-bounds write).
    auto grid = gridOf({
        {"一级指标", "二级指标", "三级指标", "分值", "得分"},
        {"A", "M1", "a", "1", "1"},
        {"B", "M2", "b", "1", "1"},
        {"", "M3", "c", "1", "1"},
        {"", "", "d", "1", "1"},
    });
    grid.at(1, 0).rowSpan = 3;
    grid.at(2, 0).rowSpan = 3;
    grid.at(3, 0).covered = true;
    grid.at(4, 0).covered = true;
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.indicators.size(), 2u);
    const auto& a = card.indicators[0];
    const auto& b = card.indicators[1];
    ASSERT_EQ(a.children.size(), 2u);
    EXPECT_EQ(a.children[1].name, "M3");
    ASSERT_EQ(b.children.size(), 2u);
    EXPECT_EQ(b.children[0].name, "M2");
    EXPECT_EQ(b.children[1].name, "d");
    EXPECT_EQ(leaves(card).size(), 4u);
}
