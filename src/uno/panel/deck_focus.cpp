#include "uno/panel/deck_focus.hpp"

#include "uno/base/command_job.hpp"
#include "uno/base/log.hpp"

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>

using namespace css;
using css::uno::Reference;

namespace jixiao::office {

namespace {
constexpr const char* kDeckId = "org.jixiao.Jixiao.Deck"; // registry/Sidebar.xcu

// The deck when the sidebar lists it and shows it open (not collapsed to its tab bar, not another deck).
Reference<ui::XDeck> shownDeck(const Reference<ui::XSidebarProvider>& sidebar) {
    const OUString id = OUString::createFromAscii(kDeckId);
    if (!sidebar->isVisible())
        return {};
    const Reference<ui::XDecks> decks = sidebar->getDecks();
    if (!decks.is() || !decks->hasByName(id))
        return {};
    Reference<ui::XDeck> deck(decks->getByName(id), uno::UNO_QUERY);
    return deck.is() && deck->isActive() ? deck : Reference<ui::XDeck>();
}

void focusFirstPanel(const Reference<ui::XDeck>& deck) {
    const Reference<ui::XPanels> panels = deck->getPanels();
    if (!panels.is())
        return;
    const uno::Sequence<OUString> names = panels->getElementNames();
    if (names.getLength() == 0)
        return;
    const Reference<ui::XPanel> panel(panels->getByName(names[0]), uno::UNO_QUERY);
    const Reference<awt::XWindow> window = panel.is() ? panel->getDialog() : Reference<awt::XWindow>();
    if (window.is())
        window->setFocus();
}
} // namespace

bool focusDeck(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame) {
    try {
        if (!frame.is())
            return false;
        const Reference<frame::XController2> controller(frame->getController(), uno::UNO_QUERY);
        const Reference<ui::XSidebarProvider> sidebar =
            controller.is() ? controller->getSidebar() : Reference<ui::XSidebarProvider>();
        if (!sidebar.is())
            return false;
        Reference<ui::XDeck> deck = shownDeck(sidebar);
        const OUString id = OUString::createFromAscii(kDeckId);
        if (!deck.is() && sidebar->isVisible() && sidebar->getDecks()->hasByName(id)) {
            // On another deck: switched to ours (this never closes anything).
            Reference<ui::XDeck>(sidebar->getDecks()->getByName(id), uno::UNO_QUERY_THROW)->activate(true);
            deck = shownDeck(sidebar);
        }
        if (!deck.is()) {
            // Hidden (View ▸ Sidebar off) or collapsed to its tab bar: the sidebar's own command opens it on
            // the deck from there (it toggles only a deck already shown, which is not the case here).
            frame::DispatchHelper::create(context)->executeDispatch(
                Reference<frame::XDispatchProvider>(frame, uno::UNO_QUERY_THROW), ".uno:SidebarDeck." + id,
                "", 0, {});
            deck = shownDeck(sidebar);
        }
        if (deck.is())
            focusFirstPanel(deck);
        return deck.is();
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(warn, "focus deck: " << e.Message);
    }
    return false;
}

Reference<uno::XInterface> createFocusDeckJob(const Reference<uno::XComponentContext>& context) {
    return createCommandJob(context, "org.jixiao.FocusDeck",
                            [](const Reference<uno::XComponentContext>& office) {
                                try {
                                    focusDeck(office, frame::Desktop::create(office)->getCurrentFrame());
                                } catch (const uno::Exception& e) {
                                    JIXIAO_LOG(warn, "focus deck: " << e.Message);
                                }
                            });
}

} // namespace jixiao::office
