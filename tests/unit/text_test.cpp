// The core's shared text rules (core/text/text.hpp): one set of spaces, trimming, blank text and one year
// range.
#include "core/text/cell_text.hpp"
#include "core/text/numbers.hpp"
#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

#include <gtest/gtest.h>

using namespace jixiao;

TEST(Text, TheCodePointAndTheUtf8SpaceRulesAreOneSet) {
    for (char32_t c : {U' ', U'\t', U'\n', U'\r', U'\v', U'\f', U'\u00A0', U'\u3000', U'\u200B'}) {
        EXPECT_TRUE(isSpace(c)) << std::uint32_t(c);
        EXPECT_GT(spaceAt(encodeUtf8(std::u32string(1, c)), 0), 0u) << std::uint32_t(c);
    }
    for (char32_t c : {U'a', U'0', U'、', U'，', U'\u2002', U'\uFEFF'}) {
        EXPECT_FALSE(isSpace(c)) << std::uint32_t(c);
        EXPECT_EQ(spaceAt(encodeUtf8(std::u32string(1, c)), 0), 0u) << std::uint32_t(c);
    }
}

TEST(Text, TrimmingAndBlankText) {
    EXPECT_EQ(trimSpaces(U"\u3000 评价\u00A0结论\n\u200B"), U"评价\u00A0结论");
    EXPECT_EQ(trimSpaces(U" \t "), U"");
    EXPECT_TRUE(isBlank(""));
    EXPECT_TRUE(isBlank(" \n\xE3\x80\x80\xE3\x80\x80\xC2\xA0"));
    EXPECT_FALSE(isBlank(" 无 "));
    // isBlank stops at the first non-space; it must still agree with trimming, broken UTF-8 included.
    for (const std::string text :
         {"", " ", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE3\x80", "\xC2", "\xC2\xA0x", "\t\r\v\f",
          " \xE3\x80\x80"
          "a",
          "a ", "\xE2\x80\x8B\xC2\xA1"})
        EXPECT_EQ(isBlank(text), trimCell(text).empty()) << text;
}

TEST(Text, YearsAreFourDigitsBefore年WithinOneRange) {
    const auto years = yearsInText("富民县2025年度热线办理，２０２４年，12345年，1899年，2101年，2100年");
    ASSERT_EQ(years.size(), 3u);
    EXPECT_EQ(years[0].year, 2025);
    EXPECT_EQ(years[0].offset, 3);
    EXPECT_EQ(years[0].length, 4);
    EXPECT_EQ(years[1].year, 2024); // full-width digits
    EXPECT_EQ(years[2].year, kLastYear);
    EXPECT_TRUE(isReportYear(kFirstYear));
    EXPECT_FALSE(isReportYear(kFirstYear - 1));
    EXPECT_FALSE(isReportYear(kLastYear + 1));
    EXPECT_TRUE(yearsInText("2025元").empty());
}
