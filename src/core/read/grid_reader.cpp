#include "core/read/grid_reader.hpp"

#include "core/read/grid_anchors.hpp"
#include "core/read/score_header.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/numbers.hpp"
#include "core/text/text.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <vector>

namespace jixiao {
namespace {

CellRef refOf(const Grid& grid, int row, int column) {
    return CellRef{row, column, addressOf(grid, row, column)};
}

[[noreturn]] void missingColumn(const Grid& grid, const ScoreHeader& header, Role role) {
    const std::string where = addressOf(grid, header.row, 0);
    const std::string name(roleName(role));
    throw GridLayoutError("error.layout.no-column", {{"column", name}}, where);
}

// ---------------------------------------------------------------- numbers

bool isScoreUnit(const CellNumber& n) {
    return !n.percent && (n.unit.empty() || n.unit == "分");
}

// A number cell's value as a score (readScoreCell reads it the same way).
std::optional<Decimal> scoreValue(const CellNumber& n) {
    return isScoreUnit(n) ? std::optional(n.value) : std::nullopt;
}

bool holdsNumber(const Grid& grid, int row, int column) {
    return parseCellNumber(grid.at(row, column).text).status == CellNumber::Status::Number;
}

// Reads a number cell. Text that is not a number becomes a read issue naming the cell; the value is then
// nullopt, exactly like an empty cell, so nothing downstream computes with a guess.
class NumberReader {
public:
    NumberReader(const Grid& grid, std::vector<Finding>& issues) : grid_(grid), issues_(issues) {}

    template <typename Accept>
    std::optional<Decimal> read(int row, int column, const std::string& indicator, Accept&& accept) {
        const auto& cell = grid_.at(row, column);
        const CellNumber number = parseCellNumber(cell.text);
        if (number.status == CellNumber::Status::Missing)
            return std::nullopt;
        if (number.status == CellNumber::Status::Number)
            if (auto value = accept(number))
                return value;
        Finding issue;
        issue.ruleId = "cell.not-a-number";
        issue.severity = Severity::Error;
        issue.location.kind = Location::Kind::Cell;
        issue.location.table = grid_.name;
        issue.location.cell = addressOf(grid_, row, column);
        issue.indicator = indicator;
        issue.args = {{"cell", issue.location.cell},
                      {"found", number.found.empty() ? trimCell(cell.text) : number.found}};
        issues_.push_back(std::move(issue));
        return std::nullopt;
    }

    std::optional<Decimal> score(int row, int column, const std::string& indicator) {
        return read(row, column, indicator, scoreValue);
    }

    std::optional<Decimal> percent(int row, int column, const std::string& indicator) {
        return read(row, column, indicator, [](const CellNumber& n) {
            return n.percent || n.unit.empty() ? std::optional(n.value) : std::nullopt;
        });
    }

private:
    const Grid& grid_;
    std::vector<Finding>& issues_;
};

// ---------------------------------------------------------------- rows

std::optional<int> yearIn(std::string_view title) {
    const auto years = yearsInText(title);
    if (years.empty())
        return std::nullopt;
    return years.front().year;
}

// The first non-empty anchor text above the header: a title row merged across the width.
std::string titleAbove(const Grid& grid, const Anchors& anchors, int headerRow) {
    for (int r = 0; r < headerRow; ++r)
        for (int c = 0; c < grid.columns(); ++c)
            if (anchors.isOwn(r, c)) {
                auto text = joinCellLines(grid.at(r, c).text);
                if (!text.empty())
                    return text;
            }
    return {};
}

// Parent weight: the label's when it has one (the validator compares it with the children), otherwise the
// children's sum — overflow on absurd numbers leaves it 0 rather than throwing out of a read.
void settleParentWeights(Indicator& node) {
    if (node.children.empty())
        return;
    for (auto& child : node.children)
        settleParentWeights(child);
    if (node.labelWeight) {
        node.weight = *node.labelWeight;
        return;
    }
    try {
        node.weight = weightOf(node);
    } catch (const std::overflow_error&) {
        node.weight = Decimal{};
    }
}

class ScoreTableReader {
public:
    ScoreTableReader(const Grid& grid, const ScoreHeader& header)
        : grid_(grid), anchors_(grid), header_(header), numbers_(grid, card_.readIssues) {}

    Scorecard read() {
        card_.tableName = grid_.name;
        card_.meta.title = titleAbove(grid_, anchors_, header_.row);
        card_.meta.year = yearInTitleRows();
        // Without a 三级 column the 二级 column holds the leaves (a two-level table).
        leafColumn_ = header_.leafColumn();
        midColumn_ = header_[Role::Level3] >= 0 ? header_[Role::Level2] : -1;
        leafLevel_ = header_[Role::Level3] >= 0 ? Level::Third : Level::Second;
        if (const auto block = findFundingBlock(grid_, anchors_, header_.row))
            readFundingBlock(*block);
        for (int r = header_.row + 1; r < grid_.rows(); ++r)
            readRow(r);
        for (auto& top : card_.indicators)
            settleParentWeights(top);
        return std::move(card_);
    }

private:
    // The year of the title rows above the header ("项目支出绩效自评表" over "（2023年度）"): rows of one
    // text each, down to the first row that holds more (the form's details, or the header).
    std::optional<int> yearInTitleRows() const {
        for (int r = 0; r < header_.row; ++r) {
            std::vector<std::string> texts;
            for (int c = 0; c < grid_.columns(); ++c)
                if (anchors_.isOwn(r, c) && !trimCell(grid_.at(r, c).text).empty())
                    texts.push_back(grid_.at(r, c).text);
            if (texts.size() > 1)
                break;
            if (texts.size() == 1)
                if (const auto year = yearIn(texts.front()))
                    return year;
        }
        return std::nullopt;
    }

    // A cell holding something the reader could not place in the scoring table; assemble() turns these
    // into one finding naming them, and the table is then neither recomputed nor judged.
    void unplaced(int r, int c, Role what) {
        Finding issue;
        issue.ruleId = "table.unplaced";
        issue.severity = Severity::Error;
        issue.location = {Location::Kind::Cell, grid_.name, addressOf(grid_, r, c), -1, 0, 0};
        issue.args = {{"cell", issue.location.cell}, {"what", std::string(roleName(what))}};
        card_.readIssues.push_back(std::move(issue));
    }

    // The national 项目支出绩效自评表: the 预算执行率 line of the funding block carries a weight and a score
    // of its own (10 of the 100), so it is the first indicator; its figures are the project's funding.
    void readFundingBlock(const FundingBlock& block) {
        const int r = block.row;
        const auto number = [&](int c, CellRef& ref) -> std::optional<Decimal> {
            if (c < 0 || !anchors_.isOwn(r, c))
                return std::nullopt;
            ref = refOf(grid_, r, c);
            return numbers_.score(r, c, "预算执行率");
        };
        auto& funding = card_.funding;
        funding.unit = block.unit;
        funding.budget = number(block.budget >= 0 ? block.budget : block.budgetStart, funding.budgetCell);
        funding.actual = number(block.actual, funding.actualCell);
        if (block.rate >= 0 && anchors_.isOwn(r, block.rate)) {
            funding.executionRateCell = refOf(grid_, r, block.rate);
            funding.executionRate = numbers_.percent(r, block.rate, "预算执行率");
        }
        card_.fundingBlock = funding; // kept as read when a funding table takes its place (assemble)
        Indicator rate;
        rate.level = Level::First;
        rate.name = "预算执行率";
        if (block.weight >= 0 && anchors_.isOwn(r, block.weight)) {
            rate.cells.weight = refOf(grid_, r, block.weight);
            rate.weight = numbers_.score(r, block.weight, rate.name).value_or(Decimal{});
        }
        if (block.score >= 0 && anchors_.isOwn(r, block.score)) {
            rate.cells.score = refOf(grid_, r, block.score);
            rate.score = numbers_.score(r, block.score, rate.name);
        }
        if (rate.cells.weight.known() || rate.score)
            card_.indicators.push_back(std::move(rate));
    }

    // The own anchors of a row, left to right, as (column, compact text).
    std::vector<std::pair<int, std::string>> ownCells(int r) const {
        std::vector<std::pair<int, std::string>> cells;
        for (int c = 0; c < grid_.columns(); ++c)
            if (anchors_.isOwn(r, c))
                cells.emplace_back(c, compactText(grid_.at(r, c).text));
        return cells;
    }

    // Column `role`'s cell in row r, when it holds a value of its own (not covered, not part of a label
    // merged across it).
    std::optional<int> ownColumn(int r, Role role) const {
        const int c = header_[role];
        if (c < 0 || !anchors_.isOwn(r, c))
            return std::nullopt;
        return c;
    }

    void readRow(int r) {
        const auto cells = ownCells(r);
        const auto firstText =
            std::find_if(cells.begin(), cells.end(), [](const auto& c) { return !c.second.empty(); });
        if (firstText == cells.end())
            return; // blank row (trailing rows, spacer rows, rows wholly covered by merges)
        // The label may sit in any column when the columns are reordered ("9 | 合计 | 10").
        const auto label = std::find_if(cells.begin(), cells.end(), [](const auto& c) {
            return isGradeLabel(c.second) || isTotalLabel(c.second) || isSubtotalLabel(c.second);
        });
        if (label != cells.end() && isSubtotalLabel(label->second)) {
            readSubtotalRow(r, label->first);
            return;
        }
        if (label != cells.end() && isGradeLabel(label->second)) {
            readGradeRow(r, cells, label);
            return;
        }
        if (label != cells.end()) {
            readTotalRow(r, label->first);
            return;
        }
        if (!sawTotal_) {
            readIndicatorRow(r);
            return;
        }
        // Notes below 合计 are text; a weight or score there is a row the reader cannot place.
        for (const Role role : {Role::Weight, Role::Score})
            if (const auto c = ownColumn(r, role); c && holdsNumber(grid_, r, *c))
                unplaced(r, *c, role);
    }

    // One figure of a 小计 or 合计 row (`label` names the row in a finding): the cell in `role`'s own column,
    // unless that column holds the row's label.
    void readSumCell(int r, int labelColumn, Role role, const std::string& label, CellRef& ref,
                     std::optional<Decimal>& value) {
        const auto c = ownColumn(r, role);
        if (!c || *c == labelColumn)
            return;
        ref = refOf(grid_, r, *c);
        value = numbers_.score(r, *c, label);
    }

    // 小计 after a group: a subtotal, never an indicator. It closes the current 一级 — or, in a three-level
    // table, the 二级 whose merged label reaches down into its row.
    void readSubtotalRow(int r, int labelColumn) {
        if (top_.index < 0)
            return; // nothing above to add up
        Subtotal subtotal;
        subtotal.group.push_back(top_.index);
        if (midColumn_ >= 0 && midColumn_ != labelColumn && anchors_.originRow(r, midColumn_) < r)
            if (const auto mid = midByOrigin_.find(anchors_.origin(r, midColumn_)); mid != midByOrigin_.end())
                subtotal.group.push_back(mid->second.index);
        subtotal.labelCell = refOf(grid_, r, labelColumn);
        readSumCell(r, labelColumn, Role::Weight, "小计", subtotal.weightCell, subtotal.weight);
        readSumCell(r, labelColumn, Role::Score, "小计", subtotal.scoreCell, subtotal.score);
        readSumCell(r, labelColumn, Role::Deduction, "小计", subtotal.deductionCell, subtotal.deduction);
        if (subtotal.weight || subtotal.score || subtotal.deduction)
            card_.subtotals.push_back(std::move(subtotal));
    }

    void readTotalRow(int r, int labelColumn) {
        sawTotal_ = true;
        auto& t = card_.totals;
        readSumCell(r, labelColumn, Role::Weight, "合计", t.weightCell, t.weight);
        readSumCell(r, labelColumn, Role::Score, "合计", t.scoreCell, t.score);
        readSumCell(r, labelColumn, Role::Deduction, "合计", t.deductionCell, t.deduction);
        if (const auto c = ownColumn(r, Role::Grade); c && *c != labelColumn) {
            t.gradeCell = refOf(grid_, r, *c);
            t.grade = joinCellLines(grid_.at(r, *c).text);
        }
    }

    // "评价等级 | 优秀": the grade is the next cell of the row after its label.
    void readGradeRow(int r, const std::vector<std::pair<int, std::string>>& cells,
                      std::vector<std::pair<int, std::string>>::const_iterator label) {
        const auto next = label + 1;
        if (next == cells.end())
            return;
        card_.totals.gradeCell = refOf(grid_, r, next->first);
        card_.totals.grade = joinCellLines(grid_.at(r, next->first).text);
    }

    struct Group {
        int index = -1;   // in card_.indicators, or in the current top's children
        std::string name; // clean name, to recognise unmerged repeated copies
    };

    // The text of a level column in row r, and whether it continues a merged area from above.
    struct LevelCell {
        int row = -1, originRow = -1, originColumn = -1;
        bool fromAbove = false;
        std::string text;
    };
    LevelCell levelCell(int r, int c) const {
        LevelCell cell;
        cell.row = r;
        cell.originRow = anchors_.originRow(r, c);
        cell.originColumn = anchors_.originColumn(r, c);
        cell.fromAbove = cell.originRow < r;
        // A cell merged in from another column (a label spanning 一级 and 二级, a leaf name spanning into
        // 二级) names nothing at this level; reading it twice would make one cell two indicators.
        if (!anchors_.isOrphan(r, c) && cell.originColumn == c)
            cell.text = grid_.at(cell.originRow, cell.originColumn).text;
        return cell;
    }

    Indicator parentFrom(const LevelCell& cell, Level level) {
        const auto label = splitWeightLabel(cell.text);
        Indicator node;
        node.level = level;
        node.name = label.name;
        node.labelWeight = label.weight;
        node.cells.name = refOf(grid_, cell.originRow, cell.originColumn);
        // 部门整体支出: the level's own 分值 column beside the name holds its weight (the label's, if any,
        // gives way: the column is what the table adds up).
        const int weightColumn = header_.levelWeight[level == Level::First ? 0 : 1];
        if (weightColumn >= 0) {
            const int r = anchors_.originRow(cell.row, weightColumn);
            if (anchors_.originColumn(cell.row, weightColumn) == weightColumn &&
                !anchors_.isOrphan(r, weightColumn))
                if (const auto weight = numbers_.score(r, weightColumn, node.name)) {
                    node.labelWeight = weight;
                    node.cells.weight = refOf(grid_, r, weightColumn);
                }
        }
        return node;
    }

    // Decides which group row r belongs to for one level column: the merged area it lies in, the group
    // whose name it repeats (xlsx copies), the current group when it is empty (unmerged, filled once), or a
    // new group. `current` always ends up as the group returned, so the caller can tell when it changes.
    template <typename Create>
    int groupFor(int r, int column, std::map<int, Group>& byOrigin, Group& current, Create&& create) {
        const auto cell = levelCell(r, column);
        const int origin = anchors_.origin(r, column);
        if (cell.fromAbove) {
            if (const auto it = byOrigin.find(origin); it != byOrigin.end()) {
                current = it->second;
                return current.index;
            }
        }
        const auto label = splitWeightLabel(cell.text);
        if (label.name.empty() && !label.weight)
            return current.index; // -1 when there is no group yet
        if (current.index < 0 || label.name != current.name)
            current = Group{create(parentFrom(cell, levelOf(column))), label.name};
        byOrigin[origin] = current;
        return current.index;
    }

    Level levelOf(int column) const { return column == header_[Role::Level1] ? Level::First : Level::Second; }

    void readIndicatorRow(int r) {
        Indicator leaf;
        leaf.level = leafLevel_;
        bool hasContent = false;
        if (leafColumn_ >= 0 && anchors_.isOwn(r, leafColumn_)) {
            const auto label = splitWeightLabel(grid_.at(r, leafColumn_).text);
            leaf.name = label.name;
            leaf.labelWeight = label.weight;
            leaf.cells.name = refOf(grid_, r, leafColumn_);
            hasContent = !leaf.name.empty();
        }
        const std::string& who = leaf.name;
        bool weightRead = leaf.labelWeight.has_value();
        if (const auto c = ownColumn(r, Role::Weight)) {
            leaf.cells.weight = refOf(grid_, r, *c);
            hasContent = hasContent || !trimCell(grid_.at(r, *c).text).empty();
            const auto weight = numbers_.score(r, *c, who);
            weightRead = weightRead || weight.has_value();
            leaf.weight = weight.value_or(leaf.labelWeight.value_or(Decimal{}));
        } else {
            leaf.weight = leaf.labelWeight.value_or(Decimal{});
        }
        bool scored = false;
        if (const auto c = ownColumn(r, Role::Score)) {
            leaf.cells.score = refOf(grid_, r, *c);
            scored = !trimCell(grid_.at(r, *c).text).empty();
            hasContent = hasContent || scored;
            leaf.score = numbers_.score(r, *c, who);
        }
        if (const auto c = ownColumn(r, Role::Deduction)) {
            leaf.cells.deduction = refOf(grid_, r, *c);
            leaf.deduction = numbers_.score(r, *c, who);
        }
        if (const auto c = ownColumn(r, Role::Reason)) {
            leaf.cells.reason = refOf(grid_, r, *c);
            leaf.reason = trimCell(grid_.at(r, *c).text);
        }
        if (const auto c = ownColumn(r, Role::Explanation))
            leaf.explanation = trimCell(grid_.at(r, *c).text);
        if (const auto c = ownColumn(r, Role::Standard))
            leaf.standard = trimCell(grid_.at(r, *c).text);
        if (!hasContent)
            return; // only merged parent cells reach into this row, or it holds notes
        // A leaf without any weight (no 分值 number, no "(n分)" label) cannot be judged, and its parents'
        // labels cannot be put right: the reader would have to guess 0.
        // It is named at its 分值 cell, else its 得分 cell, else its name (a table without those columns
        // whose label carries no weight).
        if (!weightRead && (scored || !leaf.name.empty()))
            unplaced(r,
                     leaf.cells.weight.known()  ? leaf.cells.weight.column
                     : leaf.cells.score.known() ? leaf.cells.score.column
                                                : leaf.cells.name.column,
                     Role::Weight);
        if (leaf.name.empty() && (leaf.cells.weight.known() || scored))
            unplaced(r, leafColumn_ >= 0 ? leafColumn_ : 0,
                     leafLevel_ == Level::Third ? Role::Level3 : Role::Level2);
        attach(r, std::move(leaf));
    }

    void attach(int r, Indicator leaf) {
        auto& tops = card_.indicators;
        const int topColumn = header_[Role::Level1];
        const int previousTop = top_.index;
        const int topIndex = groupFor(r, topColumn, topByOrigin_, top_, [&](Indicator node) {
            tops.push_back(std::move(node));
            return int(tops.size()) - 1;
        });
        if (topIndex < 0) {
            // Leaves before any 一级 name: keep them under an unnamed 一级 so nothing read is lost, and say
            // the table was not read whole.
            unplaced(r, topColumn, Role::Level1);
            Indicator unnamed;
            unnamed.level = Level::First;
            tops.push_back(std::move(unnamed));
            top_ = Group{int(tops.size()) - 1, ""};
            return attach(r, std::move(leaf));
        }
        if (topIndex != previousTop) {
            mid_ = Group{};
            midByOrigin_.clear();
        }
        auto& top = tops[std::size_t(topIndex)];
        int midIndex = -1;
        if (midColumn_ >= 0)
            midIndex = groupFor(r, midColumn_, midByOrigin_, mid_, [&](Indicator node) {
                top.children.push_back(std::move(node));
                return int(top.children.size()) - 1;
            });
        // A row without 二级 hangs its leaf directly under the 一级. (The bounds check guards against a
        // 二级 group of another 一级, which only tangled merges could produce.)
        if (midIndex < 0 || std::size_t(midIndex) >= top.children.size()) {
            top.children.push_back(std::move(leaf));
            return;
        }
        top.children[std::size_t(midIndex)].children.push_back(std::move(leaf));
    }

    const Grid& grid_;
    Anchors anchors_;
    ScoreHeader header_;
    Scorecard card_;
    NumberReader numbers_;
    int leafColumn_ = -1, midColumn_ = -1;
    Level leafLevel_ = Level::Third;
    bool sawTotal_ = false;
    Group top_, mid_;
    std::map<int, Group> topByOrigin_, midByOrigin_; // merged-area anchor → its group
};

} // namespace

// ---------------------------------------------------------------- public

ScoreCellReading readScoreCell(std::string_view text) {
    // NumberReader::read's decisions, without a grid to name the cell in.
    const CellNumber number = parseCellNumber(text);
    if (number.status == CellNumber::Status::Missing)
        return {};
    if (number.status == CellNumber::Status::Number)
        if (auto value = scoreValue(number))
            return {value, false};
    return {std::nullopt, true};
}

WeightLabel splitWeightLabel(std::string_view raw) {
    const std::string text = trimCell(raw);
    WeightLabel label;
    const auto plain = [&] {
        label.name = joinCellLines(text);
        return label;
    };
    std::size_t closeLen = 0;
    if (text.ends_with(")"))
        closeLen = 1;
    else if (text.ends_with("）"))
        closeLen = 3;
    else
        return plain();
    const std::size_t closeAt = text.size() - closeLen;
    const auto half = text.rfind('(', closeAt);
    const auto full = text.rfind("（", closeAt);
    std::size_t open = std::string::npos, openLen = 0;
    if (half != std::string::npos && (full == std::string::npos || half > full)) {
        open = half;
        openLen = 1;
    } else if (full != std::string::npos) {
        open = full;
        openLen = 3;
    } else {
        return plain();
    }
    // "(10分)", and the label written without 分: "目标设定（5）".
    std::string inner = compactText(text.substr(open + openLen, closeAt - open - openLen));
    if (inner.ends_with("分"))
        inner.erase(inner.size() - 3);
    const auto weight = Decimal::parse(inner);
    if (!weight || inner.empty() || inner.front() == '-' || inner.front() == '+')
        return plain();
    label.weight = weight;
    label.fullWidth = openLen == 3;
    const std::string_view before = std::string_view(text).substr(0, open);
    // A line break between the name and the label ("项目立项规范性\n（1分）") is a style worth keeping.
    const auto lastBreak = before.rfind('\n');
    label.lineBreak = lastBreak != std::string_view::npos && trimCell(before.substr(lastBreak + 1)).empty();
    label.name = joinCellLines(before);
    return label;
}

std::string formatWeightLabel(std::string_view name, Decimal weight, bool fullWidth, bool lineBreak) {
    std::string out(name);
    if (lineBreak)
        out += '\n';
    out += fullWidth ? "（" : "(";
    out += weight.toString(2);
    out += "分";
    out += fullWidth ? "）" : ")";
    return out;
}

Scorecard readScoreTable(const Grid& grid) {
    if (grid.rows() == 0 || grid.columns() == 0)
        throw GridLayoutError("error.layout.empty", {}, "");
    const Anchors anchors(grid);
    const auto header = findScoreHeader(grid, anchors);
    if (!header) {
        const std::string where = addressOf(grid, 0, 0);
        throw GridLayoutError("error.layout.no-score-header",
                              {{"rows", std::to_string(std::min(grid.rows(), kHeaderSearchRows))}}, where);
    }
    if ((*header)[Role::Level1] < 0)
        missingColumn(grid, *header, Role::Level1);
    if ((*header)[Role::Level3] < 0 && (*header)[Role::Level2] < 0)
        missingColumn(grid, *header, Role::Level3);
    if ((*header)[Role::Score] < 0)
        missingColumn(grid, *header, Role::Score);
    return ScoreTableReader(grid, *header).read();
}

bool looksLikeScoreTable(const Grid& grid) {
    if (grid.rows() == 0 || grid.columns() == 0)
        return false;
    // 分值 is not required: 部门整体支出 tables may carry the weights only in their labels ("目标设定（5）").
    const Anchors anchors(grid, kHeaderSearchRows);
    const auto h = findScoreHeader(grid, anchors);
    return h && (*h)[Role::Score] >= 0 && (*h)[Role::Level1] >= 0 &&
           ((*h)[Role::Level2] >= 0 || (*h)[Role::Level3] >= 0);
}

int scoreTableHeaderRow(const Grid& grid) {
    if (grid.rows() == 0 || grid.columns() == 0)
        return -1;
    const Anchors anchors(grid, kHeaderSearchRows);
    const auto h = findScoreHeader(grid, anchors);
    return h ? h->row : -1;
}

std::vector<GridPosition> scoreTableInputs(const Grid& grid) {
    std::vector<GridPosition> cells;
    if (grid.rows() == 0 || grid.columns() == 0)
        return cells;
    const Anchors anchors(grid);
    const auto header = findScoreHeader(grid, anchors);
    if (!header)
        return cells;
    std::vector<bool> prose(std::size_t(grid.columns()), false);
    for (const Role role : {Role::Explanation, Role::Standard, Role::Reason, Role::Target})
        if ((*header)[role] >= 0)
            prose[std::size_t((*header)[role])] = true;
    // A leaf's name matters to recompute only through its "(n分)" label, which stands in for a 分值 that is
    // missing or not a number (leaf labels themselves are never rewritten).
    const int leafColumn = header->leafColumn();
    const int weightColumn = (*header)[Role::Weight];
    const auto weightIsNumber = [&](int r) {
        if (weightColumn < 0 || !anchors.isOwn(r, weightColumn))
            return false;
        const CellNumber number = parseCellNumber(grid.at(r, weightColumn).text);
        return number.status == CellNumber::Status::Number && isScoreUnit(number);
    };
    for (int r = 0; r < grid.rows(); ++r) {
        // The reader finds 合计/小计/评价等级 labels in any column, and the grade value may sit in any
        // column after its label: such rows are inputs whole (so are the rows above the header: the
        // self-evaluation form's funding block).
        bool whole = r <= header->row;
        for (int c = 0; c < grid.columns() && !whole; ++c)
            if (anchors.isOwn(r, c)) {
                const std::string compact = compactText(grid.at(r, c).text);
                whole = isTotalLabel(compact) || isGradeLabel(compact) || isSubtotalLabel(compact);
            }
        const bool skipName = !whole && weightIsNumber(r);
        for (int c = 0; c < grid.columns(); ++c)
            if (anchors.isOwn(r, c) && (whole || (!prose[std::size_t(c)] && !(skipName && c == leafColumn))))
                cells.push_back({r, c});
    }
    return cells;
}

} // namespace jixiao
