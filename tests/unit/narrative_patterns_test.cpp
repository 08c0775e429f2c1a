// Every narrative pattern of each language, rendered through the sections on the sample's scorecard
// (examples/sample-scorecard.json), on an empty scorecard and on the variants of the sample that reach the
// remaining patterns: nothing left unfilled, no word written twice (支出支出, 的的, 。。, "the the").
#include "core/read/scorecard_json.hpp"
#include "core/text/utf8.hpp"
#include "core/write/narrative.hpp"
#include "core/write/templates.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

using namespace jixiao;

namespace {

const std::filesystem::path kSource = JIXIAO_SOURCE_DIR;

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Scorecard sampleScorecard() {
    return scorecardFromJson(readFile(kSource / "examples/sample-scorecard.json"), "sample-scorecard.json");
}

Indicator& leafNamed(Scorecard& card, std::string_view name) {
    Indicator* found = nullptr;
    forEachLeaf(card, [&](Indicator& leaf) {
        if (leaf.name == name && found == nullptr)
            found = &leaf;
    });
    if (found == nullptr)
        throw std::logic_error("no indicator " + std::string(name));
    return *found;
}

struct Case {
    std::string name;
    Scorecard card;
    bool withSuggestions = false;
    std::string subjectKind = "project"; // the framework's kind: 部门整体支出 is "department"
};

// The sample, the empty card, and the sample changed so that every pattern is used by some case (the
// coverage test below holds this list to that).
std::vector<Case> cases() {
    std::vector<Case> result{{"sample", sampleScorecard()}, {"empty", Scorecard{}}};
    Scorecard full = sampleScorecard();
    leafNamed(full, "经济效益").score = leafNamed(full, "经济效益").weight;
    result.push_back({"nothing lost", full});
    Scorecard unscored = sampleScorecard();
    leafNamed(unscored, "社会效益").score.reset();
    result.push_back({"a score missing", unscored});
    Scorecard noBudget = sampleScorecard();
    noBudget.funding.budget.reset();
    noBudget.meta.year.reset();
    noBudget.funding.outputCount = 3794;
    noBudget.funding.outputName.clear();
    noBudget.funding.outputUnit.clear();
    result.push_back({"no budget, no year, an output count", noBudget});
    Scorecard bare = sampleScorecard();
    bare.meta = {};
    bare.funding.outputCount = 3794;
    bare.funding.outputName = "办理12345政务热线交办件";
    bare.funding.outputUnit = "件";
    result.push_back({"no title, unit or project", bare});
    Scorecard untitled = sampleScorecard();
    untitled.meta.title.clear();
    untitled.meta.project = "热线办理工作经费支出"; // as some units enter it: 支出 must not be written twice
    untitled.funding = {};
    result.push_back({"no title, no funding, a project ending in 支出", untitled});
    Scorecard lost = sampleScorecard();
    leafNamed(lost, "预算执行率").score = Decimal::parse("1.5");
    leafNamed(lost, "经济效益").reason.clear();
    leafNamed(lost, "管理制度健全性").score = 3; // a name two indicators share: the problem names its 二级
    result.push_back({"template suggestion, a deduction without reason", lost, true});
    result.push_back({"a department's overall spending", sampleScorecard(), false, "department"});
    Scorecard department = sampleScorecard();
    department.meta.title.clear();
    department.meta.project.clear(); // a department's report names no project
    result.push_back({"a department's table without a caption read", department, false, "department"});
    return result;
}

std::vector<std::string> render(const Case& c, const NarrativePatterns& patterns) {
    NarrativeOptions options;
    options.lang = patterns.language();
    options.subjectKind = c.subjectKind;
    if (c.withSuggestions)
        options.suggestions = suggestionsFor(
            loadTemplateDirectories({kSource / "extension/templates"}, nullptr), "county-project");
    std::vector<std::string> paragraphs;
    for (const auto& id : sectionIds())
        for (auto& paragraph : generateSection(c.card, id, patterns, options))
            paragraphs.push_back(std::move(paragraph));
    return paragraphs;
}

bool asciiWordChar(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U' ';
}

// A run of one to four characters written twice in a row (支出支出, 的的, 。。), not counting digits, Latin
// letters and spaces, nor the doubled punctuation Chinese writes on purpose (——, ……); and an English word
// written twice (the the). Empty when there is none.
std::string doubledWord(const std::string& text) {
    const std::u32string u = decodeUtf8(text);
    for (std::size_t length = 1; length <= 4; ++length)
        for (std::size_t i = 0; i + 2 * length <= u.size(); ++i) {
            const auto first = u.substr(i, length);
            if (first != u.substr(i + length, length))
                continue;
            if (std::any_of(first.begin(), first.end(),
                            [](char32_t c) { return asciiWordChar(c) || c == U'—' || c == U'…'; }))
                continue;
            return encodeUtf8(first + first);
        }
    std::string previous, word;
    for (const char32_t c : u + U' ') {
        if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) {
            word += static_cast<char>(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
            continue;
        }
        if (!word.empty()) {
            if (word == previous)
                return word + " " + word;
            previous = word;
            word.clear();
        }
        if (c != U' ')
            previous.clear(); // "it. It" is two sentences, not a doubled word
    }
    return {};
}

NarrativePatterns load(const char* file) {
    return NarrativePatterns::load(kSource / "extension/narrative" / file);
}

} // namespace

TEST(NarrativePatterns, DoubledWordsAreFound) {
    EXPECT_EQ(doubledWord("资金主要用于社保缴费支出支出"), "支出支出");
    EXPECT_EQ(doubledWord("评价的的结果"), "的的");
    EXPECT_EQ(doubledWord("扣3分。。"), "。。");
    EXPECT_EQ(doubledWord("spent on the the items"), "the the");
    EXPECT_EQ(doubledWord("总分值100分，2万元，×10,000 yuan——是……"), "");
    EXPECT_EQ(doubledWord("It lost points. Points were lost"), "");
}

TEST(NarrativePatterns, EveryLanguageRendersEveryCaseFilledAndWithoutDoubledWords) {
    for (const char* file : {"zh-CN.json", "en.json"}) {
        const NarrativePatterns patterns = load(file);
        for (const auto& c : cases()) {
            const auto paragraphs = render(c, patterns);
            EXPECT_FALSE(paragraphs.empty()) << file << ", " << c.name;
            if (std::getenv("JIXIAO_PRINT_NARRATIVE") != nullptr)
                for (const auto& p : paragraphs)
                    std::cout << file << " | " << c.name << " | " << p << "\n";
            for (const auto& paragraph : paragraphs) {
                EXPECT_EQ(paragraph.find_first_of("{}[]"), std::string::npos)
                    << file << ", " << c.name << ": " << paragraph;
                EXPECT_EQ(doubledWord(paragraph), "") << file << ", " << c.name << ": " << paragraph;
                EXPECT_FALSE(paragraph.empty()) << file << ", " << c.name;
            }
        }
    }
}

// Each pattern marked with its key: every key must turn up in some case's text, so the test above read
// every pattern and a new pattern comes with a case that reaches it.
TEST(NarrativePatterns, TheCasesReachEveryPattern) {
    for (const char* file : {"zh-CN.json", "en.json"}) {
        nlohmann::json marked = nlohmann::json::parse(readFile(kSource / "extension/narrative" / file));
        for (auto& [key, text] : marked["patterns"].items())
            text = "<" + key + ">" + text.get<std::string>();
        const auto patterns = NarrativePatterns::fromJson(marked.dump(), file);
        std::set<std::string> used;
        for (const auto& c : cases())
            for (const auto& paragraph : render(c, patterns))
                for (auto open = paragraph.find('<'); open != std::string::npos;
                     open = paragraph.find('<', open + 1))
                    used.insert(paragraph.substr(open + 1, paragraph.find('>', open) - open - 1));
        for (const auto& key : patterns.keys())
            EXPECT_TRUE(used.contains(key)) << file << ": no case renders " << key;
    }
}
