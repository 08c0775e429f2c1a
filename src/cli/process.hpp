// Child processes for the office: spawned in a process group of their own (so a hung or crashed soffice and
// everything it started can be killed at once), waited for with a time limit, and remembered so a Ctrl-C of
// jixiao-batch takes every office down with it.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace jixiao::cli {

struct SpawnSpec {
    std::vector<std::string> argv;
    std::vector<std::string> unsetEnv; // variables removed from our environment for the child
    std::vector<std::string> setEnv;   // "NAME=value" added or replaced
    std::string logFile;               // stdout and stderr; empty: /dev/null
    // The child gets SIGTERM when the thread that spawned it ends (PR_SET_PDEATHSIG): with the whole
    // program on kill -9, or with that thread, so spawn long-lived children from a thread that outlives them.
    // SIGINT, SIGTERM and SIGHUP start blocked in the child: it unblocks them when it is ready to handle
    // them.
    bool signalOnParentDeath = false;
};

// Starts the child as the leader of a new process group (pgid == pid). Throws std::runtime_error.
pid_t spawnGroup(const SpawnSpec& spec);
// Exit status (as from waitpid) or nullopt when it is still running after `seconds` (the group is then
// killed).
std::optional<int> waitOrKill(pid_t pid, double seconds);
bool isRunning(pid_t pid);
void killGroup(pid_t pgid, int signal);

// Every group spawned and not yet reaped is killed when we exit: by a crash (SIGSEGV, SIGABRT …) or normally
// (atexit). SIGINT/SIGTERM/SIGHUP interrupt the run: the offices are stopped, interruption() tells the
// signal, and the program winds down; a second signal exits at once. Also ignores SIGPIPE (a dead office's
// pipe).
void installCleanupOnSignals();
// The signal that interrupted the run, or 0.
int interruption();
// SIGTERM to every group spawned and not reaped (an office started just after the interruption).
void stopOfficesForInterruption();

// Runs a program to completion (its own group, time-limited); returns the exit code or -1 on timeout.
int runToCompletion(const SpawnSpec& spec, double seconds);

} // namespace jixiao::cli
