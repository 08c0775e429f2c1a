// org.jixiao.EvaluationTool: the scripting API (idl/org/jixiao/XEvaluationTool.idl). Each method converts
// its arguments, calls Operations and converts the result; core errors become IllegalArgumentException
// with the message the user would see in the panel.
#pragma once

#include "uno/base/ustring.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <org/jixiao/XEvaluationTool.hpp>
#include <rtl/ref.hxx>

namespace jixiao::office {

class DocumentController;

class EvaluationTool : public cppu::WeakImplHelper2<org::jixiao::XEvaluationTool, css::lang::XServiceInfo> {
public:
    explicit EvaluationTool(const css::uno::Reference<css::uno::XComponentContext>& context);

    css::uno::Sequence<OUString> SAL_CALL templateIds() override;
    OUString SAL_CALL insertScoreTable(const css::uno::Reference<css::frame::XModel>& document,
                                       const OUString& templateId) override;
    OUString SAL_CALL insertFundingTable(const css::uno::Reference<css::frame::XModel>& document) override;
    void SAL_CALL importScorecard(const css::uno::Reference<css::frame::XModel>& document,
                                  const OUString& json) override;
    sal_Int32 SAL_CALL recompute(const css::uno::Reference<css::frame::XModel>& document) override;
    css::uno::Sequence<org::jixiao::Finding>
        SAL_CALL validate(const css::uno::Reference<css::frame::XModel>& document) override;
    OUString SAL_CALL generateSection(const css::uno::Reference<css::frame::XModel>& document,
                                      const OUString& sectionId) override;
    OUString SAL_CALL insertSection(const css::uno::Reference<css::frame::XModel>& document,
                                    const OUString& sectionId) override;
    sal_Bool SAL_CALL isSectionEdited(const css::uno::Reference<css::frame::XModel>& document,
                                      const OUString& sectionId) override;
    OUString SAL_CALL convertToLiveTable(const css::uno::Reference<css::frame::XModel>& document) override;
    OUString SAL_CALL exportScorecard(const css::uno::Reference<css::frame::XModel>& document) override;
    sal_Int32 SAL_CALL
    addFindingsAsComments(const css::uno::Reference<css::frame::XModel>& document) override;
    OUString SAL_CALL regradeWithOptions(const css::uno::Reference<css::frame::XModel>& document) override;
    sal_Int32 SAL_CALL insertReport(const css::uno::Reference<css::frame::XModel>& document,
                                    const OUString& templateId) override;
    css::uno::Reference<css::frame::XModel>
        SAL_CALL rollForward(const css::uno::Reference<css::frame::XModel>& document) override;

    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& name) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

private:
    // The document's controller (none for a read-only document); refuses a document that is closing.
    rtl::Reference<DocumentController> watch(const css::uno::Reference<css::frame::XModel>& document);
    // Runs a call's work on `document` (see the .cpp): fn(controller), its exceptions translated.
    template <typename Fn>
    auto onDocument(const css::uno::Reference<css::frame::XModel>& document, Fn&& fn)
        -> decltype(fn(rtl::Reference<DocumentController>()));

    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace jixiao::office
