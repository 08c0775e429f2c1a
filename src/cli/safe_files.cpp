#include "cli/safe_files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
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

} // namespace jixiao::cli
