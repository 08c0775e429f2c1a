#include "cli/sandbox.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

extern char** environ;

namespace jixiao::cli {
namespace {

constexpr const char* kFlag = "--internal-sandbox";

// The signals that stop a supervisor. They stay blocked in it from its fork on (cli/process.hpp) and are
// taken with sigtimedwait, so one sent at any moment — before it was ready included — is never lost.
sigset_t stopSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGTERM, SIGINT, SIGHUP})
        sigaddset(&set, s);
    return set;
}

// The next stop signal within `milliseconds`, or 0.
int nextStopSignal(long milliseconds) {
    const sigset_t set = stopSignals();
    const timespec wait{milliseconds / 1000, (milliseconds % 1000) * 1000000};
    siginfo_t info{};
    const int signal = ::sigtimedwait(&set, &info, &wait);
    return signal > 0 ? signal : 0;
}

void say(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "jixiao-batch sandbox: %s%s%s (%s)\n", what, detail.empty() ? "" : " ",
                 detail.c_str(), std::strerror(errno));
}

bool writeFile(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok;
}

// New network and pid namespaces for the children to come. Root may create them directly; anyone else
// through a user namespace that maps only themselves.
bool enterNamespaces() {
    constexpr int kinds = CLONE_NEWNET | CLONE_NEWPID;
    if (::unshare(kinds) == 0)
        return true;
    if (errno != EPERM) {
        say("unshare");
        return false;
    }
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | kinds) != 0) {
        say("unshare (user namespace)");
        return false;
    }
    if (!writeFile("/proc/self/setgroups", "deny") ||
        !writeFile("/proc/self/uid_map", std::to_string(uid) + " " + std::to_string(uid) + " 1") ||
        !writeFile("/proc/self/gid_map", std::to_string(gid) + " " + std::to_string(gid) + " 1")) {
        say("user namespace mapping");
        return false;
    }
    return true;
}

// mkdir -p: the profile may sit deeper below /tmp (TMPDIR=/tmp/a/b).
bool makeFolders(const std::string& path) {
    for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
        const std::string part = path.substr(0, slash);
        if (::mkdir(part.c_str(), 0711) != 0 && errno != EEXIST) // the office's user passes through
            return false;
        if (slash == std::string::npos)
            return true;
    }
}

// In the office's first process (pid 1 of its namespace): private /tmp, memory bound, nobody, then exec.
// (Its parent is outside its pid namespace, so getppid() says 0 here: there is nothing to compare.)
[[noreturn]] void becomeOffice(const SandboxSpec& spec) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const sigset_t held = stopSignals(); // the office handles them as it likes
    ::sigprocmask(SIG_UNBLOCK, &held, nullptr);
    // The profile itself usually lives in /tmp: it is mounted again at its own path in the new /tmp (from a
    // descriptor opened in the new mount namespace, before /tmp is covered).
    const std::string under = spec.profile.starts_with("/tmp/") ? spec.profile : std::string{};
    int profile = -1;
    if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        (profile = ::open(spec.profile.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0 ||
        ::mount(spec.privateTmp.c_str(), "/tmp", nullptr, MS_BIND, nullptr) != 0 ||
        (!under.empty() &&
         (!makeFolders(under) || ::mount(("/proc/self/fd/" + std::to_string(profile)).c_str(), under.c_str(),
                                         nullptr, MS_BIND, nullptr) != 0))) {
        say("private /tmp", spec.privateTmp);
        ::_exit(kSandboxFailed);
    }
    // Our working directory may be under the /tmp just covered, or somewhere nobody may not enter.
    if (::chdir(spec.profile.c_str()) != 0) {
        say("chdir", spec.profile);
        ::_exit(kSandboxFailed);
    }
    if (spec.memoryBytes > 0) {
        const rlimit limit{spec.memoryBytes, spec.memoryBytes};
        if (::setrlimit(RLIMIT_AS, &limit) != 0) {
            say("RLIMIT_AS");
            ::_exit(kSandboxFailed);
        }
    }
    if (spec.uid != 0 && (::setgroups(0, nullptr) != 0 || ::setresgid(spec.gid, spec.gid, spec.gid) != 0 ||
                          ::setresuid(spec.uid, spec.uid, spec.uid) != 0)) {
        say("dropping to uid", std::to_string(spec.uid));
        ::_exit(kSandboxFailed);
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // a change of uid clears it
    std::vector<char*> argv;
    for (const auto& arg : spec.command)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execve(argv[0], argv.data(), environ);
    say("exec", spec.command.front());
    ::_exit(127);
}

// Asked to stop, or jixiao-batch is gone: the office's first process (if any) takes its namespace along; with
// jixiao-batch gone, nobody else is left to remove the profile and the pipe link.
int cleanUp(const SandboxSpec& spec, pid_t office, int signal) {
    if (office > 0) {
        ::kill(office, SIGKILL);
        int status = 0;
        while (::waitpid(office, &status, 0) < 0 && errno == EINTR) {
        }
    }
    // Only ever a profile of ours: this mode is not a way to remove any folder named on its command line.
    if (::getppid() != spec.batch &&
        std::filesystem::path(spec.profile).filename().string().starts_with("jixiao-batch-")) {
        std::error_code ec;
        if (!spec.pipeLink.empty())
            ::unlink(spec.pipeLink.c_str());
        std::filesystem::remove_all(spec.profile, ec);
    }
    return 128 + signal;
}

int exitCodeOf(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

std::vector<std::string> sandboxCommand(const SandboxSpec& spec) {
    std::error_code ec;
    const std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    std::vector<std::string> argv = {self,
                                     kFlag,
                                     spec.profile,
                                     spec.privateTmp,
                                     spec.pipeLink,
                                     std::to_string(spec.uid),
                                     std::to_string(spec.gid),
                                     std::to_string(spec.memoryBytes),
                                     std::to_string(::getpid())};
    argv.insert(argv.end(), spec.command.begin(), spec.command.end());
    return argv;
}

bool isSandboxInvocation(int argc, char** argv) {
    return argc > 1 && std::strcmp(argv[1], kFlag) == 0;
}

int runSandbox(int argc, char** argv) {
    if (argc < 10)
        return kSandboxFailed;
    SandboxSpec spec;
    spec.profile = argv[2];
    spec.privateTmp = argv[3];
    spec.pipeLink = argv[4];
    spec.uid = static_cast<uid_t>(std::strtoul(argv[5], nullptr, 10));
    spec.gid = static_cast<gid_t>(std::strtoul(argv[6], nullptr, 10));
    spec.memoryBytes = std::strtoull(argv[7], nullptr, 10);
    spec.batch = static_cast<pid_t>(std::strtol(argv[8], nullptr, 10));
    spec.command.assign(argv + 9, argv + argc);

    // The parent set PR_SET_PDEATHSIG to SIGTERM before exec: its death arrives here as a signal.
    if (const int signal = nextStopSignal(0); signal != 0 || ::getppid() != spec.batch)
        return cleanUp(spec, -1, signal != 0 ? signal : SIGTERM);
    if (!enterNamespaces())
        return kSandboxFailed;

    const pid_t office = ::fork();
    if (office < 0) {
        say("fork");
        return kSandboxFailed;
    }
    if (office == 0)
        becomeOffice(spec);

    for (;;) {
        int status = 0;
        if (::waitpid(office, &status, WNOHANG) == office)
            return exitCodeOf(status);
        if (const int signal = nextStopSignal(100); signal != 0)
            return cleanUp(spec, office, signal);
    }
}

} // namespace jixiao::cli
