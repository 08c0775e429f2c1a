#include "uno/live/edit_events.hpp"

#include <com/sun/star/util/XModifiable.hpp>

using namespace css;

namespace jixiao::office {
namespace {

// A document that cannot say (not modifiable, or gone) counts as modified: its events stay edits.
bool isModified(const uno::Reference<uno::XInterface>& document) {
    try {
        const uno::Reference<util::XModifiable> modifiable(document, uno::UNO_QUERY);
        return !modifiable.is() || modifiable->isModified();
    } catch (const uno::RuntimeException&) {
        return true;
    }
}

} // namespace

EditEvents::EditEvents(const uno::Reference<uno::XInterface>& document)
    : wasModified_(isModified(document)) {}

bool EditEvents::isEdit(const lang::EventObject& event) {
    const bool modified = isModified(event.Source);
    return wasModified_.exchange(modified) || modified;
}

} // namespace jixiao::office
