// DocumentHost for Calc: Jixiao's tables are cell ranges named JixiaoScore…/JixiaoFunding… so they are found
// again whatever the sheet holds around them; a sheet typed by hand is read from its used area.
#include "uno/base/ustring.hpp"
#include "uno/host/calc_section_layout.hpp"
#include "uno/host/document_host.hpp"

#include "core/model/user_error.hpp"
#include "core/text/a1.hpp"
#include "core/text/numbers.hpp"
#include "core/text/utf8.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/BorderLine2.hpp>
#include <com/sun/star/table/BorderLineStyle.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/CellHoriJustify.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/CellProtection.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <rtl/math.hxx>

#include <optional>
#include <stdexcept>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

std::string cellAddress(const std::string& sheet, int column, int row) {
    return quotedSheetName(sheet) + "." + a1Cell(column, row);
}

struct Area {
    std::string sheet;
    table::CellRangeAddress range;
};

// Column widths (1/100 mm) of an inserted scoring table: wide text columns, narrow number columns.
const std::vector<int> kScoreWidths{1800, 2000, 2600, 5200, 7000, 1500, 1500, 1500, 3600};
const std::vector<int> kFundingWidths{4500, 2600, 2600};
// A thin line (0.5 pt in 1/100 mm) and the light grey LibreOffice's own table styles shade headings with.
constexpr sal_Int16 kThinLine = 18;
constexpr sal_Int32 kHeaderShade = 0xDDDDDD;

class CalcHost final : public DocumentHost {
public:
    explicit CalcHost(const Reference<frame::XModel>& model)
        : model_(model), document_(model_, UNO_QUERY_THROW) {}

    bool isCalc() const override { return true; }

    std::vector<Grid> readTables() override {
        std::vector<Grid> grids;
        const auto named = jixiaoRanges();
        for (const auto& name : named)
            grids.push_back(readTable(name));
        if (!named.empty())
            return grids;
        // A sheet typed by hand: its used area is the candidate table.
        Reference<container::XIndexAccess> sheets(document_->getSheets(), UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
            Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
            Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
            Reference<sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
            used->gotoStartOfUsedArea(false);
            used->gotoEndOfUsedArea(true);
            const auto range =
                Reference<sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
            grids.push_back(readArea({sheetName(range.Sheet), range}));
        }
        return grids;
    }

    Grid readTable(const std::string& name) override { return readArea(resolve(name)); }

    std::string insertTable(const Grid& grid, const std::string& caption, TableKind kind) override {
        auto [sheet, sheetIndex, column, row] = insertionCell();
        const std::string sheetLabel = sheetName(sheetIndex);
        // Merging, column widths and a new named range are refused on a protected sheet even where cells are
        // unlocked; the API would write the cells regardless, so refuse before touching anything.
        if (isProtected(sheet))
            throw protectedSheet(sheetLabel, cellAddress(sheetLabel, column, row));
        if (!caption.empty()) {
            sheet->getCellByPosition(column, row)->setFormula(fromUtf8(caption));
            ++row;
        }
        for (int r = 0; r < grid.rows(); ++r)
            for (int c = 0; c < grid.columns(); ++c) {
                const auto& cell = grid.at(r, c);
                if (cell.covered || cell.text.empty())
                    continue;
                writeValue(sheet->getCellByPosition(column + c, row + r), cell.text);
            }
        Reference<table::XCellRange> area =
            sheet->getCellRangeByPosition(column, row, column + grid.columns() - 1, row + grid.rows() - 1);
        for (int r = 0; r < grid.rows(); ++r)
            for (int c = 0; c < grid.columns(); ++c) {
                const auto& cell = grid.at(r, c);
                if (!cell.covered && (cell.rowSpan > 1 || cell.colSpan > 1))
                    Reference<util::XMergeable>(sheet->getCellRangeByPosition(column + c, row + r,
                                                                              column + c + cell.colSpan - 1,
                                                                              row + r + cell.rowSpan - 1),
                                                UNO_QUERY_THROW)
                        ->merge(true);
            }
        formatTable(sheet, column, row, grid);
        if (!caption.empty())
            Reference<beans::XPropertySet>(sheet->getCellByPosition(column, row - 1), UNO_QUERY_THROW)
                ->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
        const auto& widths = kind == TableKind::Score ? kScoreWidths : kFundingWidths;
        if (static_cast<int>(widths.size()) == grid.columns()) {
            Reference<container::XIndexAccess> columns(
                Reference<table::XColumnRowRange>(area, UNO_QUERY_THROW)->getColumns(), UNO_QUERY_THROW);
            for (int c = 0; c < grid.columns(); ++c)
                Reference<beans::XPropertySet>(columns->getByIndex(c), UNO_QUERY_THROW)
                    ->setPropertyValue("Width", uno::Any(static_cast<sal_Int32>(widths[std::size_t(c)])));
        }
        std::string name = uniqueRangeName(kind == TableKind::Score ? "JixiaoScore" : "JixiaoFunding");
        table::CellAddress origin(static_cast<sal_Int16>(sheetIndex), column, row);
        namedRanges()->addNewByName(
            fromUtf8(name),
            fromUtf8("$" + quotedSheetName(sheetLabel) + "." + a1Cell(column, row, true, true) + ":" +
                     a1Cell(column + grid.columns() - 1, row + grid.rows() - 1, true, true)),
            origin, 0);
        // The next insertion (import adds the funding table after the scoring table) goes below this one,
        // not over it: move the selection two rows under the new table.
        Reference<view::XSelectionSupplier> selection(model_->getCurrentController(), UNO_QUERY);
        if (selection.is())
            selection->select(uno::Any(Reference<table::XCellRange>(
                sheet->getCellByPosition(column, row + grid.rows() + 1), UNO_QUERY_THROW)));
        return name;
    }

    int applyPatch(const std::string&, const Patch& patch) override {
        // Calc's API writes into locked cells of a protected sheet as if there were no protection: check
        // every target first, so a refused patch changes nothing.
        for (const auto& write : patch.writes) {
            const auto area = resolve(write.cell.address);
            Reference<sheet::XSpreadsheet> target = sheetByIndex(area.range.Sheet);
            if (!isProtected(target))
                continue;
            util::CellProtection protection;
            Reference<beans::XPropertySet>(
                target->getCellByPosition(area.range.StartColumn, area.range.StartRow), UNO_QUERY_THROW)
                ->getPropertyValue("CellProtection") >>= protection;
            if (protection.IsLocked)
                throw protectedSheet(area.sheet,
                                     cellAddress(area.sheet, area.range.StartColumn, area.range.StartRow));
        }
        // Live recompute writes outside the undo stack behind XUndoManager::lock(), but Calc keeps only the
        // first write after lock() out of the stack: every later one is recorded (measured on 7.4 with
        // setValue, setString and setFormula), and Ctrl+Z then undoes Jixiao's write instead of the user's
        // edit. So while the caller holds the lock, it is renewed before each write.
        Reference<document::XUndoManagerSupplier> undoSupplier(model_, UNO_QUERY);
        Reference<document::XUndoManager> undo = undoSupplier.is() ? undoSupplier->getUndoManager() : nullptr;
        const bool outsideUndo = undo.is() && undo->isLocked();
        int written = 0;
        for (const auto& write : patch.writes) {
            if (outsideUndo && written > 0) {
                undo->unlock();
                undo->lock();
            }
            Reference<table::XCell> cell = cellAt(write.cell.address);
            if (!write.formula.empty())
                cell->setFormula(fromUtf8(write.formula));
            else if (write.storedNumber) // core/model/cell_kind.hpp: the cell's number format stays
                cell->setValue(write.storedNumber->toDouble());
            else
                Reference<text::XText>(cell, UNO_QUERY_THROW)->setString(fromUtf8(write.text));
            ++written;
        }
        return written;
    }

    std::vector<std::string> paragraphs() override {
        // A report kept in Calc has its prose on a sheet named 报告, one paragraph per cell of column A.
        std::vector<std::string> result;
        Reference<container::XNameAccess> sheets(document_->getSheets(), UNO_QUERY_THROW);
        if (!sheets->hasByName(reportSheetName()))
            return result;
        Reference<sheet::XSpreadsheet> sheet(sheets->getByName(reportSheetName()), UNO_QUERY_THROW);
        Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
        Reference<sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
        const auto end = Reference<sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
        for (sal_Int32 row = 0; row <= end.EndRow; ++row)
            result.push_back(toUtf8(sheet->getCellByPosition(0, row)->getFormula()));
        return result;
    }

    std::string writeSection(const std::string& sectionId,
                             const std::vector<std::string>& paragraphs) override {
        Reference<container::XNameAccess> sheetsByName(document_->getSheets(), UNO_QUERY_THROW);
        if (!sheetsByName->hasByName(reportSheetName()))
            document_->getSheets()->insertNewByName(reportSheetName(), static_cast<sal_Int16>(sheetCount()));
        Reference<sheet::XSpreadsheet> sheet(sheetsByName->getByName(reportSheetName()), UNO_QUERY_THROW);
        const std::string rangeName = "JixiaoSection_" + sanitize(sectionId);
        int firstRow = 0;
        auto ranges = namedRanges();
        std::optional<Area> previous; // the section written before, replaced
        if (Reference<container::XNameAccess>(ranges, UNO_QUERY_THROW)->hasByName(fromUtf8(rangeName))) {
            previous = resolve(rangeName);
            firstRow = previous->range.StartRow;
        } else {
            Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
            Reference<sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
            const auto end =
                Reference<sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
            const bool empty = sheet->getCellByPosition(0, 0)->getFormula().isEmpty() && end.EndRow == 0;
            firstRow = empty ? 0 : end.EndRow + 2;
        }
        // Calc's API writes into a protected sheet as if there were no protection: refuse before any write.
        if (isProtected(sheet))
            throw protectedSheet(toUtf8(reportSheetName()),
                                 cellAddress(toUtf8(reportSheetName()), 0, firstRow));
        if (previous) {
            for (sal_Int32 r = previous->range.StartRow; r <= previous->range.EndRow; ++r)
                sheet->getCellByPosition(0, r)->setFormula("");
            ranges->removeByName(fromUtf8(rangeName));
        }
        for (std::size_t i = 0; i < paragraphs.size(); ++i)
            Reference<text::XText>(sheet->getCellByPosition(0, firstRow + static_cast<int>(i)),
                                   UNO_QUERY_THROW)
                ->setString(fromUtf8(paragraphs[i]));
        const int lastRow = firstRow + std::max(0, static_cast<int>(paragraphs.size()) - 1);
        layOutCalcSection(sheet, firstRow, lastRow); // wrapped, a page wide (calc_section_layout.hpp)
        ranges->addNewByName(fromUtf8(rangeName),
                             fromUtf8("$" + quotedSheetName(toUtf8(reportSheetName())) + ".$A$" +
                                      std::to_string(firstRow + 1) + ":$A$" + std::to_string(lastRow + 1)),
                             table::CellAddress(sheetIndexOf(reportSheetName()), 0, firstRow), 0);
        showCalcSection(model_, sheet, firstRow, lastRow); // the user sees where it went
        return toUtf8(reportSheetName()) + ".A" + std::to_string(firstRow + 1);
    }

    std::optional<std::string> sectionText(const std::string& sectionId) override {
        const std::string rangeName = "JixiaoSection_" + sanitize(sectionId);
        if (!Reference<container::XNameAccess>(namedRanges(), UNO_QUERY_THROW)
                 ->hasByName(fromUtf8(rangeName)))
            return std::nullopt;
        const auto area = resolve(rangeName);
        Reference<sheet::XSpreadsheet> sheet = sheetByIndex(area.range.Sheet);
        std::string text;
        for (sal_Int32 r = area.range.StartRow; r <= area.range.EndRow; ++r)
            text +=
                (r == area.range.StartRow ? "" : "\n") + toUtf8(sheet->getCellByPosition(0, r)->getFormula());
        return text;
    }

    void select(const Location& location) override {
        Reference<view::XSelectionSupplier> selection(model_->getCurrentController(), UNO_QUERY);
        if (!selection.is() || location.kind != Location::Kind::Cell)
            return;
        selection->select(uno::Any(Reference<table::XCellRange>(cellAt(location.cell), UNO_QUERY_THROW)));
    }

private:
    static OUString reportSheetName() { return fromUtf8("报告"); }

    static bool isProtected(const Reference<sheet::XSpreadsheet>& sheet) {
        Reference<util::XProtectable> protectable(sheet, UNO_QUERY);
        return protectable.is() && protectable->isProtected();
    }

    static UserError protectedSheet(const std::string& sheet, const std::string& cell) {
        return UserError("error.sheet-protected", {{"sheet", sheet}, {"cell", cell}});
    }

    static std::string sanitize(const std::string& id) {
        std::string out;
        for (char c : id)
            out += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
        return out;
    }

    Reference<sheet::XNamedRanges> namedRanges() {
        return Reference<sheet::XNamedRanges>(
            Reference<beans::XPropertySet>(model_, UNO_QUERY_THROW)->getPropertyValue("NamedRanges"),
            UNO_QUERY_THROW);
    }

    std::vector<std::string> jixiaoRanges() {
        std::vector<std::string> names;
        Reference<container::XNameAccess> ranges(namedRanges(), UNO_QUERY_THROW);
        for (const auto& name : ranges->getElementNames())
            if (name.startsWith("JixiaoScore") || name.startsWith("JixiaoFunding"))
                names.push_back(toUtf8(name));
        return names;
    }

    std::string uniqueRangeName(const std::string& stem) {
        Reference<container::XNameAccess> ranges(namedRanges(), UNO_QUERY_THROW);
        for (int i = 1;; ++i) {
            std::string name = stem + std::to_string(i);
            if (!ranges->hasByName(fromUtf8(name)))
                return name;
        }
    }

    sal_Int32 sheetCount() {
        return Reference<container::XIndexAccess>(document_->getSheets(), UNO_QUERY_THROW)->getCount();
    }

    std::string sheetName(sal_Int32 index) {
        Reference<container::XIndexAccess> sheets(document_->getSheets(), UNO_QUERY_THROW);
        return toUtf8(Reference<container::XNamed>(sheets->getByIndex(index), UNO_QUERY_THROW)->getName());
    }

    sal_Int16 sheetIndexOf(const OUString& name) {
        Reference<container::XIndexAccess> sheets(document_->getSheets(), UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < sheets->getCount(); ++i)
            if (Reference<container::XNamed>(sheets->getByIndex(i), UNO_QUERY_THROW)->getName() == name)
                return static_cast<sal_Int16>(i);
        throw UserError("error.sheet-not-found", {{"name", toUtf8(name)}});
    }

    // A named range of ours or an address "Sheet1.A1:I23".
    Area resolve(const std::string& name) {
        Reference<container::XNameAccess> ranges(namedRanges(), UNO_QUERY_THROW);
        if (ranges->hasByName(fromUtf8(name))) {
            Reference<sheet::XCellRangeReferrer> referrer(ranges->getByName(fromUtf8(name)), UNO_QUERY_THROW);
            const auto range =
                Reference<sheet::XCellRangeAddressable>(referrer->getReferredCells(), UNO_QUERY_THROW)
                    ->getRangeAddress();
            return {sheetName(range.Sheet), range};
        }
        const auto dot = name.rfind('.');
        if (dot == std::string::npos)
            throw UserError("error.range-not-found", {{"name", name}});
        const std::string sheet = unquotedSheetName(name.substr(0, dot));
        Reference<container::XNameAccess> sheets(document_->getSheets(), UNO_QUERY_THROW);
        Reference<table::XCellRange> sheetRange(sheets->getByName(fromUtf8(sheet)), UNO_QUERY_THROW);
        Reference<table::XCellRange> area = sheetRange->getCellRangeByName(fromUtf8(name.substr(dot + 1)));
        return {sheet, Reference<sheet::XCellRangeAddressable>(area, UNO_QUERY_THROW)->getRangeAddress()};
    }

    Reference<table::XCell> cellAt(const std::string& address) {
        const auto area = resolve(address);
        Reference<table::XCellRange> sheet(sheetByIndex(area.range.Sheet), UNO_QUERY_THROW);
        return sheet->getCellByPosition(area.range.StartColumn, area.range.StartRow);
    }

    Reference<sheet::XSpreadsheet> sheetByIndex(sal_Int32 index) {
        Reference<container::XIndexAccess> sheets(document_->getSheets(), UNO_QUERY_THROW);
        return Reference<sheet::XSpreadsheet>(sheets->getByIndex(index), UNO_QUERY_THROW);
    }

    Grid readArea(const Area& area) {
        const auto& r = area.range;
        Reference<sheet::XSpreadsheet> sheet = sheetByIndex(r.Sheet);
        const int rows = r.EndRow - r.StartRow + 1;
        const int columns = r.EndColumn - r.StartColumn + 1;
        Grid grid(rows, columns);
        grid.name = cellAddress(area.sheet, r.StartColumn, r.StartRow) + ":" + a1Cell(r.EndColumn, r.EndRow);
        for (int row = 0; row < rows; ++row)
            for (int column = 0; column < columns; ++column) {
                if (grid.at(row, column).covered)
                    continue;
                Reference<table::XCell> cell =
                    sheet->getCellByPosition(r.StartColumn + column, r.StartRow + row);
                Reference<util::XMergeable> mergeable(cell, UNO_QUERY);
                if (mergeable.is() && mergeable->getIsMerged()) {
                    Reference<sheet::XSheetCellCursor> cursor =
                        sheet->createCursorByRange(Reference<sheet::XSheetCellRange>(cell, UNO_QUERY_THROW));
                    cursor->collapseToMergedArea();
                    const auto merged =
                        Reference<sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
                    grid.merge(row, column, std::min(rows - row, merged.EndRow - merged.StartRow + 1),
                               std::min(columns - column, merged.EndColumn - merged.StartColumn + 1));
                }
                auto& anchor = grid.at(row, column);
                anchor.address = cellAddress(area.sheet, r.StartColumn + column, r.StartRow + row);
                anchor.text = toUtf8(Reference<text::XText>(cell, UNO_QUERY_THROW)->getString());
                // A formula is the user's: recompute reports a wrong value instead of overwriting it.
                const auto type = cell->getType();
                if (type == table::CellContentType_FORMULA)
                    anchor.formula = toUtf8(cell->getFormula());
                // What a write must keep (core/model/cell_kind.hpp): a value stays a value, text stays text.
                anchor.kind = type == table::CellContentType_VALUE  ? CellKind::Number
                              : type == table::CellContentType_TEXT ? CellKind::Text
                                                                    : CellKind::Empty;
                // What a typed number holds beside what its format shows (core/check/hidden_decimals.hpp),
                // to Calc's own 15 significant digits.
                if (type == table::CellContentType_VALUE)
                    anchor.stored =
                        toUtf8(rtl::math::doubleToUString(cell->getValue(), rtl_math_StringFormat_Automatic,
                                                          rtl_math_DecimalPlaces_Max, '.', true));
            }
        return grid;
    }

    // Plain numbers go in as values so formulas can use them; everything else as text, never as a formula.
    static void writeValue(const Reference<table::XCell>& cell, const std::string& text) {
        const auto number = parseCellNumber(text);
        if (number.status == CellNumber::Status::Number && number.unit.empty() && !number.percent &&
            toHalfWidth(text) == text) {
            cell->setValue(number.value.toDouble());
            return;
        }
        Reference<text::XText>(cell, UNO_QUERY_THROW)->setString(fromUtf8(text));
    }

    // A table as offices print them: thin lines round every cell, a bold shaded header row (the first row, or
    // the one under a title row merged across the width), a bold title without lines. Texts wrap in every
    // cell (long 指标解释/评价标准/扣分原因 are not cut), and Calc fits each row's height to them.
    static void formatTable(const Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column, sal_Int32 row,
                            const Grid& grid) {
        const bool titled = grid.rows() > 1 && grid.at(0, 0).colSpan == grid.columns();
        const sal_Int32 header = row + (titled ? 1 : 0);
        const sal_Int32 lastColumn = column + grid.columns() - 1;
        const sal_Int32 lastRow = row + grid.rows() - 1;
        Reference<beans::XPropertySet> area(sheet->getCellRangeByPosition(column, row, lastColumn, lastRow),
                                            UNO_QUERY_THROW);
        area->setPropertyValue("IsTextWrapped", uno::Any(true));
        area->setPropertyValue("VertJustify", uno::Any(table::CellVertJustify2::CENTER));
        Reference<beans::XPropertySet> ruled(
            sheet->getCellRangeByPosition(column, header, lastColumn, lastRow), UNO_QUERY_THROW);
        table::BorderLine2 line;
        line.LineStyle = table::BorderLineStyle::SOLID;
        line.OuterLineWidth = kThinLine;
        line.LineWidth = kThinLine;
        for (const char* side : {"TopBorder", "BottomBorder", "LeftBorder", "RightBorder"})
            ruled->setPropertyValue(OUString::createFromAscii(side), uno::Any(line));
        Reference<beans::XPropertySet> heading(
            sheet->getCellRangeByPosition(column, header, lastColumn, header), UNO_QUERY_THROW);
        heading->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
        heading->setPropertyValue("CellBackColor", uno::Any(kHeaderShade));
        heading->setPropertyValue("HoriJustify", uno::Any(table::CellHoriJustify_CENTER));
        if (titled) {
            Reference<beans::XPropertySet> title(sheet->getCellByPosition(column, row), UNO_QUERY_THROW);
            title->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
            title->setPropertyValue("HoriJustify", uno::Any(table::CellHoriJustify_CENTER));
        }
    }

    struct InsertionCell {
        Reference<sheet::XSpreadsheet> sheet;
        sal_Int32 sheetIndex;
        sal_Int32 column;
        sal_Int32 row;
    };

    // The top-left cell of the current selection, or A1 of the first sheet when there is no view.
    InsertionCell insertionCell() {
        Reference<frame::XController> controller = model_->getCurrentController();
        Reference<sheet::XCellRangeAddressable> selected(
            Reference<view::XSelectionSupplier>(controller, UNO_QUERY).is()
                ? Reference<view::XSelectionSupplier>(controller, UNO_QUERY)->getSelection()
                : uno::Any(),
            UNO_QUERY);
        if (selected.is()) {
            const auto range = selected->getRangeAddress();
            return {sheetByIndex(range.Sheet), range.Sheet, range.StartColumn, range.StartRow};
        }
        return {sheetByIndex(0), 0, 0, 0};
    }

    Reference<frame::XModel> model_;
    Reference<sheet::XSpreadsheetDocument> document_;
};

} // namespace

std::unique_ptr<DocumentHost> makeCalcHost(const Reference<frame::XModel>& model) {
    return std::make_unique<CalcHost>(model);
}

} // namespace jixiao::office
