"""The 绩效评价 deck as a user meets it: soffice under Xvfb, the deck opened, its controls found through the
accessibility tree, 插入打分表 clicked, screenshots kept as test artefacts."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON

from office import Office
from ui_helpers import find, screenshot, wait_for

DECK = "org.jixiao.Jixiao.Deck"
PANEL = "org.jixiao.Jixiao.MainPanel"

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


class SidebarDeckTest(unittest.TestCase):
    def open_deck(self, kind):
        doc = office.new_document(kind, hidden=False)
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1400, 900, 15)
        sidebar = doc.CurrentController.getSidebar()
        sidebar.setVisible(True)
        decks = sidebar.getDecks()
        self.assertTrue(decks.hasByName(DECK), decks.getElementNames())
        deck = decks.getByName(DECK)
        deck.activate(True)
        self.assertTrue(wait_for(lambda: deck.isActive()))
        self.assertIn(PANEL, deck.getPanels().getElementNames())
        return doc, window

    def test_writer_deck_inserts_the_scoring_table(self):
        doc, window = self.open_deck("swriter")
        try:
            button = wait_for(lambda: find(window, "插入打分表", PUSH_BUTTON))
            self.assertIsNotNone(button, "插入打分表 not found in the accessibility tree")
            for label in ("插入资金明细表", "校验", "生成段落"):
                self.assertIsNotNone(find(window, label, PUSH_BUTTON), label)
            screenshot("writer-deck.png", office.display)
            button.doAccessibleAction(0)
            self.assertTrue(wait_for(lambda: doc.TextTables.getCount() == 1), "no table was inserted")
            table = doc.TextTables.getByIndex(0)
            self.assertEqual(table.getCellByName("A1").getString().replace("\n", ""), "一级指标")
            screenshot("writer-deck-table.png", office.display)
        finally:
            doc.close(True)

    def test_calc_deck_shows_the_panel(self):
        doc, window = self.open_deck("scalc")
        try:
            self.assertIsNotNone(wait_for(lambda: find(window, "插入打分表", PUSH_BUTTON)))
            screenshot("calc-deck.png", office.display)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
