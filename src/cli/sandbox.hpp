// The box each office of jixiao-batch runs in. jixiao-batch starts an office through itself in a hidden mode
// (`jixiao-batch --internal-sandbox …`): a fresh, single-threaded supervisor process that
//  - gives the office a network namespace of its own (a loopback that is down and nothing else: no DNS, no
//    connection to any host, so a linked image or OLE object in a report cannot reach anything), a pid
//    namespace (when the office's first process dies, everything it started dies with it), and a mount
//    namespace where the profile's tmp/ is mounted on /tmp (the office's temporary files and its UNO pipe
//    stay inside the profile);
//  - as root, runs the office as nobody (65534), so a document is never parsed as root;
//  - bounds the office's address space (RLIMIT_AS), so one hostile file cannot exhaust the machine;
//  - dies with jixiao-batch (PR_SET_PDEATHSIG), and when jixiao-batch is gone (kill -9, the OOM killer) kills
//    the office and removes the profile and the pipe link itself.
// Without root it uses an unprivileged user namespace for the same; if that is refused, the office does not
// start (checking must not need the network, so there is no unboxed fallback).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace jixiao::cli {

struct SandboxSpec {
    std::string profile;    // removed by the supervisor when jixiao-batch is gone
    std::string privateTmp; // mounted on /tmp for the office
    std::string pipeLink;   // our end of the UNO pipe in the real /tmp, removed when jixiao-batch is gone
    uid_t uid = 0;          // 0: run as the caller
    gid_t gid = 0;
    std::uint64_t memoryBytes = 0; // 0: no bound
    pid_t batch = 0;               // the jixiao-batch it serves (set by the supervisor from its command line)
    std::vector<std::string> command;
};

// What this supervisor exits with when it could not set up the box (its reason is on stderr, in the log).
constexpr int kSandboxFailed = 125;

// The argument vector that runs the supervisor (this program in its hidden mode) for `spec`.
std::vector<std::string> sandboxCommand(const SandboxSpec& spec);

// argv[1] is the hidden mode's flag.
bool isSandboxInvocation(int argc, char** argv);
// The supervisor's main: returns the office's exit code (128 + signal when it was killed).
int runSandbox(int argc, char** argv);

} // namespace jixiao::cli
