#include "core/model/messages.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

using jixiao::MessageCatalog;

namespace {

const char* const kSmall = R"({
  "zh-CN": {"hello": "你好，{name}！", "only.zh": "仅中文"},
  "en": {"hello": "Hello, {name}!"}
})";

MessageCatalog small() {
    return MessageCatalog::fromJson(kSmall, "small.json");
}

std::filesystem::path shipped() {
    return std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension/i18n/messages.json";
}

} // namespace

TEST(MessageCatalog, FillsPlaceholders) {
    EXPECT_EQ(small().format("zh-CN", "hello", {{"name", "张三"}}), "你好，张三！");
    EXPECT_EQ(small().format("en", "hello", {{"name", "Li"}}), "Hello, Li!");
}

TEST(MessageCatalog, LeavesUnknownPlaceholdersAndBracesAsWritten) {
    EXPECT_EQ(small().format("en", "hello", {}), "Hello, {name}!");
    EXPECT_EQ(jixiao::fillPlaceholders("{a} {{a}} {b", {{"a", "1"}}), "1 {1} {b");
    EXPECT_EQ(jixiao::fillPlaceholders("}{", {}), "}{");
}

TEST(MessageCatalog, PlaceholdersWithoutAValueAreReportedWhenAsked) {
    bool missing = false;
    EXPECT_EQ(jixiao::fillPlaceholders("{a}={b}", {{"a", "1"}, {"b", "2"}}, &missing), "1=2");
    EXPECT_FALSE(missing);
    EXPECT_EQ(jixiao::fillPlaceholders("{a}={b}", {{"a", "1"}, {"b", ""}}, &missing), "1={b}");
    EXPECT_TRUE(missing) << "an empty value is no value when asked";
    EXPECT_EQ(jixiao::fillPlaceholders("{a}={b}", {{"a", "1"}, {"b", ""}}), "1=")
        << "messages fill empty values";
}

TEST(MessageCatalog, ChineseLocalesMapToZhCn) {
    const auto catalog = small();
    for (const char* lang : {"zh", "zh-CN", "zh_CN", "ZH-cn", "zh-Hans-CN"})
        EXPECT_EQ(catalog.format(lang, "hello", {{"name", "x"}}), "你好，x！") << lang;
}

TEST(MessageCatalog, OtherLocalesMapToEnglish) {
    const auto catalog = small();
    for (const char* lang : {"en", "en-US", "de-DE", "", "zhx"})
        EXPECT_EQ(catalog.resolveLanguage(lang), "en") << lang;
}

TEST(MessageCatalog, WithoutEnglishEverythingIsZhCn) {
    const auto catalog = MessageCatalog::fromJson(R"({"zh-CN": {"k": "中"}})", "zh-only");
    EXPECT_EQ(catalog.format("fr", "k", {}), "中");
}

TEST(MessageCatalog, FallsBackToZhCnThenToTheKey) {
    EXPECT_EQ(small().format("en", "only.zh", {}), "仅中文");
    EXPECT_EQ(small().format("en", "no.such.key", {}), "no.such.key");
    EXPECT_FALSE(small().contains("en", "only.zh"));
    EXPECT_TRUE(small().contains("zh", "only.zh"));
}

TEST(MessageCatalog, RejectsMalformedInputNamingTheSource) {
    for (const char* bad : {"{", "[]", R"({"en": []})", R"({"en": {"k": 1}})"}) {
        try {
            MessageCatalog::fromJson(bad, "broken.json");
            ADD_FAILURE() << "accepted " << bad;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find("broken.json"), std::string::npos) << e.what();
        }
    }
}

TEST(MessageCatalog, LoadReportsAMissingFile) {
    EXPECT_THROW(MessageCatalog::load("/nonexistent/messages.json"), std::runtime_error);
}

TEST(MessageCatalog, LoadsAFile) {
    const auto file = std::filesystem::temp_directory_path() / "jixiao_messages_test.json";
    std::ofstream(file) << kSmall;
    EXPECT_EQ(MessageCatalog::load(file).format("zh", "hello", {{"name", "王"}}), "你好，王！");
    std::filesystem::remove(file);
}

TEST(ShippedMessages, EveryKeyExistsInBothLanguages) {
    const auto catalog = MessageCatalog::load(shipped());
    const auto zh = catalog.keys("zh-CN");
    const auto en = catalog.keys("en");
    EXPECT_EQ(zh, en);
    EXPECT_FALSE(zh.empty());
}

TEST(ShippedMessages, CellNotANumberInBothLanguages) {
    const auto catalog = MessageCatalog::load(shipped());
    const std::map<std::string, std::string> args{{"cell", "G5"}, {"found", "三"}};
    EXPECT_EQ(catalog.format("zh-CN", "cell.not-a-number", args), "单元格 G5 应为数字，实际为“三”");
    EXPECT_EQ(catalog.format("en", "cell.not-a-number", args), "Cell G5 should hold a number but holds “三”");
}

TEST(UserErrorMessages, AreFormattedFromTheCatalogInTheRequestedLanguage) {
    const auto catalog = MessageCatalog::fromJson(
        R"({"zh-CN": {"error.x": "单元格 {cell} 超出 {limit}"}, "en": {"error.x": "Cell {cell} exceeds {limit}"}})",
        "x.json");
    const jixiao::UserError error("error.x", {{"cell", "G5"}, {"limit", "100"}});
    EXPECT_EQ(catalog.format("zh-CN", error.message()), "单元格 G5 超出 100");
    EXPECT_EQ(catalog.format("en-US", error.message()), "Cell G5 exceeds 100");
    // what() is for logs: the key and the values, never a sentence in either language.
    EXPECT_STREQ(error.what(), "error.x {cell=G5, limit=100}");
    EXPECT_EQ(jixiao::describe({"error.y", {}}), "error.y");
}
