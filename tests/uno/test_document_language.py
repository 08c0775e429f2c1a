"""An office with an English UI: the deck and the findings speak English, but the sections Jixiao writes into a
Chinese report are Chinese, with every figure."""
import json
import os
import unittest

from office import Office, SOURCE_DIR, SampleReportCase

office = Office(locale="en-US")


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class EnglishUiChineseReportTest(SampleReportCase):
    office = office

    def test_messages_follow_the_ui(self):
        year = next(f for f in self.tool.validate(self.doc) if f.RuleId == "year.mismatch")
        self.assertEqual(year.Message, "This names the year 2024, but the report's year is 2025")

    def test_conclusion_is_chinese_with_every_figure(self):
        text = self.tool.generateSection(self.doc, "conclusion")
        for part in ("总分值100分", "总得分97分", "评价等级为“优秀”", "经济效益", "扣3分"):
            self.assertIn(part, text)
        self.assertNotIn("points", text)

    def test_cost_benefit_is_chinese_with_every_figure(self):
        text = self.tool.generateSection(self.doc, "cost-benefit")
        self.assertTrue(text.startswith("该项目2025年预算资金2万元，年内实际支出1.99万元，占年初预算的99.5%。"), text)
        for figure in ("0.72万元", "36.18%", "1.13万元", "56.78%", "0.14万元", "7.04%"):
            self.assertIn(figure, text)
        self.assertNotIn("yuan", text)

    def test_comments_are_in_the_report_language_not_the_ui_language(self):
        self.assertEqual(self.tool.addFindingsAsComments(self.doc), 1)
        comment = next(f for f in self.doc.TextFields
                       if f.supportsService("com.sun.star.text.textfield.Annotation"))
        self.assertEqual(comment.Author, "绩效评价助手")
        self.assertEqual(comment.Content, "【错误】此处年份为2024年，与报告年度2025年不一致")

    def test_a_document_without_words_gets_the_ui_language(self):
        with open(os.path.join(SOURCE_DIR, "extension", "narrative", "en.json"), encoding="utf-8") as f:
            patterns = json.load(f)["patterns"]
        # A document without a table is of no known framework: it reads as a project's.
        english = patterns["cost-benefit.noData"].replace("{evaluated}", patterns["evaluated.project"])
        doc = office.new_document("swriter")
        try:
            self.assertEqual(self.tool.generateSection(doc, "cost-benefit"), english)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
