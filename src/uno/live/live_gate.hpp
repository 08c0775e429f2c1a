// The gate between live runs and a macro's calls on one document (document_controller.hpp, "API calls").
// A live run that started inside a macro's call would read a half-built table, write into it and lock the
// undo manager inside the macro's undo step; a call that started inside a run would do the same to the
// run. So a run posted while a call is under way is held back, and one run follows the call's end; a call
// that begins while a run is running on another thread waits for it to end, for a bounded time, since the
// caller may hold the office's SolarMutex (a hung office is worse than a run cut in two).
//
// Safe from any thread. Its one mutex is never held while calling out, so it may be taken by a thread that
// holds the SolarMutex. Needs no UNO: tests/unit/live_gate_test.cpp drives it with std::thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace jixiao::office {

class LiveGate {
public:
    explicit LiveGate(std::chrono::milliseconds callWait = std::chrono::seconds(10));

    // A macro's call begins. A run in progress on another thread is waited for, at most callWait; a run on
    // this thread is one the call is nested in (a macro the office ran from the run) and is not. False when
    // the call went ahead while a run was still running.
    bool beginCall();
    // A call ends. True when it was the last one and held a run back: the caller posts one now.
    bool endCall();
    // An edit: true when a call is under way, which holds the edit's run back (one follows its end).
    bool holdsBackRuns();

    // A posted live run starts. False while a call is under way: the run is held back, and the call's end
    // asks for another one. Every true is followed by endRun().
    bool beginRun();
    void endRun();

    // How many calls wait now for a run to end (for tests and logs).
    int waitingCalls() const;

private:
    const std::chrono::milliseconds callWait_;
    mutable std::mutex mutex_;
    std::condition_variable runEnded_;
    int calls_ = 0;             // macro calls under way
    int waiting_ = 0;           // of them, waiting in beginCall
    bool running_ = false;      // a live run is running,
    std::thread::id runThread_; // on this thread
    bool heldBack_ = false;     // a call held a run back: one follows the last call's end
};

} // namespace jixiao::office
