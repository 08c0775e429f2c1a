// The office stores an open document as a file of ours: the one way jixiao-batch gets a document it made or
// changed out of its boxed office (the annotated copies of --annotate, the summary workbook). The office may
// write only inside its own profile, so it stores there and the file is moved into place here, taken only as
// a regular file (never through a link the office's user planted) and published under its final name without
// ever replacing anything (O_EXCL temporary + RENAME_NOREPLACE, cli/safe_files.hpp).
#pragma once

#include "cli/safe_files.hpp"

#include <com/sun/star/frame/XModel.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace jixiao::cli {

// The target's name was taken (by an earlier file or one planted meanwhile): nothing was written.
class StoredCopyExists : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The office stores `model` with the export filter `filterName` at `path`, a place it may write (replacing a
// file there only when `overwrite`); the document keeps its own location and modified state. Throws the
// office's exception when it cannot.
void storeTo(const css::uno::Reference<css::frame::XModel>& model, const std::string& filterName,
             const std::string& path, bool overwrite);

// Takes the file the office stored at `staging`, in a folder the office's user owns: opened only as a regular
// file, never through a link (so it cannot make us copy a file of ours into the output), and removed from
// there. Throws std::runtime_error with the reason; the caller closes the returned descriptor.
RegularFile takeStaged(const std::string& staging);

// Stores `model` with the export filter `filterName` ("MS Word 2007 XML", "writer8", "Calc MS Excel 2007
// XML", "calc8" …) as `target`, a new file. `staging`: where the office may write and the batch may read
// (OfficeProcess::outputPath(extension, target)); when it is `target` itself (--connect: the reviewer's own
// office) the office stores there directly, refusing an existing file. Throws StoredCopyExists, or
// std::runtime_error with the reason; the staging file never stays behind.
void storeCopy(const css::uno::Reference<css::frame::XModel>& model, const std::string& filterName,
               const std::string& staging, const std::filesystem::path& target);

} // namespace jixiao::cli
