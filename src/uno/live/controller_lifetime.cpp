// DocumentController's lifetime (document_controller.hpp, "Lifetime"): made and registered on first use
// with its listeners attached, told when the document begins to close, and disposed with it.
#include "uno/base/log.hpp"
#include "uno/live/controller_registry.hpp"
#include "uno/live/document_controller.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/util/XCloseBroadcaster.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <rtl/ref.hxx>

#include <utility>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace jixiao::office {

DocumentController::DocumentController(const Reference<uno::XComponentContext>& context,
                                       const Reference<frame::XModel>& model)
    : cppu::WeakComponentImplHelper3<util::XModifyListener, awt::XCallback, util::XCloseListener>(m_aMutex),
      context_(context), model_(model), editEvents_(model) {}

rtl::Reference<DocumentController>
DocumentController::forModel(const Reference<uno::XComponentContext>& context,
                             const Reference<frame::XModel>& model) {
    if (!model.is())
        throw lang::IllegalArgumentException("no document", {}, 0);
    if (auto known = ControllerRegistry::find(model); known.is())
        return known;
    // Made outside the registry's lock (the weak reference asks the model for its adapter); when two threads
    // race here, the first to register wins and the other's controller, never attached, is dropped.
    rtl::Reference<DocumentController> made(new DocumentController(context, model));
    if (auto registered = ControllerRegistry::add(model, made); registered != made)
        return registered;
    try {
        Reference<util::XModifyBroadcaster> broadcaster(model, UNO_QUERY);
        if (broadcaster.is())
            broadcaster->addModifyListener(made.get());
        Reference<util::XCloseBroadcaster> closeable(model, UNO_QUERY);
        if (closeable.is())
            closeable->addCloseListener(made.get());
    } catch (...) {
        // A document already closed (a macro holding a stale reference) takes no listener and would never
        // tell its controller to go: it leaves the registry now.
        made->dispose();
        throw;
    }
    made->watchTyping();
    return made;
}

void DocumentController::watchTyping() {
    Reference<frame::XModel> model(model_);
    Reference<frame::XController> view(model.is() ? model->getCurrentController() : nullptr);
    if (!view.is())
        return; // no view (a hidden document): every run re-reads every input
    // The handlers hold this controller; disposing() stops the watch, which drops them.
    rtl::Reference<DocumentController> self(this);
    TypingWatch::Handlers handlers;
    handlers.typing = [self](const CursorPlace& place, int key) {
        osl::MutexGuard guard(self->m_aMutex);
        self->edits_.keyTyped(place, key);
    };
    handlers.keyHandled = [self](int key) {
        osl::MutexGuard guard(self->m_aMutex);
        self->edits_.keyHandled(key);
    };
    handlers.otherInput = [self] {
        osl::MutexGuard guard(self->m_aMutex);
        self->edits_.otherInput();
    };
    rtl::Reference<TypingWatch> watch(new TypingWatch(context_, std::move(handlers)));
    if (!watch->watch(view)) {
        watch->stop();
        return;
    }
    osl::MutexGuard guard(m_aMutex);
    if (isDisposed()) {
        watch->stop();
        return;
    }
    typingWatch_ = watch;
}

void SAL_CALL DocumentController::queryClosing(const lang::EventObject&, sal_Bool) {
    // Never a veto: a run or call in progress runs on the main thread, and the closing thread holds the
    // SolarMutex, so none is in progress now (main_thread.hpp).
}

void SAL_CALL DocumentController::notifyClosing(const lang::EventObject&) {
    // The close is decided and nothing is torn down yet: from now on no run starts and no call is taken,
    // even one the main loop runs while the close lets go of the SolarMutex half-way.
    closing_ = true;
}

void SAL_CALL DocumentController::disposing(const lang::EventObject&) {
    closing_ = true;
    dispose(); // the document is closing
}

void SAL_CALL DocumentController::disposing() {
    // Keep ourselves alive until this call returns: erasing drops the registry's reference.
    rtl::Reference<DocumentController> self(this);
    Reference<frame::XModel> model(model_);
    ControllerRegistry::remove(this);
    // A document that is itself being disposed may refuse; it drops its listeners then anyway.
    try {
        Reference<util::XModifyBroadcaster> broadcaster(model, UNO_QUERY);
        if (broadcaster.is())
            broadcaster->removeModifyListener(this);
        Reference<util::XCloseBroadcaster> closeable(model, UNO_QUERY);
        if (closeable.is())
            closeable->removeCloseListener(this);
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(info, "listeners not removed from a document being disposed: " << e.Message);
    }
    std::map<int, std::function<void()>> observers;
    rtl::Reference<TypingWatch> watch;
    {
        osl::MutexGuard guard(m_aMutex);
        observers.swap(observers_); // destroyed outside the lock: they may hold the last panel reference
        findings_.clear();
        watch = typingWatch_;
        typingWatch_.clear();
    }
    if (watch.is())
        watch->stop(); // outside the lock: it calls into the view
    // The table cache is plain data and goes with this object; its mutex is not waited for here (see
    // cacheMutex_).
}

} // namespace jixiao::office
