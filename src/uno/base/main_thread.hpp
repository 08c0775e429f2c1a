// Where Jixiao touches a document: on the office's main thread, one call at a time, as one unit.
//
// A macro calls EvaluationTool on a UNO bridge thread. Each call it makes into the office takes the office's
// SolarMutex on its own and lets go of it between calls, so another thread — the one closing the document —
// can run in between two calls of one read. Writer's cell objects do not all survive that: a cell got by name
// before the close and asked for its type after it (SwXCell::getType) reads a table box that is gone, and the
// office aborts (issue 25). The SDK offers no SolarMutex to hold across a read, but the main thread holds it
// for as long as it runs one posted callback: work posted there (com.sun.star.awt.AsyncCallback) runs whole,
// before or after a close on any other thread, never during it.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace jixiao::office {

// Whether the calling thread is the office's main thread (the one that runs the main loop).
bool isMainThread();

// Runs `work` on the main thread and returns when it has run, rethrowing what it threw; at once when called
// there (a Basic macro, the deck, a live run). When the main thread does not take the work within a bound —
// it is blocked, most likely on the caller, who holds the SolarMutex — the calling thread runs it instead.
void runOnMainThread(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const std::function<void()>& work);

template <typename Fn>
auto onMainThread(const css::uno::Reference<css::uno::XComponentContext>& context, Fn&& fn)
    -> decltype(fn()) {
    using Result = decltype(fn());
    if constexpr (std::is_void_v<Result>) {
        runOnMainThread(context, std::forward<Fn>(fn));
    } else {
        std::optional<Result> result;
        runOnMainThread(context, [&] { result.emplace(fn()); });
        return std::move(*result);
    }
}

} // namespace jixiao::office
