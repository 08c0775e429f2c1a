// What the deck's panels share for one frame: its status line (the last thing Jixiao did or refused, in the
// user's words) and the template chosen in 报告信息 (which 插入打分表 in 打分表 uses). The sidebar creates
// and destroys each panel on its own, so neither lives in a panel: they live here, per frame, and the panels
// that show them are told when they change. Main thread only, as the panels are.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>

#include <functional>
#include <string>

namespace jixiao::office::deck_status {

struct Status {
    std::string text;
    std::string detail; // the office's own error text, for the tooltip
};

void set(const css::uno::Reference<css::frame::XFrame>& frame, const Status& status);
Status get(const css::uno::Reference<css::frame::XFrame>& frame);

void setTemplate(const css::uno::Reference<css::frame::XFrame>& frame, const std::string& id);
std::string chosenTemplate(const css::uno::Reference<css::frame::XFrame>& frame); // empty: none chosen

// `onChange` runs after each set() for `frame`; the returned id removes it (removeObserver).
int addObserver(const css::uno::Reference<css::frame::XFrame>& frame, std::function<void()> onChange);
void removeObserver(int id);

} // namespace jixiao::office::deck_status
