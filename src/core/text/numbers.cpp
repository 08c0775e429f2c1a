#include "core/text/numbers.hpp"

#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>

namespace jixiao {
namespace {

std::string asciiOf(const std::u32string& s, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i)
        if (s[i] != U',')
            out += static_cast<char>(s[i]);
    return out;
}

// Reads digits with optional ',' thousands groups and an optional '.' fraction starting at `i` (the text is
// already half-width). Returns the end, or `i` when nothing valid is there. `strictGroups` rejects a ','
// that does not start a group of exactly three digits (cells); prose stops before such a comma instead.
std::size_t scanNumber(const std::u32string& s, std::size_t i, bool strictGroups, bool* bad) {
    std::size_t j = i;
    while (j < s.size() && isAsciiDigit(s[j]))
        ++j;
    if (j == i)
        return i;
    const std::size_t leadDigits = j - i;
    while (j < s.size() && s[j] == U',') {
        const bool group = leadDigits <= 3 && j + 3 < s.size() && isAsciiDigit(s[j + 1]) &&
                           isAsciiDigit(s[j + 2]) && isAsciiDigit(s[j + 3]) &&
                           (j + 4 >= s.size() || !isAsciiDigit(s[j + 4]));
        if (!group) {
            if (strictGroups)
                *bad = true;
            break;
        }
        j += 4;
    }
    if (j + 1 < s.size() && s[j] == U'.' && isAsciiDigit(s[j + 1])) {
        j += 1;
        while (j < s.size() && isAsciiDigit(s[j]))
            ++j;
    }
    return j;
}

bool startsWith(const std::u32string& s, std::size_t at, std::u32string_view prefix) {
    return s.size() - at >= prefix.size() && std::u32string_view(s).substr(at, prefix.size()) == prefix;
}

// Spellings of money units, each with the unit it is read as: 圆 is the formal 元 (壹万圆整), a 千元 figure
// is tenths of a 万元. Longest first.
constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 5> kMoneySpellings = {{
    {U"万圆", U"万元"},
    {U"亿圆", U"亿元"},
    {U"千元", U"千元"},
    {U"圆", U"元"},
    {U"元", U"元"},
}};

// What 万 or 亿 may count besides money: "1.52万亩", "3.2万人次", "12万余户", "1.8亿立方米". After such a
// word the number is a count, never an amount (issue 24: an area in 万亩 was read as 万元). Longest first.
constexpr std::array<std::u32string_view, 58> kCountedAfterWan = {
    U"平方公里", U"平方千米", U"立方米", U"平方米", U"人次", U"户次", U"公里", U"千米", U"公顷", U"公斤",
    U"千克",     U"千瓦",     U"平米",   U"立方",   U"平方", U"亩",   U"顷",   U"人",   U"户",   U"次",
    U"件",       U"个",       U"名",     U"家",     U"所",   U"座",   U"处",   U"间",   U"米",   U"吨",
    U"斤",       U"头",       U"只",     U"羽",     U"株",   U"棵",   U"尾",   U"册",   U"本",   U"份",
    U"台",       U"套",       U"辆",     U"张",     U"条",   U"篇",   U"字",   U"单",   U"笔",   U"盒",
    U"袋",       U"瓶",       U"箱",     U"床",     U"度",   U"方",   U"块",   U"粒"};

} // namespace

CellNumber parseCellNumber(std::string_view text) {
    CellNumber result;
    const std::u32string original(trimSpaces(decodeUtf8(text)));
    result.found = encodeUtf8(original);
    std::u32string s;
    for (char32_t c : original)
        s += halfWidth(c);

    static constexpr std::array<std::u32string_view, 10> kMissing = {U"",  U"-", U"--", U"—",  U"——",
                                                                     U"–", U"―", U"/",  U"／", U"无"};
    if (std::find(kMissing.begin(), kMissing.end(), s) != kMissing.end()) {
        result.status = CellNumber::Status::Missing;
        return result;
    }

    result.status = CellNumber::Status::Invalid;
    std::size_t i = 0;
    if (s[i] == U'+' || s[i] == U'-')
        ++i;
    bool bad = false;
    const std::size_t end = scanNumber(s, i, true, &bad);
    if (end == i || bad)
        return result;
    std::string ascii = s[0] == U'-' ? "-" : "";
    ascii += asciiOf(s, i, end);
    std::size_t j = end;
    while (j < s.size() && isSpace(s[j]))
        ++j;
    const std::u32string unit = s.substr(j);
    static constexpr std::array<std::u32string_view, 6> kUnits = {U"", U"分", U"万元", U"万", U"元", U"%"};
    if (std::find(kUnits.begin(), kUnits.end(), unit) == kUnits.end())
        return result;
    const auto value = Decimal::parse(ascii);
    if (!value)
        return result;
    result.status = CellNumber::Status::Number;
    result.value = *value;
    result.unit = encodeUtf8(unit);
    result.percent = unit == U"%";
    return result;
}

std::optional<Decimal> toWanYuan(const CellNumber& number) {
    if (number.status != CellNumber::Status::Number)
        return std::nullopt;
    if (number.unit == "元")
        return Decimal::divide(number.value, 10000);
    if (number.unit.empty() || number.unit == "万" || number.unit == "万元")
        return number.value;
    return std::nullopt;
}

std::vector<NumberInText> findNumbersInText(std::string_view utf8) {
    const std::vector<CodePoint> cps = decodeWithOffsets(utf8);
    std::u32string s;
    s.reserve(cps.size());
    for (const auto& cp : cps) {
        // Only the characters that can be part of a number are folded; '，' stays punctuation in prose.
        const char32_t c = cp.value;
        s += (c == U'，') ? c : halfWidth(c);
    }
    // Longest first, so 万元 wins over 万 and 个百分点 over 个. Money's other spellings are kMoneySpellings.
    static constexpr std::array<std::u32string_view, 33> kUnits = {
        U"个百分点", U"个工作日", U"百分点", U"工作日", U"万元", U"亿元", U"小时", U"人次", U"%",
        U"元",       U"万",       U"亿",     U"分",     U"件",   U"个",   U"人",   U"次",   U"项",
        U"户",       U"家",       U"天",     U"日",     U"月",   U"年",   U"号",   U"名",   U"条",
        U"倍",       U"岁",       U"批",     U"台",     U"套",   U"所"};

    std::vector<NumberInText> found;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!isAsciiDigit(s[i])) {
            ++i;
            continue;
        }
        bool bad = false;
        const std::size_t end = scanNumber(s, i, false, &bad);
        NumberInText n;
        // After a bare 万/亿 (and 余/多): a measure word makes the number a count ("万亩"), kept in the unit.
        auto countedAfter = [&](std::size_t at) -> std::size_t {
            std::size_t word = at;
            if (word < s.size() && (s[word] == U'余' || s[word] == U'多'))
                ++word;
            for (auto measure : kCountedAfterWan)
                if (startsWith(s, word, measure)) {
                    n.unit += encodeUtf8(std::u32string_view(s).substr(at, word + measure.size() - at));
                    return word + measure.size();
                }
            return at;
        };
        n.offset = static_cast<int>(i);
        n.numberLength = static_cast<int>(end - i);
        auto matchUnit = [&](std::size_t at) -> std::size_t {
            for (const auto& [spelling, unit] : kMoneySpellings)
                if (startsWith(s, at, spelling)) {
                    n.unit = encodeUtf8(unit);
                    return at + spelling.size();
                }
            for (auto unit : kUnits) {
                if (startsWith(s, at, unit)) {
                    n.unit = encodeUtf8(unit);
                    if (unit == U"万" || unit == U"亿")
                        return countedAfter(at + unit.size());
                    return at + unit.size();
                }
            }
            return end;
        };
        std::size_t unitEnd = matchUnit(end);
        // One space may sit between number and unit ("总分值100 分"); never more.
        if (unitEnd == end && end < s.size() && isSpace(s[end]))
            unitEnd = matchUnit(end + 1);
        // A document number such as 富财行〔2025〕1号 names a year without 年.
        if (n.unit.empty() && i > 0 && end < s.size() && (s[i - 1] == U'〔' || s[i - 1] == U'[') &&
            (s[end] == U'〕' || s[end] == U']') && end - i == 4)
            n.unit = "年";
        n.percent = n.unit == "%";
        n.length = static_cast<int>(unitEnd - i);
        const std::size_t byteFrom = cps[i].byteOffset;
        const std::size_t byteTo = cps[unitEnd - 1].byteOffset + cps[unitEnd - 1].byteLength;
        n.text = std::string(utf8.substr(byteFrom, byteTo - byteFrom));
        if (auto value = Decimal::parse(asciiOf(s, i, end))) {
            n.value = *value;
            found.push_back(std::move(n));
        }
        i = end;
    }
    return found;
}

std::optional<Decimal> toWanYuan(const NumberInText& number) {
    if (number.unit == "万元" || number.unit == "万")
        return number.value;
    if (number.unit == "元")
        return Decimal::divide(number.value, 10000);
    if (number.unit == "千元")
        return Decimal::divide(number.value, 10);
    if (number.unit == "亿元" || number.unit == "亿")
        return Decimal::product(number.value, 10000); // nullopt beyond the range
    return std::nullopt;
}

std::vector<YearInText> yearsInText(std::string_view utf8) {
    std::vector<YearInText> years;
    for (const auto& n : findNumbersInText(utf8)) {
        if (n.unit != "年" || n.numberLength != 4 || n.value != n.value.rounded(0))
            continue;
        const int year = int(n.value.units() / Decimal::kScale);
        if (isReportYear(year))
            years.push_back({year, n.offset, n.numberLength});
    }
    return years;
}

} // namespace jixiao
