#!/usr/bin/python3
"""The README's main job: shows what Jixiao does on the sample report.

With a display: installs the extension into your LibreOffice profile and opens Writer on (a copy of) the sample
report with the 绩效评价 deck open. Without one: builds the sample report from examples/sample-scorecard.json in a
private headless office — scoring table, funding table, the generated 评价结论 and 成本效益分析 — saves it as
.odt and .pdf under build/demo/, and prints the validation findings.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "uno"))

import uno  # noqa: E402

from office import ApproveAll, Office, props, test_document  # noqa: E402

DECK_COMMAND = ".uno:SidebarDeck.org.jixiao.Jixiao.Deck"


def build_report(office, scorecard_json, out_dir):
    tool = office.tool()
    doc = office.new_document("swriter")
    text = doc.Text
    cursor = text.createTextCursor()
    # The report's frame: title and headings; Jixiao writes the sections and appends the tables.
    lines = ["富民县信访局2025年度热线办理工作经费支出绩效评价报告", "三、评价结论", "", "四、成本效益分析", "",
             "附表1：绩效评价指标体系及打分表", ""]
    for i, line in enumerate(lines):
        if i:
            text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
        text.insertString(cursor, line, False)
    paragraphs = doc.Text.createEnumeration()
    anchors = []
    while paragraphs.hasMoreElements():
        anchors.append(paragraphs.nextElement())
    view = doc.CurrentController.getViewCursor()
    view.gotoRange(anchors[6].getStart(), False)
    tool.importScorecard(doc, scorecard_json)
    for section, anchor in (("conclusion", anchors[2]), ("cost-benefit", anchors[4])):
        view.gotoRange(anchor.getStart(), False)
        print(f"--- {section}\n{tool.insertSection(doc, section)}\n")
    findings = tool.validate(doc)
    print(f"--- validation: {len(findings)} findings")
    for f in findings:
        print(f"  [{f.Severity}] {f.RuleId} @ {f.Location or '-'}: {f.Message}")
    os.makedirs(out_dir, exist_ok=True)
    odt = os.path.join(out_dir, "sample-report.odt")
    pdf = os.path.join(out_dir, "sample-report.pdf")
    doc.storeToURL(uno.systemPathToFileUrl(odt), props(FilterName="writer8"))
    doc.storeToURL(uno.systemPathToFileUrl(pdf), props(FilterName="writer_pdf_Export"))
    doc.close(True)
    print(f"--- wrote {odt}\n--- wrote {pdf}")


def show_in_writer(oxt):
    """Installs Jixiao into the user's own profile through the running office, then opens the sample."""
    port = 2099
    soffice = subprocess.Popen(["/usr/lib/libreoffice/program/soffice", "--norestore",
                                f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.1)
    else:
        sys.exit("LibreOffice did not start")
    manager = ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    manager.addExtension(uno.systemPathToFileUrl(oxt), (), "user", None, ApproveAll())
    sample = os.path.join(ROOT, "build", "demo", "sample-report.docx")
    os.makedirs(os.path.dirname(sample), exist_ok=True)
    shutil.copyfile(test_document("sample-report.docx"), sample)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(sample), "_blank", 0, ())
    dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    dispatcher.executeDispatch(doc.CurrentController.Frame, DECK_COMMAND, "", 0, ())
    print("Writer is open on the sample report with the 绩效评价 deck. Close LibreOffice to end the demo.")
    soffice.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--headless", action="store_true", help="build the sample report without a display")
    parser.add_argument("--oxt", default=os.environ.get("JIXIAO_OXT"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "demo"))
    args = parser.parse_args()
    if not args.headless and os.environ.get("DISPLAY"):
        show_in_writer(args.oxt)
        return
    with open(os.path.join(ROOT, "examples", "sample-scorecard.json"), encoding="utf-8") as f:
        scorecard = f.read()
    with Office() as office:
        build_report(office, scorecard, args.out)


if __name__ == "__main__":
    main()
