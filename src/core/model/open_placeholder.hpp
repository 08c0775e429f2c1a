// A placeholder field of a report made by 新建评价报告 that the document still holds: read by the host,
// carried in the Report, worded as a finding by report_outline.hpp's placeholderFindings.
#pragma once

#include <string>

namespace jixiao {

// A placeholder field still in the document (its hint not yet typed over), as the office read it.
struct OpenPlaceholder {
    std::string hint;
    std::string section; // the heading above it; empty for one above the first heading (the title)
    int paragraph = -1;  // index into the document's paragraphs
    int offset = 0;      // characters into the paragraph
    int length = 0;
    friend bool operator==(const OpenPlaceholder&, const OpenPlaceholder&) = default;
};

} // namespace jixiao
