// Writer names table cells by their position in their own row: columns A–Z, then a–z, then AA, AB …,
// and rows from 1. In a row whose cells are merged horizontally, names follow the cells that remain, so a
// name says nothing about the grid column; see writer_tables.cpp for how the grid position is recovered.
#pragma once

#include <string>

namespace jixiao::office {

inline std::string writerColumnName(int column) {
    constexpr int kLetters = 52; // 'A'–'Z' then 'a'–'z'
    std::string name;
    for (;;) {
        const int digit = column % kLetters;
        name.insert(name.begin(), static_cast<char>(digit < 26 ? 'A' + digit : 'a' + digit - 26));
        column -= digit;
        if (column == 0)
            break;
        column = column / kLetters - 1;
    }
    return name;
}

inline std::string writerCellName(int boxInRow, int row) {
    return writerColumnName(boxInRow) + std::to_string(row + 1);
}

} // namespace jixiao::office
