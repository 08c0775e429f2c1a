#include "core/write/grid_writer.hpp"

#include "core/derive/figures.hpp"
#include "core/read/grid_reader.hpp"

#include <array>
#include <stdexcept>
#include <vector>

namespace jixiao {
namespace {

constexpr int kColumns = 9;
constexpr int kWeightColumn = 5, kScoreColumn = 6, kDeductionColumn = 7, kReasonColumn = 8;
constexpr std::array<const char*, kColumns> kHeader = {"一级指标", "二级指标", "三级指标",
                                                       "指标解释", "评价标准", "指标分值",
                                                       "评价得分", "扣分情况", "扣分原因"};

std::string numberText(std::optional<Decimal> value) {
    return value ? value->toString(2) : std::string{};
}

// Sums that overflow on absurd inputs are unknown, not a crash in the middle of inserting a table.
template <typename Fn> std::optional<Decimal> safely(Fn&& fn) {
    try {
        return fn();
    } catch (const std::overflow_error&) {
        return std::nullopt;
    }
}

// One table row per leaf, remembering which 一级/二级 it sits under so the parents can be merged.
struct LeafRow {
    const Indicator* top = nullptr;
    const Indicator* mid = nullptr; // nullptr for a leaf hanging directly under its 一级
    const Indicator* leaf = nullptr;
};

std::vector<LeafRow> leafRows(const Scorecard& card) {
    std::vector<LeafRow> rows;
    for (const auto& top : card.indicators) {
        if (top.children.empty()) {
            rows.push_back({&top, nullptr, &top});
            continue;
        }
        for (const auto& mid : top.children) {
            if (mid.children.empty()) {
                rows.push_back({&top, nullptr, &mid});
                continue;
            }
            const auto visit = [&](const auto& self, const Indicator& node) -> void {
                if (node.children.empty()) {
                    rows.push_back({&top, &mid, &node});
                    return;
                }
                for (const auto& child : node.children)
                    self(self, child);
            };
            visit(visit, mid);
        }
    }
    return rows;
}

std::string parentLabel(const Indicator& node) {
    const auto weight = safely([&] { return std::optional(weightOf(node)); });
    return weight ? formatWeightLabel(node.name, *weight) : node.name;
}

// Merges runs of equal parents in one column and writes their label in the run's first cell.
template <typename ParentOf>
void mergeRuns(Grid& grid, int firstRow, const std::vector<LeafRow>& rows, int column, ParentOf&& parentOf) {
    std::size_t i = 0;
    while (i < rows.size()) {
        const Indicator* parent = parentOf(rows[i]);
        std::size_t j = i + 1;
        while (parent && j < rows.size() && parentOf(rows[j]) == parent)
            ++j;
        if (parent) {
            grid.at(firstRow + int(i), column).text = parentLabel(*parent);
            if (j - i > 1)
                grid.merge(firstRow + int(i), column, int(j - i), 1);
        }
        i = j;
    }
}

std::string percentText(std::optional<Decimal> value) {
    return value ? value->toString(2) + "%" : std::string{};
}

} // namespace

Grid writeScoreTable(const Scorecard& card, const ScoreTableStyle& style) {
    const std::string title = style.title.empty() ? card.meta.title : style.title;
    const bool hasTitle = style.titleRow && !title.empty();
    const auto rows = leafRows(card);
    const int headerRow = hasTitle ? 1 : 0;
    const int firstLeafRow = headerRow + 1;
    const int totalRow = firstLeafRow + int(rows.size());
    Grid grid(totalRow + 1 + (style.gradeRow ? 1 : 0), kColumns);
    grid.name = card.tableName;

    if (hasTitle) {
        grid.at(0, 0).text = title;
        grid.merge(0, 0, 1, kColumns);
    }
    for (int c = 0; c < kColumns; ++c)
        grid.at(headerRow, c).text = kHeader[std::size_t(c)];

    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Indicator& leaf = *rows[i].leaf;
        const int r = firstLeafRow + int(i);
        grid.at(r, 2).text = formatWeightLabel(leaf.name, leaf.weight, true, style.leafLabelLineBreak);
        grid.at(r, 3).text = leaf.explanation;
        grid.at(r, 4).text = leaf.standard;
        grid.at(r, kWeightColumn).text = leaf.weight.toString(2);
        grid.at(r, kScoreColumn).text = numberText(leaf.score);
        // As recompute: no deduction for an impossible score (figures.hpp, leafDeduction).
        grid.at(r, kDeductionColumn).text = numberText(leaf.deduction ? leaf.deduction : leafDeduction(leaf));
        grid.at(r, kReasonColumn).text = leaf.reason;
    }
    mergeRuns(grid, firstLeafRow, rows, 0,
              [](const LeafRow& row) { return row.top == row.leaf ? nullptr : row.top; });
    mergeRuns(grid, firstLeafRow, rows, 1, [](const LeafRow& row) { return row.mid; });
    // A 一级 that is itself a leaf (no children) is written in the 一级 column, labelled like a parent.
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].top == rows[i].leaf)
            grid.at(firstLeafRow + int(i), 0).text = rows[i].top->name;

    grid.at(totalRow, 0).text = "合计";
    grid.merge(totalRow, 0, 1, kWeightColumn);
    const auto figures = deriveScores(card);
    grid.at(totalRow, kWeightColumn).text = numberText(figures.weight);
    grid.at(totalRow, kScoreColumn).text = numberText(figures.score);
    grid.at(totalRow, kDeductionColumn).text = numberText(figures.deduction);

    if (style.gradeRow) {
        const int r = totalRow + 1;
        grid.at(r, 0).text = "评价等级";
        grid.merge(r, 0, 1, kWeightColumn);
        grid.at(r, kWeightColumn).text = figures.grade;
        grid.merge(r, kWeightColumn, 1, kColumns - kWeightColumn);
    }
    return grid;
}

Grid writeFundingTable(const Funding& funding) {
    const int itemCount = int(funding.items.size());
    Grid grid(itemCount + 5, 3);
    grid.at(0, 0).text = "项目";
    grid.at(0, 1).text = "金额（" + funding.unit + "）";
    grid.at(0, 2).text = "占比";

    // 实际支出合计 is the items' sum row (as a funding table is read back, figures.hpp): a differing stated
    // 实际支出 stays the caller's (the document property) and is a finding there, not a row that disagrees.
    Funding asWritten = funding;
    if (itemCount > 0)
        asWritten.actual = deriveFunding(funding).itemsSum;
    const auto figures = deriveFunding(asWritten);
    const auto& actual = figures.actual;
    for (int i = 0; i < itemCount; ++i) {
        const auto& item = funding.items[std::size_t(i)];
        grid.at(i + 1, 0).text = item.name;
        grid.at(i + 1, 1).text = item.amount.toString(2);
        grid.at(i + 1, 2).text = percentText(figures.shares[std::size_t(i)]);
    }
    const int total = itemCount + 1;
    grid.at(total, 0).text = "实际支出合计";
    grid.at(total, 1).text = numberText(actual);
    grid.at(total, 2).text = actual && !actual->isZero() ? "100%" : "";
    grid.at(total + 1, 0).text = "年初预算";
    grid.at(total + 1, 1).text = numberText(funding.budget);
    grid.at(total + 2, 0).text = "预算执行率";
    grid.at(total + 2, 2).text = percentText(figures.executionRate);
    grid.at(total + 3, 0).text = "结余";
    grid.at(total + 3, 1).text = numberText(figures.balance);
    return grid;
}

} // namespace jixiao
