// Where a Writer view's cursor is, as far as the cells of its tables are concerned: what one key typed
// there can change. Live recompute's edited-cell path (typing_watch.hpp) and the notice about a computed
// cell typed into both ask it.
#pragma once

#include "uno/host/cursor_place.hpp"

#include <com/sun/star/frame/XController.hpp>

namespace jixiao::office {

CursorPlace cursorPlace(const css::uno::Reference<css::frame::XController>& view);

} // namespace jixiao::office
