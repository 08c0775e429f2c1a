#include "core/read/rules.hpp"

#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

namespace jixiao {
namespace {

// `count` whole steps of `perStep` points, saturating instead of overflowing: a deficit of billions of steps
// simply deducts everything.
Decimal stepsTimes(std::int64_t count, Decimal perStep, Decimal cap) {
    if (count <= 0 || perStep <= 0)
        return 0;
    if (count > std::numeric_limits<std::int64_t>::max() / Decimal::kScale)
        return cap;
    const Decimal total = Decimal::fromUnits(count * Decimal::kScale) * perStep;
    return Decimal::min(total, cap);
}

std::optional<Decimal> stepBelow(const ScoringRule& r, Decimal weight, Decimal value) {
    if (r.step <= 0)
        return std::nullopt;
    const bool full = r.inclusive ? value >= r.threshold : value > r.threshold;
    if (full)
        return weight;
    Decimal deficit;
    try {
        deficit = r.threshold - value; // ≥ 0 here
    } catch (const std::overflow_error&) {
        // A shortfall too large to represent deducts everything there is to deduct.
        return r.deduction.isZero() ? weight : Decimal(0);
    }
    // Integer division on the fixed-point units is exact, unlike dividing two Decimals (which rounds at the
    // sixth place and could turn 0.9999996 steps into one).
    const std::int64_t whole = deficit.units() / r.step.units();
    const bool remainder = deficit.units() % r.step.units() != 0;
    std::int64_t steps = whole;
    if (r.partialSteps)
        steps = std::max<std::int64_t>(1, whole + (remainder ? 1 : 0));
    return Decimal::max(0, weight - stepsTimes(steps, r.deduction, weight));
}

std::optional<Decimal> weightShareBelow(const ScoringRule& r, Decimal weight, Decimal value) {
    const bool full = r.inclusive ? value >= r.threshold : value > r.threshold;
    if (full)
        return weight;
    if (r.zeroBelow && (value < *r.zeroBelow || (r.zeroInclusive && value == *r.zeroBelow)))
        return Decimal(0);
    Decimal lostShare = 1;
    try {
        lostShare = (r.threshold - value) * r.weightShare;
    } catch (const std::overflow_error&) {
        // An unrepresentably large shortfall loses the whole weight (lostShare stays 1).
    }
    if (lostShare >= 1)
        return Decimal(0);
    return Decimal::max(0, weight - weight * lostShare);
}

std::optional<Decimal> bands(const ScoringRule& r, Decimal weight, Decimal value) {
    if (r.bands.empty())
        return std::nullopt;
    const ScoreBand* best = nullptr;
    for (const auto& band : r.bands)
        if (band.atLeast <= value && (best == nullptr || band.atLeast > best->atLeast))
            best = &band;
    if (best == nullptr)
        return Decimal(0);
    return best->score.clamp(0, Decimal::max(0, weight));
}

// ---- recognising 评价标准 text ----------------------------------------------------------------------------

using Text = std::u32string;

bool at(const Text& s, std::size_t i, std::u32string_view w) {
    return i <= s.size() && s.size() - i >= w.size() && std::u32string_view(s).substr(i, w.size()) == w;
}

std::size_t find(const Text& s, std::u32string_view w, std::size_t from = 0) {
    return from > s.size() ? Text::npos : s.find(w, from);
}

int chineseDigit(char32_t c) {
    static constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
    if (c == U'〇')
        return 0;
    if (c == U'两')
        return 2;
    const auto pos = kDigits.find(c);
    return pos == std::u32string_view::npos ? -1 : static_cast<int>(pos);
}

// An Arabic ("0.5", "2.5") or small Chinese ("一", "两", "十五", "半") number starting at i; returns its end,
// or i when there is none.
std::size_t readAmount(const Text& s, std::size_t i, Decimal* value) {
    std::size_t j = i;
    while (j < s.size() && isAsciiDigit(s[j]))
        ++j;
    if (j > i) {
        if (j + 1 < s.size() && s[j] == U'.' && isAsciiDigit(s[j + 1])) {
            j += 2;
            while (j < s.size() && isAsciiDigit(s[j]))
                ++j;
        }
        if (j - i > 12) // no 评价标准 has a number that long; keeps Decimal::parse in range
            return i;
        auto parsed = Decimal::parse(encodeUtf8(std::u32string_view(s).substr(i, j - i)));
        if (!parsed)
            return i;
        *value = *parsed;
        return j;
    }
    if (i < s.size() && s[i] == U'半') {
        *value = Decimal::fromUnits(Decimal::kScale / 2);
        return i + 1;
    }
    int tens = 0;
    int units = -1;
    if (i < s.size() && s[i] == U'十') {
        tens = 1;
        j = i + 1;
    } else if (i < s.size() && chineseDigit(s[i]) >= 0) {
        units = chineseDigit(s[i]);
        j = i + 1;
        if (j < s.size() && s[j] == U'十') {
            tens = units;
            units = -1;
            ++j;
        }
    } else {
        return i;
    }
    if (tens > 0 && j < s.size() && chineseDigit(s[j]) > 0)
        units = chineseDigit(s[j++]);
    *value = tens * 10 + std::max(units, 0);
    return j;
}

// Start of the Arabic number that ends at `end` (exclusive), or `end` when none does.
std::size_t numberStartBefore(const Text& s, std::size_t end) {
    std::size_t b = end;
    while (b > 0 && (isAsciiDigit(s[b - 1]) || s[b - 1] == U'.'))
        --b;
    while (b < end && s[b] == U'.')
        ++b;
    return b;
}

bool endsWithAt(const Text& s, std::size_t end, std::u32string_view w) {
    return end >= w.size() && at(s, end - w.size(), w);
}

struct Threshold {
    Decimal value;
    bool inclusive = false;
    std::size_t end = 0; // just after the '%'
};

// The rate that earns full marks: the last "<comparator>N%" or "N%以上" before `limit`.
std::optional<Threshold> findThreshold(const Text& s, std::size_t limit) {
    static constexpr std::array<std::pair<std::u32string_view, bool>, 13> kComparators = {{
        {U"大于或等于", true},
        {U"大于等于", true},
        {U"不低于", true},
        {U"不少于", true},
        {U"达到", true},
        {U"≥", true},
        {U">=", true},
        {U"达", true},
        {U"高于", false},
        {U"大于", false},
        {U"超过", false},
        {U"多于", false},
        {U">", false},
    }};
    std::optional<Threshold> best;
    for (std::size_t p = 0; p < limit && p < s.size(); ++p) {
        if (s[p] != U'%')
            continue;
        const std::size_t b = numberStartBefore(s, p);
        if (b == p)
            continue;
        auto value = Decimal::parse(encodeUtf8(std::u32string_view(s).substr(b, p - b)));
        if (!value || p - b > 12)
            continue;
        std::optional<bool> inclusive;
        for (const auto& [word, incl] : kComparators) {
            if (endsWithAt(s, b, word)) {
                inclusive = incl;
                break;
            }
        }
        std::size_t after = p + 1;
        if (at(s, after, U"(含)"))
            after += 3;
        if (at(s, after, U"及以上") || at(s, after, U"以上"))
            inclusive = true; // 以上 includes the number itself (民法典 art. 1259)
        if (inclusive)
            best = Threshold{*value, *inclusive, p + 1};
    }
    return best;
}

struct Step {
    Decimal width;
    std::size_t end = 0;
};

// "每少5个百分点", "每低5个百分点", "每下降1%".
std::optional<Step> findStep(const Text& s, std::size_t from) {
    static constexpr std::array<std::u32string_view, 7> kVerbs = {U"下降", U"减少", U"降低", U"低于",
                                                                  U"少",   U"低",   U"降"};
    static constexpr std::array<std::u32string_view, 5> kUnits = {U"个百分点", U"百分点", U"个点", U"%",
                                                                  U"点"};
    for (std::size_t p = find(s, U"每", from); p != Text::npos; p = find(s, U"每", p + 1)) {
        for (auto verb : kVerbs) {
            if (!at(s, p + 1, verb))
                continue;
            Decimal width;
            const std::size_t n = readAmount(s, p + 1 + verb.size(), &width);
            if (n == p + 1 + verb.size())
                break;
            for (auto unit : kUnits)
                if (at(s, n, unit))
                    return Step{width, n + unit.size()};
            break;
        }
    }
    return std::nullopt;
}

// "扣0.5分", "扣一分", "扣1分" starting the search at `from`.
std::optional<Decimal> findPoints(const Text& s, std::size_t from, std::size_t* end = nullptr) {
    for (std::size_t p = find(s, U"扣", from); p != Text::npos; p = find(s, U"扣", p + 1)) {
        Decimal points;
        const std::size_t n = readAmount(s, p + 1, &points);
        if (n > p + 1 && at(s, n, U"分")) {
            if (end)
                *end = n + 1;
            return points;
        }
    }
    return std::nullopt;
}

int countCircledItems(const Text& s) {
    std::array<bool, 20> seen{};
    for (char32_t c : s)
        if (c >= U'①' && c <= U'⑳')
            seen[static_cast<std::size_t>(c - U'①')] = true;
    return static_cast<int>(std::count(seen.begin(), seen.end(), true));
}

// "60%以下，不计分" (inclusive) or "低于60%不得分" (exclusive), after `from`.
std::optional<std::pair<Decimal, bool>> findZeroBelow(const Text& s, std::size_t from) {
    static constexpr std::array<std::u32string_view, 5> kZero = {U"不计分", U"不得分", U"得0分", U"计0分",
                                                                 U"为0分"};
    auto zeroFollows = [&](std::size_t i) {
        while (i < s.size() && (s[i] == U',' || s[i] == U'的' || s[i] == U'者' || s[i] == U'时'))
            ++i;
        return std::any_of(kZero.begin(), kZero.end(), [&](auto w) { return at(s, i, w); });
    };
    for (std::size_t p = from; p < s.size(); ++p) {
        if (s[p] != U'%')
            continue;
        const std::size_t b = numberStartBefore(s, p);
        if (b == p || p - b > 12)
            continue;
        auto value = Decimal::parse(encodeUtf8(std::u32string_view(s).substr(b, p - b)));
        if (!value)
            continue;
        if ((at(s, p + 1, U"以下") && zeroFollows(p + 3)) || (at(s, p + 1, U"及以下") && zeroFollows(p + 4)))
            return std::pair{*value, true};
        if ((endsWithAt(s, b, U"低于") || endsWithAt(s, b, U"小于") || endsWithAt(s, b, U"不足")) &&
            zeroFollows(p + 1))
            return std::pair{*value, false};
    }
    return std::nullopt;
}

Text normalise(std::string_view text) {
    Text out;
    for (char32_t c : decodeUtf8(toHalfWidth(text)))
        if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\r' && c != U'\u00A0')
            out += c;
    return out;
}

} // namespace

std::optional<Decimal> suggestedScore(const ScoringRule& rule, Decimal weight, Decimal measured,
                                      bool severe) {
    if (weight.isNegative())
        return std::nullopt;
    try {
        std::optional<Decimal> score;
        switch (rule.kind) {
        case RuleKind::StepBelowThreshold:
            score = stepBelow(rule, weight, measured);
            break;
        case RuleKind::WeightShareBelowThreshold:
            score = weightShareBelow(rule, weight, measured);
            break;
        case RuleKind::Proportional:
            if (rule.target <= 0)
                return std::nullopt;
            if (measured <= 0)
                score = Decimal(0);
            else if (measured >= rule.target)
                score = weight;
            else
                score = Decimal::divide(measured * weight, rule.target);
            break;
        case RuleKind::Bands:
            score = bands(rule, weight, measured);
            break;
        case RuleKind::Checklist: {
            if (severe)
                return Decimal(0);
            if (rule.deduction.isNegative())
                return std::nullopt;
            Decimal lost = weight;
            try {
                lost = Decimal::max(0, measured) * rule.deduction;
            } catch (const std::overflow_error&) {
                // More failed items than Decimal can count still only deducts everything.
            }
            score = weight - Decimal::min(lost, weight);
            break;
        }
        case RuleKind::Judgement:
            return std::nullopt;
        }
        if (!score)
            return std::nullopt;
        return score->clamp(0, weight).rounded(2);
    } catch (const std::overflow_error&) {
        return std::nullopt;
    }
}

Decimal maxChecklistDeduction(const ScoringRule& rule) {
    if (rule.kind != RuleKind::Checklist || rule.items <= 0)
        return 0;
    try {
        return Decimal(rule.items) * rule.deduction;
    } catch (const std::overflow_error&) {
        return Decimal::fromUnits(std::numeric_limits<std::int64_t>::max());
    }
}

namespace {

// ---- the recognisers, one per family of phrasings, tried in order
// ------------------------------------------

using Recogniser = std::optional<RuleRecognition> (*)(const Text& s, Decimal weight);

RuleRecognition recognised(const ScoringRule& rule, bool computable, std::string why) {
    return RuleRecognition{rule, computable, std::move(why)};
}

// 预算执行率: "95%以上，得满分；低于95%，每下降1%扣权重的1%；60%以下，不计分".
std::optional<RuleRecognition> weightShareBelowThreshold(const Text& s, Decimal /*weight*/) {
    const std::size_t share = find(s, U"扣权重的");
    if (share == Text::npos)
        return std::nullopt;
    const auto threshold = findThreshold(s, share);
    const auto step = findStep(s, threshold ? threshold->end : 0);
    Decimal percentOfWeight;
    const std::size_t n = readAmount(s, share + 4, &percentOfWeight);
    if (!threshold || !step || step->width <= 0 || n == share + 4 || !at(s, n, U"%") ||
        percentOfWeight <= 0 || percentOfWeight > step->width * 100)
        return std::nullopt;
    ScoringRule rule;
    rule.kind = RuleKind::WeightShareBelowThreshold;
    rule.threshold = threshold->value;
    rule.inclusive = threshold->inclusive;
    // Stored per point of the rate: "每下降2%扣权重的1%" is 0.5% of the weight per point.
    rule.weightShare = *Decimal::divide(*Decimal::divide(percentOfWeight, 100), step->width);
    if (rule.weightShare <= 0 || rule.weightShare > 1)
        return RuleRecognition{std::nullopt, false, "share of the weight per point out of range"};
    // A floor above the full-marks threshold contradicts itself; such a floor is ignored rather than
    // producing a rule the template reader would reject.
    if (auto zero = findZeroBelow(s, n); zero && zero->first <= rule.threshold) {
        rule.zeroBelow = zero->first;
        rule.zeroInclusive = zero->second;
    }
    return recognised(rule, true,
                      "full at " + std::string(rule.inclusive ? ">= " : "> ") + rule.threshold.toString() +
                          "%, each point below loses " + (rule.weightShare * 100).toString(4) +
                          "% of the weight");
}

// 资金到位率 / 满意度: "大于90%的得满分，每少5个百分点扣0.5分".
std::optional<RuleRecognition> stepBelowThreshold(const Text& s, Decimal /*weight*/) {
    const std::size_t full = find(s, U"满分");
    if (full == Text::npos)
        return std::nullopt;
    const auto threshold = findThreshold(s, full);
    const auto step = findStep(s, full);
    const auto points = step ? findPoints(s, step->end) : std::nullopt;
    if (!threshold || !step || step->width <= 0 || !points)
        return std::nullopt;
    ScoringRule rule;
    rule.kind = RuleKind::StepBelowThreshold;
    rule.threshold = threshold->value;
    rule.inclusive = threshold->inclusive;
    rule.step = step->width;
    // The text grants full marks only at (or above) the threshold, so any shortfall — even less than one
    // step, even exactly at an exclusive threshold — must cost at least one step.
    rule.partialSteps = true;
    rule.deduction = *points;
    return recognised(rule, true,
                      "full at " + std::string(rule.inclusive ? ">= " : "> ") + rule.threshold.toString() +
                          "%, " + rule.deduction.toString() + " per started " + rule.step.toString() +
                          " points below");
}

// A count: "未通过一个扣一分". The rate gate before it ("通过率达95%及以上得满分") cannot be scored from a
// count alone, so the measured value is the number that failed (0 when the rate reaches the gate).
constexpr std::array<std::u32string_view, 3> kPerUnitPhrases = {U"一个扣", U"每个扣", U"一处扣"};

std::optional<RuleRecognition> perFailedUnit(const Text& s, Decimal /*weight*/) {
    for (auto phrase : kPerUnitPhrases) {
        const std::size_t p = find(s, phrase);
        if (p == Text::npos)
            continue;
        // The phrase ends in 扣: the points start where it does.
        if (auto points = findPoints(s, p + phrase.size() - 1)) {
            ScoringRule rule;
            rule.kind = RuleKind::Checklist;
            rule.deduction = *points;
            return recognised(rule, true,
                              "count: " + points->toString() + " per failed unit (measured = number failed)");
        }
    }
    return std::nullopt;
}

// Checklist: "①…；②…。一项不符合扣0.5分，严重的此项完全不得分".
constexpr std::array<std::u32string_view, 7> kChecklistPhrases = {
    U"一项不符合扣", U"每项不符合扣",     U"不符合一项扣", U"一项不符扣",
    U"一项不达标扣", U"每有一项不符合扣", U"一项未达到扣"};

std::optional<RuleRecognition> checklist(const Text& s, Decimal weight) {
    for (auto phrase : kChecklistPhrases) {
        const std::size_t p = find(s, phrase);
        if (p == Text::npos)
            continue;
        auto points = findPoints(s, p);
        if (!points)
            continue;
        ScoringRule rule;
        rule.kind = RuleKind::Checklist;
        rule.items = countCircledItems(s);
        rule.deduction = *points;
        if (rule.items == 0)
            return recognised(
                rule, true, "checklist without enumerated items, " + points->toString() + " per failed item");
        std::string why = "checklist of " + std::to_string(rule.items) + " items, " + points->toString() +
                          " per failed item";
        if (maxChecklistDeduction(rule) != weight)
            why += "; items x deduction = " + maxChecklistDeduction(rule).toString() +
                   " differs from the weight " + weight.toString();
        return recognised(rule, true, why);
    }
    return std::nullopt;
}

// "得分=实际完成率×指标分值，最高不超过指标分值": the rate (in %) over 100 times the weight.
constexpr std::array<std::u32string_view, 3> kProportionalPhrases = {U"×指标分值", U"×该指标分值", U"×分值"};

std::optional<RuleRecognition> proportional(const Text& s, Decimal /*weight*/) {
    if (std::none_of(kProportionalPhrases.begin(), kProportionalPhrases.end(),
                     [&](auto phrase) { return find(s, phrase) != Text::npos; }))
        return std::nullopt;
    ScoringRule rule;
    rule.kind = RuleKind::Proportional;
    rule.target = 100;
    return recognised(rule, true, "proportional: measured % / 100 x weight, capped at the weight");
}

// "按经济效益实现程度计算得分", "酌情扣分", "对照绩效目标…计算得分": a person scores it.
std::optional<RuleRecognition> judgement(const Text& s, Decimal /*weight*/) {
    if (find(s, U"实现程度") == Text::npos && find(s, U"酌情") == Text::npos &&
        (find(s, U"对照") == Text::npos || find(s, U"计算得分") == Text::npos))
        return std::nullopt;
    ScoringRule rule;
    rule.kind = RuleKind::Judgement;
    return recognised(rule, false, "scored by judgement against the performance target");
}

// Most specific first: a 预算执行率 text also says 满分, a checklist may also say 一个.
constexpr std::array<Recogniser, 6> kRecognisers = {
    weightShareBelowThreshold, stepBelowThreshold, perFailedUnit, checklist, proportional, judgement};

} // namespace

RuleRecognition recogniseRule(std::string_view standardText, Decimal weight) {
    const Text s = normalise(standardText);
    for (const Recogniser recognise : kRecognisers)
        if (auto found = recognise(s, weight))
            return *found;
    return RuleRecognition{std::nullopt, false, s.empty() ? "no 评价标准 text" : "评价标准 not recognised"};
}

} // namespace jixiao
