// What the summary workbook (`--format xlsx|ods`, `merge`) holds, decided without an office: sheet 1 one row
// per report, sheet 2 every finding, sheet 3 the counts by grade and by rule with a chart of each. The office
// side (cli/workbook_writer.hpp) only puts these cells, formats, filter, frozen header and charts in place.
#pragma once

#include "cli/summary_rows.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao::cli {

// How a number cell is shown; every one is a number in the workbook, never text.
enum class NumberStyle {
    Count,   // 0
    Year,    // 0 (no thousands separator)
    Score,   // 0.00
    Money,   // #,##0.00
    Percent, // 0.00% (the value is a fraction: 99.5 % is 0.995)
};

struct WorkbookCell {
    std::string text;                  // a text cell's text ("" and no number: empty)
    std::optional<std::string> number; // a number cell: its exact decimal ("0.995")
    NumberStyle style = NumberStyle::Count;
    std::string link; // a hyperlink's target, an absolute file path; empty: none
};

struct WorkbookSheet {
    std::string name;
    std::vector<std::vector<WorkbookCell>> rows; // the first is the header
    bool frozenHeader = false;
    bool autoFilter = false;
};

// A column chart of the counts in `labelColumn`/`valueColumn` of sheet `sheet`, from `firstRow` (the header,
// which names the series) to `lastRow`, zero-based.
struct WorkbookChart {
    std::string name, title;
    std::size_t sheet = 0;
    int labelColumn = 0, valueColumn = 1, firstRow = 0, lastRow = 0;
};

struct SummaryWorkbook {
    std::vector<WorkbookSheet> sheets;
    std::vector<WorkbookChart> charts;
};

// `workingFolder` makes a relative file name an absolute link target (the folder the run was started in).
SummaryWorkbook summaryWorkbook(const std::vector<ReportRow>& rows, const std::string& workingFolder);

} // namespace jixiao::cli
