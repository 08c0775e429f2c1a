#include "core/text/fingerprint.hpp"
#include "core/write/section_place.hpp"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

// The sample report's outline around its 评价结论 (tests/data/docs/sample-report.json).
std::vector<std::string> report() {
    return {"富民县信访局2025年度热线办理工作经费支出绩效评价报告", // 0
            "二、绩效评价工作情况",                                 // 1
            "对12345热线办理工作经费的使用情况进行评价。",          // 2
            "三、评价结论",                                         // 3
            "（一）评价结果。",                                     // 4
            "经认真对照《打分表》进行综合考核打分，总得分97分。",   // 5
            "（二）主要绩效。",                                     // 6
            "1.项目的申请、设立过程符合相关要求。",                 // 7
            "四、成本效益分析",                                     // 8
            "该项目2025年预算资金2万元。",                          // 9
            ""};                                                    // 10
}

SectionSearch search(std::vector<std::string> paragraphs, int insertAt) {
    SectionSearch s;
    s.paragraphs = std::move(paragraphs);
    s.titles = {"评价结论", "Evaluation conclusion"};
    s.insertAt = insertAt;
    return s;
}

TEST(SectionPlace, AnAnchoredSectionIsRefreshedWhateverTheDocumentSays) {
    auto s = search(report(), 10);
    s.anchored = true;
    s.fingerprint = "0123456789abcdef";
    EXPECT_EQ(planSection(s).kind, SectionPlan::Kind::Refresh);
}

TEST(SectionPlace, AnUneditedCopyWhoseAnchorWasLostIsAdoptedInPlace) {
    auto paragraphs = report();
    paragraphs.insert(paragraphs.begin() + 6, {"第一段。", "第二段。"});
    auto s = search(paragraphs, 0);
    s.fingerprint = textFingerprint("第一段。\n第二段。");
    const auto plan = planSection(s);
    EXPECT_EQ(plan.kind, SectionPlan::Kind::Adopt);
    EXPECT_EQ(plan.first, 6);
    EXPECT_EQ(plan.count, 2);
}

TEST(SectionPlace, AWrittenSectionNeitherAnchoredNorFoundUneditedIsAskedAbout) {
    auto s = search(report(), 5);
    s.fingerprint = textFingerprint("第一段。\n第二段（已改）。");
    EXPECT_EQ(planSection(s).kind, SectionPlan::Kind::AskLost);
    s.paragraphs.clear(); // nothing to look in: still not a second copy without asking
    EXPECT_EQ(planSection(s).kind, SectionPlan::Kind::AskLost);
}

TEST(SectionPlace, ANewSectionUnderItsHeadingIsInsertedWithoutAQuestion) {
    for (int at : {3, 4, 5, 6, 7, 8}) // from the heading to the start of the next first-level heading
        EXPECT_EQ(planSection(search(report(), at)).kind, SectionPlan::Kind::Insert) << at;
}

TEST(SectionPlace, ANewSectionAwayFromItsHeadingIsAskedAbout) {
    for (int at : {-1, 0, 2, 9, 10}) {
        const auto plan = planSection(search(report(), at));
        EXPECT_EQ(plan.kind, SectionPlan::Kind::AskHeading) << at;
        EXPECT_EQ(plan.first, 3) << at;
    }
}

TEST(SectionPlace, AReportWithoutTheHeadingGetsTheSectionWhereTheCursorIs) {
    EXPECT_EQ(planSection(search({"前文。", "", "后文。"}, 1)).kind, SectionPlan::Kind::Insert);
    EXPECT_EQ(planSection(search({}, -1)).kind, SectionPlan::Kind::Insert);
}

TEST(SectionPlace, HeadingsAreFoundByTheirNameWhateverTheirNumbering) {
    const std::vector<std::string> titles{"评价结论", "Evaluation conclusion"};
    for (const std::string heading : {"三、评价结论", "（三）评价结论。", "3.评价结论", "评价结论：",
                                      "第三章 评价结论", " 评价结论 ", "4. Evaluation Conclusion"})
        EXPECT_EQ(findSectionHeading({"正文。", heading}, titles), 1) << heading;
    for (const std::string& other :
         std::vector<std::string>{"三、评价结论与建议", "经综合评价，评价结论为优秀。", "（一）评价结果。",
                                  "评价结论" + std::string(90, 'x')})
        EXPECT_EQ(findSectionHeading({other}, titles), -1) << other;
}

TEST(SectionPlace, HeadingLevelsFollowTheNumberingOfficesUse) {
    EXPECT_EQ(headingLevel("三、评价结论"), 1);
    EXPECT_EQ(headingLevel("第一章 总则"), 1);
    EXPECT_EQ(headingLevel("（一）评价结果。"), 2);
    EXPECT_EQ(headingLevel("1.立项背景及目的。"), 3);
    EXPECT_EQ(headingLevel("2、年度目标"), 3);
    EXPECT_EQ(headingLevel("（1）产出目标。"), 4);
    EXPECT_EQ(headingLevel("评价结论"), 0);
    EXPECT_EQ(
        headingLevel("1.加强组织领导。高度重视我县12345政务服务便民热线办理工作，成立热线专项工作领导小组。"),
        0);
}

TEST(SectionPlace, FingerprintedRunsAreLookedForOnlyUpToTheirLimit) {
    std::vector<std::string> paragraphs(40, "段");
    std::string joined = "段";
    for (int i = 1; i < 35; ++i)
        joined += "\n段";
    EXPECT_EQ(findFingerprintedRun(paragraphs, textFingerprint(joined)).first, -1);
    EXPECT_EQ(findFingerprintedRun(paragraphs, textFingerprint(joined), 40).count, 35);
    EXPECT_EQ(findFingerprintedRun(paragraphs, "").first, -1);
}

} // namespace
} // namespace jixiao
