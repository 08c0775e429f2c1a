// The deck's findings list (core/check/finding_lines.hpp) and the findings it shows between full validations
// (core/check/live_findings.hpp), issue 19 item 5.
#include "core/check/finding_lines.hpp"
#include "core/check/live_findings.hpp"
#include "core/check/validate.hpp"

#include "prose_test_helpers.hpp"
#include "sample_scorecard.hpp"

#include <gtest/gtest.h>

using namespace jixiao;
using jixiao::testing::messageCatalog;
using jixiao::testing::sampleCard;

namespace {

std::vector<Finding> validated(const Scorecard& card, std::string_view lang = "zh-CN") {
    return validate({card, {}, std::nullopt, std::nullopt}, messageCatalog(), lang);
}

// The card with the scores of its first `count` leaves removed.
Scorecard withUnscored(int count) {
    Scorecard card = sampleCard();
    int seen = 0;
    forEachLeaf(card, [&](Indicator& leaf) {
        if (seen++ < count)
            leaf.score.reset();
    });
    return card;
}

Finding at(std::string ruleId, Location location) {
    Finding f;
    f.ruleId = std::move(ruleId);
    f.location = std::move(location);
    return f;
}

Location paragraph(int index) {
    return {Location::Kind::Paragraph, "", "", index, 0, 1};
}

Location cell(std::string address) {
    return {Location::Kind::Cell, "表格1", std::move(address), -1, 0, 0};
}

} // namespace

// Issue 19: 16 "尚未填写评价得分" lines flooded a half-scored table; one line says how many are left, and the
// detail under the list names every one of them.
TEST(FindingLines, UnscoredIndicatorsAreOneLine) {
    const auto findings = validated(withUnscored(16));
    ASSERT_EQ(std::count_if(findings.begin(), findings.end(),
                            [](const Finding& f) { return f.ruleId == "score.missing"; }),
              16);
    const auto lines = findingLines(findings, messageCatalog(), "zh-CN");
    ASSERT_EQ(lines.size(), findings.size() - 15);
    const auto group = std::find_if(lines.begin(), lines.end(), [](const auto& l) { return l.count > 1; });
    ASSERT_NE(group, lines.end());
    EXPECT_EQ(group->text, "还有 16 项未打分");
    EXPECT_EQ(group->count, 16);
    EXPECT_EQ(findings[group->first].ruleId, "score.missing"); // choosing it goes to the first unscored
    // The text, then every unscored indicator by name.
    EXPECT_TRUE(group->detail.starts_with("还有 16 项未打分：" + findings[group->first].indicator + "、"))
        << group->detail;
    for (const auto& f : findings) {
        if (f.ruleId == "score.missing") {
            EXPECT_NE(group->detail.find(f.indicator), std::string::npos) << f.indicator;
        }
    }

    const auto en = findingLines(validated(withUnscored(16), "en"), messageCatalog(), "en");
    EXPECT_TRUE(std::any_of(en.begin(), en.end(),
                            [](const auto& l) { return l.text == "16 indicators have no score yet"; }));
}

TEST(FindingLines, AFewUnscoredIndicatorsAreNamedOneByOne) {
    const auto findings = validated(withUnscored(kGroupAbove));
    const auto lines = findingLines(findings, messageCatalog(), "zh-CN");
    ASSERT_EQ(lines.size(), findings.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].first, i);
        EXPECT_EQ(lines[i].count, 1);
        EXPECT_EQ(lines[i].text, lines[i].detail);
    }
}

// Messages quote the indicator already: the line no longer says it twice ("X：“X”尚未填写评价得分").
TEST(FindingLines, TheIndicatorIsNamedOnce) {
    const auto findings = validated(withUnscored(1));
    const auto found = std::find_if(findings.begin(), findings.end(),
                                    [](const Finding& f) { return f.ruleId == "score.missing"; });
    ASSERT_NE(found, findings.end());
    const Finding& missing = *found;
    ASSERT_FALSE(missing.indicator.empty());
    const auto text = findingText(missing);
    EXPECT_EQ(text, missing.message);
    EXPECT_EQ(text.find(missing.indicator), text.rfind(missing.indicator));

    Finding unquoted = missing;
    unquoted.message = "no name here";
    EXPECT_EQ(findingText(unquoted), missing.indicator + "：no name here");
}

TEST(FindingLines, TheBadScoreCellIsTheFirstScoreOutOfRange) {
    EXPECT_FALSE(badScoreCell({}));
    EXPECT_FALSE(badScoreCell({at("score.missing", cell("G5"))}));
    EXPECT_EQ(badScoreCell({at("score.missing", cell("G4")), at("score.range", cell("G5")),
                            at("score.range", cell("G9"))}),
              "G5");
}

// After a live run: the table's findings are the live ones (a finding gone leaves the list), the prose's stay
// as the last full validation found them, in reading order.
TEST(LiveFindings, TheTablesFindingsAreReplacedAndTheProsesKept) {
    const std::vector<Finding> lastFull = {at("year.mismatch", paragraph(0)), at("score.missing", cell("G4")),
                                           at("score.range", cell("G5")),
                                           at("narrative.total", paragraph(40))};
    const std::vector<Finding> live = {at("score.missing", cell("G4"))};
    const auto merged = mergeLiveFindings(lastFull, live);
    ASSERT_EQ(merged.size(), 3u);
    EXPECT_EQ(merged[0].ruleId, "year.mismatch");
    EXPECT_EQ(merged[1].ruleId, "score.missing");
    EXPECT_EQ(merged[2].ruleId, "narrative.total");

    EXPECT_EQ(mergeLiveFindings(lastFull, {}).size(), 2u); // every table finding gone
    const auto proseOnly = mergeLiveFindings({at("year.mismatch", paragraph(0))}, live);
    ASSERT_EQ(proseOnly.size(), 2u);
    EXPECT_EQ(proseOnly[1].ruleId, "score.missing");
    EXPECT_EQ(mergeLiveFindings({}, live), live);
    // A live validation reads no paragraph: a prose finding it had would be a mistake, not a finding.
    EXPECT_EQ(mergeLiveFindings({}, {at("year.mismatch", paragraph(0))}).size(), 0u);
}
