#include "core/read/document_language.hpp"

#include "core/text/utf8.hpp"

namespace jixiao {
namespace {

struct Counts {
    long han = 0;
    long latin = 0;
    void add(const std::string& utf8) {
        for (const char32_t c : decodeUtf8(utf8)) {
            if ((c >= U'\u4E00' && c <= U'\u9FFF') || (c >= U'\u3400' && c <= U'\u4DBF'))
                ++han;
            else if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'))
                ++latin;
        }
    }
    bool empty() const { return han == 0 && latin == 0; }
};

} // namespace

std::optional<std::string> documentLanguage(const std::vector<std::string>& paragraphs,
                                            const Scorecard& card) {
    Counts counts;
    for (const auto& paragraph : paragraphs)
        counts.add(paragraph);
    if (counts.empty()) {
        counts.add(card.meta.title);
        forEachLeaf(card, [&](const Indicator& leaf) { counts.add(leaf.name); });
        for (const auto& top : card.indicators)
            counts.add(top.name);
    }
    if (counts.empty())
        return std::nullopt;
    return counts.han * 4 >= counts.latin ? "zh-CN" : "en";
}

} // namespace jixiao
