// Whether an exception is unwinding the stack right now, whoever threw it: Jixiao or the office.
//
// std::uncaught_exceptions() alone cannot tell: the shipped component carries its own libstdc++
// (cmake/toolchain-linux-portable.cmake, -static-libstdc++), whose count an exception the office throws
// (Calc's IndexOutOfBoundsException on a row past the sheet's end) never reaches. The office's own count is
// read from the process's libstdc++ as well. A throw raises one of the two counts and the catch that ends it
// lowers one of them (not always the same one), so their sum is what stays meaningful.
#pragma once

namespace jixiao::office {

// Compare two readings: a larger one means an exception begun since the first is still unwinding.
int exceptionsInFlight() noexcept;

} // namespace jixiao::office
