// 从上年报告开始: what rolling last year's report forward changes, decided from what the document holds and
// nothing else. The adapter reads the copy of last year's report into a Report, asks planRollForward what to
// write, applies it as one undo step, and lists what a person must check (rolledForwardFindings).
//  * Years: a title or caption names the report year whatever it says, so every year in it becomes the new
//    one; elsewhere only last year's year changes, and only where it names the report year — not a date
//    ("2025年3月", "2025年底", "2025年上半年") and not the year of a document cited in 《…》 unless that
//    document is the report or its table. What is kept is listed.
//  * Cells: the scores, 扣分, 扣分原因, 小计, 合计, 等级 and the funding amounts are cleared, unless a
//  formula
//    the user wrote computes them (a formula is never replaced); indicators, weights, explanations and
//    standards stay. Nothing is cleared in a table read only in part (Report::partial).
//  * Paragraphs that quote figures (amounts, rates, scores, counts) are last year's data: listed, never kept
//    silently ("rollforward.prior-figures").
#pragma once

#include "core/assemble.hpp"
#include "core/model/finding.hpp"
#include "core/model/patch.hpp"
#include "core/model/report_properties.hpp"
#include "core/text/numbers.hpp"
#include "core/text/text.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// A text with last year's report-year mentions renamed. `renamed` and `kept` are the year mentions (code
// point offsets into the text before the change; a year keeps its four digits, so offsets stay valid).
struct RolledText {
    std::string after;
    std::vector<YearInText> renamed;
    std::vector<YearInText> kept; // last year's year where it is a date or a cited document's year
    bool changed() const { return !renamed.empty(); }
};
RolledText rollText(std::string_view text, int fromYear, int toYear);

struct ParagraphRoll {
    int paragraph = -1; // index into Report::paragraphs
    std::string before;
    RolledText rolled;
};

struct RollForwardPlan {
    int fromYear = 0;
    int toYear = 0;
    std::vector<ParagraphRoll> paragraphs; // the paragraphs whose text changes, in order
    Patch score;                           // the scoring table's cells cleared or renamed
    Patch funding;                         // the funding table's
    ReportProperties properties;           // 年度 + 1, 预算 and 实际支出 cleared
};

// Last year's year: the 年度 the user entered, else the year the table's title or the report title names.
std::optional<int> reportYearOf(const Report& report);

// What rolling `report` (read with its paragraphs) forward from `fromYear` writes.
RollForwardPlan planRollForward(const Report& report, int fromYear);

// Whether a paragraph quotes figures (an amount, a rate, a score or a count: a number followed by 万元, 元,
// %, 分, 件…, a year excepted); the offset/length in code points of the first, or nullopt.
struct FigureInText {
    int offset = 0;
    int length = 0;
};
std::optional<FigureInText> firstFigure(std::string_view paragraph);

// What a person must check after a roll-forward: each paragraph quoting figures ("rollforward.prior-figures",
// warning, args year) and each mention of `fromYear` kept as a date or a cited document's year
// ("rollforward.year-kept", info, args year, next). `unedited` holds the fingerprints (textFingerprint) of
// the paragraphs as the roll-forward left them: a paragraph edited since is the user's and no longer listed.
// Titles and headings quote no figures.
std::vector<Finding> rolledForwardFindings(const std::vector<std::string>& paragraphs, int fromYear,
                                           const std::set<std::string>& unedited);

// The paragraphs rolledForwardFindings would list right after a roll-forward, as fingerprints to remember.
std::set<std::string> paragraphsToCheck(const std::vector<std::string>& paragraphs, int fromYear);

} // namespace jixiao
