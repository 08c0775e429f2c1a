"""Opening a .docx with the 绩效评价 deck leaves it as it was (soffice on a private Xvfb, the extension installed):
after the deck's open-time validation and the office's own idle work on a document just laid out in a view
(Writer's document statistics, which it tells modify listeners of while leaving the document unmodified), the
document is still unmodified — no save prompt on close — and the deck's count is of a checked prose, without
"（正文未校验）". Every wait is a wait for a condition: the summary showing a count, then the office idle."""
import re
import shutil
import tempfile
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
import unohelper
from com.sun.star.util import XModifyListener

from office import Office, OfficeCase, copy_seed, wait_until
from ui_helpers import open_deck, summary_text

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


class ModifyEvents(unohelper.Base, XModifyListener):
    """Counts the document's modify events: the office does send some while opening, so the test's
    assertions are about Jixiao not taking them for edits, not about their absence."""

    def __init__(self):
        self.count = 0

    def modified(self, event):
        self.count += 1

    def disposing(self, event):
        pass


class OpenUnmodifiedTest(OfficeCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jixiao-ui-open-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def open_and_settle(self, name):
        doc = office.load(copy_seed(name, self.dir), hidden=False)
        events = ModifyEvents()
        doc.addModifyListener(events)
        self.assertFalse(doc.isModified(), f"{name}: modified by the import itself")
        doc, window = open_deck(office, "swriter", doc)
        self.addCleanup(doc.close, True)
        summary = lambda: summary_text(window) or ""  # noqa: E731
        self.assertTrue(wait_until(lambda: re.search(r"待处理问题 \d+ 个", summary()), timeout=30), summary())
        office.settle()  # the live run any modify event posted, and Writer's idle work, have run
        return doc, summary(), events

    def test_the_sample_report_stays_unmodified_and_its_prose_checked(self):
        doc, summary, events = self.open_and_settle("sample-report.docx")
        self.assertGreater(events.count, 0, "the office sent no modify event: this test proves nothing here")
        self.assertFalse(doc.isModified(), summary)
        self.assertNotIn("正文未校验", summary)

    def test_a_table_with_findings_is_not_rewritten_on_open(self):
        # A live run writes into the national 2020 table (its derived cells differ from what Jixiao computes):
        # opening it is not an edit, so no live run rewrites them behind the user's back — the 重算 button
        # and the user's first edit still do.
        doc, summary, _ = self.open_and_settle("layout-national2020.docx")
        self.assertFalse(doc.isModified(), summary)
        self.assertNotIn("正文未校验", summary)

    def test_an_edit_after_opening_still_counts(self):
        # The filter must not swallow real edits: typing into the prose after the open makes the prose
        # unchecked again and the document modified.
        doc, summary, _ = self.open_and_settle("sample-report.docx")
        self.assertNotIn("正文未校验", summary)
        doc.Text.getEnd().setString("新增一段文字。")
        window = doc.CurrentController.Frame.ContainerWindow
        self.assertTrue(doc.isModified())
        self.assertTrue(wait_until(lambda: "正文未校验" in (summary_text(window) or ""), timeout=20),
                        summary_text(window))


if __name__ == "__main__":
    unittest.main()
