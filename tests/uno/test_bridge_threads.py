"""EvaluationTool called by macros on several UNO bridge threads at once, while the office's main thread runs
live recompute and documents close underneath: the document → controller registry and the controllers' state
are shared by all of them (src/uno/live/document_controller.hpp)."""
import os
import re
import threading
import unittest

from office import Office, OfficeCase, SOURCE_DIR, wait_until

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def full_scores(table):
    for row in range(2, 23):
        table.getCellByName(f"G{row}").setString(table.getCellByName(f"F{row}").getString())


class BridgeThreadsTest(OfficeCase):
    def test_macros_on_many_threads_and_closing_documents_do_not_race(self):
        tool = office.tool()
        docs = []
        for _ in range(3):
            doc = office.new_document("swriter")
            full_scores(doc.TextTables.getByName(tool.insertScoreTable(doc, "county-project")))
            docs.append(doc)
        failures = []
        start = threading.Barrier(5)

        def caller(worker):
            # Python-UNO gives each calling thread its own thread in the office.
            start.wait()
            for i in range(15):
                doc = docs[(worker + i) % len(docs)]
                try:
                    tool.recompute(doc)
                    tool.validate(doc)
                    doc.TextTables.getByIndex(0).getCellByName("G19").setString(str(i % 7))
                except Exception as e:
                    # A document closed under the call may refuse it; anything else is a failure.
                    if doc not in closed:
                        failures.append(f"worker {worker}: {type(e).__name__}: {e}")

        closed = []
        threads = [threading.Thread(target=caller, args=(w,)) for w in range(4)]
        for thread in threads:
            thread.start()
        start.wait()
        closed.append(docs[0])
        docs[0].close(True)  # the main thread disposes a document (and its controller) meanwhile
        for thread in threads:
            thread.join(timeout=240)
        self.assertFalse(any(thread.is_alive() for thread in threads), "a call never returned (deadlock?)")
        self.assertEqual(failures, [])
        office.check_alive()  # else this fails here, with the office's crash report
        # A macro holding a closed document is refused, and the office goes on.
        with self.assertRaises(Exception):
            tool.recompute(docs[0])
        office.check_alive()  # else this fails here, with the office's crash report

        # Every surviving document is still live: an edit is recomputed without any call.
        for doc in docs[1:]:
            table = doc.TextTables.getByIndex(0)
            full_scores(table)
            table.getCellByName("G19").setString("3")  # 经济效益 6 → 3
            self.assertTrue(wait_until(lambda: table.getCellByName("C23").getString() == "97", timeout=30),
                            table.getCellByName("C23").getString())
            doc.close(True)


class ApiCallsHoldLiveRunsBackTest(OfficeCase):
    """A macro's call makes many calls into the office, each taking the SolarMutex on its own; a live run posted
    by its first edit must not get the office in between (it would read a half-built table, write into it and
    lock the undo manager inside the macro's undo step). The office's own log shows the order: the controller
    writes "API call begins/ends" and "live run begins/ends" under SAL_LOG=+INFO.jixiao."""

    def test_no_live_run_runs_inside_a_macros_call(self):
        with open(os.path.join(SOURCE_DIR, "examples", "sample-scorecard.json"), encoding="utf-8") as f:
            scorecard = f.read()
        with Office(sal_log="+WARN+INFO.jixiao") as traced:
            tool = traced.tool()
            for hidden in (True, False):
                doc = traced.new_document("swriter", hidden=hidden)
                try:
                    tool.importScorecard(doc, scorecard)  # a table built cell by cell: an edit each
                    table = doc.TextTables.getByIndex(0)
                    table.getCellByName("G3").setString("1")  # an edit of the macro's own, then a call
                    tool.recompute(doc)
                    tool.insertSection(doc, "conclusion")
                    traced.settle()
                finally:
                    doc.close(True)
            with open(traced.log, encoding="utf-8", errors="replace") as f:
                events = re.findall(r"(API call|live run) (begins|ends)", f.read())
        self.assertIn(("live run", "begins"), events, "no live run at all: the log shows nothing to judge")
        calls = 0
        inside = []
        for index, (what, edge) in enumerate(events):
            if what == "API call":
                calls += 1 if edge == "begins" else -1
            elif edge == "begins" and calls > 0:
                inside.append(index)
        self.assertEqual(calls, 0, "an API call that never ended")
        self.assertEqual(inside, [], f"{len(inside)} live runs inside an API call, first at events {inside[:5]} of {len(events)}")


if __name__ == "__main__":
    unittest.main()
