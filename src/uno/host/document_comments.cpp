#include "uno/host/document_comments.hpp"

#include "core/model/user_error.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>

#include <ctime>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace jixiao::office {

util::DateTime commentDate() {
    const std::time_t seconds = std::time(nullptr);
    std::tm local{};
    localtime_r(&seconds, &local);
    util::DateTime when;
    when.Year = static_cast<sal_Int16>(local.tm_year + 1900);
    when.Month = static_cast<sal_uInt16>(local.tm_mon + 1);
    when.Day = static_cast<sal_uInt16>(local.tm_mday);
    when.Hours = static_cast<sal_uInt16>(local.tm_hour);
    when.Minutes = static_cast<sal_uInt16>(local.tm_min);
    when.Seconds = static_cast<sal_uInt16>(local.tm_sec);
    return when;
}

std::unique_ptr<DocumentComments> makeDocumentComments(const Reference<uno::XComponentContext>& context,
                                                       const Reference<frame::XModel>& model) {
    Reference<lang::XServiceInfo> info(model, UNO_QUERY);
    if (info.is() && info->supportsService("com.sun.star.text.TextDocument"))
        return makeWriterComments(model);
    if (info.is() && info->supportsService("com.sun.star.sheet.SpreadsheetDocument"))
        return makeCalcComments(context, model);
    throw UserError("error.not-writer-or-calc");
}

} // namespace jixiao::office
