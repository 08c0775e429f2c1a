#include "uno/settings.hpp"

#include "uno/ustring.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

constexpr const char* kNode = "/org.jixiao.Jixiao.Options/Settings";

Reference<uno::XInterface> access(const Reference<uno::XComponentContext>& context, bool update) {
    Reference<lang::XMultiServiceFactory> provider(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context),
        UNO_QUERY_THROW);
    beans::NamedValue path("nodepath", uno::Any(OUString::createFromAscii(kNode)));
    return provider->createInstanceWithArguments(
        update ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
               : OUString("com.sun.star.configuration.ConfigurationAccess"),
        sequenceOf(uno::Any(path)));
}

template <typename T>
T readSetting(const Reference<uno::XComponentContext>& context, const char* name, T fallback) {
    try {
        Reference<container::XNameAccess> node(access(context, false), UNO_QUERY_THROW);
        T value = fallback;
        node->getByName(OUString::createFromAscii(name)) >>= value;
        return value;
    } catch (const uno::Exception&) {
        return fallback; // the schema is missing only when the extension is half-installed
    }
}

} // namespace

bool Settings::liveRecompute(const Reference<uno::XComponentContext>& context) {
    return readSetting(context, "LiveRecompute", true);
}

void Settings::setLiveRecompute(const Reference<uno::XComponentContext>& context, bool on) {
    auto node = access(context, true);
    Reference<beans::XPropertySet>(node, UNO_QUERY_THROW)->setPropertyValue("LiveRecompute", uno::Any(on));
    Reference<util::XChangesBatch>(node, UNO_QUERY_THROW)->commitChanges();
}

bool Settings::fixedTwoDecimals(const Reference<uno::XComponentContext>& context) {
    return readSetting(context, "FixedTwoDecimals", false);
}

std::string Settings::defaultTemplate(const Reference<uno::XComponentContext>& context) {
    return toUtf8(readSetting(context, "DefaultTemplate", OUString("county-project")));
}

} // namespace jixiao::office
