"""What the deck's UI tests measure of a panel: every control against the size it asks for (XLayoutConstrains), a
dropdown whose chosen entry the box cuts against the label that shows it whole, and the panel's screenshot
(test_ui_deck_scaling.py at the deck's minimal width, test_ui_deck_default_width.py at the sidebar's default)."""
import os
import subprocess

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.awt import Size

from office import ARTIFACTS, Office, OfficeCase


class FontSizeCase(OfficeCase):
    """One office under Xvfb for the class, at the UI font size `DPI` asks for (SAL_FORCEDPI; None: the display's
    own, called 96dpi): each deck test runs in a subclass at 96 and one at 192."""
    DPI = None
    maxDiff = None  # every control cut is listed

    @classmethod
    def setUpClass(cls):
        cls.office = Office(headless=False, env={"SAL_FORCEDPI": str(cls.DPI)} if cls.DPI else None)
        cls.office.start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def label(self):
        return f"{self.DPI or 96}dpi"


def kind_of(control):
    model = control.getModel()
    for kind in ("Button", "CheckBox", "FixedText", "ListBox", "Edit"):
        if model.supportsService(f"com.sun.star.awt.UnoControl{kind}Model"):
            return kind
    return "other"


def describe(control):
    """A control as a reader of the failure finds it: its kind and its label (the panel's models are not named)."""
    model = control.getModel()
    label = model.Label if model.getPropertySetInfo().hasPropertyByName("Label") else ""
    return f"{kind_of(control)} “{label[:30]}”"


def too_small(control):
    """Why `control` is smaller than it asks to be, or None."""
    name = describe(control)
    kind = kind_of(control)
    got = control.getPosSize()
    peer = control.getPeer()
    wanted = peer.getPreferredSize()
    if kind == "FixedText" and control.getModel().MultiLine:
        # A wrapped text: the height its words need at the width it was given.
        needed = peer.calcAdjustedSize(Size(got.Width, 0))
        if got.Height < needed.Height:
            return f"{name}: {got.Width}×{got.Height}, its text needs {needed.Height} high"
        return None
    if kind in ("ListBox", "Edit"):  # they scroll sideways: their width is the panel's
        if got.Height < wanted.Height:
            return f"{name}: {got.Width}×{got.Height}, wants {wanted.Height} high"
        return None
    if got.Width < wanted.Width or got.Height < wanted.Height:
        return f"{name}: {got.Width}×{got.Height}, wants {wanted.Width}×{wanted.Height}"
    return None


def cut_choice(control, controls):
    """Why the entry chosen in the dropdown `control` cannot be read whole, or None: the box is narrower than its
    entries need (its preferred width) and no wrapped label of the panel shows the chosen entry whole."""
    if kind_of(control) != "ListBox" or not control.getModel().Dropdown:
        return None
    got = control.getPosSize()
    wanted = control.getPeer().getPreferredSize()
    chosen = control.getSelectedItem()
    if got.Width >= wanted.Width or not chosen:
        return None
    shown = [c for c in controls if kind_of(c) == "FixedText" and c.getModel().MultiLine
             and c.getModel().Label == chosen and too_small(c) is None]
    if shown:
        return None
    return f"ListBox “{chosen[:30]}”: {got.Width} wide, its entries need {wanted.Width}, and no label shows it whole"


def panel_problems(title, container):
    """Every way the panel `container` (its title `title`) cuts one of its controls: too small for what it asks
    (too_small), a chosen entry no one shows whole (cut_choice), past the panel's right edge, below its bottom."""
    problems = []
    controls = container.getControls()
    bottom = 0
    for control in controls:
        why = too_small(control) or cut_choice(control, controls)
        if why:
            problems.append(f"{title}: {why}")
        got = control.getPosSize()
        bottom = max(bottom, got.Y + got.Height)
        if got.X + got.Width > container.getPosSize().Width:
            problems.append(f"{title}: {describe(control)} runs past the panel's right edge")
    if container.getPosSize().Height < bottom:
        problems.append(f"{title}: the panel is {container.getPosSize().Height} high, its controls need {bottom}")
    return problems


def settle_layout(office, container):
    """Whether the sidebar has laid the deck out after a panel was expanded: the panel's size is the same after
    the main loop has gone idle twice."""
    office.settle()
    before = container.getPosSize()
    office.settle()
    after = container.getPosSize()
    return (before.Width, before.Height) == (after.Width, after.Height)


def screenshot_panel(office, container, name):
    """The screen around the panel, kept in the test artefacts: its title bar above it and a margin around."""
    where = container.getPeer().getAccessibleContext().getLocationOnScreen()
    size = container.getPosSize()
    os.makedirs(ARTIFACTS, exist_ok=True)
    x, y = max(0, where.X - 8), max(0, where.Y - 40)
    subprocess.run(["import", "-display", office.display, "-window", "root", "-crop",
                    f"{size.Width + 16}x{size.Height + 48}+{x}+{y}", os.path.join(ARTIFACTS, name)],
                   check=True, timeout=60)
