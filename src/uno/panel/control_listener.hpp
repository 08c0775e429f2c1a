// Adapts toolkit events (button pressed, list entry chosen, check box toggled) to a std::function.
#pragma once

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <cppuhelper/implbase2.hxx>

#include <functional>
#include <utility>

namespace jixiao::office {

class ControlListener : public cppu::WeakImplHelper2<css::awt::XActionListener, css::awt::XItemListener> {
public:
    explicit ControlListener(std::function<void()> handler) : handler_(std::move(handler)) {}

    void SAL_CALL actionPerformed(const css::awt::ActionEvent&) override { run(); }
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent&) override { run(); }
    void SAL_CALL disposing(const css::lang::EventObject&) override { handler_ = nullptr; }
    // The owner is going away: events still on their way find no handler.
    void detach() { handler_ = nullptr; }

private:
    void run() {
        if (handler_)
            handler_();
    }
    std::function<void()> handler_;
};

} // namespace jixiao::office
