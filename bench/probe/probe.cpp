// The benchmark probe: a test-only UNO component (org.jixiao.bench.Probe, its own .oxt) that runs inside
// soffice and times things there, so the figures carry no socket round trips. It is never shipped.
//
// XJob::execute(args) takes NamedValues (Mode, Document, Table, Cell, Values, Repeat, Writes0, Writes1)
// and returns NamedValues whose values are sequence<double> (milliseconds per run, or counts).
//   jixiao    — set the score cell (untimed), then time org.jixiao.EvaluationTool::recompute(doc): the
//               real service, called from C++ in the same process, as the sidebar and live recompute do.
//   floor     — set the score cell (untimed), then time the bare reads and writes an update needs in C++:
//               every cell's text of the one table (getCellNames/getCellByName/getString; Calc: one
//               getDataArray of the range) and the given writes (the cells Jixiao writes), in one undo step.
//   profile   — Jixiao's recompute path phase by phase (the whole read of a first run, then the cached
//               re-read of a later one), with the same adapter code compiled in (src/uno), so it shows
//               where the time goes without changing the component.
//   validate  — time EvaluationTool::validate(doc).
//   live      — the per-keystroke path with the deck open (live recompute on, soffice with a window): set the
//               score cell from this bridge thread, and time from the document's first modify event of that
//               edit (the probe listens to the same broadcast as the DocumentController) until the deck's
//               summary label announces its new text (an accessibility NAME_CHANGED event of the label passed
//               as Watch). In between: the rest of the edit, the controller's deferred run on the main loop
//               (recompute → panels told) and the panel's refreshSummary. Nothing in Jixiao is hooked; the
//               label is what the user sees change. (Timing from the end of the edit instead was tried and
//               gave negative times: the office can run the deferred run before setString returns.)
//   typed     — `live` with a real keystroke instead of an API edit, in two calls around the key the driver
//               presses with xdotool: Step=arm waits for an idle main loop and starts listening (returns at
//               once); Step=measure waits for the modify event and the summary's NAME_CHANGED, stops
//               listening and returns the time between them. The keystroke is what tells live recompute
//               which cell changed (src/uno/live/typing_watch.hpp); an API edit never does.
//   mainloop  — how long one trip through the office's main loop takes when it is idle (post an
//               awt::AsyncCallback, wait until it runs): the share of `live` that is only the deferral.
//   calculate — set the score cell (untimed), time XCalculatable::calculateAll() (Calc).
//   texts     — no timing: the body's paragraphs as the Writer host reads them (sequence<string> named
//               paragraphs) and its tables' cells (cells: "table\x1fcell\x1ftext"), for
//               tests/uno/test_paragraph_read.py to hold against getString.
//   onmain    — time Action (validate: EvaluationTool::validate; paragraphs: the Writer host's paragraph
//   read,
//               as 校验 and the prose comparison after it read the body) on the office's main thread, where
//               the deck's 校验 runs: each run is posted to the main loop and timed inside the callback.
//               getstring: the same paragraphs read as Jixiao read them before 2026-12-08, with getString
//               on each (the A of an interleaved A/B in one office).
//               Edit=true: before each run (untimed, from this thread) a character is typed into, or taken
//               out of, the body's last paragraph, as the prose comparison after an edit reads it.
// Settle=true (jixiao, live): before each timed run, wait until the main loop has run everything the edit
// queued (a callback posted after the edit runs after the controller's), so no deferred run of the deck or
// of live recompute competes with the timed call.
#include "uno/base/ustring.hpp"
#include "uno/host/document_host.hpp"
#include "uno/host/document_properties.hpp"
#include "uno/host/table_cache.hpp"

#include "core/assemble.hpp"
#include "core/derive/recompute.hpp"
#include "core/derive/recompute_plan.hpp"

#include <com/sun/star/accessibility/AccessibleEventId.hpp>
#include <com/sun/star/accessibility/AccessibleEventObject.hpp>
#include <com/sun/star/accessibility/XAccessibleEventBroadcaster.hpp>
#include <com/sun/star/accessibility/XAccessibleEventListener.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XRequestCallback.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/jixiao/XEvaluationTool.hpp>
#include <rtl/ref.hxx>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace css;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A document host that forwards to the real one and times what the table cache asks of it, so the profile
// tells the cache's UNO calls (table count and layouts; input cells) from its own checks while the cache
// itself decides what to read: the profile cannot drift from the product.
class TimedHost final : public jixiao::office::DocumentHost {
public:
    explicit TimedHost(jixiao::office::DocumentHost& host) : host_(host) {}

    double layoutsMs = 0; // tableCount and tableLayout
    double cellsMs = 0;   // refreshCells
    int cells = 0;        // cells refreshCells was asked for

    bool isCalc() const override { return host_.isCalc(); }
    std::vector<jixiao::Grid> readTables() override { return host_.readTables(); }
    jixiao::Grid readTable(const std::string& name) override { return host_.readTable(name); }
    int tableCount() override {
        const auto start = Clock::now();
        const int count = host_.tableCount();
        layoutsMs += msSince(start);
        return count;
    }
    std::string tableLayout(const std::string& name) override {
        const auto start = Clock::now();
        auto layout = host_.tableLayout(name);
        layoutsMs += msSince(start);
        return layout;
    }
    bool refreshCells(jixiao::Grid& grid, const std::vector<jixiao::GridPosition>& positions) override {
        const auto start = Clock::now();
        const bool refreshed = host_.refreshCells(grid, positions);
        cellsMs += msSince(start);
        cells += int(positions.size());
        return refreshed;
    }
    std::string insertTable(const jixiao::Grid& grid, const std::string& caption,
                            jixiao::office::TableKind kind) override {
        return host_.insertTable(grid, caption, kind);
    }
    int applyPatch(const std::string& tableName, const jixiao::Patch& patch) override {
        return host_.applyPatch(tableName, patch);
    }
    std::vector<std::string> paragraphs() override { return host_.paragraphs(); }
    std::string writeSection(const std::string& sectionId,
                             const std::vector<std::string>& paragraphs) override {
        return host_.writeSection(sectionId, paragraphs);
    }
    void select(const jixiao::Location& location) override { host_.select(location); }
    std::optional<std::string> sectionText(const std::string& sectionId) override {
        return host_.sectionText(sectionId);
    }
    bool adoptSection(const std::string& sectionId, const std::vector<std::string>& paragraphs, int first,
                      int count) override {
        return host_.adoptSection(sectionId, paragraphs, first, count);
    }
    int sectionInsertionParagraph() override { return host_.sectionInsertionParagraph(); }

private:
    jixiao::office::DocumentHost& host_;
};

std::vector<OUString> split(const OUString& text, sal_Unicode separator) {
    std::vector<OUString> parts;
    if (text.isEmpty())
        return parts;
    sal_Int32 index = 0;
    do
        parts.push_back(text.getToken(0, separator, index));
    while (index >= 0);
    return parts;
}

struct Args {
    OUString mode;
    Reference<frame::XModel> document;
    OUString table;               // Writer table name, or Calc range ("A1:I25", first sheet)
    OUString cell;                // the score cell edited before each run
    std::vector<OUString> values; // the score texts, alternated run by run
    std::vector<std::vector<std::pair<OUString, OUString>>> writes; // floor: cell → text, per value
    sal_Int32 repeat = 1;
    bool settle = false;              // wait for the main loop to be idle before each timed run
    Reference<uno::XInterface> watch; // live: the deck summary label's accessible context
    OUString step;                    // typed: arm or measure
    OUString action;                  // onmain: validate or paragraphs
    bool edit = false;                // onmain: edit the last paragraph before each run
};

Args parse(const Sequence<beans::NamedValue>& arguments) {
    Args args;
    args.writes.resize(2);
    for (const auto& nv : arguments) {
        if (nv.Name == "Mode")
            nv.Value >>= args.mode;
        else if (nv.Name == "Document")
            nv.Value >>= args.document;
        else if (nv.Name == "Table")
            nv.Value >>= args.table;
        else if (nv.Name == "Cell")
            nv.Value >>= args.cell;
        else if (nv.Name == "Repeat")
            nv.Value >>= args.repeat;
        else if (nv.Name == "Settle")
            nv.Value >>= args.settle;
        else if (nv.Name == "Watch")
            nv.Value >>= args.watch;
        else if (nv.Name == "Step")
            nv.Value >>= args.step;
        else if (nv.Name == "Action")
            nv.Value >>= args.action;
        else if (nv.Name == "Edit")
            nv.Value >>= args.edit;
        else if (nv.Name == "Values") {
            OUString joined;
            nv.Value >>= joined;
            args.values = split(joined, u'\x1f');
        } else if (nv.Name == "Writes0" || nv.Name == "Writes1") {
            OUString joined;
            nv.Value >>= joined;
            auto& target = args.writes[nv.Name == "Writes0" ? 0 : 1];
            for (const auto& pair : split(joined, u'\x1e')) {
                const sal_Int32 eq = pair.indexOf(u'\x1f');
                target.emplace_back(pair.copy(0, eq), pair.copy(eq + 1));
            }
        }
    }
    if (!args.document.is() && args.mode != "mainloop")
        throw lang::IllegalArgumentException("probe: no Document", {}, 0);
    return args;
}

bool isCalc(const Reference<frame::XModel>& model) {
    Reference<lang::XServiceInfo> info(model, UNO_QUERY);
    return info.is() && info->supportsService("com.sun.star.sheet.SpreadsheetDocument");
}

Reference<text::XTextTable> writerTable(const Reference<frame::XModel>& model, const OUString& name) {
    Reference<container::XNameAccess> tables =
        Reference<text::XTextTablesSupplier>(model, UNO_QUERY_THROW)->getTextTables();
    return Reference<text::XTextTable>(tables->getByName(name), UNO_QUERY_THROW);
}

Reference<sheet::XSpreadsheet> firstSheet(const Reference<frame::XModel>& model) {
    Reference<container::XIndexAccess> sheets(
        Reference<sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets(), UNO_QUERY_THROW);
    return Reference<sheet::XSpreadsheet>(sheets->getByIndex(0), UNO_QUERY_THROW);
}

// The untimed edit before each run: the user typing a score.
void setScore(const Args& args, int run) {
    if (args.cell.isEmpty() || args.values.empty())
        return;
    const OUString& value = args.values[std::size_t(run) % args.values.size()];
    if (isCalc(args.document)) {
        Reference<table::XCell> cell =
            Reference<table::XCellRange>(firstSheet(args.document), UNO_QUERY_THROW)
                ->getCellRangeByName(args.cell)
                ->getCellByPosition(0, 0);
        cell->setFormula(value);
    } else {
        Reference<text::XText>(writerTable(args.document, args.table)->getCellByName(args.cell),
                               UNO_QUERY_THROW)
            ->setString(value);
    }
}

// The body's top-level paragraphs, each read with XTextRange::getString (tables skipped).
std::vector<OUString> paragraphsByGetString(const Reference<frame::XModel>& model) {
    std::vector<OUString> texts;
    Reference<container::XEnumeration> items =
        Reference<container::XEnumerationAccess>(
            Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText(), UNO_QUERY_THROW)
            ->createEnumeration();
    while (items->hasMoreElements()) {
        Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
        if (item.is() && item->supportsService("com.sun.star.text.Paragraph"))
            texts.push_back(Reference<text::XTextRange>(item, UNO_QUERY_THROW)->getString());
    }
    return texts;
}

// An untimed edit of the prose: a character typed at the end of the body (even runs) or taken out (odd).
void editLastParagraph(const Reference<frame::XModel>& model, int run) {
    Reference<text::XText> body = Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText();
    Reference<text::XTextCursor> cursor = body->createTextCursorByRange(body->getEnd());
    if (run % 2 == 0) {
        body->insertString(Reference<text::XTextRange>(cursor, UNO_QUERY_THROW), "x", false);
    } else {
        cursor->goLeft(1, true);
        cursor->setString("");
    }
}

Reference<org::jixiao::XEvaluationTool> jixiaoTool(const Reference<uno::XComponentContext>& context) {
    return Reference<org::jixiao::XEvaluationTool>(
        context->getServiceManager()->createInstanceWithContext("org.jixiao.EvaluationTool", context),
        UNO_QUERY_THROW);
}

// The CPU time the calling thread has used so far, ms. Between two moments on the office's main thread it
// is the work that thread did in between, whatever else the machine ran meanwhile (a wall-clock interval
// also holds the time the thread waited for a core).
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// A moment another thread reports, waited for here with a deadline (no polling, no sleeping).
class Signal {
public:
    void reset() {
        std::lock_guard<std::mutex> lock(mutex_);
        when_.reset();
    }
    void fire() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!when_) {
            when_ = Clock::now();
            cpu_ = threadCpuMs();
            thread_ = std::this_thread::get_id();
        }
        changed_.notify_all();
    }
    // The firing thread's CPU time when it fired, and that thread (valid once `wait` returned a moment).
    double cpuMs() {
        std::lock_guard<std::mutex> lock(mutex_);
        return cpu_;
    }
    std::thread::id thread() {
        std::lock_guard<std::mutex> lock(mutex_);
        return thread_;
    }
    // The moment it fired, or nothing when the deadline passed first.
    std::optional<Clock::time_point> wait(std::chrono::seconds deadline) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait_for(lock, deadline, [&] { return when_.has_value(); });
        return when_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Clock::time_point> when_;
    double cpu_ = 0;
    std::thread::id thread_;
};

constexpr std::chrono::seconds kDeadline{20};

// Runs on the main loop when posted there: fires its signal.
class LoopTrip : public cppu::WeakImplHelper1<awt::XCallback> {
public:
    void SAL_CALL notify(const Any&) override { ran.fire(); }
    Signal ran;
};

// The accessibility events of one label: fires when its name (the text shown) changes.
class NameWatch : public cppu::WeakImplHelper1<accessibility::XAccessibleEventListener> {
public:
    void SAL_CALL notifyEvent(const accessibility::AccessibleEventObject& event) override {
        if (event.EventId == accessibility::AccessibleEventId::NAME_CHANGED)
            changed.fire();
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}
    Signal changed;
};

// The document's modify events: fires at the first one after a reset, the moment the controller hears of
// the edit too (both are listeners of the same broadcast). With a context, it also posts `trip` to the main
// loop at that first event: when that runs, the office has finished the edit's own work.
class ModifyWatch : public cppu::WeakImplHelper1<util::XModifyListener> {
public:
    ModifyWatch() = default;
    explicit ModifyWatch(Reference<uno::XComponentContext> postTo) : postTo_(std::move(postTo)) {}
    void SAL_CALL modified(const lang::EventObject&) override {
        edited.fire();
        if (postTo_.is() && !posted_) {
            posted_ = true;
            Reference<awt::XRequestCallback> loop(postTo_->getServiceManager()->createInstanceWithContext(
                                                      "com.sun.star.awt.AsyncCallback", postTo_),
                                                  UNO_QUERY_THROW);
            loop->addCallback(trip.get(), Any());
        }
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}
    Signal edited;
    rtl::Reference<LoopTrip> trip{new LoopTrip};

private:
    Reference<uno::XComponentContext> postTo_;
    bool posted_ = false;
};

// Runs `work` on the main loop when posted there, then fires its signal; an exception is kept for the caller.
class MainLoopWork : public cppu::WeakImplHelper1<awt::XCallback> {
public:
    explicit MainLoopWork(std::function<void()> work) : work_(std::move(work)) {}
    void SAL_CALL notify(const Any&) override {
        try {
            work_();
        } catch (const uno::Exception& e) {
            error = e.Message;
        } catch (const std::exception& e) {
            error = jixiao::office::fromUtf8(e.what());
        }
        ran.fire();
    }
    Signal ran;
    OUString error;

private:
    std::function<void()> work_;
};

// Runs `work` on the office's main thread and waits until it has run.
void onMainThread(const Reference<uno::XComponentContext>& context, std::function<void()> work) {
    Reference<awt::XRequestCallback> loop(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.AsyncCallback", context),
        UNO_QUERY_THROW);
    rtl::Reference<MainLoopWork> posted(new MainLoopWork(std::move(work)));
    loop->addCallback(posted.get(), Any());
    if (!posted->ran.wait(std::chrono::seconds(120)))
        throw uno::RuntimeException("probe: the main loop did not run the posted work in time", {});
    if (!posted->error.isEmpty())
        throw uno::RuntimeException("probe: " + posted->error, {});
}

// Posts a callback to the office's main loop and waits until it has run; returns the time that took.
// Callbacks run in the order they were posted, so everything queued before (the controller's deferred
// run after an edit) has run by then.
double tripThroughMainLoop(const Reference<uno::XComponentContext>& context) {
    Reference<awt::XRequestCallback> loop(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.AsyncCallback", context),
        UNO_QUERY_THROW);
    rtl::Reference<LoopTrip> trip(new LoopTrip);
    const auto start = Clock::now();
    loop->addCallback(trip.get(), Any());
    const auto ran = trip->ran.wait(kDeadline);
    if (!ran)
        throw uno::RuntimeException("probe: the main loop did not run a posted callback in time", {});
    return std::chrono::duration<double, std::milli>(*ran - start).count();
}

Sequence<double> toSequence(const std::vector<double>& values) {
    Sequence<double> result(static_cast<sal_Int32>(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i)
        result[static_cast<sal_Int32>(i)] = values[i];
    return result;
}

class Probe : public cppu::WeakImplHelper2<task::XJob, lang::XServiceInfo> {
public:
    explicit Probe(Reference<uno::XComponentContext> context) : context_(std::move(context)) {}

    Any SAL_CALL execute(const Sequence<beans::NamedValue>& arguments) override {
        try {
            return run(parse(arguments));
        } catch (const uno::RuntimeException&) {
            throw;
        } catch (const uno::Exception& e) {
            throw uno::RuntimeException("probe: " + e.Message, {});
        } catch (const std::exception& e) {
            throw uno::RuntimeException("probe: " + jixiao::office::fromUtf8(e.what()), {});
        }
    }

    OUString SAL_CALL getImplementationName() override { return "org.jixiao.bench.Probe"; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        return Sequence<OUString>(&kService, 1);
    }

private:
    static inline const OUString kService = "org.jixiao.bench.Probe";

    Any run(const Args& args) {
        if (args.mode == "texts") {
            auto host = jixiao::office::makeWriterHost(args.document);
            const auto read = host->paragraphs();
            Sequence<OUString> paragraphs(static_cast<sal_Int32>(read.size()));
            for (std::size_t i = 0; i < read.size(); ++i)
                paragraphs[static_cast<sal_Int32>(i)] = jixiao::office::fromUtf8(read[i]);
            std::vector<OUString> cells; // "table \x1f cell \x1f text" for each cell a table's Grid anchors
            for (const auto& grid : host->readTables())
                for (int r = 0; r < grid.rows(); ++r)
                    for (int c = 0; c < grid.columns(); ++c)
                        if (const auto& cell = grid.at(r, c); !cell.covered && !cell.address.empty())
                            cells.push_back(jixiao::office::fromUtf8(grid.name + '\x1f' + cell.address +
                                                                     '\x1f' + cell.text));
            Sequence<beans::NamedValue> result(2);
            result[0] = beans::NamedValue("paragraphs", Any(paragraphs));
            result[1] =
                beans::NamedValue("cells", Any(Sequence<OUString>(cells.data(), sal_Int32(cells.size()))));
            return Any(result);
        }
        std::map<std::string, std::vector<double>> out;
        if (args.mode == "jixiao") {
            auto tool = jixiaoTool(context_);
            for (int i = 0; i < args.repeat; ++i) {
                setScore(args, i);
                if (args.settle)
                    (void)tripThroughMainLoop(context_);
                const auto start = Clock::now();
                const sal_Int32 written = tool->recompute(args.document);
                out["ms"].push_back(msSince(start));
                out["written"].push_back(written);
            }
        } else if (args.mode == "live") {
            live(args, out);
        } else if (args.mode == "typed") {
            typed(args, out);
        } else if (args.mode == "mainloop") {
            for (int i = 0; i < args.repeat; ++i)
                out["ms"].push_back(tripThroughMainLoop(context_));
        } else if (args.mode == "floor") {
            for (int i = 0; i < args.repeat; ++i) {
                setScore(args, i);
                const auto start = Clock::now();
                const int cells = floor(args, args.writes[std::size_t(i) % 2]);
                out["ms"].push_back(msSince(start));
                out["cells"].push_back(cells);
            }
        } else if (args.mode == "profile") {
            for (int i = 0; i < args.repeat; ++i) {
                setScore(args, i);
                profile(args, out);
            }
        } else if (args.mode == "validate") {
            auto tool = jixiaoTool(context_);
            for (int i = 0; i < args.repeat; ++i) {
                const auto start = Clock::now();
                const auto findings = tool->validate(args.document);
                out["ms"].push_back(msSince(start));
                out["findings"].push_back(findings.getLength());
            }
        } else if (args.mode == "onmain") {
            auto tool = jixiaoTool(context_);
            for (int i = 0; i < args.repeat; ++i) {
                if (args.edit)
                    editLastParagraph(args.document, i);
                else
                    (void)tripThroughMainLoop(context_); // the office idle first
                onMainThread(context_, [&] {
                    const auto start = Clock::now();
                    double count = 0;
                    if (args.action == "validate")
                        count = tool->validate(args.document).getLength();
                    else if (args.action == "paragraphs")
                        count = double(jixiao::office::makeWriterHost(args.document)->paragraphs().size());
                    else if (args.action == "getstring")
                        count = double(paragraphsByGetString(args.document).size());
                    else
                        throw lang::IllegalArgumentException("probe: unknown Action " + args.action, {}, 0);
                    out["ms"].push_back(msSince(start));
                    out["count"].push_back(count);
                });
            }
        } else if (args.mode == "calculate") {
            Reference<sheet::XCalculatable> calc(args.document, UNO_QUERY_THROW);
            for (int i = 0; i < args.repeat; ++i) {
                setScore(args, i);
                const auto start = Clock::now();
                calc->calculateAll();
                out["ms"].push_back(msSince(start));
            }
        } else {
            throw lang::IllegalArgumentException("probe: unknown Mode " + args.mode, {}, 0);
        }
        Sequence<beans::NamedValue> result(static_cast<sal_Int32>(out.size()));
        sal_Int32 k = 0;
        for (const auto& [name, values] : out)
            result[k++] = beans::NamedValue(jixiao::office::fromUtf8(name), Any(toSequence(values)));
        return Any(result);
    }

    // The whole per-keystroke path with the deck open; see `live` at the top.
    void live(const Args& args, std::map<std::string, std::vector<double>>& out) {
        Reference<accessibility::XAccessibleEventBroadcaster> label(args.watch, UNO_QUERY);
        if (!label.is())
            throw lang::IllegalArgumentException("probe: live needs Watch, the summary label's context", {},
                                                 0);
        Reference<util::XModifyBroadcaster> document(args.document, UNO_QUERY_THROW);
        rtl::Reference<NameWatch> shown(new NameWatch);
        rtl::Reference<ModifyWatch> edit(new ModifyWatch);
        label->addAccessibleEventListener(shown.get());
        document->addModifyListener(edit.get());
        const auto stop = [&] {
            document->removeModifyListener(edit.get());
            label->removeAccessibleEventListener(shown.get());
        };
        const auto ms = [](Clock::time_point from, Clock::time_point to) {
            return std::chrono::duration<double, std::milli>(to - from).count();
        };
        try {
            for (int i = 0; i < args.repeat; ++i) {
                if (args.settle)
                    (void)tripThroughMainLoop(context_);
                shown->changed.reset();
                edit->edited.reset();
                const auto before = Clock::now();
                setScore(args, i);
                const auto after = Clock::now();
                const auto modified = edit->edited.wait(kDeadline);
                const auto seen = shown->changed.wait(kDeadline);
                if (!modified || !seen)
                    throw uno::RuntimeException(
                        "probe: the edit was not followed by a modify event and a new "
                        "summary in the deck",
                        {});
                out["ms"].push_back(ms(*modified, *seen));
                out["edit ms"].push_back(ms(before, after));
                out["shown before the edit returned"].push_back(*seen < after ? 1 : 0);
            }
        } catch (...) {
            stop();
            throw;
        }
        stop();
    }

    // One keystroke's path with the deck open; see `typed` at the top. The listeners live between the two
    // calls.
    void typed(const Args& args, std::map<std::string, std::vector<double>>& out) {
        if (args.step == "arm") {
            // Without Watch (the deck closed, live recompute off): the office's own work for the key, from
            // the modify event until a callback posted then runs.
            typedLabel_.set(args.watch, UNO_QUERY);
            typedDocument_.set(args.document, UNO_QUERY_THROW);
            (void)tripThroughMainLoop(context_);
            typedEdit_ = typedLabel_.is() ? new ModifyWatch : new ModifyWatch(context_);
            typedDocument_->addModifyListener(typedEdit_.get());
            if (typedLabel_.is()) {
                typedShown_ = new NameWatch;
                typedLabel_->addAccessibleEventListener(typedShown_.get());
            }
            return;
        }
        if (!typedEdit_.is())
            throw lang::IllegalArgumentException("probe: typed measure before arm", {}, 0);
        const auto modified = typedEdit_->edited.wait(kDeadline);
        Signal& end = typedShown_.is() ? typedShown_->changed : typedEdit_->trip->ran;
        const auto seen = end.wait(kDeadline);
        // Both moments are on the main thread (the modify broadcast, then the callback or the label's event):
        // the main thread's CPU time between them is the same interval without its waits for a core.
        const bool oneThread = modified && seen && end.thread() == typedEdit_->edited.thread();
        const double cpu = oneThread ? end.cpuMs() - typedEdit_->edited.cpuMs() : 0;
        typedDocument_->removeModifyListener(typedEdit_.get());
        if (typedShown_.is())
            typedLabel_->removeAccessibleEventListener(typedShown_.get());
        typedShown_.clear();
        typedEdit_.clear();
        if (!modified || !seen)
            throw uno::RuntimeException("probe: the keystroke was not followed by a modify event and a new "
                                        "summary in the deck",
                                        {});
        out["ms"].push_back(std::chrono::duration<double, std::milli>(*seen - *modified).count());
        if (oneThread)
            out["cpu ms"].push_back(cpu);
    }

    // Bare reads and writes, one undo step. Returns the number of cells read and written.
    int floor(const Args& args, const std::vector<std::pair<OUString, OUString>>& writes) {
        Reference<document::XUndoManager> undo =
            Reference<document::XUndoManagerSupplier>(args.document, UNO_QUERY_THROW)->getUndoManager();
        undo->enterUndoContext("bench");
        int cells = 0;
        if (isCalc(args.document)) {
            Reference<table::XCellRange> range =
                Reference<table::XCellRange>(firstSheet(args.document), UNO_QUERY_THROW)
                    ->getCellRangeByName(args.table);
            const auto data = Reference<sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
            for (const auto& row : data)
                cells += row.getLength();
            Reference<table::XCellRange> sheet(firstSheet(args.document), UNO_QUERY_THROW);
            for (const auto& [name, text] : writes) {
                sheet->getCellRangeByName(name)->getCellByPosition(0, 0)->setFormula(text);
                ++cells;
            }
        } else {
            auto table = writerTable(args.document, args.table);
            for (const auto& name : table->getCellNames()) {
                Reference<text::XText> cell(table->getCellByName(name), UNO_QUERY_THROW);
                (void)cell->getString();
                ++cells;
            }
            for (const auto& [name, text] : writes) {
                Reference<text::XText>(table->getCellByName(name), UNO_QUERY_THROW)->setString(text);
                ++cells;
            }
        }
        undo->leaveUndoContext();
        return cells;
    }

    // Operations::recompute through the document's table cache (uno/host/table_cache.hpp), phase by phase.
    // Phases 1–2 are the whole read of a first run or of a run after a layout change (with the cache
    // remembering it: the table count and layouts it keeps); 3–5 replace them in a run after an edit that
    // left the layout alone (Writer only: Calc always reads whole), through TableCache itself, timed around
    // its host calls (TimedHost). An API edit tells the cache nothing, so it re-reads every input cell, as
    // such a live run does. "total" is such a cached run (3–8), "total whole read" one that reads whole (1,
    // 2, 6–8). Recompute reads no paragraphs. 9 is the cache's refresh after a keystroke in the score cell
    // instead (the one cell re-read), for comparison with 3–5.
    void profile(const Args& args, std::map<std::string, std::vector<double>>& out) {
        using namespace jixiao;
        using namespace jixiao::office;
        auto start = Clock::now();
        auto host = isCalc(args.document) ? makeCalcHost(args.document) : makeWriterHost(args.document);
        TimedHost timed(*host);
        const auto grids = host->readTables();
        const double whole = msSince(start);
        out["1 whole read: every table (UNO)"].push_back(whole);

        start = Clock::now();
        DocumentSnapshot snapshot;
        snapshot.tables = grids;
        auto report = assemble(snapshot);
        const double parse = msSince(start);
        out["2 whole read: parse (core)"].push_back(parse);
        start = Clock::now();
        TableCache cache;
        cache.remember(timed, report, snapshot);
        const double remember = msSince(start);
        out["2 whole read: remember layouts (UNO)"].push_back(remember);

        double cached = 0;
        timed.layoutsMs = timed.cellsMs = 0;
        timed.cells = 0;
        start = Clock::now();
        DocumentSnapshot next;  // beside its tables, the same as `snapshot`
        cache.lendNextReport(); // as the live run borrows it (document_controller.cpp)
        auto kept = cache.report(timed, next);
        if (kept || !next.tables.empty()) {
            const double checks = msSince(start) - timed.layoutsMs - timed.cellsMs;
            out["3 cached: tables + layouts (UNO)"].push_back(timed.layoutsMs);
            out["4 cached: re-read input cells (UNO)"].push_back(timed.cellsMs);
            out["4 cached: input cells"].push_back(double(timed.cells));
            // The kept report brought up to date (the cells that changed are plain numbers) or, when it
            // cannot be, the checks on the whole table and a parse of the tables.
            start = Clock::now();
            if (kept) {
                report = std::move(*kept);
            } else {
                report = assemble(next);
                cache.keep(report, next);
            }
            out["5 cached: check inputs + parse (core)"].push_back(checks + msSince(start));
            cached = timed.layoutsMs + timed.cellsMs + out["5 cached: check inputs + parse (core)"].back();
            // A keystroke in the score cell (typing_watch.hpp) tells the cache that cell alone changed: its
            // refresh re-reads that cell (and the cells a run wrote since, none here), not every input.
            cache.narrowNextRefresh(KnownEdits{{{report.card.tableName, toUtf8(args.cell)}}});
            if (kept)
                cache.giveBack(
                    Report(report)); // as the run gives it back (a copy: the profile goes on with it)
            timed.cells = 0;
            start = Clock::now();
            DocumentSnapshot typed;
            cache.lendNextReport();
            if (cache.report(timed, typed) || !typed.tables.empty()) {
                out["9 typed: cache refresh (UNO + core)"].push_back(msSince(start));
                out["9 typed: refreshed cells"].push_back(double(timed.cells));
            }
        }

        start = Clock::now();
        applyReportProperties(readReportProperties(args.document), report.card);
        double rest = msSince(start);
        out["6 document properties (UNO)"].push_back(rest);

        start = Clock::now();
        const auto plan = planRecompute(report);
        const Patch& scorePatch = plan.score;
        const Patch& fundingPatch = plan.funding;
        out["7 recompute (core)"].push_back(msSince(start));
        rest += out["7 recompute (core)"].back();

        start = Clock::now();
        int written = 0;
        if (!scorePatch.empty() || !fundingPatch.empty()) {
            Reference<document::XUndoManager> undo =
                Reference<document::XUndoManagerSupplier>(args.document, UNO_QUERY_THROW)->getUndoManager();
            undo->enterUndoContext("bench");
            if (!scorePatch.empty())
                written += host->applyPatch(report.card.tableName, scorePatch);
            if (!fundingPatch.empty())
                written += host->applyPatch(report.card.fundingTableName, fundingPatch);
            undo->leaveUndoContext();
        }
        out["8 write patch + undo (UNO)"].push_back(msSince(start));
        out["8 cells written"].push_back(written);
        rest += out["8 write patch + undo (UNO)"].back();
        if (cached > 0)
            out["total"].push_back(cached + rest);
        out["total whole read"].push_back(whole + parse + remember + rest);
    }

    Reference<uno::XComponentContext> context_;
    // typed: the listeners between Step=arm and Step=measure
    Reference<accessibility::XAccessibleEventBroadcaster> typedLabel_;
    Reference<util::XModifyBroadcaster> typedDocument_;
    rtl::Reference<NameWatch> typedShown_;
    rtl::Reference<ModifyWatch> typedEdit_;
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_jixiao_bench_Probe_get_implementation(uno::XComponentContext* context, const Sequence<Any>&) {
    auto* probe = new Probe(context);
    probe->acquire();
    return static_cast<cppu::OWeakObject*>(probe);
}
