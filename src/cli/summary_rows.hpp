// One row per report of the run's summary, as the JSON summary records it and as `jixiao-batch merge` reads
// it back: everything the JSON, CSV and workbook summaries show of a report, so several runs' JSON results
// merge into the summary one run over all their files would have written. Pure C++ (no UNO).
#pragma once

#include "cli/report_summary.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace jixiao::cli {

struct ReportRow {
    std::string file;     // printable (printableName)
    std::string status;   // "checked", "no-table", "failed", "interrupted"
    std::string reason;   // why it failed
    Score score;          // checked files only
    bool counted = false; // errors and warnings mean something (checked, no-table)
    int errors = 0, warnings = 0;
    std::string scorecardProblem;
    std::vector<FindingLine> findings;
    // --annotate: the copy with the findings as comments, how many, the format it was converted from, or why
    // none was written
    std::string annotatedCopy;
    int commentsAdded = 0;
    std::string annotatedFrom;
    std::string annotateProblem;
    double seconds = 0;
};

ReportRow rowOf(const FileResult& result);
std::vector<ReportRow> rowsOf(const std::vector<FileResult>& results);

// The exit code a run over these rows ends with (exitCodeFor's rules: 130 interrupted, 2 a file failed or
// holds no table, 1 an error-level finding).
int exitCodeFor(const std::vector<ReportRow>& rows);

// The JSON summary ({"files": […], "exitCode": n}).
nlohmann::ordered_json rowsToJson(const std::vector<ReportRow>& rows, int exitCode);

// The JSON and CSV summaries of these rows (formatSummary's for a run's results).
std::string summaryJson(const std::vector<ReportRow>& rows, int exitCode);
std::string summaryCsv(const std::vector<ReportRow>& rows);

// A JSON summary written by rowsToJson (another run's --format json): its rows. Throws BadSummary naming the
// JSON path of what is wrong (not a summary, a missing or mistyped field).
class BadSummary : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
std::vector<ReportRow> rowsFromJson(const std::string& text);

} // namespace jixiao::cli
