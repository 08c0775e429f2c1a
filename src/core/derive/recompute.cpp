#include "core/derive/recompute.hpp"

#include "core/derive/figures.hpp"
#include "core/read/grid_reader.hpp"
#include "core/text/a1.hpp"
#include "core/text/numbers.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>
#include <vector>

namespace jixiao {
namespace {

// Absurd inputs (a score of 9e12) overflow Decimal; such a value is simply not computable.
template <typename Fn> std::optional<Decimal> safely(Fn&& fn) {
    try {
        return fn();
    } catch (const std::overflow_error&) {
        return std::nullopt;
    }
}

std::string numberText(std::optional<Decimal> value) {
    return value ? value->toString(2) : std::string{};
}
std::string percentText(std::optional<Decimal> value) {
    return value ? value->toString(2) + "%" : std::string{};
}

bool inGrid(const Grid& grid, const CellRef& ref) {
    return ref.row >= 0 && ref.column >= 0 && ref.row < grid.rows() && ref.column < grid.columns();
}

// What a derived cell holds now: the grid's text when we have it, otherwise the value the reader took
// from it. Values are compared, not spellings, so "3.0" and "３" equal "3".
class Existing {
public:
    explicit Existing(const Grid* grid) : grid_(grid) {}

    bool holdsNumber(const CellRef& ref, std::optional<Decimal> target, std::optional<Decimal> asRead) const {
        if (!grid_ || !inGrid(*grid_, ref))
            return asRead == target;
        const auto& text = grid_->at(ref.row, ref.column).text;
        if (!target)
            return compactText(text).empty();
        const auto n = parseCellNumber(text);
        return n.status == CellNumber::Status::Number && n.value == *target;
    }

    bool holdsText(const CellRef& ref, const std::string& target, const std::string& asRead) const {
        const std::string& now = grid_ && inGrid(*grid_, ref) ? grid_->at(ref.row, ref.column).text : asRead;
        return compactText(now) == compactText(target);
    }

    const Grid* grid() const { return grid_; }

private:
    const Grid* grid_;
};

void addNumber(Patch& patch, const CellRef& ref, std::optional<Decimal> value) {
    patch.writes.push_back(CellWrite{ref, numberText(value), value, {}});
}

// Scores, weights and deductions are compared exactly (docs/rules.md): a score of 2.125 out of 3 gets the
// deduction 0.875, not 0.88, or validation would reject what recompute wrote and recompute would rewrite it
// every time. Written to the Decimal's full precision, trailing zeros dropped.
void addScore(Patch& patch, const CellRef& ref, std::optional<Decimal> value) {
    patch.writes.push_back(CellWrite{ref, value ? value->toString(6) : std::string{}, value, {}});
}

// How many parents name each label cell. A malformed table can merge one 二级 cell across two 一级 groups;
// the reader then sees two parents in one cell, whose sums disagree — such a label is left alone rather
// than written twice (and rewritten back and forth on every recompute).
using LabelOwners = std::map<std::pair<int, int>, int>;
void countLabelOwners(const Indicator& node, LabelOwners& owners) {
    if (node.children.empty())
        return;
    if (node.cells.name.known())
        ++owners[{node.cells.name.row, node.cells.name.column}];
    for (const auto& child : node.children)
        countLabelOwners(child, owners);
}

void recomputeLabels(const Indicator& node, const Existing& existing, const LabelOwners& owners,
                     Patch& patch) {
    if (node.children.empty())
        return;
    for (const auto& child : node.children)
        recomputeLabels(child, existing, owners, patch);
    if (!node.cells.name.known() || !node.labelWeight ||
        owners.at({node.cells.name.row, node.cells.name.column}) > 1)
        return;
    const auto sum = safely([&] { return std::optional(weightOf(node)); });
    if (node.cells.weight.known()) {
        // 部门整体支出: the level's weight has a 分值 cell of its own beside the name.
        if (sum && !sum->isNegative() && !existing.holdsNumber(node.cells.weight, sum, node.labelWeight))
            addScore(patch, node.cells.weight, sum);
        return;
    }
    // A negative sum (negative weights typed in) is no weight to print: "决策(-2分)" would not even read back
    // as a label. Validation reports the weights.
    if (!sum || sum->isNegative() || *sum == *node.labelWeight)
        return;
    std::string text;
    if (existing.grid() && inGrid(*existing.grid(), node.cells.name)) {
        const auto label =
            splitWeightLabel(existing.grid()->at(node.cells.name.row, node.cells.name.column).text);
        if (!label.weight || *label.weight == *sum)
            return; // the label has changed since the read; nothing to correct
        text = formatWeightLabel(label.name, *sum, label.fullWidth, label.lineBreak);
    } else {
        text = formatWeightLabel(node.name, *sum);
    }
    patch.writes.push_back(CellWrite{node.cells.name, text, std::nullopt, {}});
}

Patch recompute(const Scorecard& read, const Existing& existing) {
    Patch patch;
    forEachLeaf(read, [&](const Indicator& leaf) {
        if (!leaf.cells.deduction.known())
            return;
        // A score outside 0‥分值 clears the cell (figures.hpp, leafDeduction).
        const auto target = leafDeduction(leaf);
        if (!existing.holdsNumber(leaf.cells.deduction, target, leaf.deduction))
            addScore(patch, leaf.cells.deduction, target);
    });
    LabelOwners owners;
    for (const auto& top : read.indicators)
        countLabelOwners(top, owners);
    for (const auto& top : read.indicators)
        recomputeLabels(top, existing, owners, patch);

    const auto& totals = read.totals;
    const auto figures = deriveScores(read);
    const auto number = [&](const CellRef& ref, std::optional<Decimal> target,
                            std::optional<Decimal> asRead) {
        if (ref.known() && !existing.holdsNumber(ref, target, asRead))
            addScore(patch, ref, target);
    };
    number(totals.weightCell, figures.weight, totals.weight);
    number(totals.scoreCell, figures.score, totals.score);
    number(totals.deductionCell, figures.deduction, totals.deduction);
    if (totals.gradeCell.known() && !existing.holdsText(totals.gradeCell, figures.grade, totals.grade))
        patch.writes.push_back(CellWrite{totals.gradeCell, figures.grade, std::nullopt, {}});
    return patch;
}

// ---------------------------------------------------------------- Calc formulas

// A text constant inside a formula: "优秀" with embedded double quotes doubled.
std::string formulaString(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        out += c;
        if (c == '"')
            out += '"';
    }
    return out + "\"";
}

class CalcRefs {
public:
    explicit CalcRefs(const CalcOrigin& origin) : origin_(origin), sheet_(quotedSheetName(origin.sheet)) {}

    // A1 reference inside a formula; `absoluteRow` pins the row for references copied down a column.
    std::string a1(const CellRef& ref, bool absoluteRow = false) const {
        return a1Cell(origin_.column + ref.column, origin_.row + ref.row, false, absoluteRow);
    }
    CellRef cell(const CellRef& ref) const { return CellRef{ref.row, ref.column, sheet_ + "." + a1(ref)}; }

    // "F2:F22" when the cells run down one column without gaps, else "F2;F5;F9".
    std::string list(std::vector<CellRef> refs) const {
        std::sort(refs.begin(), refs.end(), [](const CellRef& a, const CellRef& b) {
            return std::pair(a.column, a.row) < std::pair(b.column, b.row);
        });
        bool contiguous = !refs.empty();
        for (std::size_t i = 1; i < refs.size(); ++i)
            contiguous = contiguous && refs[i].column == refs[0].column && refs[i].row == refs[i - 1].row + 1;
        if (contiguous)
            return refs.size() == 1 ? a1(refs[0]) : a1(refs.front()) + ":" + a1(refs.back());
        std::string out;
        for (const auto& ref : refs)
            out += (out.empty() ? "" : ";") + a1(ref);
        return out;
    }

private:
    CalcOrigin origin_;
    std::string sheet_;
};

void addFormula(Patch& patch, const CalcRefs& refs, const CellRef& ref, std::string formula, std::string text,
                std::optional<Decimal> value) {
    patch.writes.push_back(CellWrite{refs.cell(ref), std::move(text), value, std::move(formula)});
}

std::string gradeFormula(const std::vector<GradeBand>& bands, const std::string& total) {
    std::vector<GradeBand> sorted = bands;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.atLeast > b.atLeast; });
    std::string formula = formulaString(sorted.back().label);
    for (auto it = sorted.rbegin() + 1; it != sorted.rend(); ++it)
        formula = "IF(" + total + ">=" + it->atLeast.toString(6) + ";" + formulaString(it->label) + ";" +
                  formula + ")";
    return "=IF(" + total + "=\"\";\"\";" + formula + ")";
}

// How the block's 执行率 is written: with a "%" or not, and two decimals written (as the provincial form's
// "100.00%") kept.
struct RateStyle {
    bool percent = false;
    bool twoDecimals = false;
    std::string show(const Decimal& rounded) const {
        const std::string number = twoDecimals ? rounded.toFixed(2) : rounded.toString(2);
        return percent ? number + "%" : number;
    }
};

RateStyle rateStyleOf(const std::string& typedText) {
    const CellNumber typed = parseCellNumber(typedText);
    const auto point = typed.found.find('.');
    std::size_t decimals = 0;
    while (point != std::string::npos && point + 1 + decimals < typed.found.size() &&
           std::isdigit(static_cast<unsigned char>(typed.found[point + 1 + decimals])) != 0)
        ++decimals;
    return RateStyle{typed.percent, decimals == 2};
}

// The block's 执行率 as a Calc formula of its cell's kind and look. The guard is the core's: a rate only
// from two numbers and a budget that is not 0 (deriveFunding, Decimal::percent), else empty. The rate is
// rounded as the core rounds it — Decimal::percent keeps six decimals (half-up), then rounded(2) — so the
// inner ROUND(…;6) is not redundant: 95.0049995 is 95.01 to the core, and would be 95.00 to one ROUND.
std::string blockRateFormula(const std::string& actual, const std::string& budget, bool asNumber,
                             const RateStyle& style) {
    const std::string exact = "ROUND(" + actual + "/" + budget + "*100;6)";
    std::string shown;
    if (asNumber)
        // A number stays a number: in a percentage format the cell holds the fraction (ROUND(…;8) is the
        // same rounding as ROUND(…*100;6), without a binary artefact from dividing by 100 afterwards).
        shown = style.percent ? "ROUND(ROUND(" + actual + "/" + budget + ";8);4)" : "ROUND(" + exact + ";2)";
    else
        // Text stays text, shown as it was typed.
        shown = (style.twoDecimals ? "FIXED(" + exact + ";2;1)" : "ROUND(" + exact + ";2)") +
                (style.percent ? "&\"%\"" : "&\"\"");
    return "=IF(AND(ISNUMBER(" + actual + ");ISNUMBER(" + budget + ");" + budget + "<>0);" + shown + ";\"\")";
}

// Whether `formula` is one of blockRateFormula's for these inputs: Jixiao's own, from an earlier conversion.
bool isBlockRateFormula(const std::string& formula, const std::string& actual, const std::string& budget) {
    for (const bool asNumber : {false, true})
        for (const bool percent : {false, true})
            for (const bool twoDecimals : {false, true})
                if (formula == blockRateFormula(actual, budget, asNumber, RateStyle{percent, twoDecimals}))
                    return true;
    return false;
}

} // namespace

Patch recomputeScoreTable(const Scorecard& read, const Grid& grid) {
    return recompute(read, Existing(&grid));
}

Patch recomputeScoreTable(const Scorecard& read) {
    return recompute(read, Existing(nullptr));
}

Patch recomputeFundingTable(const Funding& read) {
    Patch patch;
    const auto figures = deriveFunding(read);
    if (figures.itemsSum && read.actualCell.known() && read.actual != figures.itemsSum)
        addNumber(patch, read.actualCell, figures.itemsSum);
    for (std::size_t i = 0; i < read.items.size(); ++i) {
        const auto& item = read.items[i];
        const auto& share = figures.shares[i];
        if (!share || !item.shareCell.known())
            continue;
        const Decimal rounded = share->rounded(2);
        if (item.share != rounded)
            patch.writes.push_back(CellWrite{item.shareCell, percentText(rounded), rounded, {}});
    }
    if (const auto& rate = figures.executionRate;
        rate && read.executionRateCell.known() && read.executionRate != rate->rounded(2))
        patch.writes.push_back(
            CellWrite{read.executionRateCell, percentText(rate->rounded(2)), rate->rounded(2), {}});
    if (figures.balance && read.balanceCell.known() && read.balance != figures.balance)
        addNumber(patch, read.balanceCell, figures.balance);
    return patch;
}

Patch recomputeBlockRate(const Funding& block, const Grid& grid) {
    Patch patch;
    const CellRef& cell = block.executionRateCell;
    if (!inGrid(grid, cell) || !block.executionRate || !block.budgetCell.known() || !block.actualCell.known())
        return patch;
    const auto rate = deriveFunding(block).executionRate;
    if (!rate || rate->rounded(2) == block.executionRate->rounded(2))
        return patch;
    const Decimal rounded = rate->rounded(2);
    const RateStyle style = rateStyleOf(grid.at(cell.row, cell.column).text);
    patch.writes.push_back(CellWrite{cell, style.show(rounded), rounded, {}});
    return patch;
}

std::optional<CellWrite> calcBlockRateFormula(const Funding& block, const Grid& grid,
                                              const CalcOrigin& origin) {
    const CellRef& cell = block.executionRateCell;
    if (!inGrid(grid, cell) || !inGrid(grid, block.budgetCell) || !inGrid(grid, block.actualCell))
        return std::nullopt;
    // An input typed as text ("120" as a string) is a number to the core and none to Calc's ISNUMBER: the
    // formula would show nothing where the core shows a rate.
    for (const CellRef& input : {block.budgetCell, block.actualCell})
        if (grid.at(input.row, input.column).kind == CellKind::Text)
            return std::nullopt;
    const CalcRefs refs(origin);
    const std::string actual = refs.a1(block.actualCell), budget = refs.a1(block.budgetCell);
    const GridCell& now = grid.at(cell.row, cell.column);
    const bool empty = now.formula.empty() && compactText(now.text).empty();
    RateStyle style = rateStyleOf(now.text);
    std::string formula;
    if (!now.formula.empty()) {
        // Jixiao's own (converted before) stays as it is; any other formula is the user's and is never
        // replaced.
        if (!isBlockRateFormula(now.formula, actual, budget))
            return std::nullopt;
        formula = now.formula;
    } else if (empty) {
        style.percent = true; // the funding table's look: "95%"
        formula = blockRateFormula(actual, budget, false, style);
    } else if (parseCellNumber(now.text).status == CellNumber::Status::Number) {
        formula = blockRateFormula(actual, budget, now.kind == CellKind::Number, style);
    } else {
        return std::nullopt; // "—" or words: the user's statement, not a figure to compute
    }
    const auto rate = deriveFunding(block).executionRate;
    const auto rounded = rate ? std::optional(rate->rounded(2)) : std::nullopt;
    // A formula that would show nothing where the cell shows a figure (an input missing or unreadable now)
    // is not written: a typed value is only ever replaced by the right one (planRecompute's keepTypedValues).
    if (!rounded && !empty && now.formula.empty())
        return std::nullopt;
    return CellWrite{refs.cell(cell), rounded ? style.show(*rounded) : std::string{}, rounded, formula};
}

CalcOrigin calcOriginOf(const Grid& placed) {
    // Anchors carry "Sheet.A12" (the sheet quoted where Calc needs it); the grid's top-left cell is always
    // one.
    const auto cell = parseSheetCell(placed.rows() > 0 ? placed.at(0, 0).address : std::string{});
    if (!cell)
        // A defect, never the user's: the surface words it from the catalog (error.internal) with this
        // detail.
        throw std::runtime_error("no Calc address on the table's first cell");
    return CalcOrigin{cell->sheet, cell->column, cell->row};
}

namespace {

// Puts `live`'s formula on each write of `patch` to a cell whose formula is gone, when the table still holds
// at least one of `live`'s formulas as it is there (Jixiao made it live, and a cell was typed over since).
void putBackFormulas(Patch& patch, const Grid& grid, const Patch& live) {
    std::map<std::pair<int, int>, const CellWrite*> byPosition;
    bool jixiaoFormulas = false;
    for (const auto& write : live.writes) {
        if (write.formula.empty() || !inGrid(grid, write.cell))
            continue; // a constant (the funding table's "100%") proves nothing about the table
        byPosition[{write.cell.row, write.cell.column}] = &write;
        jixiaoFormulas =
            jixiaoFormulas || grid.at(write.cell.row, write.cell.column).formula == write.formula;
    }
    if (!jixiaoFormulas)
        return;
    for (auto& write : patch.writes) {
        const auto formula = byPosition.find({write.cell.row, write.cell.column});
        if (formula != byPosition.end() && inGrid(grid, write.cell) &&
            grid.at(write.cell.row, write.cell.column).formula.empty())
            write.formula = formula->second->formula;
    }
}

} // namespace

void putBackCalcFormulas(Patch& patch, const Scorecard& read, const Grid& grid, const CalcOrigin& origin) {
    putBackFormulas(patch, grid, calcLiveFormulas(read, grid, origin));
}

void putBackCalcFundingFormulas(Patch& patch, const Funding& read, const Grid& grid,
                                const CalcOrigin& origin) {
    putBackFormulas(patch, grid, calcFundingFormulas(read, grid, origin));
}

Patch calcLiveFormulas(const Scorecard& read, const Grid& grid, const CalcOrigin& origin) {
    Patch patch;
    const CalcRefs refs(origin);
    // Each formula carries the value it shows now, which is the figure recompute writes in Writer.
    const auto figures = deriveScores(read);
    std::vector<CellRef> weights, scores, deductions;
    forEachLeaf(read, [&](const Indicator& leaf) {
        const auto& c = leaf.cells;
        if (inGrid(grid, c.weight))
            weights.push_back(c.weight);
        if (inGrid(grid, c.score))
            scores.push_back(c.score);
        if (!inGrid(grid, c.weight) || !inGrid(grid, c.score) || !inGrid(grid, c.deduction))
            return;
        deductions.push_back(c.deduction);
        const std::string f = refs.a1(c.weight), g = refs.a1(c.score);
        const auto value = leafDeduction(leaf);
        // Empty unless the score is a number within 0‥分值, as recomputeScoreTable does in Writer.
        addFormula(patch, refs, c.deduction,
                   "=IF(AND(ISNUMBER(" + g + ");" + g + ">=0;" + g + "<=" + f + ");" + f + "-" + g + ";\"\")",
                   numberText(value), value);
    });

    const auto& t = read.totals;
    if (inGrid(grid, t.weightCell) && !weights.empty())
        addFormula(patch, refs, t.weightCell, "=SUM(" + refs.list(weights) + ")", numberText(figures.weight),
                   figures.weight);
    if (inGrid(grid, t.scoreCell) && !scores.empty()) {
        // Counting the 扣分 cells counts the valid scores: each shows a number only for a score within range.
        const bool byDeductions = deductions.size() == scores.size();
        const std::string counted = refs.list(byDeductions ? deductions : scores);
        addFormula(patch, refs, t.scoreCell,
                   "=IF(COUNT(" + counted + ")<" + std::to_string(scores.size()) + ";\"\";SUM(" +
                       refs.list(scores) + "))",
                   numberText(figures.score), figures.score);
    }
    if (inGrid(grid, t.deductionCell) && inGrid(grid, t.weightCell) && inGrid(grid, t.scoreCell)) {
        const std::string f = refs.a1(t.weightCell), g = refs.a1(t.scoreCell);
        addFormula(patch, refs, t.deductionCell, "=IF(" + g + "=\"\";\"\";" + f + "-" + g + ")",
                   numberText(figures.deduction), figures.deduction);
    }
    if (inGrid(grid, t.gradeCell) && inGrid(grid, t.scoreCell) && !read.gradeBands.empty())
        addFormula(patch, refs, t.gradeCell, gradeFormula(read.gradeBands, refs.a1(t.scoreCell)),
                   figures.grade, std::nullopt);
    // The self-evaluation form's 执行率 sits in the scoring table: converted with it.
    if (auto rate = calcBlockRateFormula(read.fundingBlock, grid, origin))
        patch.writes.push_back(std::move(*rate));
    return patch;
}

std::optional<CellWrite> regradedCalcFormula(const Scorecard& read, const std::vector<GradeBand>& before,
                                             const Grid& grid, const CalcOrigin& origin) {
    const auto& t = read.totals;
    if (!inGrid(grid, t.gradeCell) || !inGrid(grid, t.scoreCell) || before.empty() || read.gradeBands.empty())
        return std::nullopt;
    const CalcRefs refs(origin);
    const std::string total = refs.a1(t.scoreCell);
    if (grid.at(t.gradeCell.row, t.gradeCell.column).formula != gradeFormula(before, total))
        return std::nullopt;
    return CellWrite{refs.cell(t.gradeCell), deriveScores(read).grade, std::nullopt,
                     gradeFormula(read.gradeBands, total)};
}

Patch calcFundingFormulas(const Funding& read, const Grid& grid, const CalcOrigin& origin) {
    Patch patch;
    const CalcRefs refs(origin);
    std::vector<CellRef> amounts;
    for (const auto& item : read.items)
        if (inGrid(grid, item.amountCell))
            amounts.push_back(item.amountCell);
    const auto figures = deriveFunding(read);
    const auto& actual = figures.actual;
    const bool hasActual = inGrid(grid, read.actualCell);
    const bool hasBudget = inGrid(grid, read.budgetCell);
    if (hasActual && !amounts.empty())
        addFormula(patch, refs, read.actualCell, "=SUM(" + refs.list(amounts) + ")", numberText(actual),
                   actual);
    if (hasActual) {
        const std::string total = refs.a1(read.actualCell, true);
        for (std::size_t i = 0; i < read.items.size(); ++i) {
            const auto& item = read.items[i];
            if (!inGrid(grid, item.amountCell) || !inGrid(grid, item.shareCell))
                continue;
            const auto& share = figures.shares[i];
            const auto rounded = share ? std::optional(share->rounded(2)) : std::nullopt;
            addFormula(patch, refs, item.shareCell,
                       "=IF(" + total + "=0;\"\";ROUND(" + refs.a1(item.amountCell) + "/" + total +
                           "*100;2)&\"%\")",
                       percentText(rounded), rounded);
        }
        if (inGrid(grid, read.totalCell) && actual && !actual->isZero())
            patch.writes.push_back(CellWrite{refs.cell(read.totalCell), "100%", Decimal(100), {}});
    }
    if (hasActual && hasBudget) {
        const std::string a = refs.a1(read.actualCell), b = refs.a1(read.budgetCell);
        if (inGrid(grid, read.executionRateCell)) {
            const auto& rate = figures.executionRate;
            const auto rounded = rate ? std::optional(rate->rounded(2)) : std::nullopt;
            addFormula(patch, refs, read.executionRateCell,
                       "=IF(" + b + "=0;\"\";ROUND(" + a + "/" + b + "*100;2)&\"%\")", percentText(rounded),
                       rounded);
        }
        if (inGrid(grid, read.balanceCell)) {
            addFormula(patch, refs, read.balanceCell, "=IF(" + b + "=\"\";\"\";" + b + "-" + a + ")",
                       numberText(figures.balance), figures.balance);
        }
    }
    return patch;
}

} // namespace jixiao
