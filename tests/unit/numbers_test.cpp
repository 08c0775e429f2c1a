#include "core/text/numbers.hpp"
#include "core/text/utf8.hpp"
#include "test_decimal.hpp"

#include <gtest/gtest.h>

using namespace jixiao;

namespace {

using jixiao::testing::dec;

void expectNumber(const char* text, const char* value, const char* unit, bool percent = false) {
    const CellNumber n = parseCellNumber(text);
    EXPECT_EQ(n.status, CellNumber::Status::Number) << text;
    EXPECT_EQ(n.value, dec(value)) << text;
    EXPECT_EQ(n.unit, unit) << text;
    EXPECT_EQ(n.percent, percent) << text;
}

} // namespace

TEST(ToHalfWidth, FoldsDigitsLettersAndListedPunctuation) {
    EXPECT_EQ(toHalfWidth("９９．５％"), "99.5%");
    EXPECT_EQ(toHalfWidth("ＡＢｃ１２３"), "ABc123");
    EXPECT_EQ(toHalfWidth("（１分）：－＋，"), "(1分):-+,");
    EXPECT_EQ(toHalfWidth("\u3000"), " ");
    // Not in the list: stays as it is.
    EXPECT_EQ(toHalfWidth("〔２０２５〕。、"), "〔2025〕。、");
}

TEST(ToHalfWidth, KeepsInvalidBytes) {
    const std::string bad = std::string("a\xff") + "９";
    EXPECT_EQ(toHalfWidth(bad), std::string("a\xff") + "9");
}

// Without 4-byte sequences the text is scanned byte by byte instead of decoded: the same result, broken
// sequences included.
TEST(ToHalfWidth, ScansLikeTheDecoder) {
    EXPECT_EQ(toHalfWidth("a\u3000b\u3007"), "a b\u3007"); // 〇 (E3 80 87) is not a space
    EXPECT_EQ(toHalfWidth(std::string("\xEF\xBCx")), std::string("\xEF\xBCx"));
    EXPECT_EQ(toHalfWidth(std::string("x\xEF\xBC")), std::string("x\xEF\xBC"));
    EXPECT_EQ(toHalfWidth(std::string("\xE3\x80") + "９"), std::string("\xE3\x80") + "9");
    EXPECT_EQ(toHalfWidth(std::string("\xE3\x80\x80\x80")), std::string(" \x80"));
    EXPECT_EQ(toHalfWidth("\U0001F600（１）"), "\U0001F600(1)");
    EXPECT_EQ(toHalfWidth("用以反映。"), "用以反映。");
}

TEST(ParseCellNumber, Numbers) {
    expectNumber("97", "97", "");
    expectNumber("97分", "97", "分");
    expectNumber("９７", "97", "");
    expectNumber(" 3.0 ", "3", "");
    expectNumber("0.72万", "0.72", "万");
    expectNumber("0.72万元", "0.72", "万元");
    expectNumber("7,200元", "7200", "元");
    expectNumber("1,234,567.5", "1234567.5", "");
    expectNumber("99.5%", "99.5", "%", true);
    expectNumber("９９．５％", "99.5", "%", true);
    expectNumber("-1", "-1", "");
    expectNumber("+2", "2", "");
    expectNumber("0", "0", "");
    expectNumber("\u30001.99\u3000", "1.99", "");
    expectNumber("97 分", "97", "分");
    expectNumber("7，200元", "7200", "元");
}

TEST(ParseCellNumber, FoundIsTrimmedOriginal) {
    EXPECT_EQ(parseCellNumber("  ９７分 \n").found, "９７分");
}

TEST(ParseCellNumber, MissingIsNotZero) {
    for (const char* text : {"—", "-", "/", "／", "", "   ", "\u3000\n", "无", "－", "——"}) {
        const CellNumber n = parseCellNumber(text);
        EXPECT_EQ(n.status, CellNumber::Status::Missing) << text;
    }
}

TEST(ParseCellNumber, Invalid) {
    for (const char* text : {"九十", "97分左右", "1.2.3", "3 4", "abc", "1.", ".5", "1,23", "12,3456",
                             "1,2345", "%", "分", "--1", "1e5", "99999999999999999999"}) {
        const CellNumber n = parseCellNumber(text);
        EXPECT_EQ(n.status, CellNumber::Status::Invalid) << text;
    }
}

TEST(ToWanYuan, ConvertsYuanOnly) {
    EXPECT_EQ(toWanYuan(parseCellNumber("7,200元")), dec("0.72"));
    EXPECT_EQ(toWanYuan(parseCellNumber("0.72万")), dec("0.72"));
    EXPECT_EQ(toWanYuan(parseCellNumber("0.72万元")), dec("0.72"));
    EXPECT_EQ(toWanYuan(parseCellNumber("1.99")), dec("1.99"));
    EXPECT_EQ(toWanYuan(parseCellNumber("99.5%")), std::nullopt);
    EXPECT_EQ(toWanYuan(parseCellNumber("97分")), std::nullopt);
    EXPECT_EQ(toWanYuan(parseCellNumber("—")), std::nullopt);
    EXPECT_EQ(toWanYuan(parseCellNumber("九十")), std::nullopt);
}

TEST(FindNumbersInText, SampleSentence) {
    const auto found = findNumbersInText("预算资金2万元，年内实际支出资金1.99万元，占年初预算的99.5%");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].value, 2);
    EXPECT_EQ(found[0].unit, "万元");
    EXPECT_EQ(found[0].offset, 4);
    EXPECT_EQ(found[0].length, 3);
    EXPECT_EQ(found[0].text, "2万元");
    EXPECT_EQ(found[1].value, dec("1.99"));
    EXPECT_EQ(found[1].unit, "万元");
    EXPECT_EQ(found[1].offset, 16);
    EXPECT_EQ(found[1].numberLength, 4);
    EXPECT_EQ(found[2].value, dec("99.5"));
    EXPECT_EQ(found[2].unit, "%");
    EXPECT_TRUE(found[2].percent);
    EXPECT_EQ(found[2].offset, 29);
    EXPECT_EQ(found[2].length, 5);
}

TEST(FindNumbersInText, UnitsYearsAndPlainNumbers) {
    auto found = findNumbersInText("总得分97分");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].unit, "分");
    EXPECT_EQ(found[0].offset, 3);

    found = findNumbersInText("2025年共办理12345政务热线交办件3794件");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].value, 2025);
    EXPECT_EQ(found[0].unit, "年");
    EXPECT_EQ(found[1].value, 12345);
    EXPECT_EQ(found[1].unit, "");
    EXPECT_EQ(found[1].offset, 8);
    EXPECT_EQ(found[2].value, 3794);
    EXPECT_EQ(found[2].unit, "件");

    found = findNumbersInText("总分值100 分，务必在7个工作日内");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].unit, "分");
    EXPECT_EQ(found[0].length, 5);
    EXPECT_EQ(found[1].unit, "个工作日");

    found = findNumbersInText("富财行〔2025〕1号");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].unit, "年");
    EXPECT_EQ(found[1].unit, "号");
}

TEST(FindNumbersInText, FullWidthAndSeparators) {
    auto found = findNumbersInText("占比３６．１８％，共3,794件，1，2");
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].value, dec("36.18"));
    EXPECT_EQ(found[0].unit, "%");
    EXPECT_EQ(found[0].text, "３６．１８％");
    EXPECT_EQ(found[1].value, 3794);
    EXPECT_EQ(found[1].offset, 10);
    EXPECT_EQ(found[2].value, 1); // '，' is punctuation, not a separator
    EXPECT_EQ(found[3].value, 2);
}

TEST(FindNumbersInText, ListNumbersAndTrailingDots) {
    const auto found = findNumbersInText("1.立项背景。占1.5倍");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].value, 1);
    EXPECT_EQ(found[0].length, 1);
    EXPECT_EQ(found[1].value, dec("1.5"));
    EXPECT_EQ(found[1].unit, "倍");
}

TEST(FindNumbersInText, OffsetsCountCodePointsNotBytes) {
    // Two 4-byte emoji and an invalid byte before the number: 3 code points.
    const std::string text = std::string("😀😀\xff") + "5元";
    const auto found = findNumbersInText(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].offset, 3);
    EXPECT_EQ(toWanYuan(found[0]), dec("0.0005"));
}

TEST(FindNumbersInText, EmptyAndHugeNumbers) {
    EXPECT_TRUE(findNumbersInText("").empty());
    EXPECT_TRUE(findNumbersInText("没有数字").empty());
    EXPECT_TRUE(findNumbersInText("99999999999999999999999").empty()); // too large for Decimal: skipped
}

// Only 元, 千元, 万元 and 亿元 (and their spellings) are money: a count in 万 or 亿 keeps its measure word
// (issue 24: "1.52万亩" was read as 1.52万元).
TEST(FindNumbersInText, OnlyMoneyUnitsAreMoney) {
    const auto n = findNumbersInText("造林１.５２万亩、惠及3.2万人次、12万余户，河道0.8万公里、1.8亿立方米；"
                                     "支出0.72万、1万余元、2万圆、15千元、3亿，捌佰圆即800圆。");
    std::vector<std::string> units;
    std::vector<std::optional<Decimal>> wan;
    for (const auto& x : n) {
        units.push_back(x.unit);
        wan.push_back(toWanYuan(x));
    }
    EXPECT_EQ(units, (std::vector<std::string>{"万亩", "万人次", "万余户", "万公里", "亿立方米", "万", "万",
                                               "万元", "千元", "亿", "元"}));
    for (std::size_t i = 0; i < 5; ++i)
        EXPECT_EQ(wan[i], std::nullopt) << units[i];
    EXPECT_EQ(wan[5], dec("0.72"));
    EXPECT_EQ(wan[6], Decimal(1)); // 1万余元: about 1万元
    EXPECT_EQ(wan[7], Decimal(2));
    EXPECT_EQ(wan[8], dec("1.5"));
    EXPECT_EQ(wan[9], Decimal(30000));
    EXPECT_EQ(wan[10], dec("0.08"));
    EXPECT_EQ(n[0].length, 6); // "１.５２万亩": the measure word belongs to the number
}
