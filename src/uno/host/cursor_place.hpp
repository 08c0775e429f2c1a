// Where a Writer view's cursor is, as far as the cells of its tables are concerned: what one key typed
// there can change. Plain data, so that the edit record (edit_record.hpp) needs no UNO; writer_cursor.hpp
// finds it in a view.
#pragma once

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

} // namespace jixiao::office
