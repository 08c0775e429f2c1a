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

std::array<double, 3> Settings::gradeThresholds(const Reference<uno::XComponentContext>& context) {
    return {readSetting(context, "GradeExcellent", 90.0), readSetting(context, "GradeGood", 80.0),
            readSetting(context, "GradePass", 60.0)};
}

void Settings::store(const Reference<uno::XComponentContext>& context, bool liveRecompute,
                     bool fixedTwoDecimals, const std::string& defaultTemplate,
                     const std::array<double, 3>& grades) {
    auto node = access(context, true);
    Reference<beans::XPropertySet> props(node, UNO_QUERY_THROW);
    props->setPropertyValue("LiveRecompute", uno::Any(liveRecompute));
    props->setPropertyValue("FixedTwoDecimals", uno::Any(fixedTwoDecimals));
    props->setPropertyValue("DefaultTemplate", uno::Any(fromUtf8(defaultTemplate)));
    props->setPropertyValue("GradeExcellent", uno::Any(grades[0]));
    props->setPropertyValue("GradeGood", uno::Any(grades[1]));
    props->setPropertyValue("GradePass", uno::Any(grades[2]));
    Reference<util::XChangesBatch>(node, UNO_QUERY_THROW)->commitChanges();
}

void Settings::applyGradeThresholds(const Reference<uno::XComponentContext>& context,
                                    std::vector<GradeBand>& bands) {
    if (bands != defaultGradeBands())
        return;
    const auto thresholds = gradeThresholds(context);
    for (std::size_t i = 0; i < thresholds.size(); ++i)
        if (const auto value = Decimal::parse(std::to_string(thresholds[i])))
            bands[i].atLeast = value->rounded(2);
}

std::string Settings::defaultTemplate(const Reference<uno::XComponentContext>& context) {
    return toUtf8(readSetting(context, "DefaultTemplate", OUString("county-project")));
}

} // namespace jixiao::office
