// A1 addresses as LibreOffice Calc writes them: column letters, cell references ("F3", "$F$3"), sheet names
// quoted where Calc needs them ("'2025 评价'.F3") and addresses read back ("Sheet1.F3", "$'a b'.$F$3"). One
// rule for the formulas recompute writes, the named ranges and anchors the Calc host writes, and the cell
// names a grid falls back to.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

// "A", …, "Z", "AA", …, "ZZ", "AAA" for a 0-based column index.
std::string columnLetters(int column);
// The 0-based column of "A", "AA", "aa" …; nullopt when `letters` is empty or holds anything but A‥Z/a‥z.
std::optional<int> columnIndex(std::string_view letters);

// "F3" for column 5, row 2 (0-based); `absoluteRow`/`absoluteColumn` pin them with '$' ("F$3", "$F$3").
std::string a1Cell(int column, int row, bool absoluteColumn = false, bool absoluteRow = false);

// The sheet name as it stands in a formula or range address. Calc quotes a name that is not a plain
// identifier (letters of any script, digits, '_') and doubles its apostrophes: "Sheet1" and "评价表" stay,
// "my sheet" → "'my sheet'", "Bob's" → "'Bob''s'". A name starting with a digit is quoted too: Calc quotes
// an all-digit name, and a quoted name always reads back, where "2025年" unquoted may read as a number.
std::string quotedSheetName(std::string_view sheet);
// The reverse: "'Bob''s'" → "Bob's", "$Sheet1" → "Sheet1"; a name without quotes is returned as it is.
std::string unquotedSheetName(std::string_view text);

// A Calc cell address "Sheet1.F3", "'my sheet'.F3" or "$Sheet1.$F$3", split into the sheet (unquoted) and the
// 0-based column and row; nullopt when it is not one.
struct SheetCell {
    std::string sheet;
    int column = 0;
    int row = 0;
    friend bool operator==(const SheetCell&, const SheetCell&) = default;
};
std::optional<SheetCell> parseSheetCell(std::string_view address);

} // namespace jixiao
