// Every message jixiao-batch shows a person. The words are in extension/i18n/batch.json (compiled in, see
// batch_catalog.hpp.in), read by the same MessageCatalog as the office's; the batch shows each message in
// both languages ("中文 / English"), as its users mix Chinese and English systems and logs.
#pragma once

#include "core/model/messages.hpp"

#include <string>
#include <string_view>
#include <vector>

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
    NotRegular,
    InputTooLarge,
    TimeoutNearMemory,
    NoUserNamespace,
    NoSandboxWarning,
    SeeHelp,
    AnnotateConnect,
    AnnotatedLine,
    AnnotatedConverted,
    AnnotateFailed,
    LinkRefused,
    SheetReports,
    SheetFindings,
    SheetCounts,
    HeaderUnit,
    HeaderProject,
    HeaderYear,
    HeaderExecutionRate,
    HeaderBudget,
    HeaderActual,
    HeaderRule,
    HeaderSeverity,
    HeaderPlace,
    HeaderMessage,
    HeaderCount,
    ChartGrades,
    ChartRules,
    BadSummary,
    WorkbookNeedsOutput,
    MergeNoParts,
    ResultCounts,
    ReportTitle,
    ReportTitleDepartment,
    ReportTitleGeneric,
    ReportHeadingConclusion,
    ReportHeadingCostBenefit,
    ReportAnnex,
    ExportUnreadable,
    MergeFormat,
};

// The message's catalog key ("batch.timeout") and the names of its placeholders, in the order format() takes
// its arguments ({"seconds"}).
std::string_view key(Msg id);
std::vector<std::string_view> argumentNames(Msg id);
// Every Msg, for the test that each has its key in both languages.
std::vector<Msg> allMessages();

// The compiled-in batch.json.
const MessageCatalog& catalog();

// "中文 / English": `message` formatted from `catalog` in zh-CN and in en (one language when both read alike;
// a text of several lines, the usage, as two blocks).
std::string bilingual(const MessageCatalog& catalog, const Message& message);

// The message before it is worded: its key, with a1 … filling its placeholders in the order of
// argumentNames().
Message message(Msg id, std::string_view a1 = {}, std::string_view a2 = {}, std::string_view a3 = {},
                std::string_view a4 = {});

// The message in both languages; a1 … fill its placeholders in the order of argumentNames().
std::string text(Msg id);
std::string format(Msg id, std::string_view a1 = {}, std::string_view a2 = {}, std::string_view a3 = {},
                   std::string_view a4 = {});

} // namespace jixiao::cli
