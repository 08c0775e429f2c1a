#include "core/numbers.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace jixiao {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// One decoded code point and where it sits in the UTF-8 input.
struct CodePoint {
    char32_t value;
    std::size_t byteOffset;
    std::size_t byteLength;
};

std::vector<CodePoint> decodeWithOffsets(std::string_view s) {
    std::vector<CodePoint> out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        char32_t cp = 0;
        if (b0 < 0x80) {
            len = 1;
            cp = b0;
        } else if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            cp = b0 & 0x07;
        }
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (b & 0x3F);
        }
        // Reject overlong forms, surrogates and values above U+10FFFF.
        if (ok && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
                   (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok) {
            out.push_back({kReplacement, i, 1});
            ++i;
            continue;
        }
        out.push_back({cp, i, len});
        i += len;
    }
    return out;
}

// The full-width signs a Chinese input method types for their ASCII twins, and the ideographic space.
constexpr std::pair<char32_t, char32_t> kFullWidthSigns[] = {
    {U'％', U'%'}, {U'．', U'.'}, {U'，', U','}, {U'－', U'-'},     {U'＋', U'+'},
    {U'（', U'('}, {U'）', U')'}, {U'：', U':'}, {U'\u3000', U' '},
};

char32_t halfWidth(char32_t c) {
    if (c >= U'０' && c <= U'９')
        return c - U'０' + U'0';
    if (c >= U'Ａ' && c <= U'Ｚ')
        return c - U'Ａ' + U'A';
    if (c >= U'ａ' && c <= U'ｚ')
        return c - U'ａ' + U'a';
    for (const auto& [full, half] : kFullWidthSigns)
        if (c == full)
            return half;
    return c;
}

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

std::u32string decodeUtf8(std::string_view utf8) {
    std::u32string out;
    for (const auto& cp : decodeWithOffsets(utf8))
        out += cp.value;
    return out;
}

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            c = kReplacement;
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::string toHalfWidth(std::string_view utf8) {
    // Copy invalid bytes through untouched rather than turning them into U+FFFD: this is a pure
    // normalisation and must not lose data.
    std::string out;
    out.reserve(utf8.size());
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(utf8[i]); };
    if (std::any_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xF0; })) {
        for (const auto& cp : decodeWithOffsets(utf8)) {
            const char32_t h = halfWidth(cp.value);
            if (h == cp.value)
                out.append(utf8.substr(cp.byteOffset, cp.byteLength));
            else
                out += static_cast<char>(h);
        }
        return out;
    }
    // Without 4-byte sequences, byte by byte: every character halfWidth changes is U+3000 (E3 80 80) or in
    // U+FF00–U+FFEF (EF and two continuation bytes), and E3 and EF only ever start a sequence, so this is the
    // decoding above without building it (cells are compared several times per keystroke: table_cache.hpp).
    const auto continuation = [&](std::size_t i) { return i < utf8.size() && (byte(i) & 0xC0) == 0x80; };
    std::size_t copied = 0; // bytes before this are in `out`
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        char32_t cp = 0;
        if (byte(i) == 0xEF && continuation(i + 1) && continuation(i + 2))
            cp = static_cast<char32_t>(((byte(i) & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) |
                                       (byte(i + 2) & 0x3F));
        else if (byte(i) == 0xE3 && utf8.substr(i, 3) == "\xE3\x80\x80")
            cp = U'\u3000';
        else
            continue;
        if (const char32_t h = halfWidth(cp); h != cp) {
            out.append(utf8.substr(copied, i - copied));
            out += static_cast<char>(h);
            copied = i + 3;
        }
        i += 2;
    }
    out.append(utf8.substr(copied));
    return out;
}

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

} // namespace jixiao
