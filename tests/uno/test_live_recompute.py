"""Live recompute: edits through the API update the derived cells without any explicit call, and undo/redo
behave as a user expects."""
import re
import unittest

from office import Office, OfficeCase, wait_until

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class WriterLiveRecomputeTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()
        self.doc = office.new_document("swriter")
        name = self.tool.insertScoreTable(self.doc, "county-project")
        self.table = self.doc.TextTables.getByName(name)
        self.cell = lambda n: self.table.getCellByName(n)
        # A fully scored table: every score = its weight.
        for row in range(2, 23):
            self.cell(f"G{row}").setString(self.cell(f"F{row}").getString())
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "100"), self.cell("C23").getString())
        self.undo = self.doc.UndoManager

    def tearDown(self):
        self.doc.close(True)

    def test_editing_a_score_updates_deduction_total_and_grade(self):
        self.cell("G19").setString("3")  # 经济效益 6 → 3
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "97"))
        self.assertEqual(self.cell("H19").getString(), "3")
        self.assertEqual(self.cell("D23").getString(), "3")
        self.assertEqual(self.cell("B24").getString(), "优秀")
        self.cell("G20").setString("0")  # 社会效益 8 → 0: total 89
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "89"))
        self.assertEqual(self.cell("B24").getString(), "良好")

    def test_one_undo_restores_the_table_and_redo_reapplies(self):
        before = {n: self.cell(n).getString() for n in ("G19", "H19", "C23", "D23", "B24")}
        self.cell("G19").setString("3")
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "97"))
        after = {n: self.cell(n).getString() for n in before}
        self.undo.undo()
        self.assertTrue(wait_until(lambda: {n: self.cell(n).getString() for n in before} == before),
                        {n: self.cell(n).getString() for n in before})
        office.settle()  # a (wrong) recompute queued by the undo has run by now
        self.assertEqual({n: self.cell(n).getString() for n in before}, before)
        self.assertTrue(self.undo.isRedoPossible(), "recompute must not empty the redo stack")
        self.undo.redo()
        self.assertTrue(wait_until(lambda: {n: self.cell(n).getString() for n in before} == after))
        office.settle()
        self.assertEqual({n: self.cell(n).getString() for n in before}, after)

    def test_text_in_a_score_cell_never_blocks_and_takes_back_only_jixiaos_totals(self):
        # Issue 24: a figure nothing supports is never left behind. The derived cells were written by Jixiao
        # (empty before it wrote them), so they go back to empty; a total the user types is kept and flagged.
        derived = ("H19", "C23", "D23", "B24")
        self.cell("G19").setString("九十")
        state = lambda: {n: self.cell(n).getString() for n in derived}  # noqa: E731
        self.assertTrue(wait_until(lambda: state() == dict.fromkeys(derived, "")), state())
        self.assertEqual(self.cell("G19").getString(), "九十", "the user's text stays")
        findings = [f.RuleId for f in self.tool.validate(self.doc)]
        self.assertIn("cell.not-a-number", findings)
        self.assertNotIn("derived.unsupported", findings)
        self.cell("C23").setString("95")  # typed by the user: kept, and said to be unsupported
        office.settle()
        self.assertEqual(self.cell("C23").getString(), "95")
        flagged = [f.Cell for f in self.tool.validate(self.doc) if f.RuleId == "derived.unsupported"]
        self.assertEqual(flagged, ["C23"])
        self.cell("G19").setString("3")
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "97"))
        self.assertEqual(self.cell("H19").getString(), "3")

    def test_a_writer_formula_in_a_computed_cell_is_kept_and_its_value_reported(self):
        # The user's own formula for 合计 得分 (Table > Formula), wrong once a score changes: Jixiao reports the
        # value it should show and never types over the formula, live or asked.
        self.cell("C23").setFormula("=<G2>+<G3>")
        self.cell("G19").setString("3")
        self.assertTrue(wait_until(lambda: self.cell("H19").getString() == "3"), self.cell("H19").getString())
        office.settle()
        self.assertEqual(self.cell("C23").getFormula(), "<G2>+<G3>")
        self.assertEqual(self.cell("D23").getString(), "3", "the cells around it are still computed")
        self.tool.recompute(self.doc)
        self.assertEqual(self.cell("C23").getFormula(), "<G2>+<G3>")
        held = [f for f in self.tool.validate(self.doc) if f.RuleId == "cell.formula-value"]
        self.assertEqual([f.Cell for f in held], ["C23"], [(f.Cell, f.Message) for f in held])
        self.assertIn("97", held[0].Message)

    def test_a_retyped_parent_label_is_put_right(self):
        # Label cells are among the cells live recompute re-reads while the table's layout is unchanged.
        label = self.cell("B2").getString()
        wrong = re.sub(r"[0-9.]+(?=分[)）]$)", "99", label)
        self.assertNotEqual(wrong, label)
        self.cell("B2").setString(wrong)
        self.assertTrue(wait_until(lambda: self.cell("B2").getString() == label), self.cell("B2").getString())

    def test_deleting_a_row_reads_the_table_again(self):
        # The table's remembered layout no longer holds: the 合计 row moved up and the total lost a weight.
        weight = float(self.cell("F22").getString())
        self.cell("G19").setString("3")  # warm the remembered table through a live run first
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "97"))
        self.table.getRows().removeByIndex(21, 1)  # row 22, the last indicator
        expected = f"{97 - weight:g}"
        self.assertTrue(wait_until(lambda: self.cell("C22").getString() == expected),
                        (self.cell("C22").getString(), expected))
        self.assertEqual(self.cell("B22").getString(), f"{100 - weight:g}")
        # Editing after the change still recomputes, on the new layout.
        self.cell("G19").setString("6")
        self.assertTrue(wait_until(lambda: self.cell("C22").getString() == f"{100 - weight:g}"))

    def test_explicit_recompute_after_a_row_is_added(self):
        # EvaluationTool.recompute shares the remembered table with live recompute.
        self.assertEqual(self.tool.recompute(self.doc), 0)
        self.table.getRows().insertByIndex(22, 1)  # an empty row above 合计: nothing changes
        self.assertEqual(self.tool.recompute(self.doc), 0)
        self.cell("G19").setString("4")
        self.tool.recompute(self.doc)
        self.assertTrue(wait_until(lambda: self.cell("C24").getString() == "98"), self.cell("C24").getString())
        self.assertEqual(self.cell("H19").getString(), "2")

    def test_closing_during_a_pending_recompute_does_not_crash(self):
        doc = office.new_document("swriter")
        table = doc.TextTables.getByName(self.tool.insertScoreTable(doc, "county-project"))
        table.getCellByName("G2").setString("1")
        doc.close(True)  # the deferred run is still queued
        office.settle()  # and runs now, on a closed document
        self.assertEqual(len(self.tool.templateIds()) >= 3, True, "the office still answers")


if __name__ == "__main__":
    unittest.main()
