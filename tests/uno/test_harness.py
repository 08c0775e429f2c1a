"""The harness itself (office.py): an office that dies fails the test it died in, with its crash report, and never
passes by accident; every office test uses that one mechanism; and the extension installs when the checkout is
where the unprivileged user cannot enter (a clone in /root, a 0700 `mktemp -d` folder)."""
import ast
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

import office as office_module

HERE = os.path.dirname(os.path.abspath(__file__))

# A test module run in a child process, one office for the module as every office test has. Its tests kill
# the office the way a crash does: SIGABRT to soffice.bin, whose own handler then prints "Fatal exception:
# Signal 6" and the stack, as in issue 25.
CHILD = textwrap.dedent('''
    import os
    import signal
    import threading
    import unittest

    from office import Office, OfficeCase, wait_until

    office = Office(install=False)


    def setUpModule():
        office.start()


    def tearDownModule():
        office.stop()


    def abort_office():
        os.kill(office.office_pid(), signal.SIGABRT)
        assert wait_until(lambda: office.process.poll() is not None, timeout=60), "soffice outlived SIGABRT"


    class Healthy(OfficeCase):
        def test_a_document(self):
            office.new_document("swriter").close(True)


    class DiesInATest(OfficeCase):
        def test_a_before(self):
            office.new_document("swriter").close(True)

        def test_b_office_aborts_and_the_test_asks_nothing_more(self):
            office.new_document("swriter")
            abort_office()

        def test_c_after(self):
            office.new_document("swriter").close(True)


    class DiesBeforeItsLauncherEnds(OfficeCase):
        def test_office_aborts_while_its_launcher_lags(self):
            # The launcher (oosplash, the process the harness started) still runs when the test ends, as when
            # it is slow to reap soffice.bin on a loaded machine; the dead soffice.bin must be seen anyway.
            launcher = office.process.pid
            os.kill(launcher, signal.SIGSTOP)
            threading.Timer(2, os.kill, (launcher, signal.SIGCONT)).start()
            pid = office.office_pid()
            os.kill(pid, signal.SIGABRT)
            assert wait_until(lambda: office.bin_gone(), timeout=60), "soffice.bin outlived SIGABRT"


    class DiesAfterTheTests(OfficeCase):
        @classmethod
        def tearDownClass(cls):
            abort_office()

        def test_a_document(self):
            office.new_document("swriter").close(True)


    class CrashingDesktop:
        """The office's desktop, whose terminate() ends in a crash, as a shutdown that crashes would."""

        def __init__(self, desktop):
            self.Components = desktop.Components

        def terminate(self):
            os.kill(office.office_pid(), signal.SIGABRT)


    class CrashesWhenTerminated(OfficeCase):
        def test_shutdown_sees_the_office_crash(self):
            office.desktop = CrashingDesktop(office.desktop)
            office.shutdown()
''')


def run_child(directory, case):
    done = subprocess.run([sys.executable, "-m", "unittest", "-v", f"child.{case}"], cwd=directory,
                          capture_output=True, text=True, timeout=240,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join([HERE, directory])))
    return done.returncode, done.stdout + done.stderr


class DeadOfficeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="jixiao-harness-")
        with open(os.path.join(cls.dir, "child.py"), "w", encoding="utf-8") as f:
            f.write(CHILD)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def assertCrashReported(self, output):
        self.assertIn("SIGABRT", output)
        self.assertIn("Fatal exception: Signal 6", output, "the office's own crash report is missing")

    def test_a_healthy_office_passes(self):
        code, output = run_child(self.dir, "Healthy")
        self.assertEqual(code, 0, output)
        self.assertIn("OK", output)

    def test_an_office_aborted_in_a_test_fails_that_test_with_its_crash_report(self):
        code, output = run_child(self.dir, "DiesInATest")
        self.assertNotEqual(code, 0, output)
        self.assertRegex(output, r"test_a_before \(child\.DiesInATest\.test_a_before\) \.\.\. ok", output)
        self.assertRegex(output, r"FAIL: test_b_office_aborts_and_the_test_asks_nothing_more", output)
        self.assertCrashReported(output)
        self.assertIn("died by exit code 134 (soffice.bin killed by signal SIGABRT) during "
                      "child.DiesInATest.test_b_office_aborts_and_the_test_asks_nothing_more", output)
        # The next test fails on its own call; the death is reported once, where it happened.
        self.assertRegex(output, r"ERROR: test_c_after", output)
        self.assertEqual(output.count("Fatal exception: Signal 6"), 1, output)

    def test_an_office_dead_before_its_launcher_exits_fails_the_test(self):
        code, output = run_child(self.dir, "DiesBeforeItsLauncherEnds")
        self.assertNotEqual(code, 0, output)
        self.assertRegex(output, r"FAIL: test_office_aborts_while_its_launcher_lags", output)
        self.assertIn("during child.DiesBeforeItsLauncherEnds.test_office_aborts_while_its_launcher_lags", output)
        self.assertCrashReported(output)

    def test_an_office_dead_before_the_end_of_the_module_fails_the_run(self):
        code, output = run_child(self.dir, "DiesAfterTheTests")
        self.assertNotEqual(code, 0, output)
        self.assertRegex(output, r"ERROR: tearDownModule \(child\)", output)
        self.assertIn("before the harness stopped it", output)
        self.assertCrashReported(output)

    def test_a_test_that_ends_the_office_fails_when_it_does_not_exit_cleanly(self):
        code, output = run_child(self.dir, "CrashesWhenTerminated")
        self.assertNotEqual(code, 0, output)
        self.assertRegex(output, r"FAIL: test_shutdown_sees_the_office_crash", output)
        self.assertIn("ended by exit code 134 (soffice.bin killed by signal SIGABRT) when terminated", output)
        self.assertCrashReported(output)


class EveryOfficeTestUsesTheMechanismTest(unittest.TestCase):
    def test_every_test_class_of_a_module_with_an_office_derives_from_office_case(self):
        plain = []
        for path in sorted(glob.glob(os.path.join(HERE, "test_*.py"))):
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read())
            uses_office = any(isinstance(node, ast.ImportFrom) and node.module == "office"
                              and any(alias.name == "Office" for alias in node.names) for node in tree.body)
            for node in tree.body:
                if uses_office and isinstance(node, ast.ClassDef):
                    bases = [ast.unparse(base) for base in node.bases]
                    if "unittest.TestCase" in bases or "TestCase" in bases:
                        plain.append(f"{os.path.basename(path)}: {node.name}")
        self.assertEqual(plain, [], "office tests that would pass with a dead office: derive them from OfficeCase")

    def test_no_test_asks_the_toolkit_for_its_top_windows(self):
        # Toolkit.getTopWindow asked while the office's main thread built a dialog made soffice abort in CI: the
        # tests see top windows open and close through top_windows.TopWindowWatch, the toolkit's own events.
        asking = []
        for path in sorted(glob.glob(os.path.join(HERE, "*.py"))):
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read())
            asking += [f"{os.path.basename(path)}:{node.lineno}" for node in ast.walk(tree)
                       if isinstance(node, ast.Attribute) and node.attr in ("getTopWindow", "getTopWindowCount")]
        self.assertEqual(asking, [], "use top_windows.TopWindowWatch instead")


@unittest.skipUnless(os.geteuid() == 0, "only root runs unopkg as nobody")
class UnreachableCheckoutTest(unittest.TestCase):
    """A checkout nobody cannot enter, as a clone in /root: the .oxt and the working directory are in a 0700
    folder; the extension still installs (unopkg runs as nobody) and the office serves it."""

    def test_the_extension_installs_from_a_folder_nobody_cannot_enter(self):
        self.assertTrue(office_module.OXT, "JIXIAO_OXT is not set")
        private = tempfile.mkdtemp(prefix="jixiao-private-")  # 0700, root's
        self.addCleanup(shutil.rmtree, private, True)
        oxt = shutil.copy(office_module.OXT, private)
        script = ("from office import Office\n"
                  "with Office() as office:\n"
                  "    assert office.tool() is not None, 'no EvaluationTool'\n"
                  "print('served')\n")
        done = subprocess.run([sys.executable, "-c", script], cwd=private, capture_output=True, text=True,
                              timeout=240, env=dict(os.environ, JIXIAO_OXT=oxt, PYTHONPATH=HERE))
        self.assertEqual((done.returncode, done.stdout.strip()), (0, "served"), done.stdout + done.stderr)


if __name__ == "__main__":
    unittest.main()
