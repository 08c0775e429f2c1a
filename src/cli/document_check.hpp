// Checks one report in a running office: opens it read-only and hidden, validates it, exports its scorecard
// and closes it without storing.
#pragma once

#include "cli/inputs.hpp"
#include "cli/report_summary.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <stdexcept>

namespace jixiao::cli {

// The connection to the office broke during the check (it crashed, was killed, or the bridge died).
class OfficeLost : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Fills findings and scorecard, or `failure` when the office cannot read the file. Throws OfficeLost.
FileResult checkDocument(const css::uno::Reference<css::uno::XComponentContext>& office, const Input& input);

} // namespace jixiao::cli
