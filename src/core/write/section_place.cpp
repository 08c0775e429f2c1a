#include "core/write/section_place.hpp"

#include "core/text/fingerprint.hpp"
#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <string_view>

namespace jixiao {
namespace {

constexpr std::size_t kLongestHeading = 30; // code points; a longer paragraph is body text

bool isChineseNumeral(char32_t c) {
    return std::u32string_view(U"一二三四五六七八九十百").find(c) != std::u32string_view::npos;
}

// The heading without its numbering: "三、评价结论" → "评价结论"; the text itself when it is not numbered.
std::u32string_view withoutNumbering(std::u32string_view t) {
    std::size_t i = 0;
    if (!t.empty() && (t[0] == U'（' || t[0] == U'(')) {
        i = 1;
        while (i < t.size() && (isChineseNumeral(t[i]) || isDigitAnyWidth(t[i])))
            ++i;
        if (i > 1 && i < t.size() && (t[i] == U'）' || t[i] == U')'))
            return t.substr(i + 1);
        return t;
    }
    if (!t.empty() && t[0] == U'第') {
        const auto mark = t.find_first_of(U"章节部分篇");
        return mark != std::u32string_view::npos && mark <= 5 ? t.substr(mark + 1) : t;
    }
    while (i < t.size() && (isChineseNumeral(t[i]) || isDigitAnyWidth(t[i])))
        ++i;
    if (i > 0 && i < t.size() && (t[i] == U'、' || t[i] == U'.' || t[i] == U'．'))
        return t.substr(i + 1);
    return t;
}

// Letters only, lower case for ASCII: "Evaluation conclusion:" and "评价结论。" compare by their words.
std::u32string folded(std::u32string_view t) {
    std::u32string out;
    for (char32_t c : t) {
        if (isSpace(c) || std::u32string_view(U"。.：:；;，,").find(c) != std::u32string_view::npos)
            continue;
        out.push_back(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
    }
    return out;
}

// Whether a new section starting at paragraph `at` is under the heading at `heading`: from the heading up to
// the next heading of the same or a higher level (a new section written at the start of that heading goes
// before it, so still under this one).
bool isUnder(const std::vector<std::string>& paragraphs, int heading, int at) {
    if (at < heading)
        return false;
    const int level = headingLevel(paragraphs[std::size_t(heading)]);
    for (int i = heading + 1; i < static_cast<int>(paragraphs.size()) && i < at; ++i) {
        const int other = headingLevel(paragraphs[std::size_t(i)]);
        if (other > 0 && (level == 0 || other <= level))
            return false;
    }
    return true;
}

} // namespace

int headingLevel(const std::string& paragraph) {
    const std::u32string text = decodeUtf8(paragraph);
    const std::u32string_view t = trimSpaces(text);
    if (t.empty() || t.size() > kLongestHeading || withoutNumbering(t).size() == t.size())
        return 0;
    if (t[0] == U'第')
        return 1;
    const bool bracketed = t[0] == U'（' || t[0] == U'(';
    const char32_t first = bracketed ? t[1] : t[0];
    if (isChineseNumeral(first))
        return bracketed ? 2 : 1;
    return bracketed ? 4 : 3;
}

int findSectionHeading(const std::vector<std::string>& paragraphs, const std::vector<std::string>& titles) {
    std::vector<std::u32string> wanted;
    for (const auto& title : titles)
        if (auto f = folded(decodeUtf8(title)); !f.empty())
            wanted.push_back(std::move(f));
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const std::u32string text = decodeUtf8(paragraphs[i]);
        const std::u32string_view t = trimSpaces(text);
        if (t.empty() || t.size() > kLongestHeading)
            continue;
        const std::u32string name = folded(withoutNumbering(t));
        if (std::find(wanted.begin(), wanted.end(), name) != wanted.end())
            return static_cast<int>(i);
    }
    return -1;
}

ParagraphRun findFingerprintedRun(const std::vector<std::string>& paragraphs, const std::string& fingerprint,
                                  int maxParagraphs) {
    if (fingerprint.empty())
        return {};
    const int total = static_cast<int>(paragraphs.size());
    for (int first = 0; first < total; ++first) {
        std::string joined;
        for (int count = 1; count <= maxParagraphs && first + count <= total; ++count) {
            if (count > 1)
                joined += '\n';
            joined += paragraphs[std::size_t(first + count - 1)];
            if (textFingerprint(joined) == fingerprint)
                return {first, count};
        }
    }
    return {};
}

SectionPlan planSection(const SectionSearch& search) {
    if (search.anchored)
        return {SectionPlan::Kind::Refresh};
    if (!search.fingerprint.empty()) {
        if (const auto run = findFingerprintedRun(search.paragraphs, search.fingerprint); run.first >= 0)
            return {SectionPlan::Kind::Adopt, run.first, run.count};
        return {SectionPlan::Kind::AskLost};
    }
    const int heading = findSectionHeading(search.paragraphs, search.titles);
    if (heading >= 0 && (search.insertAt < 0 || !isUnder(search.paragraphs, heading, search.insertAt)))
        return {SectionPlan::Kind::AskHeading, heading};
    return {SectionPlan::Kind::Insert};
}

} // namespace jixiao
