"""A real LibreOffice for tests: a private profile with the freshly built Jixiao .oxt installed by unopkg,
one soffice process in its own process group, and a UNO connection over a socket on 127.0.0.1.

The office is always shut down — by terminate(), then by killing its process group — when the tests end,
fail or crash, so no soffice outlives a test run and no stale profile lock is left behind.

An office that dies is a failure, never a pass by accident: every office test derives from OfficeCase, which
after each test fails it when a running office has ended with anything but exit code 0 (a signal: its crash
report, "Fatal exception: Signal 6" and the stack, from the office's own output); stop() fails the same way when
the office had died before it, or did not exit with 0 after terminate().

The checkout may sit where the unprivileged user cannot enter (a clone in /root, a 0700 `mktemp -d` folder):
nothing the office or unopkg reads is taken from there. As root, unopkg runs as nobody on a copy of the .oxt in
the profile, from inside the profile; soffice runs as the caller. `python3 office.py --preflight` says in one
line why office tests cannot run here, if they cannot.
"""
import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

SOFFICE = os.environ.get("SOFFICE", "/usr/lib/libreoffice/program/soffice")
UNOPKG = os.environ.get("UNOPKG", "/usr/lib/libreoffice/program/unopkg")
OXT = os.environ.get("JIXIAO_OXT", "")
RDB = os.environ.get("JIXIAO_RDB", "")
SOURCE_DIR = os.environ.get("JIXIAO_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
ARTIFACTS = os.environ.get("JIXIAO_ARTIFACTS", os.path.join(tempfile.gettempdir(), "jixiao-artifacts"))
# Test documents are generated from specs in the repository (tests/data/make_documents.py); ctest builds them
# once into the build tree (the data.documents fixture), a test run by hand builds what it needs.
TEST_DATA = os.environ.get("JIXIAO_TEST_DATA", os.path.join(SOURCE_DIR, "build", "test-data"))
DATA_SPECS = os.path.join(SOURCE_DIR, "tests", "data", "docs")
MAKE_DOCUMENTS = os.path.join(SOURCE_DIR, "tests", "data", "make_documents.py")
NOBODY = 65534

# A profile that looks already set up skips LibreOffice's first-start path (start → connect in ~0.3 s). The
# same seed as jixiao-batch's private profiles (src/cli/profile-seed.xcu, compiled into the batch).
with open(os.path.join(SOURCE_DIR, "src", "cli", "profile-seed.xcu"), encoding="utf-8") as _seed:
    REGISTRY_SEED = _seed.read().replace("{", "{{").replace("}", "}}").replace("@VERSION@", "{version}").replace(
        "@LOCALE@", "{locale}")


def scratch_dir(prefix):
    """A new folder under the system's temporary one for a test's documents, removed when the test process
    ends (a test leaves no files behind, even when it fails; a read-only file in it is removed too)."""
    path = tempfile.mkdtemp(prefix=prefix)

    def remove():
        for parent, dirs, files in os.walk(path):
            for name in dirs + files:
                try:
                    os.chmod(os.path.join(parent, name), 0o700)
                except OSError:
                    pass
        shutil.rmtree(path, ignore_errors=True)

    atexit.register(remove)
    return path


def props(**values):
    result = []
    for name, value in values.items():
        p = PropertyValue()
        p.Name = name
        p.Value = value
        result.append(p)
    return tuple(result)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def office_version():
    try:
        out = subprocess.run([SOFFICE, "--version"], capture_output=True, text=True, timeout=60).stdout
        return ".".join(out.split()[1].split(".")[:2])
    except Exception:  # the seed is only a speed-up
        return "7.4"


def chown_tree(path, uid, gid):
    os.chown(path, uid, gid)
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.lchown(os.path.join(root, name), uid, gid)


def as_nobody():
    """unopkg refuses to run as root without --shared (which would install into LibreOffice itself), so as root
    it runs as nobody; as anyone else, as that user."""
    return os.geteuid() == 0


def run_unopkg(profile, *args, timeout=180):
    """`unopkg <args> -env:UserInstallation=<profile>`. As root it runs as nobody in a profile nobody owns for the
    time of the call (the profile goes back to us afterwards: soffice under X cannot open the display from a
    profile it does not own), and from inside the profile: unopkg's script changes back into its working
    directory, which must not be the checkout (tests/uno), where nobody may not enter. Files it reads must be in
    the profile too (install_extension stages the .oxt there). No DISPLAY: unopkg needs no window, and nobody
    may not read the X server's cookie. Returns the CompletedProcess."""
    command, *rest = args
    cmd = ["env", "-u", "DISPLAY", "-u", "XAUTHORITY", f"HOME={profile}", f"TMPDIR={profile}",
           UNOPKG, command, *rest, f"-env:UserInstallation=file://{profile}"]
    if as_nobody():
        cmd[0:0] = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        chown_tree(profile, NOBODY, NOBODY)
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, start_new_session=True,
                              cwd=profile)
    finally:
        if as_nobody():
            chown_tree(profile, os.getuid(), os.getgid())


def install_extension(profile, oxt):
    """`unopkg add` of a copy of `oxt` staged in the profile (the build tree may be unreadable for nobody); the
    copy is removed again, unopkg keeps its own in the profile's package cache."""
    staged = os.path.join(profile, "staged")
    os.makedirs(staged, exist_ok=True)
    copy = os.path.join(staged, os.path.basename(oxt))
    shutil.copyfile(oxt, copy)
    try:
        # Under qemu-user (tests/matrix) an add takes minutes.
        done = run_unopkg(profile, "add", "-s", "-v", copy, timeout=600)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    if done.returncode != 0:
        raise RuntimeError(f"unopkg add failed ({done.returncode}): {done.stdout}\n{done.stderr}")
    return done


def preflight():
    """Why office tests cannot run here, in one line, or None. Tries what start() needs of the machine: the
    office's programs, and as root that nobody can run and read a file staged where the profiles go."""
    for program in (SOFFICE, UNOPKG):
        if not os.access(program, os.X_OK):
            return f"office tests cannot run: {program} is not there (bash scripts/install-deps.sh installs it)"
    if OXT and not os.access(OXT, os.R_OK):
        return f"office tests cannot run: JIXIAO_OXT {OXT} cannot be read (build first: bash scripts/build.sh)"
    if not as_nobody():
        return None
    if shutil.which("setpriv") is None:
        return "office tests cannot run as root: setpriv (util-linux) is missing, and unopkg must run as nobody"
    profile = tempfile.mkdtemp(prefix="jixiao-profile-")
    try:
        probe = os.path.join(profile, "probe")
        with open(probe, "w", encoding="utf-8") as f:
            f.write("probe")
        chown_tree(profile, NOBODY, NOBODY)
        done = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "cat", probe],
                              capture_output=True, text=True, timeout=30, cwd=profile)
        if done.returncode != 0 or done.stdout != "probe":
            reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return (f"office tests cannot run as root: uid {NOBODY} (nobody, which runs unopkg) cannot read "
                    f"{probe} ({reason}); let it enter {os.path.dirname(profile)} or set TMPDIR to a folder it can")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return None


class VirtualDisplay:
    """A private Xvfb on the first free display number (-displayfd tells which, once it is ready). -noreset: by
    default the server resets whenever its last client disconnects, and a connection made during the reset fails;
    soffice.bin connects more than once while it starts, and on a loaded machine (load 11 on 2 cores) it ended
    with "X11 error: Can't open display" in 5 starts of 8 without -noreset, in none of 16 with it."""

    def __init__(self, size="1400x900x24"):
        self.size = size
        self.process = None
        self.display = None

    def start(self):
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", self.size, "-nolisten", "tcp", "-noreset",
             "-ac"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(write_end)
        with os.fdopen(read_end) as ready:
            number = ready.readline().strip()
        if not number:
            self.stop()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        return self.display

    def state(self):
        """For an error message: whether the server still runs."""
        if self.process is None:
            return "Xvfb is stopped"
        code = self.process.poll()
        where = f"Xvfb {self.display} (pid {self.process.pid})"
        return f"{where} runs" if code is None else f"{where} ended by {describe_exit(code)}"

    def stop(self):
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            self.process = None


class OfficeDied(AssertionError):
    """An office ended by a signal or with an exit code other than 0 (an AssertionError: a test's failure)."""


# The offices started and not yet stopped, which OfficeCase looks at after every test.
RUNNING = []

# How long terminate() may take before the office counts as hung (a loaded 2-core machine: ~1-5 s).
EXIT_TIMEOUT = 60


def describe_exit(code):
    """How a process ended, from its Popen return code; soffice's launcher (oosplash) exits with 128 + N when
    soffice.bin was killed by signal N."""
    if code < 0:
        return f"signal {signal.Signals(-code).name}"
    if code > 128 and code - 128 in signal.valid_signals():
        return f"exit code {code} (soffice.bin killed by signal {signal.Signals(code - 128).name})"
    return f"exit code {code}"


def crash_report(text, limit=6000):
    """The part of an office's output that tells why it died: from its crash handler's first line ("Fatal
    exception: Signal 6", then the stack) to the end, else the end of the output."""
    starts = [text.rfind(marker) for marker in ("Unspecified Application Error", "Fatal exception")]
    starts = [start for start in starts if start >= 0]
    report = text[min(starts):] if starts else text
    return report[:limit] if starts else report[-limit:]


class Office:
    """One soffice for a test module. Use start()/stop() or `with Office() as office:`."""

    def __init__(self, headless=True, locale="zh-CN", install=True, profile=None, sal_log=None, env=None):
        self.headless = headless
        self.extra_env = dict(env or {})  # more for the office's environment, e.g. SAL_FORCEDPI="192"
        self.sal_log = sal_log  # SAL_LOG for the office, e.g. "+WARN+INFO.jixiao" (its output: self.log)
        self.locale = locale
        self.install = install
        self.reuse_profile = profile  # start on an existing profile (a restart), without installing again
        self.keep_profile = False     # set before stop() to restart on the same profile
        self.profile = None
        self.process = None
        self.ctx = None
        self.desktop = None
        self.xvfb = None
        self.log = None
        self.office_bin = None  # soffice.bin's pid once connected: its end is the office's death
        self.death_reported = None  # when its death was reported (a test failed for it): reported once

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        if self.install and not (OXT and os.path.exists(OXT)):
            raise RuntimeError(f"JIXIAO_OXT does not name a built extension: {OXT!r}")
        if self.reuse_profile:
            self.profile = self.reuse_profile
        else:
            self.profile = tempfile.mkdtemp(prefix="jixiao-profile-")
            user = os.path.join(self.profile, "user")
            os.makedirs(user)
            with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
                f.write(REGISTRY_SEED.format(version=office_version(), locale=self.locale))
            if self.install:
                install_extension(self.profile, OXT)
        port = free_port()
        args = [SOFFICE, "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                f"-env:UserInstallation=file://{self.profile}",
                f"--accept=socket,host=127.0.0.1,port={port},tcpNoDelay=1;urp;StarOffice.ComponentContext"]
        if self.headless:
            args[1:1] = ["--headless", "--invisible"]
        env = dict(os.environ, **self.extra_env)
        if self.sal_log:
            env["SAL_LOG"] = self.sal_log
        if not self.headless:
            self.xvfb = VirtualDisplay()
            env["DISPLAY"] = self.xvfb.start()
            env.pop("XAUTHORITY", None)
        self.log = os.path.join(self.profile, "soffice.log")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                            env=env)
        self.death_reported = None
        RUNNING.append(self)
        atexit.register(self.stop_at_exit)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 60
        while True:
            try:
                self.ctx = resolver.resolve(
                    f"uno:socket,host=127.0.0.1,port={port},tcpNoDelay=1;urp;StarOffice.ComponentContext")
                break
            except Exception:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    output = self.output()[-3000:]
                    display = f" ({self.xvfb.state()})" if self.xvfb is not None else ""
                    self.death_reported = "start"  # the reason is this error
                    self.kill()
                    raise RuntimeError(f"soffice did not accept a UNO connection{display}; it said:\n{output}")
                time.sleep(0.1)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.office_bin = self.office_pid()
        if self.install:
            self.load_extension_types()
        return self

    def load_extension_types(self):
        """The bridge must know the extension's own types (Finding, XEvaluationTool) before using them."""
        if not RDB:
            return
        local = uno.getComponentContext()
        tdm = local.getValueByName("/singletons/com.sun.star.reflection.theTypeDescriptionManager")
        try:
            tdm.insert(uno.systemPathToFileUrl(RDB))
        except Exception as e:  # already inserted by an earlier Office in this process
            if "already" not in str(e).lower():
                raise

    def stop(self):
        """Ends the office: terminate(), then its process group is killed. Raises OfficeDied when it had already
        died, or did not exit with 0 after terminate() (unless a test already failed for that death)."""
        if self.process is None:
            return
        problem = None
        try:
            problem = self.death("before the harness stopped it")
            if problem is None and self.process.poll() is None:
                problem = self.terminate()
        finally:
            self.kill()
        if problem:
            raise OfficeDied(problem)

    def shutdown(self):
        """Ends the office the way a user quits, for a test that checks it: terminate(), then an exit code of 0,
        else OfficeDied with why (its crash report). The profile stays until stop(), which does nothing more."""
        self.check_alive("before the test terminated it")
        problem = self.terminate()
        if problem:
            self.death_reported = "when terminated"
            raise OfficeDied(problem)

    def stop_at_exit(self):
        """stop() for atexit, for a script that forgot it: says what went wrong instead of raising."""
        try:
            self.stop()
        except OfficeDied as e:
            sys.stderr.write(f"\n[office] {e}\n")

    def terminate(self):
        """Asks the office to end (no document may hold it back with a "save changes?" question) and waits for
        its exit; returns why that was not a clean exit, or None."""
        def ask():
            try:
                components = self.desktop.Components.createEnumeration()
                while components.hasMoreElements():
                    try:
                        components.nextElement().setModified(False)
                    except Exception:
                        pass  # not modifiable, or already closing
                self.desktop.terminate()
            except Exception:
                pass  # the bridge may go down with the office before the reply

        # In a thread: a call held up by the office (a dialog left open) must not hold up the harness.
        threading.Thread(target=ask, daemon=True).start()
        try:
            code = self.process.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            return (f"soffice (pid {self.process.pid}) did not exit within {EXIT_TIMEOUT} s of terminate(); the end "
                    f"of its output:\n{self.output()[-3000:]}")
        if code != 0:
            return (f"soffice (pid {self.process.pid}) ended by {describe_exit(code)} when terminated; its "
                    f"output:\n{crash_report(self.output())}")
        return None

    def kill(self):
        """Kills what is left of the office's process group and removes its profile (unless kept)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self.process = None
        if self in RUNNING:
            RUNNING.remove(self)
        self.desktop = None
        if self.xvfb is not None:
            self.xvfb.stop()
            self.xvfb = None
        self.ctx = None
        if self.profile and not self.keep_profile:
            shutil.rmtree(self.profile, ignore_errors=True)
        self.profile = None

    def output(self):
        """Everything the office wrote to stdout and stderr so far (its log goes with its profile)."""
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                return f.read()
        except (OSError, TypeError):
            return "(no log)"

    def death(self, when):
        """Why the office counts as dead — it ended by a signal or an exit code other than 0 — with its crash
        report, the first time it is asked after the death (later: None); None while it runs or after exit 0."""
        code = self.process.poll() if self.process is not None else None
        if code is None and self.bin_gone():
            # soffice.bin is dead (the test's calls already meet "Binary URP bridge disposed") while its launcher
            # still waits for it, or for its crash report to be written: wait for the launcher's exit code.
            try:
                code = self.process.wait(timeout=EXIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                code = None
                if not self.death_reported:
                    self.death_reported = when
                    return (f"soffice.bin (pid {self.office_bin}) is gone {when}, and its launcher (pid "
                            f"{self.process.pid}) did not exit within {EXIT_TIMEOUT} s; the end of its output:\n"
                            f"{self.output()[-3000:]}")
        if code is None or code == 0 or self.death_reported:
            return None
        self.death_reported = when
        return (f"soffice (pid {self.process.pid}) died by {describe_exit(code)} {when}; its crash report:\n"
                f"{crash_report(self.output())}")

    def check_alive(self, when="during the test"):
        """Raises OfficeDied (with the crash report) when the office has died: once for each death, so it fails
        the test it was first seen in (later tests that use the office fail on their own calls)."""
        problem = self.death(when)
        if problem:
            raise OfficeDied(problem)

    def report_if_gone(self):
        """Kept for callers of the earlier harness: writes the death report (if any) to stderr."""
        problem = self.death("before the test stopped it")
        if problem:
            sys.stderr.write(f"\n[office] {problem}\n")

    def bin_gone(self):
        """Whether soffice.bin, as found at start, has ended (gone, or a zombie its launcher has not reaped)."""
        if self.office_bin is None or self.process is None:
            return False
        try:
            with open(f"/proc/{self.office_bin}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
        except OSError:
            return True
        fields = stat[stat.rindex(")") + 2:].split()
        return fields[0] in ("Z", "X") or int(fields[2]) != self.process.pid

    def office_pid(self):
        """The pid of soffice.bin, the office itself (the process started is its launcher, oosplash), or None."""
        if self.process is None:
            return None
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            group = int(stat[stat.rindex(")") + 2:].split()[2])
            if name == "soffice.bin" and group == self.process.pid:
                return int(entry)
        return None

    # Helpers for tests.
    @property
    def display(self):
        return self.xvfb.display if self.xvfb else os.environ.get("DISPLAY")

    def service(self, name):
        return self.ctx.ServiceManager.createInstanceWithContext(name, self.ctx)

    def tool(self):
        return self.service("org.jixiao.EvaluationTool")

    def set_live_recompute(self, on):
        """Jixiao's 实时重算 option (Tools ▸ Options ▸ 绩效评价), as its options page stores it. It outlives the
        document: a test that turns it off turns it back on."""
        provider = self.service("com.sun.star.configuration.ConfigurationProvider")
        node = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                    props(nodepath="/org.jixiao.Jixiao.Options/Settings"))
        node.setPropertyValue("LiveRecompute", on)
        node.commitChanges()

    def settle(self):
        """Runs the office's main loop until it is idle, so every deferred callback already queued (a live
        recompute after an edit, an undo's notifications) has run: the way to assert that something did not
        happen, without sleeping and hoping."""
        self.service("com.sun.star.awt.Toolkit").processEventsToIdle()

    def new_document(self, kind="swriter", hidden=True):
        return self.desktop.loadComponentFromURL(f"private:factory/{kind}", "_blank", 0, props(Hidden=hidden))

    def load(self, path, hidden=True, read_only=False):
        return self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                                 props(Hidden=hidden, ReadOnly=read_only))


def test_document(name):
    """The generated test document `name` ("sample-report.docx": tests/data/docs/sample-report.json stored as
    .docx), built by a plain office through tests/data/make_documents.py when it is missing or older than its spec."""
    spec = os.path.join(DATA_SPECS, os.path.splitext(name)[0] + ".json")
    path = os.path.join(TEST_DATA, name)
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(spec):
        done = subprocess.run([sys.executable, MAKE_DOCUMENTS, "--out", TEST_DATA, spec], capture_output=True,
                              text=True, timeout=300)
        if done.returncode != 0 or not os.path.exists(path):
            raise RuntimeError(f"could not build {name} from {spec}:\n{done.stdout}\n{done.stderr}")
    return path


def sample_scorecard_json():
    """examples/sample-scorecard.json: the sample report's scoring and funding data, as importScorecard takes it."""
    with open(os.path.join(SOURCE_DIR, "examples", "sample-scorecard.json"), encoding="utf-8") as f:
        return f.read()


def copy_seed(name, directory):
    """A private copy of a generated test document (see test_document), so no test can change the original."""
    target = os.path.join(directory, name)
    shutil.copyfile(test_document(name), target)
    return target


class OfficeCase(unittest.TestCase):
    """The base of every office test (uno.* and ui.*): after each test — its tearDown and other cleanups done —
    the test fails when an office it may have used has died, with the office's crash report. A death the
    test's own calls already ran into ("Binary URP bridge disposed during call") is failed with its reason too."""

    def run(self, result=None):
        # Added first, so it runs last of the cleanups (they run in reverse), after tearDown.
        self.addCleanup(self.check_offices)
        return super().run(result)

    def check_offices(self):
        for office in list(RUNNING):
            office.check_alive(f"during {self.id()}")


class SampleReportCase(OfficeCase):
    """Each test gets the sample report freshly opened (self.doc, closed unsaved after it) from a private copy
    made once for the class, and the EvaluationTool (self.tool). A subclass sets `office`, its module's Office."""
    office = None

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="jixiao-sample-")
        cls.path = copy_seed("sample-report.docx", cls.dir)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def setUp(self):
        self.tool = self.office.tool()
        self.doc = self.office.load(self.path)

    def tearDown(self):
        self.doc.close(True)


def body_paragraphs(doc):
    """A Writer document's top-level paragraphs (tables skipped), in the order Jixiao numbers them."""
    items = doc.Text.createEnumeration()
    result = []
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService("com.sun.star.text.Paragraph"):
            result.append(item)
    return result


def writer_cells(table):
    """Every cell of a Writer table by name → text (merged cells included: names from getCellNames)."""
    return {name: table.getCellByName(name).getString() for name in table.getCellNames()}


# ---------------------------------------------------------------- document state, to prove nothing changed

def cell_name(column, row):
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row + 1}"


def snapshot(doc):
    """Every paragraph and every table cell of a Writer document, or every cell formula of a Calc document."""
    state = {}
    if doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        for sheet in doc.Sheets:
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.RangeAddress
            rows = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getFormulaArray()
            for r, row in enumerate(rows):
                for c, formula in enumerate(row):
                    state[(sheet.Name, cell_name(c, r))] = formula
        return state
    for i, paragraph in enumerate(doc.Text):
        if paragraph.supportsService("com.sun.star.text.Paragraph"):
            state[("¶", i)] = paragraph.getString()
    for name in doc.TextTables.getElementNames():
        table = doc.TextTables.getByName(name)
        names = table.getCellNames()
        try:  # one call for a plain table; a table with merged cells refuses ("Table too complex") …
            rows = table.getDataArray()
            # … or gives as many columns as its first row has cells, missing the rest: cell by cell then
            if sum(len(row) for row in rows) != len(names):
                raise ValueError("merged cells")
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    state[(name, cell_name(c, r))] = text
        except Exception:
            for cell in names:
                state[(name, cell)] = table.getCellByName(cell).getString()
    return state


def changes(before, after):
    keys = set(before) | set(after)
    return {key: after.get(key) for key in keys if before.get(key) != after.get(key)}


def set_option(office, name, value):
    """Writes one of Jixiao's options (registry/Options.xcs) through the configuration, as the options page or
    an administrator does; the running office takes it at once."""
    settings = office.service("com.sun.star.configuration.ConfigurationProvider").createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (props(nodepath="/org.jixiao.Jixiao.Options/Settings")[0],))
    settings.setPropertyValue(name, value)
    settings.commitChanges()


def wait_until(predicate, timeout=10.0, step=0.02):
    """Polls until `predicate()` is true (deferred work such as live recompute runs on the office's main loop)
    and returns what it returned (the control found, the matching item), or its last falsy value at the
    timeout. The one wait of the tests: every wait is for a condition."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


class ApproveAll(unohelper.Base, XInteractionHandler, XProgressHandler, XCommandEnvironment):
    """A command environment for the extension manager that accepts the licence, as a user clicking 接受 would."""

    def handle(self, request):
        for continuation in request.getContinuations():
            if continuation.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionApprove")):
                continuation.select()
                return

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return self

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


if __name__ == "__main__":
    if sys.argv[1:] == ["--preflight"]:
        reason = preflight()
        print(reason or "office tests: soffice, unopkg and the unprivileged user are ready")
        sys.exit(1 if reason else 0)
