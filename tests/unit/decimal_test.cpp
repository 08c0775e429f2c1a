#include "core/text/decimal.hpp"
#include "test_decimal.hpp"

#include <gtest/gtest.h>

using jixiao::Decimal;

namespace {
using jixiao::testing::dec;
} // namespace

TEST(Decimal, ParsesPlainDecimals) {
    EXPECT_EQ(dec("1.99").units(), 1'990'000);
    EXPECT_EQ(dec("-0.5").units(), -500'000);
    EXPECT_EQ(dec("+3").units(), 3'000'000);
    EXPECT_EQ(dec(".5").units(), 500'000);
    EXPECT_FALSE(Decimal::parse(""));
    EXPECT_FALSE(Decimal::parse("."));
    EXPECT_FALSE(Decimal::parse("1.2.3"));
    EXPECT_FALSE(Decimal::parse("1e5"));
    EXPECT_FALSE(Decimal::parse("99999999999999999999"));
}

TEST(Decimal, ParseBoundsMagnitudesSoArithmeticNeverOverflows) {
    EXPECT_EQ(dec("1000000000").units(), Decimal::kMaxParsedWhole * Decimal::kScale);
    EXPECT_EQ(dec("-1000000000").units(), -Decimal::kMaxParsedWhole * Decimal::kScale);
    EXPECT_FALSE(Decimal::parse("1000000000.000001"));
    EXPECT_FALSE(Decimal::parse("5000000000000"));
    // Nine thousand of the largest figures (more than any table or report holds) still add up exactly.
    Decimal sum;
    for (int i = 0; i < 9'000; ++i)
        sum += dec("999999999.999999");
    EXPECT_EQ(sum.toString(3), "8999999999999.991");
}

TEST(Decimal, RoundsExtraDigitsHalfUpOnParse) {
    EXPECT_EQ(dec("0.0000005").units(), 1);
    EXPECT_EQ(dec("0.0000004").units(), 0);
}

TEST(Decimal, RoundsHalfUpAwayFromZero) {
    EXPECT_EQ(dec("36.185").toString(), "36.19");
    EXPECT_EQ(dec("36.184999").toString(), "36.18");
    EXPECT_EQ(dec("-2.345").toString(), "-2.35");
    EXPECT_EQ(dec("2.675").toFixed(2), "2.68"); // 2.675 is 2.67499… in binary floating point
}

TEST(Decimal, WritesWithoutTrailingZerosOrFixed) {
    EXPECT_EQ(Decimal(2).toString(), "2");
    EXPECT_EQ(dec("99.50").toString(), "99.5");
    EXPECT_EQ(Decimal(2).toFixed(2), "2.00");
    EXPECT_EQ(dec("99.5").toFixed(2), "99.50");
    EXPECT_EQ(dec("-0.001").toString(), "0");
}

TEST(Decimal, SampleSharesAreExact) {
    const Decimal actual = dec("1.99");
    EXPECT_EQ(Decimal::percent(dec("0.72"), actual)->toString(), "36.18");
    EXPECT_EQ(Decimal::percent(dec("1.13"), actual)->toString(), "56.78");
    EXPECT_EQ(Decimal::percent(dec("0.14"), actual)->toString(), "7.04");
    EXPECT_EQ(Decimal::percent(actual, Decimal(2))->toString(), "99.5");
    EXPECT_FALSE(Decimal::percent(actual, Decimal(0)));
}

TEST(Decimal, Arithmetic) {
    EXPECT_EQ(dec("0.1") + dec("0.2"), dec("0.3"));
    EXPECT_EQ(Decimal(10) - dec("0.5"), dec("9.5"));
    EXPECT_EQ(dec("0.3") * Decimal(3), dec("0.9"));
    EXPECT_EQ(Decimal::divide(Decimal(1), Decimal(3))->units(), 333'333);
    EXPECT_EQ(Decimal::divide(Decimal(2), Decimal(3))->units(), 666'667);
    EXPECT_EQ(dec("5.5").clamp(0, 5), Decimal(5));
}

// The checked operations (issue 24): two figures inside the bound may combine beyond it; the answer is then
// "not computable", never std::overflow_error.
TEST(Decimal, CheckedOperationsAtTheBound) {
    const Decimal most = Decimal::fromUnits(Decimal::kMaxParsedWhole * Decimal::kScale); // 10^9
    const Decimal least = Decimal::fromUnits(1);                                         // 0.000001
    ASSERT_EQ(Decimal::parse("1000000000"), most);
    ASSERT_EQ(Decimal::parse("0.000001"), least);
    EXPECT_EQ(Decimal::product(most, 10000), std::nullopt); // 10^9 万元 in 元
    EXPECT_EQ(Decimal::product(most, 9300), std::nullopt);  // 9.3 · 10^18 units
    EXPECT_EQ(Decimal::product(most, 9000), Decimal::fromUnits(9'000'000'000'000'000'000)); // fits
    EXPECT_EQ(Decimal::product(-most, most), std::nullopt);
    EXPECT_EQ(Decimal::product(least, least), Decimal(0)); // 10^-12 rounds to 0 at six decimals
    EXPECT_EQ(Decimal::divide(most, least), std::nullopt); // 10^15
    EXPECT_EQ(Decimal::divide(most, Decimal::fromUnits(1000)), Decimal::fromUnits(1'000'000'000'000'000'000));
    EXPECT_EQ(Decimal::percent(most, least), std::nullopt);
    EXPECT_EQ(Decimal::percent(-most, least), std::nullopt);
    EXPECT_EQ(Decimal::percent(most, most), Decimal(100));
    EXPECT_EQ(Decimal::percent(least, most), Decimal(0));
    EXPECT_EQ(Decimal::divide(most, 0), std::nullopt);
}
