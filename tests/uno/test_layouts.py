"""The layouts other offices write (docs/table-layout.md), on a real soffice: every document of the corpus
tests/data/docs/layout-*.json, in each of its formats (.docx .odt .doc .xlsx .ods .xls, stored by a plain office
without Jixiao), is read with the expected indicator count, total and grade; a clean one raises no error-level
finding and is unchanged — every cell text and formula (Calc's, Writer's, Word's formula fields) — after
recompute; every planted defect is found, and one recompute puts right (`recomputes`: cell → text) is put right
in exactly those cells."""
import glob
import json
import os
import unittest
from decimal import Decimal

from office import DATA_SPECS, Office, OfficeCase, changes, copy_seed, scratch_dir, snapshot

office = Office()
WORK = scratch_dir("jixiao-layouts-")
SPECS = sorted(glob.glob(os.path.join(DATA_SPECS, "layout-*.json")))
GRADES = [(Decimal(90), "优秀"), (Decimal(80), "良好"), (Decimal(60), "中")]


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def leaves(indicators):
    for indicator in indicators:
        if indicator.get("children"):
            yield from leaves(indicator["children"])
        else:
            yield indicator


def grade(total):
    return next((label for bound, label in GRADES if total >= bound), "差")


def formulas(doc, state):
    """The cells holding the user's formulas, as (sheet or table, cell) → formula: in Calc from the snapshot, in
    Writer formula cells (Table > Formula) and Word's formula fields (TableFormula) in cells."""
    if doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        return {key: value for key, value in state.items() if isinstance(value, str) and value.startswith("=")}
    found = {}
    for name in doc.TextTables.getElementNames():
        table = doc.TextTables.getByName(name)
        for cell in table.getCellNames():
            if table.getCellByName(cell).getType().value == "FORMULA":
                found[(name, cell)] = table.getCellByName(cell).getFormula()
    fields = doc.TextFields.createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.TableFormula"):
            anchor = field.getAnchor()
            found[(anchor.TextTable.Name, anchor.Cell.CellName, "field")] = field.Content
    return found


# A department's whole spending is "该部门" in the generated sections, a project "该项目" — told by the framework's
# template, or, for a framework of the unit's own, by the report's title, caption or prose.
SUBJECT_WORDS = {"department": "该部门", "project": "该项目"}


class LayoutCorpusTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()

    def documents(self):
        self.assertGreaterEqual(len(SPECS), 14, "the corpus is in tests/data/docs/layout-*.json")
        count = 0
        for path in SPECS:
            with open(path, encoding="utf-8") as f:
                spec = json.load(f)
            stem = os.path.splitext(os.path.basename(path))[0]
            for fmt in spec["formats"]:
                count += 1
                yield f"{stem}.{fmt}", spec["expect"]
        self.assertGreaterEqual(count, 15)

    def check(self, name, expect):
        doc = office.load(copy_seed(name, WORK))
        try:
            loaded = snapshot(doc)  # a macro's first call starts live recompute, which may write before 重算 does
            findings = self.tool.validate(doc)
            rules = [f.RuleId for f in findings]
            described = [(f.RuleId, f.Severity, f.Message) for f in findings]
            self.assertNotIn("table.layout", rules, described)
            self.assertNotIn("table.missing", rules, described)
            for finding in findings:
                self.assertNotIn("{", finding.Message, "every placeholder is filled")
            card = json.loads(self.tool.exportScorecard(doc))
            self.assertTrue(card.get("tableName"), "the scoring table is recognised")
            if "indicators" in expect:
                read = list(leaves(card["indicators"]))
                self.assertEqual(len(read), expect["indicators"], [leaf["name"] for leaf in read])
                total = sum(Decimal(str(leaf.get("score", 0))) for leaf in read)
                self.assertEqual(total, Decimal(expect["total"]))
                self.assertEqual(grade(total), expect["grade"])
                if expect["clean"] and card.get("totals", {}).get("grade"):
                    self.assertEqual(card["totals"]["grade"], expect["grade"])
            if "subject" in expect:  # what the generated sections call what was evaluated
                conclusion = self.tool.generateSection(doc, "conclusion")
                self.assertIn(SUBJECT_WORDS[expect["subject"]], conclusion, conclusion[:120])
            before = snapshot(doc)
            formulas_before = formulas(doc, before)
            if expect.get("formulas_kept"):
                self.assertTrue(formulas_before, "the document holds the formulas it is about")
            if expect["clean"]:
                self.assertFalse([d for d in described if d[1] == "error"], described)
            for rule in expect.get("findings", []):
                self.assertIn(rule, rules, described)
            for rule in expect.get("no_findings", []):
                self.assertNotIn(rule, rules, described)
            written = self.tool.recompute(doc)
            after = snapshot(doc)
            if expect["clean"] or expect.get("unchanged"):
                self.assertEqual(written, 0)
                self.assertEqual(changes(before, after), {}, "recompute changed the document")
            if "recomputes" in expect:  # exactly these cells (by name) written, and what they were wrong in is gone
                written_cells = {key[1]: value for key, value in changes(loaded, after).items()}
                self.assertEqual(written_cells, expect["recomputes"], "recompute wrote other cells")
                after_rules = [f.RuleId for f in self.tool.validate(doc)]
                for rule in expect.get("fixed_by_recompute", []):
                    self.assertNotIn(rule, after_rules)
                for rule in set(expect.get("findings", [])) - set(expect.get("fixed_by_recompute", [])):
                    self.assertIn(rule, after_rules, "a finding recompute does not fix stays")
            self.assertEqual(formulas(doc, after), formulas_before, "a formula the user wrote was replaced")
        finally:
            doc.close(True)

    def test_every_document_of_the_corpus(self):
        for name, expect in self.documents():
            with self.subTest(document=name):
                self.check(name, expect)

    def test_a_planted_defect_is_put_right_where_the_table_was_read_whole(self):
        doc = office.load(copy_seed("layout-national2020-defects.docx", WORK))
        try:
            table = doc.TextTables.getByIndex(0)
            self.assertEqual(table.getCellByName("A2").getString(), "决策（16分）")
            self.assertGreater(self.tool.recompute(doc), 0)
            self.assertEqual(table.getCellByName("A2").getString(), "决策（15分）")
            self.assertEqual(table.getCellByName("C20").getString(), "94.5")
            self.assertEqual(self.tool.recompute(doc), 0)
        finally:
            doc.close(True)

    def test_a_split_table_is_recomputed_in_its_second_part(self):
        doc = office.load(copy_seed("layout-split-header-repeated.odt", WORK))
        try:
            second = doc.TextTables.getByIndex(1)
            self.assertEqual(second.getCellByName("H2").getString(), "0")
            second.getCellByName("G2").setString("13")  # 完成率 15 → 13
            self.tool.recompute(doc)
            self.assertEqual(second.getCellByName("H2").getString(), "2")
            self.assertEqual(second.getCellByName("C7").getString(), "92")  # 合计 得分 (合计 spans A7:E7)
            self.assertEqual(second.getCellByName("B8").getString(), "优秀")
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
