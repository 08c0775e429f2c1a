#include "core/text/utf8.hpp"

#include <algorithm>
#include <utility>

namespace jixiao {

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

} // namespace jixiao
