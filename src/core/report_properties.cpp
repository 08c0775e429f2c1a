#include "core/report_properties.hpp"

#include "core/grade_bands.hpp"

namespace jixiao {

void applyReportProperties(const ReportProperties& properties, Scorecard& card) {
    if (card.meta.unit.empty())
        card.meta.unit = properties.unit;
    if (card.meta.project.empty())
        card.meta.project = properties.project;
    if (!card.meta.year)
        card.meta.year = properties.year;
    if (!card.funding.budget)
        card.funding.budget = properties.budget;
    if (!card.funding.actual)
        card.funding.actual = properties.actual;
}

ReportProperties reportPropertiesOf(const Scorecard& card) {
    return {card.meta.unit,      card.meta.project,   card.meta.year,
            card.funding.budget, card.funding.actual, formatGradeBands(card.gradeBands)};
}

} // namespace jixiao
