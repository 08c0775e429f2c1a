// jixiao-batch's messages: worded from the compiled-in extension/i18n/batch.json in both languages.
#include "cli/messages.hpp"

#include "catalog_files.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

using namespace jixiao::cli;

using jixiao::testing::placeholders;

namespace {} // namespace

TEST(BatchMessages, EveryMessageHasItsKeyInBothLanguagesAndNamesItsArguments) {
    // Msg::MergeFormat is the last value: every value before it needs an entry of its own.
    const auto all = allMessages();
    ASSERT_EQ(all.size(), static_cast<std::size_t>(Msg::MergeFormat) + 1);
    std::set<std::string> keys;
    for (const Msg id : all) {
        const std::string k(key(id));
        EXPECT_TRUE(keys.insert(k).second) << k << " used twice";
        EXPECT_TRUE(catalog().contains("zh-CN", k)) << k;
        EXPECT_TRUE(catalog().contains("en", k)) << k;
        std::set<std::string> named;
        for (const auto name : argumentNames(id))
            named.emplace(name);
        EXPECT_EQ(placeholders(catalog().format("zh-CN", k, {})), named) << k;
    }
    EXPECT_EQ(catalog().keys("zh-CN").size(), all.size()) << "a key of batch.json no Msg uses";
}

TEST(BatchMessages, AreShownInChineseThenEnglish) {
    EXPECT_EQ(format(Msg::Timeout, "8"),
              "超时（8 秒），LibreOffice 已重启 / timed out after 8 s; the office was restarted");
    EXPECT_EQ(
        format(Msg::SummaryLine, "3", "2", "0", "1"),
        "共 3 个文件：2 个有错误，0 个无法读取，1 个无打分表 / 3 files: 2 with errors, 0 not read, 1 with no "
        "scoring table");
    EXPECT_EQ(text(Msg::StatusNoTable), "无打分表 / no scoring table");
}

TEST(BatchMessages, TheUsageIsTwoBlocks) {
    const std::string usage = text(Msg::Usage);
    const auto split = usage.find("\n\n");
    ASSERT_NE(split, std::string::npos);
    EXPECT_NE(usage.substr(0, split).find("用法"), std::string::npos);
    EXPECT_NE(usage.substr(split).find("usage: jixiao-batch"), std::string::npos);
    EXPECT_NE(usage.substr(split).find("exit code"), std::string::npos);
}

TEST(BatchMessages, BilingualIsOneLanguageWhenBothReadAlike) {
    const auto catalog = jixiao::MessageCatalog::fromJson(R"({"zh-CN": {"k": "{x}", "w": "词 {x}"},
                                                              "en": {"k": "{x}", "w": "word {x}"}})",
                                                          "t.json");
    EXPECT_EQ(bilingual(catalog, {"k", {{"x", "1"}}}), "1");
    EXPECT_EQ(bilingual(catalog, {"w", {{"x", "1"}}}), "词 1 / word 1");
}
