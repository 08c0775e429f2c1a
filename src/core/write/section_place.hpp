// Where a generated section (评价结论, 成本效益分析 …) is written when Jixiao writes it again, and when to
// ask first. Jixiao marks what it writes (a named anchor in the document: a bookmark, or the text section of
// older versions) and stores the fingerprint of the text it wrote (core/text/fingerprint.hpp). An anchor is
// lost where an office does not keep it (a text section saved as .docx or .doc); then the section is found
// again by its fingerprint among the body's paragraphs, as long as nobody edited it. A section not found is
// not written a second time without asking: not when Jixiao wrote one before, nor when the report already has
// a heading of that section elsewhere than where the new one would go.
#pragma once

#include <string>
#include <vector>

namespace jixiao {

struct SectionSearch {
    // The document holds the section's anchor: write into it.
    bool anchored = false;
    // The fingerprint of the text Jixiao last wrote into the section, as stored in the document; empty when
    // it never wrote it (or the document does not say).
    std::string fingerprint;
    // The body's paragraphs in reading order (tables left out), as DocumentHost::paragraphs reads them.
    std::vector<std::string> paragraphs;
    // Every name of the section a heading may use: "评价结论", "Evaluation conclusion".
    std::vector<std::string> titles;
    // The index among `paragraphs` where a new section would start (the cursor's paragraph, or the one after
    // the table the cursor is in); -1 when unknown.
    int insertAt = -1;
};

struct SectionPlan {
    enum class Kind {
        Refresh,    // write into the anchor
        Adopt,      // the unanchored copy at paragraphs [first, first + count): write there and anchor it
        Insert,     // a new section where the cursor is
        AskLost,    // Jixiao wrote the section before, but it is neither anchored nor unedited anywhere
        AskHeading, // never written, but the report's heading of that section (paragraph `first`) is
                    // elsewhere
    };
    Kind kind = Kind::Insert;
    int first = -1;
    int count = 0;
};

SectionPlan planSection(const SectionSearch& search);

// The run of consecutive paragraphs whose text joined by '\n' has `fingerprint`; the first such run. Only
// runs of up to `maxParagraphs` are looked at (a generated section is a few paragraphs). {-1, 0} when none.
struct ParagraphRun {
    int first = -1;
    int count = 0;
};
ParagraphRun findFingerprintedRun(const std::vector<std::string>& paragraphs, const std::string& fingerprint,
                                  int maxParagraphs = 32);

// The first paragraph that is a heading naming one of `titles` ("三、评价结论", "（四）成本效益分析。",
// "评价结论："); -1 when none.
int findSectionHeading(const std::vector<std::string>& paragraphs, const std::vector<std::string>& titles);

// The level of a numbered heading: 1 for 一、, 2 for （一）, 3 for 1. or 1、, 4 for （1）, 1 for 第一章; 0
// for anything else (a long paragraph starting with a number is body text).
int headingLevel(const std::string& paragraph);

} // namespace jixiao
