// DocumentHost for Writer: text tables as Grids, body paragraphs, sections as named text sections.
#include "uno/base/ustring.hpp"
#include "uno/host/document_host.hpp"
#include "uno/host/writer_body_style.hpp"
#include "uno/host/writer_places.hpp"
#include "uno/host/writer_tables.hpp"
#include "uno/host/writer_text_read.hpp"

#include "core/model/user_error.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextSection.hpp>
#include <com/sun/star/text/XTextSectionsSupplier.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

#include <map>
#include <stdexcept>
#include <utility>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

// Column shares of an inserted 9-column scoring table on landscape A4, after the sample: the long
// 指标解释 and 评价标准 columns wide, the number columns narrow (and centred).
const WriterTableStyle kScoreStyle{{7, 8, 10, 19, 26, 6, 6, 6, 12},
                                   {true, true, false, false, false, true, true, true, false},
                                   1,
                                   9.0,
                                   "宋体",
                                   true};
const WriterTableStyle kFundingStyle{{50, 25, 25}, {false, true, true}};

std::string sectionName(const std::string& sectionId) {
    return "Jixiao_" + sectionId;
}

// "Jixiao_cost_benefit": Word takes bookmark names of letters, digits and '_' only (at most 40, starting with
// a letter: one starting with '_' is hidden in Word).
std::string bookmarkName(const std::string& sectionId) {
    std::string name = "Jixiao_" + sectionId;
    for (char& c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            c = '_';
    return name.substr(0, 40);
}

class WriterHost final : public DocumentHost {
public:
    explicit WriterHost(const Reference<frame::XModel>& model) : model_(model) {}

    bool isCalc() const override { return false; }

    std::vector<Grid> readTables() override {
        std::vector<Grid> grids;
        const bool redlines = documentHasRedlines(model_);
        WriterFieldFormulas fields(model_);
        for (const auto& table : writerTables(model_))
            grids.push_back(readWriterTable(table, redlines, &fields));
        return grids;
    }

    Grid readTable(const std::string& name) override {
        WriterFieldFormulas fields(model_);
        return readWriterTable(table(name), documentHasRedlines(model_), &fields);
    }

    int tableCount() override {
        Reference<text::XTextTablesSupplier> supplier(model_, UNO_QUERY);
        if (!supplier.is())
            return -1;
        return Reference<container::XIndexAccess>(supplier->getTextTables(), UNO_QUERY_THROW)->getCount();
    }

    std::string tableLayout(const std::string& name) override {
        const auto found = writerTableByName(model_, name);
        return found.is() ? writerTableLayout(found) : std::string{};
    }

    bool refreshCells(Grid& grid, const std::vector<GridPosition>& cells) override {
        const auto found = writerTableByName(model_, grid.name);
        WriterFieldFormulas fields(model_);
        return found.is() && refreshWriterCells(found, grid, cells, documentHasRedlines(model_), fields);
    }

    std::string insertTable(const Grid& grid, const std::string& caption, TableKind kind) override {
        Reference<text::XTextTable> inserted;
        try {
            inserted = insertWriterTable(model_, grid, caption,
                                         kind == TableKind::Score ? kScoreStyle : kFundingStyle, &nextTable_);
        } catch (const NoPlaceAfterTable&) {
            throw UserError("error.table-place");
        }
        return toUtf8(Reference<container::XNamed>(inserted, UNO_QUERY_THROW)->getName());
    }

    int applyPatch(const std::string& tableName, const Patch& patch) override {
        // A scoring table split over several tables (续表) is one Grid: cells of its later parts are
        // addressed "表格2.B3". Each write goes to its own table.
        std::map<std::string, Patch> byTable;
        std::map<std::pair<std::string, std::string>, std::string> addressed; // (table, cell) → the patch's
        for (const auto& write : patch.writes) {
            const auto [name, cell] = splitAddress(tableName, write.cell.address);
            addressed[{name, cell}] = write.cell.address;
            CellWrite local = write;
            local.cell.address = cell;
            byTable[name].writes.push_back(std::move(local));
        }
        int written = 0;
        for (const auto& [name, part] : byTable) {
            std::vector<std::string> held;
            written += applyWriterPatch(table(name), part, held);
            for (const auto& cell : held)
                held_.push_back(addressed[{name, cell}]);
        }
        return written;
    }

    std::vector<std::string> takeHeldCells() override { return std::exchange(held_, {}); }

    std::vector<std::string> paragraphs() override {
        std::vector<std::string> result;
        forEachParagraph([&](const Reference<text::XTextRange>& paragraph) {
            result.push_back(toUtf8(paragraphText(paragraph))); // not getString: writer_text_read.hpp
            return true;
        });
        return result;
    }

    std::string writeSection(const std::string& sectionId,
                             const std::vector<std::string>& paragraphs) override {
        if (const auto anchor = sectionRange(sectionId); anchor.is()) {
            Reference<text::XText> text = anchor->getText();
            rewrite(sectionId, text, text->createTextCursorByRange(anchor), paragraphs);
            return sectionName(sectionId);
        }
        Reference<text::XText> text = Reference<text::XTextDocument>(model_, UNO_QUERY_THROW)->getText();
        Reference<text::XTextCursor> cursor = text->createTextCursorByRange(sectionPlace());
        // Paragraphs of their own keep the text around the cursor outside the new section: split where the
        // cursor has text before or after it and write into the empty paragraph between. No split where
        // there is no text, so no empty paragraph is left behind — except after the document's last
        // paragraph, where the user needs one to type below the section.
        Reference<text::XParagraphCursor> paragraph(cursor, UNO_QUERY_THROW);
        const bool atStart = paragraph->isStartOfParagraph();
        const bool atEnd = paragraph->isEndOfParagraph();
        Reference<text::XParagraphCursor> probe(text->createTextCursorByRange(cursor->getStart()),
                                                UNO_QUERY_THROW);
        const bool last = !probe->gotoNextParagraph(false);
        if (!atStart)
            text->insertControlCharacter(cursor.get(), text::ControlCharacter::PARAGRAPH_BREAK, false);
        if (!atEnd || last) {
            text->insertControlCharacter(cursor.get(), text::ControlCharacter::PARAGRAPH_BREAK, false);
            cursor->goLeft(1, false);
        }
        const auto bodyFormat = bodyParagraphFormat(text); // read before our paragraphs join the body
        Reference<text::XTextRange> start = cursor->getStart();
        Reference<text::XTextCursor> body = text->createTextCursorByRange(start);
        writeParagraphs(text, body, paragraphs);
        Reference<text::XTextCursor> span = text->createTextCursorByRange(start);
        span->gotoRange(body->getEnd(), true);
        applyBodyParagraphFormat(bodyFormat, span.get());
        // A text section shows the generated text as one block in Writer (and the Navigator); the bookmark
        // inside it is the anchor .docx and .doc keep, where the section does not survive.
        Reference<text::XTextContent> section(Reference<lang::XMultiServiceFactory>(model_, UNO_QUERY_THROW)
                                                  ->createInstance("com.sun.star.text.TextSection"),
                                              UNO_QUERY_THROW);
        Reference<container::XNamed>(section, UNO_QUERY_THROW)->setName(fromUtf8(sectionName(sectionId)));
        text->insertTextContent(span.get(), section, true);
        mark(sectionId, text, section->getAnchor());
        return sectionName(sectionId);
    }

    bool adoptSection(const std::string& sectionId, const std::vector<std::string>& paragraphs, int first,
                      int count) override {
        // The paragraphs [first, first + count) of the body, only when nothing else (a table) lies between
        // them: replacing across a table would delete it.
        Reference<text::XText> body = Reference<text::XTextDocument>(model_, UNO_QUERY_THROW)->getText();
        Reference<container::XEnumeration> items =
            Reference<container::XEnumerationAccess>(body, UNO_QUERY_THROW)->createEnumeration();
        Reference<text::XTextCursor> span;
        int index = 0;
        while (items->hasMoreElements() && index < first + count) {
            Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
            const bool isParagraph = item.is() && item->supportsService("com.sun.star.text.Paragraph");
            if (!isParagraph) {
                if (span.is())
                    return false;
                continue;
            }
            Reference<text::XTextRange> paragraph(item, UNO_QUERY_THROW);
            if (index == first)
                span = body->createTextCursorByRange(paragraph->getStart());
            if (span.is())
                span->gotoRange(paragraph->getEnd(), true);
            ++index;
        }
        if (!span.is() || index != first + count)
            return false;
        rewrite(sectionId, body, span, paragraphs);
        return true;
    }

    int sectionInsertionParagraph() override {
        Reference<text::XTextRange> where = insertionRange();
        Reference<text::XText> body = Reference<text::XTextDocument>(model_, UNO_QUERY_THROW)->getText();
        const bool inBody = where->getText() == body;
        OUString afterTable; // the cursor is in a table: a new section starts after it (sectionPlace)
        if (!inBody) {
            const auto table = tableAround(where);
            if (!table.is())
                return -1;
            try {
                afterTable = Reference<container::XNamed>(outermostBodyTable(model_, table), UNO_QUERY_THROW)
                                 ->getName();
            } catch (const NoPlaceAfterTable&) {
                return -1;
            }
        }
        Reference<text::XTextRangeCompare> compare(body, UNO_QUERY_THROW);
        Reference<container::XEnumeration> items =
            Reference<container::XEnumerationAccess>(body, UNO_QUERY_THROW)->createEnumeration();
        int index = 0;
        while (items->hasMoreElements()) {
            Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
            if (!item.is())
                continue;
            if (item->supportsService("com.sun.star.text.Paragraph")) {
                // The cursor's paragraph: the first that does not end before it.
                if (inBody && compare->compareRegionEnds(Reference<text::XTextRange>(item, UNO_QUERY_THROW),
                                                         where) <= 0)
                    return index;
                ++index;
            } else if (!inBody && Reference<container::XNamed>(item, UNO_QUERY).is() &&
                       Reference<container::XNamed>(item, UNO_QUERY)->getName() == afterTable) {
                return index;
            }
        }
        return -1;
    }

    std::optional<std::string> sectionText(const std::string& sectionId) override {
        const auto anchor = sectionRange(sectionId);
        if (!anchor.is())
            return std::nullopt;
        std::string text = toUtf8(anchor->getString());
        std::erase(text, '\r');
        return text;
    }

    void select(const Location& location) override {
        Reference<text::XTextViewCursorSupplier> views(model_->getCurrentController(), UNO_QUERY);
        if (!views.is())
            return;
        Reference<text::XTextCursor> view(views->getViewCursor(), UNO_QUERY_THROW);
        if (location.kind == Location::Kind::Cell) {
            const auto [tableName, cellName] = splitAddress(location.table, location.cell);
            Reference<text::XText> cell(table(tableName)->getCellByName(fromUtf8(cellName)), UNO_QUERY);
            if (!cell.is())
                throw UserError("error.cell-not-found", {{"table", location.table}, {"cell", location.cell}});
            view->gotoRange(cell->getStart(), false);
            view->gotoRange(cell->getEnd(), true);
        } else if (location.kind == Location::Kind::Paragraph) {
            int index = 0;
            forEachParagraph([&](const Reference<text::XTextRange>& paragraph) {
                if (index++ != location.paragraph)
                    return true;
                Reference<text::XTextCursor> cursor =
                    paragraph->getText()->createTextCursorByRange(paragraph->getStart());
                cursor->goRight(static_cast<sal_Int16>(location.offset), false);
                cursor->goRight(static_cast<sal_Int16>(location.length), true);
                view->gotoRange(cursor->getStart(), false);
                view->gotoRange(cursor->getEnd(), true);
                return false;
            });
        }
    }

private:
    // "表格2.B3" → {表格2, B3}; a plain cell name belongs to `table`. Writer cell names hold no '.'.
    static std::pair<std::string, std::string> splitAddress(const std::string& table,
                                                            const std::string& address) {
        const auto dot = address.rfind('.');
        if (dot == std::string::npos)
            return {table, address};
        return {address.substr(0, dot), address.substr(dot + 1)};
    }

    Reference<text::XTextTable> table(const std::string& name) {
        auto found = writerTableByName(model_, name);
        if (!found.is())
            throw UserError("error.table-not-found", {{"name", name}});
        return found;
    }

    // Top-level body paragraphs in order; tables are skipped (their cells are read as Grids).
    template <typename Fn> void forEachParagraph(Fn&& fn) {
        Reference<container::XEnumerationAccess> body(
            Reference<text::XTextDocument>(model_, UNO_QUERY_THROW)->getText(), UNO_QUERY_THROW);
        Reference<container::XEnumeration> items = body->createEnumeration();
        while (items->hasMoreElements()) {
            Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
            if (!item.is() || !item->supportsService("com.sun.star.text.Paragraph"))
                continue;
            if (!fn(Reference<text::XTextRange>(item, UNO_QUERY_THROW)))
                return;
        }
    }

    Reference<text::XTextRange> insertionRange() {
        Reference<text::XTextViewCursorSupplier> views(model_->getCurrentController(), UNO_QUERY);
        if (views.is())
            return Reference<text::XTextRange>(views->getViewCursor(), UNO_QUERY_THROW)->getStart();
        return Reference<text::XTextDocument>(model_, UNO_QUERY_THROW)->getText()->getEnd();
    }

    // Where a new section goes: the cursor, when it is in the body text. A cursor in a table cell (a
    // computed 扣分, say) puts the section into a new paragraph after the outermost table around it — a
    // section inside a cell is not a report's section; anywhere else (a frame, a header, a table outside the
    // body) the user is told where it can go.
    Reference<text::XTextRange> sectionPlace() {
        Reference<text::XTextRange> where = insertionRange();
        Reference<text::XText> body = Reference<text::XTextDocument>(model_, UNO_QUERY_THROW)->getText();
        if (where->getText() == body)
            return where;
        if (!tableAround(where).is())
            throw NoPlaceForSection("no place for a section at the cursor");
        try {
            return placeOutsideTables(model_, where);
        } catch (const NoPlaceAfterTable& e) {
            throw NoPlaceForSection(e.what());
        }
    }

    // The section's text: its text section (Writer's own documents), else its bookmark (what a .docx or .doc
    // keeps); empty when the document holds neither.
    Reference<text::XTextRange> sectionRange(const std::string& sectionId) {
        Reference<container::XNameAccess> sections =
            Reference<text::XTextSectionsSupplier>(model_, UNO_QUERY_THROW)->getTextSections();
        const OUString name = fromUtf8(sectionName(sectionId));
        if (sections->hasByName(name))
            return Reference<text::XTextContent>(sections->getByName(name), UNO_QUERY_THROW)->getAnchor();
        const auto bookmark = sectionBookmark(sectionId);
        return bookmark.is() ? bookmark->getAnchor() : Reference<text::XTextRange>();
    }

    Reference<text::XTextContent> sectionBookmark(const std::string& sectionId) {
        Reference<text::XBookmarksSupplier> supplier(model_, UNO_QUERY);
        if (!supplier.is())
            return {};
        Reference<container::XNameAccess> bookmarks = supplier->getBookmarks();
        const OUString name = fromUtf8(bookmarkName(sectionId));
        if (!bookmarks->hasByName(name))
            return {};
        return Reference<text::XTextContent>(bookmarks->getByName(name), UNO_QUERY);
    }

    // Writes `paragraphs` over the text `range` (a cursor in `text`) and marks them as the section.
    void rewrite(const std::string& sectionId, const Reference<text::XText>& text,
                 const Reference<text::XTextCursor>& range, const std::vector<std::string>& paragraphs) {
        if (const auto old = sectionBookmark(sectionId); old.is())
            old->getAnchor()->getText()->removeTextContent(old);
        range->setString("");
        Reference<text::XTextRange> start = range->getStart();
        Reference<text::XTextCursor> body = text->createTextCursorByRange(start);
        writeParagraphs(text, body, paragraphs);
        Reference<text::XTextCursor> span = text->createTextCursorByRange(start);
        span->gotoRange(body->getEnd(), true);
        mark(sectionId, text, span.get());
    }

    // A bookmark over the section's text: Word and WPS keep bookmarks (a text section becomes a section break
    // in .docx and .doc, its name lost), so the section is found again after such a round trip.
    void mark(const std::string& sectionId, const Reference<text::XText>& text,
              const Reference<text::XTextRange>& range) {
        Reference<text::XTextContent> bookmark(Reference<lang::XMultiServiceFactory>(model_, UNO_QUERY_THROW)
                                                   ->createInstance("com.sun.star.text.Bookmark"),
                                               UNO_QUERY_THROW);
        Reference<container::XNamed>(bookmark, UNO_QUERY_THROW)->setName(fromUtf8(bookmarkName(sectionId)));
        text->insertTextContent(range, bookmark, true);
    }

    static void writeParagraphs(const Reference<text::XText>& text,
                                const Reference<text::XTextCursor>& cursor,
                                const std::vector<std::string>& paragraphs) {
        for (std::size_t i = 0; i < paragraphs.size(); ++i) {
            if (i > 0)
                text->insertControlCharacter(cursor.get(), text::ControlCharacter::PARAGRAPH_BREAK, false);
            text->insertString(cursor.get(), fromUtf8(paragraphs[i]), false);
        }
    }

    Reference<frame::XModel> model_;
    // Where the next table of this change goes: after the one inserted last (importScorecard's funding table
    // follows its scoring table, also when the cursor is in a cell and both go after the table around it).
    Reference<text::XTextRange> nextTable_;
    std::vector<std::string> held_; // takeHeldCells
};

} // namespace

std::unique_ptr<DocumentHost> makeWriterHost(const Reference<frame::XModel>& model) {
    return std::make_unique<WriterHost>(model);
}

} // namespace jixiao::office
