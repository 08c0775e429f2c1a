// libFuzzer target for the table reader, writer, recompute, validation and narrative: builds a small Grid
// from the input (dimensions, merged areas, cell texts drawn from table vocabulary or raw bytes) and runs
// every entry point an adapter calls on a document's tables, then validates the assembled report and writes
// every section from it. Only GridLayoutError (and a UserError refusing a section) may escape the core;
// anything else (another exception, a patch pointing outside the grid or into a covered cell, a recompute
// that is not idle after its own patch, a message with an unfilled placeholder) aborts.
#include "core/assemble.hpp"
#include "core/check/validate.hpp"
#include "core/derive/recompute.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/model/grid.hpp"
#include "core/model/user_error.hpp"
#include "core/read/grid_reader.hpp"
#include "core/write/grid_writer.hpp"
#include "core/write/narrative.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return pos_ >= size_; }
    std::uint8_t next() { return empty() ? 0 : data_[pos_++]; }
    std::string take(std::size_t n) {
        n = std::min(n, size_ - std::min(pos_, size_));
        std::string out(reinterpret_cast<const char*>(data_ + pos_), n);
        pos_ += n;
        return out;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

// Words the reader reacts to, so the fuzzer reaches deep paths without having to guess UTF-8 Chinese.
constexpr std::array<std::string_view, 49> kVocabulary = {
    "",
    "一级指标",
    "二级\n指标",
    "三级指标",
    "指标解释",
    "评价标准",
    "指标分值",
    "评价得分",
    "扣分情况",
    "扣分原因",
    "评价等级",
    "合计",
    "决策(10分)",
    "过程（30分）",
    "项目立项(7分)",
    "资金（３分）",
    "a\n（1分）",
    "b（2.5分）",
    "1",
    "2",
    "0",
    "3.0",
    "３",
    "9分",
    "九十",
    "-1",
    "99999999999",
    "95%",
    "优秀",
    "项目",
    "金额（万元）",
    "占比",
    "实际支出合计",
    "年初预算",
    "预算执行率",
    "结余",
    "0.72",
    "1,130元",
    "（",
    "(分)",
    "小计",
    "续表",
    "序号",
    "分值",
    "得分",
    "年初预算数",
    "全年执行数",
    "评价指标",
    "目标(5)",
};

void check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz_grid invariant failed: %s\n", what);
        std::abort();
    }
}

void checkPatch(const jixiao::Grid& grid, const jixiao::Patch& patch) {
    for (const auto& w : patch.writes) {
        check(w.cell.row >= 0 && w.cell.row < grid.rows() && w.cell.column >= 0 &&
                  w.cell.column < grid.columns(),
              "patch write outside the grid");
        check(!grid.at(w.cell.row, w.cell.column).covered, "patch write into a covered cell");
    }
}

jixiao::Grid buildGrid(Bytes& in) {
    const int rows = 1 + in.next() % 8;
    const int columns = 1 + in.next() % 10;
    jixiao::Grid grid(rows, columns);
    grid.name = "T";
    const bool addresses = in.next() % 2 == 0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            auto& cell = grid.at(r, c);
            const std::uint8_t pick = in.next();
            cell.text = pick < 2 * kVocabulary.size() ? std::string(kVocabulary[pick % kVocabulary.size()])
                                                      : in.take(pick % 8);
            if (addresses)
                cell.address = std::string(1, char('A' + c)) + std::to_string(r + 1);
        }
    const int merges = in.next() % 5;
    for (int i = 0; i < merges; ++i) {
        const int r = in.next() % rows, c = in.next() % columns;
        const int rowSpan = 1 + in.next() % (rows - r), colSpan = 1 + in.next() % (columns - c);
        grid.merge(r, c, rowSpan, colSpan);
    }
    return grid;
}

void scoreTable(jixiao::Grid grid) {
    jixiao::looksLikeScoreTable(grid);
    jixiao::Scorecard card;
    try {
        card = jixiao::readScoreTable(grid);
    } catch (const jixiao::GridLayoutError&) {
        return;
    }
    const auto patch = jixiao::recomputeScoreTable(card, grid);
    checkPatch(grid, patch);
    checkPatch(grid, jixiao::recomputeScoreTable(card));
    checkPatch(grid, jixiao::calcLiveFormulas(card, grid, {"S", 3, 7}));
    const auto written = jixiao::writeScoreTable(card);
    jixiao::readScoreTable(written); // the writer's own layout must always read back

    // A recompute applied once leaves nothing to do.
    for (const auto& w : patch.writes)
        grid.at(w.cell.row, w.cell.column).text = w.text;
    const auto again = jixiao::recomputeScoreTable(jixiao::readScoreTable(grid), grid);
    check(again.empty(), "recompute is not idle after applying its own patch");
}

void fundingTable(const jixiao::Grid& grid) {
    jixiao::looksLikeFundingTable(grid);
    try {
        const auto funding = jixiao::readFundingTable(grid);
        checkPatch(grid, jixiao::recomputeFundingTable(funding));
        checkPatch(grid, jixiao::calcFundingFormulas(funding, grid));
        jixiao::readFundingTable(jixiao::writeFundingTable(funding));
    } catch (const jixiao::GridLayoutError&) {
    }
}

} // namespace

// The document's assembly: a scoring table possibly continued in a second table (续表), read, joined and
// recomputed; every write must land inside the joined grid, on a cell of its own.
void document(const jixiao::Grid& first, jixiao::Grid second) {
    second.name = "U";
    jixiao::DocumentSnapshot snapshot;
    snapshot.tables = {first, second};
    const auto report = jixiao::assemble(snapshot);
    const auto plan = jixiao::planRecompute(report);
    checkPatch(report.scoreGrid, plan.score);
    if (report.partial)
        check(plan.score.empty(), "a table read in part is written");

    // What the deck and the batch do next with any table: validate it and write every section from it.
    static const auto catalog = jixiao::MessageCatalog::load(std::filesystem::path(JIXIAO_SOURCE_DIR) /
                                                             "extension/i18n/messages.json");
    static const auto patterns = jixiao::NarrativePatterns::loadForLanguage(
        std::filesystem::path(JIXIAO_SOURCE_DIR) / "extension/narrative", "zh-CN");
    // A brace in a message is an unfilled placeholder, unless the document itself had one to quote.
    bool bracesInCells = false;
    for (const jixiao::Grid* grid : {&first, static_cast<const jixiao::Grid*>(&second)})
        for (int r = 0; r < grid->rows(); ++r)
            for (int c = 0; c < grid->columns(); ++c)
                bracesInCells = bracesInCells || grid->at(r, c).text.find('{') != std::string::npos;
    const auto judged = jixiao::cardToJudge(report);
    for (const auto& finding :
         jixiao::validate({judged, {}, jixiao::reportFunding(report), {}}, catalog, "zh-CN"))
        check(bracesInCells || finding.message.find('{') == std::string::npos,
              "a finding's message has an unfilled placeholder");
    auto card = report.card;
    card.funding = jixiao::reportFunding(report);
    for (const auto& section : jixiao::sectionIds()) {
        try {
            (void)jixiao::generateSection(card, section, patterns);
        } catch (const jixiao::UserError&) {
            // a section the data cannot support is refused with a message, which is fine
        }
    }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    const auto grid = buildGrid(in);
    scoreTable(grid);
    fundingTable(grid);
    document(grid, buildGrid(in));
    return 0;
}
