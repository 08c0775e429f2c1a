// Word's formula fields ({=SUM(ABOVE)} in a cell of a .docx) come into Writer as TableFormula text fields in
// the cell's text, and the cell itself stays text (XCell::getType says TEXT). They are the user's formulas as
// much as Writer's own (Table ▸ Formula), so the table reader takes them as the cell's formula and recompute
// reports a wrong value instead of typing over the field (core/assemble.hpp).
//
// A cell cannot say cheaply that its text holds a field, so they are found the other way round: through the
// document's list of fields, walked once per reader, when it is first asked.
#pragma once

#include <com/sun/star/frame/XModel.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace jixiao::office {

class WriterFieldFormulas {
public:
    explicit WriterFieldFormulas(const css::uno::Reference<css::frame::XModel>& model) : model_(model) {}

    // The formula of a TableFormula field in cell `cell` of table `table` ("sum <F2:F10>"), or nullptr.
    const std::string* find(const std::string& table, const std::string& cell);

private:
    css::uno::Reference<css::frame::XModel> model_;
    std::optional<std::map<std::pair<std::string, std::string>, std::string>> formulas_;
};

} // namespace jixiao::office
