// --annotate DIR: where each report's annotated copy goes and in which format. Office-free: the names are
// planned before the run (a stem met twice gets its source's extension, then a number, as --export-json's),
// and a name taken in DIR when the copy is stored is skipped for the next number, never overwritten
// (cli/stored_copy.hpp publishes with RENAME_NOREPLACE).
#pragma once

#include "cli/inputs.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace jixiao::cli {

// The format of a report's annotated copy: its own, except the binary .doc/.xls, which the office writes as
// .docx/.xlsx (convertedFrom says so in the summary).
struct CopyFormat {
    std::string extension;     // ".docx"
    std::string filter;        // the office's export filter
    std::string convertedFrom; // ".doc" when converted, else empty
};
std::optional<CopyFormat> annotatedFormat(const std::string& source);

class AnnotatedCopies {
public:
    // Creates DIR when missing and tries it; throws UsageError when it cannot be written in.
    AnnotatedCopies(const std::string& dir, const std::vector<Input>& inputs);

    // The copy of inputs[index]: its format (none for a file that is not a report type) and the name to try
    // on attempt n (0: the planned name; then -2, -3 … after it).
    std::optional<CopyFormat> format(std::size_t index) const;
    std::filesystem::path target(std::size_t index, int attempt) const;

private:
    std::filesystem::path dir_;
    std::vector<std::string> stems_; // per input
    std::vector<std::optional<CopyFormat>> formats_;
};

} // namespace jixiao::cli
