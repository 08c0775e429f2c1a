// jixiao-batch: checks many 绩效评价 reports with LibreOffice and the Jixiao extension, or builds one report
// from a scorecard JSON (`jixiao-batch build`). See README.md, "Batch checking (jixiao-batch)".
#include "cli/build_report.hpp"
#include "cli/inputs.hpp"
#include "cli/messages.hpp"
#include "cli/office_process.hpp"
#include "cli/options.hpp"
#include "cli/process.hpp"
#include "cli/progress.hpp"
#include "cli/report_summary.hpp"
#include "cli/sandbox.hpp"
#include "cli/scorecard_export.hpp"
#include "cli/worker_pool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace jixiao::cli;

namespace {

constexpr int kUsageOrStartFailure = 3;

// --output FILE is opened before the run (a bad target ends the run before it starts, not after it), without
// following a symbolic link.
int openOutput(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        throw UsageError(format(Msg::WriteFailed, printableName(path) + ": " + std::strerror(errno)));
    return fd;
}

std::string resolveOxt(const OfficeOptions& office) {
    if (!office.connect.empty()) // nothing to install; the .oxt only tells where jixiao.rdb may be
        return office.oxt.empty() ? defaultOxt() : office.oxt;
    std::string oxt = office.oxt.empty() ? defaultOxt() : office.oxt;
    std::error_code ec;
    if (oxt.empty() || !fs::exists(oxt, ec))
        throw UsageError(format(Msg::OxtMissing, oxt.empty() ? "jixiao-*.oxt" : oxt));
    return oxt;
}

int runCheck(const CheckOptions& options) {
    const std::string oxt = resolveOxt(options.office);
    const std::vector<Input> inputs = expandInputs(options.inputs);
    if (inputs.empty())
        throw UsageError(std::string(text(Msg::NoInputs)));
    const int output = options.output.empty() ? -1 : openOutput(options.output);
    std::optional<ScorecardExport> exporter;
    if (!options.exportJson.empty())
        exporter.emplace(options.exportJson, inputs);
    Progress progress(inputs.size());
    std::vector<FileResult> results;
    try {
        results = checkAll(inputs, options, oxt, progress);
    } catch (const std::exception& e) {
        progress.end();
        if (interruption() == 0) {
            std::fprintf(stderr, "%s\n", e.what());
            return kUsageOrStartFailure;
        }
        results.clear(); // interrupted while the first office started: nothing was checked
        for (const Input& input : inputs) {
            FileResult left;
            left.file = input.shown;
            left.interrupted = true;
            results.push_back(std::move(left));
        }
    }
    progress.end();
    int code = exitCodeFor(results);
    if (exporter)
        for (const std::string& problem : exporter->write(results)) {
            std::fprintf(stderr, "%s\n", problem.c_str());
            code = std::max(code, 2);
        }
    const std::string summary = formatSummary(results, options.format);
    if (output < 0) {
        std::fwrite(summary.data(), 1, summary.size(), stdout);
    } else {
        const bool ok =
            ::write(output, summary.data(), summary.size()) == static_cast<ssize_t>(summary.size());
        if (::close(output) != 0 || !ok) { // the summary must not be lost: it goes to stdout instead
            std::fwrite(summary.data(), 1, summary.size(), stdout);
            std::fprintf(stderr, "%s\n", format(Msg::WriteFailed, printableName(options.output)).c_str());
            code = std::max(code, 2);
        }
    }
    return interruption() != 0 ? 128 + interruption() : code;
}

} // namespace

int main(int argc, char** argv) {
    if (isSandboxInvocation(argc, argv)) // this program as the supervisor of one office (cli/sandbox.hpp)
        return runSandbox(argc, argv);
    installCleanupOnSignals();
    try {
        const Command command = parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
        if (command.help) {
            std::printf("%s\n", std::string(text(Msg::Usage)).c_str());
            return 0;
        }
        if (command.build) {
            const int code = buildReport(*command.build, resolveOxt(command.build->office));
            return interruption() != 0 ? 128 + interruption() : code;
        }
        return runCheck(*command.check);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "%s\n\n%s\n", e.what(), std::string(text(Msg::Usage)).c_str());
        return kUsageOrStartFailure;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return kUsageOrStartFailure;
    }
}
