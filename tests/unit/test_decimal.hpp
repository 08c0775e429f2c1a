// dec("1.99"): an exact Decimal from its text, for tests (the text must be a valid decimal).
#pragma once

#include "core/text/decimal.hpp"

namespace jixiao::testing {

inline Decimal dec(const char* text) {
    return *Decimal::parse(text);
}

} // namespace jixiao::testing
