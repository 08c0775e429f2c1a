// Report metadata (单位, 项目名称, 年度, 预算, 实际支出) kept as the document's user-defined properties, so
// it travels with the file (File ▸ Properties ▸ Custom Properties) and feeds titles and narrative.
#pragma once

#include "core/check/finding_comments.hpp"
#include "core/model/report_properties.hpp"
#include "core/model/scorecard.hpp"

#include <com/sun/star/frame/XModel.hpp>

namespace jixiao::office {

using jixiao::ReportProperties;
using jixiao::StoredProperties;

// The properties' text as stored; the core reads them (parseReportProperties).
StoredProperties readStoredProperties(const css::uno::Reference<css::frame::XModel>& model);
// readStoredProperties, read by the core.
ReportProperties readReportProperties(const css::uno::Reference<css::frame::XModel>& model);
void writeReportProperties(const css::uno::Reference<css::frame::XModel>& model,
                           const ReportProperties& properties);

// Stores the grade bands the report is graded with (formatGradeBands' text); empty removes them.
void writeGradeBands(const css::uno::Reference<css::frame::XModel>& model, const std::string& text);

// The fingerprint of the text Jixiao last wrote into a section (empty when it has not written one).
std::string readSectionFingerprint(const css::uno::Reference<css::frame::XModel>& model,
                                   const std::string& sectionId);
void writeSectionFingerprint(const css::uno::Reference<css::frame::XModel>& model,
                             const std::string& sectionId, const std::string& fingerprint);

// The fingerprints of the comments Jixiao wrote (core/check/finding_comments.hpp: kCommentRecordProperty).
std::string readCommentRecord(const css::uno::Reference<css::frame::XModel>& model);
void writeCommentRecord(const css::uno::Reference<css::frame::XModel>& model, const std::string& record);

} // namespace jixiao::office
