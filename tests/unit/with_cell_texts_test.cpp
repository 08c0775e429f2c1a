// withCellTexts (core/with_cell_texts.hpp): a report patched for a few changed cells is exactly what assemble
// gives for the patched document, or nothing. Checked as a property over every scoring and funding table the
// unit tests have — the sample report, the layouts of tests/data/docs, a generated 200-indicator table — and
// over the real writes of a recompute run, which it must not decline.
#include "core/assemble.hpp"
#include "core/derive/run_plan.hpp"
#include "core/model/grade_bands.hpp"
#include "core/read/grid_reader.hpp"
#include "core/text/a1.hpp"
#include "core/with_cell_texts.hpp"
#include "core/write/grid_writer.hpp"

#include "funding_fixture.hpp"
#include "sample_fixture.hpp"
#include "test_decimal.hpp"
#include "test_grid.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using jixiao::assemble;
using jixiao::CellText;
using jixiao::DocumentSnapshot;
using jixiao::Grid;
using jixiao::Report;
using jixiao::withCellTexts;
using jixiao::testing::gridOf;

namespace {

struct Fixture {
    std::string name;
    DocumentSnapshot snapshot;
    // Rows of the scoring table to try every text in (all when empty): the large table's first and last rows.
    std::vector<int> rows;
};

// A cell of a tests/data/docs table as the office shows it: Writer cells are text ({"formula": …} shows its
// value, unknown here, so empty), Calc's JSON numbers are numbers and "=…" a formula.
void fillCell(jixiao::GridCell& cell, const nlohmann::json& spec) {
    if (spec.is_string()) {
        const auto text = spec.get<std::string>();
        if (text.starts_with("="))
            cell.formula = text;
        else
            cell.text = text;
    } else if (spec.is_number()) {
        cell.text = spec.dump();
        cell.kind = jixiao::CellKind::Number;
    } else if (spec.is_object() && spec.contains("formula")) {
        cell.formula = spec["formula"].get<std::string>();
    }
}

Grid gridOfSpec(const nlohmann::json& spec, const std::string& name) {
    const auto& rows = spec["rows"];
    std::size_t columns = 0;
    for (const auto& row : rows)
        columns = std::max(columns, row.size());
    Grid grid(int(rows.size()), int(columns));
    grid.name = name;
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c) {
            auto& cell = grid.at(r, c);
            cell.address = jixiao::a1Cell(c, r);
            if (std::size_t(c) < rows[std::size_t(r)].size())
                fillCell(cell, rows[std::size_t(r)][std::size_t(c)]);
        }
    if (spec.contains("merges"))
        for (const auto& m : spec["merges"])
            grid.merge(m[0].get<int>(), m[1].get<int>(), m[2].get<int>(), m[3].get<int>());
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c)
            if (grid.at(r, c).covered) {
                grid.at(r, c).text.clear();
                grid.at(r, c).address.clear();
                grid.at(r, c).formula.clear();
            }
    return grid;
}

std::vector<Fixture> documentFixtures() {
    std::vector<Fixture> out;
    const auto folder = std::filesystem::path(JIXIAO_SOURCE_DIR) / "tests/data/docs";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file);
        const auto doc = nlohmann::json::parse(in);
        Fixture fixture{file.stem().string(), {}, {}};
        auto& tables = fixture.snapshot.tables;
        if (doc.contains("sheets"))
            for (const auto& sheet : doc["sheets"])
                tables.push_back(
                    gridOfSpec(sheet, sheet.value("name", "Sheet" + std::to_string(tables.size() + 1))));
        if (doc.contains("body"))
            for (const auto& block : doc["body"]) {
                if (block.contains("table"))
                    tables.push_back(gridOfSpec(block["table"], "表格" + std::to_string(tables.size() + 1)));
                else if (block.contains("p") && block["p"].is_string())
                    fixture.snapshot.paragraphs.push_back(block["p"].get<std::string>());
            }
        out.push_back(std::move(fixture));
    }
    return out;
}

// bench/driver.py's generated_scorecard in C++: 4 一级 × 5 二级 × `leaves`/20 leaves of equal weight, every
// leaf fully scored except the first of each 二级 (60%), laid out as Jixiao inserts it (with its 评价等级
// row).
Grid generatedGrid(int leaves) {
    using jixiao::Decimal;
    using jixiao::Indicator;
    using jixiao::testing::dec;
    jixiao::Scorecard card;
    card.meta.title = "生成的打分表（" + std::to_string(leaves) + "项）";
    const Decimal weight = *Decimal::divide(dec("100"), Decimal(leaves));
    const int perSecond = leaves / 20;
    const std::vector<std::string> tops = {"决策", "过程", "产出", "效果"};
    Decimal total;
    for (int t = 0; t < 4; ++t) {
        Indicator top;
        top.level = jixiao::Level::First;
        top.name = tops[std::size_t(t)];
        top.weight = weight * Decimal(perSecond * 5);
        for (int s = 0; s < 5; ++s) {
            Indicator second;
            second.level = jixiao::Level::Second;
            second.name = "二级" + std::to_string(t + 1) + "-" + std::to_string(s + 1);
            second.weight = weight * Decimal(perSecond);
            for (int k = 0; k < perSecond; ++k) {
                Indicator leaf;
                leaf.name = "指标" + std::to_string(t + 1) + "-" + std::to_string(s + 1) + "-" +
                            std::to_string(k + 1);
                leaf.explanation = "用以反映和考核项目实施情况。";
                leaf.standard = "符合要求得满分，一项不符合扣0.1分。";
                leaf.weight = weight;
                leaf.score = k == 0 ? weight * dec("0.6") : weight;
                leaf.deduction = weight - *leaf.score;
                total += *leaf.score;
                second.children.push_back(std::move(leaf));
            }
            top.children.push_back(std::move(second));
        }
        card.indicators.push_back(std::move(top));
    }
    card.totals.weight = dec("100");
    card.totals.score = total;
    card.totals.deduction = dec("100") - total;
    Grid grid = jixiao::writeScoreTable(card);
    grid.name = "表格1";
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c)
            if (!grid.at(r, c).covered)
                grid.at(r, c).address = jixiao::a1Cell(c, r);
    return grid;
}

// The sample's funding table as Writer's second table: named, with cell names.
Grid fundingTable() {
    Grid grid = jixiao::testing::sampleFundingGrid();
    grid.name = "表格2";
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c)
            grid.at(r, c).address = jixiao::a1Cell(c, r);
    return grid;
}

Fixture sampleFixture() {
    Fixture fixture{"sample", {}, {}};
    fixture.snapshot.tables = {jixiao::testing::sampleScoreGrid(), fundingTable()};
    fixture.snapshot.paragraphs = jixiao::testing::sampleParagraphs();
    return fixture;
}

Fixture generatedFixture(int leaves) {
    Fixture fixture{"generated" + std::to_string(leaves), {}, {}};
    Grid grid = generatedGrid(leaves);
    for (int r = 0; r < grid.rows(); ++r)
        if (r < 6 || r == grid.rows() / 2 || r >= grid.rows() - 4)
            fixture.rows.push_back(r);
    fixture.snapshot.tables = {std::move(grid), fundingTable()};
    return fixture;
}

// A Calc grade formula of Jixiao's (grade_bands_test.cpp): its bands grade the report.
const std::string kGradeFormula =
    R"(=IF(G24="";"";IF(G24>=98;"优秀";IF(G24>=80;"良好";IF(G24>=60;"中";"差")))))";

// The scoring table's last rows (合计, 等级): where a variant of a fixture read before differs.
std::vector<int> lastRows(const Fixture& fixture) {
    const int rows = fixture.snapshot.tables.front().rows();
    return {rows - 4, rows - 3, rows - 2, rows - 1};
}

std::vector<Fixture> allFixtures() {
    std::vector<Fixture> out = {sampleFixture(), generatedFixture(200)};
    // The same tables graded with other options: a stated grade the options would change chooses the
    // defaults (chooseGradeBands), so a changed 合计 or 等级 must choose again; and options that are no
    // bands.
    for (auto variant : {sampleFixture(), generatedFixture(40)}) {
        variant.rows = lastRows(variant);
        variant.name += "/options-95-85-70";
        variant.snapshot.gradeBands = jixiao::gradeBandsFromThresholds(
            jixiao::testing::dec("95"), jixiao::testing::dec("85"), jixiao::testing::dec("70"));
        out.push_back(variant);
        variant.name += "/invalid";
        variant.snapshot.gradeBands = {};
        out.push_back(variant);
    }
    // A grade formula of Jixiao's states the bands, whatever the options: with options that are no bands, and
    // with the defaults, the choice looks the same until the formula goes.
    for (const bool validOptions : {false, true}) {
        auto formula = generatedFixture(40);
        formula.rows = lastRows(formula);
        formula.name += validOptions ? "/grade-formula" : "/grade-formula/invalid";
        auto& grid = formula.snapshot.tables.front();
        for (int c = 0; c < grid.columns(); ++c)
            if (grid.at(grid.rows() - 1, c).text == "优秀" || grid.at(grid.rows() - 1, c).text == "良好")
                grid.at(grid.rows() - 1, c).formula = kGradeFormula;
        if (!validOptions)
            formula.snapshot.gradeBands = {};
        out.push_back(formula);
    }
    // Bands and funding of the report's own properties: stored bands grade whatever the table states; the
    // 预算 and 实际支出 properties stand in for figures the funding table leaves empty; a table in 元.
    auto owned = sampleFixture();
    owned.rows = lastRows(owned);
    owned.name += "/properties";
    owned.snapshot.properties.budget = "3";
    owned.snapshot.properties.actual = "2.5";
    owned.snapshot.properties.gradeBands = jixiao::formatGradeBands(jixiao::gradeBandsFromThresholds(
        jixiao::testing::dec("95"), jixiao::testing::dec("85"), jixiao::testing::dec("70")));
    out.push_back(owned);
    auto& fundingGrid = owned.snapshot.tables[1];
    fundingGrid.at(4, 1).text = "";
    fundingGrid.at(5, 1).text = "";
    owned.name += "/funding-empty";
    out.push_back(owned);
    fundingGrid.at(0, 1).text = "金额（元）";
    fundingGrid.at(1, 1).text = "7,200";
    owned.name += "/yuan";
    out.push_back(owned);
    // The 等级 column left of the 合计 label: a row label typed as the grade would be the row's label.
    Fixture gradeFirst{"grade-left-of-total", {}, {}};
    gradeFirst.snapshot.tables = {gridOf({
        {"等级", "一级指标", "三级指标", "分值", "得分", "扣分"},
        {"", "决策", "立项规范性", "5", "4", "1"},
        {"", "过程", "资金到位率", "5", "5", "0"},
        {"良好", "合计", "", "10", "9", "1"},
    })};
    out.push_back(gradeFirst);
    for (auto& fixture : documentFixtures())
        out.push_back(std::move(fixture));
    return out;
}

// The snapshot with the changes made in the tables the report read them from (one table each: the function
// declines a split table).
DocumentSnapshot patched(DocumentSnapshot snapshot, const Report& report,
                         const std::vector<CellText>& changes) {
    for (const auto& change : changes) {
        const std::string& name = change.funding ? report.card.fundingTableName : report.scoreParts.at(0);
        for (auto& table : snapshot.tables)
            if (table.name == name) {
                auto& cell = table.at(change.row, change.column);
                cell.text = change.text;
                cell.kind = change.kind.value_or(cell.kind);
                cell.formula = change.formula.value_or(cell.formula);
            }
    }
    return snapshot;
}

const std::vector<std::string> kTexts = {"小计",  "5",    "0",    "3.5",    "7.25",  "",    "abc",
                                         "５",    "-1",   "150",  "12.345", "—",     "10%", "3分",
                                         "1万元", "合计", "得分", "优秀",   "良好\n"};

struct Tally {
    int claimed = 0;
    int declined = 0;
    int declinedInClaimed = 0; // declined in a cell the function claims some other change of
};

// The changes tried in one cell: each text; a number with a kind and a formula (which only the 等级 cell's
// formula matters to); a grade with Jixiao's formula.
std::vector<CellText> changesOf(bool funding, int row, int column) {
    std::vector<CellText> out;
    for (const auto& text : kTexts)
        out.push_back({funding, row, column, text});
    out.push_back({funding, row, column, "5", jixiao::CellKind::Number, "=2+3"});
    out.push_back({funding, row, column, "良好", jixiao::CellKind::Text, kGradeFormula});
    out.push_back({funding, row, column, "差", std::nullopt, ""});
    return out;
}

// Every text in every cell of one table: nullopt, or exactly assemble's report; a declined change leaves
// applyCellTexts' report as it was.
void checkEveryCell(const Fixture& fixture, const Report& report, bool funding, Tally& tally) {
    const Grid& grid = funding ? report.fundingGrid : report.scoreGrid;
    std::vector<int> rows = fixture.rows;
    if (funding || rows.empty())
        for (int r = 0; r < grid.rows(); ++r)
            rows.push_back(r);
    for (const int r : rows)
        for (int c = 0; c < grid.columns(); ++c) {
            int claimed = 0, declined = 0;
            for (const auto& change : changesOf(funding, r, c)) {
                const std::vector<CellText> changes = {change};
                // applyCellTexts is withCellTexts without the copy; declining, it leaves the report as it
                // was.
                Report result = report;
                if (!jixiao::applyCellTexts(result, changes)) {
                    ++declined;
                    ASSERT_TRUE(result == report) << fixture.name << " changed when declining";
                    continue;
                }
                ++claimed;
                ASSERT_TRUE(funding || report.scoreParts.size() == 1u)
                    << fixture.name << ": a split table claimed";
                const Report expected = assemble(patched(fixture.snapshot, report, changes));
                ASSERT_TRUE(result == expected)
                    << fixture.name << (funding ? " funding " : " score ") << "cell " << jixiao::a1Cell(c, r)
                    << " ← \"" << change.text << "\""
                    << (change.formula ? " formula " + *change.formula : "");
                // The table cache skips its checks on the whole table for a change claimed here
                // (uno/host/table_cache.hpp): the table still looks like one, with the same inputs.
                const Grid& changed = funding ? expected.fundingGrid : expected.scoreGrid;
                ASSERT_TRUE(
                    funding ? jixiao::looksLikeFundingTable(changed) == jixiao::looksLikeFundingTable(grid)
                            : jixiao::looksLikeScoreTable(changed) == jixiao::looksLikeScoreTable(grid))
                    << fixture.name << " cell " << jixiao::a1Cell(c, r) << " ← \"" << change.text << "\"";
                ASSERT_TRUE(funding ? jixiao::fundingTableInputs(changed) == jixiao::fundingTableInputs(grid)
                                    : jixiao::scoreTableInputs(changed) == jixiao::scoreTableInputs(grid))
                    << fixture.name << " cell " << jixiao::a1Cell(c, r) << " ← \"" << change.text
                    << "\": the inputs moved";
            }
            tally.claimed += claimed;
            tally.declined += declined;
            if (claimed > 0)
                tally.declinedInClaimed += declined;
        }
}

} // namespace

TEST(WithCellTexts, IsAssemblesReportOrNothingForEveryTextInEveryCell) {
    Tally total;
    int tables = 0;
    for (const auto& fixture : allFixtures()) {
        const Report report = assemble(fixture.snapshot);
        Tally tally;
        for (const bool funding : {false, true})
            if (funding ? report.hasFundingTable : report.hasScoreTable) {
                ++tables;
                checkEveryCell(fixture, report, funding, tally);
                if (HasFatalFailure())
                    return;
            }
        std::cout << "  " << fixture.name << ": " << tally.claimed << " claimed, " << tally.declined
                  << " declined (" << tally.declinedInClaimed << " in cells it claims other changes of)\n";
        total.claimed += tally.claimed;
        total.declined += tally.declined;
        total.declinedInClaimed += tally.declinedInClaimed;
    }
    std::cout << "  all " << tables << " tables: " << total.claimed << " changes claimed, " << total.declined
              << " declined (" << total.declinedInClaimed << " in cells it claims other changes of)\n";
    EXPECT_GE(tables, 20);
    EXPECT_GT(total.claimed, 1000) << "the property would hold for a function that always declines";
}

// A keystroke in a 得分 cell, then recompute's own writes read back: the two re-reads of a live run. Neither
// may be declined on the tables Jixiao meets most (else the run gains nothing), and both must be exact.
TEST(WithCellTexts, TakesAScoreTypedAndTheWritesOfTheRecomputeItCauses) {
    for (const auto& fixture : {sampleFixture(), generatedFixture(200)}) {
        const Report report = assemble(fixture.snapshot);
        // The score of a leaf in the middle of the table, typed to half its weight.
        std::vector<const jixiao::Indicator*> leaves;
        jixiao::forEachLeaf(report.card, [&](const jixiao::Indicator& leaf) { leaves.push_back(&leaf); });
        const auto& leaf = *leaves[leaves.size() / 2];
        const auto half = *jixiao::Decimal::divide(leaf.weight, jixiao::Decimal(2));
        // Named as the Writer cursor names it.
        const auto typedCell =
            jixiao::cellTextAt(report, report.scoreGrid.name, leaf.cells.score.address, half.toString());
        ASSERT_TRUE(typedCell) << fixture.name;
        EXPECT_EQ(typedCell->row, leaf.cells.score.row);
        EXPECT_EQ(typedCell->column, leaf.cells.score.column);
        const std::vector<CellText> typed = {*typedCell};
        const auto afterTyping = withCellTexts(report, typed);
        ASSERT_TRUE(afterTyping) << fixture.name << ": a plain score typed was declined";
        const auto snapshotTyped = patched(fixture.snapshot, report, typed);
        ASSERT_TRUE(*afterTyping == assemble(snapshotTyped)) << fixture.name;

        const auto plan = jixiao::planRun(*afterTyping, nullptr, {});
        std::vector<CellText> written;
        for (const auto& write : plan.score.writes)
            written.push_back({false, write.cell.row, write.cell.column, write.text});
        for (const auto& write : plan.funding.writes)
            written.push_back({true, write.cell.row, write.cell.column, write.text});
        ASSERT_GE(written.size(), 3u) << fixture.name << ": 扣分 and the 合计 must change";
        const auto readBack = withCellTexts(*afterTyping, written);
        ASSERT_TRUE(readBack) << fixture.name << ": recompute's writes were declined";
        EXPECT_TRUE(*readBack == assemble(patched(snapshotTyped, *afterTyping, written))) << fixture.name;
        EXPECT_TRUE(jixiao::planRun(*readBack, nullptr, {}).score.empty())
            << fixture.name << ": written whole";
    }
}

TEST(WithCellTexts, DeclinesTheSameCellTwiceAndCellsOutsideTheGrid) {
    const auto fixture = sampleFixture();
    const Report report = assemble(fixture.snapshot);
    const auto& score = report.card.totals.scoreCell;
    EXPECT_FALSE(withCellTexts(
        report, {{false, score.row, score.column, "90"}, {false, score.row, score.column, "91"}}));
    EXPECT_FALSE(withCellTexts(report, {{false, 99, 0, "1"}}));
    EXPECT_FALSE(withCellTexts(report, {{true, -1, -1, "1"}}));
    EXPECT_TRUE(withCellTexts(report, {}) == report);
    EXPECT_FALSE(jixiao::cellTextAt(report, "表格1", "Z99", "1"));
    EXPECT_FALSE(jixiao::cellTextAt(report, "表格9", "G2", "1"));
    const auto funding = jixiao::cellTextAt(report, "表格2", "B2", "1");
    ASSERT_TRUE(funding);
    EXPECT_TRUE(funding->funding);
    EXPECT_EQ(std::pair(funding->row, funding->column), std::pair(1, 1));
}
