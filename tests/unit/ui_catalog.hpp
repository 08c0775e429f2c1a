// The shipped extension/i18n/ui.json, where user errors are worded, for tests that check what a user reads.
#pragma once

#include "catalog_files.hpp"
#include "core/model/messages.hpp"
#include "core/read/scorecard_json.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jixiao::testing {

inline const MessageCatalog& uiCatalog() {
    return shippedCatalog("ui.json");
}

// A JSON error's problem as the English catalog words it, after the "file: path: " every one starts with
// (checked here, with the Chinese wording's "file：path：").
inline std::string englishProblem(const JsonFormatError& e) {
    const std::string en = uiCatalog().format("en", e.message());
    const std::string zh = uiCatalog().format("zh-CN", e.message());
    const std::string enPlace = e.file + ": " + e.jsonPath + ": ";
    EXPECT_TRUE(uiCatalog().contains("en", e.key()) && uiCatalog().contains("zh-CN", e.key())) << e.what();
    EXPECT_EQ(en.substr(0, enPlace.size()), enPlace) << en;
    EXPECT_EQ(zh.rfind(e.file + "：" + e.jsonPath + "：", 0), 0u) << zh;
    return en.substr(std::min(enPlace.size(), en.size()));
}

} // namespace jixiao::testing
