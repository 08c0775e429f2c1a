// Checks many files with N offices in parallel. Each worker thread owns one office; a watchdog kills an
// office whose current file overruns the time limit (the pending call then fails), and a worker whose office
// crashed or was killed starts a fresh one and goes on. Every input ends up in the results, in input order.
#pragma once

#include "cli/annotated_copies.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/report_summary.hpp"

#include <vector>

namespace jixiao::cli {

// Throws std::runtime_error when not even one office can be started. `annotated`: --annotate's copies
// (cli/annotated_copies.hpp), null without it.
std::vector<FileResult> checkAll(const std::vector<Input>& inputs, const CheckOptions& options,
                                 const std::string& oxt, Progress& progress,
                                 const AnnotatedCopies* annotated = nullptr);

} // namespace jixiao::cli
