// The domain model: one project's performance evaluation (绩效评价) — metadata, the indicator tree,
// funding and grade bands. Pure data; the operations live in their own headers.
#pragma once

#include "core/model/finding.hpp"
#include "core/model/rule.hpp"
#include "core/text/decimal.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

// Where a value came from in the host document, so findings and patches can point at it. Empty when the
// scorecard was not read from a document (a template, JSON).
struct CellRef {
    int row = -1;        // grid row of the cell (see grid.hpp)
    int column = -1;     // grid column
    std::string address; // host address: Writer cell name "G3", Calc "Sheet1.G3"
    bool known() const { return row >= 0; }
    friend bool operator==(const CellRef&, const CellRef&) = default;
};

// Cells of one indicator's row (三级) or of a subtotal's label (一级/二级 read from a merged cell).
struct IndicatorCells {
    CellRef name, weight, score, deduction, reason;
    friend bool operator==(const IndicatorCells&, const IndicatorCells&) = default;
};

enum class Level { First = 1, Second = 2, Third = 3 };

struct Indicator {
    Level level = Level::Third;
    std::string name; // without the weight label: 项目立项规范性, not 项目立项规范性（1分）
    std::string explanation;            // 指标解释
    std::string standard;               // 评价标准
    Decimal weight;                     // 分值
    std::optional<Decimal> labelWeight; // weight written in the label, e.g. 决策(10分) → 10, if any
    std::optional<Decimal> score;       // 得分; nullopt = not entered
    std::optional<Decimal> deduction;   // 扣分 as entered in the document
    std::string reason;                 // 扣分原因
    std::optional<ScoringRule> rule;    // from the template or recognised in `standard`
    std::optional<Decimal> measured;    // measured value that feeds `rule` (e.g. 99.5 for 99.5%)
    std::vector<Indicator> children;    // 一级 → 二级 → 三级
    IndicatorCells cells;

    friend bool operator==(const Indicator&, const Indicator&) = default;
};

struct FundingItem {
    std::string name;
    Decimal amount;               // in the scorecard's money unit
    std::optional<Decimal> share; // 占比 in %, as entered in the document
    CellRef amountCell, shareCell;
    friend bool operator==(const FundingItem&, const FundingItem&) = default;
};

struct Funding {
    std::string unit = "万元";            // money unit for every amount below
    std::optional<Decimal> budget;        // 预算
    std::optional<Decimal> actual;        // 实际支出
    std::vector<FundingItem> items;       // breakdown of actual spending
    std::optional<Decimal> executionRate; // 预算执行率 in %, as entered in the document
    // A counted output (e.g. 3,794 热线交办件), so the narrative can quote a unit cost.
    std::optional<Decimal> outputCount;
    std::string outputName; // 办理12345政务热线交办件
    std::string outputUnit; // 件
    CellRef budgetCell, actualCell, executionRateCell, totalCell;
    // Added last (aggregate initialisation stays compatible): 结余 = budget − actual as entered in the
    // funding table, and its cell, so recompute can keep it up to date. totalCell is the 实际支出合计 row's
    // 占比 cell.
    std::optional<Decimal> balance;
    CellRef balanceCell;
    friend bool operator==(const Funding&, const Funding&) = default;
};

struct GradeBand {
    Decimal atLeast; // inclusive lower bound of the total score
    std::string label;
    friend bool operator==(const GradeBand&, const GradeBand&) = default;
};

// ≥ 90 优秀, ≥ 80 良好, ≥ 60 中, < 60 差.
std::vector<GradeBand> defaultGradeBands();

struct Metadata {
    std::string unit;    // 单位: 富民县信访局
    std::string project; // 项目名称: 热线办理工作经费
    std::optional<int> year;
    std::string title; // report or table title as written
    std::string templateId;
    friend bool operator==(const Metadata&, const Metadata&) = default;
};

struct Totals {
    std::optional<Decimal> weight;    // 合计 分值 as entered
    std::optional<Decimal> score;     // 合计 得分 as entered
    std::optional<Decimal> deduction; // 合计 扣分 as entered
    std::string grade;                // 等级 as entered, if the table has one
    CellRef weightCell, scoreCell, deductionCell, gradeCell;
    friend bool operator==(const Totals&, const Totals&) = default;
};

// A 小计 row as written: the sums of the group it closes. Read so it can be checked, never rewritten (its
// cells may hold the user's formulas, and tables disagree on which columns a 小计 repeats).
struct Subtotal {
    std::vector<int> group; // index of its 一级 in Scorecard::indicators, then of the 二级 below it, if any
    std::optional<Decimal> weight, score, deduction; // as entered
    CellRef labelCell, weightCell, scoreCell, deductionCell;
    friend bool operator==(const Subtotal&, const Subtotal&) = default;
};

struct Scorecard {
    Metadata meta;
    std::vector<Indicator> indicators; // the 一级 indicators
    Funding funding;
    std::vector<GradeBand> gradeBands = defaultGradeBands();
    Totals totals;                   // the table's 合计 row as read; recompute derives the true values
    std::vector<Subtotal> subtotals; // the table's 小计 rows as read, in document order
    std::string tableName;           // host table name or Calc range of the scoring table
    std::string fundingTableName;
    // Problems met while reading the host table (text in a number cell, …): ruleId, location and args set,
    // message empty; validation formats and reports them with its own findings.
    std::vector<Finding> readIssues;
    // The national 项目支出绩效自评表's own funding block (全年预算数, 全年执行数, 执行率 above the
    // indicators) as read from its cells, in its header's unit — kept when a funding table's figures take
    // its place in `funding`, so the two are held to one answer (funding.form-mismatch) and its 执行率 is
    // recomputed where it stands. No cell known when the table has no such block.
    Funding fundingBlock;

    friend bool operator==(const Scorecard&, const Scorecard&) = default;
};

// A leaf's score counts only when it is there and within 0‥分值. One rule for every figure derived from
// scores — recompute's 合计, the writer, validation, the narrative, the deck and the batch summary — so
// they never disagree: a total built on an impossible score is no total.
bool hasValidScore(const Indicator& leaf);
// Sum of the scores of the leaves below (or the indicator's own score for a leaf); nullopt when any leaf
// score is missing or invalid (hasValidScore).
std::optional<Decimal> scoreOf(const Indicator& indicator);
// Sum of the leaves' weights (or the indicator's own weight for a leaf).
Decimal weightOf(const Indicator& indicator);
std::optional<Decimal> totalScore(const Scorecard& card);
Decimal totalWeight(const Scorecard& card);
// Label of the band the total falls in; empty when the total is missing.
std::string gradeFor(const std::vector<GradeBand>& bands, std::optional<Decimal> total);

// Visits every 三级 (leaf) indicator in document order.
template <typename Card, typename Fn> void forEachLeaf(Card& card, Fn&& fn) {
    auto visit = [&](auto& self, auto& node) -> void {
        if (node.children.empty()) {
            fn(node);
            return;
        }
        for (auto& child : node.children)
            self(self, child);
    };
    for (auto& top : card.indicators)
        visit(visit, top);
}

} // namespace jixiao
