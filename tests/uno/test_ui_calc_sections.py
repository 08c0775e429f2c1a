"""生成段落 in Calc where the user sees it (issue 19, item 6): the section is written on the sheet 报告 wrapped in a
column about a page wide, each row as high as its paragraph, and that sheet is brought forward with the section
selected; Ctrl+Z (pressed for real on a private Xvfb) takes it back in one step."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON

from office import Office, OfficeCase, wait_until
from ui_helpers import click, find, focus_document, open_deck, screenshot, status_text, type_keys

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


class CalcSectionTest(OfficeCase):
    def setUp(self):
        self.doc, self.window = open_deck(office, "scalc")
        office.tool().insertScoreTable(self.doc, "county-project")
        self.controller = self.doc.CurrentController

    def tearDown(self):
        self.doc.close(True)

    def report_sheet(self):
        sheets = self.doc.Sheets
        return sheets.getByName("报告") if sheets.hasByName("报告") else None

    def test_the_section_is_wrapped_shown_and_one_undo_step(self):
        first_sheet = self.controller.ActiveSheet.Name
        click(office.display, wait_until(lambda: find(self.window, "生成段落", PUSH_BUTTON), timeout=20))
        self.assertTrue(wait_until(lambda: self.report_sheet() is not None
                                   and self.report_sheet().getCellByPosition(0, 0).getString() != "", timeout=20),
                        f"no section written; the deck says {status_text(self.window)!r}")
        sheet = self.report_sheet()
        self.assertTrue(wait_until(lambda: self.controller.ActiveSheet.Name == "报告", timeout=20),
                        f"the sheet shown is {self.controller.ActiveSheet.Name}, not 报告 (was {first_sheet})")
        ranges = self.doc.NamedRanges
        section = [n for n in ranges.ElementNames if n.startswith("JixiaoSection_")]
        self.assertEqual(len(section), 1, ranges.ElementNames)
        area = ranges.getByName(section[0]).ReferredCells.RangeAddress
        selected = self.controller.Selection.RangeAddress
        self.assertEqual((selected.Sheet, selected.StartColumn, selected.StartRow, selected.EndColumn,
                          selected.EndRow),
                         (area.Sheet, area.StartColumn, area.StartRow, area.EndColumn, area.EndRow),
                         "the section is not what is selected")
        screenshot("calc-section-shown.png", office.display)

        self.assertGreaterEqual(sheet.Columns.getByIndex(0).Width, 17000, "column A is not a page wide")
        default_height = sheet.Rows.getByIndex(area.EndRow + 5).Height  # an empty row's
        for row in range(area.StartRow, area.EndRow + 1):
            cell = sheet.getCellByPosition(0, row)
            self.assertTrue(cell.IsTextWrapped, f"A{row + 1} does not wrap")
            if len(cell.getString()) > 80:  # more than one line at 17 cm: its row grew to hold it
                self.assertGreater(sheet.Rows.getByIndex(row).Height, default_height * 1.5, f"row {row + 1}")

        focus_document(self.doc, office.display)
        type_keys(office.display, "ctrl+z")
        self.assertTrue(wait_until(lambda: self.report_sheet() is None
                                   or self.report_sheet().getCellByPosition(0, 0).getString() == "", timeout=20),
                        "Ctrl+Z did not take the section back")
        self.assertFalse(any(n.startswith("JixiaoSection_") for n in self.doc.NamedRanges.ElementNames))
        self.assertEqual(self.doc.NamedRanges.hasByName(section[0]), False)
        self.assertTrue(any(n.startswith("JixiaoScore") for n in self.doc.NamedRanges.ElementNames),
                        "one Ctrl+Z took the scoring table too")


if __name__ == "__main__":
    unittest.main()
