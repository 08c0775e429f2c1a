// Rewriting the text of a Writer table cell without losing what is anchored in it. XText::setString and
// XCell::setValue replace the cell's whole text, and with it a comment (批注) a reviewer anchored in the
// cell, a bookmark or a field: recompute rewriting a derived cell (扣分, 小计, 合计) must keep them.
#pragma once

#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <rtl/ustring.hxx>

namespace jixiao::office {

// What a write into the cell must keep. Anchored: the cell's paragraphs hold something besides plain text —
// a comment, a bookmark, a field, a footnote, a frame — that a whole-text write would delete. Anchored with
// tracked changes: the same in a cell holding tracked changes, whose text portions may be deleted text still
// shown; no write can keep both apart. A cell with tracked changes and nothing anchored is plain text: its
// text is written whole.
enum class CellContent { PlainText, Anchored, AnchoredWithTrackedChanges };
CellContent cellContent(const css::uno::Reference<css::text::XText>& cell);

// Replaces the plain text of the cell with `text` and leaves every other portion where it is: the first
// text portion takes `text`, later ones are emptied; a cell with no text portion gets `text` at its end.
void replacePlainText(const css::uno::Reference<css::text::XText>& cell, const rtl::OUString& text);

} // namespace jixiao::office
