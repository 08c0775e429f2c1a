#include "uno/deck_status.hpp"

#include <map>
#include <vector>

namespace jixiao::office::deck_status {
namespace {

struct FrameState {
    Status status;
    std::string templateId;
    std::map<int, std::function<void()>> observers;
};

// Keyed by the frame's address: a frame's entry goes when its last observer goes (its status panel closed),
// so a closed window leaves at most its last status line and template behind, not its panels.
std::map<const void*, FrameState>& frames() {
    static std::map<const void*, FrameState> state;
    return state;
}

const void* key(const css::uno::Reference<css::frame::XFrame>& frame) {
    return frame.get();
}

int nextId = 0;

} // namespace

void set(const css::uno::Reference<css::frame::XFrame>& frame, const Status& status) {
    auto& state = frames()[key(frame)];
    state.status = status;
    // Copied: an observer may remove itself (a panel disposed while it redraws).
    std::vector<std::function<void()>> observers;
    for (const auto& [id, observer] : state.observers)
        observers.push_back(observer);
    for (const auto& observer : observers)
        observer();
}

Status get(const css::uno::Reference<css::frame::XFrame>& frame) {
    const auto found = frames().find(key(frame));
    return found == frames().end() ? Status{} : found->second.status;
}

void setTemplate(const css::uno::Reference<css::frame::XFrame>& frame, const std::string& id) {
    frames()[key(frame)].templateId = id;
}

std::string chosenTemplate(const css::uno::Reference<css::frame::XFrame>& frame) {
    const auto found = frames().find(key(frame));
    return found == frames().end() ? std::string{} : found->second.templateId;
}

int addObserver(const css::uno::Reference<css::frame::XFrame>& frame, std::function<void()> onChange) {
    const int id = ++nextId;
    frames()[key(frame)].observers.emplace(id, std::move(onChange));
    return id;
}

void removeObserver(int id) {
    for (auto it = frames().begin(); it != frames().end(); ++it) {
        if (it->second.observers.erase(id) == 0)
            continue;
        if (it->second.observers.empty())
            frames().erase(it);
        return;
    }
}

} // namespace jixiao::office::deck_status
