#include "cli/summary_rows.hpp"

#include <algorithm>
#include <cmath>

namespace jixiao::cli {

using Json = nlohmann::ordered_json;

namespace {

const char* statusId(Status status) {
    switch (status) {
    case Status::Checked:
        return "checked";
    case Status::NoTable:
        return "no-table";
    case Status::Failed:
        return "failed";
    case Status::Interrupted:
        return "interrupted";
    }
    return "failed";
}

Json orNull(const std::optional<std::string>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json orNull(const std::string& value) {
    return value.empty() ? Json(nullptr) : Json(value);
}

} // namespace

ReportRow rowOf(const FileResult& result) {
    ReportRow row;
    const Status status = result.status();
    row.file = printableName(result.file);
    row.status = statusId(status);
    if (status == Status::Failed)
        row.reason = result.failure;
    if (status == Status::Checked)
        row.score = scoreOf(result);
    row.counted = status == Status::Checked || status == Status::NoTable;
    row.errors = result.count("error");
    row.warnings = result.count("warning");
    row.scorecardProblem = result.scorecardProblem;
    row.findings = result.findings;
    if (!result.annotatedCopy.empty())
        row.annotatedCopy = printableName(result.annotatedCopy);
    row.commentsAdded = result.commentsAdded;
    row.annotatedFrom = result.annotatedFrom;
    row.annotateProblem = result.annotateProblem;
    row.seconds = static_cast<double>(std::lround(result.seconds * 100)) / 100; // a timing, not money
    return row;
}

std::vector<ReportRow> rowsOf(const std::vector<FileResult>& results) {
    std::vector<ReportRow> rows;
    rows.reserve(results.size());
    for (const auto& result : results)
        rows.push_back(rowOf(result));
    return rows;
}

int exitCodeFor(const std::vector<ReportRow>& rows) {
    int code = 0;
    for (const auto& row : rows) {
        if (row.status == "interrupted")
            return 130;
        if (row.status == "failed" || row.status == "no-table")
            code = std::max(code, 2);
        else
            code = std::max(code, row.errors > 0 ? 1 : 0);
    }
    return code;
}

Json rowsToJson(const std::vector<ReportRow>& rows, int exitCode) {
    Json files = Json::array();
    for (const auto& row : rows) {
        Json file;
        file["file"] = row.file;
        file["status"] = row.status;
        if (row.status == "failed") {
            file["reason"] = row.reason;
        } else if (row.status != "interrupted") {
            const Score& score = row.score;
            file["total"] = orNull(score.total);
            file["grade"] = orNull(score.grade);
            file["unit"] = orNull(score.unit);
            file["project"] = orNull(score.project);
            file["year"] = score.year ? Json(*score.year) : Json(nullptr);
            file["budget"] = orNull(score.budget);
            file["actual"] = orNull(score.actual);
            file["executionRate"] = orNull(score.executionRate);
            file["errors"] = row.errors;
            file["warnings"] = row.warnings;
            if (!row.scorecardProblem.empty())
                file["scorecardProblem"] = row.scorecardProblem;
            Json findings = Json::array();
            for (const auto& f : row.findings)
                findings.push_back({{"ruleId", f.ruleId},
                                    {"severity", f.severity},
                                    {"location", f.location},
                                    {"message", f.message}});
            file["findings"] = std::move(findings);
            if (!row.annotatedCopy.empty()) {
                file["annotatedCopy"] = row.annotatedCopy;
                file["commentsAdded"] = row.commentsAdded;
                if (!row.annotatedFrom.empty())
                    file["convertedFrom"] = row.annotatedFrom;
            }
            if (!row.annotateProblem.empty())
                file["annotateProblem"] = row.annotateProblem;
        }
        file["seconds"] = row.seconds;
        files.push_back(std::move(file));
    }
    Json doc;
    doc["files"] = std::move(files);
    doc["exitCode"] = exitCode;
    return doc;
}

namespace {

// Reads one field of a summary's file entry, naming its JSON path when it is not what rowsToJson writes.
class Reader {
public:
    Reader(const nlohmann::json& value, std::string path) : value_(value), path_(std::move(path)) {
        if (!value_.is_object())
            fail("", "not an object");
    }
    std::string text(const char* key, bool required = false) const {
        if (!value_.contains(key) || value_[key].is_null()) {
            if (required)
                fail(key, "missing");
            return {};
        }
        if (!value_[key].is_string())
            fail(key, "not a string");
        return value_[key].get<std::string>();
    }
    std::optional<std::string> optionalText(const char* key) const {
        const std::string value = text(key);
        return value.empty() ? std::nullopt : std::optional<std::string>(value);
    }
    std::optional<long long> integer(const char* key) const {
        if (!value_.contains(key) || value_[key].is_null())
            return std::nullopt;
        if (!value_[key].is_number_integer())
            fail(key, "not an integer");
        return value_[key].get<long long>();
    }
    double number(const char* key) const {
        if (!value_.contains(key) || value_[key].is_null())
            return 0;
        if (!value_[key].is_number())
            fail(key, "not a number");
        return value_[key].get<double>();
    }
    const nlohmann::json& at(const char* key) const { return value_[key]; }
    bool has(const char* key) const { return value_.contains(key) && !value_[key].is_null(); }
    [[noreturn]] void fail(const std::string& key, const std::string& why) const {
        throw BadSummary(path_ + (key.empty() ? "" : "." + key) + ": " + why);
    }

private:
    const nlohmann::json& value_;
    std::string path_;
};

int count(const Reader& reader, const char* key) {
    const auto value = reader.integer(key).value_or(0);
    if (value < 0 || value > 1000000000)
        reader.fail(key, "out of range");
    return static_cast<int>(value);
}

} // namespace

std::vector<ReportRow> rowsFromJson(const std::string& text) {
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded())
        throw BadSummary("$: not JSON");
    const Reader top(doc, "$");
    if (!top.has("files") || !top.at("files").is_array())
        top.fail("files", "missing");
    std::vector<ReportRow> rows;
    const auto& files = top.at("files");
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Reader file(files[i], "$.files[" + std::to_string(i) + "]");
        ReportRow row;
        row.file = file.text("file", true);
        row.status = file.text("status", true);
        if (row.status != "checked" && row.status != "no-table" && row.status != "failed" &&
            row.status != "interrupted")
            file.fail("status", "unknown status " + row.status);
        row.reason = file.text("reason");
        row.counted = row.status == "checked" || row.status == "no-table";
        if (row.status == "checked") {
            Score& score = row.score;
            score.total = file.optionalText("total");
            score.grade = file.text("grade");
            score.unit = file.text("unit");
            score.project = file.text("project");
            if (const auto year = file.integer("year"))
                score.year = static_cast<int>(std::clamp<long long>(*year, -99999, 99999));
            score.budget = file.optionalText("budget");
            score.actual = file.optionalText("actual");
            score.executionRate = file.optionalText("executionRate");
        }
        row.errors = count(file, "errors");
        row.warnings = count(file, "warnings");
        row.scorecardProblem = file.text("scorecardProblem");
        if (file.has("findings")) {
            if (!file.at("findings").is_array())
                file.fail("findings", "not an array");
            const auto& findings = file.at("findings");
            for (std::size_t k = 0; k < findings.size(); ++k) {
                const Reader f(findings[k],
                               "$.files[" + std::to_string(i) + "].findings[" + std::to_string(k) + "]");
                row.findings.push_back(
                    {f.text("ruleId", true), f.text("severity"), f.text("location"), f.text("message")});
            }
        }
        row.annotatedCopy = file.text("annotatedCopy");
        row.commentsAdded = count(file, "commentsAdded");
        row.annotatedFrom = file.text("convertedFrom");
        row.annotateProblem = file.text("annotateProblem");
        row.seconds = file.number("seconds");
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace jixiao::cli
