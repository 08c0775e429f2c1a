#include "core/with_cell_texts.hpp"

#include "core/read/grid_reader.hpp"
#include "core/read/score_header.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/numbers.hpp"

#include <set>
#include <utility>

namespace jixiao {
namespace {

// What a changed cell of the scoring table is to the report: the one value read from it.
struct Target {
    std::optional<Decimal>* score = nullptr; // a leaf's 得分 or 扣分, the 合计 row's 得分 or 扣分
    std::string* grade = nullptr;            // the 等级
    // The self-evaluation form's 执行率 (a percentage): Scorecard::fundingBlock's, and Scorecard::funding's
    // too when the block is the report's funding (no funding table).
    std::optional<Decimal>* rate = nullptr;
    std::optional<Decimal>* fundingRate = nullptr;
};

// Every reference the reader made to one cell: a claim holds only when there is exactly one, of a kind above.
class Claims {
public:
    Claims(int row, int column) : row_(row), column_(column) {}

    void other(const CellRef& ref) { see(ref, std::nullopt); }
    void claim(const CellRef& ref, Target target) { see(ref, target); }

    std::optional<Target> single() const { return count_ == 1 ? target_ : std::nullopt; }

private:
    void see(const CellRef& ref, std::optional<Target> target) {
        if (ref.row != row_ || ref.column != column_)
            return;
        ++count_;
        target_ = target;
    }
    int row_, column_;
    int count_ = 0;
    std::optional<Target> target_;
};

void visitIndicator(Indicator& node, Claims& claims) {
    claims.other(node.cells.name);
    claims.other(node.cells.weight);
    claims.other(node.cells.reason);
    // Only a leaf of an indicator row (its name cell in the table): the 预算执行率 line of a self-evaluation
    // form's funding block appears or not by its score.
    if (node.children.empty() && node.cells.name.known()) {
        claims.claim(node.cells.score, {&node.score});
        claims.claim(node.cells.deduction, {&node.deduction});
    } else {
        claims.other(node.cells.score);
        claims.other(node.cells.deduction);
    }
    for (auto& child : node.children)
        visitIndicator(child, claims);
}

// The scoring table's value read from (row, column), when nothing else was. A partial table's leaves appear
// and disappear with their scores; a split one's rows are another table's.
std::optional<Target> scoreTarget(Report& report, int row, int column) {
    if (!report.hasScoreTable || report.partial || report.scoreParts.size() != 1)
        return std::nullopt;
    Claims claims(row, column);
    auto& card = report.card;
    for (auto& top : card.indicators)
        visitIndicator(top, claims);
    for (const auto& s : card.subtotals)
        for (const auto* ref : {&s.labelCell, &s.weightCell, &s.scoreCell, &s.deductionCell})
            claims.other(*ref);
    auto& totals = card.totals;
    claims.other(totals.weightCell);
    claims.claim(totals.scoreCell, {&totals.score});
    claims.claim(totals.deductionCell, {&totals.deduction});
    claims.claim(totals.gradeCell, {nullptr, &totals.grade});
    // The funding block's figures: its 执行率 is a plain value recompute writes; its 预算数 and 执行数 are
    // read from the same row as the 预算执行率 line's weight and score and are left to assemble.
    auto& block = card.fundingBlock;
    claims.other(block.budgetCell);
    claims.other(block.actualCell);
    const bool blockIsFunding = card.fundingTableName == card.tableName && !report.hasFundingTable &&
                                card.funding.executionRateCell == block.executionRateCell;
    claims.claim(block.executionRateCell, {nullptr, nullptr, &block.executionRate,
                                           blockIsFunding ? &card.funding.executionRate : nullptr});
    return claims.single();
}

// A cell the funding reader read an amount or a percentage from: it lies below the table's header, outside
// the column the rows' names come from (unless a 占比 in the first column doubles as it, which the re-read
// below sees).
bool isFundingFigure(const Funding& funding, int row, int column) {
    const auto at = [&](const CellRef& ref) { return ref.row == row && ref.column == column; };
    if (at(funding.budgetCell) || at(funding.actualCell) || at(funding.executionRateCell) ||
        at(funding.totalCell) || at(funding.balanceCell))
        return true;
    for (const auto& item : funding.items)
        if (at(item.amountCell) || at(item.shareCell))
            return true;
    return false;
}

// A text that names a header column or a row label could change how the table is read, or which table is
// the scoring table, not just a value.
bool namesStructure(const std::string& text) {
    const std::string compact = compactText(text);
    return headerRole(text) || isTotalLabel(compact) || isGradeLabel(compact) || isSubtotalLabel(compact);
}

void setCell(GridCell& cell, const CellText& change) {
    cell.text = change.text;
    cell.stored.clear(); // what the changed cell holds beside its text is not known
    if (change.kind)
        cell.kind = *change.kind;
    if (change.formula)
        cell.formula = *change.formula;
}

// One planned change of the scoring table: the cell and the value read from its new text.
struct ScoreStep {
    GridCell* cell = nullptr;
    const CellText* change = nullptr;
    Target target;
    std::optional<Decimal> score;
    std::string grade;
};

// The value assemble reads from the new text, when it can be had without reading the table again and the old
// text reads as what the report holds (a report as assemble gave it).
bool planScore(const std::string& before, const std::string& after, ScoreStep& step) {
    if (step.target.rate) {
        // The reader's percentage (grid_reader's NumberReader::percent): a number, bare or with "%".
        const auto rate = [](const std::string& text, std::optional<Decimal>& value) {
            const CellNumber n = parseCellNumber(text);
            if (n.status == CellNumber::Status::Missing)
                return true;
            if (n.status != CellNumber::Status::Number || !(n.percent || n.unit.empty()))
                return false; // a read issue
            value = n.value;
            return true;
        };
        std::optional<Decimal> old;
        return rate(before, old) && old == *step.target.rate && rate(after, step.score);
    }
    if (step.target.grade) {
        if (*step.target.grade != joinCellLines(before))
            return false;
        step.grade = joinCellLines(after);
        return true;
    }
    const auto old = readScoreCell(before);
    const auto now = readScoreCell(after);
    if (old.issue || now.issue || *step.target.score != old.value)
        return false; // a read issue would have to be placed among the others in the reader's order
    step.score = now.value;
    return true;
}

// The funding table is small: read again whole, as assemble reads it (then applyReportProperties). nullopt
// when the 预算 property would stand in for a 预算 the table no longer states (the report does not keep the
// properties), or when the report's funding is not what the table it holds reads as.
std::optional<Funding> fundingReadAgain(const Report& report, const Grid& changed) {
    const auto& held = report.card.funding;
    Funding before, after;
    try {
        before = readFundingTable(report.fundingGrid);
        after = readFundingTable(changed);
    } catch (const GridLayoutError&) {
        return std::nullopt; // not a report assemble gave: its funding table was read
    }
    // applyReportProperties: the properties' 预算 and 实际支出 stand in for missing ones.
    Funding check = before;
    check.budget = before.budget ? before.budget : held.budget;
    check.actual = before.actual ? before.actual : report.actualProperty;
    if (check != held || (!after.budget && before.budget))
        return std::nullopt;
    if (!after.budget)
        after.budget = held.budget;
    if (!after.actual)
        after.actual = report.actualProperty;
    return after;
}

// assemble's chooseGradeBands again, for the 合计 and 等级 as they will be (`totals`, `formula`: the 等级
// cell's). The choice needs the report's stored bands and the options' as given, which the report does not
// keep, but its earlier choice tells what matters: stored bands (source Stored) grade whatever the table
// states; otherwise the stored text was none, and the options were valid unless the choice fell back to the
// defaults — or, for bands its grade formula stated, unknown when they read as the defaults (a choice of the
// defaults from what the table states needs options that grade otherwise, hence valid ones). nullopt when
// the two possible options choose differently.
std::optional<GradeBandsChoice> chooseGradeBandsAgain(const GradeBandsChoice& earlier, const Totals& totals,
                                                      const std::string& formula) {
    if (earlier.source == GradeBandsSource::Stored)
        return earlier;
    const std::vector<GradeBand> invalid; // options that are no bands choose as invalid ones did
    const bool valid = earlier.source == GradeBandsSource::Options ||
                       (earlier.source == GradeBandsSource::Stated && earlier.options != defaultGradeBands());
    const bool unknown = earlier.source == GradeBandsSource::Stated && !valid;
    auto choice = chooseGradeBands({}, valid || unknown ? earlier.options : invalid, totals, formula);
    if (unknown && chooseGradeBands({}, invalid, totals, formula) != choice)
        return std::nullopt;
    return choice;
}

} // namespace

std::optional<CellText> cellTextAt(const Report& report, const std::string& table, const std::string& address,
                                   std::string text) {
    for (const bool funding : {false, true}) {
        const Grid& grid = funding ? report.fundingGrid : report.scoreGrid;
        if ((funding ? !report.hasFundingTable : !report.hasScoreTable) || grid.name != table)
            continue;
        for (int r = 0; r < grid.rows(); ++r)
            for (int c = 0; c < grid.columns(); ++c)
                if (!grid.at(r, c).covered && grid.at(r, c).address == address)
                    return CellText{funding, r, c, std::move(text)};
    }
    return std::nullopt;
}

bool applyCellTexts(Report& report, const std::vector<CellText>& changes) {
    std::vector<ScoreStep> steps;
    std::optional<Grid> funding; // the funding table with its changes, when any
    std::set<std::pair<bool, std::pair<int, int>>> seen;
    for (const auto& change : changes) {
        if (!seen.insert({change.funding, {change.row, change.column}}).second)
            return false; // the same cell twice: which text wins is the caller's to say
        Grid& grid = change.funding ? report.fundingGrid : report.scoreGrid;
        if (!grid.find(change.row, change.column) || namesStructure(change.text))
            return false;
        GridCell& cell = grid.at(change.row, change.column);
        if (cell.covered || namesStructure(cell.text))
            return false;
        if (change.funding) {
            if (!report.hasFundingTable || !isFundingFigure(report.card.funding, change.row, change.column))
                return false;
            if (!funding)
                funding = report.fundingGrid;
            setCell(funding->at(change.row, change.column), change);
            continue;
        }
        const auto target = scoreTarget(report, change.row, change.column);
        if (!target)
            return false;
        ScoreStep step{&cell, &change, *target, std::nullopt, {}};
        if (!planScore(cell.text, change.text, step))
            return false;
        steps.push_back(std::move(step));
    }
    // chooseGradeBands reads the 合计 得分, the 等级 and the 等级 cell's formula: the bands as they will be.
    auto totals = report.card.totals;
    const GridCell* gradeCell = report.scoreGrid.find(totals.gradeCell.row, totals.gradeCell.column);
    std::string formula = gradeCell ? gradeCell->formula : "";
    bool regrade = false;
    for (const auto& step : steps) {
        if (step.target.grade) {
            totals.grade = step.grade;
            formula = step.change->formula.value_or(formula);
            regrade = true;
        } else if (step.target.score == &report.card.totals.score) {
            totals.score = step.score;
            regrade = true;
        }
    }
    std::optional<GradeBandsChoice> bands;
    if (regrade && !(bands = chooseGradeBandsAgain(report.gradeBands, totals, formula)))
        return false;
    std::optional<Funding> fundingRead;
    if (funding && !(fundingRead = fundingReadAgain(report, *funding)))
        return false;
    // Nothing can fail from here: the report changes only now.
    for (const auto& step : steps) {
        setCell(*step.cell, *step.change);
        if (step.target.rate) {
            *step.target.rate = step.score;
            if (step.target.fundingRate)
                *step.target.fundingRate = step.score;
        } else if (step.target.grade) {
            *step.target.grade = step.grade;
        } else {
            *step.target.score = step.score;
        }
    }
    if (bands) {
        report.gradeBands = std::move(*bands);
        report.card.gradeBands = report.gradeBands.bands;
    }
    if (funding) {
        report.fundingGrid = std::move(*funding);
        report.card.funding = std::move(*fundingRead);
    }
    return true;
}

std::optional<Report> withCellTexts(const Report& report, const std::vector<CellText>& changes) {
    Report changed = report;
    if (!applyCellTexts(changed, changes))
        return std::nullopt;
    return changed;
}

} // namespace jixiao
