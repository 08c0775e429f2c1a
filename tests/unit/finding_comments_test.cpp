// Findings as comments (core/check/finding_comments.hpp): what a second run adds, removes and keeps.
#include "core/check/finding_comments.hpp"

#include <gtest/gtest.h>

#include <map>

#include <string>
#include <utility>
#include <vector>

using jixiao::commentFingerprint;
using jixiao::CommentPlan;
using jixiao::CommentPlanInput;
using jixiao::ExistingComment;
using jixiao::Location;
using jixiao::WantedComment;

namespace {

const std::string kAuthor = "绩效评价助手";

Location cell(const std::string& table, const std::string& address) {
    Location l;
    l.kind = Location::Kind::Cell;
    l.table = table;
    l.cell = address;
    return l;
}

Location paragraph(int index) {
    Location l;
    l.kind = Location::Kind::Paragraph;
    l.paragraph = index;
    return l;
}

// Findings at these places with these messages, worded without a severity label.
std::vector<WantedComment> wanted(const std::vector<std::pair<Location, std::string>>& placed) {
    std::vector<jixiao::Finding> findings;
    for (const auto& [location, message] : placed) {
        jixiao::Finding f;
        f.location = location;
        f.message = message;
        findings.push_back(f);
    }
    return jixiao::wantedComments(findings, {});
}

CommentPlanInput inputWith(const std::vector<std::pair<Location, std::string>>& findings) {
    CommentPlanInput input;
    input.wanted = wanted(findings);
    input.authors = {kAuthor, "Jixiao"};
    return input;
}

// What the document holds after applying `plan` to `input.existing` (anchors and texts).
std::vector<ExistingComment> applied(const CommentPlanInput& input, const CommentPlan& plan) {
    std::vector<ExistingComment> after;
    for (std::size_t i = 0; i < input.existing.size(); ++i)
        if (std::find(plan.remove.begin(), plan.remove.end(), i) == plan.remove.end())
            after.push_back(input.existing[i]);
    for (const auto& w : plan.add)
        after.push_back({w.anchor, input.authorsKept ? kAuthor : "someone", w.text, false, ""});
    return after;
}

} // namespace

TEST(FindingComments, AnchorsOfCellsParagraphsAndTheDocument) {
    EXPECT_EQ(jixiao::commentAnchor(cell("表格1", "G5")), "cell:表格1.G5");
    EXPECT_EQ(jixiao::commentAnchor(cell("表格1", "表格2.B3")), "cell:表格2.B3");
    EXPECT_EQ(jixiao::commentAnchor(cell("Sheet1.A1:I20", "Sheet1.G5")), "cell:Sheet1.G5");
    EXPECT_EQ(jixiao::commentAnchor(paragraph(4)), "paragraph:4");
    EXPECT_EQ(jixiao::commentAnchor(Location{}), "document");
    EXPECT_EQ(jixiao::cellAnchor("表格1", "G5"), jixiao::commentAnchor(cell("表格1", "G5")));
}

TEST(FindingComments, FindingsAtOnePlaceShareOneCommentRepeatsAndInfoAreDropped) {
    using jixiao::Severity;
    auto finding = [](Location l, Severity s, const std::string& m) {
        jixiao::Finding f;
        f.location = std::move(l);
        f.severity = s;
        f.message = m;
        return f;
    };
    const std::map<Severity, std::string> labels{{Severity::Error, "【错误】"},
                                                 {Severity::Warning, "【警告】"}};
    const auto comments = jixiao::wantedComments(
        {finding(cell("T", "G5"), Severity::Error, "a"), finding(paragraph(2), Severity::Warning, "b"),
         finding(cell("T", "C4"), Severity::Info, "需人工判断"),
         finding(cell("T", "G5"), Severity::Warning, "c"), finding(cell("T", "G5"), Severity::Error, "a")},
        labels);
    ASSERT_EQ(comments.size(), 2U);
    EXPECT_EQ(comments[0].anchor, "cell:T.G5");
    EXPECT_EQ(comments[0].text, "【错误】a\n【警告】c");
    EXPECT_EQ(comments[1].anchor, "paragraph:2");
    EXPECT_EQ(comments[1].location, paragraph(2));
}

TEST(FindingComments, FirstRunAddsEveryFindingAndRecordsIt) {
    auto input = inputWith({{cell("T", "G5"), "a"}, {paragraph(3), "b"}});
    const auto plan = jixiao::planComments(input);
    ASSERT_EQ(plan.add.size(), 2U);
    EXPECT_TRUE(plan.remove.empty());
    EXPECT_EQ(plan.record, (std::vector<std::string>{commentFingerprint("a"), commentFingerprint("b")}));
}

TEST(FindingComments, SecondRunChangesNothing) {
    auto input = inputWith({{cell("T", "G5"), "a"}, {paragraph(3), "b"}});
    const auto first = jixiao::planComments(input);
    input.existing = applied(input, first);
    input.record = first.record;
    const auto second = jixiao::planComments(input);
    EXPECT_TRUE(second.add.empty());
    EXPECT_TRUE(second.remove.empty());
    EXPECT_EQ(second.record, first.record);
}

TEST(FindingComments, AFixedFindingLosesExactlyItsCommentAndTheUsersStay) {
    auto input = inputWith({{cell("T", "G5"), "a"}, {paragraph(3), "b"}});
    const auto first = jixiao::planComments(input);
    input.existing = applied(input, first);
    input.existing.push_back({"cell:T.G5", "张三", "请核实", false, ""}); // the user's own, at a finding
    input.existing.push_back({"paragraph:3", "李四", "a", false, ""});    // the user's, same words as ours
    input.record = first.record;
    input.wanted = wanted({{paragraph(3), "b"}}); // G5 fixed
    const auto second = jixiao::planComments(input);
    ASSERT_EQ(second.remove.size(), 1U);
    EXPECT_EQ(input.existing[second.remove[0]].anchor, "cell:T.G5");
    EXPECT_EQ(input.existing[second.remove[0]].author, kAuthor);
    EXPECT_TRUE(second.add.empty());
}

TEST(FindingComments, AnEditedOrAnsweredCommentOfJixiaosIsKept) {
    auto input = inputWith({{cell("T", "G5"), "a"}, {cell("T", "G6"), "b"}, {paragraph(3), "c"}});
    const auto first = jixiao::planComments(input);
    input.existing = applied(input, first);
    input.record = first.record;
    input.existing[0].text = "a —— 已核实，见附件";  // edited by the user
    input.existing[1].answered = true;               // answered
    input.wanted = wanted({{cell("T", "G5"), "a"}}); // G6 and the paragraph fixed
    const auto second = jixiao::planComments(input);
    ASSERT_EQ(second.remove.size(), 1U);
    EXPECT_EQ(input.existing[second.remove[0]].anchor, "paragraph:3");
    // The edited comment still shows the open finding at G5: no second comment beside it.
    EXPECT_TRUE(second.add.empty());
}

TEST(FindingComments, AChangedMessageReplacesTheComment) {
    auto input = inputWith({{cell("T", "G5"), "得分 12 超出分值 10"}});
    const auto first = jixiao::planComments(input);
    input.existing = applied(input, first);
    input.record = first.record;
    input.wanted = wanted({{cell("T", "G5"), "得分 11 超出分值 10"}});
    const auto second = jixiao::planComments(input);
    EXPECT_EQ(second.remove, (std::vector<std::size_t>{0}));
    ASSERT_EQ(second.add.size(), 1U);
    EXPECT_EQ(second.add[0].text, "得分 11 超出分值 10");
}

TEST(FindingComments, AnotherAuthorWithOurWordsIsNotOurs) {
    auto input = inputWith({});
    input.record = {commentFingerprint("a")};
    input.existing = {{"cell:T.G5", "张三", "a", false, ""}};
    EXPECT_TRUE(jixiao::planComments(input).remove.empty());
}

TEST(FindingComments, LineEndsAndSpacesOfARoundTripDoNotMatter) {
    EXPECT_EQ(commentFingerprint("【错误】a\n【警告】b"), commentFingerprint("【错误】a\r\n【警告】b \n"));
    EXPECT_NE(commentFingerprint("a"), commentFingerprint("b"));
    auto input = inputWith({{cell("T", "G5"), "x"}, {cell("T", "G5"), "y"}});
    input.record = {commentFingerprint("x\ny")};
    input.existing = {{"cell:T.G5", kAuthor, "x\r\ny\r\n", false, ""}};
    const auto plan = jixiao::planComments(input);
    EXPECT_TRUE(plan.add.empty());
    EXPECT_TRUE(plan.remove.empty());
}

TEST(FindingComments, ADuplicateOfOursIsRemoved) {
    auto input = inputWith({{cell("T", "G5"), "a"}});
    input.record = {commentFingerprint("a")};
    input.existing = {{"cell:T.G5", kAuthor, "a", false, ""}, {"cell:T.G5", kAuthor, "a", false, ""}};
    const auto plan = jixiao::planComments(input);
    EXPECT_EQ(plan.remove, (std::vector<std::size_t>{1}));
    EXPECT_TRUE(plan.add.empty());
}

TEST(FindingComments, CalcHoldsBackACellWhoseOneCommentIsTheUsers) {
    auto input = inputWith({{cell("S", "S.G5"), "a"}, {cell("S", "S.G6"), "b"}});
    input.authorsKept = false;
    input.oneCommentPerAnchor = true;
    input.existing = {{"cell:S.G5", "张三", "请核实", false, ""}};
    const auto first = jixiao::planComments(input);
    ASSERT_EQ(first.add.size(), 1U);
    EXPECT_EQ(first.add[0].anchor, "cell:S.G6");
    ASSERT_EQ(first.heldBack.size(), 1U);
    EXPECT_EQ(first.heldBack[0].anchor, "cell:S.G5");
    EXPECT_TRUE(first.remove.empty());

    // Calc loses authors in .xlsx: the record alone tells Jixiao's comment from the user's.
    input.existing = applied(input, first);
    input.record = first.record;
    input.wanted = wanted({});
    const auto second = jixiao::planComments(input);
    ASSERT_EQ(second.remove.size(), 1U);
    EXPECT_EQ(input.existing[second.remove[0]].anchor, "cell:S.G6");
}

TEST(FindingComments, ARemovedCommentStaysRecordedSoAnUndoneRemovalIsStillOurs) {
    auto input = inputWith({{cell("T", "G5"), "a"}});
    const auto first = jixiao::planComments(input);
    input.existing = applied(input, first);
    input.record = first.record;
    input.wanted = {};
    const auto second = jixiao::planComments(input);
    EXPECT_EQ(second.remove.size(), 1U);
    EXPECT_EQ(second.record, first.record);
}

TEST(FindingComments, RecordRoundTripIgnoresWhatIsNotAFingerprint) {
    const std::vector<std::string> record{commentFingerprint("a"), commentFingerprint("b")};
    EXPECT_EQ(jixiao::parseCommentRecord(jixiao::formatCommentRecord(record)), record);
    EXPECT_EQ(jixiao::parseCommentRecord("  junk " + record[0] + " ZZZZ " + record[0]),
              (std::vector<std::string>{record[0]}));
    EXPECT_TRUE(jixiao::parseCommentRecord("").empty());
}

TEST(FindingComments, AReplyAtTheSameSpotWithoutALinkCountsAsAnAnswer) {
    auto input = inputWith({});
    input.record = {commentFingerprint("a"), commentFingerprint("b")};
    input.existing = {{"paragraph:3", kAuthor, "a", false, "p3@7"},
                      {"paragraph:3", "张三", "已改", false, "p3@7"},
                      {"paragraph:4", kAuthor, "b", false, "p4@0"},
                      {"paragraph:4", "张三", "另一处", false, "p4@9"}};
    const auto plan = jixiao::planComments(input);
    EXPECT_EQ(plan.remove, (std::vector<std::size_t>{2}));
}

TEST(FindingComments, AFindingWithNoPlaceGoesToTheDocumentAndTemplateProblemsStayInTheDeck) {
    jixiao::Finding missingFigure;
    missingFigure.message = "资金明细合计与实际支出不符";
    jixiao::Finding badTemplate = missingFigure;
    badTemplate.ruleId = "template.invalid";
    const auto comments = jixiao::wantedComments({missingFigure, badTemplate}, {});
    ASSERT_EQ(comments.size(), 1U);
    EXPECT_EQ(comments[0].anchor, "document");
}
