#include "uno/host/grade_bands_store.hpp"

#include "uno/base/ustring.hpp"
#include "uno/host/document_properties.hpp"

#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace jixiao::office {
namespace {

// Document properties are outside LibreOffice's own undo: this action puts the bands back and forth.
class GradeBandsUndo : public cppu::WeakImplHelper1<document::XUndoAction> {
public:
    GradeBandsUndo(const Reference<frame::XModel>& model, std::string before, std::string after,
                   const OUString& title)
        : model_(model), before_(std::move(before)), after_(std::move(after)), title_(title) {}

    OUString SAL_CALL getTitle() override { return title_; }
    void SAL_CALL undo() override { write(before_); }
    void SAL_CALL redo() override { write(after_); }

private:
    void write(const std::string& text) {
        const Reference<frame::XModel> model(model_);
        if (model.is()) // a closed document has nothing to put back
            writeGradeBands(model, text);
    }

    uno::WeakReference<frame::XModel> model_;
    std::string before_;
    std::string after_;
    OUString title_;
};

} // namespace

void storeGradeBands(const Reference<frame::XModel>& model, const std::string& text,
                     const std::string& undoTitle) {
    const std::string before = readReportProperties(model).gradeBands;
    if (before == text)
        return;
    writeGradeBands(model, text);
    Reference<document::XUndoManagerSupplier> supplier(model, UNO_QUERY);
    if (supplier.is())
        supplier->getUndoManager()->addUndoAction(
            new GradeBandsUndo(model, before, text, fromUtf8(undoTitle)));
}

} // namespace jixiao::office
