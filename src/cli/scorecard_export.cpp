#include "cli/scorecard_export.hpp"

#include "cli/messages.hpp"
#include "cli/options.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace jixiao::cli {

ScorecardExport::ScorecardExport(const std::string& dir, const std::vector<Input>& inputs)
    : dir_(dir), inputs_(inputs) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0)
        throw UsageError(format(Msg::WriteFailed, dir + ": " + std::strerror(errno)));
    // DIR/<stem>.json; a stem met twice gets its original extension, then a number.
    std::set<std::string> used;
    for (const Input& input : inputs) {
        names_.emplace_back();
        if (!input.reason.empty())
            continue;
        const fs::path source(input.path);
        const std::string stem = source.stem().string();
        std::string name = stem + ".json";
        if (used.count(name))
            name = stem + "-" + source.extension().string().substr(1) + ".json";
        for (int n = 2; used.count(name); ++n)
            name = stem + "-" + std::to_string(n) + ".json";
        used.insert(name);
        struct stat existing {};
        if (::fstatat(fd_, name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0) {
            ::close(fd_);
            throw UsageError(format(Msg::ExportExists, printableName((fs::path(dir) / name).string())));
        }
        names_.back() = name;
    }
}

ScorecardExport::~ScorecardExport() {
    if (fd_ >= 0)
        ::close(fd_);
}

std::vector<std::string> ScorecardExport::write(const std::vector<FileResult>& results) const {
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < results.size() && i < names_.size(); ++i) {
        const FileResult& r = results[i];
        if (r.scorecardJson.empty() || names_[i].empty() || r.status() != Status::Checked)
            continue;
        const std::string shown = printableName((fs::path(dir_) / names_[i]).string());
        nlohmann::ordered_json card = nlohmann::ordered_json::parse(r.scorecardJson, nullptr, false);
        if (card.is_discarded() || !card.is_object()) {
            problems.push_back(format(Msg::WriteFailed, shown));
            continue;
        }
        card["source"] = inputs_[i].path; // the report this came from, as checked
        const std::string text = card.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        const int fd =
            ::openat(fd_, names_[i].c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0) {
            problems.push_back(errno == EEXIST || errno == ELOOP ? format(Msg::ExportExists, shown)
                                                                 : format(Msg::WriteFailed, shown));
            continue;
        }
        const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        if (::close(fd) != 0 || !ok)
            problems.push_back(format(Msg::WriteFailed, shown));
    }
    return problems;
}

} // namespace jixiao::cli
