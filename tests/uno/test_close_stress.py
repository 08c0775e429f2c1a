"""Documents closing, undone, redone and reloaded while macros on bridge threads and live recompute work on them
(issue 25): the office must survive every round and end cleanly. A Writer table read by one thread while another
closes its document aborted the office in SwTableBox::IsFormulaOrValueBox (docs/architecture.md, "Lifetime and
threads in the office"). Each round is short and many rounds run, so that a race that needs a lucky interleaving
meets one; JIXIAO_STRESS_ROUNDS overrides how many."""
import os
import signal
import subprocess
import threading
import unittest

import uno

from office import Office, OfficeCase, props, scratch_dir, wait_until

ROUNDS = int(os.environ.get("JIXIAO_STRESS_ROUNDS", "30"))
MACRO_THREADS = 3


class StressedOffice(Office):
    """An office whose clean exit the test checks itself (terminate, then its exit code)."""

    terminated_by_test = False

    def report_if_gone(self):
        if not self.terminated_by_test:
            super().report_if_gone()

    def terminate(self):
        self.terminated_by_test = True
        try:
            self.desktop.terminate()
        except Exception:
            pass  # the bridge may go down with the office before the call returns: its exit code says how
        return self.process.wait(timeout=60)


office = StressedOffice()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class Doc:
    """A document with a scoring table, and whether the test has begun to close it (a call on it may then be
    refused; on any other it is a failure)."""

    def __init__(self, tool, kind, visible=False):
        self.kind = kind
        self.model = office.new_document(kind, hidden=not visible)
        self.closing = False
        self.editable = True  # whether the macros edit it too
        tool.insertScoreTable(self.model, "county-project")
        self.fill()

    def cell(self, name):
        if self.kind == "swriter":
            return self.model.TextTables.getByIndex(0).getCellByName(name)
        return self.model.Sheets.getByIndex(0).getCellRangeByName(name)

    # The rows of the 21 scores and their weight column: Writer G2–G22 (F: 分值), Calc G3–G23 (title row first).
    def score_rows(self):
        return range(2, 23) if self.kind == "swriter" else range(3, 24)

    def fill(self):
        for row in self.score_rows():
            self.cell(f"G{row}").setString(self.cell(f"F{row}").getString())

    def edit(self, value):
        """A real edit through the API: its modify event posts a live run."""
        self.cell(f"G{self.score_rows()[17]}").setString(str(value))

    def close(self, how="close"):
        self.closing = True
        if how == "dispose":
            self.model.dispose()
        else:
            self.model.close(True)


def macro(tool, docs, stop, failures, worker):
    """What a macro on its own bridge thread does: recompute, validate and edit, round and round."""
    i = 0
    while not stop.is_set():
        doc = docs[(worker + i) % len(docs)]
        i += 1
        try:
            tool.recompute(doc.model)
            tool.validate(doc.model)
            if doc.editable:
                doc.edit(i % 7)
        except Exception as e:
            # A document being closed may refuse the call (DisposedException, IllegalArgumentException …);
            # anything else is a failure.
            if not doc.closing:
                failures.append(f"worker {worker}: {type(e).__name__}: {e}")


class CloseStressTest(OfficeCase):
    def setUp(self):
        self.tool = office.tool()
        self.dispatcher = office.service("com.sun.star.frame.DispatchHelper")
        self.saved = scratch_dir("jixiao-stress-")

    def tearDown(self):
        for name in os.listdir(self.saved):
            os.remove(os.path.join(self.saved, name))
        os.rmdir(self.saved)

    def alive(self, what):
        code = office.process.poll()
        if code is not None:
            how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
            with open(office.log, encoding="utf-8", errors="replace") as f:
                tail = f.read()[-3000:]
            self.fail(f"the office died ({how}) {what}; its output ends:\n{tail}")

    def reload(self, doc, round_):
        """Stores the document and reloads it in its frame (File ▸ Reload): the old model closes while the macros
        still call recompute and validate on it. Returns the reloaded document. (The macros do not edit it: a
        modified document would ask whether to discard the change, and headless the answer is no.)"""
        path = os.path.join(self.saved, f"round{round_}.{'odt' if doc.kind == 'swriter' else 'ods'}")
        doc.model.storeAsURL(uno.systemPathToFileUrl(path), props(Overwrite=True))
        frame = doc.model.getCurrentController().getFrame()
        old = doc.model
        doc.closing = True
        self.dispatcher.executeDispatch(frame, ".uno:Reload", "", 0, ())

        def reloaded():
            controller = frame.getController()
            model = controller.getModel() if controller is not None else None
            return model if model is not None and model != old else None

        self.assertTrue(wait_until(lambda: reloaded() is not None, timeout=60), "never reloaded")
        return reloaded()

    def round(self, round_, kind):
        # Visible (in a headless office): a view with its keystroke watch, as a user's; Reload needs one.
        docs = [Doc(self.tool, kind, visible=True), Doc(self.tool, kind), Doc(self.tool, kind, visible=True)]
        docs[2].editable = False
        office.settle()  # its table recomputed: the macros' recompute has nothing to write into it
        stop = threading.Event()
        failures = []
        workers = [threading.Thread(target=macro, args=(self.tool, docs, stop, failures, w), daemon=True)
                   for w in range(MACRO_THREADS)]
        for worker in workers:
            worker.start()
        try:
            reloaded = self.close_undo_reload(docs, round_)
        except Exception:
            # A call that failed because the office died: report the death, not the bridge it took along.
            try:
                office.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            self.alive(f"in round {round_} ({kind})")
            raise
        finally:
            stop.set()
            for worker in workers:
                worker.join(timeout=120)
        self.assertFalse(any(worker.is_alive() for worker in workers), "a macro's call never returned (deadlock?)")
        self.alive(f"in round {round_} ({kind})")
        self.assertEqual(failures, [], f"round {round_} ({kind})")
        # The reloaded document is still Jixiao's to work on.
        self.assertIsInstance(self.tool.recompute(reloaded), int)
        reloaded.close(True)
        self.alive(f"after round {round_} ({kind})")

    def close_undo_reload(self, docs, round_):
        # A user's Ctrl+W right after typing: closed while the live run of the edit is pending.
        docs[0].edit(3)
        docs[0].close()
        # Undo and redo with macro calls in between, then the document is disposed outright.
        undo = docs[1].model.UndoManager
        docs[1].edit(2)
        try:
            undo.undo()
            undo.redo()
        except Exception as e:  # the macros' edits came in between: nothing to undo or redo right now
            if "EmptyUndoStackException" not in type(e).__name__:
                raise
        docs[1].edit(5)
        docs[1].close("dispose")
        # Reloaded from disk while the macros still hold the old model.
        return self.reload(docs[2], round_)

    def test_documents_close_undo_redo_and_reload_under_macros_and_live_runs(self):
        for round_ in range(ROUNDS):
            self.round(round_, "swriter" if round_ % 2 == 0 else "scalc")
        # A closed document handed to the API is refused, and the office goes on.
        gone = Doc(self.tool, "swriter")
        gone.close()
        with self.assertRaises(Exception):
            self.tool.recompute(gone.model)
        self.alive("after a call on a closed document")
        self.assertEqual(office.terminate(), 0, "the office did not exit cleanly on terminate")


if __name__ == "__main__":
    unittest.main()
