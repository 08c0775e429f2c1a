// Checks one report in a running office: opens it read-only and hidden, validates it, exports its scorecard
// and closes it without storing.
#pragma once

#include "cli/inputs.hpp"
#include "cli/report_summary.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <stdexcept>

namespace jixiao::cli {

// The connection to the office broke during the check (it crashed, was killed, or the bridge died).
class OfficeLost : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// --annotate: stores the open document, its findings added as comments, as the report's annotated copy
// (filling FileResult::annotatedCopy). Given by the worker, which knows where its office may write.
using StoreAnnotated = std::function<void(const css::uno::Reference<css::frame::XModel>&, FileResult&)>;

// Fills findings and scorecard, or `failure` when the office cannot read the file. Throws OfficeLost.
// `annotate`: for a report with errors or warnings, its findings are added as comments
// (XEvaluationTool::addFindingsAsComments) and the copy stored. The document is then opened editable: it is
// the batch's private copy of the report (OfficeProcess::stage), never stored over.
FileResult checkDocument(const css::uno::Reference<css::uno::XComponentContext>& office, const Input& input,
                         const StoreAnnotated& annotate = nullptr);

} // namespace jixiao::cli
