// DocumentComments for Calc: cell comments (XSheetAnnotations), written through Calc's own Insert Comment
// command so that they carry Jixiao's name as their author.
#include "uno/base/log.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/document_comments.hpp"

#include "core/model/user_error.hpp"
#include "core/text/a1.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotationShapeSupplier.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <osl/file.hxx>
#include <rtl/bootstrap.hxx>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

class CalcComments final : public DocumentComments {
public:
    CalcComments(const Reference<uno::XComponentContext>& context, const Reference<frame::XModel>& model)
        : sheets_(Reference<sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets(),
                  UNO_QUERY_THROW) {
        const Reference<frame::XController> controller = model->getCurrentController();
        selection_.set(controller, UNO_QUERY);
        Reference<frame::XFrame> frame = controller.is() ? controller->getFrame() : nullptr;
        frame_.set(frame, UNO_QUERY);
        if (selection_.is() && frame_.is()) {
            dispatcher_ = frame::DispatchHelper::create(context);
            selected_ = selection_->getSelection();
        }
    }
    CalcComments(const CalcComments&) = delete;
    CalcComments& operator=(const CalcComments&) = delete;
    ~CalcComments() override {
        // The user's selection as it was before the comments were placed.
        try {
            if (dispatcher_.is() && selected_.hasValue())
                selection_->select(selected_);
        } catch (const uno::Exception& e) {
            JIXIAO_LOG(warn, "Calc comments: the selection before them not restored: " << e.Message);
        }
    }

    std::vector<ExistingComment> read() override {
        cells_.clear();
        std::vector<ExistingComment> comments;
        for (sal_Int32 s = 0; s < sheets_->getCount(); ++s) {
            Reference<sheet::XSpreadsheet> sheet(sheets_->getByIndex(s), UNO_QUERY_THROW);
            const std::string name = toUtf8(Reference<container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
            Reference<container::XIndexAccess> notes(
                Reference<sheet::XSheetAnnotationsSupplier>(sheet, UNO_QUERY_THROW)->getAnnotations(),
                UNO_QUERY_THROW);
            for (sal_Int32 i = 0; i < notes->getCount(); ++i) {
                Reference<sheet::XSheetAnnotation> note(notes->getByIndex(i), UNO_QUERY_THROW);
                const auto position = note->getPosition();
                ExistingComment comment;
                comment.anchor =
                    cellAnchor({}, quotedSheetName(name) + "." + a1Cell(position.Column, position.Row));
                comment.author = toUtf8(note->getAuthor());
                comment.text = noteText(note);
                comments.push_back(comment);
                cells_.push_back(sheet->getCellByPosition(position.Column, position.Row));
            }
        }
        return comments;
    }

    void remove(const std::vector<std::size_t>& indexes) override {
        // Clearing the cell's comment flag alone leaves its value, formula and format as they are.
        for (const auto index : indexes)
            Reference<sheet::XSheetOperation>(cells_.at(index), UNO_QUERY_THROW)
                ->clearContents(sheet::CellFlags::ANNOTATION);
    }

    void add(const WantedComment& comment, const std::string& author) override {
        const auto [sheetIndex, address] = placeOf(comment.location);
        Reference<sheet::XSpreadsheet> sheet(sheets_->getByIndex(sheetIndex), UNO_QUERY_THROW);
        if (!dispatcher_.is()) {
            Reference<sheet::XSheetAnnotations> notes =
                Reference<sheet::XSheetAnnotationsSupplier>(sheet, UNO_QUERY_THROW)->getAnnotations();
            notes->insertNew(address, fromUtf8(comment.text));
            return;
        }
        // XSheetAnnotations names the office's user as the author and has no way to set it; Calc's own
        // command does (Text, Author, Date: what LibreOffice Online uses), on the cell selected in the view.
        selection_->select(uno::Any(Reference<table::XCellRange>(
            sheet->getCellByPosition(address.Column, address.Row), UNO_QUERY_THROW)));
        const util::DateTime when = commentDate();
        auto twoDigits = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
        const std::string date =
            std::to_string(when.Year) + "-" + twoDigits(when.Month) + "-" + twoDigits(when.Day);
        uno::Sequence<beans::PropertyValue> arguments(3);
        arguments[0].Name = "Text";
        arguments[0].Value <<= fromUtf8(comment.text);
        arguments[1].Name = "Author";
        arguments[1].Value <<= fromUtf8(author);
        arguments[2].Name = "Date";
        arguments[2].Value <<= fromUtf8(date);
        dispatcher_->executeDispatch(frame_, ".uno:InsertAnnotation", "", 0, arguments);
    }

    bool authorsKept() const override { return false; }

    // Calc's own command would answer a protected sheet with a message box; the API with nothing at all.
    void checkEditable(const std::vector<std::size_t>& remove,
                       const std::vector<WantedComment>& add) override {
        if (!remove.empty() || !add.empty())
            refuseWithoutUiFiles();
        auto refuseProtected = [&](sal_Int32 sheetIndex, const table::CellAddress& cell) {
            Reference<sheet::XSpreadsheet> sheet(sheets_->getByIndex(sheetIndex), UNO_QUERY_THROW);
            if (!Reference<util::XProtectable>(sheet, UNO_QUERY_THROW)->isProtected())
                return;
            const std::string name = toUtf8(Reference<container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
            throw UserError(
                "error.sheet-protected",
                {{"sheet", name}, {"cell", quotedSheetName(name) + "." + a1Cell(cell.Column, cell.Row)}});
        };
        for (const auto index : remove) {
            const auto address =
                Reference<sheet::XCellAddressable>(cells_.at(index), UNO_QUERY_THROW)->getCellAddress();
            refuseProtected(address.Sheet, address);
        }
        for (const auto& comment : add) {
            const auto [sheetIndex, address] = placeOf(comment.location);
            refuseProtected(sheetIndex, address);
        }
    }
    bool oneCommentPerAnchor() const override { return true; }

private:
    // LibreOffice 25.2 (not 7.4) makes the caption of a comment read from .xlsx only when it is first needed,
    // and until then the annotation answers its text as empty: its text object reads the caption's text, not
    // the plain text the import kept. Such a comment of Jixiao's would pass for one the user emptied, and
    // stay after its finding was fixed. The caption, which asking for it makes, has the text; making it
    // neither marks the document modified nor adds an undo step (seen in 25.2.3).
    static std::string noteText(const Reference<sheet::XSheetAnnotation>& note) {
        std::string text = toUtf8(Reference<text::XSimpleText>(note, UNO_QUERY_THROW)->getString());
        if (!text.empty())
            return text;
        Reference<sheet::XSheetAnnotationShapeSupplier> shapes(note, UNO_QUERY);
        Reference<text::XSimpleText> caption(shapes.is() ? shapes->getAnnotationShape() : nullptr, UNO_QUERY);
        return caption.is() ? toUtf8(caption->getString()) : text;
    }

    // Calc's Insert Comment command shows the comment in a window built from Calc's user-interface files. An
    // office installed without them (Debian 12's libreoffice-calc-nogui 7.4 on arm64) aborted on the next
    // main-loop timer after the comments were added. Such an office gets no comment at all.
    static void refuseWithoutUiFiles() {
        OUString url("$BRAND_BASE_DIR/share/config/soffice.cfg/modules/scalc/ui");
        rtl::Bootstrap::expandMacros(url);
        osl::Directory folder(url);
        osl::DirectoryItem any;
        if (folder.open() != osl::FileBase::E_None || folder.getNextItem(any) != osl::FileBase::E_None)
            throw UserError("error.calc-comments-no-ui");
    }

    sal_Int32 sheetIndex(const std::string& name) {
        for (sal_Int32 s = 0; s < sheets_->getCount(); ++s)
            if (toUtf8(Reference<container::XNamed>(sheets_->getByIndex(s), UNO_QUERY_THROW)->getName()) ==
                name)
                return s;
        return -1;
    }

    std::pair<sal_Int32, table::CellAddress> placeOf(const Location& location) {
        if (location.kind == Location::Kind::Cell) {
            const auto cell = parseSheetCell(location.cell);
            const sal_Int32 index = cell ? sheetIndex(cell->sheet) : -1;
            if (index < 0)
                throw UserError("error.cell-not-found", {{"table", location.table}, {"cell", location.cell}});
            return {index, table::CellAddress(static_cast<sal_Int16>(index), cell->column, cell->row)};
        }
        if (location.kind == Location::Kind::Paragraph) {
            // A report kept in Calc has its prose on the sheet 报告, one paragraph per cell of column A.
            const sal_Int32 index = sheetIndex("报告");
            if (index >= 0)
                return {index, table::CellAddress(static_cast<sal_Int16>(index), 0, location.paragraph)};
        }
        return {0, table::CellAddress(0, 0, 0)};
    }

    Reference<container::XIndexAccess> sheets_;
    std::vector<Reference<table::XCell>> cells_;
    Reference<view::XSelectionSupplier> selection_;
    Reference<frame::XDispatchProvider> frame_;
    Reference<frame::XDispatchHelper> dispatcher_;
    uno::Any selected_;
};

} // namespace

std::unique_ptr<DocumentComments> makeCalcComments(const Reference<uno::XComponentContext>& context,
                                                   const Reference<frame::XModel>& model) {
    return std::make_unique<CalcComments>(context, model);
}

} // namespace jixiao::office
