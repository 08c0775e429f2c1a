#include "uno/host/writer_body_style.hpp"

#include "uno/host/writer_text_read.hpp"

#include <rtl/ustring.hxx>

#include <com/sun/star/beans/PropertyState.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>

#include <array>
#include <map>
#include <utility>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace jixiao::office {
namespace {

// What makes body prose look like itself; character formatting follows the insertion point already.
constexpr std::array<const char*, 7> kParagraphProperties{
    "ParaFirstLineIndent", "ParaLeftMargin",  "ParaRightMargin", "ParaTopMargin",
    "ParaBottomMargin",    "ParaLineSpacing", "ParaAdjust"};

BodyParagraphFormat formatOf(const Reference<beans::XPropertySet>& paragraph) {
    BodyParagraphFormat format;
    format.found = true;
    format.styleName = paragraph->getPropertyValue("ParaStyleName");
    Reference<beans::XPropertyState> state(paragraph, UNO_QUERY_THROW);
    for (const char* name : kParagraphProperties) {
        const OUString property = OUString::createFromAscii(name);
        if (state->getPropertyState(property) == beans::PropertyState_DIRECT_VALUE)
            format.direct.push_back(
                beans::PropertyValue(property, -1, paragraph->getPropertyValue(property), {}));
    }
    return format;
}

// Two paragraphs look alike when their style and first-line indent agree.
std::pair<OUString, sal_Int32> lookOf(const Reference<beans::XPropertySet>& paragraph) {
    return {paragraph->getPropertyValue("ParaStyleName").get<OUString>(),
            paragraph->getPropertyValue("ParaFirstLineIndent").get<sal_Int32>()};
}

} // namespace

BodyParagraphFormat bodyParagraphFormat(const Reference<text::XText>& body) {
    std::map<std::pair<OUString, sal_Int32>, std::pair<sal_Int32, Reference<beans::XPropertySet>>> looks;
    Reference<container::XEnumeration> items =
        Reference<container::XEnumerationAccess>(body, UNO_QUERY_THROW)->createEnumeration();
    while (items->hasMoreElements()) {
        Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
        if (!item.is() || !item->supportsService("com.sun.star.text.Paragraph"))
            continue; // tables: their cells are not prose
        Reference<beans::XPropertySet> paragraph(item, UNO_QUERY_THROW);
        if (paragraph->getPropertyValue("OutlineLevel").get<sal_Int16>() > 0)
            continue; // headings
        const sal_Int32 length =
            paragraphText(Reference<text::XTextRange>(item, UNO_QUERY_THROW)).getLength();
        if (length == 0)
            continue;
        auto& [weight, example] = looks[lookOf(paragraph)];
        weight += length;
        if (!example.is())
            example = paragraph;
    }
    const std::pair<sal_Int32, Reference<beans::XPropertySet>>* best = nullptr;
    for (const auto& [look, candidate] : looks)
        if (best == nullptr || candidate.first > best->first)
            best = &candidate;
    return best == nullptr ? BodyParagraphFormat{} : formatOf(best->second);
}

void applyBodyParagraphFormat(const BodyParagraphFormat& format, const Reference<text::XTextRange>& range) {
    if (!format.found)
        return;
    Reference<beans::XPropertySet> paragraphs(range, UNO_QUERY_THROW);
    Reference<beans::XPropertyState> state(range, UNO_QUERY_THROW);
    paragraphs->setPropertyValue("ParaStyleName", format.styleName);
    for (const char* name : kParagraphProperties) {
        const OUString property = OUString::createFromAscii(name);
        bool direct = false;
        for (const auto& value : format.direct)
            if (value.Name == property) {
                paragraphs->setPropertyValue(property, value.Value);
                direct = true;
            }
        if (!direct)
            state->setPropertyToDefault(property);
    }
}

} // namespace jixiao::office
