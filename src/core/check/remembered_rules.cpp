#include "core/check/remembered_rules.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jixiao {
namespace {

// Far more standards than any report has, few enough that the memory stays small (each entry is a short
// text and one rule).
constexpr std::size_t kMostRemembered = 4096;

struct Memory {
    // Per text, the weights it was recognised with (the weight can change what is recognised). Looked up by
    // string_view (std::less<>), so a hit allocates nothing; an ordered map because the portable build's
    // libstdc++ 10 has no such lookup for unordered ones.
    std::map<std::string, std::vector<std::pair<Decimal, RuleRecognition>>, std::less<>> byText;
    std::size_t entries = 0;
};

} // namespace

const RuleRecognition& rememberedRecognition(std::string_view standardText, Decimal weight) {
    thread_local Memory memory;
    if (const auto text = memory.byText.find(standardText); text != memory.byText.end())
        for (const auto& [known, recognition] : text->second)
            if (known == weight)
                return recognition;
    if (memory.entries >= kMostRemembered) {
        memory.byText.clear();
        memory.entries = 0;
    }
    auto& weights = memory.byText.try_emplace(std::string(standardText)).first->second;
    weights.emplace_back(weight, recogniseRule(standardText, weight));
    ++memory.entries;
    return weights.back().second;
}

const std::set<std::string>& rememberedVettedStandards(const std::vector<Template>& templates) {
    thread_local std::optional<std::vector<std::string>> builtFrom; // the non-empty standards, in order
    thread_local std::set<std::string> keys;
    std::vector<std::string_view> standards;
    for (const auto& t : templates)
        forEachLeaf(t.card, [&](const Indicator& leaf) {
            if (!leaf.standard.empty()) // all vettedStandards reads
                standards.push_back(leaf.standard);
        });
    if (builtFrom && std::equal(standards.begin(), standards.end(), builtFrom->begin(), builtFrom->end()))
        return keys;
    keys = vettedStandards(templates);
    builtFrom.emplace(standards.begin(), standards.end());
    return keys;
}

} // namespace jixiao
