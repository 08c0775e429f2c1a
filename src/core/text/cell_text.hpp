// Text of table cells as the readers see it: whitespace of every kind (line breaks inside a cell, NBSP,
// the ideographic space), names broken over lines and units in trailing parentheses. Shared by the scoring
// and funding readers and by recompute. Column letters and cell addresses are core/text/a1.hpp's.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jixiao {

// Length of a whitespace sequence starting at i: ASCII blanks, NBSP (C2 A0), the ideographic space
// (E3 80 80) and the zero-width space (E2 80 8B) that pasted text sometimes carries; 0 when none.
std::size_t spaceAt(std::string_view s, std::size_t i);
// Without leading and trailing whitespace of any of those kinds.
std::string trimCell(std::string_view s);
// A name broken over lines inside a cell ("服务对象\n满意度") is one name: Chinese joins without a space,
// Latin words with one.
std::string joinCellLines(std::string_view s);
// Header and keyword matching ignores every kind of whitespace, including line breaks inside a cell
// ("一级\n指标") and the ideographic space, and reads full-width letters and digits as half-width.
std::string compactText(std::string_view text);
// Header text without a trailing unit in parentheses: "分值(分)" → "分值", "金额(万元)" → "金额" (compact
// text: parentheses already half-width).
std::string withoutTrailingParenthesis(std::string text);
// The parenthesised unit of a compact header: "金额(万元)" → "万元".
std::string parenthesisContent(const std::string& compact);

} // namespace jixiao
