#include "uno/live/document_controller.hpp"

#include "uno/base/extension_data.hpp"
#include "uno/base/log.hpp"
#include "uno/base/settings.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/operations.hpp"

#include "core/check/finding_lines.hpp"
#include "core/check/live_findings.hpp"
#include "core/derive/report_summary.hpp"
#include "core/derive/written_report.hpp"
#include "core/model/grade_bands.hpp"
#include "core/model/scorecard.hpp"
#include "core/text/decimal.hpp"

#include <com/sun/star/awt/XRequestCallback.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <rtl/ref.hxx>

#include <algorithm>
#include <map>
#include <utility>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace jixiao::office {
namespace {

std::string severityKey(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "severity.error";
    case Severity::Warning:
        return "severity.warning";
    case Severity::Info:
        return "severity.info";
    }
    return "severity.info";
}

} // namespace

void DocumentController::narrowCacheRefresh() {
    std::optional<KnownEdits> edits;
    {
        osl::MutexGuard guard(m_aMutex);
        edits = edits_.take();
    }
    cache_.narrowNextRefresh(std::move(edits));
}

int DocumentController::validateNow() {
    Reference<frame::XModel> model(model_);
    if (closing())
        throw lang::DisposedException(fromUtf8(wordedMessage(context_, {"error.document-closing", {}})),
                                      model);
    const Operations operations(context_);
    auto data = operations.read(model);
    keepProseFunding(data);
    auto found = operations.validate(data);
    const auto count = static_cast<int>(found.size());
    // The tables as a live run reads them (tables only: a title or caption in the prose gives no metadata
    // there), for keepRun to compare its own read with; and the paragraphs as validated.
    auto checkedCard = std::make_shared<const Scorecard>(tablesAsLiveRunsReadThem(model, operations));
    auto checkedProse = std::make_shared<const std::vector<std::string>>(data.paragraphs);
    {
        osl::MutexGuard guard(m_aMutex);
        findings_ = std::move(found);
        findingsCurrent_ = true;
        proseChecked_ = true;
        edits_.validated();
        checkedCard_ = std::move(checkedCard);
        checkedProse_ = std::move(checkedProse);
    }
    keepSummary(data); // the whole read is the freshest: the summary shows what was checked
    notifyObservers();
    return count;
}

void DocumentController::ensureValidated() {
    bool current = false;
    {
        osl::MutexGuard guard(m_aMutex);
        current = findingsCurrent_;
    }
    if (!current && !closing())
        validateNow();
}

std::vector<FindingLine> DocumentController::currentLines() const {
    const auto& data = ExtensionData::get(context_);
    std::vector<Finding> findings;
    {
        osl::MutexGuard guard(m_aMutex);
        findings = findings_;
    }
    return jixiao::findingLines(findings, data.messages, data.lang);
}

std::vector<std::string> DocumentController::findingLines() const {
    const auto& data = ExtensionData::get(context_);
    std::vector<std::string> lines;
    for (const auto& line : currentLines())
        lines.push_back(data.text(severityKey(line.severity)) + " " + line.text);
    return lines;
}

std::string DocumentController::findingDetail(int line) const {
    const auto lines = currentLines();
    if (line < 0 || line >= static_cast<int>(lines.size()))
        return {};
    const auto& chosen = lines[std::size_t(line)];
    return ExtensionData::get(context_).text(severityKey(chosen.severity)) + " " + chosen.detail;
}

void DocumentController::selectFinding(int line) {
    const auto lines = currentLines();
    Location location;
    {
        osl::MutexGuard guard(m_aMutex);
        if (line < 0 || line >= static_cast<int>(lines.size()) ||
            lines[std::size_t(line)].first >= findings_.size())
            return;
        location = findings_[lines[std::size_t(line)].first].location;
    }
    Operations(context_).select(Reference<frame::XModel>(model_), location);
}

std::string DocumentController::summaryText() {
    const auto& data = ExtensionData::get(context_);
    const auto summary = summaryData();
    if (!summary->hasScoreTable)
        return data.text("summary.no-table");
    if (summary->partial)
        return data.text("summary.partial", {{"table", summary->tableName}});
    // The one summary the batch prints too (core/derive/report_summary.hpp): 总分 "—" while a score is
    // missing or out of range.
    const ReportSummary& figures = summary->figures;
    const auto& total = figures.total;
    // The options may have changed since the tables were read: bands the report took from them follow
    // (summarizeReport grades the total with the card's bands, and only the grade depends on them).
    const auto bands = withOptions(summary->gradeBands, Settings::gradeBands(context_));
    const std::string grade = bands.bands == summary->cardBands ? figures.grade
                              : total                           ? gradeFor(bands.bands, total)
                                                                : std::string();
    std::vector<Finding> findings;
    bool proseChecked = false;
    {
        osl::MutexGuard guard(m_aMutex);
        findings = findings_;
        proseChecked = proseChecked_;
    }
    std::string text = data.text("summary.total", {{"score", total ? total->toString(2) : "—"},
                                                   {"weight", figures.weight.toString(2)},
                                                   {"grade", total ? grade : "—"}});
    if (bands.differsFromOptions()) // graded with the report's own: said, and 重算 asks
        text += "\n" + data.text("summary.bands-differ");
    // While scores are missing or out of range there is no total: the running total says how far it got.
    if (!total && figures.scoredSum && figures.leaves > 0)
        text += "\n" + data.text("summary.running-total", {{"scored", std::to_string(figures.scoredLeaves)},
                                                           {"leaves", std::to_string(figures.leaves)},
                                                           {"score", figures.scoredSum->toString(2)}});
    // Named where the user looks while scoring (Writer has no conditional format in its tables).
    if (const auto cell = badScoreCell(findings))
        text += "\n" + data.text("summary.bad-score", {{"cell", *cell}});
    for (const auto& top : figures.levelOne)
        text += "\n" + data.text("summary.level-one", {{"name", top.name},
                                                       {"score", top.score ? top.score->toString(2) : "—"},
                                                       {"weight", top.weight.toString(2)}});
    if (const auto& rate = figures.executionRate)
        text += "\n" + data.text("summary.execution-rate", {{"rate", rate->toString(2)}});
    text += "\n" + data.text(proseChecked ? "summary.findings" : "summary.findings-prose-unchecked",
                             {{"count", std::to_string(findings.size())}});
    return text;
}

void DocumentController::keepSummary(const DocumentData& read) {
    auto kept = std::make_shared<SummaryData>();
    kept->hasScoreTable = read.hasScoreTable;
    kept->partial = read.partial;
    kept->tableName = read.card.tableName;
    kept->gradeBands = read.gradeBands;
    kept->cardBands = read.card.gradeBands;
    if (read.hasScoreTable && !read.partial) {
        std::optional<Funding> prose;
        {
            std::lock_guard<std::mutex> lock(summaryMutex_);
            prose = proseFunding_;
        }
        kept->figures =
            summarizeReport(read.card, reportFunding(read.card.funding, read.hasFundingTable, prose));
    }
    std::lock_guard<std::mutex> lock(summaryMutex_);
    summary_ = std::move(kept);
}

Scorecard DocumentController::tablesAsLiveRunsReadThem(const Reference<frame::XModel>& model,
                                                       const Operations& operations) {
    std::unique_lock<std::mutex> lock(cacheMutex_, std::try_to_lock);
    return operations.read(model, false, lock.owns_lock() ? &cache_ : nullptr).card;
}

bool DocumentController::proseReadsAs(const std::vector<std::string>& checked) {
    const Reference<frame::XModel> model(model_);
    if (!model.is() || closing())
        return false;
    try {
        return Operations(context_).paragraphs(model) == checked;
    } catch (const uno::Exception& e) {
        logWarning("the prose could not be read again after an edit; taken as changed: " + toUtf8(e.Message));
    } catch (const std::exception& e) {
        logFailure("reading the prose again after an edit; taken as changed", e);
    }
    return false;
}

void DocumentController::keepRun(DocumentData& read, DocumentData* written) {
    DocumentData& judged = written != nullptr ? *written : read;
    bool watched = false;
    bool proseStillChecked = false;
    bool proseEdited = false;
    unsigned proseEdits = 0;
    std::shared_ptr<const std::vector<std::string>> checkedProse;
    {
        osl::MutexGuard guard(m_aMutex);
        watched = !observers_.empty();
        findingsCurrent_ = false;
        // The prose's findings hold while the tables read as the full validation read them (no figure the
        // prose quotes moved) and no edit could have touched the prose (only table cells were typed into)...
        proseStillChecked = proseChecked_ && checkedCard_ && *checkedCard_ == judged.card;
        proseEdited = edits_.proseEdited();
        proseEdits = edits_.proseEdits();
        checkedProse = checkedProse_;
    }
    // ... or the paragraphs still read as validated: a modify event that changed no text (Writer's own
    // idle work on a modified document, setModified) is no edit of the prose. Read once per such event
    // after 校验; once the prose reads otherwise it stays unchecked, unread, until the next 校验.
    if (proseStillChecked && proseEdited)
        proseStillChecked = checkedProse && proseReadsAs(*checkedProse);
    {
        osl::MutexGuard guard(m_aMutex);
        proseChecked_ = proseChecked_ && proseStillChecked;
        if (proseChecked_ && proseEdited)
            edits_.proseFoundUnchanged(proseEdits);
    }
    if (!watched)
        return keepSummary(read);
    // The tables this run read, checked as a full validation checks them, with the funding the prose stated
    // when last read; the prose's findings stay as the last full validation left them. Checking the prose
    // again per keystroke is not affordable: the core's prose checks alone take 46 ms on a 950-paragraph
    // report (0.2 ms for the sample's tables alone), against a keystroke's whole live run of 3-5 ms.
    std::optional<Funding> prose;
    {
        std::lock_guard<std::mutex> lock(summaryMutex_);
        prose = proseFunding_;
    }
    // Only for validation: the report goes back to the table cache as the tables alone gave it.
    std::swap(judged.proseFunding, prose);
    auto live = Operations(context_).validate(judged);
    std::swap(judged.proseFunding, prose);
    {
        osl::MutexGuard guard(m_aMutex);
        findings_ = mergeLiveFindings(findings_, live);
        findingsCurrent_ = true;
    }
    keepSummary(read);
}

void DocumentController::keepProseFunding(const DocumentData& read) {
    std::lock_guard<std::mutex> lock(summaryMutex_);
    proseFunding_ = read.proseFunding;
}

std::shared_ptr<const DocumentController::SummaryData> DocumentController::summaryData() {
    {
        std::lock_guard<std::mutex> lock(summaryMutex_);
        if (summary_)
            return summary_;
    }
    if (closing())
        return std::make_shared<const SummaryData>(); // nothing of a closing document is read
    // No run yet (the deck opened on a document nobody edited): read the document once, the prose included,
    // for a report that states its funding only there.
    auto read = Operations(context_).read(Reference<frame::XModel>(model_));
    keepProseFunding(read);
    keepSummary(read);
    std::lock_guard<std::mutex> lock(summaryMutex_);
    return summary_;
}

int DocumentController::addObserver(std::function<void()> observer) {
    osl::MutexGuard guard(m_aMutex);
    if (isDisposed())
        return 0; // the document is closing: there is nothing left to be told of
    observers_.emplace(++nextObserver_, std::move(observer));
    return nextObserver_;
}

void DocumentController::removeObserver(int id) {
    osl::MutexGuard guard(m_aMutex);
    observers_.erase(id);
}

std::pair<int, std::string> DocumentController::notice() {
    osl::MutexGuard guard(m_aMutex);
    return {noticeSerial_, notice_};
}

void DocumentController::notifyObservers() {
    std::map<int, std::function<void()>> copy;
    {
        // Copied, and told outside the lock: an observer calls into the office and may unregister.
        osl::MutexGuard guard(m_aMutex);
        copy = observers_;
    }
    for (const auto& [id, observer] : copy)
        observer();
}

int DocumentController::recomputeNow() {
    return recompute(true);
}

int DocumentController::recompute(bool live) {
    Reference<frame::XModel> model(model_);
    if (!model.is() || closing())
        return 0;
    // While another thread's recompute holds the cache, this one reads the document whole, as every run
    // did before there was a cache.
    std::unique_lock<std::mutex> lock(cacheMutex_, std::try_to_lock);
    TableCache* cache = lock.owns_lock() ? &cache_ : nullptr;
    if (cache != nullptr) {
        narrowCacheRefresh();
        cache->lendNextReport(); // given back below, after the run
    }
    RecomputeResult run;
    ++writing_;
    try {
        run = Operations(context_).recompute(model, live, cache, lock.owns_lock() ? &memory_ : nullptr);
    } catch (...) {
        --writing_;
        throw;
    }
    --writing_;
    const int written = run.written;
    if (cache == nullptr && written > 0) {
        // Written past the cache (another run held it): it cannot know which cells changed.
        osl::MutexGuard guard(m_aMutex);
        edits_.cellsUnknown();
    }
    // The core's decision (core/derive/run_plan.hpp): said once, in the deck.
    if (run.computedCellTyped || run.computedFundingCellTyped) {
        auto text = run.computedCellTyped
                        ? ExtensionData::get(context_).text("status.computed-cell",
                                                            {{"cell", *run.computedCellTyped}})
                        : ExtensionData::get(context_).text("status.computed-funding-cell",
                                                            {{"cell", *run.computedFundingCellTyped}});
        osl::MutexGuard guard(m_aMutex);
        notice_ = std::move(text);
        ++noticeSerial_;
    }
    if (!run.heldCells.empty()) { // a cell a write would have damaged (operations.hpp): said, not only logged
        std::string cells;
        for (const auto& cell : run.heldCells)
            cells += (cells.empty() ? "" : "、") + cell;
        auto text = ExtensionData::get(context_).text("status.held-cells", {{"cells", cells}});
        osl::MutexGuard guard(m_aMutex);
        notice_ = std::move(text);
        ++noticeSerial_;
    }
    bool watched = false;
    {
        osl::MutexGuard guard(m_aMutex);
        watched = !observers_.empty();
    }
    // What the run read is the table before its writes: validation judges the table as it is now, so the
    // report is brought to what the writes left (core/derive/written_report.hpp) or, when that cannot be
    // had, the cells the run wrote are read back (through the cache, which re-reads only those).
    std::optional<DocumentData> after;
    if (watched && written > 0 && !applyWrites(run.read, run.score, run.funding)) {
        if (lock.owns_lock())
            narrowCacheRefresh();
        after = Operations(context_).read(model, false, lock.owns_lock() ? &cache_ : nullptr);
    }
    keepRun(run.read, after ? &*after : nullptr);
    if (cache != nullptr)
        cache->giveBack(std::move(run.read));
    if (live)
        notifyObservers();
    else if (watched)
        schedule(); // a macro's call, on a bridge thread: the panels are told on the main loop
    return written;
}

void DocumentController::liveRecomputeEnabled() {
    schedule();
}

void DocumentController::schedule() {
    {
        osl::MutexGuard guard(m_aMutex);
        if (pending_ || closing())
            return;
        pending_ = true;
    }
    Reference<awt::XRequestCallback> loop(
        context_->getServiceManager()->createInstanceWithContext("com.sun.star.awt.AsyncCallback", context_),
        UNO_QUERY);
    if (!loop.is()) {
        osl::MutexGuard guard(m_aMutex);
        pending_ = false;
        return;
    }
    loop->addCallback(this, uno::Any());
}

void DocumentController::scheduleAfterEdit(bool watched) {
    // With live recompute off the run still reads the tables when a deck shows their summary.
    if (watched || Settings::liveRecompute(context_))
        schedule();
}

void SAL_CALL DocumentController::modified(const lang::EventObject& event) {
    if (!editEvents_.isEdit(event))
        return; // LibreOffice's own work on a document left unmodified: nothing to recompute or recheck
    bool watched = false;
    {
        osl::MutexGuard guard(m_aMutex);
        if (closing())
            return;
        watched = !observers_.empty();
        edits_.edited(writing_ > 0);
    }
    if (writing_ > 0 || gate_.holdsBackRuns())
        return;
    scheduleAfterEdit(watched);
}

DocumentController::ApiCall::ApiCall(const rtl::Reference<DocumentController>& controller)
    : controller_(controller) {
    if (controller_.is())
        controller_->beginApiCall();
}

DocumentController::ApiCall::~ApiCall() {
    if (controller_.is())
        controller_->endApiCall();
}

void DocumentController::beginApiCall() {
    // EvaluationTool begins its calls on the main thread (main_thread.hpp), where a live run can only be in
    // progress when the call is nested inside it (a macro the office ran from the run): that one must not
    // wait for itself. The wait is for a caller on another thread; it is bounded so that a caller holding
    // the SolarMutex goes ahead rather than hang the office.
    if (!gate_.beginCall())
        logWarning("an API call went ahead while a live run was still running");
    logInfo("API call begins");
}

void DocumentController::endApiCall() {
    logInfo("API call ends");
    if (!gate_.endCall())
        return; // calls remain, or none held a run back
    bool watched = false;
    {
        osl::MutexGuard guard(m_aMutex);
        if (closing())
            return;
        watched = !observers_.empty();
    }
    scheduleAfterEdit(watched);
}

void SAL_CALL DocumentController::notify(const uno::Any&) {
    {
        osl::MutexGuard guard(m_aMutex);
        pending_ = false;
        if (closing())
            return; // posted before the document began to close: it is not to be read any more
    }
    if (!gate_.beginRun())
        return; // an API call is under way: its end posts this run again
    logInfo("live run begins");
    struct RunEnd {
        DocumentController& controller;
        ~RunEnd() {
            logInfo("live run ends");
            controller.gate_.endRun();
        }
    } const runEnd{*this};
    try {
        if (Settings::liveRecompute(context_)) {
            recomputeNow();
            return;
        }
        {
            // Live recompute off: the run only reads the tables for a deck's summary. With no deck there is
            // no one to show it to, and a read on the main thread would only compete with a macro's calls.
            osl::MutexGuard guard(m_aMutex);
            if (observers_.empty())
                return;
        }
        Reference<frame::XModel> model(model_);
        std::unique_lock<std::mutex> lock(cacheMutex_, std::try_to_lock);
        if (lock.owns_lock()) {
            narrowCacheRefresh();
            cache_.lendNextReport();
        }
        auto read = Operations(context_).read(model, false, lock.owns_lock() ? &cache_ : nullptr);
        keepRun(read);
        if (lock.owns_lock())
            cache_.giveBack(std::move(read));
    } catch (const uno::Exception& e) {
        // Typing must never be blocked: a table that cannot be read now is reported by validation. The
        // failure still goes to the log, so a defect here is seen rather than swallowed.
        logWarning("live recompute: " + toUtf8(e.Message));
    } catch (const std::exception& e) {
        logFailure("live recompute", e);
    }
    notifyObservers();
}

} // namespace jixiao::office
