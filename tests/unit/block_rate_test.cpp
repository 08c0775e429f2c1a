// The national 项目支出绩效自评表's 执行率 (its funding block, in the scoring table) written by recompute
// (recomputeBlockRate, planRecompute): only a typed number proved wrong, in the style it was typed, never
// over a formula, an empty cell or figures that cannot be read; the written report (applyWrites) is then what
// assemble reads and validation has nothing left to say about it.
#include "core/assemble.hpp"
#include "core/check/validate_report.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/derive/written_report.hpp"

#include "catalog_files.hpp"
#include "self_evaluation_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace jixiao;

namespace {

constexpr int kBlockRow = 2, kRateColumn = 6; // G3: 执行率 of 年度资金总额 (108 of 120: 90%)

DocumentSnapshot formWithRate(const std::string& rate) {
    DocumentSnapshot snapshot;
    snapshot.tables = {jixiao::testing::selfEvaluationForm()};
    snapshot.tables[0].at(kBlockRow, kRateColumn).text = rate;
    return snapshot;
}

std::vector<std::string> ruleIds(const Report& report) {
    const std::vector<Template> templates;
    const ReportChecks checks{jixiao::testing::shippedCatalog("messages.json"),
                              jixiao::testing::shippedCatalog("ui.json"), "zh-CN", templates};
    std::vector<std::string> ids;
    for (const auto& finding : validate(report, checks))
        ids.push_back(finding.ruleId);
    return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The write planned into the block's 执行率, if any.
std::optional<CellWrite> rateWrite(const RecomputePlan& plan) {
    for (const auto& write : plan.score.writes)
        if (write.cell.row == kBlockRow && write.cell.column == kRateColumn)
            return write;
    return std::nullopt;
}

} // namespace

// 91% typed where 108 ÷ 120 gives 90%: the scoring table's patch writes 90% into G3, the report as written is
// assemble's, and the finding is gone.
TEST(BlockRate, AWrongRateTypedIsWrittenAndTheWrittenReportIsClean) {
    const auto snapshot = formWithRate("91%");
    const Report report = assemble(snapshot);
    ASSERT_TRUE(has(ruleIds(report), "funding.execution-rate"));
    const auto plan = planRecompute(report);
    EXPECT_TRUE(plan.funding.empty());
    const auto write = rateWrite(plan);
    ASSERT_TRUE(write);
    EXPECT_EQ(write->cell.address, "G3");
    EXPECT_EQ(write->text, "90%");
    EXPECT_EQ(write->number, Decimal(90));

    Report written = report;
    ASSERT_TRUE(applyWrites(written, plan.score, plan.funding))
        << "the written report is had without a re-read";
    auto after = snapshot;
    for (const auto& w : plan.score.writes) { // as the host stores it (written_report.hpp)
        auto& cell = after.tables[0].at(w.cell.row, w.cell.column);
        cell.text = w.text;
        cell.kind = w.storedNumber ? CellKind::Number : CellKind::Text;
    }
    EXPECT_TRUE(written == assemble(after));
    EXPECT_FALSE(has(ruleIds(written), "funding.execution-rate"));
    EXPECT_FALSE(rateWrite(planRecompute(written))) << "written once";
}

// The style it was typed in: without "%" a bare number, two decimals kept; a Calc percentage cell gets the
// number its format shows.
TEST(BlockRate, TheRateIsWrittenInTheStyleItWasTyped) {
    const auto text = [](const std::string& typed) {
        const auto write = rateWrite(planRecompute(assemble(formWithRate(typed))));
        return write ? write->text : std::string("(none)");
    };
    EXPECT_EQ(text("91"), "90");
    EXPECT_EQ(text("91.00%"), "90.00%");
    EXPECT_EQ(text("91.5%"), "90%");
    EXPECT_EQ(text("90.004%"), "(none)") << "the same at two places";

    auto snapshot = formWithRate("91.00%");
    snapshot.tables[0].at(kBlockRow, kRateColumn).kind = CellKind::Number; // 0.91 in a percentage format
    const auto write = rateWrite(planRecompute(assemble(snapshot)));
    ASSERT_TRUE(write);
    EXPECT_EQ(write->storedNumber, Decimal::fromUnits(900000)); // 0.9
}

// Never over a formula (held back as cell.formula-value, the value it should show named), an empty cell or
// "—" the user left, nor when the block's 预算数 or 执行数 cannot be read or is empty — a 预算 property does
// not stand in for the block's own figure.
TEST(BlockRate, NeverOverAFormulaAnEmptyCellOrFiguresThatCannotBeRead) {
    auto formula = formWithRate("91%");
    formula.tables[0].at(kBlockRow, kRateColumn).formula = "=E3/D3";
    const auto held = planRecompute(assemble(formula));
    EXPECT_FALSE(rateWrite(held));
    ASSERT_EQ(held.held.size(), 1u);
    EXPECT_EQ(held.held[0].ruleId, "cell.formula-value");
    EXPECT_EQ(held.held[0].args.at("expected"), "90%");

    for (const std::string empty : {"", "—"})
        EXPECT_FALSE(rateWrite(planRecompute(assemble(formWithRate(empty))))) << empty;

    for (const std::string budget : {"一百二十", ""}) {
        auto snapshot = formWithRate("91%");
        snapshot.tables[0].at(kBlockRow, 3).text = budget; // 全年预算数
        snapshot.tables[0].at(kBlockRow, 2).text = budget; // 年初预算数
        snapshot.properties.budget = "120";
        EXPECT_FALSE(rateWrite(planRecompute(assemble(snapshot)))) << "budget \"" << budget << "\"";
    }
    auto actual = formWithRate("91%");
    actual.tables[0].at(kBlockRow, 4).text = "108万元"; // 全年执行数 with a unit the block does not read
    const Report unreadable = assemble(actual);
    ASSERT_TRUE(has(ruleIds(unreadable), "cell.not-a-number"));
    EXPECT_FALSE(rateWrite(planRecompute(unreadable)));
}

// Beside a funding table the block's rate is still the scoring table's cell: written in the score patch
// (applied to the scoring table), never in the funding table's.
TEST(BlockRate, BesideAFundingTableTheRateIsWrittenInTheScoringTable) {
    auto snapshot = formWithRate("91%");
    auto funding = jixiao::testing::gridOf({{"项目", "金额（万元）", "占比"},
                                            {"材料费", "108", "100%"},
                                            {"实际支出合计", "108", "100%"},
                                            {"年初预算", "120", ""},
                                            {"预算执行率", "", "90%"}});
    funding.name = "资金";
    snapshot.tables.push_back(funding);
    const Report report = assemble(snapshot);
    ASSERT_TRUE(report.hasFundingTable);
    const auto plan = planRecompute(report);
    EXPECT_TRUE(plan.funding.empty());
    const auto write = rateWrite(plan);
    ASSERT_TRUE(write);
    EXPECT_EQ(write->text, "90%");
    Report written = report;
    ASSERT_TRUE(applyWrites(written, plan.score, plan.funding));
    EXPECT_EQ(written.card.fundingBlock.executionRate, Decimal(90));
    EXPECT_EQ(written.card.funding.executionRate, Decimal(90)) << "the funding table's, as it was";
    EXPECT_FALSE(has(ruleIds(written), "funding.execution-rate"));
}
