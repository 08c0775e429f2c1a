#include "cli/worker_pool.hpp"

#include "cli/document_check.hpp"
#include "cli/messages.hpp"
#include "cli/office_process.hpp"
#include "cli/process.hpp"
#include "cli/stored_copy.hpp"
#include "cli/uno_client.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace jixiao::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t kFired = -1;

std::int64_t nowTicks() {
    return Clock::now().time_since_epoch().count();
}

struct Worker {
    std::unique_ptr<OfficeProcess> office;
    // Clock ticks; 0 while no file is being checked, kFired once the watchdog has killed the office.
    std::atomic<std::int64_t> deadline{0};
    // The office's highest address space while the current file was checked, as the watchdog saw it.
    std::atomic<std::uint64_t> peak{0};
};

// Test hook, deliberately not an option: JIXIAO_BATCH_TEST_FAULT="crash:a.docx,hang:b.odt" kills or freezes
// the worker's office just before it checks that file (by file name), to exercise recovery.
std::string faultFor(const std::string& path) {
    const char* spec = std::getenv("JIXIAO_BATCH_TEST_FAULT");
    if (spec == nullptr)
        return {};
    const std::string name = std::filesystem::path(path).filename().string();
    std::string all = spec;
    for (std::size_t start = 0; start <= all.size();) {
        std::size_t end = all.find(',', start);
        if (end == std::string::npos)
            end = all.size();
        const std::string item = all.substr(start, end - start);
        const auto colon = item.find(':');
        if (colon != std::string::npos && item.substr(colon + 1) == name)
            return item.substr(0, colon);
        start = end + 1;
    }
    return {};
}

// Did an office that died run out of the address space it was given (RLIMIT_AS)? Its log says so, or it was
// seen close to the limit (an allocation failure often ends it without a word). Read before a restart.
bool outOfMemory(const OfficeProcess& office, std::uint64_t peak, int limitMb) {
    const std::uint64_t limit = static_cast<std::uint64_t>(limitMb) << 20;
    return peak >= limit / 20 * 17 || office.log().find("bad_alloc") != std::string::npos;
}

class Pool {
public:
    Pool(const std::vector<Input>& inputs, const CheckOptions& options, const std::string& oxt,
         Progress& progress, const AnnotatedCopies* annotated)
        : inputs_(inputs), options_(options), oxt_(oxt), progress_(progress), annotated_(annotated),
          results_(inputs.size()), done_(inputs.size(), false),
          workers_(
              std::max<std::size_t>(1, std::min(static_cast<std::size_t>(options.jobs), inputs.size()))) {
        for (std::size_t i = 0; i < workers_.size(); ++i)
            workers_[i].office = std::make_unique<OfficeProcess>(options.office, oxt, static_cast<int>(i));
    }

    std::vector<FileResult> run() {
        // The first office installs the extension; its type library is then known for every connection.
        workers_[0].office->start();
        const std::string rdb = findRdb(options_.office, oxt_, workers_[0].office.get());
        if (rdb.empty())
            throw std::runtime_error(format(Msg::RdbMissing, options_.office.rdb));
        loadExtensionTypes(rdb);

        std::thread watchdog([this] { watch(); });
        std::vector<std::thread> threads;
        for (auto& worker : workers_)
            threads.emplace_back([this, &worker] { work(worker); });
        for (auto& t : threads)
            t.join();
        stopping_ = true;
        watchdog.join();
        for (std::size_t i = 0; i < inputs_.size(); ++i)
            if (!done_[i]) { // interrupted, or every office failed to start: say so for each file left
                results_[i].file = inputs_[i].shown;
                if (interruption() != 0)
                    results_[i].interrupted = true;
                else
                    results_[i].failure = format(Msg::NoOffice, lastStartFailure_);
                progress_.finished(results_[i]);
            }
        return std::move(results_);
    }

private:
    std::optional<std::size_t> take() {
        if (interruption() != 0)
            return std::nullopt;
        std::lock_guard lock(mutex_);
        if (!returned_.empty()) {
            const std::size_t index = returned_.front();
            returned_.pop_front();
            return index;
        }
        if (next_ < inputs_.size())
            return next_++;
        return std::nullopt;
    }

    void giveBack(std::size_t index, const std::string& reason) {
        std::lock_guard lock(mutex_);
        returned_.push_back(index);
        lastStartFailure_ = reason;
    }

    void record(std::size_t index, FileResult result) {
        progress_.finished(result);
        std::lock_guard lock(mutex_);
        results_[index] = std::move(result);
        done_[index] = true;
    }

    bool startOffice(Worker& worker, std::string& reason) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                worker.office->start();
                return true;
            } catch (const std::exception& e) {
                reason = e.what();
                worker.office->stop();
            }
        }
        return false;
    }

    // Is the office still answering after a call failed with a RuntimeException?
    static bool answers(OfficeProcess& office) {
        if (!office.running())
            return false;
        try {
            return office.context()->getServiceManager().is();
        } catch (...) {
            return false;
        }
    }

    void work(Worker& worker) {
        while (const auto index = take()) {
            const Input& input = inputs_[*index];
            if (!input.reason.empty()) {
                FileResult failed;
                failed.file = input.shown;
                failed.failure = input.reason;
                record(*index, std::move(failed));
                continue;
            }
            std::string reason;
            if (!worker.office->started() && !startOffice(worker, reason)) {
                giveBack(*index, reason); // another worker may still have an office
                progress_.note(reason);
                break;
            }
            FileResult result = checkOne(worker, input, *index);
            if (interruption() != 0 && result.status() == Status::Failed)
                break; // stopped by the interruption, not by the file: reported as not checked
            record(*index, std::move(result));
        }
        worker.office.reset(); // shuts this office down while the others finish
    }

    // --annotate: the copy of inputs[index] stored through the worker's office, under the first free name.
    StoreAnnotated annotator(Worker& worker, std::size_t index) const {
        if (annotated_ == nullptr || !annotated_->format(index))
            return nullptr;
        return
            [this, &worker, index](const css::uno::Reference<css::frame::XModel>& model, FileResult& result) {
                const CopyFormat format = *annotated_->format(index);
                for (int attempt = 0;; ++attempt) {
                    const auto target = annotated_->target(index, attempt);
                    try {
                        storeCopy(model, format.filter,
                                  worker.office->outputPath(format.extension, target.string()), target);
                        result.annotatedCopy = target.string();
                        result.annotatedFrom = format.convertedFrom;
                        return;
                    } catch (const StoredCopyExists&) {
                        if (attempt >= 99)
                            throw;
                    }
                }
            };
    }

    FileResult checkOne(Worker& worker, const Input& input, std::size_t index) {
        progress_.started(input.shown);
        const std::string fault = faultFor(input.path);
        if (fault == "crash")
            worker.office->kill();
        else if (fault == "hang")
            worker.office->freeze();
        worker.peak = 0;
        const auto seconds = options_.office.timeoutSeconds;
        const auto started = Clock::now();
        worker.deadline =
            nowTicks() + std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(seconds)).count();
        FileResult result;
        std::optional<std::string> lost;
        // The copy stops at the deadline and at an interruption, like the check itself.
        const auto copy =
            worker.office->stage(input, static_cast<std::uint64_t>(options_.maxSizeMb) << 20, [&worker] {
                return interruption() == 0 && nowTicks() <= worker.deadline.load();
            });
        Input staged = input;
        staged.path = copy.path;
        try {
            if (staged.path.empty()) {
                result.file = input.shown;
                result.failure = !copy.stopped         ? copy.failure
                                 : interruption() != 0 ? std::string(text(Msg::StatusInterrupted))
                                                       : format(Msg::Timeout, std::to_string(seconds));
            } else {
                result = checkDocument(worker.office->context(), staged, annotator(worker, index));
            }
        } catch (const OfficeLost& e) {
            lost = e.what();
        }
        worker.office->unstage(staged.path);
        // Still under the watchdog: a probe of a hung office must not hang us.
        const bool alive = !lost || answers(*worker.office);
        // The watchdog swaps the deadline for kFired before it kills, so exactly one side owns the outcome.
        const bool timedOut = worker.deadline.exchange(0) == kFired;
        // Timed out just as the call returned: the result stands, but the office is gone all the same.
        const bool restart = timedOut || !alive;
        if (lost) {
            result = FileResult{};
            result.file = input.shown;
            const std::string limit = std::to_string(options_.office.memoryLimitMb);
            const bool nearLimit =
                !alive && outOfMemory(*worker.office, worker.peak, options_.office.memoryLimitMb);
            // The watchdog's kill is a timeout, whatever the office's size was then; an office that died by
            // itself near its limit ran out of memory.
            if (timedOut)
                result.failure = nearLimit ? format(Msg::TimeoutNearMemory, std::to_string(seconds), limit)
                                           : format(Msg::Timeout, std::to_string(seconds));
            else if (nearLimit)
                result.failure = format(Msg::TooLarge, limit);
            else if (!alive)
                result.failure = format(Msg::OfficeDied, *lost);
            else
                result.failure = format(Msg::CallFailed, *lost);
        }
        result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        if (restart && interruption() == 0) {
            worker.office->stop(); // the next file starts a fresh soffice on the same profile
            progress_.note(format(Msg::Restarted, input.shown));
        }
        return result;
    }

    void watch() {
        while (!stopping_) {
            const std::int64_t now = nowTicks();
            for (auto& worker : workers_) {
                std::int64_t deadline = worker.deadline;
                // worker.office is only reset while no deadline is set.
                if (deadline > 0 && now > deadline &&
                    worker.deadline.compare_exchange_strong(deadline, kFired))
                    worker.office->kill();
                else if (deadline > 0)
                    worker.peak = std::max<std::uint64_t>(worker.peak, worker.office->addressSpacePeak());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    const std::vector<Input>& inputs_;
    const CheckOptions& options_;
    const std::string& oxt_;
    Progress& progress_;
    const AnnotatedCopies* annotated_;
    std::vector<FileResult> results_;
    std::vector<bool> done_;
    std::vector<Worker> workers_;
    std::mutex mutex_;
    std::size_t next_ = 0;
    std::deque<std::size_t> returned_;
    std::string lastStartFailure_;
    std::atomic<bool> stopping_{false};
};

} // namespace

std::vector<FileResult> checkAll(const std::vector<Input>& inputs, const CheckOptions& options,
                                 const std::string& oxt, Progress& progress,
                                 const AnnotatedCopies* annotated) {
    // Nothing left to check once every input failed its pre-checks: no office is started for nothing.
    if (std::all_of(inputs.begin(), inputs.end(), [](const Input& input) { return !input.reason.empty(); })) {
        std::vector<FileResult> results;
        for (const Input& input : inputs) {
            FileResult failed;
            failed.file = input.shown;
            failed.failure = input.reason;
            progress.finished(failed);
            results.push_back(std::move(failed));
        }
        return results;
    }
    return Pool(inputs, options, oxt, progress, annotated).run();
}

} // namespace jixiao::cli
