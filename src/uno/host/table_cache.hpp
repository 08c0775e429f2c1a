// What live recompute remembers of a document between runs. Reading a Writer table whole costs several UNO
// calls per cell (its row separators, each cell's RowSpan and text, the long 指标解释 and 评价标准 texts
// included), and that was most of a recompute after one edit. The tables' layout rarely changes between
// two edits, so the cache keeps the scoring and funding tables' Grids and, while the document still has as
// many tables and those two the same layout, re-reads only the cells recompute depends on
// (scoreTableInputs, fundingTableInputs). Anything else — a table added, removed or renamed, rows or
// columns inserted, cells merged or split, a header or a row label retyped — sends the run back to a whole
// read, which is then remembered.
//
// After a keystroke the owner can say more (typing_watch.hpp): only the text of the cell typed into changed.
// The next refresh then re-reads that cell and the cells recompute itself wrote since the last refresh
// (wrote), and trusts the rest; the layout checks above still run.
//
// Not seen without a whole read, and so only corrected by the next one (after any layout change): a table
// that turns into a scoring or funding table by retyping its header while the document already has both
// remembered tables, a 合计/等级 label typed into a 指标解释/评价标准/扣分原因 cell (or into the name of an
// indicator whose 分值 is a number), and a vertical merge of cells of an indicator row (merging keeps
// Writer's cell names).
#pragma once

#include "core/assemble.hpp"
#include "core/model/grid.hpp"
#include "core/model/patch.hpp"
#include "core/read/grid_reader.hpp"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::office {

class DocumentHost;

// What changed in the document since the cache last refreshed, when its owner can tell: the text of these
// cells (table name, cell name) and nothing else; nothing at all when empty.
struct KnownEdits {
    std::set<std::pair<std::string, std::string>> cells;
    friend bool operator==(const KnownEdits&, const KnownEdits&) = default;
};

class TableCache {
public:
    // The remembered scoring (and funding) tables, their input cells re-read, when every check holds; the
    // caller assembles them (core/assemble.hpp). Returns false, leaving `tables` as it was, when the
    // document must be read whole. Cells that are not inputs may hold older texts, so the result is for
    // recompute only, never for validation or export.
    bool tables(DocumentHost& host, std::vector<Grid>& tables);
    // The same refresh, answered with the report when it can be had without assembling: every cell found
    // changed is one core/with_cell_texts.hpp brings into the report remembered from the last run, and
    // `snapshot` holds beside its tables what that report was assembled with (sameBesideTables). Then the
    // checks on the whole table are skipped too (a number typed over a number changes neither the table's
    // inputs nor its look; with_cell_texts_test.cpp proves it for every change it claims). Otherwise
    // `snapshot.tables` gets the tables to assemble (and keep() the report), or stays empty when the
    // document must be read whole.
    std::optional<Report> report(DocumentHost& host, DocumentSnapshot& snapshot);
    // The next report() hands the kept report out instead of a copy of it (a copy of a 200-indicator report
    // cost 0.2 ms of a 2 ms keystroke, and freeing it again after the run more): the caller gives it back
    // after the run with giveBack, or the run after that assembles.
    void lendNextReport() { lendNext_ = true; }
    // The report the last report() lent, as the run left it: unchanged, or brought by
    // core/derive/written_report.hpp to what the run's writes leave (the cells written are re-read at the
    // next refresh all the same). Kept as the next report() starts from it unless the cache refreshed,
    // kept or forgot since it lent it; otherwise ignored.
    void giveBack(Report&& report);
    // The report assembled from `snapshot`, the tables the last refresh gave: the next report() starts
    // from it.
    void keep(const Report& report, const DocumentSnapshot& snapshot);
    // Remembers the tables of a whole read (nothing when it found no scoring table, or one split over
    // several tables: those are read whole every time).
    void remember(DocumentHost& host, const Report& report, const DocumentSnapshot& snapshot);
    void forget() {
        warm_ = false;
        report_.reset();
        lent_ = false;
    }
    // What changed since the last refresh, for the next call of tables() only; nullopt (the default):
    // unknown, so every input cell is re-read.
    void narrowNextRefresh(std::optional<KnownEdits> edits);
    // Recompute wrote these cells of the named table: the next refresh re-reads them, whatever it is told.
    void wrote(const std::string& tableName, const Patch& patch);

private:
    struct Table {
        Grid grid;
        std::string layout;
        std::vector<GridPosition> inputs;
    };
    // Re-reads what changed into the remembered grids; the positions re-read are added to `reread`.
    bool reread(DocumentHost& host, const std::optional<KnownEdits>& edits,
                std::vector<std::pair<bool, GridPosition>>& reread);
    // The checks on the whole re-read tables: still a scoring (funding) table with the same inputs.
    bool stillTheSameTables() const;
    bool refreshed(DocumentHost& host, const std::optional<KnownEdits>& edits);
    // The anchors of `table` that `edits` and the cells written since the last refresh name; nullopt when
    // one of them is not an anchor of the remembered grid.
    std::optional<std::vector<GridPosition>> changedCells(const Table& table, const KnownEdits& edits) const;

    bool warm_ = false;
    int tableCount_ = -1;
    Table score_;
    std::optional<Table> funding_;
    std::optional<KnownEdits> next_;
    bool handedOver_ = false; // narrowNextRefresh was called and no tables() since
    std::set<std::pair<std::string, std::string>> written_; // (table, cell) written since the last refresh
    // The report assembled from the remembered tables as the last run left them, and its snapshot beside
    // the tables (tables left empty): nullopt when none is kept.
    std::optional<Report> report_;
    DocumentSnapshot besideTables_;
    bool lendNext_ = false; // lendNextReport was called and no report() since
    bool lent_ = false;     // report_ is lent out (report() handed it out, nothing refreshed since)
};

} // namespace jixiao::office
