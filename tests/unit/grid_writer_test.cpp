#include "core/write/grid_writer.hpp"

#include "core/read/grid_reader.hpp"
#include "sample_fixture.hpp"
#include "test_decimal.hpp"

#include <gtest/gtest.h>

using jixiao::Decimal;
using jixiao::Indicator;
using jixiao::readScoreTable;
using jixiao::Scorecard;
using jixiao::writeScoreTable;

namespace {

using jixiao::testing::dec;

// The model part of an indicator tree, without the cell references a read adds.
void expectSameTree(const Indicator& want, const Indicator& got) {
    EXPECT_EQ(got.level, want.level) << want.name;
    EXPECT_EQ(got.name, want.name);
    EXPECT_EQ(jixiao::weightOf(got), jixiao::weightOf(want)) << want.name;
    EXPECT_EQ(got.explanation, want.explanation) << want.name;
    EXPECT_EQ(got.standard, want.standard) << want.name;
    EXPECT_EQ(got.reason, want.reason) << want.name;
    if (want.children.empty()) {
        EXPECT_EQ(got.weight, want.weight) << want.name;
        EXPECT_EQ(got.score, want.score) << want.name;
        EXPECT_EQ(got.deduction, want.deduction) << want.name;
    }
    ASSERT_EQ(got.children.size(), want.children.size()) << want.name;
    for (std::size_t i = 0; i < want.children.size(); ++i)
        expectSameTree(want.children[i], got.children[i]);
}

void expectSameIndicators(const Scorecard& want, const Scorecard& got) {
    ASSERT_EQ(got.indicators.size(), want.indicators.size());
    for (std::size_t i = 0; i < want.indicators.size(); ++i)
        expectSameTree(want.indicators[i], got.indicators[i]);
}

Indicator leaf(const char* name, Decimal weight, std::optional<Decimal> score) {
    Indicator i;
    i.name = name;
    i.weight = weight;
    i.score = score;
    if (score)
        i.deduction = weight - *score;
    return i;
}

Indicator parent(jixiao::Level level, const char* name, std::vector<Indicator> children) {
    Indicator i;
    i.level = level;
    i.name = name;
    i.children = std::move(children);
    return i;
}

} // namespace

TEST(GridWriter, SampleRoundTripsThroughWriteAndRead) {
    const auto sample = readScoreTable(jixiao::testing::sampleScoreGrid());
    const auto grid = writeScoreTable(sample);
    const auto again = readScoreTable(grid);
    expectSameIndicators(sample, again);
    EXPECT_EQ(again.totals.weight, Decimal(100));
    EXPECT_EQ(again.totals.score, Decimal(97));
    EXPECT_EQ(again.totals.deduction, Decimal(3));
    EXPECT_EQ(again.totals.grade, "优秀");
    EXPECT_TRUE(again.readIssues.empty());
}

TEST(GridWriter, SampleLayoutHasMergedParentsAndFullWidthLabels) {
    const auto grid = writeScoreTable(readScoreTable(jixiao::testing::sampleScoreGrid()));
    ASSERT_EQ(grid.rows(), 24); // header, 21 leaves, 合计, 评价等级 (no title: the sample table has none)
    ASSERT_EQ(grid.columns(), 9);
    EXPECT_EQ(grid.at(0, 0).text, "一级指标");
    EXPECT_EQ(grid.at(0, 8).text, "扣分原因");
    EXPECT_EQ(grid.at(1, 0).text, "决策（10分）");
    EXPECT_EQ(grid.at(1, 0).rowSpan, 5);
    EXPECT_EQ(grid.at(1, 1).text, "项目立项（7分）");
    EXPECT_EQ(grid.at(1, 1).rowSpan, 3);
    EXPECT_TRUE(grid.at(2, 1).covered);
    EXPECT_EQ(grid.at(4, 1).text, "资金落实（3分）");
    EXPECT_EQ(grid.at(6, 0).text, "过程（30分）");
    EXPECT_EQ(grid.at(6, 0).rowSpan, 8);
    EXPECT_EQ(grid.at(1, 2).text, "项目立项规范性（1分）");
    EXPECT_EQ(grid.at(18, 6).text, "3");
    EXPECT_EQ(grid.at(18, 7).text, "3");
    EXPECT_EQ(grid.at(22, 0).text, "合计");
    EXPECT_EQ(grid.at(22, 0).colSpan, 5);
    EXPECT_EQ(grid.at(22, 5).text, "100");
    EXPECT_EQ(grid.at(22, 6).text, "97");
    EXPECT_EQ(grid.at(22, 7).text, "3");
    EXPECT_EQ(grid.at(23, 0).text, "评价等级");
    EXPECT_EQ(grid.at(23, 0).colSpan, 5);
    EXPECT_EQ(grid.at(23, 5).text, "优秀");
    EXPECT_EQ(grid.at(23, 5).colSpan, 4);
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c)
            EXPECT_TRUE(grid.at(r, c).address.empty());
}

TEST(GridWriter, TitleRowAndMissingScoresAndNoGradeRow) {
    Scorecard card;
    card.meta.title = "某单位2025年度项目支出绩效评价指标体系及打分表";
    card.indicators.push_back(
        parent(jixiao::Level::First, "决策",
               {parent(jixiao::Level::Second, "项目立项",
                       {leaf("立项依据", dec("1.5"), std::nullopt), leaf("程序", 2, 2)})}));
    card.indicators.push_back(parent(jixiao::Level::First, "效果", {leaf("满意度", 10, dec("9.7"))}));
    jixiao::ScoreTableStyle style;
    style.gradeRow = false;
    style.leafLabelLineBreak = true;
    const auto grid = writeScoreTable(card, style);
    ASSERT_EQ(grid.rows(), 1 + 1 + 3 + 1);
    EXPECT_EQ(grid.at(0, 0).text, card.meta.title);
    EXPECT_EQ(grid.at(0, 0).colSpan, 9);
    EXPECT_EQ(grid.at(2, 0).text, "决策（3.5分）");
    EXPECT_EQ(grid.at(2, 2).text, "立项依据\n（1.5分）");
    EXPECT_EQ(grid.at(2, 6).text, "");
    EXPECT_EQ(grid.at(2, 7).text, "");
    EXPECT_EQ(grid.at(4, 1).text, ""); // 满意度 hangs directly under 效果
    EXPECT_EQ(grid.at(4, 7).text, "0.3");
    EXPECT_EQ(grid.at(5, 5).text, "13.5");
    EXPECT_EQ(grid.at(5, 6).text, ""); // a leaf is unscored: no total
    const auto again = readScoreTable(grid);
    EXPECT_EQ(again.meta.year, 2025);
    expectSameIndicators(card, again);
}

TEST(GridWriter, FundingTableOfTheSample) {
    jixiao::Funding f;
    f.budget = 2;
    f.items = {{"工资补助", dec("0.72"), {}, {}, {}},
               {"社保缴费", dec("1.13"), {}, {}, {}},
               {"劳务派遣服务费", dec("0.14"), {}, {}, {}}};
    const auto grid = jixiao::writeFundingTable(f);
    ASSERT_EQ(grid.rows(), 8);
    ASSERT_EQ(grid.columns(), 3);
    EXPECT_EQ(grid.at(0, 1).text, "金额（万元）");
    EXPECT_EQ(grid.at(1, 2).text, "36.18%");
    EXPECT_EQ(grid.at(2, 2).text, "56.78%");
    EXPECT_EQ(grid.at(3, 2).text, "7.04%");
    EXPECT_EQ(grid.at(4, 0).text, "实际支出合计");
    EXPECT_EQ(grid.at(4, 1).text, "1.99");
    EXPECT_EQ(grid.at(4, 2).text, "100%");
    EXPECT_EQ(grid.at(5, 1).text, "2");
    EXPECT_EQ(grid.at(6, 2).text, "99.5%");
    EXPECT_EQ(grid.at(7, 1).text, "0.01");
    const auto back = jixiao::readFundingTable(grid);
    EXPECT_EQ(back.actual, dec("1.99"));
    EXPECT_EQ(back.executionRate, dec("99.5"));
    EXPECT_EQ(back.balance, dec("0.01"));
    ASSERT_EQ(back.items.size(), 3u);
    EXPECT_EQ(back.items[2].share, dec("7.04"));
}

TEST(GridWriter, FundingTableWithoutBudgetLeavesDerivedCellsEmpty) {
    jixiao::Funding f;
    f.actual = dec("1.5");
    const auto grid = jixiao::writeFundingTable(f);
    ASSERT_EQ(grid.rows(), 5);
    EXPECT_EQ(grid.at(1, 1).text, "1.5");
    EXPECT_EQ(grid.at(3, 2).text, "");
    EXPECT_EQ(grid.at(4, 1).text, "");
}
