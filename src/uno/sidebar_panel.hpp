// Jixiao's sidebar panel: the deck's one panel, built from toolkit controls at run time so it can lay itself
// out at whatever width the sidebar gives it. It holds no document state: everything it shows is asked of
// the document's controller when it is needed, so the sidebar may create and destroy panels at will.
#pragma once

#include "uno/ustring.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>

#include <functional>
#include <string>
#include <vector>

namespace jixiao::office {

class SidebarPanel : public cppu::WeakImplHelper4<css::ui::XUIElement, css::ui::XToolPanel,
                                                  css::ui::XSidebarPanel, css::lang::XComponent> {
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

    // XComponent
    void SAL_CALL dispose() override;
    void SAL_CALL addEventListener(const css::uno::Reference<css::lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const css::uno::Reference<css::lang::XEventListener>&) override {}

private:
    struct Row {
        std::vector<css::uno::Reference<css::awt::XControl>> controls; // laid out side by side
        std::vector<int> weights;                                      // share of the width of each
        int height = 0;
    };

    css::uno::Reference<css::awt::XControl>
    addControl(const OUString& kind, const OUString& name,
               std::initializer_list<std::pair<OUString, css::uno::Any>> properties);
    css::uno::Reference<css::awt::XControl> addButton(const OUString& name, const std::string& labelKey,
                                                      std::function<void()> onClick);
    void build();
    void layout(int width);
    int contentHeight() const;
    // The status line; `detail` (the office's own error text) becomes its tooltip.
    void setStatus(const std::string& text, const std::string& detail = {});
    void refreshSummary();
    void fillTemplates();
    css::uno::Reference<css::frame::XModel> model() const;
    std::string selectedItem(const OUString& controlName, const std::vector<std::string>& ids) const;
    // Runs a button's action, turning any error into a status line instead of an exception in the toolkit.
    void guarded(const std::function<void()>& action);

    void onInsertScoreTable();
    void onInsertFundingTable();
    void onValidate();
    void onGenerateSection();
    void onFindingChosen();
    void onLiveToggled();
    void onSaveMetadata();
    void onConvertToLive();
    void onRecompute();
    // Asks a yes/no question in a message box over the panel; true for yes.
    bool confirm(const std::string& title, const std::string& message);
    void fillMetadata();
    css::uno::Reference<css::awt::XControl> control(const OUString& name) const;

    css::uno::Reference<css::uno::XComponentContext> context_;
    OUString resourceUrl_;
    css::uno::Reference<css::frame::XFrame> frame_;
    css::uno::Reference<css::ui::XSidebar> sidebar_;
    css::uno::Reference<css::awt::XControlContainer> container_;
    css::uno::Reference<css::awt::XWindow> window_;
    std::vector<Row> rows_;
    std::vector<std::pair<OUString, css::uno::Reference<css::awt::XControl>>> named_;
    std::vector<std::string> templateIds_;
    std::vector<std::string> sectionIds_;
    int lastWidth_ = 0;
    int observerId_ = 0; // our registration with the document controller, for live summary updates
    int noticeSeen_ = 0; // the controller's last notice shown in the status line
};

} // namespace jixiao::office
