// The one entry point for checking a document: the whole Report in, every finding out, worded. The findings
// about the document as a whole (documentFindings), what a roll-forward left for a person to check, the
// tables and the prose (validate), and the placeholders of a new report left unfilled — in that order, as
// the deck lists them before it sorts nothing further. The office, jixiao-batch's checker and the live run
// all call this; the office only fills `ReportChecks` from its extension data.
#pragma once

#include "core/assemble.hpp"
#include "core/model/finding.hpp"
#include "core/model/messages.hpp"
#include "core/write/templates.hpp"

#include <string>
#include <vector>

namespace jixiao {

struct ReportChecks {
    const MessageCatalog& messages; // findings (messages.json)
    const MessageCatalog& ui;       // the document-level findings' wording (ui.json)
    std::string lang;               // "zh-CN" or "en": every finding is worded in it
    // The shipped and user templates: their 评价标准 are the vetted ones (ValidationInput::vettedStandards).
    const std::vector<Template>& templates;
    // The user templates that did not load, each already worded (one template.invalid finding each).
    std::vector<std::string> templateErrors = {};
};

std::vector<Finding> validate(const Report& report, const ReportChecks& checks);

} // namespace jixiao
