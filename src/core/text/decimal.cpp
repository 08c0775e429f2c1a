#include "core/text/decimal.hpp"

#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace jixiao {
namespace {

__extension__ using Wide = __int128; // exact intermediate products of two int64s

constexpr std::int64_t pow10(int n) {
    std::int64_t p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

// Divides rounding half away from zero, the 四舍五入 of the finance office.
Wide divideHalfUp(Wide num, Wide den) {
    const bool negative = (num < 0) != (den < 0);
    if (num < 0)
        num = -num;
    if (den < 0)
        den = -den;
    Wide q = num / den;
    if ((num % den) * 2 >= den)
        ++q;
    return negative ? -q : q;
}

bool fits(Wide v) {
    return v <= std::numeric_limits<std::int64_t>::max() && v >= std::numeric_limits<std::int64_t>::min();
}

std::int64_t narrow(Wide v) {
    if (!fits(v))
        throw std::overflow_error("decimal overflow");
    return static_cast<std::int64_t>(v);
}

// The quotient num ÷ den, half-up, when it fits; den ≠ 0. Both operands are at most 2^63 · 10^8 in
// magnitude, far inside __int128, so only the result needs checking.
std::optional<std::int64_t> checkedQuotient(Wide num, Wide den) {
    const Wide q = divideHalfUp(num, den);
    if (!fits(q))
        return std::nullopt;
    return static_cast<std::int64_t>(q);
}

} // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    Wide whole = 0;
    Wide fraction = 0;
    int fractionDigits = 0;
    bool sawDigit = false;
    bool roundUp = false;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        whole = whole * 10 + (text[i] - '0');
        sawDigit = true;
        if (whole > Wide(kMaxParsedWhole))
            return std::nullopt;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            sawDigit = true;
            if (fractionDigits < kScaleDigits) {
                fraction = fraction * 10 + (text[i] - '0');
                ++fractionDigits;
            } else if (fractionDigits == kScaleDigits) {
                roundUp = text[i] >= '5';
                ++fractionDigits;
            }
        }
    }
    if (!sawDigit || i != text.size())
        return std::nullopt;
    const int used = fractionDigits > kScaleDigits ? kScaleDigits : fractionDigits;
    Wide units = whole * kScale + fraction * pow10(kScaleDigits - used) + (roundUp ? 1 : 0);
    if (units > Wide(kMaxParsedWhole) * kScale)
        return std::nullopt;
    return fromUnits(narrow(negative ? -units : units));
}

Decimal Decimal::rounded(int places) const {
    if (places < 0 || places > kScaleDigits)
        throw std::invalid_argument("places out of range");
    const std::int64_t step = pow10(kScaleDigits - places);
    return fromUnits(narrow(divideHalfUp(units_, step) * step));
}

std::string Decimal::toFixed(int places) const {
    const Decimal r = rounded(places);
    const std::int64_t absUnits = r.units_ < 0 ? -r.units_ : r.units_;
    std::string out = r.units_ < 0 ? "-" : "";
    out += std::to_string(absUnits / kScale);
    if (places > 0) {
        std::string frac = std::to_string(absUnits % kScale);
        frac.insert(0, static_cast<std::size_t>(kScaleDigits) - frac.size(), '0');
        out += '.';
        out += frac.substr(0, static_cast<std::size_t>(places));
    }
    return out;
}

std::string Decimal::toString(int places) const {
    std::string out = toFixed(places);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.')
            out.pop_back();
    }
    if (out == "-0")
        out = "0";
    return out;
}

Decimal& Decimal::operator+=(Decimal o) {
    units_ = narrow(Wide(units_) + o.units_);
    return *this;
}

Decimal& Decimal::operator-=(Decimal o) {
    units_ = narrow(Wide(units_) - o.units_);
    return *this;
}

Decimal operator*(Decimal a, Decimal b) {
    return Decimal::fromUnits(narrow(divideHalfUp(Wide(a.units_) * b.units_, Decimal::kScale)));
}

std::optional<Decimal> Decimal::product(Decimal a, Decimal b) {
    const auto units = checkedQuotient(Wide(a.units_) * b.units_, Decimal::kScale);
    return units ? std::optional(fromUnits(*units)) : std::nullopt;
}

std::optional<Decimal> Decimal::divide(Decimal numerator, Decimal denominator) {
    if (denominator.units_ == 0)
        return std::nullopt;
    const auto units = checkedQuotient(Wide(numerator.units_) * kScale, denominator.units_);
    return units ? std::optional(fromUnits(*units)) : std::nullopt;
}

std::optional<Decimal> Decimal::percent(Decimal part, Decimal whole) {
    if (whole.units_ == 0)
        return std::nullopt;
    const auto units = checkedQuotient(Wide(part.units_) * kScale * 100, whole.units_);
    return units ? std::optional(fromUnits(*units)) : std::nullopt;
}

} // namespace jixiao
