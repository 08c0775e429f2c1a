// A time limit on one piece of work: when it passes before stop(), the watchdog calls its `onTimeout` (the
// batch kills a hung office there, so the pending UNO call fails instead of hanging the run). The worker pool
// keeps its own watchdog: it watches many offices and their memory at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace jixiao::cli {

class Watchdog {
public:
    // Starts watching; `onTimeout` runs on the watchdog's thread, at most once.
    Watchdog(std::chrono::seconds limit, std::function<void()> onTimeout);
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    // Ends the watch (the work is over) and says whether the limit passed first and `onTimeout` ran.
    bool stop();

private:
    std::mutex mutex_;
    std::condition_variable finished_;
    bool done_ = false;
    bool timedOut_ = false;
    std::thread thread_; // last: it starts once the members above exist
};

} // namespace jixiao::cli
