// Failures reach the office log, not the user's face: an exception that no caller can show (a defect, or a
// live recompute that could not run) is written to stderr as a "warn:jixiao:…" line, and the controller's
// trace of live runs against API calls as "info:jixiao:…" lines. SAL_LOG chooses them as it does
// LibreOffice's own: warnings unless it says otherwise, information lines with +INFO.jixiao (tests read them
// to see the order).
//
// Our own logger, not the SDK's SAL_WARN/SAL_INFO: those call sal_detail_log, a PRIVATE_ symbol of libuno_sal
// that LibreOffice does not promise to keep, and a library importing it may not load in another version.
#pragma once

#include <exception>
#include <sstream>
#include <string_view>

namespace jixiao::office {

enum class LogLevel { warn, info };

// Whether SAL_LOG (read once) asks for this level of the "jixiao" area.
bool logEnabled(LogLevel level);
// One whole line to stderr: "<level>:jixiao:<pid>:<where>: <message>" (no "<where>:" when it is empty).
void writeLog(LogLevel level, const char* where, std::string_view message);

void logFailure(std::string_view where, const std::exception& e);

// Something went wrong that Jixiao recovered from, worth seeing in the log.
inline void logWarning(std::string_view what) {
    if (logEnabled(LogLevel::warn))
        writeLog(LogLevel::warn, "", what);
}

// What happened, for SAL_LOG=+INFO.jixiao (tests read the order of live runs and API calls from it).
inline void logInfo(std::string_view what) {
    if (logEnabled(LogLevel::info))
        writeLog(LogLevel::info, "", what);
}

} // namespace jixiao::office

#define JIXIAO_LOG_WHERE_2(line) __FILE__ ":" #line
#define JIXIAO_LOG_WHERE_1(line) JIXIAO_LOG_WHERE_2(line)

// JIXIAO_LOG(warn, "a " << value): the message is built only when its level is enabled. `stream` is a chain
// of insertions, so it cannot be parenthesised. NOLINTBEGIN(bugprone-macro-parentheses)
#define JIXIAO_LOG(level, stream)                                                                            \
    do {                                                                                                     \
        if (::jixiao::office::logEnabled(::jixiao::office::LogLevel::level)) {                               \
            ::std::ostringstream jixiao_log_stream;                                                          \
            jixiao_log_stream << stream;                                                                     \
            ::jixiao::office::writeLog(::jixiao::office::LogLevel::level, JIXIAO_LOG_WHERE_1(__LINE__),      \
                                       jixiao_log_stream.str());                                             \
        }                                                                                                    \
    } while (false)
// NOLINTEND(bugprone-macro-parentheses)
