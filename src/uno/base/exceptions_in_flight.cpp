#include "uno/base/exceptions_in_flight.hpp"

#include <dlfcn.h>

#include <exception>

namespace jixiao::office {
namespace {

using Count = int (*)() noexcept;

// std::uncaught_exceptions() of the libstdc++ the office loaded (our own copy's symbols are not exported, so
// the lookup cannot find it); nullptr where there is none. In a build that shares the office's libstdc++ it
// is the same function as ours: the sum then counts twice, which keeps comparisons right.
Count officeCount() {
    void* symbol = dlsym(RTLD_DEFAULT, "_ZSt19uncaught_exceptionsv");
    return reinterpret_cast<Count>(
        symbol); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast): dlsym's way
}

} // namespace

int exceptionsInFlight() noexcept {
    static const Count office = officeCount();
    return std::uncaught_exceptions() + (office != nullptr ? office() : 0);
}

} // namespace jixiao::office
