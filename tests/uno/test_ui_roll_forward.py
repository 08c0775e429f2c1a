"""从上年报告开始 from the deck: soffice under Xvfb, last year's sample report open with the 绩效评价 deck, the
button pressed; a new untitled document for 2026 opens beside it with its scores cleared, the original unchanged,
and a screenshot of the rolled-forward table is kept as a test artefact."""
import os
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON

from office import Office, OfficeCase, changes, copy_seed, scratch_dir, snapshot, wait_until
from ui_helpers import find, open_deck, screenshot

office = Office(headless=False)
WORK = scratch_dir("jixiao-ui-rollforward-")


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


def untitled_writer_documents():
    found = []
    components = office.desktop.getComponents().createEnumeration()
    while components.hasMoreElements():
        component = components.nextElement()
        if component.supportsService("com.sun.star.text.TextDocument") and component.getURL() == "":
            found.append(component)
    return found


class RollForwardDeckTest(OfficeCase):
    def test_the_deck_button_opens_next_years_report(self):
        doc = office.load(copy_seed("sample-report.docx", WORK), hidden=False)
        rolled = None
        try:
            doc, window = open_deck(office, "swriter", doc)
            before = snapshot(doc)
            button = wait_until(lambda: find(window, "从上年报告开始", PUSH_BUTTON), timeout=20)
            self.assertIsNotNone(button, "从上年报告开始 not found in the accessibility tree")
            button.doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: len(untitled_writer_documents()) == 1, timeout=30),
                            "no new document opened")
            rolled = untitled_writer_documents()[0]
            self.assertFalse(doc.isModified())
            self.assertEqual(changes(before, snapshot(doc)), {}, "the original changed")
            table = rolled.TextTables.getByIndex(0)
            self.assertTrue(wait_until(lambda: table.getCellByName("G2").getString() == "", timeout=10))
            self.assertEqual(table.getCellByName("F2").getString(), "1")  # the weight stays
            self.assertIn("2026年度", rolled.Text.createEnumeration().nextElement().getString())
            # The rolled-forward table in view: its caption and first rows, scores empty, weights kept.
            frame = rolled.CurrentController.Frame
            frame.ContainerWindow.setPosSize(0, 0, 1400, 900, 15)
            frame.ContainerWindow.setFocus()
            view = rolled.CurrentController.getViewCursor()
            view.gotoRange(table.getCellByName("A1").getStart(), False)
            self.assertTrue(wait_until(lambda: rolled.CurrentController.Frame.ContainerWindow.isVisible(), timeout=10))
            path = screenshot("writer-rolled-forward-table.png", office.display)
            self.assertGreater(os.path.getsize(path), 0)
        finally:
            if rolled is not None:
                rolled.close(True)
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
