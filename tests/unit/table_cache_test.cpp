// The table cache (src/uno/host/table_cache.hpp) against a document host that holds its tables in memory and
// records what the cache asks of it: which cells it re-reads, how often it reads a layout. The sample's
// scoring table and a funding table stand in for a Writer document.
#include "uno/host/document_host.hpp"
#include "uno/host/table_cache.hpp"

#include "core/assemble.hpp"
#include "core/derive/written_report.hpp"
#include "core/read/grid_reader.hpp"
#include "funding_fixture.hpp"
#include "sample_fixture.hpp"
#include "test_grid.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using jixiao::Grid;
using jixiao::GridPosition;
using jixiao::Patch;
using jixiao::Report;
using jixiao::office::KnownEdits;
using jixiao::office::TableCache;

// A Writer-like document: its tables as Grids. Cheap re-reads copy the named cells' texts from the
// document's table into the caller's grid, as WriterHost reads them from the office.
class FakeDocument final : public jixiao::office::DocumentHost {
public:
    std::vector<Grid> tables;
    bool cheapReads = true; // false: a host without cheap re-reads (Calc)
    // What the cache asked for: the cells of each refreshCells call, and how many layouts it read.
    std::vector<std::vector<GridPosition>> refreshed;
    int layoutsRead = 0;

    Grid* table(const std::string& name) {
        const auto found =
            std::find_if(tables.begin(), tables.end(), [&](const Grid& g) { return g.name == name; });
        return found == tables.end() ? nullptr : &*found;
    }

    bool isCalc() const override { return false; }
    std::vector<Grid> readTables() override { return tables; }
    Grid readTable(const std::string& name) override { return *table(name); }
    int tableCount() override { return cheapReads ? int(tables.size()) : -1; }
    std::string tableLayout(const std::string& name) override {
        ++layoutsRead;
        const Grid* grid = cheapReads ? table(name) : nullptr;
        if (grid == nullptr)
            return {};
        // What Writer's layout string reflects: the grid's shape and which cells are merged into others.
        std::string layout = std::to_string(grid->rows()) + "x" + std::to_string(grid->columns()) + ":";
        for (int row = 0; row < grid->rows(); ++row)
            for (int column = 0; column < grid->columns(); ++column)
                layout +=
                    grid->at(row, column).covered ? std::string("c") : grid->at(row, column).address + ",";
        return layout;
    }
    bool refreshCells(Grid& grid, const std::vector<GridPosition>& cells) override {
        refreshed.push_back(cells);
        const Grid* now = table(grid.name);
        if (now == nullptr)
            return false;
        for (const auto& [row, column] : cells)
            grid.at(row, column).text = now->at(row, column).text;
        return true;
    }

    // Nothing below is used by the cache: a call fails the test.
    std::string insertTable(const Grid&, const std::string&, jixiao::office::TableKind) override {
        return unused();
    }
    int applyPatch(const std::string&, const Patch&) override { return unused(), 0; }
    std::vector<std::string> paragraphs() override { return unused(), std::vector<std::string>{}; }
    std::string writeSection(const std::string&, const std::vector<std::string>&) override {
        return unused();
    }
    void select(const jixiao::Location&) override { unused(); }
    std::optional<std::string> sectionText(const std::string&) override { return unused(); }

private:
    static std::string unused() { throw std::logic_error("the table cache has no business here"); }
};

Grid fundingGrid() {
    auto grid = jixiao::testing::sampleFundingGrid();
    grid.name = "表格2";
    for (int row = 0; row < grid.rows(); ++row)
        for (int column = 0; column < grid.columns(); ++column)
            grid.at(row, column).address = jixiao::testing::writerCellName(column, row);
    return grid;
}

// The sample's scoring table: row 1 is 项目立项规范性, its 评价得分 in column 6 (G2).
constexpr GridPosition kScore = {1, 6};
constexpr GridPosition kTotal = {22, 6};        // the 合计 score (G23), which recompute writes
constexpr GridPosition kFundingAmount = {1, 1}; // 工资补助's 金额 (B2)

class TableCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        document.tables = {jixiao::testing::sampleScoreGrid(), fundingGrid()};
        rememberWholeRead();
    }

    // A run that read the document whole, as Operations does after a cold or refused cache.
    void rememberWholeRead() {
        jixiao::DocumentSnapshot snapshot;
        snapshot.tables = document.readTables();
        report = jixiao::assemble(snapshot);
        cache.remember(document, report, snapshot);
        document.refreshed.clear();
        document.layoutsRead = 0;
    }

    std::string& text(int table, GridPosition cell) {
        return document.tables[std::size_t(table)].at(cell.row, cell.column).text;
    }

    static std::size_t refreshedCount(const std::vector<std::vector<GridPosition>>& calls) {
        std::size_t count = 0;
        for (const auto& call : calls)
            count += call.size();
        return count;
    }

    // A keystroke leaving `typed` in G2, then the live run's refresh (TableCache::report); `snapshot` gets
    // the tables to assemble when no report comes back.
    std::optional<Report> reportAfterTyping(const std::string& typed, jixiao::DocumentSnapshot& snapshot) {
        text(0, kScore) = typed;
        cache.narrowNextRefresh(KnownEdits{{{"表格1", "G2"}}});
        return cache.report(document, snapshot);
    }

    // A live run's refresh after a keystroke leaving `typed` in G2, the kept report borrowed
    // (TableCache::lendNextReport) rather than copied.
    std::optional<Report> lentAfterTyping(const std::string& typed) {
        cache.lendNextReport();
        jixiao::DocumentSnapshot snapshot;
        return reportAfterTyping(typed, snapshot);
    }

    // The next keystroke's refresh answers with the report kept (nothing to assemble), exactly what
    // assembling the document now gives.
    void expectNextRefreshFromTheKeptReport() {
        jixiao::DocumentSnapshot next;
        const auto kept = reportAfterTyping("0.25", next);
        ASSERT_TRUE(kept);
        EXPECT_TRUE(next.tables.empty());
        EXPECT_TRUE(*kept == assembledNow());
    }

    // Recompute wrote `text` into `cell` of the scoring table, and told the cache.
    void recomputeWrote(GridPosition cell, const std::string& written) {
        jixiao::CellWrite write;
        write.cell = {cell.row, cell.column, document.tables[0].at(cell.row, cell.column).address};
        write.text = written;
        Patch patch;
        patch.writes.push_back(write);
        cache.wrote("表格1", patch);
    }

    // What assembling the document as it is now gives.
    Report assembledNow() {
        jixiao::DocumentSnapshot whole;
        whole.tables = document.readTables();
        return jixiao::assemble(whole);
    }

    FakeDocument document;
    Report report;
    TableCache cache;
};

TEST_F(TableCacheTest, RemembersTheScoringAndFundingTablesOfAWholeRead) {
    ASSERT_TRUE(report.hasScoreTable);
    ASSERT_TRUE(report.hasFundingTable);
    std::vector<Grid> tables;
    ASSERT_TRUE(cache.tables(document, tables));
    ASSERT_EQ(tables.size(), 2U);
    EXPECT_EQ(tables[0].name, "表格1");
    EXPECT_EQ(tables[1].name, "表格2");
}

TEST_F(TableCacheTest, AfterAnUnknownEditReReadsEveryInputCellAndNothingElse) {
    text(0, kScore) = "0.5";
    text(1, kFundingAmount) = "0.70";
    std::vector<Grid> tables;
    ASSERT_TRUE(cache.tables(document, tables));
    ASSERT_EQ(document.refreshed.size(), 2U);
    EXPECT_EQ(document.refreshed[0], jixiao::scoreTableInputs(report.scoreGrid));
    EXPECT_EQ(document.refreshed[1], jixiao::fundingTableInputs(report.fundingGrid));
    EXPECT_EQ(document.layoutsRead, 2); // both layouts checked: anything may have changed
    EXPECT_EQ(tables[0].at(kScore.row, kScore.column).text, "0.5");
    EXPECT_EQ(tables[1].at(kFundingAmount.row, kFundingAmount.column).text, "0.70");
    // 指标解释 is no input: not re-read, so the cache may hold an older text there (recompute never uses it).
    text(0, {1, 3}) = "改过的指标解释";
    ASSERT_TRUE(cache.tables(document, tables));
    EXPECT_NE(tables[0].at(1, 3).text, "改过的指标解释");
}

TEST_F(TableCacheTest, AKeystrokeInOneCellReReadsThatCellAlone) {
    text(0, kScore) = "0.5";
    cache.narrowNextRefresh(KnownEdits{{{"表格1", "G2"}}});
    std::vector<Grid> tables;
    ASSERT_TRUE(cache.tables(document, tables));
    // One cell of the scoring table, none of the funding table, no layout read: not a whole re-read.
    ASSERT_EQ(document.refreshed.size(), 2U);
    EXPECT_EQ(document.refreshed[0], std::vector<GridPosition>{kScore});
    EXPECT_TRUE(document.refreshed[1].empty());
    EXPECT_EQ(document.layoutsRead, 0);
    EXPECT_EQ(tables[0].at(kScore.row, kScore.column).text, "0.5");
}

TEST_F(TableCacheTest, AKeystrokeAlsoReReadsTheCellsRecomputeWroteSinceTheLastRefresh) {
    std::vector<Grid> tables;
    ASSERT_TRUE(cache.tables(document, tables));
    const GridPosition total = kTotal;
    recomputeWrote(total, "99");
    text(0, total) = "99";
    text(0, kScore) = "0.5";
    document.refreshed.clear();
    cache.narrowNextRefresh(KnownEdits{{{"表格1", "G2"}}});
    ASSERT_TRUE(cache.tables(document, tables));
    ASSERT_FALSE(document.refreshed.empty());
    EXPECT_EQ(document.refreshed[0], (std::vector<GridPosition>{kScore, total}));
    // Only until the refresh: the next keystroke re-reads its own cell alone.
    document.refreshed.clear();
    cache.narrowNextRefresh(KnownEdits{{{"表格1", "G2"}}});
    ASSERT_TRUE(cache.tables(document, tables));
    EXPECT_EQ(document.refreshed[0], std::vector<GridPosition>{kScore});
}

TEST_F(TableCacheTest, AnEditNamingNoAnchorOfTheTableFallsBackToEveryInput) {
    cache.narrowNextRefresh(KnownEdits{{{"表格1", "Z99"}}});
    std::vector<Grid> tables;
    ASSERT_TRUE(cache.tables(document, tables));
    EXPECT_EQ(document.refreshed[0], jixiao::scoreTableInputs(report.scoreGrid));
    EXPECT_EQ(document.layoutsRead, 1); // its layout checked; the funding table was not edited
    EXPECT_TRUE(document.refreshed[1].empty());
}

TEST_F(TableCacheTest, EditsHandedOverForARefreshThatNeverCameAreNotReplaced) {
    // The first run failed before it read the tables: what it was told is lost, so the next reads every
    // input.
    cache.narrowNextRefresh(KnownEdits{{{"表格1", "G2"}}});
    cache.narrowNextRefresh(KnownEdits{{{"表格1", "G3"}}});
    std::vector<Grid> tables;
    ASSERT_TRUE(cache.tables(document, tables));
    EXPECT_EQ(document.refreshed[0], jixiao::scoreTableInputs(report.scoreGrid));
}

TEST_F(TableCacheTest, ARowInsertedSendsTheRunBackToAWholeRead) {
    auto& score = document.tables[0];
    Grid taller(score.rows() + 1, score.columns());
    taller.name = score.name;
    for (int row = 0; row < score.rows(); ++row)
        for (int column = 0; column < score.columns(); ++column)
            taller.at(row, column) = score.at(row, column);
    score = taller;
    std::vector<Grid> tables = {jixiao::testing::gridOf({{"untouched"}})};
    EXPECT_FALSE(cache.tables(document, tables));
    EXPECT_EQ(tables.front().name, "T"); // left as it was
    // Until the caller remembers a new whole read, the cache stays cold, without asking the host.
    document.layoutsRead = 0;
    EXPECT_FALSE(cache.tables(document, tables));
    EXPECT_EQ(document.layoutsRead, 0);
}

TEST_F(TableCacheTest, ATableAddedSendsTheRunBackToAWholeRead) {
    document.tables.push_back(jixiao::testing::gridOf({{"新表"}}));
    std::vector<Grid> tables;
    EXPECT_FALSE(cache.tables(document, tables));
    EXPECT_TRUE(document.refreshed.empty());
}

TEST_F(TableCacheTest, ARetypedHeaderSendsTheRunBackToAWholeRead) {
    // The header's 评价得分 retyped: the table's inputs are no longer the ones remembered.
    text(0, {0, 6}) = "备注";
    std::vector<Grid> tables;
    EXPECT_FALSE(cache.tables(document, tables));
}

TEST_F(TableCacheTest, AHostWithoutCheapReReadsIsReadWholeEveryTime) {
    document.cheapReads = false;
    rememberWholeRead();
    std::vector<Grid> tables;
    EXPECT_FALSE(cache.tables(document, tables));
    EXPECT_TRUE(document.refreshed.empty());
}

TEST_F(TableCacheTest, ForgetMakesTheNextRunReadWhole) {
    cache.forget();
    std::vector<Grid> tables;
    EXPECT_FALSE(cache.tables(document, tables));
}

// The report a live run plans from, kept between runs (TableCache::report): after a number typed over a
// number it is the kept one brought up to date, exactly what assembling the document gives, with no tables
// handed out to assemble.
TEST_F(TableCacheTest, AScoreTypedBringsTheKeptReportUpToDateWithoutAssembling) {
    jixiao::DocumentSnapshot snapshot;
    const auto kept = reportAfterTyping("0.5", snapshot);
    ASSERT_TRUE(kept);
    EXPECT_TRUE(snapshot.tables.empty()); // nothing to assemble
    EXPECT_TRUE(*kept == assembledNow());
    EXPECT_FALSE(*kept == report);
}

TEST_F(TableCacheTest, TextInAScoreCellHandsOutTheTablesToAssemble) {
    jixiao::DocumentSnapshot snapshot;
    EXPECT_FALSE(reportAfterTyping("abc", snapshot)); // a read issue: with_cell_texts declines it
    ASSERT_EQ(snapshot.tables.size(), 2U);
    EXPECT_EQ(snapshot.tables[0].at(kScore.row, kScore.column).text, "abc");
    // The caller assembles them and keeps that report. A number typed over the text is assembled too (the
    // old text's read issue goes); the next number typed starts from the report kept then.
    cache.keep(jixiao::assemble(snapshot), snapshot);
    jixiao::DocumentSnapshot fixed;
    EXPECT_FALSE(reportAfterTyping("0.5", fixed));
    ASSERT_EQ(fixed.tables.size(), 2U);
    cache.keep(jixiao::assemble(fixed), fixed);
    jixiao::DocumentSnapshot next;
    const auto kept = reportAfterTyping("0.25", next);
    ASSERT_TRUE(kept);
    EXPECT_TRUE(*kept == assembledNow());
}

TEST_F(TableCacheTest, OtherPropertiesThanTheKeptReportsHandOutTheTablesToAssemble) {
    jixiao::DocumentSnapshot snapshot;
    snapshot.properties.year = "2025"; // the report kept was assembled without one
    EXPECT_FALSE(cache.report(document, snapshot));
    EXPECT_EQ(snapshot.tables.size(), 2U);
}

TEST_F(TableCacheTest, ARetypedHeaderIsNotTakenIntoTheKeptReport) {
    text(0, {0, 6}) = "备注";
    jixiao::DocumentSnapshot snapshot;
    EXPECT_FALSE(cache.report(document, snapshot));
    EXPECT_TRUE(snapshot.tables.empty()); // read the document whole
}

TEST_F(TableCacheTest, TheKeptReportFollowsRecomputesWrites) {
    const GridPosition total = kTotal;
    recomputeWrote(total, "99");
    text(0, total) = "99"; // as the host wrote it: re-read at the next refresh, and taken into the report
    jixiao::DocumentSnapshot snapshot;
    const auto kept = reportAfterTyping("0.5", snapshot);
    ASSERT_TRUE(kept);
    EXPECT_TRUE(*kept == assembledNow());
}

// A live run borrows the kept report instead of copying it (TableCache::lendNextReport) and gives it back
// after the run: the next keystroke starts from the report given back, without assembling.
TEST_F(TableCacheTest, AReportLentAndGivenBackIsWhereTheNextRefreshStarts) {
    auto lent = lentAfterTyping("0.5");
    ASSERT_TRUE(lent);
    EXPECT_TRUE(*lent == assembledNow());
    cache.giveBack(std::move(*lent));
    expectNextRefreshFromTheKeptReport();
}

// The run gives back the report as its writes left the document (core/derive/written_report.hpp); the
// cells written are re-read at the next refresh all the same.
TEST_F(TableCacheTest, AReportGivenBackWithTheRunsWritesStaysExact) {
    auto lent = lentAfterTyping("0.5");
    ASSERT_TRUE(lent);
    jixiao::CellWrite write;
    write.cell = {kTotal.row, kTotal.column, document.tables[0].at(kTotal.row, kTotal.column).address};
    write.text = "99";
    write.storedNumber = jixiao::Decimal(99);
    Patch patch;
    patch.writes.push_back(write);
    text(0, kTotal) = "99"; // the host's write
    cache.wrote("表格1", patch);
    ASSERT_TRUE(jixiao::applyWrites(*lent, patch, Patch{}));
    cache.giveBack(std::move(*lent));
    expectNextRefreshFromTheKeptReport();
}

// A run that failed before giving the report back loses it: the next refresh assembles the tables.
TEST_F(TableCacheTest, AReportLentAndNeverGivenBackMakesTheNextRefreshAssemble) {
    ASSERT_TRUE(lentAfterTyping("0.5"));
    jixiao::DocumentSnapshot next;
    EXPECT_FALSE(reportAfterTyping("0.25", next));
    ASSERT_EQ(next.tables.size(), 2U);
    EXPECT_TRUE(jixiao::assemble(next) == assembledNow());
}

// A refresh between lending and giving back (the run read its written cells back) kept a newer report:
// the one given back is older and is not taken.
TEST_F(TableCacheTest, AReportGivenBackAfterAnotherRefreshIsNotTaken) {
    auto lent = lentAfterTyping("0.5");
    ASSERT_TRUE(lent);
    jixiao::DocumentSnapshot again;
    ASSERT_FALSE(cache.report(document, again)); // the kept report is lent: the tables to assemble
    ASSERT_EQ(again.tables.size(), 2U);
    cache.keep(jixiao::assemble(again), again);
    lent->card.tableName = "not this one"; // were it taken, the next report would say so
    cache.giveBack(std::move(*lent));
    expectNextRefreshFromTheKeptReport();
}

// Without lendNextReport the kept report stays in the cache (Operations::read's callers other than the live
// run copy it).
TEST_F(TableCacheTest, AReportNotLentStaysKept) {
    jixiao::DocumentSnapshot first;
    ASSERT_TRUE(reportAfterTyping("0.5", first));
    jixiao::DocumentSnapshot next;
    ASSERT_TRUE(reportAfterTyping("0.25", next));
    EXPECT_TRUE(next.tables.empty());
}

} // namespace
