// Stores the grade bands a report is graded with (its property 评价等级标准, core/model/grade_bands.hpp) as
// part of the undo step that is open: undoing an insertion or a re-grading takes the bands back with the
// cells.
#pragma once

#include <com/sun/star/frame/XModel.hpp>

#include <string>

namespace jixiao::office {

// Writes `text` (formatGradeBands') unless the report already stores it; inside an open undo context the
// change joins that step (an undo action of its own otherwise).
void storeGradeBands(const css::uno::Reference<css::frame::XModel>& model, const std::string& text,
                     const std::string& undoTitle);

} // namespace jixiao::office
