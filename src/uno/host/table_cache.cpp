#include "uno/host/table_cache.hpp"

#include "uno/host/document_host.hpp"

#include "core/with_cell_texts.hpp"

#include <utility>

namespace jixiao::office {

void TableCache::narrowNextRefresh(std::optional<KnownEdits> edits) {
    // Edits handed over for a refresh that never came (the run failed before it read the tables) would be
    // lost by replacing them: the next refresh then re-reads every input instead.
    next_ = handedOver_ ? std::nullopt : std::move(edits);
    handedOver_ = true;
}

bool TableCache::tables(DocumentHost& host, std::vector<Grid>& tables) {
    const auto edits = std::exchange(next_, std::nullopt);
    handedOver_ = false;
    report_.reset(); // the grids move on without it
    lent_ = false;
    lendNext_ = false;
    if (!warm_)
        return false;
    const bool current = refreshed(host, edits);
    written_.clear();
    if (!current) {
        warm_ = false;
        return false;
    }
    tables = {score_.grid};
    if (funding_)
        tables.push_back(funding_->grid);
    return true;
}

namespace {

// `snapshot` without its tables: what a kept report was assembled with beside them.
DocumentSnapshot besideTables(const DocumentSnapshot& snapshot) {
    return {{},
            snapshot.paragraphs,
            snapshot.properties,
            snapshot.gradeBands,
            snapshot.problemsSection,
            snapshot.openPlaceholders};
}

} // namespace

std::optional<Report> TableCache::report(DocumentHost& host, DocumentSnapshot& snapshot) {
    const auto edits = std::exchange(next_, std::nullopt);
    handedOver_ = false;
    lent_ = false; // whatever was lent before is not the report of this refresh
    const bool lend = std::exchange(lendNext_, false);
    if (!warm_)
        return std::nullopt;
    std::vector<std::pair<bool, GridPosition>> positions;
    const bool current = reread(host, edits, positions);
    written_.clear();
    if (!current) {
        forget();
        return std::nullopt;
    }
    if (report_ && sameBesideTables(snapshot, besideTables_)) {
        // The cells re-read that differ from the kept report's: the report follows them when it can.
        std::vector<CellText> changes;
        for (const auto& [funding, at] : positions) {
            const GridCell& now = (funding ? funding_->grid : score_.grid).at(at.row, at.column);
            const GridCell& was = (funding ? report_->fundingGrid : report_->scoreGrid).at(at.row, at.column);
            if (now.text != was.text || now.kind != was.kind || now.formula != was.formula)
                changes.push_back({funding, at.row, at.column, now.text, now.kind, now.formula});
        }
        if (applyCellTexts(*report_, changes)) {
            if (!lend)
                return *report_;
            lent_ = true;
            return std::exchange(report_, std::nullopt);
        }
    }
    report_.reset();
    if (!stillTheSameTables()) {
        forget();
        return std::nullopt;
    }
    snapshot.tables = {score_.grid};
    if (funding_)
        snapshot.tables.push_back(funding_->grid);
    return std::nullopt;
}

void TableCache::giveBack(Report&& report) {
    lendNext_ = false; // a run that never refreshed lends nothing to a later one
    if (std::exchange(lent_, false) && warm_)
        report_ = std::move(report);
}

void TableCache::keep(const Report& report, const DocumentSnapshot& snapshot) {
    report_.reset();
    lent_ = false;
    if (!warm_ || !report.hasScoreTable || report.scoreParts.size() != 1)
        return;
    report_ = report;
    besideTables_ = besideTables(snapshot);
}

void TableCache::wrote(const std::string& tableName, const Patch& patch) {
    for (const auto& write : patch.writes)
        written_.emplace(tableName, write.cell.address);
}

std::optional<std::vector<GridPosition>> TableCache::changedCells(const Table& table,
                                                                  const KnownEdits& edits) const {
    std::set<std::string> names;
    for (const auto& cells : {edits.cells, written_})
        for (const auto& [tableName, cell] : cells)
            if (tableName == table.grid.name)
                names.insert(cell);
    std::vector<GridPosition> positions;
    for (int row = 0; row < table.grid.rows() && !names.empty(); ++row)
        for (int column = 0; column < table.grid.columns(); ++column)
            if (const auto& anchor = table.grid.at(row, column);
                !anchor.covered && names.erase(anchor.address))
                positions.push_back({row, column});
    if (!names.empty())
        return std::nullopt;
    return positions;
}

bool TableCache::reread(DocumentHost& host, const std::optional<KnownEdits>& edits,
                        std::vector<std::pair<bool, GridPosition>>& reread) {
    if (host.tableCount() != tableCount_)
        return false; // a table was added or removed: it may be the one to read now
    const auto refresh = [&](Table& table, bool funding) {
        // Known edits are keystrokes at a collapsed cursor (typing_watch.hpp): a character put into or taken
        // out of one cell's text, which never adds, removes or merges cells, so the layout is checked only
        // after anything else.
        std::vector<GridPosition> cells;
        if (auto changed = edits ? changedCells(table, *edits) : std::nullopt) {
            cells = std::move(*changed);
        } else {
            const std::string layout = host.tableLayout(table.grid.name);
            if (layout.empty() || layout != table.layout)
                return false;
            cells = table.inputs;
        }
        if (!host.refreshCells(table.grid, cells))
            return false;
        for (const auto& cell : cells)
            reread.emplace_back(funding, cell);
        return true;
    };
    return refresh(score_, false) && (!funding_ || refresh(*funding_, true));
}

bool TableCache::stillTheSameTables() const {
    // The inputs are derived from the texts just read: when they differ (a header or a row's 合计 label
    // was retyped), cells that were not re-read may matter now.
    return looksLikeScoreTable(score_.grid) && scoreTableInputs(score_.grid) == score_.inputs &&
           (!funding_ || (looksLikeFundingTable(funding_->grid) &&
                          fundingTableInputs(funding_->grid) == funding_->inputs));
}

bool TableCache::refreshed(DocumentHost& host, const std::optional<KnownEdits>& edits) {
    std::vector<std::pair<bool, GridPosition>> reread;
    return this->reread(host, edits, reread) && stillTheSameTables();
}

void TableCache::remember(DocumentHost& host, const Report& report, const DocumentSnapshot& snapshot) {
    // Without a scoring table there is nothing to keep: any table may become one, so every run reads whole.
    warm_ = false;
    written_.clear();
    report_.reset();
    lent_ = false;
    if (!report.hasScoreTable || report.scoreParts.size() != 1)
        return;
    tableCount_ = host.tableCount();
    if (tableCount_ < 0)
        return; // the host has no cheap re-read (Calc)
    const auto make = [&](const Grid& grid, std::vector<GridPosition> inputs) {
        return Table{grid, host.tableLayout(grid.name), std::move(inputs)};
    };
    score_ = make(report.scoreGrid, scoreTableInputs(report.scoreGrid));
    if (score_.layout.empty())
        return;
    funding_.reset();
    if (report.hasFundingTable) {
        funding_ = make(report.fundingGrid, fundingTableInputs(report.fundingGrid));
        if (funding_->layout.empty())
            return;
    }
    warm_ = true;
    keep(report, snapshot);
}

} // namespace jixiao::office
