# The benchmark's Python side of the comparison. Installed as <profile>/user/Scripts/python/bench.py and run
# inside soffice through the script provider (vnd.sun.star.script:bench.py$recompute?language=Python&
# location=user); bench/driver.py also imports it to run the very same code over the socket.
#
# recompute_table() is what a macro writer would do by hand for the sample layout: read every cell of the
# Writer table (getCellNames + getCellByName + getString), compute 扣分 = 分值 − 得分 per leaf, the 合计 row
# and the 评价等级 in Python, and write the cells whose value changed, in one undo step. It does not rewrite
# parent weight labels or the funding table, which Jixiao also checks, so it does a little less than Jixiao.
import re
import time

_NAME = re.compile(r"^([A-Z]+)(\d+)$")
_NUMBER = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*分?\s*$")
GRADES = ((90, "优秀"), (80, "良好"), (60, "中"), (0, "差"))


def _number(text):
    m = _NUMBER.match(text.replace("\n", ""))
    return float(m.group(1)) if m else None


def _same(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)


def _format(value):
    return f"{value:.2f}".rstrip("0").rstrip(".") if value is not None else ""


def _col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def read_cells(table):
    return {name: table.getCellByName(name).getString() for name in table.getCellNames()}


def plan(cells):
    """name → new text for every derived cell whose value differs."""
    rows = {}
    for name, text in cells.items():
        m = _NAME.match(name)
        if m:
            rows.setdefault(int(m.group(2)), []).append((_col_index(m.group(1)), m.group(1), text))
    for row in rows.values():
        row.sort()
    header = weight_col = score_col = deduction_col = None
    for r in sorted(rows):
        texts = {letters: "".join(text.split()) for _, letters, text in rows[r]}
        for letters, text in texts.items():
            if text in ("指标分值", "分值"):
                weight_col = letters
            elif text in ("评价得分", "得分"):
                score_col = letters
            elif text in ("扣分情况", "扣分"):
                deduction_col = letters
        if score_col:
            header = r
            break
    if header is None:
        return {}
    writes = {}
    total_weight = total_score = 0.0
    complete = True
    total_row = grade_row = None
    for r in sorted(rows):
        if r <= header:
            continue
        row = rows[r]
        texts = ["".join(t.split()) for _, _, t in row]
        if "合计" in texts:
            total_row = r
            continue
        if any(t in ("评价等级", "等级") for t in texts):
            grade_row = r
            continue
        if total_row is not None:
            continue
        by_col = {letters: text for _, letters, text in row}
        weight = _number(by_col.get(weight_col, ""))
        if weight is None:
            continue
        score = _number(by_col.get(score_col, ""))
        total_weight += weight
        if score is None or not 0 <= score <= weight:
            complete = False
            continue
        total_score += score
        name = f"{deduction_col}{r}"
        if name in cells and not _same(_number(cells[name]), weight - score):
            writes[name] = _format(weight - score)
    total = total_score if complete else None
    if total_row is not None:
        row = rows[total_row]
        at = next(i for i, (_, _, t) in enumerate(row) if "".join(t.split()) == "合计")
        wanted = [total_weight, total, None if total is None else total_weight - total]
        for (_, letters, text), value in zip(row[at + 1:at + 4], wanted):
            if not _same(_number(text), value):
                writes[f"{letters}{total_row}"] = _format(value)
    if grade_row is not None and total is not None:
        row = rows[grade_row]
        grade = next(label for bound, label in GRADES if total >= bound)
        _, letters, text = row[-1]
        if text.strip() != grade:
            writes[f"{letters}{grade_row}"] = grade
    return writes


def recompute_table(doc, table_name):
    """Read, compute, write changed cells as one undo step. Returns the number of cells written."""
    table = doc.getTextTables().getByName(table_name)
    writes = plan(read_cells(table))
    if writes:
        undo = doc.getUndoManager()
        undo.enterUndoContext("bench")
        try:
            for name, text in writes.items():
                table.getCellByName(name).setString(text)
        finally:
            undo.leaveUndoContext()
    return len(writes)


def floor_table(doc, table_name, writes):
    """The reads and writes alone: every cell's text, then the given writes, one undo step; no computing."""
    table = doc.getTextTables().getByName(table_name)
    read_cells(table)
    undo = doc.getUndoManager()
    undo.enterUndoContext("bench")
    try:
        for name, text in writes:
            table.getCellByName(name).setString(text)
    finally:
        undo.leaveUndoContext()
    return len(writes)


def _set_score(doc, table_name, cell, values, run):
    doc.getTextTables().getByName(table_name).getCellByName(cell).setString(values[run % len(values)])


# --- entry points for the script provider (all arguments positional; results are tuples of floats) ---

def _settle():
    """Runs the office's pending events (a deck's deferred read after the edit) before the timed run."""
    ctx = XSCRIPTCONTEXT.getComponentContext()  # noqa: F821 (provided by the script framework)
    ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx).processEventsToIdle()


def recompute(doc, table_name, cell, values, repeat, settle=False):
    """Python-macro recompute: time of each run in ms (the score edit before each run is not timed; with
    `settle`, neither is running the events that edit queued)."""
    values = values.split("\x1f")
    times = []
    for run in range(int(repeat)):
        _set_score(doc, table_name, cell, values, run)
        if settle:
            _settle()
        start = time.perf_counter()
        recompute_table(doc, table_name)
        times.append((time.perf_counter() - start) * 1000.0)
    return tuple(times)


def jixiao(doc, table_name, cell, values, repeat):
    """org.jixiao.EvaluationTool.recompute called from this in-process macro, timed here."""
    ctx = XSCRIPTCONTEXT.getComponentContext()  # noqa: F821 (provided by the script framework)
    tool = ctx.ServiceManager.createInstanceWithContext("org.jixiao.EvaluationTool", ctx)
    values = values.split("\x1f")
    times = []
    for run in range(int(repeat)):
        _set_score(doc, table_name, cell, values, run)
        start = time.perf_counter()
        tool.recompute(doc)
        times.append((time.perf_counter() - start) * 1000.0)
    return tuple(times)


def floor(doc, table_name, cell, values, writes0, writes1, repeat):
    """In-process Python doing only the reads and writes (writesN: name\x1ftext pairs joined by \x1e)."""
    values = values.split("\x1f")
    writes = [[tuple(p.split("\x1f", 1)) for p in w.split("\x1e") if p] for w in (writes0, writes1)]
    times = []
    for run in range(int(repeat)):
        _set_score(doc, table_name, cell, values, run)
        start = time.perf_counter()
        floor_table(doc, table_name, writes[run % 2])
        times.append((time.perf_counter() - start) * 1000.0)
    return tuple(times)


def snapshot(doc, table_name):
    """Every cell of the table as (name, text) pairs, flattened: one call instead of thousands."""
    cells = read_cells(doc.getTextTables().getByName(table_name))
    return tuple(x for item in sorted(cells.items()) for x in item)


def fill(doc, count, text):
    """Appends `count` body paragraphs of `text` (numbered) at the end of the document; returns page count."""
    from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK
    body = doc.getText()
    cursor = body.createTextCursorByRange(body.getEnd())
    for i in range(int(count)):
        body.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        body.insertString(cursor, text.replace("{n}", str(i + 1)), False)
    controller = doc.getCurrentController()
    return (float(controller.getPropertyValue("PageCount")),) if controller is not None else (-1.0,)


g_exportedScripts = (recompute, jixiao, floor, snapshot, fill)
