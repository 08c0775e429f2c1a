"""A figure typed over a computed cell of the funding table (实际支出合计, 占比, 预算执行率, 结余) is put back by live
recompute with a word in the deck's status line, in the funding table's terms — as a 扣分 typed over is in the
scoring table's (test_ui_keyboard). Real keys in Writer, where the cursor stays in the cell; in Calc, where Enter
moves on, the cell changed since the last run; there the formula goes back, not its value."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)

from office import Office, OfficeCase, sample_scorecard_json, wait_until
from ui_helpers import focus_document, open_deck, status_text, summary_text, type_keys

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


NOTICE = "由资金表自动计算"


class WriterFundingNoticeTest(OfficeCase):
    """The sample's scoring and funding tables imported into a new Writer document, the deck open."""

    def setUp(self):
        self.doc, self.window = open_deck(office, "swriter")
        office.tool().importScorecard(self.doc, sample_scorecard_json())
        self.assertTrue(wait_until(lambda: (summary_text(self.window) or "").startswith("总分")))
        self.table, self.spent = self.funding_total()
        self.display = office.display

    def tearDown(self):
        self.doc.close(True)

    def funding_total(self):
        """The funding table and the name of its 实际支出合计 amount cell (the cell right of the label)."""
        tables = self.doc.TextTables
        for i in range(tables.Count):
            table = tables.getByIndex(i)
            for name in table.CellNames:
                if table.getCellByName(name).getString() == "实际支出合计":
                    return table, "B" + name[1:]
        self.fail("no 实际支出合计 row in the imported funding table")

    def test_typing_over_the_spent_total_is_put_back_with_a_word(self):
        cell = self.table.getCellByName(self.spent)
        self.assertEqual(cell.getString(), "1.99")
        view = self.doc.CurrentController.getViewCursor()
        view.gotoRange(cell.getStart(), False)
        view.gotoRange(cell.getEnd(), True)
        focus_document(self.doc, self.display)
        type_keys(self.display, "9")
        self.assertTrue(wait_until(lambda: NOTICE in (status_text(self.window) or "")),
                        status_text(self.window))
        self.assertIn(self.spent, status_text(self.window))
        self.assertNotIn("扣分", status_text(self.window))
        self.assertTrue(wait_until(lambda: cell.getString() == "1.99"), cell.getString())


class CalcFundingNoticeTest(OfficeCase):
    """The same tables imported into a new Calc document (Jixiao's formulas in both), the deck open."""

    def setUp(self):
        self.doc, self.window = open_deck(office, "scalc")
        office.tool().importScorecard(self.doc, sample_scorecard_json())
        self.assertTrue(wait_until(lambda: (summary_text(self.window) or "").startswith("总分")))
        self.sheet = self.doc.Sheets.getByIndex(0)
        funding = self.sheet.getCellRangeByName(self.doc.NamedRanges.getByName("JixiaoFunding1").getContent())
        self.assertEqual(funding.getCellByPosition(0, 4).getString(), "实际支出合计")
        self.spent = funding.getCellByPosition(1, 4)
        self.display = office.display

    def tearDown(self):
        self.doc.close(True)

    def test_typing_over_the_spent_total_puts_its_formula_back_with_a_word(self):
        formula = self.spent.getFormula()
        self.assertTrue(formula.startswith("=SUM("), formula)
        name = self.spent.AbsoluteName.replace("$", "").split(".")[1]
        self.doc.CurrentController.select(self.spent)
        focus_document(self.doc, self.display)
        type_keys(self.display, "9", "Return")
        self.assertTrue(wait_until(lambda: NOTICE in (status_text(self.window) or "")),
                        status_text(self.window))
        self.assertIn(name, status_text(self.window))
        self.assertTrue(wait_until(lambda: self.spent.getFormula() == formula), self.spent.getFormula())
        self.assertEqual(self.spent.getString(), "1.99")


if __name__ == "__main__":
    unittest.main()
