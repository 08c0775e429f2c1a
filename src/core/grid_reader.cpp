#include "core/grid_reader.hpp"

#include "core/numbers.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <vector>

namespace jixiao {
namespace {

// ---------------------------------------------------------------- text

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Length of a whitespace sequence starting at i: ASCII blanks, NBSP (C2 A0), the ideographic space (E3 80 80)
// and the zero-width space (E2 80 8B) that pasted text sometimes carries.
std::size_t spaceAt(std::string_view s, std::size_t i) {
    if (isAsciiSpace(s[i]))
        return 1;
    if (s.substr(i, 2) == "\xC2\xA0")
        return 2;
    if (s.substr(i, 3) == "\xE3\x80\x80" || s.substr(i, 3) == "\xE2\x80\x8B")
        return 3;
    return 0;
}

std::string trim(std::string_view s) {
    // One forward scan (a UTF-8 space cannot be recognised stepping backwards; cells are short): where the
    // first non-space starts and the last one ends.
    std::size_t begin = s.size(), end = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (const auto n = spaceAt(s, i)) {
            i += n;
            continue;
        }
        begin = std::min(begin, i);
        end = ++i;
    }
    return begin < end ? std::string(s.substr(begin, end - begin)) : std::string{};
}

bool isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// A name broken over lines inside a cell ("服务对象\n满意度") is one name: Chinese joins without a space,
// Latin words with one.
std::string joinLines(std::string_view s) {
    std::string out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find('\n', start);
        if (end == std::string_view::npos)
            end = s.size();
        const std::string line = trim(s.substr(start, end - start));
        if (!line.empty()) {
            if (!out.empty() && isAsciiAlnum(out.back()) && isAsciiAlnum(line.front()))
                out += ' ';
            out += line;
        }
        start = end + 1;
    }
    return out;
}

// Header text without a trailing unit in parentheses: "分值（分）" → "分值", "金额(万元)" → "金额".
std::string withoutTrailingParenthesis(std::string text) {
    while (!text.empty() && text.back() == ')') {
        const auto open = text.rfind('(');
        if (open == std::string::npos || open == 0)
            break;
        text.erase(open);
    }
    return text;
}

// The parenthesised unit of a header: "金额(万元)" → "万元".
std::string parenthesisContent(const std::string& compact) {
    if (compact.empty() || compact.back() != ')')
        return {};
    const auto open = compact.rfind('(');
    if (open == std::string::npos)
        return {};
    return compact.substr(open + 1, compact.size() - open - 2);
}

std::string columnLetters(int column) {
    std::string letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), char('A' + (c - 1) % 26));
    return letters;
}

// ---------------------------------------------------------------- merged areas

// For every grid position, the position of the anchor whose area holds it. Built once per read so that
// covered cells cost nothing, and tolerant of inconsistent spans (areas running off the grid or
// overlapping): a covered cell no anchor claims stands for itself.
class Anchors {
public:
    // Only the first `rowLimit` rows are mapped (an anchor never reaches upwards, so they are complete):
    // looksLike* look at the header rows of what may be a large Calc range.
    explicit Anchors(const Grid& grid, int rowLimit = -1) : columns_(grid.columns()) {
        const int rows = rowLimit < 0 ? grid.rows() : std::min(rowLimit, grid.rows());
        origin_.assign(std::size_t(std::max(0, rows * columns_)), -1);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns_; ++c) {
                const auto& cell = grid.at(r, c);
                if (cell.covered || origin_[idx(r, c)] >= 0)
                    continue;
                const int rowEnd = std::min(rows, r + std::max(1, cell.rowSpan));
                const int colEnd = std::min(columns_, c + std::max(1, cell.colSpan));
                for (int rr = r; rr < rowEnd; ++rr)
                    for (int cc = c; cc < colEnd; ++cc)
                        if (origin_[idx(rr, cc)] < 0 && (grid.at(rr, cc).covered || (rr == r && cc == c)))
                            origin_[idx(rr, cc)] = int(idx(r, c));
            }
        orphan_.assign(origin_.size(), false);
        for (std::size_t i = 0; i < origin_.size(); ++i)
            if (origin_[i] < 0) {
                origin_[i] = int(i);
                orphan_[i] = true; // covered, yet no anchor claims it: it holds nothing and takes no writes
            }
    }
    int originRow(int r, int c) const { return origin_[idx(r, c)] / columns_; }
    int originColumn(int r, int c) const { return origin_[idx(r, c)] % columns_; }
    int origin(int r, int c) const { return origin_[idx(r, c)]; }
    // The cell at (r, c) is the anchor itself, i.e. its value belongs to row r and column c.
    bool isOwn(int r, int c) const { return origin(r, c) == int(idx(r, c)) && !orphan_[idx(r, c)]; }
    bool isOrphan(int r, int c) const { return orphan_[idx(r, c)]; }

private:
    std::size_t idx(int r, int c) const { return std::size_t(r) * std::size_t(columns_) + std::size_t(c); }
    int columns_;
    std::vector<int> origin_;
    std::vector<bool> orphan_;
};

// ---------------------------------------------------------------- headers

enum class Role {
    Level1,
    Level2,
    Level3,
    Explanation,
    Standard,
    Weight,
    Score,
    Deduction,
    Reason,
    Grade,
    Count
};

constexpr std::array<std::string_view, int(Role::Count)> kRoleName = {
    "一级指标", "二级指标", "三级指标", "指标解释", "评价标准",
    "指标分值", "评价得分", "扣分情况", "扣分原因", "评价等级"};
constexpr std::array<std::string_view, int(Role::Count)> kRoleEnglish = {"level-1 indicator",
                                                                         "level-2 indicator",
                                                                         "level-3 indicator",
                                                                         "explanation",
                                                                         "standard",
                                                                         "weight",
                                                                         "score",
                                                                         "deduction",
                                                                         "deduction reason",
                                                                         "grade"};

std::optional<Role> headerRole(std::string_view text) {
    static const std::map<std::string, Role, std::less<>> synonyms = {
        {"一级指标", Role::Level1},      {"一级", Role::Level1},          {"二级指标", Role::Level2},
        {"二级", Role::Level2},          {"三级指标", Role::Level3},      {"三级", Role::Level3},
        {"指标解释", Role::Explanation}, {"指标说明", Role::Explanation}, {"指标内涵", Role::Explanation},
        {"评价标准", Role::Standard},    {"评分标准", Role::Standard},    {"评分细则", Role::Standard},
        {"评分规则", Role::Standard},    {"指标分值", Role::Weight},      {"分值", Role::Weight},
        {"权重", Role::Weight},          {"标准分", Role::Weight},        {"标准分值", Role::Weight},
        {"权重分值", Role::Weight},      {"评价得分", Role::Score},       {"得分", Role::Score},
        {"自评得分", Role::Score},       {"实际得分", Role::Score},       {"扣分情况", Role::Deduction},
        {"扣分", Role::Deduction},       {"扣分值", Role::Deduction},     {"扣分原因", Role::Reason},
        {"扣分理由", Role::Reason},      {"扣分说明", Role::Reason},      {"评价等级", Role::Grade},
        {"等级", Role::Grade},           {"绩效等级", Role::Grade},
    };
    const auto it = synonyms.find(withoutTrailingParenthesis(compactText(text)));
    if (it == synonyms.end())
        return std::nullopt;
    return it->second;
}

struct ScoreHeader {
    int row = -1;
    std::array<int, int(Role::Count)> column{}; // -1 when absent
    int found = 0;
    int& operator[](Role role) { return column[std::size_t(role)]; }
    int operator[](Role role) const { return column[std::size_t(role)]; }
};

// Header rows sit at the top, below at most a few title rows.
constexpr int kHeaderSearchRows = 8;

ScoreHeader scanScoreHeader(const Grid& grid, const Anchors& anchors, int row) {
    ScoreHeader header;
    header.row = row;
    header.column.fill(-1);
    for (int c = 0; c < grid.columns(); ++c) {
        if (anchors.originColumn(row, c) != c)
            continue; // the rest of a horizontally merged header cell
        const auto& cell = grid.at(anchors.originRow(row, c), c);
        const auto role = headerRole(cell.text);
        if (role && header[*role] < 0) {
            header[*role] = c;
            ++header.found;
        }
    }
    return header;
}

// The candidate header row with the most recognised columns (the first of equals), if any has two.
std::optional<ScoreHeader> bestScoreHeader(const Grid& grid, const Anchors& anchors) {
    std::optional<ScoreHeader> best;
    for (int r = 0; r < std::min(grid.rows(), kHeaderSearchRows); ++r) {
        auto header = scanScoreHeader(grid, anchors, r);
        if (header.found >= 2 && (!best || header.found > best->found))
            best = header;
    }
    return best;
}

std::string addressOf(const Grid& grid, int row, int column) {
    const auto& address = grid.at(row, column).address;
    // A grid built by the writer has no host addresses yet; the spreadsheet-style name still lets a person
    // find the cell.
    return address.empty() ? columnLetters(column) + std::to_string(row + 1) : address;
}

CellRef refOf(const Grid& grid, int row, int column) {
    return CellRef{row, column, addressOf(grid, row, column)};
}

[[noreturn]] void missingColumn(const Grid& grid, const ScoreHeader& header, Role role) {
    const std::string where = addressOf(grid, header.row, 0);
    throw GridLayoutError("找不到表头“" + std::string(kRoleName[std::size_t(role)]) + "”列（表头行 " + where +
                              "） / header column " + std::string(kRoleName[std::size_t(role)]) + " (" +
                              std::string(kRoleEnglish[std::size_t(role)]) +
                              ") not found in the header row at " + where,
                          where);
}

// ---------------------------------------------------------------- numbers

bool isScoreUnit(const CellNumber& n) {
    return !n.percent && (n.unit.empty() || n.unit == "分");
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
                      {"found", number.found.empty() ? trim(cell.text) : number.found}};
        issues_.push_back(std::move(issue));
        return std::nullopt;
    }

    std::optional<Decimal> score(int row, int column, const std::string& indicator) {
        return read(row, column, indicator, [](const CellNumber& n) {
            return isScoreUnit(n) ? std::optional(n.value) : std::nullopt;
        });
    }

private:
    const Grid& grid_;
    std::vector<Finding>& issues_;
};

// ---------------------------------------------------------------- rows

bool isTotalLabel(const std::string& compact) {
    return compact == "合计" || compact == "总计" || compact == "合计得分" || compact == "总分" ||
           compact == "总得分" || compact == "得分合计";
}

bool isGradeLabel(const std::string& compact) {
    return compact == "评价等级" || compact == "等级" || compact == "绩效等级" || compact == "评定等级" ||
           compact == "绩效评价等级";
}

std::optional<int> yearIn(std::string_view title) {
    const std::string half = toHalfWidth(title);
    for (std::size_t i = 0; i + 4 < half.size(); ++i) {
        if (i > 0 && half[i - 1] >= '0' && half[i - 1] <= '9')
            continue;
        bool digits = true;
        for (std::size_t k = 0; k < 4; ++k)
            digits = digits && half[i + k] >= '0' && half[i + k] <= '9';
        if (!digits || half.compare(i + 4, 3, "年") != 0)
            continue;
        const int year = std::stoi(half.substr(i, 4));
        if (year >= 1900 && year < 2200)
            return year;
    }
    return std::nullopt;
}

// The first non-empty anchor text above the header: a title row merged across the width.
std::string titleAbove(const Grid& grid, const Anchors& anchors, int headerRow) {
    for (int r = 0; r < headerRow; ++r)
        for (int c = 0; c < grid.columns(); ++c)
            if (anchors.isOwn(r, c)) {
                auto text = joinLines(grid.at(r, c).text);
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
        card_.meta.year = yearIn(card_.meta.title);
        // Without a 三级 column the 二级 column holds the leaves (a two-level table).
        leafColumn_ = header_[Role::Level3] >= 0 ? header_[Role::Level3] : header_[Role::Level2];
        midColumn_ = header_[Role::Level3] >= 0 ? header_[Role::Level2] : -1;
        leafLevel_ = header_[Role::Level3] >= 0 ? Level::Third : Level::Second;
        for (int r = header_.row + 1; r < grid_.rows(); ++r)
            readRow(r);
        for (auto& top : card_.indicators)
            settleParentWeights(top);
        return std::move(card_);
    }

private:
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
            return isGradeLabel(c.second) || isTotalLabel(c.second);
        });
        if (label != cells.end() && isGradeLabel(label->second)) {
            readGradeRow(r, cells, label);
            return;
        }
        if (label != cells.end()) {
            readTotalRow(r, label->first);
            return;
        }
        if (!sawTotal_)
            readIndicatorRow(r);
    }

    void readTotalRow(int r, int labelColumn) {
        sawTotal_ = true;
        auto& t = card_.totals;
        const auto read = [&](Role role, CellRef& ref, std::optional<Decimal>& value) {
            const auto c = ownColumn(r, role);
            if (!c || *c == labelColumn)
                return;
            ref = refOf(grid_, r, *c);
            value = numbers_.score(r, *c, "合计");
        };
        read(Role::Weight, t.weightCell, t.weight);
        read(Role::Score, t.scoreCell, t.score);
        read(Role::Deduction, t.deductionCell, t.deduction);
        if (const auto c = ownColumn(r, Role::Grade); c && *c != labelColumn) {
            t.gradeCell = refOf(grid_, r, *c);
            t.grade = joinLines(grid_.at(r, *c).text);
        }
    }

    // "评价等级 | 优秀": the grade is the next cell of the row after its label.
    void readGradeRow(int r, const std::vector<std::pair<int, std::string>>& cells,
                      std::vector<std::pair<int, std::string>>::const_iterator label) {
        const auto next = label + 1;
        if (next == cells.end())
            return;
        card_.totals.gradeCell = refOf(grid_, r, next->first);
        card_.totals.grade = joinLines(grid_.at(r, next->first).text);
    }

    struct Group {
        int index = -1;   // in card_.indicators, or in the current top's children
        std::string name; // clean name, to recognise unmerged repeated copies
    };

    // The text of a level column in row r, and whether it continues a merged area from above.
    struct LevelCell {
        int originRow = -1, originColumn = -1;
        bool fromAbove = false;
        std::string text;
    };
    LevelCell levelCell(int r, int c) const {
        LevelCell cell;
        cell.originRow = anchors_.originRow(r, c);
        cell.originColumn = anchors_.originColumn(r, c);
        cell.fromAbove = cell.originRow < r;
        // A cell merged in from another column (a label spanning 一级 and 二级, a leaf name spanning into
        // 二级) names nothing at this level; reading it twice would make one cell two indicators.
        if (!anchors_.isOrphan(r, c) && cell.originColumn == c)
            cell.text = grid_.at(cell.originRow, cell.originColumn).text;
        return cell;
    }

    Indicator parentFrom(const LevelCell& cell, Level level) const {
        const auto label = splitWeightLabel(cell.text);
        Indicator node;
        node.level = level;
        node.name = label.name;
        node.labelWeight = label.weight;
        node.cells.name = refOf(grid_, cell.originRow, cell.originColumn);
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
        if (const auto c = ownColumn(r, Role::Weight)) {
            leaf.cells.weight = refOf(grid_, r, *c);
            hasContent = hasContent || !trim(grid_.at(r, *c).text).empty();
            leaf.weight = numbers_.score(r, *c, who).value_or(leaf.labelWeight.value_or(Decimal{}));
        } else {
            leaf.weight = leaf.labelWeight.value_or(Decimal{});
        }
        if (const auto c = ownColumn(r, Role::Score)) {
            leaf.cells.score = refOf(grid_, r, *c);
            hasContent = hasContent || !trim(grid_.at(r, *c).text).empty();
            leaf.score = numbers_.score(r, *c, who);
        }
        if (const auto c = ownColumn(r, Role::Deduction)) {
            leaf.cells.deduction = refOf(grid_, r, *c);
            leaf.deduction = numbers_.score(r, *c, who);
        }
        if (const auto c = ownColumn(r, Role::Reason)) {
            leaf.cells.reason = refOf(grid_, r, *c);
            leaf.reason = trim(grid_.at(r, *c).text);
        }
        if (const auto c = ownColumn(r, Role::Explanation))
            leaf.explanation = trim(grid_.at(r, *c).text);
        if (const auto c = ownColumn(r, Role::Standard))
            leaf.standard = trim(grid_.at(r, *c).text);
        if (!hasContent)
            return; // only merged parent cells reach into this row, or it holds notes
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
            // Leaves before any 一级 name: keep them under an unnamed 一级 so nothing read is lost; the
            // validator reports the missing name.
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

// ---------------------------------------------------------------- funding

struct FundingHeader {
    int row = -1;
    int name = -1, amount = -1, share = -1;
    std::string unit = "万元";
};

std::optional<FundingHeader> findFundingHeader(const Grid& grid, const Anchors& anchors) {
    for (int r = 0; r < std::min(grid.rows(), kHeaderSearchRows); ++r) {
        FundingHeader h;
        h.row = r;
        for (int c = 0; c < grid.columns(); ++c) {
            if (anchors.originColumn(r, c) != c)
                continue;
            const std::string compact = compactText(grid.at(anchors.originRow(r, c), c).text);
            const std::string bare = withoutTrailingParenthesis(compact);
            if (h.amount < 0 && bare.find("金额") != std::string::npos) {
                h.amount = c;
                if (const auto unit = parenthesisContent(compact); unit == "元" || unit == "万元")
                    h.unit = unit;
            } else if (h.share < 0 &&
                       (bare.find("占比") != std::string::npos || bare.find("比例") != std::string::npos)) {
                h.share = c;
            } else if (h.name < 0 &&
                       (bare == "项目" || bare == "名称" || bare == "项目名称" || bare == "支出项目" ||
                        bare == "明细" || bare == "支出明细" || bare == "支出内容" || bare == "内容")) {
                h.name = c;
            }
        }
        if (h.amount < 0 || headerRole(grid.at(anchors.originRow(r, 0), anchors.originColumn(r, 0)).text))
            continue;
        if (h.name < 0)
            h.name = h.amount == 0 ? -1 : 0;
        if (h.name >= 0)
            return h;
    }
    return std::nullopt;
}

bool oneOf(const std::string& s, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), s) != words.end();
}

} // namespace

// ---------------------------------------------------------------- public

std::string compactText(std::string_view text) {
    const std::string half = toHalfWidth(text);
    std::string out;
    out.reserve(half.size());
    for (std::size_t i = 0; i < half.size();) {
        const auto n = spaceAt(half, i);
        if (n > 0) {
            i += n;
            continue;
        }
        out += half[i++];
    }
    return out;
}

WeightLabel splitWeightLabel(std::string_view raw) {
    const std::string text = trim(raw);
    WeightLabel label;
    const auto plain = [&] {
        label.name = joinLines(text);
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
    label.lineBreak = lastBreak != std::string_view::npos && trim(before.substr(lastBreak + 1)).empty();
    label.name = joinLines(before);
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
        throw GridLayoutError("表格为空 / the table is empty", "");
    const Anchors anchors(grid);
    const auto header = bestScoreHeader(grid, anchors);
    if (!header) {
        const std::string where = addressOf(grid, 0, 0);
        throw GridLayoutError(
            "找不到打分表表头行（一级指标、三级指标、指标分值、评价得分…），从 " + where + " 起查找了前 " +
                std::to_string(std::min(grid.rows(), kHeaderSearchRows)) +
                " 行 / header row of the scoring table (一级指标, 三级指标, 指标分值, 评价得分 …) "
                "not found in the first rows from " +
                where,
            where);
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
    const Anchors anchors(grid, kHeaderSearchRows);
    for (int r = 0; r < std::min(grid.rows(), kHeaderSearchRows); ++r) {
        const auto h = scanScoreHeader(grid, anchors, r);
        if (h[Role::Score] >= 0 && h[Role::Weight] >= 0 && h[Role::Level1] >= 0 &&
            (h[Role::Level2] >= 0 || h[Role::Level3] >= 0))
            return true;
    }
    return false;
}

Funding readFundingTable(const Grid& grid) {
    if (grid.rows() == 0 || grid.columns() == 0)
        throw GridLayoutError("表格为空 / the table is empty", "");
    const Anchors anchors(grid);
    const auto header = findFundingHeader(grid, anchors);
    if (!header) {
        const std::string where = addressOf(grid, 0, 0);
        throw GridLayoutError("找不到资金表表头“金额”列（从 " + where +
                                  " 起查找） / header column 金额 (amount) of "
                                  "the funding table not found, looked from " +
                                  where,
                              where);
    }
    Funding funding;
    funding.unit = header->unit;
    std::vector<Finding> ignored; // funding cells that are not numbers read as missing; validation re-reads
    NumberReader numbers(grid, ignored);
    const auto amountAt = [&](int r, CellRef& ref) -> std::optional<Decimal> {
        if (header->amount < 0 || !anchors.isOwn(r, header->amount))
            return std::nullopt;
        ref = refOf(grid, r, header->amount);
        return numbers.read(r, header->amount, "", [&](const CellNumber& n) -> std::optional<Decimal> {
            if (n.percent || n.unit == "分")
                return std::nullopt;
            if (funding.unit == "万元")
                return toWanYuan(n);
            return n.unit.empty() || n.unit == funding.unit ? std::optional(n.value) : std::nullopt;
        });
    };
    const auto percentAt = [&](int r, int c, CellRef& ref) -> std::optional<Decimal> {
        if (c < 0 || !anchors.isOwn(r, c))
            return std::nullopt;
        ref = refOf(grid, r, c);
        return numbers.read(r, c, "", [](const CellNumber& n) -> std::optional<Decimal> {
            return n.percent || n.unit.empty() ? std::optional(n.value) : std::nullopt;
        });
    };
    for (int r = header->row + 1; r < grid.rows(); ++r) {
        if (!anchors.isOwn(r, header->name))
            continue;
        const std::string rawName = joinLines(grid.at(r, header->name).text);
        const std::string name = compactText(rawName);
        if (name.empty())
            continue;
        if (oneOf(name, {"实际支出合计", "实际支出", "支出合计", "合计", "总计", "实际支出金额"})) {
            funding.actual = amountAt(r, funding.actualCell);
            percentAt(r, header->share, funding.totalCell); // shows 100%; recompute keeps it so
        } else if (oneOf(name, {"年初预算", "预算", "预算金额", "预算资金", "全年预算", "年初预算金额"})) {
            funding.budget = amountAt(r, funding.budgetCell);
        } else if (oneOf(name, {"预算执行率", "执行率"})) {
            const int c = header->share >= 0 ? header->share : header->amount;
            funding.executionRate = percentAt(r, c, funding.executionRateCell);
        } else if (oneOf(name, {"结余", "预算结余", "结余资金", "结余金额"})) {
            funding.balance = amountAt(r, funding.balanceCell);
        } else {
            FundingItem item;
            item.name = rawName;
            item.amount = amountAt(r, item.amountCell).value_or(Decimal{});
            item.share = percentAt(r, header->share, item.shareCell);
            funding.items.push_back(std::move(item));
        }
    }
    return funding;
}

std::vector<GridPosition> scoreTableInputs(const Grid& grid) {
    std::vector<GridPosition> cells;
    if (grid.rows() == 0 || grid.columns() == 0)
        return cells;
    const Anchors anchors(grid);
    const auto header = bestScoreHeader(grid, anchors);
    if (!header)
        return cells;
    std::vector<bool> prose(std::size_t(grid.columns()), false);
    for (const Role role : {Role::Explanation, Role::Standard, Role::Reason})
        if ((*header)[role] >= 0)
            prose[std::size_t((*header)[role])] = true;
    // A leaf's name matters to recompute only through its "(n分)" label, which stands in for a 分值 that is
    // missing or not a number (leaf labels themselves are never rewritten).
    const int leafColumn = (*header)[Role::Level3] >= 0 ? (*header)[Role::Level3] : (*header)[Role::Level2];
    const int weightColumn = (*header)[Role::Weight];
    const auto weightIsNumber = [&](int r) {
        if (weightColumn < 0 || !anchors.isOwn(r, weightColumn))
            return false;
        const CellNumber number = parseCellNumber(grid.at(r, weightColumn).text);
        return number.status == CellNumber::Status::Number && isScoreUnit(number);
    };
    for (int r = 0; r < grid.rows(); ++r) {
        // The reader finds 合计/评价等级 labels in any column, and the grade value may sit in any column
        // after its label: such rows are inputs whole.
        bool whole = r <= header->row;
        for (int c = 0; c < grid.columns() && !whole; ++c)
            if (anchors.isOwn(r, c)) {
                const std::string compact = compactText(grid.at(r, c).text);
                whole = isTotalLabel(compact) || isGradeLabel(compact);
            }
        const bool skipName = !whole && weightIsNumber(r);
        for (int c = 0; c < grid.columns(); ++c)
            if (anchors.isOwn(r, c) && (whole || (!prose[std::size_t(c)] && !(skipName && c == leafColumn))))
                cells.push_back({r, c});
    }
    return cells;
}

std::vector<GridPosition> fundingTableInputs(const Grid& grid) {
    std::vector<GridPosition> cells;
    if (grid.rows() == 0 || grid.columns() == 0)
        return cells;
    const Anchors anchors(grid);
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c)
            if (anchors.isOwn(r, c))
                cells.push_back({r, c});
    return cells;
}

bool looksLikeFundingTable(const Grid& grid) {
    if (grid.rows() == 0 || grid.columns() == 0)
        return false;
    const Anchors anchors(grid, kHeaderSearchRows);
    const auto header = findFundingHeader(grid, anchors);
    return header && header->share >= 0;
}

} // namespace jixiao
