// One per open document: owns what Jixiao knows about it (the last findings) and keeps its tables live.
// Panels come and go with the sidebar; this object lives until the document closes.
//
// Live recompute: the document's modify listener fires on every change, whatever made it — typing, paste,
// undo, redo, a macro (in Writer synchronously and nested, so a write inside the callback would re-enter).
// Bursts are coalesced into one run posted to the main loop; the run reads the tables once (through the
// cache), lets the core compute, and writes only cells whose value differs, outside the undo stack (see
// Operations::recompute), so LibreOffice's own undo steps stay as they are. The same run gives the deck
// its summary: panels are told after every run, from the tables that run read, not from a second read.
//
// Threads: every read and write of the document runs on the office's main thread — modified(), notify()
// and the deck's calls come there, and EvaluationTool moves a macro's call there from its bridge thread
// (main_thread.hpp), so one run's reads are one unit that a close on another thread cannot cut in two. The
// registry and the controller's own state are still guarded by plain mutexes (a macro's thread asks for a
// controller) that are never held while calling into the office, so a thread holding the office's
// SolarMutex and waiting for ours cannot meet a thread holding ours and waiting for the SolarMutex.
//
// API calls: a macro's call (EvaluationTool) makes many calls into the office; a live run that got in
// between them would read a half-built table, write into it and lock the undo manager inside the macro's
// undo step (measured: 31 live runs inside one import of the sample, when calls ran on the bridge thread).
// The call now runs whole on the main thread, where no run can start inside it; an ApiCall still marks it,
// holds back a run that would (a nested main loop), and posts one when it ends if it held any back
// (live_gate.hpp).
//
// Edited cell: after a keystroke in the document's view (typing_watch.hpp), the controller knows the only
// cell whose text changed, and the run re-reads that cell alone (plus the cells it wrote itself last time);
// after anything else it re-reads every input cell through the cache, as before (edit_record.hpp).
//
// Lifetime (controller_lifetime.cpp; the registry: controller_registry.hpp): a UNO component
// (WeakComponentImplHelper). Once the document has begun to close (its close listeners are told, before
// anything of it is torn down) no live run starts and no call is taken: a run already posted finds the
// controller closing and returns. The document's disposing event disposes it: it
// detaches its listeners, drops its panels' observers, its cache and its registry entry, and holds the
// document only weakly, so a closed document is never kept alive by Jixiao. No table or cell object of the
// document is kept between runs: the cache holds plain text (table_cache.hpp).
#pragma once

#include "uno/host/operations.hpp"
#include "uno/host/table_cache.hpp"
#include "uno/live/edit_events.hpp"
#include "uno/live/edit_record.hpp"
#include "uno/live/live_gate.hpp"
#include "uno/live/typing_watch.hpp"

#include "core/check/finding_lines.hpp"
#include "core/derive/report_summary.hpp"
#include "core/model/finding.hpp"

#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XCloseListener.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <rtl/ref.hxx>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace jixiao::office {

class DocumentController
    : private cppu::BaseMutex,
      public cppu::WeakComponentImplHelper3<css::util::XModifyListener, css::awt::XCallback,
                                            css::util::XCloseListener> {
public:
    // The controller of `model`, created (and its listener attached) on first use; safe from any thread.
    static rtl::Reference<DocumentController>
    forModel(const css::uno::Reference<css::uno::XComponentContext>& context,
             const css::uno::Reference<css::frame::XModel>& model);

    // Marks a macro's call on the document for its whole length (see "API calls" above). Not for the deck's
    // buttons: they run on the main thread, where no live run can start half-way through them.
    class ApiCall {
    public:
        // A null controller (a read-only document, which has no live runs) makes a call that holds nothing.
        explicit ApiCall(const rtl::Reference<DocumentController>& controller);
        ~ApiCall();
        ApiCall(const ApiCall&) = delete;
        ApiCall& operator=(const ApiCall&) = delete;

    private:
        rtl::Reference<DocumentController> controller_;
    };

    // Whether the document has begun to close (or the controller is disposed): nothing may touch it now.
    bool closing() const { return closing_ || isDisposed(); }

    // Validates now (tables and prose, reading the document whole) and keeps the findings for the panel;
    // returns how many there are.
    int validateNow();
    // A deck opens: validates now unless the findings are current (a validation or a watched live run since
    // the last edit), so the count it shows is never one nobody checked.
    void ensureValidated();
    // The findings list's lines (core/check/finding_lines.hpp: unscored indicators grouped, each name said
    // once), each with its severity; the detail is the whole of a line, for the box under the list.
    std::vector<std::string> findingLines() const;
    std::string findingDetail(int line) const;
    void selectFinding(int line);
    // 总分 and 等级 (or, until every indicator is scored, the running total "已评 18/21 项，得分 86"), the
    // cell of a score out of range, per-一级 score/weight, 预算执行率 and the number of open findings
    // ("正文未校验" when the prose was not checked since the last edit).
    std::string summaryText();

    // Panels register to be told when the document's numbers changed; the id unregisters.
    int addObserver(std::function<void()> observer);
    void removeObserver(int id);

    // Runs a live recompute now (writes outside the undo stack) and tells the panels.
    int recomputeNow();
    // Recompute through the document's table cache; EvaluationTool::recompute calls it with live false
    // (its own undo step). Its writes schedule no live run; the panels are told afterwards.
    int recompute(bool live);
    // Live recompute was switched back on: bring the tables up to date now rather than at the next edit.
    void liveRecomputeEnabled();
    // What the last live run has to tell the user (a computed cell they typed into was put back), with a
    // serial number that grows with each new notice, so a panel shows each one once.
    std::pair<int, std::string> notice();

    // XModifyListener
    void SAL_CALL modified(const css::lang::EventObject& event) override;
    // XEventListener: the document is closing; disposes this controller.
    void SAL_CALL disposing(const css::lang::EventObject& event) override;
    // XCallback: the deferred run posted by modified()
    void SAL_CALL notify(const css::uno::Any& data) override;
    // XCloseListener: never vetoes; once the close is decided, nothing of Jixiao's touches the document.
    void SAL_CALL queryClosing(const css::lang::EventObject& event, sal_Bool getsOwnership) override;
    void SAL_CALL notifyClosing(const css::lang::EventObject& event) override;

protected:
    // WeakComponentImplHelper: detaches from the document and lets go of everything it holds.
    void SAL_CALL disposing() override;

private:
    // What the summary shows, taken from the tables a run just read: their figures, not the card, so that
    // the run's report goes back to the table cache whole instead of being copied out of it each run.
    struct SummaryData {
        bool hasScoreTable = false;
        bool partial = false; // the table was read only in part (core/assemble.hpp): no figures to show
        std::string tableName;
        GradeBandsChoice gradeBands;      // which bands grade the report (core/model/grade_bands.hpp)
        std::vector<GradeBand> cardBands; // the bands `figures` was graded with (the card's)
        // summarizeReport of the card, with the funding the report states (its funding table's, else the
        // properties completed from the prose the controller last read).
        ReportSummary figures;
    };

    DocumentController(const css::uno::Reference<css::uno::XComponentContext>& context,
                       const css::uno::Reference<css::frame::XModel>& model);
    bool isDisposed() const { return rBHelper.bDisposed || rBHelper.bInDispose; }
    void notifyObservers();
    // Watches the document's view for keystrokes (Writer), for the edited-cell path.
    void watchTyping();
    // What changed since the cache's last refresh, handed to it before a run; starts a new record.
    void narrowCacheRefresh();
    // Posts one run to the main loop (coalescing: nothing when one is pending).
    void schedule();
    // After an edit: schedules a run when live recompute is on or a deck shows the summary.
    void scheduleAfterEdit(bool watched);
    void beginApiCall();
    void endApiCall();
    void keepSummary(const DocumentData& read);
    // Whether the document's paragraphs read now are `checked` (false when they cannot be read).
    bool proseReadsAs(const std::vector<std::string>& checked);
    // The scoring table as a live run reads it: the tables alone, through the cache when it is free.
    Scorecard tablesAsLiveRunsReadThem(const css::uno::Reference<css::frame::XModel>& model,
                                       const Operations& operations);
    // A run's tables, kept for the summary; when a deck watches, they are validated too (live_findings.hpp:
    // the table's findings replaced, the prose's kept), else the findings are no longer current. `written`:
    // the tables read back after the run's writes, judged instead of `read` (the tables before them).
    // `read` is left as it came (it goes back to the table cache).
    void keepRun(DocumentData& read, DocumentData* written = nullptr);
    std::vector<FindingLine> currentLines() const;
    // The funding the prose states, from a read that included the paragraphs (the deck's first summary,
    // each validation). Live runs read the tables only, so the summary's 预算执行率 for a report without a
    // funding table is as of then, like the deck's 预算/实际支出 fields.
    void keepProseFunding(const DocumentData& read);
    std::shared_ptr<const SummaryData> summaryData();

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XModel> model_;
    TableCache cache_; // the last read of the scoring and funding tables, for recompute
    // What the runs remember from one to the next (core/derive/run_plan.hpp: the scoring table's cells
    // recompute wrote and what they held before, the table as the last run left them; guarded by
    // cacheMutex_).
    RunMemory memory_;
    // A macro's recompute runs on a UNO bridge thread, live recompute on the main thread; the cache is used
    // by one at a time. Never waited for: the holder may itself be waiting for the office's SolarMutex.
    std::mutex cacheMutex_;
    // The last run's tables for the summary; read on the main thread, replaced by any run (a macro's on a
    // bridge thread), hence the lock, held only to swap the pointer.
    std::mutex summaryMutex_;
    std::shared_ptr<const SummaryData> summary_;
    std::optional<Funding> proseFunding_; // guarded by summaryMutex_
    // Guarded by m_aMutex (cppu::BaseMutex), held only to read or swap them, never across a call out.
    std::vector<Finding> findings_;
    bool findingsCurrent_ = false; // validated (whole, or the tables by a watched run) since the last edit
    bool proseChecked_ = false;    // the prose too: its findings hold (see keepRun)
    // The scoring table and the paragraphs as the last full validation judged them.
    std::shared_ptr<const Scorecard> checkedCard_;
    std::shared_ptr<const std::vector<std::string>> checkedProse_;
    std::map<int, std::function<void()>> observers_;
    int nextObserver_ = 0;
    int noticeSerial_ = 0;
    std::string notice_;
    bool pending_ = false;
    std::atomic<bool> closing_{false}; // the document's close listeners were told (notifyClosing)
    // Keystrokes and edits (guarded by m_aMutex): what changed since the cache's last refresh, and whether
    // anything but a table cell was edited since the last full validation (edit_record.hpp).
    rtl::Reference<TypingWatch> typingWatch_;
    EditRecord edits_;
    std::atomic<int> writing_{0}; // recomputes writing now (any thread): their edits schedule no live run
    EditEvents editEvents_;       // which modify events are edits (LibreOffice's own on open are not)
    // Live runs against API calls (live_gate.hpp; its lock is never held while calling into the office, so
    // modified() takes it on a thread that holds the SolarMutex without risk).
    LiveGate gate_;
};

} // namespace jixiao::office
