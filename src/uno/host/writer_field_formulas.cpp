#include "uno/host/writer_field_formulas.hpp"

#include "uno/base/log.hpp"
#include "uno/base/ustring.hpp"

#include "core/text/cell_text.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

// (table, cell) of a field's anchor, when the anchor lies in a table cell of the body text.
std::optional<std::pair<std::string, std::string>> cellOf(const Reference<text::XTextContent>& field) {
    Reference<beans::XPropertySet> anchor(field->getAnchor(), UNO_QUERY);
    if (!anchor.is())
        return std::nullopt;
    Reference<container::XNamed> table(anchor->getPropertyValue("TextTable"), UNO_QUERY);
    Reference<beans::XPropertySet> cell(anchor->getPropertyValue("Cell"), UNO_QUERY);
    if (!table.is() || !cell.is())
        return std::nullopt;
    OUString name;
    cell->getPropertyValue("CellName") >>= name;
    return std::make_pair(toUtf8(table->getName()), toUtf8(name));
}

} // namespace

const std::string* WriterFieldFormulas::find(const std::string& table, const std::string& cell) {
    if (!formulas_) {
        formulas_.emplace();
        Reference<text::XTextFieldsSupplier> supplier(model_, UNO_QUERY);
        Reference<container::XEnumerationAccess> fields(supplier.is() ? supplier->getTextFields() : nullptr);
        Reference<container::XEnumeration> items(fields.is() ? fields->createEnumeration() : nullptr);
        while (items.is() && items->hasMoreElements()) {
            Reference<lang::XServiceInfo> info(items->nextElement(), UNO_QUERY);
            if (!info.is() || !info->supportsService("com.sun.star.text.textfield.TableFormula"))
                continue;
            try {
                const auto where = cellOf(Reference<text::XTextContent>(info, UNO_QUERY_THROW));
                OUString content;
                Reference<beans::XPropertySet>(info, UNO_QUERY_THROW)->getPropertyValue("Content") >>=
                    content;
                // Stored with a leading space (" sum <F2:F10>").
                const std::string formula = trimCell(toUtf8(content));
                if (where && !formula.empty())
                    formulas_->emplace(*where, formula);
            } catch (const uno::Exception& e) {
                // A field outside the body text (a header, a frame) has no table cell: not ours to read.
                JIXIAO_LOG(info, "a formula field not read (outside the body's tables?): " << e.Message);
            }
        }
    }
    const auto found = formulas_->find({table, cell});
    return found == formulas_->end() ? nullptr : &found->second;
}

} // namespace jixiao::office
