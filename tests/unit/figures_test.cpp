#include "core/derive/figures.hpp"

#include "sample_scorecard.hpp"

#include <gtest/gtest.h>

using namespace jixiao;

namespace {

using jixiao::testing::dec;
using jixiao::testing::sampleCard;
using jixiao::testing::sampleFunding;

Indicator& leafAt(Scorecard& card, int index) {
    std::vector<Indicator*> leaves;
    forEachLeaf(card, [&](Indicator& i) { leaves.push_back(&i); });
    return *leaves.at(std::size_t(index));
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

// A funding table's 实际支出合计 row is a sum row: its items decide it, as recompute writes it.
TEST(FundingFigures, TheItemsDecideAFundingTablesSumRow) {
    auto funding = sampleFunding();
    funding.actual = 3; // typed wrongly: validation reports funding.items-sum
    funding.actualCell = {4, 1, "B5"};
    const auto figures = deriveFunding(funding);
    EXPECT_EQ(figures.actual, dec("1.99"));
    EXPECT_EQ(figures.shares[0]->toString(2), "36.18");
}

// 实际支出 stated elsewhere (a property, the prose) is the report's statement: quoted as stated, the items'
// sum only reported (issue 24: the sections said 1.99 where the document said 2).
TEST(FundingFigures, AStatedActualSpendingIsQuotedAsStated) {
    auto funding = sampleFunding();
    funding.actual = 2;
    const auto figures = deriveFunding(funding);
    EXPECT_EQ(figures.actual, Decimal(2));
    EXPECT_EQ(figures.itemsSum, dec("1.99"));
    EXPECT_EQ(figures.shares[0]->toString(2), "36");
    EXPECT_EQ(figures.executionRate, Decimal(100));
    funding.actual.reset(); // nothing states it: the items' sum
    EXPECT_EQ(deriveFunding(funding).actual, dec("1.99"));
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

TEST(ScoreFigures, ALeafDeductionIsWeightMinusAValidScoreOnly) {
    auto card = sampleCard();
    EXPECT_EQ(leafDeduction(leafAt(card, 17)), Decimal(3)); // 经济效益 3 of 6
    EXPECT_EQ(leafDeduction(leafAt(card, 0)), Decimal(0));
    leafAt(card, 1).score = dec("1.125");
    EXPECT_EQ(leafDeduction(leafAt(card, 1)), dec("0.875")); // exact, not rounded
    leafAt(card, 1).score = 3;                               // worth 2
    EXPECT_FALSE(leafDeduction(leafAt(card, 1)));
    leafAt(card, 1).score = -1;
    EXPECT_FALSE(leafDeduction(leafAt(card, 1)));
    leafAt(card, 1).score.reset();
    EXPECT_FALSE(leafDeduction(leafAt(card, 1)));
}

TEST(ScoreFigures, ScoreRateOfALeafAndOfASubtotal) {
    auto card = sampleCard();
    EXPECT_EQ(scoreRate(leafAt(card, 17)), Decimal(50));
    EXPECT_EQ(scoreRate(card.indicators[3])->toString(2), "90"); // 效果 27 of 30
    leafAt(card, 0).score.reset();
    EXPECT_FALSE(scoreRate(card.indicators[0]));
    Indicator nothing;
    nothing.score = 0;
    EXPECT_FALSE(scoreRate(nothing)); // a weight of 0: no rate, not a division by zero
}
