// The user guide shipped in the .oxt (extension/help/guide.html): LibreOffice's own help knows nothing of
// Jixiao and says "帮助未安装" where it is not installed, so Jixiao's 帮助 opens its own page instead.
#pragma once

#include "uno/base/ustring.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

namespace jixiao::office {

// The guide inside the installed extension, as a file URL; throws when the extension's location is unknown.
OUString helpGuideUrl(const css::uno::Reference<css::uno::XComponentContext>& context);

// Opens the guide in a window of the office, read-only (a local file: nothing reaches the network). Returns
// false, logged, when it could not.
bool openHelpGuide(const css::uno::Reference<css::uno::XComponentContext>& context);

// The service org.jixiao.HelpGuide: Tools ▸ 绩效评价使用指南 dispatches "service:org.jixiao.HelpGuide", and
// the office's service: handler calls its XJobExecutor::trigger, which opens the guide.
css::uno::Reference<css::uno::XInterface>
createHelpGuideJob(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace jixiao::office
