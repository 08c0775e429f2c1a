#include "cli/document_check.hpp"

#include "cli/messages.hpp"
#include "cli/uno_client.hpp"
#include "uno/base/ustring.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/task/PasswordRequest.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <org/jixiao/EvaluationTool.hpp>
#include <org/jixiao/Finding.hpp>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <atomic>

namespace jixiao::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using office::fromUtf8;
using office::OUString;
using office::toUtf8;

namespace {

css::beans::PropertyValue property(const char* name, const css::uno::Any& value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

// Closes without storing; a document that refuses (a running job) is disposed.
void closeDocument(const Reference<css::lang::XComponent>& document) {
    if (!document.is())
        return;
    Reference<css::util::XCloseable> closeable(document, UNO_QUERY);
    try {
        if (closeable.is()) {
            closeable->close(true);
            return;
        }
    } catch (const css::lang::DisposedException&) {
        throw;
    } catch (const css::uno::RuntimeException&) {
        throw;
    } catch (const css::uno::Exception&) { // CloseVetoException: the office closes it when the job ends
    }
    document->dispose();
}

// Answers every question the office asks while loading with "abort" (nobody is there to answer), and notes
// whether it asked for a password, so an encrypted report is reported as such rather than as unreadable.
class AbortingHandler : public cppu::WeakImplHelper1<css::task::XInteractionHandler> {
public:
    std::atomic<bool> askedForPassword{false};

    void SAL_CALL handle(const Reference<css::task::XInteractionRequest>& request) override {
        if (request->getRequest().isExtractableTo(cppu::UnoType<css::task::PasswordRequest>::get()))
            askedForPassword = true;
        for (const auto& continuation : request->getContinuations()) {
            const Reference<css::task::XInteractionAbort> abort(continuation, UNO_QUERY);
            if (abort.is()) {
                abort->select();
                return;
            }
        }
    }
};

Reference<css::lang::XComponent> open(const Reference<css::uno::XComponentContext>& office,
                                      const std::string& path, std::string& failure, bool readOnly) {
    OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(fromUtf8(path), url) != osl::FileBase::E_None) {
        failure = format(Msg::OpenFailed, ": " + path);
        return {};
    }
    // Read-only, hidden, no macros and no link updates: a reviewer's check must not change or run anything.
    const rtl::Reference<AbortingHandler> handler(new AbortingHandler);
    css::uno::Sequence<css::beans::PropertyValue> args(5);
    args.getArray()[4] = property("InteractionHandler",
                                  css::uno::Any(Reference<css::task::XInteractionHandler>(handler.get())));
    args.getArray()[0] = property("ReadOnly", css::uno::Any(readOnly));
    args.getArray()[1] = property("Hidden", css::uno::Any(true));
    args.getArray()[2] =
        property("MacroExecutionMode", css::uno::Any(css::document::MacroExecMode::NEVER_EXECUTE));
    args.getArray()[3] = property("UpdateDocMode", css::uno::Any(css::document::UpdateDocMode::NO_UPDATE));
    try {
        Reference<css::lang::XComponent> document =
            css::frame::Desktop::create(office)->loadComponentFromURL(url, "_blank", 0, args);
        if (!document.is())
            failure = handler->askedForPassword ? std::string(text(Msg::PasswordProtected))
                                                : format(Msg::OpenFailed, "");
        return document;
    } catch (const css::lang::IllegalArgumentException&) { // "type detection failed": not a document
        failure = format(Msg::OpenFailed, " (" + currentExceptionMessage() + ")");
        return {};
    } catch (const css::uno::RuntimeException&) { // DisposedException included: for the worker to judge
        throw;
    } catch (const css::uno::Exception&) { // IOException: the file is unreadable (or needs a password)
        failure = handler->askedForPassword ? std::string(text(Msg::PasswordProtected))
                                            : format(Msg::OpenFailed, " (" + currentExceptionMessage() + ")");
        return {};
    }
}

FindingLine lineOf(const org::jixiao::Finding& f) {
    return {toUtf8(f.RuleId), toUtf8(f.Severity), toUtf8(f.Location), toUtf8(f.Message)};
}

// Jixiao's live recompute off in this office (its own profile's setting; a seeded one is dropped before the
// extension is installed): an annotated copy shows the unit's own figures, never ones Jixiao rewrote after
// the comments' modify event — a rewritten cell would also lose the comment marking its text.
void keepFiguresAsTheyAre(const Reference<css::uno::XComponentContext>& office) {
    const Reference<css::lang::XMultiServiceFactory> provider =
        css::configuration::theDefaultProvider::get(office);
    css::uno::Sequence<css::uno::Any> args(1);
    args.getArray()[0] <<=
        css::beans::NamedValue("nodepath", css::uno::Any(OUString("/org.jixiao.Jixiao.Options/Settings")));
    const Reference<css::beans::XPropertySet> settings(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", args),
        css::uno::UNO_QUERY_THROW);
    bool live = true;
    settings->getPropertyValue("LiveRecompute") >>= live;
    if (!live)
        return;
    settings->setPropertyValue("LiveRecompute", css::uno::Any(false));
    Reference<css::util::XChangesBatch>(settings, css::uno::UNO_QUERY_THROW)->commitChanges();
}

// Adds the findings as comments and stores the copy; a problem with either is the copy's, not the check's.
void annotate(const Reference<org::jixiao::XEvaluationTool>& tool, const Reference<css::frame::XModel>& model,
              const StoreAnnotated& store, FileResult& result) {
    if (result.count("error") + result.count("warning") == 0)
        return;
    try {
        result.commentsAdded = tool->addFindingsAsComments(model);
        store(model, result);
    } catch (const css::uno::RuntimeException&) { // the office or the bridge died: for the worker to judge
        throw;
    } catch (const css::uno::Exception& e) { // IllegalArgumentException, IOException of the store
        result.annotateProblem = toUtf8(e.Message);
    } catch (const std::exception& e) {
        result.annotateProblem = e.what();
    }
}

} // namespace

FileResult checkDocument(const Reference<css::uno::XComponentContext>& office, const Input& input,
                         const StoreAnnotated& store) {
    FileResult result;
    result.file = input.shown;
    try {
        const Reference<org::jixiao::XEvaluationTool> tool = org::jixiao::EvaluationTool::create(office);
        if (store)
            keepFiguresAsTheyAre(office);
        Reference<css::lang::XComponent> document = open(office, input.path, result.failure, !store);
        if (!document.is())
            return result;
        const Reference<css::frame::XModel> model(document, UNO_QUERY);
        try {
            for (const auto& finding : tool->validate(model))
                result.findings.push_back(lineOf(finding));
            try {
                result.scorecardJson = toUtf8(tool->exportScorecard(model));
            } catch (const css::lang::IllegalArgumentException& e) {
                result.scorecardProblem = toUtf8(e.Message);
            }
            if (store)
                annotate(tool, model, store, result);
        } catch (const css::lang::IllegalArgumentException& e) { // not a Writer or Calc document
            result.failure = format(Msg::CallFailed, toUtf8(e.Message));
        }
        closeDocument(document);
    } catch (const css::uno::RuntimeException&) { // DisposedException included: the bridge or the office died
        throw OfficeLost(currentExceptionMessage());
    } catch (const css::uno::Exception&) {
        result.failure = format(Msg::CallFailed, currentExceptionMessage());
    }
    return result;
}

} // namespace jixiao::cli
