#include "cli/safe_files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace jixiao::cli {
namespace {

// Deeper trees than this are not ours (the profile is a few levels deep): what is below is left, not chased.
constexpr int kMaxDepth = 64;

std::vector<std::string> entriesOf(int dirFd) {
    std::vector<std::string> names;
    const int copy = ::dup(dirFd); // fdopendir takes over its descriptor
    if (copy < 0)
        return names;
    DIR* dir = ::fdopendir(copy);
    if (dir == nullptr) {
        ::close(copy);
        return names;
    }
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    ::closedir(dir);
    return names;
}

void removeEntry(int parentFd, const std::string& name, int depth);

void removeBelow(int dirFd, int depth) {
    // A second pass catches what someone added while the first ran; more than that is not our problem.
    for (int pass = 0; pass < 2; ++pass)
        for (const std::string& name : entriesOf(dirFd))
            removeEntry(dirFd, name, depth);
}

void removeEntry(int parentFd, const std::string& name, int depth) {
    if (::unlinkat(parentFd, name.c_str(), 0) == 0 || errno == ENOENT)
        return; // a file, a link (never its target), a FIFO …
    if (depth >= kMaxDepth)
        return;
    const int sub = ::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0)
        return;
    removeBelow(sub, depth + 1);
    ::close(sub);
    ::unlinkat(parentFd, name.c_str(), AT_REMOVEDIR);
}

} // namespace

void removeTree(const std::string& path) {
    const std::filesystem::path p(path);
    const std::string parent = p.has_parent_path() ? p.parent_path().string() : ".";
    const int parentFd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (parentFd < 0)
        return;
    removeEntry(parentFd, p.filename().string(), 0);
    ::close(parentFd);
}

RegularFile openRegularAt(int dirFd, const std::string& name, bool followLink) {
    RegularFile file;
    const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followLink ? 0 : O_NOFOLLOW);
    const int fd = ::openat(dirFd, name.c_str(), flags);
    if (fd < 0) {
        file.error = errno;
        return file;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        file.error = errno;
        file.notRegular = true;
        ::close(fd);
        return file;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    file.fd = fd;
    file.size = static_cast<std::uint64_t>(info.st_size);
    file.device = info.st_dev;
    file.inode = info.st_ino;
    return file;
}

RegularFile openRegular(const std::string& path, bool followLink) {
    return openRegularAt(AT_FDCWD, path, followLink);
}

namespace {

RegularFile findIn(int dirFd, const std::string& name, int depthLeft) {
    RegularFile found = openRegularAt(dirFd, name, false);
    if (found || depthLeft == 0)
        return found;
    for (const std::string& entry : entriesOf(dirFd)) {
        const int sub = ::openat(dirFd, entry.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0)
            continue;
        found = findIn(sub, name, depthLeft - 1);
        ::close(sub);
        if (found)
            return found;
    }
    return {};
}

} // namespace

RegularFile findRegularBelow(const std::string& folder, const std::string& name, int maxDepth) {
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dirFd < 0)
        return {};
    RegularFile found = findIn(dirFd, name, maxDepth);
    ::close(dirFd);
    return found;
}

CopyOutcome copyFile(int from, int to, const std::function<bool()>& keepGoing) {
    std::vector<char> buffer(1 << 16);
    for (;;) {
        if (!keepGoing())
            return CopyOutcome::Stopped;
        const ssize_t n = ::read(from, buffer.data(), buffer.size());
        if (n == 0)
            return CopyOutcome::Done;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return CopyOutcome::ReadFailed;
        }
        for (ssize_t written = 0; written < n;) {
            const ssize_t w = ::write(to, buffer.data() + written, static_cast<std::size_t>(n - written));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return CopyOutcome::WriteFailed;
            written += w;
        }
    }
}

namespace {

// A new, empty temporary file in `dirFd` (O_EXCL: never someone else's), its name in `name`.
int createTemporary(int dirFd, std::string& name) {
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        name = ".jixiao-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".tmp";
        const int fd =
            ::openat(dirFd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

mode_t currentUmask() {
    const mode_t mask = ::umask(022);
    ::umask(mask);
    return mask;
}

// Ends a write into `temporary` (open as fd): synced, closed and renamed to `name` — without replacing
// anything there unless `replace` — or removed when anything failed. errno tells why it failed.
bool publish(int dirFd, const std::string& temporary, int fd, bool ok, const std::string& name,
             bool replace) {
    ok = ::fsync(fd) == 0 && ok;
    int error = errno;
    ok = ::close(fd) == 0 && ok;
    if (ok) {
        ok = (replace ? ::renameat(dirFd, temporary.c_str(), dirFd, name.c_str())
                      : ::renameat2(dirFd, temporary.c_str(), dirFd, name.c_str(), RENAME_NOREPLACE)) == 0;
        error = errno;
    }
    if (!ok) {
        ::unlinkat(dirFd, temporary.c_str(), 0);
        errno = error;
    }
    return ok;
}

} // namespace

bool canCreateIn(int dirFd) {
    std::string name;
    const int fd = createTemporary(dirFd, name);
    if (fd < 0)
        return false;
    ::close(fd);
    ::unlinkat(dirFd, name.c_str(), 0);
    return true;
}

bool writeAtomically(int dirFd, const std::string& name, const std::string& text, bool replace, mode_t mode) {
    std::string temporary;
    const int fd = createTemporary(dirFd, temporary);
    if (fd < 0)
        return false;
    bool ok = ::fchmod(fd, mode & ~currentUmask()) == 0;
    for (std::size_t written = 0; ok && written < text.size();) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        ok = n > 0 || (n < 0 && errno == EINTR);
        written += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    return publish(dirFd, temporary, fd, ok, name, replace);
}

bool copyAtomically(int dirFd, const std::string& name, int from, bool replace,
                    const std::function<bool()>& keepGoing, mode_t mode) {
    std::string temporary;
    const int fd = createTemporary(dirFd, temporary);
    if (fd < 0)
        return false;
    const bool ok =
        ::fchmod(fd, mode & ~currentUmask()) == 0 && copyFile(from, fd, keepGoing) == CopyOutcome::Done;
    return publish(dirFd, temporary, fd, ok, name, replace);
}

} // namespace jixiao::cli
