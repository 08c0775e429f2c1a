// Makes every change Jixiao applies one undo step: enter on construction, leave on destruction, also when
// the change throws half-way (the partial change is then one step the user can undo).
#pragma once

#include "uno/base/log.hpp"
#include "uno/base/ustring.hpp"

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>

namespace jixiao::office {

class UndoContext {
public:
    UndoContext(const css::uno::Reference<css::frame::XModel>& model, const OUString& title) {
        css::uno::Reference<css::document::XUndoManagerSupplier> supplier(model, css::uno::UNO_QUERY);
        if (supplier.is())
            manager_ = supplier->getUndoManager();
        if (manager_.is())
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
        }
    }

private:
    css::uno::Reference<css::document::XUndoManager> manager_;
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
