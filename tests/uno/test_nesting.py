"""Issue 19 item 2: a table Jixiao inserts never goes into a table cell. With the cursor in a cell it goes into a
new paragraph after the outermost table around the cursor, in the body text; one undo step takes it away and
gives every cell of the host table back exactly: all its property values and its paragraphs' properties."""
import shutil
import tempfile
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)

from com.sun.star.style.BreakType import NONE as NO_BREAK, PAGE_BEFORE

from office import Office, OfficeCase, body_paragraphs, copy_seed, sample_scorecard_json
from table_state import body_items, cell_state, differences

office = Office()
VERT_CENTER = 2  # com.sun.star.text.VertOrientation.CENTER


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class InsertIntoCellTest(OfficeCase):
    """The sample report, its scoring table's cells vertically centred (as offices' tables are), the cursor in
    one of its cells."""

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="jixiao-nesting-")
        self.doc = office.load(copy_seed("sample-report.docx", self.folder))
        self.tool = office.tool()
        self.host = self.doc.TextTables.getByIndex(0)
        for name in self.host.getCellNames():
            self.host.getCellByName(name).VertOrient = VERT_CENTER
        self.view = self.doc.CurrentController.getViewCursor()

    def tearDown(self):
        self.doc.close(True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def assert_after_host_and_undone(self, insert, cell="C3", host=None):
        host = host or self.host
        self.view.gotoRange(self.host.getCellByName(cell).getStart(), False)
        where = self.view.getStart()
        tables_before = set(self.doc.TextTables.getElementNames())
        cells_before = cell_state(self.host)
        body_before = body_items(self.doc)
        undo = self.doc.UndoManager
        steps = len(undo.getAllUndoActionTitles())
        insert()
        new = [n for n in self.doc.TextTables.getElementNames() if n not in tables_before]
        self.assertTrue(new, "no table was inserted")
        body = body_items(self.doc)
        for name in new:
            self.assertTrue(("table", name) in body, f"{name} is not in the body text: it was nested")
            anchor_text = self.doc.TextTables.getByName(name).getAnchor().getText()
            if anchor_text is not None:  # LibreOffice 7.4 gives none for a table's anchor
                self.assertEqual(anchor_text, self.doc.Text)
        # Right after the host table: a caption paragraph, then the new table.
        at = body.index(("table", host.getName()))
        self.assertEqual(body[at + 2], ("table", new[0]), body[at:at + 4])
        self.assertEqual(body[at + 1][0], "p")
        self.assertEqual(body[:at + 1], body_before[:at + 1], "what came before the host table changed")
        self.assertEqual(body[-len(body_before) + at + 1:], body_before[at + 1:],
                         "what followed the host table changed")
        self.assertEqual(self.view.getStart().getText().getString(), where.getText().getString())
        self.assertEqual(len(undo.getAllUndoActionTitles()), steps + 1, "the insertion is not one undo step")
        undo.undo()
        self.assertEqual(set(self.doc.TextTables.getElementNames()), tables_before)
        self.assertEqual(body_items(self.doc), body_before)
        after = cell_state(self.host)
        self.assertEqual(differences(cells_before, after), [], "undo did not give the host table back exactly")

    def test_a_scoring_table_goes_after_the_table_the_cursor_is_in(self):
        self.assert_after_host_and_undone(lambda: self.tool.insertScoreTable(self.doc, "county-project"))

    def test_a_funding_table_goes_after_the_table_the_cursor_is_in(self):
        self.assert_after_host_and_undone(lambda: self.tool.insertFundingTable(self.doc))

    def test_an_imported_scorecard_goes_after_the_table_the_cursor_is_in(self):
        self.assert_after_host_and_undone(lambda: self.tool.importScorecard(self.doc, sample_scorecard_json()))

    def test_from_a_table_nested_in_a_cell_the_new_table_goes_after_the_outermost_one(self):
        cell = self.host.getCellByName("D3")
        nested = self.doc.createInstance("com.sun.star.text.TextTable")
        nested.initialize(2, 2)
        cell.insertTextContent(cell.getEnd(), nested, False)
        nested.getCellByName("A1").setString("内嵌")
        name = nested.getName()
        self.assertFalse(("table", name) in body_items(self.doc), "the nested table is in the body")
        self.view.gotoRange(nested.getCellByName("B2").getStart(), False)
        tables_before = set(self.doc.TextTables.getElementNames())
        self.tool.insertFundingTable(self.doc)
        new = [n for n in self.doc.TextTables.getElementNames() if n not in tables_before]
        body = body_items(self.doc)
        at = body.index(("table", self.host.getName()))
        self.assertEqual(body[at + 2], ("table", new[0]), body[at:at + 4])
        self.assertEqual(nested.getRows().getCount(), 2, "the nested table changed")

    def test_a_section_from_a_nested_table_goes_after_the_outermost_one(self):
        cell = self.host.getCellByName("D3")
        nested = self.doc.createInstance("com.sun.star.text.TextTable")
        nested.initialize(1, 1)
        cell.insertTextContent(cell.getEnd(), nested, False)
        self.view.gotoRange(nested.getCellByName("A1").getStart(), False)
        text = self.tool.insertSection(self.doc, "deductions")  # a section the sample has no heading of
        body = body_items(self.doc)
        at = body.index(("table", self.host.getName()))
        self.assertEqual(body[at + 1], ("p", text.split("\n")[0]), body[at:at + 3])

    def test_the_paragraph_after_the_table_keeps_its_page_break_and_style(self):
        body = body_items(self.doc)
        at = body.index(("table", self.host.getName()))
        self.assertEqual(body[at + 1][0], "p")
        items = self.doc.Text.createEnumeration()
        for _ in range(at + 2):
            following = items.nextElement()
        following.setString("附表2")
        following.BreakType = PAGE_BEFORE
        following.PageDescName = "Landscape"
        following.ParaStyleName = "Heading 1"
        body = body_items(self.doc)
        self.view.gotoRange(self.host.getCellByName("C3").getStart(), False)
        self.tool.insertFundingTable(self.doc)
        paragraphs = [p for p in body_paragraphs(self.doc) if p.getString() == "附表2"]
        self.assertEqual(len(paragraphs), 1)
        self.assertEqual(paragraphs[0].BreakType, PAGE_BEFORE, "the page break moved")
        self.assertEqual(paragraphs[0].PageDescName, "Landscape", "the page style moved")
        self.assertEqual(paragraphs[0].ParaStyleName, "Heading 1")
        caption = next(p for p in body_paragraphs(self.doc) if p.getString() == "项目资金使用明细表")
        self.assertEqual(caption.BreakType, NO_BREAK, "the caption took the page break")
        self.assertFalse(caption.PageDescName, "the caption took the page style")
        self.assertNotEqual(caption.ParaStyleName, "Heading 1", "the caption is a heading")
        self.doc.UndoManager.undo()
        restored = [p for p in body_paragraphs(self.doc) if p.getString() == "附表2"][0]
        self.assertEqual((restored.BreakType, restored.PageDescName, restored.ParaStyleName),
                         (PAGE_BEFORE, "Landscape", "Heading 1"), "undo did not give the paragraph back")
        self.assertEqual(body_items(self.doc), body)

    def test_a_table_in_a_frame_is_refused_with_a_reason(self):
        frame = self.doc.createInstance("com.sun.star.text.TextFrame")
        self.doc.Text.insertTextContent(self.doc.Text.getStart(), frame, False)
        inner = self.doc.createInstance("com.sun.star.text.TextTable")
        inner.initialize(1, 1)
        frame.Text.insertTextContent(frame.Text.getStart(), inner, False)
        self.view.gotoRange(inner.getCellByName("A1").getStart(), False)
        tables_before = set(self.doc.TextTables.getElementNames())
        with self.assertRaises(Exception) as raised:
            self.tool.insertFundingTable(self.doc)
        self.assertIn("不会插入到单元格中", raised.exception.Message)
        self.assertEqual(set(self.doc.TextTables.getElementNames()), tables_before)


if __name__ == "__main__":
    unittest.main()
