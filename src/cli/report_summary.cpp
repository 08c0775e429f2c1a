#include "cli/report_summary.hpp"

#include "cli/messages.hpp"
#include "cli/summary_rows.hpp"
#include "core/derive/report_summary.hpp"
#include "core/read/scorecard_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

namespace jixiao::cli {
namespace {

// The scorecard the office exported, read back by the core; nullopt when it cannot be — a defect of the
// export, not of the report: the findings still stand. Said on stderr once per file, however often the
// summary asks.
std::optional<Scorecard> exportedCard(const FileResult& result) {
    try {
        return scorecardFromJson(result.scorecardJson, result.file);
    } catch (const std::exception& e) {
        static std::mutex mutex;
        static std::set<std::string> said;
        std::lock_guard lock(mutex);
        if (said.insert(result.file).second)
            std::fprintf(stderr, "%s\n",
                         format(Msg::ExportUnreadable, printableName(result.file), e.what()).c_str());
        return std::nullopt;
    }
}

} // namespace

Status FileResult::status() const {
    if (interrupted)
        return Status::Interrupted;
    if (!failure.empty())
        return Status::Failed;
    if (std::any_of(findings.begin(), findings.end(),
                    [](const auto& f) { return f.ruleId == "table.missing"; }))
        return Status::NoTable;
    if (scorecardJson.empty())
        return scorecardProblem.empty() ? Status::NoTable : Status::Checked;
    const auto card = exportedCard(*this);
    // An export the core cannot read back: the findings still stand.
    return card && card->indicators.empty() ? Status::NoTable : Status::Checked;
}

int FileResult::count(const std::string& severity) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                          [&](const auto& f) { return f.severity == severity; }));
}

Score scoreOf(const FileResult& result) {
    Score score;
    if (result.scorecardJson.empty())
        return score;
    const auto shown = [](const std::optional<Decimal>& figure) {
        return figure ? std::optional<std::string>(figure->toString(2)) : std::nullopt;
    };
    // An export the core cannot read back leaves the figures empty; the findings still count.
    if (const auto exported = exportedCard(result)) {
        const Scorecard& card = *exported;
        // The deck's summary (core/derive/report_summary.hpp): no total while a score is missing or out of
        // range, never the table's typed 合计 in its place; the funding is the report's (exportScorecard
        // exports the one the deck shows, reportFunding).
        const auto summary = summarizeReport(card);
        const bool partial = std::any_of(result.findings.begin(), result.findings.end(),
                                         [](const auto& f) { return f.ruleId == "table.partial"; });
        if (summary.total && !partial) {
            score.total = summary.total->toString(2);
            score.grade = summary.grade;
        }
        score.unit = card.meta.unit;
        score.project = card.meta.project;
        score.year = card.meta.year;
        score.budget = shown(summary.budget);
        score.actual = shown(summary.actual);
        score.executionRate = shown(summary.executionRate);
    }
    return score;
}

int exitCodeFor(const std::vector<FileResult>& results) {
    int code = 0;
    for (const auto& r : results) {
        switch (r.status()) {
        case Status::Interrupted:
            return 130;
        case Status::Failed:
        case Status::NoTable:
            code = std::max(code, 2);
            break;
        case Status::Checked:
            code = std::max(code, r.count("error") > 0 ? 1 : 0);
            break;
        }
    }
    return code;
}

namespace {

// U+2028/2029 (E2 80 A8/A9), U+202A–202E (E2 80 AA–AE), U+2066–2069 (E2 81 A6–A9).
bool isHiddenFormatting(const std::string& raw, std::size_t i) {
    if (static_cast<unsigned char>(raw[i]) != 0xE2)
        return false;
    const auto c1 = static_cast<unsigned char>(raw[i + 1]);
    const auto c2 = static_cast<unsigned char>(raw[i + 2]);
    return (c1 == 0x80 && c2 >= 0xA8 && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9);
}

} // namespace

std::string printableName(const std::string& raw) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < raw.size();) {
        const auto c = static_cast<unsigned char>(raw[i]);
        // A well-formed UTF-8 sequence of 2–4 bytes (no overlong forms, no surrogates) stays as it is.
        const std::size_t length = c >= 0xC2 && c <= 0xDF   ? 2
                                   : c >= 0xE0 && c <= 0xEF ? 3
                                   : c >= 0xF0 && c <= 0xF4 ? 4
                                                            : 1;
        bool valid = length > 1 && i + length <= raw.size();
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(raw[i + k]) & 0xC0) == 0x80;
        if (valid && length == 3) {
            const auto c1 = static_cast<unsigned char>(raw[i + 1]);
            valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
        }
        if (valid && length == 4) {
            const auto c1 = static_cast<unsigned char>(raw[i + 1]);
            valid = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
        if (valid && length == 2 && c == 0xC2 && static_cast<unsigned char>(raw[i + 1]) < 0xA0)
            valid = false; // C1 control characters
        if (valid && length == 3 && isHiddenFormatting(raw, i)) {
            // Bidi overrides and isolates reorder what follows (a name can show a false extension); line
            // and paragraph separators break a row: shown like control characters, as \u202E.
            const unsigned code = ((c & 0x0Fu) << 12) |
                                  ((static_cast<unsigned char>(raw[i + 1]) & 0x3Fu) << 6) |
                                  (static_cast<unsigned char>(raw[i + 2]) & 0x3Fu);
            out += std::string("\\u") + hex[code >> 12] + hex[(code >> 8) & 0xF] + hex[(code >> 4) & 0xF] +
                   hex[code & 0xF];
            i += 3;
            continue;
        }
        if (valid) {
            out.append(raw, i, length);
            i += length;
            continue;
        }
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c >= 0x20 && c < 0x7F)
            out += static_cast<char>(c);
        else
            out += std::string("\\x") + hex[c >> 4] + hex[c & 0xF];
        ++i;
    }
    return out;
}

std::size_t displayWidth(const std::string& utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::uint32_t cp = length == 1 ? c : c & (0x7F >> length);
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        width += wide ? 2 : 1;
        i += length;
    }
    return width;
}

namespace {

// The status column and the reason, as the text summary and the progress lines show them.
std::string statusText(const FileResult& r) {
    switch (r.status()) {
    case Status::Interrupted:
        return std::string(text(Msg::StatusInterrupted));
    case Status::Failed:
        return std::string(text(Msg::StatusFailed)) + ": " + r.failure;
    case Status::NoTable:
        return std::string(text(Msg::StatusNoTable));
    case Status::Checked:
        break;
    }
    return r.scorecardProblem.empty() ? std::string(text(Msg::StatusOk))
                                      : format(Msg::NoScorecard, r.scorecardProblem);
}

constexpr const char* kNone = "—";

} // namespace

std::string resultLine(const FileResult& r) {
    const std::string name = printableName(r.file);
    if (r.status() != Status::Checked)
        return name + ": " + statusText(r);
    const Score score = scoreOf(r);
    std::ostringstream out;
    out << name << ": " << score.total.value_or(kNone) << ' ' << (score.grade.empty() ? kNone : score.grade)
        << ", "
        << format(Msg::ResultCounts, std::to_string(r.count("error")), std::to_string(r.count("warning")));
    return out.str();
}

namespace {

std::string pad(const std::string& s, std::size_t width, bool right = false) {
    const std::size_t w = displayWidth(s);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

// --annotate: one line per copy written (saying when a .doc/.xls became .docx/.xlsx) or not written.
std::string annotatedLines(const std::vector<FileResult>& results) {
    std::ostringstream out;
    for (const auto& r : results) {
        if (!r.annotatedCopy.empty()) {
            out << format(Msg::AnnotatedLine, printableName(r.file), printableName(r.annotatedCopy),
                          std::to_string(r.commentsAdded));
            if (!r.annotatedFrom.empty())
                out << " — "
                    << format(Msg::AnnotatedConverted, r.annotatedFrom,
                              std::filesystem::path(r.annotatedCopy).extension().string());
            out << '\n';
        }
        if (!r.annotateProblem.empty())
            out << format(Msg::AnnotateFailed, printableName(r.file), r.annotateProblem) << '\n';
    }
    return out.str();
}

std::string formatText(const std::vector<FileResult>& results) {
    struct Row {
        std::string file, total, grade, errors, warnings, note;
    };
    std::vector<Row> rows{{std::string(text(Msg::HeaderFile)), std::string(text(Msg::HeaderTotal)),
                           std::string(text(Msg::HeaderGrade)), std::string(text(Msg::HeaderErrors)),
                           std::string(text(Msg::HeaderWarnings)), std::string(text(Msg::HeaderStatus))}};
    int withErrors = 0, failed = 0, noTable = 0, interrupted = 0;
    for (const auto& r : results) {
        const Status status = r.status();
        failed += status == Status::Failed ? 1 : 0;
        noTable += status == Status::NoTable ? 1 : 0;
        interrupted += status == Status::Interrupted ? 1 : 0;
        if (status != Status::Checked) {
            const std::string count = status == Status::NoTable ? std::to_string(r.count("error")) : kNone;
            const std::string warnings =
                status == Status::NoTable ? std::to_string(r.count("warning")) : kNone;
            rows.push_back({printableName(r.file), kNone, kNone, count, warnings, statusText(r)});
            continue;
        }
        const Score score = scoreOf(r);
        withErrors += r.count("error") > 0 ? 1 : 0;
        rows.push_back({printableName(r.file), score.total.value_or(kNone),
                        score.grade.empty() ? kNone : score.grade, std::to_string(r.count("error")),
                        std::to_string(r.count("warning")), statusText(r)});
    }
    std::size_t w[5] = {};
    for (const auto& row : rows) {
        w[0] = std::max(w[0], displayWidth(row.file));
        w[1] = std::max(w[1], displayWidth(row.total));
        w[2] = std::max(w[2], displayWidth(row.grade));
        w[3] = std::max(w[3], displayWidth(row.errors));
        w[4] = std::max(w[4], displayWidth(row.warnings));
    }
    std::ostringstream out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& row = rows[i];
        const bool header = i == 0;
        out << pad(row.file, w[0]) << "  " << pad(row.total, w[1], !header) << "  " << pad(row.grade, w[2])
            << "  " << pad(row.errors, w[3], !header) << "  " << pad(row.warnings, w[4], !header) << "  "
            << row.note << '\n';
        if (header)
            out << std::string(w[0] + w[1] + w[2] + w[3] + w[4] + 10 + displayWidth(row.note), '-') << '\n';
    }
    out << format(Msg::SummaryLine, std::to_string(results.size()), std::to_string(withErrors),
                  std::to_string(failed), std::to_string(noTable))
        << '\n';
    if (interrupted > 0)
        out << format(Msg::InterruptedLine, std::to_string(interrupted)) << '\n';
    out << annotatedLines(results);
    return out.str();
}

// A text cell of the CSV summary. One that begins with = + - @ TAB or CR is a formula to Calc, Excel and WPS
// (a file named "=HYPERLINK(…).docx"): it gets a leading apostrophe, as OWASP advises for CSV injection, and
// the spreadsheet shows it as text.
std::string csvField(const std::string& raw) {
    const bool formula =
        !raw.empty() && std::string_view("=+-@\t\r").find(raw.front()) != std::string_view::npos;
    std::string s = formula ? "'" + raw : raw;
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::string summaryJson(const std::vector<ReportRow>& rows, int exitCode) {
    return rowsToJson(rows, exitCode).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string summaryCsv(const std::vector<ReportRow>& rows) {
    std::ostringstream out;
    out << "file,status,total,grade,errors,warnings,reason,unit,project,year,budget,actual,executionRate\r\n";
    for (const auto& row : rows) {
        const Score& score = row.score;
        out << csvField(row.file) << ',' << row.status << ',' << score.total.value_or("") << ','
            << csvField(score.grade) << ',' << (row.counted ? std::to_string(row.errors) : "") << ','
            << (row.counted ? std::to_string(row.warnings) : "") << ','
            << csvField(row.status == "failed" ? row.reason : row.scorecardProblem) << ','
            << csvField(score.unit) << ',' << csvField(score.project) << ','
            << (score.year ? std::to_string(*score.year) : "") << ',' << score.budget.value_or("") << ','
            << score.actual.value_or("") << ',' << score.executionRate.value_or("") << "\r\n";
    }
    return out.str();
}

std::string formatSummary(const std::vector<FileResult>& results, Format format) {
    return formatSummary(results, format, exitCodeFor(results));
}

std::string formatSummary(const std::vector<FileResult>& results, Format format, int exitCode) {
    switch (format) {
    case Format::Json:
    case Format::Xlsx: // the office writes the workbook (cli/workbook_writer.hpp); as text, the JSON
    case Format::Ods:
        return summaryJson(rowsOf(results), exitCode);
    case Format::Csv:
        return summaryCsv(rowsOf(results));
    case Format::Text:
        break;
    }
    return formatText(results);
}

} // namespace jixiao::cli
