#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace jixiao::cli {

Progress::Progress(std::size_t total) : total_(total), terminal_(::isatty(STDERR_FILENO) == 1) {}

void Progress::drawBar(const std::string& current) {
    constexpr std::size_t width = 30;
    const std::size_t filled = total_ == 0 ? width : done_ * width / total_;
    std::string name = printableName(current);
    if (displayWidth(name) > 40) // keep the bar on one line: show the end of a long path
        name = "…" + name.substr(name.size() - 36);
    std::fprintf(stderr, "\r\033[K[%s%s] %zu/%zu %s", std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), done_, total_, name.c_str());
    std::fflush(stderr);
}

void Progress::started(const std::string& file) {
    std::lock_guard lock(mutex_);
    if (terminal_)
        drawBar(file);
}

void Progress::finished(const FileResult& result) {
    std::lock_guard lock(mutex_);
    ++done_;
    if (terminal_) {
        if (result.status() != Status::Checked) // failures stay visible above the bar
            std::fprintf(stderr, "\r\033[K%s\n", resultLine(result).c_str());
        drawBar(result.file);
    } else {
        std::fprintf(stderr, "[%zu/%zu] %s\n", done_, total_, resultLine(result).c_str());
    }
}

void Progress::note(const std::string& message) {
    std::lock_guard lock(mutex_);
    std::fprintf(stderr, terminal_ ? "\r\033[K%s\n" : "%s\n", message.c_str());
}

void Progress::end() {
    std::lock_guard lock(mutex_);
    if (terminal_)
        std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
}

} // namespace jixiao::cli
