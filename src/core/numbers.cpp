#include "core/numbers.hpp"
