"""A LibreOffice Python macro using Jixiao's scripting API: checks the current report and writes the 成本效益分析
section at the cursor. Copy it to <profile>/user/Scripts/python/ and run it from Tools ▸ Macros ▸ Run Macro."""


def check_report(*_args):
    """Validates the current document; returns (and shows in the status bar) a one-line summary."""
    ctx = XSCRIPTCONTEXT.getComponentContext()  # noqa: F821 (provided by the office)
    doc = XSCRIPTCONTEXT.getDocument()  # noqa: F821
    tool = ctx.ServiceManager.createInstanceWithContext("org.jixiao.EvaluationTool", ctx)
    findings = tool.validate(doc)
    errors = [f for f in findings if f.Severity == "error"]
    summary = f"{len(findings)} findings, {len(errors)} errors"
    for f in errors:
        summary += f"\n{f.Location}: {f.Message}"
    return summary


def write_cost_benefit(*_args):
    """Inserts (or refreshes) the 成本效益分析 section at the cursor."""
    ctx = XSCRIPTCONTEXT.getComponentContext()  # noqa: F821
    tool = ctx.ServiceManager.createInstanceWithContext("org.jixiao.EvaluationTool", ctx)
    return tool.insertSection(XSCRIPTCONTEXT.getDocument(), "cost-benefit")  # noqa: F821


g_exportedScripts = (check_report, write_cost_benefit)
