#include "uno/live/live_gate.hpp"

#include <utility>

namespace jixiao::office {

LiveGate::LiveGate(std::chrono::milliseconds callWait) : callWait_(callWait) {}

bool LiveGate::beginCall() {
    std::unique_lock<std::mutex> lock(mutex_);
    ++calls_;
    // system_clock, not steady_clock: libstdc++ maps a steady_clock wait to pthread_cond_clockwait (glibc
    // 2.30), and the extension must load on older systems (issue 18); this is pthread_cond_timedwait.
    const auto self = std::this_thread::get_id();
    const auto deadline = std::chrono::system_clock::now() + callWait_;
    ++waiting_;
    const bool ended = runEnded_.wait_until(lock, deadline, [&] { return !running_ || runThread_ == self; });
    --waiting_;
    return ended;
}

bool LiveGate::endCall() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--calls_ > 0)
        return false;
    return std::exchange(heldBack_, false);
}

bool LiveGate::holdsBackRuns() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (calls_ == 0)
        return false;
    heldBack_ = true;
    return true;
}

bool LiveGate::beginRun() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (calls_ > 0) {
        heldBack_ = true; // the call's end posts this run again
        return false;
    }
    running_ = true;
    runThread_ = std::this_thread::get_id();
    return true;
}

void LiveGate::endRun() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        running_ = false;
    }
    runEnded_.notify_all();
}

int LiveGate::waitingCalls() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return waiting_;
}

} // namespace jixiao::office
