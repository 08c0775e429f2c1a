// Progress on stderr: a bar redrawn in place on a terminal, one plain line per file otherwise (logs, CI).
#pragma once

#include "cli/report_summary.hpp"

#include <mutex>
#include <string>

namespace jixiao::cli {

class Progress {
public:
    explicit Progress(std::size_t total);
    void started(const std::string& file);
    void finished(const FileResult& result);
    void note(const std::string& message); // e.g. an office restart
    void end();

private:
    void drawBar(const std::string& current);

    std::mutex mutex_;
    std::size_t total_;
    std::size_t done_ = 0;
    bool terminal_;
};

} // namespace jixiao::cli
