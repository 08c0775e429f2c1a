// Marks a bad score where the user looks while scoring in Calc: a conditional format on each 得分 cell of a
// scoring table Jixiao inserted, in LibreOffice's own "Bad" cell style, shown while the score lies outside
// 0‥分值 (the cell's own 分值, by reference, so a corrected weight moves the bound). Only on tables Jixiao
// inserted: a table the user built keeps its formatting as it is.
#pragma once

#include "core/model/scorecard.hpp"

#include <com/sun/star/frame/XModel.hpp>

namespace jixiao::office {

// The cell style the marks use: LibreOffice's built-in "Bad" (red on pink). A document without it (one
// whose styles were stripped) is not marked: Jixiao adds no style of its own to a user's document.
inline constexpr const char* kBadScoreStyle = "Bad";

// Adds the mark to every leaf of `placed` (the scoring table as read right after its insertion) that has a
// score and a weight cell; returns how many cells were marked. Part of the insertion's undo step.
int markBadScores(const css::uno::Reference<css::frame::XModel>& model, const Scorecard& placed);

} // namespace jixiao::office
