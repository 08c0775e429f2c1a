// The prose funding reader and the prose checks must take any text — pasted, converted, not UTF-8 — and every
// finding they raise must point inside its paragraph, with a message whose placeholders are filled.
#include "core/prose_funding.hpp"
#include "core/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const jixiao::MessageCatalog catalog = jixiao::MessageCatalog::load(
        std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension/i18n/messages.json");
    std::vector<std::string> paragraphs(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == '\n')
            paragraphs.emplace_back();
        else
            paragraphs.back() += char(data[i]);
    }
    const auto funding = jixiao::fundingFromProse(paragraphs);
    (void)jixiao::completedFromProse(jixiao::Funding{}, funding);
    const jixiao::Scorecard card;
    for (const auto& f : jixiao::validate({card, paragraphs, std::nullopt, 2025}, catalog, "zh-CN")) {
        // Every placeholder of the message has a value (validate() names a nameless indicator itself).
        const std::string pattern = catalog.format("zh-CN", f.ruleId, {});
        for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1)) {
            const std::string name = pattern.substr(open + 1, pattern.find('}', open) - open - 1);
            if (name != "indicator" && !f.args.contains(name))
                std::abort();
        }
        if (f.location.kind != jixiao::Location::Kind::Paragraph)
            continue;
        const auto& l = f.location;
        if (l.paragraph < 0 || std::size_t(l.paragraph) >= paragraphs.size() || l.offset < 0 ||
            l.length <= 0 ||
            std::size_t(l.offset + l.length) >
                jixiao::decodeUtf8(paragraphs[std::size_t(l.paragraph)]).size())
            std::abort();
    }
    return 0;
}
