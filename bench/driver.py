"""Jixiao benchmarks (issue 6). Run through `bash bench/run.sh [--quick]`; prints figures and ratios, asserts
nothing about timings. See docs/benchmarks.md for what each number means and the latest full results.

Methods, all on the same documents in one office:
  jixiao/office   EvaluationTool.recompute(doc) timed inside soffice by the probe (C++, same process): the
                  headline figure.
  jixiao/macro    the same call from an in-process Python macro, timed with time.perf_counter (cross-check).
  jixiao/socket   the same call from this script over the UNO socket, minus the median trivial remote call.
  python/macro    bench/macro/bench.py recompute_table() inside soffice: reads every cell, computes 扣分,
                  合计 and 等级 in Python, writes changed cells.
  python/socket   the same Python code run here, over the socket.
  floor/C++       the probe's bare reads and writes: every cell's text of the table, then exactly the cells
                  Jixiao writes for that edit, one undo step, no computing (the least any implementation does).
  floor/py-macro  the same reads and writes from an in-process Python macro (upper bound of the floor).
Section f, in a second soffice with a window on a private Xvfb and the 绩效评价 deck open:
  deck/bare       EvaluationTool.recompute(doc) as jixiao/office, in that office, live recompute off, the main
                  loop idle before each run (the deck's own deferred read after the edit has run).
  deck/live       the per-keystroke path: a score edit through the API → the controller's deferred live
                  recompute → the deck's summary label showing the new text, timed inside soffice by the probe
                  from the document's first modify event of the edit to the label's accessibility NAME_CHANGED.
  main loop trip  one idle trip through the office's main loop: the deferral's share of deck/live.
  python/macro    as in section a, in that office, live recompute off, the office's pending events run
                  (untimed) after each edit, as for deck/bare.
The score edit before each run is never timed.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue

import office as harness
from office import Office, props

HERE = os.path.dirname(os.path.abspath(__file__))
MACRO = os.path.join(HERE, "macro", "bench.py")
BENCH_OXT = os.environ.get("JIXIAO_BENCH_OXT", "")  # Jixiao's .oxt plus the probe component
SEP, PAIR = "\x1f", "\x1e"

sys.path.insert(0, os.path.dirname(MACRO))
import bench as pymacro  # noqa: E402  (the very file installed into the profile)

RESULTS = {}


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt(ms):
    return f"{ms:9.2f} ms"


def record(key, value):
    RESULTS[key] = value
    return value


def line(label, value, note=""):
    print(f"  {label:<44}{fmt(value)}  {note}".rstrip(), flush=True)


def ratio(label, value, goal):
    print(f"  {label:<44}{value:9.2f} ×  (goal {goal})", flush=True)


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for row in f:
            if row.startswith("model name"):
                cpu = row.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    version = subprocess.run([harness.SOFFICE, "--version"], capture_output=True, text=True).stdout.strip()
    return {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"), "nproc": os.cpu_count(),
            "cpu": cpu, "memory_gib": round(mem_kb / 1048576, 1), "kernel": platform.release(), "office": version,
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()]}


# ----------------------------------------------------------------------------------------------------------
# The office: Jixiao and the probe installed, the macro in user/Scripts/python.

class BenchOffice(Office):
    def start(self):
        if not (BENCH_OXT and os.path.exists(BENCH_OXT)):
            raise RuntimeError(f"JIXIAO_BENCH_OXT does not name the built jixiao-with-probe.oxt: {BENCH_OXT!r}")
        original = harness.install_extension

        def with_probe(profile, _oxt):
            scripts = os.path.join(profile, "user", "Scripts", "python")
            os.makedirs(scripts, exist_ok=True)
            shutil.copyfile(MACRO, os.path.join(scripts, "bench.py"))
            return original(profile, BENCH_OXT)

        harness.install_extension = with_probe
        try:
            super().start()
        finally:
            harness.install_extension = original
        self.set_live_recompute(False)
        self.probe = self.service("org.jixiao.bench.Probe")
        factory = self.service("com.sun.star.script.provider.MasterScriptProviderFactory")
        self.scripts = factory.createScriptProvider("")
        return self

    def soffice_pid(self):
        """soffice.bin in our process group (soffice is a script that starts oosplash, which starts it)."""
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                if os.getpgid(int(pid)) != self.process.pid:
                    continue
                with open(f"/proc/{pid}/comm") as f:
                    if f.read().strip() == "soffice.bin":
                        return int(pid)
            except (ProcessLookupError, FileNotFoundError, PermissionError):
                continue
        return None

    def rss_mib(self):
        with open(f"/proc/{self.soffice_pid()}/status") as f:
            for row in f:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1]) / 1024
        return float("nan")

    def macro(self, name, *args):
        script = self.scripts.getScript(f"vnd.sun.star.script:bench.py${name}?language=Python&location=user")
        result, _, _ = script.invoke(tuple(args), (), ())
        return result

    def run_probe(self, **args):
        values = []
        for name, value in args.items():
            nv = NamedValue()
            nv.Name = name
            nv.Value = value
            values.append(nv)
        return {nv.Name: list(nv.Value) for nv in self.probe.execute(tuple(values))}


# ----------------------------------------------------------------------------------------------------------
# Documents.

def generated_scorecard(leaves):
    """examples/sample-scorecard.json with `leaves` 三级 indicators: 4 一级 × 5 二级 × leaves/20, weights 100 in
    total, every leaf fully scored except one per 二级 that loses a little."""
    with open(os.path.join(harness.SOURCE_DIR, "examples", "sample-scorecard.json"), encoding="utf-8") as f:
        card = json.load(f)
    per_second = leaves // 20
    weight = 100 / leaves
    tops = []
    for t, top_name in enumerate(["决策", "过程", "产出", "效果"]):
        seconds = []
        for s in range(5):
            kids = []
            for k in range(per_second):
                score = weight if k else weight * 0.6
                kids.append({"level": 3, "name": f"指标{t + 1}-{s + 1}-{k + 1}", "weight": f"{weight:g}",
                             "labelWeight": f"{weight:g}", "score": f"{score:g}",
                             "deduction": f"{weight - score:g}", "explanation": "用以反映和考核项目实施情况。",
                             "standard": "符合要求得满分，一项不符合扣0.1分。"})
            seconds.append({"level": 2, "name": f"二级{t + 1}-{s + 1}", "weight": f"{weight * per_second:g}",
                            "labelWeight": f"{weight * per_second:g}", "children": kids})
        tops.append({"level": 1, "name": top_name, "weight": f"{weight * per_second * 5:g}",
                     "labelWeight": f"{weight * per_second * 5:g}", "children": seconds})
    card["indicators"] = tops
    total = sum(float(leaf["score"]) for top in tops for sec in top["children"] for leaf in sec["children"])
    card["totals"] = {"weight": "100", "score": f"{total:g}", "deduction": f"{100 - total:g}"}
    card["meta"]["title"] = f"{card['meta']['title']}（{leaves}项）"
    return json.dumps(card, ensure_ascii=False)


class WriterCase:
    """A Writer document with a scoring table, the table's name, and a score cell with two values to alternate."""

    def __init__(self, label, doc, table, cell, values, typing_base=None):
        self.label, self.doc, self.table, self.cell, self.values = label, doc, table, cell, values
        self.typing_base = typing_base  # section f's keystrokes alternate BackSpace and "5" at its end


def sample_case(office, directory, hidden=True):
    path = harness.copy_seed("sample-report.docx", directory)
    doc = office.load(path, hidden=hidden)
    table = doc.getTextTables().getByIndex(0).getName()
    return WriterCase("sample (21 indicators)", doc, table, "G20", ["6", "8"], "6.25")  # 社会效益 8 → 6 → 8 …


def generated_case(office, leaves, tool, hidden=True):
    doc = office.new_document("swriter", hidden=hidden)
    tool.importScorecard(doc, generated_scorecard(leaves))
    tables = doc.getTextTables()
    table = next(name for name in tables.getElementNames() if "G1" in tables.getByName(name).getCellNames()
                 and "评价得分" in "".join(tables.getByName(name).getCellByName("G1").getString().split()))
    weight = doc.getTextTables().getByName(table).getCellByName(f"F{leaves // 2 + 1}").getString()
    cell = f"G{leaves // 2 + 1}"
    half = f"{float(weight) / 2:g}"
    return WriterCase(f"generated ({leaves} indicators)", doc, table, cell, [half, weight],
                      half if half.endswith("5") else f"{float(weight) * 0.45:g}5")


def snapshot(office, case):
    flat = office.macro("snapshot", case.doc, case.table)
    return dict(zip(flat[0::2], flat[1::2]))


def jixiao_writes(office, tool, case):
    """The cells Jixiao writes after setting each of the two score values: the floor writes exactly these."""
    result = []
    table = case.doc.getTextTables().getByName(case.table)
    for value in case.values:
        table.getCellByName(case.cell).setString(value)
        before = snapshot(office, case)
        tool.recompute(case.doc)
        after = snapshot(office, case)
        result.append([(name, text) for name, text in after.items() if before.get(name) != text])
    return result


# ----------------------------------------------------------------------------------------------------------
# Measurements.

def remote_baseline(tool, count):
    times = []
    for _ in range(count):
        start = time.perf_counter()
        tool.getImplementationName()
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


def writer_recompute(office, tool, case, repeat, baseline):
    print(f"\n(a) Writer recompute after one score edit — {case.label}, table {case.table}, edit {case.cell}",
          flush=True)
    key = case.label.split()[0]
    values = SEP.join(case.values)
    warm = 1
    table = case.doc.getTextTables().getByName(case.table)

    writes = jixiao_writes(office, tool, case)
    print(f"  cells Jixiao writes per edit: {[len(w) for w in writes]} "
          f"({', '.join(n + '=' + repr(t) for n, t in writes[0])})")

    res = office.run_probe(Mode="jixiao", Document=case.doc, Table=case.table, Cell=case.cell, Values=values,
                           Repeat=repeat + warm)
    j_office = record(f"{key}.jixiao.office", median(res["ms"][warm:]))
    spread = f"(min {min(res['ms'][warm:]):.2f}, max {max(res['ms'][warm:]):.2f})"

    j_macro = record(f"{key}.jixiao.macro", median(office.macro("jixiao", case.doc, case.table, case.cell, values,
                                                                  repeat + warm)[warm:]))
    times = []
    for run in range(repeat + warm):
        table.getCellByName(case.cell).setString(case.values[run % 2])
        start = time.perf_counter()
        tool.recompute(case.doc)
        times.append((time.perf_counter() - start) * 1000)
    j_socket = record(f"{key}.jixiao.socket", median(times[warm:]) - baseline)

    py_macro = record(f"{key}.python.macro", median(office.macro("recompute", case.doc, case.table, case.cell,
                                                                   values, repeat + warm)[warm:]))
    # The Python code must have done the job: Jixiao then has nothing left to write in the score cells.
    left = tool.recompute(case.doc)
    socket_repeat = max(1, min(repeat, 5))
    times = []
    for run in range(socket_repeat):
        table.getCellByName(case.cell).setString(case.values[run % 2])
        start = time.perf_counter()
        pymacro.recompute_table(case.doc, case.table)
        times.append((time.perf_counter() - start) * 1000)
    py_socket = record(f"{key}.python.socket", median(times))

    w0 = PAIR.join(n + SEP + t for n, t in writes[0])
    w1 = PAIR.join(n + SEP + t for n, t in writes[1])
    res = office.run_probe(Mode="floor", Document=case.doc, Table=case.table, Cell=case.cell, Values=values,
                           Writes0=w0, Writes1=w1, Repeat=repeat + warm)
    floor_cpp = record(f"{key}.floor.cpp", median(res["ms"][warm:]))
    cells = int(res["cells"][-1])
    floor_py = record(f"{key}.floor.pymacro", median(office.macro("floor", case.doc, case.table, case.cell, values,
                                                                    w0, w1, repeat + warm)[warm:]))
    tool.recompute(case.doc)

    line("jixiao/office  (probe, C++ in soffice)", j_office, f"← headline {spread}")
    line("jixiao/macro   (in-process Python call)", j_macro)
    line("jixiao/socket  (over socket − baseline)", j_socket)
    line("python/macro   (in-process Python)", py_macro, f"(Jixiao then wrote {left} more cells)")
    line("python/socket  (Python-UNO over socket)", py_socket, f"(median of {socket_repeat})")
    line("floor/C++      (bare reads+writes)", floor_cpp, f"({cells} cells read+written)")
    line("floor/py-macro (bare reads+writes)", floor_py)
    ratio("in-process Python ÷ Jixiao", py_macro / j_office, "≥ 8×")
    ratio("Python over socket ÷ Jixiao", py_socket / j_office, "—")
    ratio("Jixiao ÷ floor/C++", j_office / floor_cpp, "≤ 1.5×")
    record(f"{key}.ratio.python_over_jixiao", py_macro / j_office)
    record(f"{key}.ratio.jixiao_over_floor", j_office / floor_cpp)
    return res


def writer_profile(office, case, repeat, title):
    res = office.run_probe(Mode="profile", Document=case.doc, Table=case.table, Cell=case.cell,
                           Values=SEP.join(case.values), Repeat=repeat + 1)
    print(f"  where Jixiao's recompute spends its time — {title} (probe, same code as src/uno, median):")
    key = case.label.split()[0]
    for name in sorted(res):
        value = median(res[name][1:])
        record(f"{key}.profile.{name}", value)
        if "count" in name or "written" in name or name.endswith("cells"):
            print(f"    {name:<40}{value:9.0f}")
        else:
            print(f"    {name:<40}{fmt(value)}")


def typed_runs(office, case, label, repeat, warm, cpu=None):  # label None: the office's own work for each key
    """deck/typed: the keystroke path, real keys (xdotool) into the score cell, the cursor left at the end of its
    text. The cell holds the case's typing base ("6.25"); each run presses BackSpace or 5 in turn (6.25 → 6.2
    → 6.25 …), every one a valid score that changes the total, so the summary changes after each key. With `cpu`
    a list, the main thread's CPU time over each timed interval is added to it (the same work without the
    waits for a core that a shared machine adds to the wall-clock figure)."""
    from ui_helpers import focus_document, xdotool
    cell = case.doc.getTextTables().getByName(case.table).getCellByName(case.cell)
    cell.setString(case.typing_base)
    office.settle()
    view = case.doc.getCurrentController().getViewCursor()
    view.gotoRange(cell.getEnd(), False)
    focus_document(case.doc, office.display)
    times = []
    for i in range(repeat + warm):
        key = "BackSpace" if i % 2 == 0 else "5"
        if label is None:
            office.run_probe(Mode="typed", Step="arm", Document=case.doc)
        else:
            office.run_probe(Mode="typed", Step="arm", Document=case.doc, Watch=label)
        # Pressed, measured, then released, as a hand does: with the release already queued when the press
        # is handled, Writer holds the character back and inserts it from a timer (a typist's overlapping
        # keys), which live recompute cannot tie to the key and answers with the full re-read.
        xdotool(office.display, "keydown", key)
        try:
            measured = office.run_probe(Mode="typed", Step="measure", Document=case.doc)
            times += measured["ms"]
            if cpu is not None and i >= warm:
                cpu += measured.get("cpu ms", [])
        finally:
            xdotool(office.display, "keyup", key)
    office.settle()
    if cell.getString() not in (case.typing_base, case.typing_base[:-1]):
        raise RuntimeError(f"the keystrokes did not reach {case.cell}: it holds {cell.getString()!r}")
    return times[warm:]


def deck_case(office, case, repeat, headline, python_macro):
    """Section f for one document: bare recompute and the whole live path, in the windowed office, deck open."""
    from ui_helpers import open_deck, summary_label
    print(f"\n(f) per keystroke with the deck open — {case.label}, table {case.table}, edit {case.cell}", flush=True)
    key = case.label.split()[0]
    values = SEP.join(case.values)
    warm = 1
    # A new window shows the sidebar as the last one left it: the deck opened for the previous document
    # would be open here too, and its summary read after each edit would leave the timed bare recompute
    # nothing to re-read. Closed until open_deck below.
    case.doc.CurrentController.getSidebar().setVisible(False)
    office.settle()
    # Every figure of this section in the same state of Writer's accessibility: finding the summary label
    # (below) makes Writer create the document's accessibility objects, and from then on every cell read costs
    # about half as much again (the sample's 87-cell re-read: 0.88–0.95 ms before, 1.28–1.47 ms after, with
    # or without the deck and live recompute; docs/benchmarks.md, issue 22). Walking the window's tree
    # first gives the bare recompute, the macro and the office's own work for a key the same cost per cell
    # as deck/live and deck/typed.
    from ui_helpers import walk
    sum(1 for _ in walk(case.doc.CurrentController.Frame.ContainerWindow.getAccessibleContext()))
    # LibreOffice's own work for a keystroke, before the deck opens (live recompute off, no deck: Jixiao
    # queues nothing): from the key's modify event until a callback posted then runs.
    office.set_live_recompute(False)
    own_cpu = []
    own = record(f"{key}.deck.office", median(typed_runs(office, case, None, repeat, warm, own_cpu)))
    # The bare recompute and the macro before the deck opens too: with the deck open, its own read of the
    # tables after each edit would leave the timed recompute nothing to re-read.
    res = office.run_probe(Mode="jixiao", Document=case.doc, Table=case.table, Cell=case.cell, Values=values,
                           Settle=True, Repeat=repeat + warm)
    bare = record(f"{key}.deck.bare", median(res["ms"][warm:]))
    bare_min = record(f"{key}.deck.bare.min", min(res["ms"][warm:]))
    bare_spread = f"(min {bare_min:.2f}, max {max(res['ms'][warm:]):.2f})"
    py_macro = record(f"{key}.deck.python.macro",
                      median(office.macro("recompute", case.doc, case.table, case.cell, values, repeat + warm,
                                          True)[warm:]))
    _, window = open_deck(office, "swriter", case.doc)
    label = harness.wait_until(lambda: summary_label(window), timeout=20)
    if label is None:
        raise RuntimeError("the deck's summary label is not in the accessibility tree")
    tool = office.tool()
    tool.recompute(case.doc)  # the Python code does a little less: Jixiao's own state for the runs below
    office.settle()
    office.set_live_recompute(True)
    res = office.run_probe(Mode="live", Document=case.doc, Table=case.table, Cell=case.cell, Values=values,
                           Watch=label, Settle=True, Repeat=repeat + warm)
    live = record(f"{key}.deck.live", median(res["ms"][warm:]))
    live_min = record(f"{key}.deck.live.min", min(res["ms"][warm:]))
    spread = f"(min {live_min:.2f}, max {max(res['ms'][warm:]):.2f})"
    edit = record(f"{key}.deck.edit", median(res["edit ms"][warm:]))
    early = int(sum(res["shown before the edit returned"][warm:]))
    typed_cpu = []
    typed_ms = typed_runs(office, case, label, repeat, warm, typed_cpu)
    typed = record(f"{key}.deck.typed", median(typed_ms))
    typed_min = record(f"{key}.deck.typed.min", min(typed_ms))
    office.set_live_recompute(False)
    office.settle()
    shown = summary_label(window).getAccessibleName().split("\n")[0]
    line("deck/bare  EvaluationTool.recompute (probe)", bare, bare_spread)
    line("deck/live  modify → recompute → summary shown", live, spread)
    line("  the edit itself (setString, not in deck/live)", edit,
         f"(summary shown before setString returned in {early} of {len(res['ms']) - warm} runs)")
    line("deck/typed  key → modify → recompute → summary shown", typed,
         f"(min {typed_min:.2f}, max {max(typed_ms):.2f}; real keys, the edited-cell path)")
    line("  of which LibreOffice's own work for the key (no deck, live off)", own,
         "(modify → a callback posted then runs)")
    share = record(f"{key}.deck.typed.jixiao", max(typed - own, 0.01))
    line("  Jixiao's share: deck/typed − LibreOffice's own", share)
    if own_cpu and typed_cpu:
        # The same three figures as the main thread's CPU time over each interval: steadier on a shared
        # machine, where the wall clock also counts the waits for a core.
        own_c = record(f"{key}.deck.office.cpu", median(own_cpu))
        typed_c = record(f"{key}.deck.typed.cpu", median(typed_cpu))
        share_c = record(f"{key}.deck.typed.jixiao.cpu", max(typed_c - own_c, 0.01))
        line("  main-thread CPU: deck/typed | LibreOffice's own | Jixiao's share", typed_c,
             f"| {own_c:.2f} | {share_c:.2f}")
    print(f"  summary after the last run: {shown}")
    # Issue 22 item 5: an edit live recompute cannot tie to a cell (paste, undo, redo, a macro) with the deck
    # open costs at most 1.5 bare recomputes; a keystroke's share at most what LibreOffice does for the key.
    ratio("deck/live ÷ deck/bare", live / bare, "≤ 1.5×")
    record(f"{key}.ratio.live_over_bare", live / bare)
    # The fastest runs are the least disturbed by other work on a shared machine: their ratio is steadier.
    ratio("  the same, fastest runs (min ÷ min)", live_min / bare_min, "≤ 1.5×")
    record(f"{key}.ratio.live_over_bare.min", live_min / bare_min)
    ratio("Jixiao's share ÷ LibreOffice's own work for the key", share / own, "≤ 1×")
    record(f"{key}.ratio.share_over_own", share / own)
    if own_cpu and typed_cpu:
        ratio("  the same in main-thread CPU time", share_c / own_c, "≤ 1×")
        record(f"{key}.ratio.share_over_own.cpu", share_c / own_c)
    if headline is not None:
        ratio("deck/live ÷ jixiao/office (section a, headless)", live / headline, "≤ 1.2×")
        record(f"{key}.ratio.live_over_headline", live / headline)
    ratio("deck/typed ÷ deck/bare", typed / bare, "≤ 1.2×")
    record(f"{key}.ratio.typed_over_bare", typed / bare)
    line("python/macro in this office (settled the same way)", py_macro)
    ratio("python/macro ÷ deck/live (this office; an API edit, every input re-read)", py_macro / live, "≥ 8×")
    record(f"{key}.ratio.python_over_live", py_macro / live)
    ratio("python/macro ÷ deck/typed (this office; a keystroke, the edited cell)", py_macro / typed, "≥ 8×")
    record(f"{key}.ratio.python_over_typed", py_macro / typed)
    ratio("python/macro ÷ Jixiao's share of deck/typed (like for like)", py_macro / share, "≥ 8×")
    record(f"{key}.ratio.python_over_typed_share", py_macro / share)
    if python_macro is not None:
        ratio("python/macro (section a, headless) ÷ deck/live", python_macro / live, "≥ 8×")
        record(f"{key}.ratio.headless_python_over_live", python_macro / live)
    print(f"  side by side (ms): python/macro {py_macro:.2f} | deck/typed {typed:.2f} = LibreOffice's own "
          f"{own:.2f} + Jixiao's share {share:.2f} | deck/bare {bare:.2f} | deck/live {live:.2f}")
    return live


def end_to_end(repeat, quick):
    print("\n(f) the per-keystroke path with the deck open: a second soffice with a window on a private Xvfb",
          flush=True)
    office = BenchOffice(headless=False)
    office.start()
    work = harness.scratch_dir("jixiao-bench-deck-")
    try:
        tool = office.tool()
        trips = office.run_probe(Mode="mainloop", Repeat=(5 if quick else 51))["ms"]
        line("one idle trip through the main loop", record("deck.mainloop", median(trips[1:])))
        sample = sample_case(office, work, hidden=False)
        deck_case(office, sample, repeat, RESULTS.get("sample.jixiao.office"), RESULTS.get("sample.python.macro"))
        sample.doc.close(True)
        leaves = 40 if quick else 200
        big = generated_case(office, leaves, tool, hidden=False)
        live = deck_case(office, big, repeat, RESULTS.get("generated.jixiao.office"),
                         RESULTS.get("generated.python.macro"))
        print(f"  {big.label}: deck/typed {RESULTS[big.label.split()[0] + '.deck.typed']:.2f} ms, "
              f"deck/live {live:.2f} ms (goal < 10 ms"
              f"{'' if not quick else '; quick mode uses 40 indicators'})")
        big.doc.close(True)
    finally:
        office.stop()
        shutil.rmtree(work, ignore_errors=True)


def calc_case(office, tool, leaves):
    doc = office.new_document("scalc")
    sheet = doc.getSheets().getByIndex(0)
    if leaves == 21:
        tool.insertScoreTable(doc, "county-project")
    else:
        # importScorecard fails on Calc in this build (see docs/benchmarks.md), so the large table is typed in
        # as an unmerged sheet with plain values, as an .xlsx copy would arrive: no live formulas.
        card = json.loads(generated_scorecard(leaves))
        rows = [("一级指标", "二级指标", "三级指标", "指标解释", "评价标准", "指标分值", "评价得分", "扣分情况", "扣分原因")]
        for top in card["indicators"]:
            for sec in top["children"]:
                for leaf in sec["children"]:
                    w, sc = float(leaf["weight"]), float(leaf["score"])
                    rows.append((f"{top['name']}（{top['weight']}分）", f"{sec['name']}（{sec['weight']}分）",
                                 f"{leaf['name']}（{leaf['weight']}分）", leaf["explanation"], leaf["standard"],
                                 w, sc, round(w - sc, 6), ""))
        rows.append(("合计", "", "", "", "", 100.0, 0.0, 0.0, ""))
        rows.append(("评价等级", "", "", "", "", "", "", "", ""))
        sheet.getCellRangeByPosition(0, 0, 8, len(rows) - 1).setDataArray(tuple(rows))
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last_col, last_row = cursor.getRangeAddress().EndColumn, cursor.getRangeAddress().EndRow
    data = sheet.getCellRangeByPosition(0, 0, last_col, last_row).getDataArray()
    header = next(r for r, row in enumerate(data) if any("".join(str(c).split()) == "评价得分" for c in row))
    score_col = next(c for c, v in enumerate(data[header]) if "".join(str(v).split()) == "评价得分")
    weight_col = score_col - 1
    leaf_rows = [r for r in range(header + 1, len(data)) if isinstance(data[r][weight_col], float)
                 and str(data[r][0]).strip() not in ("合计",) and data[r][weight_col] < 50]
    for r in leaf_rows:  # fully scored, so totals and grade are defined
        sheet.getCellByPosition(score_col, r).setValue(data[r][weight_col])
    tool.recompute(doc)
    mid = leaf_rows[len(leaf_rows) // 2]
    col = chr(65 + score_col)
    weight = data[mid][weight_col]
    rng = f"A1:{chr(65 + last_col)}{last_row + 1}"
    return doc, rng, f"{col}{mid + 1}", [f"{weight / 2:g}", f"{weight:g}"]


def calc_recompute(office, tool, leaves, repeat):
    doc, rng, cell, values = calc_case(office, tool, leaves)
    how = "inserted by Jixiao (live formulas)" if leaves == 21 else "plain values, no formulas"
    print(f"\n(b2) Calc — {leaves} indicators {how}, range {rng}, edit {cell}")
    warm = 1
    joined = SEP.join(values)
    res = office.run_probe(Mode="jixiao", Document=doc, Cell=cell, Values=joined, Repeat=repeat + warm)
    j = record(f"calc{leaves}.jixiao.office", median(res["ms"][warm:]))
    written = [int(x) for x in res["written"][warm:]]
    calc = record(f"calc{leaves}.calculateAll",
                  median(office.run_probe(Mode="calculate", Document=doc, Cell=cell, Values=joined,
                                          Repeat=repeat + warm)["ms"][warm:]))
    floor = record(f"calc{leaves}.floor.cpp",
                   median(office.run_probe(Mode="floor", Document=doc, Table=rng, Cell=cell, Values=joined,
                                           Repeat=repeat + warm)["ms"][warm:]))
    line("jixiao/office recompute", j, f"(cells written per run: {sorted(set(written))})")
    line("Calc calculateAll()", calc)
    line("floor/C++ (one getDataArray of the range)", floor)
    if leaves == 21:
        ratio("Jixiao ÷ calculateAll", j / calc, "—")
    else:
        print("  (no formulas in this table: calculateAll has nothing to recalculate; no ratio)")
    res = office.run_probe(Mode="profile", Document=doc, Cell=cell, Values=joined, Repeat=repeat + warm)
    parts = ", ".join(f"{k.split(' ', 1)[1]} {median(v[warm:]):.2f}" for k, v in sorted(res.items())
                      if k[0].isdigit() and "count" not in k and "written" not in k and not k.endswith("cells"))
    print(f"  profile: {parts} ms")
    doc.close(True)


REPORT_TEXT = ("{n}．2025年，该项目年初预算资金2万元，实际支出1.99万元，预算执行率99.5%，结余0.01万元。全年办理12345政务热线"
               "交办件3794件，按时办结率98.6%，群众满意度95.2%。项目实施过程中，单位严格执行财务管理制度，资金使用"
               "规范，会计核算准确，但绩效目标设置不够细化，部分指标未能量化，后续将进一步完善绩效目标管理，"
               "提高预算编制的科学性和准确性，确保财政资金使用效益。")


def long_report(office, tool, pages_wanted, hidden=True):
    doc = office.new_document("swriter", hidden=hidden)
    with open(os.path.join(harness.SOURCE_DIR, "examples", "sample-scorecard.json"), encoding="utf-8") as f:
        tool.importScorecard(doc, f.read())
    # a third table: a plain 12×6 table of figures, as reports carry
    table = doc.createInstance("com.sun.star.text.TextTable")
    table.initialize(12, 6)
    body = doc.getText()
    body.insertTextContent(body.getEnd(), table, False)
    for r in range(12):
        for c in range(6):
            table.getCellByPosition(c, r).setString(f"{r * 6 + c + 0.5:g}" if r else f"列{c + 1}")
    pages = 0
    step = max(40, pages_wanted * 5)
    while pages < pages_wanted:
        pages = int(office.macro("fill", doc, step, REPORT_TEXT)[0])
        step = max(20, step // 2)
    return doc, pages


def validation(office, tool, sample, repeat, pages_wanted):
    print("\n(c2) validation of the whole report (EvaluationTool.validate, timed in soffice by the probe)")
    warm = 1
    res = office.run_probe(Mode="validate", Document=sample.doc, Repeat=repeat + warm)
    v = record("validate.sample", median(res["ms"][warm:]))
    line("sample report (.docx, 1 scoring + funding table)", v, f"({int(res['findings'][-1])} findings)")
    doc, pages = long_report(office, tool, pages_wanted)
    paragraphs = doc.getText().createEnumeration()
    count = 0
    while paragraphs.hasMoreElements():
        paragraphs.nextElement()
        count += 1
    res = office.run_probe(Mode="validate", Document=doc, Repeat=repeat + warm)
    v = record("validate.long", median(res["ms"][warm:]))
    record("validate.long.pages", pages)
    line(f"generated report ({pages} pages, 3 tables, {count} paragraphs)", v,
         f"({int(res['findings'][-1])} findings)")
    return doc, pages


def windowed_validation(repeat, quick):
    """Section g: 校验's read of a long report with a window, on the office's main thread as the deck runs it."""
    print("\n(g) 校验 and the paragraph read of a long report with a window (a second soffice on a private Xvfb; "
          "timed on the office's main thread by the probe)", flush=True)
    office = BenchOffice(headless=False)
    office.start()
    try:
        tool = office.tool()
        pages_wanted = 10 if quick else 100
        doc, pages = long_report(office, tool, pages_wanted, hidden=False)
        office.settle()
        warm = 1
        runs = repeat + warm
        # The two reads interleaved, run by run: getString on each paragraph (Jixiao's read before 2026-12-08)
        # and Jixiao's read, portion by portion; then the same right after an untimed edit of the last
        # paragraph, as the prose comparison after 校验 reads it.
        for edit, label in ((False, "paragraphs"), (True, "paragraphs.edited")):
            timed = {"getstring": [], "paragraphs": []}
            for _ in range(runs):
                for action in timed:
                    res = office.run_probe(Mode="onmain", Action=action, Edit=edit, Document=doc, Repeat=1)
                    timed[action] += res["ms"]
                    count = int(res["count"][-1])
            before = record(f"window.{label}.getstring", median(timed["getstring"][warm:]))
            after = record(f"window.{label}", median(timed["paragraphs"][warm:]))
            line(f"{'right after an edit: ' if edit else ''}getString per paragraph, {count} paragraphs", before,
                 f"(min {min(timed['getstring'][warm:]):.2f})")
            line(f"{'right after an edit: ' if edit else ''}Jixiao's read, portion by portion", after,
                 f"(min {min(timed['paragraphs'][warm:]):.2f}; {before / after:.2f}× faster)")
        res = office.run_probe(Mode="onmain", Action="validate", Document=doc, Repeat=runs)
        line(f"校验 (EvaluationTool.validate) on that report", record("window.validate", median(res["ms"][warm:])),
             f"({int(res['count'][-1])} findings; min {min(res['ms'][warm:]):.2f}, max {max(res['ms'][warm:]):.2f})")
        res = office.run_probe(Mode="validate", Document=doc, Repeat=runs)
        line("  the same from the probe's bridge thread", record("window.validate.bridge", median(res["ms"][warm:])))
        record("window.pages", pages)
        record("window.paragraph_count", count)
        doc.close(True)
    finally:
        office.stop()


def start_times(install, starts):
    """Cold start of soffice → UNO connection → a new Writer document, each start a fresh soffice process on
    one profile (the first start after installing registers the extension and is reported apart)."""
    profile = tempfile.mkdtemp(prefix="jixiao-profile-bench-")
    user = os.path.join(profile, "user")
    os.makedirs(user)
    with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(harness.REGISTRY_SEED.format(version=harness.office_version(), locale="zh-CN"))
    if install:
        harness.install_extension(profile, harness.OXT)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    times, loaded = [], []
    try:
        for _ in range(starts):
            port = harness.free_port()
            args = [harness.SOFFICE, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                    "--nolockcheck", f"-env:UserInstallation=file://{profile}",
                    f"--accept=socket,host=127.0.0.1,port={port},tcpNoDelay=1;urp;StarOffice.ComponentContext"]
            start = time.perf_counter()
            process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       start_new_session=True)
            try:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        ctx = resolver.resolve(
                            f"uno:socket,host=127.0.0.1,port={port},tcpNoDelay=1;urp;StarOffice.ComponentContext")
                        break
                    except Exception:
                        if process.poll() is not None or time.monotonic() > deadline:
                            raise RuntimeError("soffice did not start")
                        time.sleep(0.01)
                desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
                doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, props(Hidden=True))
                times.append((time.perf_counter() - start) * 1000)
                bench_office = BenchOffice.__new__(BenchOffice)
                bench_office.process = process
                pid = bench_office.soffice_pid()
                with open(f"/proc/{pid}/maps") as f:
                    loaded.append("libjixiao.so" in f.read())
                doc.close(True)
                try:
                    desktop.terminate()
                except Exception:
                    pass
                process.wait(timeout=15)
            finally:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return times, loaded


def startup(starts):
    print(f"\n(d2) start-up: soffice --headless → UNO connect → new Writer document ({starts} starts each, "
          f"one profile per variant)")
    without, _ = start_times(False, starts)
    with_ext, loaded = start_times(True, starts)
    a = record("startup.without", median(without[1:]) if len(without) > 1 else without[0])
    b = record("startup.with", median(with_ext[1:]) if len(with_ext) > 1 else with_ext[0])
    record("startup.with.first", with_ext[0])
    record("startup.without.first", without[0])
    line("without Jixiao (median of later starts)", a, f"(first start {without[0]:.0f} ms)")
    line("with Jixiao    (median of later starts)", b, f"(first start after install {with_ext[0]:.0f} ms)")
    line("difference", b - a)
    print(f"  libjixiao.so mapped after the first document: {['yes' if x else 'no' for x in loaded]} "
          f"(headless: no sidebar is created)")
    record("startup.lazy", not any(loaded))


def memory(office, tool, case, count):
    print(f"\n(e2) soffice RSS around {count} recomputes (sample report, probe loop: edit + recompute)")
    values = SEP.join(case.values)
    office.run_probe(Mode="jixiao", Document=case.doc, Table=case.table, Cell=case.cell, Values=values, Repeat=10)
    before = record("rss.before", office.rss_mib())
    res = office.run_probe(Mode="jixiao", Document=case.doc, Table=case.table, Cell=case.cell, Values=values,
                           Repeat=count)
    after = record("rss.after", office.rss_mib())
    res2 = office.run_probe(Mode="jixiao", Document=case.doc, Table=case.table, Cell=case.cell, Values=values,
                            Repeat=count)
    after2 = record("rss.after2", office.rss_mib())
    print(f"  RSS before {before:8.1f} MiB, after {count}: {after:8.1f} MiB (+{after - before:.1f}), "
          f"after {2 * count}: {after2:8.1f} MiB (+{after2 - before:.1f})")
    print(f"  recompute median over the loops: {median(res['ms']):.2f} ms, {median(res2['ms']):.2f} ms "
          f"(undo stack capped by LibreOffice's 100 steps)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="each measurement once, small counts (CI)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--only", help="comma list of sections: a,b2,c2,d2,e2,f,g")
    opts = parser.parse_args()
    quick = opts.quick
    sections = set((opts.only or "a,b2,c2,d2,e2,f,g").split(","))
    repeat = 1 if quick else 21
    info = record("machine", machine())
    print(f"Jixiao benchmarks ({'quick' if quick else 'full'}) — {info['date']}")
    print(f"machine: {info['nproc']} × {info['cpu']}, {info['memory_gib']} GiB, Linux {info['kernel']}, "
          f"{info['office']}; load average at start {info['loadavg_at_start']}")
    print("Figures are medians of the timed runs after one untimed warm-up; the score edit before each run is "
          "not timed. Nothing here asserts a timing." + (" QUICK MODE: one run each, figures are noisy." if quick
                                                          else ""))
    began = time.perf_counter()
    office = BenchOffice()
    office.start()
    work = harness.scratch_dir("jixiao-bench-")
    try:
        tool = office.tool()
        baseline = record("remote_call_baseline", remote_baseline(tool, 10 if quick else 200))
        print(f"\ntrivial remote call (XServiceInfo.getImplementationName over the socket): {baseline:.3f} ms")
        sample = sample_case(office, work)
        if "a" in sections:
            writer_recompute(office, tool, sample, repeat, baseline)
            writer_profile(office, sample, repeat, "sample")
            big = generated_case(office, 40 if quick else 200, tool)
            writer_recompute(office, tool, big, repeat, baseline)
            writer_profile(office, big, repeat, big.label)
            j200 = RESULTS.get(f"{big.label.split()[0]}.jixiao.office")
            print(f"  {big.label}: Jixiao {j200:.2f} ms (goal < 20 ms"
                  f"{'' if not quick else '; quick mode uses 40 indicators'})")
            big.doc.close(True)
        if "b2" in sections:
            calc_recompute(office, tool, 21, repeat)
            calc_recompute(office, tool, 40 if quick else 200, repeat)
        if "c2" in sections:
            long_doc, pages = validation(office, tool, sample, 1 if quick else 5, 10 if quick else 100)
            # Recompute on the long report: Jixiao reads the whole body on every recompute.
            table = long_doc.getTextTables().getByIndex(0).getName()
            case = WriterCase(f"report ({pages} pages)", long_doc, table, "G20", ["6", "8"])
            res = office.run_probe(Mode="jixiao", Document=long_doc, Table=table, Cell="G20", Values="6\x1f8",
                                   Repeat=(1 if quick else 5) + 1)
            record("long.jixiao.office", median(res["ms"][1:]))
            line(f"recompute on that {pages}-page report", median(res["ms"][1:]))
            writer_profile(office, case, 1 if quick else 5, case.label)
            long_doc.close(True)
        if "e2" in sections:
            memory(office, tool, sample, 50 if quick else 1000)
        sample.doc.close(True)
    finally:
        office.stop()
        shutil.rmtree(work, ignore_errors=True)
    if "f" in sections:
        end_to_end(repeat, quick)
    if "g" in sections:
        windowed_validation(5 if not quick else 1, quick)
    if "d2" in sections:
        startup(2 if quick else 6)
    print(f"\nbench: done in {time.perf_counter() - began:.0f} s")
    if opts.json:
        with open(opts.json, "w", encoding="utf-8") as f:
            json.dump(RESULTS, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
