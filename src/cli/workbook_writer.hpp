// Writes the summary workbook (cli/summary_workbook.hpp) through an office of our own, the way `build` writes
// a report: a new hidden Calc document is filled over UNO, stored (stored_copy.hpp) into the office's staging
// folder, and the file is taken back from there — a regular file, never through a link — for the caller to
// put at --output.
#pragma once

#include "cli/options.hpp"
#include "cli/summary_workbook.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <string>

namespace jixiao::cli {

// Fills a new Calc document with `book` and stores it at `target` as xlsx or ods.
void fillAndStoreWorkbook(const css::uno::Reference<css::uno::XComponentContext>& office,
                          const SummaryWorkbook& book, Format format, const std::string& target);

// Starts an office (options, oxt as for the check), writes the workbook and hands its bytes to `deliver`
// (which puts them at --output and says whether it could). With --connect the office stores at `output`
// itself and `deliver` is not called. Returns "" or why the workbook could not be written.
std::string writeWorkbook(const SummaryWorkbook& book, Format type, const OfficeOptions& options,
                          const std::string& oxt, const std::string& output,
                          const std::function<bool(const std::string& bytes)>& deliver);

} // namespace jixiao::cli
