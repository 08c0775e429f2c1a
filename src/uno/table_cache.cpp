#include "uno/table_cache.hpp"

#include "uno/document_host.hpp"

#include <utility>

namespace jixiao::office {

bool TableCache::readTables(DocumentHost& host, DocumentData& data) {
    if (!warm_)
        return false;
    auto cached = fromCache(host);
    if (!cached) {
        warm_ = false;
        return false;
    }
    data = std::move(*cached);
    return true;
}

std::optional<DocumentData> TableCache::fromCache(DocumentHost& host) {
    if (host.tableCount() != tableCount_)
        return std::nullopt; // a table was added or removed: it may be the one to read now
    const auto refresh = [&](Table& table) {
        const std::string layout = host.tableLayout(table.grid.name);
        return !layout.empty() && layout == table.layout && host.refreshCells(table.grid, table.inputs);
    };
    DocumentData data;
    try {
        // The inputs are derived from the texts just read: when they differ (a header or a row's 合计 label
        // was retyped), cells that were not re-read may matter now.
        if (!refresh(score_) || !looksLikeScoreTable(score_.grid) ||
            scoreTableInputs(score_.grid) != score_.inputs)
            return std::nullopt;
        data.card = readScoreTable(score_.grid);
        data.card.tableName = score_.grid.name;
        data.scoreGrid = score_.grid;
        data.hasScoreTable = true;
        if (funding_) {
            if (!refresh(*funding_) || !looksLikeFundingTable(funding_->grid) ||
                fundingTableInputs(funding_->grid) != funding_->inputs)
                return std::nullopt;
            data.card.funding = readFundingTable(funding_->grid);
            data.card.fundingTableName = funding_->grid.name;
            data.fundingGrid = funding_->grid;
            data.hasFundingTable = true;
        }
    } catch (const GridLayoutError&) {
        return std::nullopt; // the whole read reports it the way it always has
    }
    return data;
}

void TableCache::remember(DocumentHost& host, const DocumentData& data) {
    // Without a scoring table there is nothing to keep: any table may become one, so every run reads whole.
    warm_ = false;
    if (!data.hasScoreTable)
        return;
    tableCount_ = host.tableCount();
    if (tableCount_ < 0)
        return; // the host has no cheap re-read (Calc)
    const auto make = [&](const Grid& grid, std::vector<GridPosition> inputs) {
        return Table{grid, host.tableLayout(grid.name), std::move(inputs)};
    };
    score_ = make(data.scoreGrid, scoreTableInputs(data.scoreGrid));
    if (score_.layout.empty())
        return;
    funding_.reset();
    if (data.hasFundingTable) {
        funding_ = make(data.fundingGrid, fundingTableInputs(data.fundingGrid));
        if (funding_->layout.empty())
            return;
    }
    warm_ = true;
}

} // namespace jixiao::office
