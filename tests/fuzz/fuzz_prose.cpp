// The prose funding reader and the prose checks must take any text — pasted, converted, not UTF-8 — and every
// finding they raise must point inside its paragraph, with a message whose placeholders are filled. The
// funding sections written from what the prose states must come back as text or a UserError (a message for
// the user), never an internal error: figures inside the bound may combine beyond it (issue 24), and the
// first number of the text stands in for the output count, so unit costs over any count are tried too.
#include "core/check/validate.hpp"
#include "core/model/user_error.hpp"
#include "core/read/prose_funding.hpp"
#include "core/text/utf8.hpp"
#include "core/write/narrative.hpp"

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
    if (funding) {
        static const auto patterns = jixiao::NarrativePatterns::loadForLanguage(
            std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension/narrative", "zh-CN");
        jixiao::Scorecard sections;
        sections.funding = *funding;
        for (const auto& n : jixiao::findNumbersInText(paragraphs.front()))
            if (!n.percent) {
                sections.funding.outputCount = n.value;
                break;
            }
        for (const char* id : {"cost-benefit", "funding-usage"}) {
            try {
                (void)jixiao::generateSection(sections, id, patterns);
            } catch (const jixiao::UserError&) {
                // told to the user in words: allowed
            }
        }
    }
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
