"""Bad input through a real soffice with Jixiao installed (issue 6): broken tables, odd numbers, empty,
read-only, password-protected and change-tracked documents, a protected Calc sheet and broken user templates.

For every case: the office still answers afterwards, every call returns within a time limit, the problem is
named by a finding or an error message that points at the cell or file, and the document does not change
unless the call asks for a change — validate() and exportScorecard() never change anything, recompute()
only the derived cells (扣分, 合计, parent labels). The corpus is built at test time by bad_inputs.py.
docs/robustness.md lists the cases and what is asserted.
"""
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

import uno

import bad_inputs
from office import Office, OfficeCase, SOURCE_DIR, changes, props, snapshot

office = Office()
WORK = None
CALL_SECONDS = 30       # any single call; the slowest (recompute of 1,000 rows) takes a few seconds
SHIPPED = {"county-project", "national-2020-project", "department-overall"}


def setUpModule():
    global WORK
    office.start()
    # Before anything asks Jixiao for its data: user templates are read once, at first use.
    bad_inputs.seed_user_templates(office.profile,
                                   os.path.join(SOURCE_DIR, "extension", "templates", "county-project.json"))
    WORK = tempfile.mkdtemp(prefix="jixiao-bad-input-")


def tearDownModule():
    office.stop()
    if WORK:
        for root, _dirs, files in os.walk(WORK):
            for name in files:
                bad_inputs.writable_again(os.path.join(root, name))
        shutil.rmtree(WORK, ignore_errors=True)


class Hang(AssertionError):
    pass


def bounded(fn, *args, seconds=CALL_SECONDS):
    """fn(*args) in a thread; a call that does not return in time fails the test instead of hanging it."""
    result = {}

    def run():
        try:
            result["value"] = fn(*args)
        except BaseException as e:  # handed to the caller
            result["error"] = e

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise Hang(f"{getattr(fn, '__name__', fn)} did not return within {seconds} s")
    if "error" in result:
        raise result["error"]
    return result["value"]


def office_answers():
    """A trivial round trip through the office and through Jixiao."""
    ids = bounded(lambda: set(office.tool().templateIds()), seconds=10)
    return SHIPPED <= ids and office.process.poll() is None


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class BadInputCase(OfficeCase):
    """One document of the corpus, loaded fresh for each test."""
    build = None
    read_only = False
    path = None

    @classmethod
    def setUpClass(cls):
        if cls.build is not None:
            cls.path = cls.build(office, WORK)

    def setUp(self):
        self.tool = office.tool()
        self.doc = bounded(office.load, self.path, True, self.read_only) if self.path else None

    def tearDown(self):
        if self.doc is not None:
            bounded(self.doc.close, True)
        self.assertTrue(office_answers(), "the office stopped answering")

    # What every case checks.
    def findings(self):
        return [f for f in bounded(self.tool.validate, self.doc) if f.RuleId != "template.invalid"]

    def read_calls_change_nothing(self):
        before = snapshot(self.doc)
        findings = self.findings()
        card = json.loads(bounded(self.tool.exportScorecard, self.doc))
        self.assertEqual(changes(before, snapshot(self.doc)), {}, "validate/exportScorecard changed the document")
        return findings, card

    def recompute(self):
        before = snapshot(self.doc)
        written = bounded(self.tool.recompute, self.doc)
        changed = changes(before, snapshot(self.doc))
        return written, changed

    def assert_finding(self, findings, rule, location, *words):
        hits = [f for f in findings if f.RuleId == rule and f.Location == location]
        self.assertTrue(hits, f"no {rule} at {location}: {[(f.RuleId, f.Location) for f in findings]}")
        for word in words:
            self.assertIn(word, hits[0].Message)
        return hits[0]

    def assert_recompute_writes(self, expected, table="打分表"):
        """recompute() writes exactly these derived cells, and a second one has nothing left to write."""
        written, changed = self.recompute()
        self.assertEqual(changed, {(table, cell): text for cell, text in expected.items()})
        self.assertEqual(written, len(expected))
        self.assertEqual(bounded(self.tool.recompute, self.doc), 0, "a second recompute has nothing to write")


# --- Writer tables ---------------------------------------------------------------------------------------------

class ExtraColumnsTest(BadInputCase):
    build = staticmethod(bad_inputs.extra_columns)

    def test_unknown_columns_are_ignored_and_left_alone(self):
        findings, card = self.read_calls_change_nothing()
        self.assertFalse([f for f in findings if f.Severity == "error"], [(f.RuleId, f.Location) for f in findings])
        self.assertEqual(len(card["indicators"]), 2)
        # Every column moved one to the right; 序号 and 备注 are never written.
        self.assert_recompute_writes({"I2": "0", "I3": "1", "I4": "0", "I5": "10", "G6": "100", "H6": "89",
                                      "I6": "11"})


class MissingScoreColumnTest(BadInputCase):
    build = staticmethod(bad_inputs.missing_score_column)

    def test_a_table_without_a_score_column_is_not_taken_for_a_scoring_table(self):
        findings, card = self.read_calls_change_nothing()
        missing = self.assert_finding(findings, "table.missing", "", "评价得分")
        self.assertEqual(missing.Severity, "info")
        self.assertEqual(card["indicators"], [])
        self.assertEqual(self.recompute(), (0, {}))


class OddMergesTest(BadInputCase):
    build = staticmethod(bad_inputs.odd_merges)

    def test_contradictory_merges_are_named_and_only_derived_cells_written(self):
        findings, _card = self.read_calls_change_nothing()
        # 资金投入 merged down into 产出's row takes 任务完成率 under 决策: both sums are named at their label.
        self.assert_finding(findings, "weight.sum-children", "打分表.A2", "决策")
        self.assert_finding(findings, "weight.sum-children", "打分表.B4")
        # Row 2 has an extra cell (指标解释 split in two), so its 扣分 is I2; row 3's 得分 and 扣分 are one cell
        # (G3, the score 2), which recompute leaves alone; F5 is the half of a split 分值 cell; 合计 is row 7.
        self.assert_recompute_writes({"I2": "0", "H4": "0", "H6": "10", "F7": "100", "G7": "89", "H7": "11"})
        self.assertEqual(self.doc.TextTables.getByName("打分表").getCellByName("G3").getString(), "2")


class NestedTablesTest(BadInputCase):
    build = staticmethod(bad_inputs.nested_tables)

    def test_a_scoring_table_inside_a_layout_table_is_read_and_recomputed(self):
        findings, card = self.read_calls_change_nothing()
        self.assertFalse([f for f in findings if f.Severity == "error"], [(f.RuleId, f.Location) for f in findings])
        self.assertTrue(all(f.Location.startswith("打分表.") for f in findings if f.Location), findings)
        self.assertEqual(len(card["indicators"]), 2)
        # The table nested in E3 and the layout table around everything are not touched.
        self.assert_recompute_writes(bad_inputs.BASE_RECOMPUTED)


class BigTableTest(BadInputCase):
    build = staticmethod(bad_inputs.big_table)

    def test_a_thousand_rows_in_bounded_time(self):
        started = time.monotonic()
        findings, card = self.read_calls_change_nothing()
        self.assertLess(time.monotonic() - started, 15, "validate + exportScorecard of 1,000 rows")
        leaves = [leaf for top in card["indicators"] for second in top["children"] for leaf in second["children"]]
        self.assertEqual(len(leaves), bad_inputs.BIG_ROWS)
        self.assertFalse([f for f in findings if f.Severity == "error"], [(f.RuleId, f.Location) for f in findings])
        total = bad_inputs.BIG_ROWS + 2  # header + leaves + 合计
        expected = {f"H{row}": ("0.05" if (row - 2) % 100 == 0 else "0") for row in range(2, total)}
        expected.update({f"F{total}": "100", f"G{total}": "99.5", f"H{total}": "0.5"})
        started = time.monotonic()
        self.assert_recompute_writes(expected)
        self.assertLess(time.monotonic() - started, 25, "two recomputes of 1,000 rows")


class NumberCellsTest(BadInputCase):
    build = staticmethod(bad_inputs.number_cells)

    def test_bad_numbers_are_named_by_cell_and_good_ones_read(self):
        findings, card = self.read_calls_change_nothing()
        self.assert_finding(findings, "cell.not-a-number", "打分表.G2", "九十")
        self.assert_finding(findings, "cell.not-a-number", "打分表.F6", "abc")
        # One finding per cause: the unreadable score is not also reported as missing.
        self.assertEqual([f.RuleId for f in findings if f.Location == "打分表.G2"], ["cell.not-a-number"])
        self.assert_finding(findings, "score.range", "打分表.G5", "-5")
        # Full-width digits, three decimals and a Writer formula are numbers.
        for cell in ("F4", "G4", "G3", "G7"):
            self.assertFalse([f for f in findings if f.RuleId == "cell.not-a-number" and f.Location == f"打分表.{cell}"])
        leaves = {leaf["name"]: leaf for top in card["indicators"] for second in top["children"]
                  for leaf in second["children"]}
        self.assertEqual((leaves["目标合理性"]["score"], leaves["预算编制科学性"]["weight"]), ("2.125", "4"))
        # 扣分 exactly (0.875, not 0.88); none for the text and negative scores; no 合计 得分 while scores are bad.
        self.assert_recompute_writes({"H3": "0.875", "H4": "2", "H7": "0", "F8": "100"})
        after = [(f.RuleId, f.Location) for f in self.findings()]
        self.assertNotIn(("deduction.mismatch", "打分表.H3"), after)
        self.assertEqual(self.doc.TextTables.getByName("打分表").getCellByName("G7").getFormula(), "<F7>*2")


class OversizedImportTest(BadInputCase):
    """importScorecard refuses what is too large or not a scorecard before it builds anything."""
    build = staticmethod(bad_inputs.well_formed)
    REFUSED_WITHIN = 10  # seconds: the watchdog, far above a refusal and far below building 20,000 rows

    def scorecard(self, **changes):
        with open(os.path.join(SOURCE_DIR, "examples", "sample-scorecard.json"), encoding="utf-8") as f:
            card = json.load(f)
        card.update(changes)
        return card

    def test_too_large_or_not_a_scorecard_is_refused_and_nothing_changes(self):
        before = snapshot(self.doc)
        properties = {p.Name for p in self.doc.DocumentProperties.UserDefinedProperties.PropertySetInfo.Properties}
        many = [{"name": f"指标{i}", "weight": "0.005"} for i in range(20000)]
        no_format = self.scorecard()
        del no_format["format"]
        cases = [
            # In the office's UI language (zh-CN here), from extension/i18n/ui.json.
            (json.dumps(self.scorecard(meta={"title": "x" * (50 << 20)})),
             ("导入数据过大", "上限 4194304 字节", "未导入任何内容")),
            (json.dumps(self.scorecard(indicators=many), ensure_ascii=False),
             ("导入数据的指标过多", "20000 项，上限 2000 项", "未导入任何内容")),
            (json.dumps(no_format, ensure_ascii=False), ("importScorecard：$.format：缺少此项",)),
            (json.dumps(self.scorecard(format="something-else"), ensure_ascii=False),
             ("$.format：应为“jixiao-scorecard”，实际为“something-else”",)),
            (json.dumps(self.scorecard(indicator=[]), ensure_ascii=False), ("$.indicator：未知的键“indicator”",)),
        ]
        for text, words in cases:
            with self.assertRaises(Exception) as raised:
                bounded(self.tool.importScorecard, self.doc, text, seconds=self.REFUSED_WITHIN)
            self.assertIn("IllegalArgumentException", type(raised.exception).__name__)
            for word in words:
                self.assertIn(word, raised.exception.Message)
        self.assertEqual(changes(before, snapshot(self.doc)), {})
        self.assertEqual({p.Name for p in self.doc.DocumentProperties.UserDefinedProperties.PropertySetInfo.Properties},
                         properties)
        # What the batch's --export-json writes (the scorecard plus "source") imports.
        bounded(self.tool.importScorecard, self.doc, json.dumps(self.scorecard(source="/reports/a.docx")))
        self.assertNotEqual(changes(before, snapshot(self.doc)), {})


class ExceptionsCrossTheBridgeTest(OfficeCase):
    """A UNO exception thrown inside Jixiao (C++, a statically linked libstdc++ in the shipped library) reaches
    its caller as that UNO exception: Python over the socket bridge, and a Basic macro run in the office."""

    BASIC = """
Function ImportBadScorecard(doc As Object) As String
    On Error GoTo Caught
    Dim tool As Object
    tool = CreateUnoService("org.jixiao.EvaluationTool")
    tool.importScorecard(doc, "{""format"": ""something-else""}")
    ImportBadScorecard = "returned"
    Exit Function
Caught:
    ImportBadScorecard = "caught " & Err & ": " & Error$
End Function
"""

    def setUp(self):
        self.doc = office.new_document("swriter")

    def tearDown(self):
        self.doc.close(True)

    def test_python_catches_the_illegal_argument_exception(self):
        from com.sun.star.lang import IllegalArgumentException
        with self.assertRaises(IllegalArgumentException) as raised:
            bounded(office.tool().importScorecard, self.doc, '{"format": "something-else"}')
        self.assertIn("something-else", raised.exception.Message)
        self.assertTrue(office_answers())

    def test_basic_catches_the_illegal_argument_exception(self):
        libraries = office.service("com.sun.star.script.ApplicationScriptLibraryContainer")
        if not libraries.hasByName("JixiaoBridge"):
            libraries.createLibrary("JixiaoBridge").insertByName("Catch", self.BASIC)
        provider = office.service("com.sun.star.script.provider.MasterScriptProviderFactory").createScriptProvider("")
        script = provider.getScript(
            "vnd.sun.star.script:JixiaoBridge.Catch.ImportBadScorecard?language=Basic&location=application")
        result, _out_index, _out = bounded(script.invoke, (self.doc,), (), ())
        self.assertTrue(result.startswith("caught "), result)
        self.assertIn("com.sun.star.lang.IllegalArgumentException", result)
        self.assertIn("something-else", result)
        self.assertTrue(office_answers())


class EmptyDocumentTest(OfficeCase):
    def test_empty_writer_and_calc_documents(self):
        tool = office.tool()
        for build in (bad_inputs.empty_writer, bad_inputs.empty_calc):
            doc = bounded(office.load, build(office, WORK))
            try:
                before = snapshot(doc)
                findings = [f for f in bounded(tool.validate, doc) if f.RuleId != "template.invalid"]
                self.assertEqual([f.RuleId for f in findings], ["table.missing"], build.__name__)
                self.assertEqual(json.loads(bounded(tool.exportScorecard, doc))["indicators"], [])
                self.assertEqual(bounded(tool.recompute, doc), 0)
                with self.assertRaises(Exception) as raised:
                    bounded(tool.generateSection, doc, "conclusion")
                self.assertIn("IllegalArgumentException", type(raised.exception).__name__)
                self.assertTrue(raised.exception.Message)
                self.assertEqual(changes(before, snapshot(doc)), {}, build.__name__)
            finally:
                doc.close(True)
        self.assertTrue(office_answers())


# --- Read-only, password, track changes ------------------------------------------------------------------------

class ReadOnlyChecks:
    """A read-only document is checked but never changed, and a change asked for is refused by name."""

    def assert_read_only_document(self):
        self.assertTrue(self.doc.isReadonly())
        findings, card = self.read_calls_change_nothing()
        self.assertEqual(len(card["indicators"]), 2)
        self.assertEqual(self.recompute(), (0, {}))
        before = snapshot(self.doc)
        for call, args in ((self.tool.insertScoreTable, ("county-project",)), (self.tool.insertFundingTable, ()),
                           (self.tool.insertSection, ("conclusion",))):
            with self.assertRaises(Exception) as raised:
                bounded(call, self.doc, *args)
            self.assertIn("只读", raised.exception.Message, call)
        self.assertEqual(changes(before, snapshot(self.doc)), {})


class OpenedReadOnlyTest(BadInputCase, ReadOnlyChecks):
    read_only = True

    @classmethod
    def setUpClass(cls):
        cls.path = bad_inputs.well_formed(office, WORK)
        cls.digest = digest(cls.path)

    def test_opened_read_only(self):
        self.assert_read_only_document()
        self.assertEqual(digest(self.path), self.digest)


class ReadOnlyPermissionsTest(BadInputCase, ReadOnlyChecks):
    read_only = True

    @classmethod
    def setUpClass(cls):
        folder = os.path.join(WORK, "permissions")
        os.makedirs(folder, exist_ok=True)
        cls.path = bad_inputs.well_formed(office, folder)
        cls.digest = digest(cls.path)
        bad_inputs.read_only_permissions(cls.path)

    @classmethod
    def tearDownClass(cls):
        bad_inputs.writable_again(cls.path)

    def test_file_without_write_permission(self):
        # Opened as a user would (no ReadOnly asked): LibreOffice either opens it read-only or (root and an
        # immutable file) refuses it with an exception — never a writable document, never a hang.
        try:
            plain = bounded(office.load, self.path)
        except Hang:
            raise
        except Exception as e:
            self.assertIn("IllegalArgumentException", type(e).__name__)
        else:
            try:
                self.assertTrue(plain is not None and plain.isReadonly())
            finally:
                plain.close(True)
        self.assertTrue(office_answers())
        self.assert_read_only_document()
        self.assertEqual(digest(self.path), self.digest)


class PasswordTest(OfficeCase):
    PASSWORD = "绩效2024"

    @classmethod
    def setUpClass(cls):
        os.makedirs(os.path.join(WORK, "pw"), exist_ok=True)
        cls.path = bad_inputs.password_protected(office, os.path.join(WORK, "pw"), cls.PASSWORD)

    def test_without_the_password_loading_fails_cleanly_and_the_api_says_so(self):
        started = time.monotonic()
        try:
            doc = bounded(office.load, self.path, seconds=20)
        except Hang:
            raise
        except Exception:
            doc = None
        self.assertIsNone(doc, "a password-protected file opened without its password")
        self.assertLess(time.monotonic() - started, 20)
        self.assertTrue(office_answers())
        tool = office.tool()
        for call in (tool.validate, tool.exportScorecard, tool.recompute):
            with self.assertRaises(Exception) as raised:
                bounded(call, None)
            self.assertIn("没有可操作的文档", raised.exception.Message)

    def test_with_the_password_it_is_checked(self):
        doc = bounded(office.desktop.loadComponentFromURL, uno.systemPathToFileUrl(self.path), "_blank", 0,
                      props(Hidden=True, Password=self.PASSWORD))
        try:
            card = json.loads(bounded(office.tool().exportScorecard, doc))
            self.assertEqual(len(card["indicators"]), 2)
        finally:
            doc.close(True)

    def test_the_batch_reports_the_file_as_unreadable(self):
        batch = os.environ.get("JIXIAO_BATCH", "")
        self.assertTrue(batch and os.path.exists(batch), f"JIXIAO_BATCH does not name the built jixiao-batch: {batch!r}")
        port = next(a for a in office.process.args if a.startswith("--accept=")).split("port=")[1].split(",")[0]
        done = subprocess.run([batch, "--connect", f"127.0.0.1:{port}", "--format", "json", "--timeout", "30",
                               self.path], capture_output=True, text=True, timeout=90)
        self.assertEqual(done.returncode, 2, done.stdout + done.stderr)
        report = json.loads(done.stdout)
        entry = next(f for f in report["files"] if os.path.basename(f["file"]) == "password.odt")
        self.assertEqual(entry["status"], "failed", entry)
        self.assertIn("password-protected", entry["reason"], entry)
        self.assertTrue(office_answers(), "the batch must leave a borrowed office running")


class TrackChangesTest(BadInputCase):
    build = staticmethod(bad_inputs.track_changes)

    def test_recompute_works_and_its_writes_are_recorded(self):
        self.assertTrue(self.doc.RecordChanges)
        findings, card = self.read_calls_change_nothing()
        # G5 was 80 and is 85 with the change recorded: the text still holds the deleted "80".
        table = self.doc.TextTables.getByName("打分表")
        self.assertEqual(table.getCellByName("G5").getString(), "8085")
        leaves = {leaf["name"]: leaf for top in card["indicators"] for second in top["children"]
                  for leaf in second["children"]}
        self.assertEqual(leaves["任务完成率"]["score"], "85")
        self.assertFalse([f for f in findings if f.Severity == "error"], [(f.RuleId, f.Location) for f in findings])
        redlines = self.doc.Redlines.getCount()
        written, changed = self.recompute()
        self.assertEqual(written, 7)
        self.assertEqual({cell for _table, cell in changed}, {"H2", "H3", "H4", "H5", "F6", "G6", "H6"})
        self.assertGreater(self.doc.Redlines.getCount(), redlines, "recompute's writes are tracked changes")
        self.assertTrue(self.doc.RecordChanges)
        card = json.loads(bounded(self.tool.exportScorecard, self.doc))
        self.assertEqual((card["indicators"][1]["children"][0]["children"][0]["deduction"]), "5")
        self.assertEqual([card["totals"][k] for k in ("weight", "score", "deduction")], ["100", "94", "6"])
        self.assertEqual(bounded(self.tool.recompute, self.doc), 0, "a second recompute has nothing to write")
        self.assertFalse([f for f in self.findings() if f.Severity == "error"])


# --- Calc ------------------------------------------------------------------------------------------------------

class CalcProtectedSheetTest(BadInputCase):
    build = staticmethod(bad_inputs.calc_protected)

    def test_changes_are_refused_by_name_and_nothing_changes(self):
        sheet = self.doc.Sheets.getByIndex(0)
        self.assertTrue(sheet.isProtected())
        findings, card = self.read_calls_change_nothing()
        self.assertEqual(len(card["indicators"]), 2)
        before = snapshot(self.doc)
        properties = {p.Name for p in self.doc.DocumentProperties.UserDefinedProperties.PropertySetInfo.Properties}
        with open(os.path.join(SOURCE_DIR, "examples", "sample-scorecard.json"), encoding="utf-8") as f:
            sample = f.read()
        for call, args in ((self.tool.recompute, ()), (self.tool.insertScoreTable, ("county-project",)),
                           (self.tool.importScorecard, (sample,))):
            with self.assertRaises(Exception) as raised:
                bounded(call, self.doc, *args)
            self.assertIn("IllegalArgumentException", type(raised.exception).__name__)
            self.assertIn("受保护", raised.exception.Message)
            self.assertIn(f"{sheet.Name}.", raised.exception.Message)  # the cell it could not write
        self.assertEqual(changes(before, snapshot(self.doc)), {})
        self.assertEqual({p.Name for p in self.doc.DocumentProperties.UserDefinedProperties.PropertySetInfo.Properties},
                         properties)
        self.assertEqual(self.doc.NamedRanges.getElementNames(), ())
        self.assertTrue(sheet.isProtected())
        # Unprotected, the same recompute goes through. (Unprotecting is an edit: live recompute may get there
        # first, so the comparison spans both.)
        sheet.unprotect("")
        bounded(self.tool.recompute, self.doc)
        changed = changes(before, snapshot(self.doc))
        self.assertEqual({cell for _sheet, cell in changed}, {"H2", "H3", "H4", "H5", "F6", "G6", "H6"})
        self.assertEqual(bounded(self.tool.recompute, self.doc), 0)


class CalcFormulasTest(BadInputCase):
    build = staticmethod(bad_inputs.calc_formulas)

    def test_error_values_and_text_are_named_and_formulas_kept(self):
        findings, _card = self.read_calls_change_nothing()
        sheet = self.doc.Sheets.getByIndex(0).Name
        self.assert_finding(findings, "cell.not-a-number", f"{sheet}.G2", "#DIV/0!")
        self.assert_finding(findings, "cell.not-a-number", f"{sheet}.G4", "满分")
        self.assert_finding(findings, "score.range", f"{sheet}.G5", "-3")
        written, changed = self.recompute()
        self.assertTrue({cell for _sheet, cell in changed} <= {"H2", "H3", "H4", "H5", "F6", "G6", "H6"}, changed)
        self.assertEqual(changed.get((sheet, "H3")), "1")  # G3 = F3-1 is a number
        self.assertEqual(self.doc.Sheets.getByIndex(0).getCellRangeByName("G3").getFormula(), "=F3-1")
        self.assertEqual(bounded(self.tool.recompute, self.doc), 0)


# --- User templates --------------------------------------------------------------------------------------------

class BadUserTemplatesTest(OfficeCase):
    def test_shipped_and_good_user_templates_load_and_bad_files_are_named(self):
        tool = office.tool()
        ids = set(bounded(tool.templateIds))
        self.assertTrue(SHIPPED | {"user-county-copy"} <= ids, ids)
        self.assertNotIn("truncated-user", ids)
        doc = office.new_document("swriter")
        try:
            reported = [f for f in bounded(tool.validate, doc) if f.RuleId == "template.invalid"]
            self.assertEqual(len(reported), len(bad_inputs.BAD_TEMPLATES), [f.Message for f in reported])
            for name in bad_inputs.BAD_TEMPLATES:
                self.assertTrue(any(name in f.Message for f in reported), name)
            self.assertTrue(all(f.Severity == "warning" for f in reported))
            self.assertTrue(any("$.id" in f.Message for f in reported), "the JSON path of the wrong type")
            before = snapshot(doc)
            with self.assertRaises(Exception) as raised:
                bounded(tool.insertScoreTable, doc, "truncated-user")
            for name in bad_inputs.BAD_TEMPLATES:
                self.assertIn(name, raised.exception.Message)
            self.assertEqual(changes(before, snapshot(doc)), {})
            self.assertTrue(bounded(tool.insertScoreTable, doc, "user-county-copy"))
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
