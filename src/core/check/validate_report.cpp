#include "core/check/validate_report.hpp"

#include "core/check/hidden_decimals.hpp"
#include "core/check/remembered_rules.hpp"
#include "core/check/validate.hpp"
#include "core/derive/recompute_plan.hpp"
#include "core/write/report_outline.hpp"
#include "core/write/roll_forward.hpp"

#include <optional>

namespace jixiao {

std::vector<Finding> validate(const Report& report, const ReportChecks& checks) {
    std::vector<Finding> findings = documentFindings(report, checks.templateErrors);
    for (auto& finding : findings) // left for the surface to word (core/assemble.hpp)
        if (finding.message.empty())
            finding.message = checks.ui.format(
                checks.lang, finding.messageKey.empty() ? finding.ruleId : finding.messageKey, finding.args);
    if (report
            .rolledForward) { // what a roll-forward left for a person to check (core/write/roll_forward.hpp)
        for (auto& finding : rolledForwardFindings(report.paragraphs, report.rolledForward->fromYear,
                                                   report.rolledForward->paragraphs)) {
            finding.message = checks.messages.format(checks.lang, finding.ruleId, finding.args);
            findings.push_back(std::move(finding));
        }
    }
    const std::optional<Scorecard> heldBack =
        judgedAsRead(report) ? std::nullopt : std::optional<Scorecard>(cardToJudge(report));
    const Scorecard& judged = heldBack ? *heldBack : report.card;
    ValidationInput input{judged, report.paragraphs, std::nullopt, report.reportYear,
                          rememberedVettedStandards(checks.templates)};
    input.proseFunding = report.proseFunding; // read once, by assemble
    input.actualProperty = report.actualProperty;
    input.problemsSection = report.problemsSection;
    auto checked = validate(input, checks.messages, checks.lang);
    findings.insert(findings.end(), checked.begin(), checked.end());
    for (auto& finding : hiddenDecimalFindings(report)) { // the cause of a sum that does not add up in print
        finding.message = checks.messages.format(checks.lang, finding.ruleId, finding.args);
        findings.push_back(std::move(finding));
    }
    const auto open = placeholderFindings(report.openPlaceholders, checks.messages, checks.lang);
    findings.insert(findings.end(), open.begin(), open.end());
    return findings;
}

} // namespace jixiao
