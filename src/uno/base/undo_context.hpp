// Makes every change Jixiao applies one undo step: enter on construction, leave on destruction. A change that
// throws half-way (a property the office refuses, a hostile document's named range) is undone there and then,
// so a failure leaves the document as it was instead of half written.
#pragma once

#include "uno/base/exceptions_in_flight.hpp"
#include "uno/base/log.hpp"
#include "uno/base/undo_step.hpp"
#include "uno/base/ustring.hpp"

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>

namespace jixiao::office {

// The undo stack as it was before a change: after the change failed, takes back the step it left on top and
// only that step (never the user's own) and drops it from the redo stack, so Ctrl+Shift+Z cannot bring the
// half-written change back. Nothing when the change recorded nothing, when the undo manager is locked (live
// recompute writes outside the stack) or when an enclosing context is still open (its owner takes back the
// whole).
class UndoStackMark {
public:
    explicit UndoStackMark(const css::uno::Reference<css::document::XUndoManager>& manager)
        : manager_(manager) {
        if (manager_.is())
            titles_ = manager_->getAllUndoActionTitles();
    }

    void rollBack(const OUString& title) noexcept {
        try {
            if (!manager_.is() || manager_->isLocked() || !manager_->isUndoPossible() ||
                manager_->getAllUndoActionTitles() == titles_ ||
                manager_->getCurrentUndoActionTitle() != title)
                return;
            manager_->undo();
            manager_->clearRedo();
            JIXIAO_LOG(info, "a failed change was taken back: " << title);
        } catch (const css::uno::Exception& e) {
            JIXIAO_LOG(warn, "a failed change could not be taken back: " << e.Message);
        }
    }

private:
    css::uno::Reference<css::document::XUndoManager> manager_;
    css::uno::Sequence<OUString> titles_;
};

class UndoContext {
public:
    UndoContext(const css::uno::Reference<css::frame::XModel>& model, const OUString& title,
                UndoStep step = UndoStep::Own)
        : manager_(undoManagerOf(model)), title_(title), exceptions_(exceptionsInFlight()), mark_(manager_) {
        if (!manager_.is())
            return;
        // A joined change that fails is not taken back alone: the step holds the command's other changes.
        if (step == UndoStep::JoinLast && manager_->isUndoPossible())
            manager_->enterHiddenUndoContext();
        else
            manager_->enterUndoContext(title);
    }
    UndoContext(const UndoContext&) = delete;
    UndoContext& operator=(const UndoContext&) = delete;
    ~UndoContext() {
        try {
            if (manager_.is())
                manager_->leaveUndoContext();
        } catch (const css::uno::Exception& e) {
            // The document was closed under us; there is no undo stack left to balance.
            JIXIAO_LOG(info, "undo context not left, the document is gone: " << e.Message);
            return;
        }
        if (exceptionsInFlight() > exceptions_) // the change is failing: the document as it was
            mark_.rollBack(title_);
    }

private:
    static css::uno::Reference<css::document::XUndoManager>
    undoManagerOf(const css::uno::Reference<css::frame::XModel>& model) {
        css::uno::Reference<css::document::XUndoManagerSupplier> supplier(model, css::uno::UNO_QUERY);
        return supplier.is() ? supplier->getUndoManager() : nullptr;
    }

    css::uno::Reference<css::document::XUndoManager> manager_;
    OUString title_;
    int exceptions_;
    UndoStackMark mark_;
};

// Batches screen updates while a change runs: Writer and Calc repaint once at the end instead of per cell.
class ControllerLock {
public:
    explicit ControllerLock(const css::uno::Reference<css::frame::XModel>& model) : model_(model) {
        if (model_.is())
            model_->lockControllers();
    }
    ControllerLock(const ControllerLock&) = delete;
    ControllerLock& operator=(const ControllerLock&) = delete;
    ~ControllerLock() {
        try {
            if (model_.is())
                model_->unlockControllers();
        } catch (const css::uno::Exception& e) {
            JIXIAO_LOG(info, "controllers not unlocked, the document is gone: " << e.Message);
        }
    }

private:
    css::uno::Reference<css::frame::XModel> model_;
};

} // namespace jixiao::office
