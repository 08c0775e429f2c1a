"""The 绩效评价 deck as a user meets it: soffice under Xvfb, the deck opened, its controls found through the
accessibility tree, 插入打分表 clicked, screenshots kept as test artefacts."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import LIST, PUSH_BUTTON, TEXT
from com.sun.star.accessibility.AccessibleStateType import ENABLED
from com.sun.star.beans import NamedValue

import os
import shutil

from office import Office, OfficeCase, copy_seed, props, scratch_dir, wait_until
from ui_helpers import DECK, find, open_deck, screenshot, status_text, summary_text, walk

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


class SidebarDeckTest(OfficeCase):
    def open_deck(self, kind, doc=None):
        return open_deck(office, kind, doc)

    def test_writer_deck_inserts_the_scoring_table(self):
        doc, window = self.open_deck("swriter")
        try:
            button = wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON), timeout=20)
            self.assertIsNotNone(button, "插入打分表 not found in the accessibility tree")
            for label in ("插入资金明细表", "校验", "生成段落"):
                self.assertIsNotNone(find(window, label, PUSH_BUTTON), label)
            screenshot("writer-deck.png", office.display)
            button.doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: doc.TextTables.getCount() == 1, timeout=20), "no table was inserted")
            table = doc.TextTables.getByIndex(0)
            # The table can be seen before its text is in (the insertion lets the office's main loop run).
            header = lambda: table.getCellByName("A1").getString().replace("\n", "")  # noqa: E731
            self.assertTrue(wait_until(lambda: header() == "一级指标"), header())
            screenshot("writer-deck-table.png", office.display)
        finally:
            doc.close(True)

    def test_choosing_a_finding_selects_its_cell(self):
        doc, window = self.open_deck("swriter")
        try:
            tool = office.tool()
            table = doc.TextTables.getByName(tool.insertScoreTable(doc, "county-project"))
            table.getCellByName("G2").setString("5")  # 项目立项规范性 is worth 1
            find(window, "校验", PUSH_BUTTON).doAccessibleAction(0)

            def finding_items():
                lists = [c for c in walk(window.getAccessibleContext()) if c.getAccessibleRole() == LIST]
                for lst in lists:
                    for i in range(lst.getAccessibleChildCount()):
                        name = lst.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                        if "项目立项规范性" in name and name.startswith("【错误】"):
                            return lst, i
                return None

            found = wait_until(finding_items, timeout=20)
            self.assertIsNotNone(found, "the score.range finding is not in the panel's list")
            lst, index = found
            lst.selectAccessibleChild(index)
            view = doc.CurrentController.getViewCursor()
            selected = wait_until(lambda: view.Cell is not None and view.Cell.CellName == "G2", timeout=20)
            screenshot("writer-finding-selected.png", office.display)
            self.assertTrue(selected, "choosing the finding did not select cell G2")
        finally:
            doc.close(True)

    def test_a_table_read_in_part_is_said_in_the_summary(self):
        path = copy_seed("layout-partial.docx", scratch_dir("jixiao-partial-"))
        doc = office.load(path, hidden=False)
        doc, window = self.open_deck("swriter", doc)
        try:
            def partial_line():
                for context in walk(window.getAccessibleContext()):
                    try:
                        if "无法读入的单元格" in context.getAccessibleName():
                            return context
                    except Exception:
                        continue
                return None

            self.assertIsNotNone(wait_until(partial_line, timeout=20),
                                 "the deck does not say the table was read in part")
            screenshot("writer-partial-table.png", office.display)
        finally:
            doc.close(True)

    def test_read_only_document_shows_the_deck_with_editing_disabled(self):
        path = os.path.join(scratch_dir("jixiao-ro-"), "report.odt")
        source = office.new_document("swriter")
        office.tool().insertScoreTable(source, "county-project")
        source.storeToURL("file://" + path, props(FilterName="writer8"))
        source.close(True)
        doc = office.desktop.loadComponentFromURL("file://" + path, "_blank", 0, props(ReadOnly=True))
        doc, window = self.open_deck("swriter", doc)
        try:
            button = wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON), timeout=20)
            self.assertIsNotNone(button, "the deck has no panel for a read-only document")
            self.assertFalse(button.getAccessibleStateSet().contains(ENABLED), "editing must be disabled")
            self.assertTrue(find(window, "校验", PUSH_BUTTON).getAccessibleStateSet().contains(ENABLED))
            screenshot("writer-read-only.png", office.display)
        finally:
            doc.close(True)

    def test_report_details_are_saved_as_document_properties(self):
        doc, window = self.open_deck("swriter")
        try:
            edits = [c for c in walk(window.getAccessibleContext())
                     if c.getAccessibleRole() == TEXT and hasattr(c, "setText")]
            # The five metadata fields: 单位, 项目名称, 年度, 预算, 实际支出 (in panel order).
            self.assertGreaterEqual(len(edits), 5)
            for edit, value in zip(edits[:5], ["富民县信访局", "热线办理工作经费", "2025", "2", "1.99"]):
                edit.setText(value)
            find(window, "保存报告信息", PUSH_BUTTON).doAccessibleAction(0)
            user = doc.DocumentProperties.UserDefinedProperties
            self.assertTrue(wait_until(lambda: user.getPropertySetInfo().hasPropertyByName("单位"), timeout=20))
            self.assertEqual(user.getPropertyValue("单位"), "富民县信访局")
            self.assertEqual(user.getPropertyValue("年度"), "2025")
            self.assertEqual(user.getPropertyValue("实际支出（万元）"), "1.99")
            screenshot("writer-metadata.png", office.display)
            # The caption of a table inserted now names them.
            find(window, "插入打分表", PUSH_BUTTON).doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: doc.TextTables.getCount() == 1, timeout=20))
            # Item 11 of issue 11: with 支出, centred and bold as the sample's title, over a shaded header row.
            caption = "富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表"
            self.assertIn(caption, doc.Text.getString())
            items = doc.Text.createEnumeration()
            title = next(p for p in iter(items.nextElement, None) if p.getString() == caption)
            self.assertEqual(title.ParaAdjust, 3)  # CENTER
            self.assertEqual(title.CharWeight, 150.0)  # BOLD
            self.assertNotEqual(doc.TextTables.getByIndex(0).getRows().getByIndex(0).BackColor, -1)
            screenshot("writer-caption.png", office.display)
            # A 年度 no report can be about (the core's 1900‥2100) is refused, naming what was typed; nothing
            # is stored.
            edits = [c for c in walk(window.getAccessibleContext())
                     if c.getAccessibleRole() == TEXT and hasattr(c, "setText")]
            edits[2].setText("3025")
            find(window, "保存报告信息", PUSH_BUTTON).doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: "1900" in (status_text(window) or ""), timeout=20),
                            status_text(window))
            self.assertIn("3025", status_text(window))
            self.assertEqual(user.getPropertyValue("年度"), "2025")
        finally:
            doc.close(True)

    def test_budget_spending_and_execution_rate_come_from_the_prose(self):
        # The sample report has no funding table and no properties: its prose states 2万元 and 1.99万元.
        directory = scratch_dir("jixiao-ui-prose-")
        sample = office.load(copy_seed("sample-report.docx", directory), hidden=False)
        doc, window = self.open_deck("swriter", sample)
        try:
            def fields():
                edits = [c for c in walk(window.getAccessibleContext())
                         if c.getAccessibleRole() == TEXT and hasattr(c, "setText")]
                return [e.getText() for e in edits[:5]] if len(edits) >= 5 else None
            self.assertTrue(wait_until(lambda: (fields() or [None] * 5)[3:5] == ["2", "1.99"], timeout=20), fields())
            # The summary's 预算执行率 agrees with them (1.99 / 2), though there is no funding table to read it from.
            self.assertTrue(wait_until(lambda: "预算执行率 99.5%" in (summary_text(window) or ""), timeout=20),
                            summary_text(window))
            screenshot("writer-prose-funding.png", office.display)
            # Filled, not stored: the user's own figures, once saved, take over.
            user = doc.DocumentProperties.UserDefinedProperties
            self.assertFalse(user.getPropertySetInfo().hasPropertyByName("实际支出（万元）"))
        finally:
            doc.close(True)
            shutil.rmtree(directory, ignore_errors=True)

    def test_calc_deck_inserts_a_live_table(self):
        doc, window = self.open_deck("scalc")
        try:
            button = wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON), timeout=20)
            self.assertIsNotNone(button)
            button.doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: doc.NamedRanges.hasByName("JixiaoScore1"), timeout=20),
                            "no table was inserted")
            sheet = doc.Sheets.getByIndex(0)
            # The range can be seen before its cells are written (the insertion lets the main loop run).
            header = lambda: sheet.getCellRangeByName("A2").getString().replace("\n", "")  # noqa: E731
            self.assertTrue(wait_until(lambda: header() == "一级指标"), header())
            formula = lambda: sheet.getCellRangeByName("H3").getFormula()  # noqa: E731
            self.assertTrue(wait_until(lambda: formula().startswith("=")), formula())
            screenshot("calc-deck.png", office.display)
        finally:
            doc.close(True)

    def test_deck_opens_on_the_default_template_of_the_options(self):
        # Set as Tools ▸ Options or an administrator would, while the office runs (after the first deck of
        # this module has read the settings): each deck opened afterwards starts on the new choice.
        try:
            for template, first_level_one in (("department-overall", "投入（20分）"),
                                              ("national-2020-project", "决策（15分）")):
                set_default_template(template)
                doc, window = self.open_deck("swriter")
                try:
                    button = wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON), timeout=20)
                    self.assertIsNotNone(button)
                    button.doAccessibleAction(0)
                    self.assertTrue(wait_until(lambda: doc.TextTables.getCount() == 1, timeout=20),
                                    "no table was inserted")
                    table = doc.TextTables.getByIndex(0)
                    # Each template's first 一级 with its weight (county-project's is 决策（10分）).
                    self.assertEqual(table.getCellByName("A2").getString(), first_level_one, template)
                finally:
                    doc.close(True)
        finally:
            set_default_template("county-project")

    def test_closing_the_document_with_the_deck_open_leaves_the_office_working(self):
        doc, window = self.open_deck("swriter")
        find(window, "插入打分表", PUSH_BUTTON).doAccessibleAction(0)
        self.assertTrue(wait_until(lambda: doc.TextTables.getCount() == 1, timeout=20))
        table = doc.TextTables.getByIndex(0)
        table.getCellByName("G2").setString("1")  # a live run is scheduled and the panel told of it
        doc.close(True)
        # The office goes on: a new document gets a deck whose panel works and whose summary follows edits.
        doc, window = self.open_deck("swriter")
        try:
            find(window, "插入打分表", PUSH_BUTTON).doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: doc.TextTables.getCount() == 1, timeout=20))
            self.assertTrue(wait_until(lambda: (summary_text(window) or "").startswith("总分"), timeout=20),
                            summary_text(window))
        finally:
            doc.close(True)

    def test_deck_closed_and_reopened_gets_a_working_panel(self):
        doc, window = self.open_deck("swriter")
        try:
            sidebar = doc.CurrentController.getSidebar()
            decks = sidebar.getDecks()
            other = next(name for name in decks.getElementNames() if name != DECK)
            decks.getByName(other).activate(True)  # the sidebar disposes the Jixiao panel
            self.assertTrue(wait_until(lambda: find(window, "插入打分表", PUSH_BUTTON) is None, timeout=20),
                            "the Jixiao panel stayed after switching to " + other)
            doc, window = self.open_deck("swriter", doc)
            tool = office.tool()
            table = doc.TextTables.getByName(tool.insertScoreTable(doc, "county-project"))
            for row in range(2, 23):
                table.getCellByName(f"G{row}").setString(table.getCellByName(f"F{row}").getString())
            # The new panel is told of the live run; the disposed one is not (the office would crash).
            self.assertTrue(wait_until(lambda: (summary_text(window) or "").startswith("总分 100"), timeout=20),
                            summary_text(window))
        finally:
            doc.close(True)


def set_default_template(template):
    provider = office.service("com.sun.star.configuration.ConfigurationProvider")
    path = NamedValue("nodepath", "/org.jixiao.Jixiao.Options/Settings")
    node = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", (path,))
    node.setPropertyValue("DefaultTemplate", template)
    node.commitChanges()


class OfficeEndsWithTheDeckOpenTest(OfficeCase):
    def test_terminating_the_office_with_the_deck_open_exits_cleanly(self):
        own = Office(headless=False)
        own.start()
        try:
            doc, window = open_deck(own, "swriter")
            find(window, "插入打分表", PUSH_BUTTON).doAccessibleAction(0)
            self.assertTrue(wait_until(lambda: doc.TextTables.getCount() == 1, timeout=20))
            # Nothing to ask about on the way out: the deck's deferred work after the insertion (live recompute,
            # its summary) runs first, or it could mark the document modified again and terminate() would sit
            # in the "save changes?" dialog.
            def unmodified():
                own.settle()
                doc.setModified(False)
                own.settle()
                return not doc.isModified()

            self.assertTrue(wait_until(unmodified, timeout=20))
            own.shutdown()  # terminate(), then exit code 0, or this test fails with the office's crash report
        finally:
            own.stop()


if __name__ == "__main__":
    unittest.main()
