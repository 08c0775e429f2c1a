#include "core/read/paragraph_kind.hpp"

#include "core/text/prose_text.hpp"
#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

namespace jixiao::prose {
namespace {

using Text = std::u32string;
using View = std::u32string_view;

} // namespace

// Words by which a paragraph names the kind of document — the report, its scoring table.
bool namesReportKind(View text) {
    return hasAny(text, {U"绩效评价报告", U"评价报告", U"自评报告", U"打分表", U"评分表", U"指标体系"});
}

// A title or caption: names the report kind, is short and is at most one sentence. The 评价结论 paragraph
// also names the 打分表, but inside a long sentence; that quote is checked through 《…》 instead.
bool isTitleOrCaption(View text) {
    const View t = trimSpaces(text);
    if (!namesReportKind(t) || t.size() > 80)
        return false;
    const auto stop = t.find(U'。');
    return stop == View::npos || stop + 1 == t.size();
}

namespace {
bool isChineseNumeral(char32_t c) {
    return has(U"一二三四五六七八九十", View(&c, 1));
}
} // namespace
// A numbered heading: 一、… （一）… (1)… 1.… 1、… 第一章… — and short, so a numbered body paragraph
// ("1.加强组织领导。高度重视…") is not one.
bool isNumberedHeading(View text) {
    const View t = trimSpaces(text);
    if (t.empty() || t.size() > 30)
        return false;
    std::size_t i = 0;
    if (t[0] == U'（' || t[0] == U'(') {
        i = 1;
        while (i < t.size() && (isChineseNumeral(t[i]) || isDigitAnyWidth(t[i])))
            ++i;
        return i > 1 && i < t.size() && (t[i] == U'）' || t[i] == U')');
    }
    if (t[0] == U'第')
        return t.find_first_of(U"章节部分篇") != View::npos && t.find_first_of(U"章节部分篇") <= 5;
    while (i < t.size() && (isChineseNumeral(t[i]) || isDigitAnyWidth(t[i])))
        ++i;
    return i > 0 && i < t.size() && (t[i] == U'、' || t[i] == U'.' || t[i] == U'．');
}

int captionParagraph(const std::vector<std::string>& paragraphs) {
    for (int i = int(paragraphs.size()) - 1; i >= 0; --i) {
        const Text text = decodeUtf8(paragraphs[std::size_t(i)]);
        if (isTitleOrCaption(text) && hasAny(text, {U"打分表", U"评分表", U"指标体系"}))
            return i;
    }
    return -1;
}

} // namespace jixiao::prose
