"""Issue 19 item 3: a generated section is found again after the report is saved as .docx or .doc and reopened —
refreshed in place, never added a second time — and a change the user made to it is still noticed. A section
Jixiao cannot find is not written again without a word."""
import os
import shutil
import tempfile
import unittest

import uno

from office import Office, OfficeCase, body_paragraphs, props, sample_scorecard_json, wait_until

office = Office()
FORMATS = (("MS Word 2007 XML", "docx"), ("MS Word 97", "doc"))


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def paragraphs(doc):
    return [paragraph.getString() for paragraph in body_paragraphs(doc)]


class SectionRoundTripTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()
        self.folder = tempfile.mkdtemp(prefix="jixiao-section-roundtrip-")
        self.docs = []

    def tearDown(self):
        for doc in self.docs:
            doc.close(True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def new_report(self, lines=("前文。", "", "后文。", "")):
        """A report with text around an empty paragraph, the sample's scoring table, and 评价结论 written into
        that paragraph."""
        doc = office.new_document("swriter")
        self.docs.append(doc)
        text = doc.Text
        cursor = text.createTextCursor()
        for i, line in enumerate(lines):
            if i:
                text.insertControlCharacter(cursor, 0, False)
            text.insertString(cursor, line, False)
        self.goto_paragraph(doc, len(lines) - 1)
        self.tool.importScorecard(doc, sample_scorecard_json())
        self.goto_paragraph(doc, 1)
        self.assertIn("总得分97分", self.tool.insertSection(doc, "conclusion"))
        return doc

    def goto_paragraph(self, doc, index):
        doc.CurrentController.getViewCursor().gotoRange(body_paragraphs(doc)[index].getStart(), False)

    def round_trip(self, doc, filter_name, extension):
        path = os.path.join(self.folder, f"report.{extension}")
        doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=filter_name))
        again = office.load(path)
        self.docs.append(again)
        return again

    def change_a_score(self, doc):
        """经济效益 3 → 0, the cursor left in the score's cell as typing leaves it: the total becomes 94."""
        table = doc.TextTables.getByIndex(0)
        row = next(n[1:] for n in table.getCellNames()
                   if n[0] == "C" and "经济效益" in table.getCellByName(n).getString())
        table.getCellByName(f"G{row}").setString("0")
        doc.CurrentController.getViewCursor().gotoRange(table.getCellByName(f"G{row}").getStart(), False)
        self.assertEqual(self.tool.recompute(doc) >= 0, True)
        self.assertTrue(wait_until(lambda: "94" in [table.getCellByName(n).getString()
                                                    for n in table.getCellNames()]))

    def conclusions(self, doc):
        return [p for p in paragraphs(doc) if "综合考核打分" in p]

    def test_a_section_is_refreshed_in_place_after_a_round_trip(self):
        for filter_name, extension in FORMATS:
            with self.subTest(extension):
                again = self.round_trip(self.new_report(), filter_name, extension)
                self.assertFalse(self.tool.isSectionEdited(again, "conclusion"))
                before = paragraphs(again)
                self.assertEqual(len(self.conclusions(again)), 1)
                self.change_a_score(again)
                refreshed = self.tool.insertSection(again, "conclusion")
                self.assertIn("总得分94分", refreshed)
                after = paragraphs(again)
                self.assertEqual(len(self.conclusions(again)), 1, after)
                self.assertIn("总得分94分", self.conclusions(again)[0])
                self.assertEqual(len(after), len(before), "refresh must replace in place, not add paragraphs")
                self.assertEqual(after.index(self.conclusions(again)[0]),
                                 [i for i, p in enumerate(before) if "综合考核打分" in p][0])
                self.assertFalse(self.tool.isSectionEdited(again, "conclusion"))

    def test_an_edit_is_still_noticed_after_a_round_trip(self):
        for filter_name, extension in FORMATS:
            with self.subTest(extension):
                again = self.round_trip(self.new_report(), filter_name, extension)
                self.assertFalse(self.tool.isSectionEdited(again, "conclusion"))
                anchor = again.Bookmarks.getByName("Jixiao_conclusion").getAnchor()
                inside = anchor.getText().createTextCursorByRange(anchor.getStart())
                inside.goRight(2, False)  # text typed inside the section (typed before it, it stays outside)
                anchor.getText().insertString(inside, "（经复核）", False)
                self.assertTrue(self.tool.isSectionEdited(again, "conclusion"))
                self.tool.insertSection(again, "conclusion")  # the deck asks first; a macro overwrites
                self.assertFalse(self.tool.isSectionEdited(again, "conclusion"))
                self.assertNotIn("（经复核）", "\n".join(paragraphs(again)))
                self.assertEqual(len(self.conclusions(again)), 1)

    def test_a_section_whose_mark_was_lost_is_found_by_its_text(self):
        # What a report written before sections carried bookmarks becomes as .docx: the text section is gone,
        # nothing marks the paragraphs; their text is still what Jixiao wrote.
        doc = self.new_report()
        doc.Bookmarks.getByName("Jixiao_conclusion").dispose()
        again = self.round_trip(doc, "MS Word 2007 XML", "docx")
        self.assertFalse(again.Bookmarks.hasByName("Jixiao_conclusion"))
        before = paragraphs(again)
        self.change_a_score(again)
        self.assertIn("总得分94分", self.tool.insertSection(again, "conclusion"))
        self.assertEqual(len(self.conclusions(again)), 1, paragraphs(again))
        self.assertEqual(len(paragraphs(again)), len(before))
        self.assertTrue(again.Bookmarks.hasByName("Jixiao_conclusion"), "the section is marked again")

    def test_a_lost_and_edited_section_is_not_written_a_second_time(self):
        doc = self.new_report()
        doc.Bookmarks.getByName("Jixiao_conclusion").dispose()
        again = self.round_trip(doc, "MS Word 2007 XML", "docx")
        first = next(p for p in body_paragraphs(again) if "综合考核打分" in p.getString())
        first.getText().insertString(first.getStart(), "（经复核）", False)
        before = paragraphs(again)
        with self.assertRaises(Exception) as raised:
            self.tool.insertSection(again, "conclusion")
        self.assertIn("找不到上次生成的“评价结论”", raised.exception.Message)
        self.assertEqual(paragraphs(again), before)

    def test_a_report_with_the_heading_elsewhere_is_not_given_a_second_conclusion(self):
        doc = office.new_document("swriter")
        self.docs.append(doc)
        text = doc.Text
        cursor = text.createTextCursor()
        for i, line in enumerate(("一、项目基本情况", "正文。", "三、评价结论", "原有的结论。", "四、成本效益分析", "")):
            if i:
                text.insertControlCharacter(cursor, 0, False)
            text.insertString(cursor, line, False)
        self.goto_paragraph(doc, 5)
        self.tool.importScorecard(doc, sample_scorecard_json())
        self.goto_paragraph(doc, 1)  # under 一、: not where 评价结论 belongs
        before = paragraphs(doc)
        with self.assertRaises(Exception) as raised:
            self.tool.insertSection(doc, "conclusion")
        self.assertIn("文档中已有“三、评价结论”", raised.exception.Message)
        self.assertEqual(paragraphs(doc), before)
        self.goto_paragraph(doc, 3)  # under 三、评价结论: written there
        self.tool.insertSection(doc, "conclusion")
        self.assertEqual(len(self.conclusions(doc)), 1)


if __name__ == "__main__":
    unittest.main()
