// The time limit jixiao-batch puts on a build and on a summary workbook (cli/watchdog.hpp). No test waits for
// a clock: the limits are zero (it has passed before the work can end) or an hour (it cannot pass).
#include "cli/watchdog.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>

namespace jixiao::cli {
namespace {

TEST(BatchWatchdog, WorkThatHangsIsEndedByTheTimeoutAndStopSaysSo) {
    std::promise<void> killed; // a hung office's call returns only once the office is killed
    int kills = 0;
    Watchdog watchdog(std::chrono::seconds(0), [&] {
        ++kills;
        killed.set_value();
    });
    // A bound only so a broken watchdog fails the test instead of hanging it.
    ASSERT_EQ(killed.get_future().wait_for(std::chrono::minutes(1)), std::future_status::ready)
        << "the timeout never ended the work";
    EXPECT_TRUE(watchdog.stop());
    EXPECT_TRUE(watchdog.stop()) << "asking again gives the same answer";
    EXPECT_EQ(kills, 1);
}

TEST(BatchWatchdog, WorkDoneInTimeIsNeverEnded) {
    std::atomic<int> kills = 0;
    {
        Watchdog watchdog(std::chrono::hours(1), [&] { ++kills; });
        EXPECT_FALSE(watchdog.stop());
    }
    EXPECT_EQ(kills.load(), 0);
}

TEST(BatchWatchdog, LeavingTheScopeEndsTheWatchWithoutStop) {
    // An exception between start and stop must not leave a thread behind (std::terminate) or fire later.
    std::atomic<int> kills = 0;
    {
        Watchdog watchdog(std::chrono::hours(1), [&] { ++kills; });
    }
    EXPECT_EQ(kills.load(), 0);
}

} // namespace
} // namespace jixiao::cli
