// Every message jixiao-batch shows a person, bilingual ("中文 / English") in one table (messages.cpp), so a
// reviewer sees the same wording everywhere and a translator finds it all in one place.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::cli {

enum class Msg {
    Usage,
    BuildUsage,
    UnknownOption,
    MissingValue,
    BadNumber,
    BadFormat,
    NoInputs,
    NotFound,
    UnsupportedType,
    NoMatch,
    OfficeStartFailed,
    InstallFailed,
    OpenFailed,
    Timeout,
    BuildTimeout,
    OfficeDied,
    CallFailed,
    NoOffice,
    NoScorecard,
    RdbMissing,
    OxtMissing,
    ReadJsonFailed,
    BadOutputType,
    StoreFailed,
    Wrote,
    WriteFailed,
    HeaderFile,
    HeaderTotal,
    HeaderGrade,
    HeaderErrors,
    HeaderWarnings,
    HeaderStatus,
    StatusOk,
    StatusFailed,
    SummaryLine,
    Restarted,
    CannotRead,
    TooLarge,
    StatusNoTable,
    StatusInterrupted,
    InterruptedLine,
    PasswordProtected,
    ExportExists,
    LinkNotFollowed,
};

// The message's text; "{1}", "{2}" … are replaced by the arguments given to format().
std::string_view text(Msg id);
std::string format(Msg id, std::string_view a1 = {}, std::string_view a2 = {}, std::string_view a3 = {},
                   std::string_view a4 = {});

} // namespace jixiao::cli
