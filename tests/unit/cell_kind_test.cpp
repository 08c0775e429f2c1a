// Never change a cell's kind (core/model/cell_kind.hpp): numbers into number cells (keeping a percentage
// format), text into text cells.
#include "core/model/cell_kind.hpp"

#include "core/assemble.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/read/grid_reader.hpp"
#include "test_grid.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

using jixiao::CellKind;
using jixiao::CellWrite;
using jixiao::Decimal;
using jixiao::Grid;
using jixiao::Patch;

namespace {

// The funding table of the sample, as a host reports it, with one wrong share of each kind.
Grid fundingGrid() {
    Grid grid = jixiao::testing::gridOf({{"项目", "金额（万元）", "占比"},
                                         {"工资补助", "0.72", "38.18%"},
                                         {"社保缴费", "1.13", "57.78%"},
                                         {"劳务派遣服务费", "0.14", "7.05"},
                                         {"实际支出合计", "1.98", "100%"},
                                         {"年初预算", "2", ""},
                                         {"预算执行率", "", "99.4%"},
                                         {"结余", "0.02", ""}});
    grid.name = "资金";
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c) {
            auto& cell = grid.at(r, c);
            cell.address = std::string(1, char('A' + c)) + std::to_string(r + 1);
            cell.kind = cell.text.empty() ? CellKind::Empty : CellKind::Text;
        }
    grid.at(1, 2).kind = CellKind::Number; // 0.3818 shown through a percentage format
    grid.at(3, 2).kind = CellKind::Number; // 7.05, a plain number
    grid.at(4, 1).kind = CellKind::Number; // 1.98
    grid.at(6, 2).kind = CellKind::Number; // 0.994, a percentage
    return grid;                           // 社保缴费's share and 结余 are text
}

std::map<std::string, CellWrite> byAddress(const Patch& patch) {
    std::map<std::string, CellWrite> out;
    for (const auto& w : patch.writes)
        out[w.cell.address] = w;
    return out;
}

} // namespace

TEST(CellKind, RecomputeKeepsEachFundingCellsKind) {
    jixiao::DocumentSnapshot snapshot;
    snapshot.tables = {fundingGrid()};
    const auto report = jixiao::assemble(snapshot);
    ASSERT_TRUE(report.hasFundingTable);
    const auto writes = byAddress(jixiao::planRecompute(report).funding);
    // The .xlsx of issue 24: a number formatted as a percentage gets a number, not the text '36.18%.
    ASSERT_TRUE(writes.count("C2"));
    EXPECT_EQ(writes.at("C2").text, "36.18%");
    EXPECT_EQ(writes.at("C2").storedNumber, Decimal::parse("0.3618"));
    EXPECT_EQ(writes.at("C7").storedNumber, Decimal::parse("0.995"));
    // A plain number showing the percentage without "%" gets the percentage as a number.
    EXPECT_EQ(writes.at("C4").storedNumber, Decimal::parse("7.04"));
    EXPECT_EQ(writes.at("B5").storedNumber, Decimal::parse("1.99"));
    // Text stays text.
    EXPECT_EQ(writes.at("C3").text, "56.78%");
    EXPECT_FALSE(writes.at("C3").storedNumber);
    EXPECT_EQ(writes.at("B8").text, "0.01");
    EXPECT_FALSE(writes.at("B8").storedNumber);
}

TEST(CellKind, EmptyCellsTakePlainNumbersAsNumbersAndTheRestAsText) {
    Grid grid(1, 4); // every cell Empty, as Calc's empty cells and grids not read from a host
    Patch patch;
    patch.writes = {CellWrite{{0, 0, "A1"}, "3", Decimal(3), {}, {}},
                    CellWrite{{0, 1, "B1"}, "36.18%", Decimal::parse("36.18"), {}, {}},
                    CellWrite{{0, 2, "C1"}, "优秀", std::nullopt, {}, {}},
                    CellWrite{{0, 3, "D1"}, "", std::nullopt, {}, {}}};
    jixiao::fitCellKinds(patch, grid);
    EXPECT_EQ(patch.writes[0].storedNumber, Decimal(3));
    EXPECT_FALSE(patch.writes[1].storedNumber);
    EXPECT_FALSE(patch.writes[2].storedNumber);
    EXPECT_FALSE(patch.writes[3].storedNumber);
}

TEST(CellKind, ANumberCellGetsTextOnlyWhenTheValueIsNoNumberAndFormulasAreLeftAlone) {
    Grid grid(1, 3);
    for (int c = 0; c < 3; ++c)
        grid.at(0, c) = jixiao::GridCell{"97", "", 1, 1, false, "", CellKind::Number, ""};
    Patch patch;
    patch.writes = {CellWrite{{0, 0, "A1"}, "优秀", std::nullopt, {}, {}},
                    CellWrite{{0, 1, "B1"}, "", std::nullopt, {}, {}},
                    CellWrite{{0, 2, "C1"}, "95", Decimal(95), "=SUM(A1:A9)", {}}};
    jixiao::fitCellKinds(patch, grid);
    for (const auto& w : patch.writes)
        EXPECT_FALSE(w.storedNumber) << w.cell.address;
    // A score into a number cell: its value (the text is what it shows).
    grid.at(0, 0).kind = CellKind::Number;
    Patch score;
    score.writes = {CellWrite{{0, 0, "A1"}, "0.875", Decimal::parse("0.875"), {}, {}}};
    jixiao::fitCellKinds(score, grid);
    EXPECT_EQ(score.writes[0].storedNumber, Decimal::parse("0.875"));
}
