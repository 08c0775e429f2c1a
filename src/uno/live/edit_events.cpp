#include "uno/live/edit_events.hpp"

#include "uno/base/log.hpp"

#include <com/sun/star/document/XDocumentEventBroadcaster.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <cppuhelper/implbase1.hxx>

using namespace css;

namespace jixiao::office {
namespace {

// A document that cannot say (not modifiable, or gone) counts as modified: its events stay edits.
bool isModified(const uno::Reference<uno::XInterface>& document) {
    try {
        const uno::Reference<util::XModifiable> modifiable(document, uno::UNO_QUERY);
        return !modifiable.is() || modifiable->isModified();
    } catch (const uno::RuntimeException&) {
        return true;
    }
}

// Tells EditEvents when a save is under way: from OnSave to OnSaveDone (or Failed). In between, the office
// stores the document, and Writer sends modify events while it does (six for the sample report on 7.4, the
// document still modified) before the one that marks it unmodified.
class SaveWatch : public cppu::WeakImplHelper1<document::XDocumentEventListener> {
public:
    explicit SaveWatch(std::shared_ptr<std::atomic<bool>> saving) : saving_(std::move(saving)) {}

    void SAL_CALL documentEventOccured(const document::DocumentEvent& event) override {
        if (event.EventName == "OnSave" || event.EventName == "OnSaveAs")
            *saving_ = true;
        else if (event.EventName == "OnSaveDone" || event.EventName == "OnSaveAsDone" ||
                 event.EventName == "OnSaveFailed" || event.EventName == "OnSaveAsFailed")
            *saving_ = false;
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}

private:
    std::shared_ptr<std::atomic<bool>> saving_;
};

} // namespace

EditEvents::EditEvents(const uno::Reference<uno::XInterface>& document)
    : wasModified_(isModified(document)), saving_(std::make_shared<std::atomic<bool>>(false)),
      document_(document), saveWatch_(new SaveWatch(saving_)) {
    const uno::Reference<document::XDocumentEventBroadcaster> broadcaster(document, uno::UNO_QUERY);
    if (broadcaster.is())
        broadcaster->addDocumentEventListener(saveWatch_);
}

EditEvents::~EditEvents() {
    try {
        const uno::Reference<document::XDocumentEventBroadcaster> broadcaster(document_.get(),
                                                                              uno::UNO_QUERY);
        if (broadcaster.is())
            broadcaster->removeDocumentEventListener(saveWatch_);
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(info, "save listener not removed from a document being disposed: " << e.Message);
    }
}

bool EditEvents::isEdit(const lang::EventObject& event) {
    const bool modified = isModified(event.Source);
    const bool wasModified = wasModified_.exchange(modified);
    if (*saving_)
        return false; // storing the document changes nothing in it
    return wasModified || modified;
}

} // namespace jixiao::office
