#include "core/figures.hpp"

#include "core/grid_reader.hpp"
#include "sample_fixture.hpp"
#include "test_decimal.hpp"

#include <gtest/gtest.h>

using namespace jixiao;

namespace {

using jixiao::testing::dec;

Scorecard sampleCard() {
    return readScoreTable(jixiao::testing::sampleScoreGrid());
}

Indicator& leafAt(Scorecard& card, int index) {
    std::vector<Indicator*> leaves;
    forEachLeaf(card, [&](Indicator& i) { leaves.push_back(&i); });
    return *leaves.at(std::size_t(index));
}

// The sample report's funding as its prose states it: 2 万元 budget, items 0.72 / 1.13 / 0.14.
Funding sampleFunding() {
    Funding f;
    f.budget = 2;
    f.actual = dec("1.99");
    f.items = {{"工资补助", dec("0.72"), {}, {}, {}},
               {"社保缴费", dec("1.13"), {}, {}, {}},
               {"劳务派遣服务费", dec("0.14"), {}, {}, {}}};
    return f;
}

} // namespace

TEST(ScoreFigures, TheSampleTotals97OutOf100Excellent) {
    const auto figures = deriveScores(sampleCard());
    EXPECT_EQ(figures.weight, Decimal(100));
    EXPECT_EQ(figures.score, Decimal(97));
    EXPECT_EQ(figures.deduction, Decimal(3));
    EXPECT_EQ(figures.grade, "优秀");
    EXPECT_EQ(figures.leaves, 21);
    EXPECT_EQ(figures.scoredLeaves, 21);
    ASSERT_EQ(figures.levelOne.size(), 4u);
    EXPECT_EQ(figures.levelOne[0].name, "决策");
    EXPECT_EQ(figures.levelOne[0].weight, Decimal(10));
    EXPECT_EQ(figures.levelOne[3].score, Decimal(27));
}

TEST(ScoreFigures, AMissingOrImpossibleScoreLeavesTheTotalUnknownButCountsCompleteness) {
    auto card = sampleCard();
    leafAt(card, 0).score.reset();
    leafAt(card, 1).score = 3; // worth 2
    const auto figures = deriveScores(card);
    EXPECT_FALSE(figures.score);
    EXPECT_FALSE(figures.deduction);
    EXPECT_EQ(figures.grade, "");
    EXPECT_EQ(figures.scoredLeaves, 19);
    EXPECT_FALSE(figures.levelOne[0].score);
    EXPECT_EQ(figures.levelOne[1].score, Decimal(30));
}

TEST(ScoreFigures, DecimalScoresGradeAtTheBandEdges) {
    auto card = sampleCard();
    leafAt(card, 17).score = dec("0.5"); // 经济效益 6 → 0.5: total 94.5
    EXPECT_EQ(deriveScores(card).score, dec("94.5"));
    card.gradeBands = {{dec("94.5"), "A"}, {0, "B"}};
    EXPECT_EQ(deriveScores(card).grade, "A");
}

TEST(FundingFigures, TheSampleSharesAndRate) {
    const auto figures = deriveFunding(sampleFunding());
    EXPECT_EQ(figures.itemsSum, dec("1.99"));
    EXPECT_EQ(figures.actual, dec("1.99"));
    ASSERT_EQ(figures.shares.size(), 3u);
    EXPECT_EQ(figures.shares[0]->toString(2), "36.18");
    EXPECT_EQ(figures.shares[1]->toString(2), "56.78");
    EXPECT_EQ(figures.shares[2]->toString(2), "7.04");
    EXPECT_EQ(figures.executionRate->toString(2), "99.5");
    EXPECT_EQ(figures.balance, dec("0.01"));
}

TEST(FundingFigures, TheItemsDecideTheActualSpendingWhenThereAreItems) {
    auto funding = sampleFunding();
    funding.actual = 3; // typed wrongly: validation reports funding.items-sum
    const auto figures = deriveFunding(funding);
    EXPECT_EQ(figures.actual, dec("1.99"));
    EXPECT_EQ(figures.shares[0]->toString(2), "36.18");
}

TEST(FundingFigures, NothingToDivideByIsUnknownNotZero) {
    Funding funding;
    funding.items = {{"a", 0, {}, {}, {}}};
    funding.budget = 0;
    const auto figures = deriveFunding(funding);
    EXPECT_EQ(figures.actual, Decimal(0));
    EXPECT_FALSE(figures.shares[0]);
    EXPECT_FALSE(figures.executionRate);
    EXPECT_EQ(figures.balance, Decimal(0));

    Funding onlyTyped;
    onlyTyped.actual = dec("1.99");
    const auto typed = deriveFunding(onlyTyped);
    EXPECT_EQ(typed.actual, dec("1.99"));
    EXPECT_FALSE(typed.itemsSum);
    EXPECT_FALSE(typed.executionRate);
}
