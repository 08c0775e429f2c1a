#include "core/model/report_properties.hpp"

#include "core/model/grade_bands.hpp"
#include "core/text/numbers.hpp"
#include "core/text/text.hpp"

#include <sstream>

namespace jixiao {
namespace {

// A number's whole part as a year, when it is one a report can be about.
std::optional<int> yearOf(const CellNumber& number) {
    if (number.status != CellNumber::Status::Number || !number.unit.empty() || number.percent)
        return std::nullopt;
    const auto whole = number.value.units() / Decimal::kScale;
    if (whole < kFirstYear || whole > kLastYear)
        return std::nullopt;
    return static_cast<int>(whole);
}

std::optional<Decimal> amountOf(const CellNumber& number) {
    if (number.status != CellNumber::Status::Number)
        return std::nullopt;
    return toWanYuan(number);
}

std::optional<ReportProperties::RolledForward> rolledForwardOf(const std::string& text) {
    std::istringstream rolled(text);
    ReportProperties::RolledForward mark;
    if (!(rolled >> mark.fromYear))
        return std::nullopt;
    for (std::string fingerprint; rolled >> fingerprint;)
        mark.paragraphs.insert(fingerprint);
    return mark;
}

} // namespace

ReportProperties parseReportProperties(const StoredProperties& stored) {
    ReportProperties properties;
    properties.unit = stored.unit;
    properties.project = stored.project;
    properties.year = yearOf(parseCellNumber(stored.year));
    properties.budget = amountOf(parseCellNumber(stored.budget));
    properties.actual = amountOf(parseCellNumber(stored.actual));
    properties.gradeBands = stored.gradeBands;
    properties.rolledForward = rolledForwardOf(stored.rolledForward);
    return properties;
}

std::string formatRolledForward(const ReportProperties::RolledForward& mark) {
    std::string text = std::to_string(mark.fromYear);
    for (const auto& fingerprint : mark.paragraphs)
        text += " " + fingerprint;
    return text;
}

TypedProperties parseTypedProperties(const std::string& unit, const std::string& project,
                                     const std::string& year, const std::string& budget,
                                     const std::string& actual) {
    TypedProperties typed;
    auto refuse = [&](const char* problem, const char* field, const CellNumber& number) {
        typed.problem = problem;
        typed.field = field;
        typed.found = number.found;
        return typed;
    };
    ReportProperties properties;
    properties.unit = unit;
    properties.project = project;
    const auto typedYear = parseCellNumber(year);
    if (typedYear.status == CellNumber::Status::Invalid)
        return refuse("error.metadata-number", "year", typedYear);
    if (typedYear.status == CellNumber::Status::Number) {
        properties.year = yearOf(typedYear);
        if (!properties.year)
            return refuse("error.metadata-year", "year", typedYear);
    }
    const auto typedBudget = parseCellNumber(budget);
    if (typedBudget.status == CellNumber::Status::Invalid)
        return refuse("error.metadata-number", "budget", typedBudget);
    const auto typedActual = parseCellNumber(actual);
    if (typedActual.status == CellNumber::Status::Invalid)
        return refuse("error.metadata-number", "actual", typedActual);
    properties.budget = amountOf(typedBudget);
    properties.actual = amountOf(typedActual);
    typed.properties = std::move(properties);
    return typed;
}

namespace {

// The properties hold 万元; a funding table or the self-evaluation form's block may count in 元 (a unit left
// unsaid is 万元, as the readers take it). An amount in any other unit is not converted, and so not filled or
// stored: a figure with the wrong scale would be one more answer for the same money.
std::optional<Decimal> wanYuanIn(const std::optional<Decimal>& wan, const std::string& unit) {
    if (!wan || unit == "万元" || unit.empty())
        return wan;
    if (unit == "元")
        return *wan * Decimal(10000);
    return std::nullopt;
}

std::optional<Decimal> asWanYuan(const std::optional<Decimal>& amount, const std::string& unit) {
    if (!amount || unit == "万元" || unit.empty())
        return amount;
    if (unit == "元")
        return Decimal::divide(*amount, Decimal(10000));
    return std::nullopt;
}

} // namespace

void applyReportProperties(const ReportProperties& properties, Scorecard& card) {
    if (card.meta.unit.empty())
        card.meta.unit = properties.unit;
    if (card.meta.project.empty())
        card.meta.project = properties.project;
    if (!card.meta.year)
        card.meta.year = properties.year;
    if (!card.funding.budget)
        card.funding.budget = wanYuanIn(properties.budget, card.funding.unit);
    if (!card.funding.actual)
        card.funding.actual = wanYuanIn(properties.actual, card.funding.unit);
}

ReportProperties reportPropertiesOf(const Scorecard& card) {
    return {card.meta.unit,
            card.meta.project,
            card.meta.year,
            asWanYuan(card.funding.budget, card.funding.unit),
            asWanYuan(card.funding.actual, card.funding.unit),
            formatGradeBands(card.gradeBands)};
}

} // namespace jixiao
