// recogniseRule (core/read/rules.hpp) and the vetted standards of the templates, remembered per thread: a
// live recompute validates the whole table after every keystroke, and recognising each leaf's 评价标准 again
// was 40% of that validation at 200 indicators (issue 22 item 5), while a keystroke almost never changes a
// standard. recogniseRule is a pure function of the text and the weight, so the remembered answer is the
// answer.
#pragma once

#include "core/read/rules.hpp"
#include "core/write/templates.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// recogniseRule(standardText, weight), from this thread's memory when it has seen the pair before. The
// reference stays valid until this thread's next call. The memory is bounded (forgotten whole past a few
// thousand texts), so a hostile document cannot grow it without end.
const RuleRecognition& rememberedRecognition(std::string_view standardText, Decimal weight);

// vettedStandards(templates) (core/write/templates.hpp), from this thread's memory while the templates'
// 评价标准 are, text for text, those it was built from: keying every shipped standard again was half of a
// validate call on the sample. The reference stays valid until this thread's next call.
const std::set<std::string>& rememberedVettedStandards(const std::vector<Template>& templates);

} // namespace jixiao
