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

// What became of one file; each file gets exactly one.
enum class Status {
    Checked,     // read and validated: its findings decide the exit code
    NoTable,     // read, but it holds no scoring table (an empty file, a renamed text file, a letter …)
    Failed,      // could not be read, and why
    Interrupted, // not finished: the run was interrupted (Ctrl-C)
};

struct FileResult {
    std::string file;             // as the reviewer wrote it or as found in a folder: raw bytes, any encoding
    std::string failure;          // non-empty: the file could not be read, and why
    bool interrupted = false;     // the run stopped before this file was done
    std::string scorecardJson;    // exportScorecard's answer, empty when there is none
    std::string scorecardProblem; // why there is no scorecard (the file was still validated)
    std::vector<FindingLine> findings;
    double seconds = 0;
    // --annotate: the copy written with the findings as comments, how many, the format it was converted from
    // (".doc"), or why it could not be written.
    std::string annotatedCopy;
    int commentsAdded = 0;
    std::string annotatedFrom;
    std::string annotateProblem;

    bool failed() const { return !failure.empty() && !interrupted; }
    Status status() const;
    int count(const std::string& severity) const;
};

// Total, grade and funding figures of the exported scorecard, as the deck shows them (summarizeReport in
// core/derive/report_summary.hpp): no total or grade while a score is missing or out of range, nor for a
// table the office could not read whole (a "table.partial" finding: the deck says so instead of a total).
// Figures are decimal text rounded half-up to two places ("97", "88.5"), the deck's own wording of them.
struct Score {
    std::optional<std::string> total;
    std::string grade;
    std::string unit, project; // the report's 单位 and 项目名称
    std::optional<int> year;
    std::optional<std::string> budget, actual, executionRate; // 万元, 万元, %
};
Score scoreOf(const FileResult& result);

// 0 no error-level finding, 1 some error-level finding, 2 some file could not be read or holds no scoring
// table, 130 the run was interrupted.
int exitCodeFor(const std::vector<FileResult>& results);

// A file name safe to print: control characters (a newline could forge a row) and bytes that are not UTF-8
// (GBK names from archives made on Chinese Windows) as \n, \t, \xNN; a backslash as \\.
std::string printableName(const std::string& raw);

// exitCode: what the run exits with, recorded in the JSON summary (defaults to exitCodeFor(results)).
std::string formatSummary(const std::vector<FileResult>& results, Format format);
std::string formatSummary(const std::vector<FileResult>& results, Format format, int exitCode);
// One line per file for logs and the progress display: "file: 97 优秀, 0 errors, 2 warnings".
std::string resultLine(const FileResult& result);

// Columns on a terminal: CJK characters take two.
std::size_t displayWidth(const std::string& utf8);

} // namespace jixiao::cli
