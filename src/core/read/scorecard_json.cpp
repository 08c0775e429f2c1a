#include "core/read/scorecard_json.hpp"

#include <array>
#include <limits>

namespace jixiao {

using nlohmann::json;

namespace {

std::map<std::string, std::string> withPlace(std::map<std::string, std::string> args, const std::string& file,
                                             const std::string& jsonPath) {
    args.emplace("file", file);
    args.emplace("path", jsonPath);
    return args;
}

} // namespace

JsonFormatError::JsonFormatError(std::string file_, std::string jsonPath_, std::string problem_,
                                 std::map<std::string, std::string> args)
    : UserError("error.json." + problem_, withPlace(std::move(args), file_, jsonPath_)),
      file(std::move(file_)), jsonPath(std::move(jsonPath_)), problem(std::move(problem_)) {}

ScorecardTooLarge::ScorecardTooLarge(std::string file_, std::string jsonPath_, std::string what,
                                     std::size_t limit_, std::size_t found_)
    : JsonFormatError(std::move(file_), std::move(jsonPath_), "too-large." + what,
                      {{"found", std::to_string(found_)}, {"limit", std::to_string(limit_)}}),
      what_(std::move(what)), limit(limit_), found(found_) {}

namespace {

// The indicator tree is 一级 → 二级 → 三级; refusing deeper nesting also bounds recursion on hostile input.
constexpr int kMaxDepth = 3;

std::string member(const std::string& path, std::string_view key) {
    bool plain = !key.empty() && !(key[0] >= '0' && key[0] <= '9');
    for (char c : key)
        plain =
            plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    return plain ? path + "." + std::string(key) : path + "['" + std::string(key) + "']";
}

std::string index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

// Reads one JSON object field by field, knowing where it is, so every error can name its path.
class Reader {
public:
    Reader(const json& value, std::string path, const std::string& file)
        : v_(value), path_(std::move(path)), file_(file) {
        if (!v_.is_object())
            fail(path_, "expected-object", {{"found", v_.type_name()}});
    }

    [[noreturn]] void fail(const std::string& path, const std::string& problem,
                           std::map<std::string, std::string> args = {}) const {
        throw JsonFormatError(file_, path, problem, std::move(args));
    }
    std::string path(std::string_view key) const { return member(path_, key); }
    const std::string& path() const { return path_; }
    const std::string& file() const { return file_; }
    bool has(std::string_view key) const { return v_.contains(key) && !v_.at(std::string(key)).is_null(); }
    const json& at(std::string_view key) const { return v_.at(std::string(key)); }

    // Unknown keys are usually typos ("wieght"); saying so beats silently using a default.
    void onlyKeys(std::initializer_list<std::string_view> known) const {
        for (const auto& item : v_.items()) {
            bool ok = false;
            for (auto k : known)
                ok = ok || item.key() == k;
            if (!ok)
                fail(path(item.key()), "unknown-key", {{"key", item.key()}});
        }
    }

    std::string string(std::string_view key, bool required = false) const {
        if (!has(key)) {
            if (required)
                fail(path(key), "missing");
            return {};
        }
        if (!at(key).is_string())
            fail(path(key), "expected-string", {{"found", at(key).type_name()}});
        return at(key).get<std::string>();
    }

    std::optional<Decimal> decimal(std::string_view key) const {
        if (!has(key))
            return std::nullopt;
        return decimalValue(at(key), path(key), file_);
    }
    Decimal requiredDecimal(std::string_view key) const {
        auto d = decimal(key);
        if (!d)
            fail(path(key), "missing");
        return *d;
    }

    bool boolean(std::string_view key, bool fallback) const {
        if (!has(key))
            return fallback;
        if (!at(key).is_boolean())
            fail(path(key), "expected-boolean", {{"found", at(key).type_name()}});
        return at(key).get<bool>();
    }

    std::optional<int> integer(std::string_view key) const {
        if (!has(key))
            return std::nullopt;
        const json& j = at(key);
        if (j.is_number_integer() && j.get<std::int64_t>() >= std::numeric_limits<int>::min() &&
            j.get<std::int64_t>() <= std::numeric_limits<int>::max())
            return static_cast<int>(j.get<std::int64_t>());
        if (j.is_number_unsigned() && j.get<std::uint64_t>() <= std::numeric_limits<int>::max())
            return static_cast<int>(j.get<std::uint64_t>());
        fail(path(key), "expected-whole-number");
    }

    const json& array(std::string_view key) const {
        if (!at(key).is_array())
            fail(path(key), "expected-array", {{"found", at(key).type_name()}});
        return at(key);
    }

    static Decimal decimalValue(const json& j, const std::string& path, const std::string& file) {
        std::string text;
        if (j.is_string())
            text = j.get<std::string>();
        else if (j.is_number_integer())
            text = std::to_string(j.get<std::int64_t>());
        else if (j.is_number_unsigned())
            text = std::to_string(j.get<std::uint64_t>());
        else if (j.is_number_float())
            text = j.dump(); // shortest round-trip form: 1.99 → "1.99"
        else
            throw JsonFormatError(file, path, "expected-number", {{"found", j.type_name()}});
        auto d = Decimal::parse(text);
        if (!d)
            throw JsonFormatError(file, path, "not-a-decimal", {{"value", text}});
        return *d;
    }

private:
    const json& v_;
    std::string path_;
    const std::string& file_;
};

json number(Decimal d) {
    return d.toString(Decimal::kScaleDigits);
}

void putString(json& j, const char* key, const std::string& value) {
    if (!value.empty())
        j[key] = value;
}
void putOptional(json& j, const char* key, const std::optional<Decimal>& value) {
    if (value)
        j[key] = number(*value);
}

json indicatorToJson(const Indicator& in) {
    json j = json::object();
    j["level"] = static_cast<int>(in.level);
    j["name"] = in.name;
    putString(j, "explanation", in.explanation);
    putString(j, "standard", in.standard);
    j["weight"] = number(in.weight);
    putOptional(j, "labelWeight", in.labelWeight);
    putOptional(j, "score", in.score);
    putOptional(j, "deduction", in.deduction);
    putString(j, "reason", in.reason);
    if (in.rule)
        j["rule"] = ruleToJson(*in.rule);
    putOptional(j, "measured", in.measured);
    if (!in.children.empty()) {
        json children = json::array();
        for (const auto& child : in.children)
            children.push_back(indicatorToJson(child));
        j["children"] = std::move(children);
    }
    return j;
}

Indicator indicatorFromJson(const json& value, const std::string& path, const std::string& file, int depth) {
    Reader r(value, path, file);
    r.onlyKeys({"level", "name", "explanation", "standard", "weight", "labelWeight", "score", "deduction",
                "reason", "rule", "measured", "children"});
    Indicator in;
    const int level = r.integer("level").value_or(depth);
    if (level < 1 || level > kMaxDepth)
        r.fail(r.path("level"), "level");
    in.level = static_cast<Level>(level);
    in.name = r.string("name", true);
    if (in.name.empty())
        r.fail(r.path("name"), "empty-name");
    in.explanation = r.string("explanation");
    in.standard = r.string("standard");
    in.weight = r.requiredDecimal("weight");
    in.labelWeight = r.decimal("labelWeight");
    in.score = r.decimal("score");
    in.deduction = r.decimal("deduction");
    in.reason = r.string("reason");
    if (r.has("rule"))
        in.rule = ruleFromJson(r.at("rule"), r.path("rule"), file);
    in.measured = r.decimal("measured");
    if (r.has("children")) {
        const json& children = r.array("children");
        if (!children.empty() && depth >= kMaxDepth)
            r.fail(r.path("children"), "too-deep");
        for (std::size_t i = 0; i < children.size(); ++i)
            in.children.push_back(
                indicatorFromJson(children[i], index(r.path("children"), i), file, depth + 1));
    }
    return in;
}

json fundingToJson(const Funding& f) {
    json j = json::object();
    j["unit"] = f.unit;
    putOptional(j, "budget", f.budget);
    putOptional(j, "actual", f.actual);
    if (!f.items.empty()) {
        json items = json::array();
        for (const auto& item : f.items) {
            json i = {{"name", item.name}, {"amount", number(item.amount)}};
            putOptional(i, "share", item.share);
            items.push_back(std::move(i));
        }
        j["items"] = std::move(items);
    }
    putOptional(j, "executionRate", f.executionRate);
    putOptional(j, "outputCount", f.outputCount);
    putString(j, "outputName", f.outputName);
    putString(j, "outputUnit", f.outputUnit);
    return j;
}

Funding fundingFromJson(const json& value, const std::string& path, const std::string& file) {
    Reader r(value, path, file);
    r.onlyKeys(
        {"unit", "budget", "actual", "items", "executionRate", "outputCount", "outputName", "outputUnit"});
    Funding f;
    if (r.has("unit"))
        f.unit = r.string("unit");
    f.budget = r.decimal("budget");
    f.actual = r.decimal("actual");
    if (r.has("items")) {
        const json& items = r.array("items");
        for (std::size_t i = 0; i < items.size(); ++i) {
            Reader ir(items[i], index(r.path("items"), i), file);
            ir.onlyKeys({"name", "amount", "share"});
            FundingItem item;
            item.name = ir.string("name", true);
            item.amount = ir.requiredDecimal("amount");
            item.share = ir.decimal("share");
            f.items.push_back(std::move(item));
        }
    }
    f.executionRate = r.decimal("executionRate");
    f.outputCount = r.decimal("outputCount");
    f.outputName = r.string("outputName");
    f.outputUnit = r.string("outputUnit");
    return f;
}

std::vector<GradeBand> gradeBandsFromJson(const json& value, const std::string& path,
                                          const std::string& file) {
    if (!value.is_array())
        throw JsonFormatError(file, path, "expected-array", {{"found", value.type_name()}});
    std::vector<GradeBand> bands;
    for (std::size_t i = 0; i < value.size(); ++i) {
        Reader r(value[i], index(path, i), file);
        r.onlyKeys({"atLeast", "label"});
        GradeBand band;
        band.atLeast = r.requiredDecimal("atLeast");
        band.label = r.string("label", true);
        if (band.label.empty())
            r.fail(r.path("label"), "empty-label");
        bands.push_back(std::move(band));
    }
    if (bands.empty())
        throw JsonFormatError(file, path, "no-grade-bands");
    return bands;
}

constexpr std::array<std::pair<RuleKind, std::string_view>, 6> kKindNames = {{
    {RuleKind::StepBelowThreshold, "stepBelowThreshold"},
    {RuleKind::WeightShareBelowThreshold, "weightShareBelowThreshold"},
    {RuleKind::Proportional, "proportional"},
    {RuleKind::Bands, "bands"},
    {RuleKind::Checklist, "checklist"},
    {RuleKind::Judgement, "judgement"},
}};

} // namespace

std::string ruleKindName(RuleKind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind)
            return std::string(name);
    return "judgement";
}

std::optional<RuleKind> ruleKindFromName(std::string_view name) {
    for (const auto& [k, n] : kKindNames)
        if (n == name)
            return k;
    return std::nullopt;
}

json ruleToJson(const ScoringRule& rule) {
    // Every field that differs from its default is written, whatever the kind, so a rule always survives a
    // round trip; a hand-written rule needs only the fields its kind uses.
    // Fields the reader requires for the kind are always written, even at their default (threshold 0).
    const ScoringRule defaults;
    const bool thresholdKind =
        rule.kind == RuleKind::StepBelowThreshold || rule.kind == RuleKind::WeightShareBelowThreshold;
    const bool deductionKind = rule.kind == RuleKind::StepBelowThreshold || rule.kind == RuleKind::Checklist;
    json j = json::object();
    j["kind"] = ruleKindName(rule.kind);
    if (thresholdKind || rule.threshold != defaults.threshold)
        j["threshold"] = number(rule.threshold);
    if (rule.inclusive != defaults.inclusive)
        j["inclusive"] = rule.inclusive;
    if (rule.step != defaults.step)
        j["step"] = number(rule.step);
    if (rule.partialSteps != defaults.partialSteps)
        j["partialSteps"] = rule.partialSteps;
    if (deductionKind || rule.deduction != defaults.deduction)
        j["deduction"] = number(rule.deduction);
    if (rule.weightShare != defaults.weightShare)
        j["weightShare"] = number(rule.weightShare);
    putOptional(j, "zeroBelow", rule.zeroBelow);
    if (rule.zeroInclusive != defaults.zeroInclusive)
        j["zeroInclusive"] = rule.zeroInclusive;
    if (rule.target != defaults.target)
        j["target"] = number(rule.target);
    if (!rule.bands.empty()) {
        json bands = json::array();
        for (const auto& band : rule.bands)
            bands.push_back({{"atLeast", number(band.atLeast)}, {"score", number(band.score)}});
        j["bands"] = std::move(bands);
    }
    if (rule.items != defaults.items)
        j["items"] = rule.items;
    return j;
}

namespace {

// The fields of a rule as written, each with its default when absent; the kind must be known.
ScoringRule ruleFields(const Reader& r, const std::string& sourceName) {
    r.onlyKeys({"kind", "threshold", "inclusive", "step", "partialSteps", "deduction", "weightShare",
                "zeroBelow", "zeroInclusive", "target", "bands", "items"});
    ScoringRule rule;
    const std::string kindName = r.string("kind", true);
    const auto kind = ruleKindFromName(kindName);
    if (!kind)
        r.fail(r.path("kind"), "unknown-rule-kind", {{"kind", kindName}});
    rule.kind = *kind;
    rule.threshold = r.decimal("threshold").value_or(rule.threshold);
    rule.inclusive = r.boolean("inclusive", rule.inclusive);
    rule.step = r.decimal("step").value_or(rule.step);
    rule.partialSteps = r.boolean("partialSteps", rule.partialSteps);
    rule.deduction = r.decimal("deduction").value_or(rule.deduction);
    rule.weightShare = r.decimal("weightShare").value_or(rule.weightShare);
    rule.zeroBelow = r.decimal("zeroBelow");
    rule.zeroInclusive = r.boolean("zeroInclusive", rule.zeroInclusive);
    rule.target = r.decimal("target").value_or(rule.target);
    if (r.has("bands")) {
        const json& bands = r.array("bands");
        for (std::size_t i = 0; i < bands.size(); ++i) {
            Reader br(bands[i], index(r.path("bands"), i), sourceName);
            br.onlyKeys({"atLeast", "score"});
            rule.bands.push_back({br.requiredDecimal("atLeast"), br.requiredDecimal("score")});
        }
    }
    if (auto items = r.integer("items"))
        rule.items = *items;
    return rule;
}

// Well-formedness per kind, so suggestedScore never meets a rule it cannot evaluate. `r` still knows which
// fields were written (a threshold left to its default is not a threshold).
void checkRuleForItsKind(const ScoringRule& rule, const Reader& r) {
    switch (rule.kind) {
    case RuleKind::StepBelowThreshold:
        if (!r.has("threshold"))
            r.fail(r.path("threshold"), "missing");
        if (rule.step <= 0)
            r.fail(r.path("step"), "rule-step");
        if (!r.has("deduction") || rule.deduction.isNegative())
            r.fail(r.path("deduction"), "rule-deduction-per-step");
        break;
    case RuleKind::WeightShareBelowThreshold:
        if (!r.has("threshold"))
            r.fail(r.path("threshold"), "missing");
        if (rule.weightShare <= 0 || rule.weightShare > 1)
            r.fail(r.path("weightShare"), "rule-weight-share");
        if (rule.zeroBelow && *rule.zeroBelow > rule.threshold)
            r.fail(r.path("zeroBelow"), "rule-zero-below");
        break;
    case RuleKind::Proportional:
        if (rule.target <= 0)
            r.fail(r.path("target"), "rule-target");
        break;
    case RuleKind::Bands:
        if (rule.bands.empty())
            r.fail(r.path("bands"), "rule-no-bands");
        for (std::size_t i = 0; i < rule.bands.size(); ++i)
            if (rule.bands[i].score.isNegative())
                r.fail(member(index(r.path("bands"), i), "score"), "rule-band-negative");
        break;
    case RuleKind::Checklist:
        if (rule.items < 0)
            r.fail(r.path("items"), "rule-items-negative");
        if (!r.has("deduction") || rule.deduction.isNegative())
            r.fail(r.path("deduction"), "rule-deduction-per-item");
        break;
    case RuleKind::Judgement:
        break;
    }
}

} // namespace

ScoringRule ruleFromJson(const json& value, const std::string& jsonPath, const std::string& sourceName) {
    Reader r(value, jsonPath, sourceName);
    const ScoringRule rule = ruleFields(r, sourceName);
    checkRuleForItsKind(rule, r);
    return rule;
}

json scorecardToJsonValue(const Scorecard& card) {
    json j = json::object();
    j["format"] = "jixiao-scorecard";
    j["version"] = 1;
    json meta = json::object();
    putString(meta, "unit", card.meta.unit);
    putString(meta, "project", card.meta.project);
    if (card.meta.year)
        meta["year"] = *card.meta.year;
    putString(meta, "title", card.meta.title);
    putString(meta, "templateId", card.meta.templateId);
    j["meta"] = std::move(meta);
    json indicators = json::array();
    for (const auto& in : card.indicators)
        indicators.push_back(indicatorToJson(in));
    j["indicators"] = std::move(indicators);
    j["funding"] = fundingToJson(card.funding);
    json bands = json::array();
    for (const auto& band : card.gradeBands)
        bands.push_back({{"atLeast", number(band.atLeast)}, {"label", band.label}});
    j["gradeBands"] = std::move(bands);
    json totals = json::object();
    putOptional(totals, "weight", card.totals.weight);
    putOptional(totals, "score", card.totals.score);
    putOptional(totals, "deduction", card.totals.deduction);
    putString(totals, "grade", card.totals.grade);
    j["totals"] = std::move(totals);
    putString(j, "tableName", card.tableName);
    putString(j, "fundingTableName", card.fundingTableName);
    return j;
}

std::string scorecardToJson(const Scorecard& card, int indent) {
    // Replace rather than throw on invalid UTF-8: text read from a document should never make export fail.
    return scorecardToJsonValue(card).dump(indent, ' ', false, json::error_handler_t::replace);
}

Scorecard scorecardFromJsonValue(const json& value, const std::string& sourceName) {
    Reader r(value, "$", sourceName);
    Scorecard card;
    if (r.has("version")) {
        const auto version = r.integer("version");
        if (version != 1)
            r.fail(r.path("version"), "version");
    }
    if (r.has("meta")) {
        Reader m(r.at("meta"), r.path("meta"), sourceName);
        m.onlyKeys({"unit", "project", "year", "title", "templateId"});
        card.meta.unit = m.string("unit");
        card.meta.project = m.string("project");
        card.meta.year = m.integer("year");
        card.meta.title = m.string("title");
        card.meta.templateId = m.string("templateId");
    }
    if (r.has("indicators")) {
        const json& indicators = r.array("indicators");
        for (std::size_t i = 0; i < indicators.size(); ++i)
            card.indicators.push_back(
                indicatorFromJson(indicators[i], index(r.path("indicators"), i), sourceName, 1));
    }
    if (r.has("funding"))
        card.funding = fundingFromJson(r.at("funding"), r.path("funding"), sourceName);
    if (r.has("gradeBands"))
        card.gradeBands = gradeBandsFromJson(r.at("gradeBands"), r.path("gradeBands"), sourceName);
    if (r.has("totals")) {
        Reader t(r.at("totals"), r.path("totals"), sourceName);
        t.onlyKeys({"weight", "score", "deduction", "grade"});
        card.totals.weight = t.decimal("weight");
        card.totals.score = t.decimal("score");
        card.totals.deduction = t.decimal("deduction");
        card.totals.grade = t.string("grade");
    }
    card.tableName = r.string("tableName");
    card.fundingTableName = r.string("fundingTableName");
    return card;
}

namespace {

// Indicators at every level down to the deepest allowed (deeper ones are refused while reading anyway),
// counted on the parsed JSON so an oversized file is refused before any Scorecard is built.
std::size_t countIndicators(const json& list, int depth) {
    if (!list.is_array() || depth > kMaxDepth)
        return 0;
    std::size_t count = list.size();
    for (const auto& node : list)
        if (node.is_object() && node.contains("children"))
            count += countIndicators(node.at("children"), depth + 1);
    return count;
}

void checkLimits(const json& value, const std::string& sourceName) {
    using L = ScorecardJsonLimits;
    if (value.contains("indicators")) {
        const std::size_t count = countIndicators(value.at("indicators"), 1);
        if (count > L::kMaxIndicators)
            throw ScorecardTooLarge(sourceName, "$.indicators", "indicators", L::kMaxIndicators, count);
    }
    if (value.contains("funding") && value.at("funding").is_object() &&
        value.at("funding").contains("items")) {
        const json& items = value.at("funding").at("items");
        if (items.is_array() && items.size() > L::kMaxFundingItems)
            throw ScorecardTooLarge(sourceName, "$.funding.items", "funding-items", L::kMaxFundingItems,
                                    items.size());
    }
}

// The document as a whole: what it says it is, and nothing but the keys scorecardToJson and jixiao-batch
// --export-json write (a misspelt "indicator" would otherwise import as an empty table).
void checkDocument(const json& value, const std::string& sourceName) {
    Reader r(value, "$", sourceName);
    r.onlyKeys({"format", "version", "meta", "indicators", "funding", "gradeBands", "totals", "tableName",
                "fundingTableName", "source"});
    if (r.string("format", true) != "jixiao-scorecard")
        r.fail(r.path("format"), "format", {{"found", r.string("format")}});
    checkLimits(value, sourceName);
}

} // namespace

Scorecard scorecardFromJson(std::string_view text, const std::string& sourceName) {
    if (text.size() > ScorecardJsonLimits::kMaxBytes)
        throw ScorecardTooLarge(sourceName, "$", "bytes", ScorecardJsonLimits::kMaxBytes, text.size());
    json value;
    try {
        value = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) { // parse_error, and out_of_range for numbers such as 1e400
        // e.byte locates the problem; nlohmann's message already says what it expected.
        throw JsonFormatError(sourceName, "$", "malformed", {{"detail", e.what()}});
    }
    checkDocument(value, sourceName);
    return scorecardFromJsonValue(value, sourceName);
}

} // namespace jixiao
