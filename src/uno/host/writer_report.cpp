#include "uno/host/writer_report.hpp"

#include "uno/base/ustring.hpp"
#include "uno/host/writer_text_read.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/PlaceholderType.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextEmbeddedObjectsSupplier.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextGraphicObjectsSupplier.hpp>
#include <com/sun/star/text/XTextSectionsSupplier.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

#include <optional>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

// Writer's programmatic paragraph style names (the same in every UI language).
constexpr const char* kTitleStyle = "Title";
constexpr const char* kBodyStyle = "Text body";

int countOf(const Reference<uno::XInterface>& container) {
    Reference<container::XIndexAccess> indexed(container, UNO_QUERY);
    if (indexed.is())
        return indexed->getCount();
    Reference<container::XNameAccess> named(container, UNO_QUERY);
    return named.is() ? named->getElementNames().getLength() : 0;
}

bool isBlank(const OUString& text) {
    for (sal_Int32 i = 0; i < text.getLength(); ++i)
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n' && text[i] != 0x3000)
            return false;
    return true;
}

// The hint of a placeholder field still unfilled. Writer's own is a JumpEdit field (typing over it removes
// it). Saved as .docx it becomes a content control showing its placeholder, which LibreOffice reads back as
// an input field holding the hint as its text, the hint kept as the control's alias: unfilled while the two
// are the same (Word and the input dialog replace the text).
std::optional<std::string> unfilledHint(const Reference<lang::XServiceInfo>& field) {
    if (!field.is())
        return std::nullopt;
    Reference<beans::XPropertySet> props(field, UNO_QUERY_THROW);
    OUString hint;
    if (field->supportsService("com.sun.star.text.TextField.JumpEdit")) {
        props->getPropertyValue("PlaceHolder") >>= hint;
        return toUtf8(hint);
    }
    if (!field->supportsService("com.sun.star.text.TextField.Input") ||
        !props->getPropertySetInfo()->hasPropertyByName("InteropGrabBag"))
        return std::nullopt;
    uno::Sequence<beans::PropertyValue> grabBag;
    props->getPropertyValue("InteropGrabBag") >>= grabBag;
    for (const auto& entry : grabBag)
        if (entry.Name == "ooxml:CT_SdtPr_alias")
            entry.Value >>= hint;
    OUString content;
    props->getPropertyValue("Content") >>= content;
    if (hint.isEmpty() || content != hint)
        return std::nullopt;
    return toUtf8(hint);
}

} // namespace

bool isEmptyWriterDocument(const Reference<frame::XModel>& model) {
    Reference<text::XTextDocument> document(model, UNO_QUERY_THROW);
    if (!isBlank(document->getText()->getString()))
        return false;
    Reference<text::XTextTablesSupplier> tables(model, UNO_QUERY);
    Reference<text::XTextSectionsSupplier> sections(model, UNO_QUERY);
    Reference<text::XTextFramesSupplier> frames(model, UNO_QUERY);
    Reference<text::XTextGraphicObjectsSupplier> graphics(model, UNO_QUERY);
    Reference<text::XTextEmbeddedObjectsSupplier> objects(model, UNO_QUERY);
    return (!tables.is() || countOf(tables->getTextTables()) == 0) &&
           (!sections.is() || countOf(sections->getTextSections()) == 0) &&
           (!frames.is() || countOf(frames->getTextFrames()) == 0) &&
           (!graphics.is() || countOf(graphics->getGraphicObjects()) == 0) &&
           (!objects.is() || countOf(objects->getEmbeddedObjects()) == 0);
}

WriterReportWriter::WriterReportWriter(const Reference<frame::XModel>& model)
    : model_(model), text_(Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText()),
      cursor_(text_->createTextCursorByRange(text_->getEnd())) {}

void WriterReportWriter::startParagraph(const char* style) {
    if (paragraphs_++ > 0)
        text_->insertControlCharacter(cursor_.get(), text::ControlCharacter::PARAGRAPH_BREAK, false);
    Reference<beans::XPropertySet> paragraph(cursor_, UNO_QUERY_THROW);
    paragraph->setPropertyValue("ParaStyleName", uno::Any(OUString::createFromAscii(style)));
}

void WriterReportWriter::insertPlaceholder(const std::string& hint) {
    // Writer's placeholder field: one click selects the hint, typing replaces the field with the text.
    Reference<beans::XPropertySet> field(Reference<lang::XMultiServiceFactory>(model_, UNO_QUERY_THROW)
                                             ->createInstance("com.sun.star.text.TextField.JumpEdit"),
                                         UNO_QUERY_THROW);
    field->setPropertyValue("PlaceHolder", uno::Any(fromUtf8(hint)));
    field->setPropertyValue("PlaceHolderType", uno::Any(text::PlaceholderType::TEXT));
    field->setPropertyValue("Hint", uno::Any(fromUtf8(hint)));
    text_->insertTextContent(cursor_.get(), Reference<text::XTextContent>(field, UNO_QUERY_THROW), false);
}

void WriterReportWriter::paragraphWithText(const char* style, const std::string& text) {
    startParagraph(style);
    text_->insertString(cursor_.get(), fromUtf8(text), false);
}

void WriterReportWriter::paragraphWithPlaceholder(const char* style, const std::string& hint) {
    startParagraph(style);
    insertPlaceholder(hint);
}

void WriterReportWriter::title(const std::string& text) {
    paragraphWithText(kTitleStyle, text);
}

void WriterReportWriter::titlePlaceholder(const std::string& hint) {
    paragraphWithPlaceholder(kTitleStyle, hint);
}

void WriterReportWriter::heading(int level, const std::string& text) {
    paragraphWithText(level == 1 ? "Heading 1" : "Heading 2", text);
}

void WriterReportWriter::text(const std::string& text) {
    paragraphWithText(kBodyStyle, text);
}

void WriterReportWriter::placeholder(const std::string& hint) {
    paragraphWithPlaceholder(kBodyStyle, hint);
}

int WriterReportWriter::marker() {
    startParagraph(kBodyStyle);
    return paragraphs_ - 1;
}

Reference<text::XTextRange> WriterReportWriter::paragraphStart(int index) const {
    Reference<container::XEnumeration> items =
        Reference<container::XEnumerationAccess>(text_, UNO_QUERY_THROW)->createEnumeration();
    int at = 0;
    while (items->hasMoreElements()) {
        Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
        if (!item.is() || !item->supportsService("com.sun.star.text.Paragraph"))
            continue;
        if (at++ == index)
            return Reference<text::XTextRange>(item, UNO_QUERY_THROW)->getStart();
    }
    return text_->getEnd();
}

Reference<text::XTextRange> WriterReportWriter::end() const {
    return text_->getEnd();
}

Reference<text::XTextRange> WriterReportWriter::start() const {
    return text_->getStart();
}

void WriterReportWriter::moveViewCursor(const Reference<text::XTextRange>& where) const {
    Reference<text::XTextViewCursorSupplier> views(model_->getCurrentController(), UNO_QUERY);
    if (views.is())
        views->getViewCursor()->gotoRange(where, false);
}

// Whether the document has any field that may be a placeholder: most have none, and then the paragraphs' text
// portions (a second pass over a long report on every validation) need not be read.
bool replacePlaceholder(const Reference<frame::XModel>& model, const std::string& hint,
                        const std::string& text) {
    Reference<text::XTextFieldsSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return false;
    Reference<container::XEnumeration> fields = supplier->getTextFields()->createEnumeration();
    while (fields->hasMoreElements()) {
        Reference<lang::XServiceInfo> field(fields->nextElement(), UNO_QUERY);
        if (unfilledHint(field) != hint)
            continue;
        Reference<text::XTextRange> anchor =
            Reference<text::XTextContent>(field, UNO_QUERY_THROW)->getAnchor();
        Reference<text::XText> owner = anchor->getText();
        Reference<text::XTextCursor> cursor = owner->createTextCursorByRange(anchor);
        owner->insertString(cursor.get(), fromUtf8(text), true); // replaces the field with the text
        return true;
    }
    return false;
}

static bool hasPlaceholderFields(const Reference<frame::XModel>& model) {
    Reference<text::XTextFieldsSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return false;
    Reference<container::XEnumeration> fields = supplier->getTextFields()->createEnumeration();
    while (fields->hasMoreElements()) {
        Reference<lang::XServiceInfo> field(fields->nextElement(), UNO_QUERY);
        if (field.is() && (field->supportsService("com.sun.star.text.TextField.JumpEdit") ||
                           field->supportsService("com.sun.star.text.TextField.Input")))
            return true;
    }
    return false;
}

std::vector<OpenPlaceholder> readOpenPlaceholders(const Reference<frame::XModel>& model) {
    std::vector<OpenPlaceholder> open;
    if (!hasPlaceholderFields(model))
        return open;
    Reference<container::XEnumerationAccess> body(
        Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText(), UNO_QUERY_THROW);
    Reference<container::XEnumeration> items = body->createEnumeration();
    std::string heading; // the last heading before the current paragraph
    int index = -1;
    while (items->hasMoreElements()) {
        Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
        if (!item.is() || !item->supportsService("com.sun.star.text.Paragraph"))
            continue; // tables: their cells are the scoring table's, not the report's text
        ++index;
        Reference<container::XEnumerationAccess> portions(item, UNO_QUERY);
        if (portions.is()) {
            Reference<container::XEnumeration> portion = portions->createEnumeration();
            int offset = 0;
            while (portion->hasMoreElements()) {
                Reference<beans::XPropertySet> props(portion->nextElement(), UNO_QUERY);
                Reference<text::XTextRange> range(props, UNO_QUERY);
                if (!props.is() || !range.is())
                    continue;
                const int length = range->getString().getLength();
                OUString type;
                props->getPropertyValue("TextPortionType") >>= type;
                Reference<lang::XServiceInfo> field;
                if (type == "TextField")
                    props->getPropertyValue("TextField") >>= field;
                if (const auto hint = unfilledHint(field))
                    open.push_back({*hint, heading, index, offset, length});
                offset += length;
            }
        }
        sal_Int16 level = 0;
        Reference<beans::XPropertySet>(item, UNO_QUERY_THROW)->getPropertyValue("OutlineLevel") >>= level;
        if (level > 0)
            heading = toUtf8(paragraphText(Reference<text::XTextRange>(item, UNO_QUERY_THROW)));
    }
    return open;
}

} // namespace jixiao::office
