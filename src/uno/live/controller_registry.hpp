// Document → its DocumentController, keyed by the model's address; an entry leaves when its document is
// disposed. Used from the main thread (panels, live recompute) and from bridge threads (a macro's
// EvaluationTool calls), hence its mutex, held only around the map and never across a call into the office
// (see document_controller.hpp, "Threads").
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <rtl/ref.hxx>

namespace jixiao::office {

class DocumentController;

class ControllerRegistry {
public:
    // The controller registered for `model`; null when there is none.
    static rtl::Reference<DocumentController> find(const css::uno::Reference<css::frame::XModel>& model);
    // Registers `made` for `model` unless another thread registered one first; returns the one registered.
    static rtl::Reference<DocumentController> add(const css::uno::Reference<css::frame::XModel>& model,
                                                  const rtl::Reference<DocumentController>& made);
    // Drops `controller`'s entry, if it has one (the registry's reference goes with it).
    static void remove(const DocumentController* controller);
};

} // namespace jixiao::office
