// The sample's funding as a funding table (工资补助 0.72, 社保缴费 1.13, 劳务派遣服务费 0.14 of a 2 万元
// budget), the way the adapters present one without merges. One definition for the tests that need it.
#pragma once

#include "test_grid.hpp"

namespace jixiao::testing {

inline Grid sampleFundingGrid() {
    return gridOf({
        {"项目", "金额（万元）", "占比"},
        {"工资补助", "0.72", "36.18%"},
        {"社保缴费", "1.13", "56.78%"},
        {"劳务派遣服务费", "0.14", "7.04%"},
        {"实际支出合计", "1.99", "100%"},
        {"年初预算", "2", ""},
        {"预算执行率", "", "99.5%"},
        {"结余", "0.01", ""},
    });
}

} // namespace jixiao::testing
