"""Saving is not editing (soffice on a private Xvfb, the extension installed): a report stored as .odt, its prose
checked by 校验, saved with a real Ctrl+S, keeps the deck's count of a checked prose — no "（正文未校验）" — and
starts no live run. Nor is a modify event that changes no text (Writer's own idle work on a modified document,
setModified): the prose stays checked until a real key changes it. Every wait is a wait for a condition: the
summary, the save's end, then the office idle."""
import os
import re
import shutil
import tempfile
import unittest

import uno
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON

from office import Office, OfficeCase, copy_seed, props, wait_until
from ui_helpers import click, find, focus_document, open_deck, summary_text, type_keys

office = Office(headless=False, sal_log="+WARN+INFO.jixiao")


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


def live_runs():
    """How many live runs the office's log shows so far (document_controller.cpp logs each one)."""
    return office.output().count("live run begins")


class SaveIsNotAnEditTest(OfficeCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jixiao-ui-save-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)
        # The sample report stored as .odt: Ctrl+S then saves without asking about the format.
        source = office.load(copy_seed("sample-report.docx", self.dir))
        self.path = os.path.join(self.dir, "report.odt")
        source.storeToURL(uno.systemPathToFileUrl(self.path), props(FilterName="writer8"))
        source.close(True)

    def test_ctrl_s_keeps_the_prose_checked_and_starts_no_live_run(self):
        doc, window = open_deck(office, "swriter", office.load(self.path, hidden=False))
        self.addCleanup(doc.close, True)
        summary = lambda: summary_text(window) or ""  # noqa: E731
        self.assertTrue(wait_until(lambda: re.search(r"待处理问题 \d+ 个", summary()), timeout=30), summary())
        # Something to save: the document marked modified, then its prose checked by 校验, as a user does
        # before saving.
        doc.setModified(True)
        office.settle()
        click(office.display, wait_until(lambda: find(window, "校验", PUSH_BUTTON), timeout=20))
        self.assertTrue(wait_until(lambda: re.search(r"待处理问题 \d+ 个", summary()) and "正文未校验" not in summary(),
                                   timeout=30), summary())
        office.settle()
        self.assertNotIn("正文未校验", summary())
        self.assertTrue(doc.isModified())
        runs = live_runs()

        focus_document(doc, office.display)
        type_keys(office.display, "ctrl+s")
        self.assertTrue(wait_until(lambda: not doc.isModified(), timeout=30), "Ctrl+S did not save")
        office.settle()  # what the save's modify event posted (a live run, the deck's update) has run
        self.assertNotIn("正文未校验", summary())
        self.assertEqual(live_runs(), runs, "the save started a live run")
        self.assertTrue(os.path.getsize(self.path) > 0)


    def test_a_modify_event_that_changes_no_text_keeps_the_prose_checked(self):
        doc, window = open_deck(office, "swriter", office.load(self.path, hidden=False))
        self.addCleanup(doc.close, True)
        summary = lambda: summary_text(window) or ""  # noqa: E731
        self.assertTrue(wait_until(lambda: re.search(r"待处理问题 \d+ 个", summary()), timeout=30), summary())
        click(office.display, wait_until(lambda: find(window, "校验", PUSH_BUTTON), timeout=20))
        self.assertTrue(wait_until(lambda: re.search(r"待处理问题 \d+ 个", summary()) and "正文未校验" not in summary(),
                                   timeout=30), summary())
        office.settle()
        runs = live_runs()
        # What Writer's idle work does to a modified document: modify events, no text changed.
        doc.setModified(False)
        doc.setModified(True)
        office.settle()  # the live run the events scheduled has run
        self.assertGreater(live_runs(), runs, "the modify events started no live run: the test shows nothing")
        self.assertNotIn("正文未校验", summary())
        # A real key in the prose still makes it unchecked.
        doc.CurrentController.getViewCursor().gotoStart(False)
        focus_document(doc, office.display)
        type_keys(office.display, "x")
        self.assertTrue(wait_until(lambda: "正文未校验" in summary(), timeout=20), summary())


if __name__ == "__main__":
    unittest.main()
