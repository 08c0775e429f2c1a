// The service behind a "service:org.jixiao.…" command (a menu entry, a toolbar button or a key): the office's
// service: handler creates it and calls XJobExecutor::trigger, on the main thread. Each such service of ours
// has one action and no state but the component context, so one class serves them all.
#pragma once

#include "uno/base/ustring.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>

#include <functional>

namespace jixiao::office {

using CommandAction = std::function<void(const css::uno::Reference<css::uno::XComponentContext>&)>;

// A job service named `name` (its implementation name and its one service name) that runs `action` when
// triggered. `action` reports its own failures: what it throws goes back to the office's dispatcher.
css::uno::Reference<css::uno::XInterface>
createCommandJob(const css::uno::Reference<css::uno::XComponentContext>& context, const OUString& name,
                 CommandAction action);

} // namespace jixiao::office
