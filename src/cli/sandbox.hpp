// The box each office of jixiao-batch runs in. jixiao-batch starts an office through itself in a hidden mode
// (`jixiao-batch --internal-sandbox …`): a fresh, single-threaded supervisor process that
//  - gives the office a network namespace of its own (a loopback that is down and nothing else: no DNS, no
//    connection to any host, so a linked image or OLE object in a report cannot reach anything), a pid
//    namespace (when the office's first process dies, everything it started dies with it), and a mount
//    namespace where the profile's tmp/ is mounted on /tmp and the host is read-only except the profile's
//    working folders;
//  - as root, runs the office as nobody (65534), so a document is never parsed as root, with no_new_privs;
//  - bounds the office's address space (RLIMIT_AS) and the size of any file it writes (RLIMIT_FSIZE), so one
//    hostile file can exhaust neither the machine's memory nor its disk;
//  - dies with jixiao-batch (PR_SET_PDEATHSIG), and when jixiao-batch is gone (kill -9, the OOM killer) kills
//    the office and removes the profile and the pipe link itself.
// Without root it uses an unprivileged user namespace for the same; if that is refused, the office does not
// start (checking must not need the network, so there is no implied unboxed fallback: only --no-sandbox, said
// on the command line, runs the office with none of the namespaces — the limits and the drop to nobody stay).
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
    std::uint64_t fileBytes = 0;   // largest file the office may write; 0: no bound
    bool isolate = true;           // false (--no-sandbox): no namespaces, no mounts
    pid_t batch = 0;               // the jixiao-batch it serves (set by the supervisor from its command line)
    std::vector<std::string> command;
};

// What this supervisor exits with when it could not set up the box (its reason is on stderr, in the log).
constexpr int kSandboxFailed = 125;
// … because user namespaces are not allowed here (no root): the reviewer is told how to proceed.
constexpr int kNoUserNamespace = 124;

// The argument vector that runs the supervisor (this program in its hidden mode) for `spec`.
std::vector<std::string> sandboxCommand(const SandboxSpec& spec);

// argv[1] is the hidden mode's flag.
bool isSandboxInvocation(int argc, char** argv);
// The supervisor's main: returns the office's exit code (128 + signal when it was killed).
int runSandbox(int argc, char** argv);

} // namespace jixiao::cli
