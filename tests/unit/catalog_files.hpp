// The shipped message catalogs (extension/i18n/*.json) as tests read them, and the {name} placeholders of a
// catalog text.
#pragma once

#include "core/model/messages.hpp"

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace jixiao::testing {

// extension/i18n/<file>, loaded once per test binary.
inline const MessageCatalog& shippedCatalog(const std::string& file) {
    static std::map<std::string, MessageCatalog> loaded;
    auto it = loaded.find(file);
    if (it == loaded.end())
        it = loaded
                 .emplace(file, MessageCatalog::load(std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension" /
                                                     "i18n" / file))
                 .first;
    return it->second;
}

// The {name} placeholders of a text; braces around anything else are text.
inline std::set<std::string> placeholders(const std::string& text) {
    static const std::regex placeholder(R"(\{([A-Za-z0-9_\-]+)\})");
    std::set<std::string> names;
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it)
        names.insert((*it)[1]);
    return names;
}

} // namespace jixiao::testing
