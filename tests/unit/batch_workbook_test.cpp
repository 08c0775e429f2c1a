// The summary's rows (src/cli/summary_rows.cpp) as `merge` reads them back, and the summary workbook's
// content (src/cli/summary_workbook.cpp): what the office then writes, decided here without one.
#include "cli/options.hpp"
#include "cli/summary_rows.hpp"
#include "cli/summary_workbook.hpp"

#include "core/read/scorecard_json.hpp"
#include "sample_scorecard.hpp"

#include <gtest/gtest.h>

using namespace jixiao::cli;

namespace {

FileResult sampleResult(const std::string& file) {
    jixiao::Scorecard card = jixiao::testing::sampleCard();
    card.meta.unit = "富民县信访局";
    card.meta.project = "热线办理工作经费";
    card.meta.year = 2025;
    card.funding = jixiao::testing::sampleFunding();
    FileResult r;
    r.file = file;
    r.scorecardJson = jixiao::scorecardToJson(card);
    r.findings.push_back({"funding.items-sum", "warning", "表格2.B5", "明细之和与实际支出不符"});
    r.findings.push_back({"score.over-weight", "error", "表格1.G3", "得分超过分值"});
    r.seconds = 1.234;
    return r;
}

std::vector<FileResult> run() {
    FileResult failed;
    failed.file = "corrupt.docx";
    failed.failure = "LibreOffice 无法打开此文件";
    FileResult empty;
    empty.file = "empty.docx";
    empty.findings.push_back({"table.missing", "info", "", ""});
    return {sampleResult("a/report.docx"), failed, empty, sampleResult("/abs/sheet.xlsx")};
}

} // namespace

TEST(BatchRows, FundingFiguresAreTheDecks) {
    const ReportRow row = rowOf(sampleResult("report.docx"));
    EXPECT_EQ(row.score.total, "97");
    EXPECT_EQ(row.score.grade, "优秀");
    EXPECT_EQ(row.score.unit, "富民县信访局");
    EXPECT_EQ(row.score.year, 2025);
    EXPECT_EQ(row.score.budget, "2");
    EXPECT_EQ(row.score.actual, "1.99");
    EXPECT_EQ(row.score.executionRate, "99.5");
}

// A table the office could not read whole: the deck shows "not read whole" instead of a total, so does the
// batch — whatever the cells it did read add up to.
TEST(BatchRows, NoTotalForATableNotReadWhole) {
    FileResult r = sampleResult("report.docx");
    r.findings.push_back({"table.partial", "error", "表格1", "打分表未能完整读取"});
    const ReportRow row = rowOf(r);
    EXPECT_FALSE(row.score.total);
    EXPECT_EQ(row.score.grade, "");
}

// merge reads what --format json wrote and writes it again byte for byte.
TEST(BatchRows, TheJsonSummaryReadsBackAsItWasWritten) {
    const std::string once = summaryJson(rowsOf(run()), 2);
    const auto rows = rowsFromJson(once);
    ASSERT_EQ(rows.size(), 4U);
    EXPECT_EQ(summaryJson(rows, exitCodeFor(rows)), once);
    EXPECT_EQ(summaryCsv(rows), summaryCsv(rowsOf(run())));
    EXPECT_EQ(exitCodeFor(rows), 2);
}

TEST(BatchRows, ANonSummaryIsRefusedWithWhere) {
    EXPECT_THROW(rowsFromJson("not json"), BadSummary);
    EXPECT_THROW(rowsFromJson(R"({"exitCode": 0})"), BadSummary);
    try {
        rowsFromJson(R"({"files": [{"file": "a.docx", "status": "checked", "errors": "many"}]})");
        FAIL();
    } catch (const BadSummary& e) {
        EXPECT_EQ(std::string(e.what()), "$.files[0].errors: not an integer");
    }
    EXPECT_THROW(rowsFromJson(R"({"files": [{"file": "a.docx", "status": "lost"}]})"), BadSummary);
}

TEST(SummaryWorkbook, ReportsSheetHasNumbersAsNumbersAndLinks) {
    const SummaryWorkbook book = summaryWorkbook(rowsOf(run()), "/work/reviews");
    ASSERT_EQ(book.sheets.size(), 3U);
    const WorkbookSheet& reports = book.sheets[0];
    EXPECT_TRUE(reports.frozenHeader);
    EXPECT_TRUE(reports.autoFilter);
    EXPECT_EQ(reports.name.find('/'), std::string::npos);
    ASSERT_EQ(reports.rows.size(), 5U);
    ASSERT_EQ(reports.rows[0].size(), 12U);
    const auto& first = reports.rows[1];
    EXPECT_EQ(first[0].text, "a/report.docx");
    EXPECT_EQ(first[0].link, "/work/reviews/a/report.docx");
    EXPECT_EQ(reports.rows[4][0].link, "/abs/sheet.xlsx");
    EXPECT_EQ(first[1].text, "富民县信访局");
    EXPECT_EQ(first[3].number, "2025");
    EXPECT_EQ(first[3].style, NumberStyle::Year);
    EXPECT_EQ(first[4].number, "97");
    EXPECT_EQ(first[4].style, NumberStyle::Score);
    EXPECT_EQ(first[5].text, "优秀");
    EXPECT_EQ(first[6].style, NumberStyle::Percent);
    EXPECT_EQ(first[6].number, "0.995");
    EXPECT_EQ(first[7].number, "2");
    EXPECT_EQ(first[7].style, NumberStyle::Money);
    EXPECT_EQ(first[8].number, "1.99");
    EXPECT_EQ(first[9].number, "1");
    EXPECT_EQ(first[10].number, "1");
    // The failed file: no figures at all, its reason in the status.
    const auto& failed = reports.rows[2];
    EXPECT_FALSE(failed[4].number);
    EXPECT_FALSE(failed[9].number);
    EXPECT_NE(failed[11].text.find("LibreOffice 无法打开此文件"), std::string::npos);
}

TEST(SummaryWorkbook, FindingsAndCountsWithTheirCharts) {
    const SummaryWorkbook book = summaryWorkbook(rowsOf(run()), "/w");
    const WorkbookSheet& findings = book.sheets[1];
    ASSERT_EQ(findings.rows.size(), 1U + 2 + 1 + 2); // header, two reports' two each, table.missing
    EXPECT_EQ(findings.rows[1][0].text, "a/report.docx");
    EXPECT_EQ(findings.rows[1][1].text, "funding.items-sum");
    EXPECT_EQ(findings.rows[1][3].text, "表格2.B5");

    const WorkbookSheet& counts = book.sheets[2];
    EXPECT_EQ(counts.rows[1][0].text, "优秀");
    EXPECT_EQ(counts.rows[1][1].number, "2");
    EXPECT_EQ(counts.rows[2][0].text, ""); // one grade only
    // Rules, most frequent first, ties by id.
    EXPECT_EQ(counts.rows[1][3].text, "funding.items-sum");
    EXPECT_EQ(counts.rows[1][4].number, "2");
    EXPECT_EQ(counts.rows[2][3].text, "score.over-weight");
    EXPECT_EQ(counts.rows[3][3].text, "table.missing");
    EXPECT_EQ(counts.rows[3][4].number, "1");
    ASSERT_EQ(book.charts.size(), 2U);
    EXPECT_EQ(book.charts[0].sheet, 2U);
    EXPECT_EQ(book.charts[0].lastRow, 1);
    EXPECT_EQ(book.charts[1].labelColumn, 3);
    EXPECT_EQ(book.charts[1].lastRow, 3);
}

TEST(BatchOptions, WorkbookFormatsAndMerge) {
    EXPECT_EQ(parseCommandLine({"--format", "xlsx", "--output", "s.xlsx", "a.docx"}).check->format,
              Format::Xlsx);
    EXPECT_EQ(parseCommandLine({"--format=ods", "-o", "s.ods", "a.docx"}).check->format, Format::Ods);
    EXPECT_THROW(parseCommandLine({"--format", "xlsx", "a.docx"}), UsageError); // no bytes on a terminal
    const Command merge = parseCommandLine({"merge", "p1.json", "--format", "csv", "p2.json"});
    ASSERT_TRUE(merge.merge);
    EXPECT_EQ(merge.merge->parts, (std::vector<std::string>{"p1.json", "p2.json"}));
    EXPECT_EQ(merge.merge->format, Format::Csv);
    EXPECT_THROW(parseCommandLine({"merge", "p1.json", "--jobs", "2"}), UsageError);
    EXPECT_THROW(parseCommandLine({"merge", "--format", "xlsx", "p1.json"}), UsageError);
    EXPECT_THROW(parseCommandLine({"merge", "--format", "json"}), UsageError);
    EXPECT_THROW(parseCommandLine({"merge", "--format", "text", "p1.json"}), UsageError);
}
