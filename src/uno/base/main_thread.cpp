#include "uno/base/main_thread.hpp"

#include "uno/base/log.hpp"

#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XRequestCallback.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>

#include <sys/syscall.h>
#include <unistd.h>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

// How long a caller waits for the main thread to take its work. The main loop runs posted callbacks within
// milliseconds, even under a modal dialog; it cannot at all while the caller itself holds the SolarMutex —
// a Basic macro run off the main thread (a script invoked over the bridge) holds it for the whole macro, and
// the SDK offers no way to ask. After this bound the caller does the work itself: holding the SolarMutex,
// its calls are one unit there too; otherwise (a main thread busy for seconds) it is as safe as any macro's
// calls into the office, and the document's close listener still refuses a closing document first.
constexpr std::chrono::seconds kStartBound{2};

// One piece of work posted to the main loop; the caller waits for it on its own thread.
class MainThreadJob : public cppu::WeakImplHelper1<awt::XCallback> {
public:
    explicit MainThreadJob(const std::function<void()>& work) : work_(work) {}

    void SAL_CALL notify(const uno::Any&) override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (abandoned_)
                return; // the caller gave up waiting and reported so: the work must not run late
            started_ = true;
        }
        try {
            work_();
        } catch (...) {
            error_ = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
        }
        changed_.notify_all();
    }

    // Waits until the work has run; false (and then it never runs there) when the main thread did not take it
    // in time.
    bool wait() {
        std::unique_lock<std::mutex> lock(mutex_);
        // system_clock, not steady_clock: libstdc++ maps a steady_clock wait to pthread_cond_clockwait, which
        // needs glibc 2.30, and the extension must load on older systems (issue 18); a system_clock wait is
        // pthread_cond_timedwait. A clock change only moves the bound.
        const auto deadline = std::chrono::system_clock::now() + kStartBound;
        if (!changed_.wait_until(lock, deadline, [&] { return started_; })) {
            abandoned_ = true;
            return false;
        }
        // Once taken, the work runs to its end on the main thread, which waits for nothing of the caller's.
        changed_.wait(lock, [&] { return done_; });
        return true;
    }

    void rethrow() const {
        if (error_)
            std::rethrow_exception(error_);
    }

private:
    std::function<void()> work_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool started_ = false;
    bool done_ = false;
    bool abandoned_ = false;
    std::exception_ptr error_; // written by the main thread before done_, read by the caller after it
};

} // namespace

bool isMainThread() {
    // Linux: the office's main loop runs on the process's first thread, whose thread id is the process id.
    // The raw system call, not gettid(), which needs glibc 2.30.
    return static_cast<pid_t>(::syscall(SYS_gettid)) == ::getpid();
}

void runOnMainThread(const Reference<uno::XComponentContext>& context, const std::function<void()>& work) {
    if (isMainThread()) {
        work(); // already holding the SolarMutex for the whole of it
        return;
    }
    rtl::Reference<MainThreadJob> job(new MainThreadJob(work));
    Reference<awt::XRequestCallback> loop(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.AsyncCallback", context),
        UNO_QUERY_THROW);
    loop->addCallback(job.get(), uno::Any());
    if (job->wait()) {
        job->rethrow();
        return;
    }
    logInfo("the main thread did not take a call within its bound; the calling thread runs it");
    work();
}

} // namespace jixiao::office
