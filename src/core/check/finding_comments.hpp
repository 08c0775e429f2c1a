// Findings as the document's own comments (批注): which comments to add, which of Jixiao's earlier ones to
// remove and which to keep, decided here without UNO; src/uno reads the comments into ExistingComment and
// applies the plan.
//
// How Jixiao knows its own comments after a .docx/.xlsx round trip: the document keeps, in a custom property
// (kept by Word, WPS and LibreOffice alike), the fingerprints of the comment texts Jixiao wrote. A comment is
// Jixiao's when its author is Jixiao's name (in either language; not checked in Calc, whose .xlsx import
// drops authors) and its text's fingerprint is in that record. A comment the user edited no longer matches
// and becomes the user's; one the user answered is kept; the user's own are never touched.
#pragma once

#include "core/model/finding.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace jixiao {

// The document property that holds the record.
inline constexpr const char* kCommentRecordProperty = "JixiaoComments";

// Where a comment goes, as one comparable key: "cell:<table>.<cell>", "paragraph:<index>" or "document" (a
// finding with no place of its own). A finding and a comment read back from the document get the same key.
std::string commentAnchor(const Location& location);
std::string cellAnchor(const std::string& table, const std::string& cell);
std::string paragraphAnchor(int paragraph);

// One comment Jixiao wants at an anchor: every finding at that place in one text (a Calc cell holds one
// comment), in the order the findings came.
struct WantedComment {
    std::string anchor;
    Location location; // of the first finding at the anchor: where the UNO layer puts it
    std::string text;
    friend bool operator==(const WantedComment&, const WantedComment&) = default;
};

// Errors and warnings become comments, each line its severity's label and its message; an Info finding (a
// criterion to judge by hand) is for the author in the deck, not a remark to the unit, and template.invalid
// is about a template file of the office's, not about the report.
// `labels`: the severity labels in the document's language ("【错误】" …).
std::vector<WantedComment> wantedComments(const std::vector<Finding>& findings,
                                          const std::map<Severity, std::string>& labels);

// A comment found in the document.
struct ExistingComment {
    std::string anchor;
    std::string author;
    std::string text;
    bool answered = false; // another comment names it as its parent (LibreOffice 7.2+, Word's threads)
    // The comment's exact spot, when known: a reply in an office that links no parent (LibreOffice 7.4's
    // "Reply") is another comment at the same spot, so one of Jixiao's with someone else's there is answered.
    std::string spot;
};

struct CommentPlanInput {
    std::vector<WantedComment> wanted;
    std::vector<ExistingComment> existing;
    std::set<std::string> authors;   // the names Jixiao writes under
    std::vector<std::string> record; // fingerprints read from kCommentRecordProperty
    // false: a comment's author does not survive every format (Calc: LibreOffice 7.4 drops it reading .xlsx,
    // and without a view the office names its user), so the record alone tells Jixiao's comments.
    bool authorsKept = true;
    bool oneCommentPerAnchor = false; // Calc: a cell holds one comment
};

struct CommentPlan {
    std::vector<std::size_t> remove; // indexes into existing
    std::vector<WantedComment> add;
    std::vector<WantedComment> heldBack; // a cell whose one comment is the user's (Calc)
    std::vector<std::string> record;     // what to store in kCommentRecordProperty afterwards
};

CommentPlan planComments(const CommentPlanInput& input);

// The fingerprint of a comment's text, blind to line ends and spaces (a round trip may turn "\n" into
// "\r\n" or paragraphs).
std::string commentFingerprint(const std::string& text);
std::vector<std::string> parseCommentRecord(const std::string& stored);
std::string formatCommentRecord(const std::vector<std::string>& record);

} // namespace jixiao
