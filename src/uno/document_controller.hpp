// One per open document: owns what Jixiao knows about it (the last findings) and keeps its tables live.
// Panels come and go with the sidebar; this object lives until the document closes.
//
// Live recompute: the document's modify listener fires on every keystroke (in Writer synchronously and
// nested, so a write inside the callback would re-enter). Bursts are coalesced into one run posted to the
// main loop; the run reads the tables once, lets the core compute, and writes only cells whose value
// differs — inside a hidden undo context that joins the user's edit, so one Ctrl+Z undoes both. After an
// undo the table is consistent again, the patch is empty, and nothing touches the undo or redo stack.
#pragma once

#include "uno/table_cache.hpp"

#include "core/finding.hpp"

#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase2.hxx>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace jixiao::office {

class DocumentController : public cppu::WeakImplHelper2<css::util::XModifyListener, css::awt::XCallback> {
public:
    // The controller of `model`, created (and its listener attached) on first use.
    static DocumentController& forModel(const css::uno::Reference<css::uno::XComponentContext>& context,
                                        const css::uno::Reference<css::frame::XModel>& model);

    // Validates now and keeps the findings for the panel; returns how many there are.
    int validateNow();
    const std::vector<Finding>& findings() const { return findings_; }
    std::vector<std::string> findingLines() const;
    void selectFinding(int index);
    // 总分, 等级, per-一级 score/weight, 预算执行率 and the number of open findings.
    std::string summaryText();

    // Panels register to be told when the document's numbers changed; the id unregisters.
    int addObserver(std::function<void()> observer);
    void removeObserver(int id);

    // Runs a live recompute now: its writes join the user's last undo step.
    int recomputeNow();
    // Recompute through the document's table cache; EvaluationTool::recompute calls it with
    // joinPreviousUndo false (its own undo step). Its writes schedule no live run.
    int recompute(bool joinPreviousUndo);

    // XModifyListener
    void SAL_CALL modified(const css::lang::EventObject& event) override;
    void SAL_CALL disposing(const css::lang::EventObject& event) override;
    // XCallback: the deferred run posted by modified()
    void SAL_CALL notify(const css::uno::Any& data) override;

private:
    DocumentController(const css::uno::Reference<css::uno::XComponentContext>& context,
                       const css::uno::Reference<css::frame::XModel>& model);
    void notifyObservers();

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XModel> model_;
    std::vector<Finding> findings_;
    TableCache cache_; // the last read of the scoring and funding tables, for recompute
    // A macro's recompute runs on a UNO bridge thread, live recompute on the main thread; the cache is used
    // by one at a time. Never waited for: the holder may itself be waiting for the office's SolarMutex.
    std::mutex cacheMutex_;
    std::map<int, std::function<void()>> observers_;
    int nextObserver_ = 0;
    bool pending_ = false;
    std::atomic<int> writing_{0}; // recomputes writing now (any thread): their edits schedule no live run
    bool disposed_ = false;
};

} // namespace jixiao::office
