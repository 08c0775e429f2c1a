// Report metadata from a title as offices write it: "{单位}{年度}年度{项目}[支出]绩效评价报告" or the table
// caption "{单位}{年度}年度{项目}支出绩效评价指标体系及打分表". A document typed by hand carries its metadata
// nowhere else, and the narrative and year checks need it.
#pragma once

#include "core/model/scorecard.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

// nullopt unless the text names a year (19xx/20xx followed by 年) and reads as an evaluation title
// (绩效评价/绩效自评/打分表). Fields it cannot separate stay empty; a 部门整体支出 title or caption names no
// project ("…2025年度部门整体支出绩效评价报告": project empty).
std::optional<Metadata> parseReportTitle(std::string_view text);

// Whether a title or caption names a 部门整体支出 evaluation — the department's whole spending, no project
// ("…2025年度部门整体支出绩效评价报告", "附表1：…2025年度部门整体支出绩效评价指标体系及打分表", also without
// a unit or year: "附件：部门整体支出绩效评价指标体系评分表"): what the caption rule writes for a
// department's table (core/write/score_table_caption), or the title a department's table was read with, read
// back.
bool namesWholeDepartment(std::string_view title);

// The project's name as a title or caption quotes it before "支出绩效评价…": a name that ends in 支出 already
// ("…经费支出", as some units enter it) loses it, so the caption does not say 支出 twice.
std::string projectInTitle(std::string_view project);

} // namespace jixiao
