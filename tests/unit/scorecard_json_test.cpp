#include "core/read/scorecard_json.hpp"
#include "test_decimal.hpp"
#include "ui_catalog.hpp"

#include <gtest/gtest.h>

using namespace jixiao;

namespace {

using jixiao::testing::dec;

// A scorecard with every serialised field set to a non-default value.
Scorecard fullCard() {
    Scorecard card;
    card.meta = {"富民县信访局", "热线办理工作经费", 2025, "绩效评价指标体系及打分表", "county-project"};
    Indicator leaf;
    leaf.level = Level::Third;
    leaf.name = "经济效益";
    leaf.explanation = "项目实施对经济发展所带来的直接或间接影响情况。";
    leaf.standard = "对照绩效目标，按经济效益实现程度计算得分。";
    leaf.weight = 6;
    leaf.labelWeight = 6;
    leaf.score = 3;
    leaf.deduction = 3;
    leaf.reason = "热线工作侧重于保持和促进社会和谐稳定";
    leaf.measured = dec("99.5");
    ScoringRule rule;
    rule.kind = RuleKind::WeightShareBelowThreshold;
    rule.threshold = 95;
    rule.inclusive = true;
    rule.step = dec("2.5");
    rule.partialSteps = true;
    rule.deduction = dec("0.3");
    rule.weightShare = dec("0.01");
    rule.zeroBelow = 60;
    rule.zeroInclusive = true;
    rule.target = 100;
    rule.bands = {{90, 6}, {dec("59.999999"), 1}};
    rule.items = 4;
    leaf.rule = rule;
    Indicator mid;
    mid.level = Level::Second;
    mid.name = "项目效益";
    mid.weight = 6;
    mid.children = {leaf};
    Indicator top;
    top.level = Level::First;
    top.name = "效果";
    top.weight = 6;
    top.labelWeight = 30;
    top.children = {mid};
    card.indicators = {top};
    card.funding.unit = "元";
    card.funding.budget = 20000;
    card.funding.actual = 19900;
    card.funding.items = {{"工资补助", 7200, dec("36.18"), {}, {}},
                          {"社保缴费", 11300, std::nullopt, {}, {}}};
    card.funding.executionRate = dec("99.5");
    card.funding.outputCount = 3794;
    card.funding.outputName = "办理12345政务热线交办件";
    card.funding.outputUnit = "件";
    card.gradeBands = {{85, "好"}, {0, "差"}};
    card.totals.weight = 100;
    card.totals.score = 97;
    card.totals.deduction = 3;
    card.totals.grade = "优秀";
    card.tableName = "表格1";
    card.fundingTableName = "表格2";
    return card;
}

// A hand-written scorecard file: the body of the object after the format every file declares.
std::string scorecardFile(const std::string& json) {
    if (json.empty() || json[0] != '{')
        return json;
    return R"({"format":"jixiao-scorecard",)" + json.substr(1);
}

std::string rawErrorOf(const std::string& json) {
    try {
        scorecardFromJson(json, "t.json");
    } catch (const JsonFormatError& e) {
        EXPECT_EQ(e.file, "t.json");
        EXPECT_EQ(e.key(), "error.json." + e.problem);
        return e.jsonPath + " | " + jixiao::testing::englishProblem(e);
    }
    return "no error";
}

std::string errorOf(const std::string& json) {
    return rawErrorOf(scorecardFile(json));
}

// {"name":"…","weight":"1"} `count` times, as a JSON array's content.
std::string leaves(std::size_t count) {
    std::string list;
    for (std::size_t i = 0; i < count; ++i)
        list += (i ? "," : "") + std::string(R"({"name":"n)") + std::to_string(i) + R"(","weight":"1"})";
    return list;
}

} // namespace

TEST(ScorecardJson, RoundTripIsExact) {
    const Scorecard card = fullCard();
    const std::string json = scorecardToJson(card);
    EXPECT_EQ(scorecardFromJson(json, "x"), card);
    EXPECT_NE(json.find("\"19900\""), std::string::npos); // numbers are strings
    EXPECT_NE(json.find("\"59.999999\""), std::string::npos);
    EXPECT_EQ(scorecardFromJson(scorecardToJson(Scorecard{}, -1), "x"), Scorecard{});
}

TEST(ScorecardJson, CellsAndReadIssuesAreNotWritten) {
    Scorecard card = fullCard();
    card.indicators[0].cells.name = {3, 1, "B4"};
    card.funding.budgetCell = {1, 1, "B2"};
    card.readIssues.push_back(Finding{});
    EXPECT_EQ(scorecardFromJson(scorecardToJson(card), "x"), fullCard());
}

TEST(ScorecardJson, ReadsJsonNumbersAndDefaults) {
    const Scorecard card = scorecardFromJson(
        R"({"format":"jixiao-scorecard","indicators":[{"name":"决策","weight":10,"children":[{"name":"a","weight":2.5,"score":"2.25"}]}],
            "funding":{"budget":1.99}})",
        "x");
    ASSERT_EQ(card.indicators.size(), 1u);
    EXPECT_EQ(card.indicators[0].level, Level::First);
    EXPECT_EQ(card.indicators[0].children[0].level, Level::Second);
    EXPECT_EQ(card.indicators[0].children[0].weight, dec("2.5"));
    EXPECT_EQ(card.indicators[0].children[0].score, dec("2.25"));
    EXPECT_EQ(card.funding.budget, dec("1.99"));
    EXPECT_EQ(card.funding.unit, "万元");
    EXPECT_EQ(card.gradeBands, defaultGradeBands());
}

TEST(ScorecardJson, RuleRoundTripPerKind) {
    for (auto kind : {RuleKind::StepBelowThreshold, RuleKind::WeightShareBelowThreshold,
                      RuleKind::Proportional, RuleKind::Bands, RuleKind::Checklist, RuleKind::Judgement}) {
        ScoringRule r;
        r.kind = kind;
        r.threshold = 90;
        r.step = 5;
        r.deduction = dec("0.5");
        r.weightShare = dec("0.01");
        r.target = 100;
        r.bands = {{0, 1}};
        r.items = 3;
        EXPECT_EQ(ruleFromJson(ruleToJson(r), "$.rule", "x"), r) << ruleKindName(kind);
        EXPECT_EQ(ruleKindFromName(ruleKindName(kind)), kind);
    }
    EXPECT_EQ(ruleToJson(ScoringRule{}).dump(), R"({"kind":"judgement"})");
    // Found by fuzz_rules: required fields at their default value must still be written.
    ScoringRule zero;
    zero.kind = RuleKind::StepBelowThreshold;
    zero.inclusive = true;
    EXPECT_EQ(ruleFromJson(ruleToJson(zero), "$", "x"), zero);
    zero.kind = RuleKind::Checklist;
    EXPECT_EQ(ruleFromJson(ruleToJson(zero), "$", "x"), zero);
}

TEST(ScorecardJson, ErrorsNameThePath) {
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"a","weight":"1"},{"name":"b","weight":"x"}]})"),
              R"($.indicators[1].weight | "x" is not a decimal number)");
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"a","weight":1,"children":[{"name":"c","weight":true}]}]})"),
              "$.indicators[0].children[0].weight | expected a number or a numeric string, found boolean");
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"a","wieght":1}]})"),
              R"($.indicators[0].wieght | unknown key "wieght")");
    EXPECT_EQ(errorOf(R"({"indicators":[{"weight":1}]})"), "$.indicators[0].name | missing");
    EXPECT_EQ(errorOf(R"({"indicators":{}})"), "$.indicators | expected an array, found object");
    EXPECT_EQ(errorOf(R"([1])"), "$ | expected an object, found array");
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"a","weight":1,"rule":{"kind":"stepBelowThreshold",
              "threshold":"90","step":"0","deduction":"1"}}]})"),
              "$.indicators[0].rule.step | step must be greater than 0");
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"a","weight":1,"rule":{"kind":"magic"}}]})").substr(0, 53),
              R"($.indicators[0].rule.kind | unknown rule kind "magic")");
    EXPECT_EQ(errorOf(R"({"meta":{"year":"2025"}})"), "$.meta.year | expected a whole number");
    EXPECT_EQ(errorOf(R"({"version":2})"), "$.version | unsupported version (this Jixiao reads version 1)");
    EXPECT_EQ(errorOf(R"({"gradeBands":[]})"), "$.gradeBands | at least one grade band is needed");
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"a","weight":1,"children":[{"name":"b","weight":1,"children":[
              {"name":"c","weight":1,"children":[{"name":"d","weight":1}]}]}]}]})"),
              "$.indicators[0].children[0].children[0].children | indicators nest at most three levels deep");
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"a","weight":"99999999999999999999"}]})").substr(0, 26),
              "$.indicators[0].weight | \"");
    // Found by fuzz_templates: a number too large for a double is nlohmann's out_of_range, not a parse_error.
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"a","weight":1e400}]})").substr(0, 19),
              "$ | malformed JSON:");
    const std::string truncated = errorOf(R"({"indicators":[{"name":"a")");
    EXPECT_EQ(truncated.substr(0, 19), "$ | malformed JSON:");
}

TEST(ScorecardJson, TheDocumentMustSayWhatItIs) {
    EXPECT_EQ(rawErrorOf(R"({"indicators":[]})"), "$.format | missing");
    EXPECT_EQ(rawErrorOf(R"({"format":"jixiao-template","indicators":[]})"),
              R"($.format | expected "jixiao-scorecard", found "jixiao-template")");
    EXPECT_EQ(rawErrorOf(R"({"format":1})"), "$.format | expected a string, found number");
    EXPECT_EQ(errorOf(R"({"indicator":[]})"), R"($.indicator | unknown key "indicator")");
}

TEST(ScorecardJson, WhatTheBatchExportWritesReadsBack) {
    // jixiao-batch --export-json adds the report's path to the exported scorecard.
    nlohmann::json exported = nlohmann::json::parse(scorecardToJson(fullCard()));
    exported["source"] = "/reports/甲单位.docx";
    EXPECT_EQ(scorecardFromJson(exported.dump(), "x"), fullCard());
}

TEST(ScorecardJson, OversizedDocumentsAreRefusedNamingTheLimit) {
    using L = ScorecardJsonLimits;
    EXPECT_EQ(errorOf(R"({"indicators":[)" + leaves(L::kMaxIndicators) + "]}"), "no error");
    EXPECT_EQ(errorOf(R"({"indicators":[)" + leaves(L::kMaxIndicators + 1) + "]}"),
              "$.indicators | too large: 2001 indicators (at most 2000)");
    // Counted at every level: one parent holding the leaves is no way round the limit.
    EXPECT_EQ(errorOf(R"({"indicators":[{"name":"p","weight":"1","children":[)" + leaves(L::kMaxIndicators) +
                      "]}]}"),
              "$.indicators | too large: 2001 indicators (at most 2000)");
    std::string items;
    for (std::size_t i = 0; i <= L::kMaxFundingItems; ++i)
        items += (i ? "," : "") + std::string(R"({"name":"x","amount":"1"})");
    EXPECT_EQ(errorOf(R"({"funding":{"items":[)" + items + "]}}"),
              "$.funding.items | too large: 501 funding items (at most 500)");

    const std::string huge =
        scorecardFile(R"({"meta":{"title":")" + std::string(L::kMaxBytes, 'x') + R"("}})");
    try {
        scorecardFromJson(huge, "big.json");
        ADD_FAILURE() << "accepted " << huge.size() << " bytes";
    } catch (const ScorecardTooLarge& e) {
        EXPECT_EQ(e.what_, "bytes");
        EXPECT_EQ(e.limit, L::kMaxBytes);
        EXPECT_EQ(e.found, huge.size());
        EXPECT_EQ(e.jsonPath, "$");
    }
}
