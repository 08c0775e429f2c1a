"""Issue 19 item 4: the grade bands travel with the report. With 优秀 ≥ 98 in the options, a Calc table Jixiao
inserts grades 97 as 良好 in its own formula, as the service does, after an .xlsx round trip too; a report
keeps the bands it was graded with (its property 评价等级标准) when the options change, until the user
re-grades it (one undo step); Writer's recompute never re-grades a finished report on its own."""
import os
import shutil
import tempfile
import unittest

import uno

from office import Office, OfficeCase, props, set_option, wait_until

office = Office()

BANDS_90 = "优秀 ≥ 90；良好 ≥ 80；中 ≥ 60；差 < 60"
BANDS_98 = "优秀 ≥ 98；良好 ≥ 80；中 ≥ 60；差 < 60"


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def set_excellent(value):
    """Tools ▸ Options ▸ 绩效评价 ▸ 优秀."""
    set_option(office, "GradeExcellent", float(value))


def stored_bands(doc):
    user = doc.DocumentProperties.UserDefinedProperties
    if not user.PropertySetInfo.hasPropertyByName("评价等级标准"):
        return None
    return user.getPropertyValue("评价等级标准")


def conclusion(doc):
    """The service's grade: the 评价结论 section is written from the one report summary the deck shows."""
    return office.tool().generateSection(doc, "conclusion")


class CalcGradeBandsTest(OfficeCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jixiao-bands-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.addCleanup(set_excellent, 90)
        set_excellent(98)
        self.tool = office.tool()
        self.doc = office.new_document("scalc")

    def tearDown(self):
        self.doc.close(True)

    def score_to_97(self, sheet):
        for row in range(3, 24):
            sheet.getCellRangeByName(f"G{row}").setValue(sheet.getCellRangeByName(f"F{row}").getValue())
        economic = next(r for r in range(3, 24) if "经济效益" in sheet.getCellRangeByName(f"C{r}").getString())
        sheet.getCellRangeByName(f"G{economic}").setValue(sheet.getCellRangeByName(f"F{economic}").getValue() - 3)
        self.doc.calculateAll()

    def test_the_grade_formula_reads_the_options_bands_and_survives_xlsx(self):
        self.tool.insertScoreTable(self.doc, "county-project")
        sheet = self.doc.Sheets.getByIndex(0)
        self.score_to_97(sheet)
        grade = sheet.getCellRangeByName("F25")
        self.assertEqual(sheet.getCellRangeByName("G24").getValue(), 97)
        self.assertIn(">=98", grade.getFormula())
        self.assertEqual(grade.getString(), "良好", grade.getFormula())
        self.assertEqual(stored_bands(self.doc), BANDS_98)
        self.assertIn("良好", conclusion(self.doc))
        self.assertNotIn("优秀", conclusion(self.doc))
        self.assertEqual(self.tool.recompute(self.doc), 0, "the formula already shows the service's grade")

        path = os.path.join(self.dir, "bands.xlsx")
        self.doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName="Calc MS Excel 2007 XML"))
        self.doc.close(True)
        self.doc = office.load(path)
        sheet = self.doc.Sheets.getByIndex(0)
        self.doc.calculateAll()
        grade = sheet.getCellRangeByName("F25")
        self.assertEqual(grade.getString(), "良好", grade.getFormula())
        self.assertIn(">=98", grade.getFormula())
        self.assertIn("良好", conclusion(self.doc))
        # LibreOffice 7.0 drops custom properties from .xlsx (7.4 keeps them): the grade formula then says which
        # bands graded the table, and the report stores them again.
        self.assertIn(stored_bands(self.doc), (BANDS_98, None))
        self.assertEqual(self.tool.recompute(self.doc), 0)
        self.assertEqual(stored_bands(self.doc), BANDS_98)

    def test_a_report_keeps_its_bands_until_regraded_in_one_undo_step(self):
        self.tool.insertScoreTable(self.doc, "county-project")
        sheet = self.doc.Sheets.getByIndex(0)
        self.score_to_97(sheet)
        grade = sheet.getCellRangeByName("F25")
        set_excellent(90)
        # The options changed; the report did not: same formula, same grade, by the service too.
        self.assertEqual(self.tool.recompute(self.doc), 0)
        self.assertEqual(grade.getString(), "良好")
        self.assertIn("良好", conclusion(self.doc))
        self.assertEqual(stored_bands(self.doc), BANDS_98)

        self.assertEqual(self.tool.regradeWithOptions(self.doc), BANDS_90)
        self.doc.calculateAll()
        self.assertIn(">=90", grade.getFormula())
        self.assertEqual(grade.getString(), "优秀")
        self.assertEqual(stored_bands(self.doc), BANDS_90)
        self.assertIn("优秀", conclusion(self.doc))

        self.doc.UndoManager.undo()
        self.doc.calculateAll()
        self.assertIn(">=98", grade.getFormula())
        self.assertEqual(grade.getString(), "良好")
        self.assertEqual(stored_bands(self.doc), BANDS_98, "one undo step takes the bands back with the formula")

    def test_a_table_without_stored_bands_is_graded_by_its_formula(self):
        # A sheet whose property was lost (or written before bands were stored): the grade formula of Jixiao's
        # says which bands graded it, and the options' do not take over.
        self.tool.insertScoreTable(self.doc, "county-project")
        sheet = self.doc.Sheets.getByIndex(0)
        self.score_to_97(sheet)
        set_excellent(90)  # first: the live run the removal may start grades with these options
        self.doc.DocumentProperties.UserDefinedProperties.removeProperty("评价等级标准")
        self.assertEqual(self.tool.recompute(self.doc), 0)
        self.assertEqual(sheet.getCellRangeByName("F25").getString(), "良好")
        self.assertIn("良好", conclusion(self.doc))
        self.assertEqual(stored_bands(self.doc), BANDS_98, "the formula's bands are kept from now on")


class WriterGradeBandsTest(OfficeCase):
    def setUp(self):
        self.addCleanup(set_excellent, 90)
        set_excellent(90)
        self.tool = office.tool()
        self.doc = office.new_document("swriter")
        self.table = self.doc.TextTables.getByName(self.tool.insertScoreTable(self.doc, "county-project"))

    def tearDown(self):
        self.doc.close(True)

    def cell(self, name):
        return self.table.getCellByName(name)

    def finish_at_97(self):
        for row in range(2, 23):
            self.cell(f"G{row}").setString(self.cell(f"F{row}").getString())
        self.cell("G21").setString("3")  # 可持续影响 6 → 3: total 97
        self.tool.recompute(self.doc)
        self.assertEqual(self.cell("C23").getString(), "97")
        self.assertEqual(self.cell("B24").getString(), "优秀")

    def test_recompute_does_not_regrade_a_finished_report(self):
        self.assertEqual(stored_bands(self.doc), BANDS_90)
        self.finish_at_97()
        set_excellent(98)
        self.tool.recompute(self.doc)
        office.settle()  # a live run, were one queued, has run too
        self.assertEqual(self.cell("B24").getString(), "优秀", "graded with its own bands, not re-graded")
        self.assertEqual(stored_bands(self.doc), BANDS_90)
        self.assertIn("优秀", conclusion(self.doc))
        self.assertFalse([f for f in self.tool.validate(self.doc) if f.RuleId == "grade.mismatch"])

        # Re-graded when asked: one undo step.
        self.assertEqual(self.tool.regradeWithOptions(self.doc), BANDS_98)
        self.assertEqual(self.cell("B24").getString(), "良好")
        self.assertEqual(stored_bands(self.doc), BANDS_98)
        self.doc.UndoManager.undo()
        self.assertTrue(wait_until(lambda: self.cell("B24").getString() == "优秀"), self.cell("B24").getString())
        self.assertEqual(stored_bands(self.doc), BANDS_90)

    def test_a_finished_report_without_stored_bands_keeps_the_grade_it_states(self):
        # A report graded before bands were stored: its 优秀 for 97 is the default bands', not 98's.
        self.finish_at_97()
        set_excellent(98)  # first: the live run the removal may start grades with these options
        self.doc.DocumentProperties.UserDefinedProperties.removeProperty("评价等级标准")
        self.tool.recompute(self.doc)
        office.settle()
        self.assertEqual(self.cell("B24").getString(), "优秀")
        self.assertEqual(stored_bands(self.doc), BANDS_90, "the bands that graded it are kept from now on")


if __name__ == "__main__":
    unittest.main()
