#!/usr/bin/env python3
"""Reads every component library inside a built .oxt with readelf and fails when one would not load on the
systems Jixiao supports (docs/install.md): glibc newer than 2.28, libstdc++ newer than GCC 8's (GLIBCXX_3.4.25,
CXXABI_1.3.11), a PRIVATE_ UNO symbol (not a promised ABI), a RUNPATH/RPATH, or an exported symbol other than the
component's entry points. Also checks that every platform the description lists has its library.

    check_shipped_libraries.py <jixiao-*.oxt> [expected architectures, e.g. x86_64 aarch64]
"""
import re
import subprocess
import sys
import tempfile
import zipfile

LIMITS = {"GLIBC": (2, 28), "GLIBCXX": (3, 4, 25), "CXXABI": (1, 3, 11)}
ENTRY_POINTS = re.compile(r"^(component_getFactory|org_jixiao_\w+_get_implementation)$")
MACHINES = {"x86_64": "Advanced Micro Devices X86-64", "aarch64": "AArch64"}


def readelf(*args):
    return subprocess.run(["readelf", "-W", *args], check=True, capture_output=True, text=True).stdout


def version_tuple(text):
    return tuple(int(part) for part in text.split("."))


def problems_of(path, arch):
    problems = []
    machine = re.search(r"Machine:\s+(.+)", readelf("-h", path)).group(1).strip()
    if machine != MACHINES[arch]:
        problems.append(f"built for {machine}, not {arch}")
    dynamic = readelf("-d", path)
    for tag in ("RUNPATH", "RPATH"):
        entry = re.search(r"\(" + tag + r"\).*", dynamic)
        if entry:
            problems.append(f"carries a {tag}: {entry.group(0)}")
    # Versions the library needs (readelf -V's .gnu.version_r), and every undefined symbol's version.
    needed = set(re.findall(r"Name: ((?:GLIBC|GLIBCXX|CXXABI)_[0-9.]+)", readelf("-V", path)))
    for version in sorted(needed):
        family, number = version.split("_", 1)
        if version_tuple(number) > LIMITS[family]:
            limit = ".".join(map(str, LIMITS[family]))
            problems.append(f"needs {version} (at most {family}_{limit})")
    exported = []
    for line in readelf("--dyn-syms", path).splitlines():
        fields = line.split()
        if len(fields) < 8 or not fields[0].rstrip(":").isdigit():
            continue
        name = fields[7]
        if "@PRIVATE_" in name or "@@PRIVATE_" in name:
            problems.append(f"imports {name}, a PRIVATE symbol")
        if fields[6] != "UND" and fields[4] in ("GLOBAL", "WEAK") and fields[5] == "DEFAULT":
            exported.append(name.split("@")[0])
    stray = sorted(name for name in exported if not ENTRY_POINTS.match(name))
    if stray:
        problems.append(f"exports {len(stray)} symbols beyond the entry points, e.g. {stray[:3]}")
    if "component_getFactory" not in exported:
        problems.append("does not export component_getFactory")
    return problems


def main():
    oxt = sys.argv[1]
    expected = sys.argv[2:] or ["x86_64"]
    failures = []
    with zipfile.ZipFile(oxt) as package, tempfile.TemporaryDirectory() as work:
        description = package.read("description.xml").decode("utf-8")
        manifest = package.read("META-INF/manifest.xml").decode("utf-8")
        platforms = re.search(r'<platform value="([^"]*)"', description).group(1).split(",")
        if sorted(platforms) != sorted(f"linux_{arch}" for arch in expected):
            failures.append(f"description.xml lists {platforms}, expected {expected}")
        for arch in expected:
            member = f"lib/linux_{arch}/libjixiao.so"
            if f'full-path="lib/linux_{arch}/jixiao.component"' not in manifest:
                failures.append(f"META-INF/manifest.xml registers no component for {arch}")
            if member not in package.namelist():
                failures.append(f"no {member} in the package")
                continue
            path = package.extract(member, work)
            found = problems_of(path, arch)
            failures += [f"{member}: {problem}" for problem in found]
            print(f"{member}: {'ok' if not found else f'{len(found)} problem(s)'}")
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
