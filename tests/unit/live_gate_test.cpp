// The gate between live runs and a macro's calls (src/uno/live/live_gate.hpp), driven from std::threads the
// way the office's main thread and a UNO bridge thread meet on one document.
#include "uno/live/live_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using jixiao::office::LiveGate;

// Waits (yielding) until the gate has `count` calls waiting; false after a generous bound.
bool untilWaiting(const LiveGate& gate, int count) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (gate.waitingCalls() != count)
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        else
            std::this_thread::sleep_for(1ms);
    return true;
}

TEST(LiveGate, ACallOnAnotherThreadWaitsForTheRunningRunToEnd) {
    LiveGate gate(30s);
    ASSERT_TRUE(gate.beginRun()); // the main thread runs a live run
    std::atomic<bool> runEnded = false;
    std::atomic<bool> callSawRunEnded = false;
    std::atomic<bool> callWaitedWhole = false;
    std::thread bridge([&] { // a macro's call arrives on a bridge thread
        callWaitedWhole = gate.beginCall();
        callSawRunEnded = runEnded.load();
        gate.endCall();
    });
    const bool held = untilWaiting(gate, 1); // the call is held at the gate, not running
    runEnded = true;
    gate.endRun();
    bridge.join();
    EXPECT_TRUE(held);
    EXPECT_TRUE(callWaitedWhole);
    EXPECT_TRUE(callSawRunEnded);
    EXPECT_EQ(gate.waitingCalls(), 0);
}

TEST(LiveGate, ACallNestedInTheRunOnItsOwnThreadDoesNotWaitForItself) {
    LiveGate gate(30s);
    ASSERT_TRUE(gate.beginRun());
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(gate.beginCall()); // a macro the office ran from inside the run
    EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
    EXPECT_FALSE(gate.endCall());
    gate.endRun();
}

TEST(LiveGate, ACallGoesAheadWhenTheRunDoesNotEndInTime) {
    LiveGate gate(50ms); // the caller may hold the SolarMutex the run waits for: never hang the office
    ASSERT_TRUE(gate.beginRun());
    std::atomic<bool> waitedWhole = true;
    std::thread bridge([&] {
        waitedWhole = gate.beginCall();
        gate.endCall();
    });
    bridge.join();
    EXPECT_FALSE(waitedWhole);
    gate.endRun();
}

TEST(LiveGate, ARunPostedDuringACallIsHeldBackAndFollowsItsEnd) {
    LiveGate gate;
    ASSERT_TRUE(gate.beginCall());
    EXPECT_FALSE(gate.beginRun());
    EXPECT_TRUE(gate.endCall()); // the caller posts the run now
    EXPECT_TRUE(gate.beginRun());
    gate.endRun();
}

TEST(LiveGate, AnEditDuringACallIsHeldBackUntilTheLastCallEnds) {
    LiveGate gate;
    EXPECT_FALSE(gate.holdsBackRuns()); // no call: the edit schedules its run
    ASSERT_TRUE(gate.beginCall());
    ASSERT_TRUE(gate.beginCall()); // nested calls
    EXPECT_TRUE(gate.holdsBackRuns());
    EXPECT_FALSE(gate.endCall());
    EXPECT_TRUE(gate.endCall());
    ASSERT_TRUE(gate.beginCall());
    EXPECT_FALSE(gate.endCall()); // nothing held back this time: no run follows
}

TEST(LiveGate, CallsFromManyThreadsAllGetThroughOnceTheRunEnds) {
    LiveGate gate(30s);
    ASSERT_TRUE(gate.beginRun());
    std::atomic<int> through = 0;
    std::vector<std::thread> bridges;
    for (int i = 0; i < 4; ++i)
        bridges.emplace_back([&] {
            if (gate.beginCall())
                ++through;
            gate.endCall();
        });
    EXPECT_TRUE(untilWaiting(gate, 4));
    EXPECT_EQ(through, 0);
    gate.endRun();
    for (auto& bridge : bridges)
        bridge.join();
    EXPECT_EQ(through, 4);
    EXPECT_TRUE(gate.beginRun()); // every call ended: runs start again
    gate.endRun();
}

} // namespace
