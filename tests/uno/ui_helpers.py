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


def screenshot(name, display):
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, name)
    subprocess.run(["import", "-display", display, "-window", "root", path], check=True, timeout=60)
    return path
