#include "cli/watchdog.hpp"

#include <utility>

namespace jixiao::cli {

Watchdog::Watchdog(std::chrono::seconds limit, std::function<void()> onTimeout)
    : thread_([this, limit, onTimeout = std::move(onTimeout)] {
          std::unique_lock lock(mutex_);
          if (!finished_.wait_for(lock, limit, [this] { return done_; })) {
              timedOut_ = true;
              onTimeout();
          }
      }) {}

Watchdog::~Watchdog() {
    stop();
}

bool Watchdog::stop() {
    {
        std::lock_guard lock(mutex_);
        done_ = true;
    }
    finished_.notify_one();
    if (thread_.joinable())
        thread_.join();
    return timedOut_;
}

} // namespace jixiao::cli
