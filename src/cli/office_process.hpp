// One LibreOffice for jixiao-batch: a private temporary profile with the extension installed by unopkg, a
// headless soffice in its own process group listening on a private pipe, and the UNO connection to it — or,
// with --connect, just the connection to an office someone else runs.
#pragma once

#include "cli/options.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <sys/types.h>

#include <atomic>
#include <string>

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

private:
    void makeProfile();
    std::string profileUrl() const;

    OfficeOptions options_;
    std::string oxt_;
    int index_;
    std::string profile_;
    std::atomic<pid_t> pid_{0};
    css::uno::Reference<css::uno::XComponentContext> context_;
};

// The .oxt next to the program (build tree: build/jixiao-*.oxt; installed: <prefix>/share/jixiao/), or empty.
std::string defaultOxt();
// --rdb, else jixiao.rdb next to the .oxt, else the copy installed in `office`'s profile; empty if none.
std::string findRdb(const OfficeOptions& options, const std::string& oxt, const OfficeProcess* office);

} // namespace jixiao::cli
