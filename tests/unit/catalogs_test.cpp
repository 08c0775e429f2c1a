// The shipped catalogs (extension/i18n/*.json) against each other and against the code: both languages hold
// the same keys with the same placeholders, and every key the code names exists — so a message cannot be
// missing in one language, lose a value in translation, or be shown as its bare key.
#include "core/check/finding_lines.hpp"
#include "core/model/messages.hpp"
#include "core/write/narrative.hpp"

#include "catalog_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using jixiao::MessageCatalog;
namespace fs = std::filesystem;

using jixiao::testing::placeholders;

namespace {

const fs::path kSource(JIXIAO_SOURCE_DIR);

std::vector<fs::path> shippedCatalogs() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kSource / "extension" / "i18n"))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    return files;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The code without its // comments, which quote keys loosely ("weight.sum" for the weight.* rules).
std::string codeOf(const fs::path& file) {
    std::istringstream in(readFile(file));
    std::string code;
    for (std::string line; std::getline(in, line);) {
        const auto comment = line.find("//");
        code += line.substr(0, comment) + "\n";
    }
    return code;
}

std::vector<fs::path> sourceFiles() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(kSource / "src"))
        if (entry.path().extension() == ".cpp" || entry.path().extension() == ".hpp")
            files.push_back(entry.path());
    return files;
}

struct AllKeys {
    std::set<std::string> keys;     // in every catalog, both languages
    std::set<std::string> prefixes; // their first segments: "error", "panel", "batch", "score" …
};

AllKeys allKeys() {
    AllKeys all;
    for (const auto& file : shippedCatalogs())
        for (const auto& key : MessageCatalog::load(file).keys("zh-CN")) {
            all.keys.insert(key);
            all.prefixes.insert(key.substr(0, key.find('.')));
        }
    return all;
}

// The JSON problems named where a JsonFormatError is thrown, as keys: JsonFormatError(file, path, "problem"
// …), fail(path, "problem" …), ScorecardTooLarge(file, path, "what" …): the literal after a comma and before
// the next argument or the end of the statement (not a literal nested in the path's expression, as in
// member(…, "score")). ScorecardTooLarge's "what" gives "error.json.too-large.<what>".
std::vector<std::string> jsonProblemKeys() {
    static const std::regex problem(
        R"re((JsonFormatError|fail|ScorecardTooLarge)\((?:[^;"]|"[^"]*")*?,\s*"([a-z]+(?:-[a-z]+)*)"\s*(?:,|\);))re");
    std::vector<std::string> keys;
    for (const auto& name : {"read/scorecard_json.cpp", "write/templates.cpp"}) {
        const std::string text = codeOf(kSource / "src" / "core" / name);
        for (std::sregex_iterator it(text.begin(), text.end(), problem), end; it != end; ++it)
            keys.push_back(((*it)[1] == "ScorecardTooLarge" ? "error.json.too-large." : "error.json.") +
                           std::string((*it)[2]));
    }
    return keys;
}

// What a key built by concatenation ("section." + id) can end in, by its literal start: every value the
// code can put there. A start missing here fails KeysBuiltByConcatenationAreKnown.
std::map<std::string, std::vector<std::string>> concatenatedKeyEnds() {
    std::map<std::string, std::vector<std::string>> ends;
    ends["section."] = jixiao::sectionIds();    // the deck's and the service's section names
    ends["group."] = jixiao::groupedRuleIds();  // core/check/finding_lines: a rule's grouped line
    for (const auto& key : jsonProblemKeys()) { // core/read/scorecard_json: "error.json." + problem
        ends["error.json."].push_back(key.substr(std::string("error.json.").size()));
        // uno/host/operations: an import too large is worded as an import ("error.import-too-large." + what)
        if (const std::string tooLarge = "error.json.too-large."; key.starts_with(tooLarge))
            ends["error.import-too-large."].push_back(key.substr(tooLarge.size()));
    }
    return ends;
}

// Starts whose key is looked up only when the catalog has it (catalog.contains first), the value shown as
// it is otherwise: validate's "unit." + a unit of the table.
const std::set<std::string> kLookedUpFirst = {"unit."};

// The narrative catalogs' keys (extension/narrative/<lang>.json), by language.
std::map<std::string, std::set<std::string>> narrativeKeys() {
    std::map<std::string, std::set<std::string>> keys;
    for (const char* lang : {"zh-CN", "en"}) {
        const auto patterns = jixiao::NarrativePatterns::load(kSource / "extension" / "narrative" /
                                                              (std::string(lang) + ".json"));
        for (const auto& key : patterns.keys())
            keys[lang].insert(key);
    }
    return keys;
}

} // namespace

TEST(Catalogs, BothLanguagesHoldTheSameKeysWithTheSamePlaceholders) {
    const auto files = shippedCatalogs();
    ASSERT_GE(files.size(), 3u); // messages.json, ui.json, batch.json
    for (const auto& file : files) {
        const auto catalog = MessageCatalog::load(file);
        EXPECT_EQ(catalog.languages(), (std::vector<std::string>{"en", "zh-CN"})) << file;
        const auto zh = catalog.keys("zh-CN");
        EXPECT_EQ(zh, catalog.keys("en")) << file;
        for (const auto& key : zh) {
            // Unfilled placeholders stay as written, so formatting with no arguments shows each one.
            EXPECT_EQ(placeholders(catalog.format("zh-CN", key)), placeholders(catalog.format("en", key)))
                << file.filename() << ": " << key;
        }
    }
}

TEST(Catalogs, NoKeyIsInTwoCatalogs) {
    std::set<std::string> seen;
    for (const auto& file : shippedCatalogs())
        for (const auto& key : MessageCatalog::load(file).keys("zh-CN"))
            EXPECT_TRUE(seen.insert(key).second) << key << " again in " << file.filename();
}

// Every string literal in src/ shaped like a key of a catalog ("error.sheet-protected", "status.validated",
// "batch.timeout", "score.range" …: a first segment some key has, then dotted words) must be a key — but for
// file names and the two rule ids never worded under their own id.
TEST(Catalogs, EveryKeyTheCodeNamesExists) {
    const auto all = allKeys();
    const std::set<std::string> notWorded = {
        "table.layout",   // worded by its layout error's key (Finding::messageKey)
        "table.unplaced", // a read issue assemble() folds into the one table.partial finding
    };
    static const std::regex literal(R"re("([a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+)")re");
    int checked = 0;
    for (const auto& file : sourceFiles()) {
        const std::string text = codeOf(file);
        for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
            const std::string key = (*it)[1];
            if (!all.prefixes.contains(key.substr(0, key.find('.'))) || key.ends_with(".json") ||
                notWorded.contains(key))
                continue;
            ++checked;
            EXPECT_TRUE(all.keys.contains(key)) << key << " in " << file.lexically_relative(kSource);
        }
    }
    EXPECT_GT(checked, 50); // the scan sees the code's keys at all
}

// A JsonFormatError's key is "error.json." + its problem, named at the throw: every problem must be a key.
TEST(Catalogs, EveryJsonProblemTheCodeNamesExists) {
    const auto all = allKeys();
    const auto keys = jsonProblemKeys();
    for (const auto& key : keys)
        EXPECT_TRUE(all.keys.contains(key)) << key;
    EXPECT_GT(keys.size(), 30u);
}

// Every key the code builds as a literal start + a value ("section." + id, "group." + rule id): its start is
// one concatenatedKeyEnds() knows, so no key is built that this test does not expand.
TEST(Catalogs, KeysBuiltByConcatenationAreKnown) {
    const auto all = allKeys();
    auto prefixes = all.prefixes;
    for (const auto& [lang, keys] : narrativeKeys())
        for (const auto& key : keys)
            prefixes.insert(key.substr(0, key.find('.')));
    const auto ends = concatenatedKeyEnds();
    static const std::regex start(R"re("([a-z]+(?:[.-][a-z0-9]+)*\.)"\s*\+)re");
    int checked = 0;
    for (const auto& file : sourceFiles()) {
        const std::string text = codeOf(file);
        for (std::sregex_iterator it(text.begin(), text.end(), start), end; it != end; ++it) {
            const std::string begins = (*it)[1];
            if (!prefixes.contains(begins.substr(0, begins.find('.'))))
                continue; // not a catalog's key: a file name, a JSON path
            ++checked;
            EXPECT_TRUE(ends.contains(begins) || kLookedUpFirst.contains(begins))
                << "\"" << begins << "\" + … in " << file.lexically_relative(kSource)
                << ": add the values it can end in to concatenatedKeyEnds()";
        }
    }
    EXPECT_GE(checked, 5); // section. (twice), group., error.json., error.import-too-large., unit.
}

// Every key such a start can make exists in both languages of the shipped catalogs.
TEST(Catalogs, EveryKeyBuiltByConcatenationExistsInBothLanguages) {
    std::vector<MessageCatalog> catalogs;
    for (const auto& file : shippedCatalogs())
        catalogs.push_back(MessageCatalog::load(file));
    const auto narrative = narrativeKeys();
    const auto exists = [&](const std::string& lang, const std::string& key) {
        return std::any_of(catalogs.begin(), catalogs.end(),
                           [&](const auto& c) { return c.contains(lang, key); }) ||
               narrative.at(lang).contains(key);
    };
    int checked = 0;
    for (const auto& [begins, values] : concatenatedKeyEnds()) {
        EXPECT_FALSE(values.empty()) << begins;
        for (const auto& value : values)
            for (const std::string lang : {"zh-CN", "en"}) {
                ++checked;
                EXPECT_TRUE(exists(lang, begins + value)) << begins + value << " missing in " << lang;
            }
    }
    EXPECT_GT(checked, 60);
}
