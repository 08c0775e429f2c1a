// Jixiao's settings in the office configuration (registry/Options.xcs), so they survive restarts and can be
// set by administrators like any other LibreOffice option.
// Read once and cached for the process; the cache listens to the configuration node and is refreshed after
// any change to it, from whatever wrote it. Safe from any thread.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/model/scorecard.hpp"

#include <array>
#include <string>

namespace jixiao::office {

class Settings {
public:
    static bool liveRecompute(const css::uno::Reference<css::uno::XComponentContext>& context);
    static void setLiveRecompute(const css::uno::Reference<css::uno::XComponentContext>& context, bool on);
    static bool fixedTwoDecimals(const css::uno::Reference<css::uno::XComponentContext>& context);
    static std::string defaultTemplate(const css::uno::Reference<css::uno::XComponentContext>& context);
    // Lower bounds of 优秀, 良好 and 中.
    static std::array<double, 3>
    gradeThresholds(const css::uno::Reference<css::uno::XComponentContext>& context);
    // The options' bands: 优秀, 良好, 中 from the thresholds, 差 below (possibly inconsistent, when an
    // administrator or a macro wrote them so: chooseGradeBands then grades with the defaults).
    static std::vector<GradeBand> gradeBands(const css::uno::Reference<css::uno::XComponentContext>& context);
    // The bands of three thresholds (优秀, 良好, 中), as the options page's fields hold them.
    static std::vector<GradeBand> gradeBandsOf(const std::array<double, 3>& thresholds);
    // Stores the options page in one configuration commit.
    static void store(const css::uno::Reference<css::uno::XComponentContext>& context, bool liveRecompute,
                      bool fixedTwoDecimals, const std::string& defaultTemplate,
                      const std::array<double, 3>& grades);
};

} // namespace jixiao::office
