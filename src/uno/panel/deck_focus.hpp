// Ctrl+Alt+J and Tools ▸ 绩效评价: bring the 绩效评价 deck forward. The sidebar's own command for a deck
// (.uno:SidebarDeck.<id>) toggles: pressed on the open deck it closes it, so a shortcut meant to "go to the
// deck" hid the whole sidebar every second press. This service opens the deck when it is not shown and only
// moves the keyboard focus into it when it is.
#pragma once

#include "uno/base/ustring.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace jixiao::office {

// Shows the 绩效评价 deck in `frame`'s sidebar (opening the sidebar if it is hidden or collapsed, never
// closing it) and gives the deck's panel the keyboard focus. Returns false, logged, when it could not.
bool focusDeck(const css::uno::Reference<css::uno::XComponentContext>& context,
               const css::uno::Reference<css::frame::XFrame>& frame);

// The service org.jixiao.FocusDeck: registry/Accelerators.xcu and Addons.xcu dispatch
// "service:org.jixiao.FocusDeck", and the office's service: handler calls its XJobExecutor::trigger, which
// focuses the deck of the office's active frame.
css::uno::Reference<css::uno::XInterface>
createFocusDeckJob(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace jixiao::office
