#include "core/derive/figures.hpp"
#include "core/model/user_error.hpp"
#include "core/write/narrative.hpp"

#include "core/read/grid_reader.hpp"
#include "sample_fixture.hpp"
#include "test_decimal.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

using namespace jixiao;

namespace {

std::filesystem::path patternDir() {
    return std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension/narrative";
}
NarrativePatterns zh() {
    return NarrativePatterns::load(patternDir() / "zh-CN.json");
}
NarrativePatterns en() {
    return NarrativePatterns::load(patternDir() / "en.json");
}

using jixiao::testing::dec;

Indicator leaf(const char* name, int weight, const char* score, const char* reason = "") {
    Indicator i;
    i.name = name;
    i.weight = weight;
    i.score = dec(score);
    i.reason = reason;
    return i;
}

Indicator parent(Level level, const char* name, std::vector<Indicator> children) {
    Indicator i;
    i.level = level;
    i.name = name;
    i.children = std::move(children);
    i.weight = weightOf(i);
    i.labelWeight = i.weight;
    return i;
}

const char* const kEconomicReason =
    "热线工作侧重于保持和促进社会和谐稳定，在投入产出评价指标方面难以用数据体现，对经济效益"
    "影响不太明显。";

// The sample report's table reduced to names, weights, scores and the one reason, with the funding its
// prose quotes (names as the 成本效益分析 paragraph uses them).
Scorecard sampleCard() {
    Scorecard card;
    card.meta.unit = "富民县信访局";
    card.meta.project = "热线办理工作经费";
    card.meta.year = 2025;
    const Level L2 = Level::Second;
    card.indicators = {
        parent(Level::First, "决策",
               {parent(L2, "项目立项",
                       {leaf("项目立项规范性", 1, "1"), leaf("绩效目标合理性", 2, "2"),
                        leaf("绩效指标明确性", 4, "4")}),
                parent(L2, "资金落实", {leaf("资金到位率", 1, "1"), leaf("到位及时率", 2, "2")})}),
        parent(Level::First, "过程",
               {parent(L2, "业务管理",
                       {leaf("管理制度健全性", 4, "4"), leaf("制度执行有效性", 5, "5"),
                        leaf("项目质量可控性", 5, "5"), leaf("资金分配的合理性", 2, "2"),
                        leaf("预算执行率", 2, "2")}),
                parent(L2, "财务管理",
                       {leaf("管理制度健全性", 3, "3"), leaf("资金使用合规性", 5, "5"),
                        leaf("财务监控有效性", 4, "4")})}),
        parent(Level::First, "产出",
               {parent(L2, "项目产出",
                       {leaf("完成数量", 10, "10"), leaf("完成及时性", 4, "4"), leaf("质量达标率", 12, "12"),
                        leaf("资金变动率", 4, "4")})}),
        parent(Level::First, "效果",
               {parent(L2, "项目效益",
                       {leaf("经济效益", 6, "3", kEconomicReason), leaf("社会效益", 8, "8"),
                        leaf("可持续影响", 6, "6"), leaf("服务对象满意度", 10, "10")})}),
    };
    card.funding.budget = 2;
    card.funding.actual = dec("1.99");
    card.funding.items = {{"工资补助", dec("0.72"), {}, {}, {}},
                          {"社保缴费", dec("1.13"), {}, {}, {}},
                          {"劳务派遣服务费", dec("0.14"), {}, {}, {}}};
    return card;
}

std::string one(const std::vector<std::string>& paragraphs) {
    EXPECT_EQ(paragraphs.size(), 1u);
    return paragraphs.empty() ? std::string() : paragraphs.front();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// No placeholder or optional segment survived filling.
void expectFilled(const std::string& text) {
    EXPECT_EQ(text.find('{'), std::string::npos) << text;
    EXPECT_EQ(text.find('['), std::string::npos) << text;
}

} // namespace

TEST(Narrative, SectionIdsInReportOrder) {
    EXPECT_EQ(sectionIds(), (std::vector<std::string>{"conclusion", "cost-benefit", "funding-usage",
                                                      "deductions", "analysis", "problems"}));
}

TEST(Narrative, UnknownSectionIsRejectedByName) {
    try {
        generateSection(sampleCard(), "summary", zh());
        FAIL() << "no exception";
    } catch (const UserError& e) {
        EXPECT_TRUE(contains(e.what(), "summary")) << e.what();
    }
}

TEST(Narrative, SampleCostBenefitQuotesEveryFigure) {
    const std::string text = one(generateSection(sampleCard(), "cost-benefit", zh()));
    for (const char* figure :
         {"预算资金2万元", "实际支出1.99万元", "占年初预算的99.5%", "工资补助0.72万元，占总支出的36.18%",
          "社保缴费1.13万元，占总支出的56.78%", "劳务派遣服务费0.14万元，占总支出的7.04%"})
        EXPECT_TRUE(contains(text, figure)) << figure << " missing from " << text;
    EXPECT_TRUE(contains(text, "该项目2025年预算资金")) << text;
    EXPECT_TRUE(contains(text, "资金主要用于工资补助、社保缴费和劳务派遣服务费支出")) << text;
    expectFilled(text);
}

TEST(Narrative, FixedTwoDecimalsWhenAsked) {
    NarrativeOptions options;
    options.fixedTwoDecimals = true;
    const std::string text = one(generateSection(sampleCard(), "cost-benefit", zh(), options));
    for (const char* figure : {"2.00万元", "1.99万元", "99.50%", "0.72万元", "36.18%", "7.04%"})
        EXPECT_TRUE(contains(text, figure)) << figure << " missing from " << text;
    EXPECT_FALSE(contains(text, "99.5%")) << text;
}

TEST(Narrative, SampleConclusionQuotesTotalGradeAndTheLostPoints) {
    const std::string text = one(generateSection(sampleCard(), "conclusion", zh()));
    EXPECT_TRUE(contains(text, "总分值100分")) << text;
    EXPECT_TRUE(contains(text, "总得分97分")) << text;
    EXPECT_TRUE(contains(text, "评价等级为“优秀”")) << text;
    EXPECT_TRUE(contains(text, "“经济效益”指标扣3分，原因是热线工作侧重于保持和促进社会和谐稳定")) << text;
    // The table's caption as the office writes it (年度), not the sample prose's own quote (2025年…).
    EXPECT_TRUE(contains(text, "《富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表》"))
        << text;
    EXPECT_FALSE(contains(text, "不太明显。。")) << text; // the reason's own full stop is not doubled
    expectFilled(text);
}

TEST(Narrative, ConclusionUsesTheTableTitleWhenKnown) {
    Scorecard card = sampleCard();
    card.meta.title = "某某打分表";
    EXPECT_TRUE(contains(one(generateSection(card, "conclusion", zh())), "对照《某某打分表》"));
}

// Without a caption read from the document the conclusion quotes the caption the table is given
// (core/write/score_table_caption): "年度" as the table says it, a department's whole spending rather than an
// empty project, the generic name only when the unit or the project is unknown.
TEST(Narrative, ConclusionQuotesTheTablesCaptionWhenNoneIsRead) {
    Scorecard card = sampleCard();
    card.meta.title.clear();
    EXPECT_TRUE(contains(one(generateSection(card, "conclusion", zh())),
                         "对照《富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表》"));
    card.meta.project.clear();
    NarrativeOptions department;
    department.subjectKind = "department";
    const std::string text = one(generateSection(card, "conclusion", zh(), department));
    EXPECT_TRUE(contains(text, "对照《富民县信访局2025年度部门整体支出绩效评价指标体系及打分表》")) << text;
    EXPECT_TRUE(
        contains(one(generateSection(card, "conclusion", en(), department)),
                 "“富民县信访局 2025 overall departmental expenditure performance evaluation indicators "
                 "and scoring table”"));
    EXPECT_TRUE(contains(one(generateSection(card, "conclusion", zh())), "对照《绩效评价指标体系及打分表》"));
    card.meta.unit.clear();
    EXPECT_TRUE(contains(one(generateSection(card, "conclusion", zh(), department)),
                         "对照《绩效评价指标体系及打分表》"));
}

TEST(Narrative, ConclusionFollowsTheGradeBands) {
    Scorecard card = sampleCard();
    card.indicators[2].children[0].children[2].score = 0; // 质量达标率 12 → 0: total 85
    const std::string text = one(generateSection(card, "conclusion", zh()));
    EXPECT_TRUE(contains(text, "总得分85分，评价等级为“良好”")) << text;
    EXPECT_TRUE(contains(text, "“质量达标率”指标扣12分；“经济效益”指标扣3分")) << text;
}

TEST(Narrative, ConclusionWithoutAllScoresGivesNoGrade) {
    Scorecard card = sampleCard();
    card.indicators[0].children[0].children[0].score.reset();
    const std::string text = one(generateSection(card, "conclusion", zh()));
    EXPECT_FALSE(contains(text, "评价等级为")) << text;
    EXPECT_TRUE(contains(text, "尚有指标未评分")) << text;
}

TEST(Narrative, DeductionsOneSentencePerIndicatorThatLostPoints) {
    const auto paragraphs = generateSection(sampleCard(), "deductions", zh());
    ASSERT_EQ(paragraphs.size(), 1u);
    EXPECT_EQ(paragraphs[0],
              std::string("“经济效益”指标分值6分，评价得分3分，扣3分。扣分原因：") +
                  "热线工作侧重于保持和促进社会和谐稳定，在投入产出评价指标方面难以用数据体现，"
                  "对经济效益影响不太明显。");
}

TEST(Narrative, DeductionsSayNoneWhenEveryIndicatorIsFull) {
    Scorecard card = sampleCard();
    card.indicators[3].children[0].children[0].score = 6;
    EXPECT_EQ(generateSection(card, "deductions", zh()),
              std::vector<std::string>{"各项指标均得满分，无扣分情况。"});
}

TEST(Narrative, DeductionWithoutReasonOmitsTheReasonClause) {
    Scorecard card = sampleCard();
    card.indicators[3].children[0].children[0].reason.clear();
    EXPECT_EQ(one(generateSection(card, "deductions", zh())), "“经济效益”指标分值6分，评价得分3分，扣3分。");
}

TEST(Narrative, FundingUsageNamesUnitProjectAndItems) {
    const std::string text = one(generateSection(sampleCard(), "funding-usage", zh()));
    EXPECT_EQ(
        text,
        "富民县信访局2025年预算安排“热线办理工作经费”2万元，实际支出资金1.99万元，其中用于工资补助0.72万元、"
        "社保缴费1.13万元、劳务派遣服务费0.14万元。");
}

TEST(Narrative, MissingFundingSaysSoInsteadOfInventingFigures) {
    Scorecard card = sampleCard();
    card.funding = {};
    const std::string text = one(generateSection(card, "cost-benefit", zh()));
    EXPECT_EQ(text, "暂无该项目的预算及支出数据。");
}

TEST(Narrative, CostBenefitWithoutBudgetOrYear) {
    Scorecard card = sampleCard();
    card.funding.budget.reset();
    card.meta.year.reset();
    const std::string text = one(generateSection(card, "cost-benefit", zh()));
    EXPECT_TRUE(contains(text, "该项目实际支出1.99万元。")) << text;
    EXPECT_FALSE(contains(text, "预算")) << text;
}

TEST(Narrative, UnitCostWhenTheOutputCountIsKnown) {
    Scorecard card = sampleCard();
    card.funding.outputCount = 3794;
    card.funding.outputName = "办理12345政务热线交办件";
    card.funding.outputUnit = "件";
    const std::string text = one(generateSection(card, "cost-benefit", zh()));
    // 19900元 / 3794件 = 5.2451… → 5.25
    EXPECT_TRUE(contains(text, "全年办理12345政务热线交办件共计3794件，平均每件成本5.25元。")) << text;
}

TEST(Narrative, AnalysisOneParagraphPerFirstLevel) {
    const auto paragraphs = generateSection(sampleCard(), "analysis", zh());
    ASSERT_EQ(paragraphs.size(), 4u);
    EXPECT_EQ(paragraphs[0], "“决策”指标分值10分，得分10分，得分率100%。其中“项目立项”分值7分，得分7分；"
                             "“资金落实”分值3分，得分3分。各项指标均得满分。");
    EXPECT_TRUE(contains(paragraphs[3], "“效果”指标分值30分，得分27分，得分率90%。")) << paragraphs[3];
    EXPECT_TRUE(contains(paragraphs[3], "扣分指标为“经济效益”（扣3分）。")) << paragraphs[3];
}

TEST(Narrative, EnglishSections) {
    const Scorecard card = sampleCard();
    const std::string conclusion = one(generateSection(card, "conclusion", en()));
    EXPECT_TRUE(contains(conclusion, "scored 97 points, graded “Excellent”")) << conclusion;
    EXPECT_TRUE(contains(conclusion, "“经济效益” (deduction: 3), because")) << conclusion;
    const std::string cost = one(generateSection(card, "cost-benefit", en()));
    for (const char* figure :
         {"budget for 2025 was 2 ×10,000 yuan", "1.99 ×10,000 yuan", "99.5% of the budget",
          "工资补助 0.72 ×10,000 yuan (36.18% of spending)", "56.78%", "7.04%"})
        EXPECT_TRUE(contains(cost, figure)) << figure << " missing from " << cost;
    Scorecard plain = card; // the reason is Chinese data; everything else must come from the English patterns
    plain.indicators[3].children[0].children[0].reason = "no data";
    for (const auto& id : sectionIds())
        for (const auto& paragraph : generateSection(plain, id, en())) {
            expectFilled(paragraph);
            EXPECT_FALSE(contains(paragraph, "，")) << paragraph; // no Chinese punctuation from the patterns
        }
}

TEST(Narrative, LoadForLanguagePicksTheFile) {
    EXPECT_EQ(NarrativePatterns::loadForLanguage(patternDir(), "zh_CN").language(), "zh-CN");
    EXPECT_EQ(NarrativePatterns::loadForLanguage(patternDir(), "zh").language(), "zh-CN");
    EXPECT_EQ(NarrativePatterns::loadForLanguage(patternDir(), "en-US").language(), "en");
}

TEST(NarrativePatterns, ShippedFilesHaveTheSameKeys) {
    EXPECT_EQ(zh().keys(), en().keys());
}

TEST(NarrativePatterns, MissingPatternIsNamed) {
    const auto patterns = NarrativePatterns::fromJson(R"({"patterns": {}})", "empty.json");
    try {
        generateSection(sampleCard(), "deductions", patterns);
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_TRUE(contains(e.what(), "empty.json")) << e.what();
        EXPECT_TRUE(contains(e.what(), "deductions.item")) << e.what();
    }
}

TEST(NarrativePatterns, RejectsMalformedFiles) {
    EXPECT_THROW(NarrativePatterns::fromJson("{", "x"), std::runtime_error);
    EXPECT_THROW(NarrativePatterns::fromJson(R"({"lang": "en"})", "x"), std::runtime_error);
    EXPECT_THROW(NarrativePatterns::fromJson(R"({"patterns": {"a": 1}})", "x"), std::runtime_error);
    EXPECT_THROW(NarrativePatterns::load("/nonexistent.json"), std::runtime_error);
}

TEST(RenderPattern, OptionalSegmentsDropWhenAValueIsMissingOrEmpty) {
    EXPECT_EQ(renderPattern("该项目[{year}年]预算", {{"year", "2025"}}), "该项目2025年预算");
    EXPECT_EQ(renderPattern("该项目[{year}年]预算", {}), "该项目预算");
    EXPECT_EQ(renderPattern("该项目[{year}年]预算", {{"year", ""}}), "该项目预算");
    EXPECT_EQ(renderPattern("{a}和{b}", {{"a", "甲"}}), "甲和{b}");
    EXPECT_EQ(renderPattern("[{a}", {{"a", "1"}}), "[1");
}

TEST(Narrative, SampleTableReadFromTheDocument) {
    Scorecard card = readScoreTable(jixiao::testing::sampleScoreGrid());
    card.meta.title = "富民县信访局2025年热线办理工作经费支出绩效评价指标体系及打分表";
    card.meta.year = 2025; // the sample table has no title row: the year comes from the report
    card.funding = sampleCard().funding;
    const std::string conclusion = one(generateSection(card, "conclusion", zh()));
    EXPECT_TRUE(contains(conclusion, "总分值100分，总得分97分，评价等级为“优秀”。")) << conclusion;
    EXPECT_TRUE(contains(conclusion, "“经济效益”指标扣3分，原因是热线工作侧重于")) << conclusion;
    EXPECT_EQ(one(generateSection(card, "cost-benefit", zh())),
              one(generateSection(sampleCard(), "cost-benefit", zh())));
    EXPECT_EQ(generateSection(card, "analysis", zh()).size(), 4u);
}

// The funding figures the sections quote are deriveFunding's, the ones the funding table and the deck show:
// with items listed, actual spending is their sum even when a different total was typed (validation reports
// funding.items-sum), and the shares and the execution rate follow from it.
TEST(Narrative, FundingSectionsQuoteTheFundingFigures) {
    Scorecard card = sampleCard();
    card.funding.actual = 3;
    card.funding.actualCell = {4, 1, "B5"}; // a funding table's sum row, which its items decide
    const auto figures = deriveFunding(card.funding);
    const std::string text = one(generateSection(card, "cost-benefit", zh()));
    EXPECT_TRUE(contains(text, "实际支出" + figures.actual->toString(2) + "万元")) << text;
    EXPECT_TRUE(contains(text, "占年初预算的" + figures.executionRate->toString(2) + "%")) << text;
    for (const auto& share : figures.shares)
        EXPECT_TRUE(contains(text, "占总支出的" + share->toString(2) + "%")) << text;
    EXPECT_FALSE(contains(text, "实际支出3万元")) << text;
    const std::string usage = one(generateSection(card, "funding-usage", zh()));
    EXPECT_TRUE(contains(usage, figures.actual->toString(2) + "万元")) << usage;

    // Items without a typed total: the items' sum is the actual spending, not "no data".
    card.funding.actual.reset();
    EXPECT_TRUE(contains(one(generateSection(card, "cost-benefit", zh())), "实际支出1.99万元"));

    // Stated outside a table (the 实际支出 property): quoted as the document states it, shares of it too.
    card.funding.actualCell = {};
    card.funding.actual = 2;
    const std::string stated = one(generateSection(card, "cost-benefit", zh()));
    EXPECT_TRUE(contains(stated, "实际支出2万元")) << stated;
    EXPECT_TRUE(contains(stated, "占总支出的36%")) << stated;
}

// A score outside 0‥分值 lost nothing yet (its 扣分 is empty, as recompute writes it): the deductions name
// only the leaves whose figure is a deduction, and the analysis gives no rate for a subtotal without a score.
TEST(Narrative, DeductionsAreTheFiguresDeductions) {
    Scorecard card = sampleCard();
    card.indicators[0].children[0].children[0].score = -1; // 项目立项规范性, worth 1
    const auto paragraphs = generateSection(card, "deductions", zh());
    ASSERT_EQ(paragraphs.size(), 1u);
    EXPECT_FALSE(contains(paragraphs[0], "项目立项规范性")) << paragraphs[0];
    const std::string analysis = generateSection(card, "analysis", zh()).at(0);
    EXPECT_FALSE(contains(analysis, "项目立项规范性")) << analysis;
    EXPECT_FALSE(contains(analysis, "%")) << analysis;
}

// At the documented bound (10^9 of a unit), actual × 10000 for a unit cost in 元 does not fit: the user is
// told so (a UserError with its message), never an internal overflow (issue 24). Rates beyond the range are
// left out.
TEST(Narrative, FiguresAtTheBoundAreAMessageNotAnInternalError) {
    Scorecard card = sampleCard();
    card.funding.items.clear();
    card.funding.actual = Decimal::parse("1000000000");
    card.funding.budget = Decimal::parse("0.000001");
    card.funding.outputCount = 1;
    try {
        (void)generateSection(card, "cost-benefit", zh());
        ADD_FAILURE() << "no message for a unit cost beyond the range";
    } catch (const UserError& e) {
        EXPECT_EQ(e.key(), "error.unit-cost-out-of-range");
    }
    card.funding.outputCount.reset();
    const std::string text = one(generateSection(card, "cost-benefit", zh()));
    EXPECT_TRUE(contains(text, "实际支出1000000000万元")) << text;
    EXPECT_NO_THROW((void)generateSection(card, "funding-usage", zh()));
}
