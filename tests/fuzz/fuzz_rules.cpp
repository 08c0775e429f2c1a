// recogniseRule reads free text; whatever it recognises must evaluate without crashing, stay within
// [0, weight] and be stable when serialised.
#include "core/read/rules.hpp"
#include "core/read/scorecard_json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return 0;
    // First byte picks a weight and a measured value so evaluation is explored too.
    const jixiao::Decimal weight = data[0] % 21;
    const jixiao::Decimal measured =
        jixiao::Decimal::fromUnits((static_cast<std::int64_t>(data[1]) - 20) * 700'001);
    const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
    const jixiao::RuleRecognition rec = jixiao::recogniseRule(text, weight);
    if (rec.computable && !rec.rule)
        std::abort();
    if (!rec.rule)
        return 0;
    for (bool severe : {false, true}) {
        const auto score = jixiao::suggestedScore(*rec.rule, weight, measured, severe);
        if (score && (*score < 0 || *score > weight))
            std::abort();
    }
    (void)jixiao::maxChecklistDeduction(*rec.rule);
    // What is recognised must be a rule the JSON reader accepts, and survive the round trip.
    const auto json = jixiao::ruleToJson(*rec.rule);
    if (jixiao::ruleFromJson(json, "$", "fuzz") != *rec.rule)
        std::abort();
    return 0;
}
