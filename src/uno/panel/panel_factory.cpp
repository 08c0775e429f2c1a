#include "uno/panel/panel_factory.hpp"

#include "uno/panel/sidebar_panel.hpp"

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <exception>
#include <string>

using namespace css;

namespace jixiao::office {

PanelFactory::PanelFactory(const uno::Reference<uno::XComponentContext>& context) : context_(context) {}

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
    try {
        return new SidebarPanel(context_, resourceUrl, frame, parent, sidebar);
    } catch (const uno::RuntimeException&) {
        throw;
    } catch (const uno::Exception& e) {
        // Only runtime exceptions may leave createUIElement; anything else would break the caller's bridge.
        throw uno::RuntimeException("Jixiao panel: " + e.Message, *this);
    } catch (const std::exception& e) {
        // The sidebar shows an empty panel for a failed factory; say why in the exception it logs.
        throw uno::RuntimeException(fromUtf8(std::string("Jixiao panel: ") + e.what()), *this);
    }
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
