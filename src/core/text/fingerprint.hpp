// A short, stable fingerprint of a text (64-bit FNV-1a as 16 hex digits): Jixiao stores the fingerprint of
// each section it writes, so a later refresh can tell whether the user has edited the text since.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jixiao {

inline std::string textFingerprint(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4)
        out[static_cast<std::size_t>(i)] = kDigits[hash & 0xF];
    return out;
}

} // namespace jixiao
