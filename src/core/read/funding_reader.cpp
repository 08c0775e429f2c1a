#include "core/read/grid_reader.hpp"

#include "core/read/grid_anchors.hpp"
#include "core/read/score_header.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/numbers.hpp"

#include <algorithm>
#include <functional>
#include <vector>

namespace jixiao {
namespace {

CellRef refOf(const Grid& grid, int row, int column) {
    return CellRef{row, column, addressOf(grid, row, column)};
}

// Funding cells that are not numbers read as missing (validation re-reads the table's figures).
std::optional<Decimal> numberIn(const Grid& grid, int row, int column,
                                const std::function<std::optional<Decimal>(const CellNumber&)>& accept) {
    const CellNumber number = parseCellNumber(grid.at(row, column).text);
    if (number.status != CellNumber::Status::Number)
        return std::nullopt;
    return accept(number);
}

// The funding table's header is in its first rows.
constexpr int kFundingHeaderRows = 8;

struct FundingHeader {
    int row = -1;
    int name = -1, amount = -1, share = -1;
    std::string unit = "万元";
};

std::optional<FundingHeader> findFundingHeader(const Grid& grid, const Anchors& anchors) {
    for (int r = 0; r < std::min(grid.rows(), kFundingHeaderRows); ++r) {
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

Funding readFundingTable(const Grid& grid) {
    if (grid.rows() == 0 || grid.columns() == 0)
        throw GridLayoutError("error.layout.empty", {}, "");
    const Anchors anchors(grid);
    const auto header = findFundingHeader(grid, anchors);
    if (!header) {
        const std::string where = addressOf(grid, 0, 0);
        throw GridLayoutError("error.layout.no-funding-header", {}, where);
    }
    Funding funding;
    funding.unit = header->unit;
    const auto amountAt = [&](int r, CellRef& ref) -> std::optional<Decimal> {
        if (header->amount < 0 || !anchors.isOwn(r, header->amount))
            return std::nullopt;
        ref = refOf(grid, r, header->amount);
        return numberIn(grid, r, header->amount, [&](const CellNumber& n) -> std::optional<Decimal> {
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
        return numberIn(grid, r, c, [](const CellNumber& n) -> std::optional<Decimal> {
            return n.percent || n.unit.empty() ? std::optional(n.value) : std::nullopt;
        });
    };
    for (int r = header->row + 1; r < grid.rows(); ++r) {
        if (!anchors.isOwn(r, header->name))
            continue;
        const std::string rawName = joinCellLines(grid.at(r, header->name).text);
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
    const Anchors anchors(grid, kFundingHeaderRows);
    const auto header = findFundingHeader(grid, anchors);
    return header && header->share >= 0;
}

} // namespace jixiao
