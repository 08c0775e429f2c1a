// The one report summary (core/derive/report_summary.hpp) the deck, jixiao-batch, the sections and validation
// read.
#include "core/derive/report_summary.hpp"

#include "sample_scorecard.hpp"

#include <gtest/gtest.h>

using namespace jixiao;
using jixiao::testing::dec;
using jixiao::testing::sampleCard;
using jixiao::testing::sampleFunding;

namespace {

Indicator& firstLeaf(Scorecard& card) {
    Indicator* first = nullptr;
    forEachLeaf(card, [&](Indicator& leaf) { first = first ? first : &leaf; });
    return *first;
}

} // namespace

TEST(ReportSummary, TheSample) {
    const auto summary = summarizeReport(sampleCard(), sampleFunding());
    EXPECT_EQ(summary.total, Decimal(97));
    EXPECT_EQ(summary.weight, Decimal(100));
    EXPECT_EQ(summary.grade, "优秀");
    EXPECT_EQ(summary.levelOne.size(), sampleCard().indicators.size());
    EXPECT_EQ(summary.executionRate->toString(2), "99.5");
    EXPECT_EQ(summary.leaves, 21);
    EXPECT_EQ(summary.scoredLeaves, 21);
}

// Issue 24: the deck showed 总分 "—" while jixiao-batch printed the typed 合计 and graded it. The typed 合计
// is supported by no row while a score is missing or out of range: neither shown nor graded.
TEST(ReportSummary, NoTotalWhileAScoreIsMissingOrOutOfRangeWhateverTheTyped合计Says) {
    Scorecard card = sampleCard();
    card.totals.score = 97;
    card.totals.grade = "优秀";
    firstLeaf(card).score.reset();
    auto summary = summarizeReport(card);
    EXPECT_FALSE(summary.total);
    EXPECT_EQ(summary.grade, "");
    EXPECT_EQ(summary.scoredLeaves, 20);
    EXPECT_FALSE(summary.levelOne.front().score);
    EXPECT_TRUE(summary.levelOne.back().score);

    firstLeaf(card).score = dec("1.5"); // worth 1
    summary = summarizeReport(card);
    EXPECT_FALSE(summary.total);
    EXPECT_EQ(summary.grade, "");
}

// Issue 21 item 5: the batch's workbook shows 预算, 实际支出 and 预算执行率 from this summary, as the deck
// does; 实际支出 is the stated figure, else the items' sum (deriveFunding), and the rate follows it.
TEST(ReportSummary, FundingFiguresAreTheFundingGiven) {
    auto summary = summarizeReport(sampleCard(), sampleFunding());
    EXPECT_EQ(summary.budget, Decimal(2));
    EXPECT_EQ(summary.actual, dec("1.99"));

    Funding itemsOnly = sampleFunding();
    itemsOnly.actual.reset();
    summary = summarizeReport(sampleCard(), itemsOnly);
    EXPECT_EQ(summary.actual, dec("1.99"));
    EXPECT_EQ(summary.executionRate->toString(2), "99.5");

    summary = summarizeReport(sampleCard(), Funding{});
    EXPECT_FALSE(summary.budget);
    EXPECT_FALSE(summary.actual);
    EXPECT_FALSE(summary.executionRate);
}

// Issue 19 item 7: while the table is being scored the deck shows a running total ("已评 18/21 项，得分 86"):
// the sum of the valid scores so far; a score out of range counts neither as scored nor in the sum.
TEST(ReportSummary, RunningTotalIsTheSumOfTheValidScoresSoFar) {
    Scorecard card = sampleCard();
    EXPECT_EQ(summarizeReport(card).scoredSum, Decimal(97)); // complete: the running total is the total

    Indicator& first = firstLeaf(card);
    const Decimal firstScore = *first.score;
    first.score.reset();
    auto summary = summarizeReport(card);
    EXPECT_EQ(summary.scoredLeaves, 20);
    EXPECT_EQ(summary.scoredSum, Decimal(97) - firstScore);

    first.score = first.weight + Decimal(1); // out of range
    summary = summarizeReport(card);
    EXPECT_EQ(summary.scoredLeaves, 20);
    EXPECT_EQ(summary.scoredSum, Decimal(97) - firstScore);

    forEachLeaf(card, [](Indicator& leaf) { leaf.score.reset(); });
    summary = summarizeReport(card);
    EXPECT_EQ(summary.scoredLeaves, 0);
    EXPECT_EQ(summary.scoredSum, Decimal(0));
}
