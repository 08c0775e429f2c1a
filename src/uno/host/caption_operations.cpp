// Operations::refreshTableCaptions: the scoring table's caption follows the report details (issue 19).
#include "uno/host/calc_caption.hpp"
#include "uno/host/document_properties.hpp"
#include "uno/host/operations.hpp"
#include "uno/host/writer_caption.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>

namespace jixiao::office {

int Operations::refreshTableCaptions(const css::uno::Reference<css::frame::XModel>& model,
                                     const std::string& kind, UndoStep step) const {
    css::uno::Reference<css::lang::XServiceInfo> info(model, css::uno::UNO_QUERY);
    const bool writer = info.is() && info->supportsService("com.sun.star.text.TextDocument");
    const bool calc = info.is() && info->supportsService("com.sun.star.sheet.SpreadsheetDocument");
    if (!writer && !calc)
        return 0;
    Scorecard card;
    applyReportProperties(readReportProperties(model), card);
    if (calc) // the table's title row (calc_caption.hpp)
        return refreshCalcTableCaptions(model, tableCaption(card.meta, kind), ui("undo.table-caption"), step);
    return jixiao::office::refreshTableCaptions(model, tableCaption(card.meta, kind),
                                                ui("undo.table-caption"), step);
}

} // namespace jixiao::office
