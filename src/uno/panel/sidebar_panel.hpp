// One of the 绩效评价 deck's titled panels (registry/Sidebar.xcu lists them in order; the resource URL's last
// part says which): 报告信息 (template, new report, report details), 打分表 (tables, total and grade,
// recompute), 校验 (findings), 报告段落 (sections) and 状态与帮助 (the status line, 帮助, the About line).
// Each is built from toolkit controls and laid out from their own preferred sizes
// (uno/panel/panel_layout.hpp), so it grows with the UI font and tells the sidebar the height it needs. It
// holds no document state: everything it shows is asked of the document's controller when it is needed, so
// the sidebar may create and destroy panels at will; what panels share (the status line, the chosen template)
// lives in uno/panel/deck_status.hpp.
//
// A UNO component (WeakComponentImplHelper): the sidebar disposes it when the deck closes, the document
// closes or the office ends, and disposing() detaches every listener the panel attached (its controls',
// its observer at the document's controller), disposes its controls and lets go of the frame and sidebar.
// Panels live on the office's main thread: toolkit events and the controller's observers are called there.
#pragma once

#include "uno/base/ustring.hpp"
#include "uno/live/document_controller.hpp"
#include "uno/panel/panel_layout.hpp"

#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <rtl/ref.hxx>

#include <array>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::office {

class SidebarPanel : private cppu::BaseMutex,
                     public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel,
                                                           css::ui::XSidebarPanel> {
public:
    SidebarPanel(const css::uno::Reference<css::uno::XComponentContext>& context, const OUString& resourceUrl,
                 const css::uno::Reference<css::frame::XFrame>& frame,
                 const css::uno::Reference<css::awt::XWindow>& parent,
                 const css::uno::Reference<css::ui::XSidebar>& sidebar);

    // XUIElement
    css::uno::Reference<css::frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    OUString SAL_CALL getResourceURL() override { return resourceUrl_; }
    sal_Int16 SAL_CALL getType() override;
    css::uno::Reference<css::uno::XInterface> SAL_CALL getRealInterface() override;

    // XToolPanel
    css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override { return window_; }
    css::uno::Reference<css::accessibility::XAccessible> SAL_CALL
    createAccessible(const css::uno::Reference<css::accessibility::XAccessible>& parent) override;

    // XSidebarPanel
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 width) override;
    sal_Int32 SAL_CALL getMinimalWidth() override;

protected:
    // WeakComponentImplHelper: detaches the listeners and releases controls, frame and sidebar.
    void SAL_CALL disposing() override;

private:
    static constexpr std::size_t kMetadataFieldCount = 5; // 单位, 项目名称, 年度, 预算, 实际支出

    // Which of the deck's panels this is: the last part of its resource URL.
    enum class Part { Report, Table, Checks, Sections, Status };
    static Part partOf(const OUString& resourceUrl);

    css::uno::Reference<css::awt::XControl>
    addControl(const OUString& kind, const OUString& name,
               std::initializer_list<std::pair<OUString, css::uno::Any>> properties);
    template <typename Interface>
    css::uno::Reference<Interface> add(const OUString& kind, const OUString& name,
                                       std::initializer_list<std::pair<OUString, css::uno::Any>> properties) {
        return css::uno::Reference<Interface>(addControl(kind, name, properties), css::uno::UNO_QUERY_THROW);
    }
    css::uno::Reference<css::awt::XControl> addButton(const OUString& name, const std::string& labelKey,
                                                      std::function<void()> onClick);
    // Attaches `handler` to a list's or check box's item events; disposing() detaches it.
    template <typename Control> void onItemChanged(const Control& control, std::function<void()> handler);
    bool isDisposed() const { return rBHelper.bDisposed || rBHelper.bInDispose; }
    void build();
    void buildReport(bool readOnly);
    void buildTable(bool readOnly);
    void buildChecks(bool readOnly);
    void buildSections(bool readOnly);
    void buildStatus();
    // Lays the panel out again after a text changed its height, and asks the sidebar to make room.
    void relayout();
    // The deck's status line; `detail` (the office's own error text) becomes its tooltip.
    void setStatus(const std::string& text, const std::string& detail = {});
    void showStatus(); // the 状态 panel: the frame's status line as deck_status holds it
    void setLabel(const css::uno::Reference<css::awt::XFixedText>& label, const std::string& text);
    void refreshSummary();
    // The summary and the controller's notice, on the panel that shows them (打分表).
    void showSummary(DocumentController& controller);
    // The findings list brought to `lines`, changing only the lines that differ from those shown.
    void showFindings(std::vector<std::string> lines);
    // The box under the findings list: the chosen finding whole (empty: none chosen).
    void showFindingDetail(const std::string& text);
    void fillTemplates();
    // The chosen template's name, whole, in the label under the chooser and as the chooser's tooltip.
    void showTemplateName(const std::string& name);
    // The template 插入打分表 uses: the one chosen in 报告信息, else the options' default (else the first).
    std::string chosenTemplate() const;
    css::uno::Reference<css::frame::XModel> model() const;
    static std::string selectedItem(const css::uno::Reference<css::awt::XListBox>& list,
                                    const std::vector<std::string>& ids);
    // Runs a button's action, turning any error into a status line instead of an exception in the toolkit.
    void guarded(const std::function<void()>& action);

    void onInsertScoreTable();
    void onInsertFundingTable();
    void onInsertReport();
    void onValidate();
    void onGenerateSection();
    void onFindingChosen();
    void onLiveToggled();
    void onSaveMetadata();
    void onConvertToLive();
    void onRollForward();
    void onRecompute();
    void onAddComments();
    void onHelp();
    // Asks a yes/no question in a message box over the panel; true for yes.
    // Before 重算 of a report graded with bands other than the options': asks whether to re-grade it with
    // the options' (one undo step; true when it did) or keep its own (false). `said` gets what the status
    // line says of either, before what 重算 then did.
    bool regradeAsked(std::string& said);
    bool confirm(const std::string& title, const std::string& message);
    void fillMetadata();

    css::uno::Reference<css::uno::XComponentContext> context_;
    OUString resourceUrl_;
    Part part_;
    css::uno::Reference<css::frame::XFrame> frame_;
    css::uno::Reference<css::ui::XSidebar> sidebar_;
    css::uno::Reference<css::awt::XControlContainer> container_;
    css::uno::Reference<css::awt::XWindow> window_;
    PanelLayout layout_;
    // The controls the panel reads or changes after build(), made once there and used through their own
    // interfaces (the container knows them by name, the panel does not look them up).
    css::uno::Reference<css::awt::XListBox> templates_;
    css::uno::Reference<css::awt::XFixedText> templateName_; // the chosen template's name, whole
    std::array<css::uno::Reference<css::awt::XTextComponent>, kMetadataFieldCount> metadata_;
    css::uno::Reference<css::awt::XFixedText> summaryTotal_; // 总分 and 等级, bold: the summary's first line
    css::uno::Reference<css::awt::XFixedText> summary_;      // the rest of the summary
    css::uno::Reference<css::awt::XListBox> findings_;
    css::uno::Reference<css::awt::XFixedText> findingDetail_; // the chosen finding, whole
    css::uno::Reference<css::awt::XListBox> sections_;
    css::uno::Reference<css::awt::XCheckBox> live_;
    css::uno::Reference<css::awt::XFixedText> status_; // in the 状态 panel only
    // Each undoes one listener build() attached to a control; run by disposing().
    std::vector<std::function<void()>> detachers_;
    std::vector<std::string> templateIds_;
    std::vector<std::string> sectionIds_;
    int lastWidth_ = 0;
    int lastHeight_ = 0;
    int statusObserverId_ = 0; // the 状态 panel's observer at deck_status
    // The document's controller, which tells this panel of live summary updates while observerId_ is set.
    rtl::Reference<DocumentController> controller_;
    int observerId_ = 0;
    int noticeSeen_ = 0; // the controller's last notice shown in the status line
    // What the summary and the findings list show now: set again only when it changes (a keystroke that
    // leaves the findings as they were keeps the list, and the finding the user selected in it).
    std::pair<std::string, std::string> shownSummary_; // the headline's text and the text under it
    std::vector<std::string> shownFindings_;
};

} // namespace jixiao::office
