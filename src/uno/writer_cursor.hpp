// Where a Writer view's cursor is, as far as the cells of its tables are concerned: what one key typed
// there can change. Live recompute's edited-cell path (typing_watch.hpp) and the notice about a computed
// cell typed into both ask it.
#pragma once

#include <com/sun/star/frame/XController.hpp>

#include <string>

namespace jixiao::office {

struct CursorPlace {
    enum class Kind {
        Unknown,       // no Writer text view, a selection, or an object selected: a key may change anything
        OutsideTables, // a collapsed text cursor in no table cell: a key changes no cell's text
        InCell,        // a collapsed text cursor in the cell `cell` of the table `table`
    };
    Kind kind = Kind::Unknown;
    std::string table;
    std::string cell;
};

CursorPlace cursorPlace(const css::uno::Reference<css::frame::XController>& view);

} // namespace jixiao::office
