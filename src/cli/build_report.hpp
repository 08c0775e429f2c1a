// `jixiao-batch build`: a report from a scorecard JSON — a new Writer document with the scoring table, the
// funding table and the 评价结论 / 成本效益分析 sections, stored as .odt, .docx or .pdf.
#pragma once

#include "cli/options.hpp"

namespace jixiao::cli {

// Returns the exit code: 0 written, 2 the JSON could not be read or the office refused it, 3 no office.
int buildReport(const BuildOptions& options, const std::string& oxt);

} // namespace jixiao::cli
