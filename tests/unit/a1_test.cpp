// Column letters, cell references and sheet names as Calc writes and reads them (core/text/a1.hpp).
#include "core/text/a1.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

using namespace jixiao;

TEST(A1, ColumnLettersRunLikeCalcs) {
    EXPECT_EQ(columnLetters(0), "A");
    EXPECT_EQ(columnLetters(25), "Z");
    EXPECT_EQ(columnLetters(26), "AA");
    EXPECT_EQ(columnLetters(51), "AZ");
    EXPECT_EQ(columnLetters(52), "BA");
    EXPECT_EQ(columnLetters(701), "ZZ");
    EXPECT_EQ(columnLetters(702), "AAA");
    EXPECT_EQ(columnLetters(16383), "XFD"); // Calc's last column
}

TEST(A1, ColumnIndexIsTheInverseAndRefusesWhatIsNoColumn) {
    for (int column : {0, 25, 26, 51, 701, 702, 16383})
        EXPECT_EQ(columnIndex(columnLetters(column)), column) << column;
    EXPECT_EQ(columnIndex("aa"), 26);
    EXPECT_FALSE(columnIndex(""));
    EXPECT_FALSE(columnIndex("A1"));
    EXPECT_FALSE(columnIndex("Ａ")); // full-width: not a Calc column
    EXPECT_FALSE(columnIndex("AAAAAAAA"));
}

TEST(A1, CellReferencesWithAndWithoutDollars) {
    EXPECT_EQ(a1Cell(5, 2), "F3");
    EXPECT_EQ(a1Cell(1, 4, false, true), "B$5");
    EXPECT_EQ(a1Cell(27, 99, true, true), "$AB$100");
}

TEST(A1, PlainSheetNamesStandUnquoted) {
    for (const char* name : {"Sheet1", "评价表", "报告2025", "_draft", "Übersicht"})
        EXPECT_EQ(quotedSheetName(name), name);
}

TEST(A1, OtherSheetNamesAreQuotedWithApostrophesDoubled) {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"评价 表", "'评价 表'"},
        {"评价\xE3\x80\x80表", "'评价\xE3\x80\x80表'"}, // ideographic space
        {"评价（一）", "'评价（一）'"},                 // full-width parentheses
        {"a-b", "'a-b'"},
        {"Sheet.1", "'Sheet.1'"},
        {"Bob's", "'Bob''s'"},
        {"''", "''''''"},
        {"2025", "'2025'"},
        {"2025年", "'2025年'"},
        {"", "''"},
    };
    for (const auto& [name, quoted] : cases)
        EXPECT_EQ(quotedSheetName(name), quoted) << name;
}

TEST(A1, UnquotingReversesQuoting) {
    for (const char* name : {"Sheet1", "评价 表", "Bob's", "''", "2025年", "a.b", "it's 'quoted'"})
        EXPECT_EQ(unquotedSheetName(quotedSheetName(name)), name) << name;
    EXPECT_EQ(unquotedSheetName("$Sheet1"), "Sheet1");
    EXPECT_EQ(unquotedSheetName("$'my sheet'"), "my sheet");
}

TEST(A1, AddressesReadBackIntoSheetColumnAndRow) {
    EXPECT_EQ(parseSheetCell("Sheet1.F3"), (SheetCell{"Sheet1", 5, 2}));
    EXPECT_EQ(parseSheetCell("$Sheet1.$F$3"), (SheetCell{"Sheet1", 5, 2}));
    EXPECT_EQ(parseSheetCell("'评价 表'.AA12"), (SheetCell{"评价 表", 26, 11}));
    EXPECT_EQ(parseSheetCell("'a.b'.C1"), (SheetCell{"a.b", 2, 0}));
    EXPECT_EQ(parseSheetCell("'Bob''s'.B2"), (SheetCell{"Bob's", 1, 1}));
    const SheetCell written{"it's 评价 2025", 702, 40};
    EXPECT_EQ(parseSheetCell(quotedSheetName(written.sheet) + "." + a1Cell(written.column, written.row)),
              written);
}

TEST(A1, WhatIsNoAddressIsRefused) {
    EXPECT_FALSE(parseSheetCell("F3"));
    EXPECT_FALSE(parseSheetCell(".F3"));
    EXPECT_FALSE(parseSheetCell("Sheet1."));
    EXPECT_FALSE(parseSheetCell("Sheet1.F"));
    EXPECT_FALSE(parseSheetCell("Sheet1.3"));
    EXPECT_FALSE(parseSheetCell("Sheet1.F0"));
    EXPECT_FALSE(parseSheetCell("Sheet1.F-3"));
    EXPECT_FALSE(parseSheetCell("Sheet1.F3x"));
}
