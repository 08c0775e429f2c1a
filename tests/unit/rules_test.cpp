#include "core/read/rules.hpp"

#include "core/read/scorecard_json.hpp"
#include "core/write/templates.hpp"
#include "test_decimal.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace jixiao;

namespace {

using jixiao::testing::dec;

ScoringRule stepRule(int threshold, bool inclusive, const char* step, bool partial, const char* deduction) {
    ScoringRule r;
    r.kind = RuleKind::StepBelowThreshold;
    r.threshold = threshold;
    r.inclusive = inclusive;
    r.step = dec(step);
    r.partialSteps = partial;
    r.deduction = dec(deduction);
    return r;
}

ScoringRule budgetRule() {
    ScoringRule r;
    r.kind = RuleKind::WeightShareBelowThreshold;
    r.threshold = 95;
    r.inclusive = true;
    r.weightShare = dec("0.01");
    r.zeroBelow = 60;
    r.zeroInclusive = true;
    return r;
}

ScoringRule checklist(int items, const char* deduction) {
    ScoringRule r;
    r.kind = RuleKind::Checklist;
    r.items = items;
    r.deduction = dec(deduction);
    return r;
}

} // namespace

// 资金到位率 (1分): 大于90%的得满分，每少5个百分点扣0.5分，扣完为止 — started steps count.
TEST(SuggestedScore, StepBelowExclusivePartial) {
    const ScoringRule r = stepRule(90, false, "5", true, "0.5");
    EXPECT_EQ(suggestedScore(r, 1, 100), 1);
    EXPECT_EQ(suggestedScore(r, 1, dec("90.01")), 1);
    EXPECT_EQ(suggestedScore(r, 1, 90), dec("0.5")); // not greater than 90: one step
    EXPECT_EQ(suggestedScore(r, 1, dec("85.01")), dec("0.5"));
    EXPECT_EQ(suggestedScore(r, 1, 85), dec("0.5")); // exactly one step below
    EXPECT_EQ(suggestedScore(r, 1, dec("84.99")), 0);
    EXPECT_EQ(suggestedScore(r, 1, 0), 0); // never below zero
    EXPECT_EQ(suggestedScore(r, 1, -50), 0);
}

TEST(SuggestedScore, StepBelowInclusiveWholeSteps) {
    const ScoringRule r = stepRule(90, true, "5", false, "1");
    EXPECT_EQ(suggestedScore(r, 2, 90), 2);
    EXPECT_EQ(suggestedScore(r, 2, dec("89.99")), 2); // less than one whole step: nothing deducted
    EXPECT_EQ(suggestedScore(r, 2, 85), 1);
    EXPECT_EQ(suggestedScore(r, 2, dec("80.01")), 1);
    EXPECT_EQ(suggestedScore(r, 2, 80), 0);
}

TEST(SuggestedScore, StepBelowSatisfaction) {
    const ScoringRule r = stepRule(90, false, "1", true, "0.3");
    EXPECT_EQ(suggestedScore(r, 10, 95), 10);
    EXPECT_EQ(suggestedScore(r, 10, 90), dec("9.7"));
    EXPECT_EQ(suggestedScore(r, 10, dec("88.5")), dec("9.4")); // 1.5 points → 2 started steps
    EXPECT_EQ(suggestedScore(r, 10, 57), dec("0.1"));
    EXPECT_EQ(suggestedScore(r, 10, 56), 0);
}

TEST(SuggestedScore, StepBelowIllFormed) {
    ScoringRule r = stepRule(90, false, "0", true, "0.5");
    EXPECT_EQ(suggestedScore(r, 1, 50), std::nullopt);
    EXPECT_EQ(suggestedScore(stepRule(90, false, "5", true, "0.5"), -1, 50), std::nullopt);
}

// 预算执行率 (2分): 95%以上得满分；低于95%，每下降1%扣权重的1%；60%以下不计分.
TEST(SuggestedScore, WeightShareBoundaries) {
    const ScoringRule r = budgetRule();
    EXPECT_EQ(suggestedScore(r, 2, dec("99.5")), 2);
    EXPECT_EQ(suggestedScore(r, 2, 95), 2);
    EXPECT_EQ(suggestedScore(r, 2, 94), dec("1.98"));
    EXPECT_EQ(suggestedScore(r, 2, dec("94.5")), dec("1.99"));
    EXPECT_EQ(suggestedScore(r, 2, dec("60.01")), dec("1.3")); // 34.99% lost: 1.3002 → 1.30
    EXPECT_EQ(suggestedScore(r, 2, 60), 0);                    // 以下 includes 60
    ScoringRule exclusive = r;
    exclusive.zeroInclusive = false;
    EXPECT_EQ(suggestedScore(exclusive, 2, 60), dec("1.3"));
    EXPECT_EQ(suggestedScore(exclusive, 2, dec("59.99")), 0);
    ScoringRule noFloor = r;
    noFloor.zeroBelow.reset();
    noFloor.weightShare = dec("0.05");
    EXPECT_EQ(suggestedScore(noFloor, 2, 75), 0); // 20 points × 5% = all of it
    EXPECT_EQ(suggestedScore(noFloor, 2, 0), 0);
}

TEST(SuggestedScore, Proportional) {
    ScoringRule r;
    r.kind = RuleKind::Proportional;
    r.target = 100;
    EXPECT_EQ(suggestedScore(r, 10, 100), 10);
    EXPECT_EQ(suggestedScore(r, 10, 120), 10);
    EXPECT_EQ(suggestedScore(r, 10, dec("87.5")), dec("8.75"));
    EXPECT_EQ(suggestedScore(r, 3, dec("33.335")), 1); // 1.00005 → 1.00 half-up at two places
    EXPECT_EQ(suggestedScore(r, 10, 0), 0);
    EXPECT_EQ(suggestedScore(r, 10, -5), 0);
    r.target = 0;
    EXPECT_EQ(suggestedScore(r, 10, 50), std::nullopt);
}

TEST(SuggestedScore, Bands) {
    ScoringRule r;
    r.kind = RuleKind::Bands;
    r.bands = {{60, 2}, {100, 8}, {80, 4}, {90, 6}}; // any order
    EXPECT_EQ(suggestedScore(r, 8, 100), 8);
    EXPECT_EQ(suggestedScore(r, 8, dec("99.99")), 6);
    EXPECT_EQ(suggestedScore(r, 8, 90), 6);
    EXPECT_EQ(suggestedScore(r, 8, 60), 2);
    EXPECT_EQ(suggestedScore(r, 8, dec("59.99")), 0);
    EXPECT_EQ(suggestedScore(r, 5, 100), 5); // capped at the weight
    r.bands.clear();
    EXPECT_EQ(suggestedScore(r, 8, 100), std::nullopt);
}

TEST(SuggestedScore, Checklist) {
    const ScoringRule r = checklist(3, "0.5");
    EXPECT_EQ(suggestedScore(r, 1, 0), 1);
    EXPECT_EQ(suggestedScore(r, 1, 1), dec("0.5"));
    EXPECT_EQ(suggestedScore(r, 1, 2), 0);
    EXPECT_EQ(suggestedScore(r, 1, 3), 0); // capped at 0
    EXPECT_EQ(suggestedScore(r, 1, 0, true), 0);
    EXPECT_EQ(suggestedScore(r, 1, -1), 1);
    EXPECT_EQ(suggestedScore(checklist(2, "2.5"), 5, 1), dec("2.5"));
}

TEST(SuggestedScore, JudgementAndOverflow) {
    EXPECT_EQ(suggestedScore(ScoringRule{}, 6, 100), std::nullopt);
    const Decimal huge = Decimal::fromUnits(std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(suggestedScore(stepRule(90, false, "0.000001", true, "0.5"), 1, -huge), 0);
    EXPECT_EQ(suggestedScore(checklist(2, "1000000"), 5, huge), 0);
    EXPECT_EQ(suggestedScore(budgetRule(), 2, -huge), 0);
}

TEST(MaxChecklistDeduction, ItemsTimesDeduction) {
    EXPECT_EQ(maxChecklistDeduction(checklist(3, "0.5")), dec("1.5"));
    EXPECT_EQ(maxChecklistDeduction(checklist(0, "2")), 0);
    EXPECT_EQ(maxChecklistDeduction(budgetRule()), 0);
}

TEST(RecogniseRule, StepRules) {
    auto rec = recogniseRule("资金到位率=（实际到位资金/计划投入资金）×100%。\n"
                             "资金到位率大于90%的得满分，每少5个百分点扣0.5分，扣完为止。",
                             1);
    ASSERT_TRUE(rec.rule);
    EXPECT_TRUE(rec.computable);
    EXPECT_EQ(*rec.rule, stepRule(90, false, "5", true, "0.5"));

    rec = recogniseRule("到位及时率大于90%的得满分，每低5个百分点，扣1分", 2);
    ASSERT_TRUE(rec.rule);
    EXPECT_EQ(*rec.rule, stepRule(90, false, "5", true, "1"));

    rec = recogniseRule("满意度达到９０％（含）以上得满分；每低１个百分点扣０．５分", 10);
    ASSERT_TRUE(rec.rule);
    EXPECT_EQ(*rec.rule, stepRule(90, true, "1", true, "0.5"));
}

TEST(RecogniseRule, BudgetExecution) {
    const auto rec =
        recogniseRule("预算执行率95%以上，得满分；低于95%，每下降1%扣权重的1%；预算执行率60%以下，不计分", 2);
    ASSERT_TRUE(rec.rule);
    EXPECT_TRUE(rec.computable);
    EXPECT_EQ(*rec.rule, budgetRule());

    const auto halfPerPoint =
        recogniseRule("执行率95%及以上得满分；每下降2个百分点扣权重的1%；低于60%不得分", 5);
    ASSERT_TRUE(halfPerPoint.rule);
    EXPECT_EQ(halfPerPoint.rule->weightShare, dec("0.005"));
    EXPECT_EQ(halfPerPoint.rule->zeroBelow, 60);
    EXPECT_FALSE(halfPerPoint.rule->zeroInclusive);
}

// Found by fuzz_rules: a recognised rule must be one the template reader accepts.
TEST(RecogniseRule, RejectsSelfContradictoryBudgetRules) {
    auto rec = recogniseRule("执行率47%及以上得满分；低于47%，每下降1%扣权重的1%；60%以下，不计分", 2);
    ASSERT_TRUE(rec.rule);
    EXPECT_EQ(rec.rule->threshold, 47);
    EXPECT_EQ(rec.rule->zeroBelow, std::nullopt);
    rec = recogniseRule("执行率95%以上得满分；每下降1%扣权重的200%", 2);
    EXPECT_FALSE(rec.rule);
    rec = recogniseRule("执行率95%以上得满分；每下降90000%扣权重的0.0001%", 2); // rounds to a share of 0
    EXPECT_FALSE(rec.rule);
    rec = recogniseRule("执行率95%以上得满分；每下降1%扣权重的0%", 2);
    EXPECT_FALSE(rec.rule);
}

TEST(RecogniseRule, ChecklistsWithChineseNumerals) {
    for (const auto& [text, items, deduction] : std::vector<std::tuple<const char*, int, const char*>>{
             {"①甲；②乙；③丙。\n一项不符合扣0.5分，严重的此项完全不得分。", 3, "0.5"},
             {"①甲；②乙。一项不符合扣一分，严重的此项完全不得分", 2, "1"},
             {"①甲；②乙。一项不符合扣二分", 2, "2"},
             {"①甲；②乙；①重复编号。一项不符合扣两分", 2, "2"},
             {"①②③④⑤⑥⑦⑧⑨⑩一项不符合扣十分", 10, "10"},
             {"一项不符合扣半分", 0, "0.5"},
         }) {
        const auto rec = recogniseRule(text, 1);
        ASSERT_TRUE(rec.rule) << text;
        EXPECT_EQ(*rec.rule, checklist(items, deduction)) << text;
    }
}

TEST(RecogniseRule, CountsProportionalJudgementAndUnknown) {
    auto rec = recogniseRule("项目验收通过率达95%及以上，得满分；未通过一个扣一分，扣完为止。", 12);
    ASSERT_TRUE(rec.rule);
    EXPECT_TRUE(rec.computable);
    EXPECT_EQ(*rec.rule, checklist(0, "1"));

    rec = recogniseRule("得分=实际完成率×指标分值，最高不超过指标分值。", 10);
    ASSERT_TRUE(rec.rule);
    EXPECT_EQ(rec.rule->kind, RuleKind::Proportional);
    EXPECT_EQ(rec.rule->target, 100);

    rec = recogniseRule("对照绩效目标，按经济效益实现程度计算得分。", 6);
    ASSERT_TRUE(rec.rule);
    EXPECT_EQ(rec.rule->kind, RuleKind::Judgement);
    EXPECT_FALSE(rec.computable);

    for (const char* text : {"", "变动率=[（实际成本-计划成本）/计划成本]×100%。", "大于90%的得满分", "酌",
                             "每少5个百分点扣0.5分"}) {
        rec = recogniseRule(text, 4);
        EXPECT_FALSE(rec.rule) << text;
        EXPECT_FALSE(rec.computable) << text;
        EXPECT_FALSE(rec.why.empty());
    }
}

// Every 评价标准 of the sample's 附表1, read from the county template (a verbatim transcription), must be
// recognised as the rule written by hand in the template — which this test also pins down by name.
TEST(RecogniseRule, EverySampleStandard) {
    const Template t =
        loadTemplateFile(std::string(JIXIAO_SOURCE_DIR) + "/extension/templates/county-project.json");
    const std::map<std::string, std::string> expectedKind = {
        {"项目立项规范性", "checklist/3/0.5"},
        {"绩效目标合理性", "checklist/4/0.5"},
        {"绩效指标明确性", "checklist/4/1"},
        {"资金到位率", "stepBelowThreshold/90/5/0.5"},
        {"到位及时率", "stepBelowThreshold/90/5/1"},
        {"管理制度健全性/4", "checklist/2/2"},
        {"制度执行有效性", "checklist/4/1"},
        {"项目质量可控性", "checklist/2/2.5"},
        {"资金分配的合理性", "checklist/2/1"},
        {"预算执行率", "weightShareBelowThreshold/95/0.01/60"},
        {"管理制度健全性/3", "checklist/2/1"},
        {"资金使用合规性", "checklist/5/1"},
        {"财务监控有效性", "checklist/2/2"},
        {"完成数量", "checklist/0/2"},
        {"完成及时性", "checklist/0/1"},
        {"质量达标率", "checklist/0/1"},
        {"资金变动率", "none"},
        {"经济效益", "judgement"},
        {"社会效益", "judgement"},
        {"可持续影响", "judgement"},
        {"服务对象满意度", "stepBelowThreshold/90/1/0.3"},
    };
    int leaves = 0;
    std::vector<std::string> mismatched;
    forEachLeaf(t.card, [&](const Indicator& leaf) {
        ++leaves;
        const auto rec = recogniseRule(leaf.standard, leaf.weight);
        std::string key = leaf.name;
        if (key == "管理制度健全性")
            key += "/" + leaf.weight.toString();
        std::string got = "none";
        if (rec.rule) {
            const ScoringRule& r = *rec.rule;
            got = ruleKindName(r.kind);
            if (r.kind == RuleKind::Checklist)
                got += "/" + std::to_string(r.items) + "/" + r.deduction.toString();
            if (r.kind == RuleKind::StepBelowThreshold)
                got += "/" + r.threshold.toString() + "/" + r.step.toString() + "/" + r.deduction.toString();
            if (r.kind == RuleKind::WeightShareBelowThreshold)
                got += "/" + r.threshold.toString() + "/" + r.weightShare.toString() + "/" +
                       r.zeroBelow->toString();
        }
        EXPECT_EQ(got, expectedKind.at(key)) << key;
        EXPECT_EQ(rec.rule, leaf.rule) << key << ": recognised rule differs from the template's";
        EXPECT_EQ(rec.computable, rec.rule && rec.rule->kind != RuleKind::Judgement) << key;
        if (rec.rule && rec.rule->kind == RuleKind::Checklist && rec.rule->items > 0 &&
            maxChecklistDeduction(*rec.rule) != leaf.weight)
            mismatched.push_back(key);
    });
    EXPECT_EQ(leaves, 21);
    // The sample's three checklists whose items × deduction differ from the weight.
    EXPECT_EQ(mismatched, (std::vector<std::string>{"项目立项规范性", "制度执行有效性", "管理制度健全性/3"}));
}
