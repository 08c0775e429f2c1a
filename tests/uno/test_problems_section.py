"""存在的问题和建议 (section `problems`) written into the sample report from its deductions, refreshed after a
score changes, checked against the table, and an edit of the user's noticed (isSectionEdited)."""
import unittest

from office import Office, SampleReportCase, body_paragraphs

office = Office()

ECONOMIC = "“经济效益”指标扣3分，原因是热线工作侧重于保持和促进社会和谐稳定，在投入产出评价指标方面难以用数据体现，对经济效益影响不太明显。"
PLACEHOLDER = "【请针对“经济效益”指标的扣分原因填写改进建议】"


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def paragraphs(doc):
    return [paragraph.getString() for paragraph in body_paragraphs(doc)]


class ProblemsSectionTest(SampleReportCase):
    office = office

    def put_cursor_before(self, text):
        for paragraph in body_paragraphs(self.doc):
            if paragraph.getString() == text:
                self.doc.CurrentController.getViewCursor().gotoRange(paragraph.getStart(), False)
                return
        self.fail(f"no paragraph {text}")

    def row_cells(self, indicator):
        """The cells of the indicator's row, left to right (merged cells make rows differ in length)."""
        table = self.doc.TextTables.getByIndex(0)
        names = table.getCellNames()
        label = next(n for n in names if table.getCellByName(n).getString().startswith(indicator))
        row = "".join(c for c in label if c.isdigit())
        same = [n for n in names if "".join(c for c in n if c.isdigit()) == row]
        return table, sorted(same, key=lambda n: (len(n.rstrip("0123456789")), n))

    def problem_findings(self):
        return [(f.RuleId, f.Message) for f in self.tool.validate(self.doc) if f.RuleId.startswith("narrative.problem")]

    def section_text(self):
        return self.doc.TextSections.getByName("Jixiao_problems").getAnchor().getString()

    def test_written_from_the_deductions_refreshed_after_a_score_change_and_an_edit_noticed(self):
        self.put_cursor_before("（三）建议和改进措施。")
        before = paragraphs(self.doc)
        rules_before = sorted(f.RuleId for f in self.tool.validate(self.doc))
        text = self.tool.insertSection(self.doc, "problems")
        self.assertEqual(text.split("\n"), [
            "2025年该项目21项评价指标中有1项未得满分，主要存在以下问题：",
            "1.效果方面。" + ECONOMIC,
            "针对上述问题，提出以下建议：",
            "1." + PLACEHOLDER,
        ])
        after = paragraphs(self.doc)
        at = after.index(text.split("\n")[0])
        self.assertEqual(after[:at] + after[at + 4:], before, "only the section's four paragraphs are added")
        self.assertEqual(after[at + 4], "（三）建议和改进措施。")
        self.assertEqual(sorted(f.RuleId for f in self.tool.validate(self.doc)), rules_before,
                         "the section raises nothing: no year, figure or grade of it disagrees with the table")
        self.assertFalse(self.tool.isSectionEdited(self.doc, "problems"))

        # 完成及时性 scored 3 of 4, with a reason: the section written before no longer says everything.
        table, cells = self.row_cells("完成及时性")
        table.getCellByName(cells[-3]).setString("3")
        table.getCellByName(cells[-1]).setString("部分交办件超期办结。")
        missing = self.problem_findings()
        self.assertEqual([rule for rule, _ in missing], ["narrative.problem-missing"], missing)
        self.assertIn("完成及时性", missing[0][1])

        refreshed = self.tool.insertSection(self.doc, "problems")
        self.assertEqual(refreshed.split("\n"), [
            "2025年该项目21项评价指标中有2项未得满分，主要存在以下问题：",
            "1.产出方面。“完成及时性”指标扣1分，原因是部分交办件超期办结。",
            "2.效果方面。" + ECONOMIC,
            "针对上述问题，提出以下建议：",
            "1.合理安排项目实施进度，确保各项任务按计划时间完成。",  # the county template's suggestion
            "2." + PLACEHOLDER,
        ])
        self.assertEqual(self.doc.TextSections.getElementNames().count("Jixiao_problems"), 1)
        now = paragraphs(self.doc)
        self.assertEqual(now[:at] + now[at + 6:], before, "the refresh replaces the section in place")
        self.assertEqual(self.problem_findings(), [])

        # The user writes the suggestion in place of the placeholder: noticed as an edit, and still in agreement
        # with the table.
        search = self.doc.createSearchDescriptor()
        search.SearchString = PLACEHOLDER
        found = self.doc.findFirst(search)
        self.assertIsNotNone(found)
        found.setString("加强对经济效益指标的分析，探索用数据体现热线工作的效益。")
        self.assertTrue(self.tool.isSectionEdited(self.doc, "problems"))
        self.assertIn("探索用数据体现热线工作的效益", self.section_text())
        self.assertEqual(self.problem_findings(), [])
        # The other sections are unaffected, and validation says nothing of an indicator the section does not name.
        self.assertFalse(self.tool.isSectionEdited(self.doc, "conclusion"))

        # Naming an indicator that lost nothing as a problem is found.
        search.SearchString = "“完成及时性”"
        self.doc.findFirst(search).setString("“社会效益”")
        rules = sorted(rule for rule, _ in self.problem_findings())
        self.assertEqual(rules, ["narrative.problem-missing", "narrative.problem-not-lost"])


if __name__ == "__main__":
    unittest.main()
