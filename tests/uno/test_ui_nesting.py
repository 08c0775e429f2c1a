"""Issue 19 items 2 and 3 through the deck, as a user does it, on a private Xvfb with the mouse and keys of xdotool.
Item 2: the sample report, the cursor in a cell of its (vertically centred) scoring table, 插入资金明细表 /
插入打分表 clicked, Ctrl+Z pressed. The new table is not nested: it follows the table in the body text; Ctrl+Z
gives the host table back exactly — every property of its cells and their paragraphs, and where the layout puts
each cell's text. Item 3: 生成段落 where the report already has the section's heading elsewhere asks first."""
import os
import shutil
import tempfile
import unittest

import uno
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON

from office import Office, OfficeCase, body_paragraphs, copy_seed, props, sample_scorecard_json, wait_until
from table_state import body_items, cell_state, differences
from top_windows import TopWindowWatch, question
from ui_helpers import click, find, focus_document, open_deck, screenshot, status_text, type_keys

office = Office(headless=False)
VERT_CENTER = 2  # com.sun.star.text.VertOrientation.CENTER


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


class DeckInsertIntoCellTest(OfficeCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="jixiao-ui-nesting-")
        doc = office.load(copy_seed("sample-report.docx", self.folder), hidden=False)
        self.doc, self.window = open_deck(office, "swriter", doc)
        self.display = office.display
        self.host = self.doc.TextTables.getByIndex(0)
        for name in self.host.getCellNames():
            self.host.getCellByName(name).VertOrient = VERT_CENTER
        self.view = self.doc.CurrentController.getViewCursor()

    def tearDown(self):
        self.doc.close(True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def layout(self):
        """Where the layout puts the start of each of the host table's first 40 cells (centred text sits lower
        than top-aligned text), the cursor put back in C3 afterwards."""
        places = {}
        for name in self.host.getCellNames()[:40]:
            self.view.gotoRange(self.host.getCellByName(name).getStart(), False)
            position = self.view.getPosition()
            places[name] = (position.X, position.Y)
        self.view.gotoRange(self.host.getCellByName("C3").getStart(), False)
        return places

    def insert_undo_and_compare(self, button, answer=None, shot="nesting"):
        office.settle()
        layout_before = self.layout()
        cells_before = cell_state(self.host)
        body_before = body_items(self.doc)
        tables_before = self.doc.TextTables.getCount()
        focus_document(self.doc, self.display)
        with TopWindowWatch(office) as watch:
            click(self.display, wait_until(lambda: find(self.window, button, PUSH_BUTTON), timeout=20))
            if answer is not None:  # the deck asks before a second scoring table
                box, yes = question(watch, answer)
                self.assertTrue(yes, "the deck did not ask")
                click(self.display, yes)
                self.assertTrue(watch.closed(box), "the question stayed open after " + answer)
        self.assertTrue(wait_until(lambda: self.doc.TextTables.getCount() == tables_before + 1, timeout=30),
                        "no table was inserted")
        screenshot(f"{shot}-inserted.png", self.display)
        body = body_items(self.doc)
        new = [item for item in body if item[0] == "table" and item[1] != self.host.getName()]
        self.assertEqual(len(new), 1, "the new table is not in the body text: it was nested")
        at = body.index(("table", self.host.getName()))
        self.assertEqual(body[at + 2], new[0], body[at:at + 4])
        focus_document(self.doc, self.display)
        type_keys(self.display, "ctrl+z")
        self.assertTrue(wait_until(lambda: self.doc.TextTables.getCount() == tables_before, timeout=30),
                        "Ctrl+Z did not take the table away")
        office.settle()
        screenshot(f"{shot}-undone.png", self.display)
        self.assertEqual(body_items(self.doc), body_before)
        self.assertEqual(differences(cells_before, cell_state(self.host)), [],
                         "Ctrl+Z did not give the host table's cells back exactly")
        self.assertEqual(differences(layout_before, self.layout()), [], "the host table's cells moved")

    def test_funding_table_from_a_cell_follows_the_table_and_ctrl_z_restores_it(self):
        self.insert_undo_and_compare("插入资金明细表", shot="nesting-funding")

    def test_scoring_table_from_a_cell_follows_the_table_and_ctrl_z_restores_it(self):
        self.insert_undo_and_compare("插入打分表", answer="是", shot="nesting-score")



class DeckSectionElsewhereTest(OfficeCase):
    """A report with its own 三、评价结论 and the cursor under 一、: 生成段落 (评价结论) asks before writing a second
    conclusion; 否 writes nothing, 是 writes it at the cursor."""

    def setUp(self):
        self.doc, self.window = open_deck(office, "swriter")
        self.display = office.display
        text = self.doc.Text
        cursor = text.createTextCursor()
        for i, line in enumerate(("一、项目基本情况", "正文。", "三、评价结论", "原有的结论。", "四、成本效益分析", "")):
            if i:
                text.insertControlCharacter(cursor, 0, False)
            text.insertString(cursor, line, False)
        view = self.doc.CurrentController.getViewCursor()
        view.gotoRange(text.getEnd(), False)
        office.tool().importScorecard(self.doc, sample_scorecard_json())
        view.gotoRange(body_paragraphs(self.doc)[1].getEnd(), False)

    def tearDown(self):
        self.doc.close(True)

    def paragraphs(self):
        return [p.getString() for p in body_paragraphs(self.doc)]

    def generate_and_answer(self, answer):
        focus_document(self.doc, self.display)
        with TopWindowWatch(office) as watch:
            click(self.display, wait_until(lambda: find(self.window, "生成段落", PUSH_BUTTON), timeout=20))
            box, button = question(watch, answer)
            screenshot("section-elsewhere-question.png", self.display)
            self.assertTrue(button, "the deck did not ask; its status says: " + str(status_text(self.window)))
            click(self.display, button)
            self.assertTrue(watch.closed(box), "the question stayed open after " + answer)

    def test_the_deck_asks_before_writing_a_section_away_from_its_heading(self):
        before = self.paragraphs()
        self.generate_and_answer("否")
        self.assertTrue(wait_until(lambda: status_text(self.window) == "未写入段落。", timeout=20),
                        status_text(self.window))
        self.assertEqual(self.paragraphs(), before)
        self.generate_and_answer("是")
        self.assertTrue(wait_until(lambda: "段落已写入文档" in (status_text(self.window) or ""), timeout=20),
                        status_text(self.window))
        written = [p for p in self.paragraphs() if "综合考核打分" in p]
        self.assertEqual(len(written), 1)
        self.assertEqual(self.paragraphs().index(written[0]), 2, "not written at the cursor, under 一、")


class DeckSectionAfterDocxTest(OfficeCase):
    """The issue's own steps: a report with its 评价结论 saved as .docx and opened again, a score typed, 生成段落
    clicked: the section is refreshed in place, no question asked, no second 评价结论."""

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="jixiao-ui-section-docx-")
        source = office.new_document("swriter")
        text = source.Text
        cursor = text.createTextCursor()
        for i, line in enumerate(("前文。", "", "后文。", "")):
            if i:
                text.insertControlCharacter(cursor, 0, False)
            text.insertString(cursor, line, False)
        view = source.CurrentController.getViewCursor()
        view.gotoRange(text.getEnd(), False)
        tool = office.tool()
        tool.importScorecard(source, sample_scorecard_json())
        view.gotoRange(body_paragraphs(source)[1].getStart(), False)
        tool.insertSection(source, "conclusion")
        path = os.path.join(self.folder, "report.docx")
        source.storeToURL(uno.systemPathToFileUrl(path), props(FilterName="MS Word 2007 XML"))
        source.close(True)
        self.doc, self.window = open_deck(office, "swriter", office.load(path, hidden=False))
        self.display = office.display

    def tearDown(self):
        self.doc.close(True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def conclusions(self):
        return [p.getString() for p in body_paragraphs(self.doc) if "综合考核打分" in p.getString()]

    def test_a_section_saved_as_docx_is_refreshed_in_place(self):
        table = self.doc.TextTables.getByIndex(0)
        row = next(n[1:] for n in table.getCellNames()
                   if n[0] == "C" and "经济效益" in table.getCellByName(n).getString())
        view = self.doc.CurrentController.getViewCursor()
        view.gotoRange(table.getCellByName(f"G{row}").getStart(), False)
        view.gotoRange(table.getCellByName(f"G{row}").getEnd(), True)
        focus_document(self.doc, self.display)
        type_keys(self.display, "0")
        self.assertTrue(wait_until(lambda: "94" in [table.getCellByName(n).getString()
                                                    for n in table.getCellNames()], timeout=20))
        count = len(body_paragraphs(self.doc))
        click(self.display, wait_until(lambda: find(self.window, "生成段落", PUSH_BUTTON), timeout=20))
        self.assertTrue(wait_until(lambda: "段落已写入文档" in (status_text(self.window) or ""), timeout=20),
                        status_text(self.window))
        screenshot("section-after-docx.png", self.display)
        self.assertEqual(len(self.conclusions()), 1, self.conclusions())
        self.assertIn("总得分94分", self.conclusions()[0])
        self.assertEqual(len(body_paragraphs(self.doc)), count, "refreshed in place, no paragraph added")


if __name__ == "__main__":
    unittest.main()
