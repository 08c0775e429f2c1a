"""新建评价报告 (insertReport): a whole report from a framework's structure into an empty Writer document —
headings with their outline levels, the appendix captions, placeholder fields counted by the return value, the
sections written through the section mechanism, one undo step back to the empty document — and refused into a
document that is not empty or a spreadsheet."""
import os
import shutil
import tempfile
import unittest

import uno
from com.sun.star.lang import IllegalArgumentException

from office import Office, OfficeCase, body_paragraphs, props

office = Office()

COUNTY_OUTLINE = [
    (1, "一、项目基本情况"),
    (2, "（一）项目概况。"),
    (2, "（二）绩效目标。"),
    (1, "二、绩效评价工作情况"),
    (2, "（一）绩效评价目的。"),
    (2, "（二）绩效评价原则、评价方法。"),
    (2, "（三）绩效评价工作过程。"),
    (1, "三、评价结论"),
    (2, "（一）评价结果。"),
    (2, "（二）主要绩效。"),
    (1, "四、成本效益分析"),
    (1, "五、主要经验及做法、存在的问题和建议"),
    (2, "（一）主要经验及做法。"),
    (2, "（二）存在的问题和建议。"),
]


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def outline(doc):
    return [(p.OutlineLevel, p.getString()) for p in body_paragraphs(doc) if p.OutlineLevel > 0]


def placeholders(doc):
    """The hints of the placeholder fields: Writer's JumpEdit fields, or — in a .docx reopened — the input
    fields its content controls showing their placeholder become (the hint kept as the control's alias)."""
    fields = doc.TextFields.createEnumeration()
    found = []
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.TextField.JumpEdit"):
            found.append(field.PlaceHolder)
        elif field.supportsService("com.sun.star.text.TextField.Input"):
            alias = [g.Value for g in field.InteropGrabBag if g.Name == "ooxml:CT_SdtPr_alias"]
            if alias and alias[0] == field.Content:
                found.append(field.Content)
    return found


def placeholder_findings(tool, doc):
    return [f for f in tool.validate(doc) if f.RuleId.startswith("report.placeholder")]


class NewReportTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()
        self.doc = office.new_document()
        self.dir = tempfile.mkdtemp(prefix="jixiao-new-report-")

    def tearDown(self):
        self.doc.close(True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_the_county_report_has_the_samples_structure_and_one_undo_step_removes_it(self):
        left = self.tool.insertReport(self.doc, "county-project")
        self.assertEqual(outline(self.doc), COUNTY_OUTLINE)
        styles = {p.getString(): p.ParaStyleName for p in body_paragraphs(self.doc) if p.OutlineLevel > 0}
        self.assertEqual(styles["一、项目基本情况"], "Heading 1")
        self.assertEqual(styles["（一）项目概况。"], "Heading 2")
        texts = [p.getString() for p in body_paragraphs(self.doc)]
        # Writer shows a placeholder's hint in angle brackets.
        self.assertEqual(texts[0], "<【报告标题：单位＋年度＋项目名称＋支出绩效评价报告】>", "no metadata yet: the title is a placeholder")
        self.assertIn("附表1：支出绩效评价指标体系及打分表", texts)
        self.assertEqual(self.doc.TextTables.getCount(), 1, "the county framework has no funding table")
        self.assertLess(texts.index("五、主要经验及做法、存在的问题和建议"), texts.index("附表1：支出绩效评价指标体系及打分表"))

        found = placeholders(self.doc)
        self.assertEqual(len(found), left)
        self.assertEqual(left, 12)
        # Each is a warning naming its section, in reading order.
        findings = placeholder_findings(self.tool, self.doc)
        self.assertEqual(len(findings), left)
        self.assertEqual(findings[0].RuleId, "report.placeholder-title")
        purpose = [f.Message for f in findings if "开展本次绩效评价的目的" in f.Message]
        self.assertEqual(purpose, ["“（一）绩效评价目的。”中还有待填写的内容：【开展本次绩效评价的目的】"])

        # The sections Jixiao writes from the data are there, as the section mechanism keeps them.
        for section in ("funding-usage", "conclusion", "cost-benefit", "problems"):
            self.assertTrue(self.doc.TextSections.hasByName("Jixiao_" + section), section)
            self.assertFalse(self.tool.isSectionEdited(self.doc, section), section)
        # Each right below its heading (not gathered at the end).
        paragraphs = body_paragraphs(self.doc)
        texts = [p.getString() for p in paragraphs]
        for above, section in (("3.资金来源及使用情况。", "funding-usage"), ("（一）评价结果。", "conclusion"),
                               ("四、成本效益分析", "cost-benefit"), ("（二）存在的问题和建议。", "problems")):
            below = paragraphs[texts.index(above) + 1].TextSection
            self.assertEqual(below.Name if below else None, "Jixiao_" + section)
        conclusion = self.doc.TextSections.getByName("Jixiao_conclusion").getAnchor().getString()
        self.assertEqual(conclusion, self.tool.generateSection(self.doc, "conclusion"))

        # One undo step: the document is empty again.
        manager = self.doc.UndoManager
        self.assertEqual(manager.getCurrentUndoActionTitle(), "新建评价报告")
        manager.undo()
        office.settle()
        self.assertEqual(self.doc.Text.getString(), "")
        self.assertEqual(self.doc.TextTables.getCount(), 0)
        self.assertEqual(self.doc.TextSections.getCount(), 0)
        self.assertEqual(placeholders(self.doc), [])
        self.assertFalse(manager.isUndoPossible())

    def test_the_title_comes_from_the_metadata_and_the_2020_framework_has_its_funding_table(self):
        self.set_metadata("富民县信访局", "热线办理工作经费支出", "2025")
        left = self.tool.insertReport(self.doc, "national-2020-project")
        texts = [p.getString() for p in body_paragraphs(self.doc)]
        self.assertEqual(texts[0], "富民县信访局2025年度热线办理工作经费支出绩效评价报告")
        self.assertEqual(len(placeholders(self.doc)), left)
        self.assertEqual(self.doc.TextTables.getCount(), 2)
        self.assertIn("附表1：富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表", texts)
        self.assertIn("附表2：项目资金使用明细表", texts)
        self.assertEqual([level for level, _ in outline(self.doc)].count(1), 7)
        self.assertFalse([f for f in placeholder_findings(self.tool, self.doc) if f.RuleId == "report.placeholder-title"])

    def test_the_department_report_speaks_of_the_department(self):
        # 部门整体支出: the sections Jixiao writes call the subject 该部门 (the template's kind), never 该项目.
        self.set_metadata("富民县信访局", "", "2025")
        self.tool.insertReport(self.doc, "department-overall")
        text = "\n".join(p.getString() for p in body_paragraphs(self.doc))
        self.assertIn("该部门绩效评价指标总分值100分", text)
        self.assertNotIn("该项目", text)
        self.assertIn("该部门", self.tool.generateSection(self.doc, "problems") + self.tool.generateSection(
            self.doc, "conclusion"))
        # Its title and its table's caption name the department's whole spending, as no project is entered.
        texts = [p.getString() for p in body_paragraphs(self.doc)]
        self.assertEqual(texts[0], "富民县信访局2025年度部门整体支出绩效评价报告")
        self.assertIn("附表1：富民县信访局2025年度部门整体支出绩效评价指标体系及打分表", texts)
        self.assertIn("对照《富民县信访局2025年度部门整体支出绩效评价指标体系及打分表》", text)

    def test_a_departments_caption_follows_the_details_in_the_departments_words(self):
        # Inserted before the details are known, then 重算 once they are: still 部门整体支出, never "年度支出".
        name = self.tool.insertScoreTable(self.doc, "department-overall")
        above = [p.getString() for p in body_paragraphs(self.doc)]
        self.assertIn("部门整体支出绩效评价指标体系及打分表", above, name)
        self.set_metadata("富民县信访局", "", "2025")
        self.tool.recompute(self.doc)
        texts = [p.getString() for p in body_paragraphs(self.doc)]
        self.assertIn("富民县信访局2025年度部门整体支出绩效评价指标体系及打分表", texts)

    def set_metadata(self, unit, project, year):
        """The document properties the deck's 单位/项目名称/年度 fields are saved as (document_properties.cpp)."""
        user = self.doc.DocumentProperties.UserDefinedProperties
        for name, value in (("单位", unit), ("项目名称", project), ("年度", year)):
            user.addProperty(name, 0, value)

    def test_refused_into_a_document_with_content_and_into_a_spreadsheet(self):
        self.doc.Text.setString("已有内容")
        with self.assertRaises(IllegalArgumentException) as refused:
            self.tool.insertReport(self.doc, "county-project")
        self.assertIn("空白文档", refused.exception.Message)
        self.assertEqual(self.doc.Text.getString(), "已有内容")
        sheet = office.new_document("scalc")
        try:
            with self.assertRaises(IllegalArgumentException) as calc:
                self.tool.insertReport(sheet, "county-project")
            self.assertIn("Writer", calc.exception.Message)
        finally:
            sheet.close(True)

    def test_saved_as_docx_the_structure_and_the_placeholders_come_back(self):
        left = self.tool.insertReport(self.doc, "county-project")
        before = [(f.RuleId, f.Message) for f in placeholder_findings(self.tool, self.doc)]
        path = os.path.join(self.dir, "report.docx")
        self.doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName="MS Word 2007 XML"))
        reopened = office.load(path)
        try:
            self.assertEqual(outline(reopened), COUNTY_OUTLINE)
            self.assertEqual(len(placeholders(reopened)), left)
            self.assertEqual([(f.RuleId, f.Message) for f in placeholder_findings(self.tool, reopened)], before)
        finally:
            reopened.close(True)


if __name__ == "__main__":
    unittest.main()
