#include "uno/host/writer_text_read.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace jixiao::office {
namespace {

// The portion types whose getString was compared with the paragraph's getString in a real office
// (tests/uno/test_paragraph_read.py): plain text (tabs, line breaks, soft hyphens, hidden text), fields
// (page numbers, dates, document information, cross-references, input and placeholder fields), footnote and
// endnote anchors, comments and their ranges, bookmarks, reference marks, index marks, frames and shapes
// anchored as characters, ruby, tracked changes, Word's fields (field marks) and content controls.
// A type not listed makes the paragraph read with getString: a newer office's, and a form field without
// text (TextFieldStartEnd: a check box or drop-down), whose portion holds its placeholder character (U+0006)
// where getString gives nothing.
constexpr const char* kCheckedTypes[] = {
    "Text",           "TextField",        "Footnote",          "Annotation",   "AnnotationEnd",
    "Bookmark",       "ReferenceMark",    "DocumentIndexMark", "Frame",        "Ruby",
    "Redline",        "SoftPageBreak",    "TextFieldStart",    "TextFieldEnd", "TextFieldSeparator",
    "ContentControl", "InContentMetadata"};

bool checkedType(const OUString& type) {
    for (const char* checked : kCheckedTypes)
        if (type.equalsAscii(checked))
            return true;
    return false;
}

} // namespace

void appendPortionText(const Reference<container::XEnumerationAccess>& paragraph, bool skipDeletions,
                       bool& deleting, rtl::OUStringBuffer& out, bool* checked) {
    Reference<container::XEnumeration> parts = paragraph->createEnumeration();
    while (parts->hasMoreElements()) {
        Reference<beans::XPropertySet> portion(parts->nextElement(), UNO_QUERY);
        if (!portion.is())
            continue;
        OUString type;
        if (skipDeletions || checked != nullptr) // a property read per portion only when it is needed
            portion->getPropertyValue("TextPortionType") >>= type;
        if (checked != nullptr && !checkedType(type))
            *checked = false;
        if (skipDeletions && type == "Redline") {
            OUString redline;
            portion->getPropertyValue("RedlineType") >>= redline;
            if (redline == "Delete") {
                bool start = false;
                portion->getPropertyValue("IsStart") >>= start;
                deleting = start;
            }
            continue;
        }
        if (!deleting)
            out.append(Reference<text::XTextRange>(portion, UNO_QUERY_THROW)->getString());
    }
}

bool holdsPlaceholderCharacter(const OUString& text) {
    for (sal_Int32 i = 0; i < text.getLength(); ++i)
        if (text[i] < 0x20 && text[i] != '\t' && text[i] != '\n')
            return true;
    return false;
}

OUString paragraphText(const Reference<text::XTextRange>& paragraph) {
    Reference<container::XEnumerationAccess> portions(paragraph, UNO_QUERY);
    if (!portions.is())
        return paragraph->getString();
    rtl::OUStringBuffer text;
    bool deleting = false;
    bool checked = true;
    appendPortionText(portions, false, deleting, text, &checked);
    OUString read = text.makeStringAndClear();
    if (!checked || holdsPlaceholderCharacter(read))
        return paragraph->getString();
    return read;
}

} // namespace jixiao::office
