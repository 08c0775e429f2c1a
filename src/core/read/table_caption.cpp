#include "core/read/table_caption.hpp"

#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

namespace jixiao {
namespace {

using View = std::u32string_view;

// Longer than any caption offices write; a paragraph this long is prose.
constexpr std::size_t kMaxCaption = 80;

bool contains(View text, View word) {
    return text.find(word) != View::npos;
}

} // namespace

bool isTableCaptionLine(std::string_view utf8) {
    const std::u32string decoded = decodeUtf8(utf8);
    const View text = trimSpaces(decoded);
    if (text.empty() || text.size() > kMaxCaption)
        return false;
    for (const char32_t c : {U'《', U'》', U'。', U'，', U'；', U',', U';'})
        if (text.find(c) != View::npos)
            return false;
    if (!contains(text, U"打分表") && !contains(text, U"评分表") && !contains(text, U"指标体系"))
        return false;
    return text.starts_with(U"附表") || text.ends_with(U"表") || text.ends_with(U"指标体系");
}

std::string tableCaptionIn(const std::vector<std::string>& paragraphs) {
    int first = -1;
    for (int i = int(paragraphs.size()) - 1; i >= 0; --i) {
        const std::string& paragraph = paragraphs[std::size_t(i)];
        if (isTableCaptionLine(paragraph))
            first = i;
        else if (first >= 0 && !isBlank(paragraph))
            break;
    }
    if (first < 0)
        return {};
    return encodeUtf8(trimSpaces(decodeUtf8(paragraphs[std::size_t(first)])));
}

std::string withoutAppendixNumber(std::string_view caption) {
    const std::u32string decoded = decodeUtf8(caption);
    View text = trimSpaces(decoded);
    if (text.starts_with(U"附表")) {
        const auto colon = text.find_first_of(U"：:");
        if (colon != View::npos)
            text = trimSpaces(text.substr(colon + 1));
    }
    return encodeUtf8(text);
}

} // namespace jixiao
