// Command-line options of jixiao-batch and of its `build` sub-command.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace jixiao::cli {

enum class Format { Text, Json, Csv, Xlsx, Ods };

// The summary workbooks (cli/summary_workbook.hpp) need an office to write them and a file to write to.
inline bool isWorkbook(Format format) {
    return format == Format::Xlsx || format == Format::Ods;
}

// Where the office comes from: started by us (with the .oxt installed) or an already running one.
struct OfficeOptions {
    std::string oxt;     // empty: found next to the program
    std::string rdb;     // empty: next to the .oxt, else the copy unopkg unpacked into the profile
    std::string connect; // "host:port" of a running office; empty: start our own
    std::string locale = "zh-CN";
    int timeoutSeconds = 60;
    int memoryLimitMb = 4096; // address space of each office we start (RLIMIT_AS)
    bool noSandbox = false;   // --no-sandbox: never implied; the office runs without its box (warned about)
};

struct CheckOptions {
    OfficeOptions office;
    std::vector<std::string> inputs;
    int jobs = 1;
    Format format = Format::Text;
    std::string output;     // empty: stdout
    std::string exportJson; // directory, empty: none
    std::string annotate;   // --annotate DIR: annotated copies go there; empty: none
    int maxSizeMb = 256;    // a larger input is not read
};

// `jixiao-batch merge PART.json … --format … --output FILE`: several runs' JSON summaries as one summary.
struct MergeOptions {
    OfficeOptions office; // for the workbook formats
    std::vector<std::string> parts;
    Format format = Format::Json;
    std::string output; // empty: stdout (text formats only)
};

struct BuildOptions {
    OfficeOptions office;
    std::string from;
    std::string out;
};

// A usage error: the message is shown with the usage text and the program exits with 3.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Command {
    bool help = false;
    std::optional<CheckOptions> check;
    std::optional<BuildOptions> build;
    std::optional<MergeOptions> merge;
};

// args excludes the program name. Throws UsageError.
Command parseCommandLine(const std::vector<std::string>& args);

} // namespace jixiao::cli
