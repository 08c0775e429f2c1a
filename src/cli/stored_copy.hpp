// Stores a copy of an office document in a given format, for the batch's outputs that the office writes (the
// summary workbook). The office is boxed (cli/sandbox.hpp): `target` must be a path it may write, its
// staging folder (OfficeProcess::outputPath); the batch then moves the file out under safe_files' rules.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <filesystem>
#include <string>

namespace jixiao::cli {

// storeToURL with `filterName` ("Calc MS Excel 2007 XML", "calc8", "MS Word 2007 XML" …); the document keeps
// its own location and modified state. Throws the office's exception when it cannot store.
void storeCopy(const css::uno::Reference<css::uno::XComponentContext>& office,
               const css::uno::Reference<css::frame::XModel>& document, const std::string& filterName,
               const std::filesystem::path& target);

} // namespace jixiao::cli
