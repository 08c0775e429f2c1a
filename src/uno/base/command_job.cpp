#include "uno/base/command_job.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XJobExecutor.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <utility>

using namespace css;
using css::uno::Reference;

namespace jixiao::office {
namespace {

class CommandJob : public cppu::WeakImplHelper2<task::XJobExecutor, lang::XServiceInfo> {
public:
    CommandJob(const Reference<uno::XComponentContext>& context, const OUString& name, CommandAction action)
        : context_(context), name_(name), action_(std::move(action)) {}

    void SAL_CALL trigger(const OUString& /*event*/) override { action_(context_); }

    OUString SAL_CALL getImplementationName() override { return name_; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return sequenceOf(name_); }

private:
    Reference<uno::XComponentContext> context_;
    OUString name_;
    CommandAction action_;
};

} // namespace

Reference<uno::XInterface> createCommandJob(const Reference<uno::XComponentContext>& context,
                                            const OUString& name, CommandAction action) {
    return static_cast<cppu::OWeakObject*>(new CommandJob(context, name, std::move(action)));
}

} // namespace jixiao::office
