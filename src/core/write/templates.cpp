#include "core/write/templates.hpp"

#include "core/read/report_title.hpp"
#include "core/read/scorecard_json.hpp"
#include "core/text/cell_text.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

namespace jixiao {

using nlohmann::json;

namespace {

// Template files are a few kilobytes; anything this large is not one and is refused before reading.
constexpr std::uintmax_t kMaxTemplateBytes = std::uintmax_t{4} * 1024 * 1024;

bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

std::string requiredString(const json& object, const char* key, const std::string& path,
                           const std::string& file) {
    const std::string at = path + "." + key;
    if (!object.contains(key) || object[key].is_null())
        throw JsonFormatError(file, at, "missing");
    if (!object[key].is_string())
        throw JsonFormatError(file, at, "expected-string", {{"found", object[key].type_name()}});
    std::string value = object[key].get<std::string>();
    if (value.empty())
        throw JsonFormatError(file, at, "empty");
    return value;
}

// Checks the weights of one indicator subtree; `path` is the indicator's JSON path.
void validateWeights(const Indicator& in, const std::string& path, const std::string& file) {
    if (in.weight.isNegative())
        throw JsonFormatError(file, path + ".weight", "weight-negative", {{"weight", in.weight.toString(6)}});
    if (in.children.empty())
        return;
    Decimal sum;
    for (std::size_t i = 0; i < in.children.size(); ++i) {
        validateWeights(in.children[i], path + ".children[" + std::to_string(i) + "]", file);
        sum += in.children[i].weight;
    }
    if (sum != in.weight)
        throw JsonFormatError(file, path + ".weight", "weight-sum",
                              {{"weight", in.weight.toString(6)}, {"sum", sum.toString(6)}});
}

// Takes every "suggestion" out of a template's "indicators" (so the rest reads as the scorecard format, where
// it is unknown) and returns them with their paths; a suggestion must be an object of non-empty "zh-CN" and
// "en" strings.
std::vector<IndicatorSuggestion> takeSuggestions(json& templateJson, const std::string& sourceName) {
    std::vector<IndicatorSuggestion> result;
    std::function<void(json&, const std::string&, const std::vector<std::string>&)> visit =
        [&](json& list, const std::string& listPath, const std::vector<std::string>& names) {
            if (!list.is_array())
                return; // the scorecard reader names what is wrong with it
            for (std::size_t i = 0; i < list.size(); ++i) {
                json& indicator = list[i];
                if (!indicator.is_object())
                    continue;
                const std::string path = listPath + "[" + std::to_string(i) + "]";
                std::vector<std::string> here = names;
                here.push_back(indicator.contains("name") && indicator["name"].is_string()
                                   ? indicator["name"].get<std::string>()
                                   : std::string());
                if (indicator.contains("suggestion")) {
                    const json& suggestion = indicator["suggestion"];
                    const std::string at = path + ".suggestion";
                    if (!suggestion.is_object())
                        throw JsonFormatError(sourceName, at, "expected-object",
                                              {{"found", suggestion.type_name()}});
                    for (const auto& item : suggestion.items())
                        if (item.key() != "zh-CN" && item.key() != "en")
                            throw JsonFormatError(sourceName, at + "." + item.key(), "unknown-key",
                                                  {{"key", item.key()}});
                    result.push_back({here,
                                      {{"zh-CN", requiredString(suggestion, "zh-CN", at, sourceName)},
                                       {"en", requiredString(suggestion, "en", at, sourceName)}}});
                    indicator.erase("suggestion");
                }
                if (indicator.contains("children"))
                    visit(indicator["children"], path + ".children", here);
            }
        };
    if (templateJson.is_object() && templateJson.contains("indicators"))
        visit(templateJson["indicators"], "$.indicators", {});
    return result;
}

} // namespace

Template parseTemplate(std::string_view text, const std::string& sourceName) {
    json value;
    try {
        value = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) { // parse_error, and out_of_range for numbers such as 1e400
        throw JsonFormatError(sourceName, "$", "malformed", {{"detail", e.what()}});
    }
    if (!value.is_object())
        throw JsonFormatError(sourceName, "$", "expected-object", {{"found", value.type_name()}});

    Template t;
    t.sourceFile = sourceName;
    t.id = requiredString(value, "id", "$", sourceName);
    if (!validId(t.id))
        throw JsonFormatError(sourceName, "$.id", "template-id", {{"id", t.id}});
    if (!value.contains("name") || !value["name"].is_object())
        throw JsonFormatError(sourceName, "$.name", "template-name");
    t.nameZh = requiredString(value["name"], "zh-CN", "$.name", sourceName);
    t.nameEn = requiredString(value["name"], "en", "$.name", sourceName);
    t.kind = requiredString(value, "kind", "$", sourceName);
    if (!value.contains("indicators"))
        throw JsonFormatError(sourceName, "$.indicators", "missing");

    t.suggestions = takeSuggestions(value, sourceName); // not a scorecard field: taken out before reading
    t.card = scorecardFromJsonValue(value, sourceName);
    t.card.meta.templateId = t.id;
    if (t.card.indicators.empty())
        throw JsonFormatError(sourceName, "$.indicators", "template-empty");
    Decimal total;
    for (std::size_t i = 0; i < t.card.indicators.size(); ++i) {
        validateWeights(t.card.indicators[i], "$.indicators[" + std::to_string(i) + "]", sourceName);
        total += t.card.indicators[i].weight;
    }
    if (total != 100)
        throw JsonFormatError(sourceName, "$.indicators", "template-total", {{"total", total.toString(6)}});
    return t;
}

Template loadTemplateFile(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw JsonFormatError(name, "$", "cannot-read", {{"detail", ec.message()}});
    if (size > kMaxTemplateBytes)
        throw JsonFormatError(name, "$", "template-too-large");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw JsonFormatError(name, "$", "cannot-open");
    std::ostringstream text;
    text << in.rdbuf();
    return parseTemplate(text.str(), name);
}

std::vector<Template> loadTemplateDirectories(const std::vector<std::filesystem::path>& dirs,
                                              std::vector<Message>* errors) {
    std::vector<Template> templates;
    auto report = [&](Message message) {
        if (errors)
            errors->push_back(std::move(message));
    };
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec))
            continue;
        std::vector<std::filesystem::path> files;
        for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json" && it->is_regular_file(ec))
                files.push_back(it->path());
        if (ec)
            report({"error.json.cannot-list",
                    {{"file", dir.string()}, {"path", "$"}, {"detail", ec.message()}}});
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            try {
                Template t = loadTemplateFile(file);
                auto same = std::find_if(templates.begin(), templates.end(),
                                         [&](const Template& other) { return other.id == t.id; });
                if (same != templates.end())
                    *same = std::move(t);
                else
                    templates.push_back(std::move(t));
            } catch (const UserError& e) {
                report(e.message());
            } catch (const std::exception& e) {
                // Not a mistake in the file Jixiao can name (a defect, or out of memory): still say which
                // file.
                report({"error.json.cannot-read",
                        {{"file", file.string()}, {"path", "$"}, {"detail", e.what()}}});
            }
        }
    }
    return templates;
}

std::string standardKey(std::string_view standard) {
    // Runs between the blanks copied whole, one pass: validation keys every template's standards per call.
    std::string key;
    key.reserve(standard.size());
    std::size_t kept = 0; // start of the run not yet in `key`
    for (std::size_t i = 0; i < standard.size(); ++i) {
        const char c = standard[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            key.append(standard.substr(kept, i - kept));
            kept = i + 1;
        }
    }
    key.append(standard.substr(kept));
    return key;
}

std::set<std::string> vettedStandards(const std::vector<Template>& templates) {
    std::set<std::string> keys;
    for (const auto& t : templates)
        forEachLeaf(t.card, [&](const Indicator& leaf) {
            if (!leaf.standard.empty())
                keys.insert(standardKey(leaf.standard));
        });
    return keys;
}

std::vector<IndicatorSuggestion> suggestionsFor(const std::vector<Template>& templates,
                                                std::string_view templateId) {
    std::vector<IndicatorSuggestion> result;
    for (const bool own : {true, false})
        for (const auto& t : templates)
            if ((t.id == templateId) == own)
                result.insert(result.end(), t.suggestions.begin(), t.suggestions.end());
    return result;
}

std::string templateKind(const std::vector<Template>& templates, std::string_view templateId) {
    for (const auto& t : templates)
        if (t.id == templateId)
            return t.kind;
    return "project";
}

std::string reportKind(const std::vector<Template>& templates, const Scorecard& card,
                       const std::vector<std::string>& paragraphs) {
    if (!card.meta.templateId.empty())
        return templateKind(templates, card.meta.templateId);
    // The report's own name for itself: its table's caption or title, and its first paragraph (the report's
    // title). Not the rest of the prose, where a project's report may speak of "部门整体绩效".
    const auto first = std::find_if(paragraphs.begin(), paragraphs.end(),
                                    [](const std::string& p) { return !trimCell(p).empty(); });
    if (namesWholeDepartment(card.meta.title) || (first != paragraphs.end() && namesWholeDepartment(*first)))
        return "department";
    return templateKind(templates, closestTemplateId(templates, card));
}

std::string closestTemplateId(const std::vector<Template>& templates, const Scorecard& card) {
    std::set<std::string> names;
    std::size_t leaves = 0;
    forEachLeaf(card, [&](const Indicator& leaf) {
        ++leaves;
        names.insert(leaf.name);
    });
    std::string best;
    std::size_t bestShared = 0;
    bool tied = false;
    for (const auto& t : templates) {
        std::set<std::string> shared;
        forEachLeaf(t.card, [&](const Indicator& leaf) {
            if (names.contains(leaf.name))
                shared.insert(leaf.name);
        });
        if (shared.size() > bestShared) {
            best = t.id;
            bestShared = shared.size();
            tied = false;
        } else if (shared.size() == bestShared) {
            tied = true;
        }
    }
    return !tied && 2 * bestShared > leaves ? best : std::string();
}

} // namespace jixiao
