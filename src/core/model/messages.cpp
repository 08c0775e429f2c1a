#include "core/model/messages.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace jixiao {
namespace {

// "zh", "zh-CN", "zh_CN", "zh-Hans-CN", "ZH-cn": all the ways a locale can ask for Simplified Chinese.
bool isChinese(std::string_view lang) {
    if (lang.size() < 2)
        return false;
    const bool zh = (lang[0] == 'z' || lang[0] == 'Z') && (lang[1] == 'h' || lang[1] == 'H');
    return zh && (lang.size() == 2 || lang[2] == '-' || lang[2] == '_');
}

} // namespace

MessageCatalog MessageCatalog::fromJson(std::string_view json, const std::string& sourceName) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(json.begin(), json.end());
    } catch (const nlohmann::json::parse_error& e) {
        throw std::runtime_error(sourceName + ": not valid JSON: " + e.what());
    }
    if (!root.is_object())
        throw std::runtime_error(sourceName + ": expected an object of languages");
    MessageCatalog catalog;
    for (const auto& [lang, entries] : root.items()) {
        if (!entries.is_object())
            throw std::runtime_error(sourceName + ": language \"" + lang + "\" must map keys to strings");
        auto& target = catalog.texts_[lang];
        for (const auto& [key, text] : entries.items()) {
            if (!text.is_string())
                throw std::runtime_error(sourceName + ": " + lang + "." + key + " is not a string");
            target.emplace(key, text.get<std::string>());
        }
    }
    return catalog;
}

MessageCatalog MessageCatalog::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error(file.string() + ": cannot open message catalog");
    std::ostringstream contents;
    contents << in.rdbuf();
    return fromJson(contents.str(), file.string());
}

std::string MessageCatalog::resolveLanguage(std::string_view lang) const {
    if (texts_.contains(lang))
        return std::string(lang);
    if (isChinese(lang))
        return std::string(kPrimary);
    if (texts_.contains(std::string_view("en")))
        return "en";
    return std::string(kPrimary);
}

const std::string* MessageCatalog::find(std::string_view lang, std::string_view key) const {
    const auto language = texts_.find(lang);
    if (language == texts_.end())
        return nullptr;
    const auto text = language->second.find(key);
    return text == language->second.end() ? nullptr : &text->second;
}

std::string MessageCatalog::format(std::string_view lang, std::string_view key,
                                   const std::map<std::string, std::string>& args) const {
    const std::string* text = find(resolveLanguage(lang), key);
    if (!text)
        text = find(kPrimary, key);
    return text ? fillPlaceholders(*text, args) : std::string(key);
}

bool MessageCatalog::contains(std::string_view lang, std::string_view key) const {
    return find(resolveLanguage(lang), key) != nullptr;
}

std::vector<std::string> MessageCatalog::languages() const {
    std::vector<std::string> result;
    for (const auto& [lang, entries] : texts_)
        result.push_back(lang);
    return result;
}

std::vector<std::string> MessageCatalog::keys(std::string_view lang) const {
    std::vector<std::string> result;
    const auto language = texts_.find(resolveLanguage(lang));
    if (language != texts_.end())
        for (const auto& [key, text] : language->second)
            result.push_back(key);
    return result;
}

std::string fillPlaceholders(std::string_view pattern, const std::map<std::string, std::string>& args,
                             bool* missing) {
    std::string out;
    out.reserve(pattern.size());
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        if (open == std::string_view::npos) {
            out.append(pattern.substr(i));
            break;
        }
        out.append(pattern.substr(i, open - i));
        const std::size_t close = pattern.find('}', open + 1);
        if (close == std::string_view::npos) {
            out.append(pattern.substr(open));
            break;
        }
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const auto arg = args.find(std::string(name));
        if (arg != args.end() && !(missing && arg->second.empty())) {
            out.append(arg->second);
            i = close + 1;
        } else {
            if (missing)
                *missing = true;
            // Not a known placeholder: keep the brace and continue scanning after it, so "{{x}" still fills
            // {x}.
            out.push_back('{');
            i = open + 1;
        }
    }
    return out;
}

} // namespace jixiao
