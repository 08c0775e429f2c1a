#include "cli/annotated_copies.hpp"

#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/report_summary.hpp"
#include "cli/safe_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

namespace fs = std::filesystem;

namespace jixiao::cli {

std::optional<CopyFormat> annotatedFormat(const std::string& source) {
    std::string ext = fs::path(source).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".docx")
        return CopyFormat{".docx", "MS Word 2007 XML", {}};
    if (ext == ".doc")
        return CopyFormat{".docx", "MS Word 2007 XML", ".doc"};
    if (ext == ".odt")
        return CopyFormat{".odt", "writer8", {}};
    if (ext == ".xlsx")
        return CopyFormat{".xlsx", "Calc MS Excel 2007 XML", {}};
    if (ext == ".xls")
        return CopyFormat{".xlsx", "Calc MS Excel 2007 XML", ".xls"};
    if (ext == ".ods")
        return CopyFormat{".ods", "calc8", {}};
    return std::nullopt;
}

AnnotatedCopies::AnnotatedCopies(const std::string& dir, const std::vector<Input>& inputs) : dir_(dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    // Tried before the run: a folder we cannot write in ends it before any office starts.
    if (fd < 0 || !canCreateIn(fd)) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        throw UsageError(cli::format(Msg::WriteFailed, printableName(dir) + ": " + std::strerror(error)));
    }
    ::close(fd);
    std::set<std::string> used;
    for (const Input& input : inputs) {
        formats_.push_back(input.reason.empty() ? annotatedFormat(input.path) : std::nullopt);
        stems_.emplace_back();
        if (!formats_.back())
            continue;
        const fs::path source(input.path);
        const std::string stem = source.stem().string();
        const std::string ext = formats_.back()->extension;
        std::string chosen = stem;
        if (used.count(chosen + ext))
            chosen = stem + "-" + source.extension().string().substr(1);
        for (int n = 2; used.count(chosen + ext); ++n)
            chosen = stem + "-" + std::to_string(n);
        used.insert(chosen + ext);
        stems_.back() = chosen;
    }
}

std::optional<CopyFormat> AnnotatedCopies::format(std::size_t index) const {
    return index < formats_.size() ? formats_[index] : std::nullopt;
}

fs::path AnnotatedCopies::target(std::size_t index, int attempt) const {
    const std::string ext = formats_.at(index).value().extension;
    const std::string& stem = stems_.at(index);
    return dir_ / (attempt == 0 ? stem + ext : stem + "-" + std::to_string(attempt + 1) + ext);
}

} // namespace jixiao::cli
