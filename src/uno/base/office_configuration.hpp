// One value of the office's own configuration (org.openoffice.Setup: its UI locale, its version), read-only.
#pragma once

#include "uno/base/ustring.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

namespace jixiao::office {

// The string at `nodePath`/`name` ("/org.openoffice.Setup/L10N", "ooLocale"); throws uno::Exception when the
// configuration cannot be read.
OUString readOfficeConfiguration(const css::uno::Reference<css::uno::XComponentContext>& context,
                                 const OUString& nodePath, const OUString& name);

} // namespace jixiao::office
