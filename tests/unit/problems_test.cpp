// The `problems` section (存在的问题和建议) drafted from the deductions, the template suggestions it quotes,
// and the validation of the section against the table (narrative.problem-missing,
// narrative.problem-not-lost).
#include "core/check/validate.hpp"
#include "core/check/validate_problems.hpp"
#include "core/read/scorecard_json.hpp"
#include "core/write/narrative.hpp"
#include "core/write/suggestions.hpp"
#include "core/write/templates.hpp"

#include "prose_test_helpers.hpp"
#include "sample_scorecard.hpp"
#include "ui_catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace jixiao;
using jixiao::testing::sampleCard;

namespace {

const std::filesystem::path kSource = JIXIAO_SOURCE_DIR;

NarrativePatterns zh() {
    return NarrativePatterns::load(kSource / "extension/narrative/zh-CN.json");
}
NarrativePatterns en() {
    return NarrativePatterns::load(kSource / "extension/narrative/en.json");
}

const std::vector<Template>& shippedTemplates() {
    static const std::vector<Template> templates =
        loadTemplateDirectories({kSource / "extension/templates"}, nullptr);
    return templates;
}

NarrativeOptions countyOptions(std::string lang = "zh-CN") {
    NarrativeOptions options;
    options.lang = std::move(lang);
    options.suggestions = suggestionsFor(shippedTemplates(), "county-project");
    return options;
}

// The leaf `name` under the 二级 `parent` (empty: the first leaf of that name).
Indicator& leafOf(Scorecard& card, std::string_view name, std::string_view parent = {}) {
    for (auto& top : card.indicators)
        for (auto& second : top.children)
            for (auto& leaf : second.children)
                if (leaf.name == name && (parent.empty() || second.name == parent))
                    return leaf;
    throw std::logic_error("no indicator " + std::string(name));
}

void lose(Scorecard& card, std::string_view name, const char* score, const char* reason,
          std::string_view parent = {}) {
    Indicator& leaf = leafOf(card, name, parent);
    leaf.score = Decimal::parse(score);
    leaf.reason = reason;
}

std::string joined(const std::vector<std::string>& paragraphs) {
    std::string text;
    for (const auto& p : paragraphs)
        text += (text.empty() ? "" : "\n") + p;
    return text;
}

const std::string kEconomicReason =
    "热线工作侧重于保持和促进社会和谐稳定，在投入产出评价指标方面难以用数据体现，"
    "对经济效益影响不太明显";

} // namespace

TEST(ProblemsSection, SampleNamesTheOneIndicatorThatLostPointsWithItsReason) {
    Scorecard card = sampleCard();
    card.meta.year = 2025;
    const auto paragraphs = generateSection(card, "problems", zh());
    EXPECT_EQ(paragraphs, (std::vector<std::string>{
                              "2025年该项目21项评价指标中有1项未得满分，主要存在以下问题：",
                              "1.效果方面。“经济效益”指标扣3分，原因是" + kEconomicReason + "。",
                              "针对上述问题，提出以下建议：",
                              "1.【请针对“经济效益”指标的扣分原因填写改进建议】",
                          }));
}

TEST(ProblemsSection, GroupedByFirstLevelInTheTablesOrder) {
    Scorecard card = sampleCard();
    lose(card, "完成及时性", "3", "部分交办件超期办结。");
    lose(card, "绩效指标明确性", "3", "绩效指标未细化量化");
    lose(card, "质量达标率", "11", "");
    const auto paragraphs = generateSection(card, "problems", zh());
    ASSERT_EQ(paragraphs.size(), 1u + 3u + 1u + 4u) << joined(paragraphs);
    EXPECT_EQ(paragraphs[0], "该项目21项评价指标中有4项未得满分，主要存在以下问题：");
    EXPECT_EQ(paragraphs[1], "1.决策方面。“绩效指标明确性”指标扣1分，原因是绩效指标未细化量化。");
    // Two in one 一级, in the table's order; a reason's own full stop is not doubled; no reason, no clause.
    EXPECT_EQ(paragraphs[2],
              "2.产出方面。“完成及时性”指标扣1分，原因是部分交办件超期办结；“质量达标率”指标扣1分。");
    EXPECT_EQ(paragraphs[3], "3.效果方面。“经济效益”指标扣3分，原因是" + kEconomicReason + "。");
    // One suggestion per problem, in the same order.
    EXPECT_EQ(paragraphs[5], "1.【请针对“绩效指标明确性”指标的扣分原因填写改进建议】");
    EXPECT_EQ(paragraphs[6], "2.【请针对“完成及时性”指标的扣分原因填写改进建议】");
    EXPECT_EQ(paragraphs[7], "3.【请针对“质量达标率”指标的扣分原因填写改进建议】");
    EXPECT_EQ(paragraphs[8], "4.【请针对“经济效益”指标的扣分原因填写改进建议】");
}

TEST(ProblemsSection, SuggestionsComeFromTheTemplateWhereItHasOne) {
    Scorecard card = sampleCard();
    lose(card, "预算执行率", "1.5", "预算执行率低于95%");
    lose(card, "管理制度健全性", "2", "未制定项目资金管理办法", "财务管理");
    lose(card, "资金到位率", "0.5", "资金未全部到位");
    lose(card, "到位及时率", "1", "资金到位不及时");
    const auto paragraphs = generateSection(card, "problems", zh(), countyOptions());
    const std::string text = joined(paragraphs);
    // 资金到位率 and 到位及时率 share the template's sentence: said once.
    EXPECT_NE(text.find("\n1.加强与财政部门的沟通衔接，确保项目资金及时足额到位。\n"), std::string::npos)
        << text;
    EXPECT_EQ(text.find("及时足额到位。\n3."), std::string::npos) << text;
    EXPECT_NE(text.find("\n2.科学编制资金使用计划，加快预算执行进度，提高预算执行率。\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("\n3.健全项目资金管理办法，确保符合相关财务会计制度的规定。\n"), std::string::npos)
        << text; // 财务管理's 管理制度健全性, not 业务管理's
    EXPECT_TRUE(text.ends_with("\n4.【请针对“经济效益”指标的扣分原因填写改进建议】")) << text;
    // 管理制度健全性 is the name of two indicators: the problem says which one lost points.
    EXPECT_NE(text.find("“管理制度健全性”（财务管理）指标扣1分，原因是未制定项目资金管理办法。"),
              std::string::npos)
        << text;
}

TEST(ProblemsSection, NothingLostSaysSoAndSuggestsNothing) {
    Scorecard card = sampleCard();
    leafOf(card, "经济效益").score = 6;
    EXPECT_EQ(generateSection(card, "problems", zh()),
              std::vector<std::string>{"各项指标均得满分，评价中未发现扣分事项。"});
}

TEST(ProblemsSection, WaitsForEveryScore) {
    Scorecard card = sampleCard();
    leafOf(card, "社会效益").score.reset();
    EXPECT_EQ(generateSection(card, "problems", zh()),
              std::vector<std::string>{"尚有指标未评分，待评分完成后再归纳存在的问题和建议。"});
}

TEST(ProblemsSection, English) {
    Scorecard card = sampleCard();
    card.meta.year = 2025;
    lose(card, "预算执行率", "1.5", "");
    const auto paragraphs = generateSection(card, "problems", en(), countyOptions("en"));
    EXPECT_EQ(paragraphs,
              (std::vector<std::string>{
                  "Of the project's 21 indicators, 2 fell short of full marks in 2025. The problems found "
                  "are:",
                  "1. 过程: “预算执行率” (deduction: 0.5).",
                  "2. 效果: “经济效益” (deduction: 3), because " + kEconomicReason + ".",
                  "The following improvements are suggested:",
                  "1. Plan the use of the funds over the year and speed up budget execution.",
                  "2. 【Suggestion for “经济效益” to be written】",
              }));
}

// The deck's section chooser lists sectionIds() by their "section.<id>" names.
TEST(ProblemsSection, TheDeckNamesItInBothLanguages) {
    for (const auto& id : sectionIds())
        for (const char* lang : {"zh-CN", "en"})
            EXPECT_TRUE(jixiao::testing::uiCatalog().contains(lang, "section." + id)) << lang << " " << id;
    EXPECT_EQ(jixiao::testing::uiCatalog().format("zh-CN", "section.problems", {}), "存在的问题和建议");
}

// ---- the template field ----

TEST(TemplateSuggestions, ShippedTemplatesCarrySomeAndStillReadAsScorecards) {
    for (const auto& t : shippedTemplates()) {
        EXPECT_FALSE(t.suggestions.empty()) << t.id;
        for (const auto& s : t.suggestions) {
            EXPECT_EQ(s.path.size(), 3u) << t.id;
            EXPECT_FALSE(s.text.at("zh-CN").empty());
            EXPECT_FALSE(s.text.at("en").empty());
        }
    }
}

TEST(TemplateSuggestions, ABadSuggestionIsNamedByItsPath) {
    const std::string head = R"({"id": "t", "name": {"zh-CN": "甲", "en": "A"}, "kind": "project",
        "indicators": [{"name": "决策", "weight": "100", "suggestion": )";
    const auto problemAt = [&](const std::string& suggestion) {
        try {
            parseTemplate(head + suggestion + "}]}", "t.json");
        } catch (const JsonFormatError& e) {
            return e.jsonPath + " " + e.problem;
        }
        return std::string("accepted");
    };
    EXPECT_EQ(problemAt(R"({"zh-CN": "加强管理。", "en": "Manage better."})"), "accepted");
    EXPECT_EQ(problemAt(R"("加强管理。")"), "$.indicators[0].suggestion expected-object");
    EXPECT_EQ(problemAt(R"({"zh-CN": "加强管理。"})"), "$.indicators[0].suggestion.en missing");
    EXPECT_EQ(problemAt(R"({"zh-CN": "", "en": "x"})"), "$.indicators[0].suggestion.zh-CN empty");
    EXPECT_EQ(problemAt(R"({"zh-CN": "x", "en": "x", "fr": "x"})"),
              "$.indicators[0].suggestion.fr unknown-key");
}

TEST(TemplateSuggestions, FoundByPathThenParentAndNameThenName) {
    const std::vector<IndicatorSuggestion> book = {
        {{"过程", "业务管理", "管理制度健全性"}, {{"zh-CN", "业务"}, {"en", "business"}}},
        {{"过程", "财务管理", "管理制度健全性"}, {{"zh-CN", "财务"}, {"en", "finance"}}},
        {{"决策", "资金落实", "资金到位率"}, {{"zh-CN", "到位"}, {"en", "arrival"}}},
    };
    EXPECT_EQ(suggestionFor(book, {"过程", "财务管理", "管理制度健全性"}, "zh-CN"), "财务");
    EXPECT_EQ(suggestionFor(book, {"项目管理", "财务管理", "管理制度健全性"}, "en"), "finance");
    EXPECT_EQ(suggestionFor(book, {"投入", "资金到位", "资金到位率"}, "zh_CN"), "到位");
    EXPECT_EQ(suggestionFor(book, {"投入", "资金到位", "到位及时率"}, "zh-CN"), std::nullopt);
}

// ---- validation of the section ----

namespace {

struct Written {
    Scorecard card;
    std::vector<std::string> section;
    std::vector<std::string> paragraphs; // the document: a heading, the section, the next heading
};

Written written(const Scorecard& card) {
    Written w{card, generateSection(card, "problems", zh()), {}};
    w.paragraphs.push_back("（二）存在的问题和建议。");
    w.paragraphs.insert(w.paragraphs.end(), w.section.begin(), w.section.end());
    w.paragraphs.push_back("附表1：打分表");
    return w;
}

// Indices of the findings about the problems section.
std::vector<std::size_t> withRuleIds(const std::vector<Finding>& findings) {
    std::vector<std::size_t> result;
    for (std::size_t i = 0; i < findings.size(); ++i)
        if (findings[i].ruleId.starts_with("narrative.problem"))
            result.push_back(i);
    return result;
}

std::vector<Finding> check(const Written& w, const std::vector<std::string>& section) {
    return checkProblemsSection(w.card, joined(section), w.paragraphs);
}

} // namespace

TEST(ProblemsValidation, TheSectionAsWrittenAgreesWithTheTable) {
    const Written w = written(sampleCard());
    EXPECT_TRUE(check(w, w.section).empty());
}

TEST(ProblemsValidation, AnIndicatorThatLostPointsAndIsNotMentioned) {
    const Written before = written(sampleCard());
    Scorecard changed = sampleCard();
    lose(changed, "完成及时性", "3", "超期"); // scored after the section was written
    Written now = before;
    now.card = changed;
    const auto findings = check(now, before.section);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].ruleId, "narrative.problem-missing");
    EXPECT_EQ(findings[0].severity, Severity::Warning);
    EXPECT_EQ(findings[0].indicator, "完成及时性");
    EXPECT_EQ(findings[0].args.at("deduction"), "1");
    EXPECT_EQ(findings[0].location.kind, Location::Kind::Paragraph);
    EXPECT_EQ(findings[0].location.paragraph, 1); // the section's first paragraph
}

TEST(ProblemsValidation, AnIndicatorNamedAsAProblemThatLostNone) {
    Written w = written(sampleCard());
    // The user added a problem by hand, naming an indicator that earned its full score.
    w.section[1] += "“社会效益”指标有待提升。";
    w.paragraphs[2] = w.section[1];
    const auto findings = check(w, w.section);
    ASSERT_EQ(findings.size(), 1u) << findings.size();
    EXPECT_EQ(findings[0].ruleId, "narrative.problem-not-lost");
    EXPECT_EQ(findings[0].severity, Severity::Warning);
    EXPECT_EQ(findings[0].indicator, "社会效益");
    EXPECT_EQ(findings[0].location.paragraph, 2);
    EXPECT_EQ(findings[0].location.offset, jixiao::testing::codePointOffset(w.section[1], "“社会效益”"));
    EXPECT_EQ(findings[0].location.length, 6);
}

TEST(ProblemsValidation, AProblemWhoseScoreWasRaisedSinceIsReportedOnce) {
    Written w = written(sampleCard());
    leafOf(w.card, "经济效益").score = 6; // named in the problem sentence and in the placeholder
    const auto findings = check(w, w.section);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].ruleId, "narrative.problem-not-lost");
    EXPECT_EQ(findings[0].indicator, "经济效益");
    EXPECT_EQ(findings[0].location.paragraph, 2);
}

TEST(ProblemsValidation, ANameSharedWithAnIndicatorThatLostPointsIsThatOnes) {
    Scorecard card = sampleCard();
    lose(card, "管理制度健全性", "2", "未制定项目资金管理办法", "财务管理"); // 业务管理's keeps its 4
    const Written w = written(card);
    EXPECT_TRUE(check(w, w.section).empty());
}

TEST(ProblemsValidation, NothingWhileAScoreIsMissing) {
    Written w = written(sampleCard());
    leafOf(w.card, "社会效益").score.reset();
    EXPECT_TRUE(check(w, {"尚有指标未评分。"}).empty());
}

TEST(ProblemsValidation, ValidateChecksTheSectionItIsGivenInBothLanguages) {
    const Written w = written(sampleCard());
    Scorecard changed = sampleCard();
    lose(changed, "完成及时性", "3", "超期");
    ValidationInput input{changed, w.paragraphs, std::nullopt, std::nullopt};
    EXPECT_TRUE(withRuleIds(validate(input, jixiao::testing::messageCatalog(), "zh-CN")).empty());
    input.problemsSection = joined(w.section);
    const auto zhFindings = validate(input, jixiao::testing::messageCatalog(), "zh-CN");
    const auto ids = withRuleIds(zhFindings);
    ASSERT_EQ(ids.size(), 1u);
    EXPECT_EQ(zhFindings[ids[0]].message, "“完成及时性”扣1分，但“存在的问题和建议”中没有写到该指标");
    const auto enFindings = validate(input, jixiao::testing::messageCatalog(), "en");
    EXPECT_EQ(enFindings[withRuleIds(enFindings).at(0)].message,
              "“完成及时性” loses 1 points, but the problems and suggestions section does not mention it");
}
