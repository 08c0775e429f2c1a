#include "core/with_cell_texts.hpp"

#include "core/read/grid_reader.hpp"
#include "core/read/score_header.hpp"
#include "core/text/cell_text.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace jixiao {
namespace {

// What a changed cell is to the report: the one value read from it.
enum class Field {
    None,   // a cell nothing was read from (the funding table's 100% in its 合计 row)
    Score,  // a leaf's 得分 or 扣分, the 合计 row's 得分 or 扣分: readScoreCell
    Grade,  // the 等级 cell: its lines joined
    Amount, // a funding amount (预算, 实际支出, 结余): readFundingAmount, nullopt when it is none
    RequiredAmount, // 预算: the properties' stand in for a missing one, and the report does not keep them
    Actual,         // 实际支出: the 实际支出 property stands in for a missing one
    ItemAmount,     // a funding item's amount: 0 when it is none
    Percent,        // 占比, 执行率: readFundingPercent
};

// Where the value read from the cell lives in the report (one of the pointers, as the field says).
struct Target {
    Field field = Field::None;
    std::optional<Decimal>* value = nullptr;
    Decimal* amount = nullptr;
    std::string* grade = nullptr;
};

// Every reference the readers made to one cell: a claim holds only when there is exactly one, of a kind
// above.
class Claims {
public:
    Claims(int row, int column) : row_(row), column_(column) {}

    void other(const CellRef& ref) { see(ref, Target{}, false); }
    void claim(const CellRef& ref, Target target) { see(ref, target, true); }

    std::optional<Target> single() const {
        if (count_ != 1 || !claimable_)
            return std::nullopt;
        return target_;
    }

private:
    void see(const CellRef& ref, Target target, bool claimable) {
        if (ref.row != row_ || ref.column != column_)
            return;
        ++count_;
        claimable_ = claimable;
        target_ = target;
    }
    int row_, column_;
    int count_ = 0;
    bool claimable_ = false;
    Target target_;
};

void visitIndicator(Indicator& node, Claims& claims) {
    claims.other(node.cells.name);
    claims.other(node.cells.weight);
    claims.other(node.cells.reason);
    // Only a leaf of an indicator row (its name cell in the table): the 预算执行率 line of a self-evaluation
    // form's funding block appears or not by its score.
    if (node.children.empty() && node.cells.name.known()) {
        claims.claim(node.cells.score, {Field::Score, &node.score});
        claims.claim(node.cells.deduction, {Field::Score, &node.deduction});
    } else {
        claims.other(node.cells.score);
        claims.other(node.cells.deduction);
    }
    for (auto& child : node.children)
        visitIndicator(child, claims);
}

std::optional<Target> scoreTarget(Report& report, int row, int column) {
    if (!report.hasScoreTable || report.partial || report.scoreParts.size() != 1)
        return std::nullopt;
    Claims claims(row, column);
    auto& card = report.card;
    for (auto& top : card.indicators)
        visitIndicator(top, claims);
    for (const auto& subtotal : card.subtotals)
        for (const auto* ref :
             {&subtotal.labelCell, &subtotal.weightCell, &subtotal.scoreCell, &subtotal.deductionCell})
            claims.other(*ref);
    auto& totals = card.totals;
    claims.other(totals.weightCell);
    claims.claim(totals.scoreCell, {Field::Score, &totals.score});
    claims.claim(totals.deductionCell, {Field::Score, &totals.deduction});
    claims.claim(totals.gradeCell, {Field::Grade, nullptr, nullptr, &totals.grade});
    return claims.single();
}

std::optional<Target> fundingTarget(Report& report, int row, int column) {
    if (!report.hasFundingTable)
        return std::nullopt;
    Claims claims(row, column);
    auto& funding = report.card.funding;
    claims.claim(funding.budgetCell, {Field::RequiredAmount, &funding.budget});
    claims.claim(funding.actualCell, {Field::Actual, &funding.actual});
    claims.claim(funding.balanceCell, {Field::Amount, &funding.balance});
    // A percentage in the first column may be the column the funding reader takes the rows' names from.
    if (column > 0) {
        claims.claim(funding.executionRateCell, {Field::Percent, &funding.executionRate});
        claims.claim(funding.totalCell, {Field::None});
    }
    for (auto& item : funding.items) {
        claims.claim(item.amountCell, {Field::ItemAmount, nullptr, &item.amount});
        if (column > 0)
            claims.claim(item.shareCell, {Field::Percent, &item.share});
    }
    return claims.single();
}

// A text that names a header column or a row label could change how the table is read, not just a value.
bool namesStructure(const std::string& text) {
    const std::string compact = compactText(text);
    return headerRole(text) || isTotalLabel(compact) || isGradeLabel(compact) || isSubtotalLabel(compact);
}

// One planned write: the cell's new text (and kind, formula) and the value read from it.
struct Step {
    GridCell* cell = nullptr;
    const CellText* change = nullptr;
    Target target;
    std::optional<Decimal> value;
    std::string grade;
};

// The value assemble reads from the new text, when it can be had without reading the table again, and the
// old text reads as what the report holds (a report as assemble gave it).
bool planValue(const Report& report, const Target& target, const std::string& before,
               const std::string& after, Step& step) {
    const std::string& unit = report.card.funding.unit;
    switch (target.field) {
    case Field::None:
        return true;
    case Field::Score: {
        const auto old = readScoreCell(before);
        const auto now = readScoreCell(after);
        if (old.issue || now.issue || *target.value != old.value)
            return false; // a read issue would have to be placed among the others in the reader's order
        step.value = now.value;
        return true;
    }
    case Field::Grade:
        if (*target.grade != joinCellLines(before))
            return false;
        step.grade = joinCellLines(after);
        return true;
    case Field::Amount:
    case Field::RequiredAmount:
    case Field::Actual: {
        const auto old = readFundingAmount(before, unit);
        step.value = readFundingAmount(after, unit);
        if (target.field == Field::Actual) {
            // applyReportProperties: the 实际支出 property stands in for a missing one.
            if (*target.value != (old ? old : report.actualProperty))
                return false;
            if (!step.value)
                step.value = report.actualProperty;
            return true;
        }
        if (target.field == Field::RequiredAmount)
            return step.value && (!old || *target.value == old);
        return *target.value == old;
    }
    case Field::ItemAmount: {
        if (*target.amount != readFundingAmount(before, unit).value_or(Decimal{}))
            return false;
        step.value = readFundingAmount(after, unit).value_or(Decimal{});
        return true;
    }
    case Field::Percent:
        if (*target.value != readFundingPercent(before))
            return false;
        step.value = readFundingPercent(after);
        return true;
    }
    return false;
}

void apply(const Step& step) {
    step.cell->text = step.change->text;
    if (step.change->kind)
        step.cell->kind = *step.change->kind;
    if (step.change->formula)
        step.cell->formula = *step.change->formula;
    switch (step.target.field) {
    case Field::None:
        break;
    case Field::Grade:
        *step.target.grade = step.grade;
        break;
    case Field::ItemAmount:
        *step.target.amount = *step.value;
        break;
    default:
        *step.target.value = step.value;
        break;
    }
}

// assemble's chooseGradeBands again, for a 合计 得分 or 等级 that changed. The choice needs the report's
// stored bands and the options' as given, which the report does not keep, but its earlier choice tells all
// that matters: stored bands (source Stored) grade whatever the table states; otherwise the stored text was
// none, and the options were valid unless the choice fell back to the defaults (a choice of the defaults from
// what the table states needs options that grade otherwise, hence valid ones).
void chooseGradeBandsAgain(Report& report) {
    if (report.gradeBands.source == GradeBandsSource::Stored)
        return;
    const auto& card = report.card;
    const auto& gradeCell = card.totals.gradeCell;
    const GridCell* cell = report.scoreGrid.find(gradeCell.row, gradeCell.column);
    const std::vector<GradeBand> options = report.gradeBands.source == GradeBandsSource::Defaults
                                               ? std::vector<GradeBand>{}
                                               : report.gradeBands.options;
    report.gradeBands = chooseGradeBands({}, options, card.totals, cell ? cell->formula : "");
    report.card.gradeBands = report.gradeBands.bands;
}

} // namespace

bool applyCellTexts(Report& report, const std::vector<CellText>& changes) {
    std::vector<Step> steps;
    steps.reserve(changes.size());
    std::set<std::pair<bool, std::pair<int, int>>> seen;
    bool regrade = false;
    for (const auto& change : changes) {
        if (!seen.insert({change.funding, {change.row, change.column}}).second)
            return false; // the same cell twice: which text wins is the caller's to say
        Grid& grid = change.funding ? report.fundingGrid : report.scoreGrid;
        GridCell* cell = grid.find(change.row, change.column) ? &grid.at(change.row, change.column) : nullptr;
        if (!cell || cell->covered)
            return false;
        const auto target = change.funding ? fundingTarget(report, change.row, change.column)
                                           : scoreTarget(report, change.row, change.column);
        if (!target || namesStructure(cell->text) || namesStructure(change.text))
            return false;
        Step step{cell, &change, *target, std::nullopt, {}};
        if (!planValue(report, *target, cell->text, change.text, step))
            return false;
        // chooseGradeBands reads the 合计 得分, the 等级 and the 等级 cell's formula.
        regrade = regrade || (!change.funding && (target->value == &report.card.totals.score ||
                                                  target->grade == &report.card.totals.grade));
        steps.push_back(std::move(step));
    }
    for (const auto& step : steps)
        apply(step);
    if (regrade)
        chooseGradeBandsAgain(report);
    return true;
}

std::optional<Report> withCellTexts(const Report& report, const std::vector<CellText>& changes) {
    Report changed = report;
    if (!applyCellTexts(changed, changes))
        return std::nullopt;
    return changed;
}

} // namespace jixiao
