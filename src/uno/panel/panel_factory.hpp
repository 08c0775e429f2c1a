// The sidebar asks this factory for Jixiao's panel (registered in Factories.xcu under the toolpanel
// factory name that Sidebar.xcu's ImplementationURL names).
#pragma once

#include "uno/base/ustring.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

namespace jixiao::office {

class PanelFactory : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo> {
public:
    explicit PanelFactory(const css::uno::Reference<css::uno::XComponentContext>& context);

    css::uno::Reference<css::ui::XUIElement>
        SAL_CALL createUIElement(const OUString& resourceUrl,
                                 const css::uno::Sequence<css::beans::PropertyValue>& arguments) override;

    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& name) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

private:
    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace jixiao::office
