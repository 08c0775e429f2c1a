// What a paragraph is, read from its words: a title or caption naming the report kind, a numbered heading,
// the scoring table's caption. Validation checks the years of such paragraphs; roll-forward renames them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jixiao::prose {

// Words by which a paragraph names the kind of document — the report, its scoring table.
bool namesReportKind(std::u32string_view text);
// A title or caption: names the report kind, is short and is at most one sentence.
bool isTitleOrCaption(std::u32string_view text);
// A numbered heading: 一、… （一）… (1)… 1.… 1、… 第一章… — and short.
bool isNumberedHeading(std::u32string_view text);

// Index of the scoring table's caption: the last paragraph that names 打分表/评分表/指标体系 and reads like a
// caption (short, one sentence); -1 when there is none.
int captionParagraph(const std::vector<std::string>& paragraphs);

} // namespace jixiao::prose
