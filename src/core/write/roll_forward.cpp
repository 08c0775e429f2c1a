#include "core/write/roll_forward.hpp"

#include "core/read/paragraph_kind.hpp"
#include "core/read/report_title.hpp"
#include "core/text/fingerprint.hpp"
#include "core/text/numbers.hpp"
#include "core/text/prose_text.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace jixiao {
namespace {

using Text = std::u32string;
using View = std::u32string_view;

bool startsWith(View text, std::size_t at, View word) {
    return at <= text.size() && text.substr(at).starts_with(word);
}

bool isChineseNumeral(char32_t c) {
    return View(U"〇一二两三四五六七八九十").find(c) != View::npos;
}

// Whether the year whose 年 is at `at` names a time within that year — a date, a month, a season — rather
// than the year itself: "2025年3月", "2025年1-6月", "2025年底", "2025年上半年", "2025年第一季度".
bool isDated(View text, std::size_t at) {
    std::size_t i = at + 1; // after 年
    while (i < text.size() && isSpace(text[i]))
        ++i;
    for (const View word : {View(U"底"), View(U"初"), View(U"末"), View(U"上半年"), View(U"下半年"),
                            View(U"第"), View(U"春"), View(U"夏"), View(U"秋"), View(U"冬")})
        if (startsWith(text, i, word))
            return true;
    // A month, or a span of months: digits, numerals and dashes up to 月.
    std::size_t j = i;
    while (j < text.size() && j - i < 8 &&
           (isDigitAnyWidth(text[j]) || isChineseNumeral(text[j]) ||
            View(U"-—–~～至、").find(text[j]) != View::npos))
        ++j;
    return j > i && j < text.size() && text[j] == U'月';
}

// Whether code point `at` is inside a 《…》 quote that names some other document than the report or its
// table (富财行〔2025〕1号《…关于批复2025年部门预算的通知》): that document's year is its own.
bool isInCitedDocument(View text, std::size_t at) {
    const auto open = text.rfind(U'《', at);
    if (open == View::npos)
        return false;
    const auto close = text.find(U'》', open);
    if (close == View::npos || close < at)
        return false;
    return !prose::namesReportKind(text.substr(open, close - open));
}

// `year` in the digits of `original`: full-width digits stay full-width.
Text yearDigits(View original, int year) {
    const std::string ascii = std::to_string(year);
    Text out;
    for (std::size_t i = 0; i < ascii.size(); ++i) {
        const bool wide = i < original.size() && original[i] >= U'０' && original[i] <= U'９';
        out.push_back(wide ? char32_t(U'０' + (ascii[i] - '0')) : char32_t(ascii[i]));
    }
    return out;
}

void clear(Patch& patch, std::set<std::pair<int, int>>& done, const Grid& grid, const CellRef& ref) {
    if (!ref.known())
        return;
    const GridCell* cell = grid.find(ref.row, ref.column);
    if (cell == nullptr || cell->covered || !cell->formula.empty() || isBlank(cell->text))
        return; // a formula the user wrote computes it: kept
    if (!done.insert({ref.row, ref.column}).second)
        return;
    CellWrite write;
    write.cell = ref;
    patch.writes.push_back(std::move(write));
}

// The year mentions of every other text cell (a Calc title row, a header "2025年预算数").
void renameCells(Patch& patch, const std::set<std::pair<int, int>>& cleared, const Grid& grid, int fromYear,
                 int toYear) {
    for (int r = 0; r < grid.rows(); ++r)
        for (int c = 0; c < grid.columns(); ++c) {
            const GridCell& cell = grid.at(r, c);
            if (cell.covered || !cell.formula.empty() || cell.kind == CellKind::Number ||
                cleared.contains({r, c}))
                continue;
            const RolledText rolled = rollText(cell.text, fromYear, toYear);
            if (!rolled.changed())
                continue;
            CellWrite write;
            write.cell = {r, c, cell.address};
            write.text = rolled.after;
            patch.writes.push_back(std::move(write));
        }
}

void clearLeaves(const std::vector<Indicator>& indicators, const Grid& grid, Patch& patch,
                 std::set<std::pair<int, int>>& done) {
    for (const auto& indicator : indicators) {
        clear(patch, done, grid, indicator.cells.score);
        clear(patch, done, grid, indicator.cells.deduction);
        clear(patch, done, grid, indicator.cells.reason);
        clearLeaves(indicator.children, grid, patch, done);
    }
}

bool isTitleOrHeading(const std::string& paragraph) {
    const Text text = decodeUtf8(paragraph);
    return prose::isTitleOrCaption(text) || prose::isNumberedHeading(text);
}

// The units after which a number is a figure of the year: money, rates, scores, counts.
constexpr std::array<View, 12> kFigureUnits = {U"万元", U"亿元", U"元",   U"万", U"%",        U"％",
                                               U"分",   U"件",   U"人次", U"户", U"个百分点", U"次"};

} // namespace

RolledText rollText(std::string_view utf8, int fromYear, int toYear) {
    RolledText result;
    Text text = decodeUtf8(utf8);
    const bool title = prose::isTitleOrCaption(text);
    for (const auto& year : yearsInText(utf8)) {
        const auto at = std::size_t(year.offset);
        const auto nian = at + std::size_t(year.length); // the 年
        if (nian >= text.size() || text[nian] != U'年')
            continue; // a file number's year (富财行〔2025〕1号) is that file's
        const bool other = isDated(text, nian) || isInCitedDocument(text, at);
        if (title && !other && year.year != toYear) {
            result.renamed.push_back(year); // a title or caption names the report year, whatever it says
        } else if (year.year == fromYear) {
            (other ? result.kept : result.renamed).push_back(year);
        }
    }
    for (const auto& year : result.renamed) {
        const auto at = std::size_t(year.offset);
        const auto digits = yearDigits(View(text).substr(at, std::size_t(year.length)), toYear);
        text.replace(at, std::size_t(year.length), digits);
    }
    result.after = result.renamed.empty() ? std::string(utf8) : encodeUtf8(text);
    return result;
}

std::optional<int> reportYearOf(const Report& report) {
    if (report.reportYear)
        return report.reportYear;
    if (report.card.meta.year)
        return report.card.meta.year;
    for (const auto& paragraph : report.paragraphs) {
        if (isBlank(paragraph))
            continue;
        if (const auto meta = parseReportTitle(paragraph))
            return meta->year;
        break; // only the report's own title, its first paragraph
    }
    return std::nullopt;
}

RollForwardPlan planRollForward(const Report& report, int fromYear) {
    RollForwardPlan plan;
    plan.fromYear = fromYear;
    plan.toYear = fromYear + 1;
    for (std::size_t i = 0; i < report.paragraphs.size(); ++i) {
        RolledText rolled = rollText(report.paragraphs[i], plan.fromYear, plan.toYear);
        if (rolled.changed())
            plan.paragraphs.push_back({int(i), report.paragraphs[i], std::move(rolled)});
    }
    // A table read only in part is not cleared: where its cells could not be placed nothing is known to be a
    // score (validation's table.partial says so in the new document, as in the old one).
    if (report.hasScoreTable && !report.partial) {
        const Scorecard& card = report.card;
        const Grid& grid = report.scoreGrid;
        std::set<std::pair<int, int>> done;
        clearLeaves(card.indicators, grid, plan.score, done);
        for (const auto& subtotal : card.subtotals) {
            clear(plan.score, done, grid, subtotal.scoreCell);
            clear(plan.score, done, grid, subtotal.deductionCell);
        }
        clear(plan.score, done, grid, card.totals.scoreCell);
        clear(plan.score, done, grid, card.totals.deductionCell);
        clear(plan.score, done, grid, card.totals.gradeCell);
        renameCells(plan.score, done, grid, plan.fromYear, plan.toYear);
    }
    if (report.hasFundingTable) {
        const Funding& funding = report.card.funding;
        const Grid& grid = report.fundingGrid;
        std::set<std::pair<int, int>> done;
        for (const CellRef* ref : {&funding.budgetCell, &funding.actualCell, &funding.executionRateCell,
                                   &funding.totalCell, &funding.balanceCell})
            clear(plan.funding, done, grid, *ref);
        for (const auto& item : funding.items) {
            clear(plan.funding, done, grid, item.amountCell);
            clear(plan.funding, done, grid, item.shareCell);
        }
        renameCells(plan.funding, done, grid, plan.fromYear, plan.toYear);
    }
    plan.properties.unit = report.card.meta.unit;
    plan.properties.project = report.card.meta.project;
    plan.properties.year = plan.toYear; // 预算 and 实际支出 stay empty: last year's money is not this year's
    return plan;
}

std::optional<FigureInText> firstFigure(std::string_view paragraph) {
    const Text text = decodeUtf8(paragraph);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!isDigitAnyWidth(text[i]) || (i > 0 && isDigitAnyWidth(text[i - 1])))
            continue;
        std::size_t j = i;
        while (j < text.size() && (isDigitAnyWidth(text[j]) || text[j] == U'.' || text[j] == U'．'))
            ++j;
        std::size_t unit = j;
        while (unit < text.size() && isSpace(text[unit]))
            ++unit;
        if (startsWith(text, unit, U"年"))
            continue; // a year, not a figure
        for (const View word : kFigureUnits)
            if (startsWith(text, unit, word))
                return FigureInText{int(i), int(unit + word.size() - i)};
    }
    return std::nullopt;
}

std::vector<Finding> rolledForwardFindings(const std::vector<std::string>& paragraphs, int fromYear,
                                           const std::set<std::string>& unedited) {
    std::vector<Finding> findings;
    const auto at = [](const char* ruleId, Severity severity, int paragraph, int offset, int length) {
        Finding f;
        f.ruleId = ruleId;
        f.severity = severity;
        f.location = {Location::Kind::Paragraph, "", "", paragraph, offset, length};
        return f;
    };
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const std::string& text = paragraphs[i];
        if (isBlank(text) || !unedited.contains(textFingerprint(text)))
            continue;
        if (!isTitleOrHeading(text))
            if (const auto figure = firstFigure(text)) {
                Finding f = at("rollforward.prior-figures", Severity::Warning, int(i), figure->offset,
                               figure->length);
                f.args = {{"year", std::to_string(fromYear)}};
                findings.push_back(std::move(f));
            }
        for (const auto& kept : rollText(text, fromYear, fromYear + 1).kept) {
            Finding f = at("rollforward.year-kept", Severity::Info, int(i), kept.offset, kept.length);
            f.args = {{"year", std::to_string(fromYear)}, {"next", std::to_string(fromYear + 1)}};
            findings.push_back(std::move(f));
        }
    }
    return findings;
}

std::set<std::string> paragraphsToCheck(const std::vector<std::string>& paragraphs, int fromYear) {
    std::set<std::string> all;
    for (const auto& text : paragraphs)
        all.insert(textFingerprint(text));
    std::set<std::string> listed;
    for (const auto& finding : rolledForwardFindings(paragraphs, fromYear, all))
        listed.insert(textFingerprint(paragraphs[std::size_t(finding.location.paragraph)]));
    return listed;
}

} // namespace jixiao
