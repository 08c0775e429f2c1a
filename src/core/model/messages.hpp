// A catalog of user-visible strings in Simplified Chinese and English, read from a JSON resource file
// (extension/i18n/messages.json for findings, ui.json for the panel and user errors, batch.json for
// jixiao-batch), so no message text lives in C++.
//
// File shape: {"zh-CN": {"key": "单元格 {cell} …"}, "en": {"key": "Cell {cell} …"}}. Placeholders are
// {name}; a placeholder without an argument is left as written, so a missing argument shows up in review
// instead of silently vanishing.
#pragma once

#include "core/model/user_error.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

class MessageCatalog {
public:
    // The primary language: every key should exist here; other languages fall back to it.
    static constexpr std::string_view kPrimary = "zh-CN";

    MessageCatalog() = default;

    // Throws std::runtime_error naming `sourceName` when the JSON is malformed or not of the shape above.
    static MessageCatalog fromJson(std::string_view json, const std::string& sourceName);
    // Reads and parses a file; throws std::runtime_error naming the path when it cannot be read.
    static MessageCatalog load(const std::filesystem::path& file);

    // The catalog language serving a requested UI language: an exact match first; "zh", "zh-CN", "zh_CN",
    // "zh-Hans…" → zh-CN; anything else → "en" when present; otherwise zh-CN.
    std::string resolveLanguage(std::string_view lang) const;

    // The message for `key` in `lang` with {name} placeholders filled from `args`. Falls back to zh-CN, then
    // to the key itself, so an untranslated message is still identifiable.
    std::string format(std::string_view lang, std::string_view key,
                       const std::map<std::string, std::string>& args = {}) const;
    // The one way a user error or a finding's message is put into words, by every surface (the UNO service,
    // the deck, the options page, jixiao-batch).
    std::string format(std::string_view lang, const Message& message) const {
        return format(lang, message.key, message.args);
    }

    // True when `key` exists in the language `lang` resolves to (without falling back).
    bool contains(std::string_view lang, std::string_view key) const;
    std::vector<std::string> languages() const;
    std::vector<std::string> keys(std::string_view lang) const;

private:
    const std::string* find(std::string_view lang, std::string_view key) const;

    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> texts_;
};

// Replaces each {name} in `pattern` by args[name]; unknown names and unmatched braces stay as written.
// The one placeholder rule for messages and narrative patterns. With `missing` given, an empty value counts
// as no value (a narrative's empty figure is no figure): it stays as written and *missing turns true.
std::string fillPlaceholders(std::string_view pattern, const std::map<std::string, std::string>& args,
                             bool* missing = nullptr);

} // namespace jixiao
