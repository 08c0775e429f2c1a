// The shipped report structures (extension/reports/*.json) and the placeholder findings of 新建评价报告.
#include "core/write/report_outline.hpp"
#include "core/write/templates.hpp"

#include "catalog_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace jixiao;

namespace {

const std::filesystem::path kReports = std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension" / "reports";

std::vector<std::string> headings(const ReportLayout& layout, int level) {
    std::vector<std::string> texts;
    for (const auto& item : layout.items)
        if (item.kind == OutlineItem::Kind::Heading && item.level == level)
            texts.push_back(item.text);
    return texts;
}

int countOf(const ReportLayout& layout, OutlineItem::Kind kind) {
    return static_cast<int>(std::count_if(layout.items.begin(), layout.items.end(),
                                          [&](const OutlineItem& item) { return item.kind == kind; }));
}

} // namespace

// One structure per shipped framework, named by its template id, in both languages with the same shape.
TEST(ReportOutline, EveryShippedTemplateHasAReportInBothLanguagesOfTheSameShape) {
    std::vector<Message> errors;
    const auto templates = loadTemplateDirectories(
        {std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension" / "templates"}, &errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_FALSE(templates.empty());
    for (const auto& t : templates) {
        const auto outline = loadReportOutline(kReports / (t.id + ".json"));
        EXPECT_EQ(outline.templateId, t.id);
        const auto& zh = outline.forLanguage("zh-CN");
        const auto& en = outline.forLanguage("en");
        ASSERT_EQ(zh.items.size(), en.items.size()) << t.id;
        for (std::size_t i = 0; i < zh.items.size(); ++i) {
            EXPECT_EQ(zh.items[i].kind, en.items[i].kind) << t.id << " item " << i;
            EXPECT_EQ(zh.items[i].level, en.items[i].level) << t.id << " item " << i;
            if (zh.items[i].kind == OutlineItem::Kind::Section) {
                EXPECT_EQ(zh.items[i].text, en.items[i].text) << t.id << " item " << i;
            }
        }
        EXPECT_EQ(countOf(zh, OutlineItem::Kind::ScoreTable), 1) << t.id;
        EXPECT_GT(countOf(zh, OutlineItem::Kind::Placeholder), 0) << t.id;
    }
}

// The county project report follows the sample's structure and numbering.
TEST(ReportOutline, TheCountyProjectReportIsTheSamplesStructure) {
    const auto outline = loadReportOutline(kReports / "county-project.json");
    const auto& zh = outline.forLanguage("zh");
    EXPECT_EQ(headings(zh, 1),
              (std::vector<std::string>{"一、项目基本情况", "二、绩效评价工作情况", "三、评价结论",
                                        "四、成本效益分析", "五、主要经验及做法、存在的问题和建议"}));
    EXPECT_EQ(headings(zh, 2),
              (std::vector<std::string>{"（一）项目概况。", "（二）绩效目标。", "（一）绩效评价目的。",
                                        "（二）绩效评价原则、评价方法。", "（三）绩效评价工作过程。",
                                        "（一）评价结果。", "（二）主要绩效。", "（一）主要经验及做法。",
                                        "（二）存在的问题和建议。"}));
    std::vector<std::string> sections;
    for (const auto& item : zh.items)
        if (item.kind == OutlineItem::Kind::Section)
            sections.push_back(item.text);
    EXPECT_EQ(sections,
              (std::vector<std::string>{"funding-usage", "conclusion", "cost-benefit", "problems"}));
    EXPECT_EQ(zh.items.back().kind, OutlineItem::Kind::ScoreTable);
    EXPECT_EQ(zh.items.back().text, "附表1：{caption}");
    EXPECT_EQ(countOf(zh, OutlineItem::Kind::FundingTable), 0); // the sample has none
}

TEST(ReportOutline, TheTitleNeedsUnitYearAndProject) {
    const auto outline = loadReportOutline(kReports / "county-project.json");
    const auto& zh = outline.forLanguage("zh-CN");
    Metadata meta;
    meta.unit = "富民县信访局";
    meta.project = "热线办理工作经费支出";
    EXPECT_EQ(reportTitle(zh, meta), "");
    meta.year = 2025;
    EXPECT_EQ(reportTitle(zh, meta), "富民县信访局2025年度热线办理工作经费支出绩效评价报告");
    EXPECT_EQ(placeholderCount(zh, true) + 1, placeholderCount(zh, false));
}

TEST(ReportOutline, ADepartmentsTitleNeedsNoProject) {
    // 部门整体支出: the title names the department's whole spending, never a project, so an empty project
    // leaves no placeholder.
    const auto outline = loadReportOutline(kReports / "department-overall.json");
    Metadata meta;
    meta.unit = "富民县信访局";
    EXPECT_EQ(reportTitle(outline.forLanguage("zh-CN"), meta), "");
    meta.year = 2025;
    EXPECT_EQ(reportTitle(outline.forLanguage("zh-CN"), meta),
              "富民县信访局2025年度部门整体支出绩效评价报告");
    meta.unit.clear();
    EXPECT_EQ(reportTitle(outline.forLanguage("zh-CN"), meta), "");
}

TEST(ReportOutline, MalformedFilesAreRefusedNamingTheFile) {
    EXPECT_THROW(reportOutlineFromJson("{", "x.json"), std::runtime_error);
    const std::string unknownSection =
        R"({"templateId":"t","zh-CN":{"title":"a","titleHint":"b","items":[{"section":"nope"}]},)"
        R"("en":{"title":"a","titleHint":"b","items":[{"text":"c"}]}})";
    try {
        reportOutlineFromJson(unknownSection, "x.json");
        FAIL() << "an unknown section was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("x.json"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos);
    }
    EXPECT_THROW(reportOutlineFromJson(
                     R"({"templateId":"t","zh-CN":{"title":"a","titleHint":"b","items":[]}})", "x.json"),
                 std::runtime_error);
}

// Each unfilled placeholder is one warning naming its section, at its place; none when all are filled.
TEST(PlaceholderFindings, EachUnfilledPlaceholderIsAWarningNamingItsSection) {
    const auto& catalog = jixiao::testing::shippedCatalog("messages.json");
    EXPECT_TRUE(placeholderFindings({}, catalog, "zh-CN").empty());
    const std::vector<OpenPlaceholder> open{
        {"【报告标题】", "", 0, 0, 6}, {"【开展本次绩效评价的目的】", "（一）绩效评价目的。", 17, 0, 13}};
    const auto findings = placeholderFindings(open, catalog, "zh-CN");
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].ruleId, "report.placeholder-title");
    EXPECT_EQ(findings[1].ruleId, "report.placeholder");
    EXPECT_EQ(findings[1].severity, Severity::Warning);
    EXPECT_EQ(findings[1].message, "“（一）绩效评价目的。”中还有待填写的内容：【开展本次绩效评价的目的】");
    EXPECT_EQ(findings[1].location.kind, Location::Kind::Paragraph);
    EXPECT_EQ(findings[1].location.paragraph, 17);
    EXPECT_EQ(findings[1].location.length, 13);
    EXPECT_NE(placeholderFindings(open, catalog, "en")[1].message.find("still has a part to fill in"),
              std::string::npos);
}

TEST(PlaceholderFindings, TheRulesAreDocumentedAndWordedInBothLanguages) {
    std::ifstream in(std::filesystem::path(JIXIAO_SOURCE_DIR) / "docs/rules.md");
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto& catalog = jixiao::testing::shippedCatalog("messages.json");
    for (const std::string id : {"report.placeholder", "report.placeholder-title"}) {
        EXPECT_NE(doc.find("`" + id + "`"), std::string::npos) << id;
        EXPECT_TRUE(catalog.contains("zh-CN", id)) << id;
        EXPECT_TRUE(catalog.contains("en", id)) << id;
    }
}
