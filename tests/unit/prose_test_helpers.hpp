// Helpers shared by the tests that validate report prose: the message catalog, exact decimals, and finding,
// editing and measuring paragraphs the way Location counts (code points).
#pragma once

#include "catalog_files.hpp"
#include "core/model/messages.hpp"
#include "core/text/decimal.hpp"
#include "test_decimal.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::testing {

inline const MessageCatalog& messageCatalog() {
    return shippedCatalog("messages.json");
}

inline int paragraphStarting(const std::vector<std::string>& paragraphs, std::string_view start) {
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
        if (paragraphs[i].starts_with(start))
            return int(i);
    ADD_FAILURE() << "no paragraph starts with " << start;
    return -1;
}

// Code points before the first `part` in `text` at or after the first `after` (the unit of Location::offset).
inline int codePointOffset(const std::string& text, std::string_view part, std::string_view after = {}) {
    const auto from = after.empty() ? 0 : text.find(after);
    const auto at = text.find(part, from == std::string::npos ? 0 : from);
    EXPECT_NE(at, std::string::npos) << part;
    if (at == std::string::npos)
        return -1;
    return int(
        std::count_if(text.begin(), text.begin() + long(at), [](char c) { return (c & 0xC0) != 0x80; }));
}

inline void replaceIn(std::string& text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
}

} // namespace jixiao::testing
