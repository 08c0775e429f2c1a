"""An honest count and feedback while scoring (issue 19, items 5 and 7): soffice on a private Xvfb with the
绩效评价 deck open, scores typed with real keys (xdotool), and never 校验 pressed: the deck's summary counts and
names a bad score, a fixed score's finding leaves the list, a running total shows until the table is complete,
unscored indicators are one line whose whole text is in the detail box, and the deck opens on a count that was
checked. In Calc, the score column of a table Jixiao inserted carries a conditional format marking a score out
of range. Every wait is a wait for a condition."""
import re
import shutil
import tempfile
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import LIST, PUSH_BUTTON
from com.sun.star.sheet.ConditionOperator import NOT_BETWEEN

from office import Office, OfficeCase, copy_seed, wait_until
from ui_helpers import find, focus_document, open_deck, panel_context, screenshot, summary_text, type_keys, walk

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


def finding_lines(window):
    """The deck's findings list as the accessibility tree shows it: among the deck's lists, the one whose
    lines are findings (【错误】…), or the empty one (the template and section boxes always hold names)."""
    panel = panel_context(window)
    empty = None
    for context in walk(panel, limit=8) if panel is not None else []:
        try:
            if context.getAccessibleRole() != LIST:
                continue
            names = [context.getAccessibleChild(j).getAccessibleContext().getAccessibleName()
                     for j in range(context.getAccessibleChildCount())]
        except Exception:
            continue
        if names and names[0].startswith("【"):
            return names, context
        if not names and empty is None:
            empty = context
    return [], empty


def open_count(summary):
    found = re.search(r"待处理问题 (\d+) 个", summary or "")
    return int(found.group(1)) if found else None


class WriterScoringFeedbackTest(OfficeCase):
    """A fully scored county-project table (every score = its weight, 合计 100 优秀), the deck open."""

    def setUp(self):
        self.doc, self.window = open_deck(office, "swriter")
        self.tool = office.tool()
        self.table = self.doc.TextTables.getByName(self.tool.insertScoreTable(self.doc, "county-project"))
        for row in range(2, 23):
            self.cell(f"G{row}").setString(self.cell(f"F{row}").getString())
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())
        self.view = self.doc.CurrentController.getViewCursor()
        self.display = office.display

    def tearDown(self):
        self.doc.close(True)

    def cell(self, name):
        return self.table.getCellByName(name)

    def summary(self):
        return summary_text(self.window) or ""

    def type_into(self, name, *keys):
        """The cell's text selected, the keyboard on the document, then real keys: the next digit replaces it."""
        self.view.gotoRange(self.cell(name).getStart(), False)
        self.view.gotoRange(self.cell(name).getEnd(), True)
        focus_document(self.doc, self.display)
        type_keys(self.display, *keys)

    def test_a_bad_score_is_counted_and_named_and_leaves_when_fixed(self):
        before = open_count(self.summary())
        self.assertIsNotNone(before, self.summary())
        self.type_into("G22", "15")  # 服务对象满意度 is worth 10
        self.assertTrue(wait_until(lambda: "G22 的得分超出分值" in self.summary(), timeout=20), self.summary())
        self.assertIn("正文未校验", self.summary())  # only the tables were checked after the edit
        # The count is a validation's: the same as 校验 would give (this document has no prose to differ).
        shown = open_count(self.summary())
        self.assertEqual(shown, len(self.tool.validate(self.doc)), self.summary())
        self.assertEqual(shown, before + 1, self.summary())
        lines = wait_until(lambda: [l for l in finding_lines(self.window)[0]
                                    if l.startswith("【错误】") and "服务对象满意度" in l], timeout=20)
        self.assertTrue(lines, finding_lines(self.window)[0])
        # The indicator is named once, by the message itself.
        self.assertEqual(lines[0].count("服务对象满意度"), 1, lines[0])
        screenshot("findings-bad-score.png", self.display)

        self.type_into("G22", "10")
        self.assertTrue(wait_until(lambda: "G22" not in self.summary()
                                   and open_count(self.summary()) == before, timeout=20), self.summary())
        self.assertFalse([l for l in finding_lines(self.window)[0] if "服务对象满意度" in l],
                         finding_lines(self.window)[0])

    def test_a_running_total_shows_until_the_table_is_complete(self):
        self.assertNotIn("已评", self.summary())
        self.type_into("G19", "Delete")  # 经济效益, 6 points
        self.assertTrue(wait_until(lambda: "已评 20/21 项，得分 94" in self.summary(), timeout=20), self.summary())
        self.assertTrue(self.summary().startswith("总分 —"), self.summary())
        screenshot("findings-running-total.png", self.display)
        self.type_into("G19", "3")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 97"), timeout=20), self.summary())
        self.assertNotIn("已评", self.summary())

    def test_unscored_indicators_are_one_line_read_whole_in_the_detail_box(self):
        names = []
        for row in range(2, 18):  # 16 scores removed, as a half-scored table has them
            self.cell(f"G{row}").setString("")
            names.append(self.cell(f"C{row}").getString().replace("\n", "").split("（")[0])  # less its （1分）
        self.assertTrue(wait_until(lambda: "还有 16 项未打分" in " ".join(finding_lines(self.window)[0]),
                                   timeout=20), finding_lines(self.window)[0])
        lines, listbox = finding_lines(self.window)
        self.assertFalse([l for l in lines if "尚未填写评价得分" in l], lines)
        self.assertIn("已评 5/21 项", self.summary())
        index = next(i for i, l in enumerate(lines) if "还有 16 项未打分" in l)
        listbox.selectAccessibleChild(index)

        def detail():
            """The box under the list: the label that shows a finding (the list's own lines are list items)."""
            from com.sun.star.accessibility.AccessibleRole import LABEL
            for context in walk(panel_context(self.window), limit=8):
                try:
                    if context.getAccessibleRole() == LABEL and context.getAccessibleName().startswith("【"):
                        return context.getAccessibleName()
                except Exception:
                    continue
            return ""

        # Choosing the line goes to the first unscored indicator.
        self.assertTrue(wait_until(lambda: self.view.Cell is not None and self.view.Cell.CellName == "G2",
                                   timeout=20))
        self.assertTrue(wait_until(lambda: detail().startswith("【警告】 还有 16 项未打分："), timeout=20), detail())
        for name in names:  # every unscored indicator, whole
            self.assertIn(name, detail())
        screenshot("findings-grouped-detail.png", self.display)


    def test_the_list_follows_findings_that_come_go_and_change_in_the_middle(self):
        """The deck changes only the lines that differ (sidebar_panel.cpp showFindings): a finding that comes
        or goes among others shifts the lines below it, and one reworded changes in place. After each key the
        list's error lines are validate()'s, in its order."""
        def error_lines():
            return [line[len("【错误】 "):] for line in finding_lines(self.window)[0] if line.startswith("【错误】")]

        def validated_errors():
            return [f.Message for f in self.tool.validate(self.doc) if f.Severity == "error"]

        def follows(step):
            wait_until(lambda: error_lines() == validated_errors(), timeout=20)
            self.assertEqual(error_lines(), validated_errors(), step)

        # Scores below the weight without a 扣分原因: an error each, listed in the table's order.
        self.type_into("G10", "0")
        follows("G10 deducted")
        self.type_into("G4", "0")  # before the first: every line below it moves down
        follows("G4 deducted")
        self.type_into("G16", "0")  # after the last
        follows("G16 deducted")
        self.assertEqual(len(error_lines()), 3, error_lines())
        self.type_into("G10", "0.5")  # the middle one reworded (another 扣分), in place
        follows("G10 reworded")
        self.type_into("G10", self.cell("F10").getString())  # the middle one goes: the last moves up
        follows("G10 restored")
        self.assertEqual(len(error_lines()), 2, error_lines())
        self.type_into("G4", self.cell("F4").getString())
        self.type_into("G16", self.cell("F16").getString())
        follows("all restored")
        self.assertEqual(error_lines(), [])


class OpeningTest(OfficeCase):
    def test_the_deck_opens_on_a_checked_count(self):
        # The sample report, never validated: the deck's count is the validation's, without 校验 pressed (and
        # its prose checked: test_ui_open_unmodified).
        directory = tempfile.mkdtemp(prefix="jixiao-ui-count-")
        try:
            sample = office.load(copy_seed("sample-report.docx", directory), hidden=False)
            doc, window = open_deck(office, "swriter", sample)
            try:
                summary = lambda: summary_text(window) or ""  # noqa: E731
                self.assertTrue(wait_until(lambda: open_count(summary()) is not None, timeout=20), summary())
                shown = open_count(summary())
                self.assertEqual(shown, len(office.tool().validate(doc)), summary())
                self.assertEqual(len(finding_lines(window)[0]) > 0, shown > 0)
            finally:
                doc.close(True)
        finally:
            shutil.rmtree(directory, ignore_errors=True)


class CalcMarksTest(OfficeCase):
    def test_the_inserted_score_column_marks_a_score_out_of_range(self):
        doc, window = open_deck(office, "scalc")
        try:
            button = wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON), timeout=20)
            self.assertIsNotNone(button)
            button.doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: doc.NamedRanges.hasByName("JixiaoScore1"), timeout=20))
            sheet = doc.Sheets.getByIndex(0)
            # Row 3 is the first indicator (row 1 the title, row 2 the header): 分值 in F, 得分 in G.
            formats = lambda name: sheet.getCellRangeByName(name).ConditionalFormat  # noqa: E731
            self.assertTrue(wait_until(lambda: formats("G3").getCount() == 1, timeout=20))
            for row in range(3, 24):
                entries = formats(f"G{row}")
                self.assertEqual(entries.getCount(), 1, f"G{row}")
                entry = entries.getByIndex(0)
                self.assertEqual(entry.getOperator(), NOT_BETWEEN)
                self.assertEqual((entry.getFormula1(), entry.getFormula2()), ("0", f"$F${row}"))
                self.assertEqual(entry.getStyleName(), "Bad")
            self.assertTrue(doc.StyleFamilies.getByName("CellStyles").hasByName("Bad"))
            # Only Jixiao's score cells: not the weights, not the total, nothing outside the table.
            for name in ("F3", "H3", "G24", "G30", "A1"):
                self.assertEqual(formats(name).getCount(), 0, name)
            sheet.getCellRangeByName("G3").setValue(99)  # a bad score, through the API
            screenshot("calc-bad-score-marked.png", office.display)
            # The insertion is one undo step, its marks with it.
            doc.UndoManager.undo()  # the value
            doc.UndoManager.undo()  # the insertion
            self.assertTrue(wait_until(lambda: not doc.NamedRanges.hasByName("JixiaoScore1"), timeout=20))
            self.assertEqual(formats("G3").getCount(), 0)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
