#include "uno/panel/options_page.hpp"

#include "uno/base/extension_data.hpp"
#include "uno/base/log.hpp"
#include "uno/base/settings.hpp"
#include "uno/panel/help_guide.hpp"

#include "core/model/grade_bands.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
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
    if (method == "openHelpGuide")
        return openHelpGuide(context_);
    if (method != "external_event")
        return false;
    OUString action;
    event >>= action;
    // The office's options dialog calls this: nothing may escape into it. A page that cannot load or store
    // says so in the log and leaves the settings as they were (the dialog then shows its own defaults).
    try {
        if (action == "ok")
            return store(window); // false: the grade bands were refused (the page says why)
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
    const OUString names[] = {OUString("external_event"), OUString("openHelpGuide")};
    return uno::Sequence<OUString>(names, 2);
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
        {"GradePassLabel", "options.grade-pass"},
        {"HelpGuide", "options.help-guide"}};
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
        // The template's name as the deck's chooser shows it; its id is for macros and the batch only.
        names[static_cast<sal_Int32>(i)] = fromUtf8(data.lang == "zh-CN" ? t.nameZh : t.nameEn);
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
    controlModel(window, "GradesProblem")->setPropertyValue("Label", Any(OUString()));
}

void OptionsHandler::refuseBands(const Reference<awt::XWindow>& window, const std::string& problem,
                                 const std::array<double, 3>& bands) {
    const auto& data = ExtensionData::get(context_);
    auto number = [](double value) { return toUtf8(OUString::number(value)); };
    const std::string message = data.text("options.grades-refused", {{"problem", data.text(problem)},
                                                                     {"excellent", number(bands[0])},
                                                                     {"good", number(bands[1])},
                                                                     {"pass", number(bands[2])}});
    // On the page, for as long as it shows the values; and in a box, since OK closes the dialog.
    controlModel(window, "GradesProblem")->setPropertyValue("Label", Any(fromUtf8(message)));
    Reference<awt::XMessageBoxFactory> boxes(
        context_->getServiceManager()->createInstanceWithContext("com.sun.star.awt.Toolkit", context_),
        UNO_QUERY_THROW);
    Reference<awt::XWindowPeer> peer(window, uno::UNO_QUERY);
    boxes
        ->createMessageBox(peer, awt::MessageBoxType_ERRORBOX, awt::MessageBoxButtons::BUTTONS_OK,
                           fromUtf8(data.text("options.grades")), fromUtf8(message))
        ->execute();
}

bool OptionsHandler::store(const Reference<awt::XWindow>& window) {
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
    // An inconsistent set is refused with a message, the page keeps showing what was typed, and grading
    // goes on with the stored bands; the other settings are stored.
    const std::string problem = gradeBandsProblem(Settings::gradeBandsOf(bands));
    if (!problem.empty()) {
        Settings::store(context_, live, fixed, templateId, Settings::gradeThresholds(context_));
        refuseBands(window, problem, bands);
        return false;
    }
    controlModel(window, "GradesProblem")->setPropertyValue("Label", Any(OUString()));
    Settings::store(context_, live, fixed, templateId, bands);
    return true;
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
