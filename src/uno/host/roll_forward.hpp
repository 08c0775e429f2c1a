// 从上年报告开始 in the office: copies last year's report into a new untitled document (the original is never
// touched) and applies the core's plan (core/write/roll_forward.hpp) to the copy as one undo step.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace jixiao::office {

// The new document's model. Throws UserError for a document that is neither Writer nor Calc, or whose year
// cannot be told ("error.roll-no-year").
css::uno::Reference<css::frame::XModel>
rollForward(const css::uno::Reference<css::uno::XComponentContext>& context,
            const css::uno::Reference<css::frame::XModel>& lastYear);

} // namespace jixiao::office
