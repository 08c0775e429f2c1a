"""jixiao-batch --annotate DIR: an annotated copy of each report with findings, in its own format (.doc and .xls
as .docx and .xlsx), whose comments a plain office (no Jixiao) reads back at their places; the sources stay
byte for byte as they were; a name taken in DIR, or a link planted there, is never written through."""
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import uno

from comment_helpers import AUTHOR, calc_comments, writer_comments
from office import Office, OfficeCase, copy_seed, props

BATCH = os.environ.get("JIXIAO_BATCH", "")
work = None
plain = Office(install=False)  # reads the copies as any LibreOffice would, without Jixiao

# name in the corpus → name of its annotated copy (None: no findings, no copy)
CORPUS = {
    "layout-national2020-defects.docx": "layout-national2020-defects.docx",
    "sample-report.docx": "sample-report-2.docx",  # sample-report.docx is taken in DIR before the run
    "layout-writer-formula-wrong.odt": "layout-writer-formula-wrong-2.odt",  # a planted link there
    "layout-calc-subtotal-wrong.xlsx": "layout-calc-subtotal-wrong.xlsx",
    "layout-calc-subtotal-wrong.ods": "layout-calc-subtotal-wrong.ods",
    "defects-legacy.doc": "defects-legacy.docx",
    "subtotal-legacy.xls": "subtotal-legacy.xlsx",
    "layout-national2020.odt": None,
}


def checksum(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def setUpModule():
    global work
    if not (BATCH and os.path.exists(BATCH)):
        raise unittest.SkipTest(f"JIXIAO_BATCH does not name the built jixiao-batch: {BATCH!r}")
    work = tempfile.mkdtemp(prefix="jixiao-annotate-")
    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus)
    for name in CORPUS:
        if not name.endswith("-legacy.doc") and not name.endswith("-legacy.xls"):
            copy_seed(name, corpus)
    plain.start()
    # The binary formats, made by a plain office from the generated documents.
    for source, target, filter_name in (("layout-national2020-defects.docx", "defects-legacy.doc", "MS Word 97"),
                                        ("layout-calc-subtotal-wrong.xlsx", "subtotal-legacy.xls", "MS Excel 97")):
        doc = plain.load(os.path.join(corpus, source))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.join(corpus, target)), props(FilterName=filter_name))
        doc.close(True)


def tearDownModule():
    plain.stop()
    if work:
        shutil.rmtree(work, ignore_errors=True)


class BatchAnnotateTest(OfficeCase):
    @classmethod
    def setUpClass(cls):
        corpus = os.path.join(work, "corpus")
        cls.out = os.path.join(work, "annotated")
        os.makedirs(cls.out)
        with open(os.path.join(cls.out, "sample-report.docx"), "w") as f:
            f.write("the reviewer's own file\n")
        cls.victim = os.path.join(work, "victim.txt")
        with open(cls.victim, "w") as f:
            f.write("never written through a link\n")
        os.symlink(cls.victim, os.path.join(cls.out, "layout-writer-formula-wrong.odt"))
        cls.before = {name: checksum(os.path.join(corpus, name)) for name in CORPUS}
        cls.batch = subprocess.run([BATCH, "--annotate", cls.out, "--format", "json", "--jobs", "2", corpus],
                                 capture_output=True, text=True, timeout=600)
        cls.summary = json.loads(cls.batch.stdout)
        cls.files = {os.path.basename(f["file"]): f for f in cls.summary["files"]}

    def test_the_sources_are_untouched(self):
        corpus = os.path.join(work, "corpus")
        self.assertEqual({name: checksum(os.path.join(corpus, name)) for name in CORPUS}, self.before)
        self.assertEqual(sorted(os.listdir(corpus)), sorted(CORPUS))  # no lock file, no copy left there

    def test_each_report_with_findings_gets_its_copy_and_nothing_is_overwritten(self):
        self.assertEqual(self.batch.returncode, 1, self.batch.stderr)
        expected = {copy for copy in CORPUS.values() if copy}
        self.assertEqual(set(os.listdir(self.out)),
                         expected | {"sample-report.docx", "layout-writer-formula-wrong.odt"})
        for name, copy in CORPUS.items():
            entry = self.files[name]
            self.assertEqual(entry["status"], "checked", entry)
            if copy is None:
                self.assertNotIn("annotatedCopy", entry)
                continue
            self.assertEqual(os.path.basename(entry["annotatedCopy"]), copy)
            self.assertGreater(entry["commentsAdded"], 0)
        with open(os.path.join(self.out, "sample-report.docx")) as f:
            self.assertEqual(f.read(), "the reviewer's own file\n")
        self.assertTrue(os.path.islink(os.path.join(self.out, "layout-writer-formula-wrong.odt")))
        with open(self.victim) as f:
            self.assertEqual(f.read(), "never written through a link\n")

    def test_the_summary_says_which_copies_changed_format(self):
        self.assertEqual(self.files["defects-legacy.doc"]["convertedFrom"], ".doc")
        self.assertEqual(self.files["subtotal-legacy.xls"]["convertedFrom"], ".xls")
        self.assertNotIn("convertedFrom", self.files["layout-national2020-defects.docx"])
        text = subprocess.run([BATCH, "--annotate", os.path.join(work, "again"),
                               os.path.join(work, "corpus", "defects-legacy.doc")],
                              capture_output=True, text=True, timeout=300).stdout
        self.assertIn(".doc 已转换为 .docx", text)
        self.assertIn("defects-legacy.docx", text)

    def test_a_plain_office_shows_every_comment_at_its_finding(self):
        for name, copy in CORPUS.items():
            if copy is None:
                continue
            with self.subTest(name):
                entry = self.files[name]
                # A paragraph's place is worded in the office's language (the batch's is zh-CN): "段落 12".
                places = {f["location"].replace("段落 ", "¶") for f in entry["findings"]
                          if f["severity"] in ("error", "warning")}
                doc = plain.load(os.path.join(self.out, copy))
                try:
                    if copy.endswith((".docx", ".odt")):
                        comments = writer_comments(doc)
                        self.assertTrue(all(author == AUTHOR for _, author, _ in comments), comments)
                    else:
                        comments = calc_comments(doc)
                    self.assertEqual({place for place, _, _ in comments}, places)
                    self.assertEqual(len(comments), entry["commentsAdded"])
                    messages = "\n".join(content for _, _, content in comments)
                    for f in entry["findings"]:
                        if f["severity"] in ("error", "warning"):
                            self.assertIn(f["message"], messages)
                finally:
                    doc.close(True)


if __name__ == "__main__":
    unittest.main()
