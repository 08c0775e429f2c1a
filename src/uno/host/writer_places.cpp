#include "uno/host/writer_places.hpp"

#include "uno/base/ustring.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/style/BreakType.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

OUString nameOf(const Reference<uno::XInterface>& content) {
    Reference<container::XNamed> named(content, UNO_QUERY);
    return named.is() ? named->getName() : OUString();
}

// Whether `text` holds, as one of its own elements (not deeper), the table named `name`.
bool holdsTable(const Reference<uno::XInterface>& text, const OUString& name) {
    Reference<container::XEnumerationAccess> elements(text, UNO_QUERY);
    if (!elements.is())
        return false;
    Reference<container::XEnumeration> items = elements->createEnumeration();
    while (items->hasMoreElements()) {
        Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
        if (item.is() && item->supportsService("com.sun.star.text.TextTable") && nameOf(item) == name)
            return true;
    }
    return false;
}

// The table one of whose cells holds the table named `name`; empty when no cell does. A table's anchor does
// not say which text holds it (XTextRange::getText of a table's anchor is empty in LibreOffice 7.4), so the
// cells of the document's tables are looked through; this runs only for a table inside another one.
Reference<text::XTextContent> tableHolding(const Reference<frame::XModel>& model, const OUString& name) {
    Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY_THROW);
    Reference<container::XIndexAccess> tables(supplier->getTextTables(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < tables->getCount(); ++i) {
        Reference<text::XTextTable> table(tables->getByIndex(i), UNO_QUERY);
        if (!table.is() || nameOf(table) == name)
            continue;
        for (const auto& cell : table->getCellNames())
            if (holdsTable(table->getCellByName(cell), name))
                return Reference<text::XTextContent>(table, UNO_QUERY);
    }
    return {};
}

// The body's items, enumerated up to and including the table named `name`: the next element is what follows
// that table. Empty when the body holds no such table.
Reference<container::XEnumeration> itemsAfterTable(const Reference<text::XText>& body, const OUString& name) {
    Reference<container::XEnumeration> items =
        Reference<container::XEnumerationAccess>(body, UNO_QUERY_THROW)->createEnumeration();
    while (items->hasMoreElements()) {
        Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
        if (item.is() && item->supportsService("com.sun.star.text.TextTable") && nameOf(item) == name)
            return items;
    }
    return {};
}

// The next item of `items`; empty at the end.
uno::Any nextItem(const Reference<container::XEnumeration>& items) {
    return items->hasMoreElements() ? items->nextElement() : uno::Any();
}

// The two body paragraphs right after the table named `name` (empty where there are none).
std::pair<Reference<beans::XPropertySet>, Reference<beans::XPropertySet>>
twoAfter(const Reference<text::XText>& body, const OUString& name) {
    const Reference<container::XEnumeration> items = itemsAfterTable(body, name);
    if (!items.is())
        return {};
    Reference<beans::XPropertySet> first(nextItem(items), UNO_QUERY);
    Reference<beans::XPropertySet> second(nextItem(items), UNO_QUERY);
    return {first, second};
}

} // namespace

Reference<text::XTextContent> tableAround(const Reference<text::XTextRange>& where) {
    Reference<beans::XPropertySet> place(where->getText()->createTextCursorByRange(where), UNO_QUERY);
    Reference<text::XTextContent> table;
    if (place.is() && place->getPropertySetInfo()->hasPropertyByName("TextTable"))
        place->getPropertyValue("TextTable") >>= table;
    return table;
}

Reference<text::XTextContent> outermostBodyTable(const Reference<frame::XModel>& model,
                                                 const Reference<text::XTextContent>& table) {
    const Reference<text::XText> body = Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText();
    Reference<text::XTextContent> current = table;
    // Each step goes one table out; a document nests tables a few levels at most, the bound only guards a
    // loop.
    for (int depth = 0; depth < 64 && current.is(); ++depth) {
        const OUString name = nameOf(current);
        if (holdsTable(body, name))
            return current;
        current = tableHolding(model, name);
    }
    throw NoPlaceAfterTable("the table around the cursor is not in the body text");
}

Reference<text::XTextRange> newParagraphAfter(const Reference<frame::XModel>& model,
                                              const Reference<text::XTextContent>& table) {
    Reference<text::XText> body = Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText();
    const OUString name = nameOf(table);
    const Reference<container::XEnumeration> items = itemsAfterTable(body, name);
    Reference<lang::XServiceInfo> next(items.is() ? nextItem(items) : uno::Any(), UNO_QUERY);
    // Writer keeps a paragraph after a body table unless another table follows directly; there the body
    // offers no text position between the two. (XRelativeTextContentInsert::insertTextContentAfter would
    // make one, but the paragraph it attaches is disposed in LibreOffice 7.4.)
    if (!next.is() || !next->supportsService("com.sun.star.text.Paragraph"))
        throw NoPlaceAfterTable("no paragraph after the table");
    // A break at the start of the following paragraph: the empty paragraph before it is the new one.
    // Writer gives it the following paragraph's attributes, its page break too; the break goes back where
    // it was, and the new paragraph starts as a plain body paragraph, not as a heading that may follow
    // the table.
    Reference<beans::XPropertySet> following(next, UNO_QUERY_THROW);
    const uno::Any breakType = following->getPropertyValue("BreakType");
    const uno::Any pageStyle = following->getPropertyValue("PageDescName");
    const uno::Any pageNumber = following->getPropertyValue("PageNumberOffset");
    Reference<text::XTextCursor> cursor =
        body->createTextCursorByRange(Reference<text::XTextRange>(next, UNO_QUERY_THROW)->getStart());
    body->insertControlCharacter(cursor.get(), text::ControlCharacter::PARAGRAPH_BREAK, false);
    const auto [added, after] = twoAfter(body, name);
    if (!added.is() || !after.is())
        throw NoPlaceAfterTable("no paragraph after the table");
    // (XPropertyState::setPropertyToDefault leaves a paragraph's break as it is: set "none" explicitly.)
    added->setPropertyValue("BreakType", uno::Any(style::BreakType_NONE));
    added->setPropertyValue("ParaStyleName", uno::Any(OUString("Standard")));
    after->setPropertyValue("BreakType", breakType);
    if (OUString style; (pageStyle >>= style) && !style.isEmpty()) {
        added->setPropertyValue("PageDescName", uno::Any(OUString())); // empty: no page style of its own
        after->setPropertyValue("PageDescName", pageStyle);
        after->setPropertyValue("PageNumberOffset", pageNumber);
    }
    return Reference<text::XTextRange>(added, UNO_QUERY_THROW)->getStart();
}

Reference<text::XTextRange> placeOutsideTables(const Reference<frame::XModel>& model,
                                               const Reference<text::XTextRange>& where) {
    const auto table = tableAround(where);
    if (!table.is())
        return where;
    return newParagraphAfter(model, outermostBodyTable(model, table));
}

} // namespace jixiao::office
