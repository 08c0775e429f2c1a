// The scoring table's caption rule (core/write/score_table_caption.hpp) as the shipped catalog words it,
// and the readers that must still take what it writes for the table's caption.
#include "core/read/report_title.hpp"
#include "core/read/table_caption.hpp"
#include "core/write/score_table_caption.hpp"
#include "ui_catalog.hpp"

#include <gtest/gtest.h>

namespace {

using jixiao::Metadata;

std::string caption(const Metadata& meta, std::string_view kind, std::string_view lang = "zh-CN") {
    return jixiao::testing::uiCatalog().format(lang, jixiao::scoreTableCaption(meta, kind));
}

Metadata details(std::string unit, std::string project, std::optional<int> year) {
    Metadata meta;
    meta.unit = std::move(unit);
    meta.project = std::move(project);
    meta.year = year;
    return meta;
}

} // namespace

TEST(ScoreTableCaption, AProjectsTableNamesItsProjectOnce) {
    EXPECT_EQ(caption(details("富民县信访局", "热线办理工作经费支出", 2025), "project"),
              "富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表");
    EXPECT_EQ(caption(details("富民县信访局", "热线办理工作经费", std::nullopt), "project"),
              "富民县信访局热线办理工作经费支出绩效评价指标体系及打分表");
    // Before the details are known: the fragment a later refresh completes.
    EXPECT_EQ(caption({}, "project"), "支出绩效评价指标体系及打分表");
}

TEST(ScoreTableCaption, ADepartmentsTableNamesTheDepartmentsWholeSpendingAsItsTitleDoes) {
    // No project: never "…年度支出…", the slot the title rule fills with 部门整体.
    EXPECT_EQ(caption(details("富民县信访局", "", 2025), "department"),
              "富民县信访局2025年度部门整体支出绩效评价指标体系及打分表");
    EXPECT_EQ(caption(details("富民县信访局", "", 2025), "department", "en"),
              "富民县信访局2025年度部门整体支出绩效评价指标体系及打分表");
    EXPECT_EQ(caption(details("富民县信访局", "", std::nullopt), "department"),
              "富民县信访局部门整体支出绩效评价指标体系及打分表");
    // A project entered for a department's report is not its subject.
    EXPECT_EQ(caption(details("富民县信访局", "热线办理工作经费", 2025), "department"),
              "富民县信访局2025年度部门整体支出绩效评价指标体系及打分表");
}

// A table captioned once (an import, the batch's report) is never refreshed: the generic name rather than
// a fragment when it cannot name what it evaluates.
TEST(ScoreTableCaption, ACaptionWrittenOnceFallsBackOnTheGenericName) {
    const auto final = [](const Metadata& meta, std::string_view kind) {
        return jixiao::testing::uiCatalog().format("zh-CN", jixiao::finalScoreTableCaption(meta, kind));
    };
    EXPECT_EQ(final({}, "project"), "绩效评价指标体系及打分表");
    EXPECT_EQ(final(details("富民县信访局", "", 2025), "project"), "绩效评价指标体系及打分表");
    EXPECT_EQ(final(details("", "热线办理工作经费", 2025), "project"), "绩效评价指标体系及打分表");
    EXPECT_EQ(final(details("富民县信访局", "", 2025), "department"),
              "富民县信访局2025年度部门整体支出绩效评价指标体系及打分表");
    EXPECT_EQ(final(details("富民县信访局", "热线办理工作经费", 2025), "project"),
              "富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表");
}

TEST(ScoreTableCaption, TheSubjectIsNamedWithTheUnitAndAProjectOrTheDepartment) {
    EXPECT_TRUE(jixiao::captionNamesSubject(details("富民县信访局", "", 2025), "department"));
    EXPECT_FALSE(jixiao::captionNamesSubject(details("富民县信访局", "", 2025), "project"));
    EXPECT_TRUE(jixiao::captionNamesSubject(details("富民县信访局", "经费", std::nullopt), "project"));
    EXPECT_FALSE(jixiao::captionNamesSubject(details("", "经费", 2025), "project"));
    EXPECT_FALSE(jixiao::captionNamesSubject(details("", "", 2025), "department"));
}

TEST(ScoreTableCaption, TheReadersTakeADepartmentsCaptionForTheTablesCaption) {
    const std::string written = caption(details("富民县信访局", "", 2025), "department");
    EXPECT_TRUE(jixiao::isTableCaptionLine(written));
    EXPECT_TRUE(jixiao::isTableCaptionLine("附表1：" + written));
    EXPECT_EQ(jixiao::tableCaptionIn({"三、评价结论", "附表1：" + written, ""}), "附表1：" + written);
    // Its year and unit read back (the year checks and the year roll go by them).
    const auto read = jixiao::parseReportTitle(written);
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->year, 2025);
    EXPECT_EQ(read->unit, "富民县信访局");
}
