// rememberedRecognition (core/check/remembered_rules.hpp) answers exactly what recogniseRule answers: for
// every phrasing, for the same text under another weight (which changes the answer), again from memory,
// and after the memory has been forgotten past its bound. rememberedVettedStandards answers what
// vettedStandards answers, however the templates change between two calls.
#include "core/check/remembered_rules.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include <string>
#include <vector>

using namespace jixiao;

namespace {

void expectSame(const std::string& text, Decimal weight) {
    const RuleRecognition expected = recogniseRule(text, weight);
    const RuleRecognition& remembered = rememberedRecognition(text, weight);
    EXPECT_EQ(remembered.rule, expected.rule) << text;
    EXPECT_EQ(remembered.computable, expected.computable) << text;
    EXPECT_EQ(remembered.why, expected.why) << text;
}

const std::vector<std::string> kTexts = {
    "",
    "   ",
    "到位及时率大于90%的得满分，每低5个百分点，扣1分",
    "满意度达到９０％（含）以上得满分；每低１个百分点扣０．５分",
    "预算执行率95%以上，得满分；低于95%，每下降1%扣权重的1%；预算执行率60%以下，不计分",
    "项目验收通过率达95%及以上，得满分；未通过一个扣一分，扣完为止。",
    "①制度健全；②执行有效；③档案完整。每项不符合扣1分。",
    "符合要求得满分，一项不符合扣0.1分。",
    "得分=实际完成率×指标分值，最高不超过指标分值。",
    "对照绩效目标，按经济效益实现程度计算得分。",
    "随便写的一句话"};

} // namespace

TEST(RememberedRules, TheSameAnswerAsRecognisingAgain) {
    for (int round = 0; round < 2; ++round) // the first round fills the memory, the second reads it
        for (const auto& text : kTexts)
            for (const Decimal weight : {Decimal(1), Decimal(3), Decimal::fromUnits(Decimal::kScale / 2)})
                expectSame(text, weight);
}

// A checklist's explanation names a weight its items do not add up to: the weight is part of the question.
TEST(RememberedRules, AnotherWeightIsAnotherQuestion) {
    const std::string text = "①制度健全；②执行有效；③档案完整。每项不符合扣1分。";
    const std::string asThree = rememberedRecognition(text, 3).why;
    const std::string asFour = rememberedRecognition(text, 4).why;
    EXPECT_NE(asThree, asFour);
    EXPECT_EQ(asThree, recogniseRule(text, 3).why);
    EXPECT_EQ(asFour, recogniseRule(text, 4).why);
}

TEST(RememberedRules, ForgettingPastTheBoundChangesNoAnswer) {
    for (int i = 0; i < 5000; ++i)
        (void)rememberedRecognition("一项不符合扣" + std::to_string(i) + "分", 10);
    for (const auto& text : kTexts)
        expectSame(text, 2);
    expectSame("一项不符合扣4999分", 10);
    expectSame("一项不符合扣1分", 10);
}

TEST(RememberedRules, TheVettedStandardsOfTheTemplatesAsTheyAreNow) {
    std::vector<Message> errors;
    const auto shipped = loadTemplateDirectories(
        {std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension" / "templates"}, &errors);
    ASSERT_GE(shipped.size(), 2U);
    auto edited = shipped; // one standard changed: as many texts as before, one different
    bool changed = false;
    forEachLeaf(edited.front().card, [&](Indicator& leaf) {
        if (!changed && !leaf.standard.empty()) {
            leaf.standard += "（已改）";
            changed = true;
        }
    });
    ASSERT_TRUE(changed);
    auto fewer = shipped;
    fewer.pop_back();
    const std::vector<std::vector<Template>> calls = {shipped, shipped, edited, shipped, fewer, {}, shipped};
    for (std::size_t i = 0; i < calls.size(); ++i)
        EXPECT_EQ(rememberedVettedStandards(calls[i]), vettedStandards(calls[i])) << "call " << i;
    EXPECT_NE(vettedStandards(edited), vettedStandards(shipped));
}
