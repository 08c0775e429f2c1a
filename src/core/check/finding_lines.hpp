// The deck's findings list, decided here so that it is tested without an office: one line per finding,
// except that a rule which floods a half-scored table ("尚未填写评价得分" once per unscored indicator)
// becomes one line ("还有 16 项未打分"); each line reads without saying the indicator's name twice; and a
// detail text that holds the whole of what a line stands for, for the box under the list (a line is cut at
// the deck's width).
#pragma once

#include "core/model/finding.hpp"
#include "core/model/messages.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

struct FindingLine {
    Severity severity = Severity::Error;
    std::string text;      // what the list shows
    std::string detail;    // the whole of it: the message, or every finding a grouped line stands for
    std::size_t first = 0; // the finding the line stands for (the first of a group): choosing it goes there
    int count = 1;         // how many findings the line stands for
};

// Rules whose findings are grouped into one line when more than kGroupAbove of them are open; the line's
// text is the catalog's "group.<rule id>" with {count}.
inline constexpr int kGroupAbove = 2;
const std::vector<std::string>& groupedRuleIds();

// A finding's own text: its message, prefixed with "indicator：" only when the message does not already
// name the indicator.
std::string findingText(const Finding& finding);

// The list's lines for `findings` (messages already formatted), in their order; a group stands where its
// first finding stood.
std::vector<FindingLine> findingLines(const std::vector<Finding>& findings, const MessageCatalog& catalog,
                                      std::string_view lang);

// The cell of the first score out of range (score.range), for the deck's summary ("G5 的得分超出分值"): the
// place the user is typing scores into, named where they look while scoring.
std::optional<std::string> badScoreCell(const std::vector<Finding>& findings);

} // namespace jixiao
