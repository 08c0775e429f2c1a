// Template and scorecard JSON come from users' files: every malformed input must end in JsonFormatError,
// never in a crash or another exception, and whatever parses must round-trip.
#include "core/read/rules.hpp"
#include "core/read/scorecard_json.hpp"
#include "core/write/templates.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const jixiao::Template t = jixiao::parseTemplate(text, "fuzz.json");
        jixiao::forEachLeaf(t.card, [](const jixiao::Indicator& leaf) {
            if (leaf.rule)
                (void)jixiao::suggestedScore(*leaf.rule, leaf.weight, leaf.measured.value_or(0));
        });
    } catch (const jixiao::JsonFormatError&) {
    }
    try {
        const jixiao::Scorecard card = jixiao::scorecardFromJson(text, "fuzz.json");
        if (jixiao::scorecardFromJson(jixiao::scorecardToJson(card), "again") != card)
            std::abort();
    } catch (const jixiao::JsonFormatError&) {
    }
    return 0;
}
