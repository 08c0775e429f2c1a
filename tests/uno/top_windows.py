"""The office's top windows (message boxes, dialogs, tooltips) as the toolkit announces them, for the UI tests.

The tests never ask Toolkit.getTopWindow(i) / getTopWindowCount(): asked from the test's bridge thread while the
office's main thread was building a dialog, getTopWindow made soffice abort once in CI (Application::GetTopWindow
→ Window::IsTopWindow → GetComponentInterface gave a peer to a window still being set up, and VCLXWindow::dispose
crashed when the dialog set its own). A TopWindowWatch is told instead, on the main thread, when a top window has
been shown (windowOpened) or hidden (windowClosed); each event carries the window itself, so a test looks only
into windows that have finished opening."""
import threading
import time

import uno  # noqa: F401  (makes the com.sun.star modules importable)
import unohelper
from com.sun.star.accessibility.AccessibleRole import PUSH_BUTTON
from com.sun.star.awt import XTopWindowListener

from ui_helpers import walk


class TopWindowWatch(unohelper.Base, XTopWindowListener):
    """Listens to the office's toolkit from its creation until close() (or the end of a `with` block): every
    top window shown or hidden in between, in order. Start it before the action that opens the window.

    The office delivers each event while its main thread waits for the answer, at times on the test's own
    thread (inside a call the test is making): the listener only records the event, under a lock no remote call
    is made with."""

    def __init__(self, office):
        self._toolkit = office.service("com.sun.star.awt.Toolkit")
        self._events = []  # ("opened" | "closed", window), as told (LibreOffice 7.4 tells each event twice)
        self._told = threading.Condition()
        self._toolkit.addTopWindowListener(self)

    def close(self):
        self._toolkit.removeTopWindowListener(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _tell(self, kind, event):
        with self._told:
            self._events.append((kind, event.Source))
            self._told.notify_all()

    def windowOpened(self, event):
        self._tell("opened", event)

    def windowClosed(self, event):
        self._tell("closed", event)

    def windowClosing(self, event):
        pass

    def windowMinimized(self, event):
        pass

    def windowNormalized(self, event):
        pass

    def windowActivated(self, event):
        pass

    def windowDeactivated(self, event):
        pass

    def disposing(self, event):
        pass

    def _told_so_far(self):
        with self._told:
            return list(self._events)

    def shown(self):
        """The windows opened since the watch began and not closed since, oldest first."""
        windows = []
        for kind, window in self._told_so_far():  # compared outside the lock: == asks the bridge
            known = [w for w in windows if w == window]
            if kind == "opened" and not known:
                windows.append(window)
            elif kind == "closed":
                windows = [w for w in windows if w != window]
        return windows

    def was_closed(self, window):
        """Whether `window` has been closed (hidden) since the watch began."""
        return any(kind == "closed" and told == window for kind, told in self._told_so_far())

    def _wait(self, found, timeout, step=0.05):
        """`found()`'s first true value, asked after each event and every `step` s, or its falsy value at
        `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            with self._told:
                told = len(self._events)
            value = found()
            left = deadline - time.monotonic()
            if value or left <= 0:
                return value
            with self._told:
                self._told.wait_for(lambda: len(self._events) > told, timeout=min(step, left))

    def opened(self, matches=lambda window: True, timeout=20):
        """The newest window opened since the watch began, shown now, for which `matches(window)` is true
        (asked again as events come and every 50 ms: a dialog may fill in after it shows); None when there is
        none after `timeout` s."""
        def newest_match():
            for window in reversed(self.shown()):
                try:
                    if matches(window):
                        return window
                except Exception:  # closed while looked at
                    continue
            return None

        return self._wait(newest_match, timeout)

    def closed(self, window, timeout=20):
        """Waits until `window` has been closed; whether it was within `timeout` s."""
        return self._wait(lambda: self.was_closed(window), timeout)


def role(window):
    return window.getAccessibleContext().getAccessibleRole()


def button_in(window, prefix, limit=6):
    """A push button of `window` whose name starts with `prefix` ("是", "否", "取消"), or None."""
    for context in walk(window.getAccessibleContext(), limit=limit):
        try:
            if context.getAccessibleRole() == PUSH_BUTTON and context.getAccessibleName().startswith(prefix):
                return context
        except Exception:  # closed while looked at
            continue
    return None


def question(watch, answer, timeout=20):
    """The message box offering `answer` ("是", "否") opened since `watch` began and shown now, and that
    button: (box, button), or (None, None) when no such box opened within `timeout` s."""
    box = watch.opened(lambda window: button_in(window, answer) is not None, timeout=timeout)
    return (box, button_in(box, answer)) if box is not None else (None, None)
