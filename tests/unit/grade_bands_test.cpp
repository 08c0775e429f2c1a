// The grade bands a report carries (core/model/grade_bands.hpp): their text, what makes a set inconsistent,
// and which bands grade a report — its own, the ones its stated grade shows, the options', the defaults.
#include "core/model/grade_bands.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace jixiao;

namespace {

std::vector<GradeBand> options98() {
    return gradeBandsFromThresholds(Decimal(98), Decimal(80), Decimal(60));
}

Totals stated(int score, const std::string& grade) {
    Totals totals;
    totals.score = Decimal(score);
    totals.grade = grade;
    return totals;
}

} // namespace

TEST(GradeBands, TheDefaultsReadAsTheyAreSaid) {
    EXPECT_EQ(formatGradeBands(defaultGradeBands()), "优秀 ≥ 90；良好 ≥ 80；中 ≥ 60；差 < 60");
}

TEST(GradeBands, TextRoundTrips) {
    for (const auto& bands : {defaultGradeBands(), options98(),
                              std::vector<GradeBand>{{*Decimal::parse("92.5"), "A"}, {Decimal(70), "B"}},
                              std::vector<GradeBand>{{Decimal(85), "好"}, {Decimal(0), "差"}}}) {
        const auto text = formatGradeBands(bands);
        EXPECT_EQ(parseGradeBands(text), bands) << text;
    }
}

TEST(GradeBands, ReadsWhatPeopleType) {
    const auto bands = parseGradeBands(" 优秀>=98, 良好 ＞＝ 80，中≥60 ;差＜60 ");
    ASSERT_TRUE(bands);
    EXPECT_EQ(*bands, options98());
}

TEST(GradeBands, RefusesTextThatIsNoBandList) {
    for (const char* text :
         {"", "优秀", "优秀 ≥ 九十", "≥ 90；差 < 90", "优秀 ≥ 90；差 < 80", "优秀 ≥ 90；差 < 90；良好 ≥ 80",
          "优秀 ≥ 80；良好 ≥ 90", "优秀 ≥ 90；良好 ≥ 90", "优秀 ≥ 120；差 < 120", "差 < 60"})
        EXPECT_FALSE(parseGradeBands(text)) << text;
}

TEST(GradeBands, SaysWhatMakesASetInconsistent) {
    EXPECT_EQ(gradeBandsProblem(defaultGradeBands()), "");
    EXPECT_EQ(gradeBandsProblem(gradeBandsFromThresholds(Decimal(80), Decimal(85), Decimal(60))),
              "grades.not-descending");
    EXPECT_EQ(gradeBandsProblem(gradeBandsFromThresholds(Decimal(90), Decimal(90), Decimal(60))),
              "grades.overlapping");
    EXPECT_EQ(gradeBandsProblem(gradeBandsFromThresholds(Decimal(101), Decimal(80), Decimal(60))),
              "grades.out-of-range");
    EXPECT_EQ(gradeBandsProblem(gradeBandsFromThresholds(Decimal(90), Decimal(80), Decimal(-1))),
              "grades.out-of-range");
    EXPECT_EQ(gradeBandsProblem({}), "grades.empty");
    EXPECT_EQ(gradeBandsProblem({{Decimal(0), ""}}), "grades.empty");
}

TEST(GradeBands, AReportKeepsItsOwnBands) {
    const auto choice = chooseGradeBands(formatGradeBands(defaultGradeBands()), options98());
    EXPECT_EQ(choice.source, GradeBandsSource::Stored);
    EXPECT_EQ(choice.bands, defaultGradeBands());
    EXPECT_EQ(choice.options, options98());
    EXPECT_TRUE(choice.differsFromOptions());
    EXPECT_EQ(gradeFor(choice.bands, Decimal(97)), "优秀");
}

TEST(GradeBands, AReportWithoutBandsIsGradedWithTheOptions) {
    const auto choice = chooseGradeBands("", options98());
    EXPECT_EQ(choice.source, GradeBandsSource::Options);
    EXPECT_EQ(choice.bands, options98());
    EXPECT_FALSE(choice.differsFromOptions());
    EXPECT_EQ(gradeFor(choice.bands, Decimal(97)), "良好");
}

TEST(GradeBands, UnreadableStoredBandsGiveWayToTheOptions) {
    const auto choice = chooseGradeBands("优秀 ≥ 80；良好 ≥ 90", options98());
    EXPECT_EQ(choice.source, GradeBandsSource::Options);
    EXPECT_EQ(choice.bands, options98());
}

TEST(GradeBands, InconsistentOptionsGiveWayToTheDefaults) {
    const auto choice = chooseGradeBands("", gradeBandsFromThresholds(Decimal(80), Decimal(85), Decimal(60)));
    EXPECT_EQ(choice.source, GradeBandsSource::Defaults);
    EXPECT_EQ(choice.bands, defaultGradeBands());
    EXPECT_FALSE(choice.differsFromOptions());
}

TEST(GradeBands, AFinishedReportWithoutBandsKeepsTheGradeItStates) {
    // 97 stated as 优秀: the defaults gave it, the options' 98 would not — asked, not re-graded.
    const auto graded = chooseGradeBands("", options98(), stated(97, "优秀"));
    EXPECT_EQ(graded.source, GradeBandsSource::Stated);
    EXPECT_EQ(graded.bands, defaultGradeBands());
    EXPECT_TRUE(graded.differsFromOptions());
    // A grade the options give, a grade nobody's bands give, or no total: the options.
    EXPECT_EQ(chooseGradeBands("", options98(), stated(97, "良好")).source, GradeBandsSource::Options);
    EXPECT_EQ(chooseGradeBands("", options98(), stated(97, "A")).source, GradeBandsSource::Options);
    Totals noScore;
    noScore.grade = "优秀";
    EXPECT_EQ(chooseGradeBands("", options98(), noScore).source, GradeBandsSource::Options);
    // Stored bands win over what the table states.
    EXPECT_EQ(chooseGradeBands(formatGradeBands(options98()), options98(), stated(97, "优秀")).source,
              GradeBandsSource::Stored);
}

TEST(GradeBands, AGradeFormulaOfJixiaosSaysItsBands) {
    const std::string formula =
        R"(=IF(G24="";"";IF(G24>=98;"优秀";IF(G24>=80;"良好";IF(G24>=60;"中";"差")))))";
    EXPECT_EQ(gradeBandsOfFormula(formula), options98());
    EXPECT_EQ(gradeBandsOfFormula(R"(=IF(AB7="";"";IF(AB7>=92.5;"A ""plus""";"B")))"),
              (std::vector<GradeBand>{{*Decimal::parse("92.5"), "A \"plus\""}, {Decimal(0), "B"}}));
    for (const char* other :
         {"", "=SUM(G3:G23)", R"(=IF(G24>=95;"优秀";"良好"))",
          R"(=IF(G24="";"";IF(G24>=98;"优秀";IF(G24>=80;"良好";IF(G24>=60;"中";"差"))))+1)",
          R"(=IF(G24="";"";IF(H24>=98;"优秀";"差")))",
          R"(=IF(G24="";"";IF(G24>=80;"优秀";IF(G24>=90;"良好";"差"))))",
          R"(=IF(G24="";"";IF(G24>=98;"优秀";IF(G24>=80;"良好";IF(G24>=60;"中";"差"))))"})
        EXPECT_FALSE(gradeBandsOfFormula(other)) << other;

    // A Calc table inserted before bands were stored: its formula's bands grade it, whatever the options.
    const auto choice =
        chooseGradeBands("", options98(), stated(85, "良好"),
                         R"(=IF(G24="";"";IF(G24>=90;"优秀";IF(G24>=80;"良好";IF(G24>=60;"中";"差")))))");
    EXPECT_EQ(choice.source, GradeBandsSource::Stated);
    EXPECT_EQ(choice.bands, defaultGradeBands());
    EXPECT_TRUE(choice.differsFromOptions());
}

TEST(GradeBands, AChoiceFollowsNewOptionsOnlyWhereItTookThem) {
    const auto own = withOptions(chooseGradeBands(formatGradeBands(defaultGradeBands()), defaultGradeBands()),
                                 options98());
    EXPECT_EQ(own.bands, defaultGradeBands());
    EXPECT_EQ(own.source, GradeBandsSource::Stored);
    EXPECT_TRUE(own.differsFromOptions());

    const auto taken = withOptions(chooseGradeBands("", defaultGradeBands()), options98());
    EXPECT_EQ(taken.bands, options98());
    EXPECT_EQ(taken.source, GradeBandsSource::Options);
    EXPECT_FALSE(taken.differsFromOptions());

    const auto broken = withOptions(chooseGradeBands("", options98()),
                                    gradeBandsFromThresholds(Decimal(80), Decimal(85), Decimal(60)));
    EXPECT_EQ(broken.bands, defaultGradeBands());
    EXPECT_EQ(broken.source, GradeBandsSource::Defaults);
}

// The options page and the configuration hold the thresholds as doubles; the bands take their decimal text.
TEST(GradeBands, TheOptionsThresholdsBecomeBandsThroughTheirDecimalText) {
    const auto bands = gradeBandsFromOptions({97.5, 80.0, 60.0});
    EXPECT_EQ(formatGradeBands(bands), "优秀 ≥ 97.5；良好 ≥ 80；中 ≥ 60；差 < 60");
    EXPECT_EQ(bands[0].atLeast, *Decimal::parse("97.5"));
    // Two places, rounded half-up: no binary artefact and no third decimal reaches the bands.
    EXPECT_EQ(gradeBandsFromOptions({90.0, 80.0, 0.1 + 0.2})[2].atLeast, *Decimal::parse("0.3"));
    EXPECT_EQ(gradeBandsFromOptions({97.456, 80.0, 60.0})[0].atLeast, *Decimal::parse("97.46"));
    EXPECT_EQ(gradeBandsFromOptions({90.0, 80.0, 60.0}), defaultGradeBands());
}

TEST(GradeBands, ThresholdsThatAreNoNumberMakeTheOptionsInconsistent) {
    const auto bands = gradeBandsFromOptions({std::nan(""), 80.0, 60.0});
    EXPECT_EQ(gradeBandsProblem(bands), "grades.out-of-range");
    EXPECT_EQ(chooseGradeBands("", bands).source, GradeBandsSource::Defaults);
    EXPECT_EQ(gradeBandsProblem(gradeBandsFromOptions({90.0, 80.0, HUGE_VAL})), "grades.out-of-range");
}
