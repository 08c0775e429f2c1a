// The one line between "the user can fix this" and "Jixiao has a defect". A UserError is about the user's
// input — a document, a template, a JSON file, an argument from a macro — and carries no sentence: only a
// message key of extension/i18n/ui.json and the values its text quotes (cell, file, JSON path, value,
// limit …). The surface that shows it formats it once from the catalog in its own language
// (MessageCatalog::format(lang, error.message())): IllegalArgumentException for macros, the status line in
// the deck, the batch's summary. Any other exception that escapes is a defect, logged and reported as such,
// never dressed up as the user's mistake.
#pragma once

#include <map>
#include <stdexcept>
#include <string>

namespace jixiao {

// What a user is told, before it is put into words: a catalog key and the values its {placeholders} quote.
struct Message {
    std::string key;
    std::map<std::string, std::string> args;
    friend bool operator==(const Message&, const Message&) = default;
};

class UserError : public std::runtime_error {
public:
    explicit UserError(std::string key, std::map<std::string, std::string> args = {});
    explicit UserError(Message message);

    const Message& message() const { return message_; }
    const std::string& key() const { return message_.key; }
    const std::map<std::string, std::string>& args() const { return message_.args; }

private:
    Message message_;
};

// "key {name=value, …}": for logs and test failures only. Nothing shows it to a user.
std::string describe(const Message& message);

} // namespace jixiao
