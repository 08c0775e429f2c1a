// One LibreOffice for jixiao-batch: a private temporary profile with the extension installed by unopkg, a
// headless soffice in its own process group and sandbox (cli/sandbox.hpp: no network, nobody, bounded memory,
// its temporary files inside the profile) listening on a private pipe, and the UNO connection to it — or,
// with --connect, just the connection to an office someone else runs.
#pragma once

#include "cli/inputs.hpp"
#include "cli/options.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace jixiao::cli {

class OfficeProcess {
public:
    OfficeProcess(OfficeOptions options, std::string oxt, int index);
    ~OfficeProcess(); // stops the office and removes the profile
    OfficeProcess(const OfficeProcess&) = delete;
    OfficeProcess& operator=(const OfficeProcess&) = delete;

    // Installs the extension on first use, starts soffice and connects. Throws std::runtime_error with the
    // reason (unopkg's or soffice's own words where there are any).
    void start();
    // desktop.terminate(), then the process group is killed; the profile stays for a restart.
    void stop();
    // For the watchdog (any thread): SIGKILL to the whole group. The bridge then fails every pending call.
    void kill();
    // Test hook: SIGSTOP to the group, so every call hangs until the watchdog steps in.
    void freeze();
    bool running() const;
    bool started() const { return context_.is(); }

    css::uno::Reference<css::uno::XComponentContext> context() const { return context_; }
    // The jixiao.rdb unopkg unpacked into the profile, or empty.
    std::string installedRdb() const;

    // A private copy of the input the office can read (own office only; --connect: the input itself), made
    // only of a regular file of at most `maxBytes`, copied while keepGoing() holds. unstage removes it.
    struct Staged {
        std::string path;     // empty: not staged
        std::string failure;  // why not, for the reviewer
        bool stopped = false; // keepGoing() said no (deadline or interruption)
    };
    Staged stage(const Input& input, std::uint64_t maxBytes, const std::function<bool()>& keepGoing);
    void unstage(const std::string& copy);
    // Where the office can store a file of this extension for us: inside the profile (own office), else
    // `wanted` itself (--connect).
    std::string outputPath(const std::string& extension, const std::string& wanted) const;
    // The highest address space (VmPeak, bytes) any of the office's processes has reached, 0 when none is
    // seen (--connect, not started). Any thread.
    std::uint64_t addressSpacePeak() const;
    // What the office wrote to its log since it was last started (empty with --connect).
    std::string log() const;

private:
    static bool asNobody(); // as root the office runs as nobody
    std::vector<std::string> officeEnvironment() const;
    void makeProfile();
    std::string profileUrl() const;

    OfficeOptions options_;
    std::string oxt_;
    int index_;
    std::string profile_;
    std::string pipeLink_;
    int staged_ = 0;
    std::uintmax_t logStart_ = 0;
    std::atomic<pid_t> pid_{0};
    css::uno::Reference<css::uno::XComponentContext> context_;
};

// The .oxt next to the program (build tree: build/jixiao-*.oxt; installed: <prefix>/share/jixiao/), or empty.
std::string defaultOxt();
// --rdb, else jixiao.rdb next to the .oxt, else the copy installed in `office`'s profile; empty if none.
std::string findRdb(const OfficeOptions& options, const std::string& oxt, const OfficeProcess* office);

} // namespace jixiao::cli
