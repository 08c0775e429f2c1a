// The funding a report states only in its prose: read from the sample and from paragraphs written in the
// styles other reports use, and every contradiction found at the number that states it.
#include "core/check/validate.hpp"
#include "core/read/grid_reader.hpp"
#include "core/read/prose_funding.hpp"
#include "core/text/utf8.hpp"
#include "core/write/narrative.hpp"
#include "prose_test_helpers.hpp"
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>

using namespace jixiao;
using jixiao::testing::codePointOffset;
using jixiao::testing::dec;
using jixiao::testing::paragraphStarting;
using jixiao::testing::replaceIn;

namespace {

// Validation of a report without a funding table and without 预算/实际支出 properties.
std::vector<Finding> run(const std::vector<std::string>& paragraphs, const Scorecard& card = {}) {
    return validate({card, paragraphs, std::nullopt, std::nullopt}, jixiao::testing::messageCatalog(),
                    "zh-CN");
}

std::vector<Finding> proseFindings(const std::vector<Finding>& findings) {
    std::vector<Finding> out;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
                 [](const Finding& f) { return f.ruleId.starts_with("prose."); });
    return out;
}

std::string describe(const std::vector<Finding>& findings) {
    std::string text;
    for (const auto& f : findings)
        text += f.ruleId + " @" + std::to_string(f.location.paragraph) + ": " + f.message + "\n";
    return text;
}

// The one finding expected, at `paragraph`, selecting `number` (searched after `after`).
void expectOne(const std::vector<Finding>& findings, const std::string& rule, const std::string& paragraph,
               int index, std::string_view number, std::string_view after = {}) {
    const auto prose = proseFindings(findings);
    ASSERT_EQ(prose.size(), 1u) << describe(findings);
    EXPECT_EQ(prose[0].ruleId, rule) << describe(findings);
    EXPECT_EQ(prose[0].severity, Severity::Error);
    EXPECT_EQ(prose[0].location.kind, Location::Kind::Paragraph);
    EXPECT_EQ(prose[0].location.paragraph, index);
    EXPECT_EQ(prose[0].location.offset, codePointOffset(paragraph, number, after));
    EXPECT_EQ(prose[0].location.length, int(decodeUtf8(number).size()));
}

} // namespace

// ---- reading the figures ----

TEST(FundingFromProse, TheSampleStatesBudgetActualAndThreeItemsIn10kYuan) {
    const auto funding = fundingFromProse(jixiao::testing::sampleParagraphs());
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->unit, "万元");
    EXPECT_EQ(funding->budget, Decimal(2));
    EXPECT_EQ(funding->actual, dec("1.99"));
    ASSERT_EQ(funding->items.size(), 3u);
    // "0.72万" without 元 is 万元.
    EXPECT_EQ(funding->items[0].name, "发放热线办理工作人员工资补助");
    EXPECT_EQ(funding->items[0].amount, dec("0.72"));
    EXPECT_EQ(funding->items[1].name, "社保缴费支出");
    EXPECT_EQ(funding->items[1].amount, dec("1.13"));
    EXPECT_EQ(funding->items[2].name, "劳务派遣服务费支出");
    EXPECT_EQ(funding->items[2].amount, dec("0.14"));
}

TEST(FundingFromProse, YearEndBudgetAndExecutionFigures) {
    const auto funding =
        fundingFromProse({"该项目年初预算数为50万元，全年预算数为50万元，全年执行数为48.6万元，"
                          "预算执行率为97.2%。"});
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->budget, Decimal(50));
    EXPECT_EQ(funding->actual, dec("48.6"));
    EXPECT_TRUE(funding->items.empty());
}

TEST(FundingFromProse, AmountsInYuanWithThousandsSeparatorsStayInYuan) {
    const auto funding = fundingFromProse(
        {"项目年初预算资金120,000元，实际支出118,800元。其中：培训费38,800元；印刷费50,000元；"
         "专家咨询费共计30,000元。"});
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->unit, "元");
    EXPECT_EQ(funding->budget, Decimal(120000));
    EXPECT_EQ(funding->actual, Decimal(118800));
    ASSERT_EQ(funding->items.size(), 3u);
    EXPECT_EQ(funding->items[1].name, "印刷费");
    EXPECT_EQ(funding->items[2].name, "专家咨询费");
    EXPECT_EQ(funding->items[2].amount, Decimal(30000));
}

TEST(FundingFromProse, HundredMillionYuanIsConvertedTo10kYuan) {
    const auto funding = fundingFromProse({"省级下达资金1.2亿元，实际支出1.15亿元。"});
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->unit, "万元");
    EXPECT_EQ(funding->budget, Decimal(12000));
    EXPECT_EQ(funding->actual, Decimal(11500));
}

TEST(FundingFromProse, TheFigureQuotedMostOftenWinsOverAFirstTypo) {
    const auto funding =
        fundingFromProse({"实际支出1.98万元。", "实际支出1.99万元。", "实际支出资金1.99万元。"});
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->actual, dec("1.99"));
}

TEST(FundingFromProse, AFundingSourceBreakdownIsNotSpending) {
    const auto funding = fundingFromProse({"项目预算资金2万元，其中：上级补助资金1万元，县级配套资金1万元。实"
                                           "际支出1.99万元，其中用于工资补助0.72万元、"
                                           "社保缴费1.13万元、劳务派遣服务费0.14万元。"});
    ASSERT_TRUE(funding);
    ASSERT_EQ(funding->items.size(), 3u);
    EXPECT_EQ(funding->items[0].name, "工资补助");
}

TEST(FundingFromProse, ThresholdsAndCountsAreNotFigures) {
    EXPECT_FALSE(
        fundingFromProse({"单笔支出超过5万元的须集体决策，2025年共办理交办件3794件，满意率95%以上。"}));
    EXPECT_FALSE(fundingFromProse({}));
}

// ---- the sample report: nothing on the unchanged text, each planted contradiction at its number ----

TEST(ProseFundingChecks, TheUnchangedSampleHasNoContradiction) {
    const auto paragraphs = jixiao::testing::sampleParagraphs();
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));
    const auto card = readScoreTable(jixiao::testing::sampleScoreGrid());
    const auto withTable = run(paragraphs, card);
    EXPECT_TRUE(proseFindings(withTable).empty()) << describe(withTable);
    for (const auto& f : withTable)
        EXPECT_FALSE(f.ruleId.starts_with("narrative.")) << f.ruleId << ": " << f.message;
}

TEST(ProseFundingChecks, AnItemChangedInTheSourcesParagraphIsFoundAtThatNumber) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int sources = paragraphStarting(paragraphs, "按照富财行");
    replaceIn(paragraphs[std::size_t(sources)], "劳务派遣服务费支出0.14万", "劳务派遣服务费支出0.15万");
    const auto findings = run(paragraphs);
    expectOne(findings, "prose.item-amount", paragraphs[std::size_t(sources)], sources, "0.15");
    EXPECT_EQ(proseFindings(findings)[0].message,
              "此处所述“劳务派遣服务费支出”金额0.15万元与正文其他处所述0.14万元不一致");
}

TEST(ProseFundingChecks, AnItemChangedInTheCostBenefitParagraphIsFoundAtThatNumber) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int costs = paragraphStarting(paragraphs, "该项目2025年预算资金2万元，年内实际支出1.99万元");
    replaceIn(paragraphs[std::size_t(costs)], "社保缴费支出1.13万元", "社保缴费支出1.23万元");
    expectOne(run(paragraphs), "prose.item-amount", paragraphs[std::size_t(costs)], costs, "1.23");
}

TEST(ProseFundingChecks, ItemsThatDoNotAddUpWhenTheReportListsThemOnce) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int costs = paragraphStarting(paragraphs, "该项目2025年预算资金2万元，年内实际支出1.99万元");
    paragraphs.erase(paragraphs.begin() + costs);
    const int sources = paragraphStarting(paragraphs, "按照富财行");
    std::string& text = paragraphs[std::size_t(sources)];
    replaceIn(text, "工资补助0.72万", "工资补助0.82万");
    const auto prose = proseFindings(run(paragraphs));
    ASSERT_EQ(prose.size(), 1u) << describe(prose);
    EXPECT_EQ(prose[0].ruleId, "prose.items-sum");
    EXPECT_EQ(prose[0].location.paragraph, sources);
    // The selection runs from the first item's amount to the end of the last one's.
    const int first = codePointOffset(text, "0.82");
    EXPECT_EQ(prose[0].location.offset, first);
    EXPECT_EQ(prose[0].location.length, codePointOffset(text, "0.14") + 4 - first);
    EXPECT_EQ(prose[0].message, "此处所列各项支出之和为2.09万元，与正文所述实际支出1.99万元不一致");
}

TEST(ProseFundingChecks, AShareChangedIsFoundAtThatPercentage) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int costs = paragraphStarting(paragraphs, "该项目2025年预算资金2万元，年内实际支出1.99万元");
    replaceIn(paragraphs[std::size_t(costs)], "占总支出的56.78%", "占总支出的57.78%");
    const auto findings = run(paragraphs);
    expectOne(findings, "prose.item-share", paragraphs[std::size_t(costs)], costs, "57.78");
    EXPECT_EQ(proseFindings(findings)[0].args.at("expected"), "56.78");
    EXPECT_EQ(proseFindings(findings)[0].args.at("item"), "社保缴费支出");
}

TEST(ProseFundingChecks, TheExecutionRateChangedInTheConclusion) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int conclusion = paragraphStarting(paragraphs, "经认真对照");
    replaceIn(paragraphs[std::size_t(conclusion)], "预算执行率99.5%", "预算执行率99.6%");
    const auto findings = run(paragraphs, readScoreTable(jixiao::testing::sampleScoreGrid()));
    expectOne(findings, "prose.execution-rate", paragraphs[std::size_t(conclusion)], conclusion, "99.6");
    EXPECT_EQ(proseFindings(findings)[0].message,
              "此处所述预算执行率99.6%，按正文所述实际支出与预算计算应为99.5%");
}

TEST(ProseFundingChecks, TheBudgetQuotedDifferentlyOnce) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int implementation = paragraphStarting(paragraphs, "该项目2025年预算资金2万元，年内实际支出资金");
    replaceIn(paragraphs[std::size_t(implementation)], "预算资金2万元", "预算资金3万元");
    const auto prose = proseFindings(run(paragraphs));
    // 3 is quoted once, 2 twice: the odd one out is reported, and the rate computed from the majority agrees.
    ASSERT_EQ(prose.size(), 1u) << describe(prose);
    EXPECT_EQ(prose[0].ruleId, "prose.budget");
    EXPECT_EQ(prose[0].location.paragraph, implementation);
}

TEST(ProseFundingChecks, ATableOrPropertiesTurnTheProseChecksOff) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int conclusion = paragraphStarting(paragraphs, "经认真对照");
    replaceIn(paragraphs[std::size_t(conclusion)], "预算执行率99.5%", "预算执行率99.6%");
    Funding stated;
    stated.budget = 2;
    stated.actual = dec("1.99");
    const auto findings =
        validate({readScoreTable(jixiao::testing::sampleScoreGrid()), paragraphs, stated, std::nullopt},
                 jixiao::testing::messageCatalog(), "zh-CN");
    EXPECT_TRUE(proseFindings(findings).empty()) << describe(findings);
    EXPECT_EQ(std::count_if(findings.begin(), findings.end(),
                            [](const Finding& f) { return f.ruleId == "narrative.execution-rate"; }),
              1);
}

// ---- phrasings of other reports, in yuan and in 万元 ----

TEST(ProseFundingChecks, ReportInYuanWithThousandsSeparators) {
    std::vector<std::string> paragraphs = {
        "某县农业农村局2024年度农技推广项目支出绩效自评报告",
        "项目年初预算资金120,000元，实际支出118,800元，预算执行率99%。其中：培训费38,800元；印刷费50,000元；"
        "专家咨询费30,000元。",
        "从成本看，培训费38,800元，占实际支出的32.66%；印刷费50,000元，占实际支出的42.09%；专家咨询费30,"
        "000元，"
        "占实际支出的25.25%。",
    };
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));

    replaceIn(paragraphs[2], "42.09%", "42.90%");
    expectOne(run(paragraphs), "prose.item-share", paragraphs[2], 2, "42.90");

    replaceIn(paragraphs[2], "42.90%", "42.09%");
    replaceIn(paragraphs[1], "预算执行率99%", "预算执行率98%");
    expectOne(run(paragraphs), "prose.execution-rate", paragraphs[1], 1, "98");
}

TEST(ProseFundingChecks, YuanAndTenThousandYuanCompareAfterConversion) {
    std::vector<std::string> paragraphs = {
        "该项目全年预算数12万元，全年执行数11.88万元。",
        "截至年底，项目累计支出118,800元，执行率99%。",
    };
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));
    replaceIn(paragraphs[1], "118,800元", "118,000元");
    // Quoted once each: the first statement is the reference, and the rate is computed from it (99%).
    const auto prose = proseFindings(run(paragraphs));
    ASSERT_EQ(prose.size(), 1u) << describe(prose);
    EXPECT_EQ(prose[0].ruleId, "prose.actual");
    EXPECT_EQ(prose[0].location.offset, codePointOffset(paragraphs[1], "118,000"));
    EXPECT_EQ(prose[0].message, "此处所述实际支出11.8万元与正文其他处所述实际支出11.88万元不一致");
}

TEST(ProseFundingChecks, SharesAreHalfUpAtTwoDecimals) {
    // 0.14 ÷ 1.99 = 7.0351…% → 7.04 (half-up); 7.03 is wrong, 7.035 as written rounds to 7.04 and agrees.
    const std::vector<std::string> written = {
        "实际支出1.99万元，其中用于工资补助0.72万元、社保缴费1.13万元、劳务派遣服务费0.14万元。",
        "劳务派遣服务费0.14万元，占总支出的7.035%。",
    };
    EXPECT_TRUE(proseFindings(run(written)).empty()) << describe(run(written));
    auto wrong = written;
    replaceIn(wrong[1], "7.035%", "7.03%");
    expectOne(run(wrong), "prose.item-share", wrong[1], 1, "7.03");
}

// ---- the sections written from the prose funding ----

TEST(ProseFundingSections, CostBenefitQuotesEveryFigureOfTheSample) {
    Scorecard card;
    card.meta.year = 2025;
    card.funding = *fundingFromProse(jixiao::testing::sampleParagraphs());
    const auto patterns =
        NarrativePatterns::load(std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension/narrative/zh-CN.json");
    const auto text = generateSection(card, "cost-benefit", patterns).at(0);
    EXPECT_EQ(
        text,
        "该项目2025年预算资金2万元，年内实际支出1.99万元，占年初预算的99.5%。资金主要用于发放热线办理工作"
        "人员工资补助、社保缴费和劳务派遣服务费支出，其中发放热线办理工作人员工资补助0.72万元，占总支出的"
        "36.18%，社保缴费支出1.13万元，占总支出的56.78%，劳务派遣服务费支出0.14万元，占总支出的7.04%。");
    // Written back into the report, the section agrees with the rest of the prose.
    auto paragraphs = jixiao::testing::sampleParagraphs();
    paragraphs.push_back(text);
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));
}

// ---- entered budget and spending, items from the prose ----

TEST(CompletedFromProse, EnteredFiguresKeepTheProseItemsInTheirUnit) {
    const auto prose =
        fundingFromProse({"项目预算120,000元，实际支出118,800元。其中：培训费38,800元；印刷费50,000元；"
                          "专家咨询费30,000元。"});
    Funding entered;
    entered.budget = 12;
    entered.actual = dec("11.88");
    const Funding completed = completedFromProse(entered, prose);
    EXPECT_EQ(completed.budget, Decimal(12));
    ASSERT_EQ(completed.items.size(), 3u);
    EXPECT_EQ(completed.items[0].amount, dec("3.88"));
    // Nothing entered: the prose's funding as it is; items entered: left alone.
    EXPECT_EQ(completedFromProse({}, prose), *prose);
    Funding withItems = entered;
    withItems.items = {{"培训费", dec("3.88"), {}, {}, {}}};
    EXPECT_EQ(completedFromProse(withItems, prose).items.size(), 1u);
    EXPECT_EQ(completedFromProse(entered, std::nullopt), entered);
}

TEST(CompletedFromProse, SavingTheFiguresKeepsTheItemsChecked) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int costs = paragraphStarting(paragraphs, "该项目2025年预算资金2万元，年内实际支出1.99万元");
    replaceIn(paragraphs[std::size_t(costs)], "占总支出的56.78%", "占总支出的57.78%");
    Funding entered;
    entered.budget = 2;
    entered.actual = dec("1.99");
    auto findings = validate({Scorecard{}, paragraphs, entered, std::nullopt},
                             jixiao::testing::messageCatalog(), "zh-CN");
    std::erase_if(findings,
                  [](const Finding& f) { return f.ruleId == "year.mismatch"; }); // the caption's 2024
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_EQ(findings[0].ruleId, "narrative.item-share");
    EXPECT_EQ(findings[0].location.paragraph, costs);
}

// ---- what is not spending ----

TEST(FundingFromProse, LeftoverAfterTheItemsIsNeitherAnItemNorTheBudget) {
    const std::vector<std::string> paragraphs = {"项目预算资金2万元，实际支出1.99万元，其中工资补助0."
                                                 "72万元、社保缴费1.13万元、劳务派遣服务费0.14万元，"
                                                 "预算结余0.01万元。"};
    const auto funding = fundingFromProse(paragraphs);
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->budget, Decimal(2));
    EXPECT_EQ(funding->items.size(), 3u);
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));
}

TEST(FundingFromProse, ASourceOfOneItemIsNotTheSpendingBreakdown) {
    const std::vector<std::string> paragraphs = {
        "该项目预算资金2万元，其中县级财政拨款2万元。",
        "全年实际支出1.98万元，支出分别为工资补助0.72万元、社保缴费1.13万元、劳务派遣服务费0.14万元。",
    };
    const auto funding = fundingFromProse(paragraphs);
    ASSERT_TRUE(funding);
    ASSERT_EQ(funding->items.size(), 3u);
    EXPECT_EQ(funding->items[0].name, "工资补助"); // after 分别为
    // The spending list does not add up to 1.98: it is the only one, so its sum is the finding.
    const auto prose = proseFindings(run(paragraphs));
    ASSERT_EQ(prose.size(), 1u) << describe(prose);
    EXPECT_EQ(prose[0].ruleId, "prose.items-sum");
    EXPECT_EQ(prose[0].location.paragraph, 1);
}

TEST(ProseFundingChecks, SharesInBracketsAndRatesReached) {
    std::vector<std::string> paragraphs = {
        "年初预算数8万元，全年执行数7.6万元，预算执行率达到95%。",
        "资金具体用于：设备购置费4.56万元（占60%），运行维护费3.04万元（占40%）。",
    };
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));
    replaceIn(paragraphs[1], "（占40%）", "（占45%）");
    expectOne(run(paragraphs), "prose.item-share", paragraphs[1], 1, "45");
}

// ---- the national self-evaluation style: 年初预算数, 全年预算数, 全年执行数 ----

TEST(ProseFundingChecks, AnAdjustedBudgetIsTheBaseOfTheRateAndTheInitialOneIsNotChecked) {
    std::vector<std::string> paragraphs = {
        "该项目年初预算数10万元，全年预算数12万元，全年执行数11.5万元，预算执行率95.83%。",
        "全年执行数占年初预算的115%，主要是年中追加了预算。",
        "项目全年预算数为12万元，资金全部到位。",
    };
    const auto funding = fundingFromProse(paragraphs);
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->budget, Decimal(12));
    EXPECT_EQ(funding->actual, dec("11.5"));
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));

    replaceIn(paragraphs[0], "预算执行率95.83%", "预算执行率95.8%");
    expectOne(run(paragraphs), "prose.execution-rate", paragraphs[0], 0, "95.8");
    replaceIn(paragraphs[0], "预算执行率95.8%", "预算执行率95.83%");
    replaceIn(paragraphs[2], "12万元", "13万元");
    expectOne(run(paragraphs), "prose.budget", paragraphs[2], 2, "13");
}

TEST(ProseFundingChecks, WithoutAnAdjustedBudgetTheInitialOneIsTheBudget) {
    std::vector<std::string> paragraphs = {
        "该项目年初预算数10万元，全年执行数9.5万元，预算执行率95%。",
        "项目年初预算10万元，执行数9.5万元。",
    };
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));
    replaceIn(paragraphs[1], "年初预算10万元", "年初预算11万元");
    const auto prose = proseFindings(run(paragraphs));
    ASSERT_EQ(prose.size(), 1u) << describe(prose);
    EXPECT_EQ(prose[0].ruleId, "prose.budget");
    EXPECT_EQ(prose[0].location.paragraph, 1);
}

TEST(FundingFromProse, AmountsBeyondTheCoresBoundAreNotFigures) {
    // Kept in 元, "90000亿元" would be 9×10^12 元: beyond Decimal::kMaxParsedWhole, so it is left out rather
    // than overflowing.
    const std::vector<std::string> paragraphs = {"项目预算资金120,000元，实际支出118,800元。",
                                                 "另据统计，全省实际支出90000亿元，其中本项目90000亿元。"};
    const auto funding = fundingFromProse(paragraphs);
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->actual, Decimal(118800));
    EXPECT_TRUE(funding->items.empty());
    EXPECT_NO_THROW(run(paragraphs));
}

// ---- lists that name only the main items ----

TEST(ProseFundingChecks, MainItemsThatLeaveSomeSpendingUnnamedAreNoFinding) {
    const std::vector<std::string> mainly = {"项目预算10万元，实际支出9.5万元。",
                                             "资金主要用于办公设备购置3万元、培训费2万元。"};
    EXPECT_TRUE(proseFindings(run(mainly)).empty()) << describe(run(mainly));
    const std::vector<std::string> etc = {"项目预算10万元，实际支出9.5万元。",
                                          "其中办公设备购置3万元、培训费2万元等。"};
    EXPECT_TRUE(proseFindings(run(etc)).empty()) << describe(run(etc));
    // They are not all the items either: the spending stays as stated, and no item list is made of them.
    const auto funding = *fundingFromProse(mainly);
    EXPECT_EQ(funding.actual, dec("9.5"));
    EXPECT_TRUE(funding.items.empty());
}

TEST(ProseFundingChecks, MainItemsThatExceedTheSpendingAreStillFound) {
    const std::vector<std::string> paragraphs = {"项目预算10万元，实际支出9.5万元。",
                                                 "资金主要用于办公设备购置6万元、培训费5万元。"};
    const auto prose = proseFindings(run(paragraphs));
    ASSERT_EQ(prose.size(), 1u) << describe(prose);
    EXPECT_EQ(prose[0].ruleId, "prose.items-sum");
}

TEST(ProseFundingChecks, AFullListAfterAMainlySentenceIsStillHeldToTheSpending) {
    // The sample's shape: "主要用于A、B和C，其中A 0.72万元…": the amounts follow 其中, so they are all the
    // items.
    const std::vector<std::string> paragraphs = {
        "项目预算10万元，实际支出9.5万元。",
        "资金主要用于办公设备购置和培训，其中办公设备购置3万元、培训费2万元。"};
    const auto prose = proseFindings(run(paragraphs));
    ASSERT_EQ(prose.size(), 1u) << describe(prose);
    EXPECT_EQ(prose[0].ruleId, "prose.items-sum");
}

TEST(ProseFundingChecks, TheUnitsWholeBudgetIsNotTheProjectsInAProjectReport) {
    // A project's report often opens with the unit's own figures; they are neither the project's budget
    // nor its spending, nor the base of its execution rate.
    std::vector<std::string> paragraphs = {
        "某县农业农村局2025年度农村饮水安全项目支出绩效评价报告",
        "我局2025年部门预算收入合计1234.56万元，部门支出总额1180万元，部门预算执行率95.58%。",
        "该项目2025年预算资金20万元，实际支出19.5万元，预算执行率97.5%。",
        "部门预算安排本项目资金20万元。",
    };
    const auto funding = fundingFromProse(paragraphs);
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->budget, Decimal(20));
    EXPECT_EQ(funding->actual, dec("19.5"));
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));
    // The project's own figures are still checked, also where the sentence names the department's budget.
    replaceIn(paragraphs[3], "20万元", "21万元");
    expectOne(run(paragraphs), "prose.budget", paragraphs[3], 3, "21");
}

TEST(ProseFundingChecks, InADepartmentReportTheDepartmentsFiguresAreTheReports) {
    std::vector<std::string> paragraphs = {
        "某县农业农村局2025年度部门整体支出绩效评价报告",
        "我局2025年部门预算收入合计1234.56万元，部门支出总额1180万元，预算执行率95.58%。",
        "全年部门预算1234.56万元，资金全部到位。",
    };
    const auto funding = fundingFromProse(paragraphs);
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->budget, dec("1234.56"));
    EXPECT_EQ(funding->actual, Decimal(1180));
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty()) << describe(run(paragraphs));
    replaceIn(paragraphs[2], "1234.56万元", "1243.56万元");
    expectOne(run(paragraphs), "prose.budget", paragraphs[2], 2, "1243.56");
}

// An area list in 万亩 beside the spending is no list of items (issue 24: prose.items-sum said "items add up
// to 1.52万元" for 0.8万亩 + 0.72万亩).
TEST(ProseFundingChecks, AnAreaListIsNotAnItemList) {
    const std::vector<std::string> paragraphs = {
        "该项目预算资金20万元，实际支出19.8万元，其中用于苗木采购12万元、抚育管护7.8万元。",
        "全年完成造林1.52万亩，其中：新造林0.8万亩、补植补造0.72万亩，带动务工1.2万人次。"};
    const auto funding = fundingFromProse(paragraphs);
    ASSERT_TRUE(funding);
    EXPECT_EQ(funding->actual, dec("19.8"));
    ASSERT_EQ(funding->items.size(), 2u);
    EXPECT_TRUE(proseFindings(run(paragraphs)).empty());
}

// Figures at the documented bound combine beyond it (a rate over a budget of 0.000001万元, a share of
// 10^9万元): the check is skipped, never an internal overflow (issue 24).
TEST(ProseFundingChecks, FiguresAtTheBoundRaiseNoInternalError) {
    const std::vector<std::string> paragraphs = {
        "该项目预算资金0.000001万元，实际支出1000000000万元，预算执行率5%，其中用于甲1000000000万元、乙0."
        "000001万元，"
        "甲占总支出的5%，占年初预算的7%。",
        "预算资金1000000000亿元，实际支出0.000001元。"};
    EXPECT_NO_THROW((void)run(paragraphs));
    Scorecard card;
    card.funding.budget = Decimal::parse("0.000001");
    card.funding.actual = Decimal::parse("1000000000");
    EXPECT_NO_THROW((void)run(paragraphs, card));
}
