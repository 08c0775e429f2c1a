// src/cli/safe_files.cpp: removing a tree and opening a report never follow a link someone else planted.
#include "cli/safe_files.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace jixiao::cli;
namespace fs = std::filesystem;

namespace {

class SafeFiles : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("jixiao-safe-files-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_ / "outside");
        std::ofstream(root_ / "outside" / "keep.txt") << "keep";
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path root_;
};

TEST_F(SafeFiles, RemoveTreeRemovesLinksNeverTheirTargets) {
    const fs::path tree = root_ / "tree";
    fs::create_directories(tree / "a" / "b");
    std::ofstream(tree / "a" / "b" / "file.txt") << "x";
    fs::create_directory_symlink(root_ / "outside", tree / "a" / "folder-link");
    fs::create_symlink(root_ / "outside" / "keep.txt", tree / "a" / "b" / "file-link");
    ASSERT_EQ(::mkfifo((tree / "fifo").c_str(), 0600), 0);
    removeTree(tree.string());
    EXPECT_FALSE(fs::exists(fs::symlink_status(tree)));
    EXPECT_TRUE(fs::exists(root_ / "outside" / "keep.txt"));
}

TEST_F(SafeFiles, RemoveTreeOfALinkRemovesTheLinkOnly) {
    fs::create_directory_symlink(root_ / "outside", root_ / "tree");
    removeTree((root_ / "tree").string());
    EXPECT_FALSE(fs::exists(fs::symlink_status(root_ / "tree")));
    EXPECT_TRUE(fs::exists(root_ / "outside" / "keep.txt"));
}

TEST_F(SafeFiles, OpenRegularRefusesDevicesFifosAndUnwantedLinks) {
    const RegularFile zero = openRegular("/dev/zero", true);
    EXPECT_FALSE(zero);
    EXPECT_TRUE(zero.notRegular);
    const fs::path fifo = root_ / "fifo.docx";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const RegularFile pipe = openRegular(fifo.string(), true); // O_NONBLOCK: no writer, no wait
    EXPECT_FALSE(pipe);
    EXPECT_TRUE(pipe.notRegular);
    fs::create_symlink(root_ / "outside" / "keep.txt", root_ / "link.docx");
    const RegularFile link = openRegular((root_ / "link.docx").string(), false);
    EXPECT_FALSE(link);
    EXPECT_EQ(link.error, ELOOP);
    RegularFile followed = openRegular((root_ / "link.docx").string(), true);
    ASSERT_TRUE(followed);
    EXPECT_EQ(followed.size, 4U);
    ::close(followed.fd);
}

TEST_F(SafeFiles, CopyStopsWhenToldAndKeepsTheReadError) {
    const int from = ::open("/dev/zero", O_RDONLY | O_CLOEXEC);
    const int to = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    int blocks = 0;
    EXPECT_EQ(copyFile(from, to, [&] { return ++blocks < 10; }), CopyOutcome::Stopped);
    EXPECT_EQ(blocks, 10);
    const int folder = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    errno = 0;
    EXPECT_EQ(copyFile(folder, to, [] { return true; }), CopyOutcome::ReadFailed);
    EXPECT_EQ(errno, EISDIR);
    ::close(folder);
    ::close(from);
    ::close(to);
}

TEST_F(SafeFiles, FindRegularBelowDoesNotEnterLinkedFolders) {
    fs::create_directories(root_ / "tree" / "deep");
    std::ofstream(root_ / "outside" / "jixiao.rdb") << "theirs";
    fs::create_directory_symlink(root_ / "outside", root_ / "tree" / "a-link");
    EXPECT_FALSE(findRegularBelow((root_ / "tree").string(), "jixiao.rdb", 4));
    std::ofstream(root_ / "tree" / "deep" / "jixiao.rdb") << "ours";
    RegularFile found = findRegularBelow((root_ / "tree").string(), "jixiao.rdb", 4);
    ASSERT_TRUE(found);
    EXPECT_EQ(found.size, 4U);
    ::close(found.fd);
}

std::string contents(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_F(SafeFiles, WriteAtomicallyNeverWritesThroughALinkNorLeavesATemporaryFile) {
    const int dir = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ASSERT_GE(dir, 0);
    EXPECT_TRUE(canCreateIn(dir));
    EXPECT_TRUE(writeAtomically(dir, "new.json", "one\n", false));
    EXPECT_EQ(contents(root_ / "new.json"), "one\n");
    EXPECT_FALSE(writeAtomically(dir, "new.json", "two\n", false)); // an existing file stays
    EXPECT_EQ(errno, EEXIST);
    EXPECT_EQ(contents(root_ / "new.json"), "one\n");
    fs::create_symlink(root_ / "outside" / "keep.txt", root_ / "link.json");
    EXPECT_FALSE(writeAtomically(dir, "link.json", "x", false));        // a planted link too
    EXPECT_TRUE(writeAtomically(dir, "link.json", "replaced\n", true)); // replaced: the link, not its target
    EXPECT_FALSE(fs::is_symlink(root_ / "link.json"));
    EXPECT_EQ(contents(root_ / "link.json"), "replaced\n");
    EXPECT_EQ(contents(root_ / "outside" / "keep.txt"), "keep");
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(root_))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"link.json", "new.json", "outside"}));
    ::close(dir);
}

} // namespace
