#include "core/write/templates.hpp"

#include "core/assemble.hpp"
#include "core/check/validate.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/model/messages.hpp"
#include "core/read/rules.hpp"
#include "core/read/scorecard_json.hpp"
#include "core/write/grid_writer.hpp"
#include "ui_catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

using namespace jixiao;
namespace fs = std::filesystem;

namespace {

const fs::path kShipped = fs::path(JIXIAO_SOURCE_DIR) / "extension" / "templates";

std::string errorOf(const std::string& json) {
    try {
        parseTemplate(json, "my.json");
    } catch (const JsonFormatError& e) {
        EXPECT_EQ(e.file, "my.json");
        return e.jsonPath + " | " + jixiao::testing::englishProblem(e);
    }
    return "no error";
}

const char* kMinimal = R"({"id":"mini","name":{"zh-CN":"迷你","en":"Mini"},"kind":"project",
  "indicators":[{"name":"决策","weight":"100","children":[{"name":"a","weight":"60"},{"name":"b","weight":"40"}]}]})";

struct TempDir {
    fs::path path;
    explicit TempDir(const char* name) : path(fs::temp_directory_path() / name) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    void write(const char* file, const std::string& text) const { std::ofstream(path / file) << text; }
};

} // namespace

TEST(Templates, ShippedTemplatesLoad) {
    std::vector<Message> errors;
    const auto all = loadTemplateDirectories({kShipped}, &errors);
    EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : describe(errors.front()));
    ASSERT_EQ(all.size(), 3u);
    for (const auto& t : all) {
        EXPECT_EQ(totalWeight(t.card), 100) << t.id;
        EXPECT_EQ(t.card.meta.templateId, t.id);
        EXPECT_FALSE(t.nameZh.empty());
        EXPECT_FALSE(t.nameEn.empty());
        forEachLeaf(t.card, [&](const Indicator& leaf) {
            EXPECT_FALSE(leaf.explanation.empty()) << t.id << " " << leaf.name;
            EXPECT_FALSE(leaf.standard.empty()) << t.id << " " << leaf.name;
            EXPECT_EQ(leaf.level, Level::Third) << t.id << " " << leaf.name;
            // A computable rule must score full marks at a perfect measurement.
            if (leaf.rule && leaf.rule->kind != RuleKind::Judgement &&
                leaf.rule->kind != RuleKind::Checklist) {
                EXPECT_EQ(suggestedScore(*leaf.rule, leaf.weight, 100), leaf.weight)
                    << t.id << " " << leaf.name;
            }
        });
    }
}

// A standard's key drops exactly the ASCII blanks a host's line breaks and spacing put in; other text, other
// spaces (the ideographic space) and their order stay.
TEST(Templates, AStandardsKeyDropsOnlyAsciiBlanks) {
    const std::vector<std::pair<std::string, std::string>> keys = {
        {"", ""},
        {" \t\r\n ", ""},
        {"符合要求得满分", "符合要求得满分"},
        {"  符合\r\n要求\t得 满分。 ", "符合要求得满分。"},
        {"a b\u3000c\vd\n", "ab\u3000c\vd"}};
    for (const auto& [standard, key] : keys)
        EXPECT_EQ(standardKey(standard), key) << standard;
}

// The names the Options page and the deck list are generic: a template serves every office, not the one
// bureau whose sample it was transcribed from (the ids stay, settings keep pointing at them).
TEST(Templates, ShippedTemplateNamesAreGeneric) {
    for (const auto& t : loadTemplateDirectories({kShipped}, nullptr))
        for (const std::string& name : {t.nameZh, t.nameEn})
            for (const char* specific : {"样表", "信访局", "富民", "sample", "Sample", "Fumin", "hotline"})
                EXPECT_EQ(name.find(specific), std::string::npos) << t.id << ": " << name;
    EXPECT_EQ(loadTemplateFile(kShipped / "county-project.json").nameZh,
              "县级项目支出绩效评价指标体系（决策、过程、产出、效益）");
}

TEST(Templates, CountyProjectMatchesTheSample) {
    const Template t = loadTemplateFile(kShipped / "county-project.json");
    EXPECT_EQ(t.id, "county-project");
    EXPECT_EQ(t.kind, "project");
    std::vector<std::string> top;
    for (const auto& in : t.card.indicators)
        top.push_back(in.name + in.weight.toString());
    EXPECT_EQ(top, (std::vector<std::string>{"决策10", "过程30", "产出30", "效果30"}));
    std::vector<std::string> second;
    for (const auto& in : t.card.indicators)
        for (const auto& child : in.children)
            second.push_back(child.name + child.weight.toString());
    EXPECT_EQ(second, (std::vector<std::string>{"项目立项7", "资金落实3", "业务管理18", "财务管理12",
                                                "项目产出30", "项目效益30"}));
    std::vector<std::string> leaves;
    forEachLeaf(t.card, [&](const Indicator& leaf) { leaves.push_back(leaf.name + leaf.weight.toString()); });
    EXPECT_EQ(leaves, (std::vector<std::string>{"项目立项规范性1", "绩效目标合理性2", "绩效指标明确性4",
                                                "资金到位率1",     "到位及时率2",     "管理制度健全性4",
                                                "制度执行有效性5", "项目质量可控性5", "资金分配的合理性2",
                                                "预算执行率2",     "管理制度健全性3", "资金使用合规性5",
                                                "财务监控有效性4", "完成数量10",      "完成及时性4",
                                                "质量达标率12",    "资金变动率4",     "经济效益6",
                                                "社会效益8",       "可持续影响6",     "服务对象满意度10"}));
    // Verbatim texts, quirks included (half-width comma, missing full stop).
    const Indicator& quality = t.card.indicators[1].children[0].children[2];
    EXPECT_EQ(quality.explanation, "项目实施单位是否为达到项目质量要求而采取了必需的措施,"
                                   "用以反映和考核项目实施单位对项目质量的控制情况。");
    const Indicator& allocation = t.card.indicators[1].children[0].children[3];
    EXPECT_EQ(allocation.explanation, "资金分配及结果");
    EXPECT_EQ(allocation.standard, "①资金分配方案是否充分，分配标准是否合理、明确；\n②分配结果是否公开、透明"
                                   "。一项不符合扣一分，严重的此项完全不得分");
}

TEST(Templates, LaterDirectoriesOverrideById) {
    TempDir user("jixiao_templates_test_user");
    std::string mine = kMinimal;
    user.write("a-mini.json", mine);
    mine.replace(mine.find("迷你"), std::string("迷你").size(), "我的");
    user.write("b-mini.json", mine);
    std::string county = kMinimal;
    county.replace(county.find("\"mini\""), 6, "\"county-project\"");
    user.write("county.json", county);
    user.write("broken.json", "{\"id\": ");
    user.write("notes.txt", "not a template");

    std::vector<Message> errors;
    const auto all = loadTemplateDirectories({kShipped, user.path / "missing", user.path}, &errors);
    ASSERT_EQ(errors.size(), 1u);
    const std::string en = jixiao::testing::uiCatalog().format("en", errors[0]);
    EXPECT_NE(en.find("broken.json: $: malformed JSON"), std::string::npos) << en;
    const std::string zh = jixiao::testing::uiCatalog().format("zh-CN", errors[0]);
    EXPECT_NE(zh.find("broken.json：$：不是有效的 JSON"), std::string::npos) << zh;
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].id, "county-project"); // replaced in place, keeps its position
    EXPECT_EQ(all[0].nameZh, "迷你");
    EXPECT_EQ(all[3].id, "mini");
    EXPECT_EQ(all[3].nameZh, "我的");
    EXPECT_NO_THROW(loadTemplateDirectories({user.path}, nullptr));
}

TEST(Templates, MalformedTemplatesNameFilePathAndProblem) {
    EXPECT_EQ(errorOf(kMinimal), "no error");
    EXPECT_EQ(errorOf(std::string(kMinimal).substr(0, 60)).substr(0, 19), "$ | malformed JSON:");
    auto replaced = [](std::string from, std::string to) {
        std::string text = kMinimal;
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    EXPECT_EQ(errorOf(replaced(R"("weight":"40")", R"("weight":["40"])")),
              "$.indicators[0].children[1].weight | expected a number or a numeric string, found array");
    EXPECT_EQ(errorOf(replaced(R"("weight":"40")", R"("weight":"30")")),
              "$.indicators[0].weight | weight 100 differs from the sum of its children's weights 90");
    EXPECT_EQ(errorOf(replaced(R"("weight":"40")", R"("weight":"-40")")),
              "$.indicators[0].children[1].weight | weight -40 is negative");
    EXPECT_EQ(errorOf(replaced(R"("weight":"100")", R"("weight":"90")").replace(0, 0, "")),
              "$.indicators[0].weight | weight 90 differs from the sum of its children's weights 100");
    EXPECT_EQ(errorOf(R"({"id":"x","name":{"zh-CN":"x","en":"x"},"kind":"project",
                         "indicators":[{"name":"a","weight":"90"}]})"),
              "$.indicators | the level-one weights sum to 90, not 100");
    EXPECT_EQ(errorOf(replaced(R"("id":"mini")", R"("id":"Mini Template")")),
              R"($.id | id "Mini Template" may use only a-z, 0-9, '-', '_' and '.')");
    EXPECT_EQ(errorOf(replaced(R"("id":"mini",)", "")), "$.id | missing");
    EXPECT_EQ(errorOf(replaced(R"("en":"Mini")", R"("en":"")")), "$.name.en | must not be empty");
    EXPECT_EQ(errorOf(replaced(R"("kind":"project")", R"("kind":7)")),
              "$.kind | expected a string, found number");
    EXPECT_EQ(errorOf(replaced(
                  R"({"name":"a","weight":"60"})",
                  R"({"name":"a","weight":"60","rule":{"kind":"checklist","items":-1,"deduction":1}})")),
              "$.indicators[0].children[0].rule.items | items must not be negative");
}

TEST(Templates, LoadTemplateFileErrors) {
    try {
        loadTemplateFile("/nonexistent/x.json");
        FAIL();
    } catch (const JsonFormatError& e) {
        EXPECT_EQ(e.file, "/nonexistent/x.json");
        EXPECT_EQ(e.jsonPath, "$");
    }
    TempDir dir("jixiao_templates_test_file");
    dir.write("t.json", R"({"id":"t","name":{"zh-CN":"t","en":"t"},"kind":"project","indicators":[]})");
    try {
        loadTemplateFile(dir.path / "t.json");
        FAIL();
    } catch (const JsonFormatError& e) {
        EXPECT_EQ(e.file, (dir.path / "t.json").string());
        EXPECT_EQ(e.jsonPath, "$.indicators");
        EXPECT_EQ(jixiao::testing::englishProblem(e), "a template needs at least one indicator");
    }
}

// Issue 11: a fresh table of a shipped template warned about the template's own 评价标准 (rule.checklist-max
// on the sample's verbatim texts) before the user had typed anything. A fresh table — as the deck inserts it
// in Writer (no title row) and in Calc (title row) — gives no finding about its rules; what it does give is
// only that the scores are still to be entered.
TEST(Templates, FreshTableOfEveryShippedTemplateHasNoRuleFindings) {
    std::vector<jixiao::Message> errors;
    const auto all = loadTemplateDirectories({kShipped}, &errors);
    ASSERT_FALSE(all.empty());
    const auto catalog =
        MessageCatalog::load(fs::path(JIXIAO_SOURCE_DIR) / "extension" / "i18n" / "messages.json");
    for (const auto& t : all)
        for (const bool titleRow : {false, true}) {
            ScoreTableStyle style;
            style.titleRow = titleRow;
            DocumentSnapshot snapshot;
            snapshot.tables.push_back(writeScoreTable(t.card, style));
            const Report report = assemble(snapshot);
            ASSERT_TRUE(report.hasScoreTable) << t.id;
            const Scorecard judged = cardToJudge(report);
            ValidationInput input{judged, {}, std::nullopt, std::nullopt, vettedStandards(all)};
            std::set<std::string> ids;
            for (const auto& finding : validate(input, catalog, "zh-CN")) {
                ids.insert(finding.ruleId);
                EXPECT_NE(finding.ruleId.rfind("rule.", 0), 0u)
                    << t.id << (titleRow ? " (Calc)" : " (Writer)") << ": " << finding.ruleId << " "
                    << finding.message;
            }
            EXPECT_EQ(ids, std::set<std::string>{"score.missing"}) << t.id;
        }
}
