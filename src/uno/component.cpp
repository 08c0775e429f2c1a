// The component's only exported symbols: constructor functions named in jixiao.component. LibreOffice
// loads the library lazily, the first time one of these services is asked for.
#include "uno/evaluation_tool.hpp"
#include "uno/panel_factory.hpp"

#include <sal/types.h>

extern "C" {

SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_jixiao_EvaluationTool_get_implementation(css::uno::XComponentContext* context,
                                             const css::uno::Sequence<css::uno::Any>& /*arguments*/) {
    auto* tool = new jixiao::office::EvaluationTool(context);
    tool->acquire();
    return static_cast<cppu::OWeakObject*>(tool);
}

SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_jixiao_PanelFactory_get_implementation(css::uno::XComponentContext* context,
                                           const css::uno::Sequence<css::uno::Any>& /*arguments*/) {
    auto* factory = new jixiao::office::PanelFactory(context);
    factory->acquire();
    return static_cast<cppu::OWeakObject*>(factory);
}

} // extern "C"
