"""jixiao-batch against a hostile corpus (tests/uno/hostile_corpus.py, generated here, nothing downloaded): linked
images and OLE objects aimed at listeners on 127.0.0.1 (one answers, one never does), a text bomb, files that
hold no scoring table, forged and GBK file names, a password-protected report, planted symbolic links in the
export folder, and signals mid-run. Every run gets a private TMPDIR that must be empty afterwards, and no
office or pipe may outlive the run. docs/robustness.md lists each case with its outcome."""
import glob
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest

import bad_inputs
import hostile_corpus as corpus
from office import Office, OfficeCase, wait_until
from test_batch import BATCH, SAMPLE_JSON, offices_of

work = None
answering = None  # Listener that answers 404
silent = None     # Listener that accepts and never answers
control_connections = 0  # what an unboxed office did with linked-images.docx


def setUpModule():
    global work, answering, silent, control_connections
    if not (BATCH and os.path.exists(BATCH)):
        raise unittest.SkipTest(f"JIXIAO_BATCH does not name the built jixiao-batch: {BATCH!r}")
    work = tempfile.mkdtemp(prefix="jixiao-hostile-")
    os.chmod(work, 0o755)  # nobody (the boxed office) must reach each run's TMPDIR below it, so profiles go there
    try:
        answering, silent = corpus.Listener(), corpus.Listener(answer=False)
        corpus.linked_images_docx(work, answering.port)
        corpus.linked_ole_odt(work, silent.port)
        corpus.linked_ole_odt(work, answering.port, name="linked-ole-answering.odt")
        corpus.html_as_docx(work, answering.port)
        corpus.no_table_docx(work)
        corpus.renamed_files(work)
        done = subprocess.run([BATCH, "build", "--from", SAMPLE_JSON, "--out", os.path.join(work, "good.docx")],
                              capture_output=True, text=True, timeout=120, start_new_session=True)
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        # The control: an office without the box fetches the linked images (so the file is really hostile).
        control = corpus.Listener()
        try:
            corpus.linked_images_docx(work, control.port, name="control.docx")
            with Office() as office:
                bad_inputs.password_protected(office, work)
                office.load(os.path.join(work, "control.docx"), read_only=True).close(True)
                wait_until(lambda: control.connections > 0, timeout=15)
                control_connections = control.connections
        finally:
            control.close()
            os.remove(os.path.join(work, "control.docx"))
    except BaseException:
        tearDownModule()
        raise


def tearDownModule():
    for listener in (answering, silent):
        if listener:
            listener.close()
    if work:
        shutil.rmtree(work, ignore_errors=True)


def run(*args, tmpdir, timeout=180, env=None):
    """jixiao-batch with its own TMPDIR; returns (exit code, stdout, stderr, seconds)."""
    started = time.monotonic()
    done = subprocess.run([BATCH, *args], capture_output=True, timeout=timeout, start_new_session=True,
                          env=dict(os.environ, TMPDIR=tmpdir, **(env or {})))
    return (done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"),
            time.monotonic() - started)


def leftovers_in_tmp(pid):
    """What the run with this pid left in the system /tmp: its pipe link (the office's own pipe and temporary
    files live in its profile's tmp/, mounted on /tmp inside the box)."""
    return glob.glob(f"/tmp/OSL_PIPE_*_jixiao-batch-{pid}-*")


class HostileTestCase(OfficeCase):
    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="tmpdir-", dir=work)
        os.chmod(self.tmpdir, 0o755)  # else jixiao-batch puts its profiles in /tmp, and this check would be empty

    def assertTmpdirEmpty(self):
        self.assertEqual(os.listdir(self.tmpdir), [], "the run left files in its TMPDIR")

    def files(self, out):
        return {os.path.basename(f["file"]): f for f in json.loads(out)["files"]}


class NetworkTest(HostileTestCase):
    def test_linked_images_and_objects_reach_no_listener_and_finish_well_inside_the_timeout(self):
        self.assertGreater(control_connections, 0, "the control office did not fetch the linked images")
        before = (answering.connections, silent.connections)
        names = ["linked-images.docx", "linked-ole.odt", "linked-ole-answering.odt", "html-renamed.docx"]
        code, out, err, seconds = run("--format", "json", "--timeout", "30",
                                      *[os.path.join(work, n) for n in names], tmpdir=self.tmpdir)
        self.assertLess(seconds, 30, err)
        files = self.files(out)
        self.assertEqual(sorted(files), sorted(names), err)
        for name, f in files.items():
            self.assertNotIn("timed out", f.get("reason", ""), (name, f))
        self.assertEqual(files["linked-images.docx"]["status"], "no-table")
        self.assertEqual(files["linked-ole.odt"]["status"], "no-table")
        self.assertEqual(code, 2)
        self.assertEqual((answering.connections, silent.connections), before, "a request reached a listener")
        self.assertTmpdirEmpty()


class MemoryTest(HostileTestCase):
    def test_bombs_stay_under_the_memory_bound_and_the_next_file_is_checked(self):
        bombs = tempfile.mkdtemp(prefix="bomb-", dir=work)
        text_bomb = corpus.text_bomb_docx(bombs, mebibytes=512)
        paragraph_bomb = corpus.paragraph_bomb_docx(bombs, mebibytes=1024)
        limit_mb = 1024
        peaks, limits = [], set()
        process = subprocess.Popen([BATCH, "--format", "json", "--memory-limit", str(limit_mb), "--timeout", "120",
                                    text_bomb, paragraph_bomb, os.path.join(work, "good.docx")],
                                   stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True,
                                   env=dict(os.environ, TMPDIR=self.tmpdir))
        stop = threading.Event()

        def sample():  # the office's peak address space and its limit, while it works
            while not stop.is_set():
                for pid in offices_of(process.pid):
                    try:
                        with open(f"/proc/{pid}/comm") as f:
                            if f.read().strip() != "soffice.bin":
                                continue
                        with open(f"/proc/{pid}/status") as f:
                            peaks.extend(int(line.split()[1]) * 1024 for line in f if line.startswith("VmPeak"))
                        with open(f"/proc/{pid}/limits") as f:
                            limits.update(int(line.split()[3]) for line in f if line.startswith("Max address"))
                    except (OSError, ValueError, IndexError):
                        pass
                stop.wait(0.1)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            out, err = process.communicate(timeout=240)
        finally:
            stop.set()
            sampler.join()
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        err = err.decode("utf-8", "replace")
        files = self.files(out)
        self.assertEqual(files["good.docx"]["status"], "checked", err)
        self.assertEqual(files["good.docx"]["total"], "97")
        self.assertIn(files["text-bomb.docx"]["status"], ("no-table", "failed"), files["text-bomb.docx"])
        self.assertNotIn("timed out", files["text-bomb.docx"].get("reason", ""))
        # The paragraphs exhaust the office: it dies near its limit and the file is named too large.
        self.assertEqual(files["paragraph-bomb.docx"]["status"], "failed")
        self.assertIn("too large", files["paragraph-bomb.docx"]["reason"])
        self.assertEqual(limits, {limit_mb << 20}, "the office ran without its address-space limit")
        self.assertTrue(peaks, "the office was never seen")
        self.assertLessEqual(max(peaks), limit_mb << 20)
        self.assertTmpdirEmpty()


class NoTableTest(HostileTestCase):
    def test_files_without_a_scoring_table_are_their_own_status_in_every_format(self):
        names = ["empty.docx", "text-renamed.docx", "csv-renamed.docx", "rtf-renamed.docx", "no-table.docx"]
        paths = [os.path.join(work, n) for n in names] + [os.path.join(work, "good.docx")]
        code, out, err, _ = run("--format", "json", *paths, tmpdir=self.tmpdir)
        self.assertEqual(code, 2, err)
        files = self.files(out)
        for name in names:
            self.assertEqual((files[name]["status"], files[name]["total"], files[name]["grade"]),
                             ("no-table", None, None), (name, files[name]))
        self.assertEqual(files["good.docx"]["status"], "checked")
        code, out, err, _ = run("--format", "csv", *paths, tmpdir=self.tmpdir)
        self.assertEqual(code, 2, err)
        rows = [line.split(",") for line in out.splitlines()[1:]]
        self.assertEqual([r[1] for r in rows], ["no-table"] * 5 + ["checked"])
        code, out, err, _ = run(*paths, tmpdir=self.tmpdir)
        self.assertEqual(code, 2, err)
        for name in names:
            line = next(l for l in out.splitlines() if l.startswith(os.path.join(work, name)))
            self.assertRegex(line, r"\s—\s+—\s.*无打分表 / no scoring table$")
        self.assertIn("5 with no scoring table", out)
        self.assertTmpdirEmpty()


class NamesTest(HostileTestCase):
    def test_a_newline_in_a_name_cannot_forge_a_row_and_gbk_names_are_checked(self):
        folder = tempfile.mkdtemp(prefix="names-", dir=work)
        good = os.path.join(work, "good.docx")
        shutil.copy(good, os.path.join(folder, corpus.forged_row_name()))
        shutil.copy(good, os.path.join(os.fsencode(folder), corpus.GBK_NAME))
        code, out, err, _ = run(folder, tmpdir=self.tmpdir)
        self.assertEqual(code, 0, err)
        lines = out.splitlines()
        self.assertEqual(len(lines), 5, out)  # header, rule, two files, the count
        self.assertFalse(any(l.startswith("forged.docx") for l in lines + err.splitlines()), out + err)
        self.assertIn("x.docx\\nforged.docx", out)
        # Bytes that are not UTF-8 are shown as \xNN; pairs that happen to be UTF-8 (D0 A7) stay as they decode.
        gbk = corpus.GBK_NAME.decode("utf-8", "backslashreplace").lower()
        row = next(l for l in lines if gbk in l.lower())
        self.assertRegex(row, r"\s97\s+优秀\s+0\s")
        self.assertTmpdirEmpty()

    def test_a_link_planted_in_a_folder_is_reported_not_followed(self):
        folder = tempfile.mkdtemp(prefix="links-", dir=work)
        shutil.copy(os.path.join(work, "good.docx"), os.path.join(folder, "real.docx"))
        os.symlink(os.path.join(work, "good.docx"), os.path.join(folder, "planted.docx"))
        code, out, err, _ = run("--format", "json", folder, tmpdir=self.tmpdir)
        self.assertEqual(code, 2, err)
        files = self.files(out)
        self.assertEqual(files["real.docx"]["status"], "checked")
        self.assertEqual(files["planted.docx"]["status"], "failed")
        self.assertIn("not followed", files["planted.docx"]["reason"])
        self.assertTmpdirEmpty()

    def test_help_names_the_end_of_options(self):
        code, out, _, _ = run("--help", tmpdir=self.tmpdir)
        self.assertEqual(code, 0)
        self.assertRegex(out, r"\n  --\s+.*every argument after it is a file")


class PasswordTest(HostileTestCase):
    def test_an_encrypted_report_is_reported_as_password_protected(self):
        code, out, err, _ = run("--format", "json", os.path.join(work, "password.odt"), tmpdir=self.tmpdir)
        self.assertEqual(code, 2, err)
        f = self.files(out)["password.odt"]
        self.assertEqual(f["status"], "failed")
        self.assertIn("password-protected", f["reason"])
        self.assertTmpdirEmpty()


class OutputTest(HostileTestCase):
    def test_export_json_never_writes_through_a_link_nor_over_a_file(self):
        elsewhere = tempfile.mkdtemp(prefix="elsewhere-", dir=work)
        target = os.path.join(elsewhere, "target.txt")
        with open(target, "w") as f:
            f.write("untouched\n")
        export = tempfile.mkdtemp(prefix="export-", dir=work)
        os.symlink(os.path.join("..", os.path.basename(elsewhere), "target.txt"), os.path.join(export, "good.json"))
        code, out, err, seconds = run("--export-json", export, os.path.join(work, "good.docx"), tmpdir=self.tmpdir)
        self.assertEqual(code, 3, err)
        self.assertIn("not overwritten", err)
        self.assertEqual(out, "")
        with open(target) as f:
            self.assertEqual(f.read(), "untouched\n")
        self.assertEqual(os.listdir(self.tmpdir), [], "an office was started before the targets were checked")
        os.remove(os.path.join(export, "good.json"))
        with open(os.path.join(export, "good.json"), "w") as f:
            f.write("mine\n")
        code, _, err, _ = run("--export-json", export, os.path.join(work, "good.docx"), tmpdir=self.tmpdir)
        self.assertEqual(code, 3, err)
        with open(os.path.join(export, "good.json")) as f:
            self.assertEqual(f.read(), "mine\n")
        os.remove(os.path.join(export, "good.json"))
        code, _, err, _ = run("--export-json", export, os.path.join(work, "good.docx"), tmpdir=self.tmpdir)
        self.assertEqual(code, 0, err)
        self.assertEqual(os.listdir(export), ["good.json"])
        with open(os.path.join(export, "good.json"), encoding="utf-8") as f:
            card = json.load(f)
        self.assertEqual(card["source"], os.path.join(work, "good.docx"))
        self.assertEqual(card["format"], "jixiao-scorecard")
        self.assertTmpdirEmpty()

    def test_a_bad_output_target_is_found_before_the_run(self):
        link = os.path.join(work, "summary-link.txt")
        os.symlink(os.path.join(work, "summary-target.txt"), link)
        for target in (os.path.join(work, "no-such-folder", "summary.txt"), link):
            code, out, err, seconds = run("--output", target, os.path.join(work, "good.docx"), tmpdir=self.tmpdir)
            self.assertEqual(code, 3, err)
            self.assertIn("cannot write", err)
            self.assertEqual(os.listdir(self.tmpdir), [], "an office was started before the target was checked")
        self.assertFalse(os.path.exists(os.path.join(work, "summary-target.txt")))


class SignalTest(HostileTestCase):
    def start_many(self, count=8, extra=()):
        folder = tempfile.mkdtemp(prefix="many-", dir=work)
        for i in range(count):
            shutil.copy(os.path.join(work, "good.docx"), os.path.join(folder, f"r{i}.docx"))
        process = subprocess.Popen([BATCH, "--format", "json", *extra, folder], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True,
                                   env=dict(os.environ, TMPDIR=self.tmpdir))
        first = process.stderr.readline().decode("utf-8", "replace")  # "[1/8] …": an office is at work
        self.assertIn(f"[1/{count}]", first)
        return process

    def assertNothingLeft(self, pid):
        self.assertTrue(wait_until(lambda: offices_of(pid) == [], timeout=20), "an office outlived jixiao-batch")
        self.assertTrue(wait_until(lambda: os.listdir(self.tmpdir) == [], timeout=20),
                        f"left in TMPDIR: {os.listdir(self.tmpdir)}")
        self.assertTrue(wait_until(lambda: leftovers_in_tmp(pid) == [], timeout=20), leftovers_in_tmp(pid))

    def test_ctrl_c_prints_what_was_checked_cleans_up_and_exits_130(self):
        process = self.start_many(extra=("--jobs", "2"))
        try:
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        self.assertEqual(process.returncode, 130, err)
        files = json.loads(out)["files"]
        self.assertEqual(len(files), 8)
        statuses = [f["status"] for f in files]
        self.assertGreaterEqual(statuses.count("checked"), 1)
        self.assertEqual(statuses.count("checked") + statuses.count("interrupted"), 8, statuses)
        self.assertNothingLeft(process.pid)

    def test_kill_9_while_the_extension_installs_leaves_nothing(self):
        process = subprocess.Popen([BATCH, os.path.join(work, "good.docx")], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True,
                                   env=dict(os.environ, TMPDIR=self.tmpdir))
        self.assertTrue(wait_until(lambda: self.boxed("unopkg"), timeout=20), "unopkg was not seen at work")
        process.kill()
        process.communicate(timeout=30)
        self.assertNothingLeft(process.pid)
        self.assertTrue(wait_until(lambda: not self.boxed("unopkg"), timeout=20), "unopkg outlived jixiao-batch")

    def boxed(self, program):
        """Processes of this test's runs (their profile is in its TMPDIR) whose command line names `program`."""
        found = []
        for entry in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmdline = f.read().decode(errors="replace")
            except OSError:
                continue
            if self.tmpdir in cmdline and program in cmdline:
                found.append(int(entry))
        return found

    def test_kill_9_of_the_batch_takes_its_offices_and_their_files_along(self):
        process = self.start_many(extra=("--jobs", "2"))
        self.assertTrue(offices_of(process.pid))
        process.kill()
        process.communicate(timeout=30)
        self.assertNothingLeft(process.pid)

    def test_a_timed_out_office_leaves_nothing_behind(self):
        code, out, err, _ = run("--format", "json", "--timeout", "5", os.path.join(work, "good.docx"),
                                os.path.join(work, "no-table.docx"), tmpdir=self.tmpdir,
                                env={"JIXIAO_BATCH_TEST_FAULT": "hang:good.docx"})
        self.assertEqual(code, 2, err)
        files = self.files(out)
        self.assertIn("timed out after 5 s", files["good.docx"]["reason"])
        self.assertEqual(files["no-table.docx"]["status"], "no-table")
        self.assertTmpdirEmpty()


if __name__ == "__main__":
    unittest.main()
