"""jixiao-batch end to end: reports in several formats made with a real office, then checked by the C++ client
(which starts its own offices), its summaries and exit codes, --export-json, `build`, and recovery from an office
that crashes or hangs mid-run."""
import csv
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

import uno

import office as office_module
from office import Office, OfficeCase, copy_seed, props, set_option

BATCH = os.environ.get("JIXIAO_BATCH", "")
SAMPLE_JSON = os.path.join(os.environ.get("JIXIAO_SOURCE_DIR", ""), "examples", "sample-scorecard.json")
GOOD = ["report.odt", "report.docx", "sheet.xlsx", "sheet.ods"]
work = None


def store(doc, path, filter_name):
    doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=filter_name))
    doc.close(True)


def make_documents(directory):
    """Good reports in four formats (the sample scorecard imported: 97 优秀), one with a score above its weight,
    a truncated .docx and a file that is no report at all."""
    with open(SAMPLE_JSON, encoding="utf-8") as f:
        sample = f.read()
    with Office() as office:
        tool = office.tool()
        doc = office.new_document("swriter")
        tool.importScorecard(doc, sample)
        store(doc, os.path.join(directory, "report.odt"), "writer8")
        doc = office.new_document("swriter")
        tool.importScorecard(doc, sample)
        store(doc, os.path.join(directory, "report.docx"), "MS Word 2007 XML")
        for name, filter_name in (("sheet.xlsx", "Calc MS Excel 2007 XML"), ("sheet.ods", "calc8")):
            doc = office.new_document("scalc")
            tool.insertScoreTable(doc, "county-project")  # title row 1, header row 2, leaves in rows 3–23
            sheet = doc.Sheets.getByIndex(0)
            for row in range(3, 24):
                score = sheet.getCellRangeByName(f"G{row}")
                score.setValue(sheet.getCellRangeByName(f"F{row}").getValue())
                if "经济效益" in sheet.getCellRangeByName(f"C{row}").getString():
                    score.setValue(3)
                    sheet.getCellRangeByName(f"I{row}").setString("对经济效益影响不太明显。")
            doc.calculateAll()
            store(doc, os.path.join(directory, name), filter_name)
        doc = office.new_document("swriter")
        table = doc.TextTables.getByName(tool.insertScoreTable(doc, "county-project"))
        for row in range(2, 23):
            table.getCellByName(f"G{row}").setString(table.getCellByName(f"F{row}").getString())
        table.getCellByName("G2").setString("5")  # 项目立项规范性 is worth 1
        store(doc, os.path.join(directory, "defect.docx"), "MS Word 2007 XML")
        # Graded where 优秀 starts at 98: the report stores those bands (评价等级标准), the batch's office does not.
        set_option(office, "GradeExcellent", 98.0)
        doc = office.new_document("swriter")
        tool.importScorecard(doc, sample)
        store(doc, os.path.join(directory, "graded-98.odt"), "writer8")
    copy_seed("sample-report.docx", directory)
    with open(os.path.join(directory, "sample-report.docx"), "rb") as f:
        head = f.read(3000)
    with open(os.path.join(directory, "corrupt.docx"), "wb") as f:
        f.write(head)  # a truncated zip
    with open(os.path.join(directory, "notes.txt"), "w", encoding="utf-8") as f:
        f.write("not a report\n")


def setUpModule():
    global work
    if not (BATCH and os.path.exists(BATCH)):
        raise unittest.SkipTest(f"JIXIAO_BATCH does not name the built jixiao-batch: {BATCH!r}")
    work = tempfile.mkdtemp(prefix="jixiao-batch-test-")
    try:
        os.makedirs(os.path.join(work, "good"))
        make_documents(work)
        for name in GOOD:
            shutil.move(os.path.join(work, name), os.path.join(work, "good", name))
    except BaseException:
        tearDownModule()  # unittest skips it when setUpModule fails
        raise


def tearDownModule():
    if work:
        shutil.rmtree(work, ignore_errors=True)


def batch(*args, env=None, timeout=90):
    """Runs jixiao-batch; returns (exit code, stdout, stderr)."""
    full_env = dict(os.environ, **(env or {}))
    done = subprocess.run([BATCH, *args], capture_output=True, text=True, timeout=timeout, env=full_env,
                          start_new_session=True)
    return done.returncode, done.stdout, done.stderr


def fingerprint(directory):
    """Every file's bytes and mtime below directory: inputs must come out untouched, with no lock files."""
    result = {}
    for root, _, files in os.walk(directory):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                result[path] = (hashlib.sha256(f.read()).hexdigest(), os.stat(path).st_mtime_ns)
    return result


def offices_of(pid):
    """soffice processes started by the jixiao-batch with this pid (its pipe names carry the pid)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().decode(errors="replace")
        except OSError:
            continue
        if f"jixiao-batch-{pid}-" in cmdline and "soffice" in cmdline:
            found.append(int(entry))
    return found


class BatchCheckTest(OfficeCase):
    def test_good_reports_in_every_format_exit_0_and_stay_untouched(self):
        before = fingerprint(work)
        code, out, err = batch("--format", "json", "--jobs", "2", os.path.join(work, "good"))
        self.assertEqual(code, 0, err)
        report = json.loads(out)
        files = {os.path.basename(f["file"]): f for f in report["files"]}
        self.assertEqual(sorted(files), sorted(GOOD), err)
        for name, f in files.items():
            self.assertEqual((f["status"], f["total"], f["grade"], f["errors"]), ("checked", "97", "优秀", 0),
                             (name, f))
            self.assertIsInstance(f["findings"], list)
        self.assertEqual(report["exitCode"], 0)
        self.assertEqual(fingerprint(work), before, "the check changed or added a file")

    def test_a_score_above_its_weight_exits_1_and_is_named(self):
        code, out, err = batch(os.path.join(work, "defect.docx"), os.path.join(work, "good", "report.odt"),
                               os.path.join(work, "sample-report.docx"))
        self.assertEqual(code, 1, out + err)
        defect = next(line for line in out.splitlines() if "defect.docx" in line)
        self.assertRegex(defect, r"defect\.docx\s+\S+\s+\S+\s+[1-9]")  # file, total, grade, errors ≥ 1
        sample = next(line for line in out.splitlines() if "sample-report.docx" in line)
        self.assertRegex(sample, r"sample-report\.docx\s+97\s+优秀\s+1\s")  # the seed's year.mismatch
        self.assertIn("共 3 个文件：2 个有错误，0 个无法读取", out)
        code, out, _ = batch("--format", "json", os.path.join(work, "defect.docx"))
        self.assertEqual(code, 1)
        findings = json.loads(out)["files"][0]["findings"]
        hits = [f for f in findings if f["ruleId"] == "score.range"]
        self.assertEqual(len(hits), 1, findings)
        self.assertEqual(hits[0]["severity"], "error")
        self.assertIn("G2", hits[0]["location"])

    def test_a_report_is_graded_with_the_bands_it_stores(self):
        # Issue 19: 97 is 良好 in a report graded with 优秀 ≥ 98, whatever the batch's own options say (90).
        code, out, err = batch("--format", "json", os.path.join(work, "graded-98.odt"))
        self.assertEqual(code, 0, err)
        f = json.loads(out)["files"][0]
        self.assertEqual((f["status"], f["total"], f["grade"], f["errors"]), ("checked", "97", "良好", 0), f)

    def test_unreadable_files_exit_2_with_the_reason_and_the_rest_is_checked(self):
        out_file = os.path.join(work, "summary.csv")
        code, out, err = batch("--format", "csv", "--output", out_file, os.path.join(work, "corrupt.docx"),
                               os.path.join(work, "notes.txt"), os.path.join(work, "missing.odt"),
                               os.path.join(work, "good", "*.xlsx"))
        try:
            self.assertEqual(code, 2, err)
            self.assertEqual(out, "")
            with open(out_file, encoding="utf-8", newline="") as f:
                rows = {os.path.basename(r["file"]): r for r in csv.DictReader(f)}
        finally:
            os.remove(out_file)
        self.assertEqual(set(rows), {"corrupt.docx", "notes.txt", "missing.odt", "sheet.xlsx"})
        self.assertEqual(rows["corrupt.docx"]["status"], "failed")
        self.assertIn("could not open", rows["corrupt.docx"]["reason"])
        self.assertIn("not a supported file type", rows["notes.txt"]["reason"])
        self.assertIn("no such file", rows["missing.odt"]["reason"])
        self.assertEqual((rows["sheet.xlsx"]["status"], rows["sheet.xlsx"]["total"], rows["sheet.xlsx"]["grade"]),
                         ("checked", "97", "优秀"))
        for name in ("corrupt.docx", "missing.odt"):
            self.assertIn(name, err)  # the progress lines name the failures too

    def test_export_json_writes_each_scorecard(self):
        target = tempfile.mkdtemp(prefix="jixiao-export-", dir=work)
        code, _, err = batch("--export-json", target, os.path.join(work, "good", "report.docx"),
                             os.path.join(work, "good", "sheet.ods"))
        self.assertEqual(code, 0, err)
        self.assertEqual(sorted(os.listdir(target)), ["report.json", "sheet.json"])
        with open(os.path.join(target, "report.json"), encoding="utf-8") as f:
            card = json.load(f)
        self.assertEqual(card["format"], "jixiao-scorecard")
        self.assertEqual(card["meta"]["unit"], "富民县信访局")
        with open(os.path.join(target, "sheet.json"), encoding="utf-8") as f:
            card = json.load(f)
        leaves = [leaf for top in card["indicators"] for second in top["children"] for leaf in second["children"]]
        self.assertEqual(len(leaves), 21)

    def test_a_crashed_and_a_hung_office_are_restarted_and_every_file_reported(self):
        # The hidden test hook kills one worker's office before report.docx and freezes (SIGSTOP) the office
        # checking sheet.xlsx, so the watchdog has to kill it. 8 s, not less: under CI load (two cores, other
        # suites' offices) the first file of a restarted office has taken more than 3 s.
        fault = "crash:report.docx,hang:sheet.xlsx"
        started = time.monotonic()
        code, out, err = batch("--jobs", "2", "--timeout", "8", "--format", "json", os.path.join(work, "good"),
                               os.path.join(work, "defect.docx"), env={"JIXIAO_BATCH_TEST_FAULT": fault})
        self.assertLess(time.monotonic() - started, 60)
        self.assertEqual(code, 2, err)
        files = {os.path.basename(f["file"]): f for f in json.loads(out)["files"]}
        self.assertEqual(sorted(files), sorted(GOOD + ["defect.docx"]))
        self.assertEqual(files["report.docx"]["status"], "failed")
        self.assertIn("died", files["report.docx"]["reason"])
        self.assertEqual(files["sheet.xlsx"]["status"], "failed")
        self.assertIn("timed out after 8 s", files["sheet.xlsx"]["reason"])
        for name in ("report.odt", "sheet.ods", "defect.docx"):
            self.assertEqual(files[name]["status"], "checked", (name, files[name], err))
        self.assertGreaterEqual(files["defect.docx"]["errors"], 1)
        self.assertEqual(err.count("office restarted"), 2, err)

    def test_an_office_killed_from_outside_mid_run_is_replaced(self):
        inputs = os.path.join(work, "many")
        os.makedirs(inputs, exist_ok=True)
        for i in range(8):
            shutil.copy(os.path.join(work, "good", "report.odt" if i % 2 else "sheet.ods"),
                        os.path.join(inputs, f"r{i}{'.odt' if i % 2 else '.ods'}"))
        process = subprocess.Popen([BATCH, "--format", "json", inputs], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            first = process.stderr.readline()  # "[1/8] …": the office is up and working
            self.assertIn("[1/8]", first)
            killed = offices_of(process.pid)
            self.assertTrue(killed, "no office found for the running jixiao-batch")
            for pid in killed:
                try:
                    os.killpg(os.getpgid(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            out, err = process.communicate(timeout=90)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        files = json.loads(out)["files"]
        self.assertEqual(len(files), 8, err)
        statuses = [f["status"] for f in files]
        self.assertEqual(statuses.count("checked") + statuses.count("failed"), 8)
        self.assertGreaterEqual(statuses.count("checked"), 6, first + err)
        for f in files:
            if f["status"] == "failed":
                self.assertIn("restarted", f["reason"])
        self.assertIn(process.returncode, (0, 2))
        self.assertEqual(offices_of(process.pid), [], "an office outlived jixiao-batch")


class BatchConnectTest(OfficeCase):
    def test_connect_uses_a_running_office_and_leaves_it_running(self):
        port = office_module.free_port()
        chosen = office_module.free_port
        office_module.free_port = lambda: port  # Office() listens on a port we know
        try:
            running = Office()
            running.start()
        finally:
            office_module.free_port = chosen
        try:
            args = ("--connect", f"127.0.0.1:{port}", "--format", "json", os.path.join(work, "good", "report.odt"))
            for _ in range(2):  # the second run proves the first left the office running
                code, out, err = batch(*args)
                self.assertEqual(code, 0, err)
                self.assertEqual(json.loads(out)["files"][0]["total"], "97")
            self.assertIsNone(running.process.poll())
        finally:
            running.stop()


class BatchBuildTest(OfficeCase):
    def built_pdf_text(self, name, project, title):
        """The text of the PDF `build` makes from the sample JSON with this project and meta.title (None: none)."""
        with open(SAMPLE_JSON, encoding="utf-8") as f:
            card = json.load(f)
        card["meta"]["project"] = project
        if title is None:
            del card["meta"]["title"]
        else:
            card["meta"]["title"] = title
        source = os.path.join(work, name + ".json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(card, f, ensure_ascii=False)
        out = os.path.join(work, "built", name + ".pdf")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        code, _, err = batch("build", "--from", source, "--out", out)
        self.assertEqual(code, 0, err)
        return subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True, check=True).stdout

    def test_build_writes_a_pdf_with_the_total_and_grade(self):
        out = os.path.join(work, "built", "report.pdf")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        code, _, err = batch("build", "--from", SAMPLE_JSON, "--out", out)
        self.assertEqual(code, 0, err)
        self.assertTrue(os.path.getsize(out) > 1000)
        text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("97", text)
        self.assertIn("优秀", text)
        self.assertIn("评价结论", text)
        self.assertIn("成本效益分析", text)

    def test_build_titles_a_project_named_with_its_spending_once(self):
        # A unit enters the project as "…经费支出": the title says 支出 once, by the office's title rule.
        # Without meta.title the table's caption comes from the office's caption rule.
        text = "".join(self.built_pdf_text("spending", project="热线办理工作经费支出", title=None).split())
        self.assertIn("富民县信访局2025年度热线办理工作经费支出绩效评价报告", text)
        self.assertNotIn("支出支出", text)
        # The annex and the conclusion name the table by its caption, never by a generic name beside it.
        caption = "富民县信访局2025年度热线办理工作经费支出绩效评价指标体系及打分表"
        self.assertIn("附表1：" + caption, text)
        self.assertIn("对照《" + caption + "》", text)
        self.assertNotIn("《绩效评价指标体系及打分表》", text)

    def test_build_titles_a_departments_whole_spending_without_a_project(self):
        # A department's scorecard: no project, its table titled for the department's whole spending. The
        # office captions the table so; the report's title names the same subject, as the deck's department
        # report does, not the generic 绩效评价报告.
        text = self.built_pdf_text("department", project="",
                                   title="富民县信访局2025年度部门整体支出绩效评价指标体系及打分表")
        lines = ["".join(line.split()) for line in text.splitlines() if line.strip()]  # pdftotext spaces out
        self.assertEqual(lines[0], "富民县信访局2025年度部门整体支出绩效评价报告", lines[:3])
        self.assertIn("附表1：富民县信访局2025年度部门整体支出绩效评价指标体系及打分表", "".join(text.split()))

    def test_build_titles_an_exported_department_table_by_its_department(self):
        # As a unit has it: a department's table exported by --export-json, titled
        # "附件：部门整体支出绩效评价指标体系评分表" (no unit, no year in it), 单位 and 年度 from the document.
        exported = os.path.join(work, "department-export")
        source = copy_seed("layout-department-weights.docx", tempfile.mkdtemp(dir=work))
        code, _, err = batch("--export-json", exported, source)
        self.assertEqual(code, 0, err)
        scorecard = os.path.join(exported, "layout-department-weights.json")
        with open(scorecard, encoding="utf-8") as f:
            meta = json.load(f)["meta"]
        self.assertFalse(meta.get("project"), meta)
        out = os.path.join(work, "built", "department-export.pdf")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        code, _, err = batch("build", "--from", scorecard, "--out", out)
        self.assertEqual(code, 0, err)
        text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True, check=True).stdout
        lines = ["".join(line.split()) for line in text.splitlines() if line.strip()]
        self.assertEqual(lines[0], meta["unit"] + str(meta["year"]) + "年度部门整体支出绩效评价报告", lines[:3])

    def test_build_docx_reads_back_as_97(self):
        out = os.path.join(work, "built", "report.docx")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        code, _, err = batch("build", "--from", SAMPLE_JSON, "--out", out)
        self.assertEqual(code, 0, err)
        code, summary, err = batch("--format", "json", out)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(summary)["files"][0]["total"], "97")

    def test_build_refuses_an_unknown_output_type_and_bad_json(self):
        code, _, err = batch("build", "--from", SAMPLE_JSON, "--out", os.path.join(work, "x.rtf"))
        self.assertEqual(code, 3)
        self.assertIn(".odt", err)
        bad = os.path.join(work, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("{not json")
        code, _, err = batch("build", "--from", bad, "--out", os.path.join(work, "built", "bad.odt"))
        self.assertEqual(code, 2, err)
        self.assertFalse(os.path.exists(os.path.join(work, "built", "bad.odt")))


class BatchUsageTest(OfficeCase):
    def test_usage_errors_exit_3_with_one_line_and_a_hint(self):
        code, _, err = batch("--jobs", "0", "x.odt")
        self.assertEqual(code, 3)
        self.assertIn("--jobs", err)
        self.assertEqual(len(err.strip().splitlines()), 2, err)  # the error, then where to look
        self.assertIn("see jixiao-batch --help", err)
        self.assertNotIn("--memory-limit", err)
        code, _, err = batch("--frobnicate")
        self.assertEqual(code, 3)
        self.assertIn("unknown option", err)
        code, out, _ = batch("--help")
        self.assertEqual(code, 0)
        self.assertIn("exit code", out)


if __name__ == "__main__":
    unittest.main()
