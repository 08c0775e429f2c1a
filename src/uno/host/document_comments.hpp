// A document's comments (批注) as plain data for core/check/finding_comments.hpp, and the two edits a plan
// needs: remove a comment read here, add one at a finding's place. Writer: annotation fields
// (com.sun.star.text.textfield.Annotation) over the text of a table cell or a paragraph; Calc: cell comments
// (XSheetAnnotations) — writer_comments.cpp, calc_comments.cpp. No decision is made here.
#pragma once

#include "core/check/finding_comments.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/DateTime.hpp>

#include <memory>
#include <string>
#include <vector>

namespace jixiao::office {

class DocumentComments {
public:
    virtual ~DocumentComments() = default;
    // Every comment of the document's body (Writer: body paragraphs and table cells; Calc: every sheet).
    virtual std::vector<ExistingComment> read() = 0;
    // Removes the comments at these indexes of the last read().
    virtual void remove(const std::vector<std::size_t>& indexes) = 0;
    // Adds a comment at the wanted place, by `author`, dated now.
    virtual void add(const WantedComment& comment, const std::string& author) = 0;
    // Whether the authors read are the ones written, whatever format the document went through (Calc: no,
    // LibreOffice 7.4 drops them reading .xlsx).
    virtual bool authorsKept() const = 0;
    // Whether a place holds at most one comment (a Calc cell).
    virtual bool oneCommentPerAnchor() const = 0;
    // Throws UserError when a comment to remove or add sits where the document refuses edits (a protected
    // Calc sheet), before anything is changed.
    virtual void checkEditable(const std::vector<std::size_t>& /*remove*/,
                               const std::vector<WantedComment>& /*add*/) {}
};

// Now, as a comment's date (local time).
css::util::DateTime commentDate();

std::unique_ptr<DocumentComments> makeWriterComments(const css::uno::Reference<css::frame::XModel>& model);
std::unique_ptr<DocumentComments>
makeCalcComments(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XModel>& model);
// Throws UserError ("error.not-writer-or-calc") for anything but a Writer or Calc document.
std::unique_ptr<DocumentComments>
makeDocumentComments(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::frame::XModel>& model);

} // namespace jixiao::office
