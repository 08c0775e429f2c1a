// The language a report is written in, so that generated sections match the document rather than the
// office's UI: a Chinese report gets Chinese prose even in an English office (the UI language applies to the
// deck and the messages only).
#pragma once

#include "core/model/scorecard.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

// "zh-CN" when the report's text (its paragraphs, else the scoring table's indicator names and title) is
// mostly Chinese, "en" when it is mostly Latin script, nullopt when it has no words at all (a new, empty
// document: the caller falls back to the UI language). A Chinese character counts as a word, four Latin
// letters as one (12345热线, PPP项目 and English terms in a Chinese report do not make it English).
std::optional<std::string> documentLanguage(const std::vector<std::string>& paragraphs,
                                            const Scorecard& card);

} // namespace jixiao
