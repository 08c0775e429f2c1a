// Writer text tables as Grids: reading a table (merged cells included), inserting a Grid as a new table and
// writing a Patch into an existing one. Writer's range APIs refuse tables with merged cells ("Table too
// complex"), so everything here goes cell by cell, in the office process where a cell costs microseconds.
#pragma once

#include "core/model/grid.hpp"
#include "core/model/patch.hpp"
#include "core/read/grid_reader.hpp"
#include "uno/host/writer_field_formulas.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include <string>
#include <vector>

namespace jixiao::office {

// Column widths of an inserted table in parts of the table width (any scale) and which columns are
// centred; empty vectors leave Writer's defaults.
struct WriterTableStyle {
    std::vector<int> columnWeights;
    std::vector<bool> centred;
    int headerRows = 1;
    double fontHeight = 9.0;
    // East Asian font of the cells: what offices' templates use, so a report sent as .docx looks as expected.
    std::string asianFont = "宋体";
    // Put the caption and table on a landscape page (Writer's built-in "Landscape" style), as wide scoring
    // tables are printed; text after the table returns to the page style it had.
    bool landscape = false;
};

// `mayHaveRedlines`: false when the document holds no tracked changes (documentHasRedlines), so that a cell's
// getString() is what the reader sees and the per-cell walk over text portions can be skipped. `fields`: the
// document's formula fields (writer_field_formulas.hpp); without it only Writer's formula cells are formulas.
Grid readWriterTable(const css::uno::Reference<css::text::XTextTable>& table, bool mayHaveRedlines = true,
                     WriterFieldFormulas* fields = nullptr);

// Re-reads the texts (and formulas) of the given anchors of a grid read by readWriterTable, in place, by
// their cell names, without re-deriving the layout (no row separators, no RowSpan). Returns false when a cell
// is gone; the caller has checked the layout with writerTableLayout.
bool refreshWriterCells(const css::uno::Reference<css::text::XTextTable>& table, Grid& grid,
                        const std::vector<GridPosition>& cells, bool mayHaveRedlines,
                        WriterFieldFormulas& fields);

// The table's layout in one string (row count and every cell name, which change when rows, columns or
// horizontal merges change), to tell a cached Grid's layout from the current one.
std::string writerTableLayout(const css::uno::Reference<css::text::XTextTable>& table);

// Whether the document holds any tracked change (insertion, deletion or format) anywhere.
bool documentHasRedlines(const css::uno::Reference<css::frame::XModel>& model);

// All text tables of the document in document order with their names.
std::vector<css::uno::Reference<css::text::XTextTable>>
writerTables(const css::uno::Reference<css::frame::XModel>& model);

css::uno::Reference<css::text::XTextTable>
writerTableByName(const css::uno::Reference<css::frame::XModel>& model, const std::string& name);

// Inserts `grid` as a new table at the view cursor (at the end of the document when there is no view),
// preceded by `caption` as its own paragraph when not empty. Returns the new table. With the cursor in a
// table cell the table goes into a new paragraph after the outermost table around it, never into the cell; a
// table that is not in the body text offers no place: NoPlaceAfterTable (writer_places.hpp). `place`, when
// given and set, is where the table goes instead of the cursor; it receives the start of the paragraph after
// the new table, so that the next table of the same change follows this one.
css::uno::Reference<css::text::XTextTable>
insertWriterTable(const css::uno::Reference<css::frame::XModel>& model, const Grid& grid,
                  const std::string& caption, const WriterTableStyle& style,
                  css::uno::Reference<css::text::XTextRange>* place = nullptr);

// Writes each CellWrite into the cell named by its address: its storedNumber as the cell's value, else its
// text; a cell with a comment or field anchored in it gets its text rewritten around them
// (writer_cell_text.hpp), or, being a value cell or holding tracked changes too, is left as it is and its
// address added to `held`. Returns the number of cells written.
int applyWriterPatch(const css::uno::Reference<css::text::XTextTable>& table, const Patch& patch,
                     std::vector<std::string>& held);

} // namespace jixiao::office
