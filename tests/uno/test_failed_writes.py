"""A change that fails part-way leaves the document as it was (never half written): the whole document, stored
as flat XML before and after, is the same, and the undo stack has no step of the failed change."""
import os
import re
import shutil
import tempfile
import unittest

import uno
from com.sun.star.uno import Exception as UnoException

from office import Office, OfficeCase, props, sample_scorecard_json

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def flat_xml(doc, directory, name):
    """The document's content and styles as the office stores them (flat ODF), without what changes with every
    store or view (meta data, view settings)."""
    path = os.path.join(directory, name)
    flat = "OpenDocument Spreadsheet Flat XML" if doc.supportsService(
        "com.sun.star.sheet.SpreadsheetDocument") else "OpenDocument Text Flat XML"
    doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=flat))
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"<office:meta>.*?</office:meta>", "", text, flags=re.S)
    return re.sub(r"<office:settings>.*?</office:settings>", "", text, flags=re.S)


class FailedCalcSectionTest(OfficeCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jixiao-failed-")
        self.tool = office.tool()
        self.doc = office.new_document("scalc")
        self.tool.importScorecard(self.doc, sample_scorecard_json())

    def tearDown(self):
        self.doc.close(True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def assert_unchanged_by(self, change):
        undo = self.doc.UndoManager
        undo.clear()
        undo.enterUndoContext("用户的修改")  # a step of the user's own, which the failure must not take back
        self.doc.Sheets.getByIndex(0).getCellByPosition(12, 0).setString("用户")
        undo.leaveUndoContext()
        before = flat_xml(self.doc, self.dir, "before.fods")
        with self.assertRaises(UnoException) as raised:
            change()
        after = flat_xml(self.doc, self.dir, "after.fods")
        self.assertEqual(before, after, "the failed change left part of itself in the document")
        self.assertEqual(undo.getAllUndoActionTitles(), ("用户的修改",))
        self.assertFalse(undo.isRedoPossible(), "the failed change can be brought back with redo")
        return raised.exception

    def test_a_protected_report_sheet_refuses_the_section_before_writing(self):
        self.doc.Sheets.insertNewByName("报告", 1)
        report = self.doc.Sheets.getByName("报告")
        report.getCellByPosition(0, 0).setString("用户写的段落")
        report.protect("")
        error = self.assert_unchanged_by(lambda: self.tool.insertSection(self.doc, "cost-benefit"))
        self.assertIn("受保护", error.Message)

    def test_a_section_failing_after_its_first_write_is_taken_back(self):
        # The user's text on 报告 ends three rows above the sheet's last row: 问题与建议 (four paragraphs) goes
        # a row below it, its first paragraph fits in the last row and the second finds no row.
        self.assertEqual(self.tool.generateSection(self.doc, "problems").count("\n"), 3)
        self.doc.Sheets.insertNewByName("报告", 1)
        report = self.doc.Sheets.getByName("报告")
        last = report.Rows.Count - 1
        report.getCellByPosition(0, last - 2).setString("用户写的段落")
        self.assert_unchanged_by(lambda: self.tool.insertSection(self.doc, "problems"))
        self.assertEqual(report.getCellByPosition(0, last).getString(), "", "the first paragraph was left behind")
        self.assertFalse(any(n.startswith("JixiaoSection_") for n in self.doc.NamedRanges.ElementNames))
    def test_a_recompute_refused_at_its_second_table_is_taken_back_whole(self):
        # 重算 writes the scoring table first, then the funding table. The scoring table's cells are unlocked
        # on a protected sheet, the funding table's are not: 扣分 is written, then 实际支出合计 is refused, and
        # the 扣分 already written must go back with it — the document as it was, the user's step on top.
        office.set_live_recompute(False)  # the wrong figures below stay for 重算 to find
        self.addCleanup(office.set_live_recompute, True)  # the setting outlives the document
        sheet = self.doc.Sheets.getByIndex(0)
        score = sheet.getCellRangeByName(self.doc.NamedRanges.getByName("JixiaoScore1").getContent())
        deduction = score.getCellByPosition(7, 2)  # 扣分 of the first indicator: its formula typed over
        funding = sheet.getCellRangeByName(self.doc.NamedRanges.getByName("JixiaoFunding1").getContent())
        spent = funding.getCellByPosition(1, 4)  # 实际支出合计, typed over
        self.assertEqual(funding.getCellByPosition(0, 4).getString(), "实际支出合计")
        deduction.setValue(5)
        spent.setValue(99)
        unlocked = uno.createUnoStruct("com.sun.star.util.CellProtection")
        unlocked.IsLocked = False
        score.CellProtection = unlocked
        sheet.protect("")
        error = self.assert_unchanged_by(lambda: self.tool.recompute(self.doc))
        self.assertIn("受保护", error.Message)
        self.assertIn(spent.AbsoluteName.replace("$", "").split(".")[1], error.Message)
        self.assertEqual(deduction.getValue(), 5, "the scoring table's write was left behind")

    def test_a_recompute_of_the_same_document_unprotected_puts_both_tables_formulas_back(self):
        # The case above is a rollback only if 重算 writes both tables when nothing stops it.
        office.set_live_recompute(False)
        self.addCleanup(office.set_live_recompute, True)
        sheet = self.doc.Sheets.getByIndex(0)
        score = sheet.getCellRangeByName(self.doc.NamedRanges.getByName("JixiaoScore1").getContent())
        funding = sheet.getCellRangeByName(self.doc.NamedRanges.getByName("JixiaoFunding1").getContent())
        score.getCellByPosition(7, 2).setValue(5)
        funding.getCellByPosition(1, 4).setValue(99)
        self.tool.recompute(self.doc)
        self.assertEqual(score.getCellByPosition(7, 2).getFormula()[:1], "=", "扣分 not given its formula back")
        spent = funding.getCellByPosition(1, 4)
        self.assertEqual(spent.getString(), "1.99")
        # a live table keeps following its amounts: the total's formula goes back, not a figure
        self.assertTrue(spent.getFormula().startswith("=SUM("), spent.getFormula())


if __name__ == "__main__":
    unittest.main()
