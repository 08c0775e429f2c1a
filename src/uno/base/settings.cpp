#include "uno/base/settings.hpp"

#include "uno/base/log.hpp"
#include "uno/base/ustring.hpp"

#include "core/model/grade_bands.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XChangesListener.hpp>
#include <com/sun/star/util/XChangesNotifier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include <atomic>
#include <mutex>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

constexpr const char* kNode = "/org.jixiao.Jixiao.Options/Settings";

Reference<uno::XInterface> access(const Reference<uno::XComponentContext>& context, bool update) {
    Reference<lang::XMultiServiceFactory> provider(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context),
        UNO_QUERY_THROW);
    beans::NamedValue path("nodepath", uno::Any(OUString::createFromAscii(kNode)));
    return provider->createInstanceWithArguments(
        update ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
               : OUString("com.sun.star.configuration.ConfigurationAccess"),
        sequenceOf(uno::Any(path)));
}

template <typename T>
T readSetting(const Reference<container::XNameAccess>& node, const char* name, T fallback) {
    T value = fallback;
    node->getByName(OUString::createFromAscii(name)) >>= value;
    return value;
}

// The settings as last read. Live recompute asks for them on every edit, so they are read once and again
// only after the configuration tells of a change to the node (the options page, the deck's check box, an
// administrator's or a macro's write through the configuration API, another office window).
struct Values {
    bool liveRecompute = true;
    bool fixedTwoDecimals = false;
    OUString defaultTemplate = "county-project";
    std::array<double, 3> grades{90.0, 80.0, 60.0};
    // The bands of `grades` (core/model/grade_bands.hpp), made once per change of the settings rather than on
    // every live run.
    std::vector<GradeBand> bands = defaultGradeBands();
};

class SettingsCache : public cppu::WeakImplHelper1<util::XChangesListener> {
public:
    Values get(const Reference<uno::XComponentContext>& context) {
        if (stale_.exchange(false)) {
            // Read without holding the lock: the configuration takes its own, and a change arriving
            // meanwhile marks the values stale again for the next caller.
            auto fresh = read(context);
            std::lock_guard<std::mutex> lock(mutex_);
            values_ = std::move(fresh);
        }
        std::lock_guard<std::mutex> lock(mutex_);
        return values_;
    }
    void invalidate() { stale_ = true; }

    // XChangesListener: only marks the values stale (cheap, takes no lock the caller might hold).
    void SAL_CALL changesOccurred(const util::ChangesEvent&) override { invalidate(); }
    void SAL_CALL disposing(const lang::EventObject&) override {
        invalidate();
        std::lock_guard<std::mutex> lock(mutex_);
        node_.clear();
    }

private:
    Values read(const Reference<uno::XComponentContext>& context) {
        Values values;
        try {
            Reference<container::XNameAccess> node;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                node = node_;
            }
            if (!node.is()) {
                node.set(access(context, false), UNO_QUERY_THROW);
                Reference<util::XChangesNotifier>(node, UNO_QUERY_THROW)->addChangesListener(this);
                std::lock_guard<std::mutex> lock(mutex_);
                node_ = node;
            }
            values.liveRecompute = readSetting(node, "LiveRecompute", values.liveRecompute);
            values.fixedTwoDecimals = readSetting(node, "FixedTwoDecimals", values.fixedTwoDecimals);
            values.defaultTemplate = readSetting(node, "DefaultTemplate", values.defaultTemplate);
            values.grades = {readSetting(node, "GradeExcellent", values.grades[0]),
                             readSetting(node, "GradeGood", values.grades[1]),
                             readSetting(node, "GradePass", values.grades[2])};
            values.bands = gradeBandsFromOptions(values.grades);
        } catch (const uno::Exception& e) {
            // The schema is missing only when the extension is half-installed: the defaults hold, and the
            // next caller tries again.
            JIXIAO_LOG(warn, "options not read, the defaults hold: " << e.Message);
            invalidate();
        }
        return values;
    }

    std::atomic<bool> stale_{true};
    std::mutex mutex_;
    Values values_;
    Reference<container::XNameAccess> node_; // kept open: its listener is what makes the cache valid
};

SettingsCache& cache() {
    // One per process (the office has one configuration). Never destroyed: at library unload the office
    // may be gone, and releasing the node then would call into it.
    static SettingsCache* const instance = [] {
        auto* made = new SettingsCache;
        made->acquire();
        return made;
    }();
    return *instance;
}

} // namespace

bool Settings::liveRecompute(const Reference<uno::XComponentContext>& context) {
    return cache().get(context).liveRecompute;
}

void Settings::setLiveRecompute(const Reference<uno::XComponentContext>& context, bool on) {
    auto node = access(context, true);
    Reference<beans::XPropertySet>(node, UNO_QUERY_THROW)->setPropertyValue("LiveRecompute", uno::Any(on));
    Reference<util::XChangesBatch>(node, UNO_QUERY_THROW)->commitChanges();
    cache().invalidate(); // the change notification says so too; this does not depend on its timing
}

bool Settings::fixedTwoDecimals(const Reference<uno::XComponentContext>& context) {
    return cache().get(context).fixedTwoDecimals;
}

std::array<double, 3> Settings::gradeThresholds(const Reference<uno::XComponentContext>& context) {
    return cache().get(context).grades;
}

void Settings::store(const Reference<uno::XComponentContext>& context, bool liveRecompute,
                     bool fixedTwoDecimals, const std::string& defaultTemplate,
                     const std::array<double, 3>& grades) {
    auto node = access(context, true);
    Reference<beans::XPropertySet> props(node, UNO_QUERY_THROW);
    props->setPropertyValue("LiveRecompute", uno::Any(liveRecompute));
    props->setPropertyValue("FixedTwoDecimals", uno::Any(fixedTwoDecimals));
    props->setPropertyValue("DefaultTemplate", uno::Any(fromUtf8(defaultTemplate)));
    props->setPropertyValue("GradeExcellent", uno::Any(grades[0]));
    props->setPropertyValue("GradeGood", uno::Any(grades[1]));
    props->setPropertyValue("GradePass", uno::Any(grades[2]));
    Reference<util::XChangesBatch>(node, UNO_QUERY_THROW)->commitChanges();
    cache().invalidate();
}

std::vector<GradeBand> Settings::gradeBands(const Reference<uno::XComponentContext>& context) {
    return cache().get(context).bands;
}

std::vector<GradeBand> Settings::gradeBandsOf(const std::array<double, 3>& thresholds) {
    return gradeBandsFromOptions(thresholds);
}

std::string Settings::defaultTemplate(const Reference<uno::XComponentContext>& context) {
    return toUtf8(cache().get(context).defaultTemplate);
}

} // namespace jixiao::office
