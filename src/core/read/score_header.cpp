#include "core/read/score_header.hpp"

#include "core/text/cell_text.hpp"
#include "core/text/numbers.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace jixiao {
namespace {

// The header texts offices write for each column, compared on compact text without a trailing unit
// ("分值（分）" → 分值). Collected from the sample, the 2020 national framework (财预〔2020〕10号),
// 部门整体支出 tables and the national 项目支出绩效自评表; docs/table-layout.md lists them.
const std::map<std::string, Role, std::less<>>& synonyms() {
    static const std::map<std::string, Role, std::less<>> table = [] {
        const std::vector<std::pair<Role, std::vector<std::string_view>>> groups = {
            {Role::Level1, {"一级指标", "一级"}},
            {Role::Level2, {"二级指标", "二级"}},
            {Role::Level3, {"三级指标", "三级"}},
            {Role::Explanation, {"指标解释", "指标说明", "指标内涵"}},
            {Role::Standard,
             {"评价标准", "评分标准", "评分细则", "评分规则", "评分说明", "指标内容", "评分办法",
              "评价要点"}},
            {Role::Weight,
             {"指标分值", "分值", "权重", "权数", "标准分", "标准分值", "权重分值", "指标权重"}},
            {Role::Score, {"评价得分", "得分", "自评得分", "考评得分", "实际得分"}},
            {Role::Deduction, {"扣分情况", "扣分", "扣分值"}},
            {Role::Reason,
             {"扣分原因", "扣分理由", "扣分说明", "备注", "偏差原因", "偏差原因分析",
              "偏差原因分析及改进措施", "扣分原因及改进措施", "未完成原因分析", "未完成原因"}},
            {Role::Grade, {"评价等级", "等级", "绩效等级"}},
            {Role::Index, {"序号", "编号"}},
            {Role::Target,
             {"年度指标值", "实际完成值", "指标值", "目标值", "实际值", "完成值", "全年实际值"}},
        };
        std::map<std::string, Role, std::less<>> out;
        for (const auto& [role, names] : groups)
            for (const auto name : names)
                out.emplace(std::string(name), role);
        return out;
    }();
    return table;
}

constexpr std::array<std::string_view, int(Role::Count)> kRoleName = {
    "一级指标", "二级指标", "三级指标", "指标解释", "评价标准", "指标分值",
    "评价得分", "扣分情况", "扣分原因", "评价等级", "序号",     "年度指标值"};

bool oneOf(const std::string& s, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), s) != words.end();
}

ScoreHeader scanRow(const Grid& grid, const Anchors& anchors, int row) {
    ScoreHeader header;
    header.row = row;
    header.column.fill(-1);
    for (int c = 0; c < grid.columns(); ++c) {
        if (anchors.originColumn(row, c) != c)
            continue; // the rest of a horizontally merged header cell
        const auto role = headerRole(grid.at(anchors.originRow(row, c), c).text);
        if (role && header[*role] < 0) {
            header[*role] = c;
            ++header.found;
        }
    }
    return header;
}

// The next column to the right whose cell in `row` starts there (not the rest of a merged cell).
int nextOwnColumn(const Anchors& anchors, int row, int column, int columns) {
    for (int c = column + 1; c < columns; ++c)
        if (anchors.originColumn(row, c) == c)
            return c;
    return -1;
}

// 部门整体支出: a 分值 column right after a level column belongs to that level, the last one to the leaves.
void assignLevelWeights(const Grid& grid, const Anchors& anchors, ScoreHeader& header) {
    std::vector<int> weights;
    for (int c = 0; c < grid.columns(); ++c)
        if (anchors.originColumn(header.row, c) == c &&
            headerRole(grid.at(anchors.originRow(header.row, c), c).text) == Role::Weight)
            weights.push_back(c);
    if (weights.size() < 2)
        return;
    const auto after = [&](int levelColumn) {
        const int next =
            levelColumn < 0 ? -1 : nextOwnColumn(anchors, header.row, levelColumn, grid.columns());
        return std::find(weights.begin(), weights.end(), next) != weights.end() ? next : -1;
    };
    const int leaf = header.leafColumn();
    if (header[Role::Level1] != leaf)
        header.levelWeight[0] = after(header[Role::Level1]);
    if (header[Role::Level2] >= 0 && header[Role::Level2] != leaf)
        header.levelWeight[1] = after(header[Role::Level2]);
    header[Role::Weight] = -1;
    for (const int c : weights)
        if (c != header.levelWeight[0] && c != header.levelWeight[1])
            header[Role::Weight] = c; // the leaves' 分值: the last one not taken by a level
}

} // namespace

std::optional<Role> headerRole(std::string_view text) {
    const auto& table = synonyms();
    const auto it = table.find(withoutTrailingParenthesis(compactText(text)));
    if (it == table.end())
        return std::nullopt;
    return it->second;
}

std::string_view roleName(Role role) {
    return kRoleName[std::size_t(role)];
}

std::optional<ScoreHeader> findScoreHeader(const Grid& grid, const Anchors& anchors) {
    std::optional<ScoreHeader> best;
    const int rows = std::min({grid.rows(), kHeaderSearchRows, anchors.rows()});
    for (int r = 0; r < rows; ++r) {
        auto header = scanRow(grid, anchors, r);
        if (header.found >= 2 && (!best || header.found > best->found))
            best = header;
    }
    if (!best)
        return best;
    // A two-row header: what the row above names stands for the columns this row leaves unnamed (分值
    // written once over both rows, 评价结果 over 得分/扣分 with 分值 beside it).
    if (best->row > 0) {
        const auto above = scanRow(grid, anchors, best->row - 1);
        for (int role = 0; role < int(Role::Count); ++role) {
            const int c = above.column[std::size_t(role)];
            if (c < 0 || best->column[std::size_t(role)] >= 0)
                continue;
            const bool taken = std::find(best->column.begin(), best->column.end(), c) != best->column.end();
            if (!taken && !headerRole(grid.at(anchors.originRow(best->row, c), c).text)) {
                best->column[std::size_t(role)] = c;
                ++best->found;
            }
        }
    }
    assignLevelWeights(grid, anchors, *best);
    return best;
}

std::optional<FundingBlock> findFundingBlock(const Grid& grid, const Anchors& anchors, int above) {
    for (int r = 0; r < std::min(above, anchors.rows()); ++r) {
        FundingBlock block;
        block.headerRow = r;
        for (int c = 0; c < grid.columns(); ++c) {
            if (!anchors.isOwn(r, c))
                continue;
            const std::string compact = compactText(grid.at(r, c).text);
            if (const auto unit = parenthesisContent(compact); unit == "元" || unit == "万元")
                block.unit = unit;
            const std::string text = withoutTrailingParenthesis(compact);
            if (oneOf(text, {"年初预算数", "年初预算"}))
                block.budgetStart = c;
            else if (oneOf(text, {"全年预算数", "全年预算", "调整后预算数", "调整后预算"}))
                block.budget = c;
            else if (oneOf(text, {"全年执行数", "执行数", "预算执行数", "实际支出数", "全年实际支出"}))
                block.actual = c;
            else if (oneOf(text, {"执行率", "预算执行率"}))
                block.rate = c;
            else if (headerRole(text) == Role::Weight)
                block.weight = c;
            else if (headerRole(text) == Role::Score)
                block.score = c;
        }
        if (block.actual < 0 || (block.budget < 0 && block.budgetStart < 0) || block.score < 0)
            continue;
        // The figures sit on the first row below with a number in the 全年执行数 column (年度资金总额).
        for (int row = r + 1; row < std::min(above, anchors.rows()); ++row)
            if (anchors.isOwn(row, block.actual) &&
                parseCellNumber(grid.at(row, block.actual).text).status == CellNumber::Status::Number) {
                block.row = row;
                return block;
            }
    }
    return std::nullopt;
}

bool isTotalLabel(const std::string& compact) {
    return oneOf(compact, {"合计", "总计", "合计得分", "总分", "总得分", "得分合计", "总分值", "合计分值"});
}

bool isGradeLabel(const std::string& compact) {
    return oneOf(compact,
                 {"评价等级", "等级", "绩效等级", "评定等级", "绩效评价等级", "自评等级", "评价结果等级"});
}

bool isSubtotalLabel(const std::string& compact) {
    if (compact == "小计得分" || compact == "小计分值")
        return true;
    const std::string_view tail = "小计";
    return compact.size() >= tail.size() &&
           compact.compare(compact.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace jixiao
