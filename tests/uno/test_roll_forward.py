"""从上年报告开始 (rollForward) on a real soffice: the sample report rolled 2025 → 2026 changes exactly the
paragraphs and cells listed here and nothing else, the original stays as it was (not modified, same content), the
paragraphs quoting last year's figures are listed by validate; the same on the sample table in Calc, and on every
document of the layouts corpus (rolls without error, scores cleared, weights and formulas kept)."""
import json
import os
import unittest

import uno

from office import Office, OfficeCase, changes, copy_seed, scratch_dir, snapshot, wait_until
from test_layouts import SPECS, formulas, leaves

from com.sun.star.beans.PropertyAttribute import REMOVABLE  # noqa: E402  (after uno)

office = Office()
WORK = scratch_dir("jixiao-rollforward-")


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def year_property(doc):
    props = doc.DocumentProperties.UserDefinedProperties
    return props.getPropertyValue("年度") if props.getPropertySetInfo().hasPropertyByName("年度") else None


class RollForwardCase(OfficeCase):
    def setUp(self):
        self.tool = office.tool()
        self.opened = []

    def tearDown(self):
        for doc in self.opened:
            doc.close(True)

    def open(self, name):
        doc = office.load(copy_seed(name, WORK))
        self.opened.append(doc)
        return doc

    def roll(self, doc):
        """Rolls `doc` forward; checks the original is untouched; returns (before, new document)."""
        before = snapshot(doc)
        rolled = self.tool.rollForward(doc)
        self.assertIsNotNone(rolled)
        self.opened.append(rolled)
        self.assertFalse(doc.isModified(), "the original is never touched")
        self.assertEqual(changes(before, snapshot(doc)), {}, "the original's content changed")
        self.assertEqual(rolled.getURL(), "", "the new document is untitled")
        self.assertNotEqual(rolled, doc)
        return before, rolled


class WriterSampleTest(RollForwardCase):
    def test_the_sample_rolls_from_2025_to_2026_changing_exactly_the_listed_places(self):
        doc = self.open("sample-report.docx")
        before, rolled = self.roll(doc)
        after = snapshot(rolled)
        table = doc.TextTables.getByIndex(0).Name
        expected = {}

        def paragraph(index, old, new):
            text = before[("¶", index)]
            self.assertIn(old, text)
            expected[("¶", index)] = text.replace(old, new)

        paragraph(0, "2025年度", "2026年度")  # the title
        paragraph(4, "2025年县财政安排", "2026年县财政安排")
        paragraph(6, "该项目2025年预算", "该项目2026年预算")
        # 富财行〔2025〕1号《…批复2025年部门预算的通知》 names documents of 2025: kept (and listed).
        paragraph(8, "富民县信访局2025年预算安排", "富民县信访局2026年预算安排")
        paragraph(16, "2025年按要求完成", "2026年按要求完成")
        paragraph(28, "《富民县信访局2025年", "《富民县信访局2026年")  # the report's own table, quoted
        paragraph(31, "2025年共办理", "2026年共办理")
        paragraph(35, "该项目2025年预算", "该项目2026年预算")
        paragraph(45, "2025年我县", "2026年我县")
        paragraph(48, "2025年度", "2026年度")  # 附表1：…
        paragraph(49, "2024年度", "2026年度")  # the caption names the report year, whatever it said
        for row in range(2, 23):  # every leaf's 评价得分 and 扣分情况
            expected[(table, f"G{row}")] = ""
            expected[(table, f"H{row}")] = ""
        expected[(table, "I19")] = ""  # 经济效益's 扣分原因, the only one written
        expected[(table, "C23")] = ""  # 合计 得分 and 扣分; 合计 分值 stays
        expected[(table, "D23")] = ""
        self.assertEqual(changes(before, after), expected)
        self.assertIn("富财行〔2025〕1号《富民县财政局关于批复2025年部门预算的通知》", after[("¶", 8)])

        self.assertEqual(str(year_property(rolled)), "2026")
        self.assertEqual(rolled.UndoManager.getCurrentUndoActionTitle(), "从上年报告开始")
        findings = self.tool.validate(rolled)
        listed = sorted((f.RuleId, f.Paragraph) for f in findings if f.RuleId.startswith("rollforward."))
        self.assertEqual(listed, sorted([("rollforward.prior-figures", p) for p in (6, 8, 16, 28, 31, 35)] +
                                        [("rollforward.year-kept", 8)]), listed)
        prior = next(f for f in findings if f.RuleId == "rollforward.prior-figures")
        self.assertTrue(prior.Message.startswith("上年数据，请核实"), prior.Message)
        self.assertNotIn("year.mismatch", [f.RuleId for f in findings], "title and caption agree on 2026")

        # A paragraph the user rewrites is theirs: no longer listed.
        cost = [p for p in rolled.Text if p.supportsService("com.sun.star.text.Paragraph")][35]
        cost.setString("该项目2026年预算资金3万元。")
        again = [f.Paragraph for f in self.tool.validate(rolled) if f.RuleId == "rollforward.prior-figures"]
        self.assertNotIn(35, again)

    def test_a_field_before_a_year_does_not_shift_it(self):
        # A field shows more text than the one character the cursor steps over: the year after it is still
        # found exactly (and the field stays).
        doc = self.open("sample-report.docx")
        paragraph = [p for p in doc.Text if p.supportsService("com.sun.star.text.Paragraph")][6]
        field = doc.createInstance("com.sun.star.text.textfield.Input")
        field.Hint = "填报单位"
        field.Content = "信访局财务股"
        paragraph.getText().insertTextContent(paragraph.getStart(), field, False)
        doc.setModified(False)
        text = paragraph.getString()
        self.assertTrue(text.startswith("信访局财务股该项目2025年预算"), text)
        _, rolled = self.roll(doc)
        after = [p for p in rolled.Text if p.supportsService("com.sun.star.text.Paragraph")][6]
        self.assertEqual(after.getString(), text.replace("该项目2025年预算", "该项目2026年预算"))
        fields = rolled.TextFields.createEnumeration()
        self.assertTrue(fields.hasMoreElements() and fields.nextElement().Content == "信访局财务股")

    def test_the_reports_grade_bands_travel_unchanged(self):
        doc = self.open("sample-report.docx")
        bands = "优秀 ≥ 95；良好 ≥ 80；中 ≥ 60；差 < 60"
        doc.DocumentProperties.UserDefinedProperties.addProperty("评价等级标准", REMOVABLE, bands)
        doc.setModified(False)
        _, rolled = self.roll(doc)
        self.assertEqual(rolled.DocumentProperties.UserDefinedProperties.getPropertyValue("评价等级标准"), bands)

    def test_one_undo_step_gives_back_last_years_content(self):
        doc = self.open("sample-report.docx")
        before, rolled = self.roll(doc)
        rolled.UndoManager.undo()
        self.assertEqual(changes(before, snapshot(rolled)), {})


    def test_no_file_is_left_behind(self):
        # The copy goes through memory; the office's own temporary files (lu<pid>…, in its temp directory)
        # are the same after the new document is closed as before the roll.
        doc = self.open("sample-report.docx")
        temp = uno.fileUrlToSystemPath(office.service("com.sun.star.util.PathSettings").Temp)
        mine = f"lu{office.office_pid()}"
        files = lambda: sorted(f for f in os.listdir(temp) if f.startswith(mine))  # noqa: E731
        before = files()
        _, rolled = self.roll(doc)
        rolled.close(True)
        self.opened.remove(rolled)
        self.assertTrue(wait_until(lambda: files() == before, timeout=10), (before, files()))

    def test_the_sections_jixiao_wrote_are_written_again_from_the_cleared_table(self):
        doc = self.open("sample-report.docx")
        # Under 三、评价结论 (the conclusion goes into its own part of the report).
        result = [p for p in doc.Text if p.supportsService("com.sun.star.text.Paragraph")][28]
        doc.CurrentController.getViewCursor().gotoRange(result.getEnd(), False)
        self.tool.insertSection(doc, "conclusion")
        doc.setModified(False)  # last year's report as it was saved
        last_year = section_text(doc, "conclusion")
        self.assertIn("97", last_year)
        _, rolled = self.roll(doc)
        this_year = section_text(rolled, "conclusion")
        self.assertNotEqual(this_year, last_year)
        self.assertNotIn("97", this_year)
        self.assertIn("尚有指标未评分", this_year)  # its 'incomplete' text until scores are entered


    def test_a_funding_table_loses_its_amounts_and_keeps_its_items(self):
        sample = self.open("sample-report.docx")
        card = json.loads(self.tool.exportScorecard(sample))
        card["funding"] = {"unit": "万元", "budget": 2, "actual": 1.99,
                           "items": [{"name": "工资补助", "amount": 0.72}, {"name": "社保缴费", "amount": 1.13},
                                     {"name": "劳务派遣服务费", "amount": 0.14}]}
        card["meta"]["year"] = 2025
        doc = office.new_document("swriter")
        self.opened.append(doc)
        self.tool.importScorecard(doc, json.dumps(card, ensure_ascii=False))
        doc.setModified(False)
        self.assertEqual(doc.TextTables.getCount(), 2)
        funding_before = writer_texts(doc.TextTables.getByIndex(1))
        self.assertIn("0.72", funding_before.values())
        _, rolled = self.roll(doc)
        funding = writer_texts(rolled.TextTables.getByIndex(1))
        names = {cell for cell, text in funding_before.items() if text in ("工资补助", "社保缴费", "劳务派遣服务费")}
        self.assertEqual(len(names), 3)
        for cell, text in funding_before.items():
            if cell in names or not any(ch.isdigit() for ch in text):
                self.assertEqual(funding[cell], text, cell)  # names and headings stay
            else:
                self.assertEqual(funding[cell], "", cell)  # every amount, share and total is cleared
        self.assertEqual(str(year_property(rolled)), "2026")
        props = rolled.DocumentProperties.UserDefinedProperties
        self.assertEqual(props.getPropertyValue("预算（万元）"), "")
        self.assertEqual(props.getPropertyValue("实际支出（万元）"), "")


def writer_texts(table):
    return {name: table.getCellByName(name).getString() for name in table.getCellNames()}


def section_text(doc, section_id):
    return doc.TextSections.getByName("Jixiao_" + section_id).Anchor.getString().replace("\r", "")


class CalcSampleTest(RollForwardCase):
    def test_the_sample_table_rolls_its_title_and_clears_its_scores(self):
        doc = self.open("sample-table.xlsx")
        # The user entered 年度 2025 in the deck (the title row says 2024, a planted error).
        doc.DocumentProperties.UserDefinedProperties.addProperty("年度", REMOVABLE, "2025")
        doc.setModified(False)
        before, rolled = self.roll(doc)
        expected = {("附表1", "A1"): before[("附表1", "A1")].replace("2024年度", "2026年度")}
        for row in range(3, 24):
            expected[("附表1", f"G{row}")] = ""
            expected[("附表1", f"H{row}")] = ""
        expected[("附表1", "I20")] = ""
        expected[("附表1", "G24")] = ""
        expected[("附表1", "H24")] = ""
        self.assertEqual(changes(before, snapshot(rolled)), expected)
        self.assertEqual(str(year_property(rolled)), "2026")


    def test_a_roll_forward_that_cannot_be_written_leaves_no_document(self):
        # A protected sheet refuses the writes: the error is the user's message, and the half-rolled copy is
        # closed — only the untouched original stays open.
        doc = self.open("sample-table.xlsx")
        doc.Sheets.getByIndex(0).protect("")
        doc.setModified(False)
        before = snapshot(doc)
        opened = len(components())
        with self.assertRaises(Exception) as raised:
            self.tool.rollForward(doc)
        self.assertIn("保护", raised.exception.Message)
        self.assertTrue(wait_until(lambda: len(components()) == opened, timeout=10), "the copy stayed open")
        self.assertFalse(doc.isModified())
        self.assertEqual(changes(before, snapshot(doc)), {})


def components():
    found, items = [], office.desktop.getComponents().createEnumeration()
    while items.hasMoreElements():
        found.append(items.nextElement())
    return found


class LayoutCorpusTest(RollForwardCase):
    def test_every_layout_rolls_forward(self):
        count = 0
        for path in SPECS:
            with open(path, encoding="utf-8") as f:
                spec = json.load(f)
            stem = os.path.splitext(os.path.basename(path))[0]
            for fmt in spec["formats"]:
                count += 1
                with self.subTest(document=f"{stem}.{fmt}"):
                    self.check(f"{stem}.{fmt}", spec["expect"])
                for doc in self.opened:
                    doc.close(True)
                self.opened = []
        self.assertGreaterEqual(count, 15)

    def check(self, name, expect):
        doc = self.open(name)
        card = json.loads(self.tool.exportScorecard(doc))
        before, rolled = self.roll(doc)
        if expect.get("family") == "partial":
            # A table read only in part is not cleared (nothing is written where a cell could not be placed):
            # its cells stay as last year's, and validate says why (table.partial).
            table_cells = {k: v for k, v in before.items() if k[0] != "¶"}
            self.assertEqual({k: v for k, v in changes(before, snapshot(rolled)).items() if k[0] != "¶"}, {})
            self.assertTrue(table_cells)
            self.assertIn("table.partial", [f.RuleId for f in self.tool.validate(rolled)])
            return
        new = json.loads(self.tool.exportScorecard(rolled))
        old_leaves, new_leaves = list(leaves(card["indicators"])), list(leaves(new["indicators"]))
        self.assertEqual([(l["name"], l["weight"]) for l in new_leaves], [(l["name"], l["weight"]) for l in old_leaves],
                         "indicators and weights kept")
        self.assertTrue(any("score" in l for l in old_leaves))
        self.assertEqual([l["name"] for l in new_leaves if "score" in l], [], "scores cleared")
        self.assertEqual(formulas(rolled, snapshot(rolled)), formulas(doc, before), "formulas kept")


if __name__ == "__main__":
    unittest.main()
