#include "core/read/document_language.hpp"

#include "core/read/grid_reader.hpp"
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

using namespace jixiao;

TEST(DocumentLanguage, TheSampleReportIsChineseDespiteItsLatinAndDigits) {
    EXPECT_EQ(documentLanguage(jixiao::testing::sampleParagraphs(), {}), "zh-CN");
    EXPECT_EQ(documentLanguage({"本项目采用PPP模式，12345热线办理工作经费2万元。"}, {}), "zh-CN");
}

TEST(DocumentLanguage, AnEnglishReportIsEnglish) {
    EXPECT_EQ(documentLanguage({"Performance evaluation of the hotline fund (热线办理工作经费)",
                                "The project spent 19,900 yuan of a budget of 20,000 yuan."},
                               {}),
              "en");
}

TEST(DocumentLanguage, WithoutProseTheTableDecides) {
    const Scorecard card = readScoreTable(jixiao::testing::sampleScoreGrid());
    EXPECT_EQ(documentLanguage({"", "  "}, card), "zh-CN");
}

TEST(DocumentLanguage, AnEmptyDocumentHasNone) {
    EXPECT_FALSE(documentLanguage({}, {}));
    EXPECT_FALSE(documentLanguage({"2025", ""}, {}));
}
