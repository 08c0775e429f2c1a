// DocumentComments for Writer: annotation fields (com.sun.star.text.textfield.Annotation) over the text of a
// table cell or of the figure in a paragraph; read back with their place (cell, or body paragraph index).
#include "uno/base/log.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/document_comments.hpp"
#include "uno/host/writer_tables.hpp"

#include "core/model/user_error.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include <osl/file.hxx>
#include <rtl/bootstrap.hxx>

#include <algorithm>
#include <set>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

OUString stringProperty(const Reference<beans::XPropertySet>& props, const char* name) {
    OUString value;
    const OUString key = OUString::createFromAscii(name);
    if (props->getPropertySetInfo()->hasPropertyByName(key))
        props->getPropertyValue(key) >>= value;
    return value;
}

class WriterComments final : public DocumentComments {
public:
    explicit WriterComments(const Reference<frame::XModel>& model)
        : model_(model), body_(Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText()) {}

    std::vector<ExistingComment> read() override {
        fields_.clear();
        std::vector<ExistingComment> comments;
        std::vector<OUString> parents;
        std::vector<OUString> names;
        const auto starts = paragraphStarts();
        Reference<text::XTextFieldsSupplier> supplier(model_, UNO_QUERY_THROW);
        Reference<container::XEnumeration> fields = supplier->getTextFields()->createEnumeration();
        while (fields->hasMoreElements()) {
            Reference<lang::XServiceInfo> info(fields->nextElement(), UNO_QUERY);
            if (!info.is() || !info->supportsService("com.sun.star.text.textfield.Annotation"))
                continue;
            Reference<beans::XPropertySet> props(info, UNO_QUERY_THROW);
            Reference<text::XTextContent> field(info, UNO_QUERY_THROW);
            ExistingComment comment;
            comment.author = toUtf8(stringProperty(props, "Author"));
            comment.text = toUtf8(stringProperty(props, "Content"));
            comment.anchor = anchorOf(field->getAnchor(), starts);
            comments.push_back(comment);
            names.push_back(stringProperty(props, "Name"));
            parents.push_back(stringProperty(props, "ParentName"));
            fields_.push_back(field);
        }
        // A reply names the comment it answers (LibreOffice 7.2 and later, Word's threaded comments).
        const std::set<OUString> answered(parents.begin(), parents.end());
        for (std::size_t i = 0; i < comments.size(); ++i)
            comments[i].answered = !names[i].isEmpty() && answered.count(names[i]) > 0;
        // Comments at the same spot share one (the first of them names it): nothing but other comments
        // between them, as a reply stands next to the comment it answers.
        for (std::size_t i = 0; i < comments.size(); ++i) {
            comments[i].spot = std::to_string(i);
            for (std::size_t j = 0; j < i; ++j)
                if (comments[j].anchor == comments[i].anchor && sameSpot(fields_[j], fields_[i])) {
                    comments[i].spot = comments[j].spot;
                    break;
                }
        }
        return comments;
    }

    void remove(const std::vector<std::size_t>& indexes) override {
        for (const auto index : indexes) {
            const auto& field = fields_.at(index);
            field->getAnchor()->getText()->removeTextContent(field);
        }
    }

    void add(const WantedComment& comment, const std::string& author) override {
        Reference<lang::XMultiServiceFactory> factory(model_, UNO_QUERY_THROW);
        Reference<text::XTextContent> field(factory->createInstance("com.sun.star.text.textfield.Annotation"),
                                            UNO_QUERY_THROW);
        Reference<beans::XPropertySet> props(field, UNO_QUERY_THROW);
        props->setPropertyValue("Author", uno::Any(fromUtf8(author)));
        props->setPropertyValue("Content", uno::Any(fromUtf8(comment.text)));
        props->setPropertyValue("DateTimeValue", uno::Any(commentDate()));
        const Reference<text::XTextCursor> place = placeOf(comment.location);
        // Over a range the annotation marks that text (the cell's, the figure in the paragraph) and keeps it.
        place->getText()->insertTextContent(Reference<text::XTextRange>(place, UNO_QUERY_THROW), field,
                                            !place->isCollapsed());
    }

    bool authorsKept() const override { return true; }

    // Writer shows a comment in a window of its own, built from annotation.ui; an office installed without
    // its user-interface files (Debian's libreoffice-writer-nogui) aborts when a comment is added, also
    // through the API and headless (seen with 7.0.4: a plain office, one Annotation, then the main loop).
    void checkEditable(const std::vector<std::size_t>& remove,
                       const std::vector<WantedComment>& add) override {
        if (remove.empty() && add.empty())
            return;
        OUString url("$BRAND_BASE_DIR/share/config/soffice.cfg/modules/swriter/ui/annotation.ui");
        rtl::Bootstrap::expandMacros(url);
        osl::DirectoryItem item;
        if (osl::DirectoryItem::get(url, item) != osl::FileBase::E_None)
            throw UserError("error.comments-no-ui");
    }
    bool oneCommentPerAnchor() const override { return false; }

private:
    static bool sameSpot(const Reference<text::XTextContent>& a, const Reference<text::XTextContent>& b) {
        const Reference<text::XTextRange> first = a->getAnchor()->getStart();
        const Reference<text::XTextRange> second = b->getAnchor()->getStart();
        try {
            Reference<text::XTextCursor> between = first->getText()->createTextCursorByRange(first);
            between->gotoRange(second, true);
            return between->getString().isEmpty(); // a comment's own mark reads as no text
        } catch (const uno::RuntimeException& e) {
            JIXIAO_LOG(info, "comments taken as apart, not in the same text: " << e.Message);
            return false;
        }
    }

    // The starts of the body's top-level paragraphs, in the order host->paragraphs() gives them (tables are
    // skipped), which is what a finding's paragraph index counts.
    std::vector<Reference<text::XTextRange>> paragraphStarts() {
        std::vector<Reference<text::XTextRange>> starts;
        Reference<container::XEnumeration> items =
            Reference<container::XEnumerationAccess>(body_, UNO_QUERY_THROW)->createEnumeration();
        while (items->hasMoreElements()) {
            Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
            if (item.is() && item->supportsService("com.sun.star.text.Paragraph"))
                starts.push_back(Reference<text::XTextRange>(item, UNO_QUERY_THROW)->getStart());
        }
        return starts;
    }

    std::string anchorOf(const Reference<text::XTextRange>& anchor,
                         const std::vector<Reference<text::XTextRange>>& starts) {
        if (!anchor.is())
            return "elsewhere";
        Reference<beans::XPropertySet> props(anchor, UNO_QUERY);
        Reference<text::XTextTable> table;
        Reference<beans::XPropertySet> cell;
        if (props.is() && props->getPropertySetInfo()->hasPropertyByName("Cell")) {
            props->getPropertyValue("TextTable") >>= table;
            props->getPropertyValue("Cell") >>= cell;
        }
        if (table.is() && cell.is())
            return cellAnchor(toUtf8(Reference<container::XNamed>(table, UNO_QUERY_THROW)->getName()),
                              toUtf8(stringProperty(cell, "CellName")));
        if (anchor->getText() != body_ || starts.empty())
            return "elsewhere"; // a header, a frame, a footnote: never a finding's place
        // The last paragraph starting at or before the anchor (compareRegionStarts: 1 = first is before).
        Reference<text::XTextRangeCompare> compare(body_, UNO_QUERY_THROW);
        const Reference<text::XTextRange> at = anchor->getStart();
        std::size_t low = 0;
        std::size_t high = starts.size();
        while (high - low > 1) {
            const std::size_t middle = low + (high - low) / 2;
            if (compare->compareRegionStarts(starts[middle], at) >= 0)
                low = middle;
            else
                high = middle;
        }
        return paragraphAnchor(static_cast<int>(low));
    }

    Reference<text::XTextCursor> placeOf(const Location& location) {
        if (location.kind == Location::Kind::Cell) {
            const auto dot = location.cell.rfind('.');
            const std::string tableName =
                dot == std::string::npos ? location.table : location.cell.substr(0, dot);
            const std::string cellName =
                dot == std::string::npos ? location.cell : location.cell.substr(dot + 1);
            const auto table = writerTableByName(model_, tableName);
            Reference<text::XText> cell(table.is() ? table->getCellByName(fromUtf8(cellName)) : nullptr,
                                        UNO_QUERY);
            if (!cell.is())
                throw UserError("error.cell-not-found", {{"table", location.table}, {"cell", location.cell}});
            Reference<text::XTextCursor> cursor = cell->createTextCursor();
            cursor->gotoStart(false);
            cursor->gotoEnd(true);
            return cursor;
        }
        if (location.kind == Location::Kind::Paragraph) {
            const auto starts = paragraphStarts();
            if (location.paragraph >= 0 && static_cast<std::size_t>(location.paragraph) < starts.size()) {
                Reference<text::XTextCursor> cursor =
                    body_->createTextCursorByRange(starts[static_cast<std::size_t>(location.paragraph)]);
                if (location.length > 0) {
                    cursor->goRight(static_cast<sal_Int16>(std::min(location.offset, 32767)), false);
                    cursor->goRight(static_cast<sal_Int16>(std::min(location.length, 32767)), true);
                } else {
                    Reference<text::XParagraphCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfParagraph(true);
                }
                return cursor;
            }
        }
        // No place of its own (a missing table): the start of the document.
        Reference<text::XTextCursor> cursor = body_->createTextCursor();
        cursor->gotoStart(false);
        return cursor;
    }

    Reference<frame::XModel> model_;
    Reference<text::XText> body_;
    std::vector<Reference<text::XTextContent>> fields_;
};

} // namespace

std::unique_ptr<DocumentComments> makeWriterComments(const Reference<frame::XModel>& model) {
    return std::make_unique<WriterComments>(model);
}

} // namespace jixiao::office
