// The caption Jixiao writes above a scoring table in Writer ("…支出绩效评价指标体系及打分表") follows the
// report details: inserted before 单位, 年度 and 项目 are known it is only the fragment
// "支出绩效评价指标体系及打分表", and it is written again once they are. Only Jixiao's own caption is
// rewritten, never a text the user edited: the caption is marked with a bookmark whose name carries the
// fingerprint of the caption's whole paragraph as Jixiao wrote it
// ("JixiaoCaption_<fingerprint>_<n>"; Word and WPS keep bookmarks, so the mark survives .docx and .doc), and
// a caption whose paragraph no longer has that fingerprint (any edit in it) is left alone.
#pragma once

#include "uno/base/undo_step.hpp"

#include <com/sun/star/frame/XModel.hpp>

#include <string>

namespace jixiao::office {

// Marks `caption` in the paragraph right above the named table (where insertWriterTable writes it, after an
// appendix number such as "附表1：" when there is one). Does nothing when that paragraph does not hold it.
void markTableCaption(const css::uno::Reference<css::frame::XModel>& model, const std::string& tableName,
                      const std::string& caption);

// Rewrites every marked caption Jixiao wrote and the user left as it was to `caption`, as one undo step
// titled `undoTitle` (or joined to the step on top, undo_context.hpp); returns how many were rewritten (0: no
// undo step).
int refreshTableCaptions(const css::uno::Reference<css::frame::XModel>& model, const std::string& caption,
                         const std::string& undoTitle, UndoStep step = UndoStep::Own);

} // namespace jixiao::office
