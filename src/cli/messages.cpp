#include "cli/messages.hpp"

#include "cli/batch_catalog.hpp"

#include <array>

namespace jixiao::cli {
namespace {

struct Entry {
    Msg id;
    std::string_view key;
    std::array<std::string_view, 4> arguments; // placeholder names in format()'s order; unused ones empty
};

// Which catalog key words each Msg, and what its positional arguments are called there.
constexpr std::array kEntries = std::to_array<Entry>({
    {Msg::Usage, "batch.usage", {}},
    {Msg::BuildUsage, "batch.build-usage", {}},
    {Msg::UnknownOption, "batch.unknown-option", {"option"}},
    {Msg::MissingValue, "batch.missing-value", {"option"}},
    {Msg::BadNumber, "batch.bad-number", {"option", "value"}},
    {Msg::BadFormat, "batch.bad-format", {"value"}},
    {Msg::NoInputs, "batch.no-inputs", {}},
    {Msg::NotFound, "batch.not-found", {}},
    {Msg::UnsupportedType, "batch.unsupported-type", {}},
    {Msg::NoMatch, "batch.no-match", {}},
    {Msg::OfficeStartFailed, "batch.office-start-failed", {"detail"}},
    {Msg::InstallFailed, "batch.install-failed", {"detail"}},
    {Msg::OpenFailed, "batch.open-failed", {"detail"}},
    {Msg::Timeout, "batch.timeout", {"seconds"}},
    {Msg::BuildTimeout, "batch.build-timeout", {"seconds"}},
    {Msg::OfficeDied, "batch.office-died", {"detail"}},
    {Msg::CallFailed, "batch.call-failed", {"detail"}},
    {Msg::NoOffice, "batch.no-office", {"detail"}},
    {Msg::NoScorecard, "batch.no-scorecard", {"detail"}},
    {Msg::RdbMissing, "batch.rdb-missing", {"path"}},
    {Msg::OxtMissing, "batch.oxt-missing", {"path"}},
    {Msg::ReadJsonFailed, "batch.read-json-failed", {"path"}},
    {Msg::BadOutputType, "batch.bad-output-type", {"path"}},
    {Msg::StoreFailed, "batch.store-failed", {"detail"}},
    {Msg::Wrote, "batch.wrote", {"path"}},
    {Msg::WriteFailed, "batch.write-failed", {"path"}},
    {Msg::HeaderFile, "batch.header-file", {}},
    {Msg::HeaderTotal, "batch.header-total", {}},
    {Msg::HeaderGrade, "batch.header-grade", {}},
    {Msg::HeaderErrors, "batch.header-errors", {}},
    {Msg::HeaderWarnings, "batch.header-warnings", {}},
    {Msg::HeaderStatus, "batch.header-status", {}},
    {Msg::StatusOk, "batch.status-ok", {}},
    {Msg::StatusFailed, "batch.status-failed", {}},
    {Msg::SummaryLine, "batch.summary-line", {"files", "errors", "unread", "no-table"}},
    {Msg::Restarted, "batch.restarted", {"file"}},
    {Msg::CannotRead, "batch.cannot-read", {"detail"}},
    {Msg::TooLarge, "batch.too-large", {"limit"}},
    {Msg::StatusNoTable, "batch.status-no-table", {}},
    {Msg::StatusInterrupted, "batch.status-interrupted", {}},
    {Msg::InterruptedLine, "batch.interrupted-line", {"count"}},
    {Msg::PasswordProtected, "batch.password-protected", {}},
    {Msg::ExportExists, "batch.export-exists", {"path"}},
    {Msg::LinkNotFollowed, "batch.link-not-followed", {}},
    {Msg::NotRegular, "batch.not-regular", {}},
    {Msg::InputTooLarge, "batch.input-too-large", {"size", "limit"}},
    {Msg::TimeoutNearMemory, "batch.timeout-near-memory", {"seconds", "limit"}},
    {Msg::NoUserNamespace, "batch.no-user-namespace", {}},
    {Msg::NoSandboxWarning, "batch.no-sandbox-warning", {}},
    {Msg::SeeHelp, "batch.see-help", {}},
    {Msg::LinkRefused, "batch.link-refused", {}},
    {Msg::SheetReports, "batch.sheet-reports", {}},
    {Msg::SheetFindings, "batch.sheet-findings", {}},
    {Msg::SheetCounts, "batch.sheet-counts", {}},
    {Msg::HeaderUnit, "batch.header-unit", {}},
    {Msg::HeaderProject, "batch.header-project", {}},
    {Msg::HeaderYear, "batch.header-year", {}},
    {Msg::HeaderExecutionRate, "batch.header-execution-rate", {}},
    {Msg::HeaderBudget, "batch.header-budget", {}},
    {Msg::HeaderActual, "batch.header-actual", {}},
    {Msg::HeaderRule, "batch.header-rule", {}},
    {Msg::HeaderSeverity, "batch.header-severity", {}},
    {Msg::HeaderPlace, "batch.header-place", {}},
    {Msg::HeaderMessage, "batch.header-message", {}},
    {Msg::HeaderCount, "batch.header-count", {}},
    {Msg::ChartGrades, "batch.chart-grades", {}},
    {Msg::ChartRules, "batch.chart-rules", {}},
    {Msg::BadSummary, "batch.bad-summary", {"path", "detail"}},
    {Msg::WorkbookNeedsOutput, "batch.workbook-needs-output", {"value"}},
    {Msg::MergeNoParts, "batch.merge-no-parts", {}},
    {Msg::MergeFormat, "batch.merge-format", {"value"}},
    {Msg::AnnotateConnect, "batch.annotate-connect", {}},
    {Msg::AnnotatedLine, "batch.annotated-line", {"file", "path", "count"}},
    {Msg::AnnotatedConverted, "batch.annotated-converted", {"from", "to"}},
    {Msg::AnnotateFailed, "batch.annotate-failed", {"file", "detail"}},
    {Msg::ResultCounts, "batch.result-counts", {"errors", "warnings"}},
    {Msg::ReportTitle, "batch.report-title", {"unit", "year", "project"}},
    {Msg::ReportTitleDepartment, "batch.report-title-department", {"unit", "year"}},
    {Msg::ReportTitleGeneric, "batch.report-title-generic", {}},
    {Msg::ReportHeadingConclusion, "batch.report-heading-conclusion", {}},
    {Msg::ReportHeadingCostBenefit, "batch.report-heading-cost-benefit", {}},
    {Msg::ReportAnnex, "batch.report-annex", {}},
    {Msg::ExportUnreadable, "batch.export-unreadable", {"file", "detail"}},
});

const Entry& entry(Msg id) {
    for (const auto& e : kEntries)
        if (e.id == id)
            return e;
    return kEntries.front(); // unreachable while every Msg has an entry (batch_messages_test checks)
}

} // namespace

std::string_view key(Msg id) {
    return entry(id).key;
}

std::vector<std::string_view> argumentNames(Msg id) {
    std::vector<std::string_view> names;
    for (const auto name : entry(id).arguments)
        if (!name.empty())
            names.push_back(name);
    return names;
}

std::vector<Msg> allMessages() {
    std::vector<Msg> all;
    for (const auto& e : kEntries)
        all.push_back(e.id);
    return all;
}

const MessageCatalog& catalog() {
    static const MessageCatalog loaded = MessageCatalog::fromJson(kBatchCatalogJson, "batch.json");
    return loaded;
}

std::string bilingual(const MessageCatalog& catalog, const Message& message) {
    const std::string zh = catalog.format("zh-CN", message);
    const std::string en = catalog.format("en", message);
    if (zh == en)
        return zh;
    return zh + (zh.find('\n') == std::string::npos ? " / " : "\n\n") + en;
}

std::string text(Msg id) {
    return format(id);
}

Message message(Msg id, std::string_view a1, std::string_view a2, std::string_view a3, std::string_view a4) {
    const std::string_view given[] = {a1, a2, a3, a4};
    Message message{std::string(key(id)), {}};
    std::size_t i = 0;
    for (const auto name : argumentNames(id))
        message.args.emplace(std::string(name), std::string(given[i++]));
    return message;
}

std::string format(Msg id, std::string_view a1, std::string_view a2, std::string_view a3,
                   std::string_view a4) {
    return bilingual(catalog(), message(id, a1, a2, a3, a4));
}

} // namespace jixiao::cli
