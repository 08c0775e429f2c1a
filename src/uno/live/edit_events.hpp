// Which of a document's modify events are edits. LibreOffice also tells its modify listeners of changes
// nobody made to the content and leaves the document unmodified after them: Writer's idle update of the
// document statistics on a document just opened with a view, the end of an import. Counted as edits they
// would start a live run that rewrites cells of a document the user only opened (and so marks it modified:
// a save prompt on close), and would make the prose's findings stale (the deck's "正文未校验") right after
// the open-time validation. An event is an edit when the document is modified after it, or was before it
// (the one that ends a modified state — a save, an undo back to the saved state — still counts, as it may
// have changed the content).
#pragma once

#include <com/sun/star/lang/EventObject.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XInterface.hpp>

#include <atomic>

namespace jixiao::office {

class EditEvents {
public:
    // `document`: the model whose events are judged (its modified state now is the starting point).
    explicit EditEvents(const css::uno::Reference<css::uno::XInterface>& document);

    // Whether the modify event `event` of the document may have changed its content.
    bool isEdit(const css::lang::EventObject& event);

private:
    std::atomic<bool> wasModified_;
};

} // namespace jixiao::office
