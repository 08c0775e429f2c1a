#include "core/text/fingerprint.hpp"

#include <gtest/gtest.h>

using jixiao::textFingerprint;

TEST(Fingerprint, StableAndSensitiveToAnyEdit) {
    EXPECT_EQ(textFingerprint(""), "cbf29ce484222325");  // FNV-1a offset basis
    EXPECT_EQ(textFingerprint("a"), "af63dc4c8601ec8c"); // published FNV-1a 64 test vector
    const std::string text = "该项目总得分97分，评价等级为“优秀”。";
    EXPECT_EQ(textFingerprint(text), textFingerprint(text));
    EXPECT_NE(textFingerprint(text), textFingerprint("该项目总得分96分，评价等级为“优秀”。"));
    EXPECT_EQ(textFingerprint(text).size(), 16U);
}
