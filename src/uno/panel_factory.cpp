#include "uno/panel_factory.hpp"

#include "uno/sidebar_panel.hpp"

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <cppuhelper/supportsservice.hxx>

using namespace css;

namespace jixiao::office {

PanelFactory::PanelFactory(uno::Reference<uno::XComponentContext> context) : context_(std::move(context)) {}

uno::Reference<ui::XUIElement>
    SAL_CALL PanelFactory::createUIElement(const OUString& resourceUrl,
                                           const uno::Sequence<beans::PropertyValue>& arguments) {
    uno::Reference<frame::XFrame> frame;
    uno::Reference<awt::XWindow> parent;
    uno::Reference<ui::XSidebar> sidebar;
    for (const auto& argument : arguments) {
        if (argument.Name == "Frame")
            argument.Value >>= frame;
        else if (argument.Name == "ParentWindow")
            argument.Value >>= parent;
        else if (argument.Name == "Sidebar")
            argument.Value >>= sidebar;
    }
    if (!parent.is() || !frame.is())
        throw lang::IllegalArgumentException("Jixiao panel: no parent window or frame", *this, 1);
    return new SidebarPanel(context_, resourceUrl, frame, parent, sidebar);
}

OUString SAL_CALL PanelFactory::getImplementationName() {
    return "org.jixiao.PanelFactory";
}

sal_Bool SAL_CALL PanelFactory::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

uno::Sequence<OUString> SAL_CALL PanelFactory::getSupportedServiceNames() {
    return sequenceOf(OUString("com.sun.star.ui.UIElementFactory"));
}

} // namespace jixiao::office
