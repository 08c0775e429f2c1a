"""The scoring table's caption follows the report details (issue 19, item 6): a table inserted from the deck before
单位, 项目名称 and 年度 are known is captioned with the fragment "支出绩效评价指标体系及打分表"; once the details are in
the document's properties, 重算 (clicked with the mouse on a private Xvfb) writes the full caption as one undo step
(Ctrl+Z pressed for real gives the fragment back), and a caption the user typed over is left as it is."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON
from com.sun.star.beans.PropertyAttribute import REMOVEABLE

from office import Office, OfficeCase, wait_until
from ui_helpers import click, find, focus_document, open_deck, screenshot, status_text, type_keys

office = Office(headless=False)

FRAGMENT = "支出绩效评价指标体系及打分表"
FULL = "平安县财政局2025年度乡村道路建设支出绩效评价指标体系及打分表"


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


def caption_paragraph(doc):
    """The paragraph right above the first table of the body text."""
    previous = None
    elements = doc.Text.createEnumeration()
    while elements.hasMoreElements():
        element = elements.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            return previous
        previous = element
    return None


def fill_details(doc, **details):
    """单位, 项目名称, 年度 as File ▸ Properties ▸ Custom Properties (where the deck's fields keep them) hold them."""
    user = doc.DocumentProperties.UserDefinedProperties
    for name, value in details.items():
        if user.PropertySetInfo.hasPropertyByName(name):
            user.setPropertyValue(name, value)
        else:
            user.addProperty(name, REMOVEABLE, value)


class TableCaptionTest(OfficeCase):
    def setUp(self):
        self.doc, self.window = open_deck(office, "swriter")
        insert = wait_until(lambda: find(self.window, "插入打分表", PUSH_BUTTON), timeout=20)
        click(office.display, insert)
        self.assertTrue(wait_until(lambda: self.doc.TextTables.getCount() == 1, timeout=20), "no table inserted")
        self.assertTrue(wait_until(lambda: self.caption() == FRAGMENT, timeout=20), self.caption())

    def tearDown(self):
        self.doc.close(True)

    def caption(self):
        paragraph = caption_paragraph(self.doc)
        return paragraph.getString() if paragraph is not None else None

    def recompute(self):
        click(office.display, find(self.window, "重算", PUSH_BUTTON))
        office.settle()  # the click's handler has run

    def test_recompute_writes_the_caption_from_the_details_as_one_undo_step(self):
        fill_details(self.doc, 单位="平安县财政局", 项目名称="乡村道路建设", 年度="2025")
        self.recompute()
        self.assertTrue(wait_until(lambda: self.caption() == FULL, timeout=20),
                        f"{self.caption()!r}; the deck says {status_text(self.window)!r}")
        screenshot("caption-follows-details.png", office.display)
        self.assertEqual(self.doc.UndoManager.getCurrentUndoActionTitle(), "更新打分表标题")
        focus_document(self.doc, office.display)
        type_keys(office.display, "ctrl+z")
        self.assertTrue(wait_until(lambda: self.caption() == FRAGMENT, timeout=20), self.caption())
        self.assertEqual(self.doc.TextTables.getCount(), 1, "one Ctrl+Z took more than the caption")
        # Its mark is back with it: a second 重算 writes it again.
        self.recompute()
        self.assertTrue(wait_until(lambda: self.caption() == FULL, timeout=20), self.caption())

    def test_a_recompute_that_writes_cells_and_the_caption_is_one_undo_step(self):
        # With 实时重算 off the table falls behind an edit; 重算 then rewrites its cells and the caption, and
        # one Ctrl+Z takes both back, leaving the edit.
        office.set_live_recompute(False)
        self.addCleanup(office.set_live_recompute, True)  # the setting outlives the document
        table = self.doc.TextTables.getByIndex(0)
        score, deduction = table.getCellByName("G2"), table.getCellByName("H2")
        weight = table.getCellByName("F2").getString()
        score.setString(weight)
        office.settle()
        stale = deduction.getString()
        self.assertNotEqual(stale, "0", "the table kept up with the edit: live recompute is still on")
        fill_details(self.doc, 单位="平安县财政局", 项目名称="乡村道路建设", 年度="2025")
        self.recompute()
        self.assertTrue(wait_until(lambda: self.caption() == FULL, timeout=20), self.caption())
        self.assertEqual(deduction.getString(), "0")
        self.assertEqual(self.doc.UndoManager.getCurrentUndoActionTitle(), "重算打分表")
        focus_document(self.doc, office.display)
        type_keys(office.display, "ctrl+z")
        self.assertTrue(wait_until(lambda: self.caption() == FRAGMENT, timeout=20), self.caption())
        self.assertEqual(deduction.getString(), stale, "one Ctrl+Z took the caption back but not the cells")
        self.assertEqual(score.getString(), weight, "one Ctrl+Z took more than 重算")

    def test_a_caption_the_user_edited_is_left_alone(self):
        view = self.doc.CurrentController.getViewCursor()
        view.gotoRange(caption_paragraph(self.doc).getEnd(), False)
        focus_document(self.doc, office.display)
        type_keys(office.display, "x")
        self.assertTrue(wait_until(lambda: self.caption() == FRAGMENT + "x", timeout=20), self.caption())
        fill_details(self.doc, 单位="平安县财政局", 项目名称="乡村道路建设", 年度="2025")
        self.recompute()
        self.assertEqual(self.caption(), FRAGMENT + "x")
        self.assertNotEqual(self.doc.UndoManager.getCurrentUndoActionTitle(), "更新打分表标题")


if __name__ == "__main__":
    unittest.main()
