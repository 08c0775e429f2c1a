#include "uno/host/calc_caption.hpp"

#include "core/text/a1.hpp"
#include "core/text/fingerprint.hpp"
#include "uno/base/undo_context.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/caption_mark.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>

#include <optional>
#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

Reference<sheet::XNamedRanges> namedRanges(const Reference<frame::XModel>& model) {
    Reference<beans::XPropertySet> properties(model, UNO_QUERY);
    if (!properties.is() || !Reference<sheet::XSpreadsheetDocument>(model, UNO_QUERY).is())
        return {};
    return Reference<sheet::XNamedRanges>(properties->getPropertyValue("NamedRanges"), UNO_QUERY);
}

// The top-left cell a named range refers to, with its address; nothing for a name that holds no cells.
struct NamedCell {
    Reference<table::XCell> cell;
    table::CellRangeAddress address;
};

std::optional<NamedCell> namedCell(const Reference<sheet::XNamedRanges>& ranges, const OUString& name) {
    Reference<sheet::XCellRangeReferrer> referrer(ranges->getByName(name), UNO_QUERY);
    if (!referrer.is())
        return std::nullopt;
    Reference<sheet::XCellRangeAddressable> cells(referrer->getReferredCells(), UNO_QUERY);
    if (!cells.is())
        return std::nullopt;
    NamedCell found{nullptr, cells->getRangeAddress()};
    found.cell = Reference<table::XCellRange>(cells, UNO_QUERY_THROW)->getCellByPosition(0, 0);
    return found;
}

std::string cellText(const Reference<table::XCell>& cell) {
    return toUtf8(Reference<text::XText>(cell, UNO_QUERY_THROW)->getString());
}

std::string sheetName(const Reference<frame::XModel>& model, sal_Int32 index) {
    Reference<container::XIndexAccess> sheets(
        Reference<sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets(), UNO_QUERY_THROW);
    return toUtf8(Reference<container::XNamed>(sheets->getByIndex(index), UNO_QUERY_THROW)->getName());
}

// Names the cell as Jixiao's title, with the fingerprint of the text it holds now.
void addMark(const Reference<frame::XModel>& model, const Reference<sheet::XNamedRanges>& ranges,
             const NamedCell& title) {
    const std::string text = cellText(title.cell);
    OUString name;
    for (int n = 1;; ++n) {
        name = fromUtf8(captionMarkName(text, n));
        if (!ranges->hasByName(name))
            break;
    }
    const auto& at = title.address;
    ranges->addNewByName(name,
                         fromUtf8("$" + quotedSheetName(sheetName(model, at.Sheet)) + "." +
                                  a1Cell(at.StartColumn, at.StartRow, true, true)),
                         table::CellAddress(at.Sheet, at.StartColumn, at.StartRow), 0);
}

} // namespace

void markCalcTableCaption(const Reference<frame::XModel>& model, const std::string& tableName,
                          const std::string& caption) {
    const Reference<sheet::XNamedRanges> ranges = namedRanges(model);
    if (!ranges.is() || caption.empty() || !ranges->hasByName(fromUtf8(tableName)))
        return;
    const auto title = namedCell(ranges, fromUtf8(tableName));
    if (title && cellText(title->cell) == caption)
        addMark(model, ranges, *title);
}

int refreshCalcTableCaptions(const Reference<frame::XModel>& model, const std::string& caption,
                             const std::string& undoTitle, UndoStep step) {
    const Reference<sheet::XNamedRanges> ranges = namedRanges(model);
    if (!ranges.is() || caption.empty())
        return 0;
    // Jixiao's titles the user left as they were and that now read differently.
    std::vector<std::pair<OUString, NamedCell>> stale;
    for (const OUString& name : ranges->getElementNames()) {
        const std::string fingerprint = captionMarkFingerprint(name);
        if (fingerprint.empty())
            continue;
        const auto title = namedCell(ranges, name);
        if (!title)
            continue;
        const std::string text = cellText(title->cell);
        if (textFingerprint(text) == fingerprint && text != caption)
            stale.emplace_back(name, *title);
    }
    if (stale.empty())
        return 0;
    UndoContext undo(model, fromUtf8(undoTitle), step);
    for (const auto& [name, title] : stale) {
        ranges->removeByName(name);
        Reference<text::XText>(title.cell, UNO_QUERY_THROW)->setString(fromUtf8(caption)); // format kept
        addMark(model, ranges, title);
    }
    return static_cast<int>(stale.size());
}

} // namespace jixiao::office
