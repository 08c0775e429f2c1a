"""The funding the sample report states only in its prose, checked against itself in a real Writer: nothing on
the unchanged report, and each contradiction planted in its text found at its paragraph. Also the 年度 property
as the reference year, in Writer and in a Calc sheet that holds only the table."""
import shutil
import tempfile
import unittest

from office import Office, OfficeCase, SampleReportCase, body_paragraphs, copy_seed

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class SampleProseFundingTest(SampleReportCase):
    office = office

    def edit(self, starting, old, new):
        """Replaces `old` by `new` in the one paragraph starting with `starting`; returns its index."""
        paragraphs = body_paragraphs(self.doc)
        matches = [i for i, p in enumerate(paragraphs) if p.getString().startswith(starting)]
        self.assertEqual(len(matches), 1, starting)
        paragraph = paragraphs[matches[0]]
        text = paragraph.getString()
        self.assertEqual(text.count(old), 1, old)
        paragraph.setString(text.replace(old, new))
        return matches[0]

    def funding_findings(self):
        return [f for f in self.tool.validate(self.doc) if f.RuleId.startswith(("prose.", "narrative."))]

    def test_the_unchanged_sample_has_no_funding_finding(self):
        self.assertEqual([(f.RuleId, f.Message) for f in self.funding_findings()], [])

    def test_an_item_changed_so_the_items_no_longer_add_up(self):
        index = self.edit("按照富财行", "劳务派遣服务费支出0.14万", "劳务派遣服务费支出0.15万")
        findings = self.funding_findings()
        self.assertEqual([(f.RuleId, f.Paragraph) for f in findings], [("prose.item-amount", index)],
                         [f.Message for f in findings])
        self.assertIn("0.15", findings[0].Message)
        self.assertEqual(findings[0].Severity, "error")

    def test_items_listed_once_that_do_not_add_up(self):
        # Without the 成本效益分析 paragraph the 资金来源 list is the only one: its sum is what is wrong.
        costs = [p for p in body_paragraphs(self.doc)
                 if p.getString().startswith("该项目2025年预算资金2万元，年内实际支出1.99万元，")]
        self.assertEqual(len(costs), 1)
        costs[0].setString("")
        index = self.edit("按照富财行", "工资补助0.72万", "工资补助0.82万")
        findings = self.funding_findings()
        self.assertEqual([(f.RuleId, f.Paragraph) for f in findings], [("prose.items-sum", index)],
                         [f.Message for f in findings])
        self.assertIn("2.09", findings[0].Message)

    def test_a_share_changed(self):
        index = self.edit("该项目2025年预算资金2万元，年内实际支出1.99万元，", "占总支出的36.18%",
                          "占总支出的36.28%")
        findings = self.funding_findings()
        self.assertEqual([(f.RuleId, f.Paragraph) for f in findings], [("prose.item-share", index)],
                         [f.Message for f in findings])
        self.assertIn("36.18", findings[0].Message)

    def test_the_execution_rate_changed_in_the_conclusion(self):
        index = self.edit("经认真对照", "预算执行率99.5%", "预算执行率98.5%")
        findings = self.funding_findings()
        self.assertEqual([(f.RuleId, f.Paragraph) for f in findings], [("prose.execution-rate", index)],
                         [f.Message for f in findings])
        self.assertIn("99.5", findings[0].Message)

    def test_entered_budget_and_spending_take_over_from_the_prose(self):
        user = self.doc.DocumentProperties.UserDefinedProperties
        user.addProperty("预算（万元）", 0, "2")
        user.addProperty("实际支出（万元）", 0, "1.99")
        self.edit("经认真对照", "预算执行率99.5%", "预算执行率98.5%")
        rules = [f.RuleId for f in self.funding_findings()]
        self.assertEqual(rules, ["narrative.execution-rate"])
        # The items still come from the prose: checked, and quoted by the sections.
        self.edit("该项目2025年预算资金2万元，年内实际支出1.99万元，", "占总支出的36.18%", "占总支出的36.28%")
        self.assertEqual([f.RuleId for f in self.funding_findings()],
                         ["narrative.execution-rate", "narrative.item-share"])
        self.assertIn("0.72万元，占总支出的36.18%", self.tool.generateSection(self.doc, "cost-benefit"))

    def test_cost_benefit_is_written_from_the_prose(self):
        text = self.tool.generateSection(self.doc, "cost-benefit")
        self.assertNotIn("暂无", text)
        for figure in ("2万元", "1.99万元", "99.5%", "0.72万元", "36.18%", "1.13万元", "56.78%", "0.14万元",
                       "7.04%"):
            self.assertIn(figure, text)
        usage = self.tool.generateSection(self.doc, "funding-usage")
        self.assertIn("其中用于发放热线办理工作人员工资补助0.72万元", usage)


class ReportYearTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()

    def test_a_calc_sheet_holding_only_the_table_is_checked_against_the_entered_year(self):
        doc = office.new_document("scalc")
        try:
            doc.DocumentProperties.UserDefinedProperties.addProperty("年度", 0, "2025")
            name = self.tool.insertScoreTable(doc, "county-project")
            sheet = doc.Sheets.getByIndex(0)
            title = sheet.getCellByPosition(0, 0)
            self.assertIn("2025年度", title.getString(), name)
            self.assertFalse([f for f in self.tool.validate(doc) if f.RuleId == "year.mismatch"])
            title.setString(title.getString().replace("2025年度", "2024年度"))
            years = [f for f in self.tool.validate(doc) if f.RuleId == "year.mismatch"]
            self.assertEqual(len(years), 1, [f.Message for f in years])
            self.assertIn("2024", years[0].Message)
            self.assertIn("2025", years[0].Message)
        finally:
            doc.close(True)

    def test_writer_title_and_caption_against_the_entered_year(self):
        directory = tempfile.mkdtemp(prefix="jixiao-year-")
        try:
            doc = office.load(copy_seed("sample-report.docx", directory))
            try:
                doc.DocumentProperties.UserDefinedProperties.addProperty("年度", 0, "2024")
                years = [f for f in self.tool.validate(doc) if f.RuleId == "year.mismatch"]
                # The title names 2025 (paragraph 0) and so does 附表1's line; the caption's 2024 is right now.
                self.assertIn(0, [f.Paragraph for f in years], [f.Message for f in years])
                self.assertTrue(all("2025" in f.Message for f in years), [f.Message for f in years])
            finally:
                doc.close(True)
        finally:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
