#include "cli/inputs.hpp"

#include "cli/messages.hpp"

#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace jixiao::cli {
namespace {

bool isPattern(const std::string& arg) {
    return arg.find_first_of("*?[") != std::string::npos;
}

std::vector<std::string> globMatches(const std::string& pattern) {
    glob_t matches{};
    std::vector<std::string> result;
    if (glob(pattern.c_str(), GLOB_BRACE | GLOB_TILDE, nullptr, &matches) == 0)
        for (std::size_t i = 0; i < matches.gl_pathc; ++i)
            result.emplace_back(matches.gl_pathv[i]);
    globfree(&matches);
    return result;
}

// May the owner of a link read what it leads to? A link planted by another user in a folder of reports must
// not make us (root, perhaps) read a file its owner could not. Mode bits only: the folders on the way are not
// checked.
bool ownerCouldRead(const struct stat& link, const struct stat& target) {
    if (link.st_uid == 0 || link.st_uid == ::geteuid())
        return true;
    if (target.st_uid == link.st_uid)
        return (target.st_mode & S_IRUSR) != 0;
    if (target.st_gid == link.st_gid && (target.st_mode & S_IRGRP) != 0)
        return true;
    return (target.st_mode & S_IROTH) != 0;
}

class Collector {
public:
    std::vector<Input> inputs;

    // A path typed on the command line (by the reviewer or their shell): it may be a link, but only to a
    // regular file its owner could read.
    void addNamed(const std::string& path) {
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0) {
            inputs.push_back({path, path, std::string(text(Msg::NotFound))});
            return;
        }
        if (S_ISLNK(info.st_mode)) {
            struct stat target {};
            if (::stat(path.c_str(), &target) != 0) {
                inputs.push_back({path, path, std::string(text(Msg::NotFound))});
                return;
            }
            if (S_ISDIR(
                    target.st_mode)) { // a link to a folder the reviewer named: its entries follow the rule
                addFolder(path);
                return;
            }
            if (!isReportFile(path)) {
                inputs.push_back({path, path, std::string(text(Msg::UnsupportedType))});
                return;
            }
            if (!S_ISREG(target.st_mode) || !ownerCouldRead(info, target) ||
                ::access(path.c_str(), R_OK) != 0) {
                inputs.push_back({path, path, std::string(text(Msg::LinkRefused))});
                return;
            }
            addFile(path, path, true);
            if (!inputs.empty() && inputs.back().followLink) {
                inputs.back().device = target.st_dev;
                inputs.back().inode = target.st_ino;
            }
            return;
        }
        if (S_ISDIR(info.st_mode)) {
            addFolder(path);
            return;
        }
        if (!isReportFile(path))
            inputs.push_back({path, path, std::string(text(Msg::UnsupportedType))});
        else if (!S_ISREG(info.st_mode))
            inputs.push_back({path, path, std::string(text(Msg::NotRegular))});
        else
            addFile(path, path, false);
    }

    // A folder entry or a pattern's match: a link is reported, never followed; anything but a regular file
    // that looks like a report gets a line saying why it was not read.
    void addEntry(const std::string& path) {
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0)
            return; // gone since it was listed
        if (S_ISDIR(info.st_mode)) {
            addFolder(path);
            return;
        }
        const std::string name = std::filesystem::path(path).filename().string();
        if (!isReportFile(name) || name.starts_with(".~lock."))
            return; // a file found by a pattern or in a folder that is no report is simply not one
        if (S_ISLNK(info.st_mode))
            inputs.push_back({path, path, std::string(text(Msg::LinkNotFollowed))});
        else if (!S_ISREG(info.st_mode))
            inputs.push_back({path, path, std::string(text(Msg::NotRegular))});
        else
            addFile(path, path, false);
    }

private:
    void addFile(const std::string& path, const std::string& shown, bool followLink) {
        std::error_code ec;
        const std::string absolute = fs::absolute(path, ec).lexically_normal().string();
        if (seen_.insert(fs::weakly_canonical(absolute, ec).string()).second)
            inputs.push_back({absolute, shown, {}, followLink});
    }

    void addFolder(const std::string& folder) {
        std::vector<std::string> entries;
        std::error_code ec;
        for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec),
             end;
             !ec && it != end; it.increment(ec))
            if (!it->is_directory(ec) || it->is_symlink(ec)) // folders are walked by the iterator itself
                entries.push_back(it->path().string());
        // Regular files first (sorted), then what was not read, so the reasons come together.
        std::sort(entries.begin(), entries.end());
        const std::size_t before = inputs.size();
        for (const auto& path : entries)
            addEntry(path);
        std::stable_partition(inputs.begin() + static_cast<std::ptrdiff_t>(before), inputs.end(),
                              [](const Input& input) { return input.reason.empty(); });
    }

    std::set<std::string> seen_;
};

} // namespace

bool isReportFile(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".docx" || ext == ".doc" || ext == ".odt" || ext == ".xlsx" || ext == ".xls" ||
           ext == ".ods";
}

std::vector<Input> expandInputs(const std::vector<std::string>& args) {
    Collector collector;
    for (const auto& arg : args) {
        std::error_code ec;
        if (isPattern(arg) && !fs::exists(arg, ec)) {
            const auto matches = globMatches(arg);
            if (matches.empty())
                collector.inputs.push_back({arg, arg, std::string(text(Msg::NoMatch))});
            for (const auto& match : matches)
                collector.addEntry(match);
        } else {
            collector.addNamed(arg);
        }
    }
    return collector.inputs;
}

} // namespace jixiao::cli
