// Lays a sidebar panel's controls out in rows from the sizes the controls themselves ask for
// (XLayoutConstrains), as LibreOffice's own panels do: with a larger UI font (SAL_FORCEDPI=192, a 4K screen)
// every label and button grows with its text, and the panel reports the height it then needs, so the sidebar
// never cuts a control. Spacing is in units of the text height, not pixels.
//
// A row holds controls side by side when their preferred widths fit the panel's width; otherwise each takes a
// line of its own. Lists and edit fields stretch (their preferred width is their longest entry, which they
// scroll); buttons, labels and check boxes never get less than they ask for.
#pragma once

#include <com/sun/star/awt/XControl.hpp>

#include <vector>

namespace jixiao::office {

class PanelLayout {
public:
    // Controls side by side; `weights` share out the width left over (empty: all alike).
    void addRow(std::vector<css::uno::Reference<css::awt::XControl>> controls, std::vector<int> weights = {});
    // A multi-line label as wide as the panel, as tall as its text wrapped at that width needs.
    void addText(const css::uno::Reference<css::awt::XControl>& label);
    // A list as wide as the panel showing `lines` entries (it scrolls for more).
    void addList(const css::uno::Reference<css::awt::XControl>& list, int lines);

    // Places every control for a panel `width` wide; returns the height used.
    int arrange(int width);
    // Whether the multi-line label `label` (added with addText), its text just changed, still needs the
    // height the last arrange() gave it: then no control moves and the panel need not be arranged again.
    // The deck's summary changes its text after every keystroke; measuring one label instead of arranging
    // the whole panel is most of what keeps the deck's refresh cheap.
    bool keepsPlace(const css::uno::Reference<css::awt::XControl>& label) const;
    // The narrowest width at which no button, label or check box is cut.
    int minimalWidth() const;
    // About a scroll bar's width in the panel's font (LibreOffice scales its scroll bars with the UI).
    int scrollBarAllowance() const { return textHeight() * 2 / 3; }
    void clear() { rows_.clear(); }

private:
    enum class Kind { Flow, Text, List };
    struct Row {
        Kind kind = Kind::Flow;
        std::vector<css::uno::Reference<css::awt::XControl>> controls;
        std::vector<int> weights;
        int lines = 0;
        // A Text row as the last arrange() placed it: the width its text was wrapped at and the height it
        // got.
        int placedWidth = -1;
        int placedHeight = -1;
    };
    // The height a Text row's label needs for its text wrapped at `width`; at least `unit / 2`.
    static int textRowHeight(const css::uno::Reference<css::awt::XControl>& label, int width, int unit);
    // The height of a button in the panel's font (about 26 px at 96 dpi): the unit of every gap and margin,
    // which come to LibreOffice's own 6 and 4 px at 96 dpi and grow with the font.
    int textHeight() const;
    int margin() const { return textHeight() / 4; }
    int gap() const { return textHeight() / 6; }

    std::vector<Row> rows_;
    int placedUnit_ = -1; // textHeight() when arrange() last ran
};

// What a control asks for: its preferred size, the width of a list or edit field capped (it scrolls).
css::awt::Size preferredSize(const css::uno::Reference<css::awt::XControl>& control);

} // namespace jixiao::office
