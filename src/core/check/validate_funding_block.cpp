#include "core/check/validate_funding_block.hpp"

#include "core/derive/figures.hpp"

#include <optional>
#include <string>

namespace jixiao {
namespace {

// An amount of the funding table in the block's unit: 元 and 万元 convert, any other pair does not compare.
std::optional<Decimal> inUnit(const std::optional<Decimal>& amount, const std::string& from,
                              const std::string& to) {
    if (!amount || from == to)
        return amount;
    if (from == "元" && to == "万元")
        return Decimal::divide(*amount, Decimal(10000));
    if (from == "万元" && to == "元")
        return Decimal::product(*amount, Decimal(10000));
    return std::nullopt;
}

bool differ(const std::optional<Decimal>& entered, const std::optional<Decimal>& expected) {
    return entered && expected && entered->rounded(2) != expected->rounded(2);
}

Finding at(const CellRef& cell, const std::string& table, const char* ruleId, const char* messageKey,
           const Decimal& entered, const Decimal& expected) {
    Finding f;
    f.ruleId = ruleId;
    f.severity = Severity::Error;
    f.location = {Location::Kind::Cell, table, cell.address, -1, 0, 0};
    f.messageKey = messageKey;
    f.args = {{"entered", entered.toString(2)}, {"expected", expected.toString(2)}};
    return f;
}

} // namespace

std::vector<Finding> checkFundingBlock(const Scorecard& card, const Funding& funding) {
    std::vector<Finding> findings;
    const Funding& block = card.fundingBlock;
    if (!block.budgetCell.known() && !block.actualCell.known() && !block.executionRateCell.known())
        return findings; // no block: most tables
    const std::string& table = card.tableName;
    const auto own = deriveFunding(block).executionRate;
    if (block.executionRateCell.known() && differ(block.executionRate, own))
        findings.push_back(
            at(block.executionRateCell, table, "funding.execution-rate", "", *block.executionRate, *own));

    const auto figures = deriveFunding(funding);
    const auto amount = [&](const CellRef& cell, const std::optional<Decimal>& entered,
                            const std::optional<Decimal>& stated, const char* messageKey) {
        const auto expected = inUnit(stated, funding.unit, block.unit);
        if (!cell.known() || !differ(entered, expected))
            return;
        findings.push_back(at(cell, table, "funding.form-mismatch", messageKey, *entered, *expected));
        findings.back().args.emplace("unit", block.unit);
    };
    amount(block.budgetCell, block.budget, funding.budget, "");
    amount(block.actualCell, block.actual, figures.actual, "funding.form-mismatch.actual");
    // A rate the block can derive is held to its own figures above, and they to the table's.
    if (!own && block.executionRateCell.known() && differ(block.executionRate, figures.executionRate))
        findings.push_back(at(block.executionRateCell, table, "funding.form-mismatch",
                              "funding.form-mismatch.rate", *block.executionRate, *figures.executionRate));
    return findings;
}

std::vector<Finding> checkRateScore(const Scorecard& card) {
    const Funding& block = card.fundingBlock;
    if (card.indicators.empty() || !block.executionRateCell.known())
        return {};
    // The line the reader made of the block's row: no children, its 得分 beside the block's 执行率.
    const Indicator& line = card.indicators.front();
    if (!line.children.empty() || line.cells.score.row != block.executionRateCell.row ||
        !hasValidScore(line) || line.weight.isZero() || line.weight.isNegative())
        return {};
    const auto own = deriveFunding(block).executionRate;
    const auto rate = own ? own : block.executionRate;
    if (!rate || rate->isNegative())
        return {};
    const auto scored = Decimal::product(rate->rounded(2), line.weight);
    const auto share = scored ? Decimal::divide(*scored, Decimal(100)) : std::nullopt;
    if (!share)
        return {};
    const Decimal expected = Decimal::min(*share, line.weight).rounded(2);
    if (line.score->rounded(2) == expected)
        return {};
    Finding f;
    f.ruleId = "funding.rate-score";
    f.severity = Severity::Warning;
    f.location = {Location::Kind::Cell, card.tableName, line.cells.score.address, -1, 0, 0};
    f.indicator = line.name;
    f.args = {{"indicator", line.name},
              {"score", line.score->toString(Decimal::kScaleDigits)},
              {"expected", expected.toString(2)},
              {"rate", rate->toString(2)},
              {"weight", line.weight.toString(Decimal::kScaleDigits)}};
    return {f};
}

} // namespace jixiao
