"""Finding and clicking controls through LibreOffice's accessibility tree, and taking screenshots."""
import os
import re
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


# A Chinese label's mnemonic, "插入打分表(~T)", is read out as "插入打分表(T)": tests name a control by its words.
MNEMONIC = re.compile(r"\([A-Z0-9]\)$")


def shown_name(context):
    """A control's accessible name without its mnemonic."""
    return MNEMONIC.sub("", context.getAccessibleName())


def find(window, name, role=None):
    for context in walk(window.getAccessibleContext()):
        try:
            if shown_name(context) == name and (role is None or context.getAccessibleRole() == role):
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


SCREEN_HEIGHT = 900  # VirtualDisplay's screen (office.py)


def visible_rows(context):
    """The screen rows where `context` can be seen: those of the nearest ancestor smaller than its own child
    (the deck's scrolled viewport, which clips the panels), within the screen."""
    child_height = context.getSize().Height
    ancestor = context
    for _ in range(12):
        parent = ancestor.getAccessibleParent()
        if parent is None:
            break
        ancestor = parent.getAccessibleContext()
        try:
            where, size = ancestor.getLocationOnScreen(), ancestor.getSize()
        except Exception:  # not a component (the application's root)
            break
        if 0 < size.Height < child_height:
            return max(0, where.Y), min(SCREEN_HEIGHT, where.Y + size.Height)
        child_height = size.Height
    return 0, SCREEN_HEIGHT


def _panel_of(context):
    """The panel window holding a control (or a list's item): its left margin has no control under it."""
    from com.sun.star.accessibility.AccessibleRole import PANEL
    panel = context.getAccessibleParent().getAccessibleContext()
    for _ in range(4):
        if panel.getAccessibleRole() == PANEL:
            break
        panel = panel.getAccessibleParent().getAccessibleContext()
    return panel


def scroll_into_view(display, context):
    """Scrolls the deck with the mouse wheel, as a user does, until `context` is in sight: its panels are
    together taller than a 900-pixel screen. The wheel turns over the panel's left margin, where no list
    takes it (a drop-down list under the pointer would change its choice)."""
    for _ in range(60):
        where = context.getLocationOnScreen()
        size = context.getSize()
        top, bottom = visible_rows(context)
        if where.Y >= top and where.Y + size.Height <= bottom:
            return
        move_pointer(display, _panel_of(context).getLocationOnScreen().X + 2, (top + bottom) // 2)
        xdotool(display, "click", "5" if where.Y + size.Height > bottom else "4")
    raise AssertionError(f"could not scroll {context.getAccessibleName()} into sight")


def click(display, context, scroll=True):
    """Clicks the middle of an accessible component with the mouse (real X events, not an accessible action),
    the deck scrolled first to bring it into sight (`scroll`; a dialog's controls are clicked where they are)."""
    if scroll:
        scroll_into_view(display, context)
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


_panels = []  # (window, the deck's accessible context): found once, checked before each use


def _is_alive(context):
    try:
        return context.getAccessibleChildCount() > 0
    except Exception:  # disposed: the sidebar made a new deck
        return False


def panel_context(window):
    """The accessible context holding all of the deck's panels (报告信息, 打分表, 校验结果, 报告段落, 状态与帮助), in
    their order: the nearest ancestor of the 插入打分表 button that also holds the About line. Polling the deck
    looks at it many times: it is looked for once per window and again only when the sidebar has replaced it."""
    for known, cached in _panels:
        if known == window and _is_alive(cached):
            return cached
    button = find(window, "插入打分表", PUSH_BUTTON)
    deck = None
    context = button
    while context is not None and deck is None:
        parent = context.getAccessibleParent()
        context = parent.getAccessibleContext() if parent is not None else None
        if context is not None and any(is_about_line(name) for name in _label_names(context, limit=8)):
            deck = context
    _panels[:] = [(known, cached) for known, cached in _panels if known != window]
    if deck is not None:
        _panels.append((window, deck))
    return deck


def _label_names(context, limit):
    from com.sun.star.accessibility.AccessibleRole import LABEL
    names = []
    for child in walk(context, limit=limit):
        try:
            if child.getAccessibleRole() == LABEL:
                names.append(child.getAccessibleName())
        except Exception:
            continue
    return names


def panel_label_contexts(window):
    """The accessible contexts of the panel's labels, top to bottom."""
    from com.sun.star.accessibility.AccessibleRole import LABEL
    panel = panel_context(window)
    labels = []
    for context in walk(panel, limit=8) if panel is not None else []:
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


def _is_summary_headline(name):
    return name.startswith("总分") or name.startswith("文档中还没有打分表")


def summary_label(window):
    """The accessible context of the deck's summary headline (its text starts 总分; bold), or None."""
    for context in panel_label_contexts(window):
        try:
            if _is_summary_headline(context.getAccessibleName()):
                return context
        except Exception:
            continue
    return None


def summary_text(window):
    """The deck's summary as the accessibility tree shows it: the headline (总分 and 等级) and the label under
    it, one line each, or None."""
    labels = panel_label_contexts(window)
    for i, context in enumerate(labels):
        try:
            name = context.getAccessibleName()
            if not _is_summary_headline(name):
                continue
            rest = labels[i + 1].getAccessibleName() if i + 1 < len(labels) else ""
            return name + "\n" + rest if rest else name
        except Exception:
            continue
    return None


def is_about_line(label):
    """The deck's About line (its bottom row): "绩效评价助手 <version> · LibreOffice <version> · Linux <machine>"."""
    return " · LibreOffice " in label


def status_text(window):
    """The deck's status line: the panel's last label above its About line."""
    labels = [label for label in panel_labels(window) if not is_about_line(label)]
    return labels[-1] if labels else None
