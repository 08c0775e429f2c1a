#include "core/check/validate_prose.hpp"

#include "core/derive/report_summary.hpp"
#include "core/read/paragraph_kind.hpp"
#include "core/read/prose_funding.hpp"
#include "core/text/numbers.hpp"
#include "core/text/prose_text.hpp"
#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace jixiao::prose {
namespace {

using Text = std::u32string;
using View = std::u32string_view;

} // namespace

namespace {

Finding yearFinding(int found, int expected) {
    Finding f;
    f.ruleId = "year.mismatch";
    f.severity = Severity::Error;
    f.args = {{"found", std::to_string(found)}, {"expected", std::to_string(expected)}};
    return f;
}

Finding paragraphFinding(const char* ruleId, Severity severity, int paragraph, int offset, int length) {
    Finding f;
    f.ruleId = ruleId;
    f.severity = severity;
    f.location.kind = Location::Kind::Paragraph;
    f.location.paragraph = paragraph;
    f.location.offset = offset;
    f.location.length = length;
    return f;
}

std::string compact(std::string_view text) {
    Text out;
    for (const char32_t c : decodeUtf8(text))
        if (!isSpace(c))
            out.push_back(c);
    return encodeUtf8(out);
}

} // namespace

std::vector<Finding> checkYears(const Scorecard& card, const std::vector<std::string>& paragraphs,
                                std::optional<int> reportYear) {
    // Where each paragraph's checked years are: the whole paragraph for titles and headings, only the 《…》
    // quotes of report titles inside prose, so 富财行〔2025〕1号 or "2024年共办理…" never count.
    struct Checked {
        int paragraph;
        YearInText year;
    };
    std::vector<Checked> checked;
    // The report title is the reference unless the user entered the year: then it is checked like the rest.
    for (int p = reportYear ? 0 : 1; p < int(paragraphs.size()); ++p) {
        const Text text = decodeUtf8(paragraphs[std::size_t(p)]);
        const auto years = yearsInText(paragraphs[std::size_t(p)]);
        if (isTitleOrCaption(text) || isNumberedHeading(text)) {
            for (const auto& y : years)
                checked.push_back({p, y});
            continue;
        }
        for (std::size_t open = text.find(U'《'); open != Text::npos; open = text.find(U'《', open + 1)) {
            const auto close = text.find(U'》', open);
            if (close == Text::npos)
                break;
            if (!namesReportKind(View(text).substr(open, close - open)))
                continue;
            for (const auto& y : years)
                if (y.offset > int(open) && y.offset < int(close))
                    checked.push_back({p, y});
        }
    }
    const auto titleYears = paragraphs.empty() ? std::vector<YearInText>{} : yearsInText(paragraphs.front());
    std::optional<int> reference = reportYear; // the 年度 the user entered
    if (!reference && !titleYears.empty())
        reference = titleYears.front().year;
    else if (!reference && card.meta.year)
        reference = card.meta.year;
    else if (!reference && !checked.empty())
        reference = checked.front().year.year;
    if (!reference)
        return {};

    std::vector<Finding> findings;
    for (const auto& c : checked)
        if (c.year.year != *reference) {
            Finding f = yearFinding(c.year.year, *reference);
            f.location =
                paragraphFinding("", Severity::Error, c.paragraph, c.year.offset, c.year.length).location;
            findings.push_back(std::move(f));
        }

    // The table's own title row and year, unless they are one of the paragraphs already checked (a caption
    // read both as a paragraph and as the table's title must be reported once).
    const std::string title = compact(card.meta.title);
    const bool titleIsAParagraph = std::any_of(paragraphs.begin(), paragraphs.end(),
                                               [&](const std::string& p) { return compact(p) == title; });
    auto tableFinding = [&](int found) {
        Finding f = yearFinding(found, *reference);
        f.location.table = card.tableName;
        findings.push_back(std::move(f));
    };
    const auto metaTitleYears = yearsInText(card.meta.title);
    if (!title.empty() && !titleIsAParagraph)
        for (const auto& y : metaTitleYears)
            if (y.year != *reference)
                tableFinding(y.year);
    const bool yearIsInTitle = std::any_of(metaTitleYears.begin(), metaTitleYears.end(),
                                           [&](const YearInText& y) { return card.meta.year == y.year; });
    if (card.meta.year && *card.meta.year != *reference && !yearIsInTitle)
        tableFinding(*card.meta.year);
    return findings;
}

namespace {

// Reads the figures of one paragraph and compares each with the table.
class NarrativeChecker {
public:
    NarrativeChecker(const Scorecard& card, const Funding& funding, std::string_view fundingRules,
                     bool adjustedBudget, bool wholeDepartment, std::vector<Finding>& out)
        : card_(card), funding_(funding), fundingRules_(fundingRules), adjustedBudget_(adjustedBudget),
          wholeDepartment_(wholeDepartment), out_(out),
          // Without a table read there is no total to quote against (never "the table totals 0").
          summary_(summarizeReport(card, funding)),
          total_(card.indicators.empty() ? std::nullopt : summary_.total) {
        for (const auto& item : funding.items) {
            Text name = decodeUtf8(item.name);
            Text stem = name;
            if (stem.size() > 2 && View(stem).ends_with(U"支出"))
                stem.resize(stem.size() - 2);
            names_.push_back({std::move(name), std::move(stem)});
        }
    }

    void check(int paragraph, const std::string& utf8) {
        const Text text = decodeUtf8(utf8);
        checkGrade(paragraph, text);
        // Item indices are ints with -1 for none: g++ 12 at -O2 misreports optional<size_t> as uninitialised.
        long lastItemSentence = -1;
        int lastItem = -1;
        for (const auto& n : findNumbersInText(utf8)) {
            if (n.unit == "年")
                continue;
            const auto at = std::size_t(n.offset);
            const std::size_t clauseStart = boundaryBefore(text, at, U"，,、。；;！!？?\n");
            const std::size_t sentenceStart = boundaryBefore(text, at, U"。；;！!？?\n");
            const std::size_t clauseEnd = text.find_first_of(U"，,、。；;！!？?\n", at);
            const View clause = View(text).substr(
                clauseStart, clauseEnd == Text::npos ? Text::npos : clauseEnd - clauseStart);
            const View before = View(text).substr(clauseStart, at - clauseStart);
            // A criterion, not a figure: "预算执行率95%以上得满分".
            if (statesCriterion(clause))
                continue;
            if (long(sentenceStart) != lastItemSentence)
                lastItem = -1;
            if (n.unit == "分")
                checkTotal(paragraph, n, before);
            else if (n.percent)
                checkPercent(paragraph, n, before, lastItem);
            else if (const int item = checkMoney(paragraph, n, before); item >= 0) {
                lastItem = item;
                lastItemSentence = long(sentenceStart);
            }
        }
    }

private:
    // Index of the item named last before the figure, or -1.
    int itemNamedIn(View before, long* position = nullptr) const {
        int best = -1;
        long bestAt = -1;
        for (int i = 0; i < int(names_.size()); ++i)
            for (const View name : {View(names_[std::size_t(i)].first), View(names_[std::size_t(i)].second)})
                if (const auto at = before.rfind(name); at != View::npos && long(at) > bestAt) {
                    bestAt = long(at);
                    best = i;
                }
        if (position)
            *position = bestAt;
        return best;
    }

    void report(Finding f, std::map<std::string, std::string> args) {
        f.args = std::move(args);
        out_.push_back(std::move(f));
    }

    // The unit's whole budget or spending in a project's report: not a figure of the project's.
    bool namesUnitsWhole(View before) const { return !wholeDepartment_ && namesUnitsWholeFigure(before); }

    static Finding at(const char* ruleId, int paragraph, const NumberInText& n) {
        return paragraphFinding(ruleId, Severity::Error, paragraph, n.offset, n.numberLength);
    }
    // A funding figure's finding: narrative.* against the table or properties, prose.* against the figures
    // the prose itself states (fundingFromProse).
    Finding fundingAt(std::string_view rule, int paragraph, const NumberInText& n) const {
        Finding f = at("", paragraph, n);
        f.ruleId = std::string(fundingRules_) + "." + std::string(rule);
        return f;
    }

    void checkTotal(int paragraph, const NumberInText& n, View before) {
        if (!total_ || !hasAny(before, {U"总得分", U"综合得分", U"最终得分", U"得分合计", U"合计得分"}))
            return;
        if (n.value.rounded(2) != total_->rounded(2))
            report(at("narrative.total", paragraph, n),
                   {{"found", n.value.toString(6)}, {"expected", total_->toString(6)}});
    }

    void checkPercent(int paragraph, const NumberInText& n, View before, int lastItem) {
        if (!funding_.actual || namesUnitsWhole(before))
            return;
        if (has(before, U"执行率") || (has(before, U"占") && has(before, U"预算"))) {
            // "占年初预算的x%" in a report with an adjusted budget is a ratio to another budget.
            if (!funding_.budget || (adjustedBudget_ && !has(before, U"执行率") &&
                                     namesInitialBudget(before, lastBudgetKeyword(before))))
                return;
            const auto rate = Decimal::percent(*funding_.actual, *funding_.budget);
            if (rate && n.value.rounded(2) != rate->rounded(2))
                report(fundingAt("execution-rate", paragraph, n),
                       {{"found", n.value.toString(6)}, {"expected", rate->toString(2)}});
            return;
        }
        if (!has(before, U"占"))
            return;
        const int named = itemNamedIn(before);
        const int item = named >= 0 ? named : lastItem;
        if (item < 0)
            return;
        const FundingItem& it = funding_.items[std::size_t(item)];
        const auto share = Decimal::percent(it.amount, *funding_.actual);
        if (share && n.value.rounded(2) != share->rounded(2))
            report(fundingAt("item-share", paragraph, n),
                   {{"item", it.name}, {"found", n.value.toString(6)}, {"expected", share->toString(2)}});
    }

    // Returns the item an amount was matched to, so a following "占总支出的x%" knows whose share it is.
    int checkMoney(int paragraph, const NumberInText& n, View before) {
        const auto amount = amountIn(n, funding_.unit);
        if (!amount || namesLeftover(before) || namesUnitsWhole(before))
            return -1;
        long itemAt = -1;
        const auto item = itemNamedIn(before, &itemAt);
        const long budgetAt = lastBudgetKeyword(before);
        const long actualAt = lastActualKeyword(before);
        const std::map<std::string, std::string> unit{{"unit", funding_.unit}};
        auto compare = [&](std::string_view rule, Decimal expected, std::map<std::string, std::string> args) {
            if (amount->rounded(2) == expected.rounded(2))
                return;
            args.merge(std::map<std::string, std::string>(unit));
            args["found"] = amount->toString(6);
            args["expected"] = expected.toString(2);
            report(fundingAt(rule, paragraph, n), std::move(args));
        };
        // The keyword nearest the figure decides what it is.
        if (item >= 0 && itemAt > budgetAt && itemAt > actualAt) {
            compare("item-amount", funding_.items[std::size_t(item)].amount,
                    {{"item", funding_.items[std::size_t(item)].name}});
            return item;
        }
        if (actualAt > budgetAt && funding_.actual)
            compare("actual", *funding_.actual, {});
        else if (budgetAt > actualAt && funding_.budget &&
                 !(adjustedBudget_ && namesInitialBudget(before, budgetAt)))
            compare("budget", *funding_.budget, {});
        return -1;
    }

    // "评价等级为“优秀”", "评价结果为良好": the label after 等级/评价结果 and a connector or an opening
    // quote.
    void checkGrade(int paragraph, const Text& text) {
        if (!total_)
            return;
        const std::string& expected = summary_.grade;
        std::vector<Text> labels;
        for (const auto& band : card_.gradeBands)
            labels.push_back(decodeUtf8(band.label));
        std::sort(labels.begin(), labels.end(),
                  [](const Text& a, const Text& b) { return a.size() > b.size(); });
        for (const View key : {View(U"等级"), View(U"评价结果")})
            for (auto pos = text.find(key); pos != Text::npos; pos = text.find(key, pos + 1)) {
                std::size_t i = pos + key.size();
                std::size_t connectors = 0;
                while (i < text.size() && has(U"为是：: \u3000", View(&text[i], 1)) && connectors < 2)
                    ++i, ++connectors;
                const bool quoted = i < text.size() && has(U"“\"「『‘'", View(&text[i], 1));
                if (quoted)
                    ++i;
                if (!connectors && !quoted)
                    continue;
                for (const auto& label : labels)
                    if (!label.empty() && View(text).substr(i).starts_with(label)) {
                        if (encodeUtf8(label) != expected) {
                            Finding f = paragraphFinding("narrative.grade", Severity::Error, paragraph,
                                                         int(i), int(label.size()));
                            report(std::move(f), {{"found", encodeUtf8(label)}, {"expected", expected}});
                        }
                        break;
                    }
            }
    }

    const Scorecard& card_;
    const Funding& funding_;
    std::string_view fundingRules_;
    bool adjustedBudget_ = false;  // the report states 全年预算 besides 年初预算
    bool wholeDepartment_ = false; // a 部门整体支出 report: the department's figures are its own
    std::vector<Finding>& out_;
    const ReportSummary summary_; // the total and grade the deck and the sections show
    std::optional<Decimal> total_;
    std::vector<std::pair<Text, Text>> names_; // item name and its stem without 支出
};

} // namespace

std::vector<Finding> checkNarrative(const Scorecard& card, const Funding& funding,
                                    const std::vector<std::string>& paragraphs,
                                    std::string_view fundingRules) {
    std::vector<Finding> findings;
    if (paragraphs.empty()) // a keystroke's read of the tables alone: no prose, no summary to compute
        return findings;
    NarrativeChecker checker(card, funding, fundingRules, statesAdjustedBudget(paragraphs),
                             evaluatesWholeDepartment(paragraphs), findings);
    for (int p = 0; p < int(paragraphs.size()); ++p)
        checker.check(p, paragraphs[std::size_t(p)]);
    return findings;
}

} // namespace jixiao::prose
