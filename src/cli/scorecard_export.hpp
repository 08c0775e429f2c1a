// --export-json DIR: one scorecard JSON per checked report, written so that a hostile folder cannot redirect
// it. The folder is opened (and tried) once before the run; each file is written there as a temporary file
// renamed with RENAME_NOREPLACE, so a planted symbolic link or an existing file is never written through nor
// overwritten, and no half-written JSON is ever seen. The names are settled and
// checked before the run (a clash ends the run before any office starts), and each JSON records the report
// it came from ("source").
#pragma once

#include "cli/inputs.hpp"
#include "cli/report_summary.hpp"

#include <string>
#include <vector>

namespace jixiao::cli {

class ScorecardExport {
public:
    // Creates the folder when missing. Throws UsageError when a target name is taken or the folder cannot be
    // opened.
    ScorecardExport(const std::string& dir, const std::vector<Input>& inputs);
    ~ScorecardExport();
    ScorecardExport(const ScorecardExport&) = delete;
    ScorecardExport& operator=(const ScorecardExport&) = delete;

    // results[i] belongs to inputs[i]. Returns the problems met (one message per file not written).
    std::vector<std::string> write(const std::vector<FileResult>& results) const;

private:
    std::string dir_;
    int fd_ = -1;
    std::vector<Input> inputs_;
    std::vector<std::string> names_; // per input; empty for an input that cannot be checked
};

} // namespace jixiao::cli
