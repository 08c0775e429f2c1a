// A number cell whose format hides part of its value is named as the cause of figures that do not add up in
// print (core/check/hidden_decimals.hpp).
#include "core/check/hidden_decimals.hpp"

#include "core/assemble.hpp"
#include "funding_fixture.hpp"
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

using namespace jixiao;

namespace {

constexpr int kEconomicRow = 18, kScore = 6; // 经济效益: 得分 G19 shows 3

Report reportOf(const std::vector<Grid>& tables) {
    DocumentSnapshot snapshot;
    snapshot.tables = tables;
    return assemble(snapshot);
}

} // namespace

TEST(HiddenDecimals, AScoreShowingLessThanItHoldsIsNamed) {
    Grid grid = jixiao::testing::sampleScoreGrid();
    grid.at(kEconomicRow, kScore).stored = "3.4";
    const auto findings = hiddenDecimalFindings(reportOf({grid}));
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].ruleId, "cell.hidden-decimals");
    EXPECT_EQ(findings[0].severity, Severity::Warning);
    EXPECT_EQ(findings[0].location.cell, "G19");
    EXPECT_EQ(findings[0].args.at("shown"), "3");
    EXPECT_EQ(findings[0].args.at("stored"), "3.4");
}

TEST(HiddenDecimals, WhatTheCellShowsWholeIsNoFinding) {
    Grid grid = jixiao::testing::sampleScoreGrid();
    grid.at(kEconomicRow, kScore).stored = "3";
    grid.at(kEconomicRow - 1, kScore).stored =
        "4.0000001"; // beyond the core's six decimals: nobody prints it
    EXPECT_TRUE(hiddenDecimalFindings(reportOf({grid})).empty());
}

TEST(HiddenDecimals, AFundingAmountIsNamedAndAShareShownAsAPercentageIsNot) {
    Grid funding = jixiao::testing::sampleFundingGrid();
    funding.at(1, 1).text = "0.7"; // 工资补助, formatted to one decimal
    funding.at(1, 1).stored = "0.72";
    funding.at(1, 1).address = "B2";
    funding.at(2, 2).text = "57%"; // 社保缴费's share, a percentage rounded for print
    funding.at(2, 2).stored = "0.5678";
    const auto findings = hiddenDecimalFindings(reportOf({jixiao::testing::sampleScoreGrid(), funding}));
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].location.cell, "B2");
    EXPECT_EQ(findings[0].args.at("stored"), "0.72");
}
