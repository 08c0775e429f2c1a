#include "uno/host/writer_cursor.hpp"

#include "uno/base/ustring.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextViewCursor.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace jixiao::office {

CursorPlace cursorPlace(const Reference<frame::XController>& view) {
    Reference<text::XTextViewCursorSupplier> views(view, UNO_QUERY);
    Reference<view::XSelectionSupplier> selection(view, UNO_QUERY);
    if (!views.is() || !selection.is())
        return {};
    // A shape, frame or picture selected, or cells selected as cells: a key acts on them, not on one cell's
    // text.
    Reference<lang::XServiceInfo> selected(selection->getSelection(), UNO_QUERY);
    if (!selected.is() || !selected->supportsService("com.sun.star.text.TextRanges"))
        return {};
    Reference<text::XTextViewCursor> cursor = views->getViewCursor();
    Reference<beans::XPropertySet> properties(cursor, UNO_QUERY);
    // Typing over a selection may delete across cells; only a collapsed cursor is one place.
    if (!cursor.is() || !cursor->isCollapsed() || !properties.is() ||
        !properties->getPropertySetInfo()->hasPropertyByName("Cell"))
        return {};
    Reference<beans::XPropertySet> cell(properties->getPropertyValue("Cell"), UNO_QUERY);
    if (!cell.is())
        return {CursorPlace::Kind::OutsideTables, {}, {}};
    Reference<container::XNamed> table(properties->getPropertyValue("TextTable"), UNO_QUERY);
    OUString name;
    if (!table.is() || !(cell->getPropertyValue("CellName") >>= name))
        return {};
    return {CursorPlace::Kind::InCell, toUtf8(table->getName()), toUtf8(name)};
}

} // namespace jixiao::office
