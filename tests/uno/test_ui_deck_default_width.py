"""The deck at the sidebar's default width, at the normal font and at double size (SAL_FORCEDPI=192). A sidebar that
was collapsed to its tab bar (Writer's, in a new profile) opens at LibreOffice's default width when the deck is
opened by its command (Tools ▸ 绩效评价, Ctrl+Alt+J): SidebarChildWindow::GetDefaultWidth, 146 app-font units for
the deck (the width of the paragraph panel) plus the tab bar; a click on the deck's tab instead sets the sidebar
to the deck's minimal width (test_ui_deck_scaling.py). There every control of every panel gets the size it asks
for, the chosen template's name is shown whole, and so is every finding once chosen in the list, in the wrapped
box under it (the list's lines are cut at the deck's width). Screenshots: deck-default-<panel>-<dpi>.png."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON
from com.sun.star.awt import Size
from com.sun.star.util.MeasureUnit import APPFONT

from deck_measure import (FontSizeCase, describe, kind_of, panel_problems, screenshot_panel, settle_layout,
                          too_small)
from office import wait_until
from test_ui_findings import finding_lines
from ui_helpers import DECK, click, find, status_text, summary_text

CHECKS = "org.jixiao.Jixiao.ChecksPanel"  # 校验结果
DEFAULT_DECK_WIDTH = 146  # app-font units: sfx2/source/sidebar/SidebarChildWindow.cxx, GetDefaultWidth


class DefaultWidthCase(FontSizeCase):
    def open_deck_by_its_command(self):
        """A new Writer document in a 1400×900 window, its sidebar collapsed to the tab bar as a new profile has
        it, and the deck opened by .uno:SidebarDeck (what Tools ▸ 绩效评价 and Ctrl+Alt+J send)."""
        doc = self.office.new_document("swriter", hidden=False)
        frame = doc.CurrentController.Frame
        frame.ContainerWindow.setPosSize(0, 0, 1400, 900, 15)
        sidebar = doc.CurrentController.getSidebar()
        sidebar.setVisible(True)
        self.assertTrue(wait_until(lambda: sidebar.getDecks().hasByName(DECK), timeout=20), "no 绩效评价 deck")
        decks = sidebar.getDecks()
        self.assertFalse([name for name in decks.getElementNames() if decks.getByName(name).isActive()],
                         "the sidebar of a new profile's first window is collapsed to its tab bar")
        self.office.service("com.sun.star.frame.DispatchHelper").executeDispatch(
            frame, ".uno:SidebarDeck." + DECK, "", 0, ())
        deck = decks.getByName(DECK)
        self.assertTrue(wait_until(lambda: deck.isActive(), timeout=20), "the deck's command did not open it")
        return doc, frame.ContainerWindow, deck

    def test_nothing_is_cut_at_the_default_width(self):
        doc, window, deck = self.open_deck_by_its_command()
        try:
            panels = deck.getPanels()
            first = panels.getByIndex(0)
            first.expand(True)  # the others collapse: no scroll bar takes from the deck's width
            container = first.getDialog()
            self.assertTrue(wait_until(lambda: container.getPosSize().Width > 0 and
                                       settle_layout(self.office, container), timeout=20))
            default = container.getPeer().convertSizeToPixel(Size(DEFAULT_DECK_WIDTH, 0), APPFONT).Width
            self.assertEqual(container.getPosSize().Width, default,
                             f"at {self.label()} the deck is not at the sidebar's default width")

            # A scoring table and 校验, so the summary has its lines and the findings list findings; with
            # every panel open, as the accessibility tree holds only those (the deck scrolls).
            for i in range(panels.getCount()):
                panels.getByIndex(i).expand(False)
            button = wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON), timeout=20)
            self.assertIsNotNone(button, "插入打分表 not found")
            button.doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: "\n" in (summary_text(window) or ""), timeout=30),
                            summary_text(window))
            click(self.office.display, wait_until(lambda: find(window, "校验", PUSH_BUTTON), timeout=20))
            self.assertTrue(wait_until(lambda: "校验完成" in (status_text(window) or ""), timeout=30),
                            status_text(window))
            # And a score out of range: a finding of its own, longer than the list is wide.
            doc.TextTables.getByIndex(0).getCellByName("G2").setString("99")
            self.assertTrue(wait_until(lambda: any("超出范围" in l for l in finding_lines(window)[0]), timeout=30),
                            finding_lines(window)[0])
            problems = self.findings_read_whole(doc, window, panels.getByName(CHECKS).getDialog())

            for i in range(panels.getCount()):  # each panel alone, whole, for its screenshot
                panel = panels.getByIndex(i)
                panel.expand(True)
                container = panel.getDialog()
                self.assertTrue(wait_until(lambda: container.getPosSize().Height > 0 and
                                           settle_layout(self.office, container), timeout=20), panel.getId())
                problems += panel_problems(panel.getTitle(), container)
                screenshot_panel(self.office, container,
                                 f"deck-default-{panel.getId().rsplit('.', 1)[1]}-{self.label()}.png")
            self.assertEqual(problems, [], f"at {self.label()}, {default} px wide")
        finally:
            doc.close(True)

    def findings_read_whole(self, doc, window, container):
        """Each finding chosen in the list in turn: the box under the list shows it whole, wrapped (the list's
        line is cut at the deck's width) — its message as validate() words it, or for the line of unscored
        indicators (还有 21 项未打分) each of their names; what is wrong, or nothing."""
        lines, listbox = finding_lines(window)
        if not lines:
            return ["校验结果: 校验 found nothing to read"]
        findings = self.office.tool().validate(doc)
        unscored = [f.Indicator for f in findings if f.RuleId == "score.missing"]
        details = [c for c in container.getControls() if kind_of(c) == "FixedText" and c.getModel().MultiLine]
        problems = []
        for index, line in enumerate(lines):
            listbox.selectAccessibleChild(index)

            def shown():
                return [c for c in details if c.getModel().Label.startswith(line)]
            if not wait_until(lambda: shown() and settle_layout(self.office, container), timeout=20):
                problems.append(f"校验结果: “{line[:30]}” chosen, no box under the list shows it whole")
                continue
            text = shown()[0].getModel().Label
            left_out = ([name for name in unscored if name not in text] if "项未打分" in line
                        else [] if any(f.Message in text for f in findings) else [line])
            if left_out:
                problems.append(f"校验结果: “{line[:30]}” chosen, the box under the list leaves out {left_out}")
            problems += [f"校验结果: {too_small(c)}" for c in shown() if too_small(c)]
            problems += [f"校验结果: {describe(c)} runs past the panel's right edge" for c in shown()
                         if c.getPosSize().X + c.getPosSize().Width > container.getPosSize().Width]
        return problems


class NormalFontTest(DefaultWidthCase):
    DPI = None


class DoubleFontTest(DefaultWidthCase):
    DPI = 192


del DefaultWidthCase  # the base alone is not a test

if __name__ == "__main__":
    unittest.main()
