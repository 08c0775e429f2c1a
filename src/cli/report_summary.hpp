// What one checked file came to, and the run's summary as a text table, JSON or CSV. Pure C++ (no UNO):
// the total and grade come from the exported scorecard JSON through the core.
#pragma once

#include "cli/options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao::cli {

struct FindingLine {
    std::string ruleId, severity, location, message;
};

struct FileResult {
    std::string file;             // as shown to the reviewer
    std::string failure;          // non-empty: the file could not be read, and why
    std::string scorecardJson;    // exportScorecard's answer, empty when there is none
    std::string scorecardProblem; // why there is no scorecard (the file was still validated)
    std::vector<FindingLine> findings;
    double seconds = 0;

    bool failed() const { return !failure.empty(); }
    int count(const std::string& severity) const;
};

// Total (sum of the leaf scores, else the table's 合计 as entered) and grade of the exported scorecard.
struct Score {
    std::optional<std::string> total; // "97", "88.5"
    std::string grade;
};
Score scoreOf(const FileResult& result);

// 0 no error-level finding, 1 some error-level finding, 2 some file could not be read.
int exitCodeFor(const std::vector<FileResult>& results);

std::string formatSummary(const std::vector<FileResult>& results, Format format);
// One line per file for logs and the progress display: "file: 97 优秀, 0 errors, 2 warnings".
std::string resultLine(const FileResult& result);

// Columns on a terminal: CJK characters take two.
std::size_t displayWidth(const std::string& utf8);

} // namespace jixiao::cli
