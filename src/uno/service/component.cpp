// The component's only exported symbols. LibreOffice loads the library lazily, the first time one of these
// services is asked for: through the constructor functions named in jixiao.component when the extension was
// installed before the office started, and through component_getFactory when it is added to a running office
// (Tools ▸ Extension Manager), where 7.4 does not use the constructors.
#include "uno/panel/deck_focus.hpp"
#include "uno/panel/help_guide.hpp"
#include "uno/panel/options_page.hpp"
#include "uno/panel/panel_factory.hpp"
#include "uno/service/evaluation_tool.hpp"

#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <sal/types.h>

#include "uno/base/ustring.hpp"

using namespace css;
using jixiao::office::OUString;

namespace {

uno::Reference<uno::XInterface> createTool(const uno::Reference<uno::XComponentContext>& context) {
    return static_cast<cppu::OWeakObject*>(new jixiao::office::EvaluationTool(context));
}

uno::Reference<uno::XInterface> createPanelFactory(const uno::Reference<uno::XComponentContext>& context) {
    return static_cast<cppu::OWeakObject*>(new jixiao::office::PanelFactory(context));
}

OUString toolName() {
    return "org.jixiao.EvaluationTool";
}
uno::Sequence<OUString> toolServices() {
    return jixiao::office::sequenceOf(OUString("org.jixiao.EvaluationTool"));
}
uno::Reference<uno::XInterface> createOptionsHandler(const uno::Reference<uno::XComponentContext>& context) {
    return static_cast<cppu::OWeakObject*>(new jixiao::office::OptionsHandler(context));
}
OUString optionsHandlerName() {
    return "org.jixiao.OptionsHandler";
}
uno::Sequence<OUString> optionsHandlerServices() {
    return jixiao::office::sequenceOf(OUString("org.jixiao.OptionsHandler"));
}
OUString helpGuideName() {
    return "org.jixiao.HelpGuide";
}
uno::Sequence<OUString> helpGuideServices() {
    return jixiao::office::sequenceOf(OUString("org.jixiao.HelpGuide"));
}
OUString focusDeckName() {
    return "org.jixiao.FocusDeck";
}
uno::Sequence<OUString> focusDeckServices() {
    return jixiao::office::sequenceOf(OUString("org.jixiao.FocusDeck"));
}
OUString panelFactoryName() {
    return "org.jixiao.PanelFactory";
}
uno::Sequence<OUString> panelFactoryServices() {
    return jixiao::office::sequenceOf(OUString("com.sun.star.ui.UIElementFactory"));
}

const cppu::ImplementationEntry kEntries[] = {
    {createTool, toolName, toolServices, cppu::createSingleComponentFactory, nullptr, 0},
    {createPanelFactory, panelFactoryName, panelFactoryServices, cppu::createSingleComponentFactory, nullptr,
     0},
    {createOptionsHandler, optionsHandlerName, optionsHandlerServices, cppu::createSingleComponentFactory,
     nullptr, 0},
    {jixiao::office::createHelpGuideJob, helpGuideName, helpGuideServices, cppu::createSingleComponentFactory,
     nullptr, 0},
    {jixiao::office::createFocusDeckJob, focusDeckName, focusDeckServices, cppu::createSingleComponentFactory,
     nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0}};

} // namespace

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

SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_jixiao_OptionsHandler_get_implementation(css::uno::XComponentContext* context,
                                             const css::uno::Sequence<css::uno::Any>& /*arguments*/) {
    auto* handler = new jixiao::office::OptionsHandler(context);
    handler->acquire();
    return static_cast<cppu::OWeakObject*>(handler);
}

SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_jixiao_HelpGuide_get_implementation(css::uno::XComponentContext* context,
                                        const css::uno::Sequence<css::uno::Any>& /*arguments*/) {
    auto job = jixiao::office::createHelpGuideJob(context);
    job->acquire();
    return job.get();
}

SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_jixiao_FocusDeck_get_implementation(css::uno::XComponentContext* context,
                                        const css::uno::Sequence<css::uno::Any>& /*arguments*/) {
    auto job = jixiao::office::createFocusDeckJob(context);
    job->acquire();
    return job.get();
}

SAL_DLLPUBLIC_EXPORT void* component_getFactory(const char* implementationName, void* serviceManager,
                                                void* registryKey) {
    return cppu::component_getFactoryHelper(implementationName, serviceManager, registryKey, kEntries);
}

} // extern "C"
