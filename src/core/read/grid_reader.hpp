// Turns a host table (as a Grid) into the domain model: the scoring table 绩效评价指标体系及打分表 into a
// Scorecard and the funding-breakdown table into a Funding. Columns are found by their header text, not by
// position, so a table typed by hand, imported from .docx/.xlsx or inserted by Jixiao is understood alike.
// docs/table-layout.md describes the accepted layouts.
#pragma once

#include "core/model/grid.hpp"
#include "core/model/scorecard.hpp"
#include "core/model/user_error.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/decimal.hpp"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// The grid is not a table this reader understands. The message (a key of ui.json, "error.layout.…") names
// what was missing; cell() is where the reader looked (the host address of the first cell of the best header
// candidate, or of the table's first cell), also given to the message as {cell}.
class GridLayoutError : public UserError {
public:
    GridLayoutError(std::string key, std::map<std::string, std::string> args, std::string cell)
        : UserError(std::move(key), withCell(std::move(args), cell)), cell_(std::move(cell)) {}
    const std::string& cell() const { return cell_; }

private:
    static std::map<std::string, std::string> withCell(std::map<std::string, std::string> args,
                                                       const std::string& cell) {
        args.emplace("cell", cell);
        return args;
    }
    std::string cell_;
};

// Reads a scoring table: optional title row(s), a header row, one row per leaf indicator with the 一级/二级
// cells merged over their rows (or repeated, or left empty below their first row), an optional 合计 row
// and an optional 评价等级 row. Bad number text never throws: it becomes a readIssues Finding
// ("cell.not-a-number") and the value stays nullopt. Throws GridLayoutError when the header is not found.
Scorecard readScoreTable(const Grid& grid);

// Cheap test for the adapters scanning a document: does one of the first rows look like the header of a
// scoring table (一级, 二级 or 三级, and 得分 columns; 分值 may be missing when the labels carry the
// weights)?
bool looksLikeScoreTable(const Grid& grid);
// The row of the scoring table's header (its last row when it spans two), or -1 when there is none: the
// rows of a continuation table (续表) below it are joined onto the table before it.
int scoreTableHeaderRow(const Grid& grid);

// Reads the funding-breakdown table (layout in grid_writer.hpp and docs/table-layout.md): header
// 项目 | 金额（万元） | 占比, one row per item, then 实际支出合计, 年初预算, 预算执行率, 结余 rows in any
// order. Throws GridLayoutError when there is no 金额 column.
Funding readFundingTable(const Grid& grid);
bool looksLikeFundingTable(const Grid& grid);

// How readScoreTable reads one number cell of its 分值/得分/扣分 columns and its 合计/小计 rows, for a caller
// that must read a changed cell exactly as it would (with_cell_texts.hpp): value nullopt for an empty or "not
// entered" cell; `issue` when the text is no score, which the reader reports as "cell.not-a-number".
struct ScoreCellReading {
    std::optional<Decimal> value;
    bool issue = false;
};
ScoreCellReading readScoreCell(std::string_view text);

struct GridPosition {
    int row = 0;
    int column = 0;
    friend bool operator==(const GridPosition&, const GridPosition&) = default;
};

// The anchor cells whose text readScoreTable's result for recompute depends on, in row order: every anchor
// of the title and header rows and of 合计/评价等级 rows, and in indicator rows every anchor except the free
// text of 指标解释, 评价标准 and 扣分原因 (the longest texts, which recompute never uses) and the leaf's name
// when its 分值 is a number (the name's "(n分)" label only stands in for a missing 分值). A live recompute
// re-reads only these while the table's layout is unchanged; when the result differs after a re-read (a
// header or a row's label was retyped), the caller must read the table whole. Empty when there is no
// header row.
std::vector<GridPosition> scoreTableInputs(const Grid& grid);
// The same for a funding table: every anchor (the table is small and every cell may be a number).
std::vector<GridPosition> fundingTableInputs(const Grid& grid);

// A name with its weight label split off: "决策(10分)" → {"决策", 10, half-width}; "项目立项规范性\n（1分）"
// → {"项目立项规范性", 1, full-width, line break}. Shared with the writer and recompute so that a label is
// rewritten in the style it was found in.
struct WeightLabel {
    std::string name;              // without the label, lines joined, trimmed
    std::optional<Decimal> weight; // nullopt when there is no "(n分)" label
    bool fullWidth = true;         // （）rather than ()
    bool lineBreak = false;        // the label sits on its own line
};
WeightLabel splitWeightLabel(std::string_view text);
// The inverse: "决策" + 10 → "决策（10分）" (or "决策(10分)", or with "\n" before the label).
std::string formatWeightLabel(std::string_view name, Decimal weight, bool fullWidth = true,
                              bool lineBreak = false);

} // namespace jixiao
