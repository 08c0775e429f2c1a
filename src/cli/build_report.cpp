#include "cli/build_report.hpp"

#include "cli/messages.hpp"
#include "cli/office_process.hpp"
#include "cli/process.hpp"
#include "cli/report_frame.hpp"
#include "cli/safe_files.hpp"
#include "cli/stored_copy.hpp"
#include "cli/uno_client.hpp"
#include "cli/watchdog.hpp"
#include "core/read/report_title.hpp"
#include "uno/base/ustring.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <org/jixiao/EvaluationTool.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace jixiao::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using office::fromUtf8;
using office::OUString;
using office::toUtf8;

namespace {

// The extension's export formats, by the output's extension.
std::string filterFor(const std::string& out) {
    std::string ext = fs::path(out).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".odt")
        return "writer8";
    if (ext == ".docx")
        return "MS Word 2007 XML";
    if (ext == ".pdf")
        return "writer_pdf_Export";
    return {};
}

css::uno::Sequence<css::beans::PropertyValue> oneProperty(const char* name, const css::uno::Any& value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return office::sequenceOf(p);
}

// The scorecard's 单位, 项目 and 年度 for the title; what is missing or malformed is left out, for the office
// to refuse in its own words (importScorecard).
Metadata metadataOf(const std::string& json) {
    Metadata meta;
    const auto value = nlohmann::json::parse(json, nullptr, false);
    if (!value.is_object() || !value.contains("meta") || !value["meta"].is_object())
        return meta;
    const auto& fields = value["meta"];
    const auto text = [&](const char* name) {
        return fields.contains(name) && fields[name].is_string() ? fields[name].get<std::string>()
                                                                 : std::string{};
    };
    meta.unit = text("unit");
    meta.project = text("project");
    if (fields.contains("year") && fields["year"].is_number_integer())
        meta.year = fields["year"].get<int>();
    return meta;
}

void writeReport(const Reference<css::uno::XComponentContext>& office, const std::string& json,
                 const std::string& out, const std::string& filter) {
    const auto tool = org::jixiao::EvaluationTool::create(office);
    const Reference<css::lang::XComponent> component =
        css::frame::Desktop::create(office)->loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                                  oneProperty("Hidden", css::uno::Any(true)));
    const Reference<css::text::XTextDocument> document(component, UNO_QUERY_THROW);
    const Reference<css::frame::XModel> model(component, UNO_QUERY_THROW);
    try {
        // The report's frame: title, two headings with room for Jixiao's sections, the annex with the tables.
        const auto text = document->getText();
        const Reference<css::text::XTextRange> cursor(text->createTextCursor(), UNO_QUERY_THROW);
        const Metadata meta = metadataOf(json);
        const ReportFrame frame = reportFrame(meta);
        const auto& lines = frame.paragraphs;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0)
                text->insertControlCharacter(cursor, css::text::ControlCharacter::PARAGRAPH_BREAK, false);
            text->insertString(cursor, fromUtf8(lines[i]), false);
        }
        std::vector<Reference<css::text::XTextRange>> anchors; // paragraph starts
        const auto paragraphs =
            Reference<css::container::XEnumerationAccess>(text, UNO_QUERY_THROW)->createEnumeration();
        while (paragraphs->hasMoreElements())
            anchors.push_back(
                Reference<css::text::XTextRange>(paragraphs->nextElement(), UNO_QUERY_THROW)->getStart());
        if (anchors.size() < lines.size())
            throw std::runtime_error("report frame: " + std::to_string(anchors.size()) + " paragraphs");
        const Reference<css::text::XTextViewCursorSupplier> view(model->getCurrentController(),
                                                                 UNO_QUERY_THROW);
        // After the annex number, on its line: the caption the office writes completes it.
        const Reference<css::text::XParagraphCursor> annex(
            text->createTextCursorByRange(anchors[frame.scoreTable]), UNO_QUERY_THROW);
        annex->gotoEndOfParagraph(false);
        view->getViewCursor()->gotoRange(annex->getEnd(), false);
        tool->importScorecard(model, fromUtf8(json));
        // The office captioned the table by its framework, on the annex line: a department's caption names
        // 部门整体支出 and no project. The title then names the same subject, by the core's title rule.
        const auto paragraphText = [&](const Reference<css::text::XTextRange>& start) {
            const Reference<css::text::XParagraphCursor> cursor(text->createTextCursorByRange(start),
                                                                UNO_QUERY_THROW);
            cursor->gotoEndOfParagraph(true);
            return cursor;
        };
        if (namesWholeDepartment(toUtf8(paragraphText(anchors[frame.scoreTable])->getString())))
            paragraphText(anchors.front())
                ->setString(
                    fromUtf8(reportFrame(meta, "zh-CN", ReportSubject::WholeDepartment).paragraphs.front()));
        view->getViewCursor()->gotoRange(anchors[frame.conclusion], false);
        tool->insertSection(model, "conclusion");
        view->getViewCursor()->gotoRange(anchors[frame.costBenefit], false);
        tool->insertSection(model, "cost-benefit");

        storeTo(model, filter, out, true);
    } catch (...) {
        Reference<css::util::XCloseable>(component, UNO_QUERY_THROW)->close(true);
        throw;
    }
    Reference<css::util::XCloseable>(component, UNO_QUERY_THROW)->close(true);
}

// The report the office stored in its own folder, copied over `out` (a build replaces its output).
void copyOut(const std::string& written, const std::string& out) {
    const RegularFile from = takeStaged(written);
    const int to = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const CopyOutcome outcome =
        to < 0 ? CopyOutcome::WriteFailed : copyFile(from.fd, to, [] { return interruption() == 0; });
    const int error = errno;
    ::close(from.fd);
    if ((to >= 0 && ::close(to) != 0) || outcome != CopyOutcome::Done)
        throw std::runtime_error(out + ": " + std::strerror(error));
}

} // namespace

int buildReport(const BuildOptions& options, const std::string& oxt) {
    const std::string filter = filterFor(options.out);
    if (filter.empty()) {
        std::fprintf(stderr, "%s\n", format(Msg::BadOutputType, options.out).c_str());
        return 3;
    }
    std::ifstream in(options.from, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
        std::fprintf(stderr, "%s\n", format(Msg::ReadJsonFailed, options.from).c_str());
        return 2;
    }
    OfficeProcess office(options.office, oxt, 0);
    try {
        office.start();
        const std::string rdb = findRdb(options.office, oxt, &office);
        if (rdb.empty())
            throw std::runtime_error(format(Msg::RdbMissing, options.office.rdb));
        loadExtensionTypes(rdb);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 3;
    }
    // A hung office is killed after --timeout; the pending call then fails and the build reports it.
    Watchdog watchdog(std::chrono::seconds(options.office.timeoutSeconds), [&office] { office.kill(); });
    int code = 0;
    // Our own office is boxed (cli/sandbox.hpp): it writes into its profile, and we copy the result out.
    const std::string written = office.outputPath(fs::path(options.out).extension().string(), options.out);
    try {
        writeReport(office.context(), buffer.str(), written, filter);
        if (written != options.out)
            copyOut(written, options.out);
    } catch (...) {
        std::fprintf(stderr, "%s\n", format(Msg::StoreFailed, currentExceptionMessage()).c_str());
        code = 2;
    }
    const bool timedOut = watchdog.stop();
    if (timedOut)
        std::fprintf(stderr, "%s\n",
                     format(Msg::BuildTimeout, std::to_string(options.office.timeoutSeconds)).c_str());
    if (code != 0 || timedOut)
        return 2;
    std::fprintf(stderr, "%s\n", format(Msg::Wrote, options.out).c_str());
    return 0;
}

} // namespace jixiao::cli
