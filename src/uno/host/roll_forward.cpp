#include "uno/host/roll_forward.hpp"

#include "uno/base/extension_data.hpp"
#include "uno/base/undo_context.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/document_host.hpp"
#include "uno/host/document_properties.hpp"
#include "uno/host/operations.hpp"
#include "uno/host/writer_text_read.hpp"

#include "core/model/user_error.hpp"
#include "core/text/numbers.hpp"
#include "core/text/utf8.hpp"
#include "core/write/roll_forward.hpp"

#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/XSeekable.hpp>
#include <com/sun/star/io/XStream.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>
#include <map>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

uno::Sequence<beans::PropertyValue>
properties(std::initializer_list<std::pair<const char*, uno::Any>> values) {
    uno::Sequence<beans::PropertyValue> result(static_cast<sal_Int32>(values.size()));
    auto* out = result.getArray();
    for (const auto& [name, value] : values) {
        out->Name = OUString::createFromAscii(name);
        out->Value = value;
        ++out;
    }
    return result;
}

// Whether the document shows in a window (a document opened hidden by a macro gets a hidden copy).
bool isShown(const Reference<frame::XModel>& model) {
    const auto controller = model->getCurrentController();
    const auto frame = controller.is() ? controller->getFrame() : nullptr;
    Reference<awt::XWindow2> window(frame.is() ? frame->getContainerWindow() : nullptr, UNO_QUERY);
    return window.is() && window->isVisible();
}

// A new untitled document holding everything the original holds: stored as ODF into a stream in memory
// (no file is written anywhere, so none can be left behind or guessed at) and loaded from it as a template.
// The original's location, title and modified flag stay as they are.
Reference<frame::XModel> untitledCopy(const Reference<uno::XComponentContext>& context,
                                      const Reference<frame::XModel>& original, bool calc) {
    const OUString filter = calc ? OUString("calc8") : OUString("writer8");
    Reference<io::XStream> stream(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.comp.MemoryStream", context),
        UNO_QUERY_THROW);
    Reference<frame::XStorable>(original, UNO_QUERY_THROW)
        ->storeToURL("private:stream", properties({{"FilterName", uno::Any(filter)},
                                                   {"OutputStream", uno::Any(stream->getOutputStream())}}));
    Reference<io::XSeekable>(stream, UNO_QUERY_THROW)->seek(0);
    const auto desktop = frame::Desktop::create(context);
    Reference<frame::XModel> copy(
        desktop->loadComponentFromURL("private:stream", "_blank", 0,
                                      properties({{"FilterName", uno::Any(filter)},
                                                  {"InputStream", uno::Any(stream->getInputStream())},
                                                  {"AsTemplate", uno::Any(true)},
                                                  {"Hidden", uno::Any(!isShown(original))}})),
        UNO_QUERY_THROW);
    return copy;
}

// Moves `cursor` by `count` characters (goRight takes at most 32767 at a time).
void goRight(const Reference<text::XTextCursor>& cursor, int count, bool expand) {
    while (count > 0) {
        const int step = std::min(count, 0x7fff);
        cursor->goRight(static_cast<sal_Int16>(step), expand);
        count -= step;
    }
}

// Replaces the year at code point `year.offset` of the paragraph's text with `digits`, inside the text
// portion that holds it: a field, footnote anchor or bookmark before it shows text the cursor does not step
// through character by character, so positions are counted within plain text portions only. A year not wholly
// inside one plain text portion is left as it is.
void renameYear(const Reference<text::XTextRange>& paragraph, const YearInText& year,
                const OUString& digits) {
    Reference<container::XEnumerationAccess> access(paragraph, UNO_QUERY);
    if (!access.is())
        return;
    Reference<container::XEnumeration> portions = access->createEnumeration();
    int at = 0; // code points of the paragraph's text before this portion
    while (portions->hasMoreElements()) {
        Reference<text::XTextRange> portion(portions->nextElement(), UNO_QUERY);
        Reference<beans::XPropertySet> properties(portion, UNO_QUERY);
        if (!portion.is() || !properties.is())
            continue;
        const int length = static_cast<int>(decodeUtf8(toUtf8(portion->getString())).size());
        OUString type;
        properties->getPropertyValue("TextPortionType") >>= type;
        if (type == "Text" && year.offset >= at && year.offset + year.length <= at + length) {
            Reference<text::XTextCursor> cursor =
                portion->getText()->createTextCursorByRange(portion->getStart());
            goRight(cursor, year.offset - at, false);
            goRight(cursor, year.length, true);
            cursor->setString(digits);
            return;
        }
        at += length;
        if (at > year.offset)
            return;
    }
}

// Renames the planned year digits in place, so the paragraph keeps its formatting, fields and marks: only
// the four digits of each year are replaced. Top-level body paragraphs, counted as WriterHost counts them.
void renameInParagraphs(const Reference<frame::XModel>& model, const RollForwardPlan& plan) {
    std::map<int, const ParagraphRoll*> byIndex;
    for (const auto& roll : plan.paragraphs)
        byIndex[roll.paragraph] = &roll;
    Reference<container::XEnumerationAccess> body(
        Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText(), UNO_QUERY_THROW);
    Reference<container::XEnumeration> items = body->createEnumeration();
    int index = 0;
    while (items->hasMoreElements() && !byIndex.empty()) {
        Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
        if (!item.is() || !item->supportsService("com.sun.star.text.Paragraph"))
            continue;
        const auto found = byIndex.find(index++);
        if (found == byIndex.end())
            continue;
        const ParagraphRoll& roll = *found->second;
        byIndex.erase(found);
        Reference<text::XTextRange> paragraph(item, UNO_QUERY_THROW);
        if (toUtf8(paragraphText(paragraph)) != roll.before) // read as WriterHost::paragraphs reads it
            continue; // not the paragraph the plan was made for: left as it is
        const std::u32string after = decodeUtf8(roll.rolled.after);
        for (const auto& year : roll.rolled.renamed)
            renameYear(paragraph, year,
                       fromUtf8(encodeUtf8(std::u32string_view(after).substr(std::size_t(year.offset),
                                                                             std::size_t(year.length)))));
    }
}

} // namespace

Reference<frame::XModel> rollForward(const Reference<uno::XComponentContext>& context,
                                     const Reference<frame::XModel>& lastYear) {
    if (!lastYear.is())
        throw UserError("error.no-document");
    const Operations operations(context);
    const bool calc = makeDocumentHost(context, lastYear)->isCalc(); // refuses anything but Writer and Calc
    const auto fromYear = reportYearOf(operations.read(lastYear));
    if (!fromYear)
        throw UserError("error.roll-no-year");

    const auto copy = untitledCopy(context, lastYear, calc);
    try {
        const auto data = operations.read(copy);
        const RollForwardPlan plan = planRollForward(data, *fromYear);
        auto host = makeDocumentHost(context, copy);
        {
            UndoContext undo(copy, fromUtf8(ExtensionData::get(context).text("undo.roll-forward")));
            ControllerLock lock(copy);
            if (!plan.score.empty())
                host->applyPatch(data.card.tableName, plan.score);
            if (!plan.funding.empty())
                host->applyPatch(data.card.fundingTableName, plan.funding);
            if (!calc)
                renameInParagraphs(copy, plan);
            // The sections Jixiao wrote say last year's results: written again from the cleared table (their
            // 'incomplete' text until scores are entered).
            for (const auto& id : Operations::sectionIds())
                if (host->sectionText(id))
                    operations.insertSection(copy, id);
        }
        // The copy's own properties (单位, 项目名称 and any other) stay; 年度 + 1, last year's money cleared.
        ReportProperties properties = readReportProperties(copy);
        properties.year = plan.properties.year;
        properties.budget.reset();
        properties.actual.reset();
        properties.rolledForward = ReportProperties::RolledForward{
            plan.fromYear, paragraphsToCheck(host->paragraphs(), plan.fromYear)};
        writeReportProperties(copy, properties);
    } catch (...) {
        // Half a roll-forward is no report: the copy goes (the original was never touched), the error stays.
        Reference<util::XCloseable> closeable(copy, UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
        throw;
    }
    return copy;
}

} // namespace jixiao::office
