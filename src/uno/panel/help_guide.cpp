#include "uno/panel/help_guide.hpp"

#include "uno/base/command_job.hpp"
#include "uno/base/log.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>

using namespace css;
using css::uno::Reference;

namespace jixiao::office {

namespace {
constexpr const char* kExtensionId = "org.jixiao.Jixiao"; // extension/description.xml.in
constexpr const char* kGuidePath = "/help/guide.html";    // where oxt-package/CMakeLists.txt puts it
} // namespace

OUString helpGuideUrl(const Reference<uno::XComponentContext>& context) {
    const OUString location = deployment::PackageInformationProvider::get(context)->getPackageLocation(
        OUString::createFromAscii(kExtensionId));
    if (location.isEmpty())
        throw uno::RuntimeException("Jixiao: the extension's location is unknown", {});
    return location + OUString::createFromAscii(kGuidePath);
}

bool openHelpGuide(const Reference<uno::XComponentContext>& context) {
    try {
        // In the office itself (Writer/Web, read-only): it is there wherever Jixiao runs, where a desktop's
        // opener (xdg-open) may not be. Nothing of the guide runs or loads from elsewhere: no macros, no
        // links updated, and the file holds no script or remote reference (tests/package checks).
        const beans::PropertyValue arguments[] = {
            beans::PropertyValue("ReadOnly", -1, uno::Any(true), {}),
            beans::PropertyValue("MacroExecutionMode", -1, uno::Any(document::MacroExecMode::NEVER_EXECUTE),
                                 {}),
            beans::PropertyValue("UpdateDocMode", -1, uno::Any(document::UpdateDocMode::NO_UPDATE), {})};
        Reference<frame::XComponentLoader> loader(frame::Desktop::create(context), uno::UNO_QUERY_THROW);
        return loader
            ->loadComponentFromURL(helpGuideUrl(context), "_blank", 0,
                                   uno::Sequence<beans::PropertyValue>(arguments, 3))
            .is();
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(warn, "help guide: " << e.Message);
    }
    return false;
}

Reference<uno::XInterface> createHelpGuideJob(const Reference<uno::XComponentContext>& context) {
    return createCommandJob(context, "org.jixiao.HelpGuide",
                            [](const Reference<uno::XComponentContext>& office) { openHelpGuide(office); });
}

} // namespace jixiao::office
