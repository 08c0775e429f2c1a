#include "uno/host/calc_score_marks.hpp"

#include "uno/base/ustring.hpp"

#include "core/text/a1.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XCellRange.hpp>

#include <iterator>

using namespace css;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

bool hasCellStyle(const Reference<frame::XModel>& model, const OUString& name) {
    Reference<style::XStyleFamiliesSupplier> families(model, UNO_QUERY);
    if (!families.is() || !families->getStyleFamilies()->hasByName("CellStyles"))
        return false;
    Reference<container::XNameAccess> styles(families->getStyleFamilies()->getByName("CellStyles"),
                                             UNO_QUERY_THROW);
    return styles->hasByName(name);
}

beans::PropertyValue property(const char* name, const Any& value) {
    beans::PropertyValue result;
    result.Name = OUString::createFromAscii(name);
    result.Value = value;
    return result;
}

} // namespace

int markBadScores(const Reference<frame::XModel>& model, const Scorecard& placed) {
    const OUString style = OUString::createFromAscii(kBadScoreStyle);
    if (!hasCellStyle(model, style))
        return 0;
    Reference<container::XNameAccess> sheets(
        Reference<sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets(), UNO_QUERY_THROW);
    int marked = 0;
    forEachLeaf(placed, [&](const Indicator& leaf) {
        const auto score = parseSheetCell(leaf.cells.score.address);
        const auto weight = parseSheetCell(leaf.cells.weight.address);
        if (!score || !weight || score->sheet != weight->sheet || !sheets->hasByName(fromUtf8(score->sheet)))
            return;
        Reference<sheet::XSpreadsheet> sheet(sheets->getByName(fromUtf8(score->sheet)), UNO_QUERY_THROW);
        Reference<beans::XPropertySet> cell(
            sheet->getCellRangeByPosition(score->column, score->row, score->column, score->row),
            UNO_QUERY_THROW);
        Reference<sheet::XSheetConditionalEntries> entries(cell->getPropertyValue("ConditionalFormat"),
                                                           UNO_QUERY_THROW);
        // NOT_BETWEEN 0 and the weight (an absolute reference): an empty cell counts as 0 and stays unmarked.
        const beans::PropertyValue entry[] = {
            property("Operator", Any(sheet::ConditionOperator_NOT_BETWEEN)),
            property("Formula1", Any(OUString("0"))),
            property("Formula2", Any(fromUtf8(a1Cell(weight->column, weight->row, true, true)))),
            property("StyleName", Any(style))};
        entries->addNew(uno::Sequence<beans::PropertyValue>(entry, std::size(entry)));
        cell->setPropertyValue("ConditionalFormat", Any(entries));
        ++marked;
    });
    return marked;
}

} // namespace jixiao::office
