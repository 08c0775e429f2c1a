"""A typed number whose number format hides decimals (Calc shows 3, holds 3.4): the sheet computes with 3.4 and
the printed figures do not add up. 校验 names that cell as the cause, beside the totals it throws off; a cell
showing all it holds, and a share shown as a rounded percentage, are no finding."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.lang import Locale

from office import Office, OfficeCase, sample_scorecard_json

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class CalcHiddenDecimalsTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()
        office.set_live_recompute(False)  # the figures below stay as typed for 校验 to read
        self.addCleanup(office.set_live_recompute, True)  # the setting outlives the document
        self.doc = office.new_document("scalc")
        self.tool.importScorecard(self.doc, sample_scorecard_json())
        self.sheet = self.doc.Sheets.getByIndex(0)

    def tearDown(self):
        self.doc.close(True)

    def format_key(self, code):
        formats = self.doc.NumberFormats
        key = formats.queryKey(code, Locale(), False)
        return key if key != -1 else formats.addNew(code, Locale())

    def hidden(self):
        return [f for f in self.tool.validate(self.doc) if f.RuleId == "cell.hidden-decimals"]

    def test_a_score_formatted_to_hide_its_decimals_is_named(self):
        score = self.sheet.getCellRangeByName("G20")  # 经济效益: 3 of 6
        score.setValue(3.4)
        score.NumberFormat = self.format_key("0")
        self.doc.calculateAll()
        self.assertEqual(score.getString(), "3")
        self.assertEqual(self.sheet.getCellRangeByName("G24").getString(), "97.4")  # the printed total
        findings = self.hidden()
        self.assertEqual(len(findings), 1, [(f.RuleId, f.Message) for f in self.tool.validate(self.doc)])
        self.assertEqual(findings[0].Cell, "工作表1.G20")
        self.assertIn("显示为 3，实际数值为 3.4", findings[0].Message)

    def test_what_a_cell_shows_whole_is_no_finding(self):
        self.sheet.getCellRangeByName("G20").setValue(3.5)  # General format: shows 3.5
        amount = self.sheet.getCellRangeByName("B29")  # 工资补助 0.72, shown with two decimals
        amount.NumberFormat = self.format_key("0.00")
        self.assertEqual(self.hidden(), [])


if __name__ == "__main__":
    unittest.main()
