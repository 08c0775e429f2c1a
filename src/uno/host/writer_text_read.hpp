// Reading Writer text portion by portion instead of with XTextRange::getString. Writer answers getString on a
// paragraph or a cell by exporting it through its plain-text filter inside an action of the whole view; with
// a window, the end of that action formats and shows the cursor again for every paragraph or cell read. A
// text portion's getString copies its paragraph's expanded text directly (fields show their value, a
// footnote anchor its number, a bookmark, comment or frame nothing), which is what the export gives too.
#pragma once

#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <rtl/ustrbuf.hxx>
#include <rtl/ustring.hxx>

namespace jixiao::office {

// Appends the text of `paragraph`'s portions to `out`. With `skipDeletions`, text inside a tracked deletion
// is left out; `deleting` says whether the walk is inside one, carried from paragraph to paragraph (a
// deletion can span a paragraph break). `checked`, when given, is set false when a portion is of a type whose
// text was not checked to read as getString gives it (tests/uno/test_paragraph_read.py); its text is appended
// all the same.
void appendPortionText(const css::uno::Reference<css::container::XEnumerationAccess>& paragraph,
                       bool skipDeletions, bool& deleting, rtl::OUStringBuffer& out, bool* checked = nullptr);

// True when `text` holds a character below U+0020 other than a tab or a line break: the placeholder of a
// form field (U+0006 for a check box) or of an anchored object that a portion's getString keeps and the
// paragraph's or cell's getString leaves out.
bool holdsPlaceholderCharacter(const rtl::OUString& text);

// The paragraph's text as getString gives it (tracked deletions included), read portion by portion; read with
// getString when a portion is of a type not checked, holds a placeholder character, or the paragraph has no
// portions to walk.
rtl::OUString paragraphText(const css::uno::Reference<css::text::XTextRange>& paragraph);

} // namespace jixiao::office
