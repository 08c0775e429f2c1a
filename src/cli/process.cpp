#include "cli/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace jixiao::cli {
namespace {

constexpr std::size_t kMaxGroups = 256;
std::array<std::atomic<pid_t>, kMaxGroups> liveGroups{};

void remember(pid_t pgid) {
    for (auto& slot : liveGroups) {
        pid_t expected = 0;
        if (slot.compare_exchange_strong(expected, pgid))
            return;
    }
}

void forget(pid_t pgid) {
    for (auto& slot : liveGroups) {
        pid_t expected = pgid;
        if (slot.compare_exchange_strong(expected, 0))
            return;
    }
}

void killRemembered() { // async-signal-safe
    for (auto& slot : liveGroups) {
        const pid_t pgid = slot.load();
        if (pgid > 0)
            ::kill(-pgid, SIGKILL);
    }
}

void signalRemembered(int signal) { // async-signal-safe
    for (auto& slot : liveGroups) {
        const pid_t pgid = slot.load();
        if (pgid > 0)
            ::kill(-pgid, signal);
    }
}

volatile sig_atomic_t interruptedBy = 0;

// The first Ctrl-C (or TERM/HUP) asks the offices' supervisors to stop them (each kills its office at once),
// so every pending call fails and the workers wind down: the run then prints what was checked, removes its
// profiles and exits with 128 + signal. A second one ends everything at once; the supervisors, orphaned,
// remove the profiles themselves.
extern "C" void interrupt(int signal) {
    if (interruptedBy != 0) {
        killRemembered();
        ::_exit(128 + signal);
    }
    interruptedBy = signal;
    signalRemembered(SIGTERM);
    signalRemembered(SIGCONT); // a stopped supervisor handles its SIGTERM only once it runs again
}

// A crash of jixiao-batch itself takes its offices along, then dies of the same signal.
extern "C" void killEverythingAndCrash(int signal) {
    killRemembered();
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

std::vector<std::string> childEnvironment(const SpawnSpec& spec) {
    auto nameOf = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const std::string name = nameOf(entry);
        const bool dropped =
            std::find(spec.unsetEnv.begin(), spec.unsetEnv.end(), name) != spec.unsetEnv.end() ||
            std::any_of(spec.setEnv.begin(), spec.setEnv.end(),
                        [&](const std::string& s) { return nameOf(s) == name; });
        if (!dropped)
            env.push_back(entry);
    }
    env.insert(env.end(), spec.setEnv.begin(), spec.setEnv.end());
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (auto& s : strings)
        result.push_back(s.data());
    result.push_back(nullptr);
    return result;
}

} // namespace

namespace {

// fork + exec for a child that must learn of our death; between the two only async-signal-safe calls.
pid_t forkGroup(char* const* argv, char* const* env, const std::string& log) {
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) // we died before the line above
        ::_exit(127);
    // The child (the sandbox supervisor) unblocks these once its handlers are in place: our death, signalled
    // before then, waits for it instead of killing it before it can clean up.
    sigset_t held;
    sigemptyset(&held);
    for (int s : {SIGINT, SIGTERM, SIGHUP})
        sigaddset(&held, s);
    ::sigprocmask(SIG_SETMASK, &held, nullptr);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE})
        ::signal(s, SIG_DFL);
    const int in = ::open("/dev/null", O_RDONLY);
    // Never through a link (the log's folder is ours, but a log must not be a way to write elsewhere).
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (in < 0 || out < 0)
        ::_exit(127);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
    ::execve(argv[0], argv, env);
    ::_exit(127);
}

} // namespace

pid_t spawnGroup(const SpawnSpec& spec) {
    std::vector<std::string> argv = spec.argv;
    std::vector<std::string> env = childEnvironment(spec);
    auto argvPtr = pointers(argv);
    auto envPtr = pointers(env);
    const std::string log = spec.logFile.empty() ? "/dev/null" : spec.logFile;
    if (spec.signalOnParentDeath) {
        const pid_t pid = forkGroup(argvPtr.data(), envPtr.data(), log);
        if (pid < 0)
            throw std::runtime_error(argv[0] + ": " + std::strerror(errno));
        remember(pid);
        return pid;
    }

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGHUP);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = 0;
    const int error = posix_spawn(&pid, argvPtr[0], &actions, &attr, argvPtr.data(), envPtr.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (error != 0)
        throw std::runtime_error(argv[0] + ": " + std::strerror(error));
    remember(pid);
    return pid;
}

std::optional<int> waitOrKill(pid_t pid, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid || (done < 0 && errno == ECHILD)) {
            ::kill(-pid, SIGKILL); // helpers the leader left behind
            forget(pid);
            return status;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            forget(pid);
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

bool isRunning(pid_t pid) {
    int status = 0;
    return pid > 0 && ::waitpid(pid, &status, WNOHANG) == 0;
}

void killGroup(pid_t pgid, int signal) {
    if (pgid > 0)
        ::kill(-pgid, signal);
}

void installCleanupOnSignals() {
    // Writing to the pipe of an office that just died must fail the UNO call (the bridge then disposes), not
    // end jixiao-batch: without this a crash mid-run killed us with SIGPIPE about one time in ten.
    ::signal(SIGPIPE, SIG_IGN);
    struct sigaction action {};
    action.sa_handler = interrupt;
    sigemptyset(&action.sa_mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(s, &action, nullptr);
    action.sa_handler = killEverythingAndCrash;
    for (int s : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
        ::sigaction(s, &action, nullptr);
    // Whatever path ends the program, no office it started outlives it (normally none is left by then).
    std::atexit([] { killRemembered(); });
}

int interruption() {
    return interruptedBy;
}

void stopOfficesForInterruption() {
    signalRemembered(SIGTERM);
}

int runToCompletion(const SpawnSpec& spec, double seconds) {
    const pid_t pid = spawnGroup(spec);
    const auto status = waitOrKill(pid, seconds);
    if (!status)
        return -1;
    return WIFEXITED(*status) ? WEXITSTATUS(*status) : 128 + WTERMSIG(*status);
}

} // namespace jixiao::cli
