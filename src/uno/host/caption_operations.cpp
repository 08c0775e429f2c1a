// Operations::refreshTableCaptions: the scoring table's caption follows the report details (issue 19).
#include "uno/host/document_properties.hpp"
#include "uno/host/operations.hpp"
#include "uno/host/writer_caption.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>

namespace jixiao::office {

int Operations::refreshTableCaptions(const css::uno::Reference<css::frame::XModel>& model) const {
    css::uno::Reference<css::lang::XServiceInfo> info(model, css::uno::UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.TextDocument"))
        return 0; // Calc's caption is the table's title row, written with the table
    Scorecard card;
    applyReportProperties(readReportProperties(model), card);
    return jixiao::office::refreshTableCaptions(model, tableCaption(card.meta), ui("undo.table-caption"));
}

} // namespace jixiao::office
