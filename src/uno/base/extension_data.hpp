// The extension's data files — templates, message catalogs, narrative patterns — located inside the
// installed extension and the user's own template folder, loaded once on first use.
#pragma once

#include "core/model/messages.hpp"
#include "core/write/narrative.hpp"
#include "core/write/templates.hpp"

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
    std::vector<Message> templateErrors;                // one per user template that failed to load
    MessageCatalog messages;                            // findings
    MessageCatalog ui;                                  // panel labels, statuses and user errors
    std::map<std::string, NarrativePatterns> narrative; // by language
    std::string lang;                                   // "zh-CN" or "en": the office UI language

    const Template* findTemplate(const std::string& id) const;
    std::string text(const std::string& key, const std::map<std::string, std::string>& args = {}) const {
        return ui.format(lang, key, args);
    }
    // A user error (or any Message of ui.json) in the UI language: how every surface of the office words it.
    std::string text(const Message& message) const { return ui.format(lang, message); }
    // The patterns of `language` ("zh-CN" or "en"); zh-CN for any other. Sections are written in the
    // document's language (documentLanguage), not necessarily `lang`.
    const NarrativePatterns& patterns(const std::string& language) const;
};

// A message in the UI language, for an exception handler: when the catalog itself cannot be loaded (a broken
// installation) it gives the key and values (describe()) instead of throwing from inside the handler.
std::string wordedMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const Message& message);

} // namespace jixiao::office
