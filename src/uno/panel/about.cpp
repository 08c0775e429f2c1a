#include "uno/panel/about.hpp"

#include "uno/base/extension_data.hpp"
#include "uno/base/log.hpp"
#include "uno/base/office_configuration.hpp"
#include "uno/base/ustring.hpp"

using namespace css;
using css::uno::Reference;

namespace jixiao::office {
namespace {

// The platform this library was compiled for (one .oxt holds one library per platform).
constexpr const char* kPlatform =
#if defined(__linux__) && defined(__x86_64__)
    "Linux x86_64";
#elif defined(__linux__) && defined(__aarch64__)
    "Linux aarch64";
#elif defined(_WIN64)
    "Windows x64";
#else
    "?";
#endif

// The version the office's own About box shows ("7.4.7.2"), from its configuration; "?" if it cannot be read.
std::string officeVersion(const Reference<uno::XComponentContext>& context) {
    try {
        const OUString version =
            readOfficeConfiguration(context, "/org.openoffice.Setup/Product", "ooSetupVersionAboutBox");
        if (!version.isEmpty())
            return toUtf8(version);
    } catch (const uno::Exception& e) {
        // Only a line of information: the deck works without it.
        JIXIAO_LOG(warn, "the office's version not read: " << e.Message);
    }
    return "?";
}

} // namespace

std::string aboutLine(const Reference<uno::XComponentContext>& context) {
    return ExtensionData::get(context).text(
        "panel.about",
        {{"version", JIXIAO_VERSION}, {"office", officeVersion(context)}, {"platform", kPlatform}});
}

} // namespace jixiao::office
