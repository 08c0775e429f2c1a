#include "cli/summary_workbook.hpp"

#include "cli/messages.hpp"
#include "core/model/scorecard.hpp"
#include "core/text/decimal.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace jixiao::cli {
namespace {

WorkbookCell textCell(std::string text) {
    WorkbookCell cell;
    cell.text = std::move(text);
    return cell;
}

// A number cell from the summary's decimal text; an empty cell when there is none (or it does not parse).
WorkbookCell numberCell(const std::optional<std::string>& decimal, NumberStyle style) {
    WorkbookCell cell;
    cell.style = style;
    if (!decimal || !Decimal::parse(*decimal))
        return cell;
    if (style == NumberStyle::Percent) { // 99.5 (%) as the fraction 0.995, exactly
        const auto fraction = Decimal::divide(*Decimal::parse(*decimal), Decimal(100));
        if (fraction)
            cell.number = fraction->toString(Decimal::kScaleDigits);
        return cell;
    }
    cell.number = *decimal;
    return cell;
}

WorkbookCell countCell(long long count) {
    return numberCell(std::to_string(count), NumberStyle::Count);
}

// The header word of a column, in both languages ("单位 / unit").
WorkbookCell header(Msg id) {
    return textCell(std::string(text(id)));
}

// Sheet names may not hold '/' (nor []*?:\): "报告 Reports".
std::string sheetName(Msg id) {
    const std::string name(text(id));
    const auto slash = name.find(" / ");
    return slash == std::string::npos ? name : name.substr(0, slash) + " " + name.substr(slash + 3);
}

std::string statusText(const ReportRow& row) {
    if (row.status == "interrupted")
        return std::string(text(Msg::StatusInterrupted));
    if (row.status == "failed")
        return std::string(text(Msg::StatusFailed)) + ": " + row.reason;
    if (row.status == "no-table")
        return std::string(text(Msg::StatusNoTable));
    return row.scorecardProblem.empty() ? std::string(text(Msg::StatusOk))
                                        : format(Msg::NoScorecard, row.scorecardProblem);
}

std::string linkTarget(const std::string& file, const std::string& workingFolder) {
    const std::filesystem::path path(file);
    return (path.is_absolute() ? path : std::filesystem::path(workingFolder) / path)
        .lexically_normal()
        .string();
}

WorkbookSheet reportSheet(const std::vector<ReportRow>& rows, const std::string& workingFolder) {
    WorkbookSheet sheet;
    sheet.name = sheetName(Msg::SheetReports);
    sheet.frozenHeader = true;
    sheet.autoFilter = true;
    sheet.rows.push_back({header(Msg::HeaderFile), header(Msg::HeaderUnit), header(Msg::HeaderProject),
                          header(Msg::HeaderYear), header(Msg::HeaderTotal), header(Msg::HeaderGrade),
                          header(Msg::HeaderExecutionRate), header(Msg::HeaderBudget),
                          header(Msg::HeaderActual), header(Msg::HeaderErrors), header(Msg::HeaderWarnings),
                          header(Msg::HeaderStatus)});
    for (const auto& row : rows) {
        const Score& score = row.score;
        WorkbookCell file = textCell(row.file);
        // The reviewer opens the annotated copy when there is one: it shows the findings at their places.
        file.link = linkTarget(row.annotatedCopy.empty() ? row.file : row.annotatedCopy, workingFolder);
        const auto year = score.year ? std::optional<std::string>(std::to_string(*score.year)) : std::nullopt;
        sheet.rows.push_back(
            {file, textCell(score.unit), textCell(score.project), numberCell(year, NumberStyle::Year),
             numberCell(score.total, NumberStyle::Score), textCell(score.grade),
             numberCell(score.executionRate, NumberStyle::Percent),
             numberCell(score.budget, NumberStyle::Money), numberCell(score.actual, NumberStyle::Money),
             row.counted ? countCell(row.errors) : WorkbookCell{},
             row.counted ? countCell(row.warnings) : WorkbookCell{}, textCell(statusText(row))});
    }
    return sheet;
}

WorkbookSheet findingSheet(const std::vector<ReportRow>& rows) {
    WorkbookSheet sheet;
    sheet.name = sheetName(Msg::SheetFindings);
    sheet.frozenHeader = true;
    sheet.autoFilter = true;
    sheet.rows.push_back({header(Msg::HeaderFile), header(Msg::HeaderRule), header(Msg::HeaderSeverity),
                          header(Msg::HeaderPlace), header(Msg::HeaderMessage)});
    for (const auto& row : rows)
        for (const auto& finding : row.findings)
            sheet.rows.push_back({textCell(row.file), textCell(finding.ruleId), textCell(finding.severity),
                                  textCell(finding.location), textCell(finding.message)});
    return sheet;
}

// Grades in the order of the default bands (优秀, 良好, 中, 差), then any other label a template's bands use,
// alphabetically; only grades some report has.
std::vector<std::pair<std::string, long long>> gradeCounts(const std::vector<ReportRow>& rows) {
    std::map<std::string, long long> counts;
    for (const auto& row : rows)
        if (!row.score.grade.empty())
            ++counts[row.score.grade];
    std::vector<std::pair<std::string, long long>> ordered;
    for (const auto& band : defaultGradeBands())
        if (const auto found = counts.find(band.label); found != counts.end()) {
            ordered.emplace_back(*found);
            counts.erase(found);
        }
    ordered.insert(ordered.end(), counts.begin(), counts.end());
    return ordered;
}

// Most frequent rule first; ties by rule id.
std::vector<std::pair<std::string, long long>> ruleCounts(const std::vector<ReportRow>& rows) {
    std::map<std::string, long long> counts;
    for (const auto& row : rows)
        for (const auto& finding : row.findings)
            ++counts[finding.ruleId];
    std::vector<std::pair<std::string, long long>> ordered(counts.begin(), counts.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return ordered;
}

} // namespace

SummaryWorkbook summaryWorkbook(const std::vector<ReportRow>& rows, const std::string& workingFolder) {
    SummaryWorkbook book;
    book.sheets.push_back(reportSheet(rows, workingFolder));
    book.sheets.push_back(findingSheet(rows));

    // Sheet 3: grades in A:B, rules in D:E, each with its header row.
    WorkbookSheet counts;
    counts.name = sheetName(Msg::SheetCounts);
    const auto grades = gradeCounts(rows);
    const auto rules = ruleCounts(rows);
    const std::size_t height = std::max(grades.size(), rules.size()) + 1;
    counts.rows.assign(height, std::vector<WorkbookCell>(5));
    counts.rows[0][0] = header(Msg::HeaderGrade);
    counts.rows[0][1] = header(Msg::HeaderCount);
    counts.rows[0][3] = header(Msg::HeaderRule);
    counts.rows[0][4] = header(Msg::HeaderCount);
    for (std::size_t i = 0; i < grades.size(); ++i) {
        counts.rows[i + 1][0] = textCell(grades[i].first);
        counts.rows[i + 1][1] = countCell(grades[i].second);
    }
    for (std::size_t i = 0; i < rules.size(); ++i) {
        counts.rows[i + 1][3] = textCell(rules[i].first);
        counts.rows[i + 1][4] = countCell(rules[i].second);
    }
    book.sheets.push_back(std::move(counts));
    // A chart with no data rows would be an empty frame: each chart gets at least its header and one row.
    book.charts.push_back({"grades", std::string(text(Msg::ChartGrades)), 2, 0, 1, 0,
                           static_cast<int>(std::max<std::size_t>(grades.size(), 1))});
    book.charts.push_back({"rules", std::string(text(Msg::ChartRules)), 2, 3, 4, 0,
                           static_cast<int>(std::max<std::size_t>(rules.size(), 1))});
    return book;
}

} // namespace jixiao::cli
