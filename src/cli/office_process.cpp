#include "cli/office_process.hpp"
#include "cli/profile_seed.hpp"

#include "cli/messages.hpp"
#include "cli/process.hpp"
#include "cli/safe_files.hpp"
#include "cli/sandbox.hpp"
#include "cli/uno_client.hpp"

#include <com/sun/star/frame/Desktop.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace jixiao::cli {
namespace {

const std::string kProgram = "/usr/lib/libreoffice/program";
constexpr uid_t kNobody = 65534;
// The largest file an office may write (RLIMIT_FSIZE): unpacking a hostile file cannot fill the disk.
constexpr std::uint64_t kOfficeFileBytes = std::uint64_t{1} << 30;

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// "7.4" from bootstraprc's "ProductKey=LibreOffice 7.4" (running soffice --version costs 0.4 s).
std::string officeVersion() {
    std::ifstream in(kProgram + "/bootstraprc");
    for (std::string line; std::getline(in, line);)
        if (line.starts_with("ProductKey="))
            return line.substr(line.rfind(' ') + 1);
    return "7.4";
}

// The logs live in the profile's root, which only we may write: the office's user cannot swap them for links.
std::string tail(const std::string& file, std::size_t bytes = 2000) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream all;
    all << in.rdbuf();
    const std::string text = all.str();
    return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

// Called while the profile is still 0700 and ours alone: nothing in it can have been swapped yet.
void chownTree(const std::string& root, uid_t uid, gid_t gid) {
    (void)::lchown(root.c_str(), uid, gid);
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
        (void)::lchown(it->path().c_str(), uid, gid);
}

// The folders the office works in. Only these are its user's; the profile's root (with the logs) stays ours.
constexpr const char* kOfficeFolders[] = {"/user", "/tmp", "/in"};

} // namespace

OfficeProcess::OfficeProcess(OfficeOptions options, std::string oxt, int index)
    : options_(std::move(options)), oxt_(std::move(oxt)), index_(index) {}

OfficeProcess::~OfficeProcess() {
    stop();
    if (!pipeLink_.empty())
        ::unlink(pipeLink_.c_str());
    if (!profile_.empty())
        removeTree(profile_); // without following any link the office's user may have put in it
}

std::string OfficeProcess::profileUrl() const {
    return "file://" + profile_;
}

bool OfficeProcess::asNobody() {
    return ::geteuid() == 0;
}

// HOME and TMPDIR of unopkg and the office: the box's /tmp (the profile's tmp/), or that folder itself
// unboxed.
std::vector<std::string> OfficeProcess::officeEnvironment() const {
    const std::string tmp = options_.noSandbox ? profile_ + "/tmp" : std::string("/tmp");
    return {"HOME=" + tmp, "TMPDIR=" + tmp};
}

namespace {

// Can nobody reach a folder below `dir`? Every folder on the way must let others (or nobody) through.
bool traversableByNobody(const fs::path& dir) {
    fs::path at;
    for (const auto& part : fs::absolute(dir)) {
        at /= part;
        struct stat info {};
        if (::stat(at.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
            return false;
        if ((info.st_mode & S_IXOTH) == 0 && info.st_uid != kNobody)
            return false;
    }
    return true;
}

// The profile's parent: the temporary folder, unless the office's user (nobody, as root) cannot reach it.
fs::path profileParent(bool asNobody) {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    if (ec || (asNobody && !traversableByNobody(dir)))
        dir = "/tmp";
    return dir;
}

} // namespace

void OfficeProcess::makeProfile() {
    std::string dir = (profileParent(asNobody()) / "jixiao-batch-XXXXXX").string();
    if (::mkdtemp(dir.data()) == nullptr)
        throw std::runtime_error(format(Msg::OfficeStartFailed, "mkdtemp: " + dir));
    profile_ = dir;
    // user/: the office's profile; tmp/: its /tmp, TMPDIR and HOME (unopkg's too); in/: copies of the files
    // checked. The root (mkdtemp: 0700, ours) keeps the logs.
    for (const char* sub : kOfficeFolders)
        fs::create_directories(profile_ + sub);
    std::ofstream(profile_ + "/user/registrymodifications.xcu")
        << replaceAll(replaceAll(kRegistrySeed, "@VERSION@", officeVersion()), "@LOCALE@", options_.locale);

    // unopkg refuses root without --shared, and the office must not parse documents as root: as root both run
    // as nobody in a profile nobody owns (so it can be written), without a display. unopkg runs in the same
    // box as the office, so a batch killed while it installs leaves no profile either; it installs a copy of
    // the .oxt (the original may be below the /tmp the box covers, or unreadable for nobody).
    const std::string oxtCopy = profile_ + "/in/jixiao.oxt";
    std::error_code ec;
    fs::copy_file(oxt_, oxtCopy, ec);
    if (ec)
        throw std::runtime_error(format(Msg::InstallFailed, oxt_ + ": " + ec.message()));
    SpawnSpec unopkg;
    unopkg.logFile = profile_ + "/unopkg.log";
    if (asNobody()) {
        for (const char* sub : kOfficeFolders)
            chownTree(profile_ + sub, kNobody, kNobody);
        ::chmod(profile_.c_str(), 0711); // nobody passes through to its folders, and may do nothing else here
    }
    SandboxSpec box;
    box.profile = profile_;
    box.privateTmp = profile_ + "/tmp";
    box.uid = asNobody() ? kNobody : 0;
    box.gid = asNobody() ? kNobody : 0;
    box.memoryBytes = static_cast<std::uint64_t>(options_.memoryLimitMb) << 20;
    box.fileBytes = kOfficeFileBytes;
    box.isolate = !options_.noSandbox;
    box.command = {kProgram + "/unopkg", "add", "-s", "-v", "-env:UserInstallation=" + profileUrl(), oxtCopy};
    unopkg.argv = sandboxCommand(box);
    unopkg.unsetEnv = {"DISPLAY", "URE_BOOTSTRAP", "XAUTHORITY"};
    unopkg.setEnv = officeEnvironment();
    unopkg.signalOnParentDeath = true;
    const int code = runToCompletion(unopkg, 180);
    ::unlink(oxtCopy.c_str()); // whatever is there now: unlink never follows a link
    if (code == kNoUserNamespace)
        throw std::runtime_error(std::string(text(Msg::NoUserNamespace)));
    if (code != 0)
        throw std::runtime_error(format(Msg::InstallFailed, "exit " + std::to_string(code) + ": " +
                                                                tail(profile_ + "/unopkg.log", 1500)));
}

void OfficeProcess::start() {
    if (!options_.connect.empty()) {
        const auto colon = options_.connect.rfind(':');
        const std::string url = "uno:socket,host=" + options_.connect.substr(0, colon) +
                                ",port=" + options_.connect.substr(colon + 1) +
                                ",tcpNoDelay=1;urp;StarOffice.ComponentContext";
        try {
            context_ = connectOffice(url, 10, [] { return true; });
        } catch (const std::exception& e) {
            throw std::runtime_error(format(Msg::OfficeStartFailed, options_.connect + ": " + e.what()));
        }
        return;
    }
    if (profile_.empty())
        makeProfile();
    const std::string pipe = "jixiao-batch-" + std::to_string(::getpid()) + "-" + std::to_string(index_) +
                             "-" + fs::path(profile_).filename().string();
    // The office makes its pipe in its own /tmp (the profile's tmp/) under its uid; our side of UNO looks for
    // /tmp/OSL_PIPE_<our uid>_<name>: a link joins the two. The network namespace stays empty.
    // Unboxed (--no-sandbox) the office's /tmp is ours: a link is needed only when its uid differs.
    const uid_t officeUid = asNobody() ? kNobody : ::getuid();
    const std::string target = (options_.noSandbox ? std::string("/tmp") : profile_ + "/tmp") + "/OSL_PIPE_" +
                               std::to_string(officeUid) + "_" + pipe;
    pipeLink_ = "/tmp/OSL_PIPE_" + std::to_string(::getuid()) + "_" + pipe;
    ::unlink(pipeLink_.c_str()); // a link from this office's previous start
    if (target == pipeLink_)
        pipeLink_.clear();
    else if (::symlink(target.c_str(), pipeLink_.c_str()) != 0)
        throw std::runtime_error(format(Msg::OfficeStartFailed, "symlink " + pipeLink_));

    SandboxSpec box;
    box.profile = profile_;
    box.privateTmp = profile_ + "/tmp";
    box.pipeLink = pipeLink_;
    box.uid = asNobody() ? kNobody : 0;
    box.gid = asNobody() ? kNobody : 0;
    box.memoryBytes = static_cast<std::uint64_t>(options_.memoryLimitMb) << 20;
    box.fileBytes = kOfficeFileBytes;
    box.isolate = !options_.noSandbox;
    box.command = {kProgram + "/soffice",
                   "--headless",
                   "--invisible",
                   "--norestore",
                   "--nologo",
                   "--nodefault",
                   "--nolockcheck",
                   "-env:UserInstallation=" + profileUrl(),
                   "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"};
    SpawnSpec soffice;
    soffice.argv = sandboxCommand(box);
    soffice.unsetEnv = {"DISPLAY", "URE_BOOTSTRAP", "XAUTHORITY", "SAL_USE_VCLPLUGIN"};
    soffice.setEnv = officeEnvironment();
    soffice.logFile = profile_ + "/soffice.log";
    soffice.signalOnParentDeath = true;
    std::error_code ec;
    logStart_ = fs::exists(soffice.logFile, ec) ? fs::file_size(soffice.logFile, ec) : 0;
    pid_ = spawnGroup(soffice);
    try {
        context_ = connectOffice("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext", 60,
                                 [this] { return running(); });
    } catch (const std::exception& e) {
        const std::string said = tail(profile_ + "/soffice.log", 1500);
        stop();
        throw std::runtime_error(format(Msg::OfficeStartFailed, std::string(e.what()) + "\n" + said));
    }
}

OfficeProcess::Staged OfficeProcess::stage(const Input& input, std::uint64_t maxBytes,
                                           const std::function<bool()>& keepGoing) {
    // Only a regular file is a report: a device (/dev/zero, /dev/urandom) or a FIFO would never end. A link
    // is followed only for a path typed on the command line (cli/inputs.hpp).
    const RegularFile from = openRegular(input.path, input.followLink);
    if (!from)
        return {{},
                from.notRegular ? std::string(text(Msg::NotRegular))
                                : format(Msg::CannotRead, std::strerror(from.error))};
    if (input.followLink && (from.device != input.device || from.inode != input.inode)) {
        ::close(from.fd); // the link was re-pointed after it was judged
        return {{}, std::string(text(Msg::LinkRefused))};
    }
    if (from.size > maxBytes) {
        ::close(from.fd);
        return {{},
                format(Msg::InputTooLarge, std::to_string((from.size + (1 << 20) - 1) >> 20),
                       std::to_string(maxBytes >> 20))};
    }
    if (!options_.connect.empty()) { // the borrowed office opens the original
        ::close(from.fd);
        return {input.path, {}};
    }
    const std::string ext = fs::path(input.path).extension().string();
    std::string copy = profile_ + "/in/" + std::to_string(++staged_) + ext;
    // The copy has a plain ASCII name (any file name the reviewer has, GBK included, can be checked) and is
    // readable by the office's unprivileged user; the original is only ever read. O_EXCL: whatever the
    // office's user put at that name is never written through.
    const int to = ::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (to < 0) {
        const int error = errno;
        ::close(from.fd);
        return {{}, format(Msg::CannotRead, copy + ": " + std::strerror(error))};
    }
    CopyOutcome outcome = copyFile(from.fd, to, keepGoing);
    const int error = errno;
    ::close(from.fd);
    if (outcome == CopyOutcome::Done && asNobody() && ::fchown(to, kNobody, kNobody) != 0)
        outcome = CopyOutcome::WriteFailed;
    ::close(to);
    if (outcome == CopyOutcome::Done)
        return {copy, {}};
    ::unlink(copy.c_str());
    if (outcome == CopyOutcome::Stopped)
        return {{}, {}, true};
    return {{},
            format(Msg::CannotRead, (outcome == CopyOutcome::WriteFailed ? copy + ": " : std::string{}) +
                                        std::strerror(error))};
}

void OfficeProcess::unstage(const std::string& copy) {
    if (!options_.connect.empty() || copy.empty() || !copy.starts_with(profile_ + "/in/"))
        return;
    ::unlink(copy.c_str());
}

std::uint64_t OfficeProcess::addressSpacePeak() const {
    std::uint64_t peak = 0;
    std::vector<std::string> pending = {std::to_string(pid_.load())}; // the supervisor, then its descendants
    for (std::size_t i = 0; i < pending.size() && i < 64 && pending.front() != "0"; ++i) {
        const std::string proc = "/proc/" + pending[i];
        std::ifstream status(proc + "/status");
        for (std::string line; std::getline(status, line);)
            if (line.starts_with("VmPeak:"))
                peak = std::max<std::uint64_t>(peak, std::stoull(line.substr(7)) * 1024);
        std::error_code ec; // oosplash starts soffice.bin from another thread: every thread's children count
        for (fs::directory_iterator task(proc + "/task", ec), end; !ec && task != end; task.increment(ec)) {
            std::ifstream children(task->path() / "children");
            for (std::string child; children >> child;)
                pending.push_back(child);
        }
    }
    return peak;
}

std::string OfficeProcess::outputPath(const std::string& extension, const std::string& wanted) const {
    return options_.connect.empty() ? profile_ + "/in/output" + extension : wanted;
}

std::string OfficeProcess::log() const {
    if (profile_.empty())
        return {};
    std::ifstream in(profile_ + "/soffice.log", std::ios::binary);
    in.seekg(static_cast<std::streamoff>(logStart_));
    std::stringstream since;
    since << in.rdbuf();
    return since.str();
}

void OfficeProcess::stop() {
    if (!options_.connect.empty()) { // someone else's office: only let go of it
        context_.clear();
        return;
    }
    if (context_.is() && running()) {
        try {
            css::frame::Desktop::create(context_)->terminate();
        } catch (...) { // the bridge dies with the office: that is the point
        }
    }
    context_.clear();
    if (const pid_t pid = pid_.exchange(0); pid > 0)
        waitOrKill(pid, 10);
}

void OfficeProcess::kill() {
    killGroup(pid_.load(), SIGKILL);
}
void OfficeProcess::freeze() {
    killGroup(pid_.load(), SIGSTOP);
}

bool OfficeProcess::running() const {
    if (!options_.connect.empty())
        return true;
    return isRunning(pid_.load());
}

std::string OfficeProcess::installedRdb() const {
    if (profile_.empty())
        return {};
    // unopkg (the office's user) wrote it: found without following links and copied into the profile's root,
    // which is ours, so what we load is what was there and nothing else.
    const RegularFile found = findRegularBelow(profile_ + "/user/uno_packages", "jixiao.rdb", 8);
    if (!found)
        return {};
    const std::string copy = profile_ + "/jixiao.rdb";
    ::unlink(copy.c_str());
    const int to = ::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    const bool ok = to >= 0 && copyFile(found.fd, to, [] { return true; }) == CopyOutcome::Done;
    ::close(found.fd);
    if (to >= 0)
        ::close(to);
    return ok ? copy : std::string{};
}

std::string defaultOxt() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    const fs::path dir = exe.parent_path();
    for (const fs::path& candidate : {dir / ".." / "..", dir / ".." / "share" / "jixiao", dir}) {
        std::vector<fs::path> found;
        for (fs::directory_iterator it(candidate, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.starts_with("jixiao") && name.ends_with(".oxt"))
                found.push_back(it->path());
        }
        if (!found.empty()) {
            std::sort(found.begin(), found.end());
            return fs::weakly_canonical(found.back(), ec).string();
        }
    }
    return {};
}

std::string findRdb(const OfficeOptions& options, const std::string& oxt, const OfficeProcess* office) {
    std::error_code ec;
    if (!options.rdb.empty())
        return options.rdb;
    if (!oxt.empty()) {
        const fs::path beside = fs::path(oxt).parent_path() / "jixiao.rdb";
        if (fs::exists(beside, ec))
            return beside.string();
    }
    return office != nullptr ? office->installedRdb() : std::string{};
}

} // namespace jixiao::cli
