"""The bad-input corpus for test_bad_input.py, built at test time in a temporary folder through the office
itself (no binary documents in the repository).

Every Writer case starts from one small, well-formed scoring table (four leaves under two 一级) whose 扣分
column and 合计 row are left empty, so recompute() has a known set of cells to write, then breaks it in
one way. Builders take the running Office and a folder and return the path of the stored document.
"""
import os
import subprocess

import uno

from office import props

HEADER = ["一级指标", "二级指标", "三级指标", "指标解释", "评价标准", "指标分值", "评价得分", "扣分情况", "扣分原因"]

# 一级, 二级, 三级, 分值, 得分, 扣分原因 — 扣分 (H) stays empty for recompute to fill.
LEAVES = [
    ("决策(10分)", "项目立项(6分)", "立项规范性(3分)", "3", "3", ""),
    ("决策(10分)", "项目立项(6分)", "目标合理性(3分)", "3", "2", "目标不够明确"),
    ("决策(10分)", "资金投入(4分)", "预算编制科学性(4分)", "4", "4", ""),
    ("产出(90分)", "产出数量(90分)", "任务完成率(90分)", "90", "80", "未全部完成"),
]

# What recompute() writes into the base table (rows 2–5 are the leaves, row 6 is 合计).
BASE_RECOMPUTED = {"H2": "0", "H3": "1", "H4": "0", "H5": "10", "F6": "100", "G6": "89", "H6": "11"}


def base_rows():
    rows = [list(HEADER)]
    for top, second, leaf, weight, score, reason in LEAVES:
        rows.append([top, second, leaf, "指标解释", "评价标准", weight, score, "", reason])
    rows.append(["合计"] + [""] * 8)
    return rows


def writer_table(doc, rows, text=None, name=None):
    """A plain (unmerged) Writer table at the end of `text` (the body, or a cell for a nested table)."""
    text = text if text is not None else doc.Text
    table = doc.createInstance("com.sun.star.text.TextTable")
    table.initialize(len(rows), len(rows[0]))
    if name:
        table.setName(name)
    text.insertTextContent(text.getEnd(), table, False)
    table.setDataArray(tuple(tuple(row) for row in rows))
    return table


def store(doc, path, **extra):
    kind = "calc8" if doc.supportsService("com.sun.star.sheet.SpreadsheetDocument") else "writer8"
    doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=kind, **extra))
    return path


def _writer(office, directory, name, build, **store_args):
    doc = office.new_document("swriter")
    try:
        doc.Text.setString("某县财政局2024年度项目支出绩效评价报告")
        build(doc)
        return store(doc, os.path.join(directory, name), **store_args)
    finally:
        doc.close(True)


# --- Writer tables -------------------------------------------------------------------------------------------

def well_formed(office, directory):
    return _writer(office, directory, "well-formed.odt", lambda doc: writer_table(doc, base_rows(), name="打分表"))


def extra_columns(office, directory):
    """序号 in front, 备注 at the end: every column moves one to the right, two are unknown."""
    rows = base_rows()
    rows[0] = ["序号"] + rows[0] + ["备注"]
    for i, row in enumerate(rows[1:], start=1):
        row[:] = [str(i) if i < len(rows) - 1 else ""] + row + ["备注文字"]
    return _writer(office, directory, "extra-columns.odt", lambda doc: writer_table(doc, rows, name="打分表"))


def missing_score_column(office, directory):
    """No 评价得分 column: the reader must say which column is missing and where it looked."""
    rows = [row[:6] + row[7:] for row in base_rows()]
    return _writer(office, directory, "missing-score-column.odt",
                   lambda doc: writer_table(doc, rows, name="打分表"))


def odd_merges(office, directory):
    """Merged and split cells where no one would put them: 得分 merged with 扣分 in one row, a 二级 cell
    merged down across the 一级 boundary, an explanation cell split into two columns and a 分值 cell split
    into two rows."""
    def build(doc):
        table = writer_table(doc, base_rows(), name="打分表")
        cursor = table.createCursorByCellName("B4")    # 资金投入 merged down into 产出数量's row
        cursor.goDown(1, True)
        cursor.mergeRange()
        cursor = table.createCursorByCellName("G3")    # 目标合理性: score and deduction in one cell
        cursor.goRight(1, True)
        cursor.mergeRange()
        table.createCursorByCellName("D2").splitRange(1, False)  # 指标解释 of 立项规范性: two columns
        table.createCursorByCellName("F4").splitRange(1, True)   # 分值 of 预算编制科学性: two rows
    return _writer(office, directory, "odd-merges.odt", build)


def nested_tables(office, directory):
    """The scoring table inside the only cell of a layout table (pasted from a web page), with a small
    table of its own inside a 评价标准 cell."""
    def build(doc):
        layout = writer_table(doc, [["版式"]], name="版式表")
        cell = layout.getCellByName("A1")
        cell.setString("")
        score = writer_table(doc, base_rows(), text=cell, name="打分表")
        inner = score.getCellByName("E3")
        writer_table(doc, [["目标", "分"], ["明确", "3"]], text=inner, name="标准细则")
    return _writer(office, directory, "nested-tables.odt", build)


BIG_ROWS = 1000


def big_table(office, directory):
    """1,000 leaves (ten 一级 of 100 leaves, names repeated on every row, weights 0.1), 扣分 empty. Written as
    flat ODF XML: filling 9,000 cells over the socket takes longer than the whole test module may."""
    rows = [list(HEADER)]
    for top in range(10):
        for leaf in range(100):
            score = "0.05" if leaf == 0 else "0.1"
            rows.append([f"一级{top + 1}(10分)", f"二级{top + 1}(10分)", f"指标{top + 1}-{leaf + 1}", "", "", "0.1",
                         score, "", "扣分" if leaf == 0 else ""])
    rows.append(["合计"] + [""] * 8)
    return flat_odt(os.path.join(directory, "big-table.fodt"), "某县财政局2024年度项目支出绩效评价报告", rows, "打分表")


def flat_odt(path, title, rows, table_name):
    """A Writer document as one flat-ODF XML file: a title paragraph and one plain table of text cells."""
    from xml.sax.saxutils import escape
    width = len(rows[0])
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
           '<office:body><office:text>',
           f'<text:p>{escape(title)}</text:p>',
           f'<table:table table:name="{escape(table_name)}"><table:table-column table:number-columns-repeated="{width}"/>']
    for row in rows:
        out.append("<table:table-row>")
        out.extend(f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'
                   for v in row)
        out.append("</table:table-row>")
    out.append("</table:table></office:text></office:body></office:document>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))
    return path


def number_cells(office, directory):
    """Text, a Writer formula, a negative number, three decimals and full-width digits in number cells."""
    rows = base_rows()
    rows[1][6] = "九十"        # G2: text in a score cell
    rows[2][6] = "2.125"       # G3: a score with three decimals
    rows[3][6] = "２"          # G4: full-width digit score (reads as 2)
    rows[3][5] = "４"          # F4: full-width weight
    rows[4][6] = "-5"          # G5: a negative score
    rows.insert(5, ["产出(90分)", "产出数量(90分)", "时效(0分)", "", "", "abc", "", "", ""])  # F6: text weight
    rows.insert(6, ["产出(90分)", "产出数量(90分)", "质量(0分)", "", "", "0", "", "", ""])
    def build(doc):
        table = writer_table(doc, rows, name="打分表")
        table.getCellByName("G7").setFormula("=<F7>*2")   # G7: a Writer formula in a score cell (shows 0)
    return _writer(office, directory, "number-cells.odt", build)


def empty_writer(office, directory):
    doc = office.new_document("swriter")
    try:
        return store(doc, os.path.join(directory, "empty.odt"))
    finally:
        doc.close(True)


def empty_calc(office, directory):
    doc = office.new_document("scalc")
    try:
        return store(doc, os.path.join(directory, "empty.ods"))
    finally:
        doc.close(True)


def password_protected(office, directory, password="绩效2024"):
    return _writer(office, directory, "password.odt", lambda doc: writer_table(doc, base_rows(), name="打分表"),
                   Password=password)


def track_changes(office, directory):
    """Changes recorded: the document is stored with RecordChanges on and one score already edited."""
    def build(doc):
        table = writer_table(doc, base_rows(), name="打分表")
        doc.RecordChanges = True
        table.getCellByName("G5").setString("85")   # 任务完成率 80 → 85, recorded
    return _writer(office, directory, "track-changes.odt", build)


def read_only_permissions(path):
    """Makes the file read-only for whoever runs the office. root ignores mode bits, so as root the file is
    also made immutable (chattr +i); undo with writable_again()."""
    os.chmod(path, 0o444)
    if os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", path], capture_output=True, text=True, timeout=10)
        if done.returncode != 0:
            raise RuntimeError(f"chattr +i {path} failed: {done.stderr}")
    return path


def writable_again(path):
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", path], capture_output=True, timeout=10)
    os.chmod(path, 0o644)


# --- Calc -----------------------------------------------------------------------------------------------------

def _calc_rows():
    """The base table as a hand-typed sheet: numbers as numbers, 扣分 stale."""
    rows = []
    for row in base_rows():
        rows.append(tuple(float(v) if v.replace(".", "", 1).isdigit() else v for v in row))
    return rows


def calc_sheet(doc, rows):
    sheet = doc.Sheets.getByIndex(0)
    width = max(len(r) for r in rows)
    rows = [tuple(r) + ("",) * (width - len(r)) for r in rows]
    sheet.getCellRangeByPosition(0, 0, width - 1, len(rows) - 1).setDataArray(tuple(rows))
    return sheet


def calc_protected(office, directory):
    """A hand-typed sheet with stale 扣分, the sheet protected (no password)."""
    doc = office.new_document("scalc")
    try:
        calc_sheet(doc, _calc_rows()).protect("")
        return store(doc, os.path.join(directory, "protected.ods"))
    finally:
        doc.close(True)


def calc_formulas(office, directory):
    """Formulas and text in number cells of a hand-typed sheet: =1/0 (an error value), a working formula,
    text, a negative number."""
    doc = office.new_document("scalc")
    try:
        sheet = calc_sheet(doc, _calc_rows())
        sheet.getCellRangeByName("G2").setFormula("=1/0")
        sheet.getCellRangeByName("G3").setFormula("=F3-1")
        sheet.getCellRangeByName("G4").setString("满分")
        sheet.getCellRangeByName("G5").setValue(-3)
        return store(doc, os.path.join(directory, "formulas.ods"))
    finally:
        doc.close(True)


# --- User templates ---------------------------------------------------------------------------------------------

BAD_TEMPLATES = {
    # Cut off in the middle of a string.
    "truncated.json": '{\n  "id": "truncated-user",\n  "name": {"zh-CN": "截断的模',
    # Well-formed JSON, wrong types: a numeric id, indicators as a string, a weight as an object.
    "wrong-types.json": '{"id": 42, "name": {"zh-CN": "类型错误"}, "kind": "project", '
                        '"indicators": "决策", "gradeBands": [{"atLeast": {"x": 1}, "label": "优秀"}]}',
}


def user_template_dir(profile):
    return os.path.join(profile, "user", "jixiao", "templates")


def seed_user_templates(profile, shipped_template):
    """Writes the bad templates and one good user template (a shipped one under a new id) into the profile."""
    import json
    folder = user_template_dir(profile)
    os.makedirs(folder, exist_ok=True)
    for name, text in BAD_TEMPLATES.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)
    with open(shipped_template, encoding="utf-8") as f:
        good = json.load(f)
    good["id"] = "user-county-copy"
    with open(os.path.join(folder, "user-good.json"), "w", encoding="utf-8") as f:
        json.dump(good, f, ensure_ascii=False)
    return folder
