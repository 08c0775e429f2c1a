// Jixiao's settings in the office configuration (registry/Options.xcs), so they survive restarts and can be
// set by administrators like any other LibreOffice option.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace jixiao::office {

class Settings {
public:
    static bool liveRecompute(const css::uno::Reference<css::uno::XComponentContext>& context);
    static void setLiveRecompute(const css::uno::Reference<css::uno::XComponentContext>& context, bool on);
    static bool fixedTwoDecimals(const css::uno::Reference<css::uno::XComponentContext>& context);
    static std::string defaultTemplate(const css::uno::Reference<css::uno::XComponentContext>& context);
};

} // namespace jixiao::office
