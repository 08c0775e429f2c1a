#include "core/scorecard_json.hpp"
