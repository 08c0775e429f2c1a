#include "uno/host/writer_cell_text.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextRange.hpp>

#include <functional>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using rtl::OUString;

namespace jixiao::office {
namespace {

// Calls `visit(type, portion)` for each portion of the cell's paragraphs, until it returns false. A nested
// table is no paragraph and is skipped: its text is not the cell's value.
void forEachPortion(const Reference<text::XText>& cell,
                    const std::function<bool(const OUString&, const Reference<text::XTextRange>&)>& visit) {
    Reference<container::XEnumerationAccess> paragraphs(cell, UNO_QUERY);
    if (!paragraphs.is())
        return;
    Reference<container::XEnumeration> items = paragraphs->createEnumeration();
    while (items->hasMoreElements()) {
        Reference<lang::XServiceInfo> info(items->nextElement(), UNO_QUERY);
        Reference<container::XEnumerationAccess> portions(info, UNO_QUERY);
        if (!info.is() || !portions.is() || !info->supportsService("com.sun.star.text.Paragraph"))
            continue;
        Reference<container::XEnumeration> parts = portions->createEnumeration();
        while (parts->hasMoreElements()) {
            Reference<beans::XPropertySet> properties(parts->nextElement(), UNO_QUERY);
            Reference<text::XTextRange> portion(properties, UNO_QUERY);
            if (!properties.is() || !portion.is())
                continue;
            OUString type;
            properties->getPropertyValue("TextPortionType") >>= type;
            if (!visit(type, portion))
                return;
        }
    }
}

} // namespace

CellContent cellContent(const Reference<text::XText>& cell) {
    bool anchored = false;
    bool redline = false;
    forEachPortion(cell, [&](const OUString& type, const Reference<text::XTextRange>&) {
        if (type == "Redline")
            redline = true;
        else if (type != "Text" && type != "SoftPageBreak")
            anchored = true;
        return !(anchored && redline);
    });
    if (!anchored)
        return CellContent::PlainText;
    return redline ? CellContent::AnchoredWithTrackedChanges : CellContent::Anchored;
}

void replacePlainText(const Reference<text::XText>& cell, const OUString& text) {
    bool written = false;
    forEachPortion(cell, [&](const OUString& type, const Reference<text::XTextRange>& portion) {
        if (type == "Text") {
            portion->setString(written ? OUString() : text);
            written = true;
        }
        return true;
    });
    if (!written)
        cell->insertString(cell->getEnd(), text, false);
}

} // namespace jixiao::office
