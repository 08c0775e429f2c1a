// The record of what edits changed (src/uno/live/edit_record.hpp): a keystroke in a cell names that cell,
// anything else makes the change unknown. Threads stand in for the view's thread and a macro's bridge.
#include "uno/live/edit_record.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace {

using jixiao::office::CursorPlace;
using jixiao::office::EditRecord;
using jixiao::office::KnownEdits;

CursorPlace inCell(const std::string& table, const std::string& cell) {
    return {CursorPlace::Kind::InCell, table, cell};
}

// A record that has been handed over once: from now on it knows what changed, until something it cannot
// name happens.
EditRecord freshRecord() {
    EditRecord record;
    EXPECT_EQ(record.take(), std::nullopt); // nothing was ever recorded: unknown
    record.validated();
    return record;
}

TEST(EditRecord, KeystrokesInCellsNameThoseCellsAndLeaveTheProse) {
    auto record = freshRecord();
    record.keyTyped(inCell("表格1", "G2"), 'a');
    record.edited(false);
    record.keyHandled('a');
    record.keyTyped(inCell("表格1", "G3"), 'b');
    record.edited(false);
    record.edited(false); // one key, two modify events
    record.keyHandled('b');
    EXPECT_EQ(record.take(), (KnownEdits{{{"表格1", "G2"}, {"表格1", "G3"}}}));
    EXPECT_FALSE(record.proseEdited());
    EXPECT_EQ(record.take(), KnownEdits{}); // a new record starts empty
}

TEST(EditRecord, AKeyOutsideTablesChangesNoCellButMayChangeTheProse) {
    auto record = freshRecord();
    record.keyTyped({CursorPlace::Kind::OutsideTables, {}, {}}, 'a');
    record.edited(false);
    EXPECT_EQ(record.take(), KnownEdits{});
    EXPECT_TRUE(record.proseEdited());
}

TEST(EditRecord, AKeyWithASelectionMayChangeAnything) {
    auto record = freshRecord();
    record.keyTyped({}, 'a'); // Kind::Unknown
    record.edited(false);
    EXPECT_EQ(record.take(), std::nullopt);
    EXPECT_TRUE(record.proseEdited());
}

TEST(EditRecord, AnEditAfterTheKeyWasHandledMayChangeAnything) {
    auto record = freshRecord();
    record.keyTyped(inCell("表格1", "G2"), 'a');
    record.keyHandled('a');
    record.edited(false); // a paste, an undo
    EXPECT_EQ(record.take(), std::nullopt);
    EXPECT_TRUE(record.proseEdited());
}

TEST(EditRecord, OnlyTheKeyBeingHandledEndsWithItsOwnEnd) {
    auto record = freshRecord();
    record.keyTyped(inCell("表格1", "G2"), 'b');
    record.keyHandled('a'); // an earlier key's end
    record.edited(false);
    EXPECT_EQ(record.take(), (KnownEdits{{{"表格1", "G2"}}}));
    record.keyTyped(inCell("表格1", "G2"), 'c');
    record.otherInput(); // a click or a shortcut ends it
    record.edited(false);
    EXPECT_EQ(record.take(), std::nullopt);
}

TEST(EditRecord, AnEditOnAnotherThreadWhileAKeyIsHandledMayChangeAnything) {
    auto record = freshRecord();
    record.keyTyped(inCell("表格1", "G2"), 'a');       // on the view's thread
    std::thread bridge([&] { record.edited(false); }); // a macro's edit meanwhile
    bridge.join();
    EXPECT_EQ(record.take(), std::nullopt);
    EXPECT_TRUE(record.proseEdited());
}

TEST(EditRecord, RecomputesOwnWritesLeaveTheRecordAlone) {
    auto record = freshRecord();
    record.keyTyped(inCell("表格1", "G2"), 'a');
    record.edited(false);
    record.keyHandled('a');
    record.edited(true); // told to the cache by the run itself
    EXPECT_EQ(record.take(), (KnownEdits{{{"表格1", "G2"}}}));
    EXPECT_FALSE(record.proseEdited());
}

TEST(EditRecord, OnceUnknownKeystrokesDoNotMakeItKnownAgain) {
    auto record = freshRecord();
    record.cellsUnknown(); // written past the cache
    record.keyTyped(inCell("表格1", "G2"), 'a');
    record.edited(false);
    EXPECT_EQ(record.take(), std::nullopt);
}

// A run that read the paragraphs again and found them as validated clears the mark (a modify event that
// changed no text: Writer's idle work, setModified), unless an edit came after the edits it looked past.
TEST(EditRecord, ProseFoundUnchangedClearsTheMarkOfTheEditsSeen) {
    auto record = freshRecord();
    record.edited(false);
    const unsigned seen = record.proseEdits();
    record.proseFoundUnchanged(seen);
    EXPECT_FALSE(record.proseEdited());
}

TEST(EditRecord, AnEditAfterTheProseWasReadKeepsTheMark) {
    auto record = freshRecord();
    record.edited(false);
    const unsigned seen = record.proseEdits();
    record.keyTyped({CursorPlace::Kind::OutsideTables, {}, {}}, 'a'); // typed into the prose meanwhile
    record.edited(false);
    record.proseFoundUnchanged(seen);
    EXPECT_TRUE(record.proseEdited());
}

} // namespace
