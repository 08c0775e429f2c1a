"""Editing with a real keyboard (issue 11): soffice on a private Xvfb with the 绩效评价 deck open, digits, Tab,
Ctrl+Z and Ctrl+Y pressed with xdotool, deck buttons clicked with the mouse; what happened is read back through
UNO (cells, the view cursor, the undo stack) and the accessibility tree (the deck's summary and status line).
Every wait is a wait for a condition; where a test shows that something did not happen, it first waits for
something that happens after it would have (the summary updated by the same run, the undo stack settled)."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import (CHECK_BOX, COMBO_BOX, DIALOG, LIST, PUSH_BUTTON, TEXT,
                                                       TOOL_TIP, TREE_ITEM)
from com.sun.star.sheet.CellFlags import FORMULA

from office import Office, OfficeCase, cell_name, changes, wait_until, writer_cells
from top_windows import TopWindowWatch, button_in, question, role
from ui_helpers import (click, find, focus_document, move_pointer, open_deck, press, screenshot, scroll_into_view,
                        status_text, summary_text, type_keys, walk)

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


class WriterKeyboardTest(OfficeCase):
    """A fully scored county-project table (every score = its weight, 合计 100 优秀), the deck open."""

    def setUp(self):
        self.doc, self.window = open_deck(office, "swriter")
        self.tool = office.tool()
        self.table = self.doc.TextTables.getByName(self.tool.insertScoreTable(self.doc, "county-project"))
        for row in range(2, 23):
            self.cell(f"G{row}").setString(self.cell(f"F{row}").getString())
        self.assertTrue(wait_until(lambda: self.text("C23") == "100"), self.text("C23"))
        self.view = self.doc.CurrentController.getViewCursor()
        self.undo = self.doc.UndoManager
        self.display = office.display

    def tearDown(self):
        self.doc.close(True)

    def cell(self, name):
        return self.table.getCellByName(name)

    def text(self, name):
        return self.cell(name).getString()

    def cursor_cell(self):
        cell = self.view.Cell
        return cell.CellName if cell is not None else None

    def select_cell_text(self, name):
        """Puts the cursor into a cell with its text selected, as a double click would, and the keyboard focus
        on the document: the next digit replaces the cell's value."""
        self.view.gotoRange(self.cell(name).getStart(), False)
        self.view.gotoRange(self.cell(name).getEnd(), True)
        focus_document(self.doc, self.display)

    def summary(self):
        return summary_text(self.window) or ""

    def test_a_cell_left_for_its_comment_is_named_in_the_status_line(self):
        # 经济效益's 扣分 holds a comment inserted while changes were recorded: a write would delete it, so the
        # run leaves the cell as it is, and the deck says so (the log alone did before).
        self.doc.RecordChanges = True
        annotation = self.doc.createInstance("com.sun.star.text.textfield.Annotation")
        annotation.Author, annotation.Content = "审核人", "请核实扣分"
        self.cell("H19").insertTextContent(self.cell("H19").createTextCursor(), annotation, False)
        self.doc.RecordChanges = False
        self.select_cell_text("G19")  # 6 points
        type_keys(self.display, "3")
        self.assertTrue(wait_until(lambda: self.text("C23") == "97"), self.text("C23"))
        self.assertTrue(wait_until(lambda: "H19" in self.status_line()), self.status_line())
        self.assertIn("批注", self.status_line())
        screenshot("keyboard-held-cell.png", self.display)
        self.assertEqual(self.text("H19"), "0", "the cell was rewritten")
        self.assertTrue([f for f in self.tool.validate(self.doc) if f.Location.endswith(".H19")],
                        "its finding says what it should hold")

    def test_undo_and_redo_leave_the_cursor_at_the_edit(self):
        # Item 2: after Ctrl+Z the cursor was left in 评价等级 with the computed cells selected, and the next
        # keystroke went there.
        self.select_cell_text("G19")  # 经济效益, 6 points
        type_keys(self.display, "3")
        self.assertTrue(wait_until(lambda: self.text("H19") == "3" and self.text("C23") == "97"))
        type_keys(self.display, "ctrl+z")
        self.assertTrue(wait_until(lambda: self.text("G19") == "6" and self.text("C23") == "100"),
                        (self.text("G19"), self.text("C23")))
        screenshot("keyboard-after-undo.png", self.display)
        self.assertEqual(self.cursor_cell(), "G19", "after Ctrl+Z the cursor must be where the edit was")
        for derived in ("H19", "C23", "D23", "B24"):
            self.assertNotIn(self.text(derived), ("", None))
        type_keys(self.display, "ctrl+y")
        self.assertTrue(wait_until(lambda: self.text("G19") == "3" and self.text("C23") == "97"))
        self.assertEqual(self.cursor_cell(), "G19", "after Ctrl+Y the cursor must be where the edit was")
        # The next keystroke lands in the edited cell, not in a computed one.
        self.select_cell_text("G19")
        type_keys(self.display, "5")
        self.assertTrue(wait_until(lambda: self.text("G19") == "5" and self.text("C23") == "99"),
                        (self.text("G19"), self.text("C23")))
        self.assertEqual(self.text("B24"), "优秀")

    def test_the_deck_summary_follows_typing_undo_and_redo(self):
        # Item 3: after undo or redo the deck kept the figures of the edit that was undone.
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())
        self.select_cell_text("G19")
        type_keys(self.display, "3")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 97")), self.summary())
        type_keys(self.display, "ctrl+z")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())
        type_keys(self.display, "ctrl+y")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 97")), self.summary())
        # A score removed: the deck says the table cannot be totalled, and the 合计 Jixiao wrote goes with it
        # (issue 24: nothing supports it any more); before Jixiao wrote it the cell was empty.
        self.select_cell_text("G19")
        type_keys(self.display, "Delete")
        self.assertTrue(wait_until(lambda: self.text("G19") == "" and self.summary().startswith("总分 —")),
                        self.summary())
        self.assertEqual((self.text("H19"), self.text("C23"), self.text("D23"), self.text("B24")), ("", "", "", ""))
        screenshot("keyboard-summary-blank.png", self.display)

    def test_an_out_of_range_score_clears_its_deduction_and_the_total(self):
        # Item 4: typing 15 into a 10-point cell left 扣分 at 9, the value computed for the keystroke "1".
        self.select_cell_text("G22")  # 服务对象满意度, 10 points
        type_keys(self.display, "15")
        self.assertTrue(wait_until(lambda: self.text("G22") == "15"))
        self.assertTrue(wait_until(lambda: self.text("H22") == "" and self.text("C23") == ""),
                        (self.text("H22"), self.text("C23")))
        self.assertEqual(self.text("B24"), "")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 —")), self.summary())

    def test_typing_a_number_is_one_undo_step_that_also_restores_the_derived_cells(self):
        # Item 5: "10" typed with Jixiao installed was two undo steps (one per digit).
        # Plain Writer: a cell emptied with Delete, then "1" and "0" typed, is two steps (删除, 输入: 10).
        self.select_cell_text("G22")  # 10 points, scored 10
        type_keys(self.display, "Delete")
        self.assertTrue(wait_until(lambda: self.text("G22") == "" and self.summary().startswith("总分 —")),
                        self.summary())
        steps = len(self.undo.getAllUndoActionTitles())
        type_keys(self.display, "1")
        self.assertTrue(wait_until(lambda: self.text("H22") == "9" and self.text("C23") == "91"))
        type_keys(self.display, "0")
        self.assertTrue(wait_until(lambda: self.text("G22") == "10" and self.text("H22") == "0"))
        # The summary is told by the run that followed the last keystroke: the stack is settled by then.
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())
        self.assertEqual(len(self.undo.getAllUndoActionTitles()), steps + 1, self.undo.getAllUndoActionTitles())
        type_keys(self.display, "ctrl+z")  # the typing, as one step: the cell empty again
        self.assertTrue(wait_until(lambda: self.text("G22") == "" and self.summary().startswith("总分 —")))
        type_keys(self.display, "ctrl+z")  # the Delete: the score and every derived cell back
        self.assertTrue(wait_until(lambda: self.text("G22") == "10" and self.text("H22") == "0"
                                   and self.text("C23") == "100"),
                        (self.text("G22"), self.text("H22"), self.text("C23")))
        self.assertEqual(len(self.undo.getAllUndoActionTitles()), steps - 1)

    def test_writing_over_an_edited_section_asks_first(self):
        # Item 1: 生成段落 on an edited section showed "unsatisfied query for interface of type
        # com.sun.star.awt.XWindowPeer!" instead of asking.
        text = self.doc.Text
        text.insertString(text.getEnd(), "评价结论：", False)
        self.view.gotoRange(text.getEnd(), False)
        self.tool.insertSection(self.doc, "conclusion")
        section = self.doc.TextSections.getByName("Jixiao_conclusion")
        self.view.gotoRange(section.getAnchor().getEnd(), False)
        focus_document(self.doc, self.display)
        type_keys(self.display, "9")
        self.assertTrue(wait_until(lambda: self.tool.isSectionEdited(self.doc, "conclusion")))
        with TopWindowWatch(office) as watch:
            click(self.display, find(self.window, "生成段落", PUSH_BUTTON))
            box, yes = question(watch, "是", timeout=10)
            screenshot("keyboard-section-question.png", self.display)
            self.assertTrue(yes, "no question was asked; the deck's status says: " + self.status_line())
            click(self.display, yes)
            self.assertTrue(watch.closed(box), "the question stayed open after 是")
        self.assertTrue(wait_until(lambda: not self.tool.isSectionEdited(self.doc, "conclusion")),
                        self.status_line())
        self.assertFalse(section.getAnchor().getString().endswith("9"))
        self.assertIn("段落已写入文档", self.status_line())

    def test_writing_a_section_from_inside_a_computed_cell_puts_it_after_the_table(self):
        # Item 6: 生成段落 with the cursor in a computed cell claimed success, wrote nothing and un-centred it.
        self.view.gotoRange(self.cell("H19").getStart(), False)
        adjust = self.cell("H19").createTextCursor().ParaAdjust
        click(self.display, find(self.window, "生成段落", PUSH_BUTTON))
        self.assertTrue(wait_until(lambda: self.doc.TextSections.hasByName("Jixiao_conclusion")),
                        self.status_line())
        anchor = self.doc.TextSections.getByName("Jixiao_conclusion").getAnchor()
        self.assertEqual(anchor.getText(), self.doc.Text, "the section must be in the body text")
        self.assertIn("综合考核打分", anchor.getString())
        self.assertEqual(self.text("H19"), "0")
        self.assertEqual(self.cell("H19").createTextCursor().ParaAdjust, adjust, "the cell lost its alignment")
        # Right after the table: the body's last table comes before the section's paragraph.
        items = self.doc.Text.createEnumeration()
        kinds = []
        while items.hasMoreElements():
            item = items.nextElement()
            kinds.append("table" if item.supportsService("com.sun.star.text.TextTable") else item.getString())
        self.assertEqual(kinds[kinds.index("table") + 1], anchor.getString().split("\n")[0])
        self.assertIn("段落已写入文档", self.status_line())

    def test_switching_live_recompute_back_on_recomputes_and_recompute_is_a_button(self):
        # Item 10: turning 实时重算 back on left the table stale until the next edit.
        self.addCleanup(office.set_live_recompute, True)  # the setting outlives the document: back on for the others
        live = find(self.window, "实时重算", CHECK_BOX)
        click(self.display, live)
        self.assertTrue(wait_until(lambda: "实时重算已关闭" in self.status_line()), self.status_line())
        self.select_cell_text("G19")
        type_keys(self.display, "3")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 97")), self.summary())
        self.assertEqual(self.text("C23"), "100")  # not recomputed while off
        click(self.display, find(self.window, "重算", PUSH_BUTTON))
        self.assertTrue(wait_until(lambda: self.text("C23") == "97"), self.status_line())
        self.assertIn("已重算", self.status_line())
        self.select_cell_text("G19")
        type_keys(self.display, "2")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 96")), self.summary())
        self.assertEqual(self.text("C23"), "97")
        click(self.display, live)
        self.assertTrue(wait_until(lambda: self.text("C23") == "96"), (self.text("C23"), self.status_line()))

    def test_typing_into_a_computed_cell_is_put_back_with_a_word(self):
        # Item 10: a value typed into 扣分 was silently replaced by the computed one.
        self.select_cell_text("H19")
        type_keys(self.display, "5")
        self.assertTrue(wait_until(lambda: "自动计算" in self.status_line()), self.status_line())
        self.assertEqual(self.text("H19"), "0")
        self.assertIn("H19", self.status_line())

    def test_choosing_a_finding_gives_the_document_the_keyboard(self):
        # Item 9: after clicking a finding, typing went nowhere until the user clicked into the document.
        self.cell("G2").setString("5")  # 项目立项规范性 is worth 1
        self.assertTrue(wait_until(lambda: self.text("C23") == ""))
        click(self.display, find(self.window, "校验", PUSH_BUTTON))

        def finding():
            for context in walk(self.window.getAccessibleContext()):
                if context.getAccessibleRole() != LIST:
                    continue
                for i in range(context.getAccessibleChildCount()):
                    item = context.getAccessibleChild(i).getAccessibleContext()
                    name = item.getAccessibleName()
                    if "项目立项规范性" in name and name.startswith("【错误】"):  # score.range, at G2
                        return context, item
            return None

        self.assertTrue(wait_until(lambda: finding() is not None), self.status_line())
        _, item = finding()
        click(self.display, item)
        self.assertTrue(wait_until(lambda: self.cursor_cell() == "G2"))
        type_keys(self.display, "1")  # no click into the document first
        self.assertTrue(wait_until(lambda: self.text("G2") == "1" and self.text("C23") == "100"),
                        (self.text("G2"), self.text("C23")))
        screenshot("keyboard-finding-typed.png", self.display)

    def test_long_names_and_findings_have_tooltips(self):
        # Item 9: the template name, 项目名称 and findings are cut off at the deck's default width; each shows
        # whole in a tooltip, which the accessibility tree offers a screen reader as a TOOL_TIP window.
        tooltips = TopWindowWatch(office)  # a tooltip is a top window of its own
        self.addCleanup(tooltips.close)
        template = "县级项目支出绩效评价指标体系（决策、过程、产出、效益）"
        hover(self.display, find(self.window, "模板", COMBO_BOX))
        self.assertTrue(wait_until(lambda: tooltip(tooltips) == template), tooltip(tooltips))
        screenshot("keyboard-tooltip-template.png", self.display)

        project = "富民县信访局12345政务服务便民热线办理工作经费（含话务外包及系统运维）"
        find(self.window, "项目名称", TEXT).setText(project)
        click(self.display, find(self.window, "保存报告信息", PUSH_BUTTON))
        self.assertTrue(wait_until(lambda: "已保存" in self.status_line()), self.status_line())
        hover(self.display, find(self.window, "项目名称", TEXT))
        self.assertTrue(wait_until(lambda: tooltip(tooltips) == project), tooltip(tooltips))

        self.cell("G2").setString("5")  # 项目立项规范性 is worth 1
        click(self.display, find(self.window, "校验", PUSH_BUTTON))

        def findings_list():
            for context in walk(self.window.getAccessibleContext()):
                if context.getAccessibleRole() == LIST and context.getAccessibleChildCount() > 0:
                    first = context.getAccessibleChild(0).getAccessibleContext().getAccessibleName()
                    if "项目立项规范性" in first:
                        return context
            return None

        findings = wait_until(findings_list)
        self.assertTrue(findings, self.status_line())
        # Item 11: the one finding is the score out of range; the county template's own standards (three
        # checklists whose items × deduction ≠ 分值, four judgements) are no longer findings of a fresh table.
        names = [findings.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                 for i in range(findings.getAccessibleChildCount())]
        self.assertEqual(len(names), 1, names)
        item = findings.getAccessibleChild(0).getAccessibleContext()
        click(self.display, item)
        hover(self.display, findings)
        self.assertTrue(wait_until(lambda: tooltip(tooltips) == item.getAccessibleName()),
                        (tooltip(tooltips), item.getAccessibleName()))
        screenshot("keyboard-tooltip-finding.png", self.display)

    def test_a_second_scoring_table_is_asked_for(self):
        # Item 10: a second 插入打分表 added a second table without a word; only the first is live.
        self.view.gotoRange(self.doc.Text.getEnd(), False)
        with TopWindowWatch(office) as watch:
            click(self.display, find(self.window, "插入打分表", PUSH_BUTTON))
            box, no = question(watch, "否", timeout=10)
            screenshot("keyboard-second-table-question.png", self.display)
            self.assertTrue(no, "no question; the deck says: " + self.status_line())
            click(self.display, no)
            self.assertTrue(watch.closed(box), "the question stayed open after 否")
        self.assertTrue(wait_until(lambda: "未插入第二张" in self.status_line()), self.status_line())
        self.assertEqual(self.doc.TextTables.getCount(), 1)

    def test_a_pasted_score_is_recomputed_and_one_undo_takes_it_back(self):
        # Item 3: the table and the deck follow a paste as they follow typing; one Ctrl+Z undoes the paste and
        # brings the derived cells back.
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())
        self.select_cell_text("G2")  # 项目立项规范性: 1
        type_keys(self.display, "ctrl+c")
        self.select_cell_text("G19")  # 经济效益, 6 points
        type_keys(self.display, "ctrl+v")
        self.assertTrue(wait_until(lambda: self.text("G19") == "1" and self.text("H19") == "5"
                                   and self.text("C23") == "95"), (self.text("G19"), self.text("C23")))
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 95")), self.summary())
        self.assertEqual(self.text("G2"), "1", "the copied cell is unchanged")
        type_keys(self.display, "ctrl+z")
        self.assertTrue(wait_until(lambda: self.text("G19") == "6" and self.text("H19") == "0"
                                   and self.text("C23") == "100"), (self.text("G19"), self.text("C23")))
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())
        self.assertEqual(self.text("B24"), "优秀")

    def test_each_keystroke_leaves_every_derived_cell_right(self):
        # The performance part: the run after a keystroke re-reads only the cell typed into and the cells it
        # wrote itself (src/uno/live/typing_watch.hpp). Keys are pressed and released one at a time, so Writer
        # inserts each at once and that path is the one taken: Backspace (a command Writer dispatches later),
        # digits, an out-of-range score and back, a second cell, the grade crossing a band.
        def after(key, score_cell, score, deduction, total, grade):
            press(self.display, key)
            state = lambda: (self.text(score_cell), self.text("H" + score_cell[1:]), self.text("C23"),  # noqa: E731
                             self.text("B24"))
            self.assertTrue(wait_until(lambda: state() == (score, deduction, total, grade)),
                            f"after {key} in {score_cell}: {state()}")
            self.assertTrue(wait_until(lambda: self.summary().startswith(f"总分 {total or '—'}")), self.summary())

        self.view.gotoRange(self.cell("G22").getEnd(), False)  # 服务对象满意度, 10 points, scored 10
        focus_document(self.doc, self.display)
        after("BackSpace", "G22", "1", "9", "91", "优秀")
        after("5", "G22", "15", "", "", "")  # out of range: Jixiao's own values go
        after("BackSpace", "G22", "1", "9", "91", "优秀")
        after("0", "G22", "10", "0", "100", "优秀")
        after("BackSpace", "G22", "1", "9", "91", "优秀")
        self.view.gotoRange(self.cell("G19").getEnd(), False)  # 经济效益, 6 points, scored 6
        press(self.display, "BackSpace")
        self.assertTrue(wait_until(lambda: self.text("G19") == "" and self.summary().startswith("总分 —")),
                        self.summary())
        after("3", "G19", "3", "3", "88", "良好")
        self.assertEqual(self.text("H22"), "9")
        self.assertEqual(self.cursor_cell(), "G19")

    def status_line(self):
        return status_text(self.window) or ""


class CalcKeyboardTest(OfficeCase):
    """A county-project table inserted at A1 of a sheet (caption in row 1, header in row 2, leaves in rows
    3‥23, 合计 in row 24, 等级 in row 25), every score = its weight, the deck open."""

    def setUp(self):
        self.doc, self.window = open_deck(office, "scalc")
        office.tool().insertScoreTable(self.doc, "county-project")
        self.sheet = self.doc.Sheets.getByIndex(0)
        for row in range(3, 24):
            self.cell(f"G{row}").setValue(self.cell(f"F{row}").getValue())
        self.assertTrue(wait_until(lambda: self.cell("G24").getString() == "100"))
        self.display = office.display

    def tearDown(self):
        self.doc.close(True)

    def cell(self, name):
        return self.sheet.getCellRangeByName(name)

    def type_into(self, name, *keys):
        self.doc.CurrentController.select(self.cell(name))
        focus_document(self.doc, self.display)
        type_keys(self.display, *keys, "Return")

    def summary(self):
        return summary_text(self.window) or ""

    def status_line(self):
        return status_text(self.window) or ""

    def test_typing_into_a_computed_cell_is_put_back_with_a_word(self):
        # Item 10 in Calc: a value typed over 扣分 was put back without a word (Writer said so already).
        formula = self.cell("H20").getFormula()
        self.type_into("H20", "5")  # 经济效益's 扣分: 0
        self.assertTrue(wait_until(lambda: "自动计算" in self.status_line()), self.status_line())
        self.assertIn("H20", self.status_line())
        self.assertEqual(self.cell("H20").getString(), "0")
        # Put back as the formula, not its value: the row stays live where Jixiao is not installed.
        self.assertEqual(self.cell("H20").getFormula(), formula)
        screenshot("keyboard-calc-computed-cell.png", self.display)
        # A score typed afterwards is no such thing: the status line keeps the notice, no new one.
        self.type_into("G20", "3")
        self.assertTrue(wait_until(lambda: self.cell("H20").getString() == "3"), self.cell("H20").getString())
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 97")), self.summary())
        self.assertIn("H20", self.status_line())
        self.assertNotIn("G20", self.status_line())

    def test_a_pasted_score_is_recomputed_and_one_undo_takes_it_back(self):
        # Item 3 in Calc: Ctrl+C on one score, Ctrl+V on another; one Ctrl+Z undoes the paste.
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())
        self.doc.CurrentController.select(self.cell("G3"))  # 项目立项规范性: 1
        focus_document(self.doc, self.display)
        type_keys(self.display, "ctrl+c")
        self.doc.CurrentController.select(self.cell("G20"))  # 经济效益, 6 points
        focus_document(self.doc, self.display)
        with TopWindowWatch(office) as watch:
            type_keys(self.display, "ctrl+v")
            # Calc asks before pasting over a cell that holds data (its own question, not Jixiao's): 是.
            box, yes = question(watch, "是", timeout=10)
            screenshot("keyboard-calc-paste-question.png", self.display)
            self.assertTrue(yes, "Calc did not ask before pasting over G20")
            click(self.display, yes)
            self.assertTrue(watch.closed(box), "the question stayed open after 是")
        self.assertTrue(wait_until(lambda: self.cell("G20").getValue() == 1 and self.cell("G24").getString() == "95"),
                        (self.cell("G20").getString(), self.cell("G24").getString()))
        self.assertEqual(self.cell("H20").getString(), "5")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 95")), self.summary())
        type_keys(self.display, "ctrl+z")
        self.assertTrue(wait_until(lambda: self.cell("G20").getValue() == 6 and self.cell("G24").getString() == "100"),
                        (self.cell("G20").getString(), self.cell("G24").getString()))
        self.assertEqual(self.cell("H20").getString(), "0")
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())

    def test_the_deck_summary_follows_each_entered_score(self):
        # Item 3: in Calc the summary stayed at the figures of the last time Jixiao itself wrote a cell.
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 100")), self.summary())
        self.type_into("G23", "5")  # 服务对象满意度, 10 points
        self.assertTrue(wait_until(lambda: self.cell("G24").getString() == "95"))
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 95")), self.summary())
        self.type_into("G20", "3")  # 经济效益, 6 points
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 92")), self.summary())

    def test_an_out_of_range_or_text_score_clears_the_row_and_keeps_its_formula(self):
        # Item 4: Calc showed 扣分 −5 for 15 out of 10. Item 7: a text score replaced the row's 扣分 formula
        # with a fixed value for good.
        formula = self.cell("H23").getFormula()
        self.type_into("G23", "15")
        self.assertTrue(wait_until(lambda: self.cell("G23").getValue() == 15))
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 —")), self.summary())
        self.assertEqual(self.cell("H23").getString(), "")
        self.assertEqual(self.cell("G24").getString(), "")
        self.type_into("G23", "10x")
        self.assertTrue(wait_until(lambda: self.cell("G23").getString() == "10x"))
        self.type_into("G22", "4")  # a later edit: its run has seen the text score too
        self.assertTrue(wait_until(lambda: self.cell("H22").getString() == "2"))
        self.assertEqual(self.cell("H23").getFormula(), formula, "the 扣分 formula was replaced")
        self.assertEqual(self.cell("H23").getString(), "")
        screenshot("keyboard-calc-text-score.png", self.display)
        self.type_into("G23", "7")
        self.assertTrue(wait_until(lambda: self.cell("H23").getString() == "3"), self.cell("H23").getString())
        self.assertTrue(wait_until(lambda: self.summary().startswith("总分 95")), self.summary())


class WriterStaleFigureTest(OfficeCase):
    """Issue 24: a fresh county-project table with every score but the last (服务对象满意度, G22, 10 points)
    filled, so its 扣分, 合计 and 等级 are empty; the deck open."""

    def setUp(self):
        self.doc, self.window = open_deck(office, "swriter")
        self.table = self.doc.TextTables.getByName(office.tool().insertScoreTable(self.doc, "county-project"))
        for row in range(2, 22):
            self.cell(f"G{row}").setString(self.cell(f"F{row}").getString())
        self.assertTrue(wait_until(lambda: all(self.text(f"H{row}") == "0" for row in range(2, 22))
                                   and (summary_text(self.window) or "").startswith("总分 —")))
        self.display = office.display

    def tearDown(self):
        self.doc.close(True)

    def cell(self, name):
        return self.table.getCellByName(name)

    def text(self, name):
        return self.cell(name).getString()

    def test_undoing_the_last_score_leaves_every_derived_cell_as_before(self):
        before = writer_cells(self.table)
        self.assertEqual((before["H22"], before["C23"], before["D23"], before["B24"]), ("", "", "", ""))
        view = self.doc.CurrentController.getViewCursor()
        view.gotoRange(self.cell("G22").getStart(), False)
        focus_document(self.doc, self.display)
        type_keys(self.display, "10", "Tab")
        self.assertTrue(wait_until(lambda: self.text("C23") == "100" and self.text("B24") == "优秀"),
                        (self.text("G22"), self.text("C23")))
        for _ in range(3):  # Ctrl+Z until the "10" is gone
            type_keys(self.display, "ctrl+z")
            if wait_until(lambda: self.text("G22") == "", timeout=3):
                break
        self.assertEqual(self.text("G22"), "")
        self.assertTrue(wait_until(lambda: writer_cells(self.table) == before),
                        changes(before, writer_cells(self.table)))
        self.assertTrue(wait_until(lambda: (summary_text(self.window) or "").startswith("总分 —")))
        screenshot("keyboard-stale-after-undo.png", self.display)
        # The cells given back went in outside the undo stack: Ctrl+Y still brings the score and its figures.
        type_keys(self.display, "ctrl+y")
        self.assertTrue(wait_until(lambda: self.text("G22") == "10" and self.text("C23") == "100"
                                   and self.text("B24") == "优秀"), (self.text("G22"), self.text("C23")))


class CalcStaleFigureTest(OfficeCase):
    """Issue 24 in Calc, on a sheet typed by hand (plain values, no formulas — Jixiao writes values there): a
    county-project table with every score but the last (G23, 10 points) filled; the deck open."""

    def setUp(self):
        self.doc, self.window = open_deck(office, "scalc")
        office.tool().insertScoreTable(self.doc, "county-project")
        self.sheet = self.doc.Sheets.getByIndex(0)
        self.area = self.sheet.getCellRangeByName("A1:I25")
        self.area.clearContents(FORMULA)  # Jixiao's formulas gone in one edit: a sheet typed by hand
        for row in range(3, 23):
            self.cell(f"G{row}").setValue(self.cell(f"F{row}").getValue())
        self.assertTrue(wait_until(lambda: all(self.cell(f"H{row}").getString() == "0" for row in range(3, 23))
                                   and (summary_text(self.window) or "").startswith("总分 —")))
        self.assertEqual(self.area.queryContentCells(FORMULA).getCount(), 0)
        self.display = office.display

    def tearDown(self):
        self.doc.close(True)

    def cell(self, name):
        return self.sheet.getCellRangeByName(name)

    def texts(self):
        return {cell_name(c, r): self.sheet.getCellByPosition(c, r).getString()
                for r in range(25) for c in range(9)}

    def test_undoing_the_last_score_leaves_every_derived_cell_as_before(self):
        before = self.texts()
        self.assertEqual((before["H23"], before["G24"], before["H24"]), ("", "", ""))
        self.doc.CurrentController.select(self.cell("G23"))
        focus_document(self.doc, self.display)
        type_keys(self.display, "10", "Tab")
        self.assertTrue(wait_until(lambda: self.cell("G24").getString() == "100"), self.cell("G24").getString())
        for _ in range(3):  # Ctrl+Z until the "10" is gone
            type_keys(self.display, "ctrl+z")
            if wait_until(lambda: self.cell("G23").getString() == "", timeout=3):
                break
        self.assertEqual(self.cell("G23").getString(), "")
        self.assertTrue(wait_until(lambda: self.texts() == before), changes(before, self.texts()))
        self.assertTrue(wait_until(lambda: (summary_text(self.window) or "").startswith("总分 —")))
        # Nothing Jixiao wrote went into the undo stack: Ctrl+Y redoes the typed score, not one of its writes.
        type_keys(self.display, "ctrl+y")
        self.assertTrue(wait_until(lambda: self.cell("G23").getString() == "10"
                                   and self.cell("G24").getString() == "100"), self.cell("G24").getString())


def hover(display, context):
    """Rests the mouse on a control (as a user does to read its tooltip): a step on, so the control sees the
    pointer move even when it already was there. The deck is scrolled to it first, as a user does."""
    scroll_into_view(display, context)
    where = context.getLocationOnScreen()
    size = context.getSize()
    for dx in (8, 12):
        move_pointer(display, where.X + dx, where.Y + size.Height // 2)


def tooltip(watch):
    """The text of the tooltip the office shows now (the newest TOOL_TIP top window `watch` has seen open and
    not close), or None."""
    window = watch.opened(lambda window: role(window) == TOOL_TIP, timeout=0)
    try:
        return window.getAccessibleContext().getAccessibleName() if window is not None else None
    except Exception:  # closed while looked at
        return None


def holds_item(window, wanted):
    """Whether `window` holds a tree entry named `wanted`."""
    return any(context.getAccessibleRole() == TREE_ITEM and context.getAccessibleName() == wanted
               for context in walk(window.getAccessibleContext(), limit=12))


class OptionsDialogTest(OfficeCase):
    def test_tools_options_lists_the_jixiao_page(self):
        # Item 8: the page was reachable only through the Extension Manager.
        doc = office.new_document("swriter", hidden=False)
        try:
            doc.CurrentController.Frame.ContainerWindow.setPosSize(0, 0, 1400, 900, 15)
            focus_document(doc, office.display)
            with TopWindowWatch(office) as watch:
                type_keys(office.display, "alt+F12")  # Tools ▸ Options
                dialog = watch.opened(lambda window: role(window) == DIALOG, timeout=20)
                self.assertIsNotNone(dialog, "Tools ▸ Options did not open")
                office.settle()  # the dialog built and idle before its tree is looked through
                self.assertTrue(wait_until(lambda: holds_item(dialog, "绩效评价"), timeout=20),
                                "no 绩效评价 node in Tools ▸ Options")
                screenshot("keyboard-tools-options.png", office.display)
                click(office.display, button_in(dialog, "取消"), scroll=False)
                self.assertTrue(watch.closed(dialog), "Tools ▸ Options did not close")
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
