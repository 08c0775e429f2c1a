#include "core/read/prose_funding.hpp"

#include "core/text/numbers.hpp"
#include "core/text/prose_text.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <initializer_list>

namespace jixiao {
namespace {

using Text = std::u32string;
using View = std::u32string_view;

using prose::boundaryBefore;
using prose::hasAny;

constexpr View kClauseStops = U"，,、。；;！!？?\n";
// Items are listed across ；, so a list runs to the end of its sentence.
constexpr View kSentenceStops = U"。！!？?\n";

// Words after which amounts in the same sentence are the items actual spending went to.
constexpr std::initializer_list<View> kItemMarkers = {U"其中",   U"用于",   U"包括", U"分别为", U"分别是",
                                                      U"具体为", U"具体是", U"明细", U"构成"};

bool introducesItems(View sentenceBefore) {
    return hasAny(sentenceBefore, kItemMarkers);
}

// Where the money came from (财政拨款, 上级补助, 县级配套 …), not what it was spent on.
bool namesSource(const std::string& name) {
    return hasAny(decodeUtf8(name), {U"财政拨款", U"拨款", U"上级", U"中央", U"省级", U"市级", U"县级",
                                     U"区级", U"配套", U"自筹", U"补助资金", U"专项资金"});
}

// The words between the previous figure (or the clause start) and an item's amount, without the connectors
// around them: "其中用于发放工资补助" → 发放工资补助, "和社保缴费支出为" → 社保缴费支出.
std::string itemName(View words) {
    // "支出分别为工资补助" → 工资补助: the name starts after the last marker.
    long afterMarker = -1;
    for (const View marker : kItemMarkers)
        if (const auto at = words.rfind(marker); at != View::npos)
            afterMarker = std::max(afterMarker, long(at + marker.size()));
    if (afterMarker >= 0)
        words.remove_prefix(std::size_t(afterMarker));
    static constexpr View leading[] = {U"其中",   U"主要", U"用于", U"包括", U"分别为", U"分别是", U"具体为",
                                       U"具体是", U"以及", U"和",   U"及",   U"与",     U"：",     U":",
                                       U"是",     U"为",   U"“",    U"”",    U"\"",     U" ",      U"\u3000"};
    static constexpr View trailing[] = {U"共计", U"合计", U"金额", U"资金", U"共", U"计", U"为",    U"约",
                                        U"：",   U":",    U"“",    U"”",    U"\"", U" ",  U"\u3000"};
    for (bool changed = true; changed;) {
        changed = false;
        for (const View w : leading)
            if (words.starts_with(w)) {
                words.remove_prefix(w.size());
                changed = true;
            }
        for (const View w : trailing)
            if (words.size() > w.size() && words.ends_with(w)) {
                words.remove_suffix(w.size());
                changed = true;
            }
    }
    return encodeUtf8(words);
}

struct Figure {
    enum class Kind { Budget, Actual, Item };
    Kind kind = Kind::Item;
    Decimal wan; // in 万元
    bool yuan = false;
    std::string name; // items only
    int paragraph = 0;
    int offset = 0;
    int numberLength = 0;
};

struct ItemList {
    int paragraph = 0;
    std::vector<Figure> items;
    // "主要用于A 1万元、B 2万元" or "…C 0.5万元等": the items named need not be all of the spending.
    bool partial = false;
    Decimal sum(Decimal scale) const {
        Decimal total;
        for (const auto& item : items)
            total += item.wan * scale;
        return total;
    }
};

struct Statements {
    std::vector<Figure> budgets, actuals;
    std::vector<ItemList> lists;
    bool yuan = false; // the first amount is written in 元
    bool any = false;
};

Statements scan(const std::vector<std::string>& paragraphs) {
    Statements found;
    const bool adjusted = prose::statesAdjustedBudget(paragraphs);
    const bool wholeDepartment = prose::evaluatesWholeDepartment(paragraphs);
    bool unitKnown = false;
    for (int p = 0; p < int(paragraphs.size()); ++p) {
        const std::string& utf8 = paragraphs[std::size_t(p)];
        const Text text = decodeUtf8(utf8);
        std::size_t previousEnd = 0;
        long listSentence = -1;
        for (const auto& n : findNumbersInText(utf8)) {
            const auto at = std::size_t(n.offset);
            const std::size_t end = at + std::size_t(n.length);
            const auto wan = prose::amountIn(n, "万元");
            if (!wan || at > text.size()) {
                previousEnd = std::min(end, text.size());
                continue;
            }
            const std::size_t clauseStart = boundaryBefore(text, at, kClauseStops);
            const std::size_t clauseEnd = std::min(text.find_first_of(kClauseStops, at), text.size());
            const View before = View(text).substr(clauseStart, at - clauseStart);
            Figure figure;
            figure.wan = *wan;
            figure.yuan = n.unit == "元";
            figure.paragraph = p;
            figure.offset = n.offset;
            figure.numberLength = n.numberLength;
            const bool criterion =
                prose::statesCriterion(View(text).substr(clauseStart, clauseEnd - clauseStart));
            const long budgetAt = prose::lastBudgetKeyword(before);
            const long actualAt = prose::lastActualKeyword(before);
            const std::size_t sentenceStart = boundaryBefore(text, at, kSentenceStops);
            if (criterion || prose::namesLeftover(before) ||
                (!wholeDepartment && prose::namesUnitsWholeFigure(before)) ||
                (adjusted && actualAt < budgetAt && prose::namesInitialBudget(before, budgetAt))) {
                // "支出超过5万元的须集体决策": a threshold; "预算结余0.01万元": left over, not spent;
                // "部门预算收入1234.56万元" in a project's report: the unit's, not the project's;
                // "年初预算数10万元" beside "全年预算数12万元": not the budget the rate is computed on.
            } else if (budgetAt >= 0 || actualAt >= 0) {
                figure.kind = actualAt > budgetAt ? Figure::Kind::Actual : Figure::Kind::Budget;
                (figure.kind == Figure::Kind::Actual ? found.actuals : found.budgets).push_back(figure);
            } else if (introducesItems(View(text).substr(sentenceStart, at - sentenceStart))) {
                const std::size_t nameStart =
                    std::max({boundaryBefore(text, at, U"，,、；;：:\n"), previousEnd, sentenceStart});
                figure.name = itemName(View(text).substr(nameStart, at - nameStart));
                if (!figure.name.empty()) {
                    if (listSentence != long(sentenceStart) || found.lists.empty() ||
                        found.lists.back().paragraph != p)
                        found.lists.push_back(
                            {p,
                             {},
                             prose::introducesPartialList(View(text).substr(clauseStart, at - clauseStart))});
                    listSentence = long(sentenceStart);
                    found.lists.back().items.push_back(figure);
                    if (prose::endsPartialList(View(text).substr(std::min(end, text.size()))))
                        found.lists.back().partial = true;
                }
            }
            if (!criterion && !unitKnown && (figure.kind != Figure::Kind::Item || !figure.name.empty())) {
                found.yuan = figure.yuan;
                unitKnown = true;
            }
            previousEnd = end;
        }
    }
    if (found.yuan) {
        // Kept in 元: amounts beyond the core's bound in 元 are dropped before anything is scaled.
        const Decimal bound =
            *Decimal::divide(Decimal::fromUnits(Decimal::kMaxParsedWhole * Decimal::kScale), Decimal(10000));
        auto tooLarge = [&](const Figure& f) { return f.wan > bound || f.wan < -bound; };
        std::erase_if(found.budgets, tooLarge);
        std::erase_if(found.actuals, tooLarge);
        for (auto& list : found.lists)
            std::erase_if(list.items, tooLarge);
        std::erase_if(found.lists, [](const ItemList& list) { return list.items.empty(); });
    }
    found.any = !found.budgets.empty() || !found.actuals.empty() || !found.lists.empty();
    return found;
}

Decimal scaleOf(bool yuan) {
    return yuan ? Decimal(10000) : Decimal(1);
}

// The value quoted most often, at two decimals in the chosen unit; the earliest on a tie.
std::optional<Decimal> mostQuoted(const std::vector<Figure>& figures, Decimal scale) {
    std::optional<Decimal> best;
    int bestCount = 0;
    for (const auto& candidate : figures) {
        const Decimal value = candidate.wan * scale;
        const auto count = std::count_if(figures.begin(), figures.end(), [&](const Figure& other) {
            return (other.wan * scale).rounded(2) == value.rounded(2);
        });
        if (count > bestCount) {
            best = value;
            bestCount = int(count);
        }
    }
    return best;
}

bool sameAmount(Decimal a, Decimal b) {
    return a.rounded(2) == b.rounded(2);
}

// A list breaking down where the money came from: its items name sources (财政拨款, 县级配套 …), or it adds
// up to the budget but not to actual spending.
bool isSourceList(const ItemList& list, const std::optional<Decimal>& budget,
                  const std::optional<Decimal>& actual, Decimal scale) {
    if (std::all_of(list.items.begin(), list.items.end(),
                    [](const Figure& f) { return namesSource(f.name); }))
        return true;
    const Decimal sum = list.sum(scale);
    return budget && sameAmount(sum, *budget) && !(actual && sameAmount(sum, *actual));
}

// Index into found.lists of the reference list, or -1.
int referenceList(const Statements& found, const std::optional<Decimal>& budget,
                  const std::optional<Decimal>& actual, Decimal scale) {
    int first = -1;
    for (int i = 0; i < int(found.lists.size()); ++i) {
        const ItemList& list = found.lists[std::size_t(i)];
        if (isSourceList(list, budget, actual, scale))
            continue;
        // Some of the items ("主要用于…") that do not add up to the spending cannot stand for all of them.
        if (list.partial && actual && !sameAmount(list.sum(scale), *actual))
            continue;
        if (first < 0)
            first = i;
        if (actual && sameAmount(list.sum(scale), *actual))
            return i;
    }
    return first;
}

Text stem(Text name) {
    if (name.size() > 2 && View(name).ends_with(U"支出"))
        name.resize(name.size() - 2);
    return name;
}

// Two item names denote the same item when one contains the other or its stem (社保缴费支出 ~ 社保缴费).
bool sameItem(const std::string& a, const std::string& b) {
    const Text x = decodeUtf8(a);
    const Text y = decodeUtf8(b);
    const Text sx = stem(x);
    const Text sy = stem(y);
    return x.find(sy) != Text::npos || y.find(sx) != Text::npos;
}

} // namespace

namespace prose {

long lastBudgetKeyword(std::u32string_view before) {
    return lastOf(before, {U"预算", U"安排资金", U"下达资金", U"计划投入"});
}

long lastActualKeyword(std::u32string_view before) {
    return lastOf(before, {U"实际支出", U"总支出", U"支出总额", U"执行数", U"实际使用", U"实际支付",
                           U"共支出", U"累计支出", U"已支出", U"完成支出"});
}

std::optional<Decimal> amountIn(const NumberInText& number, std::string_view unit) {
    const auto wan = number.unit == "年" ? std::nullopt : toWanYuan(number);
    const Decimal limit = Decimal::fromUnits(Decimal::kMaxParsedWhole * Decimal::kScale);
    if (!wan || (unit != "万元" && unit != "元"))
        return std::nullopt;
    const Decimal bound = unit == "元" ? *Decimal::divide(limit, Decimal(10000)) : limit;
    if (*wan > bound || *wan < -bound)
        return std::nullopt;
    return unit == "元" ? *wan * Decimal(10000) : *wan;
}

bool namesInitialBudget(std::u32string_view before, long budgetAt) {
    return budgetAt >= 2 && before.substr(std::size_t(budgetAt) - 2, 2) == U"年初";
}

bool statesAdjustedBudget(const std::vector<std::string>& paragraphs) {
    return std::any_of(paragraphs.begin(), paragraphs.end(), [](const std::string& p) {
        return hasAny(decodeUtf8(p), {U"全年预算", U"调整后预算", U"调整预算", U"预算调整为"});
    });
}

bool evaluatesWholeDepartment(const std::vector<std::string>& paragraphs) {
    return std::any_of(paragraphs.begin(), paragraphs.end(), [](const std::string& p) {
        return hasAny(decodeUtf8(p), {U"部门整体支出绩效", U"整体支出绩效评价", U"部门整体绩效"});
    });
}

bool namesUnitsWholeFigure(std::u32string_view clauseBefore) {
    return hasAny(clauseBefore, {U"部门预算", U"单位预算", U"部门决算", U"单位决算", U"部门支出", U"部门收入",
                                 U"部门整体"}) &&
           !hasAny(clauseBefore, {U"项目"});
}

bool namesLeftover(std::u32string_view words) {
    return hasAny(words, {U"结余", U"结转", U"余额", U"剩余", U"收回", U"节约", U"未支出", U"未使用"});
}

bool introducesPartialList(std::u32string_view clauseBefore) {
    return hasAny(clauseBefore, {U"主要用于", U"主要包括", U"主要为", U"主要是", U"部分用于", U"重点用于"});
}

bool endsPartialList(std::u32string_view after) {
    return after.starts_with(U"等");
}

bool statesCriterion(std::u32string_view clause) {
    return hasAny(clause,
                  {U"以上", U"以下", U"低于", U"高于", U"大于", U"小于", U"不足", U"超过", U"不低于"});
}

std::vector<Finding> checkItemLists(const std::vector<std::string>& paragraphs, const Funding& reference) {
    std::vector<Finding> findings;
    if (!reference.actual)
        return findings;
    const Statements found = scan(paragraphs);
    const Decimal scale = scaleOf(reference.unit == "元");
    const int chosen = referenceList(found, reference.budget, reference.actual, scale);
    for (int i = 0; i < int(found.lists.size()); ++i) {
        const ItemList& list = found.lists[std::size_t(i)];
        if (list.items.size() < 2 || isSourceList(list, reference.budget, reference.actual, scale))
            continue;
        const Decimal sum = list.sum(scale);
        if (sameAmount(sum, *reference.actual))
            continue;
        if (list.partial && sum < *reference.actual)
            continue; // the main items only: they may leave some of the spending unnamed
        const bool agrees = std::all_of(list.items.begin(), list.items.end(), [&](const Figure& item) {
            return std::all_of(reference.items.begin(), reference.items.end(), [&](const FundingItem& r) {
                return !sameItem(item.name, r.name) || sameAmount(item.wan * scale, r.amount);
            });
        });
        if (i != chosen && !agrees)
            continue;
        Finding f;
        f.ruleId = "prose.items-sum";
        f.severity = Severity::Error;
        f.location.kind = Location::Kind::Paragraph;
        f.location.paragraph = list.paragraph;
        f.location.offset = list.items.front().offset;
        f.location.length = list.items.back().offset + list.items.back().numberLength - f.location.offset;
        f.args = {
            {"sum", sum.toString(2)}, {"actual", reference.actual->toString(2)}, {"unit", reference.unit}};
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace prose

std::optional<Funding> fundingFromProse(const std::vector<std::string>& paragraphs) {
    const Statements found = scan(paragraphs);
    if (!found.any)
        return std::nullopt;
    Funding funding;
    funding.unit = found.yuan ? "元" : "万元";
    const Decimal scale = scaleOf(found.yuan);
    funding.budget = mostQuoted(found.budgets, scale);
    funding.actual = mostQuoted(found.actuals, scale);
    if (const int chosen = referenceList(found, funding.budget, funding.actual, scale); chosen >= 0)
        for (const auto& item : found.lists[std::size_t(chosen)].items)
            funding.items.push_back({item.name, item.wan * scale, {}, {}, {}});
    if (!funding.budget && !funding.actual && funding.items.empty())
        return std::nullopt;
    return funding;
}

Funding completedFromProse(const Funding& stated, const std::optional<Funding>& prose) {
    if (!prose)
        return stated;
    if (!stated.budget && !stated.actual && stated.items.empty())
        return *prose;
    Funding result = stated;
    if (!result.items.empty() || prose->items.empty() || (result.unit != "元" && result.unit != "万元"))
        return result;
    const bool toYuan = result.unit == "元";
    const bool fromYuan = prose->unit == "元";
    for (const auto& item : prose->items) {
        Decimal amount = item.amount;
        if (fromYuan && !toYuan)
            amount = *Decimal::divide(amount, Decimal(10000));
        else if (!fromYuan && toYuan) {
            if (amount > Decimal::fromUnits(Decimal::kMaxParsedWhole * Decimal::kScale / 10000))
                continue; // beyond the core's bound in 元
            amount = amount * Decimal(10000);
        }
        result.items.push_back({item.name, amount, {}, {}, {}});
    }
    return result;
}

FundingChoice chooseFunding(const Funding& stated, bool hasFundingTable,
                            const std::optional<Funding>& prose) {
    if (hasFundingTable)
        return {stated, false};
    const bool statesAny = stated.budget || stated.actual || !stated.items.empty();
    if (!statesAny && prose)
        return {*prose, true};
    return {completedFromProse(stated, prose), false};
}

} // namespace jixiao
