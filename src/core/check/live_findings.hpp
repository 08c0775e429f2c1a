// The findings the deck shows between two full validations. A full validation (校验, and the deck's first
// look at a document) reads every paragraph: 7 ms on the sample and 30 ms on a 100-page report
// (docs/benchmarks.md, section c2) — more than a keystroke's whole live run (3–5 ms), so it is not run per
// keystroke. After each live run the tables are checked again from the tables that run read (the core's
// validate on the card, with no paragraph read: no office call), and the prose's findings stay as the last
// full validation left them, which the deck says ("正文未校验").
#pragma once

#include "core/model/finding.hpp"

#include <vector>

namespace jixiao {

// A finding about the report's prose (a paragraph): only a full validation, which reads the paragraphs,
// finds it or sees it gone.
bool isProseFinding(const Finding& finding);

// `lastFull`'s prose findings with its other findings replaced by `live` (a validation of the tables alone;
// its prose findings, which it cannot have, are dropped). The live findings stand where the first of
// `lastFull`'s non-prose ones stood (the table's place in reading order), or after its prose findings when it
// had none.
std::vector<Finding> mergeLiveFindings(const std::vector<Finding>& lastFull,
                                       const std::vector<Finding>& live);

} // namespace jixiao
