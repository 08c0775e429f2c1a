#include "cli/sandbox.hpp"

#include "cli/safe_files.hpp"

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
// through a user namespace that maps only themselves. Returns 0 or the supervisor's exit code.
int enterNamespaces() {
    constexpr int kinds = CLONE_NEWNET | CLONE_NEWPID;
    if (::unshare(kinds) == 0)
        return 0;
    if (errno != EPERM) {
        say("unshare");
        return kSandboxFailed;
    }
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | kinds) != 0) {
        // EPERM (a sysctl or an LSM forbids them), ENOSPC (user.max_user_namespaces is 0), EINVAL (no
        // support)
        say("unshare (user namespace)");
        return kNoUserNamespace;
    }
    if (!writeFile("/proc/self/setgroups", "deny") ||
        !writeFile("/proc/self/uid_map", std::to_string(uid) + " " + std::to_string(uid) + " 1") ||
        !writeFile("/proc/self/gid_map", std::to_string(gid) + " " + std::to_string(gid) + " 1")) {
        say("user namespace mapping");
        return kSandboxFailed;
    }
    return 0;
}

// mkdir -p of `relative` below the open folder `base`, one component at a time without following links (the
// folders are made in the office's own tmp/, where its user could have put links), as a descriptor of the
// last folder, or -1.
int makeFoldersBelow(int base, const std::string& relative) {
    int at = ::dup(base);
    for (std::size_t start = 0; at >= 0 && start < relative.size();) {
        std::size_t end = relative.find('/', start);
        if (end == std::string::npos)
            end = relative.size();
        const std::string part = relative.substr(start, end - start);
        start = end + 1;
        if (part.empty())
            continue;
        if (::mkdirat(at, part.c_str(), 0711) != 0 && errno != EEXIST) { // the office's user passes through
            ::close(at);
            return -1;
        }
        const int next = ::openat(at, part.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        ::close(at);
        at = next;
    }
    return at;
}

// The office's working folders below its profile: the only places it may write (cli/office_process.cpp).
constexpr const char* kWritable[] = {"user", "tmp", "in"};

bool setAttributes(int fd, const char* path, unsigned flags, std::uint64_t set, std::uint64_t clear) {
    mount_attr attributes{};
    attributes.attr_set = set;
    attributes.attr_clr = clear;
    return ::mount_setattr(fd, path, flags, &attributes, sizeof attributes) == 0;
}

// A writable copy of the mount tree at `name` below `dirFd` (a folder the office's user cannot replace),
// detached until it is moved into place, or -1.
int writableCopy(int dirFd, const char* name, unsigned flags) {
    const int tree =
        ::open_tree(dirFd, name, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_SYMLINK_NOFOLLOW | flags);
    if (tree >= 0 && !setAttributes(tree, "", AT_EMPTY_PATH | (flags & AT_RECURSIVE), 0, MOUNT_ATTR_RDONLY)) {
        ::close(tree);
        return -1;
    }
    return tree;
}

bool moveInto(int tree, int dirFd, const char* name, unsigned flags) {
    const bool moved = tree >= 0 && ::move_mount(tree, "", dirFd, name, MOVE_MOUNT_F_EMPTY_PATH | flags) == 0;
    if (tree >= 0)
        ::close(tree);
    return moved;
}

// The office's view of the file system, in a mount namespace of its own: the host read-only, except writable
// copies of the profile's working folders; /tmp is the profile's tmp/, and a small private /dev/shm. Every
// mount below the profile is made by descriptor: its folders sit in places the office's user may change, and
// no path through them is ever followed.
bool buildMounts(const SandboxSpec& spec) {
    if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        say("mount namespace");
        return false;
    }
    const int profile = ::open(spec.profile.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (profile < 0 || !setAttributes(AT_FDCWD, "/", AT_RECURSIVE, MOUNT_ATTR_RDONLY, 0)) {
        say("read-only host");
        return false;
    }
    for (const char* sub : kWritable) // the profile's root is ours: these names cannot have been swapped
        if (!moveInto(writableCopy(profile, sub, 0), profile, sub, 0)) {
            say("writable folder", spec.profile + "/" + sub);
            return false;
        }
    if (!moveInto(writableCopy(profile, "tmp", 0), AT_FDCWD, "/tmp", 0)) {
        say("private /tmp", spec.privateTmp);
        return false;
    }
    // The profile itself usually lives in /tmp: a copy of it (with its writable folders) is mounted at its
    // own path in the new /tmp, on the very folder made there.
    if (spec.profile.starts_with("/tmp/")) {
        const int tmp = ::open("/tmp", O_PATH | O_DIRECTORY | O_CLOEXEC);
        const int place = tmp < 0 ? -1 : makeFoldersBelow(tmp, spec.profile.substr(5));
        const int copy =
            place < 0 ? -1
                      : ::open_tree(profile, "",
                                    OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE | AT_EMPTY_PATH);
        const bool moved = copy >= 0 && moveInto(copy, place, "", MOVE_MOUNT_T_EMPTY_PATH);
        for (const int fd : {tmp, place})
            if (fd >= 0)
                ::close(fd);
        if (!moved) {
            say("profile in the private /tmp", spec.profile);
            return false;
        }
    }
    ::close(profile);
    // Shared memory is the only other place programs expect to write: a private, small one.
    ::mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=64m,mode=1777");
    return true;
}

// In the office's first process (pid 1 of its namespace): its mounts, memory and file-size bounds, nobody, no
// new privileges, then exec. (Its parent is outside its pid namespace, so getppid() says 0 here: there is
// nothing to compare.)
[[noreturn]] void becomeOffice(const SandboxSpec& spec) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const sigset_t held = stopSignals(); // the office handles them as it likes
    ::sigprocmask(SIG_UNBLOCK, &held, nullptr);
    if (spec.isolate && !buildMounts(spec))
        ::_exit(kSandboxFailed);
    // Our working directory may be under the /tmp just covered, or somewhere nobody may not enter.
    if (::chdir(spec.profile.c_str()) != 0) {
        say("chdir", spec.profile);
        ::_exit(kSandboxFailed);
    }
    const std::pair<int, std::uint64_t> limits[] = {{RLIMIT_AS, spec.memoryBytes},
                                                    {RLIMIT_FSIZE, spec.fileBytes}};
    for (const auto& [resource, bytes] : limits) {
        const rlimit limit{bytes, bytes};
        if (bytes > 0 && ::setrlimit(resource, &limit) != 0) {
            say(resource == RLIMIT_AS ? "RLIMIT_AS" : "RLIMIT_FSIZE");
            ::_exit(kSandboxFailed);
        }
    }
    if (spec.uid != 0 && (::setgroups(0, nullptr) != 0 || ::setresgid(spec.gid, spec.gid, spec.gid) != 0 ||
                          ::setresuid(spec.uid, spec.uid, spec.uid) != 0)) {
        say("dropping to uid", std::to_string(spec.uid));
        ::_exit(kSandboxFailed);
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // a change of uid clears it
    // Nothing the office runs may gain privileges (a set-uid program, file capabilities).
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        say("no_new_privs");
        ::_exit(kSandboxFailed);
    }
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
        if (!spec.pipeLink.empty())
            ::unlink(spec.pipeLink.c_str());
        removeTree(spec.profile); // as root: without following what the office's user may have put there
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
                                     std::to_string(spec.fileBytes),
                                     spec.isolate ? "1" : "0",
                                     std::to_string(::getpid())};
    argv.insert(argv.end(), spec.command.begin(), spec.command.end());
    return argv;
}

bool isSandboxInvocation(int argc, char** argv) {
    return argc > 1 && std::strcmp(argv[1], kFlag) == 0;
}

int runSandbox(int argc, char** argv) {
    if (argc < 12)
        return kSandboxFailed;
    SandboxSpec spec;
    spec.profile = argv[2];
    spec.privateTmp = argv[3];
    spec.pipeLink = argv[4];
    spec.uid = static_cast<uid_t>(std::strtoul(argv[5], nullptr, 10));
    spec.gid = static_cast<gid_t>(std::strtoul(argv[6], nullptr, 10));
    spec.memoryBytes = std::strtoull(argv[7], nullptr, 10);
    spec.fileBytes = std::strtoull(argv[8], nullptr, 10);
    spec.isolate = std::strcmp(argv[9], "1") == 0;
    spec.batch = static_cast<pid_t>(std::strtol(argv[10], nullptr, 10));
    spec.command.assign(argv + 11, argv + argc);

    // The parent set PR_SET_PDEATHSIG to SIGTERM before exec: its death arrives here as a signal.
    if (const int signal = nextStopSignal(0); signal != 0 || ::getppid() != spec.batch)
        return cleanUp(spec, -1, signal != 0 ? signal : SIGTERM);
    if (spec.isolate)
        if (const int failed = enterNamespaces(); failed != 0)
            return failed;

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
