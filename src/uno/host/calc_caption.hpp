// The scoring table's title row in Calc ("…支出绩效评价指标体系及打分表", written by 插入打分表 with the
// table) follows the report details, as Writer's caption does (writer_caption.hpp). Only a title Jixiao wrote
// and the user left as it was is rewritten: the title cell is marked by a named range whose name carries the
// fingerprint of the cell's text as Jixiao wrote it ("JixiaoCaption_<fingerprint>_<n>"; .ods and .xlsx keep
// defined names), and a cell whose text no longer has that fingerprint (any edit) is left alone.
#pragma once

#include "uno/base/undo_step.hpp"

#include <com/sun/star/frame/XModel.hpp>

#include <string>

namespace jixiao::office {

// Marks the title cell (the top-left cell) of the named table when it holds `caption`.
void markCalcTableCaption(const css::uno::Reference<css::frame::XModel>& model, const std::string& tableName,
                          const std::string& caption);

// Rewrites every marked title Jixiao wrote and the user left as it was to `caption`, as one undo step titled
// `undoTitle` (or joined to the step on top, undo_context.hpp); returns how many were rewritten (0: no undo
// step).
int refreshCalcTableCaptions(const css::uno::Reference<css::frame::XModel>& model, const std::string& caption,
                             const std::string& undoTitle, UndoStep step = UndoStep::Own);

} // namespace jixiao::office
