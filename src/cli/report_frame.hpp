// The frame of the report `jixiao-batch build` writes, before the office fills it: the title, the two
// headings Jixiao's sections go under, each with an empty paragraph after it for what goes under it, and the
// annex number ("附表1：") the office completes with the scoring table's caption (importScorecard's, by the
// core's caption rule) and puts the table under. Worded from batch.json in the report's
// language; the title follows the core's title rule (core/write/report_outline's reportTitle).
#pragma once

#include "core/model/scorecard.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::cli {

struct ReportFrame {
    std::vector<std::string> paragraphs;
    // Where the office writes (indices into `paragraphs`): the 评价结论 and 成本效益分析 sections, each in an
    // empty paragraph, and the scoring table, at the end of the annex number's paragraph.
    std::size_t conclusion = 0;
    std::size_t costBenefit = 0;
    std::size_t scoreTable = 0;
};

// What the report evaluates, which its title names: a project, or a department's whole spending
// (部门整体支出, the department-overall framework).
enum class ReportSubject { Project, WholeDepartment };

// "{单位}{年度}年度{项目}支出绩效评价报告" when 单位, 年度 and 项目 are all known (a project named
// "…经费支出" says 支出 once); for a department's whole spending "{单位}{年度}年度部门整体支出绩效评价报告",
// which names no project, as the office's department report does (extension/reports/department-overall);
// the generic "绩效评价报告" otherwise.
ReportFrame reportFrame(const Metadata& meta, std::string_view lang = "zh-CN",
                        ReportSubject subject = ReportSubject::Project);

} // namespace jixiao::cli
