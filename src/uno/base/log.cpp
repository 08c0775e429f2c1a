#include "uno/base/log.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace jixiao::office {
namespace {

// Whether one SAL_LOG item ("+INFO.jixiao", "-WARN") speaks of our area: it names no area, or ours.
bool speaksOfJixiao(std::string_view area) {
    constexpr std::string_view ours = "jixiao";
    return area.empty() || area == ours;
}

struct LogSelection {
    bool warn = true; // LibreOffice's default without SAL_LOG: warnings only
    bool info = false;
};

LogSelection readSalLog(const char* value) {
    LogSelection selection;
    if (value == nullptr)
        return selection;
    selection.warn = false;
    const std::string_view text(value);
    std::size_t at = 0;
    // Items are "+LEVEL[.area]" or "-LEVEL[.area]", written one after another; later items win.
    while (at < text.size()) {
        const char sign = text[at];
        if (sign != '+' && sign != '-')
            break;
        std::size_t end = text.find_first_of("+-", at + 1);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view item = text.substr(at + 1, end - at - 1);
        const std::size_t dot = item.find('.');
        const std::string_view level = item.substr(0, dot);
        const std::string_view area =
            dot == std::string_view::npos ? std::string_view() : item.substr(dot + 1);
        if (speaksOfJixiao(area)) {
            if (level == "WARN")
                selection.warn = sign == '+';
            else if (level == "INFO")
                selection.info = sign == '+';
        }
        at = end;
    }
    return selection;
}

const LogSelection& selection() {
    static const LogSelection read = readSalLog(std::getenv("SAL_LOG"));
    return read;
}

} // namespace

bool logEnabled(LogLevel level) {
    return level == LogLevel::warn ? selection().warn : selection().info;
}

void writeLog(LogLevel level, const char* where, std::string_view message) {
    std::string line = level == LogLevel::warn ? "warn:jixiao:" : "info:jixiao:";
    line += std::to_string(getpid());
    if (*where != '\0') {
        line += ':';
        line += where;
    }
    line += ": ";
    line += message;
    line += '\n';
    // One write for the whole line, so lines of several threads never interleave.
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

void logFailure(std::string_view where, const std::exception& e) {
    JIXIAO_LOG(warn, where << ": " << e.what());
}

} // namespace jixiao::office
