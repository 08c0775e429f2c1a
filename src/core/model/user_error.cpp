#include "core/model/user_error.hpp"

namespace jixiao {

UserError::UserError(std::string key, std::map<std::string, std::string> args)
    : UserError(Message{std::move(key), std::move(args)}) {}

// what() is the key and its values, so a log line or a failed test still says which message it was.
UserError::UserError(Message message) : std::runtime_error(describe(message)), message_(std::move(message)) {}

std::string describe(const Message& message) {
    std::string out = message.key;
    const char* separator = " {";
    for (const auto& [name, value] : message.args) {
        out += separator + name + "=" + value;
        separator = ", ";
    }
    if (!message.args.empty())
        out += "}";
    return out;
}

} // namespace jixiao
