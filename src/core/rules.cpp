#include "core/rules.hpp"
