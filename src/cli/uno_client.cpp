#include "cli/uno_client.hpp"

#include "uno/base/ustring.hpp"

#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/container/XSet.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/exc_hlp.hxx>
#include <osl/file.hxx>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace jixiao::cli {

using css::uno::Reference;
using css::uno::XComponentContext;
using office::fromUtf8;
using office::OUString;
using office::toUtf8;

namespace {
std::mutex contextMutex;
Reference<XComponentContext> context;
bool typesLoaded = false;
} // namespace

Reference<XComponentContext> localContext() {
    std::lock_guard lock(contextMutex);
    if (!context.is()) {
        // Without it the client crashes at the first office type (see /work/shared/UNO-NOTES.md).
        ::setenv("URE_BOOTSTRAP", "vnd.sun.star.pathname:/usr/lib/libreoffice/program/fundamentalrc", 0);
        context = cppu::defaultBootstrap_InitialComponentContext();
    }
    return context;
}

void loadExtensionTypes(const std::string& rdbPath) {
    const Reference<XComponentContext> local = localContext();
    std::lock_guard lock(contextMutex);
    if (typesLoaded)
        return;
    OUString url;
    const OUString absolute = fromUtf8(std::filesystem::absolute(rdbPath).string());
    if (osl::FileBase::getFileURLFromSystemPath(absolute, url) != osl::FileBase::E_None)
        throw std::runtime_error("bad path: " + rdbPath);
    Reference<css::container::XSet> manager(
        local->getValueByName("/singletons/com.sun.star.reflection.theTypeDescriptionManager"),
        css::uno::UNO_QUERY_THROW);
    manager->insert(css::uno::Any(url));
    typesLoaded = true;
}

Reference<XComponentContext> connectOffice(const std::string& unoUrl, double seconds,
                                           const std::function<bool()>& stillStarting) {
    const auto resolver = css::bridge::UnoUrlResolver::create(localContext());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::string last = "timeout";
    for (;;) {
        try {
            Reference<XComponentContext> remote(resolver->resolve(fromUtf8(unoUrl)),
                                                css::uno::UNO_QUERY_THROW);
            return remote;
        } catch (...) {
            last = currentExceptionMessage();
        }
        if (!stillStarting() || std::chrono::steady_clock::now() >= deadline)
            throw std::runtime_error(last);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::string currentExceptionMessage() {
    try {
        throw;
    } catch (const css::uno::Exception& e) {
        // The dynamic type tells DisposedException from IOException when the office gives no message.
        const std::string type = toUtf8(cppu::getCaughtException().getValueTypeName());
        const std::string message = toUtf8(e.Message);
        const std::string shortType = type.substr(type.rfind('.') + 1);
        return message.empty() ? shortType : shortType + ": " + message;
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
}

} // namespace jixiao::cli
