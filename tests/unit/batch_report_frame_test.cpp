// The frame of the report `jixiao-batch build` writes: its title by the core's title rule, its headings
// from batch.json, and where the office writes the sections and the table.
#include "cli/report_frame.hpp"

#include "core/read/report_title.hpp"

#include <gtest/gtest.h>

using jixiao::Metadata;
using jixiao::cli::reportFrame;
using jixiao::cli::ReportSubject;

namespace {

Metadata meta(std::string unit, std::optional<int> year, std::string project) {
    Metadata m;
    m.unit = std::move(unit);
    m.year = year;
    m.project = std::move(project);
    return m;
}

} // namespace

TEST(BatchReportFrame, TitleIsUnitYearProjectAndTheReportWords) {
    const auto frame = reportFrame(meta("富民县信访局", 2025, "热线办理工作经费"));
    EXPECT_EQ(frame.paragraphs.front(), "富民县信访局2025年度热线办理工作经费支出绩效评价报告");
}

// A project entered as "…经费支出" says 支出 once, as the office's own titles and captions do.
TEST(BatchReportFrame, AProjectEndingInSpendingSaysItOnce) {
    const std::string title =
        reportFrame(meta("富民县信访局", 2025, "热线办理工作经费支出")).paragraphs.front();
    EXPECT_EQ(title, "富民县信访局2025年度热线办理工作经费支出绩效评价报告");
    EXPECT_EQ(title.find("支出支出"), std::string::npos);
    // The title reads back as the metadata it was made from.
    const auto read = jixiao::parseReportTitle(title);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->unit, "富民县信访局");
    EXPECT_EQ(read->year, 2025);
    EXPECT_EQ(read->project, "热线办理工作经费");
}

// Without all of 单位, 年度 and 项目 the title is the generic one, never "2025年度支出绩效评价报告".
TEST(BatchReportFrame, IncompleteMetadataGivesTheGenericTitle) {
    EXPECT_EQ(reportFrame(meta("", 2025, "热线办理工作经费")).paragraphs.front(), "绩效评价报告");
    EXPECT_EQ(reportFrame(meta("富民县信访局", std::nullopt, "热线办理工作经费")).paragraphs.front(),
              "绩效评价报告");
    EXPECT_EQ(reportFrame(meta("富民县信访局", 2025, "")).paragraphs.front(), "绩效评价报告");
    EXPECT_EQ(reportFrame(Metadata{}).paragraphs.front(), "绩效评价报告");
}

// A department's whole spending (部门整体支出) is titled as the office's department report is, without a
// project; 单位 and 年度 are still needed.
TEST(BatchReportFrame, ADepartmentsWholeSpendingNeedsNoProject) {
    const auto department = [](const Metadata& m, std::string_view lang = "zh-CN") {
        return reportFrame(m, lang, ReportSubject::WholeDepartment).paragraphs.front();
    };
    EXPECT_EQ(department(meta("富民县财政局", 2025, "")), "富民县财政局2025年度部门整体支出绩效评价报告");
    EXPECT_EQ(department(meta("Fumin Finance Bureau", 2025, ""), "en"),
              "Performance evaluation report on the overall expenditure of Fumin Finance Bureau, 2025");
    EXPECT_EQ(department(meta("", 2025, "")), "绩效评价报告");
    EXPECT_EQ(department(meta("富民县财政局", std::nullopt, "")), "绩效评价报告");
}

TEST(BatchReportFrame, HeadingsWithAnEmptyParagraphUnderEachForTheOffice) {
    const auto frame = reportFrame(meta("富民县信访局", 2025, "热线办理工作经费"));
    ASSERT_EQ(frame.paragraphs.size(), 6u);
    EXPECT_EQ(frame.paragraphs[1], "一、评价结论");
    EXPECT_EQ(frame.paragraphs[3], "二、成本效益分析");
    for (const std::size_t at : {frame.conclusion, frame.costBenefit}) {
        ASSERT_LT(at, frame.paragraphs.size());
        EXPECT_EQ(frame.paragraphs[at], "") << at;
    }
    EXPECT_EQ(frame.conclusion, 2u);
    EXPECT_EQ(frame.costBenefit, 4u);
}

// The annex line is its number alone, for the table's own caption: no generic name of the batch's beside
// the caption, which the sections would quote instead of it (the first line of the caption run).
TEST(BatchReportFrame, TheAnnexNumberWaitsForTheTablesCaption) {
    const auto frame = reportFrame(meta("富民县信访局", 2025, "热线办理工作经费"));
    ASSERT_EQ(frame.scoreTable, 5u);
    EXPECT_EQ(frame.paragraphs[frame.scoreTable], "附表1：");
    EXPECT_EQ(reportFrame(meta("富民县信访局", 2025, "热线办理工作经费"), "en").paragraphs[frame.scoreTable],
              "Annex 1: ");
}

TEST(BatchReportFrame, EnglishFromTheSameCatalog) {
    const auto frame = reportFrame(meta("Fumin Letters Bureau", 2025, "hotline fund"), "en");
    EXPECT_EQ(frame.paragraphs.front(),
              "Performance evaluation report on hotline fund expenditure of Fumin Letters Bureau, 2025");
    EXPECT_EQ(frame.paragraphs[1], "1. Evaluation conclusion");
}
