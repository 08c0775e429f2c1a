// The one line between "the user can fix this" and "Jixiao has a defect". A UserError is about the user's
// input — a document, a template, a JSON file, an argument from a macro — and its message is already phrased
// for the user (naming the cell, file or JSON path). The UNO layer shows it as it is
// (IllegalArgumentException for macros, the status line in the deck); any other exception that escapes is a
// defect, logged and reported as such, never dressed up as the user's mistake.
#pragma once

#include <stdexcept>
#include <string>

namespace jixiao {

class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace jixiao
