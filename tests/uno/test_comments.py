"""Findings as the document's own comments (addFindingsAsComments): at their cell or paragraph, through a
.docx/.odt/.xlsx round trip, one undo step, and a second run that removes only what is Jixiao's and gone."""
import os
import shutil
import tempfile
import unittest

import uno
from com.sun.star.lang import IllegalArgumentException

from comment_helpers import AUTHOR, calc_comments, writer_comments
from office import SOFFICE, Office, OfficeCase, copy_seed, props, snapshot

office = Office()
# Writer shows comments in windows built from this file; an office without it (a -nogui package) cannot.
WRITER_COMMENT_UI = os.path.join(os.path.dirname(os.path.realpath(SOFFICE)), os.pardir, "share", "config",
                                 "soffice.cfg", "modules", "swriter", "ui", "annotation.ui")
# Calc's Insert Comment command needs Calc's user-interface files: a -nogui office has none in this folder.
CALC_UI = os.path.join(os.path.dirname(os.path.realpath(SOFFICE)), os.pardir, "share", "config", "soffice.cfg",
                       "modules", "scalc", "ui")


def calc_has_ui():
    return os.path.isdir(CALC_UI) and bool(os.listdir(CALC_UI))


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def add_writer_comment(doc, text_range, author, content):
    field = doc.createInstance("com.sun.star.text.textfield.Annotation")
    field.Author = author
    field.Content = content
    text_range.getText().insertTextContent(text_range, field, False)
    return field


def open_places(tool, doc):
    """The places of the error and warning findings, as writer_comments/calc_comments name them."""
    places = set()
    for f in tool.validate(doc):
        if f.Severity == "info":
            continue
        places.add(f"¶{f.Paragraph}" if f.Paragraph >= 0 else f.Location)
    return places


class CommentCase(OfficeCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jixiao-comments-")
        self.tool = office.tool()
        self.docs = []

    def tearDown(self):
        for doc in self.docs:
            doc.close(True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def load(self, path):
        """The document opened, its derived cells brought up to date first: a call of the tool makes it live,
        and the live run after it would otherwise fix findings (a wrong 合计) under the test's feet."""
        doc = office.load(path)
        self.docs.append(doc)
        self.tool.recompute(doc)
        office.settle()
        return doc

    def round_trip(self, doc, name, filter_name):
        path = os.path.join(self.dir, name)
        doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=filter_name))
        return self.load(path)


@unittest.skipUnless(os.path.exists(WRITER_COMMENT_UI), "this LibreOffice has no user-interface files (-nogui)")
class WriterCommentTest(CommentCase):
    def defects(self):
        """The national 2020 table with three reasons missing (H12 as shipped; H14 and H17 emptied)."""
        doc = self.load(copy_seed("layout-national2020-defects.docx", self.dir))
        table = doc.TextTables.getByName("表格1")
        for cell in ("H14", "H17"):
            table.getCellByName(cell).setString("")
        office.settle()
        return doc

    def test_cell_comments_land_on_their_cells_and_survive_a_docx_round_trip(self):
        doc = self.defects()
        places = open_places(self.tool, doc)
        self.assertEqual(places, {"表格1.H12", "表格1.H14", "表格1.H17"})  # 扣分原因 missing
        added = self.tool.addFindingsAsComments(doc)
        comments = writer_comments(doc)
        self.assertEqual(added, len(places))
        self.assertEqual({place for place, _, _ in comments}, places)
        for place, author, content in comments:
            self.assertEqual(author, AUTHOR)
            self.assertTrue(content.startswith(("【错误】", "【警告】")), content)
        h12 = next(content for place, _, content in comments if place == "表格1.H12")
        self.assertIn("未填写扣分原因", h12)
        self.assertNotIn("需人工判断", "".join(c for _, _, c in comments))  # info findings stay in the deck

        reopened = self.round_trip(doc, "annotated.docx", "MS Word 2007 XML")
        self.assertEqual(writer_comments(reopened), comments)
        field = next(f for f in reopened.TextFields if f.supportsService("com.sun.star.text.textfield.Annotation"))
        self.assertGreaterEqual(field.DateTimeValue.Year, 2024)
        # Run again on the reopened copy: recognised as Jixiao's (author + the record the file kept).
        self.assertEqual(self.tool.addFindingsAsComments(reopened), 0)
        self.assertEqual(writer_comments(reopened), comments)

    def test_a_paragraph_comment_marks_the_figure_and_survives_an_odt_round_trip(self):
        doc = self.load(copy_seed("sample-report.docx", self.dir))
        year = next(f for f in self.tool.validate(doc) if f.RuleId == "year.mismatch")
        self.assertEqual(self.tool.addFindingsAsComments(doc), 1)
        comments = writer_comments(doc)
        self.assertEqual([(place, author) for place, author, _ in comments], [(f"¶{year.Paragraph}", AUTHOR)])
        self.assertIn("2024", comments[0][2])
        field = next(f for f in doc.TextFields if f.supportsService("com.sun.star.text.textfield.Annotation"))
        self.assertEqual(field.getAnchor().getString(), "2024")  # the figure itself, inside the paragraph

        reopened = self.round_trip(doc, "annotated.odt", "writer8")
        self.assertEqual(writer_comments(reopened), comments)
        self.assertEqual(self.tool.addFindingsAsComments(reopened), 0)
        self.assertEqual(writer_comments(reopened), comments)

    def test_a_rerun_after_a_fix_removes_exactly_its_comment(self):
        doc = self.defects()
        self.tool.addFindingsAsComments(doc)
        doc = self.round_trip(doc, "round.docx", "MS Word 2007 XML")  # as a unit would send it back
        table = doc.TextTables.getByName("表格1")
        # The user's own comment at a finding's cell, and one of Jixiao's edited by the user.
        add_writer_comment(doc, table.getCellByName("G12").getEnd(), "张三", "扣分依据见会议纪要")
        edited = next(f for f in doc.TextFields if f.supportsService("com.sun.star.text.textfield.Annotation")
                      and f.Author == AUTHOR and f.getAnchor().Cell and f.getAnchor().Cell.CellName == "H14")
        edited.Content = edited.Content + " —— 已与单位核实"
        before = writer_comments(doc)

        h12 = table.getCellByName("H12")  # typed after the comments there, as a user does: fixes 扣分原因 missing
        h12.insertString(h12.getEnd(), "制度执行检查发现1处未按规定审批", False)
        self.assertNotIn("表格1.H12", open_places(self.tool, doc))
        self.assertEqual(self.tool.addFindingsAsComments(doc), 0)
        after = writer_comments(doc)
        gone = [c for c in before if c not in after]
        self.assertEqual([(place, author) for place, author, _ in gone], [("表格1.H12", AUTHOR)])
        self.assertEqual([c for c in after if c not in before], [])
        self.assertIn(("表格1.G12", "张三", "扣分依据见会议纪要"), after)
        self.assertTrue(any(place == "表格1.H14" and content.endswith("已与单位核实") for place, _, content in after))

    def test_a_rerun_after_a_fix_keeps_a_comment_that_was_answered(self):
        doc = self.defects()
        self.tool.addFindingsAsComments(doc)
        ours = next(f for f in doc.TextFields if f.supportsService("com.sun.star.text.textfield.Annotation")
                    and f.getAnchor().Cell and f.getAnchor().Cell.CellName == "H12")
        # LibreOffice 7.4's Reply puts the answer at the same spot as the comment it answers.
        add_writer_comment(doc, ours.getAnchor().getStart(), "张三", "已补充扣分原因")
        h12 = doc.TextTables.getByName("表格1").getCellByName("H12")
        h12.insertString(h12.getEnd(), "1处未按规定审批", False)
        self.tool.addFindingsAsComments(doc)
        kept = [c for c in writer_comments(doc) if c[0] == "表格1.H12"]
        self.assertEqual([author for _, author, _ in kept], sorted([AUTHOR, "张三"]), kept)

    def test_undo_takes_every_comment_back_in_one_step(self):
        doc = self.defects()
        text_before = snapshot(doc)
        undo = doc.UndoManager
        undo.clear()
        added = self.tool.addFindingsAsComments(doc)
        self.assertGreater(added, 1)
        self.assertEqual(len(undo.getAllUndoActionTitles()), 1)
        self.assertEqual(undo.getCurrentUndoActionTitle(), "添加问题批注")
        undo.undo()
        self.assertEqual(writer_comments(doc), [])
        self.assertEqual(snapshot(doc), text_before)
        undo.redo()
        self.assertEqual(len(writer_comments(doc)), added)

    def test_nothing_to_change_adds_no_undo_step(self):
        doc = self.defects()
        self.tool.addFindingsAsComments(doc)
        doc.UndoManager.clear()
        self.assertEqual(self.tool.addFindingsAsComments(doc), 0)
        self.assertFalse(doc.UndoManager.isUndoPossible())


@unittest.skipIf(os.path.exists(WRITER_COMMENT_UI), "this LibreOffice has its user-interface files")
class NoUiOfficeTest(CommentCase):
    def test_writer_comments_are_refused_where_writer_cannot_show_them(self):
        # Such an office aborts when a comment is added (Debian 11's libreoffice-writer-nogui 7.0.4).
        doc = self.load(copy_seed("layout-national2020-defects.docx", self.dir))
        with self.assertRaises(IllegalArgumentException) as raised:
            self.tool.addFindingsAsComments(doc)
        self.assertIn("libreoffice-writer", raised.exception.Message)
        office.settle()
        self.assertEqual(writer_comments(doc), [])


@unittest.skipIf(calc_has_ui(), "this LibreOffice has Calc's user-interface files")
class NoCalcUiOfficeTest(CommentCase):
    def test_calc_comments_are_refused_where_calc_cannot_show_them(self):
        # Such an office aborted on its next timer after the comments were added (7.4 -nogui on arm64).
        doc = self.load(copy_seed("layout-calc-subtotal-wrong.xlsx", self.dir))
        with self.assertRaises(IllegalArgumentException) as raised:
            self.tool.addFindingsAsComments(doc)
        self.assertIn("libreoffice-calc", raised.exception.Message)
        office.settle()
        self.assertEqual(calc_comments(doc), [])


@unittest.skipUnless(calc_has_ui(), "this LibreOffice has no user-interface files for Calc (-nogui)")
class CalcCommentTest(CommentCase):
    def annotated(self):
        """The subtotal sheet with Jixiao's comments at its findings, and those comments as calc_comments reads them."""
        doc = self.load(copy_seed("layout-calc-subtotal-wrong.xlsx", self.dir))
        places = open_places(self.tool, doc)
        self.assertIn("评分表.D9", places)
        self.assertEqual(self.tool.addFindingsAsComments(doc), len(places))
        comments = calc_comments(doc)
        self.assertEqual({place for place, _, _ in comments}, places)
        self.assertTrue(all(author == AUTHOR for _, author, _ in comments), comments)
        d9 = next(content for place, _, content in comments if place == "评分表.D9")
        self.assertIn("18", d9)
        self.assertEqual(doc.Sheets.getByName("评分表").getCellRangeByName("D9").getValue(), 18)
        return doc, comments

    def rerun_after_a_round_trip(self, doc, comments, name, filter_name):
        """Stored and opened again: Jixiao still knows its comments by their texts — a rerun adds none, and after
        D9 is fixed removes D9's only, leaving a user's comment — and every other comment reads as written.
        Jixiao reads the comments first, as the file left them: LibreOffice 25.2 answers the text of a comment
        read from .xlsx as empty until its caption is made (calc_comments makes it)."""
        reopened = self.round_trip(doc, name, filter_name)
        self.assertEqual(self.tool.addFindingsAsComments(reopened), 0)
        sheet = reopened.Sheets.getByName("评分表")
        sheet.Annotations.insertNew(sheet.getCellRangeByName("B3").CellAddress, "请补充佐证材料")
        sheet.getCellRangeByName("D9").setValue(19)
        self.assertNotIn("评分表.D9", open_places(self.tool, reopened))
        self.tool.addFindingsAsComments(reopened)
        # Without the text Jixiao would have taken D9's comment for one the user edited, and kept it.
        after = calc_comments(reopened)
        kept = [(place, content) for place, _, content in comments if place != "评分表.D9"]
        self.assertEqual([(place, content) for place, _, content in after],
                         sorted(kept + [("评分表.B3", "请补充佐证材料")]))
        return after

    def test_cell_comments_survive_an_xlsx_round_trip_and_a_rerun(self):
        # LibreOffice 7.4 reads no comment author from .xlsx: the record alone tells Jixiao's comments there.
        self.rerun_after_a_round_trip(*self.annotated(), "annotated.xlsx", "Calc MS Excel 2007 XML")

    def test_cell_comments_survive_an_ods_round_trip_and_a_rerun(self):
        doc, comments = self.annotated()
        after = self.rerun_after_a_round_trip(doc, comments, "annotated.ods", "calc8")
        self.assertTrue(all(author == AUTHOR for place, author, _ in after if place != "评分表.B3"), after)

    def test_a_protected_sheet_is_refused_before_anything_changes(self):
        doc = self.load(copy_seed("layout-calc-subtotal-wrong.xlsx", self.dir))
        doc.Sheets.getByName("评分表").protect("")
        doc.UndoManager.clear()
        with self.assertRaises(IllegalArgumentException) as raised:
            self.tool.addFindingsAsComments(doc)
        self.assertIn("受保护", raised.exception.Message)
        self.assertEqual(calc_comments(doc), [])
        self.assertFalse(doc.UndoManager.isUndoPossible())

    def test_undo_takes_the_cell_comments_back_in_one_step(self):
        doc = self.load(copy_seed("layout-calc-subtotal-wrong.xlsx", self.dir))
        doc.UndoManager.clear()
        self.assertGreater(self.tool.addFindingsAsComments(doc), 0)
        self.assertEqual(len(doc.UndoManager.getAllUndoActionTitles()), 1)
        doc.UndoManager.undo()
        self.assertEqual(calc_comments(doc), [])


if __name__ == "__main__":
    unittest.main()
