// Cell and prose number parsing must accept any bytes — pasted text is not always valid UTF-8.
#include "core/text/numbers.hpp"
#include "core/text/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const jixiao::CellNumber cell = jixiao::parseCellNumber(text);
    (void)jixiao::toWanYuan(cell);
    const std::string half = jixiao::toHalfWidth(text);
    if (half.size() > text.size())
        std::abort(); // folding never lengthens text
    const std::u32string points = jixiao::decodeUtf8(text);
    for (const auto& n : jixiao::findNumbersInText(text)) {
        // Offsets are code points of the original text and must stay inside it.
        if (n.offset < 0 || n.length < n.numberLength || n.numberLength <= 0 ||
            static_cast<std::size_t>(n.offset + n.length) > points.size())
            std::abort();
        // For valid UTF-8 the reported text is exactly the code points at offset/length.
        const bool valid = jixiao::encodeUtf8(jixiao::decodeUtf8(n.text)) == n.text;
        if (valid && jixiao::encodeUtf8(std::u32string_view(points).substr(std::size_t(n.offset),
                                                                           std::size_t(n.length))) != n.text)
            std::abort();
        (void)jixiao::toWanYuan(n);
    }
    return 0;
}
