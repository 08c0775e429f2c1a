#include "uno/options_page.hpp"

#include "uno/extension_data.hpp"
#include "uno/log.hpp"
#include "uno/settings.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <algorithm>

using namespace css;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

Reference<beans::XPropertySet> controlModel(const Reference<awt::XWindow>& window, const char* name) {
    Reference<awt::XControlContainer> controls(window, UNO_QUERY_THROW);
    Reference<awt::XControl> control = controls->getControl(OUString::createFromAscii(name));
    if (!control.is())
        throw uno::RuntimeException("Jixiao options page: no control " + OUString::createFromAscii(name), {});
    return Reference<beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
}

} // namespace

OptionsHandler::OptionsHandler(const Reference<uno::XComponentContext>& context) : context_(context) {}

sal_Bool SAL_CALL OptionsHandler::callHandlerMethod(const Reference<awt::XWindow>& window, const Any& event,
                                                    const OUString& method) {
    if (method != "external_event")
        return false;
    OUString action;
    event >>= action;
    // The office's options dialog calls this: nothing may escape into it. A page that cannot load or store
    // says so in the log and leaves the settings as they were (the dialog then shows its own defaults).
    try {
        if (action == "ok") {
            store(window);
            return true;
        }
        if (action == "back" || action == "initialize") {
            load(window);
            return true;
        }
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(warn, "options page (" << action << "): " << e.Message);
    } catch (const std::exception& e) {
        logFailure("options page", e);
    }
    return false;
}

uno::Sequence<OUString> SAL_CALL OptionsHandler::getSupportedMethodNames() {
    return sequenceOf(OUString("external_event"));
}

void OptionsHandler::load(const Reference<awt::XWindow>& window) {
    const auto& data = ExtensionData::get(context_);
    const std::pair<const char*, const char*> labels[] = {
        {"LiveRecompute", "options.live-recompute"},
        {"FixedTwoDecimals", "options.fixed-two-decimals"},
        {"DefaultTemplateLabel", "options.default-template"},
        {"GradesLabel", "options.grades"},
        {"GradeExcellentLabel", "options.grade-excellent"},
        {"GradeGoodLabel", "options.grade-good"},
        {"GradePassLabel", "options.grade-pass"}};
    for (const auto& [control, key] : labels)
        controlModel(window, control)->setPropertyValue("Label", Any(fromUtf8(data.text(key))));

    controlModel(window, "LiveRecompute")
        ->setPropertyValue("State", Any(sal_Int16(Settings::liveRecompute(context_))));
    controlModel(window, "FixedTwoDecimals")
        ->setPropertyValue("State", Any(sal_Int16(Settings::fixedTwoDecimals(context_))));

    uno::Sequence<OUString> names(static_cast<sal_Int32>(data.templates.size()));
    sal_Int16 selected = 0;
    const std::string current = Settings::defaultTemplate(context_);
    for (std::size_t i = 0; i < data.templates.size(); ++i) {
        const auto& t = data.templates[i];
        names[static_cast<sal_Int32>(i)] =
            fromUtf8((data.lang == "zh-CN" ? t.nameZh : t.nameEn) + " (" + t.id + ")");
        if (t.id == current)
            selected = static_cast<sal_Int16>(i);
    }
    auto list = controlModel(window, "DefaultTemplate");
    list->setPropertyValue("StringItemList", Any(names));
    if (names.getLength() > 0)
        list->setPropertyValue("SelectedItems", Any(sequenceOf(selected)));

    const auto bands = Settings::gradeThresholds(context_);
    controlModel(window, "GradeExcellent")->setPropertyValue("Value", Any(bands[0]));
    controlModel(window, "GradeGood")->setPropertyValue("Value", Any(bands[1]));
    controlModel(window, "GradePass")->setPropertyValue("Value", Any(bands[2]));
}

void OptionsHandler::store(const Reference<awt::XWindow>& window) {
    const auto& data = ExtensionData::get(context_);
    sal_Int16 state = 0;
    controlModel(window, "LiveRecompute")->getPropertyValue("State") >>= state;
    const bool live = state == 1;
    controlModel(window, "FixedTwoDecimals")->getPropertyValue("State") >>= state;
    const bool fixed = state == 1;
    uno::Sequence<sal_Int16> selected;
    controlModel(window, "DefaultTemplate")->getPropertyValue("SelectedItems") >>= selected;
    std::string templateId = Settings::defaultTemplate(context_);
    if (selected.getLength() > 0 && selected[0] >= 0 &&
        selected[0] < static_cast<sal_Int16>(data.templates.size()))
        templateId = data.templates[std::size_t(selected[0])].id;
    std::array<double, 3> bands{};
    controlModel(window, "GradeExcellent")->getPropertyValue("Value") >>= bands[0];
    controlModel(window, "GradeGood")->getPropertyValue("Value") >>= bands[1];
    controlModel(window, "GradePass")->getPropertyValue("Value") >>= bands[2];
    // Bands must descend; a page left inconsistent keeps the stored bands rather than break grading.
    if (!(bands[0] > bands[1] && bands[1] > bands[2]))
        bands = Settings::gradeThresholds(context_);
    Settings::store(context_, live, fixed, templateId, bands);
}

OUString SAL_CALL OptionsHandler::getImplementationName() {
    return "org.jixiao.OptionsHandler";
}

sal_Bool SAL_CALL OptionsHandler::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

uno::Sequence<OUString> SAL_CALL OptionsHandler::getSupportedServiceNames() {
    return sequenceOf(OUString("org.jixiao.OptionsHandler"));
}

} // namespace jixiao::office
