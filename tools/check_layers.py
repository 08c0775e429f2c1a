#!/usr/bin/env python3
"""The folders of src/core and src/uno are floors along the data's path: a file includes its own floor and the
floors below it, never one above, so no two folders include each other; and nothing in the core includes UNO,
the component or the batch. Run by ctest as unit.layers; prints every include that points up."""
import pathlib
import re
import sys

FLOORS = {
    # text → model → read → assemble (the one door: src/core itself) → derive → write → check
    "core": ["text", "model", "read", "", "derive", "write", "check"],
    # base → host (documents ↔ the core) → live (recompute as the user types) → panel → service
    "uno": ["base", "host", "live", "panel", "service"],
}
INCLUDE = re.compile(r'^\s*#\s*include\s*"((?:core|uno|cli)/[^"]+)"', re.M)


def floor_of(relative):
    parts = relative.split("/")
    return parts[0] if len(parts) > 1 else ""


def check(source_root):
    src = pathlib.Path(source_root) / "src"
    problems = []
    for library, floors in FLOORS.items():
        for path in sorted((src / library).rglob("*")):
            if path.suffix not in (".hpp", ".cpp"):
                continue
            own = floor_of(path.relative_to(src / library).as_posix())
            if own not in floors:
                problems.append(f"{path}: folder '{own}' is not one of src/{library}'s floors {floors}")
                continue
            for target in INCLUDE.findall(path.read_text(encoding="utf-8")):
                target_library, _, rest = target.partition("/")
                if library == "core" and target_library != "core":
                    problems.append(f"{path}: the core includes {target}")
                elif target_library == library:
                    theirs = floor_of(rest)
                    if theirs not in floors:
                        problems.append(f"{path}: includes {target}, from a folder that is no floor")
                    elif floors.index(theirs) > floors.index(own):
                        problems.append(f"{path}: includes {target}, a floor above its own ('{own or library}')")
    return problems


if __name__ == "__main__":
    root = sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1]
    found = check(root)
    for line in found:
        print(line)
    print(f"{len(found)} include(s) against the floors")
    sys.exit(1 if found else 0)
