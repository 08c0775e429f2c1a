// Every button, menu or panel a message names exists: the names the catalogs (extension/i18n/*.json) quote —
// “…”, 「…」, 『…』, ‘…’, in both languages — are checked against the labels the user can see: the deck's,
// the options page's and the undo steps' (ui.json), the dialogs (extension/dialogs/*.xdl) and the menus,
// sidebar and options tree (registry/*.xcu). Issue 19: a finding named a button “转换为自动计算表格” that
// never existed (it is 转为实时表格). And a finding quotes no raw formula: it shows the value.
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSource(JIXIAO_SOURCE_DIR);

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json catalog(const std::string& name) {
    return nlohmann::json::parse(readFile(kSource / "extension" / "i18n" / name));
}

// The catalog keys whose texts the user sees as a label of Jixiao's UI.
bool isLabelKey(const std::string& key) {
    for (const char* prefix : {"panel.", "section.", "options.", "undo."})
        if (key.rfind(prefix, 0) == 0)
            return true;
    return false;
}

// A label as the user reads it: without its mnemonic, "(~T)" after a Chinese label or "~" before a letter.
std::string withoutMnemonic(const std::string& label) {
    static const std::regex cjk(R"(\(~[A-Za-z0-9]\)$)");
    std::string text = std::regex_replace(label, cjk, "");
    std::erase(text, '~');
    return text;
}

std::set<std::string> uiLabels() {
    std::set<std::string> labels;
    const auto ui = catalog("ui.json"); // kept: items() refers to it
    for (const auto& [lang, texts] : ui.items())
        for (const auto& [key, text] : texts.items())
            if (isLabelKey(key) && text.is_string())
                labels.insert(withoutMnemonic(text.get<std::string>()));
    // Labels written in the dialogs and the registry (menus, the sidebar's deck and panel, the options tree).
    const std::regex xcuValue(R"(<value xml:lang="[^"]*">([^<]+)</value>)");
    const std::regex xdlValue(R"(dlg:(?:value|title)="([^"]+)\")");
    auto collect = [&](const fs::path& folder, const std::string& extension, const std::regex& pattern) {
        for (const auto& entry : fs::directory_iterator(folder)) {
            if (entry.path().extension() != extension)
                continue;
            const std::string text = readFile(entry.path());
            for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
                labels.insert((*it)[1]);
        }
    };
    collect(kSource / "registry", ".xcu", xcuValue);
    collect(kSource / "extension" / "dialogs", ".xdl", xdlValue);
    return labels;
}

// Quoted texts that are not names of the UI, and why.
const std::set<std::string> kNotUiNames = {
    // The office's own question box answers the deck's questions with 是/否.
    "是", "否", "Yes", "No",
    // Column headers the reader looks for in a scoring or funding table.
    "三级指标", "指标分值", "评价得分", "金额", "实际支出",
    // Values of the JSON interchange format and template ids.
    "en", "zh-CN", "jixiao-scorecard", "-", ".", "_"};

struct Quote {
    std::string file, lang, key, text;
};

std::vector<Quote> quotedTexts() {
    const std::pair<std::string, std::string> marks[] = {{"“", "”"}, {"「", "」"}, {"『", "』"}, {"‘", "’"}};
    std::vector<Quote> quotes;
    for (const char* file : {"messages.json", "ui.json", "batch.json"}) {
        const auto catalogTexts = catalog(file);
        for (const auto& [lang, texts] : catalogTexts.items()) {
            if (!texts.is_object())
                continue;
            for (const auto& [key, value] : texts.items()) {
                if (!value.is_string())
                    continue;
                const std::string text = value.get<std::string>();
                for (const auto& [open, close] : marks)
                    for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
                        const auto start = at + open.size();
                        const auto end = text.find(close, start);
                        if (end == std::string::npos)
                            break;
                        quotes.push_back({file, lang, key, text.substr(start, end - start)});
                    }
            }
        }
    }
    return quotes;
}

// The texts findings start with (their titles: "表格未能完整读取：…"), which other messages refer to.
bool isFindingTitle(const std::string& text) {
    static const auto messages = catalog("messages.json");
    for (const auto& [lang, texts] : messages.items())
        for (const auto& [key, value] : texts.items())
            if (value.is_string() && value.get<std::string>().rfind(text, 0) == 0)
                return true;
    return false;
}

} // namespace

TEST(UiNames, EveryQuotedNameIsALabelTheUserCanFind) {
    const auto labels = uiLabels();
    ASSERT_TRUE(labels.count("转为实时表格")) << "the deck's labels were not read";
    ASSERT_TRUE(labels.count("绩效评价")) << "the menus' labels were not read";
    const auto quotes = quotedTexts();
    ASSERT_GT(quotes.size(), 10U);
    for (const auto& quote : quotes) {
        if (quote.text.find('{') != std::string::npos) // a value filled in when the message is shown
            continue;
        EXPECT_TRUE(labels.count(quote.text) || kNotUiNames.count(quote.text) || isFindingTitle(quote.text))
            << quote.file << " " << quote.lang << " " << quote.key << " names “" << quote.text
            << "”, which is no label of the UI";
    }
}

TEST(UiNames, FindingsShowValuesNotFormulas) {
    const auto messages = catalog("messages.json");
    for (const auto& [lang, texts] : messages.items()) {
        for (const auto& [key, value] : texts.items()) {
            if (value.is_string()) {
                EXPECT_EQ(value.get<std::string>().find("{formula}"), std::string::npos)
                    << lang << " " << key << " quotes a raw formula";
            }
        }
    }
}
