#include "uno/help_guide.hpp"

#include "uno/log.hpp"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/system/XSystemShellExecute.hpp>

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
        // URIS_ONLY: the URL is handed to the desktop's opener as a URL, never run as a program.
        system::SystemShellExecute::create(context)->execute(helpGuideUrl(context), OUString(),
                                                             system::SystemShellExecuteFlags::URIS_ONLY);
        return true;
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(warn, "help guide: " << e.Message);
    }
    return false;
}

} // namespace jixiao::office
