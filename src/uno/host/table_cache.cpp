#include "uno/host/table_cache.hpp"

#include "uno/host/document_host.hpp"

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

bool TableCache::refreshed(DocumentHost& host, const std::optional<KnownEdits>& edits) {
    if (host.tableCount() != tableCount_)
        return false; // a table was added or removed: it may be the one to read now
    const auto refresh = [&](Table& table) {
        // Known edits are keystrokes at a collapsed cursor (typing_watch.hpp): a character put into or taken
        // out of one cell's text, which never adds, removes or merges cells, so the layout is checked only
        // after anything else.
        if (const auto changed = edits ? changedCells(table, *edits) : std::nullopt)
            return host.refreshCells(table.grid, *changed);
        const std::string layout = host.tableLayout(table.grid.name);
        return !layout.empty() && layout == table.layout && host.refreshCells(table.grid, table.inputs);
    };
    // The inputs are derived from the texts just read: when they differ (a header or a row's 合计 label
    // was retyped), cells that were not re-read may matter now.
    if (!refresh(score_) || !looksLikeScoreTable(score_.grid) ||
        scoreTableInputs(score_.grid) != score_.inputs)
        return false;
    if (funding_ && (!refresh(*funding_) || !looksLikeFundingTable(funding_->grid) ||
                     fundingTableInputs(funding_->grid) != funding_->inputs))
        return false;
    return true;
}

void TableCache::remember(DocumentHost& host, const Report& report) {
    // Without a scoring table there is nothing to keep: any table may become one, so every run reads whole.
    warm_ = false;
    written_.clear();
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
}

} // namespace jixiao::office
