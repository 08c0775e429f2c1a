#include "uno/live/typing_watch.hpp"

#include "uno/base/log.hpp"
#include "uno/base/ustring.hpp"

#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyModifier.hpp>
#include <com/sun/star/awt/XRequestCallback.hpp>
#include <com/sun/star/awt/XUserInputInterception.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

#include <utility>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {

bool isTextKey(const awt::KeyEvent& event) {
    if (event.KeyCode == awt::Key::BACKSPACE || event.KeyCode == awt::Key::DELETE)
        return event.Modifiers == 0;
    // Tab and Enter move or split: they may add a row or a paragraph, so they are not counted as typing.
    if (event.KeyCode == awt::Key::TAB || event.KeyCode == awt::Key::RETURN ||
        event.KeyCode == awt::Key::ESCAPE)
        return false;
    const bool printable = event.KeyChar >= 0x20 && event.KeyChar != 0x7F;
    return printable && (event.Modifiers & ~awt::KeyModifier::SHIFT) == 0;
}

TypingWatch::TypingWatch(const Reference<uno::XComponentContext>& context, Handlers handlers)
    : context_(context), handlers_(std::move(handlers)) {}

bool TypingWatch::watch(const Reference<frame::XController>& view) {
    Reference<awt::XUserInputInterception> input(view, UNO_QUERY);
    Reference<text::XTextViewCursorSupplier> text(view, UNO_QUERY);
    if (!input.is() || !text.is())
        return false;
    input->addKeyHandler(this);
    input->addMouseClickHandler(this);
    std::lock_guard<std::mutex> lock(mutex_);
    view_ = view;
    return true;
}

void TypingWatch::stop() {
    Reference<frame::XController> view;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        handlers_ = {};
        view = view_;
        view_.clear();
    }
    Reference<awt::XUserInputInterception> input(view, UNO_QUERY);
    if (!input.is())
        return;
    try {
        input->removeKeyHandler(this);
        input->removeMouseClickHandler(this);
    } catch (const uno::Exception& e) {
        // A view already disposed has dropped its handlers.
        JIXIAO_LOG(info, "typing watch: handlers not removed from a disposed view: " << e.Message);
    }
}

TypingWatch::Handlers TypingWatch::handlers() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return handlers_;
}

sal_Bool SAL_CALL TypingWatch::keyPressed(const awt::KeyEvent& event) {
    const auto handlers = this->handlers();
    if (!handlers.typing)
        return false;
    Reference<frame::XController> view;
    int key = 0;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        view = view_;
        key = ++lastKey_;
    }
    try {
        Reference<awt::XRequestCallback> loop(context_->getServiceManager()->createInstanceWithContext(
                                                  "com.sun.star.awt.AsyncCallback", context_),
                                              UNO_QUERY);
        if (isTextKey(event) && loop.is()) {
            // Told before the callback is posted: the key's modify events come after keyPressed returns.
            handlers.typing(cursorPlace(view), key);
            loop->addCallback(this, uno::Any(sal_Int32(key)));
            return false;
        }
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(warn, "typing watch: " << toUtf8(e.Message));
    }
    handlers.otherInput();
    return false;
}

sal_Bool SAL_CALL TypingWatch::keyReleased(const awt::KeyEvent&) {
    return false;
}

sal_Bool SAL_CALL TypingWatch::mousePressed(const awt::MouseEvent&) {
    if (const auto handlers = this->handlers(); handlers.otherInput)
        handlers.otherInput();
    return false;
}

sal_Bool SAL_CALL TypingWatch::mouseReleased(const awt::MouseEvent&) {
    return false;
}

void SAL_CALL TypingWatch::notify(const uno::Any& data) {
    sal_Int32 key = 0;
    data >>= key;
    const auto handlers = this->handlers();
    if (!handlers.keyHandled)
        return;
    if (key > 0) {
        // First trip: the view may itself have posted the key's work to the main loop while handling it
        // (Writer runs Backspace as a dispatched command); that runs before a second trip.
        try {
            Reference<awt::XRequestCallback> loop(context_->getServiceManager()->createInstanceWithContext(
                                                      "com.sun.star.awt.AsyncCallback", context_),
                                                  UNO_QUERY_THROW);
            loop->addCallback(this, uno::Any(sal_Int32(-key)));
            return;
        } catch (const uno::Exception& e) {
            JIXIAO_LOG(warn, "typing watch: " << toUtf8(e.Message));
        }
    }
    handlers.keyHandled(key > 0 ? key : -key);
}

void SAL_CALL TypingWatch::disposing(const lang::EventObject&) {
    std::lock_guard<std::mutex> lock(mutex_);
    view_.clear();
}

} // namespace jixiao::office
