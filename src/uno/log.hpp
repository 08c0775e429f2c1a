// Failures reach the office log, not the user's face: an exception that no caller can show (a defect, or a
// live recompute that could not run) is written with SAL_WARN under the "jixiao" area (stderr by default,
// filtered with SAL_LOG like LibreOffice's own).
#pragma once

#include <sal/log.hxx>

#include <exception>
#include <string_view>

namespace jixiao::office {

inline void logFailure(std::string_view where, const std::exception& e) {
    SAL_WARN("jixiao", where << ": " << e.what());
}

} // namespace jixiao::office
