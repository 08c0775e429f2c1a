// Tells live recompute which cell the user is typing into, so that the run after a keystroke re-reads that
// cell instead of every input cell (table_cache.hpp). A modify event does not say what changed: typing,
// paste, undo, redo, a dialog's Replace All and a macro all send the same one. What the office does say is
// which key it is about to handle in a document view (XUserInputInterception, before the view acts on it).
//
// So a key is trusted only while it is being handled: from its keyPressed until the main loop has run
// everything the key's handling queued. A callback posted at keyPressed runs after the handling itself
// (Writer inserts a character, and sends the modify event, synchronously inside it); it posts a second one,
// which runs after what the handling posted in turn (Writer's Backspace is a command it dispatches
// asynchronously). Only keys that put text at a collapsed cursor or delete one character there count (a
// printable character with at most Shift, Backspace, Delete); any other key, a mouse press in the view,
// and every modify event outside that window make the owner fall back to re-reading every input cell. A
// character the view holds back and inserts later (Writer buffers keys that arrive faster than it paints)
// therefore costs a whole re-read, never a wrong one.
#pragma once

#include "uno/host/writer_cursor.hpp"

#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XKeyHandler.hpp>
#include <com/sun/star/awt/XMouseClickHandler.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase3.hxx>

#include <functional>
#include <mutex>

namespace jixiao::office {

class TypingWatch
    : public cppu::WeakImplHelper3<css::awt::XKeyHandler, css::awt::XMouseClickHandler, css::awt::XCallback> {
public:
    struct Handlers {
        // A text key is about to be handled at `place`; `key` identifies it until keyHandled(key).
        std::function<void(const CursorPlace& place, int key)> typing;
        // The key `key` has been handled (posted from typing's keyPressed; runs on the main loop).
        std::function<void(int key)> keyHandled;
        // Any other key or a mouse press: what follows is not typing.
        std::function<void()> otherInput;
    };

    TypingWatch(const css::uno::Reference<css::uno::XComponentContext>& context, Handlers handlers);

    // Starts watching the view's keys and mouse presses (a Writer text view; false for anything else).
    bool watch(const css::uno::Reference<css::frame::XController>& view);
    // Stops watching; events already on their way reach no handler.
    void stop();

    // XKeyHandler (never consumes the event)
    sal_Bool SAL_CALL keyPressed(const css::awt::KeyEvent& event) override;
    sal_Bool SAL_CALL keyReleased(const css::awt::KeyEvent& event) override;
    // XMouseClickHandler (never consumes the event)
    sal_Bool SAL_CALL mousePressed(const css::awt::MouseEvent& event) override;
    sal_Bool SAL_CALL mouseReleased(const css::awt::MouseEvent& event) override;
    // XCallback: the key posted as `data` has been handled
    void SAL_CALL notify(const css::uno::Any& data) override;
    // XEventListener: the view is going away
    void SAL_CALL disposing(const css::lang::EventObject& event) override;

private:
    Handlers handlers() const;

    css::uno::Reference<css::uno::XComponentContext> context_;
    mutable std::mutex mutex_; // guards the fields below, never held across a call out
    Handlers handlers_;
    css::uno::WeakReference<css::frame::XController> view_;
    int lastKey_ = 0;
};

// Whether the key puts text at a collapsed cursor or deletes one character there, and nothing else.
bool isTextKey(const css::awt::KeyEvent& event);

} // namespace jixiao::office
