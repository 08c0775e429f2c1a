"""A comment (批注) a reviewer anchored in a derived cell of a Writer scoring table survives live recompute
rewriting that cell: the value changes, the comment stays in the cell with its author and text."""
import unittest

from office import Office, OfficeCase, wait_until

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def portions(cell):
    """(TextPortionType, text) of every portion of the cell's paragraphs."""
    return [(portion.TextPortionType, portion.getString())
            for paragraph in cell.createEnumeration() for portion in paragraph.createEnumeration()]


def comments(cell):
    """(author, content) of the comments anchored in the cell."""
    return [(portion.TextField.Author, portion.TextField.Content)
            for paragraph in cell.createEnumeration() for portion in paragraph.createEnumeration()
            if portion.TextPortionType == "Annotation"]


class RecomputeKeepsCommentsTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()
        self.doc = office.new_document("swriter")
        self.addCleanup(self.doc.close, True)
        self.table = self.doc.TextTables.getByName(self.tool.insertScoreTable(self.doc, "county-project"))
        self.cell = self.table.getCellByName
        for row in range(2, 23):  # fully scored: 合计 C23 is 100
            self.cell(f"G{row}").setString(self.cell(f"F{row}").getString())
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "100"), self.cell("C23").getString())
        self.cell("G2").setString("0.5")  # 项目立项规范性, worth 1: 扣分 H2 is 0.5
        self.assertTrue(wait_until(lambda: self.cell("H2").getString() == "0.5"), self.cell("H2").getString())

    def comment(self, name, author, content, at_end=False):
        annotation = self.doc.createInstance("com.sun.star.text.textfield.Annotation")
        annotation.Author = author
        annotation.Content = content
        cell = self.cell(name)
        cursor = cell.createTextCursor()
        if at_end:
            cursor.gotoEnd(False)
        cell.insertTextContent(cursor, annotation, False)

    def test_a_comment_before_the_value_stays_when_the_deduction_changes(self):
        self.comment("H2", "审核人", "扣分依据请附说明")
        self.cell("G2").setString("0")  # 扣分 becomes 1
        self.assertTrue(wait_until(lambda: self.cell("H2").getString() == "1"), portions(self.cell("H2")))
        office.settle()
        self.assertEqual(comments(self.cell("H2")), [("审核人", "扣分依据请附说明")], portions(self.cell("H2")))
        self.assertEqual([text for kind, text in portions(self.cell("H2")) if kind == "Text"], ["1"])

    def test_a_comment_after_the_value_and_one_on_the_total_stay(self):
        self.assertEqual(self.cell("C23").getString(), "99.5")
        self.comment("H2", "甲", "后置批注", at_end=True)
        self.comment("C23", "乙", "合计待复核")
        self.cell("G2").setString("1")  # full marks: 扣分 0, and the 合计 changes with it
        self.assertTrue(wait_until(lambda: self.cell("H2").getString() == "0"), portions(self.cell("H2")))
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "100"), portions(self.cell("C23")))
        office.settle()
        self.assertEqual(comments(self.cell("H2")), [("甲", "后置批注")], portions(self.cell("H2")))
        self.assertEqual(comments(self.cell("C23")), [("乙", "合计待复核")], portions(self.cell("C23")))

    def test_the_rewrite_is_still_one_undo_step_away(self):
        # The user's score edit and recompute's follow-up undo together, the comment staying through both.
        self.comment("H2", "审核人", "请核实")
        self.cell("G2").setString("0")
        self.assertTrue(wait_until(lambda: self.cell("H2").getString() == "1"))
        office.settle()
        self.doc.UndoManager.undo()
        self.assertTrue(wait_until(lambda: self.cell("H2").getString() == "0.5"), portions(self.cell("H2")))
        office.settle()
        self.assertEqual(comments(self.cell("H2")), [("审核人", "请核实")], portions(self.cell("H2")))

    def test_a_comment_in_a_cell_with_tracked_changes_is_left_with_its_cell(self):
        # The comment went in while changes were recorded (a tracked insertion), and recording is off again:
        # a whole write would delete both, and a write of the text alone could land in tracked text. The
        # cell keeps its value and comment; the rest of the run goes on (the 合计 follows the edit).
        self.doc.RecordChanges = True
        self.comment("H2", "审核人", "扣分依据请附说明")
        self.doc.RecordChanges = False
        self.assertIn("Redline", [kind for kind, _ in portions(self.cell("H2"))], portions(self.cell("H2")))
        self.cell("G2").setString("0")  # 扣分 would become 1, the 合计 99
        self.assertTrue(wait_until(lambda: self.cell("C23").getString() == "99"), self.cell("C23").getString())
        office.settle()
        self.assertEqual(comments(self.cell("H2")), [("审核人", "扣分依据请附说明")], portions(self.cell("H2")))
        self.assertEqual([text for kind, text in portions(self.cell("H2")) if kind == "Text"], ["0.5"])
        findings = [f for f in self.tool.validate(self.doc) if f.Location.endswith(".H2")]
        self.assertTrue(findings, "the finding still says what H2 should hold")


if __name__ == "__main__":
    unittest.main()
