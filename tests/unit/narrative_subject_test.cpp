// What the generated sections call the subject of the evaluation follows the framework: a project's report
// says 该项目, a 部门整体支出 report says 该部门. The noun comes from the data — the template's "kind"
// (extension/templates/*.json) chooses the narrative pattern file's `evaluated.<kind>` — not from C++.
#include "core/write/narrative.hpp"
#include "core/write/templates.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

using namespace jixiao;

namespace {

const std::filesystem::path kSource = JIXIAO_SOURCE_DIR;

NarrativePatterns patterns(const std::string& lang) {
    return NarrativePatterns::loadForLanguage(kSource / "extension/narrative", lang);
}

const std::vector<Template>& shippedTemplates() {
    static const std::vector<Template> templates =
        loadTemplateDirectories({kSource / "extension/templates"}, nullptr);
    return templates;
}

const Template& shipped(std::string_view id) {
    for (const auto& t : shippedTemplates())
        if (t.id == id)
            return t;
    throw std::logic_error("no shipped template " + std::string(id));
}

// The framework's own table, every leaf at full marks but the first, which lost one point; with funding
// when `withFunding`, else without (the sections' noData sentences).
Scorecard scoredCard(const Template& framework, bool withFunding) {
    Scorecard card = framework.card;
    card.meta.templateId = framework.id;
    card.meta.year = 2025;
    bool first = true;
    std::function<void(Indicator&)> score = [&](Indicator& node) {
        if (node.children.empty()) {
            node.score = first ? node.weight - Decimal(1) : node.weight;
            node.reason = first ? "资料不全" : "";
            first = false;
        }
        for (auto& child : node.children)
            score(child);
    };
    for (auto& top : card.indicators)
        score(top);
    if (withFunding) {
        card.funding.unit = "万元";
        card.funding.budget = Decimal(100);
        card.funding.actual = Decimal(98);
    }
    return card;
}

// Every section of the card, as one text, written the way the office writes it for the card's framework.
std::string allSections(const Scorecard& card, const std::string& lang) {
    NarrativeOptions options;
    options.lang = lang;
    options.suggestions = suggestionsFor(shippedTemplates(), card.meta.templateId);
    options.subjectKind = templateKind(shippedTemplates(), card.meta.templateId);
    std::string text;
    for (const auto& id : sectionIds())
        for (const auto& paragraph : generateSection(card, id, patterns(lang), options))
            text += paragraph + "\n";
    return text;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(NarrativeSubject, ShippedTemplatesNameTheirKind) {
    EXPECT_EQ(templateKind(shippedTemplates(), "department-overall"), "department");
    EXPECT_EQ(templateKind(shippedTemplates(), "county-project"), "project");
    // A table typed by hand (no framework known) reads as a project's, as most evaluations are.
    EXPECT_EQ(templateKind(shippedTemplates(), ""), "project");
    EXPECT_EQ(templateKind(shippedTemplates(), "no-such-template"), "project");
}

// A document's table carries no templateId: its framework is the template whose indicators it has.
TEST(NarrativeSubject, ATableReadFromADocumentFindsItsFramework) {
    for (const char* id : {"department-overall", "county-project", "national-2020-project"}) {
        Scorecard card = scoredCard(shipped(id), true);
        card.meta.templateId.clear();
        EXPECT_EQ(closestTemplateId(shippedTemplates(), card), id);
    }
    EXPECT_EQ(closestTemplateId(shippedTemplates(), Scorecard{}), "");
    // A table of the office's own: one of its leaves has a name of the framework, the rest do not.
    Scorecard typed = scoredCard(shipped("department-overall"), true);
    bool first = true;
    forEachLeaf(typed, [&](Indicator& leaf) {
        if (!std::exchange(first, false))
            leaf.name += "（自定）";
    });
    EXPECT_EQ(closestTemplateId(shippedTemplates(), typed), "");
}

// A department scoring itself by a framework of its own shares no template's indicators: its report says
// what it is — its title or its table's caption names 部门整体支出绩效 — and that decides. The rest of the
// prose does not (a project's report may speak of "部门整体绩效"), nor over the template a table was made
// from.
TEST(NarrativeSubject, AReportNamingTheDepartmentsWholeSpendingIsTheDepartments) {
    Scorecard own = scoredCard(shipped("county-project"), true);
    own.meta.templateId.clear();
    forEachLeaf(own, [](Indicator& leaf) { leaf.name += "（自定）"; });
    ASSERT_EQ(closestTemplateId(shippedTemplates(), own), "");
    EXPECT_EQ(reportKind(shippedTemplates(), own, {}), "project");

    Scorecard captioned = own;
    captioned.meta.title = "附件：某市生态环境局2024年度部门整体支出绩效评价指标体系及打分表";
    EXPECT_EQ(reportKind(shippedTemplates(), captioned, {}), "department");
    EXPECT_EQ(
        reportKind(shippedTemplates(), own, {"", "某市生态环境局2024年度部门整体支出绩效自评报告", "正文"}),
        "department");
    EXPECT_EQ(reportKind(shippedTemplates(), own,
                         {"某县水务局2024年度供水项目支出绩效评价报告", "为提升部门整体绩效管理水平，……"}),
              "project");

    Scorecard made = captioned; // made from a project template: its id decides
    made.meta.templateId = "county-project";
    EXPECT_EQ(reportKind(shippedTemplates(), made, {}), "project");
    Scorecard framework = scoredCard(shipped("department-overall"), true); // no id, its indicators decide
    framework.meta.templateId.clear();
    EXPECT_EQ(reportKind(shippedTemplates(), framework, {}), "department");
}

TEST(NarrativeSubject, DepartmentOverallSaysTheDepartment) {
    for (const bool withFunding : {true, false}) {
        const std::string text = allSections(scoredCard(shipped("department-overall"), withFunding), "zh-CN");
        EXPECT_FALSE(contains(text, "该项目")) << text;
        EXPECT_TRUE(contains(text, "该部门")) << text;
        EXPECT_EQ(text.find('{'), std::string::npos) << text;
    }
    const std::string funded = allSections(scoredCard(shipped("department-overall"), true), "zh-CN");
    EXPECT_TRUE(contains(funded, "该部门2025年预算资金100万元")) << funded;
    EXPECT_TRUE(contains(funded, "该部门绩效评价指标总分值100分")) << funded;
    EXPECT_TRUE(contains(funded, "2025年该部门")) << funded;
}

TEST(NarrativeSubject, DepartmentOverallInEnglishSaysTheDepartment) {
    for (const bool withFunding : {true, false}) {
        const std::string text = allSections(scoredCard(shipped("department-overall"), withFunding), "en");
        EXPECT_FALSE(contains(text, "project")) << text;
        EXPECT_TRUE(contains(text, "department")) << text;
    }
    const std::string funded = allSections(scoredCard(shipped("department-overall"), true), "en");
    EXPECT_TRUE(contains(funded, "The department's budget for 2025 was 100")) << funded;
    EXPECT_TRUE(contains(funded, "Of the department's ")) << funded;
}

TEST(NarrativeSubject, ProjectFrameworksStillSayTheProject) {
    for (const char* id : {"county-project", "national-2020-project"}) {
        for (const bool withFunding : {true, false}) {
            const std::string text = allSections(scoredCard(shipped(id), withFunding), "zh-CN");
            EXPECT_TRUE(contains(text, "该项目")) << text;
            EXPECT_FALSE(contains(text, "该部门")) << text;
        }
        const std::string funded = allSections(scoredCard(shipped(id), true), "zh-CN");
        EXPECT_TRUE(contains(funded, "该项目2025年预算资金100万元")) << funded;
        EXPECT_TRUE(
            contains(allSections(scoredCard(shipped(id), true), "en"), "The project's budget for 2025"));
    }
}

// A kind the pattern file does not name (a user's template with free text) reads as a project's.
TEST(NarrativeSubject, UnknownKindFallsBackToTheProject) {
    Scorecard card = scoredCard(shipped("county-project"), true);
    NarrativeOptions options;
    options.subjectKind = "专项";
    const auto paragraphs = generateSection(card, "cost-benefit", patterns("zh-CN"), options);
    ASSERT_EQ(paragraphs.size(), 1u);
    EXPECT_TRUE(contains(paragraphs.front(), "该项目2025年预算资金")) << paragraphs.front();
}
