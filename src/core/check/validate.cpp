#include "core/check/validate.hpp"

#include "core/check/remembered_rules.hpp"
#include "core/check/validate_funding_block.hpp"
#include "core/check/validate_problems.hpp"
#include "core/check/validate_prose.hpp"
#include "core/derive/figures.hpp"
#include "core/derive/stale_values.hpp"
#include "core/read/paragraph_kind.hpp"
#include "core/read/prose_funding.hpp"
#include "core/read/rules.hpp"
#include "core/text/text.hpp"
#include "core/write/templates.hpp"

#include <algorithm>
#include <climits>
#include <set>
#include <tuple>

namespace jixiao {
namespace {

using Args = std::map<std::string, std::string>;

// Exact values (weights, scores) are quoted with every significant decimal, so two numbers that differ are
// never both shown as "1"; money and percentages are compared and quoted at two decimals.
std::string exact(Decimal d) {
    return d.toString(Decimal::kScaleDigits);
}
std::string twoPlaces(Decimal d) {
    return d.toString(2);
}

bool blank(const std::string& text) {
    return isBlank(text);
}

// A position in reading order. Table cells sit right after the table's caption paragraph.
using SortKey =
    std::tuple<int, int, int, int>; // paragraph, table (0 = the paragraph itself), row/offset, column

// Row and column from a host address ("G12", "Sheet1.$G$12"), so the reader's findings, which carry no grid
// position, sort with ours. Writer names cells by position within the row, which keeps row order exact and
// column order consistent within a row.
std::pair<int, int> addressPosition(const std::string& address) {
    std::size_t end = address.size();
    std::size_t digits = end;
    while (digits > 0 && address[digits - 1] >= '0' && address[digits - 1] <= '9')
        --digits;
    std::size_t letters = digits;
    while (letters > 0 &&
           (address[letters - 1] == '$' || (address[letters - 1] >= 'A' && address[letters - 1] <= 'Z')))
        --letters;
    if (digits == end || letters == digits)
        return {INT_MAX, INT_MAX};
    int column = 0;
    for (std::size_t i = letters; i < digits; ++i)
        if (address[i] != '$')
            column = column * 26 + (address[i] - 'A' + 1);
    return {std::stoi(address.substr(digits, std::min<std::size_t>(end - digits, 9))), column};
}

class Validator {
public:
    explicit Validator(const ValidationInput& input)
        : input_(input), card_(input.card), funding_(input.funding ? *input.funding : card_.funding),
          readFromDocument_(readFromDocument(input.card)), unreadable_(unreadableCells(input.card)) {}

    std::vector<Finding> run() {
        for (const auto& top : card_.indicators)
            checkIndicator(top);
        checkTotalWeight();
        checkTotals();
        checkSubtotals();
        // The self-evaluation form's 预算执行率 line, scored by its block's rate.
        for (auto f : checkRateScore(card_))
            findings_.push_back(std::move(f));
        for (auto f : unsupportedDerivedValues(card_))
            findings_.push_back(std::move(f));
        for (auto f : prose::checkYears(card_, input_.paragraphs, input_.reportYear))
            findings_.push_back(std::move(f));
        // A funding table of its own (not the self-evaluation form's block in the scoring table, whose
        // figures the prose completes as reportFunding does for the deck and the sections).
        const bool fundingTable =
            !card_.fundingTableName.empty() && card_.fundingTableName != card_.tableName;
        const std::optional<Funding> fromProse = fundingTable          ? std::nullopt
                                                 : input_.proseFunding ? *input_.proseFunding
                                                                       : fundingFromProse(input_.paragraphs);
        // The same choice the deck and the sections make (chooseFunding), so a section Jixiao wrote is
        // checked against the figures it quotes.
        const FundingChoice choice = chooseFunding(funding_, fundingTable, fromProse);
        // The self-evaluation form's block beside that table: one budget, one spending, one rate.
        if (fundingTable)
            for (auto f : checkFundingBlock(card_, funding_))
                findings_.push_back(std::move(f));
        if (choice.fromProse) {
            for (auto f : prose::checkNarrative(card_, choice.funding, input_.paragraphs, "prose"))
                findings_.push_back(std::move(f));
            for (auto f : prose::checkItemLists(input_.paragraphs, choice.funding))
                findings_.push_back(std::move(f));
            return finish();
        }
        checkFunding();
        checkActualProperty();
        // Entered budget and spending without items: the items the prose lists are checked against them.
        for (auto f : prose::checkNarrative(card_, choice.funding, input_.paragraphs))
            findings_.push_back(std::move(f));
        if (funding_.items.empty() && !choice.funding.items.empty())
            for (auto f : prose::checkItemLists(input_.paragraphs, choice.funding))
                findings_.push_back(std::move(f));
        return finish();
    }

private:
    std::vector<Finding> finish() {
        for (const auto& issue : card_.readIssues)
            findings_.push_back(issue);
        return std::move(findings_);
    }

    // Cells the reader found holding text that is not a number: it has already said so there, so a score
    // left unread because of it is not reported again as missing (one finding per cause).
    static std::set<std::pair<std::string, std::string>> unreadableCells(const Scorecard& card) {
        std::set<std::pair<std::string, std::string>> cells;
        for (const auto& issue : card.readIssues)
            if (issue.ruleId == "cell.not-a-number")
                cells.emplace(issue.location.table, issue.location.cell);
        return cells;
    }
    bool unreadable(const CellRef& ref) const {
        return !ref.address.empty() && unreadable_.count({card_.tableName, ref.address}) > 0;
    }

    // Reasons are asked for only where the table has a place for them, row by row: a row read from a
    // document without a reason cell of its own — no 扣分原因 (or reason-holding 备注) column, or a row the
    // column does not reach, such as the 预算执行率 line of the national 项目支出绩效自评表, whose score the
    // execution rate decides — is never asked for one. A card not read from a document (a template, JSON)
    // knows no cells and keeps its reasons in the model, so they are asked for.
    static bool readFromDocument(const Scorecard& card) {
        bool read = false;
        forEachLeaf(card, [&](const Indicator& leaf) {
            const auto& c = leaf.cells;
            read = read || c.name.known() || c.weight.known() || c.score.known();
        });
        return read;
    }
    bool reasonAsked(const Indicator& leaf) const { return !readFromDocument_ || leaf.cells.reason.known(); }

    Location cellLocation(const CellRef& ref, const std::string& table) const {
        Location location;
        if (ref.address.empty())
            return location;
        location.kind = Location::Kind::Cell;
        location.table = table;
        location.cell = ref.address;
        return location;
    }

    // The first known cell among `refs`: a finding about a score points at the score cell, or at the
    // indicator's name when the table has no such cell.
    Location indicatorLocation(std::initializer_list<const CellRef*> refs) const {
        for (const CellRef* ref : refs)
            if (!ref->address.empty())
                return cellLocation(*ref, card_.tableName);
        return {};
    }

    void add(const char* ruleId, Severity severity, Location location, const std::string& indicator,
             Args args) {
        Finding f;
        f.ruleId = ruleId;
        f.severity = severity;
        f.location = std::move(location);
        f.indicator = indicator;
        f.args = std::move(args);
        if (!indicator.empty())
            f.args.emplace("indicator", indicator);
        findings_.push_back(std::move(f));
    }

    // A parent's stated weight: its label, or a weight set by a template; a bare parent has none.
    static std::optional<Decimal> statedWeight(const Indicator& node) {
        if (node.children.empty() || node.labelWeight)
            return node.children.empty() ? node.weight : *node.labelWeight;
        return node.weight.isZero() ? std::nullopt : std::optional<Decimal>(node.weight);
    }

    void checkIndicator(const Indicator& node) {
        const auto& c = node.cells;
        if (node.labelWeight && !node.children.empty() && !node.weight.isZero() &&
            node.weight != *node.labelWeight)
            add("weight.label-mismatch", Severity::Error, indicatorLocation({&c.name}), node.name,
                {{"label", exact(*node.labelWeight)}, {"weight", exact(node.weight)}});
        if (!node.children.empty()) {
            if (const auto stated = statedWeight(node)) {
                Decimal sum;
                for (const auto& child : node.children)
                    sum += statedWeight(child).value_or(weightOf(child));
                if (sum != *stated)
                    add("weight.sum-children", Severity::Error, indicatorLocation({&c.weight, &c.name}),
                        node.name, {{"weight", exact(*stated)}, {"sum", exact(sum)}});
            }
            for (const auto& child : node.children)
                checkIndicator(child);
            return;
        }
        checkLeaf(node);
        checkRule(node);
    }

    void checkLeaf(const Indicator& leaf) {
        const auto& c = leaf.cells;
        if (leaf.labelWeight && *leaf.labelWeight != leaf.weight)
            add("weight.label-mismatch", Severity::Error, indicatorLocation({&c.name}), leaf.name,
                {{"label", exact(*leaf.labelWeight)}, {"weight", exact(leaf.weight)}});
        if (!leaf.score) {
            if (!unreadable(c.score))
                add("score.missing", Severity::Warning, indicatorLocation({&c.score, &c.name}), leaf.name,
                    {});
        } else if (leaf.score->isNegative() || *leaf.score > leaf.weight) {
            add("score.range", Severity::Error, indicatorLocation({&c.score, &c.name}), leaf.name,
                {{"score", exact(*leaf.score)}, {"weight", exact(leaf.weight)}});
        }
        if (leaf.score && leaf.deduction && *leaf.deduction != leaf.weight - *leaf.score)
            add("deduction.mismatch", Severity::Error, indicatorLocation({&c.deduction, &c.name}), leaf.name,
                {{"deduction", exact(*leaf.deduction)},
                 {"expected", exact(leaf.weight - *leaf.score)},
                 {"weight", exact(leaf.weight)},
                 {"score", exact(*leaf.score)}});
        const auto lost = leaf.deduction ? leaf.deduction
                          : leaf.score   ? std::optional<Decimal>(leaf.weight - *leaf.score)
                                         : std::nullopt;
        if (reasonAsked(leaf) && lost && *lost > Decimal(0) && blank(leaf.reason))
            add("deduction.reason-missing", Severity::Error,
                indicatorLocation({&c.reason, &c.deduction, &c.name}), leaf.name,
                {{"deduction", exact(*lost)}});
    }

    // The machine-readable 评价标准: from the template, or recognised in the text typed into the table.
    void checkRule(const Indicator& leaf) {
        std::optional<ScoringRule> rule = leaf.rule;
        bool computable = rule && rule->kind != RuleKind::Judgement;
        const bool blankStandard = blank(leaf.standard);
        if (!rule && !blankStandard) {
            const auto& recognition = rememberedRecognition(leaf.standard, leaf.weight);
            rule = recognition.rule;
            computable = recognition.computable;
        }
        const auto& c = leaf.cells;
        // Asked only where it decides a finding: most leaves' standards are computable and not checklists.
        const auto vetted = [&] {
            return !blankStandard && input_.vettedStandards.count(standardKey(leaf.standard)) > 0;
        };
        if (!computable && (rule || !blankStandard) && !vetted())
            add("rule.not-computable", Severity::Info, indicatorLocation({&c.name}), leaf.name, {});
        if (!rule)
            return;
        if (rule->kind == RuleKind::Checklist && rule->items > 0 && !vetted()) {
            const Decimal most = maxChecklistDeduction(*rule);
            if (most != leaf.weight)
                add("rule.checklist-max", Severity::Warning, indicatorLocation({&c.weight, &c.name}),
                    leaf.name,
                    {{"items", std::to_string(rule->items)},
                     {"deduction", exact(rule->deduction)},
                     {"max", exact(most)},
                     {"weight", exact(leaf.weight)}});
        }
        if (!computable || !leaf.measured || !leaf.score)
            return;
        const auto suggested = suggestedScore(*rule, leaf.weight, *leaf.measured);
        // A checklist scored 0 may be a severe failure (严重的此项完全不得分), which the measured count
        // cannot show.
        const auto severe = rule->kind == RuleKind::Checklist
                                ? suggestedScore(*rule, leaf.weight, *leaf.measured, true)
                                : std::nullopt;
        if (suggested && leaf.score->rounded(2) != *suggested &&
            !(severe && leaf.score->rounded(2) == *severe))
            add("rule.suggested-score", Severity::Warning, indicatorLocation({&c.score, &c.name}), leaf.name,
                {{"score", exact(*leaf.score)},
                 {"suggested", exact(*suggested)},
                 {"measured", exact(*leaf.measured)}});
    }

    void checkTotalWeight() {
        if (card_.indicators.empty())
            return;
        Decimal sum;
        for (const auto& top : card_.indicators)
            sum += statedWeight(top).value_or(weightOf(top));
        if (sum != Decimal(100))
            add("weight.total-100", Severity::Error, indicatorLocation({&card_.totals.weightCell}), "",
                {{"total", exact(sum)}});
    }

    void checkTotals() {
        const Totals& t = card_.totals;
        const auto figures = deriveScores(card_);
        const auto& score = figures.score;
        auto compare = [&](const char* ruleId, const std::optional<Decimal>& entered,
                           std::optional<Decimal> expected, const CellRef& cell) {
            if (entered && expected && *entered != *expected)
                add(ruleId, Severity::Error, cellLocation(cell, card_.tableName), "",
                    {{"entered", exact(*entered)}, {"expected", exact(*expected)}});
        };
        compare("total.weight", t.weight, figures.weight, t.weightCell);
        compare("total.score", t.score, score, t.scoreCell);
        compare("total.deduction", t.deduction, figures.deduction, t.deductionCell);
        if (!blank(t.grade) && score) {
            const std::string& expected = figures.grade;
            std::string entered = t.grade;
            entered.erase(std::remove_if(entered.begin(), entered.end(),
                                         [](char ch) { return ch == ' ' || ch == '\n'; }),
                          entered.end());
            if (entered != expected)
                add("grade.mismatch", Severity::Error, cellLocation(t.gradeCell, card_.tableName), "",
                    {{"entered", entered}, {"expected", expected}, {"total", exact(*score)}});
        }
    }

    // Each 小计 row against the group it closes: the same sums the 合计 row is held to, one level down.
    void checkSubtotals() {
        for (const Subtotal& subtotal : card_.subtotals) {
            const Indicator* group = groupOf(subtotal.group);
            if (!group)
                continue;
            const Decimal weight = weightOf(*group);
            const auto score = scoreOf(*group);
            const auto compare = [&](const char* ruleId, const std::optional<Decimal>& entered,
                                     const std::optional<Decimal>& expected, const CellRef& cell) {
                if (entered && expected && *entered != *expected)
                    add(ruleId, Severity::Error, indicatorLocation({&cell, &subtotal.labelCell}), group->name,
                        {{"entered", exact(*entered)}, {"expected", exact(*expected)}});
            };
            compare("subtotal.weight", subtotal.weight, weight, subtotal.weightCell);
            compare("subtotal.score", subtotal.score, score, subtotal.scoreCell);
            compare("subtotal.deduction", subtotal.deduction,
                    score ? std::optional<Decimal>(weight - *score) : std::nullopt, subtotal.deductionCell);
        }
    }

    const Indicator* groupOf(const std::vector<int>& path) const {
        const std::vector<Indicator>* level = &card_.indicators;
        const Indicator* node = nullptr;
        for (const int index : path) {
            if (index < 0 || std::size_t(index) >= level->size())
                return nullptr;
            node = &(*level)[std::size_t(index)];
            level = &node->children;
        }
        return node;
    }

    // The shares and the rate are held to the funding's figures (figures.hpp) — the values recompute writes —
    // so a finding never asks for a value that recompute would then write differently.
    void checkFunding() {
        const Funding& f = funding_;
        const std::string& table = card_.fundingTableName;
        const auto figures = deriveFunding(f);
        if (const auto& sum = figures.itemsSum; f.actual && sum && sum->rounded(2) != f.actual->rounded(2))
            add("funding.items-sum", Severity::Error, cellLocation(f.actualCell, table), "",
                {{"sum", twoPlaces(*sum)}, {"actual", twoPlaces(*f.actual)}, {"unit", f.unit}});
        for (std::size_t i = 0; i < f.items.size(); ++i) {
            const FundingItem& item = f.items[i];
            const auto& share = figures.shares[i];
            if (item.share && share && item.share->rounded(2) != share->rounded(2))
                add("funding.share", Severity::Error, cellLocation(item.shareCell, table), "",
                    {{"item", item.name},
                     {"entered", twoPlaces(*item.share)},
                     {"expected", twoPlaces(*share)}});
        }
        if (const auto& rate = figures.executionRate;
            f.executionRate && rate && f.executionRate->rounded(2) != rate->rounded(2))
            add("funding.execution-rate", Severity::Error, cellLocation(f.executionRateCell, table), "",
                {{"entered", twoPlaces(*f.executionRate)}, {"expected", twoPlaces(*rate)}});
    }

    // A funding table with its own 实际支出 row keeps the 实际支出 property out of its figures
    // (applyReportProperties), so a property that differs from the table's items would go unsaid while the
    // deck shows it: it is reported here, as the property's (no cell to point at).
    void checkActualProperty() {
        const Funding& f = funding_;
        const auto& property = input_.actualProperty;
        if (!property || !f.actualCell.known() || f.items.empty() || (f.unit != "万元" && f.unit != "元"))
            return;
        const auto sum = deriveFunding(f).itemsSum;
        if (!sum)
            return;
        const auto wan = f.unit == "元" ? Decimal::divide(*sum, Decimal(10000)) : sum;
        if (!wan || wan->rounded(2) == property->rounded(2))
            return;
        add("funding.items-sum", Severity::Error, {}, "",
            {{"sum", twoPlaces(*wan)}, {"actual", twoPlaces(*property)}, {"unit", "万元"}});
        findings_.back().messageKey = "funding.items-sum.property";
    }

    const ValidationInput& input_;
    const Scorecard& card_;
    const Funding& funding_;
    const bool readFromDocument_;
    const std::set<std::pair<std::string, std::string>> unreadable_;
    std::vector<Finding> findings_;
};

} // namespace

const std::vector<std::string>& validationRuleIds() {
    static const std::vector<std::string> ids = {
        "cell.not-a-number",     "weight.sum-children",  "weight.total-100",       "weight.label-mismatch",
        "score.missing",         "score.range",          "deduction.mismatch",     "deduction.reason-missing",
        "total.weight",          "total.score",          "total.deduction",        "grade.mismatch",
        "funding.items-sum",     "funding.share",        "funding.execution-rate", "year.mismatch",
        "rule.checklist-max",    "rule.not-computable",  "rule.suggested-score",   "narrative.total",
        "narrative.grade",       "narrative.budget",     "narrative.actual",       "narrative.execution-rate",
        "narrative.item-amount", "narrative.item-share", "prose.budget",           "prose.actual",
        "prose.execution-rate",  "prose.item-amount",    "prose.item-share",       "prose.items-sum",
        "subtotal.weight",       "subtotal.score",       "subtotal.deduction",     "derived.unsupported"};
    // Then the 存在的问题和建议 section's (validate_problems.hpp), as docs/rules.md lists them last.
    static const std::vector<std::string> all = [] {
        std::vector<std::string> result = ids;
        // The self-evaluation form's block beside a funding table (validate_funding_block.hpp), after the
        // funding table's own rules.
        const auto funding = std::find(result.begin(), result.end(), "funding.execution-rate");
        result.insert(funding + 1, {"funding.form-mismatch", "funding.rate-score"});
        result.insert(result.end(), {"narrative.problem-missing", "narrative.problem-not-lost"});
        return result;
    }();
    return all;
}

std::vector<Finding> validate(const ValidationInput& input, const MessageCatalog& catalog,
                              std::string_view lang) {
    std::vector<Finding> findings = Validator(input).run();
    if (input.problemsSection)
        for (auto f : checkProblemsSection(input.card, *input.problemsSection, input.paragraphs))
            findings.push_back(std::move(f));

    const int caption = prose::captionParagraph(input.paragraphs);
    const int tableAnchor = caption >= 0 ? caption : int(input.paragraphs.size());
    const std::string& scoreTable = input.card.tableName;
    auto keyOf = [&](const Finding& f) -> SortKey {
        const Location& l = f.location;
        if (l.kind == Location::Kind::Paragraph)
            return {l.paragraph, 0, l.offset, 0};
        if (l.kind == Location::Kind::Cell) {
            const auto [row, column] = addressPosition(l.cell);
            return {tableAnchor, l.table == scoreTable ? 1 : 2, row, column};
        }
        if (!l.table.empty()) // the table as a whole (its title row): before its cells
            return {tableAnchor, 1, -1, -1};
        return {INT_MAX, 0, 0, 0};
    };
    // Each finding's key computed once (not twice per comparison: a cell's key parses its address), the
    // findings then moved into that order; equal keys keep their order as before.
    std::vector<std::pair<SortKey, std::size_t>> order;
    order.reserve(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i)
        order.emplace_back(keyOf(findings[i]), i);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Finding> sorted;
    sorted.reserve(findings.size());
    for (const auto& [key, index] : order)
        sorted.push_back(std::move(findings[index]));
    findings = std::move(sorted);

    // Values quoted in messages use the catalog's own words for units ("万元" / "×10,000 yuan").
    for (auto& f : findings) {
        Args args = f.args;
        // A row without a name still gets a message that reads: "the indicator at G12".
        if (const auto name = args.find("indicator"); name == args.end() || name->second.empty())
            args["indicator"] = f.location.cell.empty() ? catalog.format(lang, "indicator.unnamed", {})
                                                        : catalog.format(lang, "indicator.unnamed-at",
                                                                         {{"cell", f.location.cell}});
        if (const auto unit = args.find("unit");
            unit != args.end() && catalog.contains(lang, "unit." + unit->second))
            unit->second = catalog.format(lang, "unit." + unit->second, {});
        f.message = catalog.format(lang, f.messageKey.empty() ? f.ruleId : f.messageKey, args);
    }
    return findings;
}

} // namespace jixiao
