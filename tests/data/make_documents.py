"""Builds the test documents from their specs (tests/data/docs/*.json) through a plain LibreOffice — one with
no Jixiao installed — so every document is what an office would send: typed by hand, stored as .docx, .doc,
.odt, .xlsx, .xls or .ods by the office's own filters. Nothing here comes from outside the repository.

    python3 tests/data/make_documents.py --out DIR [SPEC.json ...]    (default: every spec)

writes DIR/<spec stem>.<format> for each of the spec's formats. A document newer than its spec (and than this
script) is kept. Run with Debian's /usr/bin/python3 (the one with `uno`).

Spec format (rows and columns are 0-based; a merge is [row, column, rowSpan, columnSpan]):

    {"kind": "writer", "formats": ["docx", "odt", "doc"],
     "properties": {"预算": "2"},                       (optional document properties, as strings)
     "body": [{"p": "text", "style": "Heading 1"},       (style optional: a LibreOffice paragraph style name)
              {"table": {"rows": [["a", "b"], ...], "merges": [[1, 0, 5, 1], ...]}}]}
    {"kind": "calc", "formats": ["xlsx", "ods", "xls"],
     "sheets": [{"name": "打分表", "rows": [["text", 12, "=SUM(F3:F9)"], ...], "merges": [...]}]}

In Calc a string starting with "=" is a formula and a JSON number is a number; in Writer every cell is text,
as typed, except {"formula": "=sum <F3:F9>"}: a Writer table formula (Table > Formula). In both,
{"value": 0.3818, "format": "0.00%"} is a number cell with that number format (it shows 38.18%). "expect" and "comment" are free for the tests that use a document and are ignored here.
"""
import argparse
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "uno"))

import uno  # noqa: E402
from com.sun.star.lang import Locale  # noqa: E402
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # noqa: E402

from office import Office, props  # noqa: E402

SPECS = os.path.join(HERE, "docs")
FILTERS = {
    "odt": "writer8", "docx": "MS Word 2007 XML", "doc": "MS Word 97",
    "ods": "calc8", "xlsx": "Calc MS Excel 2007 XML", "xls": "MS Excel 97",
}
WRITER_FORMATS = {"odt", "docx", "doc"}


def load_spec(path):
    with open(path, encoding="utf-8") as f:
        spec = json.load(f)
    kind = spec.get("kind")
    if kind not in ("writer", "calc"):
        raise ValueError(f"{path}: kind must be writer or calc")
    for fmt in spec.get("formats", []):
        if fmt not in FILTERS or (fmt in WRITER_FORMATS) != (kind == "writer"):
            raise ValueError(f"{path}: format {fmt!r} does not fit a {kind} document")
    return spec


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def cell_name(row, column):
    return f"{column_name(column)}{row + 1}"


def set_number(doc, cell, spec):
    """A number cell shown through a number format of its own: {"value": 0.3818, "format": "0.00%"}."""
    formats = doc.getNumberFormats()
    locale = Locale()
    key = formats.queryKey(spec["format"], locale, False)
    if key == -1:
        key = formats.addNew(spec["format"], locale)
    cell.setValue(spec["value"])
    cell.NumberFormat = key


def fill_writer_table(doc, cursor, spec):
    rows = spec["rows"]
    width = max(len(r) for r in rows)
    table = doc.createInstance("com.sun.star.text.TextTable")
    table.initialize(len(rows), width)
    doc.Text.insertTextContent(cursor, table, False)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if isinstance(text, dict) and "value" in text:
                set_number(doc, table.getCellByName(cell_name(r, c)), text)
            elif isinstance(text, dict):
                table.getCellByName(cell_name(r, c)).setFormula(text["formula"])
            elif text not in ("", None):
                table.getCellByName(cell_name(r, c)).setString(str(text))
    # Bottom-up and right to left: a horizontal merge renames only the cells to its right in its own row,
    # and a vertical merge keeps every name (covered boxes stay), so no later merge looks up a renamed cell.
    for r, c, row_span, col_span in sorted(spec.get("merges", []), key=lambda m: (-m[0], -m[1])):
        if row_span == 1 and col_span == 1:
            continue
        table_cursor = table.createCursorByCellName(cell_name(r, c))
        table_cursor.gotoCellByName(cell_name(r + row_span - 1, c + col_span - 1), True)
        table_cursor.mergeRange()
    return table


def build_writer(office, spec):
    doc = office.new_document("swriter")
    text = doc.Text
    cursor = text.createTextCursor()
    first = True
    for item in spec.get("body", []):
        if "table" in item:
            fill_writer_table(doc, cursor, item["table"])
            cursor.gotoEnd(False)
            first = False
            continue
        if not first:
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        first = False
        cursor.ParaStyleName = item.get("style", "Standard")
        text.insertString(cursor, item.get("p", ""), False)
    return doc


def build_calc(office, spec):
    doc = office.new_document("scalc")
    sheets = doc.Sheets
    for index, sheet_spec in enumerate(spec.get("sheets", [])):
        name = sheet_spec.get("name", f"Sheet{index + 1}")
        if index < sheets.Count:
            sheets.getByIndex(index).Name = name
        else:
            sheets.insertNewByName(name, index)
        sheet = sheets.getByName(name)
        for r, row in enumerate(sheet_spec.get("rows", [])):
            for c, value in enumerate(row):
                if value in ("", None):
                    continue
                cell = sheet.getCellByPosition(c, r)
                if isinstance(value, dict):
                    set_number(doc, cell, value)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.setValue(value)
                elif isinstance(value, str) and value.startswith("="):
                    cell.setFormula(value)
                else:
                    cell.setString(str(value))
        for r, c, row_span, col_span in sheet_spec.get("merges", []):
            sheet.getCellRangeByPosition(c, r, c + col_span - 1, r + row_span - 1).merge(True)
    return doc


def set_properties(doc, values):
    user = doc.getDocumentProperties().getUserDefinedProperties()
    for name, value in values.items():
        user.addProperty(name, 0, str(value))


def build(office, spec_path, out_dir):
    spec = load_spec(spec_path)
    stem = os.path.splitext(os.path.basename(spec_path))[0]
    newest_input = max(os.path.getmtime(spec_path), os.path.getmtime(__file__))
    targets = [os.path.join(out_dir, f"{stem}.{fmt}") for fmt in spec["formats"]]
    if all(os.path.exists(t) and os.path.getmtime(t) >= newest_input for t in targets):
        return targets
    doc = build_writer(office, spec) if spec["kind"] == "writer" else build_calc(office, spec)
    try:
        set_properties(doc, spec.get("properties", {}))
        for fmt, target in zip(spec["formats"], targets):
            doc.storeToURL(uno.systemPathToFileUrl(target), props(FilterName=FILTERS[fmt], Overwrite=True))
    finally:
        doc.close(True)
    return targets


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="folder for the documents")
    parser.add_argument("specs", nargs="*", help="spec files (default: every tests/data/docs/*.json)")
    args = parser.parse_args(argv)
    specs = args.specs or sorted(glob.glob(os.path.join(SPECS, "*.json")))
    os.makedirs(args.out, exist_ok=True)
    with Office(install=False) as office:
        for path in specs:
            for target in build(office, path, args.out):
                print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
