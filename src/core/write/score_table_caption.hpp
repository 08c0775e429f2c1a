// The scoring table's caption (its title line, "{单位}{年度}年度{项目}支出绩效评价指标体系及打分表") as one
// rule for every place that names the table: the caption the office writes above it, the report's appendix
// line and the sections that quote it. The words are the catalog's (ui.json table.caption*); the rule chooses
// which and fills them.
#pragma once

#include "core/model/scorecard.hpp"
#include "core/model/user_error.hpp"

#include <string_view>

namespace jixiao {

// The catalog message that words the caption of a table of the framework kind `kind` (Template::kind).
// A 部门整体支出 table ("department") evaluates the department's whole spending, as its report's title says
// ("{unit}{year}年度部门整体支出绩效评价报告"), so its caption names that and no project: the
// table.caption-department keys. Any other kind names the project as titles quote it (projectInTitle). The
// year only when known (the -no-year keys); an unknown unit or project stays empty, leaving the fragment
// a later refresh completes.
Message scoreTableCaption(const Metadata& meta, std::string_view kind);

// The caption of a table written once and never refreshed (an import, the batch's report): the caption
// when it names what it evaluates (captionNamesSubject), else the generic name (table.caption-generic,
// "绩效评价指标体系及打分表") rather than the fragment only a later refresh would complete.
Message finalScoreTableCaption(const Metadata& meta, std::string_view kind);

// True when the caption names what it evaluates: the unit and, unless the table is a department's, the
// project. Otherwise a place that quotes the table by name says only the generic name.
bool captionNamesSubject(const Metadata& meta, std::string_view kind);

} // namespace jixiao
