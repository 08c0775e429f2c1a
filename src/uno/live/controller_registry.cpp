#include "uno/live/controller_registry.hpp"

#include "uno/live/document_controller.hpp"

#include <map>
#include <mutex>

using namespace css;

namespace jixiao::office {
namespace {

struct Registry {
    std::mutex mutex;
    std::map<const void*, rtl::Reference<DocumentController>> controllers;
};

Registry& registry() {
    // Never destroyed: a controller left at library unload (an office killed mid-session) must not be
    // released into an office that is gone.
    static Registry* const instance = new Registry;
    return *instance;
}

const void* keyOf(const uno::Reference<frame::XModel>& model) {
    return uno::Reference<uno::XInterface>(model, uno::UNO_QUERY).get();
}

} // namespace

rtl::Reference<DocumentController> ControllerRegistry::find(const uno::Reference<frame::XModel>& model) {
    auto& shared = registry();
    const auto key = keyOf(model);
    std::lock_guard<std::mutex> lock(shared.mutex);
    if (auto it = shared.controllers.find(key); it != shared.controllers.end())
        return it->second;
    return {};
}

rtl::Reference<DocumentController> ControllerRegistry::add(const uno::Reference<frame::XModel>& model,
                                                           const rtl::Reference<DocumentController>& made) {
    auto& shared = registry();
    const auto key = keyOf(model);
    std::lock_guard<std::mutex> lock(shared.mutex);
    return shared.controllers.emplace(key, made).first->second;
}

void ControllerRegistry::remove(const DocumentController* controller) {
    auto& shared = registry();
    std::lock_guard<std::mutex> lock(shared.mutex);
    for (auto it = shared.controllers.begin(); it != shared.controllers.end(); ++it)
        if (it->second.get() == controller) {
            shared.controllers.erase(it);
            return;
        }
}

} // namespace jixiao::office
