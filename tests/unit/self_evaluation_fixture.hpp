// The national 项目支出绩效自评表 in brief: its funding block (年度资金总额: 全年预算数 120, 全年执行数 108,
// 执行率 90%, the 预算执行率 line scored 9 of 10) above two indicator rows that have a reason column, and
// 总分.
#pragma once

#include "test_grid.hpp"

namespace jixiao::testing {

inline Grid selfEvaluationForm() {
    auto grid = gridOf({
        {"项目支出绩效自评表", "", "", "", "", "", "", "", ""},
        {"项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""},
        {"", "年度资金总额", "120", "120", "108", "10", "90%", "9", ""},
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"", "产出指标（50分）", "数量指标", "养护里程", "80公里", "78公里", "50", "49", ""},
        {"", "效益指标（40分）", "社会效益指标", "通行条件改善", "明显", "明显", "40", "40", ""},
        {"总分", "", "", "", "", "", "100", "98", ""},
    });
    grid.merge(3, 0, 3, 1);
    grid.merge(6, 0, 1, 6);
    return grid;
}

} // namespace jixiao::testing
