"""What a user meets of the built .oxt: the license unopkg and the Extension Manager show, and the user guide the
help buttons open (Chinese first, and nothing in it that reaches the network).

Usage: check_package_contents.py jixiao.oxt — prints each failure, exits 1 on any."""
import re
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

NS = {"d": "http://openoffice.org/extensions/description/2006"}
XLINK = "{http://www.w3.org/1999/xlink}href"
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3,}")


def license_failures(package):
    """Every license text a locale can be shown (its own or the default) reads Chinese first."""
    root = ElementTree.fromstring(package.read("description.xml"))
    simple = root.find("d:registration/d:simple-license", NS)
    if simple is None:
        return ["description.xml has no simple-license"]
    failures = []
    texts = simple.findall("d:license-text", NS)
    if not texts:
        return ["description.xml lists no license-text"]
    if texts[0].get("lang") != "zh-CN":
        failures.append(f"the first license-text is {texts[0].get('lang')}, not zh-CN")
    default = [t for t in texts if t.get("license-id") == simple.get("default-license-id")]
    if len(default) != 1 or default[0].get("lang") != "zh-CN":
        failures.append(f"the default license (for locales without a text) is not the zh-CN one")
    for entry in texts:
        href = entry.get(XLINK)
        if href not in package.namelist():
            failures.append(f"license {href} is not in the package")
            continue
        text = package.read(href).decode("utf-8")
        chinese, english = CJK.search(text), LATIN.search(text)
        if chinese is None or (english is not None and english.start() < chinese.start()):
            failures.append(f"license {href} ({entry.get('lang')}) does not read Chinese first")
    return failures


GUIDE = "help/guide.html"  # src/uno/panel/help_guide.cpp
REMOTE = re.compile(r"(https?:|ftp:|//[a-z0-9.-]+\.[a-z]{2,}|<script|<img|<link|<iframe|@import|url\()", re.I)


def guide_failures(package):
    if GUIDE not in package.namelist():
        return [f"no {GUIDE} in the package"]
    text = package.read(GUIDE).decode("utf-8")
    failures = []
    if "绩效评价助手使用指南" not in text or "Jixiao user guide" not in text:
        failures.append(f"{GUIDE} lacks its Chinese or its English part")
    elif text.index("绩效评价助手使用指南") > text.index("Jixiao user guide"):
        failures.append(f"{GUIDE} is not Chinese first")
    remote = REMOTE.search(text)
    if remote:
        failures.append(f"{GUIDE} refers to something outside the file: {remote.group(0)!r}")
    return failures


def main():
    with zipfile.ZipFile(sys.argv[1]) as package:
        failures = license_failures(package) + guide_failures(package)
    for failure in failures:
        print("FAIL", failure)
    print("ok" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
