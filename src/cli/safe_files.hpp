// File operations that a hostile party on the same machine cannot redirect: the office's own user (nobody, as
// root) owns the office's working folders and may swap anything in them for a symbolic link at any moment,
// and an unprivileged user may plant links in a folder of reports. Everything here works through descriptors
// and never follows a link it was not told to follow.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace jixiao::cli {

// Removes `path` and everything below it. No link is followed, at any depth: a link is removed, never its
// target, and a folder swapped for a link while we work is not entered (openat with O_NOFOLLOW|O_DIRECTORY,
// unlinkat).
void removeTree(const std::string& path);

// An open regular file, or why there is none.
struct RegularFile {
    int fd = -1;
    int error = 0;           // errno of the failed open
    bool notRegular = false; // opened, but a device, FIFO, socket or folder: refused
    std::uint64_t size = 0;
    std::uint64_t device = 0, inode = 0;
    explicit operator bool() const { return fd >= 0; }
};
// Opens `path` for reading without ever blocking on it (a FIFO or a device answers at once) and accepts it
// only when fstat says it is a regular file. followLink false: a link as the last component is refused
// (ELOOP).
RegularFile openRegular(const std::string& path, bool followLink);
// The same below an open folder.
RegularFile openRegularAt(int dirFd, const std::string& name, bool followLink);

// The first regular file called `name` at most `maxDepth` folders below `folder`, found through descriptors
// without following any link (a folder swapped for a link is not entered, a file that is a link is skipped).
RegularFile findRegularBelow(const std::string& folder, const std::string& name, int maxDepth);

// Why a copy stopped.
enum class CopyOutcome { Done, ReadFailed, WriteFailed, Stopped };
// Copies from `from` to `to` in blocks until the end, checking `keepGoing` between blocks (a deadline, an
// interruption); errno is kept from the call that failed.
CopyOutcome copyFile(int from, int to, const std::function<bool()>& keepGoing);

// Can we create files in the open folder `dirFd`? Tries it (a temporary file, removed at once): access() says
// yes to root on a read-only file system's neighbour and cannot see every reason. errno tells why not.
bool canCreateIn(int dirFd);

// Writes `text` as `name` in the open folder `dirFd` through a temporary file there and a rename, so nobody
// ever sees half a file and a failed write leaves what was there. replace false: an existing name (a file, or
// a link planted meanwhile) is left alone and the write fails with EEXIST. The file gets `mode` less the
// umask. errno tells why it failed.
bool writeAtomically(int dirFd, const std::string& name, const std::string& text, bool replace,
                     mode_t mode = 0644);
// The same with the contents of the open file `from`, copied while keepGoing() holds.
bool copyAtomically(int dirFd, const std::string& name, int from, bool replace,
                    const std::function<bool()>& keepGoing, mode_t mode = 0644);

} // namespace jixiao::cli
