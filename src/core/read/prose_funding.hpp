// The funding a report states only in its prose (资金来源及使用情况, 成本效益分析, 评价结论): budget, actual
// spending and the items the money went to, read from the paragraphs so that a report without a funding
// table and without 预算/实际支出 properties can still be checked against itself, fill the deck's fields and
// feed the generated sections. docs/rules.md (prose.*) says how the figures are recognised.
#pragma once

#include "core/model/finding.hpp"
#include "core/model/scorecard.hpp"
#include "core/text/numbers.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// Budget, actual spending and items as the prose states them. The unit is the one the prose writes its first
// amount in (元, else 万元; 亿元 is taken as 万元), so amounts in 元 are compared to the yuan. Budget and
// actual are the values quoted most often (the first one quoted on a tie); the items are the first list
// stated with amounts ("其中用于…0.72万元、…") that adds up to actual spending, else the first list. nullopt
// when the prose states neither a budget, nor actual spending, nor an item list.
std::optional<Funding> fundingFromProse(const std::vector<std::string>& paragraphs);

// The funding of a report without a funding table: `stated` (the 预算/实际支出 properties) completed from the
// prose — all of the prose's funding when `stated` gives nothing, else the prose's items when `stated` has
// none (converted to its unit), so that saving the deck's figures keeps the items checked and quoted.
Funding completedFromProse(const Funding& stated, const std::optional<Funding>& prose);

// The report's funding, chosen in this one place for everything that shows or checks it (the deck, the
// sections, validation): the funding table's when there is one; else `stated` (the 预算/实际支出 properties)
// completed from the prose; else, when `stated` gives nothing, the prose's own. `fromProse` says the last:
// then the prose is checked against itself (prose.* rules) rather than against stated figures (narrative.*).
struct FundingChoice {
    Funding funding;
    bool fromProse = false;
};
FundingChoice chooseFunding(const Funding& stated, bool hasFundingTable, const std::optional<Funding>& prose);

namespace prose {

// Start (code points) of the last keyword in `before` that introduces a budget figure (预算, 安排资金,
// 下达资金, 计划投入), or -1.
long lastBudgetKeyword(std::u32string_view before);
// Start of the last keyword introducing actual spending (实际支出, 总支出, 支出总额, 执行数, 实际使用,
// 共支出, 累计支出, 已支出 …), or -1. "预算执行数" is actual spending: its keyword starts after 预算's.
long lastActualKeyword(std::u32string_view before);

// A clause stating a criterion or threshold rather than a figure: 以上, 以下, 低于, 高于, 大于, 小于, 不足,
// 超过, 不低于 ("预算执行率95%以上得满分").
bool statesCriterion(std::u32string_view clause);
// A list of items that names only some of the spending: the clause before its first amount says so
// ("主要用于办公费0.3万元、…", not a "主要用于…" sentence whose amounts follow after 其中), or an amount is
// followed by 等 ("…印刷费0.2万元等").
bool introducesPartialList(std::u32string_view clauseBefore);
bool endsPartialList(std::u32string_view after);

// The budget keyword at `budgetAt` is the budget at the start of the year (年初预算, 年初预算数).
bool namesInitialBudget(std::u32string_view before, long budgetAt);
// The report states an adjusted budget (全年预算, 调整后预算, 调整预算, 预算调整为): then the 年初预算 is a
// figure of its own, neither compared with the budget nor the base of the execution rate.
bool statesAdjustedBudget(const std::vector<std::string>& paragraphs);

// The amount of `number` (an amount in 元, 万, 万元 or 亿元) in `unit` ("万元" or "元"); nullopt for anything
// else and beyond ±Decimal::kMaxParsedWhole in that unit — the core's overflow policy: "90000亿元" in a
// report kept in 元 is not a figure to compute with.
std::optional<Decimal> amountIn(const NumberInText& number, std::string_view unit);

// The report evaluates a department's whole spending (部门整体支出绩效评价): then the department's budget
// and spending are the report's own figures.
bool evaluatesWholeDepartment(const std::vector<std::string>& paragraphs);
// In a project's report, a clause naming the whole unit's budget or spending and no project ("我局2025年部门
// 预算收入合计1234.56万元", "部门支出总额1180万元", "部门预算执行率95.58%"): the figure after it is not one
// of the project's ("部门预算安排本项目资金20万元" names the project, and is).
bool namesUnitsWholeFigure(std::u32string_view clauseBefore);

// Words naming money left over or returned (结余, 结转, 余额, 剩余, 收回, 节约, 未支出, 未使用): the amount
// after them is neither a budget, nor spending, nor an item ("预算结余0.01万元").
bool namesLeftover(std::u32string_view words);

// prose.items-sum: the item lists stated with amounts that do not add up to `reference.actual` — the
// reference list (the one fundingFromProse took), and any other list whose items all agree with the
// reference's (a list with a differing item is reported at that item by prose.item-amount instead). The
// finding selects the list's amounts. Lists adding up to the budget but not to actual spending are a funding
// source breakdown (中央资金…、县级资金…) and are not checked.
std::vector<Finding> checkItemLists(const std::vector<std::string>& paragraphs, const Funding& reference);

} // namespace prose
} // namespace jixiao
