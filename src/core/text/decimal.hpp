// Exact decimal numbers for money, scores and percentages.
//
// Finance offices round half-up (四舍五入) and never show binary floating-point artefacts such as
// 36.179999999, so every number in the core is a fixed-point decimal with six fractional digits. Six digits
// keep intermediate ratios (0.72 / 1.99) exact enough that rounding the result to two places is always the
// rounding a person doing the sum by hand would get.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

class Decimal {
public:
    static constexpr int kScaleDigits = 6;
    static constexpr std::int64_t kScale = 1'000'000;

    constexpr Decimal() = default;
    // NOLINTNEXTLINE(google-explicit-constructor): integers convert losslessly and read naturally in tests.
    constexpr Decimal(int whole) : units_(static_cast<std::int64_t>(whole) * kScale) {}

    static constexpr Decimal fromUnits(std::int64_t units) {
        Decimal d;
        d.units_ = units;
        return d;
    }
    // The largest magnitude parse() accepts: 10^9 of any unit (a score, 万元, 元, a percentage). This is
    // the one overflow policy of the core: every number enters through parse(), so with inputs bounded
    // here the sums of thousands of them and every ratio stay far inside the 64-bit range and interior
    // arithmetic never throws. A larger figure reads as "not a number", which names its cell.
    static constexpr std::int64_t kMaxParsedWhole = 1'000'000'000;

    // Parses a plain ASCII decimal: optional sign, digits, optional '.' and digits. No units, no spaces;
    // see numbers.hpp for what people type into cells. Digits beyond the sixth decimal are rounded half-up.
    // nullopt beyond ±kMaxParsedWhole.
    static std::optional<Decimal> parse(std::string_view text);

    constexpr std::int64_t units() const { return units_; }
    double toDouble() const { return static_cast<double>(units_) / kScale; }

    // Half-up (away from zero at exactly .5) to `places` decimals, 0 <= places <= 6.
    Decimal rounded(int places) const;
    // Rounds half-up to `places`, then writes without trailing zeros ("2", "1.99", "99.5") — how the
    // sample report writes its figures.
    std::string toString(int places = 2) const;
    // Rounds half-up to `places` and always writes that many decimals ("2.00", "99.50").
    std::string toFixed(int places = 2) const;

    bool isZero() const { return units_ == 0; }
    bool isNegative() const { return units_ < 0; }

    friend constexpr auto operator<=>(const Decimal&, const Decimal&) = default;
    friend constexpr bool operator==(const Decimal&, const Decimal&) = default;

    Decimal operator-() const { return fromUnits(-units_); }
    Decimal& operator+=(Decimal o);
    Decimal& operator-=(Decimal o);
    friend Decimal operator+(Decimal a, Decimal b) { return a += b; }
    friend Decimal operator-(Decimal a, Decimal b) { return a -= b; }
    // Products and quotients are rounded half-up at the sixth decimal.
    friend Decimal operator*(Decimal a, Decimal b);

    // Checked arithmetic, the one way to combine two figures whose result the bound does not cover. Every
    // parsed number is inside ±kMaxParsedWhole, but a product or a ratio of two of them need not fit (1e9
    // 万元 in 元, a rate over a budget of 0.000001): these give std::nullopt then instead of throwing
    // std::overflow_error, and the caller says what it could not compute (a figure left unknown, a check
    // skipped, or a UserError — figures.hpp, requireFigure). Division by zero yields std::nullopt too: a
    // ratio of nothing is missing, not infinite.
    static std::optional<Decimal> product(Decimal a, Decimal b);
    static std::optional<Decimal> divide(Decimal numerator, Decimal denominator);
    // numerator / denominator × 100, the way shares and rates are quoted.
    static std::optional<Decimal> percent(Decimal part, Decimal whole);

    static Decimal min(Decimal a, Decimal b) { return a < b ? a : b; }
    static Decimal max(Decimal a, Decimal b) { return a < b ? b : a; }
    Decimal clamp(Decimal lo, Decimal hi) const { return max(lo, min(*this, hi)); }

private:
    std::int64_t units_ = 0;
};

} // namespace jixiao
