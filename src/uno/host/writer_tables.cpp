#include "uno/host/writer_tables.hpp"

#include "uno/base/log.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/writer_cell_names.hpp"
#include "uno/host/writer_cell_text.hpp"
#include "uno/host/writer_places.hpp"
#include "uno/host/writer_text_read.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/style/ParagraphAdjust.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/TableColumnSeparator.hpp>
#include <com/sun/star/text/VertOrientation.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTableCursor.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include <rtl/ustrbuf.hxx>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

// Separator positions of one row, as boundaries from 0 to the table's relative width.
std::vector<int> rowBoundaries(const Reference<beans::XPropertySet>& row, int relativeSum) {
    std::vector<int> bounds{0};
    uno::Sequence<text::TableColumnSeparator> separators;
    if (row.is() && (row->getPropertyValue("TableColumnSeparators") >>= separators))
        for (const auto& separator : separators)
            bounds.push_back(separator.Position);
    bounds.push_back(relativeSum);
    return bounds;
}

// Position of `value` among the table's column boundaries; separators of different rows that describe
// the same border can differ by a unit or two after a round trip through .docx.
int boundaryIndex(const std::vector<int>& all, int value) {
    const auto it = std::lower_bound(all.begin(), all.end(), value - 3);
    return static_cast<int>(it - all.begin());
}

std::vector<int> mergeClose(std::vector<int> positions) {
    std::sort(positions.begin(), positions.end());
    std::vector<int> merged;
    for (int p : positions)
        if (merged.empty() || p - merged.back() > 3)
            merged.push_back(p);
    return merged;
}

Reference<text::XText> cellText(const Reference<text::XTextTable>& table, const std::string& name) {
    return Reference<text::XText>(table->getCellByName(fromUtf8(name)), UNO_QUERY);
}

// The text a reader of the cell sees: its paragraphs' text portions, joined by line breaks. It is read
// portion by portion rather than with XText::getString, which Writer answers by exporting the cell through
// its plain-text filter inside an action of the whole view: on the main thread right after a key, that
// action formats and places the cursor again for every cell read (most of a live run's re-read of four
// cells). A portion's text is read from its paragraph directly. With track changes on, replaced text stays
// in the document as a tracked deletion until the change is accepted, and getString() returns it too: "6"
// overwritten by "3" reads "63"; deleted portions are left out here. A cell holding a nested table reads as
// getString(): the nested table's text is not a value Jixiao reads, and the export is what keeps it apart. So
// does a cell whose portions hold a placeholder character getString leaves out (a check box:
// writer_text_read.hpp).
std::string visibleCellText(const Reference<table::XCell>& cell, bool mayHaveRedlines) {
    Reference<container::XEnumerationAccess> paragraphs(cell, UNO_QUERY);
    if (!paragraphs.is())
        return toUtf8(Reference<text::XText>(cell, UNO_QUERY_THROW)->getString());
    rtl::OUStringBuffer visible;
    bool deleting = false;
    bool firstParagraph = true;
    Reference<container::XEnumeration> items = paragraphs->createEnumeration();
    while (items->hasMoreElements()) {
        Reference<lang::XServiceInfo> info(items->nextElement(), UNO_QUERY);
        Reference<container::XEnumerationAccess> portions(info, UNO_QUERY);
        if (!info.is() || !portions.is() || !info->supportsService("com.sun.star.text.Paragraph"))
            return toUtf8(Reference<text::XText>(cell, UNO_QUERY_THROW)->getString());
        // A paragraph break inside a deletion is deleted with it. A sal_Unicode, not u'\n': the SDK's
        // OUStringBuffer has no char16_t overload, and a char16_t promotes to the sal_Int32 one ("10").
        if (!firstParagraph && !deleting)
            visible.append(static_cast<sal_Unicode>('\n'));
        firstParagraph = false;
        appendPortionText(portions, mayHaveRedlines, deleting, visible);
    }
    const OUString text = visible.makeStringAndClear();
    if (holdsPlaceholderCharacter(text)) // checked on the text: a portion's type costs a property read
        return toUtf8(Reference<text::XText>(cell, UNO_QUERY_THROW)->getString());
    return toUtf8(text);
}

// A cell's text, and its formula when it holds one: a formula is the user's, and recompute reports a wrong
// value rather than overwrite it (core/assemble.hpp), in Writer as in Calc. Writer's own (Table ▸ Formula)
// makes the cell a formula cell; Word's is a field in its text, looked up when `fields` is given.
void readCell(const Reference<table::XCell>& cell, GridCell& anchor, bool mayHaveRedlines,
              const std::string& tableName, WriterFieldFormulas* fields) {
    anchor.text = visibleCellText(cell, mayHaveRedlines);
    anchor.formula.clear();
    const auto type = cell->getType();
    // A cell holding a value (number recognition, or a value set through the API) shows it through its
    // number format; recompute writes a value there again (core/model/cell_kind.hpp). Any other cell is text.
    anchor.kind = type == table::CellContentType_VALUE ? CellKind::Number : CellKind::Text;
    if (type == table::CellContentType_FORMULA)
        anchor.formula = toUtf8(cell->getFormula());
    else if (fields != nullptr)
        if (const auto* field = fields->find(tableName, anchor.address))
            anchor.formula = *field;
}

} // namespace

Grid readWriterTable(const Reference<text::XTextTable>& table, bool mayHaveRedlines,
                     WriterFieldFormulas* fields) {
    Reference<beans::XPropertySet> tableProps(table, UNO_QUERY_THROW);
    sal_Int16 relativeSum = 10000;
    tableProps->getPropertyValue("TableColumnRelativeSum") >>= relativeSum;

    Reference<container::XIndexAccess> rows(table->getRows(), UNO_QUERY_THROW);
    const int rowCount = rows->getCount();
    std::vector<std::vector<int>> bounds(static_cast<std::size_t>(rowCount));
    std::vector<int> all;
    for (int r = 0; r < rowCount; ++r) {
        Reference<beans::XPropertySet> row(rows->getByIndex(r), UNO_QUERY);
        bounds[std::size_t(r)] = rowBoundaries(row, relativeSum);
        all.insert(all.end(), bounds[std::size_t(r)].begin(), bounds[std::size_t(r)].end());
    }
    all = mergeClose(all);
    const int columns = std::max(1, static_cast<int>(all.size()) - 1);

    Grid grid(rowCount, columns);
    grid.name = toUtf8(Reference<container::XNamed>(table, UNO_QUERY_THROW)->getName());
    for (int r = 0; r < rowCount; ++r) {
        const auto& rowBounds = bounds[std::size_t(r)];
        for (std::size_t box = 0; box + 1 < rowBounds.size(); ++box) {
            const int first = boundaryIndex(all, rowBounds[box]);
            const int last = std::min(columns, boundaryIndex(all, rowBounds[box + 1]));
            if (first >= columns || grid.at(r, first).covered)
                continue;
            const std::string name = writerCellName(static_cast<int>(box), r);
            Reference<table::XCell> cell = table->getCellByName(fromUtf8(name));
            if (!cell.is())
                continue;
            sal_Int32 rowSpan = 1;
            Reference<beans::XPropertySet>(cell, UNO_QUERY_THROW)->getPropertyValue("RowSpan") >>= rowSpan;
            if (rowSpan < 1)
                continue; // covered by a vertical merge above; the anchor already spans it
            rowSpan = std::min<sal_Int32>(rowSpan, rowCount - r);
            grid.merge(r, first, rowSpan, std::max(1, last - first));
            auto& anchor = grid.at(r, first);
            anchor.address = name;
            readCell(cell, anchor, mayHaveRedlines, grid.name, fields);
        }
    }
    return grid;
}

bool refreshWriterCells(const Reference<text::XTextTable>& table, Grid& grid,
                        const std::vector<GridPosition>& cells, bool mayHaveRedlines,
                        WriterFieldFormulas& fields) {
    for (const auto& position : cells) {
        auto& anchor = grid.at(position.row, position.column);
        if (anchor.address.empty())
            continue; // readWriterTable found no cell there either
        Reference<table::XCell> cell = table->getCellByName(fromUtf8(anchor.address));
        if (!cell.is())
            return false;
        // Only a cell that held a field can hold one now: a keystroke or an API edit does not make one.
        readCell(cell, anchor, mayHaveRedlines, grid.name, anchor.formula.empty() ? nullptr : &fields);
    }
    return true;
}

std::string writerTableLayout(const Reference<text::XTextTable>& table) {
    const sal_Int32 rows = table->getRows()->getCount();
    rtl::OUStringBuffer layout;
    layout.append(rows);
    for (const auto& name : table->getCellNames())
        layout.append(static_cast<sal_Unicode>(' ')).append(name); // not u' ': that appends "32" (above)
    return toUtf8(layout.makeStringAndClear());
}

bool documentHasRedlines(const Reference<frame::XModel>& model) {
    Reference<document::XRedlinesSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return true; // cannot tell: read cells the careful way
    Reference<container::XEnumerationAccess> redlines = supplier->getRedlines();
    return !redlines.is() || redlines->hasElements();
}

std::vector<Reference<text::XTextTable>> writerTables(const Reference<frame::XModel>& model) {
    std::vector<Reference<text::XTextTable>> result;
    Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return result;
    Reference<container::XIndexAccess> tables(supplier->getTextTables(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < tables->getCount(); ++i)
        result.emplace_back(tables->getByIndex(i), UNO_QUERY);
    return result;
}

Reference<text::XTextTable> writerTableByName(const Reference<frame::XModel>& model,
                                              const std::string& name) {
    Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return {};
    Reference<container::XNameAccess> tables = supplier->getTextTables();
    const OUString wanted = fromUtf8(name);
    if (!tables->hasByName(wanted))
        return {};
    return Reference<text::XTextTable>(tables->getByName(wanted), UNO_QUERY);
}

namespace {

constexpr sal_Int32 kHeaderShade = 0xD9D9D9; // "grey 15%": the header shading of offices' templates

// Where a new table goes: the view cursor, or the end of the body text when the document has no view. In a
// table cell, a new paragraph after the outermost table around the cursor: a table inside a cell is not a
// report's table (writer_places.hpp).
Reference<text::XTextRange> insertionPoint(const Reference<frame::XModel>& model) {
    Reference<text::XTextViewCursorSupplier> views(model->getCurrentController(), UNO_QUERY);
    if (views.is()) {
        Reference<text::XTextRange> cursor(views->getViewCursor(), UNO_QUERY);
        if (cursor.is())
            return placeOutsideTables(model, cursor->getStart());
    }
    return Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText()->getEnd();
}

void setColumnWidths(const Reference<text::XTextTable>& table, const std::vector<int>& weights) {
    Reference<beans::XPropertySet> props(table, UNO_QUERY_THROW);
    sal_Int16 relativeSum = 10000;
    props->getPropertyValue("TableColumnRelativeSum") >>= relativeSum;
    const int total = std::accumulate(weights.begin(), weights.end(), 0);
    if (total <= 0)
        return;
    uno::Sequence<text::TableColumnSeparator> separators(static_cast<sal_Int32>(weights.size() - 1));
    int running = 0;
    for (std::size_t i = 0; i + 1 < weights.size(); ++i) {
        running += weights[i];
        separators[static_cast<sal_Int32>(i)].Position =
            static_cast<sal_Int16>(running * relativeSum / total);
        separators[static_cast<sal_Int32>(i)].IsVisible = true;
    }
    props->setPropertyValue("TableColumnSeparators", uno::Any(separators));
}

void formatCell(const Reference<text::XText>& cell, bool centred, const WriterTableStyle& style) {
    Reference<text::XTextCursor> cursor = cell->createTextCursor();
    cursor->gotoStart(false);
    cursor->gotoEnd(true);
    Reference<beans::XPropertySet> props(cursor, UNO_QUERY_THROW);
    props->setPropertyValue("CharHeight", uno::Any(static_cast<float>(style.fontHeight)));
    props->setPropertyValue("CharHeightAsian", uno::Any(static_cast<float>(style.fontHeight)));
    if (!style.asianFont.empty())
        props->setPropertyValue("CharFontNameAsian", uno::Any(fromUtf8(style.asianFont)));
    if (centred)
        props->setPropertyValue("ParaAdjust",
                                uno::Any(static_cast<sal_Int32>(style::ParagraphAdjust_CENTER)));
    Reference<beans::XPropertySet>(cell, UNO_QUERY_THROW)
        ->setPropertyValue("VertOrient", uno::Any(text::VertOrientation::CENTER));
}

} // namespace

Reference<text::XTextTable> insertWriterTable(const Reference<frame::XModel>& model, const Grid& grid,
                                              const std::string& caption, const WriterTableStyle& style,
                                              Reference<text::XTextRange>* place) {
    Reference<lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    Reference<text::XTextTable> table(factory->createInstance("com.sun.star.text.TextTable"),
                                      UNO_QUERY_THROW);
    table->initialize(grid.rows(), grid.columns());

    Reference<text::XTextRange> where = place != nullptr && place->is() ? *place : insertionPoint(model);
    Reference<text::XText> text = where->getText();
    Reference<text::XTextDocument> document(model, UNO_QUERY_THROW);
    // Only in the body text: a table inside a frame or cell has no page of its own.
    const bool landscape = style.landscape && !caption.empty() && text == document->getText();
    OUString pageStyle;
    if (landscape)
        Reference<beans::XPropertySet>(text->createTextCursorByRange(where), UNO_QUERY_THROW)
            ->getPropertyValue("PageStyleName") >>= pageStyle;
    if (!caption.empty()) {
        Reference<text::XTextCursor> cursor = text->createTextCursorByRange(where);
        text->insertString(cursor.get(), fromUtf8(caption), false);
        text->insertControlCharacter(cursor.get(), text::ControlCharacter::PARAGRAPH_BREAK, false);
        Reference<beans::XPropertySet>(cursor, UNO_QUERY_THROW)
            ->setPropertyValue("ParaAdjust", uno::Any(static_cast<sal_Int32>(style::ParagraphAdjust_LEFT)));
        // The caption is the table's title, as in the reports: centred and bold.
        Reference<text::XTextCursor> title = text->createTextCursorByRange(cursor->getStart());
        Reference<text::XParagraphCursor> titleParagraph(title, UNO_QUERY_THROW);
        titleParagraph->gotoPreviousParagraph(false);
        titleParagraph->gotoEndOfParagraph(true);
        Reference<beans::XPropertySet> titleProps(title, UNO_QUERY_THROW);
        titleProps->setPropertyValue("ParaAdjust",
                                     uno::Any(static_cast<sal_Int32>(style::ParagraphAdjust_CENTER)));
        titleProps->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
        titleProps->setPropertyValue("CharWeightAsian", uno::Any(awt::FontWeight::BOLD));
        if (landscape) {
            Reference<text::XTextCursor> captionCursor = text->createTextCursorByRange(cursor->getStart());
            Reference<text::XParagraphCursor>(captionCursor, UNO_QUERY_THROW)->gotoPreviousParagraph(false);
            Reference<beans::XPropertySet>(captionCursor, UNO_QUERY_THROW)
                ->setPropertyValue("PageDescName", uno::Any(OUString("Landscape")));
        }
        where = cursor->getStart();
    }
    text->insertTextContent(where, Reference<text::XTextContent>(table, UNO_QUERY_THROW), false);
    if (place != nullptr)
        *place = where; // the start of the paragraph after the new table
    if (landscape && !pageStyle.isEmpty()) {
        // The text that followed the insertion point goes back to its own page style; an empty last
        // paragraph stays on the table's page rather than making a blank page of its own.
        Reference<text::XTextCursor> after = text->createTextCursorByRange(where);
        Reference<text::XParagraphCursor> paragraph(after, UNO_QUERY_THROW);
        paragraph->gotoEndOfParagraph(true);
        const bool hasText = !Reference<text::XTextRange>(after, UNO_QUERY_THROW)->getString().isEmpty();
        if (hasText || paragraph->gotoNextParagraph(false))
            Reference<beans::XPropertySet>(text->createTextCursorByRange(where), UNO_QUERY_THROW)
                ->setPropertyValue("PageDescName", uno::Any(pageStyle));
    }

    Reference<beans::XPropertySet> props(table, UNO_QUERY_THROW);
    props->setPropertyValue("RepeatHeadline", uno::Any(true));
    props->setPropertyValue("HeaderRowCount", uno::Any(static_cast<sal_Int32>(style.headerRows)));
    // The header row shaded light grey, as the sample's: it reads as a header on paper and in black and
    // white.
    Reference<container::XIndexAccess> rows(table->getRows(), UNO_QUERY_THROW);
    for (int r = 0; r < style.headerRows && r < rows->getCount(); ++r)
        Reference<beans::XPropertySet>(rows->getByIndex(r), UNO_QUERY_THROW)
            ->setPropertyValue("BackColor", uno::Any(kHeaderShade));
    if (static_cast<int>(style.columnWeights.size()) == grid.columns())
        setColumnWidths(table, style.columnWeights);

    // Texts first, while every cell still has its plain grid name; merging renames cells to the right of a
    // horizontal merge, so merges go last, from the bottom-right corner back, where no earlier merge has
    // shifted the names they use.
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c) {
            const auto& cell = grid.at(r, c);
            if (cell.covered)
                continue;
            Reference<text::XText> target = cellText(table, writerCellName(c, r));
            if (!target.is())
                continue;
            if (!cell.text.empty())
                target->setString(fromUtf8(cell.text));
            const bool centred = c < static_cast<int>(style.centred.size()) && style.centred[std::size_t(c)];
            formatCell(target, centred || r < style.headerRows, style);
        }
    for (int r = grid.rows() - 1; r >= 0; --r)
        for (int c = grid.columns() - 1; c >= 0; --c) {
            const auto& cell = grid.at(r, c);
            if (cell.covered || (cell.rowSpan == 1 && cell.colSpan == 1))
                continue;
            Reference<text::XTextTableCursor> cursor =
                table->createCursorByCellName(fromUtf8(writerCellName(c, r)));
            if (cell.colSpan > 1)
                cursor->goRight(static_cast<sal_Int16>(cell.colSpan - 1), true);
            if (cell.rowSpan > 1)
                cursor->goDown(static_cast<sal_Int16>(cell.rowSpan - 1), true);
            cursor->mergeRange();
        }
    return table;
}

int applyWriterPatch(const Reference<text::XTextTable>& table, const Patch& patch,
                     std::vector<std::string>& held) {
    int written = 0;
    for (const auto& write : patch.writes) {
        Reference<table::XCell> cell = table->getCellByName(fromUtf8(write.cell.address));
        Reference<text::XText> target(cell, UNO_QUERY);
        if (!target.is())
            continue;
        const CellContent content = cellContent(target);
        if (content == CellContent::AnchoredWithTrackedChanges) {
            // Rewriting its text portions could write into tracked deleted text, and a whole write would
            // delete the comment: left as it is, and its finding still says what it should hold.
            logWarning("recompute: " + write.cell.address +
                       " holds a comment or field and tracked changes; not rewritten");
            held.push_back(write.cell.address);
            continue;
        }
        if (content == CellContent::Anchored) {
            // A comment or bookmark in the cell stays: only its text is rewritten. A value cell would keep
            // its old value behind the new text (Writer updates it only through setValue, which deletes
            // them): left as it is, and its finding still says what it should hold.
            if (write.storedNumber) {
                logWarning("recompute: " + write.cell.address +
                           " holds a comment or field and a value; not rewritten");
                held.push_back(write.cell.address);
                continue;
            }
            replacePlainText(target, fromUtf8(write.text));
        } else if (write.storedNumber) {
            cell->setValue(write.storedNumber->toDouble()); // keeps the cell's number format
        } else {
            target->setString(fromUtf8(write.text));
        }
        ++written;
    }
    return written;
}

} // namespace jixiao::office
