#include "core/write/narrative.hpp"

#include "core/derive/figures.hpp"
#include "core/derive/report_summary.hpp"
#include "core/model/messages.hpp"
#include "core/model/user_error.hpp"
#include "core/read/report_title.hpp"
#include "core/read/table_caption.hpp"
#include "core/text/text.hpp"
#include "core/text/utf8.hpp"
#include "core/write/score_table_caption.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace jixiao {
namespace {

using Args = std::map<std::string, std::string>;

bool isChineseLanguage(std::string_view lang) {
    return lang.size() >= 2 && (lang[0] == 'z' || lang[0] == 'Z') && (lang[1] == 'h' || lang[1] == 'H') &&
           (lang.size() == 2 || lang[2] == '-' || lang[2] == '_');
}

std::map<std::string, std::string, std::less<>> readStringMap(const nlohmann::json& root, const char* member,
                                                              const std::string& sourceName) {
    std::map<std::string, std::string, std::less<>> result;
    if (!root.contains(member))
        return result;
    const auto& object = root.at(member);
    if (!object.is_object())
        throw std::runtime_error(sourceName + ": \"" + member + "\" must be an object of strings");
    for (const auto& [key, value] : object.items()) {
        if (!value.is_string())
            throw std::runtime_error(sourceName + ": " + member + "." + key + " is not a string");
        result.emplace(key, value.get<std::string>());
    }
    return result;
}

// Trailing sentence punctuation and whitespace of a reason typed into a cell, so the pattern can end the
// sentence itself without doubling "。".
std::string trimReason(std::string_view reason) {
    static constexpr std::u32string_view stops = U"。；，;.,";
    const std::u32string decoded = decodeUtf8(reason);
    std::u32string_view text = trimSpaces(decoded);
    while (!text.empty() && stops.find(text.back()) != std::u32string_view::npos)
        text = trimSpaces(text.substr(0, text.size() - 1));
    return encodeUtf8(text);
}

// "社保缴费支出" → "社保缴费": the list of names is followed by the pattern's own 支出 ("资金主要用于…支出"),
// and items read from prose or typed into a table often carry it already.
std::string withoutTrailingSpending(const std::string& name) {
    static const std::string spending = "支出";
    if (name.size() > spending.size() && name.ends_with(spending))
        return name.substr(0, name.size() - spending.size());
    return name;
}

// A leaf that lost points: the deduction is the figure's (weight − score for a valid score), the truth, not
// the 扣分 cell as typed. A score outside 0‥分值 lost nothing yet: validation names it.
struct Lost {
    const Indicator* indicator;
    Decimal deduction;
};

std::vector<Lost> lostPoints(const Indicator& root) {
    std::vector<Lost> result;
    std::function<void(const Indicator&)> visit = [&](const Indicator& node) {
        if (node.children.empty()) {
            if (const auto deduction = leafDeduction(node); deduction && !deduction->isZero())
                result.push_back({&node, *deduction});
            return;
        }
        for (const auto& child : node.children)
            visit(child);
    };
    visit(root);
    return result;
}

std::vector<Lost> lostPoints(const Scorecard& card) {
    std::vector<Lost> result;
    for (const auto& top : card.indicators)
        for (const auto& lost : lostPoints(top))
            result.push_back(lost);
    return result;
}

// Writes one section: picks patterns, formats numbers the way the options ask, and fills them in.
class SectionWriter {
public:
    SectionWriter(const Scorecard& card, const NarrativePatterns& patterns, const NarrativeOptions& options)
        : card_(card), patterns_(patterns), options_(options), funding_(deriveFunding(card.funding)) {}

    std::vector<std::string> conclusion() const {
        if (card_.indicators.empty())
            return {render("common.noIndicators", {})};
        const auto figures = summarizeReport(card_);
        Args args{{"tableTitle", tableTitle()}, {"totalWeight", points(figures.weight)}};
        if (!figures.total)
            return {render("conclusion.incomplete", args)};
        args["totalScore"] = points(*figures.total);
        args["grade"] = patterns_.term(figures.grade);
        std::string text = render("conclusion.result", args);
        const auto lost = lostPoints(card_);
        if (lost.empty())
            return {text + render("conclusion.noDeduction", {})};
        std::vector<std::string> items;
        for (const auto& l : lost)
            items.push_back(
                render("conclusion.deductionItem", {{"indicator", l.indicator->name},
                                                    {"deduction", points(l.deduction)},
                                                    {"reason", trimReason(l.indicator->reason)}}));
        return {text + render("conclusion.deductions", {{"count", std::to_string(lost.size())},
                                                        {"items", join(items, "separator.items")}})};
    }

    std::vector<std::string> costBenefit() const {
        const Funding& f = card_.funding;
        if (!funding_.actual)
            return {render("cost-benefit.noData", {})};
        Args args = fundingArgs();
        std::string text = render(f.budget ? "cost-benefit.budget" : "cost-benefit.actualOnly", args);
        if (!f.items.empty()) {
            std::vector<std::string> names, items;
            for (std::size_t i = 0; i < f.items.size(); ++i) {
                names.push_back(withoutTrailingSpending(f.items[i].name));
                items.push_back(render("cost-benefit.item", itemArgs(i)));
            }
            text += render("cost-benefit.items",
                           {{"names", joinList(names)}, {"items", join(items, "separator.clauses")}});
        }
        if (f.outputCount && !f.outputCount->isZero()) {
            // Quote the unit cost in 元 when amounts are in 万元: "5.25元/件" reads better than 0.0005万元.
            const bool wan = f.unit == "万元";
            const auto spent = wan ? Decimal::product(*funding_.actual, 10000) : funding_.actual;
            const Decimal unitCost =
                requireFigure(spent ? Decimal::divide(*spent, *f.outputCount) : std::nullopt,
                              "error.unit-cost-out-of-range");
            const std::string outputUnit =
                f.outputUnit.empty() ? pattern("fragment.defaultOutputUnit") : patterns_.term(f.outputUnit);
            text += render("cost-benefit.unitCost", {{"outputName", f.outputName},
                                                     {"count", outputCount(*f.outputCount)},
                                                     {"outputUnit", outputUnit},
                                                     {"unitCost", money(unitCost)},
                                                     {"costUnit", patterns_.term(wan ? "元" : f.unit)}});
        }
        return {text};
    }

    std::vector<std::string> fundingUsage() const {
        const Funding& f = card_.funding;
        if (!funding_.actual)
            return {render("funding-usage.noData", {})};
        Args args = fundingArgs();
        args["subject"] = card_.meta.unit.empty() ? pattern("fragment.defaultSubject") : card_.meta.unit;
        args["project"] = card_.meta.project;
        std::vector<std::string> items;
        for (std::size_t i = 0; i < f.items.size(); ++i)
            items.push_back(render("funding-usage.item", itemArgs(i)));
        args["items"] = join(items, "separator.list");
        return {render(f.budget ? "funding-usage.source" : "funding-usage.actualOnly", args)};
    }

    std::vector<std::string> deductions() const {
        if (card_.indicators.empty())
            return {render("common.noIndicators", {})};
        const auto lost = lostPoints(card_);
        if (lost.empty())
            return {render("deductions.none", {})};
        std::vector<std::string> paragraphs;
        for (const auto& l : lost)
            paragraphs.push_back(render("deductions.item", {{"indicator", l.indicator->name},
                                                            {"weight", points(l.indicator->weight)},
                                                            {"score", points(*l.indicator->score)},
                                                            {"deduction", points(l.deduction)},
                                                            {"reason", trimReason(l.indicator->reason)}}));
        return paragraphs;
    }

    std::vector<std::string> analysis() const {
        if (card_.indicators.empty())
            return {render("common.noIndicators", {})};
        std::vector<std::string> paragraphs;
        for (const auto& top : card_.indicators) {
            std::string text = render("analysis.first", scoreArgs(top));
            if (!top.children.empty() && !top.children.front().children.empty()) {
                std::vector<std::string> items;
                for (const auto& child : top.children)
                    items.push_back(render("analysis.child", scoreArgs(child)));
                text += render("analysis.children", {{"items", join(items, "separator.items")}});
            }
            const auto lost = lostPoints(top);
            if (lost.empty() && scoreOf(top)) {
                text += render("analysis.full", {});
            } else if (!lost.empty()) {
                std::vector<std::string> items;
                for (const auto& l : lost)
                    items.push_back(render("analysis.lostItem", {{"indicator", l.indicator->name},
                                                                 {"deduction", points(l.deduction)}}));
                text += render("analysis.lost", {{"items", join(items, "separator.list")}});
            }
            paragraphs.push_back(text);
        }
        return paragraphs;
    }

    // 存在的问题和建议: the indicators that lost points, grouped by 一级 in the table's order, each with its
    // deduction and the reason the table gives; then one suggestion per problem — the framework's where its
    // template has one, else a placeholder naming the indicator for a person to fill. Nothing the table does
    // not say. Like the conclusion, nothing is summed up while a score is missing.
    std::vector<std::string> problems() const {
        if (card_.indicators.empty())
            return {render("common.noIndicators", {})};
        if (!summarizeReport(card_).total)
            return {render("problems.incomplete", {})};
        std::size_t leaves = 0;
        std::map<std::string, int, std::less<>> named; // how many leaves carry each name
        forEachLeaf(card_, [&](const Indicator& leaf) {
            ++leaves;
            ++named[leaf.name];
        });
        std::vector<std::string> groups, suggestions, quoted;
        std::size_t count = 0;
        for (const auto& top : card_.indicators) {
            std::vector<std::string> items;
            for (const auto& [path, lost] : lostWithPaths(top)) {
                // Two leaves of one name (管理制度健全性 under 业务管理 and 财务管理): each says which it is.
                const std::string parent = named[lost.indicator->name] > 1 && path.size() >= 2
                                               ? path[path.size() - 2]
                                               : std::string();
                items.push_back(render("problems.item", {{"indicator", lost.indicator->name},
                                                         {"parent", parent},
                                                         {"deduction", points(lost.deduction)},
                                                         {"reason", trimReason(lost.indicator->reason)}}));
                const auto standard = suggestionFor(options_.suggestions, path, patterns_.language());
                const std::string number = std::to_string(suggestions.size() + 1);
                if (!standard) {
                    suggestions.push_back(render(
                        "problems.suggestionPlaceholder",
                        {{"number", number}, {"indicator", lost.indicator->name}, {"parent", parent}}));
                } else if (std::find(quoted.begin(), quoted.end(), *standard) == quoted.end()) {
                    // One framework sentence can answer several indicators (资金到位率, 到位及时率): said
                    // once.
                    quoted.push_back(*standard);
                    suggestions.push_back(render(
                        "problems.suggestion", {{"number", number}, {"suggestion", trimReason(*standard)}}));
                }
            }
            if (items.empty())
                continue;
            count += items.size();
            groups.push_back(render("problems.group", {{"number", std::to_string(groups.size() + 1)},
                                                       {"first", top.name},
                                                       {"items", join(items, "separator.items")}}));
        }
        if (groups.empty())
            return {render("problems.none", {})};
        std::vector<std::string> paragraphs{render(
            "problems.lead",
            {{"year", year()}, {"count", std::to_string(count)}, {"leafCount", std::to_string(leaves)}})};
        paragraphs.insert(paragraphs.end(), groups.begin(), groups.end());
        paragraphs.push_back(render("problems.suggestionsLead", {}));
        paragraphs.insert(paragraphs.end(), suggestions.begin(), suggestions.end());
        return paragraphs;
    }

private:
    // The leaves below `top` that lost points, each with its names from `top` down.
    static std::vector<std::pair<std::vector<std::string>, Lost>> lostWithPaths(const Indicator& top) {
        std::vector<std::pair<std::vector<std::string>, Lost>> result;
        std::vector<std::string> names;
        std::function<void(const Indicator&)> visit = [&](const Indicator& node) {
            names.push_back(node.name);
            for (const auto& lost : node.children.empty() ? lostPoints(node) : std::vector<Lost>{})
                result.emplace_back(names, lost);
            for (const auto& child : node.children)
                visit(child);
            names.pop_back();
        };
        visit(top);
        return result;
    }

    const std::string& pattern(std::string_view key) const { return patterns_.pattern(key); }
    std::string render(std::string_view key, const Args& args) const {
        const std::string& text = pattern(key);
        Args filled = args;
        for (const char* noun : {"evaluated", "Evaluated"})
            if (text.find("{" + std::string(noun) + "}") != std::string::npos)
                filled.emplace(noun, subjectNoun(noun));
        return renderPattern(text, filled);
    }

    // What the evaluation is about, as the framework's kind names it (该项目, 该部门): `evaluated.<kind>`, or
    // the project's noun for a kind the pattern file does not name. Asked only by a pattern that says it, so
    // a pattern file without these keys still writes the sections that do not.
    const std::string& subjectNoun(std::string_view noun) const {
        const std::string key = std::string(noun) + "." + options_.subjectKind;
        return pattern(patterns_.hasPattern(key) ? key : std::string(noun) + ".project");
    }

    // Money and percentages: half-up at two decimals, trailing zeros per the options.
    std::string money(Decimal value) const {
        return options_.fixedTwoDecimals ? value.toFixed(2) : value.toString(2);
    }
    std::string percent(std::optional<Decimal> value) const { return value ? money(*value) : std::string(); }
    static std::string points(Decimal value) { return value.toString(2); }
    static std::string outputCount(Decimal value) { return value.toString(2); }

    std::string year() const { return card_.meta.year ? std::to_string(*card_.meta.year) : std::string(); }

    std::string tableTitle() const {
        // A title that quotes 《…》 is a sentence read by mistake; quoting it would nest 《 in 《.
        const std::string& title = card_.meta.title;
        if (!title.empty() && title.find("《") == std::string::npos && title.find("》") == std::string::npos)
            return trimReason(withoutAppendixNumber(title));
        // Else the caption the table is given (core/write/score_table_caption's rule: a department's names
        // its whole spending, not a project), in this file's words; the generic name when it cannot name
        // what is evaluated.
        if (!captionNamesSubject(card_.meta, options_.subjectKind))
            return pattern("fragment.defaultTableTitle");
        const std::string kindKey = "fragment.tableTitle." + options_.subjectKind;
        return render(
            patterns_.hasPattern(kindKey) ? kindKey : "fragment.tableTitle",
            {{"unit", card_.meta.unit}, {"year", year()}, {"project", projectInTitle(card_.meta.project)}});
    }

    // Actual spending, shares and the execution rate are the funding's figures (figures.hpp): the same the
    // funding table and the deck show.
    Args fundingArgs() const {
        const Funding& f = card_.funding;
        Args args{{"year", year()}, {"money", patterns_.term(f.unit)}, {"actual", money(*funding_.actual)}};
        if (f.budget) {
            args["budget"] = money(*f.budget);
            args["rate"] = percent(funding_.executionRate);
        }
        return args;
    }

    Args itemArgs(std::size_t index) const {
        const FundingItem& item = card_.funding.items[index];
        return {{"name", item.name},
                {"amount", money(item.amount)},
                {"money", patterns_.term(card_.funding.unit)},
                {"share", percent(funding_.shares[index])}};
    }

    Args scoreArgs(const Indicator& node) const {
        const auto score = scoreOf(node);
        Args args{{"indicator", node.name}, {"weight", points(weightOf(node))}};
        if (score) {
            args["score"] = points(*score);
            args["rate"] = percent(scoreRate(node));
        }
        return args;
    }

    std::string join(const std::vector<std::string>& parts, std::string_view separatorKey) const {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i)
            out += (i ? pattern(separatorKey) : std::string()) + parts[i];
        return out;
    }

    // "甲、乙和丙" / "A, B and C".
    std::string joinList(const std::vector<std::string>& parts) const {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i > 0)
                out += pattern(i + 1 == parts.size() ? "separator.listLast" : "separator.list");
            out += parts[i];
        }
        return out;
    }

    const Scorecard& card_;
    const NarrativePatterns& patterns_;
    const NarrativeOptions& options_;
    const FundingFigures funding_;
};

} // namespace

NarrativePatterns NarrativePatterns::fromJson(std::string_view json, const std::string& sourceName) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(json.begin(), json.end());
    } catch (const nlohmann::json::parse_error& e) {
        throw std::runtime_error(sourceName + ": not valid JSON: " + e.what());
    }
    if (!root.is_object() || !root.contains("patterns"))
        throw std::runtime_error(sourceName + ": expected an object with \"patterns\"");
    NarrativePatterns result;
    result.sourceName_ = sourceName;
    if (root.contains("lang")) {
        if (!root.at("lang").is_string())
            throw std::runtime_error(sourceName + ": \"lang\" must be a string");
        result.language_ = root.at("lang").get<std::string>();
    }
    result.patterns_ = readStringMap(root, "patterns", sourceName);
    result.terms_ = readStringMap(root, "terms", sourceName);
    return result;
}

NarrativePatterns NarrativePatterns::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error(file.string() + ": cannot open narrative patterns");
    std::ostringstream contents;
    contents << in.rdbuf();
    return fromJson(contents.str(), file.string());
}

NarrativePatterns NarrativePatterns::loadForLanguage(const std::filesystem::path& directory,
                                                     std::string_view lang) {
    return load(directory / (isChineseLanguage(lang) ? "zh-CN.json" : "en.json"));
}

const std::string& NarrativePatterns::pattern(std::string_view key) const {
    const auto found = patterns_.find(key);
    if (found == patterns_.end())
        throw std::runtime_error(sourceName_ + ": narrative pattern \"" + std::string(key) + "\" is missing");
    return found->second;
}

std::string NarrativePatterns::term(std::string_view word) const {
    const auto found = terms_.find(word);
    return found == terms_.end() ? std::string(word) : found->second;
}

std::vector<std::string> NarrativePatterns::keys() const {
    std::vector<std::string> result;
    for (const auto& [key, text] : patterns_)
        result.push_back(key);
    return result;
}

std::string renderPattern(std::string_view pattern, const Args& args) {
    std::string out;
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('[', i);
        const std::size_t close = open == std::string_view::npos ? open : pattern.find(']', open + 1);
        if (close == std::string_view::npos) {
            out += fillPlaceholders(pattern.substr(i), args);
            break;
        }
        out += fillPlaceholders(pattern.substr(i, open - i), args);
        bool missing = false;
        const std::string segment =
            fillPlaceholders(pattern.substr(open + 1, close - open - 1), args, &missing);
        if (!missing)
            out += segment;
        i = close + 1;
    }
    return out;
}

std::vector<std::string> sectionIds() {
    return {"conclusion", "cost-benefit", "funding-usage", "deductions", "analysis", "problems"};
}

std::vector<std::string> generateSection(const Scorecard& card, std::string_view sectionId,
                                         const NarrativePatterns& patterns, const NarrativeOptions& options) {
    const SectionWriter writer(card, patterns, options);
    if (sectionId == "conclusion")
        return writer.conclusion();
    if (sectionId == "cost-benefit")
        return writer.costBenefit();
    if (sectionId == "funding-usage")
        return writer.fundingUsage();
    if (sectionId == "deductions")
        return writer.deductions();
    if (sectionId == "analysis")
        return writer.analysis();
    if (sectionId == "problems")
        return writer.problems();
    throw UserError("error.unknown-section", {{"id", std::string(sectionId)}});
}

} // namespace jixiao
