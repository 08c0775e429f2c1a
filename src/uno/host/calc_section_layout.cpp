#include "uno/host/calc_section_layout.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {
// 17 cm, in 1/100 mm: an A4 page's text width, so a paragraph reads as it would printed.
constexpr sal_Int32 kProseColumnWidth = 17000;
} // namespace

void layOutCalcSection(const Reference<sheet::XSpreadsheet>& sheet, int firstRow, int lastRow) {
    Reference<beans::XPropertySet> column(
        Reference<table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns()->getByIndex(0),
        UNO_QUERY_THROW);
    sal_Int32 width = 0;
    column->getPropertyValue("Width") >>= width;
    if (width < kProseColumnWidth)
        column->setPropertyValue("Width", uno::Any(kProseColumnWidth));

    Reference<table::XCellRange> cells = sheet->getCellRangeByPosition(0, firstRow, 0, lastRow);
    Reference<beans::XPropertySet> properties(cells, UNO_QUERY_THROW);
    properties->setPropertyValue("IsTextWrapped", uno::Any(true));
    properties->setPropertyValue("VertJustify", uno::Any(table::CellVertJustify2::TOP));
    // After the wrap: each row as high as its wrapped paragraph.
    Reference<beans::XPropertySet>(Reference<table::XColumnRowRange>(cells, UNO_QUERY_THROW)->getRows(),
                                   UNO_QUERY_THROW)
        ->setPropertyValue("OptimalHeight", uno::Any(true));
}

void showCalcSection(const Reference<frame::XModel>& model, const Reference<sheet::XSpreadsheet>& sheet,
                     int firstRow, int lastRow) {
    Reference<sheet::XSpreadsheetView> view(model->getCurrentController(), UNO_QUERY);
    if (!view.is())
        return;
    view->setActiveSheet(sheet);
    Reference<view::XSelectionSupplier>(view, UNO_QUERY_THROW)
        ->select(uno::Any(sheet->getCellRangeByPosition(0, firstRow, 0, lastRow)));
}

} // namespace jixiao::office
