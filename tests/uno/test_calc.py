"""The scripting API on Calc documents: live formulas, hand-typed sheets, findings with cell addresses."""
import unittest

from office import Office, OfficeCase, copy_seed, scratch_dir

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def cell(doc, address):
    sheet_name, ref = address.rsplit(".", 1)
    return doc.Sheets.getByName(sheet_name.strip("'$")).getCellRangeByName(ref)


class CalcInsertedTableTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()
        self.doc = office.new_document("scalc")
        self.sheet = self.doc.Sheets.getByIndex(0)

    def tearDown(self):
        self.doc.close(True)

    def score_rows(self):
        """Rows (1-based) of the 21 leaves: title in row 1, header in row 2."""
        return range(3, 24)

    def test_inserted_table_carries_live_formulas(self):
        name = self.tool.insertScoreTable(self.doc, "county-project")
        self.assertTrue(name.startswith("JixiaoScore"), name)
        self.assertEqual(self.sheet.getCellRangeByName("A2").getString().replace("\n", ""), "一级指标")
        self.assertIn("决策", self.sheet.getCellRangeByName("A3").getString())
        deduction = self.sheet.getCellRangeByName("H3")
        self.assertTrue(deduction.getFormula().startswith("="), deduction.getFormula())
        self.assertEqual(self.sheet.getCellRangeByName("A24").getString(), "合计")
        self.assertTrue(self.sheet.getCellRangeByName("G24").getFormula().startswith("="))
        # Fill every score with its weight, then take 3 off 经济效益: Calc's own formulas do the rest.
        for row in self.score_rows():
            weight = self.sheet.getCellRangeByName(f"F{row}").getValue()
            self.sheet.getCellRangeByName(f"G{row}").setValue(weight)
        economic = next(r for r in self.score_rows() if "经济效益" in self.sheet.getCellRangeByName(f"C{r}").getString())
        self.sheet.getCellRangeByName(f"G{economic}").setValue(3)
        self.doc.calculateAll()
        self.assertEqual(self.sheet.getCellRangeByName(f"H{economic}").getValue(), 3)
        # Calc keeps grid positions: 合计 spans A–E, its values sit under 分值/得分/扣分.
        totals = [self.sheet.getCellRangeByName(f"{c}24").getString() for c in "FGH"]
        self.assertEqual(totals, ["100", "97", "3"], totals)
        self.assertEqual(self.sheet.getCellRangeByName("F25").getString(), "优秀")
        self.assertEqual(self.tool.recompute(self.doc), 0, "formulas already hold the right values")

    def test_inserted_table_is_formatted_as_offices_print_it(self):
        self.tool.insertScoreTable(self.doc, "county-project")
        rows = range(2, 26)  # header (row 2) to 评价等级 (row 25)
        for row in rows:
            for column in "ABCDEFGHI":
                c = self.sheet.getCellRangeByName(f"{column}{row}")
                for side in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder"):
                    self.assertGreater(c.getPropertyValue(side).OuterLineWidth, 0, f"{column}{row} {side}")
        for column in "ABCDEFGHI":
            header = self.sheet.getCellRangeByName(f"{column}2")
            self.assertEqual(header.CharWeight, 150.0, f"{column}2 bold")  # awt::FontWeight::BOLD
            self.assertNotEqual(header.CellBackColor, -1, f"{column}2 shaded")
        self.assertEqual(self.sheet.getCellRangeByName("A1").CharWeight, 150.0, "the title is bold")
        self.assertEqual(self.sheet.getCellRangeByName("A3").CharWeight, 100.0, "the body is not bold")
        self.assertEqual(self.sheet.getCellRangeByName("A3").CellBackColor, -1, "the body is not shaded")
        # 指标解释, 评价标准 and 扣分原因 wrap in wide columns; the rows grow to show them whole.
        for column in "DEI":
            self.assertTrue(self.sheet.getCellRangeByName(f"{column}3").IsTextWrapped, column)
        widths = {c: self.sheet.Columns.getByName(c).Width for c in "ADEFI"}
        self.assertGreater(widths["D"], 2 * widths["F"], widths)
        self.assertGreater(widths["E"], 2 * widths["F"], widths)
        self.assertGreater(widths["I"], widths["F"], widths)
        default_height = self.sheet.Rows.getByIndex(40).Height
        self.assertGreater(max(self.sheet.Rows.getByIndex(r).Height for r in range(2, 23)), default_height)

    def test_findings_carry_calc_addresses(self):
        self.tool.insertScoreTable(self.doc, "county-project")
        self.sheet.getCellRangeByName("G3").setValue(5)  # 项目立项规范性 is worth 1
        findings = self.tool.validate(self.doc)
        hits = [f for f in findings if f.RuleId == "score.range"]
        self.assertEqual(len(hits), 1, [(f.RuleId, f.Cell) for f in findings])
        self.assertEqual(hits[0].Cell.replace("$", ""), f"{self.sheet.Name}.G3")
        self.assertEqual(cell(self.doc, hits[0].Cell).getValue(), 5)

    def test_text_in_a_score_cell_is_named_and_does_not_block(self):
        self.tool.insertScoreTable(self.doc, "county-project")
        self.sheet.getCellRangeByName("G4").setString("九十")
        findings = self.tool.validate(self.doc)
        hit = next(f for f in findings if f.RuleId == "cell.not-a-number")
        self.assertEqual(hit.Cell.replace("$", ""), f"{self.sheet.Name}.G4")
        self.assertIn("九十", hit.Message)


class CalcImportTest(OfficeCase):
    def test_import_places_funding_below_the_scoring_table_and_narrates_from_it(self):
        import os
        from office import SOURCE_DIR
        tool = office.tool()
        doc = office.new_document("scalc")
        try:
            with open(os.path.join(SOURCE_DIR, "examples", "sample-scorecard.json"), encoding="utf-8") as f:
                tool.importScorecard(doc, f.read())
            sheet = doc.Sheets.getByIndex(0)
            column_a = [sheet.getCellByPosition(0, r).getString() for r in range(40)]
            self.assertIn("合计", column_a)
            self.assertIn("工资补助", column_a)
            self.assertLess(column_a.index("合计"), column_a.index("工资补助"), "funding table overwrote the scores")
            total_row = column_a.index("合计")
            self.assertEqual([sheet.getCellByPosition(c, total_row).getString() for c in (5, 6, 7)], ["100", "97", "3"])
            # The funding table is live too: its 实际支出合计 is a SUM formula (calcFundingFormulas).
            funding = [sheet.getCellByPosition(c, r).getFormula()
                       for r in range(column_a.index("工资补助"), 40) for c in range(4)]
            self.assertTrue(any(f.startswith("=SUM(") for f in funding), "the funding table has no sum formula")
            text = tool.generateSection(doc, "cost-benefit")
            for figure in ("1.99万元", "99.5%", "36.18%", "56.78%", "7.04%"):
                self.assertIn(figure, text)
            where = tool.insertSection(doc, "cost-benefit")
            self.assertIn("36.18%", where)
            report = doc.Sheets.getByName("报告")
            self.assertIn("36.18%", report.getCellByPosition(0, 0).getString())
        finally:
            doc.close(True)


class CalcHandTypedSheetTest(OfficeCase):
    """The sample table typed into a spreadsheet by hand (plain numbers, merged cells, title in A1)."""

    @classmethod
    def setUpClass(cls):
        cls.path = copy_seed("sample-table.xlsx", scratch_dir("jixiao-xlsx-"))

    def setUp(self):
        self.tool = office.tool()
        self.doc = office.load(self.path)

    def tearDown(self):
        self.doc.close(True)

    def test_a_score_typed_into_the_sheet_updates_its_totals_live(self):
        from office import wait_until
        sheet = self.doc.Sheets.getByIndex(0)
        cells = [[sheet.getCellByPosition(c, r) for c in range(9)] for r in range(30)]
        total_row = next(r for r in range(30) if cells[r][0].getString() == "合计")
        total = next(c for c in range(1, 9) if cells[total_row][c].getString() == "97")
        economic = next(r for r in range(30) if "经济效益" in cells[r][2].getString())
        self.tool.validate(self.doc)  # the first use of Jixiao on a document starts live recompute for it
        cells[economic][6].setValue(5)  # 经济效益 3 → 5
        self.assertTrue(wait_until(lambda: cells[total_row][total].getString() == "99"),
                        cells[total_row][total].getString())
        self.assertEqual(cells[economic][7].getString(), "1")
        self.assertFalse(cells[total_row][total].getFormula().startswith("="), "a typed sheet keeps plain values")

    def test_convert_to_live_table_puts_formulas_in_as_one_undo_step(self):
        sheet = self.doc.Sheets.getByIndex(0)
        cells = [[sheet.getCellByPosition(c, r) for c in range(9)] for r in range(30)]
        total_row = next(r for r in range(30) if cells[r][0].getString() == "合计")
        total = next(c for c in range(1, 9) if cells[total_row][c].getString() == "97")
        self.assertFalse(cells[total_row][total].getFormula().startswith("="))
        self.tool.convertToLiveTable(self.doc)
        self.assertTrue(cells[total_row][total].getFormula().startswith("="), cells[total_row][total].getFormula())
        self.assertEqual(cells[total_row][total].getString(), "97", "the values stay as they were")
        self.assertEqual(self.tool.recompute(self.doc), 0)
        self.doc.UndoManager.undo()
        self.assertFalse(cells[total_row][total].getFormula().startswith("="), "one undo restores the typed table")
        self.assertEqual(cells[total_row][total].getString(), "97")

    def test_reads_validates_and_recomputes_the_sample_sheet(self):
        import json
        card = json.loads(self.tool.exportScorecard(self.doc))
        leaves = [leaf for top in card["indicators"] for second in top["children"] for leaf in second["children"]]
        self.assertEqual(len(leaves), 21)
        self.assertEqual(card["meta"].get("year"), 2024, "the sheet's title row names 2024")
        self.assertEqual(self.tool.recompute(self.doc), 0)
        rules = [f.RuleId for f in self.tool.validate(self.doc)]
        # The sample's inconsistent checklists are the county template's texts verbatim: not judged again.
        self.assertEqual(rules.count("rule.checklist-max"), 0, rules)
        sheet = self.doc.Sheets.getByIndex(0)
        cell = next(sheet.getCellByPosition(c, r) for r in range(30) for c in range(9)
                    if "按照规定的程序申请设立" in sheet.getCellByPosition(c, r).getString())
        cell.setString(cell.getString().replace("扣0.5分", "扣0.4分"))  # the user's own standard now
        checklists = [f.Indicator for f in self.tool.validate(self.doc) if f.RuleId == "rule.checklist-max"]
        self.assertEqual(checklists, ["项目立项规范性"])


if __name__ == "__main__":
    unittest.main()
