"""Finding and clicking controls through LibreOffice's accessibility tree, and taking screenshots."""
import os
import subprocess

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import (DOCUMENT, DOCUMENT_PRESENTATION, DOCUMENT_SPREADSHEET,
                                                       DOCUMENT_TEXT, MENU_BAR, PUSH_BUTTON, TOOL_BAR)

from office import ARTIFACTS, wait_until

# Subtrees no test looks into: the document's own content, the menu bar and the toolbars are five in six of a
# document window's ~1,200 accessible objects, each one a remote call; walking them made every look at the
# deck take 6–9 s.
SKIPPED_ROLES = frozenset((DOCUMENT, DOCUMENT_PRESENTATION, DOCUMENT_SPREADSHEET, DOCUMENT_TEXT, MENU_BAR,
                           TOOL_BAR))


def walk(context, depth=0, limit=40):
    """Yields the accessible contexts below `context` (depth-first), not descending into SKIPPED_ROLES."""
    if context is None or depth > limit:
        return
    yield context
    try:
        if depth > 0 and context.getAccessibleRole() in SKIPPED_ROLES:
            return
        count = context.getAccessibleChildCount()
    except Exception:
        return
    for i in range(min(count, 500)):
        try:
            child = context.getAccessibleChild(i)
        except Exception:
            continue
        if child is not None:
            yield from walk(child.getAccessibleContext(), depth + 1, limit)


def find(window, name, role=None):
    for context in walk(window.getAccessibleContext()):
        try:
            if context.getAccessibleName() == name and (role is None or context.getAccessibleRole() == role):
                return context
        except Exception:
            continue
    return None


DECK = "org.jixiao.Jixiao.Deck"
PANEL = "org.jixiao.Jixiao.MainPanel"


def open_deck(office, kind, doc=None):
    """Opens `doc` (a new visible document of `kind` when None) in a 1400×900 window with the 绩效评价 deck
    shown; returns (doc, its container window)."""
    doc = doc or office.new_document(kind, hidden=False)
    window = doc.CurrentController.Frame.ContainerWindow
    window.setPosSize(0, 0, 1400, 900, 15)
    sidebar = doc.CurrentController.getSidebar()
    sidebar.setVisible(True)

    def dispatch_deck():
        office.service("com.sun.star.frame.DispatchHelper").executeDispatch(
            doc.CurrentController.Frame, ".uno:SidebarDeck." + DECK, "", 0, ())

    # The deck list fills asynchronously; a collapsed sidebar opens on the deck through its own command
    # (as Tools ▸ 绩效评价 does), which toggles, so it is sent only when activating did not show the deck.
    if not wait_until(lambda: sidebar.getDecks().hasByName(DECK), timeout=5):
        dispatch_deck()
    if not wait_until(lambda: sidebar.getDecks().hasByName(DECK), timeout=20):
        raise AssertionError(f"no 绩效评价 deck among {sidebar.getDecks().getElementNames()}")
    deck = sidebar.getDecks().getByName(DECK)
    for _ in range(3):
        deck.activate(True)
        if wait_until(lambda: deck.isActive(), timeout=3):
            break
        dispatch_deck()  # toggles: a second try opens what the first one closed
    if not deck.isActive():
        raise AssertionError("the 绩效评价 deck could not be opened")
    if PANEL not in deck.getPanels().getElementNames():
        raise AssertionError("the deck has no Jixiao panel")
    return doc, window


def button_in_top_windows(toolkit, prefix):
    """A push button whose name starts with `prefix` ("是", "否") in any of the office's shown top windows (a
    message box just answered may stay listed a while, hidden)."""
    for i in range(toolkit.getTopWindowCount()):
        top = toolkit.getTopWindow(i)
        try:
            if not top.isVisible():
                continue
        except Exception:  # closed while looked at
            continue
        for context in walk(top.getAccessibleContext(), limit=6):
            try:
                if context.getAccessibleRole() == PUSH_BUTTON and context.getAccessibleName().startswith(prefix):
                    return context
            except Exception:
                continue
    return None


def screenshot(name, display):
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, name)
    subprocess.run(["import", "-display", display, "-window", "root", path], check=True, timeout=60)
    return path


def xdotool(display, *args):
    """Real input on the test's private X server: key presses and mouse clicks, as a user makes them."""
    subprocess.run(["xdotool", *[str(a) for a in args]], env=dict(os.environ, DISPLAY=display), check=True,
                   timeout=30)


def type_keys(display, *keys):
    """Presses each in turn: a key name ("Tab", "Return", "ctrl+z": capitalised or a combination) through
    `xdotool key`, anything else ("15", "10x") typed character by character."""
    for key in keys:
        if key[0].isupper() or "+" in key:
            xdotool(display, "key", "--delay", "60", key)
        else:
            xdotool(display, "type", "--delay", "60", key)


def press(display, key):
    """One key pressed and then released, as a hand does it. (`xdotool key` sends both at once; Writer, finding
    the release already queued while it handles the press, holds a typed character back and inserts it from a
    timer, as for a fast typist's overlapping keys.)"""
    xdotool(display, "keydown", key)
    xdotool(display, "keyup", key)


def pointer(display):
    out = subprocess.run(["xdotool", "getmouselocation", "--shell"], env=dict(os.environ, DISPLAY=display),
                         check=True, timeout=30, capture_output=True, text=True).stdout
    values = dict(line.split("=", 1) for line in out.split())
    return int(values["X"]), int(values["Y"])


def move_pointer(display, x, y):
    """Moves the mouse and waits until the X server has it there. (`mousemove --sync` waits for the pointer
    to move, so it stalls for seconds when the pointer is already at the target, as it is at each second
    focus_document.)"""
    xdotool(display, "mousemove", x, y)
    if not wait_until(lambda: pointer(display) == (x, y), timeout=10):
        raise AssertionError(f"the pointer did not move to {x},{y}: it is at {pointer(display)}")


def click(display, context):
    """Clicks the middle of an accessible component with the mouse (real X events, not an accessible action)."""
    where = context.getLocationOnScreen()
    size = context.getSize()
    move_pointer(display, where.X + size.Width // 2, where.Y + size.Height // 2)
    xdotool(display, "click", "1")


def focus_document(doc, display):
    """Gives the document's edit window the keyboard focus: the pointer over the document area (Xvfb has no
    window manager, so X's focus follows the pointer) and the office's own focus on that window. The window
    is the one open_deck placed at 0,0; nothing is clicked, so the cursor stays where the test put it."""
    move_pointer(display, 400, 450)
    doc.CurrentController.Frame.ComponentWindow.setFocus()


_panels = []  # (window, the panel's accessible context): found once, checked before each use


def _is_jixiao_panel(context):
    try:
        return any(context.getAccessibleChild(i).getAccessibleContext().getAccessibleName() == "插入打分表"
                   for i in range(context.getAccessibleChildCount()))
    except Exception:  # disposed: the sidebar made a new panel
        return False


def panel_context(window):
    """The accessible context of Jixiao's panel (the parent of its 插入打分表 button). Polling the deck looks
    at it many times: it is looked for once per window and again only when the sidebar has replaced it."""
    for known, cached in _panels:
        if known == window and _is_jixiao_panel(cached):
            return cached
    button = find(window, "插入打分表", PUSH_BUTTON)
    panel = button.getAccessibleParent().getAccessibleContext() if button is not None else None
    _panels[:] = [(known, cached) for known, cached in _panels if known != window]
    if panel is not None:
        _panels.append((window, panel))
    return panel


def panel_label_contexts(window):
    """The accessible contexts of the panel's labels, top to bottom."""
    from com.sun.star.accessibility.AccessibleRole import LABEL
    panel = panel_context(window)
    labels = []
    for context in walk(panel, limit=3) if panel is not None else []:
        try:
            if context.getAccessibleRole() == LABEL:
                labels.append(context)
        except Exception:
            continue
    return labels


def panel_labels(window):
    labels = []
    for context in panel_label_contexts(window):
        try:
            labels.append(context.getAccessibleName())
        except Exception:
            continue
    return labels


def summary_label(window):
    """The accessible context of the deck's summary label (its text starts 总分), or None."""
    for context in panel_label_contexts(window):
        try:
            name = context.getAccessibleName()
        except Exception:
            continue
        if name.startswith("总分") or name.startswith("文档中还没有打分表"):
            return context
    return None


def summary_text(window):
    """The deck's summary as the accessibility tree shows it (the label starting 总分), or None."""
    label = summary_label(window)
    return label.getAccessibleName() if label is not None else None


def is_about_line(label):
    """The deck's About line (its bottom row): "绩效评价助手 <version> · LibreOffice <version> · Linux <machine>"."""
    return " · LibreOffice " in label


def status_text(window):
    """The deck's status line: the panel's last label above its About line."""
    labels = [label for label in panel_labels(window) if not is_about_line(label)]
    return labels[-1] if labels else None
