#include "uno/panel/panel_layout.hpp"

#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>

#include <algorithm>
#include <numeric>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace jixiao::office {
namespace {

// Lists and edit fields scroll: their preferred width (the longest entry) is only a wish.
bool stretches(const Reference<awt::XControl>& control) {
    return Reference<awt::XListBox>(control, UNO_QUERY).is() ||
           Reference<awt::XTextComponent>(control, UNO_QUERY).is();
}

void place(const Reference<awt::XControl>& control, int x, int y, int width, int height) {
    Reference<awt::XWindow>(control, uno::UNO_QUERY_THROW)
        ->setPosSize(x, y, width, height, awt::PosSize::POSSIZE);
}

} // namespace

awt::Size preferredSize(const Reference<awt::XControl>& control) {
    Reference<awt::XLayoutConstrains> constraints(control->getPeer(), UNO_QUERY);
    if (!constraints.is())
        constraints.set(control, UNO_QUERY);
    awt::Size size = constraints.is() ? constraints->getPreferredSize() : awt::Size(80, 20);
    return size;
}

void PanelLayout::addRow(std::vector<Reference<awt::XControl>> controls, std::vector<int> weights) {
    if (weights.size() != controls.size())
        weights.assign(controls.size(), 1);
    rows_.push_back({Kind::Flow, std::move(controls), std::move(weights), 0});
}

void PanelLayout::addText(const Reference<awt::XControl>& label) {
    rows_.push_back({Kind::Text, {label}, {1}, 0});
}

void PanelLayout::addList(const Reference<awt::XControl>& list, int lines) {
    rows_.push_back({Kind::List, {list}, {1}, lines});
}

int PanelLayout::textHeight() const {
    // The first label or button of the panel: its preferred height follows the UI font.
    for (const auto& row : rows_)
        if (row.kind == Kind::Flow)
            for (const auto& control : row.controls)
                if (!stretches(control))
                    return std::max(8, static_cast<int>(preferredSize(control).Height));
    return 16;
}

int PanelLayout::textRowHeight(const Reference<awt::XControl>& label, int width, int unit) {
    // The label's own measure of its text wrapped at this width (FixedText::CalcMinimumSize).
    Reference<awt::XLayoutConstrains> constraints(label->getPeer(), UNO_QUERY);
    // At least a line's height (about half a button's), so an empty status line keeps its place.
    int height = unit / 2;
    if (constraints.is())
        height = std::max(height, static_cast<int>(constraints->calcAdjustedSize({width, 0}).Height));
    return height;
}

bool PanelLayout::keepsPlace(const Reference<awt::XControl>& label) const {
    for (const auto& row : rows_)
        if (row.kind == Kind::Text && row.controls.front() == label)
            return row.placedHeight >= 0 &&
                   textRowHeight(label, row.placedWidth, placedUnit_) == row.placedHeight;
    return false;
}

int PanelLayout::arrange(int width) {
    const int unit = textHeight();
    placedUnit_ = unit;
    const int m = margin();
    const int g = gap();
    const int usable = std::max(unit, width - 2 * m);
    int y = m;
    for (auto& row : rows_) {
        if (row.kind == Kind::Text) {
            const int height = textRowHeight(row.controls.front(), usable, unit);
            row.placedWidth = usable;
            row.placedHeight = height;
            place(row.controls.front(), m, y, usable, height);
            y += height + g;
            continue;
        }
        if (row.kind == Kind::List) {
            // A button's height is about a list entry's: `lines` of them, never less than the list asks for.
            const int height =
                std::max(static_cast<int>(preferredSize(row.controls.front()).Height), row.lines * unit);
            place(row.controls.front(), m, y, usable, height);
            y += height + g;
            continue;
        }
        std::vector<awt::Size> wanted;
        int wantedWidth = g * static_cast<int>(row.controls.size() - 1);
        int height = 0;
        for (const auto& control : row.controls) {
            auto size = preferredSize(control);
            if (stretches(control))
                size.Width = std::min(static_cast<int>(size.Width), 6 * unit);
            wanted.push_back(size);
            wantedWidth += size.Width;
            height = std::max(height, static_cast<int>(size.Height));
        }
        if (wantedWidth > usable) { // one line each, as wide as the panel
            for (std::size_t i = 0; i < row.controls.size(); ++i) {
                place(row.controls[i], m, y, usable, wanted[i].Height);
                y += wanted[i].Height + g;
            }
            continue;
        }
        const int extra = usable - wantedWidth;
        const int total = std::accumulate(row.weights.begin(), row.weights.end(), 0);
        int x = m;
        for (std::size_t i = 0; i < row.controls.size(); ++i) {
            const bool last = i + 1 == row.controls.size();
            const int w =
                last ? m + usable - x : wanted[i].Width + extra * row.weights[i] / std::max(total, 1);
            place(row.controls[i], x, y, w, height);
            x += w + g;
        }
        y += height + g;
    }
    return y - g + m;
}

int PanelLayout::minimalWidth() const {
    int widest = 0;
    for (const auto& row : rows_)
        if (row.kind == Kind::Flow)
            for (const auto& control : row.controls)
                if (!stretches(control))
                    widest = std::max(widest, static_cast<int>(preferredSize(control).Width));
    return widest + 2 * margin();
}

} // namespace jixiao::office
