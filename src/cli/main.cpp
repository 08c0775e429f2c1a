// jixiao-batch: checks many 绩效评价 reports with LibreOffice and the Jixiao extension, or builds one report
// from a scorecard JSON (`jixiao-batch build`). See README.md, "Batch checking (jixiao-batch)".
#include "cli/annotated_copies.hpp"
#include "cli/build_report.hpp"
#include "cli/inputs.hpp"
#include "cli/messages.hpp"
#include "cli/office_process.hpp"
#include "cli/options.hpp"
#include "cli/process.hpp"
#include "cli/progress.hpp"
#include "cli/report_summary.hpp"
#include "cli/safe_files.hpp"
#include "cli/sandbox.hpp"
#include "cli/scorecard_export.hpp"
#include "cli/summary_rows.hpp"
#include "cli/summary_workbook.hpp"
#include "cli/workbook_writer.hpp"
#include "cli/worker_pool.hpp"

#include <fcntl.h>
#include <sys/stat.h>
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

// --output FILE: its folder is opened and tried before the run (a bad target ends the run before any office
// starts, not after it); the summary is written there at the end through a temporary file and a rename, so a
// failed write leaves no half summary. Anything but a regular file at FILE (a link, a folder) is refused.
class OutputTarget {
public:
    explicit OutputTarget(const std::string& path) : path_(path) {
        const fs::path target(path);
        name_ = target.filename().string();
        const std::string folder = target.has_parent_path() ? target.parent_path().string() : ".";
        struct stat info {};
        if (::lstat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode))
            fail(S_ISLNK(info.st_mode) ? ELOOP : EISDIR);
        dir_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir_ < 0 || name_.empty() || name_ == "." || name_ == ".." || !canCreateIn(dir_))
            fail(name_.empty() ? EISDIR : errno);
    }
    ~OutputTarget() {
        if (dir_ >= 0)
            ::close(dir_);
    }
    OutputTarget(const OutputTarget&) = delete;
    OutputTarget& operator=(const OutputTarget&) = delete;

    bool write(const std::string& text) const { return writeAtomically(dir_, name_, text, true); }

private:
    [[noreturn]] void fail(int error) {
        if (dir_ >= 0)
            ::close(dir_);
        throw UsageError(format(Msg::WriteFailed, printableName(path_) + ": " + std::strerror(error)));
    }

    std::string path_, name_;
    int dir_ = -1;
};

std::string resolveOxt(const OfficeOptions& office) {
    if (!office.connect.empty()) // nothing to install; the .oxt only tells where jixiao.rdb may be
        return office.oxt.empty() ? defaultOxt() : office.oxt;
    std::string oxt = office.oxt.empty() ? defaultOxt() : office.oxt;
    std::error_code ec;
    if (oxt.empty() || !fs::exists(oxt, ec))
        throw UsageError(format(Msg::OxtMissing, oxt.empty() ? "jixiao-*.oxt" : oxt));
    return oxt;
}

// --format xlsx|ods: the workbook, written by an office of our own and put at --output like any summary.
// When it cannot be written the summary is not lost: the JSON goes to stdout, and the run exits with 2.
int writeWorkbookSummary(const std::vector<ReportRow>& rows, Format type, const OfficeOptions& office,
                         const std::string& oxt, const OutputTarget& output, const std::string& outputPath,
                         int code) {
    std::error_code ec;
    const std::string here = fs::current_path(ec).string();
    const std::string problem =
        interruption() != 0
            ? std::string(text(Msg::StatusInterrupted))
            : writeWorkbook(summaryWorkbook(rows, here), type, office, oxt, outputPath,
                            [&output](const std::string& bytes) { return output.write(bytes); });
    if (problem.empty()) {
        std::fprintf(stderr, "%s\n", format(Msg::Wrote, printableName(outputPath)).c_str());
        return code;
    }
    std::fprintf(stderr, "%s\n", format(Msg::StoreFailed, problem).c_str());
    const std::string summary = summaryJson(rows, code);
    std::fwrite(summary.data(), 1, summary.size(), stdout);
    return interruption() != 0 ? code : std::max(code, 2);
}

int runCheck(const CheckOptions& options) {
    const std::string oxt = resolveOxt(options.office);
    const std::vector<Input> inputs = expandInputs(options.inputs);
    if (inputs.empty())
        throw UsageError(std::string(text(Msg::NoInputs)));
    std::optional<OutputTarget> output;
    if (!options.output.empty())
        output.emplace(options.output);
    std::optional<ScorecardExport> exporter;
    if (!options.exportJson.empty())
        exporter.emplace(options.exportJson, inputs);
    std::optional<AnnotatedCopies> annotated;
    if (!options.annotate.empty())
        annotated.emplace(options.annotate, inputs);
    Progress progress(inputs.size());
    std::vector<FileResult> results;
    try {
        results = checkAll(inputs, options, oxt, progress, annotated ? &*annotated : nullptr);
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
    for (const FileResult& r : results) // a copy that could not be written is a file not done
        if (!r.annotateProblem.empty())
            code = std::max(code, 2);
    if (exporter)
        for (const std::string& problem : exporter->write(results)) {
            std::fprintf(stderr, "%s\n", problem.c_str());
            code = std::max(code, 2);
        }
    // The summary's exitCode is the process's own: 128 + the signal after an interruption.
    const auto exitCode = [&code] { return interruption() != 0 ? 128 + interruption() : code; };
    if (isWorkbook(options.format))
        return writeWorkbookSummary(rowsOf(results), options.format, options.office, oxt, *output,
                                    options.output, exitCode());
    if (output && !output->write(formatSummary(results, options.format, exitCode()))) {
        // The summary must not be lost: it goes to stdout instead, with the exit code that failure makes.
        const std::string why = std::strerror(errno);
        code = std::max(code, 2);
        std::fprintf(stderr, "%s\n",
                     format(Msg::WriteFailed, printableName(options.output) + ": " + why).c_str());
        output.reset();
    }
    if (!output) {
        const std::string summary = formatSummary(results, options.format, exitCode());
        std::fwrite(summary.data(), 1, summary.size(), stdout);
    }
    return exitCode();
}

// The whole of a part (another run's JSON summary), at most 1 GiB; a link is followed as for any input.
std::string readPart(const std::string& path) {
    const RegularFile file = openRegular(path, true);
    if (!file)
        throw UsageError(
            format(Msg::BadSummary, printableName(path),
                   file.notRegular ? std::string(text(Msg::NotRegular)) : std::strerror(file.error)));
    std::string bytes;
    char block[65536];
    ssize_t n = 0;
    while ((n = ::read(file.fd, block, sizeof block)) > 0 && bytes.size() < (std::size_t{1} << 30))
        bytes.append(block, static_cast<std::size_t>(n));
    ::close(file.fd);
    return bytes;
}

// jixiao-batch merge: the parts' rows in the order given, as one run over all their files would show them.
int runMerge(const MergeOptions& options) {
    std::optional<OutputTarget> output;
    if (!options.output.empty())
        output.emplace(options.output);
    std::vector<ReportRow> rows;
    for (const std::string& part : options.parts) {
        try {
            for (auto& row : rowsFromJson(readPart(part)))
                rows.push_back(std::move(row));
        } catch (const BadSummary& e) {
            throw UsageError(format(Msg::BadSummary, printableName(part), e.what()));
        }
    }
    int code = exitCodeFor(rows);
    if (isWorkbook(options.format))
        return writeWorkbookSummary(rows, options.format, options.office, resolveOxt(options.office), *output,
                                    options.output, code);
    const std::string summary = options.format == Format::Csv ? summaryCsv(rows) : summaryJson(rows, code);
    if (output && !output->write(summary)) {
        std::fprintf(
            stderr, "%s\n",
            format(Msg::WriteFailed, printableName(options.output) + ": " + std::strerror(errno)).c_str());
        output.reset();
        code = std::max(code, 2);
    }
    if (!output)
        std::fwrite(summary.data(), 1, summary.size(), stdout);
    return code;
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
        const OfficeOptions& office = command.build   ? command.build->office
                                      : command.merge ? command.merge->office
                                                      : command.check->office;
        if (office.noSandbox && office.connect.empty())
            std::fprintf(stderr, "%s\n", std::string(text(Msg::NoSandboxWarning)).c_str());
        if (command.build) {
            const int code = buildReport(*command.build, resolveOxt(command.build->office));
            return interruption() != 0 ? 128 + interruption() : code;
        }
        if (command.merge)
            return runMerge(*command.merge);
        return runCheck(*command.check);
    } catch (const UsageError& e) { // one line and where to look, not the whole usage
        std::fprintf(stderr, "%s\n%s\n", e.what(), std::string(text(Msg::SeeHelp)).c_str());
        return kUsageOrStartFailure;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return kUsageOrStartFailure;
    }
}
