// --annotate's office-free part (src/cli/annotated_copies.cpp, options.cpp): the copy's format and name. The
// copies themselves are written and read back through an office in tests/uno/test_batch_annotate.py.
#include "cli/annotated_copies.hpp"
#include "cli/options.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace jixiao::cli;
namespace fs = std::filesystem;

namespace {

Input input(const std::string& path) {
    Input i;
    i.path = path;
    i.shown = path;
    return i;
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("jixiao-annotate-" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); }
    ~TempDir() { fs::remove_all(path); }
};

} // namespace

TEST(BatchAnnotate, EachReportKeepsItsFormatExceptTheBinaryOnes) {
    EXPECT_EQ(annotatedFormat("/r/a.docx")->filter, "MS Word 2007 XML");
    EXPECT_EQ(annotatedFormat("/r/a.odt")->extension, ".odt");
    EXPECT_EQ(annotatedFormat("/r/a.ODS")->filter, "calc8");
    EXPECT_EQ(annotatedFormat("/r/a.xlsx")->convertedFrom, "");
    const auto doc = annotatedFormat("/r/a.doc");
    EXPECT_EQ(doc->extension, ".docx");
    EXPECT_EQ(doc->convertedFrom, ".doc");
    const auto xls = annotatedFormat("/r/a.XLS");
    EXPECT_EQ(xls->extension, ".xlsx");
    EXPECT_EQ(xls->filter, "Calc MS Excel 2007 XML");
    EXPECT_FALSE(annotatedFormat("/r/notes.txt"));
}

TEST(BatchAnnotate, NamesFollowTheSourceAndNeverMeetTwice) {
    TempDir dir;
    std::vector<Input> inputs{input("/a/报告.docx"), input("/b/报告.docx"), input("/c/报告.doc"),
                              input("/d/表.xls"), input("/e/notes.txt")};
    inputs.back().reason = "unsupported";
    const AnnotatedCopies copies(dir.path.string(), inputs);
    EXPECT_TRUE(fs::is_directory(dir.path)); // made before the run
    EXPECT_EQ(copies.target(0, 0), dir.path / "报告.docx");
    EXPECT_EQ(copies.target(1, 0), dir.path / "报告-docx.docx");
    EXPECT_EQ(copies.target(2, 0), dir.path / "报告-doc.docx"); // .doc becomes .docx: its stem is taken
    EXPECT_EQ(copies.target(3, 0), dir.path / "表.xlsx");
    EXPECT_EQ(copies.target(0, 1), dir.path / "报告-2.docx"); // the planned name was taken in DIR meanwhile
    EXPECT_FALSE(copies.format(4));
}

TEST(BatchAnnotate, AFolderThatCannotBeWrittenStopsTheRunBeforeItStarts) {
    // Not even root creates files in /proc.
    EXPECT_THROW(AnnotatedCopies("/proc/jixiao-annotate", {input("/a/r.docx")}), UsageError);
}

TEST(BatchAnnotate, OptionNeedsOurOwnOffice) {
    const auto command = parseCommandLine({"--annotate", "out", "a.docx"});
    ASSERT_TRUE(command.check);
    EXPECT_EQ(command.check->annotate, "out");
    EXPECT_THROW(parseCommandLine({"--annotate", "out", "--connect", "localhost:2002", "a.docx"}),
                 UsageError);
}
