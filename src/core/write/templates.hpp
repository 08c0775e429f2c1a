// Indicator-system templates (指标体系模板): shipped in extension/templates/*.json, user files may add or
// override them. A template is the scorecard JSON format plus id, names and kind; docs/templates.md is the
// user-facing schema.
#pragma once

#include "core/model/scorecard.hpp"
#include "core/model/user_error.hpp"
#include "core/write/suggestions.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

struct Template {
    std::string id;     // stable, [a-z0-9-]+: "county-project"
    std::string nameZh; // name["zh-CN"]
    std::string nameEn; // name["en"]
    std::string kind;   // "project" (项目支出) or "department" (部门整体支出); free text otherwise
    Scorecard card;     // indicators, weights, rules and grade bands; card.meta.templateId == id
    std::string sourceFile;
    // The indicators' optional standard suggestions (建议), for the `problems` section.
    std::vector<IndicatorSuggestion> suggestions;
};

// Parses and validates: id and names present, weights ≥ 0, each parent's weight equals the sum of its
// children's, level-one weights sum to 100, rules well-formed. Throws JsonFormatError (scorecard_json.hpp).
Template parseTemplate(std::string_view json, const std::string& sourceName);
Template loadTemplateFile(const std::filesystem::path& file);

// Loads every *.json in the directories in order (files sorted by name within a directory). A later
// template with the same id replaces the earlier one in place — user directories come last to override
// shipped ones. A bad file is skipped and described in `errors` (the JsonFormatError's message: key and
// {file}, {path} …, worded by the surface); missing directories are skipped silently. Never throws for a bad
// file.
std::vector<Template> loadTemplateDirectories(const std::vector<std::filesystem::path>& dirs,
                                              std::vector<Message>* errors);

// A 评价标准 text without its whitespace and line breaks: the same standard whether a host joins the cell's
// paragraphs with "\n", "\r\n" or not at all.
std::string standardKey(std::string_view standard);

// Every leaf's 评价标准 in `templates`, as standardKey() gives it: the texts validation
// does not judge as standards (ValidationInput::vettedStandards).
std::set<std::string> vettedStandards(const std::vector<Template>& templates);

// Every template's suggestions, those of the template `templateId` (the report's, when known) first, so
// suggestionFor() prefers the report's own framework and falls back on the others for a typed table.
std::vector<IndicatorSuggestion> suggestionsFor(const std::vector<Template>& templates,
                                                std::string_view templateId);

// The kind of the template `templateId` ("department" for 部门整体支出): it chooses what the generated
// sections call the subject of the evaluation (NarrativeOptions::subjectKind). "project" when no loaded
// template has that id — a table typed by hand reads as a project's, as most evaluations are.
std::string templateKind(const std::vector<Template>& templates, std::string_view templateId);

// The kind of framework a report follows ("department" for a department's whole spending, 部门整体支出;
// "project" otherwise), which chooses what its caption and generated sections call the subject: the template
// it was made from (card.meta.templateId); else what the report says of itself — its title or its table's
// caption (card.meta.title) or its first paragraph naming 部门整体支出绩效 — since a department may score
// itself by a framework of its own that shares no indicator with a shipped template; else the closest
// template's kind.
std::string reportKind(const std::vector<Template>& templates, const Scorecard& card,
                       const std::vector<std::string>& paragraphs);

// The id of the template whose framework the table of `card` follows, for a document that does not say
// (a table read from a document carries no templateId): the template sharing the most leaf indicator names
// with it, when they are more than half of the table's leaves and no other template shares as many. Empty
// for a table of no known framework.
std::string closestTemplateId(const std::vector<Template>& templates, const Scorecard& card);

} // namespace jixiao
