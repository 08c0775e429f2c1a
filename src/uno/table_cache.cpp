#include "uno/table_cache.hpp"

#include "uno/document_host.hpp"

#include <utility>

namespace jixiao::office {

bool TableCache::tables(DocumentHost& host, std::vector<Grid>& tables) {
    if (!warm_)
        return false;
    if (!refreshed(host)) {
        warm_ = false;
        return false;
    }
    tables = {score_.grid};
    if (funding_)
        tables.push_back(funding_->grid);
    return true;
}

bool TableCache::refreshed(DocumentHost& host) {
    if (host.tableCount() != tableCount_)
        return false; // a table was added or removed: it may be the one to read now
    const auto refresh = [&](Table& table) {
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
