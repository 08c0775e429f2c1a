// What people type into cells and write in prose: full-width digits, units, thousands separators, dashes
// for "nothing". Turns that text into exact Decimals so the rest of the core never sees a raw string.
#pragma once

#include "core/text/decimal.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

struct CellNumber {
    // Missing is not zero: "—", "/", "无" or an empty cell mean "not entered".
    enum class Status { Missing, Number, Invalid };
    Status status = Status::Missing;
    Decimal value;    // the number as written: "99.5%" → 99.5, "7,200元" → 7200
    std::string unit; // "", "分", "万元", "万", "元" or "%"
    bool percent = false;
    std::string found; // trimmed original text, for messages
};

// Reads one cell's text. Accepts an optional sign, digits with optional ',' thousands separators (groups of
// three), an optional fraction and one trailing unit (分, 万, 万元, 元, %), surrounded by any whitespace.
// Anything else — Chinese numerals, extra words, two numbers — is Invalid.
CellNumber parseCellNumber(std::string_view text);

// The amount in 万元: 元 is divided by 10000; 万, 万元 and a bare number are taken as 万元 already.
// nullopt for a missing/invalid cell, a percentage or a score (分).
std::optional<Decimal> toWanYuan(const CellNumber& number);

// A number found in running text.
struct NumberInText {
    Decimal value;
    // Unit written right after the number, half-width: "万元", "万", "元", "亿元", "%", "分", "件", "个",
    // "人", "次", "项", "户", "家", "天", "号", "个百分点", "个工作日" … or "" for a bare number (12345热线).
    // "年" marks a year or a count of years (2025年, 2025年度): callers checking amounts skip those.
    // Money's other spellings read as their unit (圆 → "元", 万圆 → "万元", 亿圆 → "亿元"; "千元" stays). A
    // bare 万/亿 followed by a measure word keeps it ("万亩", "万人次", "万余户", "亿立方米"): a count, not
    // money.
    std::string unit;
    bool percent = false;
    int offset = 0;       // Unicode code points from the start of the text to the first digit
    int length = 0;       // code points of number and unit together ("1.99万元" → 6)
    int numberLength = 0; // code points of the number alone ("1.99" → 4)
    std::string text;     // the original characters of number and unit
};

// Every number in the text, in order. Full-width digits count; ',' between digits is a thousands separator
// only before exactly three digits; the full-width comma '，' is always punctuation. Signs are not read
// (a '-' in prose is a dash or a range). Invalid UTF-8 is skipped byte by byte without throwing.
std::vector<NumberInText> findNumbersInText(std::string_view utf8);

// The amount in 万元 for a number found in text (万元/万 as is, 元 ÷ 10000, 千元 ÷ 10, 亿元 × 10000); nullopt
// otherwise — only 元, 千元, 万元 and 亿元 (with their spellings, and a bare 万/亿) are money.
std::optional<Decimal> toWanYuan(const NumberInText& number);

// A year written in text: four digits (full-width too) followed by 年 ("2025年", "2025年度"), within
// kFirstYear‥kLastYear; `offset` and `length` in code points, of the digits.
struct YearInText {
    int year = 0;
    int offset = 0;
    int length = 0;
};
std::vector<YearInText> yearsInText(std::string_view utf8);

} // namespace jixiao
