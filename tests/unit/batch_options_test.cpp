// jixiao-batch's command line and inputs (src/cli/options.cpp, inputs.cpp): pure C++, no office. The
// end-to-end behaviour is in tests/uno/test_batch*.py.
#include "cli/inputs.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace jixiao::cli;
namespace fs = std::filesystem;

namespace {

CheckOptions check(const std::vector<std::string>& args) {
    const auto command = parseCommandLine(args);
    EXPECT_TRUE(command.check.has_value());
    return command.check.value_or(CheckOptions{});
}

// A private folder of files, removed after the test.
class Folder {
public:
    Folder() : root_(fs::temp_directory_path() / ("jixiao-inputs-" + std::to_string(::getpid()))) {
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    ~Folder() { fs::remove_all(root_); }
    std::string file(const std::string& relative) const {
        const fs::path path = root_ / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path) << "x";
        return path.string();
    }
    std::string path(const std::string& relative = "") const { return (root_ / relative).string(); }

private:
    fs::path root_;
};

} // namespace

TEST(BatchOptions, DefaultsAndEveryOptionBothSpellings) {
    const auto plain = check({"a.docx"});
    EXPECT_EQ(plain.jobs, 1);
    EXPECT_EQ(plain.format, Format::Text);
    EXPECT_EQ(plain.office.timeoutSeconds, 60);
    EXPECT_EQ(plain.office.locale, "zh-CN");

    const auto all =
        check({"--jobs", "2", "--format=json", "-o", "out.json", "--export-json", "dir", "--timeout=5",
               "--memory-limit", "512", "--locale", "en-US", "--connect", "127.0.0.1:2002", "a.docx", "b"});
    EXPECT_EQ(all.jobs, 2);
    EXPECT_EQ(all.format, Format::Json);
    EXPECT_EQ(all.output, "out.json");
    EXPECT_EQ(all.exportJson, "dir");
    EXPECT_EQ(all.office.timeoutSeconds, 5);
    EXPECT_EQ(all.office.memoryLimitMb, 512);
    EXPECT_EQ(all.office.locale, "en-US");
    EXPECT_EQ(all.office.connect, "127.0.0.1:2002");
    EXPECT_EQ(all.inputs, (std::vector<std::string>{"a.docx", "b"}));
}

TEST(BatchOptions, DoubleDashEndsTheOptions) {
    const auto c = check({"--format", "csv", "--", "--jobs", "-x.docx"});
    EXPECT_EQ(c.format, Format::Csv);
    EXPECT_EQ(c.inputs, (std::vector<std::string>{"--jobs", "-x.docx"}));
}

TEST(BatchOptions, UsageErrorsNameTheOption) {
    const std::vector<std::vector<std::string>> bad = {
        {},                         // no inputs
        {"--jobs", "0", "a.docx"},  // not positive
        {"--jobs", "2x", "a.docx"}, // not a number
        {"--format", "xml", "a.docx"},
        {"--timeout"}, // missing value
        {"--bogus", "a.docx"},
    };
    for (const auto& args : bad)
        EXPECT_THROW(parseCommandLine(args), UsageError) << (args.empty() ? "(none)" : args[0]);
    try {
        parseCommandLine({"--jobs", "zero", "a.docx"});
        FAIL() << "no UsageError";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("--jobs"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("zero"), std::string::npos) << e.what();
    }
}

TEST(BatchOptions, HelpWinsAndBuildTakesItsOwnOptions) {
    EXPECT_TRUE(parseCommandLine({"a.docx", "--help"}).help);
    const auto build = parseCommandLine({"build", "--from", "s.json", "--out=r.pdf", "--timeout", "9"});
    ASSERT_TRUE(build.build.has_value());
    EXPECT_EQ(build.build->from, "s.json");
    EXPECT_EQ(build.build->out, "r.pdf");
    EXPECT_EQ(build.build->office.timeoutSeconds, 9);
    EXPECT_THROW(parseCommandLine({"build", "--from", "s.json"}), UsageError);
    EXPECT_THROW(parseCommandLine({"build", "--jobs", "2"}), UsageError);
}

TEST(BatchInputs, ReportTypesInAnyCase) {
    for (const char* name : {"a.docx", "b.DOC", "c.odt", "d.Xlsx", "e.xls", "f.ods"})
        EXPECT_TRUE(isReportFile(name)) << name;
    for (const char* name : {"a.pdf", "b.txt", "docx", "c.docx.bak"})
        EXPECT_FALSE(isReportFile(name)) << name;
}

TEST(BatchInputs, FoldersAreSearchedAndNothingIsDroppedSilently) {
    const Folder folder;
    const auto report = folder.file("2025/报告.docx");
    folder.file("2025/notes.txt");         // in a folder: not a report, skipped
    folder.file("2025/.~lock.报告.docx#"); // LibreOffice's lock file: skipped
    const auto sheet = folder.file("打分表.xlsx");
    const auto named = folder.file("readme.txt"); // named explicitly: reported as unsupported
    fs::create_symlink(report, folder.path("link.docx"));

    const auto inputs =
        expandInputs({folder.path(), named, folder.path("missing.docx"), folder.path("*.ods")});
    std::vector<std::string> checkable;
    std::vector<std::pair<std::string, std::string>> refused;
    for (const auto& input : inputs) {
        if (input.reason.empty())
            checkable.push_back(input.path);
        else
            refused.emplace_back(fs::path(input.path).filename().string(), input.reason);
    }
    EXPECT_EQ(checkable, (std::vector<std::string>{report, sheet}));
    ASSERT_EQ(refused.size(), 4u);
    EXPECT_EQ(refused[0], std::pair(std::string("link.docx"), std::string(text(Msg::LinkNotFollowed))));
    EXPECT_EQ(refused[1], std::pair(std::string("readme.txt"), std::string(text(Msg::UnsupportedType))));
    EXPECT_EQ(refused[2], std::pair(std::string("missing.docx"), std::string(text(Msg::NotFound))));
    EXPECT_EQ(refused[3].second, std::string(text(Msg::NoMatch)));
}

TEST(BatchInputs, AFileNamedTwiceIsCheckedOnce) {
    const Folder folder;
    const auto report = folder.file("a.odt");
    const auto inputs = expandInputs({report, folder.path(), folder.path("./a.odt")});
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_EQ(inputs[0].path, report);
}

TEST(BatchInputs, OneRuleForLinksAndOnlyRegularFilesAreReports) {
    const Folder folder;
    const auto real = folder.file("shared/real.docx");
    ASSERT_EQ(::mkfifo(folder.path("shared/fifo.docx").c_str(), 0600), 0);
    fs::create_symlink(real, folder.path("shared/planted.docx"));
    fs::create_symlink("/dev/zero", folder.path("zero.docx"));
    fs::create_symlink(real, folder.path("mine.docx"));

    // A pattern's matches are folder entries: the link is reported, the FIFO gets its line too.
    std::vector<std::pair<std::string, std::string>> seen;
    for (const auto& input : expandInputs({folder.path("shared/*.docx")}))
        seen.emplace_back(fs::path(input.path).filename().string(), input.reason);
    EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::string>>{
                        {"fifo.docx", std::string(text(Msg::NotRegular))},
                        {"planted.docx", std::string(text(Msg::LinkNotFollowed))},
                        {"real.docx", ""}}));

    // Typed literally: a FIFO is no report; a link only to a regular file its owner could read.
    const auto literal =
        expandInputs({folder.path("shared/fifo.docx"), folder.path("zero.docx"), folder.path("mine.docx")});
    ASSERT_EQ(literal.size(), 3u);
    EXPECT_EQ(literal[0].reason, text(Msg::NotRegular));
    EXPECT_EQ(literal[1].reason, text(Msg::LinkRefused));
    EXPECT_EQ(literal[2].reason, "");
    EXPECT_TRUE(literal[2].followLink);
    struct stat target {};
    ASSERT_EQ(::stat(real.c_str(), &target), 0);
    EXPECT_EQ(literal[2].inode, target.st_ino); // what the link led to when judged: staging checks it again

    if (::geteuid() != 0)
        return; // only root can give the link to another user
    const auto secret = folder.file("secret.docx");
    fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
    fs::create_symlink(secret, folder.path("theirs.docx"));
    ASSERT_EQ(::lchown(folder.path("theirs.docx").c_str(), 65534, 65534), 0);
    const auto theirs = expandInputs({folder.path("theirs.docx")});
    ASSERT_EQ(theirs.size(), 1u);
    EXPECT_EQ(theirs[0].reason, text(Msg::LinkRefused));
}
