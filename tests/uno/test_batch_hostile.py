"""jixiao-batch against a hostile corpus (tests/uno/hostile_corpus.py, generated here, nothing downloaded): linked
images and OLE objects aimed at listeners on 127.0.0.1 (one answers, one never does), a text bomb, files that
hold no scoring table, forged and GBK file names, a password-protected report, planted symbolic links in the
export folder, and signals mid-run. Every run gets a private TMPDIR that must be empty afterwards, and no
office or pipe may outlive the run. docs/robustness.md lists each case with its outcome."""
import glob
import json
import os
import select
import shutil
import signal
import subprocess
import sys
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


def run(*args, tmpdir, timeout=180, env=None, cwd=None):
    """jixiao-batch with its own TMPDIR; returns (exit code, stdout, stderr, seconds)."""
    started = time.monotonic()
    done = subprocess.run([BATCH, *args], capture_output=True, timeout=timeout, start_new_session=True,
                          env=dict(os.environ, TMPDIR=tmpdir, **(env or {})), cwd=cwd)
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

    def office_state(self):
        """The state letter (R, S, T …) of this test's soffice.bin, or None."""
        for entry in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmdline = f.read()
                if b"soffice.bin" in cmdline and self.tmpdir.encode() in cmdline:
                    with open(f"/proc/{entry}/stat") as f:
                        return f.read().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
        return None


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
        peaks, limits, file_limits, no_new_privs, root_mounts = [], set(), set(), set(), set()
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
                            for line in f:
                                if line.startswith("Max address"):
                                    limits.add(int(line.split()[3]))
                                elif line.startswith("Max file size"):
                                    file_limits.add(int(line.split()[3]))
                        with open(f"/proc/{pid}/status") as f:
                            no_new_privs.update(line.split()[1] for line in f if line.startswith("NoNewPrivs"))
                        with open(f"/proc/{pid}/mountinfo") as f:  # mount point, then its options
                            root_mounts.update(l.split()[5].split(",")[0] for l in f if l.split()[4] == "/")
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
        self.assertEqual(file_limits, {1 << 30}, "the office could write files of any size")
        self.assertEqual(no_new_privs, {"1"}, "the office could gain privileges")
        self.assertEqual(root_mounts, {"ro"}, "the office saw the host file system writable")
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


class NotAReportTest(HostileTestCase):
    def test_devices_fifos_and_links_to_them_are_refused_without_starting_an_office(self):
        folder = tempfile.mkdtemp(prefix="devices-", dir=work)
        os.mkfifo(os.path.join(folder, "fifo.docx"))
        os.symlink("/dev/zero", os.path.join(folder, "zero-in-folder.docx"))
        zero, urandom = os.path.join(work, "zero.docx"), os.path.join(work, "urandom.docx")
        for link, device in ((zero, "/dev/zero"), (urandom, "/dev/urandom")):
            if not os.path.lexists(link):
                os.symlink(device, link)
        # An office could not start with 1 MB: exit 3 would say one was started.
        code, out, err, seconds = run("--format", "json", "--memory-limit", "1", folder, zero, urandom,
                                      os.path.join(folder, "fifo.docx"), tmpdir=self.tmpdir, timeout=30)
        self.assertEqual(code, 2, err)
        files = {f["file"]: f for f in json.loads(out)["files"]}
        self.assertEqual(len(files), 4, files)  # the FIFO named twice is one file
        self.assertIn("not a regular file", files[os.path.join(folder, "fifo.docx")]["reason"])
        self.assertIn("not followed", files[os.path.join(folder, "zero-in-folder.docx")]["reason"])
        for link in (zero, urandom):
            self.assertIn("does not lead to a regular file", files[link]["reason"])
        self.assertEqual(json.loads(out)["exitCode"], 2)
        self.assertTmpdirEmpty()

    def test_a_huge_sparse_file_is_refused_by_its_size_and_the_next_is_checked(self):
        sparse = os.path.join(work, "sparse.docx")
        with open(sparse, "wb") as f:
            f.truncate(300 << 30)  # 300 GiB of nothing: no disk used, and never copied
        try:
            code, out, err, seconds = run("--format", "json", sparse, os.path.join(work, "good.docx"),
                                          tmpdir=self.tmpdir)
        finally:
            os.remove(sparse)
        files = self.files(out)
        self.assertEqual(code, 2, err)
        self.assertEqual(files["sparse.docx"]["status"], "failed")
        self.assertIn("above the limit of 256 MB", files["sparse.docx"]["reason"])
        self.assertEqual(files["good.docx"]["status"], "checked")
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

    def test_a_read_only_export_folder_is_found_before_any_office_starts(self):
        export = tempfile.mkdtemp(prefix="read-only-", dir=work)
        # Root ignores mode bits: an immutable folder refuses root too (where chattr works).
        immutable = os.geteuid() == 0 and subprocess.run(["chattr", "+i", export]).returncode == 0
        if not immutable:
            if os.geteuid() == 0:
                self.skipTest("chattr +i is not available here")
            os.chmod(export, 0o555)
        try:
            code, out, err, _ = run("--export-json", export, os.path.join(work, "good.docx"), tmpdir=self.tmpdir)
        finally:
            if immutable:
                subprocess.run(["chattr", "-i", export])
        self.assertEqual(code, 3, err)
        self.assertIn("cannot write", err)
        self.assertEqual(out, "")
        self.assertNotIn("[1/1]", err, "a file was checked before the folder was tried")
        self.assertEqual(os.listdir(export), [])
        self.assertTmpdirEmpty()

    def test_names_a_spreadsheet_would_run_are_text_in_csv(self):
        folder = tempfile.mkdtemp(prefix="formulas-", dir=work)
        for name in ("=1+1.docx", "@cmd.docx", "+x.docx", "-x.docx"):
            shutil.copy(os.path.join(work, "no-table.docx"), os.path.join(folder, name))
        names = ["=1+1.docx", "@cmd.docx", "+x.docx", "-x.docx"]
        code, out, err, _ = run("--format", "csv", "--output", "summary.csv", "--", *names, tmpdir=self.tmpdir,
                                cwd=folder)
        self.assertEqual(code, 2, err)
        self.assertEqual(out, "")
        with open(os.path.join(folder, "summary.csv"), encoding="utf-8") as f:
            cells = [line.split(",")[0] for line in f.read().splitlines()[1:]]
        self.assertEqual(cells, ["'" + name for name in names])
        self.assertEqual(sorted(os.listdir(folder)), sorted(["=1+1.docx", "@cmd.docx", "+x.docx", "-x.docx",
                                                             "summary.csv"]), "a temporary file was left")
        self.assertTmpdirEmpty()

    def test_an_output_that_cannot_be_written_at_the_end_leaves_the_old_file_and_the_summary_on_stdout(self):
        if os.geteuid() != 0:
            self.skipTest("chattr +i needs root")
        folder = tempfile.mkdtemp(prefix="summary-", dir=work)
        summary = os.path.join(folder, "summary.json")
        with open(summary, "w") as f:
            f.write("yesterday's summary\n")
        batch = subprocess.Popen([BATCH, "--format", "json", "--timeout", "5", "--output", summary,
                                  os.path.join(work, "good.docx")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 start_new_session=True,
                                 env=dict(os.environ, TMPDIR=self.tmpdir, JIXIAO_BATCH_TEST_FAULT="hang:good.docx"))
        immutable = False
        try:
            # Tried and found writable before the run; made immutable while the office hangs.
            self.assertTrue(wait_until(lambda: self.office_state() == "T", timeout=60), "no office was seen")
            immutable = subprocess.run(["chattr", "+i", folder]).returncode == 0
            if not immutable:
                self.skipTest("chattr +i is not available here")
            out, err = batch.communicate(timeout=120)
        finally:
            if batch.poll() is None:
                os.killpg(batch.pid, signal.SIGKILL)
            if immutable:
                subprocess.run(["chattr", "-i", folder])
        err = err.decode("utf-8", "replace")
        self.assertEqual(batch.returncode, 2, err)
        self.assertIn("cannot write", err)
        self.assertEqual(json.loads(out)["exitCode"], 2)  # the summary went to stdout, with the real exit code
        with open(summary) as f:
            self.assertEqual(f.read(), "yesterday's summary\n")
        self.assertEqual(os.listdir(folder), ["summary.json"])
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


# The compromised office: run as the office's own user (nobody) while a root run works, it swaps every file and
# folder it can for a symbolic link into a root-only folder — logs, profile, staged inputs, the office's
# temporary files — until told to stop, and says what it managed. Sockets are left alone (the UNO pipe).
ATTACKER = r"""
import json, os, stat, sys, time
tmpdir, secret, stop = sys.argv[1:4]
swapped, refused, tried = [], [], set()
deadline = time.monotonic() + 300
def candidates():  # a profile's root may not be listable: the office knows what is in it
    for profile in os.listdir(tmpdir):
        root = os.path.join(tmpdir, profile)
        for name in ("soffice.log", "unopkg.log", "jixiao.rdb", "user", "tmp", "in"):
            yield os.path.join(root, name)
            for top, dirs, files in os.walk(os.path.join(root, name)):
                yield from (os.path.join(top, entry) for entry in dirs + files)
while not os.path.exists(stop) and time.monotonic() < deadline:
    try:
        paths = list(candidates())
    except OSError:
        paths = []
    for path in paths:
        name = os.path.basename(path)
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISLNK(info.st_mode) or stat.S_ISSOCK(info.st_mode) or path in tried or name.endswith(".moved"):
            continue
        tried.add(path)
        target = os.path.join(secret, "target.txt" if name.endswith(".log") else "shadow.txt")
        try:
            if stat.S_ISDIR(info.st_mode):
                os.rename(path, path + ".moved")
                os.symlink(secret, path)
            else:
                os.unlink(path)
                os.symlink(target, path)
            swapped.append(os.path.relpath(path, tmpdir))
        except OSError as e:
            refused.append((os.path.relpath(path, tmpdir), e.strerror))
    time.sleep(0.05)
print(json.dumps({"swapped": swapped, "refused": refused}))
"""


@unittest.skipUnless(os.geteuid() == 0, "the office runs as nobody only when the batch runs as root")
class CompromisedOfficeTest(HostileTestCase):
    def test_the_offices_user_swapping_its_files_for_links_reaches_nothing_of_root(self):
        secret = tempfile.mkdtemp(prefix="root-only-", dir=work)  # 0700: only root may enter
        target, shadow = os.path.join(secret, "target.txt"), os.path.join(secret, "shadow.txt")
        with open(target, "w") as f:
            f.write("root-only, never written by the batch\n")
        with open(shadow, "w") as f:
            f.write("SECRET-never-read-by-the-batch\n")
        os.chmod(target, 0o644)
        os.chmod(shadow, 0o600)
        old = time.time() - 3 * 86400  # relatime: any read from now on moves the access time
        for path in (target, shadow):
            os.utime(path, (old, os.stat(path).st_mtime))
        before = {path: (os.stat(path).st_mtime_ns, os.stat(path).st_atime_ns) for path in (target, shadow)}
        folder = tempfile.mkdtemp(prefix="reports-", dir=work)
        os.chmod(folder, 0o755)
        for name in ("h1.docx", "r2.docx", "r3.docx"):
            shutil.copy(os.path.join(work, "good.docx"), os.path.join(folder, name))
        stop = os.path.join(work, "attacker-stop")
        # The first file hangs: the office is killed at the timeout and started again, which reopens its log —
        # the moment a root batch used to append to whatever the log had become.
        batch = subprocess.Popen([BATCH, "--format", "json", "--timeout", "5", folder], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, start_new_session=True,
                                 env=dict(os.environ, TMPDIR=self.tmpdir, JIXIAO_BATCH_TEST_FAULT="hang:h1.docx"))
        attacker = None
        try:
            # The office is exploited by the document it works on: the attacker starts once the office is on
            # h1.docx (stopped there by the test hook).
            self.assertTrue(wait_until(lambda: self.office_state() == "T", timeout=60), "no office was seen")
            attacker = subprocess.Popen([sys.executable, "-c", ATTACKER, self.tmpdir, secret, stop],
                                        stdout=subprocess.PIPE, text=True, user=65534, group=65534,
                                        extra_groups=[])
            out, err = batch.communicate(timeout=240)
            err = err.decode("utf-8", "replace")
        finally:
            if batch.poll() is None:
                os.killpg(batch.pid, signal.SIGKILL)
            open(stop, "w").close()
            said = attacker.communicate(timeout=30)[0] if attacker else "{}"
            os.remove(stop)
        self.assertTrue(out, f"exit {batch.returncode}: {err[-3000:]}")
        self.assertEqual(sorted(f["file"] for f in json.loads(out)["files"]),
                         sorted(os.path.join(folder, n) for n in ("h1.docx", "r2.docx", "r3.docx")), err)
        after = {path: (os.stat(path).st_mtime_ns, os.stat(path).st_atime_ns) for path in (target, shadow)}
        self.assertEqual(after, before, "a root-only file was read or written through a link")
        with open(target) as f:
            self.assertEqual(f.read(), "root-only, never written by the batch\n", "written through a link")
        self.assertEqual(sorted(os.listdir(secret)), ["shadow.txt", "target.txt"])
        said = json.loads(said)
        self.assertGreater(len(said["swapped"]), 2, "the attacker hardly got to swap anything")
        # What it may not touch: the logs and the working folders themselves (their folder is root's).
        ours = [p for p in said["swapped"] + [p for p, _ in said["refused"]] if p.count(os.sep) == 1]
        self.assertIn("soffice.log", {os.path.basename(p) for p in ours}, ours)
        self.assertEqual([p for p in said["swapped"] if p.count(os.sep) == 1], [], "a root-owned entry was swapped")
        self.assertTrue(wait_until(lambda: os.listdir(self.tmpdir) == [], timeout=20), os.listdir(self.tmpdir))



def stage_batch_for_nobody():
    """A copy of jixiao-batch with the .oxt and .rdb beside it, in a fresh 0755 folder under /tmp, for a test
    that runs the batch as nobody: the build tree may sit where nobody cannot enter (a checkout in /root).
    Returns (folder, batch path); the folder is the caller's to remove."""
    folder = tempfile.mkdtemp(prefix="jixiao-batch-stage-", dir="/tmp")
    os.chmod(folder, 0o755)
    batch = shutil.copy2(BATCH, os.path.join(folder, "jixiao-batch"))
    for variable, name in (("JIXIAO_OXT", "jixiao.oxt"), ("JIXIAO_RDB", "jixiao.rdb")):
        os.chmod(shutil.copy(os.environ[variable], os.path.join(folder, name)), 0o644)
    return folder, batch


def run_without_user_namespaces(*args, tmpdir, batch=BATCH, timeout=180):
    """jixiao-batch as nobody (65534, not root) in a user namespace where no further user namespace may be made
    (user.max_user_namespaces 0 there): a machine that forbids unprivileged user namespaces, made for this run
    only. Needs root. Returns (exit code, stdout, stderr)."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    ready_r, ready_w = os.pipe()
    mapped_r, mapped_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # only what exec needs from here on
        try:
            if libc.unshare(0x10000000) != 0:  # CLONE_NEWUSER
                os._exit(90)
            os.write(ready_w, b"x")
            os.read(mapped_r, 1)
            with open("/proc/sys/user/max_user_namespaces", "w") as f:
                f.write("0")
            os.setgroups([])
            os.setresgid(65534, 65534, 65534)
            os.setresuid(65534, 65534, 65534)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            os.execve(batch, [batch, *args], dict(os.environ, TMPDIR=tmpdir, HOME="/nonexistent"))
        finally:
            os._exit(91)
    for fd in (ready_w, mapped_r, out_w, err_w):
        os.close(fd)
    if not select.select([ready_r], [], [], 30)[0]:  # a child of a threaded parent: never wait on it for ever
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise AssertionError("the child never entered its user namespace")
    os.read(ready_r, 1)
    for name in ("uid_map", "gid_map"):
        with open(f"/proc/{pid}/{name}", "w") as f:
            f.write("0 0 1\n65534 65534 1\n")
    os.write(mapped_w, b"x")
    chunks = {out_r: [], err_r: []}

    def drain(fd):
        while data := os.read(fd, 65536):
            chunks[fd].append(data)

    readers = [threading.Thread(target=drain, args=(fd,)) for fd in (out_r, err_r)]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + timeout
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    if done[0] == 0:
        os.kill(pid, signal.SIGKILL)
        done = os.waitpid(pid, 0)
    for reader in readers:
        reader.join()
    for fd in (ready_r, mapped_w, out_r, err_r):
        os.close(fd)
    return (os.waitstatus_to_exitcode(done[1]), b"".join(chunks[out_r]).decode("utf-8", "replace"),
            b"".join(chunks[err_r]).decode("utf-8", "replace"))


@unittest.skipUnless(os.geteuid() == 0, "only root can give a link to another user")
class LinkRuleTest(HostileTestCase):
    def test_a_typed_link_re_pointed_after_it_was_judged_is_not_followed(self):
        """A user's link in a shared folder, typed by the reviewer (or expanded by the shell): it leads to a
        report anyone may read when it is judged, and to a root-only file by the time its turn comes."""
        shared = tempfile.mkdtemp(prefix="shared-", dir=work)
        os.chmod(shared, 0o777)
        secret = os.path.join(tempfile.mkdtemp(prefix="root-only-", dir=work), "secret.docx")
        shutil.copy(os.path.join(work, "good.docx"), secret)
        os.chmod(secret, 0o600)
        public = os.path.join(shared, "public.docx")
        shutil.copy(os.path.join(work, "good.docx"), public)
        os.chmod(public, 0o644)
        link = os.path.join(shared, "theirs.docx")
        os.symlink(public, link)
        os.lchown(link, 65534, 65534)
        hang = os.path.join(shared, "h1.docx")
        shutil.copy(os.path.join(work, "good.docx"), hang)
        batch = subprocess.Popen([BATCH, "--format", "json", "--timeout", "5", hang, link], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, start_new_session=True,
                                 env=dict(os.environ, TMPDIR=self.tmpdir, JIXIAO_BATCH_TEST_FAULT="hang:h1.docx"))
        try:
            self.assertTrue(wait_until(lambda: self.office_state() == "T", timeout=60), "no office was seen")
            repointed = link + ".new"
            os.symlink(secret, repointed)
            os.lchown(repointed, 65534, 65534)
            os.replace(repointed, link)
            out, err = batch.communicate(timeout=120)
        finally:
            if batch.poll() is None:
                os.killpg(batch.pid, signal.SIGKILL)
        f = self.files(out)["theirs.docx"]
        self.assertEqual(f["status"], "failed", err.decode("utf-8", "replace"))
        self.assertIn("does not lead to a regular file its owner could read", f["reason"])
        self.assertTmpdirEmpty()


@unittest.skipUnless(os.geteuid() == 0, "the office runs as nobody only when the batch runs as root")
class RootOnlyCheckoutTest(HostileTestCase):
    def test_a_root_only_folder_with_the_extension_and_the_reports_still_works(self):
        """A reviewer's checkout in /root (0700): nobody, the office's user, can read nothing there, so what it
        needs — the .oxt and each report — is staged into the profile by the batch."""
        checkout = tempfile.mkdtemp(prefix="root-only-checkout-", dir=work)  # 0700
        shutil.copy(os.environ["JIXIAO_OXT"], os.path.join(checkout, "jixiao.oxt"))
        shutil.copy(os.environ["JIXIAO_RDB"], os.path.join(checkout, "jixiao.rdb"))
        os.makedirs(os.path.join(checkout, "reports"), mode=0o700)
        shutil.copy(os.path.join(work, "good.docx"), os.path.join(checkout, "reports", "good.docx"))
        os.chmod(os.path.join(checkout, "reports", "good.docx"), 0o600)
        tmpdir = os.path.join(checkout, "tmp")  # a TMPDIR nobody cannot reach: the profiles go to /tmp
        os.mkdir(tmpdir, 0o700)
        code, out, err, _ = run("--oxt", "jixiao.oxt", "--format", "json", "reports", tmpdir=tmpdir, cwd=checkout)
        self.assertEqual(code, 0, err)
        f = self.files(out)["good.docx"]
        self.assertEqual((f["status"], f["total"]), ("checked", "97"))
        self.assertEqual(os.listdir(tmpdir), [])


@unittest.skipUnless(os.geteuid() == 0, "making a machine without user namespaces needs root")
class NoUserNamespaceTest(HostileTestCase):
    def test_without_user_namespaces_one_line_says_why_and_no_sandbox_must_be_asked_for(self):
        os.chown(self.tmpdir, 65534, 65534)
        report = os.path.join(self.tmpdir, "good.docx")
        shutil.copy(os.path.join(work, "good.docx"), report)
        os.chown(report, 65534, 65534)
        stage, batch = stage_batch_for_nobody()
        self.addCleanup(shutil.rmtree, stage, ignore_errors=True)
        extension = ("--oxt", os.path.join(stage, "jixiao.oxt"), "--rdb", os.path.join(stage, "jixiao.rdb"))
        code, out, err = run_without_user_namespaces(*extension, report, tmpdir=self.tmpdir, batch=batch)
        self.assertEqual(code, 3, err)
        self.assertEqual(out, "")
        line = next((l for l in err.splitlines() if "user namespaces" in l), "")
        self.assertIn("cannot box the office", line, err)
        for remedy in ("Run as root", "unprivileged_userns_clone", "--no-sandbox"):
            self.assertIn(remedy, line)
        self.assertNotIn("No space left on device", line)
        self.assertEqual(os.listdir(self.tmpdir), ["good.docx"])
        # Only when asked for, the office runs unboxed, and the run says so.
        code, out, err = run_without_user_namespaces("--no-sandbox", *extension, report, tmpdir=self.tmpdir,
                                                     batch=batch)
        self.assertEqual(code, 0, err)
        self.assertIn("warning: --no-sandbox", err.splitlines()[0])
        self.assertRegex(out, r"good\.docx\s+97\s+优秀")
        self.assertEqual(os.listdir(self.tmpdir), ["good.docx"])


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
        # Up to a minute: after a kill -9 each office's supervisor removes its profile, which took over 20 s on a
        # loaded 2-core machine once.
        self.assertTrue(wait_until(lambda: offices_of(pid) == [], timeout=60), "an office outlived jixiao-batch")
        self.assertTrue(wait_until(lambda: os.listdir(self.tmpdir) == [], timeout=60),
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

    def test_the_summary_says_the_exit_code_the_process_exits_with(self):
        for sig in (signal.SIGTERM, signal.SIGHUP):
            process = self.start_many(count=4)
            try:
                process.send_signal(sig)
                out, err = process.communicate(timeout=60)
            finally:
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGKILL)
            self.assertEqual(process.returncode, 128 + sig, err)
            self.assertEqual(json.loads(out)["exitCode"], 128 + sig)
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
