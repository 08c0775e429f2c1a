// Where Jixiao puts new content in a Writer document when the cursor is in a table cell. A table or a section
// never goes inside a cell: it goes into a new paragraph right after the outermost table around the cursor,
// in the body text. A table that is not in the body (in a frame, a header, a footnote) offers no such place.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextRange.hpp>

#include <stdexcept>

namespace jixiao::office {

// Thrown when the cursor is in a table that is not in the body text, or that another table follows directly:
// callers tell the user where new content can go.
struct NoPlaceAfterTable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The innermost table holding `where`; empty when `where` is in no table cell.
css::uno::Reference<css::text::XTextContent>
tableAround(const css::uno::Reference<css::text::XTextRange>& where);

// The table of the body text that holds `table`, itself or through cells of nested tables. Throws
// NoPlaceAfterTable when none does (the table is in a frame, a header or a footnote).
css::uno::Reference<css::text::XTextContent>
outermostBodyTable(const css::uno::Reference<css::frame::XModel>& model,
                   const css::uno::Reference<css::text::XTextContent>& table);

// Inserts an empty body paragraph right after `table`, a table of the body text, and returns its start: a
// paragraph break in the document, so it is part of the caller's undo step. Throws NoPlaceAfterTable when
// another table follows directly (the body has no text position between them).
css::uno::Reference<css::text::XTextRange>
newParagraphAfter(const css::uno::Reference<css::frame::XModel>& model,
                  const css::uno::Reference<css::text::XTextContent>& table);

// `where` itself when it is not in a table cell; else a new paragraph after the outermost table around it
// (see above). Throws NoPlaceAfterTable as outermostBodyTable does.
css::uno::Reference<css::text::XTextRange>
placeOutsideTables(const css::uno::Reference<css::frame::XModel>& model,
                   const css::uno::Reference<css::text::XTextRange>& where);

} // namespace jixiao::office
