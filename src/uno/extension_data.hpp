// The extension's data files — templates, message catalogs, narrative patterns — located inside the
// installed extension and the user's own template folder, loaded once on first use.
#pragma once

#include "core/messages.hpp"
#include "core/narrative.hpp"
#include "core/templates.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace jixiao::office {

class ExtensionData {
public:
    // The identifier in description.xml; every configuration node of ours starts with it.
    static constexpr const char* kIdentifier = "org.jixiao.Jixiao";

    // Loaded on first call (the office's main thread calls it; later calls only read).
    static const ExtensionData& get(const css::uno::Reference<css::uno::XComponentContext>& context);

    std::filesystem::path root;            // the installed extension's folder
    std::filesystem::path userTemplateDir; // <user profile>/jixiao/templates
    std::vector<Template> templates;
    std::vector<std::string> templateErrors;            // one line per user template that failed to load
    MessageCatalog messages;                            // findings
    MessageCatalog ui;                                  // panel labels
    std::map<std::string, NarrativePatterns> narrative; // by language
    std::string lang;                                   // "zh-CN" or "en": the office UI language

    const Template* findTemplate(const std::string& id) const;
    std::string text(const std::string& key, const std::map<std::string, std::string>& args = {}) const {
        return ui.format(lang, key, args);
    }
    // The patterns of `language` ("zh-CN" or "en"); zh-CN for any other. Sections are written in the
    // document's language (documentLanguage), not necessarily `lang`.
    const NarrativePatterns& patterns(const std::string& language) const;
};

} // namespace jixiao::office
