// Report properties from the text a document stores (core/model/report_properties.hpp): what a 年度 or an
// amount is, for the deck, a macro and the batch alike, and what the deck refuses to store.
#include "core/model/report_properties.hpp"

#include "core/text/decimal.hpp"

#include <gtest/gtest.h>

using namespace jixiao;

namespace {

StoredProperties stored(std::string year, std::string budget = {}, std::string actual = {}) {
    StoredProperties properties;
    properties.unit = "富民县信访局";
    properties.project = "热线办理工作经费";
    properties.year = std::move(year);
    properties.budget = std::move(budget);
    properties.actual = std::move(actual);
    return properties;
}

} // namespace

TEST(ReportProperties, ReadsTheStoredText) {
    auto text = stored("2025", "120", "96.5");
    text.gradeBands = "优秀 ≥ 95；良好 ≥ 80；中 ≥ 60；差 < 60";
    const auto properties = parseReportProperties(text);
    EXPECT_EQ(properties.unit, "富民县信访局");
    EXPECT_EQ(properties.project, "热线办理工作经费");
    EXPECT_EQ(properties.year, 2025);
    EXPECT_EQ(properties.budget, Decimal(120));
    EXPECT_EQ(properties.actual, *Decimal::parse("96.5"));
    EXPECT_EQ(properties.gradeBands, text.gradeBands);
    EXPECT_FALSE(properties.rolledForward);
}

TEST(ReportProperties, AmountsAreWanYuan) {
    const auto properties = parseReportProperties(stored("", "1,200,000元", "96.5万元"));
    EXPECT_EQ(properties.budget, Decimal(120));
    EXPECT_EQ(properties.actual, *Decimal::parse("96.5"));
    EXPECT_FALSE(parseReportProperties(stored("", "5%", "很多")).budget);
    EXPECT_FALSE(parseReportProperties(stored("", "5%", "很多")).actual);
}

// A year a report cannot be about is no year: the title, captions and headings are not held to it.
TEST(ReportProperties, AYearOutsideTheReportRangeIsNoYear) {
    EXPECT_EQ(parseReportProperties(stored("1900")).year, 1900);
    EXPECT_EQ(parseReportProperties(stored("2100")).year, 2100);
    EXPECT_EQ(parseReportProperties(stored("2025.0")).year, 2025); // a number property the office shows so
    EXPECT_FALSE(parseReportProperties(stored("1899")).year);
    EXPECT_FALSE(parseReportProperties(stored("2101")).year);
    EXPECT_FALSE(parseReportProperties(stored("120000")).year);
    EXPECT_FALSE(parseReportProperties(stored("-2025")).year);
    EXPECT_FALSE(parseReportProperties(stored("2025元")).year);
    EXPECT_FALSE(parseReportProperties(stored("二〇二五")).year);
    EXPECT_FALSE(parseReportProperties(stored("")).year);
}

TEST(ReportProperties, TheRolledForwardMarkRoundTrips) {
    auto text = stored("2026");
    text.rolledForward = "2025 abc def";
    const auto properties = parseReportProperties(text);
    ASSERT_TRUE(properties.rolledForward);
    EXPECT_EQ(properties.rolledForward->fromYear, 2025);
    EXPECT_EQ(properties.rolledForward->paragraphs, (std::set<std::string>{"abc", "def"}));
    EXPECT_EQ(formatRolledForward(*properties.rolledForward), "2025 abc def");
    text.rolledForward = "not a year";
    EXPECT_FALSE(parseReportProperties(text).rolledForward);
}

TEST(ReportProperties, TypedFieldsAreStoredAsTheyRead) {
    const auto typed = parseTypedProperties("单位", "项目", " 2025 ", "1,200,000元", "");
    ASSERT_TRUE(typed.properties);
    EXPECT_EQ(typed.properties->unit, "单位");
    EXPECT_EQ(typed.properties->year, 2025);
    EXPECT_EQ(typed.properties->budget, Decimal(120));
    EXPECT_FALSE(typed.properties->actual); // empty: no value, not an error
    EXPECT_TRUE(typed.problem.empty());
}

TEST(ReportProperties, TheFirstFieldThatIsNoNumberIsRefused) {
    const auto typed = parseTypedProperties("", "", "2025", "一百万", "abc");
    EXPECT_FALSE(typed.properties);
    EXPECT_EQ(typed.problem, "error.metadata-number");
    EXPECT_EQ(typed.field, "budget");
    EXPECT_EQ(typed.found, "一百万");
    EXPECT_EQ(parseTypedProperties("", "", "", "", "abc").field, "actual");
    EXPECT_EQ(parseTypedProperties("", "", "今年", "", "").field, "year");
}

TEST(ReportProperties, ATypedYearOutsideTheReportRangeIsRefused) {
    for (const std::string year : {"3025", "1025", "20250", "2025元"}) {
        const auto typed = parseTypedProperties("", "", year, "", "");
        EXPECT_FALSE(typed.properties) << year;
        EXPECT_EQ(typed.problem, "error.metadata-year") << year;
        EXPECT_EQ(typed.field, "year") << year;
        EXPECT_EQ(typed.found, year) << year;
    }
}

// The properties hold 万元; a funding table or a self-evaluation block in 元 gets them ×10000, and gives
// them back ÷10000, so the deck, the sections and validation see one figure for the same money.
TEST(ReportProperties, AmountsFillAFundingInYuanConverted) {
    ReportProperties properties;
    properties.budget = Decimal::parse("12.5");
    properties.actual = Decimal::parse("11.25");
    Scorecard card;
    card.funding.unit = "元";
    applyReportProperties(properties, card);
    ASSERT_TRUE(card.funding.budget && card.funding.actual);
    EXPECT_EQ(card.funding.budget->toFixed(2), "125000.00");
    EXPECT_EQ(card.funding.actual->toFixed(2), "112500.00");
    const ReportProperties back = reportPropertiesOf(card);
    ASSERT_TRUE(back.budget && back.actual);
    EXPECT_EQ(back.budget->toFixed(2), "12.50");
    EXPECT_EQ(back.actual->toFixed(2), "11.25");
}

TEST(ReportProperties, AmountsInWanYuanAreTakenAsTheyAre) {
    ReportProperties properties;
    properties.budget = Decimal::parse("12.5");
    Scorecard card; // 万元 unless a table says otherwise
    applyReportProperties(properties, card);
    ASSERT_TRUE(card.funding.budget);
    EXPECT_EQ(card.funding.budget->toFixed(2), "12.50");
    EXPECT_EQ(reportPropertiesOf(card).budget->toFixed(2), "12.50");
}

TEST(ReportProperties, AnAmountInAnotherUnitIsNeitherFilledNorStored) {
    ReportProperties properties;
    properties.budget = Decimal::parse("12.5");
    Scorecard card;
    card.funding.unit = "千元";
    applyReportProperties(properties, card);
    EXPECT_FALSE(card.funding.budget);
    card.funding.budget = Decimal::parse("125");
    EXPECT_FALSE(reportPropertiesOf(card).budget);
}
