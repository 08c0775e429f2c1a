#include "core/check/live_findings.hpp"

#include <algorithm>

namespace jixiao {

bool isProseFinding(const Finding& finding) {
    return finding.location.kind == Location::Kind::Paragraph;
}

std::vector<Finding> mergeLiveFindings(const std::vector<Finding>& lastFull,
                                       const std::vector<Finding>& live) {
    std::vector<Finding> merged;
    bool placed = false;
    auto placeLive = [&] {
        std::copy_if(live.begin(), live.end(), std::back_inserter(merged),
                     [](const Finding& f) { return !isProseFinding(f); });
        placed = true;
    };
    for (const auto& finding : lastFull) {
        if (isProseFinding(finding)) {
            merged.push_back(finding);
            continue;
        }
        if (!placed)
            placeLive();
    }
    if (!placed)
        placeLive();
    return merged;
}

} // namespace jixiao
