#include "cli/options.hpp"

#include "cli/messages.hpp"

#include <charconv>
#include <functional>

namespace jixiao::cli {
namespace {

int positive(const std::string& option, const std::string& value) {
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size() || number <= 0)
        throw UsageError(format(Msg::BadNumber, option, value));
    return number;
}

bool isOfficeOption(const std::string& name) {
    return name == "--oxt" || name == "--rdb" || name == "--connect" || name == "--locale" ||
           name == "--timeout" || name == "--memory-limit";
}

// Sets one option shared by both commands (isOfficeOption(name) holds).
void officeOption(OfficeOptions& office, const std::string& name, const std::string& value) {
    if (name == "--oxt")
        office.oxt = value;
    else if (name == "--rdb")
        office.rdb = value;
    else if (name == "--connect")
        office.connect = value;
    else if (name == "--locale")
        office.locale = value;
    else if (name == "--timeout")
        office.timeoutSeconds = positive(name, value);
    else if (name == "--memory-limit")
        office.memoryLimitMb = positive(name, value);
}

// Splits "--name=value" and "--name value"; returns the value or throws when it is missing.
struct Cursor {
    Cursor(const std::vector<std::string>& all, std::size_t first) : args(all), i(first) {}
    const std::vector<std::string>& args;
    std::size_t i;
    std::string name, inlineValue;
    bool hasInline = false;

    void split() {
        const std::string& arg = args[i];
        const auto eq = arg.find('=');
        hasInline = arg.starts_with("--") && eq != std::string::npos;
        name = hasInline ? arg.substr(0, eq) : arg;
        inlineValue = hasInline ? arg.substr(eq + 1) : std::string{};
    }
    std::string value() {
        if (hasInline)
            return inlineValue;
        if (i + 1 >= args.size())
            throw UsageError(format(Msg::MissingValue, name));
        return args[++i];
    }
};

Format parseFormat(const std::string& value) {
    if (value == "text")
        return Format::Text;
    if (value == "json")
        return Format::Json;
    if (value == "csv")
        return Format::Csv;
    if (value == "xlsx")
        return Format::Xlsx;
    if (value == "ods")
        return Format::Ods;
    throw UsageError(format(Msg::BadFormat, value));
}

bool isHelp(const std::string& arg) {
    return arg == "-h" || arg == "--help";
}

Command parseBuild(const std::vector<std::string>& args) {
    Command command;
    BuildOptions build;
    for (Cursor c{args, 1}; c.i < args.size(); ++c.i) {
        c.split();
        if (isHelp(c.name)) {
            command.help = true;
            return command;
        }
        if (c.name == "--from")
            build.from = c.value();
        else if (c.name == "--out")
            build.out = c.value();
        else if (c.name == "--no-sandbox")
            build.office.noSandbox = true;
        else if (isOfficeOption(c.name))
            officeOption(build.office, c.name, c.value());
        else
            throw UsageError(format(Msg::UnknownOption, c.name));
    }
    if (build.from.empty())
        throw UsageError(format(Msg::MissingValue, "--from"));
    if (build.out.empty())
        throw UsageError(format(Msg::MissingValue, "--out"));
    command.build = std::move(build);
    return command;
}

// The options a check and a merge share: the summary's format and destination, and the office (the workbook
// formats start one). False: not one of them.
bool summaryOption(Cursor& c, Format& summaryFormat, std::string& output, OfficeOptions& office) {
    if (c.name == "--format")
        summaryFormat = parseFormat(c.value());
    else if (c.name == "--output" || c.name == "-o")
        output = c.value();
    else if (c.name == "--no-sandbox")
        office.noSandbox = true;
    else if (isOfficeOption(c.name))
        officeOption(office, c.name, c.value());
    else
        return false;
    return true;
}

// A workbook is a file, never a stream of bytes on a terminal.
void requireOutputForWorkbook(Format summaryFormat, const std::string& output) {
    if (isWorkbook(summaryFormat) && output.empty())
        throw UsageError(format(Msg::WorkbookNeedsOutput, summaryFormat == Format::Xlsx ? "xlsx" : "ods"));
}

// The loop the commands with operands share: operands (every argument after "--" too; "-" where
// `dashIsOperand`, standard input) go to `operand`, options to `option`, which returns false for one it does
// not know. Returns false when help was asked for.
bool readArguments(const std::vector<std::string>& args, std::size_t first, bool dashIsOperand,
                   const std::function<void(const std::string&)>& operand,
                   const std::function<bool(Cursor&)>& option) {
    bool endOfOptions = false;
    for (Cursor c{args, first}; c.i < args.size(); ++c.i) {
        const std::string& arg = args[c.i];
        if (endOfOptions || !arg.starts_with("-") || (dashIsOperand && arg == "-")) {
            operand(arg);
            continue;
        }
        c.split();
        if (isHelp(c.name))
            return false;
        if (c.name == "--")
            endOfOptions = true;
        else if (!option(c))
            throw UsageError(format(Msg::UnknownOption, c.name));
    }
    return true;
}

Command parseMerge(const std::vector<std::string>& args) {
    Command command;
    MergeOptions merge;
    if (!readArguments(
            args, 1, false, [&](const std::string& part) { merge.parts.push_back(part); },
            [&](Cursor& c) { return summaryOption(c, merge.format, merge.output, merge.office); })) {
        command.help = true;
        return command;
    }
    if (merge.parts.empty())
        throw UsageError(std::string(text(Msg::MergeNoParts)));
    if (merge.format == Format::Text) // the text table is the live run's view; parts carry no more than rows
        throw UsageError(format(Msg::MergeFormat, "text"));
    requireOutputForWorkbook(merge.format, merge.output);
    command.merge = std::move(merge);
    return command;
}

} // namespace

Command parseCommandLine(const std::vector<std::string>& args) {
    if (!args.empty() && args[0] == "build")
        return parseBuild(args);
    if (!args.empty() && args[0] == "merge")
        return parseMerge(args);
    Command command;
    CheckOptions check;
    const auto checkOption = [&](Cursor& c) {
        if (c.name == "--jobs" || c.name == "-j")
            check.jobs = positive(c.name, c.value());
        else if (c.name == "--export-json")
            check.exportJson = c.value();
        else if (c.name == "--annotate")
            check.annotate = c.value();
        else if (c.name == "--max-size")
            check.maxSizeMb = positive(c.name, c.value());
        else
            return summaryOption(c, check.format, check.output, check.office);
        return true;
    };
    if (!readArguments(
            args, 0, true, [&](const std::string& input) { check.inputs.push_back(input); }, checkOption)) {
        command.help = true;
        return command;
    }
    if (check.inputs.empty())
        throw UsageError(std::string(text(Msg::NoInputs)));
    requireOutputForWorkbook(check.format, check.output);
    // A borrowed office would open the reviewer's own file editable, next to its lock file.
    if (!check.annotate.empty() && !check.office.connect.empty())
        throw UsageError(std::string(text(Msg::AnnotateConnect)));
    command.check = std::move(check);
    return command;
}

} // namespace jixiao::cli
