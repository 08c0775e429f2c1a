#include "uno/live/edit_record.hpp"

#include <utility>

namespace jixiao::office {

void EditRecord::keyTyped(const CursorPlace& place, int key) {
    typingKey_ = key;
    typingPlace_ = place;
    typingThread_ = std::this_thread::get_id();
}

void EditRecord::keyHandled(int key) {
    if (typingKey_ == key)
        typingKey_ = 0;
}

void EditRecord::otherInput() {
    typingKey_ = 0;
}

void EditRecord::edited(bool recomputeWriting) {
    if (typingKey_ != 0 && std::this_thread::get_id() == typingThread_) {
        // The view is handling a text key: only the cell at its cursor can have changed.
        if (typingPlace_.kind != CursorPlace::Kind::InCell) {
            proseEdited_ = true; // typed outside a table: the prose may have changed
            ++proseEdits_;
        }
        if (typingPlace_.kind == CursorPlace::Kind::Unknown)
            cells_.reset();
        else if (cells_ && typingPlace_.kind == CursorPlace::Kind::InCell)
            cells_->cells.emplace(typingPlace_.table, typingPlace_.cell);
        return;
    }
    // Recompute's own writes are told to the cache by the run that makes them (TableCache::wrote), or
    // reset the record after a run without the cache (cellsUnknown). Anything else may have changed anything.
    if (!recomputeWriting) {
        cells_.reset();
        proseEdited_ = true;
        ++proseEdits_;
    }
}

std::optional<KnownEdits> EditRecord::take() {
    return std::exchange(cells_, KnownEdits{});
}

} // namespace jixiao::office
