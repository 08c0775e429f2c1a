// The deck's About line: Jixiao's version, the office's version and the platform the library was built for,
// so a support request (a screenshot of the deck) carries them (issue 18).
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace jixiao::office {

// "绩效评价助手 0.1.0 · LibreOffice 7.4.7.2 · Linux x86_64" in the UI language.
std::string aboutLine(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace jixiao::office
