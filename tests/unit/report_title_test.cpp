#include "core/read/report_title.hpp"

#include <gtest/gtest.h>

using jixiao::namesWholeDepartment;
using jixiao::parseReportTitle;

TEST(ReportTitle, SampleTitleGivesUnitYearAndProject) {
    const auto meta = parseReportTitle("富民县信访局2025年度热线办理工作经费支出绩效评价报告");
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta->unit, "富民县信访局");
    EXPECT_EQ(meta->year, 2025);
    EXPECT_EQ(meta->project, "热线办理工作经费");
}

TEST(ReportTitle, AppendixCaptionDropsItsPrefix) {
    const auto meta =
        parseReportTitle("附表1：富民县信访局2024年度热线办理工作经费支出绩效评价指标体系及打分表");
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta->unit, "富民县信访局");
    EXPECT_EQ(meta->year, 2024);
    EXPECT_EQ(meta->project, "热线办理工作经费");
}

// 部门整体支出: the title and the caption Jixiao writes name the department's whole spending, no project.
TEST(ReportTitle, ADepartmentsTitleAndCaptionNameNoProject) {
    for (const char* text : {"富民县信访局2025年度部门整体支出绩效评价报告",
                             "附表1：富民县信访局2025年度部门整体支出绩效评价指标体系及打分表",
                             "富民县信访局2025年度部门整体绩效评价报告"}) {
        const auto meta = parseReportTitle(text);
        ASSERT_TRUE(meta) << text;
        EXPECT_EQ(meta->unit, "富民县信访局") << text;
        EXPECT_EQ(meta->year, 2025) << text;
        EXPECT_EQ(meta->project, "") << text;
        EXPECT_TRUE(namesWholeDepartment(text)) << text;
    }
    // Also a department's table title without a unit or year, as offices print it.
    EXPECT_TRUE(namesWholeDepartment("附表1：附件：部门整体支出绩效评价指标体系评分表"));
    // A project's (one whose name holds 部门整体 too), a title without a project, and text that is no title
    // name no department's whole spending.
    for (const char* text :
         {"富民县信访局2025年度热线办理工作经费支出绩效评价报告",
          "县文旅局部门整体运转保障经费支出绩效评价报告",
          "附表1：富民县信访局2025年度绩效评价指标体系及打分表", "附表1：", "部门整体支出"})
        EXPECT_FALSE(namesWholeDepartment(text)) << text;
}

TEST(ReportTitle, FullWidthDigitsAndPlainYear) {
    const auto meta = parseReportTitle("某县教育局２０２３年义务教育补助资金项目绩效自评报告");
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta->year, 2023);
    EXPECT_EQ(meta->unit, "某县教育局");
    EXPECT_EQ(meta->project, "义务教育补助资金");
}

TEST(ReportTitle, OrdinaryProseIsNotATitle) {
    EXPECT_FALSE(parseReportTitle("2025年共办理12345政务热线交办件3794件"));
    EXPECT_FALSE(parseReportTitle("绩效评价报告"));              // no year
    EXPECT_FALSE(parseReportTitle("按照富财行〔2025〕1号文件")); // not a title
}

TEST(ReportTitle, AYearOutsideTheReportRangeIsNoYear) {
    // The same range as the table title and the prose checks (text.hpp): 1900‥2100.
    EXPECT_FALSE(parseReportTitle("某局2150年热线办理工作经费绩效评价报告"));
    const auto meta = parseReportTitle("某局1850年档案、2025年热线办理工作经费绩效评价报告");
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta->year, 2025);
}

TEST(ReportTitle, AProjectNamedWithItsSpendingIsQuotedWithoutItTwice) {
    EXPECT_EQ(jixiao::projectInTitle("热线办理工作经费支出"), "热线办理工作经费");
    EXPECT_EQ(jixiao::projectInTitle("热线办理工作经费"), "热线办理工作经费");
    EXPECT_EQ(jixiao::projectInTitle(""), "");
}
