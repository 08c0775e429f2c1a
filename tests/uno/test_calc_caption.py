"""The scoring table's title row in Calc follows the report details, as Writer's caption does: inserted before
单位, 项目名称 and 年度 are known it reads "支出绩效评价指标体系及打分表"; once they are, 重算 writes the full title as
one undo step, through an .xlsx round trip too, and a title the user edited is left as it is."""
import os
import shutil
import tempfile
import unittest

import uno
from com.sun.star.beans.PropertyAttribute import REMOVEABLE

from office import Office, OfficeCase, props

office = Office()

FRAGMENT = "支出绩效评价指标体系及打分表"
FULL = "平安县财政局2025年度乡村道路建设支出绩效评价指标体系及打分表"
UNDO_TITLE = "更新打分表标题"


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def fill_details(doc):
    """单位, 项目名称, 年度 as File ▸ Properties ▸ Custom Properties (where the deck's fields keep them) hold them."""
    user = doc.DocumentProperties.UserDefinedProperties
    for name, value in (("单位", "平安县财政局"), ("项目名称", "乡村道路建设"), ("年度", "2025")):
        if user.PropertySetInfo.hasPropertyByName(name):
            user.setPropertyValue(name, value)
        else:
            user.addProperty(name, REMOVEABLE, value)


class CalcCaptionTest(OfficeCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jixiao-calc-caption-")
        self.tool = office.tool()
        self.doc = office.new_document("scalc")
        self.tool.insertScoreTable(self.doc, "county-project")
        self.assertEqual(self.title(), FRAGMENT)

    def tearDown(self):
        self.doc.close(True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def title_cell(self):
        names = [n for n in self.doc.NamedRanges.ElementNames if n.startswith("JixiaoScore")]
        self.assertEqual(len(names), 1, self.doc.NamedRanges.ElementNames)
        area = self.doc.NamedRanges.getByName(names[0]).ReferredCells.RangeAddress
        return self.doc.Sheets.getByIndex(area.Sheet).getCellByPosition(area.StartColumn, area.StartRow)

    def title(self):
        return self.title_cell().getString()

    def test_recompute_writes_the_title_from_the_details_as_one_undo_step(self):
        fill_details(self.doc)
        self.tool.recompute(self.doc)
        self.assertEqual(self.title(), FULL)
        self.assertIn(UNDO_TITLE, self.doc.UndoManager.getAllUndoActionTitles())
        while self.doc.UndoManager.getCurrentUndoActionTitle() != UNDO_TITLE:
            self.doc.UndoManager.undo()
        self.doc.UndoManager.undo()
        self.assertEqual(self.title(), FRAGMENT)
        self.assertTrue(any(n.startswith("JixiaoScore") for n in self.doc.NamedRanges.ElementNames),
                        "one undo took the table too")
        # Its mark is back with it: a second 重算 writes it again.
        self.tool.recompute(self.doc)
        self.assertEqual(self.title(), FULL)

    def test_a_title_the_user_edited_is_left_alone(self):
        self.title_cell().setString(FRAGMENT + "（草稿）")
        fill_details(self.doc)
        self.tool.recompute(self.doc)
        self.assertEqual(self.title(), FRAGMENT + "（草稿）")
        self.assertNotIn(UNDO_TITLE, self.doc.UndoManager.getAllUndoActionTitles())

    def test_the_mark_survives_an_xlsx_round_trip(self):
        path = os.path.join(self.dir, "table.xlsx")
        self.doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName="Calc MS Excel 2007 XML"))
        self.doc.close(True)
        self.doc = office.load(path)
        self.assertEqual(self.title(), FRAGMENT)
        fill_details(self.doc)
        self.tool.recompute(self.doc)
        self.assertEqual(self.title(), FULL)


if __name__ == "__main__":
    unittest.main()
