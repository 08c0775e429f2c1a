#include "cli/inputs.hpp"

#include "cli/messages.hpp"

#include <glob.h>

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

class Collector {
public:
    std::vector<Input> inputs;

    void add(const std::string& path, const std::string& shown, bool named) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            addFolder(path);
            return;
        }
        if (!fs::exists(path, ec)) {
            inputs.push_back({path, shown, std::string(text(Msg::NotFound))});
            return;
        }
        if (!isReportFile(path)) {
            if (named) // a file found by a pattern or in a folder that is no report is simply not one
                inputs.push_back({path, shown, std::string(text(Msg::UnsupportedType))});
            return;
        }
        const std::string absolute = fs::absolute(path, ec).lexically_normal().string();
        if (seen_.insert(fs::weakly_canonical(absolute, ec).string()).second)
            inputs.push_back({absolute, shown, {}, named}); // a path typed on the command line may be a link
    }

private:
    void addFolder(const std::string& folder) {
        std::vector<std::string> found, links;
        std::error_code ec;
        for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec),
             end;
             !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (!isReportFile(name) || name.starts_with(".~lock."))
                continue;
            // A link planted in a folder of reports could make us read, as root, a file the reviewer never
            // named: it is reported, not followed (a link named on the command line is followed).
            if (it->is_symlink(ec))
                links.push_back(it->path().string());
            else if (it->is_regular_file(ec))
                found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        for (const auto& path : found)
            add(path, path, false);
        std::sort(links.begin(), links.end());
        for (const auto& path : links)
            inputs.push_back({path, path, std::string(text(Msg::LinkNotFollowed))});
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
                collector.add(match, match, false);
        } else {
            collector.add(arg, arg, true);
        }
    }
    return collector.inputs;
}

} // namespace jixiao::cli
