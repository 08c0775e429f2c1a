"""The reviewer's summary workbook (jixiao-batch --format xlsx|ods, issue 21 item 3) read back through a plain
office: numbers are numbers in their formats, the header is frozen and filtered, file names link to the files,
sheet 3 holds real charts; a report missing a score has no total or grade, as in the deck (item 5); and
`jixiao-batch merge` over GNU parallel's shards gives the summary of one run (item 4)."""
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

import uno
from com.sun.star.table.CellContentType import EMPTY, TEXT, VALUE

import test_batch
from office import ARTIFACTS, Office, OfficeCase, props

BATCH = os.environ.get("JIXIAO_BATCH", "")
work = None
corpus = None


def make_missing_score(directory):
    """A scoring table with one score left empty and 合计 typed as 99 (the sum of the others would be 99 too):
    no row supports a total, so the deck shows 总分 “—” and no grade, and so must the batch."""
    with Office() as office:
        tool = office.tool()
        doc = office.new_document("swriter")
        table = doc.TextTables.getByName(tool.insertScoreTable(doc, "county-project"))
        for row in range(2, 23):  # the leaves: G (得分) = F (分值)
            table.getCellByName(f"G{row}").setString(table.getCellByName(f"F{row}").getString())
        table.getCellByName("G2").setString("")  # 项目立项规范性 (worth 1): not scored
        # The 合计 row: A 合计, B 分值 100, C 得分 (as insertScoreTable lays it out).
        assert (table.getCellByName("A23").getString(), table.getCellByName("B23").getString()) == ("合计", "100")
        table.getCellByName("C23").setString("99")
        card = json.loads(tool.exportScorecard(doc))
        assert card["totals"].get("score") == "99", card["totals"]  # the typed 合计 is read
        test_batch.store(doc, os.path.join(directory, "missing-score.odt"), "writer8")


def setUpModule():
    global work, corpus
    if not (BATCH and os.path.exists(BATCH)):
        raise unittest.SkipTest(f"JIXIAO_BATCH does not name the built jixiao-batch: {BATCH!r}")
    work = tempfile.mkdtemp(prefix="jixiao-workbook-test-")
    corpus = os.path.join(work, "corpus")
    try:
        os.makedirs(corpus)
        test_batch.make_documents(corpus)
        os.remove(os.path.join(corpus, "notes.txt"))  # not a report type: refused before any office sees it
        make_missing_score(corpus)
    except BaseException:
        tearDownModule()
        raise


def tearDownModule():
    if work:
        shutil.rmtree(work, ignore_errors=True)


def corpus_files():
    return sorted(os.path.join(corpus, name) for name in os.listdir(corpus))


def rows_of(sheet):
    """The used area as [[(type, string, value, number format string)]]."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    rows = []
    for r in range(end.EndRow + 1):
        row = []
        for c in range(end.EndColumn + 1):
            cell = sheet.getCellByPosition(c, r)
            row.append(cell)
        rows.append(row)
    return rows


def format_string(doc, cell):
    return doc.NumberFormats.getByKey(cell.NumberFormat).FormatString


def screenshot_chart_sheet(office, path, png):
    """Sheet 3 as reviewers see it, tables and charts on one landscape page: a copy in memory is reduced to that
    sheet and printed to PDF (this office has no Calc PNG export), which pdftoppm turns into a PNG."""
    doc = office.load(path)
    try:
        for _ in range(2):
            doc.Sheets.removeByName(doc.Sheets.getByIndex(0).Name)
        style = doc.StyleFamilies.getByName("PageStyles").getByName(doc.Sheets.getByIndex(0).PageStyle)
        width, height = style.Width, style.Height
        style.IsLandscape = True
        style.Width, style.Height = max(width, height), min(width, height)
        style.ScaleToPages = 1
        pdf = png[:-4] + ".pdf"
        doc.storeToURL(uno.systemPathToFileUrl(pdf), props(FilterName="calc_pdf_Export"))
    finally:
        doc.close(True)
    os.makedirs(os.path.dirname(png), exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", "1", pdf, png[:-4]], check=True)
    os.remove(pdf)


def comparable(summary):
    """A JSON summary without timings, its files by name: what two runs over the same files agree on."""
    files = sorted(summary["files"], key=lambda f: f["file"])
    for f in files:
        f.pop("seconds", None)
    return {"files": files, "exitCode": summary["exitCode"]}


class WorkbookTest(OfficeCase):
    @classmethod
    def setUpClass(cls):
        cls.out = tempfile.mkdtemp(prefix="out-", dir=work)
        cls.path = os.path.join(cls.out, "summary.xlsx")
        cls.result = test_batch.batch("--format", "xlsx", "--output", cls.path, "--jobs", "2", *corpus_files(),
                                      timeout=300)

    def test_reports_sheet_numbers_formats_filter_freeze_and_links(self):
        code, out, err = self.result
        self.assertEqual(code, 2, err)  # corrupt.docx cannot be read
        self.assertEqual(out, "", "the workbook went to --output, nothing to stdout")
        self.assertEqual(os.listdir(self.out), ["summary.xlsx"], "nothing else left beside it")
        with Office(install=False) as office:
            doc = office.load(self.path, read_only=True)
            try:
                self.assertEqual(doc.Sheets.getCount(), 3)
                sheet = doc.Sheets.getByIndex(0)
                rows = rows_of(sheet)
                header = [c.getString() for c in rows[0]]
                self.assertEqual(len(header), 12, header)
                self.assertTrue(header[0].startswith("文件"), header)
                by_name = {os.path.basename(r[0].getString()): r for r in rows[1:]}
                self.assertEqual(set(by_name), {os.path.basename(p) for p in corpus_files()})

                report = by_name["report.odt"]
                self.assertEqual(report[1].getString(), "富民县信访局")
                for index, value, fmt in ((3, 2025, "0"), (4, 97, "0.00"), (9, 0, "0")):
                    self.assertEqual(report[index].getType(), VALUE, header[index])
                    self.assertEqual(report[index].getValue(), value, header[index])
                    self.assertEqual(format_string(doc, report[index]), fmt, header[index])
                self.assertEqual(report[5].getString(), "优秀")
                self.assertEqual(report[5].getType(), TEXT)
                for index, fmt in ((6, "0.00%"), (7, "#,##0.00"), (8, "#,##0.00")):
                    self.assertEqual(report[index].getType(), VALUE, header[index])
                    self.assertEqual(format_string(doc, report[index]), fmt, header[index])
                self.assertAlmostEqual(report[6].getValue(), report[8].getValue() / report[7].getValue(), places=4)

                # Item 5: a score missing — the deck shows 总分 "—" and no grade; so does the workbook,
                # whatever 合计 the table has typed.
                missing = by_name["missing-score.odt"]
                self.assertEqual(missing[4].getType(), EMPTY, missing[4].getString())
                self.assertEqual(missing[5].getType(), EMPTY, missing[5].getString())
                # The seed report states its funding in prose only (no funding table, no properties): the
                # deck fills 预算 2 and 实际支出 1.99 from it and shows 预算执行率 99.50%; so does the batch.
                sample = by_name["sample-report.docx"]
                self.assertEqual([sample[i].getType() for i in (6, 7, 8)], [VALUE] * 3)
                self.assertEqual((sample[7].getValue(), sample[8].getValue()), (2, 1.99))
                self.assertAlmostEqual(sample[6].getValue(), 0.995, places=9)
                failed = by_name["corrupt.docx"]
                self.assertEqual(failed[4].getType(), EMPTY)
                self.assertEqual(failed[9].getType(), EMPTY)

                # The file name is a hyperlink to the file.
                fields = report[0].getTextFields().createEnumeration()
                self.assertTrue(fields.hasMoreElements(), "no hyperlink in the file cell")
                link = fields.nextElement()
                self.assertEqual(uno.fileUrlToSystemPath(link.URL), os.path.join(corpus, "report.odt"))

                # The header filtered and frozen.
                ranges = doc.getPropertyValue("UnnamedDatabaseRanges")
                self.assertTrue(ranges.hasByTable(0), "no autofilter range on sheet 1")
                area = ranges.getByTable(0)
                self.assertTrue(area.AutoFilter)
                address = area.DataArea
                self.assertEqual((address.StartColumn, address.StartRow, address.EndColumn, address.EndRow),
                                 (0, 0, 11, len(rows) - 1))
                view = doc.getCurrentController()
                view.setActiveSheet(sheet)
                self.assertTrue(view.hasFrozenPanes())
                self.assertEqual((view.getSplitColumn(), view.getSplitRow()), (0, 1))
            finally:
                doc.close(True)

    def test_findings_sheet_and_count_charts(self):
        code, _, err = self.result
        self.assertEqual(code, 2, err)
        with Office(install=False) as office:
            doc = office.load(self.path, read_only=True)
            try:
                findings = rows_of(doc.Sheets.getByIndex(1))
                self.assertEqual(len(findings[0]), 5)
                rules = [r[1].getString() for r in findings[1:]]
                self.assertIn("score.range", rules)  # defect.docx's
                defect = [r for r in findings[1:] if r[1].getString() == "score.range"][0]
                self.assertTrue(defect[0].getString().endswith("defect.docx"))
                self.assertEqual(defect[2].getString(), "error")
                self.assertIn("G2", defect[3].getString())
                self.assertTrue(doc.getPropertyValue("UnnamedDatabaseRanges").hasByTable(1))

                counts_sheet = doc.Sheets.getByIndex(2)
                counts = rows_of(counts_sheet)
                grades = {r[0].getString(): r[1] for r in counts[1:] if r[0].getString()}
                self.assertEqual(grades["优秀"].getType(), VALUE)
                # 4 good + the seed; defect.docx has a score out of range: no total, no grade.
                self.assertEqual(grades["优秀"].getValue(), 5)
                by_rule = {r[3].getString(): r[4].getValue() for r in counts[1:] if r[3].getString()}
                self.assertEqual(sum(by_rule.values()), len(findings) - 1)

                charts = counts_sheet.getCharts()
                self.assertEqual(charts.getCount(), 2, "the grade and the rule chart")
                for i in range(2):
                    chart = charts.getByIndex(i)
                    ranges = chart.getRanges()
                    self.assertEqual(len(ranges), 1)
                    self.assertEqual(ranges[0].Sheet, 2)
                    model = chart.getEmbeddedObject()
                    data = model.getData().getData()
                    self.assertGreater(len(data), 0, "a chart without data")
                grade_chart = charts.getByIndex(0).getEmbeddedObject()
                labels = grade_chart.getData().getRowDescriptions()
                self.assertIn("优秀", labels)
            finally:
                doc.close(True)
            screenshot_chart_sheet(office, self.path, os.path.join(ARTIFACTS, "batch-workbook-charts.png"))
            self.assertGreater(os.path.getsize(os.path.join(ARTIFACTS, "batch-workbook-charts.png")), 10000)


@unittest.skipUnless(shutil.which("parallel"), "GNU parallel is not installed (scripts/install-deps.sh)")
class MergeTest(OfficeCase):
    def test_three_parallel_shards_merge_into_the_single_runs_summary(self):
        out = tempfile.mkdtemp(prefix="merge-", dir=work)
        files = corpus_files()
        started = time.monotonic()
        code, single, err = test_batch.batch("--format", "json", *files, timeout=300)
        one_run = time.monotonic() - started
        self.assertEqual(code, 2, err)

        # GNU parallel gives each of three runs a third of the files ({} is a job's files, {#} its number).
        per_shard = -(-len(files) // 3)
        started = time.monotonic()
        sharded = subprocess.run(
            ["parallel", "--will-cite", "--jobs", "3", "-N", str(per_shard), BATCH, "--format", "json",
             "--output", os.path.join(out, "part-{#}.json"), "{}"],
            input="".join(path + "\n" for path in files), capture_output=True, text=True, timeout=600,
            start_new_session=True)
        shards = time.monotonic() - started
        parts = sorted(os.path.join(out, p) for p in os.listdir(out) if p.startswith("part-"))
        self.assertEqual(len(parts), 3, sharded.stderr)
        code, merged, err = test_batch.batch("merge", "--format", "json", *parts)
        self.assertEqual(code, 2, err)
        self.assertEqual(comparable(json.loads(merged)), comparable(json.loads(single)))
        print(f"\n{len(files)} files: one run {one_run:.1f} s, three parallel shards {shards:.1f} s")

        # The merged workbook is the workbook of one run.
        book = os.path.join(out, "merged.ods")
        code, _, err = test_batch.batch("merge", "--format", "ods", "--output", book, *parts, timeout=300)
        self.assertEqual(code, 2, err)
        with Office(install=False) as office:
            doc = office.load(book, read_only=True)
            try:
                rows = rows_of(doc.Sheets.getByIndex(0))
                self.assertEqual(len(rows), len(files) + 1)
                self.assertEqual(doc.Sheets.getByIndex(2).getCharts().getCount(), 2)
            finally:
                doc.close(True)


if __name__ == "__main__":
    unittest.main()
