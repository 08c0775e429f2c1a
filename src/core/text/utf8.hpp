// UTF-8 as the core reads it: code points with their byte offsets, and the full-width forms folded to ASCII.
// Below every other text rule (text.hpp, cell_text.hpp, numbers.hpp), so none of them needs another for it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

inline constexpr char32_t kReplacement = 0xFFFD;

// One decoded code point and where it sits in the UTF-8 input.
struct CodePoint {
    char32_t value;
    std::size_t byteOffset;
    std::size_t byteLength;
};
// Every code point of `s`; an invalid byte is U+FFFD of length 1.
std::vector<CodePoint> decodeWithOffsets(std::string_view s);

// One full-width character's ASCII form (itself when it has none): see toHalfWidth.
char32_t halfWidth(char32_t c);

// UTF-8 ↔ code points. An invalid byte decodes to U+FFFD on its own, so offsets stay one per byte there
// and nothing throws on text pasted from anywhere.
std::u32string decodeUtf8(std::string_view utf8);
std::string encodeUtf8(std::u32string_view text);

// Full-width digits, Latin letters and ％．，－＋（）： plus the ideographic space (U+3000) become their
// ASCII forms; everything else (including invalid UTF-8 bytes) is copied unchanged.
std::string toHalfWidth(std::string_view utf8);

} // namespace jixiao
