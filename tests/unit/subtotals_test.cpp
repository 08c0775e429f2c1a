// 小计 rows: read as the sums of the group they close, checked by validation, never rewritten by recompute.
#include "core/check/validate.hpp"
#include "core/derive/recompute.hpp"
#include "core/read/grid_reader.hpp"
#include "prose_test_helpers.hpp"
#include "test_decimal.hpp"
#include "test_grid.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using jixiao::Finding;
using jixiao::Grid;
using jixiao::readScoreTable;
using jixiao::Scorecard;
using jixiao::testing::dec;
using jixiao::testing::gridOf;

namespace {

// Two levels, a 小计 after each 一级 (the second one called 得分小计), 扣分 column included.
Grid twoLevelWithSubtotals(const std::string& firstScoreSubtotal, const std::string& firstDeductionSubtotal) {
    auto grid = gridOf({
        {"一级指标", "二级指标", "分值", "得分", "扣分", "扣分原因"},
        {"决策(10分)", "项目立项", "4", "4", "0", ""},
        {"", "绩效目标", "6", "5", "1", "目标未量化"},
        {"", "小计", "10", firstScoreSubtotal, firstDeductionSubtotal, ""},
        {"产出(90分)", "产出数量", "90", "90", "0", ""},
        {"", "得分小计", "90", "90", "0", ""},
        {"合计", "", "100", "99", "1", ""},
    });
    grid.merge(1, 0, 3, 1);
    grid.merge(4, 0, 2, 1);
    return grid;
}

std::vector<Finding> findings(const Scorecard& card, const std::string& ruleId,
                              std::string_view lang = "zh-CN") {
    std::vector<Finding> out;
    for (auto& f :
         jixiao::validate({card, {}, std::nullopt, std::nullopt}, jixiao::testing::messageCatalog(), lang))
        if (f.ruleId == ruleId)
            out.push_back(f);
    return out;
}

} // namespace

TEST(Subtotals, EachRowIsReadAgainstTheGroupItCloses) {
    const auto card = readScoreTable(twoLevelWithSubtotals("9", "1"));
    ASSERT_EQ(card.subtotals.size(), 2u);
    EXPECT_EQ(card.subtotals[0].group, std::vector<int>{0});
    EXPECT_EQ(card.subtotals[0].weight, jixiao::Decimal(10));
    EXPECT_EQ(card.subtotals[0].score, jixiao::Decimal(9));
    EXPECT_EQ(card.subtotals[0].scoreCell.address, "D4");
    EXPECT_EQ(card.subtotals[1].group, std::vector<int>{1});
    EXPECT_EQ(card.subtotals[1].labelCell.address, "B6");
    EXPECT_EQ(card.indicators.size(), 2u) << "a 小计 is never an indicator";
}

TEST(Subtotals, RightSubtotalsGiveNoFinding) {
    const auto card = readScoreTable(twoLevelWithSubtotals("9", "1"));
    for (const char* rule : {"subtotal.weight", "subtotal.score", "subtotal.deduction"})
        EXPECT_TRUE(findings(card, rule).empty()) << rule;
}

TEST(Subtotals, AWrongScoreAndDeductionAreFoundAtTheirCells) {
    const auto card = readScoreTable(twoLevelWithSubtotals("8.5", "2"));
    const auto score = findings(card, "subtotal.score");
    ASSERT_EQ(score.size(), 1u);
    EXPECT_EQ(score[0].location.cell, "D4");
    EXPECT_EQ(score[0].message, "“决策”小计行的得分为8.5分，其下各指标得分之和为9分");
    const auto deduction = findings(card, "subtotal.deduction", "en-US");
    ASSERT_EQ(deduction.size(), 1u);
    EXPECT_EQ(deduction[0].location.cell, "E4");
    EXPECT_EQ(deduction[0].args.at("expected"), "1");
    EXPECT_NE(deduction[0].message.find("subtotal"), std::string::npos) << deduction[0].message;
}

TEST(Subtotals, RecomputeLeavesAWrongSubtotalAsWritten) {
    const auto grid = twoLevelWithSubtotals("8.5", "2");
    const auto card = readScoreTable(grid);
    for (const auto& write : jixiao::recomputeScoreTable(card, grid).writes)
        EXPECT_NE(write.cell.row, 3) << write.cell.address << " → " << write.text;
}

TEST(Subtotals, AScoreLeftOutSkipsTheScoreCheck) {
    auto grid = twoLevelWithSubtotals("9", "1");
    grid.at(2, 3).text = "";
    const auto card = readScoreTable(grid);
    EXPECT_TRUE(findings(card, "subtotal.score").empty()) << "no sum to hold it to while a score is missing";
}

TEST(Subtotals, InAThreeLevelTableTheSecondLevelLabelReachingTheRowNamesTheGroup) {
    auto grid = gridOf({
        {"一级指标", "二级指标", "三级指标", "分值", "得分"},
        {"决策", "项目立项", "立项依据", "3", "3"},
        {"", "", "立项程序", "3", "2"},
        {"", "", "小计", "6", "6"},
        {"", "绩效目标", "目标合理", "4", "4"},
        {"决策小计", "", "", "10", "9"},
        {"合计", "", "", "10", "9"},
    });
    grid.merge(1, 0, 4, 1);
    grid.merge(1, 1, 3, 1);
    const auto card = readScoreTable(grid);
    ASSERT_EQ(card.subtotals.size(), 2u);
    EXPECT_EQ(card.subtotals[0].group, (std::vector<int>{0, 0}));
    EXPECT_EQ(card.subtotals[1].group, std::vector<int>{0});
    const auto wrong = findings(card, "subtotal.score");
    ASSERT_EQ(wrong.size(), 1u);
    EXPECT_EQ(wrong[0].location.cell, "E4");
    EXPECT_EQ(wrong[0].args.at("expected"), "5");
    EXPECT_EQ(wrong[0].args.at("indicator"), "项目立项");
}
