#include "cli/scorecard_export.hpp"

#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/safe_files.hpp"

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
    // Tried before the run: a folder we cannot write in ends it before any office starts.
    if (fd_ < 0 || !canCreateIn(fd_)) {
        const int error = errno;
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
        throw UsageError(format(Msg::WriteFailed, printableName(dir) + ": " + std::strerror(error)));
    }
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
        // Through a temporary file renamed without replacing: what was planted meanwhile stays, untouched.
        if (!writeAtomically(fd_, names_[i], text, false))
            problems.push_back(errno == EEXIST
                                   ? format(Msg::ExportExists, shown)
                                   : format(Msg::WriteFailed, shown + ": " + std::strerror(errno)));
    }
    return problems;
}

} // namespace jixiao::cli
