"""添加为批注 in the deck, as a reviewer uses it: soffice under Xvfb, the button found through the accessibility
tree and pressed, the findings shown as comments in the margin (screenshot kept as a test artefact)."""
import shutil
import tempfile
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON

from comment_helpers import AUTHOR, writer_comments
from office import Office, OfficeCase, copy_seed, wait_until
from ui_helpers import find, open_deck, screenshot, status_text

office = Office(headless=False)


def setUpModule():
    office.start()  # on a private Xvfb


def tearDownModule():
    office.stop()


class CommentsButtonTest(OfficeCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jixiao-ui-comments-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_the_button_puts_the_findings_in_the_margin(self):
        doc = office.load(copy_seed("layout-national2020-defects.docx", self.dir), hidden=False)
        try:
            tool = office.tool()
            tool.recompute(doc)  # what the open deck's live recompute does anyway
            office.settle()
            table = doc.TextTables.getByName("表格1")
            for cell in ("H14", "H17"):  # two more reasons missing, so the margin shows several
                table.getCellByName(cell).setString("")
            doc, window = open_deck(office, "swriter", doc)
            button = wait_until(lambda: find(window, "添加为批注", PUSH_BUTTON), timeout=20)
            self.assertIsNotNone(button, "添加为批注 not found in the accessibility tree")
            button.doAccessibleAction(0)
            comments = wait_until(lambda: writer_comments(doc) if len(writer_comments(doc)) == 3 else None,
                                  timeout=20)
            self.assertIsNotNone(comments, writer_comments(doc))
            self.assertEqual([place for place, _, _ in comments], ["表格1.H12", "表格1.H14", "表格1.H17"])
            self.assertTrue(all(author == AUTHOR for _, author, _ in comments))
            self.assertTrue(wait_until(lambda: "3" in (status_text(window) or "")), status_text(window))
            doc.CurrentController.getViewCursor().gotoRange(table.getCellByName("H14").getStart(), False)
            office.settle()
            screenshot("writer-findings-as-comments.png", office.display)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
