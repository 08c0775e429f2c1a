// Finding the header of a scoring table: which column holds 一级/二级/三级, 分值, 得分, 扣分, 扣分原因 … by
// the header's text (the synonyms offices write are data in score_header.cpp), over one or two header rows,
// with a 分值 column after each level (部门整体支出 tables), and the funding block of the national
// 项目支出绩效自评表 above the indicator block. Also the row labels the reader acts on (合计, 小计,
// 评价等级).
#pragma once

#include "core/model/grid.hpp"
#include "core/read/grid_anchors.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

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
    Index,  // 序号: read past
    Target, // 年度指标值 / 实际完成值: free text of the national self-evaluation form
    Count
};

// The role a header cell's text names, if any ("分值（分）", "一级\n指标" and "评价得分" included).
std::optional<Role> headerRole(std::string_view text);
// The Chinese name of a role, for messages ("评价得分").
std::string_view roleName(Role role);

// Header rows sit at the top, below title rows — or, in the national self-evaluation form, below the
// project's details and its funding block.
constexpr int kHeaderSearchRows = 40;

struct ScoreHeader {
    int row = -1;                               // the header's last row: indicator rows start below it
    std::array<int, int(Role::Count)> column{}; // the first column of each role, -1 when absent
    // A 分值 column right after the 一级 (index 0) or 二级 (index 1) column carries that level's weight
    // (部门整体支出: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | …); -1 when absent.
    std::array<int, 2> levelWeight{-1, -1};
    int found = 0;
    int& operator[](Role role) { return column[std::size_t(role)]; }
    int operator[](Role role) const { return column[std::size_t(role)]; }
    // The column holding the leaves: 三级, or 二级 in a two-level table.
    int leafColumn() const {
        return column[std::size_t(Role::Level3)] >= 0 ? column[std::size_t(Role::Level3)]
                                                      : column[std::size_t(Role::Level2)];
    }
};

// The row among the first kHeaderSearchRows with the most recognised header cells (the first of equals,
// at least two), completed from the row above it when that row is the upper half of a two-row header
// (评价指标 over 一级/二级/三级, 分值 merged or written once over both rows).
std::optional<ScoreHeader> findScoreHeader(const Grid& grid, const Anchors& anchors);

// The funding block of the national 项目支出绩效自评表 (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率
// | 得分) above the indicator header, and its first row of figures (年度资金总额).
struct FundingBlock {
    int headerRow = -1, row = -1;
    int budgetStart = -1, budget = -1, actual = -1, weight = -1, rate = -1, score = -1;
    // The money unit its header names (项目资金（万元）, 年度预算数（元）); 万元 when it names none.
    std::string unit = "万元";
};
std::optional<FundingBlock> findFundingBlock(const Grid& grid, const Anchors& anchors, int above);

// Row labels, compared on compact text.
bool isTotalLabel(const std::string& compact);    // 合计, 总计, 总分 …
bool isGradeLabel(const std::string& compact);    // 评价等级, 等级, 自评等级 …
bool isSubtotalLabel(const std::string& compact); // 小计, 得分小计, 决策小计 …

} // namespace jixiao
