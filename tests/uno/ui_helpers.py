"""Finding and clicking controls through LibreOffice's accessibility tree, and taking screenshots."""
import os
import subprocess
import time

from office import ARTIFACTS


def walk(context, depth=0, limit=40):
    """Yields every accessible context below `context` (depth-first)."""
    if context is None or depth > limit:
        return
    yield context
    try:
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


def wait_for(predicate, timeout=20.0, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


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
    if not wait_for(lambda: sidebar.getDecks().hasByName(DECK), timeout=5):
        dispatch_deck()
    if not wait_for(lambda: sidebar.getDecks().hasByName(DECK)):
        raise AssertionError(f"no 绩效评价 deck among {sidebar.getDecks().getElementNames()}")
    deck = sidebar.getDecks().getByName(DECK)
    for _ in range(3):
        deck.activate(True)
        if wait_for(lambda: deck.isActive(), timeout=3):
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


def click(display, context):
    """Clicks the middle of an accessible component with the mouse (real X events, not an accessible action)."""
    where = context.getLocationOnScreen()
    size = context.getSize()
    xdotool(display, "mousemove", "--sync", where.X + size.Width // 2, where.Y + size.Height // 2)
    xdotool(display, "click", "1")


def focus_document(doc, display):
    """Gives the document's edit window the keyboard focus: the pointer over the document area (Xvfb has no
    window manager, so X's focus follows the pointer) and the office's own focus on that window. The window
    is the one open_deck placed at 0,0; nothing is clicked, so the cursor stays where the test put it."""
    xdotool(display, "mousemove", "--sync", 400, 450)
    doc.CurrentController.Frame.ComponentWindow.setFocus()


def panel_context(window):
    """The accessible context of Jixiao's panel (the parent of its 插入打分表 button)."""
    from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON
    button = find(window, "插入打分表", PUSH_BUTTON)
    return button.getAccessibleParent().getAccessibleContext() if button is not None else None


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


def status_text(window):
    """The deck's status line: the panel's last label (its bottom row)."""
    labels = panel_labels(window)
    return labels[-1] if labels else None
