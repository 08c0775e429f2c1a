#include "cli/report_frame.hpp"

#include "cli/messages.hpp"
#include "core/write/report_outline.hpp"

namespace jixiao::cli {

ReportFrame reportFrame(const Metadata& meta, std::string_view lang, ReportSubject subject) {
    const auto words = [&](const Message& message) { return catalog().format(lang, message); };
    // The batch's wording of the title (its pattern: placeholders without arguments stay as written) under
    // the core's rule: all of 单位, 年度 and 项目 — or, for a department's whole spending, 单位 and 年度 —
    // or no title from them, the project as titles quote it.
    ReportLayout layout;
    const Msg pattern =
        subject == ReportSubject::WholeDepartment ? Msg::ReportTitleDepartment : Msg::ReportTitle;
    layout.title = words({std::string(key(pattern)), {}});
    std::string title = reportTitle(layout, meta);
    if (title.empty())
        title = words(message(Msg::ReportTitleGeneric));
    ReportFrame frame;
    // The annex line is its number alone: the office writes the table's own caption after it, so the report
    // names the table as its caption does (one rule, the office's), never a generic name beside it.
    frame.paragraphs = {title, words(message(Msg::ReportHeadingConclusion)),
                        "",    words(message(Msg::ReportHeadingCostBenefit)),
                        "",    words(message(Msg::ReportAnnex))};
    frame.conclusion = 2;
    frame.costBenefit = 4;
    frame.scoreTable = 5;
    return frame;
}

} // namespace jixiao::cli
