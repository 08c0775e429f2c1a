#include "core/check/finding_comments.hpp"

#include "core/text/fingerprint.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace jixiao {
namespace {

// A record never grows without bound: past this, only what is in the document now is remembered.
constexpr std::size_t kMaxRecord = 2000;

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

void addOnce(std::vector<std::string>& values, const std::string& value) {
    if (!contains(values, value))
        values.push_back(value);
}

} // namespace

std::string cellAnchor(const std::string& table, const std::string& cell) {
    // A cell of a later part of a split table, or a Calc cell, carries its table: "表格2.B3", "Sheet1.B3".
    if (cell.find('.') != std::string::npos)
        return "cell:" + cell;
    return "cell:" + table + "." + cell;
}

std::string paragraphAnchor(int paragraph) {
    return "paragraph:" + std::to_string(paragraph);
}

std::string commentAnchor(const Location& location) {
    switch (location.kind) {
    case Location::Kind::Cell:
        return cellAnchor(location.table, location.cell);
    case Location::Kind::Paragraph:
        return paragraphAnchor(location.paragraph);
    case Location::Kind::None:
        break;
    }
    return "document";
}

std::vector<WantedComment> wantedComments(const std::vector<Finding>& findings,
                                          const std::map<Severity, std::string>& labels) {
    std::vector<WantedComment> wanted;
    std::map<std::string, std::size_t> byAnchor;
    std::map<std::string, std::vector<std::string>> lines;
    for (const auto& finding : findings) {
        if (finding.severity == Severity::Info || finding.ruleId == "template.invalid")
            continue; // a criterion to judge by hand; a template file of this office's, not the report's
        const auto label = labels.find(finding.severity);
        const std::string line = (label == labels.end() ? std::string{} : label->second) + finding.message;
        const Location& location = finding.location;
        const std::string anchor = commentAnchor(location);
        auto& seen = lines[anchor];
        if (contains(seen, line))
            continue; // the same finding twice (a rule that fires per part of a split table) is one line
        seen.push_back(line);
        const auto found = byAnchor.find(anchor);
        if (found == byAnchor.end()) {
            byAnchor.emplace(anchor, wanted.size());
            wanted.push_back({anchor, location, line});
        } else {
            wanted[found->second].text += "\n" + line;
        }
    }
    return wanted;
}

CommentPlan planComments(const CommentPlanInput& input) {
    CommentPlan plan;
    const auto& existing = input.existing;
    auto jixiaoAuthor = [&](const ExistingComment& c) { return input.authors.count(c.author) > 0; };
    auto ours = [&](const ExistingComment& c) {
        return (!input.authorsKept || jixiaoAuthor(c)) && contains(input.record, commentFingerprint(c.text));
    };

    auto answered = [&](const ExistingComment& c) {
        if (c.answered)
            return true;
        if (c.spot.empty())
            return false;
        return std::any_of(existing.begin(), existing.end(), [&](const ExistingComment& other) {
            return &other != &c && other.spot == c.spot && !ours(other);
        });
    };

    std::map<std::string, std::string> wantedText;
    for (const auto& w : input.wanted)
        wantedText[w.anchor] = w.text;

    std::set<std::string> satisfied; // anchors whose wanted comment is already there
    std::set<std::string> occupied;  // anchors holding a comment that stays
    std::vector<std::string> present;
    for (std::size_t i = 0; i < existing.size(); ++i) {
        const auto& c = existing[i];
        const auto want = wantedText.find(c.anchor);
        const bool wantedHere = want != wantedText.end() && !satisfied.count(c.anchor);
        if (!ours(c)) {
            // The user's own, or Jixiao's edited by the user: never touched. An edited Jixiao comment still
            // shows the finding at its place (in the user's words): no second one beside it.
            occupied.insert(c.anchor);
            if (wantedHere && input.authorsKept && jixiaoAuthor(c))
                satisfied.insert(c.anchor);
            continue;
        }
        const bool current = wantedHere && commentFingerprint(c.text) == commentFingerprint(want->second);
        if (current || answered(c)) {
            occupied.insert(c.anchor);
            if (current)
                satisfied.insert(c.anchor);
            present.push_back(commentFingerprint(c.text));
            continue;
        }
        plan.remove.push_back(i); // a finding that is gone, a duplicate, or one worded differently now
    }

    for (const auto& w : input.wanted) {
        if (satisfied.count(w.anchor))
            continue;
        if (input.oneCommentPerAnchor && occupied.count(w.anchor)) {
            plan.heldBack.push_back(w);
            continue;
        }
        plan.add.push_back(w);
        satisfied.insert(w.anchor);
        present.push_back(commentFingerprint(w.text));
    }

    // The record keeps what Jixiao wrote before as well, so a removal the user undoes brings back comments
    // that are still recognised as Jixiao's.
    plan.record = input.record;
    for (const auto& fingerprint : present)
        addOnce(plan.record, fingerprint);
    if (plan.record.size() > kMaxRecord) {
        plan.record.clear();
        for (const auto& fingerprint : present)
            addOnce(plan.record, fingerprint);
    }
    return plan;
}

std::string commentFingerprint(const std::string& text) {
    std::string compact;
    for (const char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f')
            compact += c;
    return textFingerprint(compact);
}

std::vector<std::string> parseCommentRecord(const std::string& stored) {
    std::vector<std::string> record;
    std::istringstream words(stored);
    std::string word;
    while (words >> word)
        if (word.size() == 16 && word.find_first_not_of("0123456789abcdef") == std::string::npos)
            addOnce(record, word);
    return record;
}

std::string formatCommentRecord(const std::vector<std::string>& record) {
    std::string out;
    for (const auto& fingerprint : record)
        out += (out.empty() ? "" : " ") + fingerprint;
    return out;
}

} // namespace jixiao
