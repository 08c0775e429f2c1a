// jixiao-batch's summary (src/cli/report_summary.cpp): statuses, exit codes and printable file names. Pure
// C++; the end-to-end behaviour is in tests/uno/test_batch*.py.
#include "cli/report_summary.hpp"

#include "core/derive/report_summary.hpp"
#include "core/read/scorecard_json.hpp"
#include "sample_scorecard.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace jixiao::cli;

namespace {

FileResult withFinding(const std::string& file, const std::string& ruleId, const std::string& severity) {
    FileResult r;
    r.file = file;
    r.findings.push_back({ruleId, severity, "", ""});
    return r;
}

TEST(BatchSummary, PrintableNameEscapesControlCharactersAndBytesThatAreNotUtf8) {
    EXPECT_EQ(printableName("报告/2024 年.docx"), "报告/2024 年.docx");
    EXPECT_EQ(printableName("a\nb\tc\rd.docx"), "a\\nb\\tc\\rd.docx");
    EXPECT_EQ(printableName("x\x1b[2Jy\x7f"), "x\\x1B[2Jy\\x7F");
    EXPECT_EQ(printableName("back\\slash"), "back\\\\slash");
    // 绩效 in GBK: BC A8 D0 A7 — D0 A7 happens to be UTF-8 (Ч) and stays; the rest is escaped.
    EXPECT_EQ(printableName("\xBC\xA8\xD0\xA7.docx"), "\\xBC\\xA8\xD0\xA7.docx");
    EXPECT_EQ(printableName("\xC0\xAF"), "\\xC0\\xAF");          // overlong '/'
    EXPECT_EQ(printableName("\xED\xA0\x80"), "\\xED\\xA0\\x80"); // a surrogate
    EXPECT_EQ(printableName("\xC2\x85"), "\\xC2\\x85");          // C1 control NEL
    EXPECT_EQ(printableName("\xE7\xBB"), "\\xE7\\xBB");          // cut short
}

TEST(BatchSummary, BidiAndLineSeparatorsAreEscapedLikeControlCharacters) {
    // "report<U+202E>xcod.exe" would show as "reportexe.docx"; U+2028 would break the row in an editor.
    EXPECT_EQ(printableName("report\u202Excod.exe"), "report\\u202Excod.exe");
    EXPECT_EQ(printableName("a\u2028b\u2029c"), "a\\u2028b\\u2029c");
    EXPECT_EQ(printableName("\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069"),
              "\\u202A\\u202B\\u202C\\u202D\\u2066\\u2067\\u2068\\u2069");
    EXPECT_EQ(printableName("\u2027\u202F\u2065\u206A"), "\u2027\u202F\u2065\u206A"); // the neighbours stay
}

TEST(BatchSummary, CsvCellsThatASpreadsheetWouldRunAreText) {
    std::vector<FileResult> results;
    for (const char* name :
         {"=1+1.docx", "+a.docx", "-a.docx", "@SUM(A1).docx", "=HYPERLINK(\"x\",\"y\").docx", "plain.docx"}) {
        FileResult r;
        r.file = name;
        r.failure = "no";
        results.push_back(r);
    }
    const std::string csv = formatSummary(results, Format::Csv);
    EXPECT_NE(csv.find("\r\n'=1+1.docx,failed"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n'+a.docx,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n'-a.docx,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n'@SUM(A1).docx,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n\"'=HYPERLINK(\"\"x\"\",\"\"y\"\").docx\","), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\nplain.docx,"), std::string::npos) << csv;
}

TEST(BatchSummary, TheJsonExitCodeIsTheOneGiven) {
    FileResult r;
    r.file = "a.docx";
    r.failure = "no";
    EXPECT_NE(formatSummary({r}, Format::Json).find("\"exitCode\": 2"), std::string::npos);
    EXPECT_NE(formatSummary({r}, Format::Json, 143).find("\"exitCode\": 143"), std::string::npos);
}

TEST(BatchSummary, AFileWithoutAScoringTableIsItsOwnStatusAndFailsTheRun) {
    const FileResult noTable = withFinding("empty.docx", "table.missing", "info");
    EXPECT_EQ(noTable.status(), Status::NoTable);
    EXPECT_EQ(exitCodeFor({noTable}), 2);
    FileResult nothing;
    nothing.file = "blank.docx";
    EXPECT_EQ(nothing.status(), Status::NoTable);

    const std::string text = formatSummary({noTable}, Format::Text);
    EXPECT_NE(text.find("无打分表 / no scoring table"), std::string::npos) << text;
    EXPECT_NE(text.find("1 with no scoring table"), std::string::npos) << text;
    const std::string csv = formatSummary({noTable}, Format::Csv);
    EXPECT_NE(csv.find("empty.docx,no-table,,,0,0,"), std::string::npos) << csv;
    const std::string json = formatSummary({noTable}, Format::Json);
    EXPECT_NE(json.find("\"status\": \"no-table\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"total\": null"), std::string::npos) << json;
}

TEST(BatchSummary, ExitCodesRankFailuresAboveErrorsAndInterruptionAboveAll) {
    const FileResult errors = withFinding("a.docx", "score.range", "error");
    FileResult failed;
    failed.file = "b.docx";
    failed.failure = "could not open";
    FileResult interrupted;
    interrupted.file = "c.docx";
    interrupted.interrupted = true;
    EXPECT_EQ(errors.status(), Status::NoTable); // no scorecard exported: no table read
    EXPECT_EQ(failed.status(), Status::Failed);
    EXPECT_EQ(interrupted.status(), Status::Interrupted);
    EXPECT_EQ(exitCodeFor({failed}), 2);
    EXPECT_EQ(exitCodeFor({failed, interrupted}), 130);
    const std::string text = formatSummary({failed, interrupted}, Format::Text);
    EXPECT_NE(text.find("interrupted: 1 files not checked"), std::string::npos) << text;
}

TEST(BatchSummary, ANewlineInANameStaysOnItsRow) {
    const FileResult r = withFinding("x.docx\nforged.docx  100  优秀", "table.missing", "info");
    const std::string text = formatSummary({r}, Format::Text);
    EXPECT_EQ(text.find("\nforged.docx"), std::string::npos) << text;
    EXPECT_NE(text.find("x.docx\\nforged.docx"), std::string::npos) << text;
    EXPECT_EQ(resultLine(r).find('\n'), std::string::npos);
}

// The batch prints what the deck shows (core/derive/report_summary.hpp): with a score missing, no total and
// no grade, never the typed 合计 graded in its place (issue 24).
TEST(BatchSummary, TheTotalIsTheDecksWithAScoreMissing) {
    jixiao::Scorecard card = jixiao::testing::sampleCard();
    card.totals.score = 97;
    card.totals.grade = "优秀";
    FileResult complete;
    complete.file = "report.docx";
    complete.scorecardJson = jixiao::scorecardToJson(card);
    EXPECT_EQ(scoreOf(complete).total, "97");
    EXPECT_EQ(scoreOf(complete).grade, "优秀");

    card.indicators.front().children.front().children.front().score.reset();
    ASSERT_FALSE(jixiao::summarizeReport(card).total);
    FileResult missing = complete;
    missing.scorecardJson = jixiao::scorecardToJson(card);
    EXPECT_FALSE(scoreOf(missing).total);
    EXPECT_EQ(scoreOf(missing).grade, "");
    EXPECT_EQ(resultLine(missing), "report.docx: — —, 0 个错误，0 个警告 / 0 errors, 0 warnings");
    EXPECT_NE(formatSummary({missing}, Format::Json).find("\"total\": null"), std::string::npos);
}

// An export the core cannot read back leaves the figures empty and the findings counted, and says so on
// stderr — once for the file, however often the summary reads it.
TEST(BatchSummary, AnExportThatCannotBeReadBackIsSaidOnceOnStderr) {
    FileResult r = withFinding("unreadable-export.docx", "score.range", "error");
    r.scorecardJson = "{\"format\": \"jixiao-scorecard\", \"indicators\": 3}";
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(r.status(), Status::Checked);
    EXPECT_FALSE(scoreOf(r).total);
    EXPECT_EQ(r.count("error"), 1);
    const std::string text = formatSummary({r}, Format::Text);
    const std::string said = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(said.find("unreadable-export.docx：导出的打分表无法读回"), std::string::npos) << said;
    EXPECT_NE(said.find("could not be read back"), std::string::npos) << said;
    EXPECT_EQ(std::count(said.begin(), said.end(), '\n'), 1) << said;
}

} // namespace
