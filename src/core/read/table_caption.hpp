// The scoring table's caption as offices write it in Writer: a line of its own above the table
// ("附表1：{单位}{年度}年度{项目}支出绩效评价指标体系及打分表"), not a sentence of prose that quotes that
// title in 《…》 — the 评价结果 paragraph does, and so does the conclusion Jixiao writes itself, so taking a
// quote for the caption would nest the conclusion's quote one level deeper every time it is written again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// A caption line: names the scoring table (打分表/评分表/指标体系), starts with 附表 or ends with
// 表/指标体系, quotes nothing (no 《》) and is no sentence (no 。，；), and is short.
bool isTableCaptionLine(std::string_view utf8);

// The caption of the scoring table among the body paragraphs: the first line of the last run of caption
// lines (blank paragraphs between them do not end the run), trimmed; empty when there is none.
std::string tableCaptionIn(const std::vector<std::string>& paragraphs);

// The title a caption gives the table, without its appendix number ("附表1：…打分表" → "…打分表").
std::string withoutAppendixNumber(std::string_view caption);

} // namespace jixiao
