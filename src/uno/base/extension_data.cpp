#include "uno/base/extension_data.hpp"

#include "uno/base/log.hpp"
#include "uno/base/office_configuration.hpp"
#include "uno/base/ustring.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XStringSubstitution.hpp>
#include <osl/file.hxx>

#include <memory>
#include <mutex>
#include <stdexcept>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

std::filesystem::path systemPath(const OUString& url) {
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        return {};
    return toUtf8(path);
}

std::filesystem::path extensionRoot(const Reference<uno::XComponentContext>& context) {
    Reference<deployment::XPackageInformationProvider> packages(
        context->getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider"),
        UNO_QUERY_THROW);
    const OUString url = packages->getPackageLocation(OUString::createFromAscii(ExtensionData::kIdentifier));
    if (url.isEmpty())
        throw std::runtime_error("Jixiao: the extension's installation folder was not found");
    return systemPath(url);
}

std::filesystem::path userProfileDir(const Reference<uno::XComponentContext>& context) {
    Reference<util::XStringSubstitution> paths(context->getServiceManager()->createInstanceWithContext(
                                                   "com.sun.star.util.PathSubstitution", context),
                                               UNO_QUERY);
    if (!paths.is())
        return {};
    return systemPath(paths->substituteVariables("$(user)", true));
}

// The office's UI language decides ours: any Chinese locale gets Simplified Chinese, others English.
std::string officeLanguage(const Reference<uno::XComponentContext>& context) {
    try {
        const OUString locale = readOfficeConfiguration(context, "/org.openoffice.Setup/L10N", "ooLocale");
        if (locale.isEmpty() || locale.startsWith("zh"))
            return "zh-CN";
        return "en";
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(warn, "the office's UI language not read, Chinese taken: " << e.Message);
        return "zh-CN";
    }
}

} // namespace

const ExtensionData& ExtensionData::get(const Reference<uno::XComponentContext>& context) {
    // A mutex rather than std::call_once: libstdc++'s call_once cannot be retried after the loader threw
    // (GCC bug 66146), and a failed load — a broken user template folder, say — must be reported each time.
    static std::mutex mutex;
    static std::unique_ptr<ExtensionData> data;
    std::lock_guard<std::mutex> lock(mutex);
    if (data)
        return *data;
    auto loaded = std::make_unique<ExtensionData>();
    loaded->root = extensionRoot(context);
    if (const auto profile = userProfileDir(context); !profile.empty())
        loaded->userTemplateDir = profile / "jixiao" / "templates";
    std::vector<std::filesystem::path> dirs{loaded->root / "templates"};
    if (!loaded->userTemplateDir.empty())
        dirs.push_back(loaded->userTemplateDir);
    loaded->templates = loadTemplateDirectories(dirs, &loaded->templateErrors);
    loaded->messages = MessageCatalog::load(loaded->root / "i18n" / "messages.json");
    loaded->ui = MessageCatalog::load(loaded->root / "i18n" / "ui.json");
    for (const char* language : {"zh-CN", "en"})
        loaded->narrative.emplace(language, NarrativePatterns::load(loaded->root / "narrative" /
                                                                    (std::string(language) + ".json")));
    loaded->lang = officeLanguage(context);
    data = std::move(loaded);
    return *data;
}

const Template* ExtensionData::findTemplate(const std::string& id) const {
    for (const auto& t : templates)
        if (t.id == id)
            return &t;
    return nullptr;
}

const NarrativePatterns& ExtensionData::patterns(const std::string& language) const {
    const auto it = narrative.find(language);
    return it != narrative.end() ? it->second : narrative.at("zh-CN");
}

std::string wordedMessage(const Reference<uno::XComponentContext>& context, const Message& message) {
    try {
        return ExtensionData::get(context).text(message);
    } catch (const std::exception& e) {
        logFailure("the catalogs, wording " + message.key, e);
        return describe(message);
    } catch (const uno::Exception& e) {
        JIXIAO_LOG(warn, "the catalogs, wording " << message.key << ": " << e.Message);
        return describe(message);
    }
}

} // namespace jixiao::office
