"""Tools ▸ Options ▸ 绩效评价 ▸ 绩效评价助手 fits (issue 19, item 6): opened in the Options dialog at its default size
on a private Xvfb, every control of the page lies
inside the page, no text runs past its control's right edge, and 默认模板 lists the templates' names, not their ids.
At normal size and at double size (SAL_FORCEDPI=192, on a 2800×1800 screen so the dialog fits as on a HiDPI
one). Screenshots: build/test-artifacts/options-page-{96,192}dpi.png."""
import os
import threading
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.accessibility.AccessibleRole import CHECK_BOX, COMBO_BOX, DIALOG, LABEL, PUSH_BUTTON, TREE_ITEM

import office as office_module
from office import Office, OfficeCase, wait_until
from top_windows import TopWindowWatch, role
from ui_helpers import click, move_pointer, screenshot, type_keys, walk, xdotool

TEMPLATE_NAMES = ("县级项目支出绩效评价指标体系（决策、过程、产出、效益）", "部门整体支出绩效评价指标体系")


def find_in(window, name, role, limit=40, prefix=False):
    """A control of `window` by role and accessible name (`prefix`: the name starts with `name`, as one with an
    automatic mnemonic such as "(A)" appended does)."""
    for context in walk(window.getAccessibleContext(), limit=limit):
        try:
            found = context.getAccessibleName()
            if context.getAccessibleRole() == role and (found.startswith(name) if prefix else found == name):
                return context
        except Exception:
            continue
    return None


def bounds(context):
    where, size = context.getLocationOnScreen(), context.getSize()
    return where.X, where.Y, where.X + size.Width, where.Y + size.Height


class OptionsPageFits:
    """The checks, on an office started with `dpi` (None: the normal size)."""
    dpi = None

    @classmethod
    def setUpClass(cls):
        saved = os.environ.get("SAL_FORCEDPI")
        if cls.dpi:
            os.environ["SAL_FORCEDPI"] = str(cls.dpi)
        started_display = office_module.VirtualDisplay
        if cls.dpi:  # twice the pixels for twice the size: the Options dialog fits on the screen as on a HiDPI one
            office_module.VirtualDisplay = lambda: started_display(size="2800x1800x24")
        try:
            cls.office = Office(headless=False)
            cls.office.start()  # on a private Xvfb
        finally:
            office_module.VirtualDisplay = started_display
            if saved is None:
                os.environ.pop("SAL_FORCEDPI", None)
            else:
                os.environ["SAL_FORCEDPI"] = saved

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def test_the_page_fits_and_lists_template_names(self):
        office = self.office
        doc = office.new_document("swriter", hidden=False)
        worker = None
        dialog = None
        # The Options dialog is looked into only once it has opened, through the window the toolkit's event
        # carries (top_windows.py: asking the toolkit for its top windows while the main thread builds the dialog
        # made soffice abort once in CI).
        watch = TopWindowWatch(office)
        try:
            # Tools ▸ Options is modal: the dispatch returns when the dialog closes, so it runs beside the test.
            frame = doc.CurrentController.Frame
            helper = office.service("com.sun.star.frame.DispatchHelper")
            worker = threading.Thread(target=lambda: helper.executeDispatch(frame, ".uno:OptionsTreeDialog", "", 0,
                                                                              ()), daemon=True)
            worker.start()
            dialog = watch.opened(lambda window: role(window) == DIALOG, timeout=60)
            self.assertIsNotNone(dialog, "Tools ▸ Options opened no window")
            office.settle()
            page_item = wait_until(lambda: find_in(dialog, "绩效评价助手", TREE_ITEM), timeout=60)
            self.assertIsNotNone(page_item, "no 绩效评价助手 page in Tools ▸ Options")
            # 绩效评价 is the tree's last node, closed: clicked (the pointer then over the dialog: Xvfb has no window
            # manager, the keyboard goes where the pointer is), → opens it, ↓ goes onto its page.
            node = wait_until(lambda: find_in(dialog, "绩效评价", TREE_ITEM), timeout=60)
            self.assertIsNotNone(node, "no 绩效评价 node in Tools ▸ Options")
            # At double size the tree is scrolled with the node below its visible part: the wheel over the tree
            # (the dialog's left part) brings it up.
            where = dialog.getPosSize()
            move_pointer(office.display, where.X + where.Width // 7, where.Y + where.Height // 2)
            xdotool(office.display, "click", "--repeat", "15", "5")
            office.settle()
            click(office.display, find_in(dialog, "绩效评价", TREE_ITEM), scroll=False)
            type_keys(office.display, "Right", "Down")
            live = wait_until(lambda: find_in(dialog, "编辑得分时实时重算扣分、合计与等级", CHECK_BOX,
                                              prefix=True), timeout=30)
            if live is None:
                screenshot(f"options-page-{self.dpi or 96}dpi-not-open.png", office.display)
            self.assertIsNotNone(live, "the page did not open")
            office.settle()
            screenshot(f"options-page-{self.dpi or 96}dpi.png", office.display)

            page = live.getAccessibleParent().getAccessibleContext()
            left, top, right, bottom = bounds(page)
            # The page as the dialog shows it: the page window clipped by the dialog's own client area.
            controls = [page.getAccessibleChild(i).getAccessibleContext()
                        for i in range(page.getAccessibleChildCount())]
            self.assertGreaterEqual(len(controls), 10, [c.getAccessibleName() for c in controls])
            area = page
            while area.getAccessibleParent() is not None and \
                    area.getAccessibleParent().getAccessibleContext().getAccessibleParent() is not None:
                area = area.getAccessibleParent().getAccessibleContext()
            d_left, d_top, d_right, d_bottom = bounds(area)
            visible = (max(left, d_left), max(top, d_top), min(right, d_right), min(bottom, d_bottom))
            for control in controls:
                name = control.getAccessibleName()
                c_left, c_top, c_right, c_bottom = bounds(control)
                if c_right == c_left or c_bottom == c_top:
                    continue  # an empty, hidden control (the refusal message before any refusal)
                self.assertLessEqual(c_right, visible[2], f"{name!r} runs off the page's right edge")
                self.assertLessEqual(c_bottom, visible[3], f"{name!r} runs off the page's bottom")
                if control.getAccessibleRole() in (LABEL, CHECK_BOX, PUSH_BUTTON) and name:
                    text = control  # its accessible text: the last character must be inside the control
                    try:
                        last = text.getCharacterBounds(text.getCharacterCount() - 1)
                    except Exception:
                        continue
                    self.assertLessEqual(last.X + last.Width, c_right - c_left, f"{name!r} is cut")
                    self.assertLessEqual(last.Y + last.Height, c_bottom - c_top + 1, f"{name!r} is cut")
            templates = [c for c in controls if c.getAccessibleRole() == COMBO_BOX]
            self.assertEqual(len(templates), 1)
            shown = templates[0].getAccessibleName() + " " + " ".join(
                item.getAccessibleName() for item in walk(templates[0], limit=4))
            self.assertIn(TEMPLATE_NAMES[0], shown)
            self.assertNotIn("(county-project)", shown)
            click(office.display, find_in(dialog, "取消", PUSH_BUTTON, prefix=True), scroll=False)
            self.assertTrue(watch.closed(dialog, timeout=60), "the Options dialog did not close")
            worker.join(60)
            self.assertFalse(worker.is_alive(), "the Options dialog's dispatch did not return")
        finally:
            watch.close()
            if worker is not None and worker.is_alive():  # a failed check: the modal dialog is closed before the document
                if dialog is not None:
                    size = dialog.getPosSize()
                    move_pointer(office.display, size.X + size.Width // 2, size.Y + size.Height // 2)
                xdotool(office.display, "key", "Escape")
                worker.join(30)
            doc.close(True)


class NormalFontTest(OptionsPageFits, OfficeCase):
    dpi = None



class DoubleFontTest(OptionsPageFits, OfficeCase):
    dpi = 192


if __name__ == "__main__":
    unittest.main()
