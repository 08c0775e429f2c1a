"""The deck scales as LibreOffice's own panels do (issue 19, item 1): under Xvfb, at the normal font and at double
size (SAL_FORCEDPI=192, as on a 4K screen), every control of each of the deck's titled panels gets at least the
size it asks for — its preferred size (XLayoutConstrains), or for a wrapped text the height of that text wrapped at
the width it got — and each panel window is tall enough for all of its controls, so the sidebar cuts nothing; a
dropdown too narrow for its chosen entry has it shown whole in a label (deck_measure.py). The deck is opened by a
click on its tab, which in LibreOffice 7.4 sets the sidebar to the deck's minimal width (its narrowest);
test_ui_deck_default_width.py opens it at the sidebar's default width.
Screenshots of each panel at both sizes are kept in the test artefacts (deck-<panel>-<dpi>.png)."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import LABEL, PUSH_BUTTON

from deck_measure import FontSizeCase, panel_problems, screenshot_panel, settle_layout
from office import wait_until
from ui_helpers import DECK, click, find, status_text, summary_text, type_keys, walk

# registry/Sidebar.xcu's panels, in the deck's order, and their titles.
PANELS = (("org.jixiao.Jixiao.ReportPanel", "报告信息"), ("org.jixiao.Jixiao.MainPanel", "打分表"),
          ("org.jixiao.Jixiao.ChecksPanel", "校验结果"), ("org.jixiao.Jixiao.SectionsPanel", "报告段落"),
          ("org.jixiao.Jixiao.StatusPanel", "状态与帮助"))


class DeckScalingCase(FontSizeCase):
    def open_deck_by_its_tab(self):
        """A new Writer document in a 1400×900 window, the deck opened as a user opens it: a click on its tab in
        the sidebar's tab bar (which also widens the sidebar to the deck's minimal width)."""
        doc = self.office.new_document("swriter", hidden=False)
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1400, 900, 15)
        sidebar = doc.CurrentController.getSidebar()
        sidebar.setVisible(True)
        self.assertTrue(wait_until(lambda: sidebar.getDecks().hasByName(DECK), timeout=20), "no 绩效评价 deck")

        def tab():  # the tab bar's item (a tool bar item in 7.4): the only thing named 绩效评价 before it opens
            for context in walk(window.getAccessibleContext()):
                try:
                    if context.getAccessibleName() == "绩效评价" and context.getAccessibleRole() != LABEL:
                        return context
                except Exception:
                    continue
            return None
        deck = sidebar.getDecks().getByName(DECK)
        if deck.isActive():  # a window after the first opens on the deck as the last one left it
            panels = deck.getPanels()
            for i in range(panels.getCount()):
                panels.getByIndex(i).expand(False)
            return doc, window
        button = wait_until(tab, timeout=20)
        self.assertIsNotNone(button, "the 绩效评价 tab is not in the sidebar's tab bar")
        click(self.office.display, button)
        self.assertTrue(wait_until(lambda: deck.isActive(), timeout=20), "a click on the tab did not open the deck")
        return doc, window

    def test_no_control_is_smaller_than_it_asks_and_no_panel_cuts_one(self):
        doc, window = self.open_deck_by_its_tab()
        try:
            # A scoring table, so the summary has its lines: inserted with 插入打分表 as a user does.
            button = wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON), timeout=20)
            self.assertIsNotNone(button, "插入打分表 not found")
            button.doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: "\n" in (summary_text(window) or ""), timeout=30),
                            summary_text(window))
            deck = doc.CurrentController.getSidebar().getDecks().getByName(DECK)
            panels = deck.getPanels()
            shown = [(panels.getByIndex(i).getId(), panels.getByIndex(i).getTitle())
                     for i in range(panels.getCount())]
            problems = []
            for id_, title in shown:  # every panel the deck shows, whatever they are: each is measured
                panel = panels.getByName(id_)
                panel.expand(True)  # the others collapse: this one is shown whole for its screenshot
                container = panel.getDialog()
                controls = container.getControls()
                self.assertTrue(controls, id_)
                self.assertTrue(wait_until(lambda: container.getPosSize().Height > 0, timeout=10), id_)
                self.assertTrue(wait_until(lambda: settle_layout(self.office, container), timeout=20),
                                "the deck's layout did not settle")
                problems += panel_problems(title, container)
                screenshot_panel(self.office, container, f"deck-{id_.rsplit('.', 1)[1]}-{self.label()}.png")
            self.assertEqual(problems, [], f"at {self.label()}")
            self.assertEqual(shown, list(PANELS), "the deck's panels and their titles, in order")
        finally:
            doc.close(True)

    def test_then_a_mnemonic_presses_its_button(self):  # after the sizes: a second window finds the deck open
        """Alt+C, the mnemonic of 添加为批注(C), with the keyboard in the 校验结果 panel (after a click on 校验)."""
        doc, window = self.open_deck_by_its_tab()
        try:
            button = wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON), timeout=20)
            button.doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: "已插入打分表" in (status_text(window) or ""), timeout=30),
                            status_text(window))
            click(self.office.display, find(window, "校验", PUSH_BUTTON))
            self.assertTrue(wait_until(lambda: "校验完成" in (status_text(window) or ""), timeout=30),
                            status_text(window))
            type_keys(self.office.display, "alt+c")
            self.assertTrue(wait_until(lambda: "批注" in (status_text(window) or ""), timeout=30),
                            status_text(window))
            # 重算 on a table live recompute keeps current: said in words, not "写入 0 个单元格".
            find(window, "重算", PUSH_BUTTON).doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: "表格已是最新" in (status_text(window) or ""), timeout=30),
                            status_text(window))
        finally:
            doc.close(True)

    def test_then_help_opens_the_guide_shipped_in_the_package(self):
        """帮助 in 状态与帮助, clicked: the guide inside the installed extension opens in the office, read-only (not
        LibreOffice's 帮助未安装)."""
        packages = self.office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
        url = packages.getPackageLocation("org.jixiao.Jixiao") + "/help/guide.html"

        def guides():
            return [c for c in self.office.desktop.Components
                    if c.supportsService("com.sun.star.document.OfficeDocument") and c.getURL() == url]
        doc, window = self.open_deck_by_its_tab()
        try:
            click(self.office.display, wait_until(lambda: find(window, "帮助", PUSH_BUTTON), timeout=20))
            self.assertTrue(wait_until(lambda: len(guides()) == 1, timeout=30), url)
            guide = guides()[0]
            self.assertTrue(dict((a.Name, a.Value) for a in guide.getArgs())["ReadOnly"])
            guide.close(True)
        finally:
            doc.close(True)


class NormalFontTest(DeckScalingCase):
    DPI = None


class DoubleFontTest(DeckScalingCase):
    DPI = 192


del DeckScalingCase  # the base alone is not a test

if __name__ == "__main__":
    unittest.main()
