// The client side of UNO: our own component context (the office's types plus the extension's jixiao.rdb, so
// the bridge can carry org.jixiao.Finding) and connections to an office over a pipe or socket.
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <string>

namespace jixiao::cli {

// Bootstraps once (sets URE_BOOTSTRAP to the office's fundamentalrc when unset). Thread-safe.
css::uno::Reference<css::uno::XComponentContext> localContext();
// Adds the extension's type library to our type manager, once; later calls with any path do nothing.
void loadExtensionTypes(const std::string& rdbPath);

// Resolves "uno:…;urp;StarOffice.ComponentContext", retrying until `seconds` pass or `stillStarting` says the
// office is gone. Throws std::runtime_error with the last reason.
css::uno::Reference<css::uno::XComponentContext> connectOffice(const std::string& unoUrl, double seconds,
                                                               const std::function<bool()>& stillStarting);

// The message of the UNO or C++ exception being handled (call inside a catch block).
std::string currentExceptionMessage();

} // namespace jixiao::cli
