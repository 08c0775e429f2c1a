// A validation finding: what is wrong, how badly, and where, in the user's language.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace jixiao {

enum class Severity { Error, Warning, Info };

struct Location {
    enum class Kind { None, Cell, Paragraph };
    Kind kind = Kind::None;
    std::string table;  // table name or sheet for a cell
    std::string cell;   // host cell address
    int paragraph = -1; // index into the paragraphs given to the validator
    int offset = 0;     // characters (UTF-8 code points) into the paragraph
    int length = 0;
    friend bool operator==(const Location&, const Location&) = default;
};

struct Finding {
    std::string ruleId; // stable: "weight.sum", "score.range", … (docs/rules.md)
    Severity severity = Severity::Error;
    Location location;
    std::string indicator;                   // indicator name, when the finding is about one
    std::map<std::string, std::string> args; // values quoted in the message, by placeholder name
    // The catalog key of the message when it is not the rule id: a table.layout finding is worded by the
    // layout error it reports ("error.layout.no-column", …).
    std::string messageKey;
    std::string message; // formatted in the requested language
    friend bool operator==(const Finding&, const Finding&) = default;
};

} // namespace jixiao
