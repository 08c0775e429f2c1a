#include "uno/host/document_properties.hpp"

#include "uno/base/ustring.hpp"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

// Property names are what users see in File ▸ Properties, so they are the Chinese terms of the report.
const OUString kUnit = fromUtf8("单位");
const OUString kProject = fromUtf8("项目名称");
const OUString kYear = fromUtf8("年度");
const OUString kBudget = fromUtf8("预算（万元）");
const OUString kActual = fromUtf8("实际支出（万元）");
// The grade bands the report was graded with, in words (core/model/grade_bands.hpp): "优秀 ≥ 90；良好 ≥
// 80；…".
const OUString kGradeBands = fromUtf8("评价等级标准");
// Jixiao's bookkeeping for a report rolled forward (core/write/roll_forward.hpp): "2025 <fingerprint> …".
const OUString kRolledForward = fromUtf8("Jixiao.rollforward");

Reference<beans::XPropertySet> userProperties(const Reference<frame::XModel>& model) {
    Reference<document::XDocumentPropertiesSupplier> supplier(model, UNO_QUERY_THROW);
    return Reference<beans::XPropertySet>(supplier->getDocumentProperties()->getUserDefinedProperties(),
                                          UNO_QUERY_THROW);
}

std::string readString(const Reference<beans::XPropertySet>& props, const OUString& name) {
    if (!props->getPropertySetInfo()->hasPropertyByName(name))
        return {};
    const uno::Any value = props->getPropertyValue(name);
    OUString text;
    if (value >>= text)
        return toUtf8(text);
    double number = 0;
    if (value >>= number)
        return toUtf8(OUString::number(number));
    return {};
}

void writeString(const Reference<beans::XPropertySet>& props, const OUString& name,
                 const std::string& value) {
    if (props->getPropertySetInfo()->hasPropertyByName(name)) {
        props->setPropertyValue(name, uno::Any(fromUtf8(value)));
        return;
    }
    Reference<beans::XPropertyContainer>(props, UNO_QUERY_THROW)
        ->addProperty(name, beans::PropertyAttribute::REMOVABLE, uno::Any(fromUtf8(value)));
}

} // namespace

StoredProperties readStoredProperties(const Reference<frame::XModel>& model) {
    const auto props = userProperties(model);
    return {readString(props, kUnit),         readString(props, kProject), readString(props, kYear),
            readString(props, kBudget),       readString(props, kActual),  readString(props, kGradeBands),
            readString(props, kRolledForward)};
}

ReportProperties readReportProperties(const Reference<frame::XModel>& model) {
    return parseReportProperties(readStoredProperties(model));
}

void writeReportProperties(const Reference<frame::XModel>& model, const ReportProperties& properties) {
    const auto props = userProperties(model);
    writeString(props, kUnit, properties.unit);
    writeString(props, kProject, properties.project);
    writeString(props, kYear, properties.year ? std::to_string(*properties.year) : std::string{});
    writeString(props, kBudget, properties.budget ? properties.budget->toString(2) : std::string{});
    writeString(props, kActual, properties.actual ? properties.actual->toString(2) : std::string{});
    if (!properties.gradeBands.empty()) // the deck's fields do not hold them: kept as they are
        writeString(props, kGradeBands, properties.gradeBands);
    if (properties.rolledForward)
        writeString(props, kRolledForward, formatRolledForward(*properties.rolledForward));
}

void writeGradeBands(const Reference<frame::XModel>& model, const std::string& text) {
    const auto props = userProperties(model);
    if (!text.empty()) {
        writeString(props, kGradeBands, text);
    } else if (props->getPropertySetInfo()->hasPropertyByName(kGradeBands)) {
        Reference<beans::XPropertyContainer>(props, UNO_QUERY_THROW)->removeProperty(kGradeBands);
    }
}

namespace {
// A property per section, named so users can tell it is Jixiao's bookkeeping in File ▸ Properties.
OUString fingerprintProperty(const std::string& sectionId) {
    return fromUtf8("Jixiao.section." + sectionId);
}
} // namespace

std::string readSectionFingerprint(const Reference<frame::XModel>& model, const std::string& sectionId) {
    return readString(userProperties(model), fingerprintProperty(sectionId));
}

void writeSectionFingerprint(const Reference<frame::XModel>& model, const std::string& sectionId,
                             const std::string& fingerprint) {
    writeString(userProperties(model), fingerprintProperty(sectionId), fingerprint);
}

} // namespace jixiao::office

namespace jixiao::office {

std::string readCommentRecord(const Reference<frame::XModel>& model) {
    return readString(userProperties(model), OUString::createFromAscii(kCommentRecordProperty));
}

void writeCommentRecord(const Reference<frame::XModel>& model, const std::string& record) {
    writeString(userProperties(model), OUString::createFromAscii(kCommentRecordProperty), record);
}

} // namespace jixiao::office
