// Tools ▸ Options ▸ 绩效评价: the event handler of the options page (extension/dialogs/Options.xdl). The page
// shows the settings of registry/Options.xcs; "initialize" and "back" load them into the controls, "ok"
// stores them — all but an inconsistent set of grade bands, which is refused with a message on the page
// and in a box (the values typed stay shown; the handler answers false).
#pragma once

#include "uno/base/ustring.hpp"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

#include <array>
#include <string>

namespace jixiao::office {

class OptionsHandler
    : public cppu::WeakImplHelper2<css::awt::XContainerWindowEventHandler, css::lang::XServiceInfo> {
public:
    explicit OptionsHandler(const css::uno::Reference<css::uno::XComponentContext>& context);

    sal_Bool SAL_CALL callHandlerMethod(const css::uno::Reference<css::awt::XWindow>& window,
                                        const css::uno::Any& event, const OUString& method) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override;

    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& name) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

private:
    void load(const css::uno::Reference<css::awt::XWindow>& window);
    bool store(const css::uno::Reference<css::awt::XWindow>& window);
    void refuseBands(const css::uno::Reference<css::awt::XWindow>& window, const std::string& problem,
                     const std::array<double, 3>& bands);

    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace jixiao::office
