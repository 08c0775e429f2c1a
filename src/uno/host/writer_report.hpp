// The Writer side of 新建评价报告 (Operations::insertReport): whether a document is empty, writing a report's
// paragraphs — title, headings in Writer's heading styles (so the Navigator shows the outline), plain text
// and placeholder fields — and reading back the placeholders still unfilled for validation. No domain logic:
// the structure comes from the core's ReportOutline, the judgement from placeholderFindings.
#pragma once

#include "core/write/report_outline.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>

#include <string>
#include <vector>

namespace jixiao::office {

// True when the Writer document holds nothing yet: no text but white space, no table, section, frame or
// drawing object.
bool isEmptyWriterDocument(const css::uno::Reference<css::frame::XModel>& model);

// Appends paragraphs at the end of the document's body, each in the paragraph style it names.
class WriterReportWriter {
public:
    explicit WriterReportWriter(const css::uno::Reference<css::frame::XModel>& model);

    void title(const std::string& text);
    void titlePlaceholder(const std::string& hint);
    void heading(int level, const std::string& text);
    void text(const std::string& text);
    void placeholder(const std::string& hint);
    // An empty body paragraph for a section written later; returns its index among the body's paragraphs.
    // (A text cursor there would not stay: the next paragraph break, inserted at the same place, pushes it
    // along.) Sections are written bottom-up, so an index stays true while those below it grow.
    int marker();
    // The start of the body's paragraph `index` (tables skipped).
    css::uno::Reference<css::text::XTextRange> paragraphStart(int index) const;
    // Moves the view cursor to `where` (tables and sections are inserted at the view cursor).
    void moveViewCursor(const css::uno::Reference<css::text::XTextRange>& where) const;
    // The (empty) paragraph at the end of the body, where the appendices go.
    css::uno::Reference<css::text::XTextRange> end() const;
    css::uno::Reference<css::text::XTextRange> start() const;

private:
    void startParagraph(const char* style);
    void insertPlaceholder(const std::string& hint);
    // A new paragraph in `style` holding `text`, or the placeholder field for `hint`.
    void paragraphWithText(const char* style, const std::string& text);
    void paragraphWithPlaceholder(const char* style, const std::string& hint);

    css::uno::Reference<css::frame::XModel> model_;
    css::uno::Reference<css::text::XText> text_;
    css::uno::Reference<css::text::XTextCursor> cursor_;
    int paragraphs_ = 0; // written so far
};

// Replaces the placeholder field whose hint is `hint` by `text`; false when the document has none.
bool replacePlaceholder(const css::uno::Reference<css::frame::XModel>& model, const std::string& hint,
                        const std::string& text);

// The placeholder fields (TextField.JumpEdit) of the body, in reading order, each with the heading above it.
// Paragraph indices are those of DocumentHost::paragraphs().
std::vector<OpenPlaceholder> readOpenPlaceholders(const css::uno::Reference<css::frame::XModel>& model);

} // namespace jixiao::office
