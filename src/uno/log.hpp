// Failures reach the office log, not the user's face: an exception that no caller can show (a defect, or a
// live recompute that could not run) is written with SAL_WARN under the "jixiao" area (stderr by default,
// filtered with SAL_LOG like LibreOffice's own). Code logs through these functions, never SAL_* directly.
#pragma once

#include <sal/log.hxx>

#include <exception>
#include <string_view>

namespace jixiao::office {

inline void logFailure(std::string_view where, const std::exception& e) {
    SAL_WARN("jixiao", where << ": " << e.what());
}

// Something went wrong that Jixiao recovered from, worth seeing in the log.
inline void logWarning(std::string_view what) {
    SAL_WARN("jixiao", what);
}

// What happened, for SAL_LOG=+INFO.jixiao (tests read the order of live runs and API calls from it).
inline void logInfo(std::string_view what) {
    SAL_INFO("jixiao", what);
}

} // namespace jixiao::office
