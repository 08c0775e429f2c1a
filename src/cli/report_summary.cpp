#include "cli/report_summary.hpp"

#include "cli/messages.hpp"
#include "core/scorecard_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace jixiao::cli {

int FileResult::count(const std::string& severity) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                          [&](const auto& f) { return f.severity == severity; }));
}

Score scoreOf(const FileResult& result) {
    Score score;
    if (result.scorecardJson.empty())
        return score;
    try {
        const Scorecard card = scorecardFromJson(result.scorecardJson, result.file);
        std::optional<Decimal> total = totalScore(card);
        if (!total)
            total = card.totals.score;
        if (total) {
            score.total = total->toString(2);
            score.grade = gradeFor(card.gradeBands, total);
        }
    } catch (const std::exception&) {
        // An export the core cannot read back leaves total and grade empty; the findings still count.
    }
    return score;
}

int exitCodeFor(const std::vector<FileResult>& results) {
    int code = 0;
    for (const auto& r : results)
        code = std::max(code, r.failed() ? 2 : (r.count("error") > 0 ? 1 : 0));
    return code;
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

std::string resultLine(const FileResult& r) {
    if (r.failed())
        return r.file + ": " + std::string(text(Msg::StatusFailed)) + " — " + r.failure;
    const Score score = scoreOf(r);
    std::ostringstream out;
    out << r.file << ": " << score.total.value_or("-") << ' ' << (score.grade.empty() ? "-" : score.grade)
        << ", " << r.count("error") << " errors, " << r.count("warning") << " warnings";
    return out.str();
}

namespace {

std::string pad(const std::string& s, std::size_t width, bool right = false) {
    const std::size_t w = displayWidth(s);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

std::string formatText(const std::vector<FileResult>& results) {
    struct Row {
        std::string file, total, grade, errors, warnings, note;
    };
    std::vector<Row> rows{{std::string(text(Msg::HeaderFile)), std::string(text(Msg::HeaderTotal)),
                           std::string(text(Msg::HeaderGrade)), std::string(text(Msg::HeaderErrors)),
                           std::string(text(Msg::HeaderWarnings)), std::string(text(Msg::HeaderStatus))}};
    int withErrors = 0, failed = 0;
    for (const auto& r : results) {
        const Score score = scoreOf(r);
        failed += r.failed() ? 1 : 0;
        withErrors += r.count("error") > 0 ? 1 : 0;
        if (r.failed())
            rows.push_back(
                {r.file, "-", "-", "-", "-", std::string(text(Msg::StatusFailed)) + ": " + r.failure});
        else
            rows.push_back({r.file, score.total.value_or("-"), score.grade.empty() ? "-" : score.grade,
                            std::to_string(r.count("error")), std::to_string(r.count("warning")),
                            r.scorecardProblem.empty() ? std::string(text(Msg::StatusOk))
                                                       : format(Msg::NoScorecard, r.scorecardProblem)});
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
                  std::to_string(failed))
        << '\n';
    return out.str();
}

std::string formatJson(const std::vector<FileResult>& results) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& r : results) {
        nlohmann::ordered_json file;
        file["file"] = r.file;
        file["status"] = r.failed() ? "failed" : "checked";
        if (r.failed()) {
            file["reason"] = r.failure;
        } else {
            const Score score = scoreOf(r);
            file["total"] =
                score.total ? nlohmann::ordered_json(*score.total) : nlohmann::ordered_json(nullptr);
            file["grade"] =
                score.grade.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(score.grade);
            file["errors"] = r.count("error");
            file["warnings"] = r.count("warning");
            if (!r.scorecardProblem.empty())
                file["scorecardProblem"] = r.scorecardProblem;
            nlohmann::ordered_json findings = nlohmann::ordered_json::array();
            for (const auto& f : r.findings)
                findings.push_back({{"ruleId", f.ruleId},
                                    {"severity", f.severity},
                                    {"location", f.location},
                                    {"message", f.message}});
            file["findings"] = std::move(findings);
        }
        file["seconds"] = static_cast<double>(std::lround(r.seconds * 100)) / 100; // a timing, not money
        files.push_back(std::move(file));
    }
    nlohmann::ordered_json doc;
    doc["files"] = std::move(files);
    doc["exitCode"] = exitCodeFor(results);
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string formatCsv(const std::vector<FileResult>& results) {
    std::ostringstream out;
    out << "file,status,total,grade,errors,warnings,reason\r\n";
    for (const auto& r : results) {
        const Score score = scoreOf(r);
        out << csvField(r.file) << ',' << (r.failed() ? "failed" : "checked") << ','
            << (r.failed() ? "" : score.total.value_or("")) << ',' << csvField(r.failed() ? "" : score.grade)
            << ',' << (r.failed() ? "" : std::to_string(r.count("error"))) << ','
            << (r.failed() ? "" : std::to_string(r.count("warning"))) << ','
            << csvField(r.failed() ? r.failure : r.scorecardProblem) << "\r\n";
    }
    return out.str();
}

} // namespace

std::string formatSummary(const std::vector<FileResult>& results, Format format) {
    switch (format) {
    case Format::Json:
        return formatJson(results);
    case Format::Csv:
        return formatCsv(results);
    case Format::Text:
        break;
    }
    return formatText(results);
}

} // namespace jixiao::cli
