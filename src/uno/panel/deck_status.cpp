#include "uno/panel/deck_status.hpp"

#include <cppuhelper/weakref.hxx>

#include <map>
#include <vector>

namespace jixiao::office::deck_status {
namespace {

struct FrameState {
    css::uno::WeakReference<css::frame::XFrame> frame; // to tell a new frame at a dead one's address
    Status status;
    std::string templateId;
    std::map<int, std::function<void()>> observers;
};

// Keyed by the frame's address: a frame's entry goes when its last observer goes (its status panel closed);
// one left by a frame that is gone (no status panel ever observed it) is not handed to a new frame that
// happens to get its address.
std::map<const void*, FrameState>& frames() {
    static std::map<const void*, FrameState> state;
    return state;
}

FrameState& stateOf(const css::uno::Reference<css::frame::XFrame>& frame) {
    auto& state = frames()[frame.get()];
    if (css::uno::Reference<css::frame::XFrame>(state.frame) != frame) {
        auto observers = std::move(state.observers); // a live frame's own observers stay
        state = FrameState{};
        state.frame = frame;
        state.observers = std::move(observers);
    }
    return state;
}

int nextId = 0;

} // namespace

void set(const css::uno::Reference<css::frame::XFrame>& frame, const Status& status) {
    auto& state = stateOf(frame);
    state.status = status;
    // Copied: an observer may remove itself (a panel disposed while it redraws).
    std::vector<std::function<void()>> observers;
    for (const auto& [id, observer] : state.observers)
        observers.push_back(observer);
    for (const auto& observer : observers)
        observer();
}

Status get(const css::uno::Reference<css::frame::XFrame>& frame) {
    return stateOf(frame).status;
}

void setTemplate(const css::uno::Reference<css::frame::XFrame>& frame, const std::string& id) {
    stateOf(frame).templateId = id;
}

std::string chosenTemplate(const css::uno::Reference<css::frame::XFrame>& frame) {
    return stateOf(frame).templateId;
}

int addObserver(const css::uno::Reference<css::frame::XFrame>& frame, std::function<void()> onChange) {
    const int id = ++nextId;
    stateOf(frame).observers.emplace(id, std::move(onChange));
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
