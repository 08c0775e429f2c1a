"""Never change a cell's kind (issue 24): recompute writes a number into a number cell, keeping its number format
(a percentage cell holding 0.3818 gets 0.3618, not the text '36.18%), and text into a text cell — in Calc
(.xlsx and .ods) and in a Writer table whose cells hold values with number formats. The documents are
tests/data/docs/cell-kinds-*.json, built by a plain office."""
import shutil
import tempfile
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.table.CellContentType import TEXT, VALUE

from office import Office, OfficeCase, copy_seed

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class KindCase(OfficeCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jixiao-kinds-")
        self.tool = office.tool()

    def tearDown(self):
        self.doc.close(True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def assert_number(self, cell, value, shown, number_format):
        self.assertEqual(cell.getType(), VALUE, f"{shown}: the cell became {cell.getType().value}")
        self.assertAlmostEqual(cell.getValue(), value, places=9)
        self.assertEqual(cell.getString(), shown)
        self.assertEqual(cell.NumberFormat, number_format, "the cell's number format changed")

    def assert_text(self, cell, shown):
        self.assertEqual(cell.getType(), TEXT, f"{shown}: the cell became {cell.getType().value}")
        self.assertEqual(cell.getString(), shown)


class CalcCellKindsTest(KindCase):
    def check(self, name):
        self.doc = office.load(copy_seed(name, self.dir))
        sheet = self.doc.Sheets.getByName("资金")
        cell = sheet.getCellRangeByName
        formats = {a: cell(a).NumberFormat for a in ("C2", "C4", "B5", "C7")}
        self.assertEqual(cell("C2").getString(), "38.18%")  # the document as an office wrote it
        self.assertGreater(self.tool.recompute(self.doc), 0)
        self.assert_number(cell("C2"), 0.3618, "36.18%", formats["C2"])  # a percentage: the number, ÷ 100
        self.assert_number(cell("C7"), 0.995, "99.5%", formats["C7"])
        self.assert_number(cell("C4"), 7.04, "7.04", formats["C4"])  # a plain number
        self.assert_number(cell("B5"), 1.99, "1.99", formats["B5"])
        self.assert_text(cell("C3"), "56.78%")  # text stays text
        self.assert_text(cell("B8"), "0.01")
        self.assertEqual(self.tool.recompute(self.doc), 0, "a second recompute finds nothing to write")
        self.assertFalse([f.RuleId for f in self.tool.validate(self.doc) if f.RuleId.startswith("funding.")])

    def test_xlsx(self):
        self.check("cell-kinds-calc.xlsx")

    def test_ods(self):
        self.check("cell-kinds-calc.ods")


class WriterCellKindsTest(KindCase):
    def test_a_value_with_a_percentage_format_gets_a_value(self):
        self.doc = office.load(copy_seed("cell-kinds-writer.odt", self.dir))
        table = self.doc.TextTables.getByIndex(0)
        cell = table.getCellByName
        self.assertEqual(cell("C2").getType(), VALUE)
        self.assertEqual(cell("C2").getString(), "38.18%")  # the document as an office wrote it
        formats = {a: cell(a).NumberFormat for a in ("C2", "B5")}
        self.assertGreater(self.tool.recompute(self.doc), 0)
        self.assert_number(cell("C2"), 0.3618, "36.18%", formats["C2"])
        self.assert_number(cell("B5"), 1.99, "1.99", formats["B5"])
        self.assert_text(cell("C3"), "56.78%")
        self.assert_text(cell("C4"), "7.04%")
        self.assert_text(cell("B8"), "0.01")
        self.assertEqual(self.tool.recompute(self.doc), 0, "a second recompute finds nothing to write")


if __name__ == "__main__":
    unittest.main()
