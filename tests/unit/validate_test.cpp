#include "core/check/validate.hpp"

#include "core/derive/figures.hpp"
#include "core/derive/recompute.hpp"
#include "core/read/grid_reader.hpp"
#include "core/write/grid_writer.hpp"
#include "core/write/templates.hpp"
#include "prose_test_helpers.hpp"
#include "sample_fixture.hpp"
#include "sample_scorecard.hpp"
#include "self_evaluation_fixture.hpp"
#include "test_grid.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

using namespace jixiao;
using jixiao::testing::codePointOffset;
using jixiao::testing::dec;
using jixiao::testing::paragraphStarting;
using jixiao::testing::replaceIn;
using jixiao::testing::sampleCard;
using jixiao::testing::sampleFunding;

namespace {

std::vector<Finding> run(const Scorecard& card, std::vector<std::string> paragraphs = {},
                         std::optional<Funding> funding = std::nullopt, std::string_view lang = "zh-CN") {
    return validate({card, std::move(paragraphs), std::move(funding), std::nullopt},
                    jixiao::testing::messageCatalog(), lang);
}

std::vector<Finding> withRule(const std::vector<Finding>& findings, std::string_view ruleId) {
    std::vector<Finding> out;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
                 [&](const Finding& f) { return f.ruleId == ruleId; });
    return out;
}

std::set<std::string> ruleIds(const std::vector<Finding>& findings) {
    std::set<std::string> ids;
    for (const auto& f : findings)
        ids.insert(f.ruleId);
    return ids;
}

// The sample's leaves in table order: 0 项目立项规范性 … 15 质量达标率, 17 经济效益, 20 服务对象满意度.
Indicator& leaf(Scorecard& card, int index) {
    std::vector<Indicator*> leaves;
    forEachLeaf(card, [&](Indicator& i) { leaves.push_back(&i); });
    return *leaves.at(std::size_t(index));
}
constexpr int kEconomic = 17;
constexpr int kQuality = 15; // 质量达标率 (12分)

// A two-level card with cell addresses, for rules the sample cannot show.
Scorecard smallCard() {
    Scorecard card;
    card.tableName = "表格1";
    auto makeLeaf = [](const char* name, int weight, int score, int row) {
        Indicator i;
        i.name = name;
        i.weight = weight;
        i.labelWeight = weight;
        i.score = score;
        i.deduction = weight - score;
        const std::string r = std::to_string(row);
        i.cells.name = {row, 1, "B" + r};
        i.cells.weight = {row, 2, "C" + r};
        i.cells.score = {row, 3, "D" + r};
        i.cells.deduction = {row, 4, "E" + r};
        i.cells.reason = {row, 5, "F" + r};
        return i;
    };
    Indicator a;
    a.level = Level::First;
    a.name = "决策";
    a.weight = 40;
    a.labelWeight = 40;
    a.cells.name = {1, 0, "A2"};
    a.children = {makeLeaf("项目立项", 40, 40, 1)};
    Indicator b = a;
    b.name = "效果";
    b.weight = 60;
    b.labelWeight = 60;
    b.cells.name = {2, 0, "A3"};
    b.children = {makeLeaf("满意度", 60, 60, 2)};
    card.indicators = {a, b};
    card.totals.weight = 100;
    card.totals.score = 100;
    card.totals.deduction = 0;
    card.totals.weightCell = {3, 2, "C4"};
    card.totals.scoreCell = {3, 3, "D4"};
    card.totals.deductionCell = {3, 4, "E4"};
    return card;
}

} // namespace

// ---- the sample report as it is ----

TEST(ValidateSample, FindsTheCaptionYearAndTheThreeChecklistsAndNoErrorsInTheNumbers) {
    const auto paragraphs = jixiao::testing::sampleParagraphs();
    const auto findings = run(sampleCard(), paragraphs, sampleFunding());

    const auto years = withRule(findings, "year.mismatch");
    ASSERT_EQ(years.size(), 1u);
    EXPECT_EQ(years[0].location.kind, Location::Kind::Paragraph);
    EXPECT_EQ(years[0].location.paragraph, int(paragraphs.size()) - 1);
    EXPECT_EQ(paragraphs.back(), " 富民县信访局2024年度热线办理工作经费支出绩效评价指标体系及打分表");
    EXPECT_EQ(years[0].location.offset, 7);
    EXPECT_EQ(years[0].location.length, 4);
    EXPECT_EQ(years[0].message, "此处年份为2024年，与报告年度2025年不一致");

    std::vector<std::string> checklists;
    for (const auto& f : withRule(findings, "rule.checklist-max")) {
        checklists.push_back(f.indicator + "@" + f.location.cell);
        EXPECT_EQ(f.severity, Severity::Warning);
    }
    EXPECT_EQ(checklists,
              (std::vector<std::string>{"项目立项规范性@F2", "制度执行有效性@F8", "管理制度健全性@F12"}));
    EXPECT_EQ(withRule(findings, "rule.checklist-max")[0].message,
              "“项目立项规范性”的评价标准共3项、每项扣0.5分，最多扣1.5分，与分值1分不一致");

    std::set<std::string> judged;
    for (const auto& f : withRule(findings, "rule.not-computable")) {
        judged.insert(f.indicator);
        EXPECT_EQ(f.severity, Severity::Info);
    }
    for (const char* name : {"经济效益", "社会效益", "可持续影响"})
        EXPECT_TRUE(judged.contains(name)) << name;
    EXPECT_FALSE(judged.contains("项目立项规范性"));
    EXPECT_FALSE(judged.contains("服务对象满意度"));

    for (const auto& f : findings)
        if (f.ruleId != "year.mismatch") {
            EXPECT_NE(f.severity, Severity::Error) << f.ruleId << ": " << f.message;
        }
    EXPECT_EQ(ruleIds(findings),
              (std::set<std::string>{"year.mismatch", "rule.checklist-max", "rule.not-computable"}));
}

// A standard quoted verbatim from a shipped template is the template's, not the user's: validation does not
// judge the standard itself (issue 11: every fresh table warned about its template). Changed by one
// character, it is the user's again.
TEST(ValidateSample, StandardsOfTheShippedTemplatesAreNotJudged) {
    Scorecard card = sampleCard();
    const std::string standard = leaf(card, 0).standard; // 项目立项规范性: 3 × 0.5 ≠ 1
    ValidationInput input{card, {}, std::nullopt, std::nullopt, {standardKey(standard)}};
    auto checklists =
        withRule(validate(input, jixiao::testing::messageCatalog(), "zh-CN"), "rule.checklist-max");
    ASSERT_EQ(checklists.size(), 2u);
    EXPECT_EQ(checklists[0].indicator, "制度执行有效性");

    replaceIn(leaf(card, 0).standard, "扣0.5分", "扣0.4分");
    ValidationInput changed{card, {}, std::nullopt, std::nullopt, {standardKey(standard)}};
    checklists =
        withRule(validate(changed, jixiao::testing::messageCatalog(), "zh-CN"), "rule.checklist-max");
    ASSERT_EQ(checklists.size(), 3u);
    EXPECT_EQ(checklists[0].indicator, "项目立项规范性");
    // The same standard with its line breaks written differently is still the template's.
    EXPECT_EQ(standardKey("①甲；\r\n②乙。 一项不符合扣1分"), standardKey("①甲；\n②乙。一项不符合扣1分"));
}

TEST(ValidateSample, ReadingOrderPutsTheTableAfterItsCaption) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int conclusion = paragraphStarting(paragraphs, "经认真对照");
    replaceIn(paragraphs[std::size_t(conclusion)], "总得分97分", "总得分96分");
    const auto findings = run(sampleCard(), paragraphs, sampleFunding());
    ASSERT_GE(findings.size(), 4u);
    EXPECT_EQ(findings[0].ruleId, "narrative.total");
    EXPECT_EQ(findings[1].ruleId, "year.mismatch");
    EXPECT_EQ(findings[2].location.cell, "F2");
    for (std::size_t i = 2; i < findings.size(); ++i)
        EXPECT_EQ(findings[i].location.kind, Location::Kind::Cell) << findings[i].ruleId;
}

// Findings in the same place keep the order validation found them in (indicators in table order): many
// findings without a location, more than an unstable sort leaves alone.
TEST(ValidateSample, FindingsInOnePlaceKeepTheirOrder) {
    Scorecard card;
    Indicator top;
    top.level = Level::First;
    top.name = "一级";
    for (int k = 1; k <= 40; ++k) {
        Indicator leaf;
        leaf.name = "指标" + std::to_string(k);
        leaf.weight = dec("2.5"); // no score, no cells: score.missing without a location
        top.children.push_back(std::move(leaf));
    }
    card.indicators.push_back(std::move(top));
    const auto findings = run(card);
    ASSERT_EQ(findings.size(), 40u);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        EXPECT_EQ(findings[i].ruleId, "score.missing");
        EXPECT_EQ(findings[i].indicator, "指标" + std::to_string(i + 1));
    }
}

TEST(ValidateSample, EnglishMessages) {
    const auto findings = run(sampleCard(), jixiao::testing::sampleParagraphs(), sampleFunding(), "en");
    EXPECT_EQ(withRule(findings, "year.mismatch").at(0).message,
              "This names the year 2024, but the report's year is 2025");
}

// ---- weights ----

TEST(ValidateWeights, ParentDifferentFromItsChildren) {
    Scorecard card = sampleCard();
    card.indicators[0].labelWeight = 11;
    card.indicators[0].weight = 11;
    const auto found = withRule(run(card), "weight.sum-children");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].indicator, "决策");
    EXPECT_EQ(found[0].location.cell, "A2");
    EXPECT_EQ(found[0].message, "“决策”的分值为11分，但其下级指标分值之和为10分");
    EXPECT_TRUE(withRule(run(sampleCard()), "weight.sum-children").empty());
}

TEST(ValidateWeights, SecondLevelAgainstItsLeaves) {
    Scorecard card = sampleCard();
    leaf(card, 0).weight = 2; // 项目立项 (7分) now has 2 + 2 + 4
    leaf(card, 0).labelWeight = 2;
    const auto found = withRule(run(card), "weight.sum-children");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].indicator, "项目立项");
}

TEST(ValidateWeights, FirstLevelsMustTotal100) {
    Scorecard card = smallCard();
    EXPECT_TRUE(withRule(run(card), "weight.total-100").empty());
    card.indicators[1].weight = 50;
    card.indicators[1].labelWeight = 50;
    card.indicators[1].children[0].weight = 50;
    card.indicators[1].children[0].labelWeight = 50;
    card.indicators[1].children[0].score = 50;
    card.indicators[1].children[0].deduction = 0;
    const auto found = withRule(run(card), "weight.total-100");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].args.at("total"), "90");
    EXPECT_EQ(found[0].location.cell, "C4");
}

TEST(ValidateWeights, LabelDisagreesWithTheWeightCell) {
    Scorecard card = sampleCard();
    leaf(card, 1).labelWeight = 3; // 绩效目标合理性（3分）with 2 in the 分值 column
    const auto found = withRule(run(card), "weight.label-mismatch");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].indicator, "绩效目标合理性");
    EXPECT_EQ(found[0].location.cell, "C3");
    EXPECT_TRUE(withRule(run(sampleCard()), "weight.label-mismatch").empty());
}

TEST(ValidateWeights, LabelDisagreesWithATemplateParentWeight) {
    Scorecard card = smallCard();
    card.indicators[0].labelWeight = 30;
    EXPECT_EQ(withRule(run(card), "weight.label-mismatch").size(), 1u);
}

// ---- scores and deductions ----

TEST(ValidateScores, MissingScoreIsAWarning) {
    Scorecard card = sampleCard();
    leaf(card, 3).score.reset();
    leaf(card, 3).deduction.reset();
    const auto found = withRule(run(card), "score.missing");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Warning);
    EXPECT_EQ(found[0].indicator, "资金到位率");
    EXPECT_EQ(found[0].location.cell, "G5");
    EXPECT_TRUE(withRule(run(sampleCard()), "score.missing").empty());
}

TEST(ValidateScores, ScoreOutsideZeroToWeight) {
    Scorecard card = sampleCard();
    leaf(card, kEconomic).score = 7;
    leaf(card, 0).score = -1;
    const auto found = withRule(run(card), "score.range");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].indicator, "项目立项规范性");
    EXPECT_EQ(found[1].indicator, "经济效益");
    EXPECT_EQ(found[1].message, "“经济效益”的得分7分超出范围，应在0至6分之间");
    Scorecard full = sampleCard();
    leaf(full, kEconomic).score = 6; // exactly the weight is allowed
    EXPECT_TRUE(withRule(run(full), "score.range").empty());
}

TEST(ValidateScores, DeductionMustBeWeightMinusScore) {
    Scorecard card = sampleCard();
    leaf(card, kEconomic).deduction = 2;
    const auto found = withRule(run(card), "deduction.mismatch");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.cell, "H19");
    EXPECT_EQ(found[0].args.at("expected"), "3");
    EXPECT_TRUE(withRule(run(sampleCard()), "deduction.mismatch").empty());
}

TEST(ValidateScores, DeductionNeedsAReason) {
    Scorecard card = sampleCard();
    leaf(card, kEconomic).reason = " \n";
    const auto found = withRule(run(card), "deduction.reason-missing");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.cell, "I19");
    EXPECT_EQ(found[0].message, "“经济效益”扣3分，但未填写扣分原因");
    EXPECT_TRUE(withRule(run(sampleCard()), "deduction.reason-missing").empty()); // 经济效益 has its reason
}

TEST(ValidateScores, LostPointsWithoutADeductionCellStillNeedAReason) {
    Scorecard card = sampleCard();
    leaf(card, kQuality).score = 10;
    leaf(card, kQuality).deduction.reset();
    EXPECT_EQ(withRule(run(card), "deduction.reason-missing").size(), 1u);
}

// ---- the 合计 row and the grade ----

TEST(ValidateTotals, TotalRowAgainstTheSums) {
    Scorecard card = sampleCard();
    card.totals.weight = 99;
    card.totals.score = 85;
    card.totals.deduction = 15;
    const auto findings = run(card);
    ASSERT_EQ(withRule(findings, "total.weight").size(), 1u);
    EXPECT_EQ(withRule(findings, "total.weight")[0].location.cell, "B23");
    ASSERT_EQ(withRule(findings, "total.score").size(), 1u);
    EXPECT_EQ(withRule(findings, "total.score")[0].message, "合计行的得分为85分，各指标得分之和为97分");
    ASSERT_EQ(withRule(findings, "total.deduction").size(), 1u);
    EXPECT_EQ(withRule(findings, "total.deduction")[0].args.at("expected"), "3");
    const auto clean = run(sampleCard());
    for (const char* id : {"total.weight", "total.score", "total.deduction"})
        EXPECT_TRUE(withRule(clean, id).empty()) << id;
}

TEST(ValidateTotals, GradeCellAgainstTheTotal) {
    Scorecard card = sampleCard();
    card.totals.grade = "良好";
    card.totals.gradeCell = {23, 1, "B24"};
    const auto found = withRule(run(card), "grade.mismatch");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message, "评价等级填写为“良好”，总得分97分对应的等级为“优秀”");
    card.totals.grade = "优秀";
    EXPECT_TRUE(withRule(run(card), "grade.mismatch").empty());
}

// ---- funding ----

TEST(ValidateFunding, ItemsMustAddUpToActualSpending) {
    Funding f = sampleFunding();
    f.items[2].amount = dec("0.13");
    const auto found = withRule(run(sampleCard(), {}, f), "funding.items-sum");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message, "各项支出之和为1.98万元，与实际支出1.99万元不一致");
    EXPECT_TRUE(withRule(run(sampleCard(), {}, sampleFunding()), "funding.items-sum").empty());
}

TEST(ValidateFunding, EnteredShareAtTwoDecimals) {
    Scorecard card = sampleCard();
    card.fundingTableName = "表格2";
    card.funding = sampleFunding();
    card.funding.items[0].share = dec("36.18");
    card.funding.items[1].share = dec("56.78");
    card.funding.items[2].share = dec("7.05");
    card.funding.items[2].shareCell = {3, 2, "C4"};
    const auto found = withRule(run(card), "funding.share");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.table, "表格2");
    EXPECT_EQ(found[0].location.cell, "C4");
    EXPECT_EQ(found[0].args.at("expected"), "7.04");
    card.funding.items[2].share = dec("7.04");
    EXPECT_TRUE(withRule(run(card), "funding.share").empty());
}

TEST(ValidateFunding, ExecutionRate) {
    Funding f = sampleFunding();
    f.executionRate = dec("99.4");
    EXPECT_EQ(withRule(run(sampleCard(), {}, f), "funding.execution-rate").size(), 1u);
    f.executionRate = dec("99.50");
    EXPECT_TRUE(withRule(run(sampleCard(), {}, f), "funding.execution-rate").empty());
}

// Issue 12: validation asks for the shares and the rate recompute writes (figures.hpp) — of the items' sum
// when there are items — so the two never disagree. With an item changed the items add up to 1.98: that is
// the finding, and the shares and rate are judged against 1.98, not against the 1.99 typed beside them.
TEST(ValidateFunding, SharesAndRateAreThoseRecomputeWrites) {
    Funding f = sampleFunding();
    f.items[2].amount = dec("0.13");
    f.actualCell = {4, 1, "B5"}; // a funding table's 实际支出合计, which recompute keeps the items' sum
    const auto figures = deriveFunding(f);
    f.items[0].share = figures.shares[0]->rounded(2);
    f.items[1].share = figures.shares[1]->rounded(2);
    f.items[2].share = figures.shares[2]->rounded(2);
    f.executionRate = figures.executionRate->rounded(2);
    const auto findings = run(sampleCard(), {}, f);
    EXPECT_EQ(withRule(findings, "funding.items-sum").size(), 1u);
    EXPECT_TRUE(withRule(findings, "funding.share").empty());
    EXPECT_TRUE(withRule(findings, "funding.execution-rate").empty());
    EXPECT_EQ(f.executionRate, dec("99"));
}

TEST(ValidateFunding, InputFundingOverridesTheCards) {
    Scorecard card = sampleCard();
    card.funding = sampleFunding();
    card.funding.executionRate = dec("90");
    Funding good = sampleFunding();
    EXPECT_EQ(withRule(run(card), "funding.execution-rate").size(), 1u);
    EXPECT_TRUE(withRule(run(card, {}, good), "funding.execution-rate").empty());
}

// ---- years ----

TEST(ValidateYears, OrdinaryYearsInProseAreNotTitles) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    paragraphs.back() = " 富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表";
    paragraphs.push_back("2024年共办理交办件3000件，按照富财行〔2024〕1号文件执行。");
    EXPECT_TRUE(withRule(run(sampleCard(), paragraphs, sampleFunding()), "year.mismatch").empty());
}

TEST(ValidateYears, HeadingsAndQuotedTitlesCount) {
    std::vector<std::string> paragraphs = {
        "某局2025年度项目支出绩效评价报告", "（二）2024年度绩效目标。",
        "经对照《某局2024年项目绩效评价指标体系及打分表》打分，总得分97分。"};
    const auto found = withRule(run(sampleCard(), paragraphs), "year.mismatch");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].location.paragraph, 1);
    EXPECT_EQ(found[0].location.offset, 3);
    EXPECT_EQ(found[1].location.paragraph, 2);
    EXPECT_EQ(found[1].location.offset, codePointOffset(paragraphs[2], "2024"));
}

TEST(ValidateYears, TheTablesTitleAndYear) {
    Scorecard card = sampleCard();
    card.meta.title = "某局2024年度项目绩效评价指标体系及打分表";
    card.meta.year = 2024;
    const auto found = withRule(run(card, {"某局2025年度项目支出绩效评价报告"}), "year.mismatch");
    ASSERT_EQ(found.size(), 1u); // the year read from the title is the same mistake, reported once
    EXPECT_EQ(found[0].location.kind, Location::Kind::None);
    EXPECT_EQ(found[0].location.table, "表格1");
    card.meta.title = "某局2025年度项目绩效评价指标体系及打分表";
    card.meta.year = 2025;
    EXPECT_TRUE(withRule(run(card, {"某局2025年度项目支出绩效评价报告"}), "year.mismatch").empty());
}

// ---- 评价标准 rules ----

TEST(ValidateRules, SuggestedScoreFromTheStandardAndAMeasuredValue) {
    Scorecard card = sampleCard();
    Indicator& satisfaction = leaf(card, 20); // 大于90%得满分，每少1个百分点扣0.3分
    ASSERT_EQ(satisfaction.name, "服务对象满意度");
    satisfaction.measured = 85;
    const auto found = withRule(run(card), "rule.suggested-score");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].args.at("suggested"), "8.5");
    EXPECT_EQ(found[0].severity, Severity::Warning);
    satisfaction.score = dec("8.5");
    satisfaction.deduction = dec("1.5");
    satisfaction.reason = "满意度85%";
    EXPECT_TRUE(withRule(run(card), "rule.suggested-score").empty());
}

TEST(ValidateRules, ChecklistScoredZeroMayBeSevere) {
    Scorecard card = sampleCard();
    Indicator& goals = leaf(card, 1); // 4 items, 0.5 each
    goals.measured = 1;
    goals.score = 0;
    goals.deduction = 2;
    goals.reason = "严重不符";
    EXPECT_TRUE(withRule(run(card), "rule.suggested-score").empty());
    goals.score = 2;
    goals.deduction = 0;
    EXPECT_EQ(withRule(run(card), "rule.suggested-score").size(), 1u);
}

TEST(ValidateRules, TemplateRuleTakesPrecedenceOverTheText) {
    Scorecard card = sampleCard();
    ScoringRule rule;
    rule.kind = RuleKind::Checklist;
    rule.items = 2;
    rule.deduction = dec("0.5");
    leaf(card, 0).rule = rule; // 项目立项规范性: 2 × 0.5 = its weight of 1
    leaf(card, kEconomic).rule = ScoringRule{};
    const auto findings = run(card);
    EXPECT_EQ(withRule(findings, "rule.checklist-max").size(), 2u);
    EXPECT_EQ(withRule(findings, "rule.not-computable").size(), 4u);
}

// ---- numbers in the prose ----

TEST(ValidateNarrative, SampleProseAgreesWithTheTable) {
    const auto findings = run(sampleCard(), jixiao::testing::sampleParagraphs(), sampleFunding());
    for (const auto& f : findings)
        EXPECT_FALSE(f.ruleId.starts_with("narrative.")) << f.ruleId << ": " << f.message;
}

TEST(ValidateNarrative, TotalAndGradeAgainstATableThatTotals85) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    Scorecard card = sampleCard();
    leaf(card, kQuality).score = 0;
    leaf(card, kQuality).deduction = 12;
    leaf(card, kQuality).reason = "未验收";
    card.totals.score = 85;
    card.totals.deduction = 15;
    const auto findings = run(card, paragraphs, sampleFunding());
    const int p = paragraphStarting(paragraphs, "经认真对照");
    const auto& text = paragraphs[std::size_t(p)];

    const auto total = withRule(findings, "narrative.total");
    ASSERT_EQ(total.size(), 1u);
    EXPECT_EQ(total[0].location.paragraph, p);
    EXPECT_EQ(total[0].location.offset, codePointOffset(text, "97分"));
    EXPECT_EQ(total[0].location.length, 2);
    EXPECT_EQ(total[0].message, "正文所述总得分97分与打分表合计85分不一致");

    const auto grade = withRule(findings, "narrative.grade");
    ASSERT_EQ(grade.size(), 1u);
    EXPECT_EQ(grade[0].location.offset, codePointOffset(text, "优秀"));
    EXPECT_EQ(grade[0].location.length, 2);
    EXPECT_EQ(grade[0].args.at("expected"), "良好");
}

TEST(ValidateNarrative, BudgetActualAndExecutionRate) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int p = paragraphStarting(paragraphs, "该项目2025年预算资金2万元，年内实际支出1.99万元");
    auto& text = paragraphs[std::size_t(p)];
    replaceIn(text, "预算资金2万元", "预算资金3万元");
    replaceIn(text, "实际支出1.99万元", "实际支出1.98万元");
    replaceIn(text, "占年初预算的99.5%", "占年初预算的99.6%");
    const auto findings = run(sampleCard(), paragraphs, sampleFunding());
    const auto budget = withRule(findings, "narrative.budget");
    ASSERT_EQ(budget.size(), 1u);
    EXPECT_EQ(budget[0].location.paragraph, p);
    EXPECT_EQ(budget[0].location.offset, codePointOffset(text, "3万元"));
    EXPECT_EQ(budget[0].location.length, 1);
    EXPECT_EQ(budget[0].message, "正文所述预算资金3万元与预算2万元不一致");
    const auto actual = withRule(findings, "narrative.actual");
    ASSERT_EQ(actual.size(), 1u);
    EXPECT_EQ(actual[0].location.offset, codePointOffset(text, "1.98"));
    EXPECT_EQ(actual[0].location.length, 4);
    const auto rate = withRule(findings, "narrative.execution-rate");
    ASSERT_EQ(rate.size(), 1u);
    EXPECT_EQ(rate[0].args.at("expected"), "99.5");
}

TEST(ValidateNarrative, ItemAmountsAndSharesByName) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    const int p = paragraphStarting(paragraphs, "该项目2025年预算资金2万元，年内实际支出1.99万元");
    auto& text = paragraphs[std::size_t(p)];
    replaceIn(text, "工资补助0.72万元", "工资补助0.73万元");
    replaceIn(text, "占总支出的56.78%", "占总支出的56.87%");
    const auto findings = run(sampleCard(), paragraphs, sampleFunding());
    const auto amount = withRule(findings, "narrative.item-amount");
    ASSERT_EQ(amount.size(), 1u);
    EXPECT_EQ(amount[0].args.at("item"), "工资补助");
    EXPECT_EQ(amount[0].location.offset, codePointOffset(text, "0.73"));
    const auto share = withRule(findings, "narrative.item-share");
    ASSERT_EQ(share.size(), 1u);
    EXPECT_EQ(share[0].args.at("item"), "社保缴费");
    EXPECT_EQ(share[0].message, "正文所述“社保缴费”占总支出56.87%与计算值56.78%不一致");
    // The 资金来源 paragraph writes 0.72万 and 社保缴费支出1.13万: same items, no finding.
    EXPECT_EQ(ruleIds(findings),
              (std::set<std::string>{"narrative.item-amount", "narrative.item-share", "year.mismatch",
                                     "rule.checklist-max", "rule.not-computable"}));
}

TEST(ValidateNarrative, AmountsInYuanAndCriteriaAreUnderstood) {
    const std::vector<std::string> paragraphs = {
        "其中工资补助7200元，占总支出的36.18%。",
        "预算执行率95%以上得满分。",
    };
    const auto findings = run(sampleCard(), paragraphs, sampleFunding());
    for (const auto& f : findings)
        EXPECT_FALSE(f.ruleId.starts_with("narrative.")) << f.ruleId << ": " << f.message;
}

TEST(ValidateNarrative, WithoutStatedFundingTheProseIsCheckedAgainstItself) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    replaceIn(paragraphs[std::size_t(paragraphStarting(paragraphs, "该项目2025年预算资金2万元，年内实际"))],
              "预算资金2万元", "预算资金3万元");
    const auto findings = run(sampleCard(), paragraphs);
    EXPECT_TRUE(withRule(findings, "narrative.budget").empty());
    EXPECT_EQ(withRule(findings, "prose.budget").size(), 1u); // prose_funding_test.cpp has the rest
}

TEST(ValidateNarrative, WithoutATableTheProseIsNotComparedWithATotalOfZero) {
    const std::vector<std::string> paragraphs = {"该项目总得分97分，评价等级为“优秀”。"};
    EXPECT_TRUE(run(Scorecard{}, paragraphs).empty());
}

// ---- years against the 年度 the user entered ----

TEST(ValidateYears, TheEnteredYearIsTheReference) {
    const std::vector<std::string> paragraphs = {"某局2025年度某项目支出绩效评价报告",
                                                 "附表1：某局2025年度某项目绩效评价打分表"};
    auto findings =
        validate({Scorecard{}, paragraphs, std::nullopt, 2026}, jixiao::testing::messageCatalog(), "zh-CN");
    const auto years = withRule(findings, "year.mismatch");
    ASSERT_EQ(years.size(), 2u);
    EXPECT_EQ(years[0].location.paragraph, 0);
    EXPECT_EQ(years[0].message, "此处年份为2025年，与报告年度2026年不一致");
    EXPECT_EQ(years[1].location.paragraph, 1);
    EXPECT_TRUE(withRule(validate({Scorecard{}, paragraphs, std::nullopt, 2025},
                                  jixiao::testing::messageCatalog(), "zh-CN"),
                         "year.mismatch")
                    .empty());
}

TEST(ValidateYears, ACalcSheetHoldingOnlyTheTableIsCheckedByItsTitle) {
    // No paragraphs: the table's title row (read into meta.title and meta.year) is all there is.
    Scorecard card = smallCard();
    card.meta.title = "某局2024年度某项目绩效评价指标体系及打分表";
    card.meta.year = 2024;
    const auto years =
        withRule(validate({card, {}, std::nullopt, 2025}, jixiao::testing::messageCatalog(), "zh-CN"),
                 "year.mismatch");
    ASSERT_EQ(years.size(), 1u);
    EXPECT_EQ(years[0].location.table, "表格1");
    EXPECT_EQ(years[0].args.at("found"), "2024");
    EXPECT_EQ(years[0].args.at("expected"), "2025");
    // Without the entered year the title is its own reference: nothing to compare it with.
    EXPECT_TRUE(withRule(run(card), "year.mismatch").empty());
}

// ---- hygiene ----

TEST(ValidateHygiene, NoReasonAskedOfATableWithoutAReasonColumn) {
    Scorecard card = smallCard();
    forEachLeaf(card, [](Indicator& leaf) {
        leaf.cells.reason = {};
        leaf.cells.deduction = {};
        leaf.deduction.reset();
    });
    leaf(card, 0).score = 35;
    card.totals = {};
    EXPECT_TRUE(withRule(run(card), "deduction.reason-missing").empty());
    // A card from a template or JSON knows no cells: its reasons are still asked for.
    Scorecard model = card;
    forEachLeaf(model, [](Indicator& leaf) { leaf.cells = {}; });
    EXPECT_EQ(withRule(run(model), "deduction.reason-missing").size(), 1u);
}

TEST(ValidateHygiene, ANamelessRowStillGetsAMessageWithoutPlaceholders) {
    Scorecard card = smallCard();
    leaf(card, 0).name.clear();
    leaf(card, 0).score.reset();
    leaf(card, 0).deduction.reset();
    const auto missing = withRule(run(card), "score.missing");
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].message, "“D1处未命名的指标”尚未填写评价得分");
    EXPECT_EQ(withRule(run(card, {}, std::nullopt, "en"), "score.missing")[0].message.find('{'),
              std::string::npos);
}

TEST(ValidateHygiene, EveryMessagesPlaceholdersAreFilled) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    replaceIn(paragraphs[std::size_t(paragraphStarting(paragraphs, "经认真对照"))], "预算执行率99.5%",
              "预算执行率99.6%");
    Scorecard card = sampleCard();
    leaf(card, 0).name.clear();
    leaf(card, 0).score = 7;
    for (const char* lang : {"zh-CN", "en"})
        for (const auto& f : run(card, paragraphs, std::nullopt, lang))
            EXPECT_EQ(f.message.find('{'), std::string::npos) << f.ruleId << ": " << f.message;
}

// ---- what the reader found ----

TEST(ValidateReadIssues, AreFormattedAndIncluded) {
    auto grid = jixiao::testing::sampleScoreGrid();
    grid.at(1, 6).text = "一";
    const auto found = withRule(run(readScoreTable(grid)), "cell.not-a-number");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.cell, "G2");
    EXPECT_EQ(found[0].message, "单元格 G2 应为数字，实际为“一”");
    EXPECT_TRUE(withRule(run(sampleCard()), "cell.not-a-number").empty());
}

TEST(ValidateReadIssues, AGarbageScoreIsOneFindingAtItsCellNotAlsoAMissingScore) {
    auto grid = jixiao::testing::sampleScoreGrid();
    grid.at(1, 6).text = "待定";
    grid.at(2, 6).text = ""; // an empty score cell is still a missing score
    const auto findings = run(readScoreTable(grid));
    std::vector<std::string> atG2;
    for (const auto& f : findings)
        if (f.location.cell == "G2")
            atG2.push_back(f.ruleId);
    EXPECT_EQ(atG2, std::vector<std::string>{"cell.not-a-number"});
    const auto missing = withRule(findings, "score.missing");
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].location.cell, "G3");
}

TEST(ValidateReadIssues, AbsurdFiguresNameTheirCellsInsteadOfFailingTheFile) {
    auto grid = jixiao::testing::sampleScoreGrid();
    grid.at(1, 5).text = "5000000000000";
    grid.at(1, 6).text = "9000000000000";
    grid.at(2, 6).text = "9000000000000";
    const auto found = withRule(run(readScoreTable(grid)), "cell.not-a-number");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].location.cell, "F2");
    EXPECT_EQ(found[1].location.cell, "G2");
    EXPECT_EQ(found[2].location.cell, "G3");
}

// ---- one rule for every derived figure ----

TEST(DerivedFigures, AScoreAboveItsWeightMeansNoTotalAnywhere) {
    auto card = sampleCard();
    leaf(card, kEconomic).score = 7; // 经济效益 is worth 6
    EXPECT_FALSE(totalScore(card));
    EXPECT_EQ(gradeFor(card.gradeBands, totalScore(card)), "");
    // Recompute empties 合计 得分 and the grade rather than writing 101 优秀 …
    const auto patch = recomputeScoreTable(card, jixiao::testing::sampleScoreGrid());
    const auto total = std::find_if(patch.writes.begin(), patch.writes.end(),
                                    [&](const CellWrite& w) { return w.cell == card.totals.scoreCell; });
    ASSERT_NE(total, patch.writes.end());
    EXPECT_EQ(total->text, "");
    // … the writer leaves the total empty too …
    const auto grid = writeScoreTable(card);
    const auto reread = readScoreTable(grid);
    EXPECT_FALSE(reread.totals.score);
    // … and validation names the score, not a total it cannot know.
    const auto findings = run(card);
    EXPECT_EQ(withRule(findings, "score.range").size(), 1u);
    EXPECT_TRUE(withRule(findings, "total.score").empty());
}

// ---- the contract ----

TEST(ValidateContract, EveryRuleHasAMessageInBothLanguages) {
    for (const auto& id : validationRuleIds()) {
        EXPECT_TRUE(jixiao::testing::messageCatalog().contains("zh-CN", id)) << id;
        EXPECT_TRUE(jixiao::testing::messageCatalog().contains("en", id)) << id;
    }
}

TEST(ValidateContract, EveryRuleIsDocumented) {
    std::ifstream in(std::filesystem::path(JIXIAO_SOURCE_DIR) / "docs/rules.md");
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& id : validationRuleIds())
        EXPECT_NE(doc.find("`" + id + "`"), std::string::npos) << id;
}

// ---- one answer for 实际支出 (issue 24) ----

// A funding table with its own 实际支出 row keeps the property out of its figures: a 实际支出 property that
// differs from the table's items is still said, once, in the property's words.
TEST(ValidateFunding, AnActualSpendingPropertyThatDiffersFromTheTablesItemsIsAFinding) {
    Scorecard card = sampleCard();
    card.funding = sampleFunding();
    card.funding.actualCell = {4, 1, "B5"};
    card.fundingTableName = "表格2";
    ValidationInput input{card, {}, std::nullopt, std::nullopt};
    input.actualProperty = 2;
    const auto findings = validate(input, jixiao::testing::messageCatalog(), "zh-CN");
    const auto sum = withRule(findings, "funding.items-sum");
    ASSERT_EQ(sum.size(), 1u);
    EXPECT_EQ(sum[0].message, "资金明细表各项支出之和为1.99万元，与文档属性“实际支出”2万元不一致");
    EXPECT_EQ(sum[0].location.kind, Location::Kind::None);
    input.actualProperty = dec("1.99");
    EXPECT_TRUE(
        withRule(validate(input, jixiao::testing::messageCatalog(), "en"), "funding.items-sum").empty());
}

// The prose funding the caller already read (assemble's) is the one checked: fundingFromProse runs once.
TEST(ValidateFunding, TheProseFundingGivenIsTheOneChecked) {
    auto paragraphs = jixiao::testing::sampleParagraphs();
    replaceIn(paragraphs[std::size_t(paragraphStarting(paragraphs, "经认真对照"))], "预算执行率99.5%",
              "预算执行率99.6%");
    Scorecard card = sampleCard();
    card.funding = {};
    ValidationInput input{card, paragraphs, std::nullopt, std::nullopt};
    EXPECT_EQ(
        withRule(validate(input, jixiao::testing::messageCatalog(), "zh-CN"), "prose.execution-rate").size(),
        1u);
    input.proseFunding = std::optional<Funding>{}; // the caller found no funding in the prose
    EXPECT_TRUE(withRule(validate(input, jixiao::testing::messageCatalog(), "zh-CN"), "prose.execution-rate")
                    .empty());
}

// ---- reasons only where the row has a place for one (issue 24) ----

// The national 项目支出绩效自评表: the 预算执行率 line of its funding block carries 分值 and 得分 (decided by
// the execution rate) but no reason column reaches it; the indicator rows below have one.
TEST(ValidateReasons, NoReasonIsAskedOfARowWithoutAReasonCell) {
    const Scorecard card = readScoreTable(jixiao::testing::selfEvaluationForm());
    ASSERT_EQ(card.indicators.front().name, "预算执行率");
    ASSERT_EQ(card.indicators.front().score, Decimal(9));
    const auto reasons = withRule(run(card), "deduction.reason-missing");
    ASSERT_EQ(reasons.size(), 1u); // 养护里程, not 预算执行率
    EXPECT_EQ(reasons[0].indicator, "养护里程");
    EXPECT_EQ(reasons[0].location.cell, "I5");
}
