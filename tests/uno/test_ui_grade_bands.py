"""Issue 19 item 4 in the deck, with real clicks on a windowed office (Xvfb): a finished report graded with
优秀 ≥ 90 is not re-graded when the options change to 98. The summary says the report keeps its own bands,
and 重算 asks: 否 keeps them (and 优秀), 是 re-grades (良好) as one undo step."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON

from office import Office, OfficeCase, set_option, wait_until
from top_windows import TopWindowWatch, question
from ui_helpers import click, find, move_pointer, open_deck, screenshot, status_text, summary_text

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


def set_excellent(value):
    """Tools ▸ Options ▸ 绩效评价 ▸ 优秀."""
    set_option(office, "GradeExcellent", float(value))


class DeckAsksBeforeRegradingTest(OfficeCase):
    def setUp(self):
        self.addCleanup(set_excellent, 90)
        set_excellent(90)
        self.doc, self.window = open_deck(office, "swriter")
        self.tool = office.tool()
        self.table = self.doc.TextTables.getByName(self.tool.insertScoreTable(self.doc, "county-project"))
        for row in range(2, 23):
            self.cell(f"G{row}").setString(self.cell(f"F{row}").getString())
        self.cell("G21").setString("3")  # 可持续影响 6 → 3: total 97
        self.assertTrue(wait_until(lambda: self.text("B24") == "优秀"), self.text("B24"))

    def tearDown(self):
        self.doc.close(True)

    def cell(self, name):
        return self.table.getCellByName(name)

    def text(self, name):
        return self.cell(name).getString()

    def answer_recompute(self, answer):
        recompute = find(self.window, "重算", PUSH_BUTTON)
        where = recompute.getLocationOnScreen()
        with TopWindowWatch(office) as watch:
            # On Xvfb (no window manager) the first click after a message box closed is at times taken by the
            # frame getting its focus back, not by the button: clicked again while no question shows.
            for _ in range(3):
                move_pointer(office.display, where.X + 3, where.Y + 3)  # a motion onto the button, then the click
                click(office.display, recompute)
                box, button = question(watch, answer, timeout=8)
                if button:
                    break
            self.assertTrue(button, "no question; the deck says: " + str(status_text(self.window)))
            screenshot("grade-bands-question.png", office.display)
            click(office.display, button)
            # Answered: the box is gone before anything else is looked at (or clicked: the next question's box).
            self.assertTrue(watch.closed(box), "the question stayed open after " + answer)

    def test_recompute_asks_before_regrading(self):
        set_excellent(98)
        self.answer_recompute("否")
        self.assertTrue(wait_until(lambda: "已保留本报告的评价等级标准" in (status_text(self.window) or "")),
                        status_text(self.window))
        self.assertEqual(self.text("B24"), "优秀")
        self.assertTrue(wait_until(lambda: "与选项不同" in (summary_text(self.window) or "")), summary_text(self.window))
        self.assertIn("等级 优秀", summary_text(self.window))

        self.answer_recompute("是")
        self.assertTrue(wait_until(lambda: self.text("B24") == "良好"), self.text("B24"))
        self.assertTrue(wait_until(lambda: "已按新标准重新评定等级" in (status_text(self.window) or "")),
                        status_text(self.window))
        self.assertTrue(wait_until(lambda: "等级 良好" in (summary_text(self.window) or "")), summary_text(self.window))
        self.assertNotIn("与选项不同", summary_text(self.window))

        self.doc.UndoManager.undo()  # one step: the grade and the report's bands
        self.assertTrue(wait_until(lambda: self.text("B24") == "优秀"), self.text("B24"))
        user = self.doc.DocumentProperties.UserDefinedProperties
        self.assertTrue(user.getPropertyValue("评价等级标准").startswith("优秀 ≥ 90"))

    def test_recompute_goes_on_after_regrading(self):
        # Re-grading changes the grade only: the 扣分 and 合计 a score left stale (live recompute off) are
        # 重算's, in the same click, not a second one.
        office.set_live_recompute(False)
        self.addCleanup(office.set_live_recompute, True)  # the setting outlives the document
        self.cell("G22").setString("9")  # 服务对象满意度 10 → 9: 扣分 1, 合计 96, left as they were
        self.assertEqual((self.text("H22"), self.text("C23")), ("0", "97"))
        set_excellent(98)
        self.answer_recompute("是")
        self.assertTrue(wait_until(lambda: self.text("C23") == "96"), (self.text("H22"), self.text("C23")))
        self.assertEqual(self.text("H22"), "1")
        self.assertEqual(self.text("B24"), "良好")
        status = status_text(self.window) or ""
        self.assertTrue(wait_until(lambda: "已重算" in (status_text(self.window) or "")), status)
        self.assertIn("已按新标准重新评定等级", status_text(self.window))


if __name__ == "__main__":
    unittest.main()
