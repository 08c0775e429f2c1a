#include "core/templates.hpp"
