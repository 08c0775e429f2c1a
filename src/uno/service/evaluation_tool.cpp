#include "uno/service/evaluation_tool.hpp"

#include "uno/base/extension_data.hpp"
#include "uno/base/log.hpp"
#include "uno/base/main_thread.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/operations.hpp"
#include "uno/host/roll_forward.hpp"
#include "uno/live/document_controller.hpp"

#include "core/model/user_error.hpp"

#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <exception>

using namespace css;
using css::uno::Reference;

namespace jixiao::office {
namespace {

// What a macro writer sees: a problem with their input or document (UserError) as IllegalArgumentException
// with the message the deck would show; other UNO exceptions from the document as RuntimeException; anything
// else is a defect of Jixiao's, logged and reported as RuntimeException — never blamed on the argument.
template <typename Fn>
auto translated(const Reference<uno::XComponentContext>& context, const Reference<uno::XInterface>& self,
                Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const uno::RuntimeException&) { // IllegalArgumentException is one
        throw;
    } catch (const uno::Exception& e) {
        // Only declared exceptions may cross the bridge: anything else would dispose a remote caller's
        // bridge.
        throw uno::RuntimeException(e.Message, self);
    } catch (const UserError& e) {
        throw lang::IllegalArgumentException(fromUtf8(wordedMessage(context, e.message())), self, 0);
    } catch (const std::exception& e) {
        logFailure("EvaluationTool", e);
        throw uno::RuntimeException(
            fromUtf8(wordedMessage(context, {"error.internal", {{"detail", e.what()}}})), self);
    }
}

OUString joined(const std::vector<std::string>& paragraphs) {
    std::string text;
    for (const auto& paragraph : paragraphs)
        text += (text.empty() ? "" : "\n") + paragraph;
    return fromUtf8(text);
}

const char* severityName(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "info";
}

org::jixiao::Finding toUno(const Finding& finding, const ExtensionData& words) {
    org::jixiao::Finding out;
    out.RuleId = fromUtf8(finding.ruleId);
    out.Severity = OUString::createFromAscii(severityName(finding.severity));
    out.Table = fromUtf8(finding.location.table);
    out.Cell = fromUtf8(finding.location.cell);
    out.Paragraph = finding.location.kind == Location::Kind::Paragraph ? finding.location.paragraph : -1;
    if (finding.location.kind == Location::Kind::Cell)
        out.Location = fromUtf8(finding.location.cell.find('.') != std::string::npos
                                    ? finding.location.cell
                                    : finding.location.table + "." + finding.location.cell);
    else if (finding.location.kind == Location::Kind::Paragraph)
        out.Location = fromUtf8(
            words.text("place.paragraph", {{"paragraph", std::to_string(finding.location.paragraph)}}));
    out.Indicator = fromUtf8(finding.indicator);
    out.Message = fromUtf8(finding.message);
    return out;
}

} // namespace

EvaluationTool::EvaluationTool(const Reference<uno::XComponentContext>& context) : context_(context) {}

// Any document a macro works on gets live recompute from then on, as one shown with the deck does.
rtl::Reference<DocumentController> EvaluationTool::watch(const Reference<frame::XModel>& document) {
    if (!document.is() || Operations::isReadOnly(document))
        return {};
    auto controller = DocumentController::forModel(context_, document);
    if (controller->closing())
        throw lang::DisposedException(fromUtf8(wordedMessage(context_, {"error.document-closing", {}})),
                                      document);
    return controller;
}

// A macro's call on a document runs on the office's main thread as one unit (main_thread.hpp): no other
// thread can close the document half-way through its reads and writes. A document that has begun to close
// is refused (DisposedException) before anything of it is touched. The call holds the document's live runs
// back until it ends (DocumentController::ApiCall).
template <typename Fn>
auto EvaluationTool::onDocument(const Reference<frame::XModel>& document, Fn&& fn)
    -> decltype(fn(rtl::Reference<DocumentController>())) {
    return translated(context_, *this, [&] {
        return onMainThread(context_, [&] {
            const auto controller = watch(document);
            const DocumentController::ApiCall call(controller);
            return fn(controller);
        });
    });
}

uno::Sequence<OUString> SAL_CALL EvaluationTool::templateIds() {
    return translated(context_, *this, [&] {
        const auto ids = Operations(context_).templateIds();
        uno::Sequence<OUString> result(static_cast<sal_Int32>(ids.size()));
        for (std::size_t i = 0; i < ids.size(); ++i)
            result[static_cast<sal_Int32>(i)] = fromUtf8(ids[i]);
        return result;
    });
}

OUString SAL_CALL EvaluationTool::insertScoreTable(const Reference<frame::XModel>& document,
                                                   const OUString& templateId) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return fromUtf8(Operations(context_).insertScoreTable(document, toUtf8(templateId)));
    });
}

OUString SAL_CALL EvaluationTool::insertFundingTable(const Reference<frame::XModel>& document) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return fromUtf8(Operations(context_).insertFundingTable(document));
    });
}

void SAL_CALL EvaluationTool::importScorecard(const Reference<frame::XModel>& document,
                                              const OUString& json) {
    onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        Operations(context_).importScorecard(document, toUtf8(json));
    });
}

sal_Int32 SAL_CALL EvaluationTool::recompute(const Reference<frame::XModel>& document) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>& controller) {
        // The document's controller remembers its tables, so a recompute after an edit re-reads only the
        // cells it depends on, as live recompute does.
        if (!controller.is())
            return static_cast<sal_Int32>(Operations(context_).recompute(document).written);
        return static_cast<sal_Int32>(controller->recompute(false));
    });
}

uno::Sequence<org::jixiao::Finding>
    SAL_CALL EvaluationTool::validate(const Reference<frame::XModel>& document) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        const auto findings = Operations(context_).validate(document);
        const auto& words = ExtensionData::get(context_);
        uno::Sequence<org::jixiao::Finding> result(static_cast<sal_Int32>(findings.size()));
        for (std::size_t i = 0; i < findings.size(); ++i)
            result[static_cast<sal_Int32>(i)] = toUno(findings[i], words);
        return result;
    });
}

OUString SAL_CALL EvaluationTool::generateSection(const Reference<frame::XModel>& document,
                                                  const OUString& sectionId) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return joined(Operations(context_).generateSection(document, toUtf8(sectionId)));
    });
}

OUString SAL_CALL EvaluationTool::insertSection(const Reference<frame::XModel>& document,
                                                const OUString& sectionId) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return fromUtf8(Operations(context_).insertSection(document, toUtf8(sectionId)));
    });
}

sal_Bool SAL_CALL EvaluationTool::isSectionEdited(const Reference<frame::XModel>& document,
                                                  const OUString& sectionId) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return static_cast<sal_Bool>(Operations(context_).isSectionEdited(document, toUtf8(sectionId)));
    });
}

OUString SAL_CALL EvaluationTool::convertToLiveTable(const Reference<frame::XModel>& document) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return fromUtf8(Operations(context_).convertToLiveTable(document));
    });
}

OUString SAL_CALL EvaluationTool::exportScorecard(const Reference<frame::XModel>& document) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return fromUtf8(Operations(context_).exportScorecard(document));
    });
}

sal_Int32 SAL_CALL EvaluationTool::addFindingsAsComments(const Reference<frame::XModel>& document) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return static_cast<sal_Int32>(Operations(context_).addFindingsAsComments(document));
    });
}

OUString SAL_CALL EvaluationTool::regradeWithOptions(const Reference<frame::XModel>& document) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return fromUtf8(Operations(context_).regradeWithOptions(document));
    });
}

sal_Int32 SAL_CALL EvaluationTool::insertReport(const Reference<frame::XModel>& document,
                                                const OUString& templateId) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return static_cast<sal_Int32>(Operations(context_).insertReport(document, toUtf8(templateId)));
    });
}

Reference<frame::XModel> SAL_CALL EvaluationTool::rollForward(const Reference<frame::XModel>& document) {
    return onDocument(document, [&](const rtl::Reference<DocumentController>&) {
        return jixiao::office::rollForward(context_, document);
    });
}

OUString SAL_CALL EvaluationTool::getImplementationName() {
    return "org.jixiao.EvaluationTool";
}

sal_Bool SAL_CALL EvaluationTool::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

uno::Sequence<OUString> SAL_CALL EvaluationTool::getSupportedServiceNames() {
    return sequenceOf(OUString("org.jixiao.EvaluationTool"));
}

} // namespace jixiao::office
