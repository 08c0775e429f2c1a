"""转为实时表格 on the 项目支出绩效自评表 kept in Calc (tests/data/docs/layout-calc-self-evaluation*.json): the funding
block's 执行率 gets a formula with the scoring table's (calcBlockRateFormula), in one undo step; the rate then
follows 全年执行数 and 全年预算数 as they are edited, and 校验 finds it agreeing with them — the core's rate and
Calc's are one answer, the rounding edge included. A formula of the user's in that cell is never replaced."""
import os
import unittest

import uno

from office import Office, OfficeCase, copy_seed, props, scratch_dir, set_option, wait_until

office = Office()
WORK = scratch_dir("jixiao-block-formula-")
# What 校验 says when the block's rate disagrees with its own figures, or a formula's value with the core's.
RATE_RULES = {"funding.execution-rate", "funding.form-mismatch", "cell.formula-value"}


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class BlockRateFormulaTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()

    def open(self, name):
        doc = office.load(copy_seed(name, WORK))
        self.addCleanup(doc.close, True)
        sheet = doc.Sheets.getByIndex(0)
        # Row 6 is 年度资金总额: D 全年预算数, E 全年执行数, G 执行率.
        return doc, sheet.getCellRangeByName("D6"), sheet.getCellRangeByName("E6"), sheet.getCellRangeByName("G6")

    def rate_findings(self, doc):
        return [(f.RuleId, f.Cell, f.Message) for f in self.tool.validate(doc) if f.RuleId in RATE_RULES]

    def test_a_percentage_cell_gets_a_formula_that_follows_the_block(self):
        # The 执行率 is the number 1 in format 0.00% (100.00%) where 190 of 200 is 95%.
        doc, budget, actual, rate = self.open("layout-calc-self-evaluation-rate-wrong.xlsx")
        self.assertEqual(rate.getFormula(), "1")
        self.assertIn("funding.execution-rate", [f[0] for f in self.rate_findings(doc)])

        self.tool.convertToLiveTable(doc)
        self.assertTrue(rate.getFormula().startswith("=IF("), rate.getFormula())
        self.assertIn("E6/D6", rate.getFormula(), "全年执行数 ÷ 全年预算数")
        self.assertEqual(rate.getString(), "95.00%", "shown through the cell's own format")
        self.assertEqual(self.rate_findings(doc), [])

        actual.setValue(180)  # 全年执行数 edited: the rate follows in Calc, without Jixiao writing it
        self.assertTrue(wait_until(lambda: rate.getString() == "90.00%"), rate.getString())
        self.assertEqual(self.rate_findings(doc), [])
        budget.setValue(240)
        self.assertTrue(wait_until(lambda: rate.getString() == "75.00%"), rate.getString())
        self.assertEqual(self.rate_findings(doc), [])

        # The rounding edge: 190.009999 ÷ 200 is 95.0049995%, which the core rounds (six places, then two)
        # to 95.01%. A formula with one ROUND would show 95.00% and 校验 would call it wrong.
        budget.setValue(200)
        actual.setValue(190.009999)
        self.assertTrue(wait_until(lambda: rate.getString() == "95.01%"), rate.getString())
        self.assertEqual(self.rate_findings(doc), [])
        budget.setValue(0)  # no rate from a budget of 0, for the core and for Calc
        self.assertTrue(wait_until(lambda: rate.getString() == ""), rate.getString())
        self.assertEqual(self.rate_findings(doc), [])

    def test_the_conversion_is_one_undo_step(self):
        # A clean form (the text "100%", 200 of 200), so live recompute has nothing to write after the undo.
        doc, _, _, rate = self.open("layout-calc-self-evaluation.xlsx")
        sheet = doc.Sheets.getByIndex(0)
        total = sheet.getCellRangeByName("H19")  # 总分's 得分, a formula of the document's own
        before, typed = total.getFormula(), rate.getFormula()
        undo = doc.UndoManager
        steps = len(undo.getAllUndoActionTitles())
        self.tool.convertToLiveTable(doc)
        self.assertTrue(rate.getFormula().startswith("=IF("), rate.getFormula())
        self.assertEqual(len(undo.getAllUndoActionTitles()), steps + 1, undo.getAllUndoActionTitles())
        undo.undo()
        self.assertEqual(rate.getFormula(), typed, "one undo takes the rate's formula back with the table's")
        self.assertEqual(rate.getString(), "100%")
        self.assertEqual(total.getFormula(), before)
        self.assertFalse(any(sheet.getCellByPosition(c, r).getFormula().startswith("=IF(")
                             for r in range(19) for c in range(9)), "nothing of the conversion is left")

    def test_a_text_rate_stays_text_and_a_second_conversion_keeps_the_formula(self):
        # 执行率 typed as the text "100%" (200 of 200).
        doc, _, actual, rate = self.open("layout-calc-self-evaluation.xlsx")
        self.tool.convertToLiveTable(doc)
        formula = rate.getFormula()
        self.assertTrue(formula.endswith('&"%";"")'), formula)
        self.assertEqual(rate.getString(), "100%")
        actual.setValue(190)
        self.assertTrue(wait_until(lambda: rate.getString() == "95%"), rate.getString())
        self.assertEqual(self.rate_findings(doc), [])
        self.tool.convertToLiveTable(doc)
        self.assertEqual(rate.getFormula(), formula, "Jixiao's own formula is recognised and kept")

    def test_the_formula_survives_xlsx(self):
        # Stored as .xlsx and opened again, the formula reads back as Jixiao's: recognised by a later
        # conversion and by 重算's put-back, its value still the core's.
        doc, _, _, rate = self.open("layout-calc-self-evaluation-rate-wrong.xlsx")
        self.tool.convertToLiveTable(doc)
        formula = rate.getFormula()
        path = os.path.join(WORK, "converted.xlsx")
        doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName="Calc MS Excel 2007 XML", Overwrite=True))
        again = office.load(path)
        self.addCleanup(again.close, True)
        reopened = again.Sheets.getByIndex(0).getCellRangeByName("G6")
        self.assertEqual(reopened.getFormula(), formula)
        self.assertEqual(reopened.getString(), "95.00%")
        self.assertEqual(self.rate_findings(again), [])

    def test_a_formula_of_the_users_is_never_replaced(self):
        doc, _, _, rate = self.open("layout-calc-self-evaluation-rate-wrong.xlsx")
        rate.setFormula("=E6/C6*1.01")  # the user's own, and off by 1%
        self.tool.convertToLiveTable(doc)
        self.assertEqual(rate.getFormula(), "=E6/C6*1.01")
        held = [f for f in self.rate_findings(doc) if f[0] == "cell.formula-value"]
        self.assertEqual(len(held), 1, held)
        # Its message does not send the user to the conversion that just left it alone.
        self.assertNotIn("如需改用本工具的公式", held[0][2])
        self.assertNotIn("replaces it with Jixiao", held[0][2])


class RegradeLeavesTheBlockRateTest(OfficeCase):
    """按新标准重新评定等级 writes the grade only: the block's wrong 执行率 is 重算's, its own undo step."""

    def setUp(self):
        self.tool = office.tool()
        office.set_live_recompute(False)  # nothing but the calls below writes
        self.addCleanup(office.set_live_recompute, True)
        self.addCleanup(set_option, office, "GradeExcellent", 90.0)

    def test_regrading_writes_the_grade_and_not_the_rate(self):
        doc = office.load(copy_seed("layout-calc-self-evaluation-rate-wrong.xlsx", WORK))
        self.addCleanup(doc.close, True)
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A20").setString("等级")  # a grade row under 总分 (97)
        grade, rate = sheet.getCellRangeByName("B20"), sheet.getCellRangeByName("G6")
        grade.setString("优秀")
        set_option(office, "GradeExcellent", 98.0)
        undo = doc.UndoManager
        steps = len(undo.getAllUndoActionTitles())

        self.assertIn("98", self.tool.regradeWithOptions(doc))
        self.assertEqual(grade.getString(), "良好", "97 under 优秀 ≥ 98")
        self.assertEqual(rate.getFormula(), "1", "the wrong 100.00% is not the regrade's to write")
        self.assertIn("funding.execution-rate", [f.RuleId for f in self.tool.validate(doc)])
        self.assertEqual(len(undo.getAllUndoActionTitles()), steps + 1)

        self.assertEqual(self.tool.recompute(doc), 1, "重算 writes the rate, and says so")
        self.assertEqual(rate.getString(), "95.00%")
        self.assertEqual(len(undo.getAllUndoActionTitles()), steps + 2)


if __name__ == "__main__":
    unittest.main()
