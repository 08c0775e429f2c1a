#include "uno/base/office_configuration.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {

OUString readOfficeConfiguration(const Reference<uno::XComponentContext>& context, const OUString& nodePath,
                                 const OUString& name) {
    Reference<lang::XMultiServiceFactory> provider(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context),
        UNO_QUERY_THROW);
    beans::NamedValue path("nodepath", uno::Any(nodePath));
    Reference<container::XNameAccess> node(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                              sequenceOf(uno::Any(path))),
        UNO_QUERY_THROW);
    OUString value;
    node->getByName(name) >>= value;
    return value;
}

} // namespace jixiao::office
