#include "core/read/table_caption.hpp"

#include <gtest/gtest.h>

using jixiao::isTableCaptionLine;
using jixiao::tableCaptionIn;
using jixiao::withoutAppendixNumber;

namespace {
const std::string kCaption = "附表1：富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表";
const std::string kResult =
    "经认真对照《富民县信访局2025年热线办理工作经费支出绩效评价指标体系及打分表》进行综合考核打分，"
    "该项目绩效评价指标总分值100分，总得分97分，评价等级为“优秀”。";
} // namespace

TEST(TableCaption, CaptionLinesAreCaptions) {
    EXPECT_TRUE(isTableCaptionLine(kCaption));
    EXPECT_TRUE(isTableCaptionLine(" 富民县信访局2024年度热线办理工作经费支出绩效评价指标体系及打分表"));
    EXPECT_TRUE(isTableCaptionLine("某县教育局2023年度义务教育补助资金项目绩效评价指标体系"));
}

TEST(TableCaption, ProseQuotingTheTitleIsNoCaption) {
    EXPECT_FALSE(isTableCaptionLine(kResult));
    EXPECT_FALSE(isTableCaptionLine("经认真对照《某局打分表》进行综合考核打分。")); // short, still a quote
    EXPECT_FALSE(isTableCaptionLine("对照打分表，该项目得分97分"));                 // a sentence
    // Ends like a caption (…表) and names the 打分表, but quotes it or is a sentence.
    EXPECT_FALSE(isTableCaptionLine("经对照《某局绩效评价指标体系及打分表》评分详见附表"));
    EXPECT_FALSE(isTableCaptionLine("本项目得分详见打分表，评分依据见评分表"));
    EXPECT_FALSE(
        isTableCaptionLine("富民县信访局2025年度热线办理工作经费支出绩效评价报告")); // the report's title
    EXPECT_FALSE(isTableCaptionLine(""));
}

TEST(TableCaption, TheFirstLineOfTheLastCaptionRun) {
    const std::vector<std::string> paragraphs = {
        "富民县信访局2025年度热线办理工作经费支出绩效评价报告",
        "（一）评价结果。",
        kResult,
        "五、存在的问题",
        kCaption,
        "",
        " 富民县信访局2024年度热线办理工作经费支出绩效评价指标体系及打分表",
        "注：表内数据来自财务系统"};
    EXPECT_EQ(tableCaptionIn(paragraphs), kCaption);
}

TEST(TableCaption, NoCaptionAndTheConclusionsOwnTextGiveNothing) {
    EXPECT_EQ(tableCaptionIn({}), "");
    // The conclusion Jixiao writes quotes a caption; read again it must not become the caption.
    EXPECT_EQ(tableCaptionIn({kResult, "经认真对照《" + kResult + "》进行综合考核打分。"}), "");
}

TEST(TableCaption, AppendixNumberIsNotPartOfTheTitle) {
    EXPECT_EQ(withoutAppendixNumber(kCaption),
              "富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表");
    EXPECT_EQ(withoutAppendixNumber(" 某局打分表 "), "某局打分表");
}
