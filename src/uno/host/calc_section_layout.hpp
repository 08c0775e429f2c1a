// A section 生成段落 writes in Calc (one paragraph per cell of column A of the sheet 报告) laid out to be
// read and shown: before, each paragraph was one unwrapped line running far past the window on a sheet the
// user was not looking at, so nothing seemed to happen.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>

namespace jixiao::office {

// Column A about a printed page wide (only ever widened: the sheet holds the report's prose in that column),
// the paragraphs' cells [firstRow, lastRow] wrapped and top-aligned, their rows as high as their text.
void layOutCalcSection(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, int firstRow, int lastRow);

// Brings the section into view: its sheet made the active one and its cells selected. Nothing without a view
// (a hidden or headless document).
void showCalcSection(const css::uno::Reference<css::frame::XModel>& model,
                     const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, int firstRow, int lastRow);

} // namespace jixiao::office
