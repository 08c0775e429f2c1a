// The look of a Writer document's body text, so paragraphs Jixiao writes read as the user's own: the style
// and first-line indent of the surrounding prose rather than those of wherever the cursor happened to be (an
// empty default paragraph, a heading's follower, the paragraph Jixiao adds after a table).
#pragma once

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextRange.hpp>

#include <vector>

namespace jixiao::office {

struct BodyParagraphFormat {
    bool found = false; // false: the body has no prose to follow, paragraphs keep what they have
    css::uno::Any styleName;
    // The paragraph properties the body text sets directly (first-line indent, margins, spacing, alignment).
    std::vector<css::beans::PropertyValue> direct;
};

// The format of the body's prose: of its paragraphs outside tables and headings, the style and direct
// indents that carry the most text. Read before writing, so Jixiao's own paragraphs do not count.
BodyParagraphFormat bodyParagraphFormat(const css::uno::Reference<css::text::XText>& body);

// Gives every paragraph of `range` that format: its style, the direct values the body sets, and the style's
// own values for what the body does not set directly (a split paragraph's direct indent is not inherited).
void applyBodyParagraphFormat(const BodyParagraphFormat& format,
                              const css::uno::Reference<css::text::XTextRange>& range);

} // namespace jixiao::office
