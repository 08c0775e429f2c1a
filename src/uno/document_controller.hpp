// One per open document: owns what Jixiao knows about it (the last findings) and keeps its tables live.
// Panels come and go with the sidebar; this object lives until the document closes.
//
// Live recompute: the document's modify listener fires on every keystroke (in Writer synchronously and
// nested, so a write inside the callback would re-enter). Bursts are coalesced into one run posted to the
// main loop; the run reads the tables once, lets the core compute, and writes only cells whose value
// differs — inside a hidden undo context that joins the user's edit, so one Ctrl+Z undoes both. After an
// undo the table is consistent again, the patch is empty, and nothing touches the undo or redo stack.
#pragma once

#include "core/finding.hpp"

#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase2.hxx>

#include <functional>
#include <map>
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

    // Runs a live recompute now (tests and the benchmark call it through the service).
    int recomputeNow();

    // XModifyListener
    void SAL_CALL modified(const css::lang::EventObject& event) override;
    void SAL_CALL disposing(const css::lang::EventObject& event) override;
    // XCallback: the deferred run posted by modified()
    void SAL_CALL notify(const css::uno::Any& data) override;

private:
    DocumentController(css::uno::Reference<css::uno::XComponentContext> context,
                       const css::uno::Reference<css::frame::XModel>& model);
    void notifyObservers();

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XModel> model_;
    std::vector<Finding> findings_;
    std::map<int, std::function<void()>> observers_;
    int nextObserver_ = 0;
    bool pending_ = false;
    bool writing_ = false;
    bool disposed_ = false;
};

} // namespace jixiao::office
