"""Writer's body paragraphs read portion by portion (src/uno/host/writer_text_read.hpp) give what getString on the
paragraph gives: 校验 and the prose comparison after it read every paragraph, and getString costs an action of
the whole view per paragraph with a window. A document holding every kind of portion a report's paragraph can
hold is built through the API, and every built test document is read too; Jixiao's read comes from the
benchmark probe (bench/probe, Mode=texts), which compiles the same adapter code as the component."""
import glob
import os
import unittest

import uno
from com.sun.star.awt import Size
from com.sun.star.text.ControlCharacter import LINE_BREAK, PARAGRAPH_BREAK
from com.sun.star.text.TextContentAnchorType import AS_CHARACTER

import office as harness
from office import Office, OfficeCase

BENCH_OXT = os.environ.get("JIXIAO_BENCH_OXT", "")
office = Office()


def setUpModule():
    if not (BENCH_OXT and os.path.exists(BENCH_OXT)):
        raise unittest.SkipTest(f"JIXIAO_BENCH_OXT does not name the built jixiao-with-probe.oxt: {BENCH_OXT!r}")
    original = harness.OXT
    harness.OXT = BENCH_OXT  # Jixiao's own .oxt with the probe added
    try:
        office.start()
    finally:
        harness.OXT = original


def tearDownModule():
    office.stop()


def jixiao_texts(doc):
    """Jixiao's read of the document: its body paragraphs, and its tables' cells as {(table, cell): text}."""
    probe = office.service("org.jixiao.bench.Probe")
    args = []
    for name, value in (("Mode", "texts"), ("Document", doc)):
        nv = uno.createUnoStruct("com.sun.star.beans.NamedValue")
        nv.Name, nv.Value = name, value
        args.append(nv)
    result = {nv.Name: nv.Value for nv in probe.execute(tuple(args))}
    cells = {}
    for entry in result["cells"]:
        table, cell, text = entry.split("\x1f", 2)
        cells[(table, cell)] = text
    return list(result["paragraphs"]), cells


def jixiao_paragraphs(doc):
    return jixiao_texts(doc)[0]


def body_paragraphs(doc):
    """Top-level paragraphs as WriterHost counts them: tables skipped."""
    items = doc.getText().createEnumeration()
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService("com.sun.star.text.Paragraph"):
            yield item


def portion_types(paragraph):
    types = []
    portions = paragraph.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        kind = portion.TextPortionType
        types.append(kind + (portion.RedlineType if kind == "Redline" else ""))
    return types


class Builder:
    """Appends labelled paragraphs to a Writer document, each holding one kind of portion between two texts."""

    def __init__(self, doc):
        self.doc, self.text = doc, doc.getText()
        self.cursor = self.text.createTextCursor()
        self.labels = []

    def paragraph(self, label, build):
        self.labels.append(label)
        self.text.insertString(self.cursor, label + "：", False)
        build(self)
        self.text.insertString(self.cursor, "。", False)
        self.text.insertControlCharacter(self.cursor, PARAGRAPH_BREAK, False)

    def string(self, value):
        self.text.insertString(self.cursor, value, False)

    def content(self, service, around=None, name=None, absorb=False, **properties):
        """Inserts `service` at the cursor, or over the text `around` (a range: a comment's, a bookmark's; a
        comment takes its range only when it absorbs it)."""
        content = self.doc.createInstance(service)
        if name is not None:
            content.setName(name)
        for key, value in properties.items():
            content.setPropertyValue(key, value)
        if around is None:
            self.text.insertTextContent(self.cursor, content, False)
        else:
            start = self.cursor.getStart()
            self.string(around)
            span = self.text.createTextCursorByRange(start)
            span.gotoRange(self.cursor.getEnd(), True)
            self.text.insertTextContent(span, content, absorb)
            self.cursor.gotoEnd(False)
        return content

    def formatted(self, value, **properties):
        start = self.cursor.getStart()
        self.string(value)
        span = self.text.createTextCursorByRange(start)
        span.gotoRange(self.cursor.getEnd(), True)
        for key, value in properties.items():
            span.setPropertyValue(key, value)
        self.cursor.gotoEnd(False)


def build_every_portion(doc):
    doc.DocumentProperties.Title = "某项目绩效评价报告"
    b = Builder(doc)
    b.paragraph("页码", lambda b: b.content("com.sun.star.text.TextField.PageNumber", NumberingType=4,
                                           SubType=uno.Enum("com.sun.star.text.PageNumberType", "CURRENT")))
    b.paragraph("日期", lambda b: b.content(
        "com.sun.star.text.TextField.DateTime", IsFixed=True, IsDate=True,
        DateTimeValue=uno.createUnoStruct("com.sun.star.util.DateTime", 0, 0, 0, 0, 8, 12, 2025, False)))
    b.paragraph("文档信息", lambda b: b.content("com.sun.star.text.TextField.DocInfo.Title"))
    b.paragraph("引用标记", lambda b: b.content("com.sun.star.text.ReferenceMark", around="预算执行率", name="rate"))
    b.paragraph("交叉引用", lambda b: b.content("com.sun.star.text.TextField.GetReference", SourceName="rate",
                                              ReferenceFieldSource=0, ReferenceFieldPart=1))

    def note(service):
        def build(b):
            b.content(service).getText().setString("资料来源：财政局")
        return build
    b.paragraph("脚注", note("com.sun.star.text.Footnote"))
    b.paragraph("尾注", note("com.sun.star.text.Endnote"))
    b.paragraph("批注", lambda b: b.content("com.sun.star.text.TextField.Annotation", Content="请核对", Author="审核"))
    b.paragraph("批注范围", lambda b: b.content("com.sun.star.text.TextField.Annotation", around="98.6%",
                                              absorb=True, Content="数据来源？", Author="审核"))
    b.paragraph("书签", lambda b: b.content("com.sun.star.text.Bookmark", around="项目概况", name="overview"))
    b.paragraph("点书签", lambda b: b.content("com.sun.star.text.Bookmark", name="point"))
    b.paragraph("索引标记", lambda b: b.content("com.sun.star.text.DocumentIndexMark", AlternativeText="绩效"))

    def frame(b):
        content = b.doc.createInstance("com.sun.star.text.TextFrame")
        content.AnchorType = AS_CHARACTER
        content.setSize(Size(2000, 800))
        b.text.insertTextContent(b.cursor, content, False)
        content.getText().setString("框中文字")

    def shape(b):
        content = b.doc.createInstance("com.sun.star.drawing.RectangleShape")
        content.AnchorType = AS_CHARACTER
        content.setSize(Size(800, 800))
        b.text.insertTextContent(b.cursor, content, False)
    b.paragraph("文本框", frame)
    b.paragraph("图形", shape)
    b.paragraph("软连字符", lambda b: b.string("绩效\u00ad评价"))
    b.paragraph("制表符", lambda b: b.string("预算数\t执行数"))
    b.paragraph("换行", lambda b: (b.string("第一行"), b.text.insertControlCharacter(b.cursor, LINE_BREAK, False),
                                 b.string("第二行")))
    b.paragraph("注音", lambda b: b.formatted("绩效", RubyText="jixiao"))
    b.paragraph("隐藏文字", lambda b: b.formatted("不显示", CharHidden=True))
    b.paragraph("占位符", lambda b: b.content("com.sun.star.text.TextField.JumpEdit", PlaceHolder="项目名称",
                                            Hint="填写"))
    b.paragraph("输入域", lambda b: b.content("com.sun.star.text.TextField.Input", Content="12.5万元"))
    b.paragraph("Word域", lambda b: b.content("com.sun.star.text.Fieldmark", around="第3页",
                                            FieldType="vnd.oasis.opendocument.field.UNHANDLED"))
    b.paragraph("复选框", lambda b: b.content("com.sun.star.text.FormFieldmark",
                                            FieldType="vnd.oasis.opendocument.field.FORMCHECKBOX"))
    b.paragraph("内容控件", lambda b: b.content("com.sun.star.text.ContentControl", around="选项"))
    b.paragraph("元数据", lambda b: b.content("com.sun.star.text.InContentMetadata", around="元"))
    # Tracked changes: an insertion, and a deletion spanning a paragraph break.
    doc.RecordChanges = True
    b.paragraph("修订插入", lambda b: b.string("新增内容"))
    doc.RecordChanges = False
    b.paragraph("修订删除", lambda b: b.string("保留删除甲"))
    b.paragraph("删除续", lambda b: b.string("乙保留"))
    paragraphs = list(body_paragraphs(doc))
    first = paragraphs[len(b.labels) - 2]
    second = paragraphs[len(b.labels) - 1]
    span = doc.getText().createTextCursorByRange(first.getEnd())
    span.goLeft(3, False)
    span.gotoRange(second.getStart(), True)
    span.goRight(5, True)  # "删除甲。" and the paragraph break, then "删除续：乙"
    doc.RecordChanges = True
    span.setString("")
    doc.RecordChanges = False
    return b.labels


class ParagraphReadTest(OfficeCase):
    def tearDown(self):
        self.doc.close(True)

    def new_table(self, columns):
        """A new document holding a table of one row."""
        self.doc = office.new_document("swriter")
        table = self.doc.createInstance("com.sun.star.text.TextTable")
        table.initialize(1, columns)
        body = self.doc.getText()
        body.insertTextContent(body.getEnd(), table, False)
        return table

    def test_every_portion_a_report_paragraph_can_hold_reads_as_getstring(self):
        self.doc = office.new_document("swriter")
        labels = build_every_portion(self.doc)
        read = jixiao_paragraphs(self.doc)
        paragraphs = list(body_paragraphs(self.doc))
        self.assertEqual(len(read), len(paragraphs))
        seen = set()
        for index, paragraph in enumerate(paragraphs):
            types = portion_types(paragraph)
            seen.update(types)
            self.assertEqual(read[index], paragraph.getString(), f"paragraph {index}, portions {types}")
        # The document holds what it claims to: every kind of portion, walked.
        for kind in ("TextField", "Footnote", "Annotation", "AnnotationEnd", "Bookmark", "ReferenceMark",
                     "DocumentIndexMark", "Frame", "Ruby", "TextFieldStart", "TextFieldSeparator", "TextFieldEnd",
                     "TextFieldStartEnd", "ContentControl", "InContentMetadata", "RedlineInsert", "RedlineDelete"):
            self.assertIn(kind, seen)
        shown = dict(zip(labels, read))
        self.assertEqual(shown["页码"], "页码：1。")
        self.assertEqual(shown["脚注"], "脚注：1。")  # an anchor shows its number, not the note's text
        self.assertEqual(shown["尾注"], "尾注：i。")
        self.assertEqual(shown["批注范围"], "批注范围：98.6%。")  # a comment shows nothing
        self.assertEqual(shown["文本框"], "文本框：。")  # nor a frame's text
        self.assertEqual(shown["换行"], "换行：第一行\n第二行。")
        self.assertEqual(shown["软连字符"], "软连字符：绩效\u00ad评价。")
        self.assertEqual(shown["占位符"], "占位符：<项目名称>。")
        # A check box's portion holds its placeholder character (U+0006), which getString leaves out: that
        # paragraph is read with getString.
        self.assertEqual(shown["复选框"], "复选框：。")
        # A tracked deletion still reads, as getString reads it: a finding's offset counts the characters a
        # cursor steps through, deleted ones included (WriterHost::select).
        self.assertEqual(shown["修订删除"], "修订删除：保留删除甲。")

    def test_a_cell_of_several_paragraphs_reads_as_getstring(self):
        """A cell's paragraphs are joined by a line break (an 评价标准 cell of two paragraphs, say)."""
        table = self.new_table(2)
        criteria = table.getCellByName("A1")
        cursor = criteria.createTextCursor()
        criteria.insertString(cursor, "完成率100%得满分；", False)
        criteria.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        criteria.insertString(cursor, "每低10%扣1分。", False)
        other = table.getCellByName("B1")
        cursor = other.createTextCursor()
        other.insertString(cursor, "上", False)
        other.insertControlCharacter(cursor, LINE_BREAK, False)
        other.insertString(cursor, "下", False)
        _, cells = jixiao_texts(self.doc)
        name = table.getName()
        self.assertEqual(cells[(name, "A1")], "完成率100%得满分；\n每低10%扣1分。")
        self.assertEqual(cells[(name, "A1")], criteria.getString().replace("\r\n", "\n"))
        self.assertEqual(cells[(name, "B1")], "上\n下")

    def test_a_cell_with_a_check_box_reads_as_getstring(self):
        """A check box's portion holds U+0006, which getString leaves out: such a cell is read with getString."""
        table = self.new_table(1)
        cell = table.getCellByName("A1")
        cursor = cell.createTextCursor()
        cell.insertString(cursor, "已公开", False)
        box = self.doc.createInstance("com.sun.star.text.FormFieldmark")
        box.setPropertyValue("FieldType", "vnd.oasis.opendocument.field.FORMCHECKBOX")
        cell.insertTextContent(cursor, box, False)
        _, cells = jixiao_texts(self.doc)
        self.assertEqual(cells[(table.getName(), "A1")], cell.getString())
        self.assertEqual(cells[(table.getName(), "A1")], "已公开")

    def test_built_test_documents_read_as_getstring(self):
        """Every built Writer test document (ctest -R data.documents), paragraph by paragraph; and cell by cell,
        the cell read sharing the walk (a cell leaves tracked deletions out: the documents hold none)."""
        paths = sorted(glob.glob(os.path.join(harness.TEST_DATA, "*.docx")) +
                       glob.glob(os.path.join(harness.TEST_DATA, "*.odt")))
        self.assertTrue(paths, f"no built test documents in {harness.TEST_DATA}")
        paragraphs = cells = 0
        for path in paths:
            self.doc = office.load(path, read_only=True)
            try:
                self.assertFalse(self.doc.getRedlines().hasElements(), os.path.basename(path))
                read, read_cells = jixiao_texts(self.doc)
                expected = [paragraph.getString() for paragraph in body_paragraphs(self.doc)]
                self.assertEqual(read, expected, os.path.basename(path))
                tables = self.doc.getTextTables()
                for (table, cell), text in read_cells.items():
                    # A cell's paragraphs are joined by a line break, as getString joins them (CR LF there).
                    shown = tables.getByName(table).getCellByName(cell).getString().replace("\r\n", "\n")
                    self.assertEqual(text, shown, f"{os.path.basename(path)}: {table}.{cell}")
                paragraphs += len(expected)
                cells += len(read_cells)
            finally:
                self.doc.close(True)
        self.doc = office.new_document("swriter")  # for tearDown
        print(f"\n{paragraphs} paragraphs and {cells} cells of {len(paths)} documents read alike", flush=True)

if __name__ == "__main__":
    unittest.main()
