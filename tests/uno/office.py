"""A real LibreOffice for tests: a private profile with the freshly built Jixiao .oxt installed by unopkg,
one soffice process in its own process group, and a UNO connection over a socket on 127.0.0.1.

The office is always shut down — by terminate(), then by killing its process group — when the tests end,
fail or crash, so no soffice outlives a test run and no stale profile lock is left behind.
"""
import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
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


def install_extension(profile, oxt):
    """unopkg refuses to run as root without --shared, so as root it runs as nobody in a profile nobody owns; the
    profile goes back to us afterwards (soffice under X cannot open the display from a profile it does not own).
    A normal user (tests/matrix/run.sh in its chroots) runs it as itself."""
    if os.getuid() != 0:
        done = subprocess.run(["env", "-u", "DISPLAY", UNOPKG, "add", "-s", "-v",
                               f"-env:UserInstallation=file://{profile}", oxt],
                              capture_output=True, text=True, timeout=600, start_new_session=True)
        if done.returncode != 0:
            raise RuntimeError(f"unopkg add failed ({done.returncode}): {done.stdout}\n{done.stderr}")
        return done
    chown_tree(profile, NOBODY, NOBODY)
    # No DISPLAY: unopkg needs no window, and nobody may not read the X server's cookie.
    cmd = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "env", "-u", "DISPLAY", f"HOME={profile}",
           UNOPKG, "add", "-s", "-v", f"-env:UserInstallation=file://{profile}", oxt]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, start_new_session=True)
    chown_tree(profile, os.getuid(), os.getgid())
    if done.returncode != 0:
        raise RuntimeError(f"unopkg add failed ({done.returncode}): {done.stdout}\n{done.stderr}")
    return done


class VirtualDisplay:
    """A private Xvfb on the first free display number (-displayfd tells which, once it is ready)."""

    def __init__(self, size="1400x900x24"):
        self.size = size
        self.process = None
        self.display = None

    def start(self):
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", self.size, "-nolisten", "tcp", "-ac"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(write_end)
        with os.fdopen(read_end) as ready:
            number = ready.readline().strip()
        if not number:
            self.stop()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        return self.display

    def stop(self):
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            self.process = None


class Office:
    """One soffice for a test module. Use start()/stop() or `with Office() as office:`."""

    def __init__(self, headless=True, locale="zh-CN", install=True, profile=None, sal_log=None):
        self.headless = headless
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
        env = dict(os.environ)
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
        atexit.register(self.stop)
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
                    with open(self.log, encoding="utf-8", errors="replace") as f:
                        output = f.read()[-3000:]
                    self.stop()
                    raise RuntimeError(f"soffice did not accept a UNO connection; it said:\n{output}")
                time.sleep(0.1)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
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
        if self.process is None:
            return
        self.report_if_gone()
        try:
            if self.desktop is not None and self.process.poll() is None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge dies with the office: that is the point
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self.process = None
        self.desktop = None
        if self.xvfb is not None:
            self.xvfb.stop()
            self.xvfb = None
        self.ctx = None
        if self.profile and not self.keep_profile:
            shutil.rmtree(self.profile, ignore_errors=True)
        self.profile = None

    def report_if_gone(self):
        """An office that ended by itself (a crash: "Binary URP bridge disposed during call" in the test) is
        reported on stderr with how it ended and the end of its own output, which goes with its profile."""
        code = self.process.poll() if self.process is not None else None
        if code is None:
            return
        how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                tail = f.read()[-4000:]
        except OSError:
            tail = "(no log)"
        sys.stderr.write(f"\n[office] soffice (pid {self.process.pid}) had already ended, by {how}, before the "
                         f"test stopped it; the end of its output:\n{tail}\n")

    # Helpers for tests.
    @property
    def display(self):
        return self.xvfb.display if self.xvfb else os.environ.get("DISPLAY")

    def service(self, name):
        return self.ctx.ServiceManager.createInstanceWithContext(name, self.ctx)

    def tool(self):
        return self.service("org.jixiao.EvaluationTool")

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


def copy_seed(name, directory):
    """A private copy of a generated test document (see test_document), so no test can change the original."""
    target = os.path.join(directory, name)
    shutil.copyfile(test_document(name), target)
    return target


class SampleReportCase(unittest.TestCase):
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
        try:  # one call for a plain table; a table with merged cells refuses ("Table too complex")
            for r, row in enumerate(table.getDataArray()):
                for c, text in enumerate(row):
                    state[(name, cell_name(c, r))] = text
        except Exception:
            for cell in table.getCellNames():
                state[(name, cell)] = table.getCellByName(cell).getString()
    return state


def changes(before, after):
    keys = set(before) | set(after)
    return {key: after.get(key) for key in keys if before.get(key) != after.get(key)}


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
