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
#include "cli/worker_pool.hpp"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace jixiao::cli;

namespace {

constexpr int kUsageOrStartFailure = 3;

// DIR/<name>.json per checked report; a name met twice gets its original extension, then a number.
void exportScorecards(const std::vector<FileResult>& results, const std::string& dir) {
    fs::create_directories(dir);
    std::set<std::string> used;
    for (const auto& r : results) {
        if (r.scorecardJson.empty())
            continue;
        const fs::path source(r.file);
        std::string name = source.stem().string() + ".json";
        if (used.count(name))
            name = source.stem().string() + "-" + source.extension().string().substr(1) + ".json";
        for (int n = 2; used.count(name); ++n)
            name = source.stem().string() + "-" + std::to_string(n) + ".json";
        used.insert(name);
        std::ofstream out(fs::path(dir) / name, std::ios::binary);
        out << r.scorecardJson << '\n';
        if (!out)
            throw std::runtime_error(format(Msg::WriteFailed, (fs::path(dir) / name).string()));
    }
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
    Progress progress(inputs.size());
    std::vector<FileResult> results;
    try {
        results = checkAll(inputs, options, oxt, progress);
    } catch (const std::exception& e) {
        progress.end();
        std::fprintf(stderr, "%s\n", e.what());
        return kUsageOrStartFailure;
    }
    progress.end();
    if (!options.exportJson.empty())
        exportScorecards(results, options.exportJson);
    const std::string summary = formatSummary(results, options.format);
    if (options.output.empty()) {
        std::fwrite(summary.data(), 1, summary.size(), stdout);
    } else {
        std::ofstream out(options.output, std::ios::binary);
        out << summary;
        if (!out)
            throw std::runtime_error(format(Msg::WriteFailed, options.output));
    }
    return exitCodeFor(results);
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
        if (command.build)
            return buildReport(*command.build, resolveOxt(command.build->office));
        return runCheck(*command.check);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "%s\n\n%s\n", e.what(), std::string(text(Msg::Usage)).c_str());
        return kUsageOrStartFailure;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return kUsageOrStartFailure;
    }
}
