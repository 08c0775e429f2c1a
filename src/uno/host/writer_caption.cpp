#include "uno/host/writer_caption.hpp"

#include "core/text/fingerprint.hpp"
#include "uno/base/undo_context.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/caption_mark.hpp"

#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

// The paragraph just before the named table in the body text; empty when the table is not in the body or
// nothing but a table precedes it.
Reference<text::XTextRange> paragraphAbove(const Reference<frame::XModel>& model,
                                           const std::string& tableName) {
    Reference<text::XTextDocument> document(model, UNO_QUERY);
    if (!document.is())
        return {};
    Reference<container::XEnumeration> elements =
        Reference<container::XEnumerationAccess>(document->getText(), UNO_QUERY_THROW)->createEnumeration();
    const OUString name = fromUtf8(tableName);
    Reference<text::XTextRange> previous;
    while (elements->hasMoreElements()) {
        Reference<uno::XInterface> element(elements->nextElement(), UNO_QUERY);
        Reference<text::XTextTable> table(element, UNO_QUERY);
        if (table.is()) {
            if (Reference<container::XNamed>(table, UNO_QUERY_THROW)->getName() == name)
                return previous;
            previous.clear();
            continue;
        }
        Reference<lang::XServiceInfo> info(element, UNO_QUERY);
        previous = info.is() && info->supportsService("com.sun.star.text.Paragraph")
                       ? Reference<text::XTextRange>(element, UNO_QUERY)
                       : Reference<text::XTextRange>();
    }
    return {};
}

Reference<container::XNameAccess> bookmarks(const Reference<frame::XModel>& model) {
    Reference<text::XBookmarksSupplier> supplier(model, UNO_QUERY);
    return supplier.is() ? supplier->getBookmarks() : Reference<container::XNameAccess>();
}

// A name no bookmark has yet: the fingerprint of the text and a number (two tables may have one caption).
OUString freshName(const Reference<container::XNameAccess>& existing, const std::string& text) {
    for (int n = 1;; ++n) {
        const OUString name = fromUtf8(captionMarkName(text, n));
        if (!existing.is() || !existing->hasByName(name))
            return name;
    }
}

// The whole paragraph the range lies in: an edit anywhere in it (an appendix number changed, a word typed
// after the caption) makes the caption the user's.
std::string paragraphText(const Reference<text::XTextRange>& range) {
    Reference<text::XTextCursor> cursor = range->getText()->createTextCursorByRange(range->getStart());
    Reference<text::XParagraphCursor> paragraph(cursor, UNO_QUERY_THROW);
    paragraph->gotoStartOfParagraph(false);
    paragraph->gotoEndOfParagraph(true);
    return toUtf8(cursor->getString());
}

// Marks `range` (within one paragraph) as Jixiao's caption, with the fingerprint of its paragraph's text.
void insertMark(const Reference<frame::XModel>& model, const Reference<text::XTextCursor>& range) {
    const std::string text = paragraphText(Reference<text::XTextRange>(range, UNO_QUERY_THROW));
    Reference<text::XTextContent> bookmark(Reference<lang::XMultiServiceFactory>(model, UNO_QUERY_THROW)
                                               ->createInstance("com.sun.star.text.Bookmark"),
                                           UNO_QUERY_THROW);
    Reference<container::XNamed>(bookmark, UNO_QUERY_THROW)->setName(freshName(bookmarks(model), text));
    range->getText()->insertTextContent(Reference<text::XTextRange>(range, UNO_QUERY_THROW), bookmark, true);
}

} // namespace

void markTableCaption(const Reference<frame::XModel>& model, const std::string& tableName,
                      const std::string& caption) {
    const Reference<text::XTextRange> paragraph = paragraphAbove(model, tableName);
    if (!paragraph.is() || caption.empty())
        return;
    const OUString wanted = fromUtf8(caption);
    const sal_Int32 at = paragraph->getString().indexOf(wanted);
    if (at < 0)
        return;
    Reference<text::XTextCursor> cursor =
        paragraph->getText()->createTextCursorByRange(paragraph->getStart());
    cursor->goRight(static_cast<sal_Int16>(at), false);
    cursor->goRight(static_cast<sal_Int16>(wanted.getLength()), true);
    insertMark(model, cursor);
}

int refreshTableCaptions(const Reference<frame::XModel>& model, const std::string& caption,
                         const std::string& undoTitle, UndoStep step) {
    const Reference<container::XNameAccess> marks = bookmarks(model);
    if (!marks.is() || caption.empty())
        return 0;
    // Jixiao's captions the user left as they were and that now read differently.
    std::vector<Reference<text::XTextContent>> stale;
    for (const OUString& name : marks->getElementNames()) {
        const std::string fingerprint = captionMarkFingerprint(name);
        if (fingerprint.empty())
            continue;
        Reference<text::XTextContent> mark(marks->getByName(name), UNO_QUERY);
        if (!mark.is())
            continue;
        const Reference<text::XTextRange> anchor = mark->getAnchor();
        if (textFingerprint(paragraphText(anchor)) == fingerprint && toUtf8(anchor->getString()) != caption)
            stale.push_back(mark);
    }
    if (stale.empty())
        return 0;
    UndoContext undo(model, fromUtf8(undoTitle), step);
    for (const auto& mark : stale) {
        const Reference<text::XTextRange> anchor = mark->getAnchor();
        const Reference<text::XText> text = anchor->getText();
        Reference<text::XTextCursor> cursor = text->createTextCursorByRange(anchor);
        text->removeTextContent(mark);
        cursor->setString(fromUtf8(caption)); // the cursor then spans the new text, in the old one's format
        insertMark(model, cursor);
    }
    return static_cast<int>(stale.size());
}

} // namespace jixiao::office
