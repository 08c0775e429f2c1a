// What the document's edits changed since live recompute last looked (document_controller.hpp, "Edited
// cell"): after a keystroke in the document's view (typing_watch.hpp) only the cell at its cursor; after
// anything else — paste, undo, a macro, a key outside a table — anything, as far as anyone can tell. The
// table cache is handed the cells (table_cache.hpp, KnownEdits); the findings are told whether the prose
// may have changed since the last full validation.
//
// Not synchronised: its owner guards it with one lock (the view's key handler and the modify listener run
// on different threads). Needs no UNO: tests/unit/edit_record_test.cpp.
#pragma once

#include "uno/host/cursor_place.hpp"
#include "uno/host/table_cache.hpp"

#include <optional>
#include <thread>

namespace jixiao::office {

class EditRecord {
public:
    // The view began handling the text key `key`, typed at `place`, on the calling thread.
    void keyTyped(const CursorPlace& place, int key);
    // The view finished handling `key` (a later key's end does not end an earlier one's).
    void keyHandled(int key);
    // Any other input to the view (a click, a shortcut): no key is being typed now.
    void otherInput();
    // The document changed, on the calling thread. `recomputeWriting`: a recompute is writing now; its
    // writes are told to the cache by the run that makes them (TableCache::wrote).
    void edited(bool recomputeWriting);
    // Cells changed that nobody can name (written past the cache).
    void cellsUnknown() { cells_.reset(); }
    // What changed since the last take (nullopt: unknown, so every input cell is re-read); starts a new,
    // empty record.
    std::optional<KnownEdits> take();

    // Whether anything but a table cell's text may have changed since the last full validation.
    bool proseEdited() const { return proseEdited_; }
    void validated() { proseEdited_ = false; }
    // How many edits so far may have touched the prose: a run that found the prose as it was validated
    // (Writer's own idle work, setModified, anything that fires a modify event and changes no text) clears
    // the mark only when no such edit came since it looked.
    unsigned proseEdits() const { return proseEdits_; }
    void proseFoundUnchanged(unsigned seenEdits) {
        if (seenEdits == proseEdits_)
            proseEdited_ = false;
    }

private:
    int typingKey_ = 0; // the text key being handled now (0: none)
    CursorPlace typingPlace_;
    std::thread::id typingThread_; // the view's
    std::optional<KnownEdits> cells_;
    bool proseEdited_ = true;
    unsigned proseEdits_ = 0;
};

} // namespace jixiao::office
