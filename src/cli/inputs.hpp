// Turns the command line's files, folders (recursively) and glob patterns into the list of files to check.
// Nothing is dropped silently: an input that names nothing checkable comes back with the reason.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jixiao::cli {

struct Input {
    std::string path;        // absolute, as the office will open it
    std::string shown;       // as the reviewer wrote it (or found below a folder they named)
    std::string reason;      // non-empty: cannot be checked (missing, unsupported, pattern matched nothing)
    bool followLink = false; // typed on the command line and allowed to be a link (see expandInputs)
    // For such a link: the file it led to when it was judged, so a link re-pointed since is not followed.
    std::uint64_t device = 0, inode = 0;
};

bool isReportFile(const std::string& path); // .docx .doc .odt .xlsx .xls .ods, any case
std::vector<Input> expandInputs(const std::vector<std::string>& args);

} // namespace jixiao::cli
