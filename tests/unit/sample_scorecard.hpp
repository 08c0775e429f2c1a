// The sample report as the core sees it: its scoring table read into a Scorecard, and the funding its prose
// states (the sample has no funding table: 2 万元 budget, 1.99 spent on 工资补助 0.72, 社保缴费 1.13 and
// 劳务派遣服务费 0.14, under the names its 成本效益分析 paragraph uses). One definition for every test
// that needs them.
#pragma once

#include "core/model/scorecard.hpp"
#include "core/read/grid_reader.hpp"
#include "sample_fixture.hpp"
#include "test_decimal.hpp"

namespace jixiao::testing {

inline Scorecard sampleCard() {
    return readScoreTable(sampleScoreGrid());
}

inline Funding sampleFunding() {
    Funding f;
    f.budget = 2;
    f.actual = dec("1.99");
    f.items = {{"工资补助", dec("0.72"), {}, {}, {}},
               {"社保缴费", dec("1.13"), {}, {}, {}},
               {"劳务派遣服务费", dec("0.14"), {}, {}, {}}};
    return f;
}

} // namespace jixiao::testing
