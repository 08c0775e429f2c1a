// The one entry point for checking a document (core/check/validate_report.hpp): the whole Report in, every
// finding out, in the order the deck lists them and worded in the language asked for.
#include "core/check/validate_report.hpp"

#include "catalog_files.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/write/roll_forward.hpp"
#include "sample_fixture.hpp"
#include "self_evaluation_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace jixiao;

namespace {

// A report rolled forward from 2025, with no scoring table and a placeholder of 新建评价报告 left open.
Report rolledReport() {
    DocumentSnapshot snapshot;
    snapshot.paragraphs = {"某县2026年度热线办理工作经费绩效评价报告", "该项目2025年预算资金3万元。"};
    ReportProperties::RolledForward mark{2025, paragraphsToCheck(snapshot.paragraphs, 2025)};
    snapshot.properties.rolledForward = formatRolledForward(mark);
    Report report = assemble(snapshot);
    report.openPlaceholders = {{"【开展本次绩效评价的目的】", "（一）绩效评价目的。", 1, 0, 13}};
    return report;
}

std::vector<std::string> ruleIds(const std::vector<Finding>& findings) {
    std::vector<std::string> ids;
    for (const auto& finding : findings)
        ids.push_back(finding.ruleId);
    return ids;
}

} // namespace

TEST(ValidateReport, TheDocumentFirstThenWhatARollForwardLeftThenTheTablesAndProseThenPlaceholders) {
    const std::vector<Template> templates;
    const ReportChecks checks{jixiao::testing::shippedCatalog("messages.json"),
                              jixiao::testing::shippedCatalog("ui.json"),
                              "zh-CN",
                              templates,
                              {"mine.json: 不是 JSON"}};
    const auto findings = validate(rolledReport(), checks);
    ASSERT_GE(findings.size(), 4U);
    EXPECT_EQ(ruleIds(findings).front(), "table.missing");
    EXPECT_EQ(findings[1].ruleId, "template.invalid");
    EXPECT_EQ(findings[1].message, "模板文件无效，已跳过：mine.json: 不是 JSON");
    EXPECT_EQ(findings[2].ruleId, "rollforward.prior-figures");
    EXPECT_EQ(findings[2].location.paragraph, 1);
    EXPECT_EQ(findings.back().ruleId, "report.placeholder");
    for (const auto& finding : findings)
        EXPECT_FALSE(finding.message.empty()) << finding.ruleId;
}

// Findings for comments are worded in the document's language, which may not be the UI's: every one of them,
// what a roll-forward left and the placeholders included.
TEST(ValidateReport, EveryFindingIsWordedInTheLanguageAskedFor) {
    const std::vector<Template> templates;
    const ReportChecks checks{jixiao::testing::shippedCatalog("messages.json"),
                              jixiao::testing::shippedCatalog("ui.json"), "en", templates};
    const auto findings = validate(rolledReport(), checks);
    ASSERT_GE(findings.size(), 3U);
    EXPECT_EQ(findings[0].message.rfind("No scoring table found", 0), 0U) << findings[0].message;
    EXPECT_EQ(findings[1].message.rfind("Last year's data", 0), 0U) << findings[1].message;
    EXPECT_NE(findings.back().message.find("still has a part to fill in"), std::string::npos)
        << findings.back().message;
}

// The scoring table's findings are validate()'s on the card to judge: what recompute holds back included.
TEST(ValidateReport, TheTableIsJudgedAsRecomputeWouldLeaveIt) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::sampleScoreGrid()};
    snapshot.tables[0].at(21, 7).text = "5"; // 扣分 of a 10/10 leaf
    const std::vector<Template> templates;
    const ReportChecks checks{jixiao::testing::shippedCatalog("messages.json"),
                              jixiao::testing::shippedCatalog("ui.json"), "zh-CN", templates};
    const auto ids = ruleIds(validate(assemble(snapshot), checks));
    EXPECT_NE(std::find(ids.begin(), ids.end(), "deduction.mismatch"), ids.end());
}

// The national 项目支出绩效自评表 states the project's funding in a block above its indicators (年度资金总额:
// 全年预算数, 全年执行数, 执行率). Those are the project's figures: the 执行率 is held to 执行数 ÷ 预算数 in
// its own cell, and the prose to the block. Recompute writes no funding table (the block's 执行率 is the
// scoring table's: block_rate_test.cpp).
TEST(ValidateReport, TheSelfEvaluationFormsFundingBlockIsCheckedWhereItStands) {
    auto grid = jixiao::testing::selfEvaluationForm();
    grid.at(2, 6).text = "91%"; // 108 ÷ 120 is 90%
    DocumentSnapshot snapshot;
    snapshot.tables = {grid};
    snapshot.paragraphs = {"县交通运输局2023年度乡村道路养护项目支出绩效自评报告",
                           "该项目全年预算数130万元，全年执行数108万元。"};
    const Report report = assemble(snapshot);
    EXPECT_EQ(report.card.funding.budget, Decimal(120));
    EXPECT_EQ(report.card.funding.actual, Decimal(108));
    EXPECT_EQ(report.card.fundingTableName, "T");
    EXPECT_FALSE(report.hasFundingTable);
    EXPECT_TRUE(planRecompute(report).funding.empty());

    const std::vector<Template> templates;
    const ReportChecks checks{jixiao::testing::shippedCatalog("messages.json"),
                              jixiao::testing::shippedCatalog("ui.json"), "zh-CN", templates};
    const auto findings = validate(report, checks);
    // (养护里程's deduction without a reason is the third: ValidateReasons in validate_test.cpp.)
    ASSERT_EQ(ruleIds(findings), (std::vector<std::string>{"narrative.budget", "funding.execution-rate",
                                                           "deduction.reason-missing"}));
    EXPECT_EQ(findings[0].location.paragraph, 1);
    EXPECT_EQ(findings[0].message, "正文所述预算资金130万元与预算120万元不一致");
    EXPECT_EQ(findings[1].location.table, "T");
    EXPECT_EQ(findings[1].location.cell, "G3");
    EXPECT_EQ(findings[1].message, "预算执行率填写为91%，按实际支出与预算计算应为90%");
}

// The block states no items: a list of them in the prose is held to the block's 全年执行数, as for a report
// that states its funding only in prose.
TEST(ValidateReport, AnItemListInTheProseIsHeldToTheSelfEvaluationFormsSpending) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::selfEvaluationForm()};
    snapshot.paragraphs = {"县交通运输局2023年度乡村道路养护项目支出绩效自评报告",
                           "该项目全年执行数108万元，其中：材料费50万元、人工费40万元。"};
    const std::vector<Template> templates;
    const ReportChecks checks{jixiao::testing::shippedCatalog("messages.json"),
                              jixiao::testing::shippedCatalog("ui.json"), "zh-CN", templates};
    const auto findings = validate(assemble(snapshot), checks);
    const auto ids = ruleIds(findings);
    EXPECT_NE(std::find(ids.begin(), ids.end(), "prose.items-sum"), ids.end())
        << ::testing::PrintToString(ids);
}

namespace {

// A funding table in 元 beside the self-evaluation form: 1,080,000 元 spent (108万元, the block's 全年执行数)
// of a 预算 of 1,300,000 元 (130万元, where the block says 120).
Grid fundingTableInYuan() {
    auto grid = jixiao::testing::gridOf({{"项目", "金额（元）", "占比"},
                                         {"材料费", "1,000,000", "92.59%"},
                                         {"人工费", "80,000", "7.41%"},
                                         {"实际支出合计", "1,080,000", "100%"},
                                         {"年初预算", "1,300,000", ""},
                                         {"预算执行率", "", "83.08%"}});
    grid.name = "资金";
    return grid;
}

ReportChecks zhChecks(const std::vector<Template>& templates) {
    return {jixiao::testing::shippedCatalog("messages.json"), jixiao::testing::shippedCatalog("ui.json"),
            "zh-CN", templates};
}

std::vector<Finding> withRule(const std::vector<Finding>& findings, const std::string& rule) {
    std::vector<Finding> out;
    for (const auto& finding : findings)
        if (finding.ruleId == rule)
            out.push_back(finding);
    return out;
}

} // namespace

// Beside a funding table the block keeps its figures (Scorecard::fundingBlock) while the table's are the
// project's: a block that states another budget is a finding at its own cell, compared in its unit (万元
// against the table's 元), so the report never prints two budgets unsaid. Its spending agrees (108万元 is
// 1,080,000 元) and its 执行率 is its own figures' (108 ÷ 120): nothing more is said.
TEST(ValidateReport, TheSelfEvaluationFormsBlockIsHeldToTheFundingTablesFigures) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::selfEvaluationForm(), fundingTableInYuan()};
    const Report report = assemble(snapshot);
    ASSERT_TRUE(report.hasFundingTable);
    EXPECT_EQ(report.card.funding.budget, Decimal(1300000));
    EXPECT_EQ(report.card.fundingBlock.budget, Decimal(120));
    EXPECT_EQ(report.card.fundingBlock.unit, "万元");

    const std::vector<Template> templates;
    const auto findings = validate(report, zhChecks(templates));
    const auto mismatch = withRule(findings, "funding.form-mismatch");
    ASSERT_EQ(mismatch.size(), 1u) << ::testing::PrintToString(ruleIds(findings));
    EXPECT_EQ(mismatch[0].location.table, "T");
    EXPECT_EQ(mismatch[0].location.cell, "D3");
    EXPECT_EQ(mismatch[0].message, "自评表的全年预算数为120万元，资金明细表的预算为130万元，两者不一致");
    EXPECT_TRUE(withRule(findings, "funding.execution-rate").empty());
}

// The block's 执行率 beside a funding table is still held to its own 全年执行数 ÷ 全年预算数, at its cell.
TEST(ValidateReport, TheSelfEvaluationFormsRateIsCheckedBesideAFundingTable) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::selfEvaluationForm(), fundingTableInYuan()};
    snapshot.tables[0].at(2, 6).text = "91%";
    snapshot.tables[1].at(4, 1).text = "1,200,000";
    snapshot.tables[1].at(5, 2).text = "90%";
    const std::vector<Template> templates;
    const auto findings = validate(assemble(snapshot), zhChecks(templates));
    EXPECT_TRUE(withRule(findings, "funding.form-mismatch").empty());
    const auto rate = withRule(findings, "funding.execution-rate");
    ASSERT_EQ(rate.size(), 1u) << ::testing::PrintToString(ruleIds(findings));
    EXPECT_EQ(rate[0].location.table, "T");
    EXPECT_EQ(rate[0].location.cell, "G3");
    EXPECT_EQ(rate[0].message, "预算执行率填写为91%，按实际支出与预算计算应为90%");
}

// A block without a budget of its own cannot derive its 执行率: the rate it states is the table's or a
// finding. Its spending, now 100, differs from the table's 108.
TEST(ValidateReport, ABlockRateWithoutItsOwnBudgetIsHeldToTheFundingTablesRate) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::selfEvaluationForm(), fundingTableInYuan()};
    auto& block = snapshot.tables[0];
    block.at(2, 2).text = "";
    block.at(2, 3).text = "";
    block.at(2, 4).text = "100";
    const std::vector<Template> templates;
    const auto findings = validate(assemble(snapshot), zhChecks(templates));
    const auto mismatch = withRule(findings, "funding.form-mismatch");
    ASSERT_EQ(mismatch.size(), 2u) << ::testing::PrintToString(ruleIds(findings));
    EXPECT_EQ(mismatch[0].location.cell, "E3");
    EXPECT_EQ(mismatch[0].message, "自评表的全年执行数为100万元，资金明细表的实际支出为108万元，两者不一致");
    EXPECT_EQ(mismatch[1].location.cell, "G3");
    EXPECT_EQ(mismatch[1].message, "自评表的执行率为90%，资金明细表的预算执行率为83.08%，两者不一致");
}

// The 预算执行率 line of the national form is scored by the rate: 执行率 × 分值, at most 分值. A score other
// than that is a warning at its 得分 cell, never written.
TEST(ValidateReport, TheRateLinesScoreIsTheRateOfItsWeight) {
    const std::vector<Template> templates;
    const auto scoreFindings = [&](const std::string& actual, const std::string& rate,
                                   const std::string& score) {
        DocumentSnapshot snapshot;
        snapshot.tables = {jixiao::testing::selfEvaluationForm()};
        snapshot.tables[0].at(2, 4).text = actual;
        snapshot.tables[0].at(2, 6).text = rate;
        snapshot.tables[0].at(2, 7).text = score;
        return withRule(validate(assemble(snapshot), zhChecks(templates)), "funding.rate-score");
    };
    EXPECT_TRUE(scoreFindings("108", "90%", "9").empty()); // 108 ÷ 120 = 90% of 10
    const auto wrong = scoreFindings("108", "90%", "10");
    ASSERT_EQ(wrong.size(), 1u);
    EXPECT_EQ(wrong[0].severity, Severity::Warning);
    EXPECT_EQ(wrong[0].location.table, "T");
    EXPECT_EQ(wrong[0].location.cell, "H3");
    EXPECT_EQ(wrong[0].message, "“预算执行率”得分为10，按执行率90%乘以分值10应为9分");
    EXPECT_TRUE(scoreFindings("100", "83.33%", "8.33").empty()); // 83.33% of 10, half-up at two places
    EXPECT_EQ(scoreFindings("100", "83.33%", "8.3").size(), 1u);
    EXPECT_TRUE(scoreFindings("130", "108.33%", "10").empty()) << "at most its 分值";
    // The block's own figures decide over a wrong 执行率 typed (funding.execution-rate says that one).
    EXPECT_EQ(scoreFindings("108", "100%", "10").size(), 1u);
    EXPECT_TRUE(scoreFindings("108", "100%", "9").empty());
    EXPECT_TRUE(scoreFindings("108", "", "9").empty()) << "no rate stated: its own figures still give 90%";
}

// Without its own budget the block's 执行率 as stated is the rate the line is held to.
TEST(ValidateReport, TheRateLineIsHeldToTheStatedRateWithoutABudget) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::selfEvaluationForm()};
    snapshot.tables[0].at(2, 2).text = "";
    snapshot.tables[0].at(2, 3).text = "";
    snapshot.tables[0].at(2, 6).text = "95%";
    const std::vector<Template> templates;
    const auto found = withRule(validate(assemble(snapshot), zhChecks(templates)), "funding.rate-score");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].args.at("expected"), "9.5");
}
